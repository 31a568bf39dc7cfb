#include "connectors/webhook/webhook_sink.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <rapidjson/document.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace earshot {
namespace {

using std::chrono::milliseconds;

// Polls `done` until it holds or a generous deadline passes (no sleeps as
// synchronisation: the deadline only bounds a failing test).
bool Eventually(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(milliseconds(2));
  }
  return done();
}

// A local webhook endpoint on 127.0.0.1 and an ephemeral port. `respond`
// decides each response from the 1-based request number; Stall() makes
// requests wait until Release() (or the server's destruction).
class FakeWebhook {
 public:
  using Respond = std::function<void(int n, const httplib::Request&, httplib::Response&)>;

  explicit FakeWebhook(Respond respond = nullptr) : respond_(std::move(respond)) {
    server_.Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
      int n = 0;
      {
        std::unique_lock<std::mutex> lock(mu_);
        n = static_cast<int>(bodies_.size()) + 1;
        bodies_.push_back(req.body);
        paths_.push_back(req.path);
        content_types_.push_back(req.get_header_value("Content-Type"));
        cv_.notify_all();
        cv_.wait(lock, [this] { return !stalled_; });
      }
      res.status = 200;
      res.set_content("ok", "text/plain");
      if (respond_) respond_(n, req, res);
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~FakeWebhook() {
    Release();
    server_.stop();
    thread_.join();
  }

  // The URL carries a Slack-like secret token in its path.
  std::string Url() const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/services/T0/B0/SECRETTOKEN42";
  }
  int port() const { return port_; }

  void Stall() {
    const std::lock_guard<std::mutex> lock(mu_);
    stalled_ = true;
  }
  void Release() {
    const std::lock_guard<std::mutex> lock(mu_);
    stalled_ = false;
    cv_.notify_all();
  }
  // Waits until `n` requests have arrived (generous deadline).
  bool WaitForRequests(int n) {
    std::unique_lock<std::mutex> lock(mu_);
    return cv_.wait_for(lock, std::chrono::seconds(30),
                        [&] { return static_cast<int>(bodies_.size()) >= n; });
  }
  int requests() const {
    const std::lock_guard<std::mutex> lock(mu_);
    return static_cast<int>(bodies_.size());
  }
  std::vector<std::string> bodies() const {
    const std::lock_guard<std::mutex> lock(mu_);
    return bodies_;
  }
  std::vector<std::string> paths() const {
    const std::lock_guard<std::mutex> lock(mu_);
    return paths_;
  }
  std::vector<std::string> content_types() const {
    const std::lock_guard<std::mutex> lock(mu_);
    return content_types_;
  }

 private:
  Respond respond_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stalled_ = false;
  std::vector<std::string> bodies_;
  std::vector<std::string> paths_;
  std::vector<std::string> content_types_;
};

WebhookOptions FastOptions(const std::string& url) {
  WebhookOptions o;
  o.url = url;
  o.initial_backoff_ms = 1;
  o.max_backoff_ms = 4;
  o.timeout_ms = 30000;
  return o;
}

// Routes spdlog's default logger into a string for the test's lifetime.
class CapturedLog {
 public:
  CapturedLog() : previous_(spdlog::default_logger()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out_);
    auto logger = std::make_shared<spdlog::logger>("capture", sink);
    logger->set_level(spdlog::level::trace);
    logger->flush_on(spdlog::level::trace);
    spdlog::set_default_logger(logger);
  }
  ~CapturedLog() { spdlog::set_default_logger(previous_); }
  std::string text() const {
    spdlog::default_logger()->flush();
    return out_.str();
  }

 private:
  std::shared_ptr<spdlog::logger> previous_;
  std::ostringstream out_;
};

// A loopback port that was free a moment ago and has no listener: bound,
// never listened on, closed.
int UnusedPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof(addr);
  EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  EXPECT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  ::close(fd);
  return ntohs(addr.sin_port);
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

