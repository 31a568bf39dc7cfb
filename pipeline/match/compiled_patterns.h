// The compiled form behind RuleSet, kept out of the public header so that
// callers need not include RE2.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <vector>

#include "earshot/rule_set.h"

namespace earshot {

// The patterns over one text form, in one or more RE2::Set shards: a set
// that does not compile within its memory budget is split in two.
struct PatternShards {
  struct Shard {
    std::unique_ptr<RE2::Set> set;
    std::vector<int> global_ids;  // shard index -> RuleSet pattern id
  };
  std::vector<Shard> shards;
  // Appends the ids of every pattern matching `text` to `hit`.
  void Match(const std::string& text, std::vector<int>* hit) const;
};

struct RuleSet::Compiled {
  PatternShards words;
  PatternShards folded;
  std::vector<Pattern> patterns;         // by pattern id (deduplicated)
  std::vector<std::vector<int>> owners;  // pattern id -> rules whose evaluation it can change
  std::vector<std::unique_ptr<RE2>> near_matchers;  // by pattern id; set for near terms only
};

}  // namespace earshot
