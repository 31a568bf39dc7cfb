#include "app/service.h"

#include <spdlog/spdlog.h>

#include <set>

namespace earshot {

Status CreateTopics(EmbeddedBroker& broker, const Config& config) {
  for (const std::string& topic : config.topics.inputs) {
    if (Status s = broker.CreateTopic(topic, config.embedded_partitions); !s.ok()) return s;
  }
  // The changelog is co-partitioned with the classified topic.
  for (const std::string& topic : {config.topics.classified, config.topics.alerts,
                                   config.topics.dlq, config.topics.changelog}) {
    if (Status s = broker.CreateTopic(topic, config.embedded_partitions); !s.ok()) return s;
  }
  if (Status s = broker.CreateTopic(config.topics.acks, 1); !s.ok()) return s;
  return Status::Ok();
}

StatusOr<std::unique_ptr<Service>> Service::Start(Config config) {
  std::unique_ptr<Service> service(new Service());
  if (config.UsesEmbeddedBroker()) {
    auto broker = EmbeddedBroker::Start(EmbeddedBrokerOptions{});
    if (!broker.ok()) return broker.status();
    service->broker_ = std::move(broker).value();
    if (Status s = CreateTopics(*service->broker_, config); !s.ok()) return s;
    config.kafka["bootstrap.servers"] = service->broker_->bootstrap_servers();
    spdlog::info("no kafka.bootstrap.servers configured: started the embedded broker at {}",
                 service->broker_->bootstrap_servers());
  }
  service->config_ = std::move(config);
  const Config& cfg = service->config_;
  spdlog::info("kafka: {}", DescribeKafkaProperties(cfg.kafka));

  std::vector<Diagnostic> diagnostics;
  auto classifier = BuildClassifier(cfg, &diagnostics);
  for (const Diagnostic& d : diagnostics)
    if (d.severity == Severity::kWarning) spdlog::warn("rules: {}", d.ToString());
  if (!classifier.ok()) return classifier.status();
  service->metrics_ = std::make_unique<Metrics>(EARSHOT_VERSION);
  service->metrics_->Limits().Publish(cfg);
  std::set<std::string> brands;
  for (const auto& [brand, accounts] : cfg.brand_accounts) brands.insert(brand);
  for (const auto& [app, brand] : cfg.decode.app_brands) brands.insert(brand);
  for (const auto& [brand, calendar] : cfg.alerting.brands) brands.insert(brand);
  if (!cfg.decode.default_brand.empty()) brands.insert(cfg.decode.default_brand);
  service->metrics_->SetKnownBrands(std::move(brands));
  if (!cfg.webhook.url.empty()) {
    WebhookOptions options;
    options.url = cfg.webhook.url;
    options.max_queue = static_cast<size_t>(cfg.webhook.max_queue);
    options.max_attempts = cfg.webhook.max_attempts;
    options.timeout_ms = cfg.webhook.timeout_ms;
    service->webhook_ = std::make_unique<WebhookSink>(options);
    spdlog::info("alerting: webhook to {}", service->webhook_->endpoint());
  }
  RuleReloader::Publish(**classifier, *service->metrics_);
  spdlog::info("rules: {} loaded, version {}", (*classifier)->rules().rules().size(),
               (*classifier)->rules().version());
  service->slot_ = std::make_shared<ClassifierSlot>(std::move(classifier).value());
  service->reloader_ =
      std::make_unique<RuleReloader>(service->config_, service->slot_, *service->metrics_);
  service->reloader_->Start();

  Metrics* metrics = service->metrics_.get();
  service->http_ = std::make_unique<HttpEndpoint>(
      metrics->registry(),
      [metrics]() -> Status {
        if (metrics->AssignedPartitions().Value() <= 0) {
          return Status("not_ready", "no input partitions assigned yet");
        }
        return Status::Ok();
      },
      [metrics, webhook = service->webhook_.get()] {
        metrics->SyncDfaOutOfMemory(RuleSet::dfa_out_of_memory_total());
        if (webhook != nullptr) {
          const WebhookStats st = webhook->stats();
          metrics->SyncWebhookFailures(st.failed + st.dropped + st.abandoned);
          metrics->SyncWebhookQueueFull(st.dropped);
        }
      });
  service->http_->AddReadinessCheck("state", [metrics]() -> Status {
    if (metrics->StateRestored().Value() <= 0)
      return Status("not_ready", "alerting state not restored yet");
    return Status::Ok();
  });
  if (Status s = service->http_->Start(cfg.metrics_listen); !s.ok()) return s;
  service->metrics_address_ = service->http_->address();
  spdlog::info("metrics and health on http://{}/metrics /healthz /readyz",
               service->metrics_address_);

  service->runner_ = std::make_unique<PipelineRunner>(cfg, service->slot_, *metrics,
                                                      service->clock_, service->webhook_.get());
  service->runner_->Start();
  spdlog::info("pipeline: {} worker(s) in group '{}' reading {}", cfg.workers, cfg.GroupId(),
               cfg.topics.inputs.front() + (cfg.topics.inputs.size() > 1 ? ", ..." : ""));
  return service;
}

Service::~Service() {
  if (runner_) {
    runner_->RequestStop();
    (void)runner_->Wait();
  }
  runner_.reset();
  if (webhook_) webhook_->Stop(std::chrono::seconds(5));
  reloader_.reset();
  if (http_) http_->Stop();
}

void Service::RequestStop() {
  if (runner_) runner_->RequestStop();
}

Status Service::Wait() { return runner_ ? runner_->Wait() : Status::Ok(); }

}  // namespace earshot
