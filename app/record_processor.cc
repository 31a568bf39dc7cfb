#include "app/record_processor.h"

#include "earshot/alerting.h"
#include "earshot/decode.h"
#include "pipeline/sentiment/sentiment_scorer.h"

namespace earshot {

RecordProcessor::RecordProcessor(std::shared_ptr<const Classifier> classifier, const Config& config,
                                 const Clock& clock)
    : RecordProcessor(std::make_shared<const ClassifierSlot>(std::move(classifier)), config,
                      clock) {}

RecordProcessor::RecordProcessor(std::shared_ptr<const ClassifierSlot> slot, const Config& config,
                                 const Clock& clock)
    : slot_(std::move(slot)),
      topics_(config.topics),
      decode_(config.decode),
      sla_(config.sla),
      clock_(clock) {}

ProcessedRecord RecordProcessor::Process(const InputRecord& input) const {
  ProcessedRecord result;
  StatusOr<Post> post = DecodePost(input.value, decode_);
  if (!post.ok()) {
    const Status& error = post.status();
    result.dead_letter_reason = error.code();
    OutRecord dead;
    dead.topic = topics_.dlq;
    dead.key = std::string(input.key);
    dead.value = std::string(input.value);  // the original bytes, unchanged
    dead.headers = input.headers;
    dead.headers.emplace_back(kHeaderError, error.code());
    dead.headers.emplace_back(kHeaderErrorDetail, error.message());
    dead.headers.emplace_back(kHeaderSourceTopic, input.topic);
    dead.headers.emplace_back(kHeaderSourcePartition, std::to_string(input.partition));
    dead.headers.emplace_back(kHeaderSourceOffset, std::to_string(input.offset));
    result.outputs.push_back(std::move(dead));
    return result;
  }
  // The record's own timestamp makes replays reproduce the same deadlines.
  const int64_t received_at = input.timestamp_ms > 0 ? input.timestamp_ms : clock_.NowMs();
  Verdict verdict = slot_->Get()->Classify(*post);
  OutRecord classified;
  classified.topic = topics_.classified;
  classified.key = post->conversation_id;
  classified.value = EncodeClassifiedJson(*post, verdict, received_at);
  result.outputs.push_back(std::move(classified));
  result.post = std::move(post).value();
  result.verdict = std::move(verdict);
  return result;
}

Config ToolConfig(const std::vector<std::string>& rules, const std::string& lexicons) {
  Config config = DefaultConfig();
  if (!rules.empty()) config.rules = rules;
  if (!lexicons.empty()) config.lexicons = lexicons;
  return config;
}

StatusOr<std::shared_ptr<const Classifier>> BuildClassifier(const Config& config,
                                                            std::vector<Diagnostic>* reported) {
  std::vector<Diagnostic> diagnostics;
  auto rules = LoadRuleSet(config.rules, config.rule_limits, &diagnostics);
  auto lexicons = LoadLexicons(config.lexicons, &diagnostics);
  if (reported != nullptr)
    reported->insert(reported->end(), diagnostics.begin(), diagnostics.end());
  if (!rules.ok() || !lexicons.ok() || HasErrors(diagnostics)) {
    std::string message;
    for (const Diagnostic& d : diagnostics) message += "\n" + d.ToString();
    if (message.empty())
      message = rules.ok() ? lexicons.status().ToString() : rules.status().ToString();
    return Status("rules_invalid", "cannot load rules or lexicons:" + message);
  }
  return std::shared_ptr<const Classifier>(
      std::make_shared<Classifier>(std::move(rules).value(), std::move(lexicons).value(),
                                   config.classifier, config.brand_accounts, config.brand_names));
}

}  // namespace earshot
