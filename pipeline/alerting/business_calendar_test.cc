#include "earshot/business_calendar.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "pipeline/decode/iso8601.h"

namespace earshot {
namespace {

constexpr int64_t kMinuteMs = 60 * 1000;
constexpr int64_t kHourMs = 60 * kMinuteMs;

int64_t At(const std::string& iso) {
  const std::optional<int64_t> ms = ParseIso8601Ms(iso);
  EXPECT_TRUE(ms.has_value()) << iso;
  return ms.value_or(0);
}

std::string Iso(int64_t ms) { return FormatIso8601Ms(ms); }

BusinessCalendar Calendar(const std::string& zone, const std::string& hours,
                          const std::vector<std::string>& holidays = {}) {
  StatusOr<WeeklyHours> parsed = ParseWeeklyHours(hours);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  StatusOr<BusinessCalendar> cal =
      BusinessCalendar::Make(zone, parsed.ok() ? *parsed : WeeklyHours{}, holidays);
  EXPECT_TRUE(cal.ok()) << cal.status().ToString();
  return cal.ok() ? *cal : BusinessCalendar::AlwaysOpen();
}

// Reference: one minute at a time, asking IsOpen. Exact for calendars whose
// intervals and zone transitions fall on whole minutes.
int64_t AddOpenTimeByMinutes(const BusinessCalendar& cal, int64_t start, int64_t minutes) {
  int64_t t = start;
  while (minutes > 0) {
    if (cal.IsOpen(t)) --minutes;
    t += kMinuteMs;
  }
  return t;
}

TEST(BusinessCalendar, InsideHoursCountsWallTime) {
  const BusinessCalendar cal = Calendar("Europe/Istanbul", "mon-fri 09:00-18:00");
  EXPECT_FALSE(cal.always_open());
  EXPECT_EQ(cal.timezone_name(), "Europe/Istanbul");
  // Tuesday.
  EXPECT_TRUE(cal.IsOpen(At("2026-03-03T10:00:00+03:00")));
  EXPECT_EQ(Iso(cal.AddOpenTime(At("2026-03-03T10:00:00+03:00"), 2 * kHourMs)),
            Iso(At("2026-03-03T12:00:00+03:00")));
}

TEST(BusinessCalendar, FridayAfternoonPlusOneHourIsMondayMorning) {
  const BusinessCalendar cal = Calendar("Europe/Istanbul", "mon-fri 09:00-18:00");
  EXPECT_EQ(Iso(cal.AddOpenTime(At("2026-03-06T17:30:00+03:00"), kHourMs)),
            Iso(At("2026-03-09T09:30:00+03:00")));
  // A duration that ends exactly at closing time returns the closing time.
  EXPECT_EQ(Iso(cal.AddOpenTime(At("2026-03-06T17:30:00+03:00"), 30 * kMinuteMs)),
            Iso(At("2026-03-06T18:00:00+03:00")));
}

TEST(BusinessCalendar, StartOutsideHoursStartsTheClockAtTheNextOpening) {
  const BusinessCalendar cal = Calendar("Europe/Istanbul", "mon-fri 09:00-18:00");
  // Wednesday night, before opening.
  EXPECT_FALSE(cal.IsOpen(At("2026-03-04T02:00:00+03:00")));
  EXPECT_EQ(Iso(cal.AddOpenTime(At("2026-03-04T02:00:00+03:00"), 30 * kMinuteMs)),
            Iso(At("2026-03-04T09:30:00+03:00")));
  // Wednesday evening, after closing.
  EXPECT_EQ(Iso(cal.AddOpenTime(At("2026-03-04T19:00:00+03:00"), 30 * kMinuteMs)),
            Iso(At("2026-03-05T09:30:00+03:00")));
  // Saturday.
  EXPECT_FALSE(cal.IsOpen(At("2026-03-07T12:00:00+03:00")));
  EXPECT_EQ(Iso(cal.AddOpenTime(At("2026-03-07T12:00:00+03:00"), kHourMs)),
            Iso(At("2026-03-09T10:00:00+03:00")));
  EXPECT_EQ(Iso(cal.NextOpening(At("2026-03-07T12:00:00+03:00"))),
            Iso(At("2026-03-09T09:00:00+03:00")));
  EXPECT_EQ(cal.NextOpening(At("2026-03-09T11:00:00+03:00")), At("2026-03-09T11:00:00+03:00"));
}

TEST(BusinessCalendar, HolidayIsClosedAllDay) {
  const BusinessCalendar cal =
      Calendar("Europe/Istanbul", "mon-fri 09:00-18:00", {"2026-03-09", "2026-03-10"});
  EXPECT_FALSE(cal.IsOpen(At("2026-03-09T12:00:00+03:00")));
  EXPECT_FALSE(cal.IsOpen(At("2026-03-10T12:00:00+03:00")));
  EXPECT_TRUE(cal.IsOpen(At("2026-03-11T12:00:00+03:00")));
  // Friday 17:30 + 1 h skips the weekend and the Monday/Tuesday holidays.
  EXPECT_EQ(Iso(cal.AddOpenTime(At("2026-03-06T17:30:00+03:00"), kHourMs)),
            Iso(At("2026-03-11T09:30:00+03:00")));
}

TEST(BusinessCalendar, HolidayIsALocalDate) {
  // 2026-03-09 00:30 in Istanbul is still 2026-03-08 in UTC: the holiday
  // follows the calendar's zone, so the local Monday is closed from midnight.
  const BusinessCalendar cal = Calendar("Europe/Istanbul", "mon-sun 00:00-24:00", {"2026-03-09"});
  EXPECT_TRUE(cal.IsOpen(At("2026-03-08T23:30:00+03:00")));
  EXPECT_FALSE(cal.IsOpen(At("2026-03-09T00:30:00+03:00")));
  EXPECT_FALSE(cal.IsOpen(At("2026-03-09T23:30:00+03:00")));
  EXPECT_TRUE(cal.IsOpen(At("2026-03-10T00:00:00+03:00")));
}

TEST(BusinessCalendar, MultiDayDurations) {
  const BusinessCalendar cal = Calendar("Europe/Istanbul", "mon-fri 09:00-18:00");
  // Three 9-hour days from Monday opening: Wednesday closing.
  EXPECT_EQ(Iso(cal.AddOpenTime(At("2026-03-02T09:00:00+03:00"), 27 * kHourMs)),
            Iso(At("2026-03-04T18:00:00+03:00")));
  // 100 h = two 45-hour weeks + 10 h: Monday 09:00 two weeks on, + 9 h + 1 h.
  EXPECT_EQ(Iso(cal.AddOpenTime(At("2026-03-02T09:00:00+03:00"), 100 * kHourMs)),
            Iso(At("2026-03-17T10:00:00+03:00")));
}

TEST(BusinessCalendar, SplitDaysAndSaturdayHours) {
  const BusinessCalendar cal =
      Calendar("Europe/Istanbul", "mon-fri 09:00-12:00,13:00-18:00; sat 10:00-14:00");
  EXPECT_FALSE(cal.IsOpen(At("2026-03-06T12:30:00+03:00")));  // lunch
  EXPECT_EQ(Iso(cal.AddOpenTime(At("2026-03-06T11:30:00+03:00"), kHourMs)),
            Iso(At("2026-03-06T13:30:00+03:00")));
  // Friday 17:00 + 3 h: 1 h Friday, 2 h Saturday morning.
  EXPECT_EQ(Iso(cal.AddOpenTime(At("2026-03-06T17:00:00+03:00"), 3 * kHourMs)),
            Iso(At("2026-03-07T12:00:00+03:00")));
}

TEST(BusinessCalendar, LocalHoursFollowDaylightSavingTimeInBerlin) {
  // Europe/Berlin moves from +01:00 to +02:00 on Sunday 2026-03-29.
  const BusinessCalendar berlin = Calendar("Europe/Berlin", "mon-fri 09:00-18:00");
  EXPECT_EQ(Iso(berlin.AddOpenTime(At("2026-03-27T17:30:00+01:00"), kHourMs)),
            Iso(At("2026-03-30T09:30:00+02:00")));
  // Istanbul keeps +03:00 all year.
  const BusinessCalendar istanbul = Calendar("Europe/Istanbul", "mon-fri 09:00-18:00");
  EXPECT_EQ(Iso(istanbul.AddOpenTime(At("2026-03-27T17:30:00+03:00"), kHourMs)),
            Iso(At("2026-03-30T09:30:00+03:00")));
  EXPECT_TRUE(istanbul.IsOpen(At("2026-07-01T09:00:00+03:00")));
  EXPECT_FALSE(istanbul.IsOpen(At("2026-07-01T08:59:00+03:00")));
  EXPECT_TRUE(berlin.IsOpen(At("2026-07-01T09:00:00+02:00")));
  EXPECT_FALSE(berlin.IsOpen(At("2026-07-01T08:59:00+02:00")));
}

TEST(BusinessCalendar, TwentyFourSevenCountsRealElapsedTimeAcrossSpringForward) {
  // A far-away holiday keeps the calendar off the always-open shortcut, so
  // the walk itself is tested.
  const BusinessCalendar berlin = Calendar("Europe/Berlin", "24/7", {"2099-01-01"});
  ASSERT_FALSE(berlin.always_open());
  const int64_t sat_noon = At("2026-03-28T12:00:00+01:00");
  // Open time is real elapsed time: 24 h later, the wall clock reads 13:00.
  EXPECT_EQ(Iso(berlin.AddOpenTime(sat_noon, 24 * kHourMs)), Iso(At("2026-03-29T13:00:00+02:00")));
  EXPECT_EQ(berlin.AddOpenTime(sat_noon, 24 * kHourMs), sat_noon + 24 * kHourMs);

  const BusinessCalendar istanbul = Calendar("Europe/Istanbul", "24/7", {"2099-01-01"});
  EXPECT_EQ(Iso(istanbul.AddOpenTime(At("2026-03-28T12:00:00+03:00"), 24 * kHourMs)),
            Iso(At("2026-03-29T12:00:00+03:00")));
}

TEST(BusinessCalendar, GapInsideHoursShortensThatDay) {
  // Sunday 01:00-04:00 Berlin; on 2026-03-29 02:00-03:00 does not exist, so
  // that Sunday has 2 open hours and the rest carries to the next Sunday.
  const BusinessCalendar berlin = Calendar("Europe/Berlin", "sun 01:00-04:00");
  EXPECT_EQ(Iso(berlin.AddOpenTime(At("2026-03-29T00:00:00+01:00"), 150 * kMinuteMs)),
            Iso(At("2026-04-05T01:30:00+02:00")));
  // Istanbul has no gap: 3 open hours that Sunday.
  const BusinessCalendar istanbul = Calendar("Europe/Istanbul", "sun 01:00-04:00");
  EXPECT_EQ(Iso(istanbul.AddOpenTime(At("2026-03-29T00:00:00+03:00"), 150 * kMinuteMs)),
            Iso(At("2026-03-29T03:30:00+03:00")));
}

TEST(BusinessCalendar, RepeatedHourAfterFallBackIsOpenTwice) {
  // Berlin falls back from 03:00 +02:00 to 02:00 +01:00 on Sunday 2026-10-25:
  // 01:00-04:00 wall clock lasts 4 real hours that day.
  const BusinessCalendar berlin = Calendar("Europe/Berlin", "sun 01:00-04:00");
  EXPECT_TRUE(berlin.IsOpen(At("2026-10-25T02:30:00+02:00")));
  EXPECT_TRUE(berlin.IsOpen(At("2026-10-25T02:30:00+01:00")));
  EXPECT_EQ(Iso(berlin.AddOpenTime(At("2026-10-25T00:00:00+02:00"), 4 * kHourMs)),
            Iso(At("2026-10-25T04:00:00+01:00")));
}

TEST(BusinessCalendar, AgreesWithAMinuteByMinuteWalk) {
  // Random starts shortly before DST changes and holidays, over calendars with
  // split days; the reference walks one minute at a time through IsOpen.
  const std::vector<BusinessCalendar> calendars = {
      Calendar("Europe/Berlin", "mon-fri 09:00-12:00,13:00-18:00; sat 10:00-14:00",
               {"2026-03-30", "2026-10-26", "2026-12-25"}),
      Calendar("Europe/Istanbul", "mon-fri 09:00-18:00", {"2026-04-23", "2026-10-29"}),
      Calendar("America/New_York", "sun 01:00-03:30; wed 00:00-24:00", {"2026-11-04"}),
  };
  const std::vector<std::string> dates = {
      "2026-03-08T00:00:00Z",  // US spring forward
      "2026-03-29T00:00:00Z",  // EU spring forward
      "2026-03-30T00:00:00Z",  // Berlin holiday
      "2026-04-23T00:00:00Z",  // Istanbul holiday
      "2026-10-25T00:00:00Z",  // EU fall back
      "2026-10-29T00:00:00Z",  // Istanbul holiday
      "2026-11-01T00:00:00Z",  // US fall back
      "2026-11-04T00:00:00Z",  // New York holiday
      "2026-12-25T00:00:00Z",  // Berlin holiday
  };
  std::mt19937_64 rng(20260306);
  // Starts from 8 days before to 1 day after each date; up to 3 days of open time.
  std::uniform_int_distribution<int64_t> offset_minutes(-8 * 24 * 60, 24 * 60);
  std::uniform_int_distribution<int64_t> duration_minutes(1, 3 * 24 * 60);
  int cases = 0;
  for (const BusinessCalendar& cal : calendars) {
    for (const std::string& date : dates) {
      for (int i = 0; i < 4; ++i) {
        const int64_t start = At(date) + offset_minutes(rng) * kMinuteMs;
        const int64_t minutes = duration_minutes(rng);
        EXPECT_EQ(Iso(cal.AddOpenTime(start, minutes * kMinuteMs)),
                  Iso(AddOpenTimeByMinutes(cal, start, minutes)))
            << cal.timezone_name() << " from " << Iso(start) << " + " << minutes << " min";
        ++cases;
      }
    }
  }
  EXPECT_EQ(cases, 108);
}

TEST(BusinessCalendar, LongDurationsEqualTheSumOfShortSteps) {
  // Years of open time take the week-skipping path; stepping a week of open
  // time at a time must land on the same instant, across DST changes and
  // holidays.
  const BusinessCalendar cal =
      Calendar("Europe/Berlin", "mon-fri 09:00-18:00", {"2026-12-25", "2027-01-01", "2028-05-01"});
  const int64_t start = At("2026-03-04T15:00:00+01:00");
  const int64_t step = 45 * kHourMs;
  int64_t stepped = start;
  for (int i = 0; i < 150; ++i) stepped = cal.AddOpenTime(stepped, step);
  EXPECT_EQ(Iso(cal.AddOpenTime(start, 150 * step)), Iso(stepped));
  EXPECT_EQ(Iso(cal.AddOpenTime(start, 150 * step + 7 * kHourMs)),
            Iso(cal.AddOpenTime(stepped, 7 * kHourMs)));
}

TEST(BusinessCalendar, AlwaysOpenIsTheIdentity) {
  const BusinessCalendar always = BusinessCalendar::AlwaysOpen();
  EXPECT_TRUE(always.always_open());
  const int64_t t = At("2026-03-29T00:30:00Z");
  EXPECT_TRUE(always.IsOpen(t));
  EXPECT_EQ(always.AddOpenTime(t, 0), t);
  EXPECT_EQ(always.AddOpenTime(t, 15 * kMinuteMs), t + 15 * kMinuteMs);
  EXPECT_EQ(always.AddOpenTime(t, 400 * 24 * kHourMs), t + 400 * 24 * kHourMs);
  EXPECT_EQ(always.NextOpening(t), t);
  EXPECT_EQ(always.AddOpenTime(BusinessCalendar::kNever - 5, 10), BusinessCalendar::kNever);

  // A 24/7 calendar without holidays is always open too, DST or not.
  const BusinessCalendar berlin = Calendar("Europe/Berlin", "24/7");
  EXPECT_TRUE(berlin.always_open());
  EXPECT_EQ(berlin.AddOpenTime(t, 24 * kHourMs), t + 24 * kHourMs);
}

TEST(BusinessCalendar, NeverOpenCalendarTerminatesWithNever) {
  StatusOr<BusinessCalendar> cal = BusinessCalendar::Make("Europe/Istanbul", WeeklyHours{}, {});
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  const int64_t t = At("2026-03-06T12:00:00Z");
  EXPECT_FALSE(cal->IsOpen(t));
  EXPECT_EQ(cal->AddOpenTime(t, kHourMs), BusinessCalendar::kNever);
  EXPECT_EQ(cal->NextOpening(t), BusinessCalendar::kNever);
}

TEST(BusinessCalendar, ResultPastYear9999IsNever) {
  const BusinessCalendar cal = Calendar("Europe/Istanbul", "mon 09:00-09:01");
  // One open minute a week: 10,000 years of weeks is far more than is left.
  EXPECT_EQ(cal.AddOpenTime(At("2026-03-06T12:00:00Z"), 10000LL * 53 * kMinuteMs),
            BusinessCalendar::kNever);
}

TEST(BusinessCalendar, MakeRejectsUnknownZoneBadHolidayAndBadIntervals) {
  StatusOr<BusinessCalendar> zone =
      BusinessCalendar::Make("Europe/Atlantis", WeeklyHours::AllWeek(), {});
  ASSERT_FALSE(zone.ok());
  EXPECT_EQ(zone.status().code(), "unknown_timezone");
  EXPECT_NE(zone.status().message().find("Europe/Atlantis"), std::string::npos);

  for (const std::string bad : {"2026-02-30", "2026-3-1", "tomorrow", "2026-13-01"}) {
    StatusOr<BusinessCalendar> holiday =
        BusinessCalendar::Make("Europe/Istanbul", WeeklyHours::AllWeek(), {bad});
    ASSERT_FALSE(holiday.ok()) << bad;
    EXPECT_EQ(holiday.status().code(), "invalid_holiday");
    EXPECT_NE(holiday.status().message().find(bad), std::string::npos);
  }

  WeeklyHours backwards;
  backwards.by_weekday[2] = {OpenInterval{600, 540}};
  StatusOr<BusinessCalendar> interval = BusinessCalendar::Make("UTC", backwards, {});
  ASSERT_FALSE(interval.ok());
  EXPECT_EQ(interval.status().code(), "invalid_hours");
  EXPECT_NE(interval.status().message().find("wed"), std::string::npos);
}

TEST(ParseWeeklyHours, ReadsDayRangesListsAndSplitDays) {
  StatusOr<WeeklyHours> h = ParseWeeklyHours("mon-fri 09:00-12:00,13:00-18:00; sat 10:00-14:00");
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  const std::vector<OpenInterval> weekday = {{540, 720}, {780, 1080}};
  for (int d = 0; d < 5; ++d) EXPECT_EQ(h->by_weekday[d], weekday) << d;
  EXPECT_EQ(h->by_weekday[5], (std::vector<OpenInterval>{{600, 840}}));
  EXPECT_TRUE(h->by_weekday[6].empty());

  StatusOr<WeeklyHours> wrap = ParseWeeklyHours("Fri-Mon 8:00-24:00; Wednesday 09:00-10:00");
  ASSERT_TRUE(wrap.ok()) << wrap.status().ToString();
  for (const int d : {4, 5, 6, 0}) {
    EXPECT_EQ(wrap->by_weekday[d], (std::vector<OpenInterval>{{480, 1440}})) << d;
  }
  EXPECT_TRUE(wrap->by_weekday[1].empty());
  EXPECT_EQ(wrap->by_weekday[2], (std::vector<OpenInterval>{{540, 600}}));

  StatusOr<WeeklyHours> overlapping = ParseWeeklyHours("mon 09:00-12:00; mon,tue 11:00-13:00");
  ASSERT_TRUE(overlapping.ok());
  EXPECT_EQ(overlapping->by_weekday[0], (std::vector<OpenInterval>{{540, 780}}));
  EXPECT_EQ(overlapping->by_weekday[1], (std::vector<OpenInterval>{{660, 780}}));
}

TEST(ParseWeeklyHours, TwentyFourSevenIsEveryMinute) {
  StatusOr<WeeklyHours> h = ParseWeeklyHours(" 24/7 ");
  ASSERT_TRUE(h.ok());
  for (const auto& day : h->by_weekday) {
    EXPECT_EQ(day, (std::vector<OpenInterval>{{0, 1440}}));
  }
}

TEST(ParseWeeklyHours, ErrorsQuoteTheOffendingPiece) {
  struct Case {
    std::string text;
    std::string expected_in_message;
  };
  const std::vector<Case> cases = {
      {"", "empty business hours"},
      {"mon-fri", "expected hours after the days"},
      {"09:00-18:00", "expected days before the hours"},
      {"mon-fry 09:00-18:00", "unknown day \"fry\""},
      {"mon-fri 0900", "expected HH:MM-HH:MM"},
      {"mon-fri 9-18", "bad time \"9\""},
      {"mon-fri 09:00-25:00", "bad time \"25:00\""},
      {"mon-fri 09:60-18:00", "bad time \"09:60\""},
      {"mon-fri 22:00-02:00", "may not cross midnight"},
      {"mon 09:00-18:00; sat 10:00-10:00", "in \"sat 10:00-10:00\""},
  };
  for (const Case& c : cases) {
    StatusOr<WeeklyHours> h = ParseWeeklyHours(c.text);
    ASSERT_FALSE(h.ok()) << c.text;
    EXPECT_EQ(h.status().code(), "invalid_hours") << c.text;
    EXPECT_NE(h.status().message().find(c.expected_in_message), std::string::npos)
        << c.text << " -> " << h.status().message();
  }
}

}  // namespace
}  // namespace earshot
