// Building librdkafka configurations from earshot's `kafka:` map.
//
// The map is passed through unchanged, key by key, exactly as librdkafka's
// own examples forward `-X prop=value`: bootstrap.servers, security.protocol,
// sasl.*, ssl.* all mean what every Kafka user expects. earshot only adds the
// settings its delivery guarantee depends on, and refuses overrides of those.
#pragma once

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafkacpp.h>

#include <map>
#include <memory>
#include <string>

#include "earshot/status.h"

namespace earshot {

using KafkaProperties = std::map<std::string, std::string>;

// Sets every property on a new global Conf. Errors name the key and carry
// librdkafka's own message.
StatusOr<std::unique_ptr<RdKafka::Conf>> MakeKafkaConf(const KafkaProperties& properties);

// True for keys whose values must never be logged (passwords, keys, JAAS).
bool IsSecretKafkaKey(const std::string& key);

// "k=v, k=v" with secrets replaced by "[redacted]", for logs.
std::string DescribeKafkaProperties(const KafkaProperties& properties);

// Routes librdkafka's log lines and errors into earshot's log (spdlog), so
// they share its format (text or JSON) instead of librdkafka's own stderr
// output. One shared, stateless instance; set it as "event_cb".
RdKafka::EventCb* KafkaLogRouter();

// The same for a C handle's configuration (the embedded broker's).
void RouteKafkaLogs(rd_kafka_conf_t* conf);

}  // namespace earshot
