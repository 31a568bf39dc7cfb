// End to end through the embedded Kafka-protocol broker: posts in, classified
// posts, response_due alerts and dead letters out, metrics over HTTP, and a
// crash (SIGKILL) in the middle of a stream that loses nothing.
#include <gtest/gtest.h>
#include <httplib.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <thread>
#include <vector>

#include "app/service.h"
#include "tests/support/child_process.h"
#include "tests/support/test_posts.h"

namespace earshot {
namespace {

using namespace std::chrono_literals;
using testing::MakeTestPost;
using testing::TestPost;

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto broker = EmbeddedBroker::Start(EmbeddedBrokerOptions{});
    ASSERT_TRUE(broker.ok()) << broker.status().ToString();
    broker_ = std::move(broker).value();
    config_ = testing::TestConfig(broker_->bootstrap_servers());
    ASSERT_TRUE(CreateTopics(*broker_, config_).ok());
    producer_props_ = {{"bootstrap.servers", broker_->bootstrap_servers()},
                       {"message.max.bytes", "4194304"}};
  }

  // Produces posts [first, last) and, if asked, the bad records.
  void Produce(int first, int last, bool with_bad) {
    std::vector<OutRecord> records;
    for (int i = first; i < last; ++i) {
      records.push_back(OutRecord{"posts", "", MakeTestPost(i).json, {}, -1});
    }
    if (with_bad) {
      for (const auto& [bytes, reason] : testing::BadRecords()) {
        records.push_back(OutRecord{"posts", "", bytes, {{"origin", "test"}}, -1});
      }
    }
    ASSERT_TRUE(ProduceAll(producer_props_, records).ok());
  }

  // Polls until the group has committed every input record, or the deadline.
  bool WaitCaughtUp(std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      auto backlog =
          GroupBacklog(producer_props_, config_.GroupId(), config_.ConsumedTopics(), 5000);
      if (backlog.ok() && *backlog == 0) return true;
      std::this_thread::sleep_for(100ms);
    }
    return false;
  }

  // Partitions the group reads: the inputs' and the classified topic's.
  int AllPartitions() const {
    return config_.embedded_partitions * static_cast<int>(config_.ConsumedTopics().size());
  }

  // Waits until the group has settled with every input partition assigned,
  // so the test's records are not re-delivered by a start-up rebalance
  // (which at-least-once allows, but which would blur exact counts).
  static bool WaitAssigned(Service& service, int partitions) {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    int stable = 0;
    while (std::chrono::steady_clock::now() < deadline) {
      const double assigned = service.metrics().AssignedPartitions().Value();
      stable = assigned == partitions ? stable + 1 : 0;
      if (stable >= 10) return true;  // a second without change
      std::this_thread::sleep_for(100ms);
    }
    return false;
  }

  std::vector<ConsumedRecord> Read(const std::string& topic) {
    auto records = ReadTopic(producer_props_, topic);
    EXPECT_TRUE(records.ok()) << records.status().ToString();
    return records.ok() ? *records : std::vector<ConsumedRecord>{};
  }

  // Ids of the events of one type (the alerts topic carries every alerting
  // event type; complaint spikes, for one, depend on timing).
  static std::set<std::string> EventIds(const std::vector<ConsumedRecord>& alerts,
                                        const std::string& type = "response_due") {
    std::set<std::string> ids;
    for (const ConsumedRecord& r : alerts) {
      if (r.Header("earshot.event_type") != type) continue;
      rapidjson::Document doc;
      doc.Parse(r.value.c_str());
      if (doc.IsObject() && doc.HasMember("event_id")) ids.insert(doc["event_id"].GetString());
    }
    return ids;
  }

  // Equal id sets, or a message naming what is missing and what is not
  // expected (gtest would print only the first 32 of thousands of ids).
  static void ExpectSameIds(const std::set<std::string>& got, const std::set<std::string>& want) {
    std::vector<std::string> missing;
    std::vector<std::string> unexpected;
    std::set_difference(want.begin(), want.end(), got.begin(), got.end(),
                        std::back_inserter(missing));
    std::set_difference(got.begin(), got.end(), want.begin(), want.end(),
                        std::back_inserter(unexpected));
    auto some = [](const std::vector<std::string>& ids) {
      std::string out;
      for (size_t i = 0; i < ids.size() && i < 10; ++i) out += " " + ids[i];
      return out;
    };
    EXPECT_TRUE(missing.empty()) << missing.size() << " of " << want.size()
                                 << " expected ids missing:" << some(missing);
    EXPECT_TRUE(unexpected.empty())
        << unexpected.size() << " ids not expected:" << some(unexpected);
  }

  static std::set<std::string> ExpectedAlerts(int n) {
    std::set<std::string> ids;
    for (int i = 0; i < n; ++i) {
      const TestPost p = MakeTestPost(i);
      if (testing::NeedsAlert(p.intent)) ids.insert(testing::ExpectedEventId(p, i));
    }
    return ids;
  }

  std::unique_ptr<EmbeddedBroker> broker_;
  Config config_;
  KafkaProperties producer_props_;
};

