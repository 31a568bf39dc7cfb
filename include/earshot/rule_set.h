// RuleSet: the compiled, immutable classification rules.
//
// Rules are written in YAML (docs/rules.md), read with their source
// positions, collected across files (shared `lists:` and `macros:`), checked,
// and compiled: terms and stems (docs/rules.md "Terms") into a term index
// looked up word by word over the post's words form, regexes into an
// RE2::Set over its folded text. A post is matched against every rule in one
// pass over each form; only rules whose patterns fired are then evaluated
// for all/none/near/conditions/exceptions.
//
// A RuleSet never changes after it is built; the pipeline swaps in a new one
// on reload, and workers share one through shared_ptr<const RuleSet>.
//
// Thread safety: a built RuleSet is safe for concurrent Match() and Explain().
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/diagnostic.h"
#include "earshot/status.h"
#include "earshot/verdict.h"

namespace earshot {

struct NormalizedText;

struct SourceLocation {
  std::string file;
  int line = 0;    // 1-based
  int column = 0;  // 1-based
};

// One RE2 pattern, over one of the two text forms.
struct Pattern {
  enum class Form { kWords, kFolded };
  Form form = Form::kWords;
  std::string re;       // RE2 syntax
  std::string written;  // as the author wrote it (for explanations)
  SourceLocation where;
};

// One entry of an any/all/none list.
struct MatchItem {
  enum class Kind {
    kPatterns,  // a term, a regex, or a $list: true when any alternative matches
    kNear,      // near: [a, b] within N words: a term of each side close enough
    kMacro,     // a named match block defined under `macros:`
  };
  Kind kind = Kind::kPatterns;
  std::vector<Pattern> alternatives;
  int within = 0;  // kNear: at most this many words between the two
  // kNear: alternatives[0, near_split) are side a, the rest side b. A side is
  // one term, or every term of a "$list" (near_lists[side], resolved by the
  // collector).
  size_t near_split = 1;
  std::array<std::string, 2> near_lists;
  std::string reference;  // "$name" of a list, or a macro name, as written
  int macro = -1;         // kMacro: index into RuleSet::macros() once resolved
  SourceLocation where;
  std::vector<int> pattern_ids;  // set by RuleSet::Build: one per alternative
};

struct MatchBlock {
  std::vector<MatchItem> any;   // at least one must hold (when non-empty)
  std::vector<MatchItem> all;   // every one must hold
  std::vector<MatchItem> none;  // none may hold
  bool empty() const { return any.empty() && all.empty() && none.empty(); }
};

struct Macro {
  std::string name;
  MatchBlock block;
  SourceLocation where;
};

// Conditions on the post's fields (`when:`).
struct RuleConditions {
  std::optional<int64_t> min_followers;
  std::optional<bool> verified;
  std::optional<int> max_rating;
  std::optional<int> min_rating;
};

// What conditions and filters look at, besides the text.
struct MatchContext {
  std::string lang;  // "" when unknown: rules of every language apply
  std::string channel;
  int64_t followers = 0;
  bool verified = false;
  std::optional<int> rating;
};

struct RuleTest {
  std::string text;
  bool expect_match = true;
  std::string expect_class;  // optional: the class the whole classifier must give
  MatchContext context;      // optional fields (channel, lang, rating, followers, verified)
  SourceLocation where;
};

struct Rule {
  std::string id;
  std::string description;
  std::string category;  // complaint | praise | question | neutral
  std::string topic;     // delivery, billing, outage, ... (free text)
  Priority priority = Priority::kP3;
  std::string lang = "any";  // tr | en | any
  std::vector<std::string>
      channels;  // channel names or kinds (social, review, complaint_site); empty = all
  std::vector<std::string> urgent;  // legal, safety, media, churn, fraud
  std::vector<std::string> tags;
  bool enabled = true;
  // The rule decides the class only when the post aims at a company: it
  // names something a company provides, addresses a brand account or
  // carries a star rating (see ClassifierOptions::
  // sentiment_complaint_needs_target). For rules of general words
  // ("worst", "berbat") that read the same about the weather or a match.
  bool needs_target = false;
  // A praise rule that says no problem happened ("can't fault them", "hiç
  // sorun yaşamadım", "not a single late delivery"): when it matches, the
  // problem words around it ("late delivery", "sorun") are the problem
  // denied, and complaint rules decide nothing, unless the post turns
  // negative after a contrast, says a fault is still open, carries an
  // urgent flag or low stars. Praise rules only.
  bool denies_problem = false;
  std::optional<int64_t> sla_ms;  // overrides the channel SLA for posts this rule decides
  MatchBlock match;
  MatchBlock exceptions;  // when any of these hold, the rule does not match
  RuleConditions when;
  std::vector<RuleTest> tests;
  SourceLocation where;
};

// One matched item, for `earshot explain`.
struct ItemMatch {
  std::string list;     // "any", "all", "exceptions", ...
  std::string written;  // the term, regex or reference as written
  std::string matched;  // the matched text in the normalized form
  SourceLocation where;
};

struct RuleExplanation {
  const Rule* rule = nullptr;
  bool matched = false;
  std::string why_not;  // when not matched: which condition failed
  std::vector<ItemMatch> items;
};

struct RuleSetOptions {
  // Memory budget per RE2::Set shard (bytes); 0 sizes it from the pattern
  // count. A shard that does not compile within its budget is split in two.
  int64_t max_mem_bytes = 0;
  // Lint: a pattern whose compiled program is larger than this is an error
  // (`pattern_too_costly`; config pipeline.max_pattern_program_size).
  int max_program_size = 20000;
  // More rules than this is an error (`too_many_rules`; pipeline.max_rules).
  size_t max_rules = 100000;
};

class RuleSet {
 public:
  // Builds from collected rules and macros (see rule_collector.h). On error
  // returns the diagnostics.
  static StatusOr<std::shared_ptr<const RuleSet>> Build(std::vector<Rule> rules,
                                                        std::vector<Macro> macros,
                                                        const RuleSetOptions& options,
                                                        std::vector<Diagnostic>* diagnostics);
  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  // Rules matching, in rule order.
  std::vector<const Rule*> Match(const NormalizedText& text, const MatchContext& context) const;
  // Every rule any of whose patterns fired, with what matched and, for
  // rules that did not match after all, why not; in rule order. The rules
  // whose ids are in `also` are explained even when none of their patterns
  // fired ("why did my rule not match?"); ids of no rule are ignored.
  std::vector<RuleExplanation> Explain(const NormalizedText& text, const MatchContext& context,
                                       const std::vector<std::string>& also = {}) const;

