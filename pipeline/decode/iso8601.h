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

// Times with four-digit years, 0000-01-01T00:00:00.000Z .. 9999-12-31T23:59:59.999Z
// (ms since the epoch): what the formats above can write. Times from outside
// (epoch seconds in reviews, changelog records) are checked against this
// range so that later arithmetic on them cannot overflow.
inline constexpr int64_t kMinIso8601Ms = -62167219200000;
inline constexpr int64_t kMaxIso8601Ms = 253402300799999;

// Formats as "2026-11-23T09:14:05.123Z" (always UTC, always milliseconds).
std::string FormatIso8601Ms(int64_t epoch_ms);

}  // namespace earshot
