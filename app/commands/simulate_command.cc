// earshot simulate: replays posts, replies and acks with their own
// timestamps through the real stages on a simulated clock and prints the
// timeline of alert events (app/simulator.h). Teams use it to try a policy
// on last week's posts; tests use it instead of sleeping.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "app/commands/commands.h"
#include "app/config.h"
#include "app/record_processor.h"
#include "app/simulator.h"
#include "pipeline/decode/iso8601.h"

namespace earshot {

void AddSimulateCommand(CLI::App& app, CommandContext context) {
  struct Options {
    std::string input = "-";
    std::string config;
    std::string until;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "simulate",
      "Replay posts, brand replies and acks (JSON lines) on a simulated clock and print "
      "the alert timeline: response_due, response_overdue, responded, acknowledged, "
      "complaint_spike");
  cmd->add_option("input", o->input, "JSONL file, or - for stdin")->capture_default_str();
  cmd->add_option("--config,--policy", o->config,
                  "earshot.yaml whose sla, brands and alerting sections to use")
      ->check(CLI::ExistingFile);
  cmd->add_option("--until", o->until,
                  "Run the clock to this ISO 8601 time after the last record "
                  "(default: long enough for every step of a 24 h deadline)");
  cmd->add_flag("--json", o->json, "Print each event's JSON instead of a line of text");
  cmd->callback([o, context] {
    auto fail = [&context](const std::string& message) {
      std::fprintf(stderr, "earshot simulate: %s\n", message.c_str());
      *context.exit_code = 2;
    };
    StatusOr<Config> config = o->config.empty() ? DefaultConfig() : LoadConfigFile(o->config);
    if (!config.ok()) return fail(config.status().message());
    std::optional<int64_t> until;
    if (!o->until.empty()) {
      until = ParseIso8601Ms(o->until);
      if (!until) return fail("--until is not an ISO 8601 time: " + o->until);
    }
    auto classifier = BuildClassifier(*config);
    if (!classifier.ok()) return fail(classifier.status().message());
    std::ifstream file;
    std::istream* in = &std::cin;
    if (o->input != "-") {
      file.open(o->input, std::ios::binary);
      if (!file) return fail("cannot read " + o->input);
      in = &file;
    }
    const SimulationResult result = Simulate(*in, *config, **classifier, until);
    for (const std::string& e : result.errors) std::fprintf(stderr, "skipped %s\n", e.c_str());
    for (const TimelineEntry& entry : result.timeline) {
      std::printf("%s\n", o->json ? entry.event.json.c_str() : FormatTimelineEntry(entry).c_str());
    }
    std::fprintf(stderr, "%d posts, %d acks, %zu events, %zu items still open\n", result.posts,
                 result.acks, result.timeline.size(), result.open_items_at_end);
    if (!result.errors.empty()) *context.exit_code = 1;
  });
}

}  // namespace earshot
