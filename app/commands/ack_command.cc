// earshot ack EVENT_ID --by NAME [--note TEXT]: acknowledges an item so its
// escalation stops, by producing to the acks topic (docs/alerting.md).
#include <cstdio>

#include "app/commands/commands.h"
#include "app/config.h"
#include "connectors/kafka/kafka_producer.h"
#include "earshot/alert_engine.h"
#include "earshot/clock.h"

namespace earshot {

void AddAckCommand(CLI::App& app, CommandContext context) {
  struct Options {
    std::string event_id;
    std::string conversation;
    std::string by;
    std::string note;
    std::string config;
    std::string bootstrap;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "ack", "Acknowledge an alert item (stops its escalation) by producing to the acks topic");
  cmd->add_option("event_id", o->event_id, "The item's id (its response_due event_id)");
  cmd->add_option("--conversation", o->conversation, "Acknowledge by conversation id instead");
  cmd->add_option("--by", o->by, "Who takes care of it")->required();
  cmd->add_option("--note", o->note, "A note for the team");
  cmd->add_option("--config", o->config, "earshot.yaml (for kafka settings and topics)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--bootstrap-servers", o->bootstrap,
                  "Kafka bootstrap servers (overrides the config)");
  cmd->callback([o, context] {
    auto fail = [&context](const std::string& message) {
      std::fprintf(stderr, "earshot ack: %s\n", message.c_str());
      *context.exit_code = 2;
    };
    if (o->event_id.empty() && o->conversation.empty())
      return fail("give an EVENT_ID or --conversation");
    StatusOr<Config> config = o->config.empty() ? DefaultConfig() : LoadConfigFile(o->config);
    if (!config.ok()) return fail(config.status().message());
    if (!o->config.empty()) {
      const std::string warning = SecretsPermissionWarning(o->config, *config);
      if (!warning.empty()) std::fprintf(stderr, "earshot ack: warning: %s\n", warning.c_str());
    }
    if (!o->bootstrap.empty()) config->kafka["bootstrap.servers"] = o->bootstrap;
    if (config->UsesEmbeddedBroker())
      return fail("no Kafka to write to: give --bootstrap-servers or a --config with one");
    Ack ack;
    ack.event_id = o->event_id;
    ack.conversation_id = o->conversation;
    ack.by = o->by;
    ack.note = o->note;
    ack.at_ms = SystemClock().NowMs();
    OutRecord record;
    record.topic = config->topics.acks;
    record.key = ack.conversation_id.empty() ? ack.event_id : ack.conversation_id;
    record.value = EncodeAckJson(ack);
    KafkaProperties props = config->kafka;
    props.erase("group.id");
    if (Status s = ProduceAll(props, {record}, 15000); !s.ok()) return fail(s.ToString());
    std::printf("acknowledged %s by %s\n", record.key.c_str(), ack.by.c_str());
  });
}

}  // namespace earshot
