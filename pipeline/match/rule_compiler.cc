// RuleSet::Build: deduplicates every pattern, compiles them into RE2::Set
// shards per text form, and records which rules each pattern can affect.
#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "earshot/rule_set.h"
#include "pipeline/match/compiled_patterns.h"

namespace earshot {
namespace {

RE2::Options SetOptions(int64_t max_mem) {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);  // errors come back to us as values
  o.set_max_mem(max_mem);
  return o;
}

// The budget grows with the pattern count: RE2's default 8 MiB is sized for
// one regex, and a set whose DFA runs out of memory matches nothing.
int64_t BudgetFor(size_t patterns, const RuleSetOptions& options) {
  if (options.max_mem_bytes > 0) return options.max_mem_bytes;
  // Measured (docs/performance.md): 16 KiB per pattern left a 4k-regex set
  // thrashing its DFA cache at 50x the cost; 64 KiB keeps it warm. The
  // budget is a ceiling, allocated only as the DFA grows.
  const int64_t bytes = (int64_t{8} << 20) + static_cast<int64_t>(patterns) * 64 * 1024;
  return std::min<int64_t>(bytes, int64_t{1} << 30);
}

// Each prefiltered regex runs alone, so RE2's default budget for one regex
// is the right size.
constexpr int64_t kRegexMaxMem = int64_t{8} << 20;

// Compiles `ids` into shards, splitting any that do not fit. Returns false
// only when a single pattern does not fit on its own.
bool CompileShards(const std::vector<Pattern>& patterns, const std::vector<int>& ids,
                   const RuleSetOptions& options, PatternShards* out, std::string* error) {
  if (ids.empty()) return true;
  PatternShards::Shard shard;
  shard.set =
      std::make_unique<RE2::Set>(SetOptions(BudgetFor(ids.size(), options)), RE2::UNANCHORED);
  for (const int id : ids) {
    std::string add_error;
    if (shard.set->Add(patterns[static_cast<size_t>(id)].re, &add_error) < 0) {
      *error = add_error;
      return false;  // the collector checked each pattern; this is a surprise
    }
    shard.global_ids.push_back(id);
  }
  if (shard.set->Compile()) {
    out->shards.push_back(std::move(shard));
    return true;
  }
  if (ids.size() == 1) {
    *error = "pattern '" + patterns[static_cast<size_t>(ids[0])].written +
             "' does not compile within its memory budget";
    return false;
  }
  const auto middle = ids.begin() + static_cast<std::ptrdiff_t>(ids.size() / 2);
  return CompileShards(patterns, std::vector<int>(ids.begin(), middle), options, out, error) &&
         CompileShards(patterns, std::vector<int>(middle, ids.end()), options, out, error);
}

class Indexer {
 public:
  explicit Indexer(RuleSet::Compiled* c) : c_(c) {}

  int Id(const Pattern& p) {
    const auto key = std::make_pair(p.form, p.re);
    if (const auto it = ids_.find(key); it != ids_.end()) return it->second;
    const int id = static_cast<int>(c_->patterns.size());
    c_->patterns.push_back(p);
    c_->owners.emplace_back();
    ids_.emplace(key, id);
    return id;
  }

  void Index(MatchBlock* block) {
    for (auto* items : {&block->any, &block->all, &block->none}) {
      for (MatchItem& item : *items) {
        item.pattern_ids.clear();
        for (const Pattern& p : item.alternatives) item.pattern_ids.push_back(Id(p));
        if (item.kind == MatchItem::Kind::kNear)
          near_.insert(item.pattern_ids.begin(), item.pattern_ids.end());
      }
    }
  }

  const std::set<int>& near() const { return near_; }

