#include "app/metrics.h"

#include <algorithm>
#include <set>

namespace earshot {

using prometheus::BuildCounter;
using prometheus::BuildGauge;
using prometheus::BuildHistogram;

Metrics::Metrics(const std::string& version) : registry_(std::make_shared<prometheus::Registry>()) {
  auto& r = *registry_;
  consumed_family_ = &BuildCounter()
                          .Name("earshot_posts_consumed_total")
                          .Help("Input records consumed, by topic, channel and language")
                          .Register(r);
  classified_family_ = &BuildCounter()
                            .Name("earshot_posts_classified_total")
                            .Help("Posts classified, by class")
                            .Register(r);
  alerts_family_ = &BuildCounter()
                        .Name("earshot_alerts_total")
                        .Help("Alert events emitted, by event type")
                        .Register(r);
  dead_letter_family_ = &BuildCounter()
                             .Name("earshot_dead_letter_total")
                             .Help("Records sent to the dead-letter topic, by reason")
                             .Register(r);
  rule_family_ = &BuildCounter()
                      .Name("earshot_rule_matches_total")
                      .Help("Posts matched, by rule id")
                      .Register(r);
  output_failure_family_ = &BuildCounter()
                                .Name("earshot_output_failures_total")
                                .Help("Outputs the broker did not acknowledge, by topic")
                                .Register(r);
  lag_family_ = &BuildGauge()
                     .Name("earshot_consumer_lag")
                     .Help(
                         "Records behind the high watermark, per input partition "
                         "(from librdkafka statistics)")
                     .Register(r);
  rules_info_family_ = &BuildGauge()
                            .Name("earshot_rules_info")
                            .Help("The rule set in force (value 1), by version hash")
                            .Register(r);
  reload_family_ = &BuildCounter()
                        .Name("earshot_rules_reload_total")
                        .Help("Rule reloads, by result (success, error: the old rules stayed)")
                        .Register(r);
  reload_family_->Add({{"result", "success"}});
  reload_family_->Add({{"result", "error"}});
  dfa_oom_ = &BuildCounter()
                  .Name("earshot_rules_dfa_out_of_memory_total")
                  .Help("Matches where RE2's DFA ran out of memory (possible misses)")
                  .Register(r)
                  .Add({});
  latency_ =
      &BuildHistogram()
           .Name("earshot_processing_latency_seconds")
           .Help("From receiving a record to the broker acknowledging all its outputs")
           .Register(r)
           .Add({}, prometheus::Histogram::BucketBoundaries{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                            0.1, 0.25, 0.5, 1, 2.5, 5, 10});
  commits_ = &BuildCounter()
                  .Name("earshot_offset_commits_total")
                  .Help("Offset commits sent")
                  .Register(r)
                  .Add({});
  commit_failures_ = &BuildCounter()
                          .Name("earshot_offset_commit_failures_total")
                          .Help("Offset commits the broker refused")
                          .Register(r)
                          .Add({});
  assigned_partitions_ =
      &BuildGauge()
           .Name("earshot_assigned_partitions")
           .Help("Partitions assigned to this instance (input topics and the classified topic)")
           .Register(r)
           .Add({});
  rules_loaded_ = &BuildGauge()
                       .Name("earshot_rules_loaded")
                       .Help("Rules in the rule set in force")
                       .Register(r)
                       .Add({});
  responses_family_ = &BuildCounter()
                           .Name("earshot_responses_total")
                           .Help("Items answered by a brand reply, by channel and class")
                           .Register(r);
  first_response_family_ = &BuildHistogram()
                                .Name("earshot_first_response_seconds")
                                .Help("Time from an item's first post to the brand's first reply")
                                .Register(r);
  overdue_family_ = &BuildCounter()
                         .Name("earshot_overdue_total")
                         .Help("response_overdue events, by escalation step (1 = the deadline)")
                         .Register(r);
  expired_family_ = &BuildCounter()
                         .Name("earshot_items_dropped_total")
                         .Help(
                             "Open items dropped unanswered, by reason (expired after their "
                             "last step; evicted at alerting.max_open_items)")
                         .Register(r);
  expired_family_->Add({{"reason", "expired"}});
  expired_family_->Add({{"reason", "evicted"}});
  open_items_family_ = &BuildGauge()
                            .Name("earshot_open_items")
                            .Help("Items waiting for a first response, by channel and priority")
                            .Register(r);
  oldest_age_ = &BuildGauge()
                     .Name("earshot_oldest_open_item_age_seconds")
                     .Help("Age of the oldest item still waiting for a first response")
                     .Register(r)
                     .Add({});
  acks_ = &BuildCounter()
               .Name("earshot_acks_total")
               .Help("Items acknowledged (escalation stopped)")
               .Register(r)
               .Add({});
  spikes_ = &BuildCounter()
                 .Name("earshot_spikes_total")
                 .Help("complaint_spike events")
                 .Register(r)
                 .Add({});
  grouped_ = &BuildCounter()
                  .Name("earshot_grouped_posts_total")
                  .Help("Posts that joined an open item instead of alerting again")
                  .Register(r)
                  .Add({});
  bad_state_ = &BuildCounter()
                    .Name("earshot_state_records_invalid_total")
                    .Help("Changelog records that could not be read back (skipped)")
                    .Register(r)
                    .Add({});
  state_restored_ = &BuildGauge()
                         .Name("earshot_state_restored")
                         .Help("1 when the alerting state of every assigned partition is restored")
                         .Register(r)
                         .Add({});
  webhook_failures_ = &BuildCounter()
                           .Name("earshot_webhook_failures_total")
                           .Help(
                               "Webhook messages not delivered (failed after retries, or "
                               "dropped with the queue full)")
                           .Register(r)
                           .Add({});
  for (const char* type :
       {"response_due", "response_overdue", "responded", "acknowledged", "complaint_spike"}) {
    alerts_family_->Add({{"type", type}});
  }
  limits_ = std::make_unique<LimitReporter>(r);
  BuildGauge()
      .Name("earshot_build_info")
      .Help("Build information (value 1)")
      .Register(r)
      .Add({{"version", version}})
      .Set(1);
}

template <typename T>
T& Metrics::Cached(prometheus::Family<T>& family, std::map<std::string, T*>& cache,
                   const std::map<std::string, std::string>& labels) {
  std::string key;
  for (const auto& [k, v] : labels) key.append(v).append(1, '\x1f');
  const std::lock_guard<std::mutex> lock(mutex_);
  if (const auto it = cache.find(key); it != cache.end()) return *it->second;
  T& metric = family.Add(labels);
  cache.emplace(key, &metric);
  return metric;
}

prometheus::Counter& Metrics::PostsConsumed(const std::string& topic, const std::string& channel,
                                            const std::string& lang, const std::string& brand) {
  std::string brand_label;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    brand_label = brand.empty() ? "unknown" : known_brands_.count(brand) != 0 ? brand : "other";
  }
  return Cached(*consumed_family_, consumed_,
                {{"topic", topic},
                 {"channel", ChannelLabel(channel)},
                 {"lang", LangLabel(lang)},
                 {"brand", brand_label}});
}

