// EmbeddedBroker: librdkafka's in-process Kafka-protocol mock cluster.
//
// Real brokers on loopback that speak the Kafka protocol (produce, fetch,
// consumer groups, offset commits), so `earshot demo`, the tests and the
// benchmarks need no Kafka installation. It keeps data in memory only and
// trims each partition to roughly its last 5 MB, like a short retention.
// The mock cluster is marked experimental by librdkafka; this class is the
// one place earshot touches it.
//
// Thread safety: methods may be called from any thread; the brokers run on
// librdkafka's own threads.
#pragma once

#include <librdkafka/rdkafka.h>

#include <cstdint>
#include <memory>
#include <string>

#include "connectors/kafka/tcp_forwarder.h"
#include "earshot/status.h"

struct rd_kafka_mock_cluster_s;

namespace earshot {

struct EmbeddedBrokerOptions {
  int brokers = 1;
  // When non-zero, also accept bootstrap connections on 127.0.0.1:port.
  uint16_t bootstrap_port = 0;
};

class EmbeddedBroker {
 public:
  static StatusOr<std::unique_ptr<EmbeddedBroker>> Start(const EmbeddedBrokerOptions& options);
  ~EmbeddedBroker();
  EmbeddedBroker(const EmbeddedBroker&) = delete;
  EmbeddedBroker& operator=(const EmbeddedBroker&) = delete;

  // The bootstrap.servers value for clients.
  const std::string& bootstrap_servers() const { return bootstraps_; }

  Status CreateTopic(const std::string& name, int partitions);

  // For fault-injection tests.
  rd_kafka_mock_cluster_s* mock_cluster() const { return cluster_; }

 private:
  EmbeddedBroker() = default;
  rd_kafka_t* handle_ = nullptr;  // hosts the mock cluster; destroyed last
  rd_kafka_mock_cluster_s* cluster_ = nullptr;
  std::string bootstraps_;
  TcpForwarder forwarder_;
};

}  // namespace earshot