TEST(WebhookSink, DeliversJsonBodiesInOrder) {
  FakeWebhook server;
  WebhookSink sink(FastOptions(server.Url()));
  EXPECT_EQ(sink.endpoint(), "http://127.0.0.1:" + std::to_string(server.port()));
  EXPECT_TRUE(sink.Enqueue(R"({"text":"one"})"));
  EXPECT_TRUE(sink.Enqueue(R"({"text":"two"})"));
  EXPECT_TRUE(sink.Enqueue(R"({"text":"three"})"));
  ASSERT_TRUE(Eventually([&] { return sink.stats().delivered == 3; }));
  EXPECT_EQ(server.bodies(), (std::vector<std::string>{R"({"text":"one"})", R"({"text":"two"})",
                                                       R"({"text":"three"})"}));
  for (const std::string& type : server.content_types()) EXPECT_EQ(type, "application/json");
  for (const std::string& path : server.paths()) EXPECT_EQ(path, "/services/T0/B0/SECRETTOKEN42");
  const WebhookStats s = sink.stats();
  EXPECT_EQ(s.failed, 0u);
  EXPECT_EQ(s.retries, 0u);
  EXPECT_EQ(s.dropped, 0u);
}

TEST(WebhookSink, RetriesAfter500ThenSucceeds) {
  FakeWebhook server([](int n, const httplib::Request&, httplib::Response& res) {
    if (n <= 2) res.status = 500;
  });
  WebhookSink sink(FastOptions(server.Url()));
  ASSERT_TRUE(sink.Enqueue(R"({"text":"x"})"));
  ASSERT_TRUE(Eventually([&] { return sink.stats().delivered == 1; }));
  const WebhookStats s = sink.stats();
  EXPECT_EQ(s.retries, 2u);
  EXPECT_EQ(s.failed, 0u);
  EXPECT_EQ(server.requests(), 3);
}

TEST(WebhookSink, GivesUpAfterMaxAttemptsAndCountsFailed) {
  FakeWebhook server(
      [](int, const httplib::Request&, httplib::Response& res) { res.status = 503; });
  WebhookOptions o = FastOptions(server.Url());
  o.max_attempts = 3;
  WebhookSink sink(o);
  ASSERT_TRUE(sink.Enqueue(R"({"text":"x"})"));
  ASSERT_TRUE(Eventually([&] { return sink.stats().failed == 1; }));
  const WebhookStats s = sink.stats();
  EXPECT_EQ(s.delivered, 0u);
  EXPECT_EQ(s.retries, 2u);
  EXPECT_EQ(server.requests(), 3);
}

TEST(WebhookSink, DoesNotRetryOn400) {
  FakeWebhook server([](int, const httplib::Request&, httplib::Response& res) {
    res.status = 400;
    res.set_content("invalid_payload", "text/plain");
  });
  CapturedLog log;
  WebhookSink sink(FastOptions(server.Url()));
  ASSERT_TRUE(sink.Enqueue(R"({"text":"x"})"));
  ASSERT_TRUE(Eventually([&] { return sink.stats().failed == 1; }));
  sink.Stop(milliseconds(10000));
  EXPECT_EQ(sink.stats().retries, 0u);
  EXPECT_EQ(server.requests(), 1);
  EXPECT_NE(log.text().find("HTTP 400 \"invalid_payload\""), std::string::npos) << log.text();
}

TEST(WebhookSink, HonoursRetryAfterOn429) {
  FakeWebhook server([](int n, const httplib::Request&, httplib::Response& res) {
    if (n == 1) {
      res.status = 429;
      res.set_header("Retry-After", "1");
    }
  });
  std::mutex mu;
  std::vector<int64_t> delays;
  WebhookOptions o = FastOptions(server.Url());
  o.on_retry_scheduled = [&](int64_t ms) {
    const std::lock_guard<std::mutex> lock(mu);
    delays.push_back(ms);
  };
  WebhookSink sink(o);
  ASSERT_TRUE(sink.Enqueue(R"({"text":"x"})"));
  ASSERT_TRUE(Eventually([&] { return sink.stats().delivered == 1; }));
  const std::lock_guard<std::mutex> lock(mu);
  EXPECT_EQ(delays, (std::vector<int64_t>{1000}));
}

