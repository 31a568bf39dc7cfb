#include "app/limits.h"

#include <spdlog/spdlog.h>

#include "app/config.h"
#include "earshot/diagnostic.h"

namespace earshot {
namespace {

struct LimitInfo {
  std::string_view name;
  std::string_view consequence;
};

constexpr std::array<LimitInfo, kLimitCount> kInfo = {{
    {"post_size", "record dead-lettered as too_large"},
    {"rule_count", "rule set refused; the rules in force stay"},
    {"pattern_cost", "rule set refused; the rules in force stay"},
    {"open_items", "oldest open item evicted unanswered"},
    {"pending_acks", "oldest ack for an unknown item dropped"},
    {"webhook_queue", "webhook message dropped (the Kafka route still has the event)"},
    {"partition_backlog", "partition paused until its backlog drains"},
}};

// A minute between summaries: enough to see a limit is still being hit,
// too seldom to flood a log shipper.
constexpr auto kLogInterval = std::chrono::minutes(1);

}  // namespace

std::string_view LimitName(Limit limit) { return kInfo[static_cast<size_t>(limit)].name; }

std::string_view LimitConsequence(Limit limit) {
  return kInfo[static_cast<size_t>(limit)].consequence;
}

LimitReporter::LimitReporter(prometheus::Registry& registry, NowFn now) : now_(std::move(now)) {
  auto& hits = prometheus::BuildCounter()
                   .Name("earshot_limit_hits_total")
                   .Help("Times a resource limit was reached, by limit (docs/operations.md#limits)")
                   .Register(registry);
  auto& values = prometheus::BuildGauge()
                     .Name("earshot_limit")
                     .Help("Configured value of each resource limit")
                     .Register(registry);
  // Every limit is a series from the start, at zero, so an alert on its
  // rate works before the first hit.
  for (size_t i = 0; i < kInfo.size(); ++i) {
    hits_[i] = &hits.Add({{"limit", std::string(kInfo[i].name)}});
    values_[i] = &values.Add({{"limit", std::string(kInfo[i].name)}});
  }
}

void LimitReporter::Publish(const Config& config) {
  const auto set = [this](Limit limit, double value) {
    values_[static_cast<size_t>(limit)]->Set(value);
  };
  set(Limit::kPostSize, static_cast<double>(config.decode.max_record_bytes));
  set(Limit::kRuleCount, static_cast<double>(config.rule_limits.max_rules));
  set(Limit::kPatternCost, static_cast<double>(config.rule_limits.max_program_size));
  set(Limit::kOpenItems, static_cast<double>(config.alerting.max_open_items));
  set(Limit::kPendingAcks, static_cast<double>(config.alerting.max_pending_acks));
  set(Limit::kWebhookQueue, static_cast<double>(config.webhook.max_queue));
  set(Limit::kPartitionBacklog, static_cast<double>(config.max_partition_backlog));
}

void LimitReporter::CountRuleLimits(const std::vector<Diagnostic>& diagnostics) {
  uint64_t rules = 0;
  uint64_t patterns = 0;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity != Severity::kError) continue;
    if (d.code == "too_many_rules") ++rules;
    if (d.code == "pattern_too_costly") ++patterns;
  }
  Hit(Limit::kRuleCount, rules);
  Hit(Limit::kPatternCost, patterns);
}

void LimitReporter::Hit(Limit limit, uint64_t count, std::string_view detail) {
  if (count == 0) return;
  const std::string_view name = LimitName(limit);
  hits_[static_cast<size_t>(limit)]->Increment(static_cast<double>(count));
  const auto now = now_();
  uint64_t summed = 0;
  bool first = false;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    LogState& state = log_state_[static_cast<size_t>(limit)];
    state.since_last_log += count;
    if (state.logged_once && now - state.last_log < kLogInterval) return;
    first = !state.logged_once;
    summed = state.since_last_log;
    state.logged_once = true;
    state.last_log = now;
    state.since_last_log = 0;
  }
  if (first) {
    spdlog::warn(
        "limit {} reached{}{}: {} (earshot_limit_hits_total{{limit=\"{}\"}}; further "
        "hits are summed once a minute)",
        name, detail.empty() ? "" : " at ", detail, LimitConsequence(limit), name);
  } else {
    spdlog::warn("limit {} reached {} more time(s) in the last minute{}{}: {}", name, summed,
                 detail.empty() ? "" : ", latest at ", detail, LimitConsequence(limit));
  }
}

}  // namespace earshot
