// Limits: every bound earshot puts on memory, and what happens at each.
//
// No input or load may make earshot's memory grow without bound, so every
// buffer that input can fill has a limit. Hitting one is never silent: it
// counts in earshot_limit_hits_total{limit} and logs a warning that names
// the limit, its configured value and what earshot did (the first hit at
// once, later hits summed at most once a minute, so a flood of oversized
// posts cannot flood the log). earshot_limit{limit} exports the configured
// values, so a dashboard can show the headroom. docs/operations.md#limits
// lists them with their config keys.
//
// Thread safety: Hit() from any thread.
#pragma once

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string_view>
#include <vector>

namespace earshot {

struct Config;
struct Diagnostic;

enum class Limit {
  kPostSize,          // pipeline.max_record_bytes: the record is dead-lettered (too_large)
  kRuleCount,         // pipeline.max_rules: the rule set is refused, the rules in force stay
  kPatternCost,       // pipeline.max_pattern_program_size: likewise
  kOpenItems,         // alerting.max_open_items: the oldest open item is evicted
  kPendingAcks,       // acks for unknown items kept for a later post: the oldest is dropped
  kWebhookQueue,      // webhook.max_queue: the message is dropped (the Kafka route keeps it)
  kPartitionBacklog,  // pipeline.max_partition_backlog: the partition is paused until it drains
};
inline constexpr int kLimitCount = 7;

// The label value: "post_size", "rule_count", ...
std::string_view LimitName(Limit limit);
// What earshot does when the limit is hit, for the log line.
std::string_view LimitConsequence(Limit limit);

class LimitReporter {
 public:
  using NowFn = std::function<std::chrono::steady_clock::time_point()>;
  // Registers both families in `registry`, every limit at zero.
  explicit LimitReporter(prometheus::Registry& registry,
                         NowFn now = std::chrono::steady_clock::now);

  // Exports every configured limit as earshot_limit{limit}.
  void Publish(const Config& config);
  // `count` hits of `limit` just happened; `detail` (may be empty) says
  // where, e.g. the partition. Counts always; logs by the rule above.
  void Hit(Limit limit, uint64_t count = 1, std::string_view detail = {});
  // Counts the rule limits among a refused rule set's diagnostics
  // (`too_many_rules`, `pattern_too_costly`). The diagnostics themselves are
  // logged by the caller, with their file:line:column.
  void CountRuleLimits(const std::vector<Diagnostic>& diagnostics);

  double hits(Limit limit) const { return hits_[static_cast<size_t>(limit)]->Value(); }

 private:
  struct LogState {
    bool logged_once = false;
    std::chrono::steady_clock::time_point last_log{};
    uint64_t since_last_log = 0;
  };
  NowFn now_;
  std::array<prometheus::Counter*, kLimitCount> hits_{};
  std::array<prometheus::Gauge*, kLimitCount> values_{};
  std::mutex mutex_;  // guards log_state_
  std::array<LogState, kLimitCount> log_state_{};
};

}  // namespace earshot
