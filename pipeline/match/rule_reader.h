// Reads rule-pack YAML into Rule drafts, collecting a Diagnostic for every
// problem (unknown keys, wrong types, bad values) instead of stopping at the
// first, so an author sees all mistakes in one run.
#pragma once

#include <string>
#include <vector>

#include "earshot/diagnostic.h"
#include "earshot/rule_set.h"

namespace earshot {

// Reads one file. Rules with errors are left out of the result; their
// diagnostics are appended. A YAML syntax error ends the file early.
std::vector<Rule> ReadRuleFile(const std::string& path, std::vector<Diagnostic>* diagnostics);

// Same, from text already in memory; `name` is used in diagnostics.
std::vector<Rule> ReadRuleText(const std::string& text, const std::string& name,
                               std::vector<Diagnostic>* diagnostics);

// Translates a rule term into an RE2 pattern over folded text: whole words,
// words separated by any non-letters, a trailing '*' on a word for a stem.
std::string TermToPattern(const std::string& term);

}  // namespace earshot
