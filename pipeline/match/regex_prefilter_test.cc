// LiteralScanner, SkipsOverText and RegexPrefilter: the prefiltered path
// must give exactly the answers RE2 gives regex by regex.
#include "pipeline/match/regex_prefilter.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/match/literal_scanner.h"

namespace earshot {
namespace {

std::vector<int> Scan(const LiteralScanner& scanner, const std::string& text) {
  std::vector<int> found;
  std::vector<char> seen;
  scanner.Scan(text, &found, &seen);
  std::sort(found.begin(), found.end());
  EXPECT_TRUE(std::none_of(seen.begin(), seen.end(), [](char c) { return c != 0; }));
  return found;
}

TEST(LiteralScanner, FindsOverlappingAndNestedLiteralsOnceEach) {
  LiteralScanner scanner;
  ASSERT_TRUE(scanner.Build({"he", "she", "his", "hers"}));
  EXPECT_EQ(Scan(scanner, "ushers"), (std::vector<int>{0, 1, 3}));
  EXPECT_EQ(Scan(scanner, "he he he"), (std::vector<int>{0}));
  EXPECT_EQ(Scan(scanner, "this"), (std::vector<int>{2}));
  EXPECT_EQ(Scan(scanner, "hs"), (std::vector<int>{}));
  EXPECT_EQ(Scan(scanner, ""), (std::vector<int>{}));
}

TEST(LiteralScanner, KeepsWhatItSawWhenAsked) {
  LiteralScanner scanner;
  ASSERT_TRUE(scanner.Build({"he", "she", "his", "hers"}));
  std::vector<int> found;
  std::vector<char> seen;
  scanner.Scan("ushers", &found, &seen, nullptr, /*keep_seen=*/true);
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen, (std::vector<char>{1, 1, 0, 1}));
  for (const int id : found) seen[static_cast<size_t>(id)] = 0;
  found.clear();
  scanner.Scan("this", &found, &seen);
  EXPECT_EQ(found, (std::vector<int>{2}));
  EXPECT_EQ(seen, (std::vector<char>{0, 0, 0, 0}));
}

TEST(LiteralScanner, AsciiLettersMatchInEitherCaseOtherBytesExactly) {
  LiteralScanner scanner;
  ASSERT_TRUE(scanner.Build({"iade", "çok", "100%"}));
  EXPECT_EQ(Scan(scanner, "IADE edin"), (std::vector<int>{0}));
  EXPECT_EQ(Scan(scanner, "ÇOK"), (std::vector<int>{}));  // not ASCII: exact bytes only
  EXPECT_EQ(Scan(scanner, "çok kötü, 100% memnun değilim"), (std::vector<int>{1, 2}));
}

// Scan() runs two lanes over the halves of a long text; a literal across
// the middle, at either end or inside the overlap must still be found, and
// found once. Checked against std::string::find at every length and
// position up to well past twice the longest literal.
TEST(LiteralScanner, LiteralsAnywhereInLongTextsAreFoundAsByFind) {
  const std::vector<std::string> literals = {"abc", "kargo gelmedi", "bcd", "x", "gelme"};
  LiteralScanner scanner;
  ASSERT_TRUE(scanner.Build(literals));
  for (size_t size = 0; size <= 60; ++size) {
    for (size_t at = 0; at < size; ++at) {
      for (size_t l = 0; l < literals.size(); ++l) {
        if (literals[l].size() > size - at) continue;
        std::string text(size, '.');
        text.replace(at, literals[l].size(), literals[l]);
        std::vector<int> expected;
        for (size_t k = 0; k < literals.size(); ++k) {
          if (text.find(literals[k]) != std::string::npos) expected.push_back(static_cast<int>(k));
        }
        EXPECT_EQ(Scan(scanner, text), expected) << "'" << text << "'";
      }
    }
  }
}

// Up to 65,536 states the table holds 16-bit entries; past that, 32-bit
// ones. Both must give find()'s answers, including for a literal that ends
// at a state numbered above 65,535.
TEST(LiteralScanner, TablesOfMoreThan65536StatesUseWideEntriesAndFindTheSame) {
  for (const size_t count : {size_t{200}, size_t{12000}}) {
    std::vector<std::string> literals;
    uint32_t seed = 7;
    auto next_letter = [&seed] {
      seed = seed * 1103515245u + 12345u;
      return static_cast<char>('a' + (seed >> 16) % 26);
    };
    for (size_t i = 0; i < count; ++i) {
      std::string literal;
      for (int k = 0; k < 8; ++k) literal.push_back(next_letter());
      literals.push_back(literal);
    }
    LiteralScanner scanner;
    ASSERT_TRUE(scanner.Build(literals));
    const bool wide = scanner.state_count() > 65536;
    EXPECT_EQ(wide, count == 12000) << scanner.state_count() << " states";
    EXPECT_EQ(scanner.table_bytes() % (wide ? 4 : 2), 0u);
    EXPECT_GE(scanner.table_bytes(), scanner.state_count() * (wide ? 4 : 2));
    // Texts quoting literals from the start, middle and end of the list
    // (the last ones added get the highest state numbers), with noise.
    for (const size_t quoted : {size_t{0}, count / 2, count - 1, count - 2}) {
      std::string text = "zz " + literals[quoted] + " q" + literals[quoted].substr(0, 5) + " ";
      for (int k = 0; k < 40; ++k) text.push_back(next_letter());
      std::vector<int> expected;
      for (size_t k = 0; k < literals.size(); ++k) {
        if (text.find(literals[k]) != std::string::npos) expected.push_back(static_cast<int>(k));
      }
      EXPECT_FALSE(expected.empty());
      EXPECT_EQ(Scan(scanner, text), expected) << text;
    }
  }
}

TEST(LiteralScanner, EmptyLiteralsAndEmptySetsMatchNothing) {
  LiteralScanner empty;
  ASSERT_TRUE(empty.Build({}));
  EXPECT_EQ(Scan(empty, "anything"), (std::vector<int>{}));
  LiteralScanner with_empty;
  ASSERT_TRUE(with_empty.Build({"", "ab"}));
  EXPECT_EQ(Scan(with_empty, "xaby"), (std::vector<int>{1}));
}

TEST(LiteralScanner, PositionalLiteralsReportEveryOccurrenceWithItsEnd) {
  LiteralScanner scanner;
  // "kargo" twice: once counted (id 0), once positional (id 2).
  ASSERT_TRUE(scanner.Build({"kargo", "gelmedi", "kargo", "go"}, 2));
  std::vector<int> found;
  std::vector<char> seen;
  std::vector<LiteralScanner::Occurrence> occurrences;
  scanner.Scan("kargo yok, KARGO gelmedi", &found, &seen, &occurrences);
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<int>{0, 1}));
  std::vector<std::pair<int, uint32_t>> got;
  got.reserve(occurrences.size());
  for (const auto& o : occurrences) got.emplace_back(o.id, o.end);
  std::sort(got.begin(), got.end());
  got.erase(std::unique(got.begin(), got.end()), got.end());  // a long text's halves overlap
  EXPECT_EQ(got, (std::vector<std::pair<int, uint32_t>>{{2, 5}, {2, 16}, {3, 5}, {3, 16}}));
  // Every occurrence in a long text, where the scan runs in two halves.
  std::string text;
  for (int k = 0; k < 40; ++k) text += "bir kargo daha ";
  occurrences.clear();
  found.clear();
  scanner.Scan(text, &found, &seen, &occurrences);
  std::vector<uint32_t> ends;
  for (const auto& o : occurrences) {
    if (o.id == 2) ends.push_back(o.end);
  }
  std::sort(ends.begin(), ends.end());
  ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
  std::vector<uint32_t> want;
  for (size_t at = text.find("kargo"); at != std::string::npos; at = text.find("kargo", at + 1)) {
    want.push_back(static_cast<uint32_t>(at + 5));
  }
  EXPECT_EQ(ends, want);
}

