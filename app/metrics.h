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
#include <string>
#include <vector>

namespace earshot {

class Metrics {
 public:
  explicit Metrics(const std::string& version);

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  prometheus::Counter& PostsConsumed(const std::string& topic, const std::string& channel,
                                     const std::string& lang);
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
  prometheus::Gauge* rules_info_ = nullptr;
  prometheus::Histogram* latency_;
  prometheus::Counter* commits_;
  prometheus::Counter* commit_failures_;
  prometheus::Gauge* assigned_partitions_;
  prometheus::Gauge* rules_loaded_;
};

}  // namespace earshot
