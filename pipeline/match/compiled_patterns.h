// The compiled form behind RuleSet: kept out of the public header so that
// callers need not include RE2.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <vector>

#include "earshot/rule_set.h"

namespace earshot {

// One RE2::Set per text form: terms run over NormalizedText::words, authors'
// regexes over NormalizedText::folded.
struct PatternSet {
  std::unique_ptr<RE2::Set> set;
  std::vector<int> pattern_to_rule;  // RE2::Set index -> index in rules_
  // Adds the rule's matching set indices to `rules`.
  void Match(const std::string& text, std::vector<int>* rules) const;
};

struct RuleSet::Compiled {
  PatternSet terms;
  PatternSet regexes;
};

}  // namespace earshot
