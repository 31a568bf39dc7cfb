#include "connectors/kafka/embedded_broker.h"

#include <librdkafka/rdkafka_mock.h>

#include "connectors/kafka/kafka_config.h"

namespace earshot {

StatusOr<std::unique_ptr<EmbeddedBroker>> EmbeddedBroker::Start(
    const EmbeddedBrokerOptions& options) {
  std::unique_ptr<EmbeddedBroker> broker(new EmbeddedBroker());
  char error[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  // The hosting handle never talks to anyone; keep it quiet.
  rd_kafka_conf_set(conf, "log_level", "3", error, sizeof(error));
  RouteKafkaLogs(conf);
  broker->handle_ = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof(error));
  if (broker->handle_ == nullptr) {
    rd_kafka_conf_destroy(conf);
    return Status("embedded_broker", error);
  }
  broker->cluster_ = rd_kafka_mock_cluster_new(broker->handle_, options.brokers);
  if (broker->cluster_ == nullptr)
    return Status("embedded_broker", "could not create mock cluster");
  broker->bootstraps_ = rd_kafka_mock_cluster_bootstraps(broker->cluster_);
  if (options.bootstrap_port != 0) {
    // Forward the fixed port to the first broker's ephemeral one.
    const std::string first = broker->bootstraps_.substr(0, broker->bootstraps_.find(','));
    const size_t colon = first.rfind(':');
    const auto target_port = static_cast<uint16_t>(std::stoi(first.substr(colon + 1)));
    if (Status s = broker->forwarder_.Start("127.0.0.1", options.bootstrap_port,
                                            first.substr(0, colon), target_port);
        !s.ok()) {
      return s;
    }
    broker->bootstraps_ = "127.0.0.1:" + std::to_string(options.bootstrap_port);
  }
  return broker;
}

EmbeddedBroker::~EmbeddedBroker() {
  forwarder_.Stop();
  if (cluster_ != nullptr) rd_kafka_mock_cluster_destroy(cluster_);
  if (handle_ != nullptr) rd_kafka_destroy(handle_);
}

Status EmbeddedBroker::CreateTopic(const std::string& name, int partitions) {
  const rd_kafka_resp_err_t err =
      rd_kafka_mock_topic_create(cluster_, name.c_str(), partitions, /*replication_factor=*/1);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR && err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
    return Status("create_topic", name + ": " + rd_kafka_err2str(err));
  }
  return Status::Ok();
}

}  // namespace earshot
