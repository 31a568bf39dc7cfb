// SpikeDetector: complaint counts per (brand, topic) in fixed one-minute
// buckets; a spike is the last window's count far above the mean of the
// windows before it. Time is the posts' received time, so replays and
// `earshot simulate` see the same spikes as the live pipeline did.
//
// Not changelogged: after a restart the counts rebuild within one baseline
// period (an hour by default), during which a spike can be missed but never
// invented. Memory: one small deque of buckets per key seen in the last
// baseline period.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "earshot/alert_engine.h"

namespace earshot {

struct Spike {
  std::string brand, topic;
  int64_t window_start_ms = 0, window_end_ms = 0;
  int64_t count = 0;
  double baseline_mean = 0;
  std::vector<std::pair<std::string, int64_t>> top_rules;  // most matched first
  std::vector<std::string> sample_post_ids;
};

class SpikeDetector {
 public:
  explicit SpikeDetector(SpikeOptions options) : options_(options) {}

  // Counts one complaint; returns a spike when this one tips the window over.
  std::optional<Spike> Add(const std::string& brand, const std::string& topic,
                           const std::vector<std::string>& rule_ids, const std::string& post_id,
                           int64_t at_ms);

 private:
  static constexpr int64_t kBucketMs = int64_t{60} * 1000;
  struct Bucket {
    int64_t start_ms = 0;
    int64_t count = 0;
    std::map<std::string, int64_t> rules;
    std::vector<std::string> samples;  // first few post ids
  };
  struct Series {
    std::deque<Bucket> buckets;  // oldest first
    int64_t last_spike_ms = INT64_MIN / 2;
  };

  SpikeOptions options_;
  std::map<std::pair<std::string, std::string>, Series> series_;
};

}  // namespace earshot
