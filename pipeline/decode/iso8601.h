// ISO-8601 / RFC 3339 timestamps <-> milliseconds since the Unix epoch.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace earshot {

// Parses "2026-11-23T09:14:05Z", "...05.123Z", "...05+03:00", "...05-0700" and
// a bare date-time without zone (read as UTC). Returns nullopt on anything else.
std::optional<int64_t> ParseIso8601Ms(std::string_view text);

// Formats as "2026-11-23T09:14:05.123Z" (always UTC, always milliseconds).
std::string FormatIso8601Ms(int64_t epoch_ms);

}  // namespace earshot
