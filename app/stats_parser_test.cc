#include "app/stats_parser.h"

#include <gtest/gtest.h>

namespace earshot {
namespace {

TEST(ParseConsumerLag, ReadsKnownLagPerPartitionAndSkipsUnknown) {
  const char* stats = R"({"name":"c","topics":{"posts":{"topic":"posts","partitions":{
    "0":{"partition":0,"consumer_lag":12},
    "1":{"partition":1,"consumer_lag":-1},
    "-1":{"partition":-1,"consumer_lag":-1}}}}})";
  const auto lags = ParseConsumerLag(stats);
  ASSERT_EQ(lags.size(), 1u);
  EXPECT_EQ(lags[0].topic, "posts");
  EXPECT_EQ(lags[0].partition, 0);
  EXPECT_EQ(lags[0].lag, 12);
}

TEST(ParseConsumerLag, MalformedStatisticsYieldNothing) {
  EXPECT_TRUE(ParseConsumerLag("not json").empty());
  EXPECT_TRUE(ParseConsumerLag(R"({"topics":[]})").empty());
}

}  // namespace
}  // namespace earshot
