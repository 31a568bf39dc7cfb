#include "earshot/rule_set.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <filesystem>

#include "pipeline/match/compiled_patterns.h"
#include "pipeline/match/rule_reader.h"
#include "pipeline/normalize/normalizer.h"

namespace earshot {

std::string Diagnostic::ToString() const {
  std::string out = file.empty() ? std::string("<rules>") : file;
  if (line > 0) out += ":" + std::to_string(line);
  if (line > 0 && column > 0) out += ":" + std::to_string(column);
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message;
  if (!snippet.empty()) {
    out += "\n  " + snippet + "\n  ";
    if (column > 1) out += std::string(static_cast<size_t>(column - 1), ' ');
    out += "^";
  }
  return out;
}

bool HasErrors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

void PatternSet::Match(const std::string& text, std::vector<int>* rules) const {
  if (pattern_to_rule.empty()) return;
  std::vector<int> indices;
  RE2::Set::ErrorInfo info;
  if (!set->Match(text, &indices, &info)) return;
  for (const int index : indices) rules->push_back(pattern_to_rule[static_cast<size_t>(index)]);
}

std::vector<const Rule*> RuleSet::Match(const NormalizedText& text, std::string_view lang) const {
  std::vector<int> rule_indices;
  compiled_->terms.Match(text.words, &rule_indices);
  compiled_->regexes.Match(text.folded, &rule_indices);
  std::sort(rule_indices.begin(), rule_indices.end());
  rule_indices.erase(std::unique(rule_indices.begin(), rule_indices.end()), rule_indices.end());
  std::vector<const Rule*> matched;
  for (const int i : rule_indices) {
    const Rule& rule = rules_[static_cast<size_t>(i)];
    if (!lang.empty() && rule.lang != "any" && rule.lang != lang) continue;
    matched.push_back(&rule);
  }
  return matched;
}

StatusOr<std::shared_ptr<const RuleSet>> LoadRuleSet(const std::vector<std::string>& paths,
                                                     const RuleSetOptions& options,
                                                     std::vector<Diagnostic>* diagnostics) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
        const std::string ext = entry.path().extension().string();
        if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) {
          found.push_back(entry.path().string());
        }
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
    } else {
      diagnostics->push_back(
          Diagnostic{Severity::kError, "io", path, 0, 0, "no such file or directory", ""});
    }
  }
  std::vector<Rule> rules;
  for (const std::string& file : files) {
    std::vector<Rule> more = ReadRuleFile(file, diagnostics);
    std::move(more.begin(), more.end(), std::back_inserter(rules));
  }
  if (HasErrors(*diagnostics)) return Status("rules_invalid", "rule files have errors");
  return RuleSet::Build(std::move(rules), options, diagnostics);
}

}  // namespace earshot
