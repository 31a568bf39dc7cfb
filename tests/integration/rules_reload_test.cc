// Hot reload through the running pipeline: a bad rule file is refused and
// the rules in force keep classifying; a good change takes effect without a
// restart; per-rule counters survive for rules that keep their id.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/service.h"
#include "tests/support/test_posts.h"

namespace earshot {
namespace {

using namespace std::chrono_literals;

class RulesReloadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One directory per test process: ctest runs tests two at a time.
    dir_ = std::filesystem::temp_directory_path() /
           ("earshot-reload-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    Write("base.yaml", R"y(rules:
  - id: test.delivery
    category: complaint
    priority: p2
    match: {any: ["gelmedi"]}
    tests: [{text: gelmedi, expect: match}]
)y");
    auto broker = EmbeddedBroker::Start(EmbeddedBrokerOptions{});
    ASSERT_TRUE(broker.ok());
    broker_ = std::move(broker).value();
    config_ = testing::TestConfig(broker_->bootstrap_servers());
    config_.rules = {dir_.string()};
    ASSERT_TRUE(CreateTopics(*broker_, config_).ok());
  }

  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }

  // Produces one post and waits for its classified record; returns the class.
  std::string ClassOf(const std::string& id, const std::string& text) {
    const KafkaProperties props = {{"bootstrap.servers", broker_->bootstrap_servers()}};
    const std::string json = R"({"id":")" + id +
                             R"(","channel":"x","brand":"b","author":{"id":"u"},"text":")" + text +
                             R"(","lang":"tr","created_at":"2026-11-23T09:00:00Z"})";
    EXPECT_TRUE(ProduceAll(props, {OutRecord{"posts", id, json, {}, -1}}).ok());
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (std::chrono::steady_clock::now() < deadline) {
      auto records = ReadTopic(props, "posts.classified");
      if (records.ok()) {
        for (const ConsumedRecord& r : *records) {
          rapidjson::Document doc;
          doc.Parse(r.value.c_str());
          if (doc.IsObject() && id == doc["post"]["id"].GetString())
            return doc["class"].GetString();
        }
      }
      std::this_thread::sleep_for(100ms);
    }
    return "<not classified>";
  }

  static bool WaitFor(const std::function<bool()>& condition) {
    const auto deadline = std::chrono::steady_clock::now() + 15s;
    while (std::chrono::steady_clock::now() < deadline) {
      if (condition()) return true;
      std::this_thread::sleep_for(50ms);
    }
    return false;
  }

  std::filesystem::path dir_;
  std::unique_ptr<EmbeddedBroker> broker_;
  Config config_;
};

TEST_F(RulesReloadTest, BadFileKeepsTheOldRulesAndAGoodChangeTakesEffect) {
  auto started = Service::Start(config_);
  ASSERT_TRUE(started.ok()) << started.status().ToString();
  Service& service = **started;
  Metrics& metrics = service.metrics();
  const std::string version = service.classifier()->rules().version();
  EXPECT_EQ(ClassOf("p1", "paket gelmedi"), "complaint");
  EXPECT_EQ(ClassOf("p2", "merhabalar efendim"), "neutral");

  // A broken file appears: the watcher reloads, refuses it, keeps the rules.
  Write("broken.yaml", "rules:\n  - id: x\n    category: complaint\n    mach: {any: [y]}\n");
  ASSERT_TRUE(WaitFor([&] { return metrics.RulesReload("error").Value() >= 1; }));
  EXPECT_EQ(service.classifier()->rules().version(), version);
  EXPECT_EQ(metrics.RulesReload("success").Value(), 0);
  const Status refused = service.ReloadRules();  // as SIGHUP would, synchronously
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("broken.yaml:4:5: error: unknown key 'mach'"), std::string::npos)
      << refused.message();
  EXPECT_EQ(ClassOf("p3", "paket yine gelmedi"), "complaint");

  // Fixed: the new rule set is swapped in without a restart.
  std::filesystem::remove(dir_ / "broken.yaml");
  Write("greetings.yaml", R"y(rules:
  - id: test.greeting
    category: question
    priority: p3
    match: {any: ["merhabalar"]}
    tests: [{text: merhabalar, expect: match}]
)y");
  ASSERT_TRUE(WaitFor([&] { return metrics.RulesReload("success").Value() >= 1; }));
  EXPECT_NE(service.classifier()->rules().version(), version);
  EXPECT_EQ(metrics.RulesLoaded().Value(), 2);
  EXPECT_EQ(ClassOf("p4", "merhabalar efendim"), "question");
  EXPECT_EQ(ClassOf("p5", "paket gelmedi"), "complaint");
  // The counter of a rule that kept its id went on counting across reloads.
  EXPECT_EQ(metrics.RuleMatches("test.delivery").Value(), 3);
  service.RequestStop();
  EXPECT_TRUE(service.Wait().ok());
}

// The rule count limit through a running pipeline: a reload that would go
// over pipeline.max_rules is refused like any bad file, names the first rule
// over the limit, counts the limit hit, and the rules in force stay.
TEST_F(RulesReloadTest, ReloadOverTheRuleLimitIsRefusedAndCounted) {
  config_.rule_limits.max_rules = 2;
  auto started = Service::Start(config_);
  ASSERT_TRUE(started.ok()) << started.status().ToString();
  Service& service = **started;
  const std::string version = service.classifier()->rules().version();
  Write("more.yaml", R"y(rules:
  - {id: more.a, category: complaint, match: {any: [aaa]}, tests: [{text: aaa, expect: match}]}
  - {id: more.b, category: complaint, match: {any: [bbb]}, tests: [{text: bbb, expect: match}]}
)y");
  const Status refused = service.ReloadRules();
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("more.yaml:3:5: error: more than 2 rules"), std::string::npos)
      << refused.message();
  EXPECT_EQ(service.classifier()->rules().version(), version);
  EXPECT_GE(service.metrics().Limits().hits(Limit::kRuleCount), 1);
  EXPECT_EQ(ClassOf("p1", "paket gelmedi"), "complaint");
  service.RequestStop();
  EXPECT_TRUE(service.Wait().ok());
}

}  // namespace
}  // namespace earshot

#include "tests/support/child_process.h"

namespace earshot {
namespace {

TEST_F(RulesReloadTest, SighupReloadsTheRulesOfARunningProcess) {
  const std::string config_path = (dir_.parent_path() / "earshot-sighup.yaml").string();
  std::ofstream(config_path) << "kafka:\n  bootstrap.servers: " << broker_->bootstrap_servers()
                             << "\nrules: [\"" << dir_.string()
                             << "\"]\nmetrics:\n  listen: 127.0.0.1:0\n";
  const std::string log = (dir_.parent_path() / "earshot-sighup.log").string();
  std::filesystem::remove(log);
  testing::ChildProcess child({EARSHOT_BINARY, "run", "--config", config_path}, log);
  ASSERT_TRUE(WaitFor([&] { return child.Log().find("pipeline:") != std::string::npos; }))
      << child.Log();
  child.Signal(SIGHUP);
  ASSERT_TRUE(WaitFor([&] { return child.Log().find("rules: reloaded") != std::string::npos; }))
      << child.Log();
  EXPECT_NE(child.Log().find("rules: reloading (SIGHUP)"), std::string::npos);
  child.Signal(SIGTERM);
  EXPECT_EQ(child.WaitFor(10s), 0) << child.Log();
}

}  // namespace
}  // namespace earshot
