#include "pipeline/decode/iso8601.h"

#include <gtest/gtest.h>

namespace earshot {
namespace {

TEST(Iso8601, ParsesUtcOffsetsAndFractions) {
  EXPECT_EQ(ParseIso8601Ms("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseIso8601Ms("2026-11-23T09:14:05Z"), 1795425245000);
  EXPECT_EQ(ParseIso8601Ms("2026-11-23T09:14:05.5Z"), 1795425245500);
  EXPECT_EQ(ParseIso8601Ms("2026-11-23T12:14:05+03:00"), 1795425245000);
  EXPECT_EQ(ParseIso8601Ms("2026-11-23T02:14:05-0700"), 1795425245000);
  EXPECT_EQ(ParseIso8601Ms("2026-11-23T09:14:05"), 1795425245000);
}

TEST(Iso8601, RejectsWhatIsNotADateTime) {
  for (const char* bad :
       {"", "yesterday", "2026-11-23", "2026-13-01T00:00:00Z", "2026-11-23T09:14:05Zjunk",
        "2026-11-23T25:00:00Z", "2026-11-23T09:14:05."}) {
    EXPECT_FALSE(ParseIso8601Ms(bad).has_value()) << bad;
  }
}

TEST(Iso8601, FormatsRoundTrip) {
  EXPECT_EQ(FormatIso8601Ms(1795425245123), "2026-11-23T09:14:05.123Z");
  EXPECT_EQ(ParseIso8601Ms(FormatIso8601Ms(951782400000)), 951782400000);  // 2000-02-29
}

}  // namespace
}  // namespace earshot
