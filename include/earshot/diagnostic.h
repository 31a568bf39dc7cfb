// Diagnostic: one error or warning about a file a person wrote (a rule pack,
// a config), located the way compilers do: file:line:column, 1-based.
#pragma once

#include <string>
#include <vector>

namespace earshot {

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string code;  // stable, e.g. "unknown_key", "regex_syntax"
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
  std::string message;
  std::string snippet;  // the offending source line, when known

  // "file:line:col: error: message" followed, when a snippet is known, by the
  // line and a caret under the column.
  std::string ToString() const;
};

bool HasErrors(const std::vector<Diagnostic>& diagnostics);

// The candidate closest to `word` by edit distance, or "" when none is
// close enough to be a plausible typo.
std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace earshot
