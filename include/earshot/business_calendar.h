// BusinessCalendar: open business hours per brand, for deadlines that count
// only open time ("reviews are answered on weekdays 09:00-18:00 Istanbul
// time; a 4 h SLA given at Friday 17:30 falls due on Monday 12:30").
//
//   StatusOr<WeeklyHours> hours = ParseWeeklyHours("mon-fri 09:00-18:00");
//   StatusOr<BusinessCalendar> cal =
//       BusinessCalendar::Make("Europe/Istanbul", *hours, {"2026-04-23"});
//   int64_t due = cal->AddOpenTime(received_at_ms, 4 * 3600 * 1000);
//
// Hours are wall-clock times of the calendar's IANA time zone, looked up in
// the operating system's tz database (Debian's `tzdata`, read through Howard
// Hinnant's date/tz library; GCC 12's std::chrono has no tzdb).
//
// Daylight-saving time. An instant is open when the wall clock *at that
// instant*, in the calendar's zone, reads a time inside an open interval of
// that local day. AddOpenTime counts real elapsed time within those instants,
// so:
//   * On a spring-forward day the skipped wall-clock hour is never open: a
//     24/7 or 00:00-24:00 day lasts 23 h, and "09:00-18:00" is unaffected
//     unless the gap falls inside it (then that day has 8 h, not 9 h).
//   * On a fall-back day the repeated wall-clock hour is open twice if it is
//     inside an interval: an "00:00-24:00" day lasts 25 h.
//   * IsOpen and AddOpenTime agree: AddOpenTime(t, d) - t minus d is exactly
//     the closed time in between.
// The OS tz database lists transitions explicitly only up to 2037; after the
// last listed transition the zone's last offset applies (no further DST).
//
// Holidays are local dates ("YYYY-MM-DD" in the calendar's zone), closed for
// the whole local day.
//
// Copy semantics: a cheap-to-copy value (the zone is a pointer into the
// process-wide, immutable tz database).
// Thread safety: const methods may be called concurrently from any thread.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/status.h"

namespace date {
class time_zone;
}

namespace earshot {

// Minutes of the local day, [start_minute, end_minute), 0 <= start < end <= 1440.
// 1440 ("24:00") means the end of the day.
struct OpenInterval {
  int start_minute = 0;
  int end_minute = 0;
  friend bool operator==(const OpenInterval&, const OpenInterval&) = default;
};

// Open intervals per weekday, 0 = Monday ... 6 = Sunday. Intervals of one day
// need not be sorted or disjoint; BusinessCalendar::Make sorts and merges them.
struct WeeklyHours {
  std::array<std::vector<OpenInterval>, 7> by_weekday;

  // Every day 00:00-24:00.
  static WeeklyHours AllWeek();
};

class BusinessCalendar {
 public:
  // Returned by AddOpenTime and NextOpening when no open time is left: the
  // calendar has no open hours at all, or the answer lies beyond year 9999.
  static constexpr int64_t kNever = std::numeric_limits<int64_t>::max();

  // Open at every instant, no time zone: AddOpenTime(t, d) == t + d.
  static BusinessCalendar AlwaysOpen();

  // `timezone` is an IANA name ("Europe/Istanbul", "UTC"). `holidays` are
  // "YYYY-MM-DD" local dates, closed all day. Errors (code, message names the
  // offending piece):
  //   unknown_timezone  the zone is not in the tz database (or tzdata is missing)
  //   invalid_hours     an interval outside 0..1440 minutes or with start >= end
  //   invalid_holiday   not a valid YYYY-MM-DD date
  // Hours with no interval at all are allowed: such a calendar is never open
  // and AddOpenTime returns kNever.
  [[nodiscard]] static StatusOr<BusinessCalendar> Make(std::string_view timezone, WeeklyHours hours,
                                                       const std::vector<std::string>& holidays);

  // True for AlwaysOpen() and for any 24/7 calendar without holidays; callers
  // may then skip calendar arithmetic entirely.
  bool always_open() const { return always_open_; }
  // "" for AlwaysOpen(), else the IANA name given to Make.
  const std::string& timezone_name() const { return timezone_name_; }

  // Whether the instant (milliseconds since the Unix epoch, UTC) is open.
  bool IsOpen(int64_t utc_ms) const;

  // The earliest instant t >= start_ms such that the open time within
  // [start_ms, t) is `duration_ms`. So a start outside hours starts the clock
  // at the next opening, and a duration that ends exactly at a closing returns
  // that closing (Friday 17:30 + 30 min = Friday 18:00). duration_ms <= 0
  // returns start_ms. Returns kNever if the calendar has no open hours or the
  // result is past 9999-12-31.
  //
  // Cost: proportional to the number of intervals, holidays and DST
  // transitions crossed, not to the duration (whole weeks are skipped at once).
  int64_t AddOpenTime(int64_t start_ms, int64_t duration_ms) const;

  // The first open instant >= utc_ms (utc_ms itself when open); kNever if none.
  int64_t NextOpening(int64_t utc_ms) const;

 private:
  BusinessCalendar() = default;

  // Shared walk over open time: returns the instant at which `duration_ms`
  // of open time has elapsed since start_ms (duration 0: the next opening).
  int64_t Walk(int64_t start_ms, int64_t duration_ms) const;
  bool IsHoliday(int64_t local_day) const;

  bool always_open_ = false;
  std::string timezone_name_;
  const date::time_zone* zone_ = nullptr;
  // Sorted, merged intervals per weekday.
  WeeklyHours hours_;
  int64_t weekly_open_ms_ = 0;
  // Sorted, unique local days (days since 1970-01-01 in the local calendar).
  std::vector<int64_t> holidays_;
};

// Parses weekly hours:
//   "24/7"
//   "mon-fri 09:00-18:00"
//   "mon-fri 09:00-12:00,13:00-18:00; sat 10:00-14:00"
//   "mon,wed,fri 08:30-17:00; sat-sun 00:00-24:00"
// Groups are separated by ';'. A group is a day list (comma-separated days or
// day ranges; three-letter or full English names, any case; ranges may wrap,
// "fri-mon") followed by comma-separated HH:MM-HH:MM intervals ("24:00" ends
// the day). Intervals may not cross midnight: write "mon 22:00-24:00; tue
// 00:00-02:00". Days not mentioned are closed. On error the Status code is
// "invalid_hours" and the message quotes the offending piece.
[[nodiscard]] StatusOr<WeeklyHours> ParseWeeklyHours(std::string_view text);

}  // namespace earshot
