#include "app/service.h"

#include <spdlog/spdlog.h>

namespace earshot {

Status CreateTopics(EmbeddedBroker& broker, const Config& config) {
  for (const std::string& topic : config.topics.inputs) {
    if (Status s = broker.CreateTopic(topic, config.embedded_partitions); !s.ok()) return s;
  }
  for (const std::string& topic :
       {config.topics.classified, config.topics.alerts, config.topics.dlq}) {
    if (Status s = broker.CreateTopic(topic, config.embedded_partitions); !s.ok()) return s;
  }
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

  std::vector<Diagnostic> warnings;
  auto classifier = BuildClassifier(cfg, &warnings);
  for (const Diagnostic& w : warnings) spdlog::warn("rules: {}", w.ToString());
  if (!classifier.ok()) return classifier.status();
  service->metrics_ = std::make_unique<Metrics>(EARSHOT_VERSION);
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
      [metrics] { metrics->SyncDfaOutOfMemory(RuleSet::dfa_out_of_memory_total()); });
  if (Status s = service->http_->Start(cfg.metrics_listen); !s.ok()) return s;
  service->metrics_address_ = service->http_->address();
  spdlog::info("metrics and health on http://{}/metrics /healthz /readyz",
               service->metrics_address_);

  service->runner_ =
      std::make_unique<PipelineRunner>(cfg, service->slot_, *metrics, service->clock_);
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
  reloader_.reset();
  if (http_) http_->Stop();
}

void Service::RequestStop() {
  if (runner_) runner_->RequestStop();
}

Status Service::Wait() { return runner_ ? runner_->Wait() : Status::Ok(); }

}  // namespace earshot
