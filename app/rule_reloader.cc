#include "app/rule_reloader.h"

#include <spdlog/spdlog.h>

#include "app/record_processor.h"

namespace earshot {

RuleReloader::RuleReloader(const Config& config, std::shared_ptr<ClassifierSlot> slot,
                           Metrics& metrics, int poll_ms)
    : config_(config), slot_(std::move(slot)), metrics_(metrics), poll_ms_(poll_ms) {}

RuleReloader::~RuleReloader() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void RuleReloader::Publish(const Classifier& classifier, Metrics& metrics) {
  const RuleSet& rules = classifier.rules();
  metrics.SetRulesVersion(rules.version(), rules.rules().size());
  // Series for every rule up front, so dashboards show zeros, not gaps. A
  // rule that keeps its id keeps its counter across reloads.
  for (const Rule& rule : rules.rules()) metrics.RuleMatches(rule.id);
}

RuleReloader::Snapshot RuleReloader::TakeSnapshot() const {
  Snapshot snapshot;
  std::vector<std::string> files = RuleFiles(config_.rules);
  for (const char* name : {"/tr.tsv", "/en.tsv", "/emoji.tsv"})
    files.push_back(config_.lexicons + name);
  for (const std::string& file : files) {
    std::error_code ec;
    snapshot[file] = std::filesystem::last_write_time(file, ec);
  }
  return snapshot;
}

void RuleReloader::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void RuleReloader::Trigger() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    triggered_ = true;
  }
  cv_.notify_all();
}

void RuleReloader::Loop() {
  Snapshot last = TakeSnapshot();
  for (;;) {
    bool triggered = false;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      cv_.wait_for(lock, std::chrono::milliseconds(poll_ms_),
                   [this] { return stopping_ || triggered_; });
      if (stopping_) return;
      triggered = triggered_;
      triggered_ = false;
    }
    Snapshot now = TakeSnapshot();
    if (!triggered && now == last) continue;
    spdlog::info("rules: reloading ({})", triggered ? "SIGHUP" : "a rule or lexicon file changed");
    last = std::move(now);
    (void)ReloadNow();
  }
}

Status RuleReloader::ReloadNow() {
  const std::lock_guard<std::mutex> lock(reload_mutex_);
  std::vector<Diagnostic> diagnostics;
  auto next = BuildClassifier(config_, &diagnostics);
  for (const Diagnostic& d : diagnostics)
    if (d.severity == Severity::kWarning) spdlog::warn("rules: {}", d.ToString());
  if (!next.ok()) {
    metrics_.RulesReload("error").Increment();
    metrics_.Limits().CountRuleLimits(diagnostics);
    // The message lists every diagnostic, one file:line:column per line.
    spdlog::error("rules: reload failed, the rules in force stay ({}): {}",
                  slot_->Get()->rules().version(), next.status().message());
    return next.status();
  }
  const std::string previous = slot_->Get()->rules().version();
  Publish(**next, metrics_);
  slot_->Set(std::move(next).value());
  metrics_.RulesReload("success").Increment();
  spdlog::info("rules: reloaded, version {} -> {} ({} rules)", previous,
               slot_->Get()->rules().version(), slot_->Get()->rules().rules().size());
  return Status::Ok();
}

}  // namespace earshot
