// Turkish consonant softening: the forms stems also take, and the regex
// words the lint points at.
#include "pipeline/match/turkish_softening.h"

#include <gtest/gtest.h>

namespace earshot {
namespace {

TEST(SoftenedStemForms, SoftensTheLastKOrPOfStemsOfTwoOrMoreSyllables) {
  using Forms = std::vector<std::string>;
  EXPECT_EQ(SoftenedStemForms("kulaklık*"), Forms{"kulaklig*"});
  EXPECT_EQ(SoftenedStemForms("HESAP*"), Forms{"hesab*"});
  EXPECT_EQ(SoftenedStemForms("yapacak*"), Forms{"yapacag*"});
  // Every choice of softened words in a phrase.
  EXPECT_EQ(SoftenedStemForms("destek* kitap*"),
            (Forms{"desteg* kitap*", "destek* kitab*", "desteg* kitab*"}));
  // Not a stem, one syllable, a consonant before the k, or t: no other form.
  EXPECT_EQ(SoftenedStemForms("kulaklık"), Forms{});
  EXPECT_EQ(SoftenedStemForms("çok*"), Forms{});
  EXPECT_EQ(SoftenedStemForms("yok*"), Forms{});
  EXPECT_EQ(SoftenedStemForms("kompakt*"), Forms{});
  EXPECT_EQ(SoftenedStemForms("paket*"), Forms{});
  EXPECT_EQ(SoftenedStemForms("iade*"), Forms{});
}

TEST(UnsoftenedRegexWords, FindsSuffixedWordsThatSoftenAndNotTheirSpelledOutForms) {
  auto words = [](const std::string& re) {
    std::vector<std::string> out;
    for (const UnsoftenedWord& w : UnsoftenedRegexWords(re)) out.push_back(w.word);
    return out;
  };
  using Words = std::vector<std::string>;
  EXPECT_EQ(words("\\babonelik\\w*"), Words{"abonelik"});
  EXPECT_EQ(words("\\b(iptal|abonelik|kulaklik)\\w*\\s+yok"), (Words{"abonelik", "kulaklik"}));
  EXPECT_EQ(words("\\b(?:hesap)[^ ]*"), Words{"hesap"});
  EXPECT_EQ(UnsoftenedRegexWords("\\s+abonelik\\w*")[0].offset, 3u);
  // Spelled out, a class, no suffix, one syllable, inside a longer word.
  EXPECT_EQ(words("\\b(hesap|hesab)\\w*"), Words{});
  EXPECT_EQ(words("\\bkulakli[kg]\\w*"), Words{});
  EXPECT_EQ(words("\\babonelik\\s+iptal"), Words{});
  EXPECT_EQ(words("\\b(cok|yok)\\w*"), Words{});
  EXPECT_EQ(words("\\b(abonelik)\\s+(yok|iptal)\\w*"), Words{});
  // A group that is not followed by a suffix leaves its words alone.
  EXPECT_EQ(words("\\b(abonelik|uyelik)\\b"), Words{});
}

}  // namespace
}  // namespace earshot
