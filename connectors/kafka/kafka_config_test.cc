// The `kafka:` map reaches librdkafka unchanged, security settings included,
// and secrets stay out of what earshot logs.
#include "connectors/kafka/kafka_config.h"

#include <gtest/gtest.h>

#include "app/config.h"

namespace earshot {
namespace {

constexpr const char* kSaslSslConfig = R"(kafka:
  bootstrap.servers: broker-1.example:9093
  security.protocol: SASL_SSL
  sasl.mechanisms: SCRAM-SHA-512
  sasl.username: earshot
  sasl.password: planted-sasl-password
  ssl.ca.location: /etc/ssl/certs/ca-certificates.crt
  ssl.endpoint.identification.algorithm: https
)";

std::string Get(RdKafka::Conf& conf, const std::string& key) {
  std::string value;
  EXPECT_EQ(conf.get(key, value), RdKafka::Conf::CONF_OK) << key;
  return value;
}

TEST(KafkaConfig, SaslSslSettingsFromTheConfigFilePassThroughToLibrdkafka) {
  auto config = LoadConfigText(kSaslSslConfig, "k.yaml", ".");
  ASSERT_TRUE(config.ok()) << config.status().message();
  auto conf = MakeKafkaConf(config->kafka);
  ASSERT_TRUE(conf.ok()) << conf.status().message();
  EXPECT_EQ(Get(**conf, "security.protocol"), "sasl_ssl");
  EXPECT_EQ(Get(**conf, "sasl.mechanisms"), "SCRAM-SHA-512");
  EXPECT_EQ(Get(**conf, "sasl.username"), "earshot");
  EXPECT_EQ(Get(**conf, "sasl.password"), "planted-sasl-password");
  EXPECT_EQ(Get(**conf, "ssl.ca.location"), "/etc/ssl/certs/ca-certificates.crt");
  EXPECT_EQ(Get(**conf, "ssl.endpoint.identification.algorithm"), "https");
  // librdkafka accepts the whole configuration: a client can be created
  // with it (this librdkafka is built with SSL and SASL/SCRAM), which would
  // fail for an unknown mechanism or a protocol it was built without.
  std::string error;
  // The client tries to reach the (unresolvable) broker at once; keep its
  // connection errors out of the test output.
  ASSERT_EQ((*conf)->set("log_level", "0", error), RdKafka::Conf::CONF_OK) << error;
  std::unique_ptr<RdKafka::Producer> producer(RdKafka::Producer::create(conf->get(), error));
  EXPECT_NE(producer, nullptr) << error;
}

TEST(KafkaConfig, UnsupportedSecurityValuesAreErrorsNamingTheKey) {
  auto conf = MakeKafkaConf({{"security.protocol", "SASL_TLS"}});
  ASSERT_FALSE(conf.ok());
  EXPECT_NE(conf.status().message().find("security.protocol"), std::string::npos);
}

TEST(KafkaConfig, DescriptionsForLogsRedactEverySecret) {
  auto config = LoadConfigText(kSaslSslConfig, "k.yaml", ".");
  ASSERT_TRUE(config.ok());
  KafkaProperties props = config->kafka;
  props["ssl.key.password"] = "planted-key-password";
  props["sasl.oauthbearer.client.secret"] = "planted-oauth-secret";
  props["sasl.jaas.config"] = "planted-jaas";
  const std::string text = DescribeKafkaProperties(props);
  for (const char* secret :
       {"planted-sasl-password", "planted-key-password", "planted-oauth-secret", "planted-jaas"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << text;
  }
  EXPECT_NE(text.find("sasl.username=earshot"), std::string::npos) << text;
  EXPECT_NE(text.find("sasl.password=[redacted]"), std::string::npos) << text;
}

}  // namespace
}  // namespace earshot
