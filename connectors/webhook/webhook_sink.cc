// WebhookSink: one delivery thread driving libcurl's multi interface, so that
// Stop can wake a request in flight at once (curl_multi_wakeup) instead of
// waiting for its timeout.
#include "connectors/webhook/webhook_sink.h"

#include <curl/curl.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <random>
#include <string_view>
#include <utility>

#include "pipeline/decode/iso8601.h"

namespace earshot {
namespace {

constexpr size_t kMaxLoggedResponse = 200;
constexpr size_t kTextCodePoints = 200;

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// The URL's parts: what may be logged (scheme://host[:port]) and what may not.
struct UrlParts {
  std::string endpoint = "<invalid url>";
  std::vector<std::string> secrets;
};

UrlParts SplitUrl(const std::string& url) {
  UrlParts parts;
  if (url.size() > 1) parts.secrets.push_back(url);
  CURLU* h = curl_url();
  if (h == nullptr) return parts;
  auto get = [h](CURLUPart part) {
    char* value = nullptr;
    std::string out;
    if (curl_url_get(h, part, &value, 0) == CURLUE_OK && value != nullptr) out = value;
    curl_free(value);
    return out;
  };
  if (curl_url_set(h, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
    const std::string scheme = get(CURLUPART_SCHEME);
    const std::string host = get(CURLUPART_HOST);
    const std::string port = get(CURLUPART_PORT);
    if (!scheme.empty() && !host.empty()) {
      parts.endpoint = scheme + "://" + host + (port.empty() ? "" : ":" + port);
    }
    // The whole path and query, and also each of their pieces: a server may
    // echo the token alone in an error body.
    for (const CURLUPart part :
         {CURLUPART_PATH, CURLUPART_QUERY, CURLUPART_USER, CURLUPART_PASSWORD}) {
      const std::string secret = get(part);
      if (secret.size() > 1) parts.secrets.push_back(secret);
      size_t begin = 0;
      while (begin < secret.size()) {
        size_t end = secret.find_first_of("/?&=;", begin);
        if (end == std::string::npos) end = secret.size();
        if (end - begin >= 4) parts.secrets.push_back(secret.substr(begin, end - begin));
        begin = end + 1;
      }
    }
  }
  curl_url_cleanup(h);
  std::sort(parts.secrets.begin(), parts.secrets.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return parts;
}

size_t CollectBody(char* data, size_t size, size_t n, void* userdata) {
  auto* body = static_cast<std::string*>(userdata);
  const size_t bytes = size * n;
  if (body->size() < kMaxLoggedResponse) {
    body->append(data, std::min(bytes, kMaxLoggedResponse - body->size()));
  }
  return bytes;
}

// Picks up "Retry-After: <seconds>" (the HTTP-date form is ignored: the
// exponential backoff applies then).
size_t ReadHeader(char* data, size_t size, size_t n, void* userdata) {
  auto* retry_after_ms = static_cast<int64_t*>(userdata);
  const size_t bytes = size * n;
  std::string_view line(data, bytes);
  constexpr std::string_view kName = "retry-after:";
  if (line.size() > kName.size()) {
    bool match = true;
    for (size_t i = 0; i < kName.size() && match; ++i) {
      match = std::tolower(static_cast<unsigned char>(line[i])) == kName[i];
    }
    if (match) {
      line.remove_prefix(kName.size());
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      int64_t seconds = 0;
      size_t digits = 0;
      while (digits < line.size() && digits < 9 &&
             std::isdigit(static_cast<unsigned char>(line[digits]))) {
        seconds = seconds * 10 + (line[digits] - '0');
        ++digits;
      }
      if (digits > 0) *retry_after_ms = seconds * 1000;
    }
  }
  return bytes;
}

}  // namespace

WebhookSink::WebhookSink(WebhookOptions options) : options_(std::move(options)) {
  GlobalInitOnce();
  UrlParts parts = SplitUrl(options_.url);
  endpoint_ = std::move(parts.endpoint);
  secrets_ = std::move(parts.secrets);

  multi_ = curl_multi_init();
  CURL* easy = curl_easy_init();
  easy_ = easy;
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  headers_ = headers;
  if (easy != nullptr) {
    curl_easy_setopt(easy, CURLOPT_URL, options_.url.c_str());
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "earshot-webhook");
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout_ms));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.timeout_ms));
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &CollectBody);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &ReadHeader);
  }
  spdlog::info("webhook {}: sink started (queue {}, {} attempt(s) per message)", endpoint_,
               options_.max_queue, options_.max_attempts);
  thread_ = std::thread([this] { Run(); });
}

WebhookSink::~WebhookSink() {
  Stop(std::chrono::milliseconds(0));
  curl_easy_cleanup(static_cast<CURL*>(easy_));
  curl_multi_cleanup(static_cast<CURLM*>(multi_));
  curl_slist_free_all(static_cast<curl_slist*>(headers_));
}

