// WebhookSink: posts alert messages to a Slack-compatible incoming webhook.
//
//   WebhookSink sink(WebhookOptions{.url = "https://hooks.slack.com/services/T/B/secret"});
//   sink.Enqueue(FormatSlackBody(summary));   // never blocks
//   ...
//   sink.Stop(std::chrono::seconds(5));       // drain, then give up
//
// Delivery. Enqueue puts the JSON body on a bounded in-memory queue and
// returns at once; one background thread POSTs each body in order with
// `Content-Type: application/json` (libcurl). Outcomes per message:
//   2xx                        delivered
//   connection error, timeout,
//   5xx or 429                 retried after a backoff, up to max_attempts
//                              attempts in all, then failed
//   other status (400, 404...) failed at once: a retry would get the same answer
// Backoff before retry n (n = 1, 2, ...) is initial_backoff_ms * 2^(n-1),
// capped at max_backoff_ms, with "equal jitter": a uniformly random delay in
// [b/2, b]. A retryable response (429, 5xx) carrying `Retry-After: <seconds>`
// waits exactly that long instead (capped at max_retry_after_ms; the HTTP-date
// form is ignored). Delivery is at most once per
// attempt and at least once overall only while the process lives: the queue
// is not persisted, so alerts in it are lost on a crash.
//
// Back-pressure. When the queue holds max_queue messages, Enqueue drops the
// new message, counts it in `dropped` and returns false. The first drop of a
// burst logs one warning; the next accepted message logs how many the burst
// dropped.
//
// Secrets. Webhook URLs carry their credential in the path (Slack) or in the
// user-info part. Nothing here logs the URL: logs name the endpoint as
// scheme://host[:port] only (see endpoint()).
//
// Shutdown. Stop(drain) stops accepting, keeps delivering (retries included)
// until the queue is empty or `drain` has passed, then aborts the request in
// flight and gives up; messages given up on are counted in `abandoned`, not
// `failed`. The destructor calls Stop(0) if Stop was not called.
//
// Thread safety: Enqueue and stats may be called from any thread at any time;
// Stop from one thread. Not copyable or movable (a thread points at it).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace earshot {

struct WebhookOptions {
  // http:// or https:// URL, secret token included. Never logged.
  std::string url;
  // Messages waiting for delivery (not counting the one in flight). Past
  // this, Enqueue drops: a stalled endpoint must not hold alerts in memory
  // without bound or slow the pipeline.
  size_t max_queue = 1000;
  // Attempts per message, the first included. 1 disables retries.
  int max_attempts = 5;
  // Backoff before the first retry; doubles per retry up to max_backoff_ms.
  int64_t initial_backoff_ms = 500;
  int64_t max_backoff_ms = 30000;
  // Upper bound on a server-requested Retry-After wait.
  int64_t max_retry_after_ms = 120000;
  // Whole-request timeout (connect + send + response), per attempt.
  int64_t timeout_ms = 5000;
  // Called on the sink's thread with the chosen delay each time a retry is
  // scheduled, before the wait. For tests and tracing; keep it trivial.
  std::function<void(int64_t delay_ms)> on_retry_scheduled;
};

struct WebhookStats {
  uint64_t delivered = 0;  // 2xx responses
  uint64_t failed = 0;     // permanent errors and exhausted attempts
  uint64_t dropped = 0;    // rejected by Enqueue: queue full or sink stopped
  uint64_t retries = 0;    // retry attempts scheduled (not counting first attempts)
  uint64_t abandoned = 0;  // still queued or in flight when Stop's drain time ran out
};

class WebhookSink {
 public:
  // Starts the delivery thread. A malformed URL is not an error here: every
  // message then fails (and is logged) without retries.
  explicit WebhookSink(WebhookOptions options);
  ~WebhookSink();
  WebhookSink(const WebhookSink&) = delete;
  WebhookSink& operator=(const WebhookSink&) = delete;

  // Queues a JSON body for delivery. Never blocks on I/O. Returns false (and
  // counts `dropped`) when the queue is full or Stop has been called.
  bool Enqueue(std::string json_body);

  // A consistent-enough snapshot: each counter is read atomically.
  WebhookStats stats() const;

  // Stops accepting, delivers what is queued for at most `drain`, then
  // aborts and joins the thread. Idempotent; later calls return at once.
  void Stop(std::chrono::milliseconds drain);

  // "scheme://host[:port]" of the URL, safe to log; "<invalid url>" if it
  // does not parse.
  const std::string& endpoint() const { return endpoint_; }

 private:
  enum class Outcome { kDelivered, kRetry, kPermanent, kAborted };
  struct Attempt {
    Outcome outcome = Outcome::kPermanent;
    long http_status = 0;         // 0 when no response arrived
    int64_t retry_after_ms = -1;  // from the Retry-After header, -1 if none
    std::string error;            // short description for logs (no URL)
  };

  void Run();
  void Deliver(const std::string& body);
  Attempt Post(const std::string& body);
  int64_t BackoffMs(int retry);
  // Waits up to delay_ms; false if aborted meanwhile.
  bool WaitForRetry(int64_t delay_ms);
  std::string Scrub(std::string text) const;

  const WebhookOptions options_;
  std::string endpoint_;  // set once in the constructor
  // The URL's path, query and user-info, removed from any text we log.
  std::vector<std::string> secrets_;
  void* multi_ = nullptr;    // CURLM*, created in the constructor, used by the thread
  void* easy_ = nullptr;     // CURL*, reused across requests for keep-alive
  void* headers_ = nullptr;  // curl_slist* of request headers

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> queue_;  // guarded by mu_
  bool stopping_ = false;          // guarded by mu_
  bool worker_done_ = false;       // guarded by mu_
  bool stopped_ = false;           // guarded by mu_
  uint64_t burst_dropped_ = 0;     // guarded by mu_; drops since the last accepted message
  std::atomic<bool> abort_{false};

  std::atomic<uint64_t> delivered_{0};
  std::atomic<uint64_t> failed_{0};
  std::atomic<uint64_t> dropped_{0};
  std::atomic<uint64_t> retries_{0};
  std::atomic<uint64_t> abandoned_{0};

  std::thread thread_;  // last: starts after every member above exists
};

// A Slack "incoming webhook" message for one alert.
struct AlertSummary {
  std::string type;        // "response_due", "response_overdue", "spike", ...
  std::string post_class;  // "complaint", "question", ...
  std::string priority;    // "p1" ... "p4"
  std::string channel;     // "x", "instagram", "google_reviews", ...
  std::string author;      // handle, without '@'
  std::string link;        // URL of the post
  std::string text;        // the post's text; only the first 200 characters are sent
  std::string brand;
  int64_t due_at_ms = 0;  // 0: no due time
  int overdue_step = 0;   // 0: not overdue
  int count = 1;          // posts this alert stands for (spikes, digests)
};

// {"text": "..."}: a short readable message, e.g.
//   *response_overdue* p1 complaint on x by @ayse for acme
//   due 2026-03-06T18:00:00.000Z · overdue step 2 · <https://x.com/i/1>
//   > Siparişim "3 haftadır" gelmedi
// JSON escaping by RapidJSON; Slack's own mark-up characters (&, <, >) in
// user-supplied fields are escaped too, so a post cannot ping @channel or forge
// links. The text is cut to 200 Unicode code points (never inside a UTF-8
// sequence, "…" appended when cut); invalid UTF-8 becomes U+FFFD.
std::string FormatSlackBody(const AlertSummary& alert);

}  // namespace earshot
