// RecordProcessor: one input record in, the records to produce out.
//
// This is the whole per-record data flow, free of Kafka I/O so that it can
// be tested and benchmarked alone: decode -> classify -> the classified
// post (the alerting stage's input), or decode failure -> dead letter. The worker produces what it
// returns and commits the input once all of it is acknowledged.
//
// Thread safety: Process() is const and safe to call from many threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/classifier_slot.h"
#include "app/config.h"
#include "connectors/kafka/kafka_producer.h"
#include "earshot/classifier.h"
#include "earshot/clock.h"

namespace earshot {

// Dead-letter headers (docs/schema.md).
inline constexpr const char* kHeaderError = "earshot.error";
inline constexpr const char* kHeaderErrorDetail = "earshot.error.detail";
inline constexpr const char* kHeaderSourceTopic = "earshot.source.topic";
inline constexpr const char* kHeaderSourcePartition = "earshot.source.partition";
inline constexpr const char* kHeaderSourceOffset = "earshot.source.offset";

struct InputRecord {
  std::string topic;
  int32_t partition = 0;
  int64_t offset = 0;
  int64_t timestamp_ms = -1;  // broker or producer timestamp; -1 when absent
  std::string_view key;
  std::string_view value;
  std::vector<std::pair<std::string, std::string>> headers;
};

struct ProcessedRecord {
  std::vector<OutRecord> outputs;
  std::optional<Post> post;        // set when decoding succeeded
  std::optional<Verdict> verdict;  // set when decoding succeeded
  std::string dead_letter_reason;  // set when it did not
};

class RecordProcessor {
 public:
  // Classifies with whatever `slot` holds at the time of each record.
  RecordProcessor(std::shared_ptr<const ClassifierSlot> slot, const Config& config,
                  const Clock& clock);
  // Classifies with one fixed classifier.
  RecordProcessor(std::shared_ptr<const Classifier> classifier, const Config& config,
                  const Clock& clock);

  ProcessedRecord Process(const InputRecord& input) const;

 private:
  std::shared_ptr<const ClassifierSlot> slot_;
  TopicsConfig topics_;
  DecodeOptions decode_;
  SlaPolicy sla_;
  const Clock& clock_;
};

// Loads rules and lexicons named in `config` and builds a Classifier. Rule
// and lexicon problems come back as one Status listing every diagnostic.
// The shipped defaults with `rules` and `lexicons` replaced where given
// (empty keeps the default): what the command-line tools classify with.
Config ToolConfig(const std::vector<std::string>& rules, const std::string& lexicons);

// Warnings (a rule without tests, a regex that can never match) do not stop
// the load. Every diagnostic, errors and warnings, is appended to `reported`
// when given (callers log the warnings and count limits hit, e.g.
// `too_many_rules`); errors also make up the returned Status.
StatusOr<std::shared_ptr<const Classifier>> BuildClassifier(
    const Config& config, std::vector<Diagnostic>* reported = nullptr);

}  // namespace earshot