 private:
  RuleSet::Compiled* c_;
  std::map<std::pair<Pattern::Form, std::string>, int> ids_;
  std::set<int> near_;
};

// Every pattern id a block can consult, following macros.
void CollectIds(const MatchBlock& block, const std::vector<Macro>& macros, std::set<int>* ids,
                std::set<int>* macros_seen) {
  for (const auto* items : {&block.any, &block.all, &block.none}) {
    for (const MatchItem& item : *items) {
      ids->insert(item.pattern_ids.begin(), item.pattern_ids.end());
      if (item.macro >= 0 && macros_seen->insert(item.macro).second) {
        CollectIds(macros[static_cast<size_t>(item.macro)].block, macros, ids, macros_seen);
      }
    }
  }
}

void FlattenOwners(RuleSet::Compiled* c) {
  c->owner_begin.reserve(c->owners.size() + 1);
  for (const std::vector<int>& rules : c->owners) {
    c->owner_begin.push_back(static_cast<uint32_t>(c->owner_ids.size()));
    c->owner_ids.insert(c->owner_ids.end(), rules.begin(), rules.end());
  }
  c->owner_begin.push_back(static_cast<uint32_t>(c->owner_ids.size()));
}

// Index of `lang` in c->langs, added when new.
int32_t LangIndex(const std::string& lang, RuleSet::Compiled* c) {
  const auto it = std::find(c->langs.begin(), c->langs.end(), lang);
  if (it == c->langs.end()) c->langs.push_back(lang);
  return static_cast<int32_t>(std::find(c->langs.begin(), c->langs.end(), lang) - c->langs.begin());
}

// The regex group (compiled_patterns.h) pattern `id` goes to: its owners'
// language when they share one, else 0.
size_t GroupOf(int id, const std::vector<int32_t>& rule_lang, const RuleSet::Compiled& c) {
  const auto from = c.owner_begin[static_cast<size_t>(id)];
  const auto to = c.owner_begin[static_cast<size_t>(id) + 1];
  if (from == to) return 0;
  const int32_t lang = rule_lang[static_cast<size_t>(c.owner_ids[from])];
  for (auto o = from + 1; o < to; ++o) {
    if (rule_lang[static_cast<size_t>(c.owner_ids[o])] != lang) return 0;
  }
  return static_cast<size_t>(lang);
}

// Puts the folded-form regexes `ids` in c->alone, the prefilters (one per
// language group, each language's also holding group 0's), save those
// that nothing holds back (no atom, leading literal or mark), which would
// search every post on their own: unless they step over words or are
// anchored to an end (RunsAlone), those go to *set_ids by language group,
// to share one RE2::Set scan. Rule lint reports them all.
bool BuildPrefilters(const std::vector<int>& ids, const std::vector<int32_t>& rule_lang,
                     RuleSet::Compiled* c, std::vector<std::vector<int>>* set_ids,
                     std::string* error) {
  auto build = [&](const std::vector<int>& members) {
    c->alone.clear();
    c->alone.resize(c->langs.size());
    for (size_t g = 0; g < c->langs.size(); ++g) {
      RuleSet::Compiled::AloneRegexes& alone = c->alone[g];
      auto add = [&](size_t from) {
        for (const int id : members) {
          if (GroupOf(id, rule_lang, *c) != from) continue;
          alone.ids.push_back(id);
          alone.own.push_back(from == g ? 1 : 0);
        }
      };
      add(g);
      if (g > 0) add(0);
      std::vector<std::string> regexes;
      regexes.reserve(alone.ids.size());
      for (const int id : alone.ids) regexes.push_back(c->patterns[static_cast<size_t>(id)].re);
      if (!alone.prefilter.Build(regexes, SetOptions(kRegexMaxMem), error)) return false;
    }
    return true;
  };
  if (!build(ids)) return false;
  // What holds a regex back is known once a prefilter has read it: look
  // in its own group's.
  std::vector<int> held;
  for (const RuleSet::Compiled::AloneRegexes& alone : c->alone) {
    for (size_t i = 0; i < alone.ids.size(); ++i) {
      if (alone.own[i] == 0) continue;
      const int id = alone.ids[i];
      if (alone.prefilter.runs_on_every_text(static_cast<int>(i)) &&
          !RunsAlone(c->patterns[static_cast<size_t>(id)].re)) {
        (*set_ids)[GroupOf(id, rule_lang, *c)].push_back(id);
      } else {
        held.push_back(id);
      }
    }
  }
  return held.size() == ids.size() || build(held);
}

// Appends a block (any, all, none) to a plain program.
void AppendPlainBlock(const MatchBlock& block, std::vector<int>* program) {
  // Some `any` item holds when any id of any of them fired.
  const size_t any_count = program->size();
  program->push_back(block.any.empty() ? -1 : 0);
  for (const MatchItem& item : block.any) {
    program->insert(program->end(), item.pattern_ids.begin(), item.pattern_ids.end());
  }
  if (!block.any.empty()) {
    (*program)[any_count] = static_cast<int>(program->size() - any_count - 1);
  }
  for (const auto* items : {&block.all, &block.none}) {
    program->push_back(static_cast<int>(items->size()));
    for (const MatchItem& item : *items) {
      program->push_back(static_cast<int>(item.pattern_ids.size()));
      program->insert(program->end(), item.pattern_ids.begin(), item.pattern_ids.end());
    }
  }
}

// The rule as a plain program (compiled_patterns.h), or program -1 when
// anything besides its language and its blocks of patterns decides it.
RuleSet::Compiled::PlainRule PlainRuleOf(const Rule& rule, RuleSet::Compiled* c) {
  RuleSet::Compiled::PlainRule plain;
  const RuleConditions& w = rule.when;
  if (!rule.enabled || !rule.channels.empty() || w.min_followers || w.verified || w.max_rating ||
      w.min_rating) {
    return plain;
  }
  for (const MatchBlock* block : {&rule.match, &rule.exceptions}) {
    for (const auto* items : {&block->any, &block->all, &block->none}) {
      for (const MatchItem& item : *items) {
        if (item.kind != MatchItem::Kind::kPatterns) return plain;
      }
    }
  }
  plain.lang = LangIndex(rule.lang, c);
  std::vector<int>& program = c->plain_program;
  plain.program = static_cast<int32_t>(program.size());
  AppendPlainBlock(rule.match, &program);
  // Exceptions exclude only when they have an `any` or `all` (RuleSet::Match).
  const bool excludes = !rule.exceptions.any.empty() || !rule.exceptions.all.empty();
  program.push_back(excludes ? 1 : 0);
  if (excludes) AppendPlainBlock(rule.exceptions, &program);
  return plain;
}

}  // namespace

