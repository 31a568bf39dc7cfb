// Fault-injection suite (issue 8), ctest label `fault`.
//
// While a stream of posts flows through an `earshot run` child process on the
// embedded Kafka-protocol broker, each test injects one kind of fault through
// librdkafka's mock cluster (or by killing the process), then waits until the
// group has caught up and checks what at-least-once plus deterministic event
// ids promise (docs/reliability.md):
//   - every expected response_due id is present, and no other;
//   - every escalation step (response_overdue) is present, and no other;
//   - every valid post is classified;
//   - the dead-letter topic holds exactly the bad records (per source position);
//   - duplicates occur only as repeated records of the same id.
// Each test adds a row to the table printed at the end of the run:
// fault, posts, lost (must be 0), duplicate records, recovery time. Recovery
// time is measured from the later of "fault over" and "last post produced"
// until the group's committed backlog is 0; it says how long the pipeline
// took to catch up, and nothing is asserted about it.
#include <gtest/gtest.h>
#include <librdkafka/rdkafka.h>
// After rdkafka.h, which it requires.
#include <librdkafka/rdkafka_mock.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "app/service.h"
#include "tests/support/child_process.h"
#include "tests/support/test_posts.h"

namespace earshot {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using testing::MakeTestPost;

// Short deadlines so that escalation happens within each test: steps at 1x
// and 2x of 4 s (as in failover_test.cc).
constexpr const char* kSla = "sla:\n  social: {default: 4s, p1: 4s}\n  review: 4s\n";
constexpr const char* kAlerting =
    "alerting:\n  escalation_steps: [1, 2]\n  spikes: {enabled: false}\n";
// Kafka API keys (librdkafka's rdkafka_protocol.h is not installed).
constexpr int16_t kApiProduce = 0;
constexpr int16_t kApiOffsetCommit = 8;
constexpr int32_t kBroker = 1;  // the mock cluster's only broker
constexpr auto kFaultLength = 10s;

struct Row {
  std::string fault;
  int posts = 0;
  size_t lost = 0;
  int duplicates = 0;
  double recovery_s = 0;
};

std::mutex rows_mutex;
std::vector<Row>& Rows() {
  static std::vector<Row> rows;
  return rows;
}

// Prints the table once every test has run.
class TableEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    std::printf("\n| fault | posts | lost | duplicates | recovery (s) |\n");
    std::printf("|---|---:|---:|---:|---:|\n");
    for (const Row& r : Rows()) {
      std::printf("| %s | %d | %zu | %d | %.1f |\n", r.fault.c_str(), r.posts, r.lost, r.duplicates,
                  r.recovery_s);
    }
    std::fflush(stdout);
  }
};
[[maybe_unused]] const auto* const kTable =
    ::testing::AddGlobalTestEnvironment(new TableEnvironment);

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / name).string();
}

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

class FaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto broker = EmbeddedBroker::Start(EmbeddedBrokerOptions{});
    ASSERT_TRUE(broker.ok()) << broker.status().ToString();
    broker_ = std::move(broker).value();
    config_ = testing::TestConfig(broker_->bootstrap_servers());
    config_.embedded_partitions = 4;
    ASSERT_TRUE(CreateTopics(*broker_, config_).ok());
    props_ = {{"bootstrap.servers", broker_->bootstrap_servers()},
              {"message.max.bytes", "4194304"}};
  }

  rd_kafka_mock_cluster_t* mock() const { return broker_->mock_cluster(); }

  // The config file for `earshot run`, with `overrides` on top of the test's
  // Kafka settings. Named after the test so parallel runs do not collide.
  std::string WriteConfig(const std::map<std::string, std::string>& overrides = {}) const {
    const std::string path = TempPath(Name() + ".yaml");
    std::ofstream out(path);
    std::map<std::string, std::string> kafka = config_.kafka;
    for (const auto& [k, v] : overrides) kafka[k] = v;
    out << "kafka:\n";
    for (const auto& [k, v] : kafka) out << "  " << k << ": \"" << v << "\"\n";
    out << "rules: [\"" << config_.rules.front() << "\"]\n";
    out << "metrics:\n  listen: 127.0.0.1:0\n";
    out << "pipeline:\n  workers: 1\n";
    out << kSla << kAlerting;
    return path;
  }

  static std::string Name() {
    return std::string("earshot-fault-") +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
  }

  std::string LogPath(const std::string& suffix) const {
    const std::string path = TempPath(Name() + "-" + suffix + ".log");
    std::filesystem::remove(path);
    return path;
  }

  // Posts [first, last), keyed by id so they spread over every partition,
  // and the bad records if asked.
  Status Produce(int first, int last, bool with_bad) const {
    std::vector<OutRecord> records;
    for (int i = first; i < last; ++i) {
      const auto p = MakeTestPost(i);
      records.push_back(OutRecord{"posts", p.id, p.json, {}, -1});
    }
    if (with_bad) {
      for (const auto& [bytes, reason] : testing::BadRecords()) {
        records.push_back(OutRecord{"posts", "", bytes, {{"origin", "test"}}, -1});
      }
    }
    return ProduceAll(props_, records, 120000);
  }

  int64_t Backlog() const {
    auto b = GroupBacklog(props_, config_.GroupId(), config_.ConsumedTopics(), 5000);
    return b.ok() ? *b : -1;
  }

  // Waits for a committed backlog of 0; returns when that was first seen.
  std::optional<Clock::time_point> WaitCaughtUp(std::chrono::seconds timeout) const {
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
      if (Backlog() == 0) return Clock::now();
      std::this_thread::sleep_for(100ms);
    }
    return std::nullopt;
  }

  static bool WaitForLog(const testing::ChildProcess& child, const std::string& text,
                         std::chrono::seconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (child.Log().find(text) == std::string::npos) {
      if (Clock::now() > deadline) return false;
      std::this_thread::sleep_for(50ms);
    }
    return true;
  }

  // Waits until every escalation step of `posts` posts has fired (deadline
  // 150 s), then checks the invariants and records the table row. The wait
  // ends as soon as all steps are in; the deadline only bounds a failing
  // run. 60 s was once too short on a loaded shared machine after twenty
  // SIGKILLs (27 response_overdue events missing at the deadline; the same
  // build passed when run again). A lost event still fails, only later.
  void CheckAndRecord(const std::string& fault, int posts, double recovery_s) {
    std::set<std::string> expected_due, expected_overdue;
    for (int i = 0; i < posts; ++i) {
      const auto p = MakeTestPost(i);
      if (!testing::NeedsAlert(p.intent)) continue;
      const std::string item = testing::ExpectedEventId(p, i);
      expected_due.insert(item);
      for (int step : {1, 2}) {
        expected_overdue.insert(MakeOverdueEventId(item, step));
      }
    }
    // Alert events by type, records per id. Step 2 falls 8 s after the last
    // item opened; wait for it with a deadline.
    std::map<std::string, std::map<std::string, int>> events;
    const auto steps_deadline = Clock::now() + 150s;
    do {
      events.clear();
      auto alerts = ReadTopic(props_, "alerts");
      ASSERT_TRUE(alerts.ok()) << alerts.status().ToString();
      for (const ConsumedRecord& r : *alerts) {
        ++events[r.Header("earshot.event_type")][r.Header("earshot.event_id")];
      }
      if (events["response_overdue"].size() >= expected_overdue.size()) break;
      std::this_thread::sleep_for(1s);
    } while (Clock::now() < steps_deadline);

    size_t lost = 0;
    int duplicates = 0;
    const auto check_ids = [&](const std::string& type, const std::set<std::string>& expected) {
      std::set<std::string> got;
      for (const auto& [id, n] : events[type]) {
        got.insert(id);
        duplicates += n - 1;
      }
      std::vector<std::string> missing, unexpected;
      std::set_difference(expected.begin(), expected.end(), got.begin(), got.end(),
                          std::back_inserter(missing));
      std::set_difference(got.begin(), got.end(), expected.begin(), expected.end(),
                          std::back_inserter(unexpected));
      lost += missing.size();
      EXPECT_TRUE(missing.empty()) << fault << ": " << missing.size() << " " << type
                                   << " ids missing, e.g. " << missing.front();
      EXPECT_TRUE(unexpected.empty()) << fault << ": " << unexpected.size() << " unexpected "
                                      << type << " ids, e.g. " << unexpected.front();
    };
    check_ids("response_due", expected_due);
    check_ids("response_overdue", expected_overdue);

    // Every valid post classified; repeats only as the same post.
    auto classified = ReadTopic(props_, "posts.classified");
    ASSERT_TRUE(classified.ok()) << classified.status().ToString();
    std::map<std::string, int> class_records;
    for (const ConsumedRecord& r : *classified) {
      rapidjson::Document doc;
      doc.Parse(r.value.c_str());
      ASSERT_TRUE(doc.IsObject() && doc.HasMember("post")) << r.value;
      ++class_records[doc["post"]["id"].GetString()];
    }
    size_t unclassified = 0;
    for (int i = 0; i < posts; ++i) {
      if (class_records.count(MakeTestPost(i).id) == 0) ++unclassified;
    }
    for (const auto& [id, n] : class_records) duplicates += n - 1;
    lost += unclassified;
    EXPECT_EQ(unclassified, 0u) << fault << ": posts not classified";
    EXPECT_EQ(class_records.size(), static_cast<size_t>(posts)) << fault;

    // The dead-letter topic: exactly the bad records, once per source position.
    auto dead = ReadTopic(props_, "posts.dlq");
    ASSERT_TRUE(dead.ok()) << dead.status().ToString();
    std::multiset<std::string> want, got;
    for (const auto& [bytes, reason] : testing::BadRecords()) want.insert(reason + "|" + bytes);
    std::set<std::string> positions;
    for (const ConsumedRecord& r : *dead) {
      const std::string position =
          r.Header("earshot.source.partition") + "/" + r.Header("earshot.source.offset");
      if (!positions.insert(position).second) {
        ++duplicates;
        continue;
      }
      got.insert(r.Header("earshot.error") + "|" + r.value);
    }
    for (const std::string& w : want) {
      if (got.count(w) < want.count(w)) ++lost;
    }
    EXPECT_TRUE(got == want) << fault << ": dead letters differ from the bad records ("
                             << got.size() << " distinct, want " << want.size() << ")";

    std::lock_guard<std::mutex> lock(rows_mutex);
    Rows().push_back(Row{fault, posts, lost, duplicates, recovery_s});
  }

  // One earshot instance; a stream of kPosts posts over ~10 s (bad records
  // included); `inject` 2 s into the stream; `heal` kFaultLength later.
  void RunWithFault(const std::string& fault, const std::function<void()>& inject,
                    const std::function<void()>& heal) {
    constexpr int kPosts = 1000;
    constexpr int kBatch = 40;
    const std::string config_path = WriteConfig();
    testing::ChildProcess a({EARSHOT_BINARY, "run", "--config", config_path}, LogPath("a"));
    ASSERT_TRUE(a.started());
    ASSERT_TRUE(WaitForLog(a, "assigned", 60s)) << a.Log();

    Status produced = Status::Ok();
    Clock::time_point stream_end;
    std::thread stream([&] {
      for (int first = 0; first < kPosts && produced.ok(); first += kBatch) {
        produced = Produce(first, first + kBatch, /*with_bad=*/first == 5 * kBatch);
        std::this_thread::sleep_for(400ms);
      }
      stream_end = Clock::now();
    });
    std::this_thread::sleep_for(2s);
    inject();
    std::this_thread::sleep_for(kFaultLength);
    heal();
    const auto healed = Clock::now();
    stream.join();
    ASSERT_TRUE(produced.ok()) << produced.ToString();

    const auto caught_up = WaitCaughtUp(120s);
    ASSERT_TRUE(caught_up.has_value()) << a.Log();
    const double recovery = std::max(0.0, Seconds(*caught_up - std::max(healed, stream_end)));
    CheckAndRecord(fault, kPosts, recovery);
    a.Signal(SIGTERM);
    EXPECT_EQ(a.WaitFor(15s), 0) << a.Log();
  }

  std::unique_ptr<EmbeddedBroker> broker_;
  Config config_;
  KafkaProperties props_;
};

