// `earshot simulate` input: JSON lines of posts in any supported format and
// acknowledgements, in any order and with any timestamps, through the real
// decode -> classify -> alerting stages on a simulated clock.
//
// The classifier (shipped rules and lexicons) and a config with a business
// calendar, author grouping and spike detection are built once.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>

#include "app/config.h"
#include "app/record_processor.h"
#include "app/simulator.h"

namespace {

const char* kConfig = R"(
brands:
  acme:
    accounts: [AcmeDestek]
    timezone: Europe/Istanbul
    hours: "mon-fri 09:00-18:00"
    holidays: ["2026-11-30"]
alerting:
  spikes: {window: 5m, baseline_windows: 12, min_count: 3, ratio: 2, cooldown: 30m}
)";

struct Setup {
  earshot::Config config;
  std::shared_ptr<const earshot::Classifier> classifier;
};

const Setup& TheSetup() {
  static const Setup* setup = [] {
    auto config = earshot::LoadConfigText(kConfig, "fuzz.yaml", ".");
    if (!config.ok()) {
      fprintf(stderr, "simulate_fuzzer: %s\n", config.status().ToString().c_str());
      abort();
    }
    config->decode.default_brand = "acme";
    auto classifier = earshot::BuildClassifier(*config);
    if (!classifier.ok()) {
      fprintf(stderr, "simulate_fuzzer: %s\n", classifier.status().ToString().c_str());
      abort();
    }
    return new Setup{*config, *classifier};
  }();
  return *setup;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)TheSetup();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 32 * 1024) return 0;  // a few dozen lines are enough to reach every path
  const Setup& setup = TheSetup();
  std::istringstream input(std::string(reinterpret_cast<const char*>(data), size));
  const earshot::SimulationResult result =
      earshot::Simulate(input, setup.config, *setup.classifier);
  for (const earshot::TimelineEntry& entry : result.timeline)
    (void)earshot::FormatTimelineEntry(entry);
  return 0;
}
