#include "pipeline/normalize/normalizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

TEST(Normalize, TypographicApostrophesAreTheAsciiOne) {
  // What phone keyboards type: a rule or lexicon entry written "don't"
  // must see the same word.
  EXPECT_EQ(Normalize("I don’t like it", false).folded, "i don't like it");
  EXPECT_EQ(Normalize("I DON’T", false).lower, "i don't");
  EXPECT_EQ(Normalize("itʼs", false).folded, "it's");
  EXPECT_EQ(Normalize("‘great’", false).folded, "'great'");
  EXPECT_EQ(Normalize("Trendyol’dan Trendyol´dan", true).folded, "trendyol'dan trendyol'dan");
  const NormalizedText n = Normalize("don’t", false);
  ASSERT_EQ(n.tokens.size(), 1u);
  EXPECT_EQ(n.tokens[0].text, "don't");
  EXPECT_EQ(n.words, " don't ");
  // Double quotation marks keep their shapes (which way they face matters).
  EXPECT_EQ(Normalize("“great”", false).folded, "“great”");
}

TEST(Normalize, SpaceSeparatorsAreASpace) {
  // The no-break space of copied text, the thin and ideographic spaces.
  EXPECT_EQ(Normalize("iade\u00A0edilmedi", true).folded, "iade edilmedi");
  EXPECT_EQ(Normalize("iade\u2009edilmedi\u3000bence", true).words, " iade edilmedi bence ");
  // A URL ends at one, and a mention or emoticon may follow one.
  const NormalizedText n = Normalize("bak\u00A0http://x.co/a\u00A0@Kargo\u00A0:)\u00A0tamam", true);
  ASSERT_EQ(n.tokens.size(), 5u);
  EXPECT_EQ(n.tokens[1].kind, Token::Kind::kUrl);
  EXPECT_EQ(n.tokens[1].text, "http://x.co/a");
  EXPECT_EQ(n.tokens[2].kind, Token::Kind::kMention);
  EXPECT_EQ(n.tokens[3].text, ":)");
  EXPECT_EQ(n.tokens[4].text, "tamam");
}

TEST(Normalize, InvisibleCharactersInsideWordsAreDropped) {
  EXPECT_EQ(Normalize("rez\u00ADalet", true).words, " rezalet ");  // soft hyphen
  EXPECT_EQ(Normalize("rez\u200Balet", true).words, " rezalet ");  // zero-width space
  EXPECT_EQ(Normalize("\uFEFFkargo gel\u2060medi", true).folded, "kargo gelmedi");
}

TEST(Normalize, LettersInFancyFontsAreThePlainOnes) {
  // Mathematical bold, sans-serif bold, full-width and circled letters, as
  // "fancy text" generators make them.
  EXPECT_EQ(
      Normalize("\U0001D42B\U0001D41E\U0001D433\U0001D41A\U0001D425\U0001D41E\U0001D42D", true)
          .folded,
      "rezalet");
  EXPECT_EQ(
      Normalize("\U0001D5F0\U0001D5FC\U0001D5F8 \U0001D5F8\U0001D5FC\U0001D601\U0001D602", true)
          .folded,
      "cok kotu");
  EXPECT_EQ(Normalize("\uFF52\uFF45\uFF5A\uFF41\uFF4C\uFF45\uFF54", true).folded, "rezalet");
  EXPECT_EQ(Normalize("\u24E1\u24D4\u24E9\u24D0\u24DB\u24D4\u24E3", true).words, " rezalet ");
  // Capitals stay capitals: the word is shouted.
  const NormalizedText caps =
      Normalize("\U0001D411\U0001D404\U0001D419\U0001D400\U0001D40B\U0001D404\U0001D413", true);
  ASSERT_EQ(caps.tokens.size(), 1u);
  EXPECT_EQ(caps.tokens[0].text, "rezalet");
  EXPECT_TRUE(caps.tokens[0].caps);
  // Superscripts and fractions are left alone: "m²" is no "m2".
  EXPECT_EQ(Normalize("m\u00B2", false).folded, "m\u00B2");
}

