// Builds a RuleSet from YAML text in a test; fails the test on any diagnostic.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "earshot/rule_set.h"
#include "pipeline/match/rule_collector.h"
#include "pipeline/match/rule_reader.h"

namespace earshot::testing {

inline std::shared_ptr<const RuleSet> RulesFromYaml(const std::string& yaml,
                                                    const RuleSetOptions& options = {}) {
  std::vector<Diagnostic> diagnostics;
  std::vector<RuleFile> files;
  files.push_back(ReadRuleText(yaml, "test.yaml", &diagnostics));
  CollectedRules collected = CollectRules(files, options, &diagnostics);
  std::shared_ptr<const RuleSet> out;
  if (!HasErrors(diagnostics)) {
    auto set = RuleSet::Build(std::move(collected.rules), std::move(collected.macros), options,
                              &diagnostics);
    if (set.ok()) out = *set;
  }
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) ADD_FAILURE() << d.ToString();
  }
  return out;
}

}  // namespace earshot::testing
