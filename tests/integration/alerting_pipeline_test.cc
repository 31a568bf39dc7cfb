// The alerting stage through the running pipeline: a complaint reaches the
// team's chat through the webhook, `earshot ack` (a separate process, as a
// person would run it) acknowledges it through the acks topic, a brand reply
// closes it, and the metrics say so.
#include <gtest/gtest.h>
#include <httplib.h>
#include <rapidjson/document.h>

#include <chrono>
#include <mutex>
#include <sstream>
#include <thread>

#include "app/service.h"
#include "tests/support/child_process.h"
#include "tests/support/test_posts.h"

namespace earshot {
namespace {

using namespace std::chrono_literals;

double MetricSample(const std::string& text, const std::string& series) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(series + " ", 0) == 0) return std::stod(line.substr(series.size() + 1));
  }
  return -1;
}

std::string PostJson(const std::string& id, const std::string& handle, const std::string& text,
                     const std::string& conversation) {
  return R"({"id":")" + id + R"(","channel":"x","brand":"hizlikargo","author":{"id":"u-)" + handle +
         R"(","handle":")" + handle + R"("},"text":")" + text +
         R"(","lang":"tr","created_at":"2026-11-23T09:00:00Z","conversation_id":")" + conversation +
         R"(","in_reply_to":")" + (id == conversation ? "" : conversation) + R"("})";
}

TEST(AlertingPipeline, WebhookAckAndReplyThroughTheRunningPipeline) {
  // The team's chat: a local webhook receiver.
  httplib::Server chat;
  std::mutex mutex;
  std::vector<std::string> messages;
  chat.Post("/hook/T000/SECRET", [&](const httplib::Request& req, httplib::Response& res) {
    const std::lock_guard<std::mutex> lock(mutex);
    messages.push_back(req.body);
    res.set_content("ok", "text/plain");
  });
  const int port = chat.bind_to_any_port("127.0.0.1");
  std::thread chat_thread([&] { chat.listen_after_bind(); });

  auto broker = EmbeddedBroker::Start(EmbeddedBrokerOptions{});
  ASSERT_TRUE(broker.ok());
  Config config = testing::TestConfig((*broker)->bootstrap_servers());
  ASSERT_TRUE(CreateTopics(**broker, config).ok());
  config.webhook.url = "http://127.0.0.1:" + std::to_string(port) + "/hook/T000/SECRET";
  config.routes.by_type["response_due"] = {"kafka", "webhook"};
  auto service = Service::Start(config);
  ASSERT_TRUE(service.ok()) << service.status().ToString();
  const KafkaProperties props = {{"bootstrap.servers", (*broker)->bootstrap_servers()}};

  // Two complaints: one will be acknowledged, one answered.
  ASSERT_TRUE(
      ProduceAll(
          props,
          {{"posts", "", PostJson("p-1", "ayse", "Siparişim 5 gündür gelmedi", "p-1"), {}, -1},
           {"posts", "", PostJson("p-2", "mehmet", "Kargom hala gelmedi", "p-2"), {}, -1}})
          .ok());
  const auto wait_for = [](const std::function<bool()>& done, std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(100ms);
    }
    return true;
  };
  ASSERT_TRUE(wait_for(
      [&] {
        const std::lock_guard<std::mutex> lock(mutex);
        return messages.size() >= 2;
      },
      60s))
      << "the webhook did not receive both response_due messages";
  {
    const std::lock_guard<std::mutex> lock(mutex);
    rapidjson::Document doc;
    doc.Parse(messages[0].c_str());
    ASSERT_TRUE(doc.IsObject() && doc.HasMember("text")) << messages[0];
    EXPECT_NE(std::string(doc["text"].GetString()).find("complaint"), std::string::npos);
  }

  // A person acknowledges p-1 with the command line.
  Post first;
  first.id = "p-1";
  first.channel = "x";
  const std::string item = MakeEventId("response_due", first);
  {
    const std::string log = "/tmp/earshot-ack-test.log";
    std::remove(log.c_str());
    testing::ChildProcess ack(
        {EARSHOT_BINARY, "--log-level", "warn", "ack", item, "--by", "deniz", "--note", "on it",
         "--bootstrap-servers", (*broker)->bootstrap_servers()},
        log);
    ASSERT_EQ(ack.WaitFor(30s), 0) << ack.Log();
    EXPECT_NE(ack.Log().find("acknowledged"), std::string::npos) << ack.Log();
  }
  // The brand answers p-2.
  ASSERT_TRUE(ProduceAll(props, {{"posts",
                                  "",
                                  PostJson("p-3", "hizlikargodestek",
                                           "Merhaba, DM'den yazar mısınız?", "p-2"),
                                  {},
                                  -1}})
                  .ok());

  std::map<std::string, std::string> type_of;  // event id -> type
  ASSERT_TRUE(wait_for(
      [&] {
        auto alerts = ReadTopic(props, "alerts");
        if (!alerts.ok()) return false;
        int acknowledged = 0, responded = 0;
        for (const ConsumedRecord& r : *alerts) {
          const std::string type = r.Header("earshot.event_type");
          acknowledged += type == "acknowledged";
          responded += type == "responded";
        }
        return acknowledged == 1 && responded == 1;
      },
      60s))
      << "expected one acknowledged and one responded event";

  httplib::Client client("http://" + (*service)->metrics_address());
  std::string body;
  ASSERT_TRUE(wait_for(
      [&] {
        auto res = client.Get("/metrics");
        if (!res) return false;
        body = res->body;
        return MetricSample(body, R"(earshot_open_items{channel="x",priority="p3"})") == 1 ||
               MetricSample(body, R"(earshot_open_items{channel="x",priority="p2"})") == 1;
      },
      30s))
      << body;
  EXPECT_EQ(MetricSample(body, "earshot_acks_total"), 1);
  EXPECT_EQ(MetricSample(body, R"(earshot_alerts_total{type="response_due"})"), 2);
  EXPECT_EQ(MetricSample(body, R"(earshot_responses_total{channel="x",class="complaint"})"), 1);
  EXPECT_EQ(
      MetricSample(body, R"(earshot_first_response_seconds_count{channel="x",class="complaint"})"),
      1);
  EXPECT_EQ(MetricSample(body, "earshot_state_restored"), 1);
  EXPECT_EQ(MetricSample(body, "earshot_webhook_failures_total"), 0);
  auto ready = client.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200) << ready->body;

  (*service)->RequestStop();
  EXPECT_TRUE((*service)->Wait().ok());
  chat.stop();
  chat_thread.join();
}

}  // namespace
}  // namespace earshot
