// Business-hours arithmetic over the OS tz database (date/tz.h).
//
// The walk in Walk() goes from one UTC-offset segment to the next (a segment
// is the span between two transitions of the zone, as date::sys_info reports
// it). Inside a segment the wall clock is UTC plus a constant, so local days
// are exactly 24 h and open intervals map to UTC spans by one subtraction;
// whole weeks without holidays are skipped in one step.
#include "earshot/business_calendar.h"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <exception>
#include <utility>

namespace earshot {
namespace {

constexpr int64_t kMinuteMs = 60 * 1000;
constexpr int64_t kDayMs = 24 * 60 * kMinuteMs;
constexpr int kMinutesPerDay = 24 * 60;
// 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the range the walk covers.
constexpr int64_t kMinMs = -62135596800000;
constexpr int64_t kEndMs = 253402300800000;

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// 0 = Monday; day 0 (1970-01-01) was a Thursday.
int WeekdayOf(int64_t local_day) {
  const int64_t r = (local_day + 3) % 7;
  return static_cast<int>(r < 0 ? r + 7 : r);
}

struct Segment {
  int64_t offset_ms;  // local = utc + offset_ms within the segment
  int64_t end_ms;     // exclusive, clamped to kEndMs
};

Segment SegmentAt(const date::time_zone& zone, int64_t utc_ms) {
  const date::sys_info info =
      zone.get_info(date::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(utc_ms)));
  const int64_t end_s = info.end.time_since_epoch().count();
  const int64_t end_ms = end_s >= kEndMs / 1000 ? kEndMs : end_s * 1000;
  return Segment{static_cast<int64_t>(info.offset.count()) * 1000, end_ms};
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t begin = 0;
  while (true) {
    const size_t pos = s.find(sep, begin);
    parts.push_back(s.substr(begin, pos == std::string_view::npos ? pos : pos - begin));
    if (pos == std::string_view::npos) return parts;
    begin = pos + 1;
  }
}

Status HoursError(std::string_view group, const std::string& what) {
  return Status("invalid_hours", "in \"" + std::string(group) + "\": " + what);
}

// -1 when unknown.
int ParseDay(std::string_view name) {
  static constexpr std::array<std::array<std::string_view, 3>, 7> kNames = {{
      {"mon", "monday", "mon"},
      {"tue", "tuesday", "tues"},
      {"wed", "wednesday", "wed"},
      {"thu", "thursday", "thur"},
      {"fri", "friday", "fri"},
      {"sat", "saturday", "sat"},
      {"sun", "sunday", "sun"},
  }};
  for (int d = 0; d < 7; ++d) {
    for (const std::string_view n : kNames[d]) {
      if (name == n) return d;
    }
  }
  return -1;
}

// "9:00", "09:00", "24:00" -> minutes; -1 when malformed.
int ParseClock(std::string_view t) {
  const size_t colon = t.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || t.size() != colon + 3) {
    return -1;
  }
  int hour = 0;
  for (size_t i = 0; i < colon; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return -1;
    hour = hour * 10 + (t[i] - '0');
  }
  if (!std::isdigit(static_cast<unsigned char>(t[colon + 1])) ||
      !std::isdigit(static_cast<unsigned char>(t[colon + 2]))) {
    return -1;
  }
  const int minute = (t[colon + 1] - '0') * 10 + (t[colon + 2] - '0');
  if (minute > 59 || hour > 24 || (hour == 24 && minute != 0)) return -1;
  return hour * 60 + minute;
}

// Sorts and merges overlapping or touching intervals.
std::vector<OpenInterval> NormalizeIntervals(std::vector<OpenInterval> day) {
  std::sort(day.begin(), day.end(), [](const OpenInterval& a, const OpenInterval& b) {
    return a.start_minute < b.start_minute;
  });
  std::vector<OpenInterval> merged;
  for (const OpenInterval& iv : day) {
    if (!merged.empty() && iv.start_minute <= merged.back().end_minute) {
      merged.back().end_minute = std::max(merged.back().end_minute, iv.end_minute);
    } else {
      merged.push_back(iv);
    }
  }
  return merged;
}

std::string_view WeekdayName(int d) {
  static constexpr std::array<std::string_view, 7> kShort = {"mon", "tue", "wed", "thu",
                                                             "fri", "sat", "sun"};
  return kShort[d];
}

}  // namespace

WeeklyHours WeeklyHours::AllWeek() {
  WeeklyHours h;
  for (auto& day : h.by_weekday) day = {OpenInterval{0, kMinutesPerDay}};
  return h;
}

BusinessCalendar BusinessCalendar::AlwaysOpen() {
  BusinessCalendar cal;
  cal.always_open_ = true;
  cal.hours_ = WeeklyHours::AllWeek();
  cal.weekly_open_ms_ = 7 * kDayMs;
  return cal;
}