TEST(AnchoredToAnEnd, RegexesThatStartWithACaretOrEndWithADollar) {
  EXPECT_TRUE(AnchoredToAnEnd(R"(^(@\w+\s+)*what)"));
  EXPECT_TRUE(AnchoredToAnEnd(R"([!.]\s*$)"));
  EXPECT_TRUE(AnchoredToAnEnd(R"(x\\$)"));       // a backslash, then the end
  EXPECT_FALSE(AnchoredToAnEnd(R"(costs \$)"));  // a dollar sign
  EXPECT_FALSE(AnchoredToAnEnd(R"(\bwhat\b)"));
  EXPECT_FALSE(AnchoredToAnEnd(""));
  EXPECT_TRUE(RunsAlone(R"([!.]\s*$)"));
  EXPECT_TRUE(RunsAlone(R"(\ba\s+(\S+\s+)?b)"));
  EXPECT_FALSE(RunsAlone(R"(\b(a|b)\s+c)"));
}

TEST(SkipsOverText, BroadRepeatedClassesSkipWordsAndAlternationsDoNot) {
  for (const char* re : {R"(\bkargo\s+(\S+\s+){0,3}gelmedi)", R"(\bhas.{0,20}not)", "a.*b",
                         "[^ ]+x", "(?:.)*end", R"(\W+)", "x(a|.)+y"}) {
    EXPECT_TRUE(SkipsOverText(re)) << re;
  }
  for (const char* re :
       {R"(\b(has|have)\s*n.?t\s+(arrived|come)\b)", R"(\b(iade|para)\w*)", "x{2}y", "[.]+",
        R"(\.+)", R"(\bno\s+longer\b)", R"([^a]b)", R"(\d+\s+gun)"}) {
    EXPECT_FALSE(SkipsOverText(re)) << re;
  }
}