bool WebhookSink::Enqueue(std::string json_body) {
  bool accepted = false;
  bool first_drop = false;
  uint64_t burst_ended = 0;
  {
    const std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) {
      ++dropped_;
      return false;
    }
    if (queue_.size() >= options_.max_queue) {
      ++dropped_;
      first_drop = burst_dropped_++ == 0;
    } else {
      queue_.push_back(std::move(json_body));
      burst_ended = std::exchange(burst_dropped_, 0);
      accepted = true;
    }
  }
  // Log outside the lock: a slow log sink must not hold up other callers.
  if (!accepted) {
    if (first_drop) {
      spdlog::warn("webhook {}: queue full ({} waiting); dropping alerts until it drains",
                   endpoint_, options_.max_queue);
    }
    return false;
  }
  cv_.notify_all();
  if (burst_ended > 0) {
    spdlog::warn("webhook {}: queue accepting again; {} alert(s) were dropped while it was full",
                 endpoint_, burst_ended);
  }
  return true;
}

WebhookStats WebhookSink::stats() const {
  WebhookStats s;
  s.delivered = delivered_.load();
  s.failed = failed_.load();
  s.dropped = dropped_.load();
  s.retries = retries_.load();
  s.abandoned = abandoned_.load();
  return s;
}

void WebhookSink::Stop(std::chrono::milliseconds drain) {
  {
    std::unique_lock<std::mutex> lock(mu_);
    if (stopped_) return;
    stopped_ = true;
    stopping_ = true;
    cv_.notify_all();
    if (!cv_.wait_for(lock, drain, [this] { return worker_done_; })) abort_ = true;
  }
  if (abort_) {
    cv_.notify_all();
    if (multi_ != nullptr) curl_multi_wakeup(static_cast<CURLM*>(multi_));
  }
  thread_.join();
  const WebhookStats s = stats();
  spdlog::info(
      "webhook {}: stopped (delivered {}, failed {}, dropped {}, retries {}, abandoned {})",
      endpoint_, s.delivered, s.failed, s.dropped, s.retries, s.abandoned);
}

void WebhookSink::Run() {
  while (true) {
    std::string body;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return !queue_.empty() || stopping_; });
      if (queue_.empty() || abort_) break;
      body = std::move(queue_.front());
      queue_.pop_front();
    }
    Deliver(body);
  }
  {
    const std::lock_guard<std::mutex> lock(mu_);
    abandoned_ += queue_.size();
    queue_.clear();
    worker_done_ = true;
  }
  cv_.notify_all();
}

void WebhookSink::Deliver(const std::string& body) {
  for (int attempt = 1;; ++attempt) {
    if (abort_) {
      ++abandoned_;
      return;
    }
    const Attempt a = Post(body);
    switch (a.outcome) {
      case Outcome::kDelivered:
        ++delivered_;
        return;
      case Outcome::kAborted:
        ++abandoned_;
        return;
      case Outcome::kPermanent:
        ++failed_;
        spdlog::warn("webhook {}: message failed, not retried: {}", endpoint_, a.error);
        return;
      case Outcome::kRetry:
        break;
    }
    if (attempt >= options_.max_attempts) {
      ++failed_;
      spdlog::warn("webhook {}: message failed after {} attempt(s): {}", endpoint_, attempt,
                   a.error);
      return;
    }
    const int64_t delay = a.retry_after_ms >= 0
                              ? std::min(a.retry_after_ms, options_.max_retry_after_ms)
                              : BackoffMs(attempt);
    ++retries_;
    if (options_.on_retry_scheduled) options_.on_retry_scheduled(delay);
    spdlog::debug("webhook {}: attempt {} failed ({}); retrying in {} ms", endpoint_, attempt,
                  a.error, delay);
    if (!WaitForRetry(delay)) {
      ++abandoned_;
      return;
    }
  }
}

int64_t WebhookSink::BackoffMs(int retry) {
  int64_t nominal = std::max<int64_t>(options_.initial_backoff_ms, 0);
  for (int i = 1; i < retry && nominal < options_.max_backoff_ms; ++i) nominal *= 2;
  nominal = std::min(nominal, options_.max_backoff_ms);
  if (nominal <= 1) return std::max<int64_t>(nominal, 0);
  // Equal jitter: half fixed, half random, so that many sinks that failed
  // together do not retry together.
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uniform_int_distribution<int64_t> jitter(0, nominal - nominal / 2);
  return nominal / 2 + jitter(rng);
}

bool WebhookSink::WaitForRetry(int64_t delay_ms) {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait_for(lock, std::chrono::milliseconds(delay_ms), [this] { return abort_.load(); });
  return !abort_;
}