TEST(Normalize, LettersSpacedOutForEmphasisAreOneWord) {
  EXPECT_EQ(Normalize("R E Z A L E T @Trendyol", true).words, " rezalet @trendyol ");
  EXPECT_EQ(Normalize("b e r b a t bir hizmet", true).folded, "berbat bir hizmet");
  EXPECT_EQ(Normalize("\u015E \u0130 K A Y E T ediyorum, k.\u00F6.t.\u00FC", true).words,
            " sikayet ediyorum kotu ");
  EXPECT_EQ(Normalize("b-e-r-b-a-t", true).folded, "berbat");
  // Spelled out in capitals, the word is shouted.
  const NormalizedText caps = Normalize("T H A N K S", false);
  ASSERT_EQ(caps.tokens.size(), 1u);
  EXPECT_TRUE(caps.tokens[0].caps);
  // Two letters are no run, and letters that are part of words stay apart.
  EXPECT_EQ(Normalize("plan A B and C", false).words, " plan a b and c ");
  EXPECT_EQ(Normalize("U.S. open", false).words, " u s open ");
  EXPECT_EQ(Normalize("ab c d e", false).words, " ab cde ");
  // The same in a text that also takes the slower path (an entity).
  EXPECT_EQ(Normalize("R E Z A L E T &amp; b e r b a t", true).folded, "rezalet & berbat");
}

