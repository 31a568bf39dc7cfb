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
#include "pipeline/match/regex_starts.h"
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
  TermIndex terms;       // term patterns over the words form (all that TermToPattern makes)
  PatternShards words;   // any other pattern over the words form
  RegexStarts starts;    // regexes over the folded form tried at their start words
  PatternShards folded;  // every other regex
  std::vector<Pattern> patterns;         // by pattern id (deduplicated)
  std::vector<std::vector<int>> owners;  // pattern id -> rules whose evaluation it can change
  std::vector<std::unique_ptr<RE2>> near_matchers;  // by pattern id; set for near terms only
};

// Per-thread buffers for RuleSet::Match, reused from post to post (and
// from RuleSet to RuleSet after a reload). "Has pattern p fired?" must be
// cheap because every candidate rule asks it for each item: a stamp per
// pattern id equal to this post's generation means yes, and bumping the
// generation clears every stamp at once.
struct RuleSet::MatchScratch {
  std::vector<int> raw;                   // ids as the sets report them (maybe twice)
  std::vector<int> hit;                   // distinct pattern ids that matched
  std::vector<int> indices;               // one shard's RE2::Set::Match output
  std::vector<uint32_t> regexes_matched;  // RegexStarts::Match scratch
  std::vector<int> candidates;            // rule indices, sorted
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