StatusOr<BusinessCalendar> BusinessCalendar::Make(std::string_view timezone, WeeklyHours hours,
                                                  const std::vector<std::string>& holidays) {
  BusinessCalendar cal;
  cal.timezone_name_ = std::string(timezone);
  try {
    cal.zone_ = date::locate_zone(timezone);
  } catch (const std::exception& e) {
    return Status("unknown_timezone",
                  "time zone \"" + std::string(timezone) + "\": " + e.what() +
                      " (expected an IANA name such as \"Europe/Istanbul\"; is tzdata installed?)");
  }

  bool all_day_every_day = true;
  for (int d = 0; d < 7; ++d) {
    for (const OpenInterval& iv : hours.by_weekday[d]) {
      if (iv.start_minute < 0 || iv.end_minute > kMinutesPerDay ||
          iv.start_minute >= iv.end_minute) {
        return Status("invalid_hours", std::string(WeekdayName(d)) + " interval [" +
                                           std::to_string(iv.start_minute) + ", " +
                                           std::to_string(iv.end_minute) +
                                           ") must satisfy 0 <= start < end <= 1440 minutes");
      }
    }
    cal.hours_.by_weekday[d] = NormalizeIntervals(std::move(hours.by_weekday[d]));
    for (const OpenInterval& iv : cal.hours_.by_weekday[d]) {
      cal.weekly_open_ms_ += (iv.end_minute - iv.start_minute) * kMinuteMs;
    }
    all_day_every_day = all_day_every_day &&
                        cal.hours_.by_weekday[d] == std::vector<OpenInterval>{{0, kMinutesPerDay}};
  }

  for (const std::string& text : holidays) {
    const std::string_view h = Trim(text);
    bool shape_ok = h.size() == 10 && h[4] == '-' && h[7] == '-';
    for (size_t i = 0; shape_ok && i < h.size(); ++i) {
      if (i != 4 && i != 7) shape_ok = std::isdigit(static_cast<unsigned char>(h[i])) != 0;
    }
    date::year_month_day ymd{date::year{0}, date::month{0}, date::day{0}};
    if (shape_ok) {
      const int y = std::stoi(std::string(h.substr(0, 4)));
      const unsigned m = static_cast<unsigned>(std::stoi(std::string(h.substr(5, 2))));
      const unsigned dd = static_cast<unsigned>(std::stoi(std::string(h.substr(8, 2))));
      ymd = date::year_month_day{date::year{y}, date::month{m}, date::day{dd}};
    }
    if (!shape_ok || !ymd.ok()) {
      return Status("invalid_holiday",
                    "holiday \"" + text + "\" is not a valid date (expected YYYY-MM-DD)");
    }
    cal.holidays_.push_back(date::sys_days(ymd).time_since_epoch().count());
  }
  std::sort(cal.holidays_.begin(), cal.holidays_.end());
  cal.holidays_.erase(std::unique(cal.holidays_.begin(), cal.holidays_.end()), cal.holidays_.end());

  cal.always_open_ = all_day_every_day && cal.holidays_.empty();
  return cal;
}

bool BusinessCalendar::IsHoliday(int64_t local_day) const {
  return std::binary_search(holidays_.begin(), holidays_.end(), local_day);
}

bool BusinessCalendar::IsOpen(int64_t utc_ms) const {
  if (always_open_) return true;
  if (utc_ms < kMinMs || utc_ms >= kEndMs) return false;
  const int64_t local = utc_ms + SegmentAt(*zone_, utc_ms).offset_ms;
  const int64_t day = FloorDiv(local, kDayMs);
  if (IsHoliday(day)) return false;
  const int64_t in_day = local - day * kDayMs;
  for (const OpenInterval& iv : hours_.by_weekday[WeekdayOf(day)]) {
    if (in_day >= iv.start_minute * kMinuteMs && in_day < iv.end_minute * kMinuteMs) return true;
  }
  return false;
}

int64_t BusinessCalendar::AddOpenTime(int64_t start_ms, int64_t duration_ms) const {
  if (duration_ms <= 0) return start_ms;
  if (always_open_) {
    return start_ms > kNever - duration_ms ? kNever : start_ms + duration_ms;
  }
  return Walk(start_ms, duration_ms);
}

int64_t BusinessCalendar::NextOpening(int64_t utc_ms) const {
  if (always_open_) return utc_ms;
  return Walk(utc_ms, 0);
}