TEST_F(FaultTest, BrokerDownForTenSecondsThenBack) {
  RunWithFault(
      "broker down 10 s", [&] { rd_kafka_mock_broker_set_down(mock(), kBroker); },
      [&] { rd_kafka_mock_broker_set_up(mock(), kBroker); });
}

// Pushes `errors` onto the next requests of `api_key`, once a second while
// the fault lasts (kFaultLength), so the errors hit throughout the window.
class ErrorBursts {
 public:
  ErrorBursts(rd_kafka_mock_cluster_t* mock, int16_t api_key,
              std::vector<rd_kafka_resp_err_t> errors)
      : mock_(mock), api_key_(api_key), errors_(std::move(errors)) {}
  ~ErrorBursts() { Stop(); }
  ErrorBursts(const ErrorBursts&) = delete;
  ErrorBursts& operator=(const ErrorBursts&) = delete;

  void Start() {
    thread_ = std::thread([this] {
      std::unique_lock<std::mutex> lock(mutex_);
      while (!stop_) {
        rd_kafka_mock_push_request_errors_array(mock_, api_key_, errors_.size(), errors_.data());
        cv_.wait_for(lock, 1s, [this] { return stop_; });
      }
    });
  }
  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  rd_kafka_mock_cluster_t* mock_;
  int16_t api_key_;
  std::vector<rd_kafka_resp_err_t> errors_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

TEST_F(FaultTest, ProduceErrors) {
  ErrorBursts bursts(mock(), kApiProduce,
                     {RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS,
                      RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE});
  RunWithFault(
      "produce errors", [&] { bursts.Start(); }, [&] { bursts.Stop(); });
}

TEST_F(FaultTest, CommitErrors) {
  ErrorBursts bursts(
      mock(), kApiOffsetCommit,
      {RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT, RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE,
       RD_KAFKA_RESP_ERR_NOT_COORDINATOR});
  RunWithFault(
      "commit errors", [&] { bursts.Start(); }, [&] { bursts.Stop(); });
}

TEST_F(FaultTest, RaisedRoundTripTime) {
  RunWithFault(
      "round-trip time +500 ms", [&] { rd_kafka_mock_broker_set_rtt(mock(), kBroker, 500); },
      [&] { rd_kafka_mock_broker_set_rtt(mock(), kBroker, 0); });
}

TEST_F(FaultTest, SecondInstanceJoinsAndLeaves) {
  const std::string config_path = WriteConfig();
  const std::string log_b = LogPath("b");
  std::unique_ptr<testing::ChildProcess> b;
  RunWithFault(
      "rebalance (2nd instance joins, leaves)",
      [&] {
        b = std::make_unique<testing::ChildProcess>(
            std::vector<std::string>{EARSHOT_BINARY, "run", "--config", config_path}, log_b);
      },
      [&] {
        ASSERT_TRUE(b->started());
        // It must have been in the group (else this tested nothing).
        EXPECT_TRUE(WaitForLog(*b, "assigned", 30s)) << b->Log();
        b->Signal(SIGTERM);
        EXPECT_EQ(b->WaitFor(15s), 0) << b->Log();
      });
}

// SIGKILL at 20 random moments of one stream: each round produces a batch,
// starts earshot, waits until it has committed something (so it is working),
// kills it after a random delay and starts the next round; a last instance
// then finishes the stream.
TEST_F(FaultTest, KilledTwentyTimesMidStream) {
  constexpr int kKills = 20;
  constexpr int kBatch = 150;
  constexpr int kPosts = kKills * kBatch;
  unsigned seed = 20261123;
  if (const char* s = std::getenv("EARSHOT_FAULT_SEED")) seed = std::strtoul(s, nullptr, 10);
  std::printf("SIGKILL seed: %u (set EARSHOT_FAULT_SEED to repeat)\n", seed);
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> delay_ms(0, 800);
  // A killed member leaves the group only at its session timeout; shorter
  // here so that 20 restarts fit in the suite's time.
  const std::string config_path =
      WriteConfig({{"session.timeout.ms", "3000"}, {"heartbeat.interval.ms", "300"}});
  const std::string log = LogPath("kills");
  for (int k = 0; k < kKills; ++k) {
    ASSERT_TRUE(Produce(k * kBatch, (k + 1) * kBatch, /*with_bad=*/k == kKills / 2).ok());
    const int64_t before = Backlog();
    testing::ChildProcess child({EARSHOT_BINARY, "run", "--config", config_path}, log);
    ASSERT_TRUE(child.started());
    const auto deadline = Clock::now() + 60s;
    for (;;) {
      ASSERT_LT(Clock::now(), deadline) << "round " << k << " made no progress\n" << child.Log();
      const int64_t backlog = Backlog();
      if (backlog >= 0 && backlog < before) break;
      std::this_thread::sleep_for(20ms);
    }
    const int delay = delay_ms(random);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    child.Signal(SIGKILL);
    ASSERT_EQ(child.WaitFor(10s), 128 + SIGKILL);
  }
  const auto restarted = Clock::now();
  testing::ChildProcess last({EARSHOT_BINARY, "run", "--config", config_path}, log);
  ASSERT_TRUE(last.started());
  const auto caught_up = WaitCaughtUp(120s);
  ASSERT_TRUE(caught_up.has_value()) << last.Log();
  CheckAndRecord("SIGKILL x20 (seed " + std::to_string(seed) + ")", kPosts,
                 Seconds(*caught_up - restarted));
  last.Signal(SIGTERM);
  EXPECT_EQ(last.WaitFor(15s), 0) << last.Log();
}

}  // namespace
}  // namespace earshot
