#include "pipeline/alerting/spike_detector.h"

#include <algorithm>

namespace earshot {

std::optional<Spike> SpikeDetector::Add(const std::string& brand, const std::string& topic,
                                        const std::vector<std::string>& rule_ids,
                                        const std::string& post_id, int64_t at_ms) {
  if (!options_.enabled) return std::nullopt;
  Series& series = series_[{brand, topic}];
  const int64_t bucket_start = at_ms - (at_ms % kBucketMs + kBucketMs) % kBucketMs;
  // Late posts (older than the newest bucket) count in the newest bucket:
  // a spike is about now, and buckets must stay in order.
  if (series.buckets.empty() || series.buckets.back().start_ms < bucket_start) {
    series.buckets.push_back(Bucket{bucket_start, 0, {}, {}});
  }
  Bucket& bucket = series.buckets.back();
  ++bucket.count;
  for (const std::string& rule : rule_ids) ++bucket.rules[rule];
  if (bucket.samples.size() < 5) bucket.samples.push_back(post_id);

  const int64_t now = bucket.start_ms + kBucketMs;  // end of the newest bucket
  const int64_t window_start = now - options_.window_ms;
  const int64_t history_start = window_start - options_.window_ms * options_.baseline_windows;
  while (!series.buckets.empty() && series.buckets.front().start_ms < history_start) {
    series.buckets.pop_front();
  }
  int64_t in_window = 0;
  int64_t in_baseline = 0;
  for (const Bucket& b : series.buckets) {
    (b.start_ms >= window_start ? in_window : in_baseline) += b.count;
  }
  const double baseline_mean =
      static_cast<double>(in_baseline) / std::max(1, options_.baseline_windows);
  if (in_window < options_.min_count) return std::nullopt;
  if (static_cast<double>(in_window) < options_.ratio * std::max(baseline_mean, 1.0))
    return std::nullopt;
  if (at_ms < series.last_spike_ms + options_.cooldown_ms) return std::nullopt;
  series.last_spike_ms = at_ms;

  Spike spike;
  spike.brand = brand;
  spike.topic = topic;
  spike.window_start_ms = window_start;
  spike.window_end_ms = now;
  spike.count = in_window;
  spike.baseline_mean = baseline_mean;
  std::map<std::string, int64_t> rules;
  for (const Bucket& b : series.buckets) {
    if (b.start_ms < window_start) continue;
    for (const auto& [rule, n] : b.rules) rules[rule] += n;
    for (const std::string& id : b.samples) {
      if (spike.sample_post_ids.size() < 5) spike.sample_post_ids.push_back(id);
    }
  }
  spike.top_rules.assign(rules.begin(), rules.end());
  std::stable_sort(spike.top_rules.begin(), spike.top_rules.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (spike.top_rules.size() > 5) spike.top_rules.resize(5);
  return spike;
}

}  // namespace earshot
