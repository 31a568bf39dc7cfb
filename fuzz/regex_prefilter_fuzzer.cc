// RegexPrefilter against RE2, regex by regex: the prefilter must answer
// exactly as running every regex would. Its formulas are read back from RE2's
// FilteredRE2 by probing atom sets (regex_prefilter.h), and a formula read
// too strong would silently drop matches, so this target compares the two on
// every input. Regexes with leading literals (leading_literals.h) are tried
// only where those occur, anchored there: the seed leading_literals.txt
// holds such regexes and a text where the match starts after six other
// places its literal occurs.
//
// The prefilter tries regexes with BacktrackRegex where it can
// (backtrack_regex.h); each regex is also compared with RE2 on its own, at
// every place in the text.
//
// Input: the first line is a post's text, each further line (up to eight) a
// regex. The text is normalized as the engine does and its folded form is
// matched, as RuleSet does (the prefilter expects lowercase text).
#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/match/backtrack_regex.h"
#include "pipeline/match/regex_prefilter.h"
#include "pipeline/normalize/normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::string text;
  std::getline(in, text);
  std::vector<std::string> regexes;
  RE2::Options options;
  options.set_log_errors(false);
  for (std::string line; regexes.size() < 8 && std::getline(in, line);) {
    if (line.empty()) continue;
    const RE2 re(line, options);
    // Invalid regexes are refused by the rule collector; very large ones
    // only slow the fuzzer down.
    if (!re.ok() || re.ProgramSize() > 4000) return 0;
    regexes.push_back(line);
  }
  if (regexes.empty()) return 0;
  earshot::RegexPrefilter prefilter;
  std::string error;
  if (!prefilter.Build(regexes, options, &error)) return 0;
  for (const bool turkish : {true, false}) {
    const std::string folded = earshot::Normalize(text, turkish).folded;
    earshot::RegexPrefilter::Scratch scratch;
    std::vector<int> got;
    prefilter.Match(folded, &got, &scratch);
    std::sort(got.begin(), got.end());
    std::vector<int> want;
    for (size_t i = 0; i < regexes.size(); ++i) {
      if (RE2::PartialMatch(folded, RE2(regexes[i], options))) want.push_back(static_cast<int>(i));
    }
    std::vector<uint64_t> stack;
    for (const std::string& regex : regexes) {
      const auto backtrack = earshot::BacktrackRegex::Compile(regex);
      if (!backtrack) continue;
      const RE2 re(regex, options);
      for (size_t at = 0; at <= folded.size(); ++at) {
        const auto result = backtrack->MatchesAt(folded, at, &stack);
        if (result == earshot::BacktrackRegex::Result::kGaveUp) continue;
        if ((result == earshot::BacktrackRegex::Result::kMatch) !=
            re.Match(folded, at, folded.size(), RE2::ANCHOR_START, nullptr, 0)) {
          std::fprintf(stderr, "BacktrackRegex and RE2 disagree on '%s' at %zu: %s\n",
                       folded.c_str(), at, regex.c_str());
          __builtin_trap();
        }
      }
    }
    if (got != want) {
      std::fprintf(stderr, "prefilter and RE2 disagree on '%s'\n", folded.c_str());
      for (size_t i = 0; i < regexes.size(); ++i)
        std::fprintf(stderr, "  %zu: %s\n", i, regexes[i].c_str());
      __builtin_trap();
    }
  }
  return 0;
}