TEST(WebhookSink, BackoffDoublesWithJitterUpToTheCap) {
  FakeWebhook server(
      [](int, const httplib::Request&, httplib::Response& res) { res.status = 502; });
  std::mutex mu;
  std::vector<int64_t> delays;
  WebhookOptions o = FastOptions(server.Url());
  o.max_attempts = 6;
  o.initial_backoff_ms = 4;
  o.max_backoff_ms = 20;
  o.on_retry_scheduled = [&](int64_t ms) {
    const std::lock_guard<std::mutex> lock(mu);
    delays.push_back(ms);
  };
  WebhookSink sink(o);
  ASSERT_TRUE(sink.Enqueue(R"({"text":"x"})"));
  ASSERT_TRUE(Eventually([&] { return sink.stats().failed == 1; }));
  const std::lock_guard<std::mutex> lock(mu);
  const std::vector<int64_t> nominal = {4, 8, 16, 20, 20};
  ASSERT_EQ(delays.size(), nominal.size());
  for (size_t i = 0; i < nominal.size(); ++i) {
    EXPECT_GE(delays[i], nominal[i] / 2) << i;
    EXPECT_LE(delays[i], nominal[i]) << i;
  }
}

TEST(WebhookSink, RetriesConnectionErrors) {
  const int closed_port = UnusedPort();
  WebhookOptions o = FastOptions("http://127.0.0.1:" + std::to_string(closed_port) + "/hook");
  o.max_attempts = 3;
  WebhookSink sink(o);
  ASSERT_TRUE(sink.Enqueue(R"({"text":"x"})"));
  ASSERT_TRUE(Eventually([&] { return sink.stats().failed == 1; }));
  EXPECT_EQ(sink.stats().retries, 2u);
}

TEST(WebhookSink, FullQueueDropsAndCountsWithoutBlocking) {
  FakeWebhook server;
  server.Stall();
  CapturedLog log;
  WebhookOptions o = FastOptions(server.Url());
  o.max_queue = 2;
  WebhookSink sink(o);
  // The first message goes in flight and hangs in the stalled server ...
  ASSERT_TRUE(sink.Enqueue(R"({"n":1})"));
  ASSERT_TRUE(server.WaitForRequests(1));
  // ... two more fill the queue, and the rest are dropped while the endpoint
  // still stalls: Enqueue returns instead of waiting for it.
  EXPECT_TRUE(sink.Enqueue(R"({"n":2})"));
  EXPECT_TRUE(sink.Enqueue(R"({"n":3})"));
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(sink.Enqueue(R"({"n":"dropped"})"));
  EXPECT_EQ(sink.stats().dropped, 5u);
  EXPECT_EQ(Count(log.text(), "queue full"), 1u) << log.text();

  server.Release();
  ASSERT_TRUE(Eventually([&] { return sink.stats().delivered == 3; }));
  EXPECT_EQ(server.bodies(), (std::vector<std::string>{R"({"n":1})", R"({"n":2})", R"({"n":3})"}));
  // The burst ends with the next accepted message, which says how many went.
  EXPECT_TRUE(sink.Enqueue(R"({"n":4})"));
  EXPECT_NE(log.text().find("5 alert(s) were dropped"), std::string::npos) << log.text();
}

TEST(WebhookSink, StopDrainsQueuedMessages) {
  FakeWebhook server;
  WebhookSink sink(FastOptions(server.Url()));
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(sink.Enqueue(R"({"text":"x"})"));
  sink.Stop(milliseconds(30000));
  const WebhookStats s = sink.stats();
  EXPECT_EQ(s.delivered, 5u);
  EXPECT_EQ(s.abandoned, 0u);
  EXPECT_EQ(server.requests(), 5);
  EXPECT_FALSE(sink.Enqueue(R"({"text":"late"})"));
  EXPECT_EQ(sink.stats().dropped, 1u);
}