// The options rule regexes are compiled with, without RE2's logging.
RE2::Options QuietOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

// Builds `prefilter`; a failure is reported with RE2's error.
bool BuildOrReport(const std::vector<std::string>& regexes, const RE2::Options& options,
                   RegexPrefilter* prefilter) {
  std::string error;
  if (prefilter->Build(regexes, options, &error)) return true;
  ADD_FAILURE() << error;
  return false;
}

// The prefilter's answer for each text is exactly the regexes RE2 matches.
void ExpectSameAsRe2(const RegexPrefilter& prefilter, const std::vector<std::string>& regexes,
                     const std::vector<std::string>& texts, const RE2::Options& options) {
  RegexPrefilter::Scratch scratch;
  for (const std::string& text : texts) {
    std::vector<int> got;
    prefilter.Match(text, &got, &scratch);
    std::sort(got.begin(), got.end());
    std::vector<int> want;
    for (size_t i = 0; i < regexes.size(); ++i) {
      if (RE2::PartialMatch(text, RE2(regexes[i], options))) want.push_back(static_cast<int>(i));
    }
    EXPECT_EQ(got, want) << text;
  }
}

TEST(RegexPrefilter, AnswersExactlyAsRe2DoesRegexByRegex) {
  const std::vector<std::string> regexes = {
      R"(\bkargo\s+(\S+\s+){0,2}gelmedi\b)",  // atoms in an AND
      R"(\b(iade|para)\w*\s+(\S+\s+)?yapilmadi)",
      R"(\b\d+\s+(gundur|haftadir))",
      R"(.{0,3}x)",  // no atom of three letters: runs on every text
      R"(\bwhere\s*(.?s|\s+is)\s+my\s+(refund|money))",
      R"(\b(still|been)\s+(\S+\s+){0,3}waiting)"};
  const RE2::Options options = QuietOptions();
  RegexPrefilter prefilter;
  ASSERT_TRUE(BuildOrReport(regexes, options, &prefilter));
  EXPECT_GT(prefilter.atom_count(), 0u);
  const std::vector<std::string> texts = {"kargo hala gelmedi",       "kargo bir iki uc gelmedi",
                                          "iademi hala yapilmadi",    "paralar yapilmadi",
                                          "3 gundur bekliyorum",      "x",
                                          "where's my refund",        "where is my money",
                                          "still not waiting",        "been waiting for ages",
                                          "hic bir sey yok",          "",
                                          "kargo gelmedi, iade para", "gundur 3"};
  ExpectSameAsRe2(prefilter, regexes, texts, options);
}

