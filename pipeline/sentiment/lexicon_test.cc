#include "pipeline/sentiment/lexicon.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pipeline/normalize/normalizer.h"
#include "tests/support/scratch_dir.h"

namespace earshot {
namespace {

// Writes `text` to a lexicon file of its own (one directory per test process).
std::string WriteLexicon(const std::string& name, const std::string& text) {
  const auto& dir = testing::ProcessScratchDir("earshot-lexicon-test-");
  std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

struct Loaded {
  Lexicon lexicon;
  std::vector<Diagnostic> diagnostics;
};

Loaded Load(const std::string& name, const std::string& text) {
  Loaded loaded;
  auto lexicon = Lexicon::LoadFile(WriteLexicon(name, text), &loaded.diagnostics);
  EXPECT_TRUE(lexicon.ok());
  if (lexicon.ok()) loaded.lexicon = std::move(lexicon).value();
  return loaded;
}

std::optional<double> Valence(const Lexicon& lexicon, const std::vector<std::string_view>& words) {
  const auto hit = lexicon.Lookup(words, 0);
  if (!hit || hit->words != words.size()) return std::nullopt;
  return hit->valence;
}

// A word of degree inside a two-word phrase keeps the phrase, covers three
// tokens and sets its strength.
TEST(LexiconLookup, AWordOfDegreeInsideATwoWordPhraseKeepsIt) {
  Lexicon lexicon;
  lexicon.Add("kalıbı dar", -1.6);
  lexicon.Add("send it back", -1.5);
  auto lookup = [&](const std::vector<std::string_view>& tokens) {
    return lexicon.Lookup(tokens, 0);
  };
  const auto plain = lookup({"kalibi", "dar"});
  const auto boosted = lookup({"kalibi", "cok", "dar"});
  const auto damped = lookup({"kalibi", "biraz", "dar"});
  ASSERT_TRUE(plain && boosted && damped);
  EXPECT_DOUBLE_EQ(boosted->valence, plain->valence * 1.25);
  EXPECT_DOUBLE_EQ(damped->valence, plain->valence * 0.75);
  EXPECT_EQ(boosted->words, 3u);
  // Any other word between, or a longer phrase, is no match.
  EXPECT_FALSE(lookup({"kalibi", "hic", "dar"}));
  EXPECT_FALSE(lookup({"send", "very", "it", "back"}));
}

// The follower filter callers use to skip phrase lookups never rules out a
// phrase that LookupPhrase finds, and rules out a next word that no phrase
// of the word continues with.
TEST(LexiconLookup, PhraseFollowersNeverRuleOutAPhraseThatCompletes) {
  Lexicon lexicon;
  lexicon.Add("bir daha asla", -2.0);
  lexicon.Add("bir numara", 2.0);
  lexicon.Add("kalıbı dar", -1.6);
  lexicon.Add("not bad*", 1.5);
  lexicon.Add("@ work", 0.5);
  lexicon.Add("send it back", -1.5);
  lexicon.Add("iyi", 2.0);
  const std::vector<std::string_view> vocabulary = {
      "bir",  "daha", "asla", "numara", "kalibi", "dar", "cok", "biraz", "not",  "bad", "badly",
      "very", "@",    "work", "iyi",    "kargo",  "hic", "n",   "d",     "send", "it",  "back"};
  auto may_continue = [&](const std::vector<std::string_view>& tokens) {
    const uint32_t followers = lexicon.PhraseFollowers(tokens[0]);
    if (tokens.size() < 2) return false;
    return (followers & Lexicon::FollowerBit(tokens[1])) != 0 ||
           ((followers & Lexicon::kAnyFollower) != 0 && tokens.size() > 2 &&
            Lexicon::IsDegreeBetweenPhraseWords(tokens[1]));
  };
  int found = 0;
  for (const auto a : vocabulary) {
    for (const auto b : vocabulary) {
      for (const auto c : vocabulary) {
        const std::vector<std::string_view> tokens = {a, b, c};
        if (lexicon.LookupPhrase(tokens, 0)) {
          ++found;
          EXPECT_TRUE(may_continue(tokens)) << a << " " << b << " " << c;
        }
      }
    }
  }
  EXPECT_GT(found, 5);
  EXPECT_EQ(lexicon.PhraseFollowers("iyi"), 0u);    // a word, no phrase
  EXPECT_EQ(lexicon.PhraseFollowers("kargo"), 0u);  // no entry at all
  EXPECT_FALSE(may_continue({"bir", "kargo", "dar"}));
  EXPECT_FALSE(may_continue({"send", "very", "it"}));  // no two-word phrase to split
  EXPECT_TRUE(may_continue({"kalibi", "cok", "dar"}));
  EXPECT_FALSE(may_continue({"kalibi", "hic", "dar"}));
}

TEST(LexiconLint, HyphenAndSpaceSpellingsOfAPhraseAreADuplicate) {
  const Loaded l = Load("hyphen.tsv",
                        "# comment\n"
                        "top-notch\t2.5\tfirst\n"
                        "great\t3.0\n"
                        "top notch\t2.8\tsecond\n");
  ASSERT_EQ(l.diagnostics.size(), 1u);
  const Diagnostic& d = l.diagnostics[0];
  EXPECT_EQ(d.severity, Severity::kWarning);
  EXPECT_EQ(d.code, "lexicon_duplicate");
  EXPECT_EQ(d.line, 4);
  EXPECT_EQ(d.column, 1);
  EXPECT_EQ(d.snippet, "top notch\t2.8\tsecond");
  EXPECT_EQ(d.message,
            "entry 'top notch' repeats line 2 ('top-notch' reads the same); this line's valence "
            "wins (2.8 over 2.5)");
  EXPECT_NE(d.ToString().find(":4:1: warning: entry 'top notch' repeats line 2"), std::string::npos)
      << d.ToString();
  // The later line still wins, as before.
  EXPECT_EQ(Valence(l.lexicon, {"top", "notch"}), 2.8);
}

TEST(LexiconLint, AnElongatedSpellingIsADuplicateOfTheSqueezedWord) {
  const Loaded l = Load("elongated.tsv", "yesss\t2.0\nno way\t-1.0\nyes\t1.5\n");
  ASSERT_EQ(l.diagnostics.size(), 1u);
  EXPECT_EQ(l.diagnostics[0].code, "lexicon_duplicate");
  EXPECT_EQ(l.diagnostics[0].line, 3);
  EXPECT_EQ(l.diagnostics[0].message,
            "entry 'yes' repeats line 1 ('yesss' reads the same); this line's valence wins (1.5 "
            "over 2.0)");
  EXPECT_EQ(l.lexicon.LookupWord("yes"), 1.5);
}

TEST(LexiconLint, CapitalsAndTurkishLettersFoldToTheSameEntry) {
  const Loaded l = Load("folded.tsv", "kötü\t-2.0\nKotu\t-2.0\n");
  ASSERT_EQ(l.diagnostics.size(), 1u);
  EXPECT_EQ(l.diagnostics[0].message,
            "entry 'Kotu' repeats line 1 ('kötü' reads the same); this line's valence wins");
}

TEST(LexiconLint, AnExactRepeatNamesTheLineItRepeats) {
  const Loaded l = Load("repeat.tsv", "bad\t-2.5\ngood\t2.0\nbad\t-2.5\nbad\t-3.0\n");
  ASSERT_EQ(l.diagnostics.size(), 2u);
  EXPECT_EQ(l.diagnostics[0].line, 3);
  EXPECT_EQ(l.diagnostics[0].message, "entry 'bad' repeats line 1; this line's valence wins");
  // The last line repeats the one that was winning until then.
  EXPECT_EQ(l.diagnostics[1].line, 4);
  EXPECT_EQ(l.diagnostics[1].message,
            "entry 'bad' repeats line 3; this line's valence wins (-3.0 over -2.5)");
  EXPECT_EQ(l.lexicon.LookupWord("bad"), -3.0);
}

TEST(LexiconLint, WordStemAndPhraseWithTheSameWordsAreDistinct) {
  const Loaded l = Load("distinct.tsv",
                        "rezil\t-3.0\nrezil*\t-2.5\nrezil oldum\t-3.5\nrezil old*\t-3.0\n"
                        "later\t0.0\tnot a form of late\nlate*\t-1.0\n");
  for (const Diagnostic& d : l.diagnostics) ADD_FAILURE() << d.ToString();
  EXPECT_EQ(l.lexicon.size(), 6u);
  EXPECT_EQ(l.lexicon.LookupWord("later"), 0.0);  // a 0 entry is deliberate, not a problem
}

// Linting must not change what is loaded: a file with duplicates gives the
// same lexicon as Add() called line by line.
TEST(LexiconLint, LoadedValencesAreThoseOfAddInFileOrder) {
  const std::vector<std::pair<std::string, double>> lines = {
      {"top-notch", 2.5}, {"yesss", 2.0},   {"rezil*", -3.0}, {"top notch", 2.8},
      {"yes", 1.5},       {"rezil*", -2.0}, {"kötü", -2.5},   {"kotu", -2.0}};
  std::string text;
  Lexicon expected;
  for (const auto& [entry, valence] : lines) {
    text += entry + "\t" + std::to_string(valence) + "\n";
    expected.Add(entry, valence);
  }
  const Loaded l = Load("values.tsv", text);
  EXPECT_EQ(l.diagnostics.size(), 4u);
  EXPECT_EQ(l.lexicon.size(), expected.size());
  for (const std::vector<std::string_view>& words : std::vector<std::vector<std::string_view>>{
           {"top", "notch"}, {"yes"}, {"rezillik"}, {"kotu"}, {"rezil"}}) {
    const auto want = expected.Lookup(words, 0);
    const auto got = l.lexicon.Lookup(words, 0);
    ASSERT_EQ(got.has_value(), want.has_value()) << words[0];
    if (want) {
      EXPECT_DOUBLE_EQ(got->valence, want->valence) << words[0];
    }
  }
  EXPECT_EQ(l.lexicon.LookupWord("yes"), 1.5);
  EXPECT_EQ(Valence(l.lexicon, {"rezillik"}), -2.0);
}

// A phrase given again replaces the earlier one, as a word or stem does:
// it is not a second phrase that shadows or is shadowed by the first.
TEST(LexiconLint, APhraseAddedAgainReplacesTheEarlierValence) {
  Lexicon lexicon;
  lexicon.Add("top notch", 3.0);
  lexicon.Add("top-notch", 2.8);
  lexicon.Add("hizli kargo*", 0.0);
  lexicon.Add("hizli kargo", 1.0);  // no stem: a phrase of its own
  EXPECT_EQ(lexicon.size(), 3u);
  EXPECT_EQ(Valence(lexicon, {"top", "notch"}), 2.8);
  EXPECT_EQ(Valence(lexicon, {"hizli", "kargocu"}), 0.0);
}

// ":*" and ":-*" are emoticons (tokens of their own in posts), not stems.
TEST(LexiconLint, EmoticonsEndingInAStarAreEntriesNotStems) {
  const Loaded l = Load("emoticons.tsv", ":*\t1.5\tkiss\n:-*\t1.5\tkiss\n:)\t1.0\n");
  for (const Diagnostic& d : l.diagnostics) ADD_FAILURE() << d.ToString();
  EXPECT_EQ(l.lexicon.size(), 3u);
  for (const char* post : {"love you :*", "love you :-*", "love you :***"}) {
    const NormalizedText text = Normalize(post, false);
    ASSERT_EQ(text.tokens.size(), 3u) << post;
    const std::vector<std::string_view> words = {text.tokens[2].text};
    const auto hit = l.lexicon.Lookup(words, 0);
    ASSERT_TRUE(hit.has_value()) << post;
    EXPECT_DOUBLE_EQ(hit->valence, 1.5) << post;
    EXPECT_FALSE(hit->stem) << post;
  }
}

TEST(LexiconLint, AStarAnywhereButTheEndOfTheLastWordIsAnError) {
  const Loaded l = Load("stars.tsv", "fo*o\t1.0\nfrustrat* service\t-2.0\nbad *\t-1.0\nok*\t1.0\n");
  ASSERT_EQ(l.diagnostics.size(), 3u);
  for (const Diagnostic& d : l.diagnostics) {
    EXPECT_EQ(d.severity, Severity::kError);
    EXPECT_EQ(d.code, "lexicon_stem");
  }
  EXPECT_EQ(l.diagnostics[0].line, 1);
  EXPECT_EQ(l.diagnostics[0].column, 3);
  EXPECT_EQ(l.diagnostics[1].line, 2);
  EXPECT_EQ(l.diagnostics[1].column, 9);
  EXPECT_EQ(l.diagnostics[2].line, 3);
  EXPECT_EQ(l.diagnostics[2].column, 5);
  EXPECT_NE(l.diagnostics[1].ToString().find("\n  frustrat* service\t-2.0\n          ^"),
            std::string::npos)
      << l.diagnostics[1].ToString();
  EXPECT_EQ(l.lexicon.size(), 1u);  // only ok*
}

TEST(LexiconLint, AnEntryWithNoWordsIsAnError) {
  const Loaded l = Load("empty.tsv", "...\t1.0\n \t-1.0\nfine\t1.0\n");
  ASSERT_EQ(l.diagnostics.size(), 2u);
  EXPECT_EQ(l.diagnostics[0].severity, Severity::kError);
  EXPECT_EQ(l.diagnostics[0].code, "lexicon_empty_entry");
  EXPECT_EQ(l.diagnostics[0].line, 1);
  EXPECT_EQ(l.diagnostics[1].line, 2);
  EXPECT_EQ(l.lexicon.size(), 1u);
}

TEST(LexiconLint, SyntaxErrorsAreStillReported) {
  const Loaded l = Load("syntax.tsv", "noTab\nbad\tx\nawful\t-5\n");
  ASSERT_EQ(l.diagnostics.size(), 3u);
  for (const Diagnostic& d : l.diagnostics) EXPECT_EQ(d.code, "lexicon_syntax");
  EXPECT_EQ(l.diagnostics[0].message, "expected entry<TAB>valence");
  EXPECT_EQ(l.lexicon.size(), 0u);
}

TEST(LexiconLint, SpacesForTheTabAndADecimalCommaAreNamedAsTheCause) {
  const Loaded l = Load("keyboard.tsv", "awful -3.5\nberbat\t-3,5\niyi\t1,2,3\nbad words\n");
  ASSERT_EQ(l.diagnostics.size(), 4u);
  // The tab an editor turned into a space: pointed at, at column 6.
  EXPECT_EQ(l.diagnostics[0].column, 6);
  EXPECT_EQ(l.diagnostics[0].message,
            "expected entry<TAB>valence; the valence follows a space here: use a tab");
  EXPECT_EQ(l.diagnostics[1].message,
            "valence '-3,5' is not a number (write -3.5: a decimal point, not a comma)");
  // Two commas are no decimal, and a line without a number is only malformed.
  EXPECT_EQ(l.diagnostics[2].message, "valence '1,2,3' is not a number");
  EXPECT_EQ(l.diagnostics[3].message, "expected entry<TAB>valence");
  EXPECT_EQ(l.diagnostics[3].column, 1);
}

// A word typed with Turkish letters is read by them: an entry it folds to
// but spells a letter of it plain is passed over, for a shorter stem or
// none; without the letters, or lacking one of the entry's own, it is the
// entry as before.
TEST(LexiconLookup, TurkishLettersTypedRuleOutAnEntrySpelledWithoutThem) {
  Lexicon lexicon;
  lexicon.Add("sıktı", -2.0);
  lexicon.Add("dondu", -1.5);
  lexicon.Add("muhteşem", 3.0);
  lexicon.Add("sık*", -1.0);
  auto valence = [&](std::string_view word, uint32_t letters) -> std::optional<double> {
    const std::vector<std::string_view> tokens = {word};
    const auto hit = lexicon.Lookup(tokens, 0, nullptr, letters);
    if (!hit) return std::nullopt;
    return hit->valence;
  };
  EXPECT_EQ(valence("sikti", 0), -2.0);        // "sikti": either
  EXPECT_EQ(valence("sikti", 0b10010), -2.0);  // "sıktı" as spelled
  // "şıktı": ş where the entry has s; then the stem "sık*" too.
  EXPECT_EQ(valence("sikti", 0b10011), std::nullopt);
  EXPECT_EQ(valence("dondu", 0b10010), std::nullopt);  // "döndü"
  EXPECT_EQ(valence("dondu", 0b00010), std::nullopt);  // "döndu"
  // "mühtesem" lacks the entry's ş: typed carelessly, it proves nothing.
  EXPECT_EQ(valence("muhtesem", 0b10), 3.0);
  EXPECT_EQ(valence("muhtesem", 0b100000), 3.0);  // "muhteşem"
  // A stem checks its own bytes only: "sıkıntı" is the stem and more.
  EXPECT_EQ(valence("sikinti", 0b1010010), -1.0);

  EXPECT_FALSE(Lexicon::LettersRuleOut(0, 0, 5));
  EXPECT_TRUE(Lexicon::LettersRuleOut(0b1, 0, 5));
  EXPECT_FALSE(Lexicon::LettersRuleOut(0b100000, 0, 5));  // past the entry's bytes
  EXPECT_TRUE(Lexicon::LettersRuleOut(0b11, 0b10, 5));    // one more than the entry's
  EXPECT_FALSE(Lexicon::LettersRuleOut(0b01, 0b10, 5));   // lacks the entry's own
}

}  // namespace
}  // namespace earshot
