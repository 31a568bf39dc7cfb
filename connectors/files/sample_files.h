// Sample records for `earshot demo`, the tests and the benchmarks.
//
// Every line of each *.jsonl file under a directory is one record, bytes as
// they are (malformed lines included: they exercise the dead-letter path).
// Two records that cannot be lines are synthesised: an empty record and one
// whose text is over 1 MB.
#pragma once

#include <string>
#include <vector>

#include "earshot/status.h"

namespace earshot {

struct SampleRecord {
  std::string source;  // "posts.jsonl:17" or "synthetic:empty"
  std::string value;
};

StatusOr<std::vector<SampleRecord>> LoadSampleRecords(const std::string& dir,
                                                      bool with_synthetic = true);

}  // namespace earshot
