// Reads consumer lag per partition out of librdkafka's statistics JSON
// (statistics.interval.ms; see librdkafka's STATISTICS.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace earshot {

struct PartitionLag {
  std::string topic;
  int32_t partition = 0;
  int64_t lag = 0;
};

// Partitions with a known lag (librdkafka reports -1 while unknown, and an
// internal partition -1 per topic, both skipped). Malformed JSON yields none.
std::vector<PartitionLag> ParseConsumerLag(std::string_view stats_json);

}  // namespace earshot