RuleSet::~RuleSet() = default;

StatusOr<std::shared_ptr<const RuleSet>> RuleSet::Build(std::vector<Rule> rules,
                                                        std::vector<Macro> macros,
                                                        const RuleSetOptions& options,
                                                        std::vector<Diagnostic>* diagnostics) {
  std::shared_ptr<RuleSet> set(new RuleSet());
  set->compiled_ = std::make_unique<Compiled>();
  set->rules_ = std::move(rules);
  set->macros_ = std::move(macros);
  Compiled& c = *set->compiled_;
  Indexer indexer(&c);
  for (Macro& macro : set->macros_) indexer.Index(&macro.block);
  std::string fingerprint;  // ids and patterns of enabled rules, hashed into version()
  for (Rule& rule : set->rules_) {
    indexer.Index(&rule.match);
    indexer.Index(&rule.exceptions);
  }
  for (size_t r = 0; r < set->rules_.size(); ++r) {
    const Rule& rule = set->rules_[r];
    std::set<int> ids;
    std::set<int> seen;
    // Only positive items make a rule a candidate; none/exception items can
    // only remove it, so they need not wake it up.
    MatchBlock positive;
    positive.any = rule.match.any;
    positive.all = rule.match.all;
    CollectIds(positive, set->macros_, &ids, &seen);
    for (const int id : ids) c.owners[static_cast<size_t>(id)].push_back(static_cast<int>(r));
    std::set<int> all_ids;
    std::set<int> all_seen;
    CollectIds(rule.match, set->macros_, &all_ids, &all_seen);
    CollectIds(rule.exceptions, set->macros_, &all_ids, &all_seen);
    // Everything that changes what the rule does, so version() moves with it.
    fingerprint.append(rule.id)
        .append(rule.enabled ? "+" : "-")
        .append(rule.needs_target ? "t" : "")
        .append(rule.denies_problem ? "d" : "")
        .append(1, '\0');
    for (const std::string* field : {&rule.category, &rule.topic, &rule.lang}) {
      fingerprint.append(*field).append(1, '\0');
    }
    fingerprint.append(PriorityName(rule.priority)).append(1, '\0');
    for (const auto* list : {&rule.channels, &rule.urgent, &rule.tags}) {
      for (const std::string& s : *list) fingerprint.append(s).append(1, ',');
      fingerprint.append(1, '\0');
    }
    fingerprint.append(std::to_string(rule.sla_ms.value_or(-1))).append(1, '\0');
    fingerprint.append(std::to_string(rule.when.min_followers.value_or(-1)))
        .append(rule.when.verified ? (*rule.when.verified ? "v" : "u") : "-")
        .append(std::to_string(rule.when.max_rating.value_or(0)))
        .append(std::to_string(rule.when.min_rating.value_or(0)))
        .append(1, '\0');
    for (const int id : all_ids)
      fingerprint.append(c.patterns[static_cast<size_t>(id)].re).append(1, '\0');
    // near's sides and distance change matches without changing patterns.
    for (const MatchBlock* block : {&rule.match, &rule.exceptions}) {
      for (const auto* items : {&block->any, &block->all, &block->none}) {
        for (const MatchItem& item : *items) {
          if (item.kind != MatchItem::Kind::kNear) continue;
          fingerprint.append(std::to_string(item.within))
              .append(1, '/')
              .append(std::to_string(item.near_split))
              .append(1, '\0');
        }
      }
    }
  }
  FlattenOwners(&c);
  for (const Rule& rule : set->rules_) c.plain.push_back(PlainRuleOf(rule, &c));
  std::vector<int32_t> rule_lang;
  for (const Rule& rule : set->rules_) rule_lang.push_back(LangIndex(rule.lang, &c));
  std::vector<int> word_ids;
  std::vector<std::vector<int>> set_ids(c.langs.size());
  // Every regex over the folded form runs alone, behind the literal
  // prefilter (regex_prefilter.h says why), unless nothing holds it back:
  // see below.
  std::vector<int> folded_ids;
  for (size_t id = 0; id < c.patterns.size(); ++id) {
    const Pattern& p = c.patterns[id];
    if (p.form == Pattern::Form::kFolded) {
      folded_ids.push_back(static_cast<int>(id));
    } else if (const std::optional<TermShape> shape = ParseTermPattern(p.re)) {
      c.terms.Add(static_cast<int>(id), *shape);  // looked up word by word
    } else {
      word_ids.push_back(static_cast<int>(id));
    }
  }
  c.terms.Build();
  std::string error;
  bool ok = BuildPrefilters(folded_ids, rule_lang, &c, &set_ids, &error) &&
            CompileShards(c.patterns, word_ids, options, &c.words, &error);
  // A post of a known language should scan one set, not two: the regexes
  // of group 0 ("any") are compiled into every language's set as well, and
  // set 0 alone is kept for posts of a language no rule names.
  c.sets.resize(c.langs.size());
  for (size_t g = 0; ok && g < c.langs.size(); ++g) {
    std::vector<int> ids = set_ids[g];
    if (g > 0) ids.insert(ids.end(), set_ids[0].begin(), set_ids[0].end());
    ok = CompileShards(c.patterns, ids, options, &c.sets[g], &error);
  }
  if (!ok) {
    diagnostics->push_back(Diagnostic{Severity::kError, "rules_too_large", "", 0, 0, error, ""});
    return Status("rules_too_large", error);
  }
  // A regex that the literal prefilter cannot hold back runs on nearly
  // every post (or, held back by nothing at all, in a set that reads every
  // post): one such regex cost 3% of classifying the evaluation files
  // (docs/rules.md, "Keep a gap regex's alternations short"). One anchored
  // to an end of the text is tried at that end only, which costs little on
  // every post.
  std::vector<int> unfiltered;
  for (const RuleSet::Compiled::AloneRegexes& alone : c.alone) {
    for (size_t i = 0; i < alone.ids.size(); ++i) {
      if (alone.own[i] != 0 && alone.prefilter.weakly_filtered(static_cast<int>(i))) {
        unfiltered.push_back(alone.ids[i]);
      }
    }
  }
  for (const std::vector<int>& ids : set_ids)
    unfiltered.insert(unfiltered.end(), ids.begin(), ids.end());
  std::sort(unfiltered.begin(), unfiltered.end());
  for (const int id : unfiltered) {
    const Pattern& p = c.patterns[static_cast<size_t>(id)];
    if (AnchoredToAnEnd(p.re)) continue;
    diagnostics->push_back(Diagnostic{
        Severity::kWarning, "pattern_unfiltered", p.where.file, p.where.line, p.where.column,
        "no literal holds this regex back: it needs none, or any one of many, so it runs on "
        "nearly every post; split a long alternation into several regexes, or add a word "
        "every match must contain",
        ""});
  }
  c.near_matchers.resize(c.patterns.size());
  for (const int id : indexer.near()) {
    c.near_matchers[static_cast<size_t>(id)] =
        std::make_unique<RE2>(c.patterns[static_cast<size_t>(id)].re, SetOptions(8 << 20));
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(fingerprint.data(), fingerprint.size(), digest, &length, EVP_sha256(), nullptr);
  char hex[13];
  for (size_t i = 0; i < 6; ++i) std::snprintf(hex + 2 * i, 3, "%02x", digest[i]);
  set->version_ = hex;
  return std::shared_ptr<const RuleSet>(std::move(set));
}

size_t RuleSet::shard_count() const {
  size_t shards = compiled_->words.shards.size();
  for (const PatternShards& set : compiled_->sets) shards += set.shards.size();
  return shards;
}

size_t RuleSet::pattern_count() const { return compiled_->patterns.size(); }

}  // namespace earshot
