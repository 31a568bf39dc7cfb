// Config: everything `earshot run` reads from earshot.yaml.
//
// ops/earshot.example.yaml is the commented reference. Unknown or mistyped
// keys are errors reported as file:line:column with a did-you-mean, because a
// silently ignored "sla:" typo would mean deadlines nobody intended.
// Relative paths in the file are resolved against the file's directory.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "connectors/kafka/kafka_config.h"
#include "earshot/alert_engine.h"
#include "earshot/alerting.h"
#include "earshot/classifier.h"
#include "earshot/decode.h"
#include "earshot/rule_set.h"
#include "earshot/status.h"

namespace earshot {

struct TopicsConfig {
  std::vector<std::string> inputs = {"posts"};
  std::string classified = "posts.classified";
  std::string alerts = "alerts";
  std::string dlq = "posts.dlq";
  // Acknowledgements (`earshot ack`); every instance reads all of it.
  std::string acks = "acks";
  // The alerting stage's state, one partition per `classified` partition
  // (give it cleanup.policy=compact on a real cluster).
  std::string changelog = "earshot.alerting.changelog";
};

// Where each alert event type goes: any of "kafka", "webhook", "stdout".
struct AlertRoutes {
  std::map<std::string, std::set<std::string>> by_type = {
      {"response_due", {"kafka"}}, {"response_overdue", {"kafka"}}, {"responded", {"kafka"}},
      {"acknowledged", {"kafka"}}, {"complaint_spike", {"kafka"}},
  };
  bool Has(const std::string& type, const std::string& output) const {
    auto it = by_type.find(type);
    return it != by_type.end() && it->second.count(output) > 0;
  }
};

struct WebhookConfig {
  std::string url;  // empty: no webhook (may hold a token: never logged)
  int max_queue = 1000;
  int max_attempts = 5;
  int64_t timeout_ms = 5000;
};

struct Config {
  // Passed to librdkafka unchanged (consumer and producer alike).
  KafkaProperties kafka;
  TopicsConfig topics;
  std::vector<std::string> rules;  // files or directories of rule packs
  std::string lexicons;            // directory with tr.tsv, en.tsv, emoji.tsv
  std::string metrics_listen = "127.0.0.1:9464";
  SlaPolicy sla;
  // The alerting stage: calendars, escalation, grouping, spikes. Its `sla`
  // is copied from `sla` above when the config is loaded.
  AlertPolicy alerting;
  AlertRoutes routes;
  WebhookConfig webhook;
  BrandAccounts brand_accounts;
  BrandNames brand_names;  // brands.<id>.names
  DecodeOptions decode;
  // Bounds on the rule set (pipeline.max_rules, pipeline.max_pattern_program_size).
  RuleSetOptions rule_limits;
  ClassifierOptions classifier;
  // Records of one partition consumed but not yet committed past; at this
  // many the partition is paused until half of them are done, so a stuck
  // output (a broker down, a slow topic) cannot grow memory without bound.
  int max_partition_backlog = 50'000;
  int workers = 1;
  // Partitions for topics earshot creates on its embedded broker.
  int embedded_partitions = 4;

  // True when no bootstrap.servers was given: run the embedded broker.
  bool UsesEmbeddedBroker() const { return kafka.count("bootstrap.servers") == 0; }
  std::string GroupId() const;
  // Every topic the consumer group reads: the inputs, and the classified
  // topic (the alerting stage's repartitioned input). A pipeline is caught
  // up when the group's backlog on all of them is zero.
  std::vector<std::string> ConsumedTopics() const {
    std::vector<std::string> topics_read = topics.inputs;
    topics_read.push_back(topics.classified);
    return topics_read;
  }
};

// Directory holding the shipped rules/ and data/ (EARSHOT_HOME, else the
// source tree this binary was built from, else the current directory).
std::string DataRoot();

// A Config with every default filled in (rules and lexicons from DataRoot()).
Config DefaultConfig();

StatusOr<Config> LoadConfigFile(const std::string& path);

// A warning (empty when there is none) if the file at `path` holds secrets
// (secret Kafka properties such as sasl.password, or a webhook URL, which
// carries its token) and other users may read it. Names the keys, never
// their values.
std::string SecretsPermissionWarning(const std::string& path, const Config& config);
// `name` is used in error messages; relative paths resolve against `base_dir`.
StatusOr<Config> LoadConfigText(const std::string& text, const std::string& name,
                                const std::string& base_dir);

}  // namespace earshot
