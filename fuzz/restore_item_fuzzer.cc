// AlertEngine::RestoreItem with arbitrary changelog values (the changelog
// topic is compacted Kafka state that outlives earshot versions, and anyone
// with write access can append to it), then the engine is driven on: timers
// fire up to long after any deadline, an ack and a reply arrive, and the
// partition is dropped. A value the engine accepts must be safe to run with.
//
// Input: the record value. Its first line is also used as the key, so keys
// and values vary together.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "earshot/alert_engine.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16 * 1024) return 0;
  const std::string_view value(reinterpret_cast<const char*>(data), size);
  const std::string_view key = value.substr(0, std::min<size_t>(value.find('\n'), 64));
  earshot::AlertEngine engine{earshot::AlertPolicy{}};
  earshot::AlertOutput out;
  (void)engine.RestoreItem(0, "c-1", value);
  (void)engine.RestoreItem(1, key, value);
  (void)engine.open_items();
  (void)engine.OpenItemsByChannelPriority();
  (void)engine.OldestOpenMs();
  (void)engine.ApproximateMemoryBytes();
  // Fire every timer, at most a few hundred steps (an item has a handful).
  for (int i = 0; i < 256; ++i) {
    const auto next = engine.NextTimerMs();
    if (!next) break;
    engine.Advance(*next, &out);
  }
  earshot::Ack ack;
  ack.conversation_id = "c-1";
  ack.by = "fuzz";
  engine.OnAck(ack, &out);
  engine.Advance(std::numeric_limits<int64_t>::max() / 2, &out);
  engine.DropPartition(1);
  (void)engine.RestoreItem(0, "c-1", "");  // tombstone
  return 0;
}
