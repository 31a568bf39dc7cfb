// BacktrackRegex: a small matcher for the plain part of RE2's syntax that
// rule regexes use, tried at one place in a text.
//
// RegexPrefilter tries a regex anchored at each place its leading literals
// occur (leading_literals.h). Through RE2 each such try costs about 600
// instructions before the first byte is read (the DFA's cache lock, its
// start state, the search set-up), and most tries fail within a few
// bytes. This matcher reads the same regex into a short program of byte,
// class and split instructions and runs it by backtracking from the given
// place, which costs a few instructions a byte and nothing to set up; nor
// does it build DFA states on posts it has not seen.
//
// It is exact, not a heuristic: Compile() accepts only what it implements
// with RE2's meaning (UTF-8 text, case-sensitive, "." not matching "\n",
// "\s" = [\t\n\f\r ], "\w" = [0-9A-Za-z_], "\b" between ASCII word and
// non-word bytes, negated classes matching any other code point) and
// refuses the rest (flags, "^", "$", named or non-capturing-flag groups,
// "\p", non-ASCII letters in the pattern, repetition of what can match
// empty). A try that needs more steps than its budget, or meets malformed
// UTF-8 where a class would consume it, answers kGaveUp, and the caller
// asks RE2; regex_prefilter_test.cc and the prefilter fuzzer compare every
// answer with RE2's.
//
// Thread safety: immutable after Compile(); MatchesAt() is safe
// concurrently (its stack is the caller's).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace earshot {

class BacktrackRegex {
 public:
  enum class Result { kNoMatch, kMatch, kGaveUp };

  // The program for `re`, or nullopt when `re` uses syntax this matcher
  // does not implement (the caller keeps using RE2 for it).
  static std::optional<BacktrackRegex> Compile(std::string_view re);

  // Whether some match of the regex starts at byte `at` of `text` ("\b"
  // sees the bytes before it). `stack` is the caller's reusable buffer.
  Result MatchesAt(std::string_view text, size_t at, std::vector<uint64_t>* stack) const;

  // Whether some match starts at `at` or later: MatchesAt at each place
  // whose byte the regex can start with. Gives up (kGaveUp, with the place
  // in *gave_up_at) where a try does; the caller then asks RE2 from there.
  Result Search(std::string_view text, size_t at, std::vector<uint64_t>* stack,
                size_t* gave_up_at) const;

 private:
  enum class Op : uint8_t {
    kByte,
    kLiteral,  // bytes literals_[next, next + other)
    kClass,
    kRun,       // as many bytes of class `klass` as there are, then `next` (see FindRuns)
    kDispatch,  // the branches of alternation dispatch_[klass] that the next byte allows
    kAnyButNewline,
    kSplit,
    kJump,
    kWordBoundary,
    kNotWordBoundary,
    kMatch
  };
  struct Inst {
    Op op;
    uint8_t byte = 0;    // kByte
    uint16_t klass = 0;  // kClass, kRun: index into classes_; kDispatch: into dispatch_
    int32_t next = 0;    // kSplit: the branch tried first; kJump: the target
    int32_t other = 0;   // kSplit: the branch tried second
    // kSplit: the bytes each branch can start with (indices into
    // first_bytes_), so that a branch the next byte rules out is not tried
    // and leaves nothing on the stack.
    uint16_t next_first = 0;
    uint16_t other_first = 0;
  };
  struct ByteSet {
    std::array<uint64_t, 4> bits{};
    bool Has(uint8_t b) const { return (bits[b >> 6] >> (b & 63)) & 1; }
    bool operator==(const ByteSet& o) const { return bits == o.bits; }
  };
  // A class over ASCII bytes; `non_ascii` says whether it matches every
  // code point above U+007F (negated classes and \S, \W, \D do) or none.
  struct Class {
    std::array<uint64_t, 2> ascii{};
    bool non_ascii = false;
    bool Has(uint8_t b) const { return (ascii[b >> 6] >> (b & 63)) & 1; }
  };

  friend class BacktrackCompiler;
  std::vector<Inst> program_;
  std::vector<Class> classes_;
  std::vector<ByteSet> first_bytes_;
  ByteSet start_bytes_;          // the bytes a match can start with
  bool starts_at_word_ = false;  // the program opens with "\b" and then a word byte
  std::string literals_;
  // An alternation of many branches: group_of[b] names the list of branch
  // starts whose first bytes include b, in the order written.
  struct Dispatch {
    std::array<uint8_t, 256> group_of{};
    std::vector<std::vector<int32_t>> groups;
    std::vector<int32_t> branches;  // every branch start (for the end of the text)
  };
  std::vector<Dispatch> dispatch_;
};

}  // namespace earshot