// Regexes with leading literals are tried only where those occur, anchored
// there, or past six such places unanchored from the first: every case
// must still answer as RE2 over the whole text does.
TEST(RegexPrefilter, RegexesTriedWhereTheirLeadingLiteralsOccurAnswerAsRe2Does) {
  const std::vector<std::string> regexes = {
      R"((order|parcel)s?\s+(\S+\s+){0,2}late)",
      R"(kargo\w*\s+(\S+\s+)?gelmedi)",
      R"(losing|lose\s+(\S+\s+)?my\s+bag)",
      R"((you|they)\s+(\S+\s+)?lost\s+(\S+\s+)?bag|@\w+\s+(\S+\s+)?lost)",
      R"(order.{0,10}late)",  // no boundary: "reorder ... late" starts a match
      R"(^(@\w+\s+)*what.?s\s+the\s+\w+)",
      R"([!.]\s*$)",
  };
  const RE2::Options options = QuietOptions();
  RegexPrefilter prefilter;
  ASSERT_TRUE(BuildOrReport(regexes, options, &prefilter));
  std::string many;  // more than six places "order" starts, the match at the last
  for (int k = 0; k < 9; ++k) many += "order was fine. ";
  many += "order is now very late";
  std::string long_text;  // a long text, the match in its second half
  for (int k = 0; k < 30; ++k) long_text += "bugun hava guzel ";
  long_text += "kargom yine gelmedi";
  const std::vector<std::string> texts = {
      "order late",
      "my orders are very late",
      "reorder late",
      "border is late",
      "the order was not late",
      "parcel x y z late",
      "kargom hala gelmedi",
      "akargo gelmedi",
      "losing it",
      "you lose my bag",
      "they lost my bag again",
      "@airline lost it",
      "@a @b what's the size limit",
      "so what's the limit",
      "that's all.",
      "that's all. ok",
      many,
      long_text,
      "",
      "ORDER LATE",
      "order\nlate",
  };
  ExpectSameAsRe2(prefilter, regexes, texts, options);
}

TEST(RegexPrefilter, WrittenMarksARegexNeedsGateItAndOptionalOnesDoNot) {
  const std::vector<std::string> regexes = {
      R"(\b(why|what)\b[^.!]*\?)",                   // needs '?'
      R"((^|[.!?]\s*)(can|do|is)\s+\S+\b[^.!]*\?)",  // short atoms only, needs '?'
      R"(\bnasil\b[^.!]*\??)",                       // '?' optional
      R"(\b(when)\b[^.]*(\?|!))",                    // either mark will do
      R"(\bwow\s*!+)",                               // needs '!'
      R"(\bkargo\s+(\S+\s+){0,2}gelmedi\b)"};        // no mark at all
  const RE2::Options options = QuietOptions();
  RegexPrefilter prefilter;
  ASSERT_TRUE(BuildOrReport(regexes, options, &prefilter));
  EXPECT_EQ(prefilter.required_mark_count(0), 1u);
  EXPECT_EQ(prefilter.required_mark_count(1), 1u);
  EXPECT_EQ(prefilter.required_mark_count(2), 0u);
  EXPECT_EQ(prefilter.required_mark_count(3), 0u);
  EXPECT_EQ(prefilter.required_mark_count(4), 1u);
  EXPECT_EQ(prefilter.required_mark_count(5), 0u);
  const std::vector<std::string> texts = {"why is it late?",
                                          "why is it late",
                                          "what? no",
                                          "ok. can you help me?",
                                          "can you help me",
                                          "nasil olur",
                                          "nasil olur?",
                                          "when will it come!",
                                          "when will it come",
                                          "wow!!",
                                          "wow",
                                          "kargo hala gelmedi?",
                                          "?",
                                          "",
                                          "is it?"};
  ExpectSameAsRe2(prefilter, regexes, texts, options);
}

