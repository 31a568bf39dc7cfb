// TermIndex and RegexStarts must answer exactly as RE2 does on the same
// patterns: each test compares them with RE2::PartialMatch, pattern by
// pattern, text by text.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "pipeline/match/regex_starts.h"
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

TEST(TermIndex, FindsExactlyWhatEachTermPatternMatches) {
  const std::vector<std::string> terms = {
      "kargo",    "kargo gelmedi", "iade*", "iadem",   "gelmedi*",  "paket*", "pak",
      "çok kötü", "cok*",          "don't", "e posta", "7 24",      "😡",      "kargogelmedi",
      "refund",   "hour*",         "sonu",  "çift",    "boşluk ve", "can't",  "ekargo gelmedi*"};
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
  for (const std::string& text : kTexts) {
    const NormalizedText normalized = Normalize(text, true);
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

TEST(ParseRegexStart, ReadsTheLeadingWordOrAlternatives) {
  auto words = [](const std::string& re) {
    const auto start = ParseRegexStart(re);
    return start ? start->words : std::vector<std::string>{"<none>"};
  };
  using W = std::vector<std::string>;
  EXPECT_EQ(words("\\bkargo\\w*\\s+gelmedi"), W{"kargo"});
  EXPECT_EQ(words("\\b(kargo|paket)\\w*"), (W{"kargo", "paket"}));
  EXPECT_EQ(words("\\b(?:can.?t|cannot|unable\\s+to)\\s+reach"), (W{"can", "cannot", "unable"}));
  EXPECT_EQ(words("\\bhours?\\s+late"), W{"hour"});
  EXPECT_EQ(words("\\b(ab+c|d)+x"), (W{"a", "d"}));
  const auto digit = ParseRegexStart("\\b(\\d+|iki|uc)\\s+gundur");
  ASSERT_TRUE(digit.has_value());
  EXPECT_TRUE(digit->digit);
  EXPECT_EQ(digit->words, (W{"iki", "uc"}));
  // Starts it cannot vouch for stay in the RE2::Set.
  for (const char* re :
       {"kargo", "\\bkargo|paket", "(^|\\s)kargo", "\\b(kargo|paket)?x", "\\b(kargo|)x",
        "\\b(?i)kargo", "\\b[ab]c", "\\b\\S+\\s+mi", "\\b\\d*x", "\\b(a|b)*", "\\b(a|b){0,2}c",
        "\\bk?x", "\\b\\Qa|b\\E", "\\b((a|b)c)", "\\B(a)", "\\b(?P<n>a)", "\\b(a|[b)", "\\b("}) {
    EXPECT_FALSE(ParseRegexStart(re).has_value()) << re;
  }
}

TEST(RegexStarts, FindsExactlyWhatEachRegexMatches) {
  const std::vector<std::string> regexes = {
      "\\bkargo\\w*\\s+(\\S+\\s+){0,2}gelmedi",
      "\\b(iade|para)\\w*\\s+(\\S+\\s+)?(yok|yapilmadi)",
      "\\b(\\d+|iki|uc)\\s+(gundur|days)\\s+(\\S+\\s+){0,2}(yolda|for)",
      "\\b(can.?t|cannot|unable\\s+to)\\s+(reach|log\\s*in|sign\\s*in)",
      "\\bhours?\\s+late\\b",
      "\\b(cok|berbat)\\b",
      "\\bkotu.{0,20}hizmet",
      "\\b(why|what)\\b[^.!]*\\?",
      "\\bpak\\b",
      "\\b(paket|pak)(lerim|im)?\\b",
      "\\bsubscription\\s+please$",
      "\\b7\\s*/\\s*24",
      "\\bgel",
      "\\b(?:adres|e-posta)\\w*",
      // Several regexes under one start word (or a digit) run as one
      // anchored RE2::Set.
      "\\b\\d+\\s+(days|hours)\\b",
      "\\bkargo\\s+yolda",
      "\\b(kargo|paket)\\w*\\s+(hala|yine)\\b",
  };
  RegexStarts starts;
  std::vector<std::unique_ptr<RE2>> plain;
  for (size_t i = 0; i < regexes.size(); ++i) {
    const auto start = ParseRegexStart(regexes[i]);
    ASSERT_TRUE(start.has_value()) << regexes[i];
    starts.Add(static_cast<int>(i), regexes[i], *start);
    plain.push_back(std::make_unique<RE2>(regexes[i], Utf8()));
  }
  EXPECT_TRUE(starts.Build([](size_t) { return Utf8(); }).empty());
  std::vector<uint32_t> scratch;
  std::vector<int> set_scratch;
  for (const std::string& text : kTexts) {
    const std::string folded = Normalize(text, true).folded;
    std::vector<int> hit;
    EXPECT_EQ(starts.Match(folded, &hit, &scratch, &set_scratch), 0);
    std::vector<int> sorted = hit;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_TRUE(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()) << "twice";
    for (size_t i = 0; i < regexes.size(); ++i) {
      EXPECT_EQ(std::count(hit.begin(), hit.end(), static_cast<int>(i)) != 0,
                RE2::PartialMatch(folded, *plain[i]))
          << "regex '" << regexes[i] << "' on '" << folded << "'";
    }
  }
}

}  // namespace
}  // namespace earshot