void Metrics::SetKnownBrands(std::set<std::string> brands) {
  const std::lock_guard<std::mutex> lock(mutex_);
  known_brands_ = std::move(brands);
}

prometheus::Counter& Metrics::Responses(const std::string& channel, const std::string& post_class) {
  return Cached(*responses_family_, responses_,
                {{"channel", ChannelLabel(channel)}, {"class", post_class}});
}

prometheus::Histogram& Metrics::FirstResponse(const std::string& channel,
                                              const std::string& post_class) {
  std::string key = ChannelLabel(channel) + "\x1f" + post_class;
  const std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = first_responses_.find(key); it != first_responses_.end()) return *it->second;
  // Minutes to days: SLAs run from 15 minutes to 24 hours of open time.
  auto& h = first_response_family_->Add(
      {{"channel", ChannelLabel(channel)}, {"class", post_class}},
      prometheus::Histogram::BucketBoundaries{60, 300, 900, 1800, 3600, 7200, 14400, 28800, 86400,
                                              172800, 604800});
  first_responses_.emplace(key, &h);
  return h;
}

prometheus::Counter& Metrics::Overdue(int step) {
  return Cached(*overdue_family_, overdue_, {{"step", std::to_string(step)}});
}

void Metrics::RegisterOverdueSteps(int n) {
  for (int step = 1; step <= n; ++step) Overdue(step);
}

prometheus::Counter& Metrics::ExpiredItems(const std::string& reason) {
  return Cached(*expired_family_, expired_, {{"reason", reason}});
}

