// TermIndex must answer exactly as RE2 does on the same term patterns: the
// test compares it with RE2::PartialMatch, pattern by pattern, text by text.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "pipeline/match/rule_reader.h"
#include "pipeline/match/term_index.h"
#include "pipeline/normalize/normalizer.h"

namespace earshot {
namespace {

RE2::Options Utf8() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  return o;
}

const std::vector<std::string> kTexts = {
    "Kargom hala gelmedi!!! 😡",
    "kargo gelmedi, iadem de yok",
    "İADESİ yapılmadı, iade istiyorum",
    "ekargo gelmediler",
    "3 gündür bekliyorum kargo yolda",
    "5 days waiting for my refund, can't reach anyone",
    "I can not login, cannot log in, unable to sign in",
    "cok kotu, çok kötü hizmet. berbaaaat",
    "don't cancel my subscription please",
    "e-posta adresime 7/24 mesaj geldi #KargoGelmedi @trendyol",
    "hours late again; hour late",
    "kargo",
    "",
    "paket paketim paketlerim pak",
    "why is my order late?",
    "  çift  boşluk   ve sonu ",
};

TEST(ParseTermPattern, ReadsWhatTermToPatternWrites) {
  const auto shape = ParseTermPattern(TermToPattern("Kargo gelmedİ*"));
  ASSERT_TRUE(shape.has_value());
  ASSERT_EQ(shape->words.size(), 2u);
  EXPECT_EQ(shape->words[0].text, "kargo");
  EXPECT_FALSE(shape->words[0].stem);
  EXPECT_EQ(shape->words[1].text, "gelmedi");
  EXPECT_TRUE(shape->words[1].stem);
  const auto apostrophe = ParseTermPattern(TermToPattern("don't"));
  ASSERT_TRUE(apostrophe.has_value());
  EXPECT_EQ(apostrophe->words[0].text, "don't");
}

TEST(ParseTermPattern, RefusesOtherRegexSyntax) {
  for (const char* re : {"kargo", " kargo", " kar.go ", " \\bkargo ", " kargo\\w* ", " [ab] ", "  ",
                         " a  b ", " a[^ ]*b ", " (a|b) ", " a+ "}) {
    EXPECT_FALSE(ParseTermPattern(re).has_value()) << re;
  }
}

// The collector skips compiling term patterns whose bound is under the
// program size limit, so the bound must never be below RE2's own figure.
TEST(TermProgramBound, IsNeverBelowRe2sProgramSize) {
  for (const char* term :
       {"a", "kargo", "iade*", "kargo gelmedi*", "çok* kötü* hizmet*", "don't", "7/24",
        "a* b* c* d* e* f* g* h*", "ürün* ğ* ş* ı* İ* ç*", "😡", "e-posta*", "x*"}) {
    const std::string re = TermToPattern(term);
    ASSERT_TRUE(ParseTermPattern(re).has_value()) << term;
    const RE2 compiled(re, Utf8());
    ASSERT_TRUE(compiled.ok()) << re;
    EXPECT_LE(compiled.ProgramSize(), TermProgramBound(re)) << re;
  }
}

// Builds a TermIndex of `terms` and checks, text by text, that it finds
// exactly the terms whose TermToPattern regex RE2 finds in the words form.
void ExpectIndexAgreesWithRe2(const std::vector<std::string>& terms,
                              const std::vector<std::string>& texts, bool turkish) {
  TermIndex index;
  std::vector<std::unique_ptr<RE2>> regexes;
  for (size_t i = 0; i < terms.size(); ++i) {
    const std::string re = TermToPattern(terms[i]);
    const auto shape = ParseTermPattern(re);
    ASSERT_TRUE(shape.has_value()) << terms[i] << " -> " << re;
    index.Add(static_cast<int>(i), *shape);
    regexes.push_back(std::make_unique<RE2>(re, Utf8()));
  }
  index.Build();
  for (const std::string& text : texts) {
    const NormalizedText normalized = Normalize(text, turkish);
    std::vector<int> hit;
    index.Match(normalized.words, &hit);
    const std::set<int> found(hit.begin(), hit.end());
    for (size_t i = 0; i < terms.size(); ++i) {
      EXPECT_EQ(found.count(static_cast<int>(i)) != 0,
                RE2::PartialMatch(normalized.words, *regexes[i]))
          << "term '" << terms[i] << "' on '" << normalized.words << "'";
    }
  }
}

TEST(TermIndex, FindsExactlyWhatEachTermPatternMatches) {
  const std::vector<std::string> terms = {
      "kargo",    "kargo gelmedi", "iade*", "iadem",   "gelmedi*",  "paket*", "pak",
      "çok kötü", "cok*",          "don't", "e posta", "7 24",      "😡",      "kargogelmedi",
      "refund",   "hour*",         "sonu",  "çift",    "boşluk ve", "can't",  "ekargo gelmedi*"};
  ExpectIndexAgreesWithRe2(terms, kTexts, true);
}

TEST(TermIndex, OneAndTwoByteStemsPassItsStartFilter) {
  // The index skips a word whose first bytes begin no stem; stems of one
  // byte, of two, and of a multi-byte letter must still be found.
  const std::vector<std::string> terms = {"a*", "x", "3*", "ab*", "ç*", "zz*", "q r*"};
  ExpectIndexAgreesWithRe2(terms,
                           {"a", "abc", "b", "ba", "3 gündür", "33", "x y", "xy", "çok", "cok",
                            "zz", "z", "q rs", "q", "ab", "zzz top", ""},
                           false);
}

TEST(TermIndex, PhrasesFiledUnderTheirFirstTwoWordsOrTheFirstAlone) {
  // Whole first and second words: filed under the pair. A stem in either
  // place: under the first word. Many phrases share a first word, some
  // share a pair, and one phrase's words overlap the next's.
  const std::vector<std::string> terms = {"not working",
                                          "not working again",
                                          "not work*",
                                          "not",
                                          "not not",
                                          "kargo gelmedi",
                                          "kargo gel*",
                                          "kargo* gelmedi",
                                          "kargo hala gelmedi",
                                          "hala gelmedi",
                                          "gelmedi kargo",
                                          "a b c d",
                                          "a b",
                                          "b c",
                                          "b c d e",
                                          "çok kötü hizmet",
                                          "çok kötü",
                                          "cok kotu*",
                                          "still not working"};
  ExpectIndexAgreesWithRe2(
      terms,
      {"not working", "still not working again", "not not not", "not workingg", "notworking",
       "kargo gelmedi kargo gelmedi", "kargom gelmedi", "kargo hala gelmedi", "kargo hala",
       "a b c d e", "a b c", "x a b", "b c d", "Çok kötü hizmet", "cok kotuydu hizmet", "not",
       "working not", ""},
      true);
}

// The index finds word ends sixteen bytes at a time, reading the last
// block of a text from its end. Words of every length at every offset,
// in texts from shorter than one block to several blocks long.
TEST(TermIndex, WordsAtEveryOffsetAndLengthAreFound) {
  const std::vector<std::string> terms = {
      "kargo", "gelmedi", "k", "ab*", "x y", "kargo gelmedi", "abcdefghijklmnopqrs"};
  std::vector<std::string> texts;
  for (size_t pad = 0; pad < 40; ++pad) {
    const std::string filler(pad, 'z');
    texts.push_back(filler + " kargo gelmedi");
    texts.push_back("k " + filler + " k");
    texts.push_back(filler + " abcdefghijklmnopqrs x y");
    texts.push_back("abcdefghijklmnopqrs" + filler);
    texts.push_back(filler + " ab" + filler + " kargo");
  }
  ExpectIndexAgreesWithRe2(terms, texts, false);
}

}  // namespace
}  // namespace earshot
