// Alerting, first stage: SLA deadlines and `response_due` events.
//
// Every complaint and question gets a deadline: received_at + the SLA for its
// channel kind and priority. The event id is derived only from the event type
// and the post (UUIDv5), so replaying a record after a crash yields the same
// id and consumers can drop duplicates by id. docs/events.md documents the
// JSON; its schema_version changes whenever a field changes meaning.
//
// Thread safety: plain values and pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "earshot/post.h"
#include "earshot/status.h"
#include "earshot/verdict.h"

namespace earshot {

inline constexpr int kEventSchemaVersion = 1;

// First-response deadlines, milliseconds, per channel kind and priority.
class SlaPolicy {
 public:
  // Social 1 h (p1: 15 min), reviews 24 h, complaint sites 24 h (p1: 4 h).
  SlaPolicy();

  int64_t DueAfterMs(ChannelKind kind, Priority priority) const;
  // Sets the default for a kind (priority == nullopt) or one priority.
  void Set(ChannelKind kind, std::optional<Priority> priority, int64_t ms);

 private:
  // [kind][0] is the kind's default; [kind][1..4] overrides per priority (-1 = unset).
  std::array<std::array<int64_t, 5>, 3> ms_{};
};

// Parses "90s", "15m", "1h", "24h", "1h30m", "2d" into milliseconds; at
// most kMaxDurationMs (ten years), longer is an error.
inline constexpr int64_t kMaxDurationMs = int64_t{10} * 366 * 24 * 60 * 60 * 1000;
StatusOr<int64_t> ParseDurationMs(std::string_view text);

// Deterministic RFC 4122 version-5 UUID of (event_type, channel, post id).
std::string MakeEventId(std::string_view event_type, const Post& post);
// The same UUIDv5 over any name; callers separate parts with '\x1f'.
std::string MakeUuidV5(std::string_view name);
// The id of an item's `step`-th response_overdue event (steps count from 1).
std::string MakeOverdueEventId(std::string_view item_id, int step);

struct ResponseDue {
  std::string event_id;
  int64_t received_at_ms = 0;
  int64_t due_at_ms = 0;
  int64_t sla_ms = 0;
};

ResponseDue MakeResponseDue(const Post& post, const Verdict& verdict, int64_t received_at_ms,
                            const SlaPolicy& policy);

// JSON encodings (docs/events.md).
std::string EncodeResponseDueJson(const Post& post, const Verdict& verdict, const ResponseDue& due);
std::string EncodeClassifiedJson(const Post& post, const Verdict& verdict, int64_t received_at_ms);

// The classified topic is also the alerting stage's input (repartitioned by
// conversation): this reads back what EncodeClassifiedJson wrote.
struct ClassifiedPost {
  Post post;
  Verdict verdict;
  int64_t received_at_ms = 0;
};
StatusOr<ClassifiedPost> DecodeClassifiedJson(std::string_view json);

}  // namespace earshot
