#include "connectors/kafka/offset_tracker.h"

#include <gtest/gtest.h>

namespace earshot {
namespace {

const TopicPartitionKey kP0{"posts", 0};
const TopicPartitionKey kP1{"posts", 1};

TEST(OffsetTracker, CommitsOnlyBelowTheFirstUnacknowledgedRecord) {
  OffsetTracker t;
  InFlightRecord* a = t.Add(kP0, 10, 2, 0);
  InFlightRecord* b = t.Add(kP0, 11, 1, 0);
  const auto start = t.TakeCommittable();  // nothing done: resume at 10
  ASSERT_EQ(start.size(), 1u);
  EXPECT_EQ(start[0].offset, 10);
  EXPECT_TRUE(t.OutputDone(b, true));  // 11 done before 10
  EXPECT_TRUE(t.TakeCommittable().empty());
  EXPECT_FALSE(t.OutputDone(a, true));  // one of a's two outputs
  EXPECT_TRUE(t.TakeCommittable().empty());
  EXPECT_TRUE(t.OutputDone(a, true));
  const auto done = t.TakeCommittable();
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].offset, 12);
}

TEST(OffsetTracker, ReportsEachPositionOnce) {
  OffsetTracker t;
  t.OutputDone(t.Add(kP0, 0, 1, 0), true);
  EXPECT_EQ(t.TakeCommittable().size(), 1u);
  EXPECT_TRUE(t.TakeCommittable().empty());
}

TEST(OffsetTracker, AFailedOutputBlocksItsPartitionOnly) {
  OffsetTracker t;
  InFlightRecord* bad = t.Add(kP0, 5, 1, 0);
  InFlightRecord* later = t.Add(kP0, 6, 1, 0);
  InFlightRecord* other = t.Add(kP1, 3, 1, 0);
  EXPECT_FALSE(t.OutputDone(bad, false));
  EXPECT_TRUE(t.OutputDone(later, true));
  EXPECT_TRUE(t.OutputDone(other, true));
  EXPECT_TRUE(t.HasFailure());
  for (const CommitPosition& p : t.TakeCommittable()) {
    if (p.tp == kP0) {
      EXPECT_LE(p.offset, 5);
    } else {
      EXPECT_EQ(p.offset, 4);
    }
  }
  EXPECT_EQ(t.Positions({kP0})[0].offset, 5);
}

TEST(OffsetTracker, ForgetDropsRevokedPartitions) {
  OffsetTracker t;
  t.OutputDone(t.Add(kP0, 0, 1, 0), false);
  EXPECT_TRUE(t.HasFailure());
  t.Forget({kP0});
  EXPECT_FALSE(t.HasFailure());
  EXPECT_TRUE(t.Positions({kP0}).empty());
  EXPECT_EQ(t.InFlight(), 0u);
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

TEST(OffsetTracker, RevokeCommitsOnlyWhatAdvanced) {
  OffsetTracker t;
  t.OutputDone(t.Add(kP0, 0, 1, 0), true);
  t.OutputDone(t.Add(kP1, 0, 1, 0), true);
  EXPECT_EQ(t.TakeCommittable().size(), 2u);
  EXPECT_TRUE(t.TakeCommittable({kP0, kP1}).empty());
  t.OutputDone(t.Add(kP1, 1, 1, 0), true);
  const auto c = t.TakeCommittable({kP0, kP1});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].tp, kP1);
  EXPECT_EQ(c[0].offset, 2);
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

TEST(OffsetTracker, AllPositionsRepeatsWhatWasAlreadyTakenSoAFailedCommitCanBeRetried) {
  OffsetTracker tracker;
  const TopicPartitionKey tp{"posts", 0};
  InFlightRecord* r = tracker.Add(tp, 10, 1, 0);
  tracker.OutputDone(r, true);
  ASSERT_EQ(tracker.TakeCommittable().size(), 1u);
  EXPECT_TRUE(tracker.TakeCommittable().empty()) << "nothing advanced";
  const auto all = tracker.AllPositions();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].offset, 11);
}

TEST(OffsetTracker, BacklogCountsRecordsUntilTheyAreRetiredBehindTheFirstPendingOne) {
  OffsetTracker t;
  const TopicPartitionKey p0{"posts", 0};
  InFlightRecord* a = t.Add(p0, 1, 1, 0);
  InFlightRecord* b = t.Add(p0, 2, 1, 0);
  t.Add(p0, 3, 1, 0);
  EXPECT_EQ(t.Backlog(p0), 3u);
  EXPECT_EQ(t.Backlog(TopicPartitionKey{"posts", 1}), 0u);
  t.OutputDone(b, true);
  t.TakeCommittable();  // b is done but behind a: nothing retires
  EXPECT_EQ(t.Backlog(p0), 3u);
  t.OutputDone(a, true);
  t.TakeCommittable();  // a and b retire
  EXPECT_EQ(t.Backlog(p0), 1u);
}

}  // namespace
}  // namespace earshot
