// Alerting stage: memory per open item and throughput (issue 6).
//
//   build/release/bench/earshot_alerting_bench [--items 1000000]
//
// Opens N items the way a busy brand would (X-style 19-digit post ids,
// handles of 8-15 characters, distinct authors), then measures:
//   - heap bytes per open item: malloc's own count of bytes in use
//     (mallinfo2) after minus before, divided by N — everything the engine
//     holds for its items, indexes and hash buckets included;
//   - posts/s for opening items, and for firing the first escalation step of
//     every item (Advance), and the changelog restore rate.
// The baseline for the heap figure is measured in the same run (before the
// items exist), so other allocations of the process cancel out.
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "earshot/alert_engine.h"

namespace {

using Steady = std::chrono::steady_clock;

size_t HeapInUse() { return mallinfo2().uordblks; }

double Seconds(Steady::time_point start) {
  return std::chrono::duration<double>(Steady::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = 1000000;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--items") == 0) n = std::stoul(argv[i + 1]);
  }
  using earshot::AlertEngine;
  using earshot::AlertOutput;
  using earshot::AlertPolicy;

  AlertPolicy policy;
  policy.spikes.enabled = false;  // spikes keep per-brand buckets, not per-item state
  std::vector<earshot::Post> posts(1);
  earshot::Verdict verdict;
  verdict.post_class = earshot::PostClass::kComplaint;
  verdict.priority = earshot::Priority::kP3;
  const int64_t t0 = 1795425245000;  // 2026-11-23

  AlertEngine engine(policy);
  AlertOutput out;
  malloc_trim(0);
  const size_t before = HeapInUse();
  auto start = Steady::now();
  earshot::Post post;
  post.channel = "x";
  post.brand = "mavibank";
  post.text = "kartimdan iki kez odeme cekilmis, kimse donmuyor";
  for (size_t i = 0; i < n; ++i) {
    post.id = std::to_string(1862235112014926532ULL + i * 7919);
    post.conversation_id = post.id;
    post.author.id = std::to_string(100000000 + i);
    post.author.handle = "user_" + std::to_string(i % 100000) + "_tr";
    engine.OnPost(static_cast<int32_t>(i % 32), post, verdict, t0 + static_cast<int64_t>(i), &out);
    out.Clear();  // the worker produces and drops these at once
  }
  const double open_s = Seconds(start);
  const size_t after = HeapInUse();
  const double per_item = static_cast<double>(after - before) / static_cast<double>(n);

  // Encode the changelog as the worker would, to time a restore.
  std::vector<earshot::StateRecord> changelog;
  {
    AlertEngine probe(policy);
    const size_t sample = std::min<size_t>(n, 100000);
    for (size_t i = 0; i < sample; ++i) {
      post.id = std::to_string(1862235112014926532ULL + i * 7919);
      post.conversation_id = post.id;
      post.author.id = std::to_string(100000000 + i);
      probe.OnPost(0, post, verdict, t0, &out);
      for (auto& c : out.changes) changelog.push_back(std::move(c));
      out.Clear();
    }
  }
  AlertEngine restored(policy);
  start = Steady::now();
  for (const auto& r : changelog) (void)restored.RestoreItem(r.partition, r.key, r.value);
  const double restore_s = Seconds(start);

  start = Steady::now();
  engine.Advance(t0 + static_cast<int64_t>(n) + 3600 * 1000, &out);  // every item's step 1
  const double fire_s = Seconds(start);
  const size_t fired = out.events.size();

  std::printf("open items:              %zu\n", engine.open_items());
  std::printf("heap per open item:      %.1f bytes (mallinfo2 in-use delta / items)\n", per_item);
  std::printf("engine's own estimate:   %.1f bytes\n",
              static_cast<double>(engine.ApproximateMemoryBytes()) / static_cast<double>(n));
  std::printf("open:                    %.0f items/s\n", static_cast<double>(n) / open_s);
  std::printf("first step fired:        %zu events in %.2f s (%.0f/s, incl. event JSON)\n", fired,
              fire_s, static_cast<double>(fired) / fire_s);
  std::printf("restore from changelog:  %.0f records/s (%zu records)\n",
              static_cast<double>(changelog.size()) / restore_s, changelog.size());
  return 0;
}
