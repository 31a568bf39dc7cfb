#include "app/eval_metrics.h"

#include <gtest/gtest.h>

namespace earshot {
namespace {

TEST(PearsonR, PerfectAndInverseAndUndefined) {
  EXPECT_NEAR(PearsonR({1, 2, 3}, {2, 4, 6}), 1.0, 1e-12);
  EXPECT_NEAR(PearsonR({1, 2, 3}, {3, 2, 1}), -1.0, 1e-12);
  EXPECT_EQ(PearsonR({1, 1, 1}, {1, 2, 3}), 0.0);
}

TEST(Confusion, PrecisionRecallF1AndMacroF1) {
  Confusion c;
  // 3 complaints: 2 found; 2 others: 1 wrongly called a complaint.
  c.Add("complaint", "complaint");
  c.Add("complaint", "complaint");
  c.Add("complaint", "other");
  c.Add("other", "complaint");
  c.Add("other", "other");
  EXPECT_NEAR(c.Precision("complaint"), 2.0 / 3, 1e-12);
  EXPECT_NEAR(c.Recall("complaint"), 2.0 / 3, 1e-12);
  EXPECT_NEAR(c.F1("complaint"), 2.0 / 3, 1e-12);
  EXPECT_NEAR(c.F1("other"), 0.5, 1e-12);
  EXPECT_NEAR(c.MacroF1({"complaint", "other"}), (2.0 / 3 + 0.5) / 2, 1e-12);
  EXPECT_EQ(c.Total(), 5);
}

TEST(Confusion, PredictionsOutsideTheLabelsCountAsWrong) {
  Confusion c;
  c.Add("positive", "positive");
  c.Add("positive", "abstain");
  c.Add("negative", "negative");
  EXPECT_NEAR(c.Recall("positive"), 0.5, 1e-12);
  EXPECT_NEAR(c.F1("negative"), 1.0, 1e-12);
}

}  // namespace
}  // namespace earshot