TEST(Normalize, LettersMaskedInsideAWordKeepItOneWord) {
  EXPECT_EQ(Normalize("this is f*cking ridiculous", false).words, " this is f*cking ridiculous ");
  EXPECT_EQ(Normalize("F**K THIS", false).words, " f**k this ");
  EXPECT_TRUE(Normalize("F**K THIS", false).tokens[0].caps);
  // Not between letters: a separator as before.
  EXPECT_EQ(Normalize("5*3 = 15", false).words, " 5 3 15 ");
  EXPECT_EQ(Normalize("so ***great*** today", false).words, " so great today ");
  EXPECT_EQ(Normalize("great* deal", false).words, " great deal ");
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

TEST(Normalize, ARunOfLowercaseLettersReadsAsTheByteLoopReadsIt) {
  // Far from the end of a text a run of lowercase letters is copied sixteen
  // bytes at a time; at the end the byte loop reads it. Both must give the
  // same token: squeezing at every place of the run and across its start,
  // doubles, y's (which the progressive's r needs), capitals, long words.
  const char* kWords[] = {"berbaaaaat",
                          "aaargh",
                          "soooo",
                          "saat",
                          "good",
                          "kopuyo",
                          "bekliyodum",
                          "zzz",
                          "aabbccddeeffgghh",
                          "Harikaaa",
                          "kargoo",
                          "xyyy",
                          "abcdefghijklmnopqrstuvwxyz",
                          "rezaleeeeeeeeeeeeeeeeeet",
                          "GELMIYO",
                          "ab",
                          "a"};
  const std::string kFiller = " and a filler of more than sixteen bytes";
  for (const bool turkish : {true, false}) {
    for (const char* word : kWords) {
      const NormalizedText alone = Normalize(word, turkish);
      const NormalizedText far = Normalize(std::string(word) + kFiller, turkish);
      ASSERT_FALSE(alone.tokens.empty()) << word;
      ASSERT_FALSE(far.tokens.empty()) << word;
      EXPECT_EQ(far.tokens[0].text, alone.tokens[0].text) << word << " turkish=" << turkish;
      EXPECT_EQ(far.tokens[0].caps, alone.tokens[0].caps) << word;
      EXPECT_EQ(far.tokens[0].squeezed, alone.tokens[0].squeezed) << word;
      // After a letter kept by an earlier word of the same letter.
      const NormalizedText after = Normalize(std::string("aa ") + word + kFiller, turkish);
      ASSERT_GE(after.tokens.size(), 2u) << word;
      EXPECT_EQ(after.tokens[1].text, alone.tokens[0].text) << word;
    }
  }
  EXPECT_EQ(Normalize("kopuyo" + kFiller, true).tokens[0].text, "kopuyor");
  EXPECT_EQ(Normalize("berbaaaaat" + kFiller, true).tokens[0].text, "berbat");
}

TEST(Normalize, TheDroppedROfTheTurkishProgressiveIsRestored) {
  // Both paths of the main loop (plain ASCII; Turkish letters) and a word
  // at the end of the text.
  const std::pair<const char*, const char*> kCases[] = {
      {"internetim kopuyo", " internetim kopuyor "},
      {"kargom hâlâ gelmiyo!", " kargom hala gelmiyor "},
      {"ÇALIŞMIYO", " calismiyor "},
      {"bekliyom bekliyoz", " bekliyorum bekliyoruz "},
      {"yapıyosunuz bekliyodum geliyomuş", " yapiyorsunuz bekliyordum geliyormus "},
      {"bozuluyolar istiyosanız", " bozuluyorlar istiyorsaniz "},
      // Not the progressive: another letter before "yo", too short a
      // stem, "-yon" (left out for "aksiyon"), an ending it never takes.
      {"radyo stüdyo senaryo", " radyo studyo senaryo "},
      {"iyot aksiyon şampiyon", " iyot aksiyon sampiyon "},
      {"kiyo biliyomx", " kiyo biliyomx "},
  };
  for (const auto& [text, words] : kCases) {
    const NormalizedText n = Normalize(text, true);
    EXPECT_EQ(n.words, words) << text;
    // The folded form and the tokens are the same words.
    std::string joined = " ";
    for (const Token& t : n.tokens) joined += t.text + " ";
    EXPECT_EQ(joined, words) << text;
  }
  // English posts keep their words as written.
  EXPECT_EQ(Normalize("geliyo", false).words, " geliyo ");
  EXPECT_EQ(Normalize("bi", false).words, " bi ");
  EXPECT_EQ(Normalize("kargom gelmiyo", true).folded, "kargom gelmiyor");
}

TEST(Normalize, SpokenBiIsWrittenOutAsBir) {
  // Both paths of the main loop, capitals, and the end of the text; "bi"
  // inside a word or beside other letters stays.
  EXPECT_EQ(Normalize("siparişim bi haftadır yolda", true).words, " siparisim bir haftadir yolda ");
  EXPECT_EQ(Normalize("BI DAHA ASLA", true).words, " bir daha asla ");
  EXPECT_EQ(Normalize("şu işe bi", true).words, " su ise bir ");
  EXPECT_EQ(Normalize("bi.", true).folded, "bir.");
  EXPECT_EQ(Normalize("bilgi bin abi", true).words, " bilgi bin abi ");
}

TEST(Normalize, ASqueezedWordIsMarked) {
  // The plain-ASCII path, the general one (Turkish letters) and the last
  // word of a text; only the word that was squeezed is marked.
  for (const char* text : {"so goood movie", "çok güzeeeel film", "kargo çoook geç"}) {
    const NormalizedText n = Normalize(text, true);
    ASSERT_EQ(n.tokens.size(), 3u) << text;
    EXPECT_FALSE(n.tokens[0].squeezed) << text;
    EXPECT_TRUE(n.tokens[1].squeezed) << text;
    EXPECT_FALSE(n.tokens[2].squeezed) << text;
  }
  EXPECT_TRUE(Normalize("sooo", false).tokens[0].squeezed);
  EXPECT_FALSE(Normalize("good saat", true).tokens[0].squeezed);
  EXPECT_FALSE(Normalize("good saat", true).tokens[1].squeezed);
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
  // "ya" is Turkish ("or", "well") and English slang ("see ya"): neither.
  EXPECT_EQ(DetectLanguage("Thank ya, see ya soon").lang, "en");
  EXPECT_EQ(DetectLanguage("ya").lang, "");
  // "be" is the Turkish interjection too ("hayat güzel be", "yapma be"):
  // it is evidence for neither.
  EXPECT_EQ(DetectLanguage("hayat güzel be").lang, "tr");
  EXPECT_EQ(DetectLanguage("it will be fine").lang, "en");
  // Spoken "bi" and the words short reviews open with are Turkish.
  EXPECT_EQ(DetectLanguage("10 numara bi film").lang, "tr");
  EXPECT_EQ(DetectLanguage("bence izlemeye deger").lang, "tr");
  // Turkish without its letters or a stop word, told by its endings; an
  // English word met on the way ("in") does not outweigh two of them.
  EXPECT_EQ(DetectLanguage("kargo gelmedi").lang, "tr");
  EXPECT_EQ(DetectLanguage("check-in sistemi coktu, kuyruk kilometrelerce").lang, "tr");
  EXPECT_EQ(DetectLanguage("MUSTERI HIZMETLERINE ULASAMIYORUM").lang, "tr");
  EXPECT_EQ(DetectLanguage("Ordered a jacket, delivered broken").lang, "en");
  EXPECT_EQ(DetectLanguage("Finally delivered, amazing packaging").lang, "en");
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
  std::vector<std::string> more;
  for (const Token& t : Normalize("ok ^_^ ^.^ ;( :S :3 xP (: ): \\o/ x", false).tokens) {
    if (!t.is_word) more.push_back(t.text);
  }
  EXPECT_EQ(more,
            (std::vector<std::string>{"^_^", "^.^", ";(", ":s", ":3", "xp", "(:", "):", "\\o/"}));
  std::vector<std::string> later;
  for (const Token& t : Normalize("sigh :C hm =/ ugh -.- aww :') x", false).tokens) {
    if (!t.is_word) later.push_back(t.text);
  }
  EXPECT_EQ(later, (std::vector<std::string>{":c", "=/", "-.-", ":')"}));
  // Only where a token starts, and followed by a space or the end.
  EXPECT_EQ(Normalize("re:config", false).words, " re config ");
  EXPECT_EQ(Normalize("f(x): a b", false).words, " f x a b ");
  EXPECT_EQ(Normalize("(:smile:)", false).words, " smile ");
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
  // ω stays ω; ạ (U+1EA1) folds to "a"; fullwidth Ａ (U+FF21) is the plain
  // capital A, so the hashtag splits before it. ạ and Ａ also share a slot
  // of the per-thread cache of code points outside the start-up table, so
  // this catches a lookup that overwrites another still in use.
  EXPECT_EQ(Normalize("#\xCF\x89\xE1\xBA\xA1\xEF\xBC\xA1", true).words,
            " #\xCF\x89"
            "aa \xCF\x89"
            "a a ");
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

namespace earshot {
namespace {

void ExpectSameForms(const NormalizedText& got, const NormalizedText& want,
                     const std::string& text) {
  EXPECT_EQ(got.lower, want.lower) << text;
  EXPECT_EQ(got.folded, want.folded) << text;
  EXPECT_EQ(got.words, want.words) << text;
  ASSERT_EQ(got.tokens.size(), want.tokens.size()) << text;
  for (size_t i = 0; i < got.tokens.size(); ++i) {
    EXPECT_EQ(got.tokens[i].text, want.tokens[i].text) << text << " token " << i;
    EXPECT_EQ(got.tokens[i].is_word, want.tokens[i].is_word) << text << " token " << i;
    EXPECT_EQ(got.tokens[i].kind, want.tokens[i].kind) << text << " token " << i;
    EXPECT_EQ(got.tokens[i].caps, want.tokens[i].caps) << text << " token " << i;
    EXPECT_EQ(got.tokens[i].clause_start, want.tokens[i].clause_start) << text << " token " << i;
    EXPECT_EQ(got.tokens[i].after_comma, want.tokens[i].after_comma) << text << " token " << i;
    EXPECT_EQ(got.tokens[i].in_question, want.tokens[i].in_question) << text << " token " << i;
    EXPECT_EQ(got.tokens[i].quoted, want.tokens[i].quoted) << text << " token " << i;
  }
}

TEST(Normalize, TokensKnowWhetherTheirClauseEndsWithAQuestionMark) {
  auto questions = [](const std::string& text) {
    std::string marks;
    for (const Token& t : Normalize(text, false).tokens) marks += t.in_question ? 'q' : '.';
    return marks;
  };
  EXPECT_EQ(questions("isn't she lovely? yes. really?!"), "qqq.q");
  EXPECT_EQ(questions("why is it late"), "....");
  EXPECT_EQ(questions("is it http://x.co/a?b ok"), "....");  // a '?' inside a URL ends nothing
  EXPECT_EQ(questions("ok :) right ?"), "qqq");
  EXPECT_EQ(questions("#IsItOver? no"), "qqqq.");  // a hashtag and its parts
  EXPECT_EQ(questions("?"), "");
  EXPECT_EQ(questions("geliyor mu? gelmedi"), "qq.");
}

TEST(Normalize, TokensKnowWhetherTheyStandInAShortQuotation) {
  auto quoted = [](const std::string& text) {
    std::string marks;
    for (const Token& t : Normalize(text, true).tokens) marks += t.quoted ? 'q' : '.';
    return marks;
  };
  EXPECT_EQ(quoted("your \"fast\" delivery"), ".q.");
  EXPECT_EQ(quoted("great \xE2\x80\x9C"
                   "customer service\xE2\x80\x9D today"),
            ".qq.");
  EXPECT_EQ(quoted("\xC2\xAB"
                   "s\xC3\xBCper\xC2\xBB destek"),
            "q.");  // «süper»
  EXPECT_EQ(quoted("\xE2\x80\x9E"
                   "hizli\xE2\x80\x9C kargo"),
            "q.");                                         // „hızlı“ opens, “ closes
  EXPECT_EQ(quoted("\"a\" and \"b\""), "q.q");             // two quotations
  EXPECT_EQ(quoted("\"one two three four\" x"), ".....");  // too long: speech
  EXPECT_EQ(quoted("\"end. start\" x"), "...");            // two clauses
  EXPECT_EQ(quoted("an \"unclosed quote"), "...");
  EXPECT_EQ(quoted("\xE2\x80\x9D"
                   "closes first\xE2\x80\x9C"),
            "..");  // a closer opens nothing
  EXPECT_EQ(quoted("no quotes here"), "...");
  EXPECT_EQ(quoted("it's 'fine'"), "..");  // apostrophes are the scorer's to read
  // The same text object reused: a quotation of the last post is gone.
  NormalizedText text;
  NormalizeInto("\"fast\"", true, &text);
  ASSERT_EQ(text.tokens.size(), 1u);
  EXPECT_TRUE(text.tokens[0].quoted);
  NormalizeInto("fast", true, &text);
  ASSERT_EQ(text.tokens.size(), 1u);
  EXPECT_FALSE(text.tokens[0].quoted);
  // Entities are decoded first: &quot; is a quotation mark.
  EXPECT_EQ(quoted("the &quot;help&quot; desk"), ".q.");
}

TEST(Normalize, IronyAndDoubtMarksWrittenAgainstTheirWordAreTokens) {
  EXPECT_EQ(Normalize("harika(!) bir hizmet", true).words, " harika (!) bir hizmet ");
  EXPECT_EQ(Normalize("hızlı(?) kargo", true).words, " hizli (?) kargo ");
  // Other parentheses still part words.
  EXPECT_EQ(Normalize("f(x) = 2", true).words, " f x 2 ");
}

TEST(Normalize, SingleQuotesAroundAWordAreLeftOutOfTheWordsFormOnly) {
  const NormalizedText text = Normalize("the 'express' delivery, Trendyol'a 'kargo'm' '' x'", true);
  // Rule terms see the quoted word; a suffix's apostrophe stays; a word of
  // apostrophes only stays whole.
  EXPECT_EQ(text.words, " the express delivery trendyol'a kargo'm '' x ");
  // The tokens keep them: the scorer reads a word in single quotes of its own.
  ASSERT_EQ(text.tokens.size(), 7u);
  EXPECT_EQ(text.tokens[1].text, "'express'");
  EXPECT_EQ(text.tokens[4].text, "'kargo'm'");
  // The same through the path that takes a run of plain ASCII words at once.
  EXPECT_EQ(Normalize("a 'b' c 'd e' f", false).words, " a b c d e f ");
}

TEST(Normalize, TokensKnowWhetherACommaOrColonStandsBeforeThem) {
  auto commas = [](const std::string& text) {
    std::string marks;
    for (const Token& t : Normalize(text, true).tokens) marks += t.after_comma ? ',' : '.';
    return marks;
  };
  EXPECT_EQ(commas("çok kötü, hiç destek yok"), "..,..");
  EXPECT_EQ(commas("not sure , sorry"), "..,");
  EXPECT_EQ(commas("verdict: bad, really bad"), ".,,.");
  EXPECT_EQ(commas("ok :) fine"), "...");      // an emoticon's colon is no comma
  EXPECT_EQ(commas("at 10:30 then"), "..,.");  // a colon between digits still is
  EXPECT_EQ(commas("no commas here"), "...");
}

TEST(Normalize, WordsBetweenSingleSpacesKeepCapsClausesAndSqueezing) {
  // Plain words in a row take a faster path than the rest; these expectations
  // are what the code point by code point implementation gave.
  const NormalizedText n =
      Normalize("OK ABC def. BERBAAAT cok kotu hala www.x.com when XD gelmedIII", true);
  EXPECT_EQ(n.lower, "ok abc def. berbat cok kotu hala www.x.com when xd gelmedı");
  EXPECT_EQ(n.folded, "ok abc def. berbat cok kotu hala www.x.com when xd gelmedi");
  EXPECT_EQ(n.words, " ok abc def berbat cok kotu hala www.x.com when xd gelmedi ");
  ASSERT_EQ(n.tokens.size(), 11u);
  const std::vector<bool> caps = {true,  true,  false, true,  false, false,
                                  false, false, false, false, false};
  const std::vector<bool> clause_start = {true,  false, false, true,  false, false,
                                          false, false, false, false, false};
  for (size_t i = 0; i < n.tokens.size(); ++i) {
    EXPECT_EQ(n.tokens[i].caps, caps[i]) << n.tokens[i].text;
    EXPECT_EQ(n.tokens[i].clause_start, clause_start[i]) << n.tokens[i].text;
  }
  EXPECT_EQ(n.tokens[7].kind, Token::Kind::kUrl);
  EXPECT_EQ(n.tokens[9].kind, Token::Kind::kSymbol);
  EXPECT_EQ(Normalize("aa aaa bb", false).folded, "aa a bb");
}

TEST(Normalize, AFullStopTypedBetweenLettersPartsWordsButNotTheClause) {
  // "dört.dörtlük", "güzel.Tavsiye": a slip of the thumb inside a phrase.
  const NormalizedText joined = Normalize("film dört.dörtlük. GÜZEL.Şahane", true);
  EXPECT_EQ(joined.words, " film dort dortluk guzel sahane ");
  const std::vector<bool> joined_starts = {true, false, false, true, false};
  ASSERT_EQ(joined.tokens.size(), joined_starts.size());
  for (size_t i = 0; i < joined.tokens.size(); ++i) {
    EXPECT_EQ(joined.tokens[i].clause_start, joined_starts[i]) << joined.tokens[i].text;
  }
  // With a space, or beside a digit, a full stop still ends the clause, as
  // do '!' and '?' without a space.
  const NormalizedText apart = Normalize("bitti. sonra 3.kez geldi!tekrar", true);
  std::vector<bool> starts;
  for (const Token& t : apart.tokens) starts.push_back(t.clause_start);
  EXPECT_EQ(starts, (std::vector<bool>{true, true, false, true, false, true})) << apart.words;
}

TEST(NormalizeInto, ReusingADirtyOutputGivesWhatAFreshNormalizeGives) {
  const std::vector<std::string> texts = {
      "KARGOM HALA GELMEDI!!! Rezalettttt. İADE istiyorum",
      "ÇOK KÖTÜ bir hizmet, Şikâyet ığdır ırmak",
      "My order STILL hasn't arrived?? Soooo bad; never again",
      "Kargo rezalet 😡😡 ❤️ 👍🏽 thanks :) <3 XD :(((",
      "see https://x.com/a/kargo-gelmedi, www.ornek.com. and http://A.b/C?d=1&amp;e=2",
      "@HizliKargo #KargoGelmedi #black_friday2026 #İadeİstiyorum mail ali@ornek.com c#",
      // Two literals: "\xFFb" would be one escape.
      // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
      "a\xFF"
      "b \xC3 \xE2\x80 \xED\xA0\x80 @\xFF #a\xC3",
      "ko\xCC\x88tu\xCC\x88 e\xCC\x81 &lt;3 &gt;:( fish &amp; chips &quot;ok&quot; & &x",
      "",
      "a very long post that keeps going with many words so that the buffers grow well past "
      "what the short posts before and after it need, with a verylongwordthatneedsaheapstring "
      "and #AnotherVeryLongHashtagThatIsLong and https://example.com/a/very/long/path/indeed",
      "x",
  };
  for (const bool turkish : {true, false}) {
    NormalizedText scratch;
    // Twice round, so that every text meets buffers and tokens left by the
    // others, longer and shorter.
    for (int round = 0; round < 2; ++round) {
      for (const std::string& text : texts) {
        NormalizeInto(text, turkish, &scratch);
        ExpectSameForms(scratch, Normalize(text, turkish), text);
      }
    }
  }
}

TEST(NormalizeInto, ReplacesWhatTheOutputHeld) {
  NormalizedText out;
  out.lower = "stale lower";
  out.folded = "stale folded";
  out.words = " stale words ";
  out.tokens.resize(40);
  for (Token& token : out.tokens) {
    token.text = "a stale token long enough to live on the heap";
    token.is_word = false;
    token.kind = Token::Kind::kUrl;
    token.caps = true;
    token.clause_start = true;
    token.in_question = true;
  }
  NormalizeInto("Kargo GELMEDI", true, &out);
  EXPECT_EQ(out.lower, "kargo gelmedı");  // Turkish casing: I -> ı
  EXPECT_EQ(out.folded, "kargo gelmedi");
  EXPECT_EQ(out.words, " kargo gelmedi ");
  ASSERT_EQ(out.tokens.size(), 2u);
  EXPECT_EQ(out.tokens[1].text, "gelmedi");
  EXPECT_TRUE(out.tokens[1].is_word);
  EXPECT_EQ(out.tokens[1].kind, Token::Kind::kWord);
  EXPECT_TRUE(out.tokens[1].caps);
  EXPECT_FALSE(out.tokens[1].clause_start);
  EXPECT_FALSE(out.tokens[1].in_question);
  NormalizeInto("", true, &out);
  EXPECT_EQ(out.lower, "");
  EXPECT_EQ(out.folded, "");
  EXPECT_EQ(out.words, " ");
  EXPECT_TRUE(out.tokens.empty());
}

// Token::letters marks the folded bytes that were typed as ç ğ ı ö ş ü:
// in words read by the fast ASCII loop and the slow loop alike, after a
// squeezed letter, after quotes, and not for a capital I read as ı.
TEST(Normalize, LettersMarkWhereTurkishLettersWereTyped) {
  auto letters = [](const std::string& text) {
    std::vector<uint32_t> out;
    for (const Token& t : Normalize(text, /*turkish=*/true).tokens) out.push_back(t.letters);
    return out;
  };
  EXPECT_EQ(letters("çok sıktı bu film"), (std::vector<uint32_t>{0b1, 0b10010, 0, 0}));
  EXPECT_EQ(letters("şıktı döndü ölümsüz"), (std::vector<uint32_t>{0b10011, 0b10010, 0b100101}));
  EXPECT_EQ(letters("cok sikti"), (std::vector<uint32_t>{0, 0}));
  // "süüüper" is "süper": the squeezed ü's bits go with them.
  EXPECT_EQ(letters("süüüper"), (std::vector<uint32_t>{0b10}));
  // Capitals: Ş is typed, the I a Turkish reading makes ı is not.
  EXPECT_EQ(letters("ŞIKTI KÖTÜ"), (std::vector<uint32_t>{0b1, 0b1010}));
  // A quoted word keeps its quote in the token: the bits count it.
  EXPECT_EQ(letters("'şık'"), (std::vector<uint32_t>{0b110}));
  // Words after a word the ASCII loop took whole start afresh.
  EXPECT_EQ(letters("ok ok şu"), (std::vector<uint32_t>{0, 0, 0b1}));
}

}  // namespace
}  // namespace earshot
