// RegexStarts: regexes that can only match at a word start with one of a
// few known words, tried only where the post has such a word.
//
// Nearly every authored regex begins with `\b` and a word or a group of
// alternative words: `\b(kargo|paket)\w*\s+...`, `\bcharged\s+...`,
// `\b(\d+|iki|uc)\s+...`. Any match of such a regex starts at a word start
// (RE2's \b and \w are ASCII) where the text begins with one of those words
// (or with a digit, for `\d`). So instead of one unanchored RE2::Set over
// all regexes, whose DFA has to track every partial match at once and at
// 4,000 regexes no longer fits the CPU's caches, the post's word starts are
// looked up in a WordTable of those words, and each regex found is run as
// its own RE2 anchored at that word start, with the whole text as context
// so that `\b` and `^` see what precedes. A regex matches the text exactly
// when one of those anchored runs matches: the same answer as the set's.
//
// Regexes whose start ParseRegexStart cannot read (no leading `\b`, a
// top-level `|`, an optional first group, a character class, flags, ...)
// stay in the RE2::Set that runs over every post.
//
// Thread safety: immutable after Build(); Match() is safe concurrently.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/match/word_table.h"

namespace earshot {

// What every match of a regex starts with: at a word start, one of `words`
// (ASCII letters, digits, '_'), or a digit when `digit`.
struct RegexStart {
  std::vector<std::string> words;
  bool digit = false;
};

// nullopt when the pattern's start is not `\b` followed by a word, `\d`, or
// a group of alternatives that each begin so (or the pattern is anything
// this reader does not fully understand).
std::optional<RegexStart> ParseRegexStart(const std::string& re);

class RegexStarts {
 public:
  // Pattern `id` (RE2 syntax) starts with `start`.
  void Add(int id, const std::string& re, const RegexStart& start);
  // Compiles what Add() collected; `options_for(n)` gives the RE2 options
  // (memory budget) for a set of n patterns. Returns the ids of patterns it
  // could not compile within budget, for the caller's RE2::Set.
  std::vector<int> Build(const std::function<RE2::Options(size_t)>& options_for);
  size_t size() const { return ids_.size(); }

  // Appends the id of every regex matching `folded` to `hit`, once each.
  // `matched` is the caller's scratch: the regexes (indices here) found so
  // far in this text, so that none is tried again once it matched. Returns
  // how many anchored set runs ran out of DFA memory (possible misses).
  int Match(std::string_view folded, std::vector<int>* hit, std::vector<uint32_t>* matched,
            std::vector<int>* set_scratch) const;

 private:
  // The regexes listed under one start word (or under "a digit"). Tried
  // together, anchored at the word start: one RE2::Set pass when there are
  // several (many regexes may share a start, such as `\b(\d+|iki|uc)`),
  // the regex's own RE2 when alone.
  struct Group {
    std::vector<uint32_t> regexes;  // indices into ids_
    std::unique_ptr<RE2::Set> set;
    const RE2* single = nullptr;
  };
  int Try(const Group& group, std::string_view folded, size_t at, std::vector<int>* hit,
          std::vector<uint32_t>* matched, std::vector<int>* set_scratch) const;
  void Found(uint32_t r, std::vector<int>* hit, std::vector<uint32_t>* matched) const;

  std::vector<int> ids_;  // pattern id of each regex
  std::vector<std::string> patterns_;
  std::vector<std::unique_ptr<RE2>> singles_;             // by regex, for those alone in a group
  std::vector<std::pair<std::string, uint32_t>> drafts_;  // (start word, regex) until Build()
  std::vector<uint32_t> digit_drafts_;
  std::vector<Group> groups_;
  WordTable words_;  // start word -> groups_ index
  int digit_group_ = -1;
};

}  // namespace earshot