// Each regex's formula is read back from RE2, as its minimal atom sets
// (terms) or as clauses, whichever lists fewer atoms, and only regexes
// whose formula holds are run: "kargo" alone must not make the
// kargo-and-gelmedi regex a candidate, and either of iade/para with
// yapilmadi must.
TEST(RegexPrefilter, SaysWhichRegexesNoLiteralHoldsBack) {
  const std::vector<std::string> regexes = {
      // One alternation of 22 endings after a gap: no word is required.
      R"(\b(\d+|bir|iki)\s+(gundur|haftadir|aydir)\s+(\S+\s+){0,2}(bitmedi|tamamlanmadi|sonuclanmadi|cozulmedi|halledilmedi|yapilmadi|duzelmedi|haber\s+yok|ses\s+yok|donus\s+yok|donmedi\w*|donulmedi|donus\s+yapilmadi|donus\s+yapmadi\w*|aramadi\w*|bekliyorum|bekliyoruz|bekletil\w*|bekletiyor\w*|cevap\s+verilmedi|cevap\s+vermedi\w*|yanit\s+vermedi\w*)\b)",
      // Ten of them: held back by the nouns and the endings.
      R"(\b(\d+|bir|iki)\s+(gundur|haftadir|aydir)\s+(\S+\s+){0,2}(bitmedi|tamamlanmadi|sonuclanmadi|cozulmedi|halledilmedi|yapilmadi|duzelmedi|haber\s+yok|ses\s+yok|donus\s+yok)\b)",
      R"(\b\S+\s+\S+\s+\S+\b)",                      // no literal at all
      R"((^|[.!?]\s*)(can|do|is)\s+\S+\b[^.!]*\?)",  // no long literal, but needs '?'
      R"(\bkargo\s+(\S+\s+){0,2}gelmedi\b)"};        // two required words
  const RE2::Options options = QuietOptions();
  RegexPrefilter prefilter;
  ASSERT_TRUE(BuildOrReport(regexes, options, &prefilter));
  EXPECT_TRUE(prefilter.weakly_filtered(0));
  EXPECT_FALSE(prefilter.weakly_filtered(1));
  EXPECT_TRUE(prefilter.weakly_filtered(2));
  EXPECT_FALSE(prefilter.weakly_filtered(3));
  EXPECT_FALSE(prefilter.weakly_filtered(4));
}

TEST(RegexPrefilter, RunsOnlyRegexesWhoseAtomFormulaHolds) {
  const std::vector<std::string> regexes = {
      R"(\bkargo\s+(\S+\s+){0,2}gelmedi\b)",                 // kargo AND gelmedi
      R"(\b(iade|para)\w*\s+(\S+\s+)?yapilmadi)",            // (iade OR para) AND yapilmadi
      R"(\b(still|been)\s+(\S+\s+){0,3}(waiting|without))",  // two clauses of two
      R"(.{0,3}x)",                                          // no atom: every text
      R"(\bkargo\b.*)",                                      // kargo alone
      R"(\b(kargo\s+gelmedi|iade\s+yapilmadi)\b)"};          // two terms of two
  const RE2::Options options = QuietOptions();
  RegexPrefilter prefilter;
  ASSERT_TRUE(BuildOrReport(regexes, options, &prefilter));
  EXPECT_EQ(prefilter.term_count(0), 1u);
  EXPECT_EQ(prefilter.term_count(1), 1u);  // as clauses: 3 atoms, not 4
  EXPECT_EQ(prefilter.term_count(2), 1u);
  EXPECT_EQ(prefilter.term_count(3), 0u);
  EXPECT_EQ(prefilter.term_count(4), 1u);
  EXPECT_EQ(prefilter.term_count(5), 2u);  // as terms: 4 atoms, not 8
  RegexPrefilter::Scratch scratch;
  auto candidates = [&](const std::string& text) {
    std::vector<int> out;
    prefilter.Match(text, &out, &scratch);
    return scratch.matched;
  };
  EXPECT_EQ(candidates("kargo yolda"), (std::vector<int>{3, 4}));
  EXPECT_EQ(candidates("kargo yine gelmedi"), (std::vector<int>{0, 3, 4, 5}));
  EXPECT_EQ(candidates("para iadesi yapilmadi"), (std::vector<int>{1, 3, 5}));
  EXPECT_EQ(candidates("kargo yapilmadi"), (std::vector<int>{3, 4}));
  EXPECT_EQ(candidates("iade yok"), (std::vector<int>{3}));
  EXPECT_EQ(candidates("been without it, still"), (std::vector<int>{2, 3}));
  EXPECT_EQ(candidates("still still"), (std::vector<int>{3}));
  // The scratch is left clean: the same text gives the same answer again.
  EXPECT_EQ(candidates("kargo yine gelmedi"), (std::vector<int>{0, 3, 4, 5}));
  ExpectSameAsRe2(
      prefilter, regexes,
      {"kargo yolda", "kargo yine gelmedi", "para iadesi yapilmadi", "iade yok", "kargo gelmedi",
       "kargo yapilmadi", "been without it, still", "still still", "x"},
      options);
}