  const std::vector<Rule>& rules() const { return rules_; }
  const std::vector<Macro>& macros() const { return macros_; }
  // A short hash of the compiled patterns: changes whenever the rules do.
  const std::string& version() const { return version_; }
  size_t shard_count() const;
  size_t pattern_count() const;

  // Matches where RE2's DFA ran out of memory (RE2 then reports no match, so
  // these are possible misses). Process-wide, for the metric.
  static uint64_t dfa_out_of_memory_total();

  // RE2::Sets and pattern -> rule maps; defined in pipeline/match, opaque here.
  struct Compiled;
  // Per-thread buffers reused from post to post; also opaque here.
  struct MatchScratch;

 private:
  RuleSet() = default;
  bool Evaluate(const MatchBlock& block, const MatchScratch& hit, const NormalizedText& text,
                std::string* why_not) const;
  bool ItemHolds(const MatchItem& item, const MatchScratch& hit, const NormalizedText& text) const;
  bool Applies(const Rule& rule, const MatchContext& context, std::string* why_not) const;
  // Ids of the patterns matching `text` (scratch->hit, stamped): what one
  // pass per set finds, so the cost follows the matches, not the number of
  // patterns.
  // `lang` is LangIndexOf's answer: only regexes of rules that can apply to
  // a post of that language run.
  void Hits(const NormalizedText& text, int32_t lang, MatchScratch* scratch) const;
  // The post's language as an index into the compiled languages: -2 when
  // unknown (rules of every language apply), -1 when no rule is written
  // for it (only "any" rules apply).
  int32_t LangIndexOf(const MatchContext& context) const;
  // Rules owning a hit pattern, sorted: scratch->hit -> scratch->candidates.
  void Candidates(MatchScratch* scratch) const;

  std::vector<Rule> rules_;
  std::vector<Macro> macros_;
  std::unique_ptr<Compiled> compiled_;
  std::string version_;
};

// Reads every *.yaml / *.yml file under each path (files or directories,
// sorted for a stable order), collects and builds a RuleSet. Every problem
// found is appended to `diagnostics` (warnings too); any error means no
// RuleSet.
StatusOr<std::shared_ptr<const RuleSet>> LoadRuleSet(const std::vector<std::string>& paths,
                                                     const RuleSetOptions& options,
                                                     std::vector<Diagnostic>* diagnostics);

// The files LoadRuleSet would read, for watching them.
std::vector<std::string> RuleFiles(const std::vector<std::string>& paths);

}  // namespace earshot
