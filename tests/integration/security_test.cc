// Secrets never leave earshot through its logs or metrics. A real `earshot
// run` (child process, JSON logs at debug level, librdkafka's own debug
// output routed into the same log) is given a SASL password, an SSL key
// password and a webhook token, and made to use and fail with all of them:
// the webhook answers 500 with an error body that echoes the token back, so
// every retry and failure is logged. Then every log line and the whole
// /metrics page (every label value) are scanned for the planted values.
#include <gtest/gtest.h>
#include <httplib.h>
#include <rapidjson/document.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include "app/service.h"
#include "tests/support/child_process.h"
#include "tests/support/test_posts.h"

namespace earshot {
namespace {

using namespace std::chrono_literals;

constexpr const char* kSaslPassword = "planted-sasl-hunter2";
constexpr const char* kKeyPassword = "planted-key-secret";
constexpr const char* kWebhookToken = "plantedWebhookToken42";

bool WaitUntil(const std::function<bool()>& done, std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(100ms);
  }
  return true;
}

TEST(Security, PlantedSecretsAppearInNoLogLineAndNoMetricLabel) {
  // A hostile webhook: every call fails, and the error body repeats the
  // secret path it was called on.
  httplib::Server hook;
  std::atomic<int> calls{0};
  hook.Post(R"(/services/T000/B000/(.*))",
            [&](const httplib::Request& req, httplib::Response& res) {
              ++calls;
              res.status = 500;
              res.set_content("no such hook: " + req.path, "text/plain");
            });
  const int port = hook.bind_to_any_port("127.0.0.1");
  std::thread hook_thread([&] { hook.listen_after_bind(); });

  auto broker = EmbeddedBroker::Start(EmbeddedBrokerOptions{});
  ASSERT_TRUE(broker.ok());
  const Config base = testing::TestConfig((*broker)->bootstrap_servers());
  ASSERT_TRUE(CreateTopics(**broker, base).ok());

  const std::string dir =
      (std::filesystem::temp_directory_path() / ("earshot-security-" + std::to_string(::getpid())))
          .string();
  std::filesystem::create_directories(dir);
  const std::string config_path = dir + "/earshot.yaml";
  {
    std::ofstream out(config_path);
    out << "kafka:\n  bootstrap.servers: " << (*broker)->bootstrap_servers()
        << "\n  sasl.username: earshot\n  sasl.password: " << kSaslPassword
        << "\n  ssl.key.password: " << kKeyPassword
        << "\n  debug: conf,security,broker,topic,msg"  // librdkafka's own logs, routed into ours
        << "\n  statistics.interval.ms: 1000\n"
        << "rules: [\"" << base.rules.front() << "\"]\n"
        << "metrics:\n  listen: 127.0.0.1:0\n"
        << "alerting:\n  outputs:\n    response_due: [kafka, webhook]\n"
        << "  webhook:\n    url: http://127.0.0.1:" << port << "/services/T000/B000/"
        << kWebhookToken << "\n    max_attempts: 3\n    timeout: 2s\n";
  }
  std::filesystem::permissions(config_path, std::filesystem::perms::owner_read |
                                                std::filesystem::perms::owner_write |
                                                std::filesystem::perms::others_read);
  const std::string log = dir + "/earshot.log";
  testing::ChildProcess child({EARSHOT_BINARY, "--log-format", "json", "--log-level", "debug",
                               "run", "--config", config_path},
                              log);
  ASSERT_TRUE(WaitUntil([&] { return child.Log().find("assigned") != std::string::npos; }, 30s))
      << child.Log();

  std::vector<OutRecord> posts;
  for (int i = 0; i < 8; ++i) {
    const testing::TestPost p = testing::MakeTestPost(i * 4);  // complaints
    posts.push_back(OutRecord{"posts", "", p.json, {}, -1});
  }
  ASSERT_TRUE(ProduceAll({{"bootstrap.servers", (*broker)->bootstrap_servers()}}, posts).ok());
  // Every complaint is tried three times; wait for a good number of failures.
  ASSERT_TRUE(WaitUntil([&] { return calls.load() >= 6; }, 60s)) << child.Log();

  // The metrics address is in the log; scrape every series.
  std::smatch m;
  const std::string so_far = child.Log();
  ASSERT_TRUE(std::regex_search(so_far, m, std::regex(R"(http://(127\.0\.0\.1:[0-9]+)/metrics)")))
      << so_far;
  httplib::Client client("http://" + m[1].str());
  auto scrape = client.Get("/metrics");
  ASSERT_TRUE(scrape) << "no /metrics";
  const std::string metrics = scrape->body;
  EXPECT_NE(metrics.find("earshot_webhook_failures_total"), std::string::npos);

  child.Signal(SIGTERM);
  EXPECT_EQ(child.WaitFor(20s), 0);
  hook.stop();
  hook_thread.join();

  const std::string out = child.Log();
  // The run did exercise the secrets' paths: the webhook failed and said so,
  // librdkafka logged its configuration, the permissions were flagged.
  EXPECT_NE(out.find("webhook"), std::string::npos);
  EXPECT_NE(out.find("readable by every user"), std::string::npos) << out;
  EXPECT_NE(out.find("sasl.password=[redacted]"), std::string::npos) << out;
  size_t lines = 0;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line); ++lines) {
    for (const char* secret : {kSaslPassword, kKeyPassword, kWebhookToken}) {
      EXPECT_EQ(line.find(secret), std::string::npos) << "secret in log line: " << line;
    }
    rapidjson::Document doc;
    doc.Parse(line.c_str());
    EXPECT_TRUE(doc.IsObject() && doc.HasMember("ts") && doc.HasMember("level") &&
                doc.HasMember("msg"))
        << "not a JSON log line: " << line;
  }
  EXPECT_GT(lines, 20u);
  for (const char* secret : {kSaslPassword, kKeyPassword, kWebhookToken}) {
    EXPECT_EQ(metrics.find(secret), std::string::npos) << "secret in /metrics: " << secret;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace earshot