// Each term waits for one clause first (the one whose shortest atom is
// longest, here "waiting|without") and checks its others when that one is
// found: the answer is the same whichever clause a text holds first or
// lacks.
TEST(RegexPrefilter, ATermIsFoundWhenEveryClauseIsWhicheverItWaitsFor) {
  const std::vector<std::string> regexes = {
      R"(\b(still|been)\s+(\S+\s+){0,3}(waiting|without)\s+(\S+\s+)?(refund|replacement))"};
  const RE2::Options options = QuietOptions();
  RegexPrefilter prefilter;
  ASSERT_TRUE(BuildOrReport(regexes, options, &prefilter));
  ASSERT_EQ(prefilter.term_count(0), 1u);
  RegexPrefilter::Scratch scratch;
  auto candidate = [&](const std::string& text) {
    std::vector<int> out;
    prefilter.Match(text, &out, &scratch);
    return !scratch.matched.empty();
  };
  EXPECT_TRUE(candidate("been waiting for my refund"));
  EXPECT_TRUE(candidate("refund? still without one"));  // the clauses in any order
  EXPECT_FALSE(candidate("still waiting for news"));    // the trigger without another
  EXPECT_FALSE(candidate("still no refund"));           // the others without the trigger
  EXPECT_FALSE(candidate("without"));
  EXPECT_TRUE(candidate("been without a replacement"));
  // What the last text found leaves nothing behind.
  EXPECT_FALSE(candidate("still refund"));
  ExpectSameAsRe2(
      prefilter, regexes,
      {"been waiting for my refund", "refund? still without one", "still waiting for news",
       "still no refund", "been without a replacement", "been waiting a refund"},
      options);
}

// A term waits for at most 32 of its clauses (one bit each): a regex that
// needs 40 words, each its own clause, is still found, and with 31 of them
// present it is no candidate.
TEST(RegexPrefilter, ATermOfMoreThan32ClausesIsStillFound) {
  std::string re;
  std::string text;
  std::string fewer;
  for (int i = 0; i < 40; ++i) {
    const std::string word =
        std::string("w") + static_cast<char>('a' + i % 26) + static_cast<char>('a' + i / 26) + "x";
    re += (i ? "\\s+" : "\\b") + word;
    text += (i ? " " : "") + word;
    if (i < 31) fewer += (i ? " " : "") + word;
  }
  const RE2::Options options = QuietOptions();
  RegexPrefilter prefilter;
  ASSERT_TRUE(BuildOrReport({re}, options, &prefilter));
  EXPECT_EQ(prefilter.term_count(0), 1u);
  RegexPrefilter::Scratch scratch;
  std::vector<int> out;
  prefilter.Match(text, &out, &scratch);
  EXPECT_EQ(out, std::vector<int>{0});
  out.clear();
  prefilter.Match(fewer, &out, &scratch);
  EXPECT_TRUE(out.empty());
  EXPECT_TRUE(scratch.matched.empty());
  ExpectSameAsRe2(prefilter, {re}, {text, fewer, "waax"}, options);
}

