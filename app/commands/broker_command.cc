// earshot broker: the embedded Kafka-protocol broker on its own.
#include <cstdio>

#include "app/commands/commands.h"
#include "app/config.h"
#include "app/service.h"
#include "connectors/kafka/embedded_broker.h"

namespace earshot {

void AddBrokerCommand(CLI::App& app, CommandContext context) {
  struct Options {
    int port = 9092;
    int partitions = 4;
    int brokers = 1;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "broker",
      "Run the embedded Kafka-protocol broker (librdkafka mock cluster) until Ctrl-C. "
      "Creates earshot's default topics. In-memory only: for demos and tests.");
  cmd->add_option("--port", options->port, "Bootstrap port on 127.0.0.1")
      ->check(CLI::Range(1, 65535))
      ->capture_default_str();
  cmd->add_option("--partitions", options->partitions, "Partitions per created topic")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_option("--brokers", options->brokers, "Number of brokers in the cluster")
      ->check(CLI::Range(1, 9))
      ->capture_default_str();
  cmd->callback([options, context] {
    EmbeddedBrokerOptions broker_options;
    broker_options.brokers = options->brokers;
    broker_options.bootstrap_port = static_cast<uint16_t>(options->port);
    auto broker = EmbeddedBroker::Start(broker_options);
    if (!broker.ok()) {
      std::fprintf(stderr, "earshot broker: %s\n", broker.status().ToString().c_str());
      *context.exit_code = 1;
      return;
    }
    Config config = DefaultConfig();
    config.embedded_partitions = options->partitions;
    if (Status s = CreateTopics(**broker, config); !s.ok()) {
      std::fprintf(stderr, "earshot broker: %s\n", s.ToString().c_str());
      *context.exit_code = 1;
      return;
    }
    std::printf("earshot broker: bootstrap.servers=%s\n", (*broker)->bootstrap_servers().c_str());
    std::printf(
        "topics: %s, %s, %s, %s (%d partitions each); Ctrl-C stops (data is in memory only)\n",
        config.topics.inputs.front().c_str(), config.topics.classified.c_str(),
        config.topics.alerts.c_str(), config.topics.dlq.c_str(), options->partitions);
    std::fflush(stdout);
    context.stop->Wait();
    std::printf("earshot broker: stopped\n");
  });
}

}  // namespace earshot
