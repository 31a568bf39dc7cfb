// LoadConfigText on arbitrary YAML: every section of earshot.yaml, brand
// calendars (time zones, hours, holidays), durations and the kafka: map.
// Errors must come back as a Status, never as an escaping exception.
// Relative paths resolve against a directory that does not exist; the
// reader only records them.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;  // the example config is ~10 KB
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto config = earshot::LoadConfigText(text, "fuzz.yaml", "/nonexistent/earshot-fuzz");
  if (config.ok()) (void)config->ConsumedTopics();
  return 0;
}
