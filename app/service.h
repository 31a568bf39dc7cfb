// Service: a running earshot pipeline with everything around it — the
// embedded broker when no bootstrap.servers is configured, the rules, the
// metrics/health endpoint and the workers. `earshot run`, `earshot demo` and
// the integration tests all start one of these, so they exercise one path.
//
// Thread safety: RequestStop() from any thread; the rest from the owner.
#pragma once

#include <memory>
#include <string>

#include "app/config.h"
#include "app/metrics.h"
#include "app/pipeline_runner.h"
#include "app/rule_reloader.h"
#include "connectors/http/http_endpoint.h"
#include "connectors/kafka/embedded_broker.h"
#include "connectors/webhook/webhook_sink.h"
#include "earshot/clock.h"

namespace earshot {

class Service {
 public:
  // Starts everything; on error nothing is left running.
  static StatusOr<std::unique_ptr<Service>> Start(Config config);
  ~Service();

  void RequestStop();
  // Waits for the workers to finish (after RequestStop or a fatal error).
  Status Wait();

  // The effective config (bootstrap.servers filled in for the embedded broker).
  const Config& config() const { return config_; }
  Metrics& metrics() { return *metrics_; }
  const std::string& metrics_address() const { return metrics_address_; }
  EmbeddedBroker* embedded_broker() const { return broker_.get(); }
  int64_t completed() const { return runner_->completed(); }
  // Reloads rules now (as SIGHUP does, but waiting for the result).
  Status ReloadRules() { return reloader_->ReloadNow(); }
  // Asks for a reload in the background (SIGHUP).
  void TriggerReload() { reloader_->Trigger(); }
  std::shared_ptr<const Classifier> classifier() const { return slot_->Get(); }

 private:
  Service() = default;
  Config config_;
  SystemClock clock_;
  std::unique_ptr<EmbeddedBroker> broker_;  // outlives the workers (declared first)
  std::unique_ptr<Metrics> metrics_;
  std::unique_ptr<HttpEndpoint> http_;
  std::unique_ptr<WebhookSink> webhook_;  // outlives the workers that enqueue
  std::shared_ptr<ClassifierSlot> slot_;
  std::unique_ptr<RuleReloader> reloader_;
  std::unique_ptr<PipelineRunner> runner_;
  std::string metrics_address_;
};

// Creates the input and output topics on an embedded broker.
Status CreateTopics(EmbeddedBroker& broker, const Config& config);

}  // namespace earshot
