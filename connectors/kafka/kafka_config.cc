#include "connectors/kafka/kafka_config.h"

#include <librdkafka/rdkafka.h>
#include <spdlog/spdlog.h>

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

namespace {

void LogAt(int syslog_level, const std::string& facility, const std::string& message) {
  // librdkafka uses syslog levels: 0..3 error, 4 warning, 5..6 info, 7 debug.
  if (syslog_level <= 3) {
    spdlog::error("kafka {}: {}", facility, message);
  } else if (syslog_level == 4) {
    spdlog::warn("kafka {}: {}", facility, message);
  } else if (syslog_level <= 6) {
    spdlog::info("kafka {}: {}", facility, message);
  } else {
    spdlog::debug("kafka {}: {}", facility, message);
  }
}

class LogRouter final : public RdKafka::EventCb {
 public:
  void event_cb(RdKafka::Event& event) override {
    if (event.type() == RdKafka::Event::EVENT_LOG) {
      LogAt(static_cast<int>(event.severity()), event.fac(), event.str());
    } else if (event.type() == RdKafka::Event::EVENT_ERROR) {
      spdlog::warn("kafka: {}", event.str());
    }
  }
};

}  // namespace

RdKafka::EventCb* KafkaLogRouter() {
  static LogRouter router;
  return &router;
}

void RouteKafkaLogs(rd_kafka_conf_t* conf) {
  rd_kafka_conf_set_log_cb(conf, [](const rd_kafka_t*, int level, const char* fac,
                                    const char* buf) { LogAt(level, fac, buf); });
}

}  // namespace earshot
