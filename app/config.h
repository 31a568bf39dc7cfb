// Config: everything `earshot run` reads from earshot.yaml.
//
// ops/earshot.example.yaml is the commented reference. Unknown or mistyped
// keys are errors reported as file:line:column with a did-you-mean, because a
// silently ignored "sla:" typo would mean deadlines nobody intended.
// Relative paths in the file are resolved against the file's directory.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "connectors/kafka/kafka_config.h"
#include "earshot/alerting.h"
#include "earshot/classifier.h"
#include "earshot/decode.h"
#include "earshot/status.h"

namespace earshot {

struct TopicsConfig {
  std::vector<std::string> inputs = {"posts"};
  std::string classified = "posts.classified";
  std::string alerts = "alerts";
  std::string dlq = "posts.dlq";
};

struct Config {
  // Passed to librdkafka unchanged (consumer and producer alike).
  KafkaProperties kafka;
  TopicsConfig topics;
  std::vector<std::string> rules;  // files or directories of rule packs
  std::string lexicons;            // directory with tr.tsv, en.tsv, emoji.tsv
  std::string metrics_listen = "127.0.0.1:9464";
  SlaPolicy sla;
  BrandAccounts brand_accounts;
  DecodeOptions decode;
  ClassifierOptions classifier;
  int workers = 1;
  // Partitions for topics earshot creates on its embedded broker.
  int embedded_partitions = 4;

  // True when no bootstrap.servers was given: run the embedded broker.
  bool UsesEmbeddedBroker() const { return kafka.count("bootstrap.servers") == 0; }
  std::string GroupId() const;
};

// Directory holding the shipped rules/ and data/ (EARSHOT_HOME, else the
// source tree this binary was built from, else the current directory).
std::string DataRoot();

// A Config with every default filled in (rules and lexicons from DataRoot()).
Config DefaultConfig();

StatusOr<Config> LoadConfigFile(const std::string& path);
// `name` is used in error messages; relative paths resolve against `base_dir`.
StatusOr<Config> LoadConfigText(const std::string& text, const std::string& name,
                                const std::string& base_dir);

}  // namespace earshot
