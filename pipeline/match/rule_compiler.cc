// RuleSet::Build: compiles every rule pattern into two RE2::Sets (terms,
// regexes), so matching a post is two passes whatever the rule count.
#include <openssl/evp.h>

#include <cstdio>
#include <unordered_map>

#include "earshot/rule_set.h"
#include "pipeline/match/compiled_patterns.h"

namespace earshot {
namespace {

RE2::Options SetOptions(const RuleSetOptions& options) {
  RE2::Options re_options;
  re_options.set_encoding(RE2::Options::EncodingUTF8);
  re_options.set_log_errors(false);  // errors come back to us as values
  re_options.set_max_mem(options.max_mem_bytes);
  return re_options;
}

}  // namespace

RuleSet::~RuleSet() = default;

StatusOr<std::shared_ptr<const RuleSet>> RuleSet::Build(std::vector<Rule> rules,
                                                        const RuleSetOptions& options,
                                                        std::vector<Diagnostic>* diagnostics) {
  std::shared_ptr<RuleSet> set(new RuleSet());
  set->compiled_ = std::make_unique<Compiled>();
  Compiled& c = *set->compiled_;
  c.terms.set = std::make_unique<RE2::Set>(SetOptions(options), RE2::UNANCHORED);
  c.regexes.set = std::make_unique<RE2::Set>(SetOptions(options), RE2::UNANCHORED);
  std::unordered_map<std::string, const Rule*> ids;
  bool failed = false;
  std::string fingerprint;  // every rule id and pattern, hashed into version()
  for (size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    if (const auto [it, inserted] = ids.emplace(rule.id, &rule); !inserted) {
      diagnostics->push_back(Diagnostic{Severity::kError, "duplicate_id", rule.file, rule.line, 1,
                                        "duplicate rule id '" + rule.id + "' (first defined at " +
                                            it->second->file + ":" +
                                            std::to_string(it->second->line) + ")",
                                        ""});
      failed = true;
      continue;
    }
    for (auto [patterns, target] :
         {std::pair{&rule.terms, &c.terms}, std::pair{&rule.regexes, &c.regexes}}) {
      for (const std::string& pattern : *patterns) {
        std::string error;
        if (target->set->Add(pattern, &error) < 0) {
          diagnostics->push_back(
              Diagnostic{Severity::kError, "regex_syntax", rule.file, rule.line, 1,
                         "rule '" + rule.id + "': bad pattern '" + pattern + "': " + error, ""});
          failed = true;
          continue;
        }
        target->pattern_to_rule.push_back(static_cast<int>(i));
        fingerprint.append(rule.id).append(1, '\0').append(pattern).append(1, '\0');
      }
    }
  }
  if (failed) return Status("rules_invalid", "rule set has errors");
  for (PatternSet* patterns : {&c.terms, &c.regexes}) {
    // RE2::Set will not compile with no patterns; an empty set simply never matches.
    if (!patterns->pattern_to_rule.empty() && !patterns->set->Compile()) {
      diagnostics->push_back(Diagnostic{Severity::kError, "rules_too_large", "", 0, 0,
                                        "the rule set does not fit in max_mem (" +
                                            std::to_string(options.max_mem_bytes) + " bytes)",
                                        ""});
      return Status("rules_too_large", "rule set does not compile within its memory budget");
    }
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(fingerprint.data(), fingerprint.size(), digest, &length, EVP_sha256(), nullptr);
  char hex[13];
  for (int i = 0; i < 6; ++i) std::snprintf(hex + 2 * i, 3, "%02x", digest[i]);
  set->version_ = hex;
  set->rules_ = std::move(rules);
  return std::shared_ptr<const RuleSet>(std::move(set));
}

}  // namespace earshot
