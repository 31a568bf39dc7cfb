// rule_collector: many RuleFiles -> one consistent set of rules and macros.
//
// Merges files, rejects duplicate rule ids, list names and macro names,
// resolves "$list" and {macro: name} references (across files), and lints
// what only makes sense once everything is known: regexes that can never
// match folded text, costly patterns, rules shadowed by their exceptions.
// Errors are reported with the location of the offending reference.
#pragma once

#include <vector>

#include "earshot/diagnostic.h"
#include "earshot/rule_set.h"
#include "pipeline/match/rule_reader.h"

namespace earshot {

struct CollectedRules {
  std::vector<Rule> rules;
  std::vector<Macro> macros;
};

CollectedRules CollectRules(const std::vector<RuleFile>& files, const RuleSetOptions& options,
                            std::vector<Diagnostic>* diagnostics);

}  // namespace earshot
