// LimitReporter: every hit counted, the log told at once and then at most
// once a minute, and the configured values exported.
#include "app/limits.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>
#include <thread>

#include "app/config.h"
#include "earshot/diagnostic.h"

namespace earshot {
namespace {

using Steady = std::chrono::steady_clock;

// Captures spdlog's default logger for the lifetime of the object.
class LimitLogCapture {
 public:
  LimitLogCapture() : previous_(spdlog::default_logger()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out_);
    sink->set_pattern("%l %v");
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("captured", sink));
  }
  ~LimitLogCapture() { spdlog::set_default_logger(previous_); }
  std::vector<std::string> Lines() const {
    std::vector<std::string> lines;
    std::istringstream in(out_.str());
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }

 private:
  std::ostringstream out_;
  std::shared_ptr<spdlog::logger> previous_;
};

double GaugeValue(prometheus::Registry& registry, const std::string& name,
                  const std::string& limit) {
  for (const auto& family : registry.Collect()) {
    if (family.name != name) continue;
    for (const auto& m : family.metric) {
      for (const auto& label : m.label) {
        if (label.name == "limit" && label.value == limit)
          return family.type == prometheus::MetricType::Gauge ? m.gauge.value : m.counter.value;
      }
    }
  }
  return -1;
}

TEST(LimitReporter, EveryLimitIsASeriesAtZeroFromTheStart) {
  prometheus::Registry registry;
  LimitReporter limits(registry);
  for (const char* name : {"post_size", "rule_count", "pattern_cost", "open_items", "pending_acks",
                           "webhook_queue", "partition_backlog"}) {
    EXPECT_EQ(GaugeValue(registry, "earshot_limit_hits_total", name), 0) << name;
  }
}

TEST(LimitReporter, CountsEveryHitButLogsTheFirstAtOnceAndThenOnceAMinute) {
  prometheus::Registry registry;
  Steady::time_point now{};
  LimitReporter limits(registry, [&now] { return now; });
  LimitLogCapture log;

  limits.Hit(Limit::kPartitionBacklog, 1, "posts/3");
  ASSERT_EQ(log.Lines().size(), 1u);
  EXPECT_NE(log.Lines()[0].find("warning limit partition_backlog reached at posts/3"),
            std::string::npos)
      << log.Lines()[0];
  EXPECT_NE(log.Lines()[0].find("paused until its backlog drains"), std::string::npos);

  for (int i = 0; i < 500; ++i) {  // a flood within the minute: counted, not logged
    now += std::chrono::milliseconds(100);
    limits.Hit(Limit::kPartitionBacklog, 2, "posts/1");
  }
  EXPECT_EQ(log.Lines().size(), 1u);
  EXPECT_EQ(GaugeValue(registry, "earshot_limit_hits_total", "partition_backlog"), 1001);

  now += std::chrono::seconds(11);  // more than a minute since the first line
  limits.Hit(Limit::kPartitionBacklog, 1, "posts/2");
  ASSERT_EQ(log.Lines().size(), 2u);
  EXPECT_NE(log.Lines()[1].find("reached 1001 more time(s) in the last minute, latest at posts/2"),
            std::string::npos)
      << log.Lines()[1];

  // Limits are logged independently of each other.
  limits.Hit(Limit::kPostSize, 1);
  ASSERT_EQ(log.Lines().size(), 3u);
  EXPECT_NE(log.Lines()[2].find("limit post_size reached: record dead-lettered as too_large"),
            std::string::npos)
      << log.Lines()[2];
}

TEST(LimitReporter, ZeroHitsNeitherCountNorLog) {
  prometheus::Registry registry;
  LimitReporter limits(registry);
  LimitLogCapture log;
  limits.Hit(Limit::kOpenItems, 0);
  EXPECT_TRUE(log.Lines().empty());
  EXPECT_EQ(limits.hits(Limit::kOpenItems), 0);
}

TEST(LimitReporter, PublishesTheConfiguredValues) {
  prometheus::Registry registry;
  LimitReporter limits(registry);
  Config config = DefaultConfig();
  config.max_partition_backlog = 1234;
  config.rule_limits.max_rules = 77;
  config.alerting.max_pending_acks = 5;
  limits.Publish(config);
  EXPECT_EQ(GaugeValue(registry, "earshot_limit", "partition_backlog"), 1234);
  EXPECT_EQ(GaugeValue(registry, "earshot_limit", "rule_count"), 77);
  EXPECT_EQ(GaugeValue(registry, "earshot_limit", "pending_acks"), 5);
  EXPECT_EQ(GaugeValue(registry, "earshot_limit", "post_size"),
            static_cast<double>(config.decode.max_record_bytes));
  EXPECT_EQ(GaugeValue(registry, "earshot_limit", "open_items"),
            static_cast<double>(config.alerting.max_open_items));
}

TEST(LimitReporter, CountsRuleLimitsAmongTheErrorsOfARefusedRuleSet) {
  prometheus::Registry registry;
  LimitReporter limits(registry);
  LimitLogCapture log;
  std::vector<Diagnostic> d = {
      Diagnostic{Severity::kError, "too_many_rules", "a.yaml", 9, 5, "more than 2 rules", ""},
      Diagnostic{Severity::kError, "pattern_too_costly", "a.yaml", 3, 7, "big", ""},
      Diagnostic{Severity::kError, "pattern_too_costly", "a.yaml", 4, 7, "big", ""},
      Diagnostic{Severity::kError, "regex_syntax", "a.yaml", 5, 7, "bad", ""},
      Diagnostic{Severity::kWarning, "no_tests", "a.yaml", 6, 3, "no tests", ""},
  };
  limits.CountRuleLimits(d);
  EXPECT_EQ(limits.hits(Limit::kRuleCount), 1);
  EXPECT_EQ(limits.hits(Limit::kPatternCost), 2);
  EXPECT_EQ(log.Lines().size(), 2u);
}

TEST(LimitReporter, HitsFromManyThreadsAreAllCountedAndLoggedOnce) {
  prometheus::Registry registry;
  LimitReporter limits(registry);
  LimitLogCapture log;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&limits] {
      for (int i = 0; i < 1000; ++i) limits.Hit(Limit::kPartitionBacklog);
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(limits.hits(Limit::kPartitionBacklog), 4000);
  EXPECT_EQ(log.Lines().size(), 1u);  // all within the first minute
}

}  // namespace
}  // namespace earshot
