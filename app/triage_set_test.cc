#include "app/triage_set.h"

#include <gtest/gtest.h>

namespace earshot {
namespace {

TEST(ParseTriageLine, ReadsClassFlagsChannelRatingAndText) {
  TriageLine t;
  ASSERT_EQ(ParseTriageLine("complaint+safety,legal\tgoogle_maps\t1\tcocugum zehirlendi", &t), "");
  EXPECT_EQ(t.post_class, "complaint");
  EXPECT_EQ(t.flags, (std::vector<std::string>{"legal", "safety"}));  // sorted
  EXPECT_EQ(t.channel, "google_maps");
  EXPECT_EQ(t.rating, 1);
  EXPECT_EQ(t.text, "cocugum zehirlendi");
}

TEST(ParseTriageLine, DashIsNoRatingAndNoPlusIsNoFlags) {
  TriageLine t;
  ASSERT_EQ(ParseTriageLine("question\tx\t-\tdo you deliver to Izmir?", &t), "");
  EXPECT_EQ(t.post_class, "question");
  EXPECT_TRUE(t.flags.empty());
  EXPECT_FALSE(t.rating.has_value());
}

TEST(ParseTriageLine, SaysWhatIsWrong) {
  TriageLine t;
  EXPECT_NE(ParseTriageLine("complaint\tx\tslow", &t).find("found 3 column(s)"), std::string::npos);
  EXPECT_NE(ParseTriageLine("angry\tx\t-\ttext", &t).find("class 'angry'"), std::string::npos);
  EXPECT_NE(ParseTriageLine("complaint+lawyer\tx\t-\ttext", &t).find("urgent flag 'lawyer'"),
            std::string::npos);
  EXPECT_NE(ParseTriageLine("praise\tapp_store\t6\ttext", &t).find("rating '6'"),
            std::string::npos);
  EXPECT_NE(ParseTriageLine("praise\tx\t-\t", &t).find("text is empty"), std::string::npos);
}

TEST(FlagScores, PrecisionAndRecallOverAllFlagsAndByFlag) {
  FlagScores s;
  s.Add({"legal"}, {"legal"});            // right
  s.Add({"safety", "churn"}, {"churn"});  // safety missed
  s.Add({}, {"media"});                   // a false alarm
  EXPECT_DOUBLE_EQ(s.Recall(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.Precision(), 2.0 / 3.0);
  EXPECT_NE(s.ToString().find("safety: expected 1, given 0, right 0"), std::string::npos);
  EXPECT_NE(s.ToString().find("media: expected 0, given 1, right 0"), std::string::npos);
}

TEST(FlagScores, NothingExpectedOrGivenIsPerfect) {
  FlagScores s;
  s.Add({}, {});
  EXPECT_DOUBLE_EQ(s.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(s.Recall(), 1.0);
}

}  // namespace
}  // namespace earshot
