#include <cctype>

#include "earshot/alerting.h"

namespace earshot {
namespace {
constexpr int64_t kMinute = 60 * 1000;
constexpr int64_t kHour = 60 * kMinute;
}  // namespace

SlaPolicy::SlaPolicy() {
  for (auto& row : ms_) row.fill(-1);
  Set(ChannelKind::kSocial, std::nullopt, 1 * kHour);
  Set(ChannelKind::kSocial, Priority::kP1, 15 * kMinute);
  Set(ChannelKind::kReview, std::nullopt, 24 * kHour);
  Set(ChannelKind::kComplaintSite, std::nullopt, 24 * kHour);
  Set(ChannelKind::kComplaintSite, Priority::kP1, 4 * kHour);
}

void SlaPolicy::Set(ChannelKind kind, std::optional<Priority> priority, int64_t ms) {
  ms_[static_cast<size_t>(kind)][priority ? static_cast<size_t>(*priority) : 0] = ms;
}

int64_t SlaPolicy::DueAfterMs(ChannelKind kind, Priority priority) const {
  const auto& row = ms_[static_cast<size_t>(kind)];
  const int64_t specific = row[static_cast<size_t>(priority)];
  return specific >= 0 ? specific : row[0];
}

StatusOr<int64_t> ParseDurationMs(std::string_view text) {
  if (text.empty()) return Status("invalid_duration", "empty duration");
  int64_t total = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      return Status("invalid_duration",
                    "'" + std::string(text) + "' is not a duration like 15m, 1h, 24h, 2d");
    }
    int64_t n = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      n = n * 10 + (text[i] - '0');
      if (n > 1000000000) return Status("invalid_duration", "duration too large");
      ++i;
    }
    int64_t unit = 0;
    if (i < text.size() && text.substr(i, 2) == "ms") {
      unit = 1;
      i += 2;
    } else if (i < text.size()) {
      switch (text[i]) {
        case 's':
          unit = 1000;
          break;
        case 'm':
          unit = kMinute;
          break;
        case 'h':
          unit = kHour;
          break;
        case 'd':
          unit = 24 * kHour;
          break;
        default:
          break;
      }
      if (unit != 0) ++i;
    }
    if (unit == 0) {
      return Status("invalid_duration",
                    "'" + std::string(text) + "' needs a unit on every number (ms, s, m, h, d)");
    }
    total += n * unit;
    // Ten years is far beyond any deadline or window, and bounding the total
    // keeps it (and deadlines computed from it) from overflowing.
    if (total > kMaxDurationMs) return Status("invalid_duration", "duration too large");
  }
  return total;
}

}  // namespace earshot