TEST_F(PipelineTest, EveryPostIsClassifiedAlertedOrDeadLettered) {
  constexpr int kPosts = 400;
  config_.workers = 2;
  auto service = Service::Start(config_);
  ASSERT_TRUE(service.ok()) << service.status().ToString();
  ASSERT_TRUE(WaitAssigned(**service, AllPartitions()));
  Produce(0, kPosts, /*with_bad=*/true);
  ASSERT_TRUE(WaitCaughtUp(60s));

  // Every valid post classified exactly as written.
  const auto classified = Read("posts.classified");
  std::map<std::string, std::string> class_of;
  for (const ConsumedRecord& r : classified) {
    rapidjson::Document doc;
    doc.Parse(r.value.c_str());
    ASSERT_TRUE(doc.IsObject());
    class_of[doc["post"]["id"].GetString()] = doc["class"].GetString();
    EXPECT_EQ(r.key, doc["post"]["conversation_id"].GetString());
  }
  ASSERT_EQ(class_of.size(), static_cast<size_t>(kPosts));
  for (int i = 0; i < kPosts; ++i) {
    const TestPost p = MakeTestPost(i);
    const char* expected = p.intent == testing::Intent::kPraise     ? "praise"
                           : p.intent == testing::Intent::kQuestion ? "question"
                                                                    : "complaint";
    EXPECT_EQ(class_of[p.id], expected) << p.json;
  }

  // Exactly the expected alerts.
  ExpectSameIds(EventIds(Read("alerts")), ExpectedAlerts(kPosts));

  // Each bad record dead-lettered with its reason, original bytes and source.
  // At-least-once: a record may be re-delivered after a rebalance, so count
  // each source position once.
  const auto dead = Read("posts.dlq");
  const auto bad = testing::BadRecords();
  std::multiset<std::string> want, got;
  std::set<std::string> positions;
  for (const auto& [bytes, reason] : bad) want.insert(reason + "|" + bytes);
  for (const ConsumedRecord& r : dead) {
    const std::string position =
        r.Header("earshot.source.partition") + "/" + r.Header("earshot.source.offset");
    if (!positions.insert(position).second) continue;
    got.insert(r.Header("earshot.error") + "|" + r.value);
    EXPECT_FALSE(r.Header("earshot.error.detail").empty());
    EXPECT_EQ(r.Header("earshot.source.topic"), "posts");
    EXPECT_FALSE(r.Header("earshot.source.offset").empty());
    EXPECT_EQ(r.Header("origin"), "test");  // the producer's own headers are kept
  }
  EXPECT_EQ(got, want);

  (*service)->RequestStop();
  EXPECT_TRUE((*service)->Wait().ok());
}

// Backpressure and the post size limit through the running pipeline: with a
// tiny per-partition backlog every partition is paused and resumed many
// times, an oversized record hits the post size limit, and still every post
// is classified and alerted exactly as without limits.
TEST_F(PipelineTest, BackloggedPartitionsArePausedAndResumedLosingNothing) {
  constexpr int kPosts = 600;
  config_.max_partition_backlog = 16;
  auto service = Service::Start(config_);
  ASSERT_TRUE(service.ok()) << service.status().ToString();
  ASSERT_TRUE(WaitAssigned(**service, AllPartitions()));
  Produce(0, kPosts, /*with_bad=*/true);
  ASSERT_TRUE(WaitCaughtUp(120s));

  std::set<std::string> classified;
  for (const ConsumedRecord& r : Read("posts.classified")) {
    rapidjson::Document doc;
    doc.Parse(r.value.c_str());
    ASSERT_TRUE(doc.IsObject());
    classified.insert(doc["post"]["id"].GetString());
  }
  EXPECT_EQ(classified.size(), static_cast<size_t>(kPosts));
  ExpectSameIds(EventIds(Read("alerts")), ExpectedAlerts(kPosts));

  LimitReporter& limits = (*service)->metrics().Limits();
  EXPECT_GT(limits.hits(Limit::kPartitionBacklog), 0);
  EXPECT_GE(limits.hits(Limit::kPostSize), 1);  // the too_large record (replays allowed)
  (*service)->RequestStop();
  EXPECT_TRUE((*service)->Wait().ok());
}

