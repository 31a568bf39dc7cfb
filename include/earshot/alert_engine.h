// AlertEngine: the stateful alerting stage (docs/alerting.md).
//
// Every post that needs an answer opens an *item* with a first-response
// deadline. A reply by one of the brand's accounts in the item's conversation
// closes it (`responded`); an acknowledgement stops its escalation
// (`acknowledged`); an item still unanswered at 1x, 2x and 4x its deadline
// emits `response_overdue` once per step. Further complaints in the same
// conversation, or by the same author about the same brand within a window,
// join the open item (its count grows) instead of alerting again. Complaint
// counts per brand x topic feed a spike detector (`complaint_spike`).
//
// State is kept per input partition, the way Kafka Streams keeps a state
// store per task: every change is handed back as a changelog record
// (partition, key = conversation id, value = the item, or a tombstone), and
// RestoreItem() rebuilds a partition from those records when it is assigned.
// Because escalation progress is part of the item, a restored item resumes at
// the next step; an event whose changelog write was lost is emitted again
// with the same deterministic event id, never with a new one.
//
// Time: the engine never reads a clock. Posts carry their received time and
// Advance(now) fires the timers that are due, so the pipeline drives it with
// the wall clock and `earshot simulate` with the records' own timestamps.
//
// Thread safety: none; one engine per worker thread.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/alerting.h"
#include "earshot/business_calendar.h"
#include "earshot/post.h"
#include "earshot/status.h"
#include "earshot/verdict.h"

namespace earshot {

enum class AlertEventType {
  kResponseDue,
  kResponseOverdue,
  kResponded,
  kAcknowledged,
  kComplaintSpike,
};
inline constexpr int kAlertEventTypeCount = 5;
const char* AlertEventTypeName(AlertEventType type);
std::optional<AlertEventType> AlertEventTypeFromName(std::string_view name);

// When business hours apply to a brand's deadlines.
struct BrandCalendar {
  BusinessCalendar calendar = BusinessCalendar::AlwaysOpen();
  // Channel kinds whose deadlines count open hours only (others: 24/7).
  bool applies_to[3] = {false, true, true};  // social, review, complaint_site
  // Urgent (p1) items run around the clock even where hours apply.
  bool p1_around_the_clock = true;
};

struct SpikeOptions {
  bool enabled = true;
  int64_t window_ms = int64_t{5} * 60 * 1000;  // the window that is compared ...
  int baseline_windows = 12;                   // ... with the mean of this many before it
  int64_t min_count = 10;                      // fewer complaints are never a spike
  double ratio = 3.0;                          // count >= ratio x max(baseline mean, 1)
  int64_t cooldown_ms = int64_t{30} * 60 * 1000;
};

struct AlertPolicy {
  SlaPolicy sla;  // first-response deadline by channel kind and priority
  // Per-class deadlines where they differ (e.g. questions may wait longer
  // than complaints); classes not listed use `sla`.
  std::map<PostClass, SlaPolicy> class_sla;
  std::map<std::string, BrandCalendar> brands;  // brands not listed run 24/7
  // Escalation steps as multiples of the deadline's duration.
  std::vector<double> escalation_steps = {1, 2, 4};
  // Praise gets an item only when this is set (acknowledging praise is optional).
  std::optional<int64_t> praise_due_ms;
  // A complaint by the same author about the same brand within this long of
  // their last one joins that item. 0 turns author grouping off.
  int64_t group_window_ms = int64_t{60} * 60 * 1000;
  // An item nobody answered is dropped this long after its last step, so
  // state cannot grow without bound.
  int64_t expire_after_ms = 7LL * 24 * 60 * 60 * 1000;
  // Most open items held; beyond it the oldest item is dropped (and counted).
  size_t max_open_items = 5'000'000;
  // Acks for items this instance does not (yet) hold are kept for a day, in
  // case their post is still on its way; at most this many, oldest dropped.
  size_t max_pending_acks = 10'000;
  SpikeOptions spikes;
};

// One event for the alerts topic (and the webhook / stdout).
struct AlertEvent {
  AlertEventType type = AlertEventType::kResponseDue;
  std::string event_id;  // deterministic (UUIDv5): a replay repeats it
  std::string key;       // Kafka key: the conversation id (spikes: the brand)
  std::string json;      // docs/events.md
  // What a person reads in a chat message.
  std::string brand, channel, post_class, priority, author, link, text;
  int64_t due_at_ms = 0;
  int overdue_step = 0;
  int64_t count = 1;
};

// One changelog record: value empty means a tombstone (the item is gone).
struct StateRecord {
  int32_t partition = 0;
  std::string key;
  std::string value;
};

struct AlertOutput {
  std::vector<AlertEvent> events;
  std::vector<StateRecord> changes;
  // Observations for metrics.
  struct FirstResponse {
    std::string channel, post_class;
    double seconds;
  };
  std::vector<FirstResponse> first_responses;
  int64_t grouped = 0;       // posts that joined an open item
  int64_t expired = 0;       // items dropped unanswered
  int64_t evicted = 0;       // items dropped because max_open_items was reached
  int64_t acks_dropped = 0;  // pending acks dropped because max_pending_acks was reached
  void Clear() { *this = AlertOutput(); }
};

// An acknowledgement from the acks topic (docs/alerting.md).
struct Ack {
  std::string event_id;         // an item's id (its response_due event id) ...
  std::string conversation_id;  // ... or its conversation
  std::string by;
  std::string note;
  int64_t at_ms = 0;
};
StatusOr<Ack> DecodeAckJson(std::string_view json);
std::string EncodeAckJson(const Ack& ack);

class AlertEngine {
 public:
  explicit AlertEngine(AlertPolicy policy);
  ~AlertEngine();
  AlertEngine(const AlertEngine&) = delete;
  AlertEngine& operator=(const AlertEngine&) = delete;

  const AlertPolicy& policy() const;

  // A classified post (brand replies included) read from `partition`.
  void OnPost(int32_t partition, const Post& post, const Verdict& verdict, int64_t received_at_ms,
              AlertOutput* out);
  // An acknowledgement; unknown items are remembered for a while in case
  // their post or their partition's state arrives later.
  void OnAck(const Ack& ack, AlertOutput* out);
  // Fires every timer due at or before `now_ms`, in time order.
  void Advance(int64_t now_ms, AlertOutput* out);
  // When the next timer is due (nullopt: none).
  std::optional<int64_t> NextTimerMs() const;

  // Changelog replay for a newly assigned partition; an empty value deletes.
  // A malformed value is skipped and reported.
  Status RestoreItem(int32_t partition, std::string_view key, std::string_view value);
  // The partition went to another instance: forget its items.
  void DropPartition(int32_t partition);

  // Gauges.
  size_t open_items() const;
  // Open items by (channel, priority name).
  std::map<std::pair<std::string, std::string>, int64_t> OpenItemsByChannelPriority() const;
  // Received time of the oldest open item (nullopt: none open).
  std::optional<int64_t> OldestOpenMs() const;
  // Bytes of state held per open item, measured from the containers
  // (bench/alerting_bench reports it).
  size_t ApproximateMemoryBytes() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace earshot
