// The team-written sample posts (data/samples/posts.jsonl) that decode as
// posts: the raw records the end-to-end and soak benchmarks send, cycling
// through them.
#pragma once

#include <string>
#include <vector>

#include "connectors/files/sample_files.h"
#include "earshot/decode.h"

namespace earshot {

inline std::vector<std::string> SamplePostRecords() {
  auto samples = LoadSampleRecords(DataRoot() + "/data/samples", /*with_synthetic=*/false);
  std::vector<std::string> valid;
  DecodeOptions options;
  for (const SampleRecord& s : *samples) {
    if (s.source.rfind("posts.jsonl", 0) == 0 && DecodePost(s.value, options).ok())
      valid.push_back(s.value);
  }
  return valid;
}

}  // namespace earshot
