#include "pipeline/sentiment/word_forms.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace earshot {
namespace {

Lexicon TurkishShortEntries() {
  Lexicon lexicon;
  lexicon.Add("hoş", 1.8);
  lexicon.Add("zor", -1.0);
  lexicon.Add("adi", -2.5);
  lexicon.Add("şık", 2.0);
  lexicon.Add("kof", -2.0);
  lexicon.Add("güzel", 2.0);
  return lexicon;
}

std::optional<double> Nominal(const Lexicon& lexicon, const std::string& folded) {
  std::string_view suffix;
  return LookupTurkishNominalForm(lexicon, folded, &suffix);
}

TEST(WordForms, AThreeLetterEntryTakesAWholeChainOfEndings) {
  const Lexicon lexicon = TurkishShortEntries();
  // Copula, case, plural and possessive endings after a short entry.
  for (const char* word : {"hostu", "hoslar", "zoru", "zordu", "zormus", "adiydi", "adiler",
                           "siktir", "siktilar", "zordum", "koftur"}) {
    EXPECT_TRUE(Nominal(lexicon, word).has_value()) << word;
  }
  // Words that only begin like such a form: the rest is no whole ending.
  for (const char* word : {"hostes", "hostel", "zorunlu", "adidas", "siklet", "kofana"}) {
    EXPECT_FALSE(Nominal(lexicon, word).has_value()) << word;
  }
}

TEST(WordForms, ALongerEntryNeedsOnlyAnEndingThatStartsRight) {
  const Lexicon lexicon = TurkishShortEntries();
  // Longer entries are rarely the start of an unrelated word: a suffix
  // that starts like an ending is enough, as before.
  EXPECT_EQ(Nominal(lexicon, "guzeldiler"), 2.0);
  EXPECT_EQ(Nominal(lexicon, "guzellerdenmis"), 2.0);
}

}  // namespace
}  // namespace earshot
