// Per-stage costs on the sample posts:
//   build/release/bench/earshot_stages_bench
#include <benchmark/benchmark.h>

#include "app/config.h"
#include "app/record_processor.h"
#include "connectors/files/sample_files.h"
#include "pipeline/normalize/normalizer.h"

namespace earshot {
namespace {

std::vector<std::string> ValidSamples() {
  auto samples = LoadSampleRecords(DataRoot() + "/data/samples", false);
  std::vector<std::string> valid;
  for (const SampleRecord& s : *samples) {
    if (DecodePost(s.value, DecodeOptions{.default_brand = "b"}).ok()) valid.push_back(s.value);
  }
  return valid;
}

void BM_Decode(benchmark::State& state) {
  const auto samples = ValidSamples();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        DecodePost(samples[i++ % samples.size()], DecodeOptions{.default_brand = "b"}));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Decode);

void BM_Normalize(benchmark::State& state) {
  std::vector<Post> posts;
  for (const auto& s : ValidSamples())
    posts.push_back(*DecodePost(s, DecodeOptions{.default_brand = "b"}));
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(Normalize(posts[i++ % posts.size()].text, true));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Normalize);

void BM_Classify(benchmark::State& state) {
  const Config config = DefaultConfig();
  auto classifier = BuildClassifier(config);
  std::vector<Post> posts;
  for (const auto& s : ValidSamples())
    posts.push_back(*DecodePost(s, DecodeOptions{.default_brand = "b"}));
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize((*classifier)->Classify(posts[i++ % posts.size()]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Classify);

void BM_ProcessRecord(benchmark::State& state) {
  const Config config = DefaultConfig();
  auto classifier = BuildClassifier(config);
  const SystemClock clock;
  const RecordProcessor processor(*classifier, config, clock);
  const auto samples = ValidSamples();
  size_t i = 0;
  for (auto _ : state) {
    InputRecord input;
    input.topic = "posts";
    input.timestamp_ms = 1795425245000;
    input.value = samples[i++ % samples.size()];
    benchmark::DoNotOptimize(processor.Process(input));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ProcessRecord);

}  // namespace
}  // namespace earshot

BENCHMARK_MAIN();
