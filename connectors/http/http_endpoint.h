// HttpEndpoint: /metrics, /healthz and /readyz on one port.
//
// prometheus-cpp's own exposer serves only /metrics, so all three are served
// with cpp-httplib, and /metrics is rendered with prometheus-cpp's text
// serializer from the same registry.
//
//   /metrics  Prometheus text format 0.0.4
//   /healthz  200 "ok" while the process runs (liveness: restart it if this fails)
//   /readyz   200 "ready" when every readiness check passes, else 503 with one
//             "name: reason" per failing check (take it out of rotation)
//
// Readiness checks are named conditions (e.g. "partitions": input partitions
// assigned, which implies the consumer reached the brokers and joined the
// group; "state": the alerting stage's state restored). The constructor's
// check is named "pipeline"; AddReadinessCheck adds more, before Start().
//
// Thread safety: serves on its own threads; Start/Stop from one thread.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "earshot/status.h"

namespace prometheus {
class Registry;
}
namespace httplib {
class Server;
}

namespace earshot {

class HttpEndpoint {
 public:
  // Returns OK when ready, else a Status whose message says what is missing.
  using ReadinessFn = std::function<Status()>;

  // `before_scrape` runs before each /metrics response (to refresh values
  // that are read, not pushed).
  HttpEndpoint(std::shared_ptr<prometheus::Registry> registry, ReadinessFn readiness,
               std::function<void()> before_scrape = nullptr);
  ~HttpEndpoint();
  HttpEndpoint(const HttpEndpoint&) = delete;
  HttpEndpoint& operator=(const HttpEndpoint&) = delete;

  // `listen` is "host:port"; port 0 picks a free one (see port()).
  Status Start(const std::string& listen);
  void Stop();
  // Adds a named condition to /readyz. Call before Start(); `check` runs on
  // the endpoint's threads, so it must be thread-safe (read atomics or gauges).
  void AddReadinessCheck(std::string name, ReadinessFn check);

  int port() const { return port_; }
  std::string address() const { return host_ + ":" + std::to_string(port_); }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  struct NamedCheck {
    std::string name;
    ReadinessFn check;
  };
  std::vector<NamedCheck> readiness_;
  std::function<void()> before_scrape_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  std::string host_;
  int port_ = 0;
};

}  // namespace earshot
