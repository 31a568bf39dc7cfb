// RuleSet: the compiled, immutable classification rules.
//
// Rules are read from YAML files (docs/rules.md), checked, and compiled into
// one RE2::Set so that a post is matched against every rule in a single pass.
// A RuleSet never changes after it is built; the pipeline swaps in a new one
// on reload, and workers share one through shared_ptr<const RuleSet>.
//
// Thread safety: a built RuleSet is safe for concurrent Match() calls.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/diagnostic.h"
#include "earshot/status.h"
#include "earshot/verdict.h"

namespace earshot {

struct NormalizedText;

struct RuleTest {
  std::string text;
  bool expect_match = true;
  int line = 0;
};

struct Rule {
  std::string id;
  std::string description;
  std::string category;  // complaint | praise | question | neutral
  std::string topic;
  Priority priority = Priority::kP3;
  std::string lang;  // tr | en | any
  std::vector<std::string> urgent;
  std::vector<std::string> terms;    // RE2 patterns over NormalizedText::words
  std::vector<std::string> regexes;  // authors' RE2 patterns over NormalizedText::folded
  std::vector<RuleTest> tests;
  std::string file;
  int line = 0;
};

struct RuleSetOptions {
  // Memory budget handed to RE2::Set (bytes). RE2's DFA falls back to a much
  // slower engine when it runs out, so the budget grows with the rule count.
  int64_t max_mem_bytes = 64 << 20;
};

class RuleSet {
 public:
  // Builds from already-read rules. On error returns the diagnostics.
  static StatusOr<std::shared_ptr<const RuleSet>> Build(std::vector<Rule> rules,
                                                        const RuleSetOptions& options,
                                                        std::vector<Diagnostic>* diagnostics);
  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  // Rules matching `text`, in rule order. `lang` filters rules written for
  // one language; an empty lang lets every rule apply.
  std::vector<const Rule*> Match(const NormalizedText& text, std::string_view lang) const;

  const std::vector<Rule>& rules() const { return rules_; }
  // A short hash of the compiled patterns: changes whenever the rules do.
  const std::string& version() const { return version_; }

 private:
  RuleSet() = default;
  struct Compiled;  // RE2::Set and pattern -> rule map (pipeline/match)
  std::vector<Rule> rules_;
  std::unique_ptr<Compiled> compiled_;
  std::string version_;
};

// Reads every *.yaml / *.yml file under each path (files or directories,
// sorted for a stable order) and builds a RuleSet. Every problem found is
// appended to `diagnostics`; any error means no RuleSet.
StatusOr<std::shared_ptr<const RuleSet>> LoadRuleSet(const std::vector<std::string>& paths,
                                                     const RuleSetOptions& options,
                                                     std::vector<Diagnostic>* diagnostics);

}  // namespace earshot