TEST(WebhookSink, StopGivesUpWhenTheDrainTimeRunsOut) {
  FakeWebhook server;
  server.Stall();
  WebhookOptions o = FastOptions(server.Url());
  o.timeout_ms = 120000;  // the request would outlive the test if Stop waited for it
  WebhookSink sink(o);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(sink.Enqueue(R"({"text":"x"})"));
  ASSERT_TRUE(server.WaitForRequests(1));
  sink.Stop(milliseconds(50));
  // The request in flight was aborted, not timed out: nothing failed, all
  // three were abandoned.
  const WebhookStats s = sink.stats();
  EXPECT_EQ(s.delivered, 0u);
  EXPECT_EQ(s.failed, 0u);
  EXPECT_EQ(s.abandoned, 3u);
}

TEST(WebhookSink, StopAbandonsAMessageWaitingToBeRetried) {
  FakeWebhook server([](int, const httplib::Request&, httplib::Response& res) {
    res.status = 503;
    res.set_header("Retry-After", "100");  // longer than any test
  });
  WebhookSink sink(FastOptions(server.Url()));
  ASSERT_TRUE(sink.Enqueue(R"({"text":"x"})"));
  ASSERT_TRUE(Eventually([&] { return sink.stats().retries == 1; }));
  sink.Stop(milliseconds(20));
  EXPECT_EQ(sink.stats().abandoned, 1u);
  EXPECT_EQ(sink.stats().failed, 0u);
}

TEST(WebhookSink, UrlTokenNeverAppearsInLogs) {
  FakeWebhook server([](int n, const httplib::Request&, httplib::Response& res) {
    res.status = n == 1 ? 500 : 404;
    // A server that echoes the request path must not leak it either.
    res.set_content("no such hook: " + std::string(res.status == 404 ? "SECRETTOKEN42" : ""),
                    "text/plain");
  });
  CapturedLog log;
  {
    WebhookOptions o = FastOptions(server.Url());
    // Credentials in the user-info part must not leak either.
    o.url = "http://hookuser:PASSWORD77@127.0.0.1:" + std::to_string(server.port()) +
            "/services/T0/B0/SECRETTOKEN42?key=QUERYSECRET";
    o.max_queue = 1;
    WebhookSink sink(o);
    server.Stall();
    ASSERT_TRUE(sink.Enqueue(R"({"text":"a"})"));
    ASSERT_TRUE(server.WaitForRequests(1));
    ASSERT_TRUE(sink.Enqueue(R"({"text":"b"})"));
    EXPECT_FALSE(sink.Enqueue(R"({"text":"dropped"})"));
    server.Release();
    ASSERT_TRUE(Eventually([&] { return sink.stats().failed == 1; }));
    sink.Stop(milliseconds(30000));
  }
  // Connection errors log too.
  {
    WebhookOptions o = FastOptions("http://127.0.0.1:" + std::to_string(UnusedPort()) +
                                   "/services/T0/B0/SECRETTOKEN42");
    o.max_attempts = 2;
    WebhookSink sink(o);
    ASSERT_TRUE(sink.Enqueue(R"({"text":"x"})"));
    ASSERT_TRUE(Eventually([&] { return sink.stats().failed == 1; }));
  }
  const std::string text = log.text();
  EXPECT_NE(text.find("http://127.0.0.1:" + std::to_string(server.port())), std::string::npos)
      << text;
  EXPECT_NE(text.find("queue full"), std::string::npos) << text;
  EXPECT_NE(text.find("failed"), std::string::npos) << text;
  EXPECT_NE(text.find("retrying"), std::string::npos) << text;
  for (const char* secret : {"SECRETTOKEN42", "PASSWORD77", "QUERYSECRET", "/services/"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret << " leaked:\n" << text;
  }
}

std::string TextOf(const std::string& body) {
  rapidjson::Document doc;
  doc.Parse(body.c_str(), body.size());
  EXPECT_FALSE(doc.HasParseError()) << body;
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("text") || !doc["text"].IsString()) {
    ADD_FAILURE() << "no \"text\" string in " << body;
    return "";
  }
  EXPECT_EQ(doc.MemberCount(), 1u);
  return std::string(doc["text"].GetString(), doc["text"].GetStringLength());
}