void Metrics::SetOpenItems(int worker,
                           const std::map<std::pair<std::string, std::string>, int64_t>& open,
                           std::optional<int64_t> oldest_ms, int64_t now_ms) {
  std::map<std::string, int64_t> mine;
  for (const auto& [k, n] : open) mine[ChannelLabel(k.first) + "\x1f" + k.second] += n;
  const std::lock_guard<std::mutex> lock(mutex_);
  open_by_worker_[worker] = std::move(mine);
  oldest_by_worker_[worker] = oldest_ms;
  std::map<std::string, int64_t> total;
  for (const auto& [w, m] : open_by_worker_)
    for (const auto& [k, n] : m) total[k] += n;
  for (auto& [k, gauge] : open_items_) gauge->Set(0);  // series seen before stay, at zero
  for (const auto& [k, n] : total) {
    auto it = open_items_.find(k);
    if (it == open_items_.end()) {
      const size_t sep = k.find('\x1f');
      it = open_items_
               .emplace(k, &open_items_family_->Add(
                               {{"channel", k.substr(0, sep)}, {"priority", k.substr(sep + 1)}}))
               .first;
    }
    it->second->Set(static_cast<double>(n));
  }
  std::optional<int64_t> oldest;
  for (const auto& [w, o] : oldest_by_worker_)
    if (o && (!oldest || *o < *oldest)) oldest = o;
  oldest_age_->Set(oldest ? std::max<double>(0, static_cast<double>(now_ms - *oldest) / 1000.0)
                          : 0.0);
}

void Metrics::SyncWebhookFailures(uint64_t total) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (total > webhook_failures_seen_) {
    webhook_failures_->Increment(static_cast<double>(total - webhook_failures_seen_));
    webhook_failures_seen_ = total;
  }
}

void Metrics::SyncWebhookQueueFull(uint64_t total) {
  uint64_t delta = 0;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (total > webhook_queue_full_seen_) delta = total - webhook_queue_full_seen_;
    webhook_queue_full_seen_ = std::max(total, webhook_queue_full_seen_);
  }
  limits_->Hit(Limit::kWebhookQueue, delta);
}

prometheus::Counter& Metrics::PostsClassified(const std::string& post_class) {
  return Cached(*classified_family_, classified_, {{"class", post_class}});
}

prometheus::Counter& Metrics::Alerts(const std::string& type) {
  return Cached(*alerts_family_, alerts_, {{"type", type}});
}

prometheus::Counter& Metrics::DeadLetters(const std::string& reason) {
  return Cached(*dead_letter_family_, dead_letters_, {{"reason", reason}});
}

prometheus::Counter& Metrics::RuleMatches(const std::string& rule_id) {
  return Cached(*rule_family_, rule_matches_, {{"rule", rule_id}});
}

prometheus::Counter& Metrics::OutputFailures(const std::string& topic) {
  return Cached(*output_failure_family_, output_failures_, {{"topic", topic}});
}

prometheus::Gauge& Metrics::ConsumerLag(const std::string& topic, int32_t partition) {
  return Cached(*lag_family_, lag_, {{"topic", topic}, {"partition", std::to_string(partition)}});
}

prometheus::Counter& Metrics::RulesReload(const std::string& result) {
  return Cached(*reload_family_, reloads_, {{"result", result}});
}

void Metrics::SyncDfaOutOfMemory(uint64_t total) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (total > dfa_oom_seen_) {
    dfa_oom_->Increment(static_cast<double>(total - dfa_oom_seen_));
    dfa_oom_seen_ = total;
  }
}

void Metrics::SetRulesVersion(const std::string& version, size_t rule_count) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (rules_info_ != nullptr) rules_info_family_->Remove(rules_info_);
  rules_info_ = &rules_info_family_->Add({{"version", version}});
  rules_info_->Set(1);
  rules_loaded_->Set(static_cast<double>(rule_count));
}

std::string Metrics::ChannelLabel(const std::string& channel) {
  static const std::set<std::string> kKnown = {"x",           "instagram",       "facebook",
                                               "tiktok",      "youtube",         "app_store",
                                               "google_play", "google_maps",     "trustpilot",
                                               "sikayetvar",  "complaint_board", "google_reviews"};
  if (channel.empty()) return "unknown";
  return kKnown.count(channel) != 0 ? channel : "other";
}

std::string Metrics::LangLabel(const std::string& lang) {
  if (lang.empty()) return "unknown";
  return lang == "tr" || lang == "en" ? lang : "other";
}

}  // namespace earshot
