#include "app/config.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

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
    names: ["Hızlı Kargo", "HK Kargo"]
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
  EXPECT_EQ(config->brand_names.at("hizlikargo"),
            (std::vector<std::string>{"Hızlı Kargo", "HK Kargo"}));
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

TEST(Config, LimitsHaveDefaultsAndAreSetInThePipelineAndAlertingSections) {
  auto defaults = LoadConfigText("", "l.yaml", ".");
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->max_partition_backlog, 50000);
  EXPECT_EQ(defaults->rule_limits.max_rules, 100000u);
  EXPECT_EQ(defaults->rule_limits.max_program_size, 20000);
  EXPECT_EQ(defaults->alerting.max_pending_acks, 10000u);
  auto config = LoadConfigText(R"(pipeline:
  max_rules: 500
  max_pattern_program_size: 4000
  max_partition_backlog: 64
alerting:
  max_pending_acks: 7
)",
                               "l.yaml", ".");
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->rule_limits.max_rules, 500u);
  EXPECT_EQ(config->rule_limits.max_program_size, 4000);
  EXPECT_EQ(config->max_partition_backlog, 64);
  EXPECT_EQ(config->alerting.max_pending_acks, 7u);
  auto zero = LoadConfigText("pipeline:\n  max_partition_backlog: 0\n", "l.yaml", ".");
  ASSERT_FALSE(zero.ok());
  EXPECT_NE(zero.status().message().find("l.yaml:2:"), std::string::npos);
}

TEST(Config, MetricsAndHealthBindToLoopbackByDefault) {
  EXPECT_EQ(DefaultConfig().metrics_listen.rfind("127.0.0.1:", 0), 0u);
  auto config = LoadConfigText("kafka:\n  bootstrap.servers: k:9092\n", "b.yaml", ".");
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->metrics_listen.rfind("127.0.0.1:", 0), 0u);
}

class SecretsFile : public ::testing::Test {
 protected:
  std::string Write(const std::string& text, std::filesystem::perms perms) {
    const std::string path =
        (std::filesystem::temp_directory_path() /
         ("earshot-perm-" + std::to_string(::getpid()) + "-" + std::to_string(n_++) + ".yaml"))
            .string();
    std::ofstream(path) << text;
    std::filesystem::permissions(path, perms);
    paths_.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const std::string& p : paths_) std::filesystem::remove(p);
  }
  std::vector<std::string> paths_;
  int n_ = 0;
};

TEST_F(SecretsFile, WarnsWhenAFileWithSecretsIsReadableByOthers) {
  using std::filesystem::perms;
  const perms world_readable =
      perms::owner_read | perms::owner_write | perms::group_read | perms::others_read;
  const perms owner_only = perms::owner_read | perms::owner_write;
  for (const std::string& secret :
       {std::string("kafka:\n  sasl.password: hunter2\n"),
        std::string("kafka:\n  ssl.key.password: k\n"),
        std::string("alerting:\n  webhook:\n    url: https://hooks.example/T0/B0/tok\n")}) {
    const std::string open_path = Write(secret, world_readable);
    auto config = LoadConfigFile(open_path);
    ASSERT_TRUE(config.ok()) << config.status().message();
    const std::string warning = SecretsPermissionWarning(open_path, *config);
    EXPECT_NE(warning.find(open_path), std::string::npos) << secret;
    EXPECT_NE(warning.find("chmod 600"), std::string::npos) << warning;
    EXPECT_EQ(warning.find("hunter2"), std::string::npos);  // never the secret itself

    const std::string closed_path = Write(secret, owner_only);
    auto closed = LoadConfigFile(closed_path);
    ASSERT_TRUE(closed.ok());
    EXPECT_EQ(SecretsPermissionWarning(closed_path, *closed), "") << secret;
  }
  // No secrets: nothing to warn about, whoever can read it.
  const std::string plain = Write("pipeline:\n  workers: 2\n", world_readable);
  auto config = LoadConfigFile(plain);
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(SecretsPermissionWarning(plain, *config), "");
}

TEST(Config, ClassifierComplaintTargetGuardCanBeTurnedOff) {
  EXPECT_TRUE(DefaultConfig().classifier.sentiment_complaint_needs_target);
  auto config = LoadConfigText("classifier:\n  complaint_needs_target: false\n", "c.yaml", ".");
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_FALSE(config->classifier.sentiment_complaint_needs_target);
}

TEST(Config, ClassifierPraiseAddressGuardCanBeTurnedOff) {
  EXPECT_TRUE(DefaultConfig().classifier.sentiment_praise_needs_address);
  auto config = LoadConfigText("classifier:\n  praise_needs_address: false\n", "c.yaml", ".");
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_FALSE(config->classifier.sentiment_praise_needs_address);
}

}  // namespace
}  // namespace earshot
