// BacktrackRegex against RE2: wherever it answers, it must answer as RE2
// anchored at the same place does; what it does not implement it must
// refuse at Compile(), and a try that would take too long must give up.
#include "pipeline/match/backtrack_regex.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <functional>
#include <random>
#include <string>
#include <vector>

namespace earshot {
namespace {

RE2::Options Quiet() {
  RE2::Options o;
  o.set_log_errors(false);
  return o;
}

// Compares the two at every start in `text` (and once past its end).
// Returns how many tries gave up.
int CompareEverywhere(const std::string& re, const std::string& text) {
  const auto bt = BacktrackRegex::Compile(re);
  EXPECT_TRUE(bt.has_value()) << re;
  if (!bt) return 0;
  const RE2 want(re, Quiet());
  EXPECT_TRUE(want.ok()) << re;
  std::vector<uint64_t> stack;
  int gave_up = 0;
  for (size_t at = 0; at <= text.size(); ++at) {
    const BacktrackRegex::Result got = bt->MatchesAt(text, at, &stack);
    if (got == BacktrackRegex::Result::kGaveUp) {
      ++gave_up;
      continue;
    }
    const bool re2 = want.Match(text, at, text.size(), RE2::ANCHOR_START, nullptr, 0);
    EXPECT_EQ(got == BacktrackRegex::Result::kMatch, re2)
        << "regex " << re << " text '" << text << "' at " << at;
  }
  size_t from = 0;
  const BacktrackRegex::Result searched = bt->Search(text, 0, &stack, &from);
  if (searched != BacktrackRegex::Result::kGaveUp) {
    EXPECT_EQ(searched == BacktrackRegex::Result::kMatch, RE2::PartialMatch(text, want))
        << "search: regex " << re << " text '" << text << "'";
  }
  return gave_up;
}

TEST(BacktrackRegex, RefusesWhatItDoesNotImplement) {
  for (const char* re : {"(?i)iade", "^iade",   "iade$",  "\\pL+",       "\\p{Greek}", "çok",
                         "(?P<x>a)", "(a*)*",   "(a|)+b", "[[:alpha:]]", "\\x41",      "\\Aa",
                         "a\\z",     "\\Q.\\E", "a{2",    "a**",         "\\1",        "[ç]",
                         "a{1000}",  "a{0,09}" /* text to RE2, not a count */}) {
    EXPECT_FALSE(BacktrackRegex::Compile(re).has_value()) << re;
  }
}

TEST(BacktrackRegex, AnswersAsRe2OnRuleShapedRegexes) {
  const std::vector<std::string> regexes = {
      R"(\b(order|parcel|package)s?\s+(is|was)\s+late)",
      R"(\bkargo\s+(\S+\s+){0,2}gelmedi\b)",
      R"(\b(has|have)\s*n.?t\s+(arrived|come|shown\s+up|been\s+delivered))",
      R"(\b(iade|para)\w*\s+(\S+\s+)?yapilmadi)",
      R"(\b(\d+|iki|uc)\s+(gundur|saattir)\b)",
      R"(\bwhere\s*(.?s|\s+is)\s+my\s+(refund|money))",
      R"(\b(yapil|yansi|oden|iade\s+edil)((ma|me)(di|mis)|(mi|mu)yor)\w*)",
      R"(\b(again|seriously)\s*\?\s*\?)",
      R"([^a-z\s]{2,}|\bx\B)",
      R"(\b\d+([.,]\d+)?\s*(tl|lira)\b)",
      R"(a.c|a\.c|[-a\]]+z)",
      R"(\b(a|b|c|d|e|ab|abc)+\b)",
      R"((?:\W+|\s)end\b)",
      R"(\b(?:x{2,3}|y{0,2}z){1,2}\b)",
  };
  const std::vector<std::string> texts = {
      "my order is late, the parcel was late too",
      "kargo hala gelmedi ve kargo bir iki uc gelmedi",
      "it hasnt arrived, has n't come, have not shown up",
      "iadem yapilmadi, para da hic yapilmadi",
      "3 gundur bekliyorum, iki saattir, 12gundur",
      "where's my refund? where is my money",
      "yapilmadi yansimiyor odenmemis iade edilmedi",
      "again?? seriously ? ?",
      "ab..cd !! x xy a.c abc a-]z",
      "100 tl, 3,50lira, 7.5 tl",
      "çok kötü ürün 😡\ncannot end\tend ... end",
      "abc ab a e d cab",
      "xx xxxz yyz z xxxxx",
      "",
  };
  int gave_up = 0;
  for (const std::string& re : regexes) {
    for (const std::string& text : texts) gave_up += CompareEverywhere(re, text);
  }
  EXPECT_EQ(gave_up, 0);
}

TEST(BacktrackRegex, NonAsciiTextIsOneCodePointForDotAndNegatedClasses) {
  // "ç" is two bytes: "." and [^a] take both, "\w" and [a-z] neither.
  for (const std::string re : {"a.b", "a[^x]b", "a\\Wb", "a\\Sb", "a\\wb", "a[a-z]b", "a..b"}) {
    CompareEverywhere(re, "açb aab a😀b a\nb");
  }
  // A try at the second byte of "ç": nothing starts a code point there.
  CompareEverywhere("\\W", "ç");
  // Malformed UTF-8 where a class would consume it: give up, RE2 decides.
  const auto bt = BacktrackRegex::Compile("a.b");
  ASSERT_TRUE(bt.has_value());
  std::vector<uint64_t> stack;
  EXPECT_EQ(bt->MatchesAt(std::string("a\xC3(b"), 0, &stack), BacktrackRegex::Result::kGaveUp);
  EXPECT_EQ(bt->MatchesAt(std::string("a\xED\xA0\x80"
                                      "b"),
                          0, &stack),
            BacktrackRegex::Result::kGaveUp);  // a surrogate
}

TEST(BacktrackRegex, GivesUpInsteadOfBacktrackingForever) {
  const auto bt = BacktrackRegex::Compile("(a|aa)+(a|aa)+(a|aa)+c");
  ASSERT_TRUE(bt.has_value());
  std::vector<uint64_t> stack;
  EXPECT_EQ(bt->MatchesAt(std::string(60, 'a'), 0, &stack), BacktrackRegex::Result::kGaveUp);
  EXPECT_EQ(bt->MatchesAt("aaac", 0, &stack), BacktrackRegex::Result::kMatch);
}

// Random regexes from the syntax it implements, on random texts of
// letters, spaces, marks, a newline and a two-byte letter.
TEST(BacktrackRegex, AnswersAsRe2OnRandomRegexesAndTexts) {
  std::mt19937 rng(20261201);
  auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(rng)];
  };
  const std::vector<std::string> atoms = {"a",   "b",   "ab", "\\s",     "\\S",   "\\w",
                                          "\\W", "\\d", ".",  "[ab]",    "[^a ]", "\\b",
                                          "\\B", "\\.", "c",  "[a-c\\d]"};
  const std::vector<std::string> quantifiers = {"", "", "", "?", "*", "+", "{1,2}", "{0,2}", "{2}"};
  std::function<std::string(int)> regex = [&](int depth) {
    std::string out;
    const int items = std::uniform_int_distribution<int>(1, 4)(rng);
    for (int i = 0; i < items; ++i) {
      std::string atom;
      if (depth < 2 && rng() % 4 == 0) {
        atom = "(" + regex(depth + 1) + "|" + regex(depth + 1) + ")";
      } else {
        atom = pick(atoms);
      }
      const bool assertion = atom == "\\b" || atom == "\\B";
      out += atom + (assertion ? "" : pick(quantifiers));
    }
    return out;
  };
  const std::vector<std::string> pieces = {"a", "b",  "c", " ", "ab", ".",
                                           "1", "\n", "ç", "-", "  "};
  int compared = 0;
  int gave_up = 0;
  for (int round = 0; round < 1500; ++round) {
    const std::string re = regex(0);
    if (!BacktrackRegex::Compile(re).has_value()) continue;  // e.g. a loop over what may be empty
    std::string text;
    const int length = std::uniform_int_distribution<int>(0, 12)(rng);
    for (int i = 0; i < length; ++i) text += pick(pieces);
    gave_up += CompareEverywhere(re, text);
    ++compared;
  }
  EXPECT_GT(compared, 1000);
  // Nested repeats ("((\\S|a)+b*)+") can exceed the step budget on a
  // text that does not match; those few tries go to RE2.
  EXPECT_LT(gave_up, compared / 100);
}

}  // namespace
}  // namespace earshot
