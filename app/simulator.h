// Simulator: replays posts, brand replies and acknowledgements with their
// own timestamps through the real stages (decode -> classify -> alerting) on
// a simulated clock, and returns the timeline of alert events.
//
// This is how tests check deadlines without sleeping, and how a team tries a
// policy on last week's posts (`earshot simulate`). Timers fire in time order
// between records exactly as the live pipeline's would.
//
// Input: JSON lines. A post in any supported format (docs/schema.md; its
// created_at is when it arrived), or an acknowledgement:
//   {"type": "ack", "event_id": "…" | "conversation_id": "…", "by": "…",
//    "note": "…", "at": "2026-11-23T10:00:00Z"}
// Lines are processed in time order (stable for equal times).
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "app/config.h"
#include "earshot/alert_engine.h"
#include "earshot/classifier.h"

namespace earshot {

struct TimelineEntry {
  int64_t at_ms = 0;  // simulated time the event was emitted
  AlertEvent event;
};

struct SimulationResult {
  std::vector<TimelineEntry> timeline;
  std::vector<std::string> errors;  // "line N: reason" for lines skipped
  int posts = 0;
  int acks = 0;
  size_t open_items_at_end = 0;
};

// `until_ms`: run the clock to this time after the last record (default:
// the last record's time plus the largest escalation step of a 24 h SLA).
SimulationResult Simulate(std::istream& input, const Config& config, const Classifier& classifier,
                          std::optional<int64_t> until_ms = std::nullopt);

// One line of `earshot simulate` output.
std::string FormatTimelineEntry(const TimelineEntry& entry);

}  // namespace earshot