// Reads one sample's value from Prometheus text: `name{labels} value`.
double Sample(const std::string& text, const std::string& series) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(series + " ", 0) == 0) return std::stod(line.substr(series.size() + 1));
  }
  return -1;
}

TEST_F(PipelineTest, MetricsEndpointReportsWhatHappened) {
  constexpr int kPosts = 200;
  auto service = Service::Start(config_);
  ASSERT_TRUE(service.ok()) << service.status().ToString();
  ASSERT_TRUE(WaitAssigned(**service, AllPartitions()));
  Produce(0, kPosts, /*with_bad=*/true);
  ASSERT_TRUE(WaitCaughtUp(60s));

  const std::string address = (*service)->metrics_address();
  httplib::Client client("http://" + address);
  std::string body;
  // Lag comes from statistics every second; wait for it with a deadline.
  const auto deadline = std::chrono::steady_clock::now() + 15s;
  do {
    auto res = client.Get("/metrics");
    ASSERT_TRUE(res) << "GET /metrics failed";
    ASSERT_EQ(res->status, 200);
    body = res->body;
    if (body.find("earshot_consumer_lag{") != std::string::npos) break;
    std::this_thread::sleep_for(200ms);
  } while (std::chrono::steady_clock::now() < deadline);

  const int complaints = kPosts / 2;  // complaint + urgent intents
  EXPECT_EQ(Sample(body, R"(earshot_posts_classified_total{class="complaint"})"), complaints);
  EXPECT_EQ(Sample(body, R"(earshot_posts_classified_total{class="praise"})"), kPosts / 4);
  EXPECT_EQ(Sample(body, R"(earshot_posts_classified_total{class="question"})"), kPosts / 4);
  EXPECT_EQ(Sample(body, R"(earshot_alerts_total{type="response_due"})"), kPosts * 3 / 4);
  EXPECT_EQ(Sample(body, R"(earshot_dead_letter_total{reason="json_syntax"})"), 1);
  EXPECT_EQ(Sample(body, R"(earshot_dead_letter_total{reason="too_large"})"), 1);
  EXPECT_EQ(Sample(body, R"(earshot_rule_matches_total{rule="test.legal"})"), kPosts / 4);
  EXPECT_EQ(
      Sample(
          body,
          R"(earshot_posts_consumed_total{brand="hizlikargo",channel="x",lang="tr",topic="posts"})"),
      kPosts * 4 / 5);
  const double processed = kPosts + static_cast<double>(testing::BadRecords().size());
  EXPECT_EQ(Sample(body, "earshot_processing_latency_seconds_count"), processed);
  EXPECT_EQ(Sample(body, R"(earshot_build_info{version=")" EARSHOT_VERSION R"("})"), 1);
  EXPECT_NE(body.find("earshot_consumer_lag{"), std::string::npos);
  EXPECT_EQ(Sample(body, "earshot_rules_loaded"), 3);

  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  auto ready = client.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
  (*service)->RequestStop();
  EXPECT_TRUE((*service)->Wait().ok());
}

TEST_F(PipelineTest, CrashMidStreamAndRestartLosesNoAlert) {
  constexpr int kPosts = 3000;
  const std::string config_path = testing::WriteConfigFile(config_, "earshot-crash-test.yaml", 2);
  const std::string log =
      (std::filesystem::temp_directory_path() / "earshot-crash-test.log").string();
  std::filesystem::remove(log);
  // The first half is there when the process starts; the second half arrives
  // while it runs, and the process is killed right after it is produced:
  // offsets are committed every 500 ms, so records it has processed (and
  // whose outputs it wrote) are not yet committed at the kill.
  Produce(0, kPosts / 2, /*with_bad=*/false);
  {
    testing::ChildProcess first({EARSHOT_BINARY, "run", "--config", config_path}, log);
    ASSERT_TRUE(first.started());
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    for (;;) {  // wait until it is consuming
      ASSERT_LT(std::chrono::steady_clock::now(), deadline) << first.Log();
      auto backlog =
          GroupBacklog(producer_props_, config_.GroupId(), config_.ConsumedTopics(), 5000);
      if (backlog.ok() && *backlog < kPosts / 2) break;
      std::this_thread::sleep_for(5ms);
    }
    Produce(kPosts / 2, kPosts, /*with_bad=*/false);
    first.Signal(SIGKILL);
    ASSERT_EQ(first.WaitFor(10s), 128 + SIGKILL);
    // Killed mid-stream: part of the input is not committed.
    auto backlog = GroupBacklog(producer_props_, config_.GroupId(), config_.ConsumedTopics(), 5000);
    ASSERT_TRUE(backlog.ok());
    EXPECT_GT(*backlog, 0);
  }
  {
    testing::ChildProcess second({EARSHOT_BINARY, "run", "--config", config_path}, log);
    ASSERT_TRUE(WaitCaughtUp(90s)) << second.Log();
    // A clean stop: flush, commit, exit 0 well within 10 seconds.
    second.Signal(SIGTERM);
    EXPECT_EQ(second.WaitFor(10s), 0) << second.Log();
  }
  const auto alerts = Read("alerts");
  ExpectSameIds(EventIds(alerts), ExpectedAlerts(kPosts));  // none missing, none unexpected
  EXPECT_GE(alerts.size(), ExpectedAlerts(kPosts).size());  // duplicates only as the same id
  std::set<std::string> classified_ids;
  for (const ConsumedRecord& r : Read("posts.classified")) {
    rapidjson::Document doc;
    doc.Parse(r.value.c_str());
    classified_ids.insert(doc["post"]["id"].GetString());
  }
  EXPECT_EQ(classified_ids.size(), static_cast<size_t>(kPosts));
}

