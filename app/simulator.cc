#include "app/simulator.h"

#include <rapidjson/document.h>

#include <algorithm>

#include "earshot/decode.h"
#include "pipeline/decode/iso8601.h"

namespace earshot {
namespace {

struct TimedRecord {
  int64_t at_ms = 0;
  int line = 0;
  std::optional<Post> post;
  std::optional<Ack> ack;
};

bool IsAckLine(const std::string& line) {
  rapidjson::Document doc;
  doc.Parse(line.data(), line.size());
  if (doc.HasParseError() || !doc.IsObject()) return false;
  auto type = doc.FindMember("type");
  return type != doc.MemberEnd() && type->value.IsString() &&
         std::string_view(type->value.GetString()) == "ack";
}

void Drain(AlertOutput& out, int64_t at, SimulationResult* result) {
  for (AlertEvent& e : out.events) result->timeline.push_back({at, std::move(e)});
  out.Clear();
}

}  // namespace

SimulationResult Simulate(std::istream& input, const Config& config, const Classifier& classifier,
                          std::optional<int64_t> until_ms) {
  SimulationResult result;
  std::vector<TimedRecord> records;
  std::string line;
  int number = 0;
  while (std::getline(input, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    TimedRecord record;
    record.line = number;
    if (IsAckLine(line)) {
      auto ack = DecodeAckJson(line);
      if (!ack.ok()) {
        result.errors.push_back("line " + std::to_string(number) + ": " + ack.status().message());
        continue;
      }
      record.at_ms = ack->at_ms;
      record.ack = std::move(ack).value();
    } else {
      auto post = DecodePost(line, config.decode);
      if (!post.ok()) {
        result.errors.push_back("line " + std::to_string(number) + ": " + post.status().ToString());
        continue;
      }
      record.at_ms = post->created_at_ms;
      record.post = std::move(post).value();
    }
    records.push_back(std::move(record));
  }
  std::stable_sort(records.begin(), records.end(),
                   [](const TimedRecord& a, const TimedRecord& b) { return a.at_ms < b.at_ms; });

  AlertEngine engine(config.alerting);
  AlertOutput out;
  // Fires every timer up to `to`, stamping each event with its own due time.
  auto advance_to = [&](int64_t to) {
    while (true) {
      const auto next = engine.NextTimerMs();
      if (!next || *next > to) break;
      engine.Advance(*next, &out);
      Drain(out, *next, &result);
    }
  };
  int64_t last = 0;
  for (TimedRecord& r : records) {
    advance_to(r.at_ms);
    if (r.post) {
      const Verdict verdict = classifier.Classify(*r.post);
      engine.OnPost(0, *r.post, verdict, r.at_ms, &out);
      ++result.posts;
    } else {
      engine.OnAck(*r.ack, &out);
      ++result.acks;
    }
    Drain(out, r.at_ms, &result);
    last = r.at_ms;
  }
  const double last_step =
      config.alerting.escalation_steps.empty() ? 1.0 : config.alerting.escalation_steps.back();
  const int64_t end =
      until_ms ? *until_ms : last + static_cast<int64_t>(24.0 * 3600 * 1000 * last_step) + 1;
  advance_to(end);
  result.open_items_at_end = engine.open_items();
  return result;
}

std::string FormatTimelineEntry(const TimelineEntry& entry) {
  const AlertEvent& e = entry.event;
  std::string line = FormatIso8601Ms(entry.at_ms) + "  " + AlertEventTypeName(e.type);
  line.resize(std::max<size_t>(line.size(), 44), ' ');
  if (e.type == AlertEventType::kComplaintSpike) {
    return line + " brand=" + e.brand + " topic=" + e.text + " count=" + std::to_string(e.count);
  }
  line += " conversation=" + e.key + " " + e.channel + " " + e.post_class + " " + e.priority;
  if (e.type == AlertEventType::kResponseOverdue) line += " step=" + std::to_string(e.overdue_step);
  line += " due=" + FormatIso8601Ms(e.due_at_ms);
  if (e.count > 1) line += " count=" + std::to_string(e.count);
  return line;
}

}  // namespace earshot