WebhookSink::Attempt WebhookSink::Post(const std::string& body) {
  Attempt result;
  auto* easy = static_cast<CURL*>(easy_);
  auto* multi = static_cast<CURLM*>(multi_);
  if (easy == nullptr || multi == nullptr) {
    result.error = "libcurl could not be initialised";
    return result;
  }
  if (endpoint_ == "<invalid url>") {
    result.error = "the webhook URL does not parse";
    return result;
  }
  std::string response;
  char error_buffer[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &response);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &result.retry_after_ms);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error_buffer);

  CURLcode code = CURLE_OK;
  curl_multi_add_handle(multi, easy);
  bool done = false;
  while (!done) {
    int running = 0;
    const CURLMcode mc = curl_multi_perform(multi, &running);
    if (mc != CURLM_OK) {
      code = CURLE_FAILED_INIT;
      std::snprintf(error_buffer, sizeof(error_buffer), "%s", curl_multi_strerror(mc));
      break;
    }
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
      if (msg->msg == CURLMSG_DONE && msg->easy_handle == easy) {
        code = msg->data.result;
        done = true;
      }
    }
    if (done || running == 0) break;
    if (abort_) {
      curl_multi_remove_handle(multi, easy);
      curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, nullptr);
      result.outcome = Outcome::kAborted;
      return result;
    }
    curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
  }
  curl_multi_remove_handle(multi, easy);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, nullptr);

  if (code != CURLE_OK) {
    const bool permanent = code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL;
    result.outcome = permanent ? Outcome::kPermanent : Outcome::kRetry;
    result.error = Scrub(std::string(curl_easy_strerror(code)) +
                         (error_buffer[0] != '\0' ? std::string(": ") + error_buffer : ""));
    result.retry_after_ms = -1;
    return result;
  }
  long status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  result.http_status = status;
  if (status >= 200 && status < 300) {
    result.outcome = Outcome::kDelivered;
    return result;
  }
  result.outcome = (status == 429 || status >= 500) ? Outcome::kRetry : Outcome::kPermanent;
  if (result.outcome == Outcome::kPermanent) result.retry_after_ms = -1;
  result.error = "HTTP " + std::to_string(status);
  if (!response.empty()) result.error += " \"" + Scrub(response) + "\"";
  return result;
}

std::string WebhookSink::Scrub(std::string text) const {
  for (const std::string& secret : secrets_) {
    for (size_t pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos)) {
      text.replace(pos, secret.size(), "<redacted>");
      pos += 10;
    }
  }
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

// ---- Slack message formatting.

namespace {

// Appends the UTF-8 encoding of code point cp.
void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes one UTF-8 sequence at s[i]; returns its length, 0 if invalid.
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t& cp) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const auto cont = [&](size_t k) { return i + k < s.size() && (b(k) & 0xC0) == 0x80; };
  const unsigned char c = b(0);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF && cont(1)) {
    cp = ((c & 0x1Fu) << 6) | (b(1) & 0x3Fu);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
    cp = ((c & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;  // overlong, surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    cp = ((c & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3Fu);
    if (cp < 0x10000 || cp > 0x10FFFF) return 0;
    return 4;
  }
  return 0;
}

// Valid UTF-8 of at most max_code_points code points ("…" added when cut),
// with Slack's control characters escaped.
std::string SlackText(std::string_view s, size_t max_code_points = std::string_view::npos) {
  std::string out;
  out.reserve(std::min(s.size(), size_t{4096}));
  size_t count = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (count == max_code_points) {
      out += "\xE2\x80\xA6";  // …
      break;
    }
    uint32_t cp = 0;
    const size_t len = DecodeUtf8(s, i, cp);
    if (len == 0) {
      cp = 0xFFFD;
      i += 1;
    } else {
      i += len;
    }
    switch (cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        AppendUtf8(out, cp);
    }
    ++count;
  }
  return out;
}

bool SafeLink(std::string_view link) {
  if (link.rfind("http://", 0) != 0 && link.rfind("https://", 0) != 0) return false;
  for (const char c : link) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == '|') return false;
  }
  return true;
}

}  // namespace

std::string FormatSlackBody(const AlertSummary& alert) {
  std::string message = "*" + SlackText(alert.type.empty() ? "alert" : alert.type) + "*";
  if (!alert.priority.empty()) message += " " + SlackText(alert.priority);
  if (!alert.post_class.empty()) message += " " + SlackText(alert.post_class);
  if (!alert.channel.empty()) message += " on " + SlackText(alert.channel);
  if (!alert.author.empty()) message += " by @" + SlackText(alert.author);
  if (!alert.brand.empty()) message += " for " + SlackText(alert.brand);
  if (alert.count > 1) message += " (" + std::to_string(alert.count) + " posts)";

  std::vector<std::string> details;
  if (alert.due_at_ms != 0) details.push_back("due " + FormatIso8601Ms(alert.due_at_ms));
  if (alert.overdue_step > 0) {
    details.push_back("overdue step " + std::to_string(alert.overdue_step));
  }
  if (!alert.link.empty()) {
    details.push_back(SafeLink(alert.link) ? "<" + alert.link + ">" : SlackText(alert.link));
  }
  if (!details.empty()) {
    message += "\n";
    for (size_t i = 0; i < details.size(); ++i) {
      if (i > 0) message += " \xC2\xB7 ";  // ·
      message += details[i];
    }
  }
  if (!alert.text.empty()) {
    // Quote every line of the text so that it reads as one block in Slack.
    const std::string text = SlackText(alert.text, kTextCodePoints);
    message += "\n> ";
    for (const char c : text) {
      message.push_back(c);
      if (c == '\n') message += "> ";
    }
  }

  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("text");
  writer.String(message.data(), static_cast<rapidjson::SizeType>(message.size()));
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace earshot
