#include "connectors/http/http_endpoint.h"

#include <httplib.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <sstream>

namespace earshot {

HttpEndpoint::HttpEndpoint(std::shared_ptr<prometheus::Registry> registry, ReadinessFn readiness,
                           std::function<void()> before_scrape)
    : registry_(std::move(registry)), before_scrape_(std::move(before_scrape)) {
  if (readiness) readiness_.push_back(NamedCheck{"pipeline", std::move(readiness)});
}

void HttpEndpoint::AddReadinessCheck(std::string name, ReadinessFn check) {
  if (check) readiness_.push_back(NamedCheck{std::move(name), std::move(check)});
}

HttpEndpoint::~HttpEndpoint() { Stop(); }

Status HttpEndpoint::Start(const std::string& listen) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos)
    return Status("metrics_listen", "expected host:port, got '" + listen + "'");
  host_ = listen.substr(0, colon);
  int port = 0;
  try {
    port = std::stoi(listen.substr(colon + 1));
  } catch (const std::exception&) {
    return Status("metrics_listen", "bad port in '" + listen + "'");
  }
  server_ = std::make_unique<httplib::Server>();
  server_->Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    if (before_scrape_) before_scrape_();
    std::ostringstream out;
    prometheus::TextSerializer().Serialize(out, registry_->Collect());
    res.set_content(out.str(), "text/plain; version=0.0.4; charset=utf-8");
  });
  server_->Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok\n", "text/plain");
  });
  server_->Get("/readyz", [this](const httplib::Request&, httplib::Response& res) {
    // Every check runs, so one answer names everything that is missing.
    std::string failing;
    for (const NamedCheck& c : readiness_) {
      const Status s = c.check();
      if (!s.ok()) failing += (failing.empty() ? "" : "; ") + c.name + ": " + s.message();
    }
    res.status = failing.empty() ? 200 : 503;
    res.set_content(failing.empty() ? "ready\n" : "not ready: " + failing + "\n", "text/plain");
  });
  if (port == 0) {
    port_ = server_->bind_to_any_port(host_);
    if (port_ < 0) return Status("metrics_listen", "cannot bind " + listen);
  } else {
    if (!server_->bind_to_port(host_, port)) {
      return Status("metrics_listen", "cannot bind " + listen + " (in use?)");
    }
    port_ = port;
  }
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  return Status::Ok();
}

void HttpEndpoint::Stop() {
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace earshot
