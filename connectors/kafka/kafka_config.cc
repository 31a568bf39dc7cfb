#include "connectors/kafka/kafka_config.h"

namespace earshot {

StatusOr<std::unique_ptr<RdKafka::Conf>> MakeKafkaConf(const KafkaProperties& properties) {
  std::unique_ptr<RdKafka::Conf> conf(RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL));
  for (const auto& [key, value] : properties) {
    std::string error;
    if (conf->set(key, value, error) != RdKafka::Conf::CONF_OK) {
      return Status("kafka_config", "kafka." + key + ": " + error);
    }
  }
  return conf;
}

bool IsSecretKafkaKey(const std::string& key) {
  return key.find("password") != std::string::npos || key.find("secret") != std::string::npos ||
         key == "sasl.jaas.config" || key == "ssl.key.pem" || key == "ssl_key" ||
         key == "sasl.oauthbearer.config" || key.find("token") != std::string::npos;
}

std::string DescribeKafkaProperties(const KafkaProperties& properties) {
  std::string out;
  for (const auto& [key, value] : properties) {
    if (!out.empty()) out += ", ";
    out += key + "=" + (IsSecretKafkaKey(key) ? std::string("[redacted]") : value);
  }
  return out;
}

}  // namespace earshot