// A regex whose formula has too many atom sets to list (an alternation of
// 12 words times one of 12 is 144) is read as clauses instead: one of the
// left words AND one of the right. A left word alone does not run it.
TEST(RegexPrefilter, AFormulaOfTooManyAtomSetsIsReadAsClauses) {
  std::string left;
  std::string right;
  for (int i = 0; i < 12; ++i) {
    left += (i ? "|" : "") + std::string("left") + static_cast<char>('a' + i);
    right += (i ? "|" : "") + std::string("right") + static_cast<char>('a' + i);
  }
  const std::vector<std::string> regexes = {"\\b(" + left + ")\\s+(" + right + ")\\b"};
  const RE2::Options options = QuietOptions();
  RegexPrefilter prefilter;
  ASSERT_TRUE(BuildOrReport(regexes, options, &prefilter));
  EXPECT_EQ(prefilter.term_count(0), 1u);
  RegexPrefilter::Scratch scratch;
  std::vector<int> out;
  prefilter.Match("lefta leftb", &out, &scratch);
  EXPECT_TRUE(scratch.matched.empty());
  prefilter.Match("rightc lefta", &out, &scratch);
  EXPECT_EQ(scratch.matched, std::vector<int>{0});
  ExpectSameAsRe2(prefilter, regexes,
                  {"lefta rightb", "leftl", "rightc lefta", "leftc  rightl", ""}, options);
}

// Past 64 atoms a formula is not read back at all: any one atom lets the
// regex run, including those late in its list (an alternation of 70
// distinct words must still match its 70th).
TEST(RegexPrefilter, ARegexWithMoreThan64AtomsRunsOnAnyOfThem) {
  std::vector<std::string> words;
  for (int i = 0; i < 70; ++i) {
    std::string word;  // five letters, distinct, sharing no long prefix
    for (int n = i * 7919 + 104729, k = 0; k < 5; ++k, n /= 26)
      word += static_cast<char>('a' + n % 26);
    words.push_back(word);
  }
  std::string alternation;
  for (const std::string& w : words) alternation += (alternation.empty() ? "" : "|") + w;
  const std::vector<std::string> regexes = {"\\b(" + alternation + ")\\b"};
  const RE2::Options options = QuietOptions();
  RegexPrefilter prefilter;
  ASSERT_TRUE(BuildOrReport(regexes, options, &prefilter));
  ASSERT_GT(prefilter.atom_count(), 64u);  // RE2 kept every word as an atom
  EXPECT_EQ(prefilter.term_count(0), 1u);
  ExpectSameAsRe2(prefilter, regexes,
                  {words[0], "so " + words[69] + " here", words[66], words[65] + "x", "nothing"},
                  options);
}

TEST(RegexPrefilter, ARegexThatDoesNotCompileIsAnError) {
  RegexPrefilter prefilter;
  std::string error;
  EXPECT_FALSE(prefilter.Build({"ok", "(unclosed"}, QuietOptions(), &error));
  EXPECT_NE(error.find("(unclosed"), std::string::npos);
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

// Where a BacktrackRegex try gives up (here: nested repeats over a long
// run of a's, past its step budget), RE2 searches the whole text once and
// answers for every place: the answers stay RE2's.
TEST(RegexPrefilter, ATryThatGivesUpIsAnsweredByRe2) {
  const std::vector<std::string> regexes = {R"(\bkargo(a|aa)+(a|aa)+(a|aa)+c)",
                                            R"(\bkargo\s+gelmedi)"};
  const RE2::Options options = QuietOptions();
  RegexPrefilter prefilter;
  ASSERT_TRUE(BuildOrReport(regexes, options, &prefilter));
  const std::string many = "kargo" + std::string(60, 'a');
  ExpectSameAsRe2(prefilter, regexes,
                  {many, many + " kargoaaac", "kargoaaac " + many, many + " kargo gelmedi"},
                  options);
}

}  // namespace
}  // namespace earshot
