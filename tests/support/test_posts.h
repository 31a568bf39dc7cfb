// Test inputs whose expected outcome follows from how they are written:
// complaints and questions must raise a response_due, praise must not, and
// each bad record has a known dead-letter reason.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/config.h"
#include "connectors/kafka/embedded_broker.h"
#include "connectors/kafka/kafka_producer.h"
#include "earshot/alerting.h"

namespace earshot::testing {

enum class Intent { kComplaint, kQuestion, kPraise, kUrgent };

struct TestPost {
  std::string id;
  Intent intent;
  std::string json;
};

inline TestPost MakeTestPost(int i) {
  static const char* kTexts[] = {
      "Siparişim 5 gündür gelmedi, kargo nerede",  // complaint (rule)
      "Kargom ne zaman gelir?",                    // question (cue)
      "Hızlı teslimat için teşekkürler",           // praise (rule)
      "Avukatıma veriyorum bu işi",                // urgent legal
  };
  const auto intent = static_cast<Intent>(i % 4);
  TestPost p;
  p.id = "t-" + std::to_string(i);
  p.intent = intent;
  p.json = R"({"id":")" + p.id + R"(","channel":")" + (i % 5 == 0 ? "google_play" : "x") +
           R"(","brand":"hizlikargo","author":{"id":"u)" + std::to_string(i) +
           R"(","handle":"user)" + std::to_string(i) + R"(","followers":)" + std::to_string(i * 7) +
           R"(,"verified":false},"text":")" + kTexts[static_cast<int>(intent)] + " #" +
           std::to_string(i) +
           R"(","lang":"tr","created_at":"2026-11-23T09:00:00Z","url":"https://x.com/s/)" +
           std::to_string(i) + R"("})";
  return p;
}

inline bool NeedsAlert(Intent intent) { return intent != Intent::kPraise; }

// Bad records, each with the reason it must be dead-lettered for.
inline std::vector<std::pair<std::string, std::string>> BadRecords() {
  return {
      {"", kErrEmpty},
      {R"({"id":"b1","text":"unterminated)", kErrJsonSyntax},
      {R"([1,2,3])", kErrNotObject},
      {R"({"id":"b2","channel":"x","brand":"b","author":{"id":"u"},"created_at":"2026-11-23T09:00:00Z"})",
       kErrMissingField},
      {R"({"id":"b3","channel":"x","brand":"b","author":{"id":"u"},"text":42,"created_at":"2026-11-23T09:00:00Z"})",
       kErrWrongType},
      {"{\"id\":\"b4\",\"text\":\"\xC3\x28\"}", kErrInvalidUtf8},
      {"{\"id\":\"b5\",\"text\":\"" + std::string(300 * 1024, 'a') + "\"}", kErrTooLarge},
  };
}

inline std::string ExpectedEventId(const TestPost& p, int i) {
  Post post;
  post.id = p.id;
  post.channel = i % 5 == 0 ? "google_play" : "x";
  return MakeEventId("response_due", post);
}

// A config for tests: the test rule pack, the shipped lexicons, an ephemeral
// metrics port, and the given broker.
inline Config TestConfig(const std::string& bootstrap) {
  Config config = DefaultConfig();
  config.kafka["bootstrap.servers"] = bootstrap;
  config.kafka["statistics.interval.ms"] = "1000";
  // A killed member is noticed after the session timeout; keep it short.
  config.kafka["session.timeout.ms"] = "6000";
  config.kafka["heartbeat.interval.ms"] = "500";
  // The mock broker (librdkafka 2.0.2) can hold a two-member group's first
  // rebalance until the rebalance timeout, which is max.poll.interval.ms:
  // keep that short so such a stall costs seconds, not minutes.
  config.kafka["max.poll.interval.ms"] = "10000";
  config.rules = {std::string(EARSHOT_SOURCE_ROOT) + "/tests/integration/testdata/rules.yaml"};
  config.metrics_listen = "127.0.0.1:0";
  config.brand_accounts["hizlikargo"] = {"hizlikargodestek"};
  return config;
}

// Writes `config`'s Kafka properties and first rule file as an earshot.yaml
// for a child `earshot run`, with an ephemeral metrics port, `workers`
// workers and `extra_yaml` appended; returns its path in the temp directory.
inline std::string WriteConfigFile(const Config& config, const std::string& name, int workers,
                                   const std::string& extra_yaml = "") {
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream out(path);
  out << "kafka:\n";
  for (const auto& [k, v] : config.kafka) out << "  " << k << ": \"" << v << "\"\n";
  out << "rules: [\"" << config.rules.front() << "\"]\n";
  out << "metrics:\n  listen: 127.0.0.1:0\n";
  out << "pipeline:\n  workers: " << workers << "\n";
  out << extra_yaml;
  return path;
}

}  // namespace earshot::testing