AlertSummary AnAlert() {
  AlertSummary a;
  a.type = "response_overdue";
  a.post_class = "complaint";
  a.priority = "p1";
  a.channel = "x";
  a.author = "ayse";
  a.brand = "acme";
  a.link = "https://x.com/ayse/status/1";
  a.due_at_ms = 1772809200000;  // 2026-03-06T15:00:00Z
  a.overdue_step = 2;
  a.text = "Siparişim gelmedi";
  return a;
}

TEST(FormatSlackBody, OneReadableMessageWithEveryField) {
  const std::string text = TextOf(FormatSlackBody(AnAlert()));
  EXPECT_EQ(text,
            "*response_overdue* p1 complaint on x by @ayse for acme\n"
            "due 2026-03-06T15:00:00.000Z \xC2\xB7 overdue step 2 \xC2\xB7 "
            "<https://x.com/ayse/status/1>\n"
            "> Siparişim gelmedi");
}

TEST(FormatSlackBody, OptionalPartsAreLeftOut) {
  AlertSummary a;
  a.type = "spike";
  a.brand = "acme";
  a.count = 40;
  EXPECT_EQ(TextOf(FormatSlackBody(a)), "*spike* for acme (40 posts)");
}

TEST(FormatSlackBody, EscapesQuotesNewlinesAndUnicode) {
  AlertSummary a = AnAlert();
  a.text = "He said \"never again\"\nback\\slash\ttab \xE2\x98\x95 \xF0\x9F\x98\xA1 İ";
  const std::string body = FormatSlackBody(a);
  // JSON escapes in the raw body ...
  EXPECT_NE(body.find(R"(\"never again\"\n> back\\slash\ttab)"), std::string::npos) << body;
  EXPECT_EQ(body.find('\n'), std::string::npos) << "raw newline in " << body;
  // ... and the decoded text is the original, quoted line by line, with
  // multi-byte characters intact.
  EXPECT_NE(TextOf(body).find("> He said \"never again\"\n> back\\slash\ttab \xE2\x98\x95 "
                              "\xF0\x9F\x98\xA1 İ"),
            std::string::npos)
      << TextOf(body);
}

TEST(FormatSlackBody, EscapesSlackMarkupSoPostsCannotPingOrForgeLinks) {
  AlertSummary a = AnAlert();
  a.text = "<!channel> look at <https://evil.example|your bank> & more";
  a.author = "<@U123>";
  a.link = "https://x.com/a|<b>";
  const std::string text = TextOf(FormatSlackBody(a));
  EXPECT_EQ(text.find("<!channel>"), std::string::npos) << text;
  EXPECT_NE(text.find("&lt;!channel&gt; look at &lt;https://evil.example|your bank&gt; &amp; more"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("by @&lt;@U123&gt;"), std::string::npos) << text;
  EXPECT_NE(text.find("https://x.com/a|&lt;b&gt;"), std::string::npos) << text;
}

TEST(FormatSlackBody, CutsTextAt200CodePointsWithoutSplittingCharacters) {
  AlertSummary a = AnAlert();
  a.text.clear();
  for (int i = 0; i < 250; ++i) a.text += "\xC5\x9F";  // ş, two bytes each
  const std::string text = TextOf(FormatSlackBody(a));
  std::string expected = "> ";
  for (int i = 0; i < 200; ++i) expected += "\xC5\x9F";
  expected += "\xE2\x80\xA6";
  ASSERT_GE(text.size(), expected.size());
  EXPECT_EQ(text.substr(text.size() - expected.size()), expected);

  a.text = "short";
  EXPECT_EQ(TextOf(FormatSlackBody(a)).substr(TextOf(FormatSlackBody(a)).size() - 7), "> short");
}

TEST(FormatSlackBody, ReplacesInvalidUtf8) {
  AlertSummary a = AnAlert();
  a.text = std::string("bad \xC3 byte \xFF end");
  const std::string text = TextOf(FormatSlackBody(a));
  EXPECT_NE(text.find("> bad \xEF\xBF\xBD byte \xEF\xBF\xBD end"), std::string::npos) << text;
}

}  // namespace
}  // namespace earshot
