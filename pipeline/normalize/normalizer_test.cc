#include "pipeline/normalize/normalizer.h"

#include <gtest/gtest.h>

#include "pipeline/normalize/lang_id.h"

namespace earshot {
namespace {

TEST(Normalize, TurkishCasingMapsDottedAndDotlessI) {
  EXPECT_EQ(Normalize("İADE", true).lower, "iade");
  EXPECT_EQ(Normalize("IRMAK", true).lower, "ırmak");
  EXPECT_EQ(Normalize("IRMAK", false).lower, "irmak");
}

TEST(Normalize, FoldedFormMatchesTextTypedWithoutTurkishLetters) {
  EXPECT_EQ(Normalize("ÇOK KÖTÜ", true).folded, "cok kotu");
  EXPECT_EQ(Normalize("çok kötü", true).folded, "cok kotu");
  EXPECT_EQ(Normalize("cok kotu", true).folded, "cok kotu");
  EXPECT_EQ(Normalize("Şikâyet ığdır", true).folded, "sikayet igdir");
  EXPECT_EQ(Normalize("KARGOM HALA GELMEDI", true).folded, "kargom hala gelmedi");
}

TEST(Normalize, DecomposedInputIsComposedFirst) {
  // "ö" as o + combining diaeresis.
  EXPECT_EQ(Normalize("ko\xCC\x88tu\xCC\x88", true).lower, "kötü");
}

TEST(Normalize, SqueezesElongationButKeepsRealDoubleLetters) {
  EXPECT_EQ(Normalize("berbaaaaat", true).folded, "berbat");
  EXPECT_EQ(Normalize("soooo good", false).folded, "so good");
  EXPECT_EQ(Normalize("saat", true).folded, "saat");
  EXPECT_EQ(Normalize("good", false).folded, "good");
  EXPECT_EQ(Normalize("harikaaa!!!", true).folded, "harika!!!");
}

TEST(Normalize, TokensAreWordsAndEmoji) {
  const NormalizedText n = Normalize("Kargo rezalet 😡😡 @HizliKargo", true);
  ASSERT_EQ(n.tokens.size(), 5u);
  EXPECT_EQ(n.tokens[0].text, "kargo");
  EXPECT_EQ(n.tokens[1].text, "rezalet");
  EXPECT_FALSE(n.tokens[2].is_word);
  EXPECT_EQ(n.tokens[2].text, "😡");
  EXPECT_EQ(n.tokens[4].text, "@hizlikargo");  // a mention, not a word
}

TEST(Normalize, NeverFailsOnInvalidUtf8) {
  const NormalizedText n = Normalize(
      "a\xFF"
      "b",
      true);
  EXPECT_EQ(n.lower,
            "a\xEF\xBF\xBD"
            "b");
}

TEST(DetectLanguage, TellsTurkishFromEnglishWithAndWithoutTurkishLetters) {
  EXPECT_EQ(DetectLanguage("Siparişim hâlâ gelmedi, çok kötü").lang, "tr");
  EXPECT_EQ(DetectLanguage("siparisim hala gelmedi bu ne bicim hizmet").lang, "tr");
  EXPECT_EQ(DetectLanguage("My order still has not arrived and nobody answers").lang, "en");
  EXPECT_EQ(DetectLanguage("👍👍").lang, "");
  // "her" is English and Turkish ("every"): it is evidence for neither.
  EXPECT_EQ(DetectLanguage("Met her sister, loved it").lang, "en");
  EXPECT_EQ(DetectLanguage("her gün aynı sorun").lang, "tr");
  EXPECT_GT(DetectLanguage("Siparişim hâlâ gelmedi, çok kötü").confidence, 0.5);
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

TEST(Normalize, EmoticonsAreTokensAndEmojiSelectorsAreDropped) {
  const NormalizedText n = Normalize("thanks :) <3 ❤️ 👍🏽", false);
  std::vector<std::string> symbols;
  for (const Token& t : n.tokens) {
    if (!t.is_word) symbols.push_back(t.text);
  }
  EXPECT_EQ(symbols, (std::vector<std::string>{":)", "<3", "❤", "👍"}));
  EXPECT_EQ(Normalize("XD :D", false).tokens[1].text, ":d");
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

TEST(Normalize, UrlsMentionsAndHashtagsAreTokensOfTheirOwn) {
  const NormalizedText n =
      Normalize("@HizliKargo https://x.com/a/kargo-gelmedi #KargoGelmedi rezalet", true);
  ASSERT_GE(n.tokens.size(), 6u);
  EXPECT_EQ(n.tokens[0].kind, Token::Kind::kMention);
  EXPECT_EQ(n.tokens[0].text, "@hizlikargo");
  EXPECT_EQ(n.tokens[1].kind, Token::Kind::kUrl);
  EXPECT_EQ(n.tokens[1].text, "https://x.com/a/kargo-gelmedi");
  EXPECT_EQ(n.tokens[2].kind, Token::Kind::kHashtag);
  EXPECT_EQ(n.tokens[2].text, "#kargogelmedi");
  EXPECT_EQ(n.tokens[3].text, "kargo");
  EXPECT_EQ(n.tokens[4].text, "gelmedi");
  EXPECT_EQ(n.tokens[5].text, "rezalet");
  EXPECT_EQ(n.words,
            " @hizlikargo https://x.com/a/kargo-gelmedi #kargogelmedi kargo gelmedi rezalet ");
}

TEST(Normalize, HashtagsSplitAtCaseChangesAndDigitsAndUnderscores) {
  auto words = [](const std::string& text) {
    std::vector<std::string> out;
    for (const Token& t : Normalize(text, true).tokens) {
      if (t.is_word) out.push_back(t.text);
    }
    return out;
  };
  EXPECT_EQ(words("#İadeİstiyorum"), (std::vector<std::string>{"iade", "istiyorum"}));
  EXPECT_EQ(words("#black_friday2026"), (std::vector<std::string>{"black", "friday", "2026"}));
  EXPECT_EQ(words("#rezalet"), (std::vector<std::string>{"rezalet"}));
}

TEST(Normalize, AtAndHashInsideWordsAreNotTags) {
  const NormalizedText n = Normalize("mail ali@ornek.com c#", false);
  for (const Token& t : n.tokens) EXPECT_NE(t.kind, Token::Kind::kMention) << t.text;
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

TEST(Normalize, HtmlEntitiesFromTheXApiAreDecoded) {
  const NormalizedText text =
      Normalize("love it &lt;3 fish &amp; chips &gt;:( &quot;ok&quot;", false);
  EXPECT_EQ(text.lower, "love it <3 fish & chips >:( \"ok\"");
  bool heart = false;
  for (const Token& t : text.tokens) heart = heart || (t.text == "<3" && !t.is_word);
  EXPECT_TRUE(heart);
  // An ampersand that starts no entity stays as written.
  EXPECT_EQ(Normalize("a & b &x", false).lower, "a & b &x");
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

TEST(Normalize, RareCodePointsKeepTheirOwnCaseAndFolding) {
  // ạ (U+1EA1) folds to "a"; fullwidth Ａ (U+FF21) lowercases to ａ and does
  // not fold. They also share a slot of the per-thread cache of code points
  // outside the start-up table, so this catches a lookup that overwrites
  // another still in use.
  EXPECT_EQ(Normalize("#\xCF\x89\xE1\xBA\xA1\xEF\xBC\xA1", true).words,
            " #\xCF\x89"
            "a\xEF\xBD\x81 \xCF\x89"
            "a \xEF\xBD\x81 ");
}

TEST(DetectLanguage, CountsTurkishLettersWhereverTheyAre) {
  // Before, on and after an eight-byte boundary, and after a stray lead byte.
  EXPECT_EQ(DetectLanguage("1234567\xC5\x9F").confidence, 0.5);
  EXPECT_EQ(DetectLanguage("12345678\xC5\x9F").confidence, 0.5);
  EXPECT_EQ(DetectLanguage("\xC5\x9F").confidence, 0.5);
  EXPECT_EQ(DetectLanguage("\xC3\xC3\xA7 yes").lang, "tr");
  EXPECT_DOUBLE_EQ(DetectLanguage("\xC3\xC3\xA7 yes").confidence, 0.1);
}

}  // namespace
}  // namespace earshot
