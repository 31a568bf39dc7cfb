// The compiled form behind RuleSet, kept out of the public header so that
// callers need not include RE2.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "earshot/rule_set.h"
#include "pipeline/match/regex_prefilter.h"
#include "pipeline/match/term_index.h"

namespace earshot {

// The patterns over one text form, in one or more RE2::Set shards: a set
// that does not compile within its memory budget is split in two.
struct PatternShards {
  struct Shard {
    std::unique_ptr<RE2::Set> set;
    std::vector<int> global_ids;  // shard index -> RuleSet pattern id
  };
  std::vector<Shard> shards;
  // Appends the ids of every pattern matching `text` to `hit`; `scratch` is
  // the caller's reusable buffer for the shard indices.
  void Match(const std::string& text, std::vector<int>* hit, std::vector<int>* scratch) const;
};

struct RuleSet::Compiled {
  TermIndex terms;      // term patterns over the words form (all that TermToPattern makes)
  PatternShards words;  // any other pattern over the words form
  // The regexes, over the folded form. Each has a language group (indexed
  // like `langs`): its rules' language, or 0 ("any") when its rules are of
  // several languages or "any". A post whose language is known runs only
  // the regexes of its group and of group 0, as no rule of another language
  // can apply to it. Every regex runs alone, behind a literal prefilter
  // (regex_prefilter.h says why), save those nothing holds back: those go
  // in RE2::Set shards (`sets`). The shipped packs have none. Both come one
  // per group, each language's also holding group 0's regexes, so that a
  // post of a known language is scanned once, for its own language's
  // literals only, and a literal found updates its own language's clauses
  // only: the prefilter's formulas cost 13.5% less on the evaluation files
  // (docs/performance.md, twenty-seventh pass). Group 0's alone serves
  // posts of a language no rule names.
  std::vector<PatternShards> sets;  // by group
  struct AloneRegexes {
    RegexPrefilter prefilter;
    std::vector<int> ids;   // prefilter index -> pattern id
    std::vector<char> own;  // prefilter index -> 1 for this group's, 0 for group 0's copies
  };
  std::vector<AloneRegexes> alone;       // by group
  std::vector<Pattern> patterns;         // by pattern id (deduplicated)
  std::vector<std::vector<int>> owners;  // pattern id -> rules whose evaluation it can change
  std::vector<std::unique_ptr<RE2>> near_matchers;  // by pattern id; set for near terms only

  // The owners above as one flat array: pattern p's are
  // owner_ids[owner_begin[p], owner_begin[p + 1]).
  std::vector<uint32_t> owner_begin;
  std::vector<int> owner_ids;

  // Rules decided by their language and their blocks of patterns alone (no
  // conditions, channels, near or macros), which is most rules, are checked
  // from a few ints in one place instead of by walking Rule, MatchBlock and
  // MatchItem objects spread over the heap; at 10,000 rules and ~18 matches
  // a post those cache misses were most of the cost. plain_program holds,
  // per such rule, its match block, then 1 and its exceptions block when
  // they can exclude (they have an `any` or an `all`), else 0. A block is
  // the number of `any` pattern ids (-1 when it has no `any`) and the ids;
  // the number of `all` items, each item's id count and ids; the same for
  // `none`.
  struct PlainRule {
    int32_t program = -1;  // offset into plain_program; -1: evaluate the Rule
    int32_t lang = 0;      // index into langs; 0 is "any"
  };
  std::vector<PlainRule> plain;  // by rule index
  std::vector<int> plain_program;
  std::vector<std::string> langs = {"any"};  // every rule's language, "any" first
};

// Per-thread buffers for RuleSet::Match, reused from post to post (and
// from RuleSet to RuleSet after a reload). "Has pattern p fired?" must be
// cheap because every candidate rule asks it for each item: a stamp per
// pattern id equal to this post's generation means yes, and bumping the
// generation clears every stamp at once.
struct RuleSet::MatchScratch {
  std::vector<int> raw;      // ids as the sets report them (maybe twice)
  std::vector<int> hit;      // distinct pattern ids that matched
  std::vector<int> indices;  // one shard's RE2::Set::Match output
  RegexPrefilter::Scratch prefilter;
  std::vector<int> candidates;  // rule indices, sorted
  std::vector<uint32_t> pattern_stamp;
  std::vector<uint32_t> rule_stamp;
  uint32_t generation = 0;

  void Reset(size_t patterns, size_t rules) {
    raw.clear();
    hit.clear();
    candidates.clear();
    if (pattern_stamp.size() < patterns) pattern_stamp.resize(patterns, 0);
    if (rule_stamp.size() < rules) rule_stamp.resize(rules, 0);
    if (++generation == 0) {  // wrapped: old stamps could look current
      std::fill(pattern_stamp.begin(), pattern_stamp.end(), 0);
      std::fill(rule_stamp.begin(), rule_stamp.end(), 0);
      generation = 1;
    }
  }
  bool Fired(int id) const { return pattern_stamp[static_cast<size_t>(id)] == generation; }
};

}  // namespace earshot
