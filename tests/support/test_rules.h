// Builds a RuleSet from YAML text in a test; fails the test on any diagnostic.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "earshot/rule_set.h"
#include "pipeline/match/rule_reader.h"

namespace earshot::testing {

inline std::shared_ptr<const RuleSet> RulesFromYaml(const std::string& yaml) {
  std::vector<Diagnostic> diagnostics;
  std::vector<Rule> rules = ReadRuleText(yaml, "test.yaml", &diagnostics);
  auto set = RuleSet::Build(std::move(rules), RuleSetOptions{}, &diagnostics);
  for (const Diagnostic& d : diagnostics) ADD_FAILURE() << d.ToString();
  return set.ok() ? *set : nullptr;
}

}  // namespace earshot::testing