TEST(RunCommand, WithoutBootstrapServersStartsTheEmbeddedBrokerAndSaysSo) {
  const std::string config_path =
      (std::filesystem::temp_directory_path() / "earshot-embedded-test.yaml").string();
  std::ofstream(config_path) << "metrics:\n  listen: 127.0.0.1:0\n";
  const std::string log =
      (std::filesystem::temp_directory_path() / "earshot-embedded-test.log").string();
  std::filesystem::remove(log);
  testing::ChildProcess child({EARSHOT_BINARY, "run", "--config", config_path}, log);
  // Generous bounds: under a sanitizer on a busy machine, loading the
  // shipped rules alone has taken 60 s. A run that is well ends at once.
  const auto deadline = std::chrono::steady_clock::now() + 120s;
  while (child.Log().find("pipeline:") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_NE(child.Log().find("started the embedded broker"), std::string::npos) << child.Log();
  child.Signal(SIGINT);
  EXPECT_EQ(child.WaitFor(60s), 0) << child.Log();
}

TEST(RunCommand, BadConfigIsRefusedWithFileLineColumn) {
  const std::string config_path =
      (std::filesystem::temp_directory_path() / "earshot-bad-config.yaml").string();
  std::ofstream(config_path) << "kafka: {}\nsla:\n  socail: 1h\n";
  const std::string log =
      (std::filesystem::temp_directory_path() / "earshot-bad-config.log").string();
  std::filesystem::remove(log);
  testing::ChildProcess child({EARSHOT_BINARY, "run", "--config", config_path}, log);
  EXPECT_EQ(child.WaitFor(10s), 2);
  EXPECT_NE(
      child.Log().find(config_path + ":3:3: unknown key 'socail' in sla (did you mean 'social'?)"),
      std::string::npos)
      << child.Log();
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

size_t LinesIn(const std::string& path) {
  std::ifstream in(path);
  size_t n = 0;
  for (std::string line; std::getline(in, line);) n += line.empty() ? 0 : 1;
  return n;
}

TEST(DemoCommand, ShowsClassesAlertsAndDeadLettersAndEndsByItself) {
  const std::string log =
      (std::filesystem::temp_directory_path() / "earshot-demo-test.log").string();
  std::filesystem::remove(log);
  testing::ChildProcess demo({EARSHOT_BINARY, "demo", "--metrics-listen", "127.0.0.1:0"}, log);
  // Under a sanitizer on a busy machine start-up alone has taken 60 s; the
  // demo then waits at least 20 s more for the pipeline.
  ASSERT_EQ(demo.WaitFor(200s), 0) << demo.Log();
  const std::string out = demo.Log();
  const std::string samples = std::string(EARSHOT_SOURCE_ROOT) + "/data/samples/";
  const size_t valid = LinesIn(samples + "posts.jsonl") + LinesIn(samples + "x_tweets.jsonl") +
                       LinesIn(samples + "reviews.jsonl");
  const size_t bad = LinesIn(samples + "malformed.jsonl") + 2;  // + empty and 1 MB records
  EXPECT_NE(out.find("Classified posts: " + std::to_string(valid)), std::string::npos) << out;
  EXPECT_NE(out.find("Dead-letter records: " + std::to_string(bad)), std::string::npos) << out;
  EXPECT_NE(out.find("response_due events"), std::string::npos);
  EXPECT_NE(out.find("    due:      "), std::string::npos);  // alerts shown in full
  EXPECT_NE(out.find("too_large"), std::string::npos);
  EXPECT_NE(out.find("invalid_utf8"), std::string::npos);
  EXPECT_NE(out.find("/metrics"), std::string::npos);
  EXPECT_EQ(out.find("NOT caught up"), std::string::npos);
}

}  // namespace
}  // namespace earshot
