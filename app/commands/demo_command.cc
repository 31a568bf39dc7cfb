// earshot demo: the whole data flow on the embedded broker, with a summary.
#include <rapidjson/document.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "app/commands/commands.h"
#include "app/config.h"
#include "app/service.h"
#include "connectors/files/sample_files.h"
#include "connectors/kafka/kafka_producer.h"
#include "pipeline/decode/iso8601.h"

namespace earshot {
namespace {

using Steady = std::chrono::steady_clock;

double SecondsSince(Steady::time_point start) {
  return std::chrono::duration<double>(Steady::now() - start).count();
}

std::string GetString(const rapidjson::Value& v, const char* key) {
  const auto it = v.FindMember(key);
  return it != v.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

std::string Shorten(const std::string& text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;  // UTF-8 boundary
  return text.substr(0, cut) + "…";
}

std::string HumanDuration(int64_t seconds) {
  if (seconds % 3600 == 0) return std::to_string(seconds / 3600) + "h";
  if (seconds % 60 == 0) return std::to_string(seconds / 60) + "m";
  return std::to_string(seconds) + "s";
}

void PrintSummary(const Service& service, const std::vector<ConsumedRecord>& classified,
                  const std::vector<ConsumedRecord>& all_alerts,
                  const std::vector<ConsumedRecord>& dead) {
  // The alerts topic carries every alerting event; the detail below is about
  // the response_due ones, the others are counted.
  std::vector<ConsumedRecord> alerts;
  std::map<std::string, int> other_events;
  for (const ConsumedRecord& r : all_alerts) {
    const std::string type = r.Header("earshot.event_type");
    if (type == "response_due") {
      alerts.push_back(r);
    } else {
      ++other_events[type];
    }
  }
  // Posts by class and language.
  std::map<std::string, std::map<std::string, int>> by_class;
  std::map<std::string, int> lang_totals;
  for (const ConsumedRecord& r : classified) {
    rapidjson::Document doc;
    doc.Parse(r.value.c_str());
    if (!doc.IsObject()) continue;
    std::string lang = GetString(doc, "lang");
    if (lang != "tr" && lang != "en") lang = "other";
    ++by_class[GetString(doc, "class")][lang];
    ++lang_totals[lang];
  }
  std::printf("\nClassified posts: %zu (topic %s)\n", classified.size(),
              service.config().topics.classified.c_str());
  std::printf("  %-12s %6s %6s %6s %6s\n", "class", "tr", "en", "other", "total");
  for (const char* c : {"complaint", "question", "praise", "neutral", "brand_reply"}) {
    auto& row = by_class[c];
    std::printf("  %-12s %6d %6d %6d %6d\n", c, row["tr"], row["en"], row["other"],
                row["tr"] + row["en"] + row["other"]);
  }

  // Alerts: counts by priority and channel kind, then five in full.
  std::map<std::string, int> by_priority;
  for (const ConsumedRecord& r : alerts) {
    rapidjson::Document doc;
    doc.Parse(r.value.c_str());
    if (doc.IsObject()) ++by_priority[GetString(doc, "priority")];
  }
  std::printf("\nAlerts: %zu response_due events (topic %s):", alerts.size(),
              service.config().topics.alerts.c_str());
  for (const auto& [priority, n] : by_priority) std::printf(" %s=%d", priority.c_str(), n);
  std::printf("\n");
  for (const auto& [type, n] : other_events) std::printf("  and %d %s event(s)\n", n, type.c_str());
  // Show the most urgent first: p1 before p2, then by due time.
  std::vector<const ConsumedRecord*> sorted;
  sorted.reserve(alerts.size());
  for (const ConsumedRecord& r : alerts) sorted.push_back(&r);
  auto key = [](const ConsumedRecord* r) {
    rapidjson::Document doc;
    doc.Parse(r->value.c_str());
    return doc.IsObject() ? GetString(doc, "priority") + GetString(doc, "due_at") : std::string();
  };
  std::stable_sort(
      sorted.begin(), sorted.end(),
      [&](const ConsumedRecord* a, const ConsumedRecord* b) { return key(a) < key(b); });
  for (size_t i = 0; i < sorted.size() && i < 5; ++i) {
    rapidjson::Document doc;
    doc.Parse(sorted[i]->value.c_str());
    if (!doc.IsObject()) continue;
    const rapidjson::Value& post = doc["post"];
    const rapidjson::Value& author = post["author"];
    std::string rules;
    for (const auto& rule : doc["matched_rules"].GetArray())
      rules += std::string(rules.empty() ? "" : ", ") + rule.GetString();
    std::string urgent;
    for (const auto& flag : doc["urgent"].GetArray())
      urgent += std::string(urgent.empty() ? "" : ", ") + flag.GetString();
    std::printf("\n  [%s %s] %s on %s, brand %s\n", GetString(doc, "priority").c_str(),
                GetString(doc, "class").c_str(),
                ("@" + GetString(author, "handle") + " (" +
                 std::to_string(author["followers"].GetInt64()) + " followers)")
                    .c_str(),
                GetString(post, "channel").c_str(), GetString(post, "brand").c_str());
    std::printf("    text:     %s\n", Shorten(GetString(post, "text"), 160).c_str());
    std::printf("    link:     %s\n", GetString(post, "url").c_str());
    std::printf("    due:      %s (received %s, SLA %s)\n", GetString(doc, "due_at").c_str(),
                GetString(doc, "received_at").c_str(),
                HumanDuration(doc["sla_seconds"].GetInt64()).c_str());
    std::printf("    why:      %s%s%s\n", GetString(doc, "reason").c_str(),
                rules.empty() ? "" : ("; rules: " + rules).c_str(),
                urgent.empty() ? "" : ("; urgent: " + urgent).c_str());
    std::printf("    event_id: %s\n", GetString(doc, "event_id").c_str());
  }

  // Dead letters by reason.
  std::map<std::string, int> reasons;
  for (const ConsumedRecord& r : dead) ++reasons[r.Header("earshot.error")];
  std::printf("\nDead-letter records: %zu (topic %s)\n", dead.size(),
              service.config().topics.dlq.c_str());
  for (const auto& [reason, n] : reasons) std::printf("  %-14s %d\n", reason.c_str(), n);
}

}  // namespace

void AddDemoCommand(CLI::App& app, CommandContext context) {
  struct Options {
    bool follow = false;
    std::string samples;
    std::string config_path;
    std::string metrics_listen = "127.0.0.1:9464";
    // One member: librdkafka's mock broker (2.0.2) sometimes stalls a two-member group at
    // start-up until its rebalance timeout; scale-out is tested with the group settled first.
    int workers = 1;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "demo",
      "Start the embedded broker, produce the sample posts, run the pipeline on them and "
      "print what came out. Ends within 30 s unless --follow (later only when start-up is slow).");
  cmd->add_flag("--follow,-f", options->follow, "Keep running (and serving metrics) until Ctrl-C");
  cmd->add_option("--samples", options->samples, "Directory of *.jsonl sample records")
      ->check(CLI::ExistingDirectory);
  cmd->add_option(
         "--config,-c", options->config_path,
         "Config for the demo (default: data/samples/demo.yaml); bootstrap.servers is ignored")
      ->check(CLI::ExistingFile);
  cmd->add_option("--metrics-listen", options->metrics_listen, "host:port for /metrics")
      ->capture_default_str();
  cmd->add_option("--workers", options->workers, "Pipeline workers")
      ->check(CLI::Range(1, 16))
      ->capture_default_str();
  cmd->callback([options, context] {
    const auto started = Steady::now();
    const std::string root = DataRoot();
    const std::string samples_dir =
        options->samples.empty() ? root + "/data/samples" : options->samples;
    const std::string config_path =
        options->config_path.empty() ? root + "/data/samples/demo.yaml" : options->config_path;
    auto config = LoadConfigFile(config_path);
    if (!config.ok()) {
      std::fprintf(stderr, "earshot demo: %s\n", config.status().message().c_str());
      *context.exit_code = 2;
      return;
    }
    config->kafka.erase("bootstrap.servers");  // the demo always uses its own broker
    config->workers = options->workers;
    config->metrics_listen = options->metrics_listen;
    auto records = LoadSampleRecords(samples_dir);
    if (!records.ok()) {
      std::fprintf(stderr, "earshot demo: %s\n", records.status().message().c_str());
      *context.exit_code = 2;
      return;
    }
    auto service = Service::Start(*config);
    if (!service.ok() && service.status().code() == "metrics_listen") {
      // Port taken (another demo running?): serve metrics on a free port instead.
      spdlog::warn("{}; using a free port", service.status().message());
      config->metrics_listen = "127.0.0.1:0";
      service = Service::Start(*config);
    }
    if (!service.ok()) {
      std::fprintf(stderr, "earshot demo: %s\n", service.status().message().c_str());
      *context.exit_code = 1;
      return;
    }
    Service& s = **service;
    context.stop->OnStop([&s] { s.RequestStop(); });
    KafkaProperties producer_props = {
        {"bootstrap.servers", s.config().kafka.at("bootstrap.servers")},
        {"message.max.bytes", "4194304"}};
    std::vector<OutRecord> out;
    for (const SampleRecord& r : *records) {
      out.push_back(OutRecord{s.config().topics.inputs.front(), "", r.value, {}, -1});
    }
    if (Status st = ProduceAll(producer_props, out); !st.ok()) {
      std::fprintf(stderr, "earshot demo: producing samples: %s\n", st.ToString().c_str());
      *context.exit_code = 1;
      return;
    }
    const double produced_at = SecondsSince(started);
    // Wait until the group has committed every input record: by earshot's
    // commit rule, every output is then acknowledged. Up to 25 s from the
    // start, and at least 20 s after the samples went out: a slow start-up
    // (rules compiled under a sanitizer, a busy machine) must not leave the
    // pipeline no time to read them.
    int64_t backlog = -1;
    const double wait_until = std::max(25.0, produced_at + 20.0);
    while (SecondsSince(started) < wait_until && !context.stop->stopped()) {
      auto b =
          GroupBacklog(producer_props, s.config().GroupId(), s.config().ConsumedTopics(), 5000);
      if (b.ok()) backlog = *b;
      if (backlog == 0) break;
      context.stop->WaitFor(200);
    }
    const double caught_up_at = SecondsSince(started);
    auto classified = ReadTopic(producer_props, s.config().topics.classified);
    auto alerts = ReadTopic(producer_props, s.config().topics.alerts);
    auto dead = ReadTopic(producer_props, s.config().topics.dlq);
    if (!classified.ok() || !alerts.ok() || !dead.ok()) {
      std::fprintf(stderr, "earshot demo: reading outputs failed\n");
      *context.exit_code = 1;
      return;
    }
    std::printf(
        "earshot demo: embedded broker at %s; %zu sample records from %s produced to '%s'\n",
        s.config().kafka.at("bootstrap.servers").c_str(), records->size(), samples_dir.c_str(),
        s.config().topics.inputs.front().c_str());
    std::printf(
        "pipeline: %d worker(s); all input committed after %.1f s (samples produced at %.1f s)%s\n",
        s.config().workers, caught_up_at, produced_at,
        backlog == 0 ? "" : " -- NOT caught up, backlog remains");
    PrintSummary(s, *classified, *alerts, *dead);
    std::printf("\nMetrics: http://%s/metrics  (also /healthz, /readyz)%s\n",
                s.metrics_address().c_str(),
                options->follow ? "" : " -- served until the demo exits; --follow keeps them up");
    std::fflush(stdout);
    if (backlog != 0) *context.exit_code = 1;
    if (options->follow) {
      std::printf(
          "Following: the pipeline keeps running; produce more posts to %s at %s. Ctrl-C stops.\n",
          s.config().topics.inputs.front().c_str(),
          s.config().kafka.at("bootstrap.servers").c_str());
      std::fflush(stdout);
      context.stop->Wait();
    }
    s.RequestStop();
    if (Status st = s.Wait(); !st.ok()) {
      std::fprintf(stderr, "earshot demo: %s\n", st.ToString().c_str());
      *context.exit_code = 1;
    }
    context.stop->OnStop(nullptr);
  });
}

}  // namespace earshot