int64_t BusinessCalendar::Walk(int64_t start_ms, int64_t duration_ms) const {
  // Never open: nothing to find, however far we look.
  if (weekly_open_ms_ == 0) return kNever;
  int64_t cursor = std::max(start_ms, kMinMs);
  int64_t remaining = duration_ms;
  while (cursor < kEndMs) {
    const Segment seg = SegmentAt(*zone_, cursor);
    int64_t day = FloorDiv(cursor + seg.offset_ms, kDayMs);
    const int64_t last_day = FloorDiv(seg.end_ms - 1 + seg.offset_ms, kDayMs);
    // Days that end by the segment's end: [.., full_days_end).
    const int64_t full_days_end = FloorDiv(seg.end_ms + seg.offset_ms, kDayMs);
    while (day <= last_day) {
      const int64_t day_start = day * kDayMs - seg.offset_ms;  // UTC
      // Skip whole weeks while more than a week of open time remains, the
      // week lies inside the segment and holds no holiday. Stops one week
      // short so that the answer is found by the exact walk below.
      if (remaining > weekly_open_ms_ && day_start >= cursor) {
        int64_t weeks = std::min((remaining - 1) / weekly_open_ms_, (full_days_end - day) / 7);
        const auto next_holiday = std::lower_bound(holidays_.begin(), holidays_.end(), day);
        if (next_holiday != holidays_.end()) weeks = std::min(weeks, (*next_holiday - day) / 7);
        if (weeks > 0) {
          remaining -= weeks * weekly_open_ms_;
          day += weeks * 7;
          continue;
        }
      }
      if (!IsHoliday(day)) {
        for (const OpenInterval& iv : hours_.by_weekday[WeekdayOf(day)]) {
          const int64_t a = std::max(day_start + iv.start_minute * kMinuteMs, cursor);
          const int64_t b = std::min(day_start + iv.end_minute * kMinuteMs, seg.end_ms);
          if (a >= b) continue;
          if (remaining <= b - a) return a + remaining;
          remaining -= b - a;
        }
      }
      ++day;
    }
    cursor = seg.end_ms;
  }
  return kNever;
}

StatusOr<WeeklyHours> ParseWeeklyHours(std::string_view text) {
  const std::string_view whole = Trim(text);
  if (whole.empty()) {
    return Status("invalid_hours",
                  "empty business hours (write \"24/7\" or e.g. \"mon-fri 09:00-18:00\")");
  }
  if (Lower(whole) == "24/7") return WeeklyHours::AllWeek();

  WeeklyHours hours;
  int groups = 0;
  for (const std::string_view raw_group : Split(whole, ';')) {
    const std::string_view group = Trim(raw_group);
    if (group.empty()) continue;
    ++groups;
    size_t first_digit = 0;
    while (first_digit < group.size() &&
           !std::isdigit(static_cast<unsigned char>(group[first_digit]))) {
      ++first_digit;
    }
    const std::string days_text = Lower(group.substr(0, first_digit));
    const std::string times_text = Lower(group.substr(first_digit));
    if (days_text.empty()) {
      return HoursError(group, "expected days before the hours, e.g. \"mon-fri 09:00-18:00\"");
    }
    if (times_text.empty()) {
      return HoursError(group, "expected hours after the days, e.g. \"mon-fri 09:00-18:00\"");
    }

    std::array<bool, 7> selected{};
    for (const std::string_view item : Split(days_text, ',')) {
      const size_t dash = item.find('-');
      const std::string_view from_name = item.substr(0, dash);
      const std::string_view to_name =
          dash == std::string_view::npos ? from_name : item.substr(dash + 1);
      const int from = ParseDay(from_name);
      const int to = ParseDay(to_name);
      if (from < 0 || to < 0) {
        const std::string_view bad = from < 0 ? from_name : to_name;
        return HoursError(group, "unknown day \"" + std::string(bad) +
                                     "\" (expected mon, tue, wed, thu, fri, sat or sun)");
      }
      // Ranges may wrap around the week: "fri-mon" is fri, sat, sun, mon.
      for (int d = from;; d = (d + 1) % 7) {
        selected[d] = true;
        if (d == to) break;
      }
    }

    std::vector<OpenInterval> intervals;
    for (const std::string_view item : Split(times_text, ',')) {
      const size_t dash = item.find('-');
      if (dash == std::string_view::npos) {
        return HoursError(group, "expected HH:MM-HH:MM, got \"" + std::string(item) + "\"");
      }
      const int start = ParseClock(item.substr(0, dash));
      const int end = ParseClock(item.substr(dash + 1));
      if (start < 0 || end < 0) {
        const std::string_view bad = start < 0 ? item.substr(0, dash) : item.substr(dash + 1);
        return HoursError(
            group, "bad time \"" + std::string(bad) + "\" (expected HH:MM from 00:00 to 24:00)");
      }
      if (start >= end) {
        return HoursError(group, "\"" + std::string(item) +
                                     "\" ends before it starts; hours may not cross midnight "
                                     "(write e.g. \"mon 22:00-24:00; tue 00:00-02:00\")");
      }
      intervals.push_back(OpenInterval{start, end});
    }
    for (int d = 0; d < 7; ++d) {
      if (!selected[d]) continue;
      auto& day = hours.by_weekday[d];
      day.insert(day.end(), intervals.begin(), intervals.end());
    }
  }
  if (groups == 0) {
    return Status("invalid_hours", "no day groups in \"" + std::string(whole) + "\"");
  }
  for (auto& day : hours.by_weekday) day = NormalizeIntervals(std::move(day));
  return hours;
}

}  // namespace earshot
