#include "app/metrics.h"

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
  assigned_partitions_ = &BuildGauge()
                              .Name("earshot_assigned_partitions")
                              .Help("Input partitions assigned to this instance")
                              .Register(r)
                              .Add({});
  rules_loaded_ = &BuildGauge()
                       .Name("earshot_rules_loaded")
                       .Help("Rules in the rule set in force")
                       .Register(r)
                       .Add({});
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
                                            const std::string& lang) {
  return Cached(*consumed_family_, consumed_,
                {{"topic", topic}, {"channel", ChannelLabel(channel)}, {"lang", LangLabel(lang)}});
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
