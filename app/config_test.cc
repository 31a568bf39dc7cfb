#include "app/config.h"

#include <gtest/gtest.h>

namespace earshot {
namespace {

TEST(Config, EmptyFileGivesDefaults) {
  auto config = LoadConfigText("", "e.yaml", "/etc/earshot");
  ASSERT_TRUE(config.ok());
  EXPECT_TRUE(config->UsesEmbeddedBroker());
  EXPECT_EQ(config->topics.inputs, std::vector<std::string>{"posts"});
  EXPECT_EQ(config->metrics_listen, "127.0.0.1:9464");
  EXPECT_EQ(config->GroupId(), "earshot");
}

TEST(Config, PassesKafkaPropertiesThroughAndResolvesPaths) {
  auto config = LoadConfigText(R"(kafka:
  bootstrap.servers: kafka-1:9092,kafka-2:9092
  security.protocol: SASL_SSL
  sasl.password: hunter2
  group.id: social
topics:
  inputs: [tweets, reviews]
rules: [rules/core, /opt/extra]
sla:
  social: {default: 30m, p1: 10m}
  review: 12h
brands:
  hizlikargo:
    accounts: ["@HizliKargoDestek"]
    apps: [com.hizlikargo.app]
pipeline:
  workers: 3
)",
                               "c.yaml", "/etc/earshot");
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_FALSE(config->UsesEmbeddedBroker());
  EXPECT_EQ(config->kafka.at("security.protocol"), "SASL_SSL");
  EXPECT_EQ(config->GroupId(), "social");
  EXPECT_EQ(config->topics.inputs, (std::vector<std::string>{"tweets", "reviews"}));
  EXPECT_EQ(config->rules, (std::vector<std::string>{"/etc/earshot/rules/core", "/opt/extra"}));
  EXPECT_EQ(config->sla.DueAfterMs(ChannelKind::kSocial, Priority::kP3), 30 * 60000);
  EXPECT_EQ(config->sla.DueAfterMs(ChannelKind::kSocial, Priority::kP1), 10 * 60000);
  EXPECT_EQ(config->sla.DueAfterMs(ChannelKind::kReview, Priority::kP2), 12 * 3600000);
  EXPECT_EQ(config->brand_accounts.at("hizlikargo").count("hizlikargodestek"), 1u);
  EXPECT_EQ(config->decode.app_brands.at("com.hizlikargo.app"), "hizlikargo");
  EXPECT_EQ(config->workers, 3);
}

TEST(Config, UnknownKeyIsAnErrorWithLineColumnAndSuggestion) {
  auto config = LoadConfigText("kafka: {}\ntopcis:\n  inputs: [a]\n", "bad.yaml", ".");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().message(),
            "bad.yaml:2:1: unknown key 'topcis' in the top level (did you mean 'topics'?)");
}

TEST(Config, NestedTypoPointsAtTheKey) {
  auto config = LoadConfigText("sla:\n  social:\n    defualt: 1h\n", "bad.yaml", ".");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().message(),
            "bad.yaml:3:5: unknown key 'defualt' in sla.social (did you mean 'default'?)");
}

TEST(Config, WrongTypesAndValuesPointAtTheValue) {
  auto workers = LoadConfigText("pipeline:\n  workers: many\n", "w.yaml", ".");
  ASSERT_FALSE(workers.ok());
  EXPECT_EQ(workers.status().message().rfind("w.yaml:2:12: 'workers' must be a whole number", 0),
            0u)
      << workers.status().message();
  auto sla = LoadConfigText("sla:\n  social: 15\n", "s.yaml", ".");
  ASSERT_FALSE(sla.ok());
  EXPECT_EQ(sla.status().message().rfind("s.yaml:2:11: ", 0), 0u) << sla.status().message();
  auto kafka = LoadConfigText("kafka: [a, b]\n", "k.yaml", ".");
  ASSERT_FALSE(kafka.ok());
  EXPECT_EQ(kafka.status().message().rfind("k.yaml:1:8: ", 0), 0u) << kafka.status().message();
}

TEST(Config, YamlSyntaxErrorHasAPosition) {
  auto config = LoadConfigText("kafka:\n  a: [\n", "y.yaml", ".");
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.status().message().find("y.yaml:"), std::string::npos);
  EXPECT_NE(config.status().message().find("YAML syntax"), std::string::npos);
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

TEST(Config, ShippedExampleAndDemoConfigsLoad) {
  for (const std::string& path :
       {DataRoot() + "/ops/earshot.example.yaml", DataRoot() + "/data/samples/demo.yaml"}) {
    auto config = LoadConfigFile(path);
    EXPECT_TRUE(config.ok()) << path << ": " << config.status().message();
  }
}

}  // namespace
}  // namespace earshot
