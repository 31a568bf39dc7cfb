// rule_reader: YAML rule files -> Rule drafts that keep their source marks.
//
// The reader checks shape and types and reports every problem it finds
// (unknown keys with a did-you-mean, wrong types, bad values) instead of
// stopping at the first, so an author sees all mistakes in one run. Only a
// YAML syntax error ends a file early. References to `lists:` and `macros:`
// are left unresolved: the collector resolves them across all files.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "earshot/diagnostic.h"
#include "earshot/rule_set.h"

namespace earshot {

struct NamedList {
  std::string name;
  std::vector<Pattern> patterns;
  SourceLocation where;
};

struct RuleFile {
  std::string path;
  std::vector<Rule> rules;
  // Every rule id read, in file order, with where its rule starts: also the
  // ids of rules left out for errors, so that a duplicate id is reported
  // even when one of the two rules has another error.
  std::vector<std::pair<std::string, SourceLocation>> rule_ids;
  // The rules left out for errors, as far as they were read: the collector
  // checks their items too (regex syntax, undefined lists and macros), so
  // that one run reports every problem, not those of the rules without
  // other errors only. They never enter a rule set.
  std::vector<Rule> rejected;
  std::vector<NamedList> lists;
  std::vector<Macro> macros;
  std::vector<std::string> lines;  // the source, for snippets in later diagnostics
};

// Reads one file. Rules with errors are left out (kept in `rejected`);
// their diagnostics appended.
RuleFile ReadRuleFile(const std::string& path, std::vector<Diagnostic>* diagnostics);

// Same, from text already in memory; `name` is used in diagnostics.
RuleFile ReadRuleText(const std::string& text, const std::string& name,
                      std::vector<Diagnostic>* diagnostics);

// Translates a rule term into an RE2 pattern over NormalizedText::words:
// whole words, separated by single spaces, a trailing '*' on a word for a
// stem (the word plus any suffix). Returns "" when nothing of the term
// survives normalization (only punctuation).
std::string TermToPattern(const std::string& term);

}  // namespace earshot
