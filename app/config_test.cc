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

TEST(Config, AlertingSectionSetsStepsRoutesCalendarsAndClassDeadlines) {
  auto config = LoadConfigText(R"(sla:
  social: 30m
brands:
  acme:
    accounts: [AcmeHelp]
    timezone: Europe/Istanbul
    hours: "mon-fri 09:00-18:00"
    holidays: ["2026-10-29"]
alerting:
  escalation_steps: [1, 3]
  group_window: off
  praise: 8h
  class_sla:
    question: {social: 2h}
  spikes: {min_count: 20, cooldown: 1h}
  outputs:
    response_overdue: [kafka, webhook, stdout]
  webhook: {url: "https://hooks.example/T/B/secret", max_queue: 50}
)",
                               "a.yaml", ".");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  const AlertPolicy& p = config->alerting;
  EXPECT_EQ(p.escalation_steps, (std::vector<double>{1, 3}));
  EXPECT_EQ(p.group_window_ms, 0);
  EXPECT_EQ(p.praise_due_ms, 8 * 3600 * 1000);
  EXPECT_EQ(p.sla.DueAfterMs(ChannelKind::kSocial, Priority::kP3), 30 * 60 * 1000);
  ASSERT_EQ(p.class_sla.count(PostClass::kQuestion), 1u);
  EXPECT_EQ(p.class_sla.at(PostClass::kQuestion).DueAfterMs(ChannelKind::kSocial, Priority::kP3),
            2 * 3600 * 1000);
  EXPECT_EQ(p.spikes.min_count, 20);
  ASSERT_EQ(p.brands.count("acme"), 1u);
  EXPECT_FALSE(p.brands.at("acme").calendar.always_open());
  EXPECT_TRUE(config->routes.Has("response_overdue", "stdout"));
  EXPECT_TRUE(config->routes.Has("response_due", "kafka"));
  EXPECT_FALSE(config->routes.Has("response_due", "webhook"));
  EXPECT_EQ(config->webhook.max_queue, 50);
}

TEST(Config, AlertingMistakesPointAtTheValue) {
  auto steps = LoadConfigText("alerting:\n  escalation_steps: [2, 1]\n", "a.yaml", ".");
  ASSERT_FALSE(steps.ok());
  EXPECT_NE(steps.status().message().find("a.yaml:2:"), std::string::npos);
  auto output = LoadConfigText("alerting:\n  outputs:\n    responded: [email]\n", "a.yaml", ".");
  ASSERT_FALSE(output.ok());
  EXPECT_NE(output.status().message().find("unknown output 'email'"), std::string::npos);
  auto zone = LoadConfigText("brands:\n  b:\n    timezone: Mars/Olympus\n", "a.yaml", ".");
  ASSERT_FALSE(zone.ok());
  EXPECT_NE(zone.status().message().find("a.yaml:3:15"), std::string::npos)
      << zone.status().message();
}

TEST(Config, ShippedExampleAndDemoConfigsLoad) {
  for (const std::string& path :
       {DataRoot() + "/ops/earshot.example.yaml", DataRoot() + "/data/samples/demo.yaml"}) {
    auto config = LoadConfigFile(path);
    EXPECT_TRUE(config.ok()) << path << ": " << config.status().message();
  }
}

}  // namespace
}  // namespace earshot
