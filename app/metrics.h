// Metrics: every Prometheus metric earshot exports, registered once at
// start-up (prometheus-cpp's Family::Add takes a lock; the hot path only
// increments counters it already holds).
//
// Label values that come from input (channel, language) are mapped onto a
// fixed set first, so hostile input cannot create unbounded series.
//
// Thread safety: counters and histograms are thread-safe; the label caches
// are guarded by a mutex and used only on a cache miss.
#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/limits.h"

namespace earshot {

class Metrics {
 public:
  explicit Metrics(const std::string& version);

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  prometheus::Counter& PostsConsumed(const std::string& topic, const std::string& channel,
                                     const std::string& lang, const std::string& brand = "");
  // Brands that get their own label value (others are "other"), so hostile
  // input cannot create unbounded series. Call before the first post.
  void SetKnownBrands(std::set<std::string> brands);
  prometheus::Counter& PostsClassified(const std::string& post_class);
  prometheus::Counter& Alerts(const std::string& type);
  prometheus::Counter& DeadLetters(const std::string& reason);
  prometheus::Counter& RuleMatches(const std::string& rule_id);
  prometheus::Counter& OutputFailures(const std::string& topic);
  prometheus::Gauge& ConsumerLag(const std::string& topic, int32_t partition);
  prometheus::Counter& RulesReload(const std::string& result);  // success | error
  // Brings earshot_rules_dfa_out_of_memory_total up to date (before a scrape).
  void SyncDfaOutOfMemory(uint64_t total);
  prometheus::Histogram& ProcessingLatency() { return *latency_; }
  prometheus::Counter& Commits() { return *commits_; }
  prometheus::Counter& CommitFailures() { return *commit_failures_; }
  prometheus::Gauge& AssignedPartitions() { return *assigned_partitions_; }
  prometheus::Gauge& RulesLoaded() { return *rules_loaded_; }

  // Sets earshot_rules_info{version} (one series: the version in force).
  void SetRulesVersion(const std::string& version, size_t rule_count);

  // The alerting stage (issue 6 metrics).
  prometheus::Counter& Responses(const std::string& channel, const std::string& post_class);
  prometheus::Histogram& FirstResponse(const std::string& channel, const std::string& post_class);
  prometheus::Counter& Overdue(int step);
  prometheus::Counter& Acks() { return *acks_; }
  prometheus::Counter& Spikes() { return *spikes_; }
  prometheus::Counter& GroupedPosts() { return *grouped_; }
  prometheus::Counter& ExpiredItems(const std::string& reason);  // expired | evicted
  prometheus::Counter& BadStateRecords() { return *bad_state_; }
  prometheus::Gauge& StateRestored() { return *state_restored_; }
  // Pre-registers earshot_overdue_total for steps 1..n at zero.
  void RegisterOverdueSteps(int n);
  // Open items of one worker, by (channel, priority); the exported gauge is
  // the sum over workers. `oldest_ms`: received time of its oldest item.
  void SetOpenItems(int worker, const std::map<std::pair<std::string, std::string>, int64_t>& open,
                    std::optional<int64_t> oldest_ms, int64_t now_ms);
  // Brings earshot_webhook_failures_total up to date (failed + dropped).
  void SyncWebhookFailures(uint64_t total);
  // Brings earshot_limit_hits_total{limit="webhook_queue"} up to date
  // (messages the webhook queue refused so far).
  void SyncWebhookQueueFull(uint64_t total);

  // Resource limits: their hit counters, configured values and log lines.
  LimitReporter& Limits() { return *limits_; }

  // Label normalization for input-derived values.
  static std::string ChannelLabel(const std::string& channel);
  static std::string LangLabel(const std::string& lang);

 private:
  template <typename T>
  T& Cached(prometheus::Family<T>& family, std::map<std::string, T*>& cache,
            const std::map<std::string, std::string>& labels);

  std::shared_ptr<prometheus::Registry> registry_;
  std::mutex mutex_;  // guards the caches below
  prometheus::Family<prometheus::Counter>* consumed_family_;
  prometheus::Family<prometheus::Counter>* classified_family_;
  prometheus::Family<prometheus::Counter>* alerts_family_;
  prometheus::Family<prometheus::Counter>* dead_letter_family_;
  prometheus::Family<prometheus::Counter>* rule_family_;
  prometheus::Family<prometheus::Counter>* output_failure_family_;
  prometheus::Family<prometheus::Gauge>* lag_family_;
  prometheus::Family<prometheus::Gauge>* rules_info_family_;
  prometheus::Family<prometheus::Counter>* reload_family_;
  prometheus::Counter* dfa_oom_;
  uint64_t dfa_oom_seen_ = 0;  // guarded by mutex_
  std::map<std::string, prometheus::Counter*> consumed_, classified_, alerts_, dead_letters_,
      rule_matches_, output_failures_, reloads_;
  std::map<std::string, prometheus::Gauge*> lag_;
  std::set<std::string> known_brands_;  // guarded by mutex_
  prometheus::Family<prometheus::Counter>* responses_family_;
  prometheus::Family<prometheus::Histogram>* first_response_family_;
  prometheus::Family<prometheus::Counter>* overdue_family_;
  prometheus::Family<prometheus::Counter>* expired_family_;
  prometheus::Family<prometheus::Gauge>* open_items_family_;
  std::map<std::string, prometheus::Counter*> responses_, overdue_, expired_;
  std::map<std::string, prometheus::Histogram*> first_responses_;
  std::map<std::string, prometheus::Gauge*> open_items_;
  // Per worker: open items by "channel\x1fpriority", and the oldest item.
  std::map<int, std::map<std::string, int64_t>> open_by_worker_;
  std::map<int, std::optional<int64_t>> oldest_by_worker_;
  prometheus::Gauge* oldest_age_;
  prometheus::Counter* acks_;
  prometheus::Counter* spikes_;
  prometheus::Counter* grouped_;
  prometheus::Counter* bad_state_;
  prometheus::Gauge* state_restored_;
  prometheus::Counter* webhook_failures_;
  uint64_t webhook_failures_seen_ = 0;    // guarded by mutex_
  uint64_t webhook_queue_full_seen_ = 0;  // guarded by mutex_
  prometheus::Gauge* rules_info_ = nullptr;
  prometheus::Histogram* latency_;
  prometheus::Counter* commits_;
  prometheus::Counter* commit_failures_;
  prometheus::Gauge* assigned_partitions_;
  prometheus::Gauge* rules_loaded_;
  std::unique_ptr<LimitReporter> limits_;
};

}  // namespace earshot
