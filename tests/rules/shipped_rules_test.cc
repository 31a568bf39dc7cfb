// Every shipped rule pack loads without a diagnostic, and every test case a
// rule carries passes: a text marked `match` is matched by that rule, one
// marked `no_match` is not.
#include <gtest/gtest.h>

#include "app/config.h"
#include "app/record_processor.h"
#include "earshot/classifier.h"
#include "earshot/rule_set.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/sentiment/sentiment_scorer.h"

namespace earshot {
namespace {

TEST(ShippedRules, LoadWithoutDiagnostics) {
  std::vector<Diagnostic> diagnostics;
  auto rules = LoadRuleSet({DataRoot() + "/rules/core"}, RuleSetOptions{}, &diagnostics);
  for (const Diagnostic& d : diagnostics) ADD_FAILURE() << d.ToString();
  ASSERT_TRUE(rules.ok());
  EXPECT_GT((*rules)->rules().size(), 20u);
}

TEST(ShippedRules, EveryRuleTestCasePasses) {
  std::vector<Diagnostic> diagnostics;
  auto rules = LoadRuleSet({DataRoot() + "/rules/core"}, RuleSetOptions{}, &diagnostics);
  ASSERT_TRUE(rules.ok());
  int cases = 0;
  for (const Rule& rule : (*rules)->rules()) {
    for (const RuleTest& test : rule.tests) {
      ++cases;
      MatchContext context = test.context;
      if (context.lang.empty() && rule.lang != "any") context.lang = rule.lang;
      bool matched = false;
      for (const Rule* r : (*rules)->Match(Normalize(test.text, context.lang != "en"), context)) {
        matched = matched || r->id == rule.id;
      }
      EXPECT_EQ(matched, test.expect_match)
          << test.where.file << ":" << test.where.line << ": rule " << rule.id << " expected "
          << (test.expect_match ? "match" : "no_match") << " for \"" << test.text << "\"";
    }
  }
  EXPECT_GT(cases, 50);
}

TEST(ShippedLexicons, LoadWithoutDiagnostics) {
  std::vector<Diagnostic> diagnostics;
  auto lexicons = LoadLexicons(DataRoot() + "/rules/lexicons", &diagnostics);
  for (const Diagnostic& d : diagnostics) ADD_FAILURE() << d.ToString();
  ASSERT_TRUE(lexicons.ok());
  EXPECT_GT((*lexicons)->tr.size(), 200u);
  EXPECT_GT((*lexicons)->en.size(), 200u);
  EXPECT_GT((*lexicons)->emoji.size(), 30u);
}

// The sentiment strength of `text` with the shipped lexicons: what its
// words say, whatever its length.
double ShippedScore(const std::string& text, const std::string& lang) {
  static const SentimentScorer* const scorer = [] {
    std::vector<Diagnostic> diagnostics;
    auto lexicons = LoadLexicons(DataRoot() + "/rules/lexicons", &diagnostics);
    return new SentimentScorer(lexicons.ok() ? *lexicons : std::make_shared<Lexicons>());
  }();
  return scorer->Score(Normalize(text, lang == "tr"), lang, text).strength;
}

// Products, shops and services whose names hold a sentiment word ("best",
// "smart", "gift", "premium", "hediye", "güvenli") are named in complaints
// without meaning it: the name must add nothing, so the complaint's own
// words decide, and the word alone must keep its valence.
TEST(ShippedLexicons, NamesThatHoldASentimentWordAddNone) {
  for (const char* name :
       {"best buy", "smart tv", "smart phones", "happy hour", "genius bar", "gift card",
        "premium subscription", "premium membership", "reward points", "free trial", "super bowl",
        "safe mode", "holiday inn", "spirit airlines"}) {
    EXPECT_EQ(ShippedScore(std::string("the ") + name + " is here", "en"), 0.0) << name;
  }
  EXPECT_LT(ShippedScore("best buy cancelled my order", "en"), 0.0);
  EXPECT_LT(ShippedScore("My Smart TV stopped working", "en"), 0.0);
  EXPECT_GT(ShippedScore("the best phone", "en"), 0.0);
  EXPECT_GT(ShippedScore("a smart choice", "en"), 0.0);
  for (const char* name : {"hediye çekim", "HEDIYE CEKIM", "hediye kartı", "güvenli mod"}) {
    EXPECT_EQ(ShippedScore(std::string(name) + " burada", "tr"), 0.0) << name;
  }
  EXPECT_GT(ShippedScore("hediye için teşekkürler", "tr"), 0.0);
}

TEST(ShippedLexicons, NotBotheringIsNeglectNotRelief) {
  // "bothered" is negative, and "nobody ... bothered" would read as relief.
  EXPECT_LT(ShippedScore("nobody has bothered to reply", "en"), 0.0);
  EXPECT_LT(ShippedScore("they didn't even bother to call", "en"), 0.0);
  EXPECT_LT(ShippedScore("did you even bother to read my email?", "en"), 0.0);
  EXPECT_LT(ShippedScore("can't be bothered with this app", "en"), 0.0);
  EXPECT_GT(ShippedScore("I'm not bothered by it at all, all good", "en"), 0.0);
}

TEST(ShippedLexicons, AskingOpeningHoursIsNoComplaint) {
  // "kapanıyor" (closes) is an app crashing only in the rules' context
  // (tr.app.crash); as a word it also asks when a shop closes.
  EXPECT_EQ(ShippedScore("bu akşam kaçta kapanıyorsunuz?", "tr"), 0.0);
  EXPECT_EQ(ShippedScore("mağaza saat 10'da kapanıyor", "tr"), 0.0);
}

TEST(ShippedLexicons, ThanksForNothingIsNoThanks) {
  EXPECT_LT(ShippedScore("thanks for nothing", "en"), 0.0);
  EXPECT_LT(ShippedScore("Thank you for NOTHING", "en"), 0.0);
  EXPECT_LT(ShippedScore("çok teşekkürler hiçbir şey için", "tr"), 0.0);
  EXPECT_LT(ShippedScore("hicbir sey icin tesekkur ederim", "tr"), 0.0);
  EXPECT_GT(ShippedScore("thanks for everything", "en"), 0.0);
  EXPECT_GT(ShippedScore("her şey için teşekkürler", "tr"), 0.0);
}

// "Nothing is better than this" holds "iyi" and "yok": read word by word it
// would be a negated good word, but it is the highest praise.
TEST(ShippedLexicons, NothingBetterThanThisIsPraise) {
  for (const char* text :
       {"bu fiyata bundan iyisi yok", "BU FIYATA BUNDAN IYISI YOK", "daha iyisi olamaz",
        "daha iyisini bulamazsınız", "lezzette üstüne yok", "hizmette eşi benzeri yok"}) {
    EXPECT_GT(ShippedScore(text, "tr"), 0.3) << text;
  }
  EXPECT_LT(ShippedScore("hiç iyi değil", "tr"), 0.0);
}

// What reviewers say of time spent on a film, either way.
TEST(ShippedLexicons, TimeLostAndAWishUnfulfilledReadNegative) {
  for (const char* text : {"Two hours of my life I will never get back.",
                           "I wanted to love this film, but it drags on", "way too long",
                           "the hype was not deserved at all"}) {
    EXPECT_LT(ShippedScore(text, "en"), 0.0) << text;
  }
  EXPECT_GT(ShippedScore("I want to see it again tomorrow", "en"), 0.0);
  EXPECT_LT(ShippedScore("I would never watch it again", "en"), 0.0);
  EXPECT_LT(ShippedScore("sıkıcı ve anlamsız, vaktinize yazık", "tr"), 0.0);
  EXPECT_GT(ShippedScore("Başrol oyuncusu döktürmüş", "tr"), 0.0);
}

// Idioms of mood read as meant, and their words elsewhere as they were.
TEST(ShippedLexicons, EverydayIdiomsOfMoodReadAsMeant) {
  for (const char* text : {"not gonna lie, today was rough", "I'm so over this weather",
                           "this is the last thing I needed today", "I've had it with this place",
                           "my patience is wearing thin", "it's been one of those days"}) {
    EXPECT_LT(ShippedScore(text, "en"), 0.0) << text;
  }
  for (const char* text :
       {"my heart is so full right now", "nothing beats a hot shower", "this made my whole week",
        "dinner was on point tonight", "she's a diamond in the rough"}) {
    EXPECT_GT(ShippedScore(text, "en"), 0.0) << text;
  }
  EXPECT_EQ(ShippedScore("I have a rough plan", "en"), 0.0);
  EXPECT_EQ(ShippedScore("we are moving to Berlin", "en"), 0.0);
  EXPECT_GT(ShippedScore("such a moving film", "en"), 0.0);
}

// Turkish idioms of mood, with and without Turkish letters.
TEST(ShippedLexicons, TurkishIdiomsOfMoodReadAsMeant) {
  for (const char* text :
       {"canım sıkkın bugün", "CANIM SIKKIN", "hiç keyfim yok", "sınavdan kaldım moralim sıfır",
        "uykusuzluktan ölüyorum", "kimseye güven kalmadı", "hicbir sey yolunda gitmiyor",
        "içim kan ağlıyor", "bu kadar da olmaz ki"}) {
    EXPECT_LT(ShippedScore(text, "tr"), 0.0) << text;
  }
  for (const char* text : {"kahvemi aldım keyfim yerinde", "annemin yemekleri gibisi yok",
                           "icim icime sigmiyor", "dünyalar benim oldu", "gülmekten ölüyorum",
                           "çok şükür her şey yolunda", "yüzümde kocaman bir gülümseme var"}) {
    EXPECT_GT(ShippedScore(text, "tr"), 0.0) << text;
  }
  // "sıkkın" folds to "sikkin", which is not "şık" (stylish) with "-ki".
  EXPECT_GT(ShippedScore("çok şık bir elbise", "tr"), 0.0);
}

// Jokes at one's own expense and ads that move are no loss: they score
// nothing, where a real loss still does.
TEST(ShippedLexicons, JokesAtOnesOwnExpenseAreNoLoss) {
  EXPECT_EQ(ShippedScore("RIP to my bank account after prime day", "en"), 0.0);
  EXPECT_EQ(ShippedScore("their ads always make me cry", "en"), 0.0);
  EXPECT_LT(ShippedScore("the news made me cry", "en"), 0.0);
}

// Turkish product reviews: fit, noise, looks and returns.
TEST(ShippedLexicons, TurkishProductReviewVerdictsReadAsMeant) {
  for (const char* text :
       {"beden tablosuna göre aldım ama çok dar geldi, iade sürecindeyim",
        "ses yapıyor, gece çalıştıramıyorum", "ayakkabı ayağımı vurdu", "renk solgun"}) {
    EXPECT_LT(ShippedScore(text, "tr"), 0.0) << text;
  }
  for (const char* text : {"bebeğim için aldım, çok yumuşak", "ürün görseldekinin aynısı"}) {
    EXPECT_GT(ShippedScore(text, "tr"), 0.0) << text;
  }
}

// Folded, a word can begin like a short lexicon word with an ending:
// "kofte" like "kof" + "-te", "hostes" like "hoş" + "-tes", "sikiliyo"
// like "şık" + "-ıl...". Such words must not take the short word's
// valence, and the verbs among them read as what they are.
TEST(ShippedLexicons, WordsThatBeginLikeAShortWordKeepTheirOwnMeaning) {
  for (const char* text : {"kofte yedik", "hostes geldi", "bostan", "adidas aldim", "siklet",
                           "cigdem geldi", "siki tutun", "lestat"}) {
    EXPECT_EQ(ShippedScore(text, "tr"), 0.0) << text;
  }
  for (const char* text : {"film cok sikiyor", "izlerken sikiliyo insan", "sıkılırsınız",
                           "kartım ATM'de sıkıştı", "cok zorlandim"}) {
    EXPECT_LT(ShippedScore(text, "tr"), 0.0) << text;
  }
  for (const char* text : {"hiç sıkılmıyorsunuz", "cok hostu", "sıkılmadan izledim"}) {
    EXPECT_GT(ShippedScore(text, "tr"), 0.0) << text;
  }
}

// Verdicts of restaurant and hotel reviews.
TEST(ShippedLexicons, ReviewVerdictsReadAsMeant) {
  for (const char* text : {"Exceeded our expectations in every way.",
                           "Service was a bit slow but the food more than made up for it.",
                           "The view from the rooftop bar is worth the trip alone."}) {
    EXPECT_GT(ShippedScore(text, "en"), 0.0) << text;
  }
  EXPECT_LT(ShippedScore("Paper-thin walls, heard our neighbors all night.", "en"), 0.0);
  EXPECT_GT(ShippedScore("Would give 10 stars if I could.", "en"), 0.0);
  EXPECT_LT(ShippedScore("Meh. It does the job but I expected more for the price.", "en"), 0.0);
}

// "zarar" and "hasar" are damage; coming to none of it is good news.
TEST(ShippedLexicons, ComingToNoHarmIsGoodNews) {
  EXPECT_GT(ShippedScore("nakliyat ekibi özenliydi, hiçbir eşya zarar görmedi", "tr"), 0.0);
  EXPECT_GT(ShippedScore("kolimiz hasar görmeden ulaştı", "tr"), 0.0);
  EXPECT_LT(ShippedScore("eşyalarım zarar gördü", "tr"), 0.0);
}

// The class of `text` with the shipped rules and lexicons, as `earshot
// classify` would give it.
const Classifier& ShippedClassifier() {
  static const std::shared_ptr<const Classifier> classifier = [] {
    auto built =
        BuildClassifier(ToolConfig({DataRoot() + "/rules/core"}, DataRoot() + "/rules/lexicons"));
    EXPECT_TRUE(built.ok()) << built.status().message();
    return built.ok() ? *built : nullptr;
  }();
  return *classifier;
}

PostClass ShippedClass(const std::string& text, const std::string& lang) {
  earshot::Post post;  // qualified: a unity build may see a test helper named Post
  post.text = text;
  post.lang = lang;
  return ShippedClassifier().Classify(post).post_class;
}

// A problem only supposed is no complaint: the customer asks what to do,
// or promises to write if one comes. One that did happen still is.
TEST(ShippedClassifier, AProblemOnlySupposedIsNoComplaint) {
  EXPECT_EQ(ShippedClass("if I have problems with the order, who do I contact?", "en"),
            PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("What happens if my parcel arrives damaged?", "en"), PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("kargo hasarlı gelirse ne yapmalıyım?", "tr"), PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("bir sorun olursa nereye başvurmalıyım?", "tr"), PostClass::kQuestion);
  EXPECT_NE(ShippedClass("if anything goes wrong I will let you know, thanks!", "en"),
            PostClass::kComplaint);
  EXPECT_NE(ShippedClass("sorun olursa size yazarım, teşekkürler", "tr"), PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("my package arrived damaged and nobody answers", "en"),
            PostClass::kComplaint);
  // A failing of the company's put as a condition is a reproach.
  EXPECT_EQ(ShippedClass("if you can't deliver on time, don't promise next day delivery", "en"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("kargo hasarlı geldi, kimse dönmüyor", "tr"), PostClass::kComplaint);
}

// "No problem at all" and "it did not arrive damaged" are no complaints.
TEST(ShippedClassifier, ANoProblemReportIsNoComplaint) {
  EXPECT_NE(ShippedClass("hiçbir sorun yaşamadım, teşekkürler", "tr"), PostClass::kComplaint);
  EXPECT_NE(ShippedClass("paket hasarlı gelmedi, teşekkürler", "tr"), PostClass::kComplaint);
  EXPECT_NE(ShippedClass("kötü gelmedi bana, fiyatına göre iyi", "tr"), PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("ürün kırık gelmedi ama eksik geldi", "tr"), PostClass::kComplaint);
}

// People censor their own swearing; it still says what it says.
TEST(ShippedLexicons, SelfCensoredSwearingCounts) {
  EXPECT_LT(ShippedScore("this is f*cking ridiculous", "en"),
            ShippedScore("this is ridiculous", "en"));
  EXPECT_LT(ShippedScore("sh*tty app", "en"), 0.0);
  EXPECT_LT(ShippedScore("F**K YOU @Comcast", "en"), 0.0);
  EXPECT_LT(ShippedScore("dogsh*t service", "en"), 0.0);
}

// A doubled letter is also read once ("goood", "happpy"), but a real word
// with a double letter is not another word: "latte" is no "late".
TEST(ShippedLexicons, RealWordsWithADoubleLetterAreNotTheirUndoubledNeighbour) {
  EXPECT_GT(ShippedScore("goood", "en"), 0.0);
  EXPECT_GT(ShippedScore("so happpy", "en"), 0.0);
  for (const char* text : {"a pumpkin latte", "we had supper at 7", "he rapped the whole album",
                           "I need access to the files", "bar hopping tonight"}) {
    EXPECT_EQ(ShippedScore(text, "en"), 0.0) << text;
  }
}

// A complaint quotes the company's own message or states a fact in a word
// that is praise elsewhere: neither is praise. "erken" (early) alone is a
// time; an early delivery keeps its phrases.
TEST(ShippedLexicons, QuotedAddressAndPlainFactsAreNoPraise) {
  EXPECT_EQ(ShippedScore("Değerli müşterimiz, kartınızdan 500 TL harcama yapılmıştır", "tr"), 0.0);
  EXPECT_EQ(ShippedScore("DEGERLI MUSTERIMIZ hesabiniz kapatilmistir", "tr"), 0.0);
  EXPECT_EQ(ShippedScore("borcumu eksiksiz ödedim", "tr"), 0.0);
  EXPECT_EQ(ShippedScore("yarın sabah erkenden yola çıkıyoruz", "tr"), 0.0);
  EXPECT_GT(ShippedScore("paketim eksiksiz geldi", "tr"), 0.0);
  EXPECT_GT(ShippedScore("kargo bir gün erken teslim edildi", "tr"), 0.0);
  EXPECT_GT(ShippedScore("çok değerli bir film", "tr"), 0.0);
  // "Can't complain" is content.
  EXPECT_GT(ShippedScore("şikayet edemem, her şey yolunda", "tr"), 0.0);
}

// Trust shaken and satisfaction harmed are loss, whatever the noun alone says.
TEST(ShippedLexicons, ShakenTrustAndHarmedSatisfactionAreNegative) {
  EXPECT_LT(ShippedScore("güvenim sarsıldı", "tr"), 0.0);
  EXPECT_LT(ShippedScore("GUVENIM SARSILDI", "tr"), 0.0);
  EXPECT_LT(ShippedScore("bankaya olan güvenimi sarstı", "tr"), 0.0);
  EXPECT_LT(ShippedScore("müşteri memnuniyetini zedeliyor", "tr"), 0.0);
  EXPECT_GT(ShippedScore("müşteri memnuniyeti çok yüksek", "tr"), 0.0);
}

// "Fast" after a fault is the speed of the fault: no praise.
TEST(ShippedLexicons, AFaultThatComesFastIsNoPraise) {
  EXPECT_LT(ShippedScore("battery is getting drained fast", "en"), 0.0);
  EXPECT_LT(ShippedScore("the strap broke easily", "en"), 0.0);
  EXPECT_LT(ShippedScore("pil çok çabuk bitiyor", "tr"), 0.0);
  EXPECT_LT(ShippedScore("sarji hemen bitiyor", "tr"), 0.0);
  EXPECT_LT(ShippedScore("kumaşı çabuk tüy yaptı", "tr"), 0.0);
  EXPECT_GT(ShippedScore("delivery was fast", "en"), 0.0);
  EXPECT_GT(ShippedScore("kargo hızlı geldi", "tr"), 0.0);
}

// What a bank does to a customer's account, said plainly, is a grievance.
TEST(ShippedLexicons, BlockedAccountsAndUnauthorisedChargesAreNegative) {
  for (const char* text :
       {"hesabım engellendi", "HESABIM ENGELLENDI", "yetkisiz harcama yapıldı",
        "açıklamasız ücret kesildi", "bildirimsiz limit düşürüldü", "sözleşme ihlali",
        "müşteri temsilcisi hakaret etti", "ATM kartımı yuttu", "kimlik doğrulama krizi"}) {
    EXPECT_LT(ShippedScore(text, "tr"), 0.0) << text;
  }
}

// Reviews fault a film in plain words; the material keeps none.
TEST(ShippedLexicons, AFilmsFaultsInPlainWordsAreNegative) {
  for (const char* text :
       {"the dialogue is wooden", "a predictable, formulaic plot", "the jokes fell flat",
        "visuals can't save a lazy script", "paper thin characters"}) {
    EXPECT_LT(ShippedScore(text, "en"), 0.0) << text;
  }
  EXPECT_EQ(ShippedScore("a wooden table", "en"), 0.0);
}

TEST(ShippedLexicons, SlangReadsAsMeant) {
  EXPECT_GT(ShippedScore("the new menu slaps", "en"), 0.0);
  EXPECT_LT(ShippedScore("ngl this update is mid", "en"), 0.0);
  EXPECT_LT(ShippedScore("so mid", "en"), 0.0);
  // "mid" alone is a place in time or a range.
  EXPECT_EQ(ShippedScore("mid-season sale starts today", "en"), 0.0);
  EXPECT_EQ(ShippedScore("we met mid way", "en"), 0.0);
}

// Phone keyboards type "don’t"; it must read as "don't" does.
TEST(ShippedClassifier, ATypographicApostropheReadsAsTheAsciiOne) {
  for (const char* text : {"I don’t like this app", "the new update isn’t good",
                           "I’m done with you and your mess @brand"}) {
    const std::string ascii = [&] {
      std::string s = text;
      for (size_t at = s.find("’"); at != std::string::npos; at = s.find("’")) {
        s.replace(at, std::string("’").size(), "'");
      }
      return s;
    }();
    EXPECT_EQ(ShippedClass(text, "en"), ShippedClass(ascii, "en")) << text;
  }
  EXPECT_LT(ShippedScore("I don’t like it", "en"), 0.0);
  EXPECT_GT(ShippedScore("you won’t regret it", "en"), 0.0);
  EXPECT_NE(ShippedClass("I don’t like this app", "en"), PostClass::kPraise);
  EXPECT_EQ(ShippedClass("I’m done with you and your mess @brand", "en"), PostClass::kComplaint);
}

// Copied text and "fancy text" generators change how a post looks, not
// what it says.
TEST(ShippedClassifier, NoBreakSpacesFancyLettersAndSpacedLettersReadAsPlainText) {
  EXPECT_EQ(ShippedClass("param iade\u00A0edilmedi\u00A0hala", "tr"), PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("\U0001D5F8\U0001D5EE\U0001D5FF\U0001D5F4\U0001D5FC "
                         "\U0001D5FF\U0001D5F2\U0001D607\U0001D5EE\U0001D5F9\U0001D5F2\U0001D601 "
                         "@trendyol",
                         "tr"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("R E Z A L E T bir kargo", "tr"), PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("my refund has not arrived\u200B yet @brand", "en"),
            ShippedClass("my refund has not arrived yet @brand", "en"));
}

// A review's class with the shipped rules and lexicons, given its stars.
PostClass ShippedReviewClass(const std::string& text, const std::string& lang, int stars) {
  earshot::Post post;
  post.text = text;
  post.lang = lang;
  post.channel = "google_play";
  post.rating = stars;
  return ShippedClassifier().Classify(post).post_class;
}

// A question whose complaint words all lie in the condition it sets asks
// what the company would do; asking "why" after one, or a reproach put as
// a condition, still complains.
TEST(ShippedClassifier, AQuestionWhoseComplaintLiesInItsConditionAsks) {
  EXPECT_EQ(ShippedClass("@carhire if my train is delayed and I arrive 2 hrs late for pick up, "
                         "is the car still held for me?",
                         "en"),
            PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("trenim gecikirse ve araca 2 saat geç gelirsem rezervasyonum iptal "
                         "olur mu?",
                         "tr"),
            PostClass::kQuestion);
  EXPECT_EQ(
      ShippedClass("if my parcel was delivered, why is it not here? 2 hrs late already", "en"),
      PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("my train was delayed 2 hrs and the car was given away, is that legal "
                         "for a booking I paid for?",
                         "en"),
            PostClass::kComplaint);
  // Asked after its condition without a question mark.
  EXPECT_EQ(ShippedClass("if my train gets cancelled because of the storm do I get refunded "
                         "automatically or do I need to request it",
                         "en"),
            PostClass::kQuestion);
  EXPECT_NE(ShippedClass("if the panel says the sky is blue will you disagree", "en"),
            PostClass::kQuestion);
}

// Information looked for on the company's site and not found is the reason
// for asking; the writer's own order not found there is a fault.
TEST(ShippedClassifier, AnAnswerNotFoundOnTheSiteIsTheReasonForAsking) {
  EXPECT_EQ(ShippedClass("do you ship to Malta? couldn't find it anywhere on the website", "en"),
            PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("pazar günü açık mısınız, sitenizde çalışma saatlerini bulamadım", "tr"),
            PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("siparişimi sitede göremiyorum, 3 gündür bekliyorum", "tr"),
            PostClass::kComplaint);
  // A piece of information looked for is a reason for asking too.
  EXPECT_EQ(ShippedClass("bu krem hamilelikte kullanılabilir mi? içerik listesini bulamadım", "tr"),
            PostClass::kQuestion);
}

// Stars are the writer's verdict: a well-rated review that reads a little
// negative, with no complaint rule, is no complaint; one that turns from
// its praise to a problem still is.
TEST(ShippedClassifier, WellRatedReviewsThatReadMildlyNegativeAreNoComplaint) {
  EXPECT_NE(ShippedReviewClass("arıza kaydı açtım, ertesi gün usta geldi. fena değil", "tr", 4),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedReviewClass("genel olarak memnunum ama son sürümden beri ödeme ekranında "
                               "'bir hata oluştu' diyor",
                               "tr", 4),
            PostClass::kComplaint);
}

// A problem told in the Turkish pluperfect and put right is no complaint
// to mock: the thanks after it are sincere.
TEST(ShippedClassifier, ThanksAfterAProblemPutRightAreSincere) {
  EXPECT_EQ(ShippedClass("kartım kaybolmuştu, uygulamadan kapattım, yenisi 2 günde geldi. "
                         "eline sağlık",
                         "tr"),
            PostClass::kPraise);
}

// A scam believed and found untrue is no fraud report; one believed now is.
TEST(ShippedClassifier, AScamBelievedThenFoundUntrueIsNoFraud) {
  EXPECT_NE(ShippedClass("my gran rang the bank convinced a letter was a scam, turned out it was "
                         "genuine. the staff were so kind",
                         "en"),
            PostClass::kComplaint);
  EXPECT_NE(ShippedClass("My brother was 100% sure the half price sofa deal was a scam. It wasn't.",
                         "en"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("I'm sure this is a scam, they took 40 pounds from my card", "en"),
            PostClass::kComplaint);
}

// A legal threat said in jest, laughing, in a post that reads no worse
// than level, decides nothing.
TEST(ShippedClassifier, ALawsuitQuotedInJestIsNoThreat) {
  EXPECT_NE(ShippedClass("annem 'bir paket daha gelirse seni mahkemeye veririm' diyor 😂 sepette "
                         "9 ürün var",
                         "tr"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("param iade edilmezse sizi mahkemeye vereceğim", "tr"),
            PostClass::kComplaint);
}

// A specific fault put right, in a review rated five stars, is praise; a
// forgiven delay is no complaint.
TEST(ShippedClassifier, AFaultPutRightAndRatedWellIsPraise) {
  EXPECT_EQ(ShippedReviewClass("Box came damaged, sent a photo, replacement arrived next day. "
                               "That's how it should be done.",
                               "en", 5),
            PostClass::kPraise);
  EXPECT_EQ(ShippedReviewClass("Box came damaged and nobody answers my emails", "en", 5),
            PostClass::kComplaint);
  EXPECT_NE(ShippedClass("train was 20 min late but the staff were lovely and kept us posted, no "
                         "hard feelings",
                         "en"),
            PostClass::kComplaint);
}

// A false alarm the writer takes back is no complaint; a fault found out
// is one.
TEST(ShippedClassifier, AFalseAlarmTakenBackIsNoComplaint) {
  EXPECT_NE(ShippedClass("internet gitti diye panikledim meğer kedi modemin fişini çekmiş, kusura "
                         "bakmayın arıza kaydını iptal edin",
                         "tr"),
            PostClass::kComplaint);
  EXPECT_NE(ShippedClass("thought my parcel was lost, turns out my neighbour had it all along. "
                         "sorry for the fuss",
                         "en"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("my parcel is lost, turns out they never even sent it", "en"),
            PostClass::kComplaint);
  // "pardon", "boşverin", "never mind", "my mistake" take it back too.
  EXPECT_NE(ShippedClass("elektrikler gitti diye size yazacaktım, meğer bizim evin sigortası "
                         "atmış 😅 pardon",
                         "tr"),
            PostClass::kComplaint);
  EXPECT_NE(ShippedClass("hesabımdan 2000 tl gitmiş diye kalbim durdu, meğer otomatik talimat "
                         "vermişim, boşverin sorun yok",
                         "tr"),
            PostClass::kComplaint);
  EXPECT_NE(ShippedClass("app wouldn't load all morning, turns out my phone was in flight mode. "
                         "never mind!",
                         "en"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("meğer kargo hiç çıkmamış, pardon ama bu ne rezalet", "tr"),
            PostClass::kComplaint);
  // Found out as "found it", "realised", "fark ettim"; "nothing to see here".
  EXPECT_NE(ShippedClass("nvm @parcelhelp found it, neighbour had my package the whole time, "
                         "sorry for the @",
                         "en"),
            PostClass::kComplaint);
  EXPECT_NE(ShippedClass("was about to tear into @parcelco for losing my parcel, then realised I "
                         "sent it to my old flat. nothing to see here",
                         "en"),
            PostClass::kComplaint);
  EXPECT_NE(ShippedClass("faturam yüksek geldi diye yazacaktım, sonradan fark ettim paketi ben "
                         "açmışım, pardon",
                         "tr"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("found it at the depot myself after 3 weeks, terrible service", "en"),
            PostClass::kComplaint);
}

// A parcel's status shown as still somewhere, a promise repeated every
// day, a fee taken twice: complaints without a complaint word.
TEST(ShippedClassifier, StatusesStuckAndFeesTakenTwiceAreComplaints) {
  EXPECT_EQ(ShippedClass("3 kasımda verdiğim sipariş hâlâ 'aktarma merkezinde' görünüyor", "tr"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("ordered on the 2nd, \"out for delivery\" every day since", "en"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("the gym took my membership fee twice this month", "en"),
            PostClass::kComplaint);
}

// A question asked before buying names problems that are supposed or
// other people's; leaving may be a question's condition; a problem laid at
// another company's door in a post that reads well is none of ours.
TEST(ShippedClassifier, QuestionsBeforeBuyingAndProblemsElsewhereAreNoComplaints) {
  EXPECT_EQ(ShippedClass("has anyone had screen problems with the Lumo tablet after a year? "
                         "thinking of getting one for my mum",
                         "en"),
            PostClass::kQuestion);
  EXPECT_EQ(
      ShippedClass("kargoda hasar görürse iade alıyor musunuz? almadan önce sorayım dedim", "tr"),
      PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("If I cancel my subscription mid month do I still pay for the whole "
                         "month? just wondering",
                         "en"),
            PostClass::kQuestion);
  {
    // A leaving only supposed is no leaving said: no churn flag.
    earshot::Post post;
    post.text =
        "aboneliği iptal edersem kalan günler yanıyor mu yoksa dönem sonuna kadar "
        "izleyebiliyor muyum?";
    post.lang = "tr";
    const Verdict v = ShippedClassifier().Classify(post);
    EXPECT_EQ(v.post_class, PostClass::kQuestion);
    EXPECT_TRUE(v.urgent.empty());
  }
  EXPECT_EQ(ShippedClass("How do I cancel my subscription?", "en"), PostClass::kQuestion);
  EXPECT_EQ(ShippedReviewClass("How do I close my account? Done after the fee change.", "en", 1),
            PostClass::kComplaint);
  EXPECT_NE(ShippedClass("my friend's parcel got lost with some other courier again, told her to "
                         "use you next time, never had a problem",
                         "en"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("my parcel got lost again, my old courier never did this", "en"),
            PostClass::kComplaint);
}

// Praise alone under low stars is how sarcasm reads: the stars decide.
TEST(ShippedClassifier, PraiseUnderLowStarsIsSarcasm) {
  EXPECT_EQ(ShippedReviewClass("Five stars for creativity, my parcel is now in Belgium. I live in "
                               "Leeds.",
                               "en", 1),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedReviewClass("Amazing. Just amazing.", "en", 1), PostClass::kComplaint);
}

// "yeter" after a condition suffices; on its own it is "enough!".
TEST(ShippedLexicons, EnoughAfterAConditionSuffices) {
  EXPECT_EQ(ShippedScore("fiyat aralığı söylerseniz yeter", "tr"), 0.0);
  EXPECT_LT(ShippedScore("yeter artık, bıktım", "tr"), 0.0);
}

// A grin laughs as tears of joy do; a neighbour's problem with another
// courier is none of ours; "hakkınızı yemeyelim" gives credit.
TEST(ShippedClassifier, GrinsNeighboursAndCreditReadAsMeant) {
  EXPECT_NE(ShippedClass("baklavaları tehlikeli derecede güzel, haklarında dava açacağım 😄", "tr"),
            PostClass::kComplaint);
  EXPECT_NE(ShippedClass("My neighbour's parcel from another courier got left in the rain again "
                         "lol. ours always come through fine with you",
                         "en"),
            PostClass::kComplaint);
  EXPECT_GT(ShippedScore("yarım saatte gelip aldılar, hakkınızı yemeyelim", "tr"), 0.0);
}

// The urgent flags a post carries with the shipped rules and lexicons.
std::vector<std::string> ShippedFlags(const std::string& text, const std::string& lang) {
  earshot::Post post;
  post.text = text;
  post.lang = lang;
  return ShippedClassifier().Classify(post).urgent;
}

// A lawyer or a harm named in a recommendation is no alarm; a polite
// threat with thanks is, and so is a recommendation denied.
TEST(ShippedClassifier, ALawyerOrAHarmInARecommendationIsNoAlarm) {
  const auto& urgent = ShippedFlags;
  EXPECT_TRUE(urgent("Used them to sort out my will. The lawyer explained everything clearly and "
                     "there were no hidden fees. Highly recommend.",
                     "en")
                  .empty());
  EXPECT_TRUE(
      urgent("avukat hanım çok ilgiliydi, süreci harika yönetti, herkese tavsiye ederim", "tr")
          .empty());
  EXPECT_EQ(urgent("Thank you for your reply. My lawyer will be in touch.", "en"),
            std::vector<std::string>{"legal"});
  EXPECT_EQ(urgent("Çok teşekkür ederim, tüketici hakem heyetine başvurdum bile", "tr"),
            std::vector<std::string>{"legal"});
  EXPECT_EQ(urgent("avukat çok ilgisizdi, tavsiye etmem, dava açacağım", "tr"),
            std::vector<std::string>{"legal"});
}

// A mishap of the writer's own, told as the reason for asking a service,
// is a question; the company's doing, or a reproach, is a complaint.
TEST(ShippedClassifier, AServiceAskedAfterTheWritersOwnMishapIsAQuestion) {
  EXPECT_EQ(ShippedClass("lost my debit card last night, how do I order a new one? can I do it "
                         "in the app",
                         "en"),
            PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("phone got nicked on the bus 😭 can you block my sim and how do I get a "
                         "replacement",
                         "en"),
            PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("telefonum çalındı 😭 hattımı hemen kapattırabilir miyim, yeni sim "
                         "nereden alınır",
                         "tr"),
            PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("you lost my parcel again, how do I get my money back?", "en"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("I lost my card and you charged me 25 pounds for a new one, why?", "en"),
            PostClass::kComplaint);
  // A slip of the writer's own: "by mistake", "yanlışlıkla", "dropped my".
  EXPECT_EQ(ShippedClass("siparişi yanlışlıkla eski adresime verdim, kargo çıkmadan adresi "
                         "değiştirebilir miyim",
                         "tr"),
            PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("I accidentally shipped my order to the wrong address. Can I change it "
                         "please?",
                         "en"),
            PostClass::kQuestion);
  EXPECT_EQ(ShippedClass(
                "your driver dropped my tv and the screen is cracked, can I get a new one?", "en"),
            PostClass::kComplaint);
  // What a policy covers, asked after a mishap that is the reason to ask.
  EXPECT_EQ(ShippedClass("battery died on the motorway, does my policy include breakdown cover and "
                         "what number do I call?",
                         "en"),
            PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("araba otobanda kaldı akü bitti galiba, kaskomda yol yardım var mı hangi "
                         "numarayı aramam lazım",
                         "tr"),
            PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("your site is confusing. does the live plan include no ads?", "en"),
            PostClass::kComplaint);
}

// A question asked in admiration, in a post of clear praise, is praise; a
// genuine question beside thanks still asks.
TEST(ShippedClassifier, AQuestionAskedInAdmirationIsPraise) {
  EXPECT_EQ(ShippedClass("ordered last night, on my doorstep by 8am. how do you even do that?? "
                         "legends, thank you",
                         "en"),
            PostClass::kPraise);
  EXPECT_EQ(ShippedClass("kim demiş müşteri hizmetleri kötü diye? 5 dakikada sorunumu çözdünüz, "
                         "çok teşekkürler 🙏",
                         "tr"),
            PostClass::kPraise);
  EXPECT_EQ(ShippedClass("thank you so much! how do I track my order?", "en"),
            PostClass::kQuestion);
}

// A three-star review in lukewarm words is nothing to answer; one that
// reports a problem is still a complaint.
TEST(ShippedClassifier, ALukewarmThreeStarReviewIsNeutral) {
  EXPECT_EQ(ShippedReviewClass("It's fine. Average coffee, average prices, wifi works.", "en", 3),
            PostClass::kNeutral);
  EXPECT_EQ(
      ShippedReviewClass("Sıradan bir kafe. Kahvesi idare eder, fiyatları ortalama.", "tr", 3),
      PostClass::kNeutral);
  EXPECT_EQ(
      ShippedReviewClass("Average food, and the bill had drinks we never ordered on it", "en", 3),
      PostClass::kComplaint);
}

// A fraud alarm taken back loses its flag, and a problem taken back is
// nothing to answer whatever the stars.
TEST(ShippedClassifier, AFraudAlarmTakenBackIsNoAlarm) {
  earshot::Post post;
  post.text =
      "Dün kartımdan 2 kere çekildi diye yazmıştım, meğer biri provizyonmuş, bu sabah "
      "düştü. Yanlış alarm, kusura bakmayın";
  post.lang = "tr";
  post.channel = "google_play";
  post.rating = 4;
  const Verdict v = ShippedClassifier().Classify(post);
  EXPECT_TRUE(v.urgent.empty());
  EXPECT_EQ(v.post_class, PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("someone took 400 pounds from my account, this is fraud", "en"),
            PostClass::kComplaint);
}

// A problem asked about before it happens ("will there be any downtime?",
// "sorun olur mu?") weighs nothing; one that happened still does.
TEST(ShippedLexicons, AProblemAskedAboutBeforeItHappensWeighsNothing) {
  EXPECT_EQ(ShippedScore("will there be any downtime", "en"), 0.0);
  EXPECT_EQ(ShippedScore("kendi pastamızı getirsek sorun olur mu", "tr"), 0.0);
  EXPECT_EQ(ShippedClass("we're moving house next month, how do I transfer my broadband to the "
                         "new address? will there be any downtime",
                         "en"),
            PostClass::kQuestion);
  EXPECT_LT(ShippedScore("there was downtime all weekend", "en"), 0.0);
  EXPECT_LT(ShippedScore("neden sorun olur mu diye sormadınız", "tr"), 0.0);
}

// A fault counted ("for the third time", "üçüncü kez") is open, so praise
// beside it is sarcasm, not thanks for a fix.
TEST(ShippedClassifier, AFaultCountedIsOpenWhateverTheThanks) {
  EXPECT_EQ(ShippedClass("harika hizmet, üçüncü kez aynı yanlış ürün geldi, artık koleksiyon "
                         "yapıyorum",
                         "tr"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("ilk kez sipariş verdim, yanlış beden gelmişti ama hemen değiştirdiler, "
                         "harika hizmet teşekkürler",
                         "tr"),
            PostClass::kPraise);
}

// A negative question aimed at no company (a finale, the economy) vents
// about the world; one about an order is a complaint put as a question.
TEST(ShippedClassifier, ANegativeQuestionAimedAtNoCompanyIsNeutral) {
  EXPECT_EQ(ShippedClass("that season finale was awful, six years for this??", "en"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("dizinin sonu berbattı, bunun için mi bekledik?", "tr"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("why is my order so late, this is awful??", "en"), PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("siparişim neden hâlâ gelmedi, bu ne rezalet?", "tr"),
            PostClass::kComplaint);
}

// A writer who blames no one at the company ("not your fault at all",
// "kimsenin suçu yok") has nothing for it to answer; the company's excuse
// reported, or a request beside it, still wants an answer.
TEST(ShippedClassifier, AWriterWhoBlamesNoOneAtTheCompanyRaisesNoComplaint) {
  EXPECT_EQ(ShippedClass("@Skyline not your fault at all, the storm grounded every flight, awful "
                         "evening though",
                         "en"),
            PostClass::kNeutral);
  EXPECT_EQ(
      ShippedClass("kimsenin suçu yok biliyorum, sis yüzünden uçuş gecikti, berbat bir gece", "tr"),
      PostClass::kNeutral);
  // Good humour about a problem nobody caused thanks no one either.
  EXPECT_EQ(ShippedClass("@havayolu kimsenin suçu yok biliyorum, sis yüzünden rötar var, çay simit "
                         "keyif yapıyoruz 😌",
                         "tr"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("not your fault, but please chase the courier, my parcel is lost", "en"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("you keep saying it's not your fault, my parcel is still lost", "en"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("how is it not your fault? my parcel is still lost", "en"),
            PostClass::kComplaint);
}

// A false alarm found out and apologised for in the forms people use:
// "değilmiş" (it turns out it was not), "az önceki tweet için özür", the
// wrong company tagged, "crisis averted". An apology awaited is no
// retraction.
TEST(ShippedClassifier, AFalseAlarmFoundOutInOtherWordsIsTakenBack) {
  EXPECT_EQ(ShippedClass("@Banka kartım bloke oldu diye yazmıştım, bloke değilmiş, limiti ben "
                         "doldurmuşum. Az önceki tweet için özür",
                         "tr"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("Yanlışlıkla sizi etiketlemişim, paketimi kaybeden başka firmaymış, "
                         "kusura bakmayın",
                         "tr"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("wifi down all morning and i was furious, crisis averted, the router was "
                         "unplugged",
                         "en"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("@Banka kartım bloke oldu, az önceki tweet için özür bekliyorum", "tr"),
            PostClass::kComplaint);
}

// A stop the company announced, asked about, is no fault; one that ran
// past its end is. A mishap of the writer's own with leave asked ("can i
// freeze it") is a question without a question mark.
TEST(ShippedClassifier, AQuestionAboutAPlannedStopOrAfterAMishapIsAQuestion) {
  EXPECT_EQ(ShippedClass(
                "@gridco saw the planned outage notice for thursday, how long will it last?", "en"),
            PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("@enerji yarın planlı kesinti varmış, kaç saat sürer acaba?", "tr"),
            PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("@gridco the planned outage was meant to end at 6 and we still have no "
                         "power, how long now?",
                         "en"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("@bankco lost my card at the gym, can i freeze it in the app or do i "
                         "need to call",
                         "en"),
            PostClass::kQuestion);
}
// The blame laid at someone else's door in more words: another's fault
// denied ("not even @zipfibre's fault", "firmanın suçu yok"), "siz değil"
// (not you), "nothing to do with the shop", "bizim bankayla alakası yok";
// not "diğer şubelerinizle alakası yok" (this branch is the one blamed),
// nor "nothing to do with my order" (a charge wrongly made).
TEST(ShippedClassifier, TheBlameLaidElsewhereInMoreWordsRaisesNoComplaint) {
  EXPECT_EQ(ShippedClass("wifi's dead cos i forgot to pay the bill, not even @ZipFibre's fault, "
                         "absolute disaster",
                         "en"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("card declined at the checkout, my own bank flagged it, nothing to do "
                         "with the shop, awful morning",
                         "en"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("@HizliKargo kargomu siz değil başka firma getiriyormuş, boşuna size "
                         "yazmışım, onlar da cevap vermiyor",
                         "tr"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("ev arkadaşımın kartı 3 gündür açılmıyormuş, berbat, bizim bankayla "
                         "alakası yok",
                         "tr"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("Personel çok kaba, kasadaki çocuk yüzümüze bağırdı. Diğer "
                         "şubelerinizle alakası yok, bu şube denetlenmeli",
                         "tr"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("@bank you charged me twice, the second charge has nothing to do with "
                         "my order",
                         "en"),
            PostClass::kComplaint);
}

// A false alarm in more words: the wrong company tagged in English, a
// charge remembered as the writer's own ("as you were"), a subscription
// forgotten ("unutmuşum").
TEST(ShippedClassifier, AFalseAlarmRememberedOrMistaggedIsTakenBack) {
  EXPECT_EQ(ShippedClass("oops tagged @ParcelPilot by mistake, a different courier lost my "
                         "parcel. sorry guys",
                         "en"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("panicked about a £39 charge from @TelvoMobile then remembered i "
                         "upgraded my own plan. as you were",
                         "en"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("@Banka hesaptan çekilen 199 TL'yi sormuştum, kendi dizi aboneliğimmiş "
                         "unutmuşum, kusura bakmayın",
                         "tr"),
            PostClass::kNeutral);
}

// A wait counted as time gone by ("1 saat 40 dk oldu", "it's been 3
// days") before a question chases what is owed.
TEST(ShippedClassifier, AWaitCountedAsTimeGoneByMakesTheQuestionAChase) {
  EXPECT_EQ(ShippedClass("@LokmaGelsin uygulama 50 dk dedi 1 saat 40 dk oldu, sipariş no 88412307 "
                         "ne oluyor??",
                         "tr"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("@insure it's been 9 days since i sent the photos, when will someone "
                         "look at it?",
                         "en"),
            PostClass::kComplaint);
}

// Blame taken in mockery ("my fault for trusting you") is laid at the
// company; "inanamadım" is surprise, and weighs nothing against thanks.
TEST(ShippedClassifier, BlameTakenInMockeryAndSurpriseAreReadAsMeant) {
  EXPECT_EQ(ShippedClass("my fault for trusting you with my parcel, it's terrible", "en"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("ilk defa bir müşteri temsilcisi sorunumu 3 dakikada çözdü inanamadım "
                         "😂 @MaviCell teşekkürler",
                         "tr"),
            PostClass::kPraise);
}
// Turkish thanks beside a fault still told thank for nothing; beside a fix
// said in words they thank for the fix.
TEST(ShippedClassifier, TurkishThanksBesideAFaultStillToldAreNoPraise) {
  EXPECT_EQ(ShippedClass("teşekkürler @AnadoluEnerji faturam bu ay iki katına çıkmış, herhalde "
                         "evde gizli fabrika çalıştırıyorum",
                         "tr"),
            PostClass::kComplaint);
  EXPECT_EQ(
      ShippedClass("@kargo paketim 2 gün gecikti ama hemen ilgilendiniz, çok teşekkürler", "tr"),
      PostClass::kPraise);
}
// Turkish particles that ask no one: "gülsem mi ağlasam mı", the tag "di
// mi", a wondering after "bakalım"; and a question put to whoever has done
// a thing ("daha önce uçan var mı?") or to the readers ("sizce").
TEST(ShippedClassifier, TurkishParticlesThatAskNoOneMakeNoQuestion) {
  EXPECT_EQ(ShippedClass("kız arkadaşımın kuaförü saçını yakmış, gülsem mi ağlasam mı bilemedim 😂 "
                         "neyse ki kısa saç yakıştı",
                         "tr"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass(
                "sevgiliye kargoyla sürpriz hediye gönderdim bakalım beğenecek mi 🤭", "tr"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("AnkaJet 5 yeni hat açıyor, Trabzon-Münih seferleri haziranda "
                         "başlıyormuş. daha önce uçan var mı?",
                         "tr"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("@kargo paketim yarın gelir mi?", "tr"), PostClass::kQuestion);
}
// A safety scare the writer calls a false alarm in so many words keeps no
// flag; a burn the writer owns to is no complaint; a vaguer retraction
// leaves the flag standing.
TEST(ShippedClassifier, ASafetyScareCalledAFalseAlarmRaisesNoAlarm) {
  const std::string scare =
      "panicked thinking my @VoltTech power bank was swelling, turns out it was just the cheap "
      "rubber case I'd squeezed it into. false alarm, carry on";
  EXPECT_TRUE(ShippedFlags(scare, "en").empty());
  EXPECT_EQ(ShippedClass(scare, "en"), PostClass::kNeutral);
  EXPECT_EQ(ShippedFlags("@VoltTech my power bank is swelling and hot to the touch", "en"),
            std::vector<std::string>{"safety"});
  EXPECT_NE(ShippedClass("burnt my thumb on the oven tray making tonight's @FreshBite kit, my "
                         "own clumsiness, the card said use oven gloves",
                         "en"),
            PostClass::kComplaint);
  EXPECT_NE(ShippedClass("Sepetle'den gelen malzemelerle menemen yaparken elimi tavaya "
                         "değdirdim, sakarlık bende tabii",
                         "tr"),
            PostClass::kComplaint);
}

// The question-mark emoji and a closing "when" ask as "?" does; a poll for
// the comments asks the readers, not the company.
TEST(ShippedClassifier, QuestionEmojiAndShorthandAsk) {
  EXPECT_EQ(ShippedClass("@Shieldly does travel cover skiing \u26f7\u2753", "en"),
            PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("@GlowNest restock when \U0001F629\U0001F64F", "en"),
            PostClass::kQuestion);
  EXPECT_EQ(ShippedClass("Munchly mi Lezzetyolu mu, yorumlara yazin", "tr"), PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("Munchly or Lezzetyolu? tell me in the comments", "en"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("TelNova'nin yeni reklamini gordunuz mu 😂 muzik cok guzel", "tr"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("@TelNova mesajımı gördünüz mü? hala bekliyorum", "tr"),
            PostClass::kComplaint);
}

// Stars over words that judge nothing (a wish, an app not yet used) make
// no praise; a how-to question under one star asks; stars the writer says
// cannot be edited, beside a retraction, make no complaint.
TEST(ShippedClassifier, StarsOverWordsThatJudgeNothingDecideNothing) {
  EXPECT_EQ(ShippedReviewClass("wish there was a dark mode", "en", 4), PostClass::kNeutral);
  EXPECT_EQ(ShippedReviewClass("keşke bir de çocuk profili olsa", "tr", 4), PostClass::kNeutral);
  EXPECT_EQ(ShippedReviewClass("Kardesim indirtti bakalim daha kullanmadim", "tr", 5),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedReviewClass("Downloaded for the sign-up bonus, will see how it goes", "en", 5),
            PostClass::kNeutral);
  // A wish beside praise is still praise.
  EXPECT_EQ(
      ShippedReviewClass("Best banking app I've used. Only wish I could rename my pots.", "en", 4),
      PostClass::kPraise);
  EXPECT_EQ(
      ShippedReviewClass(
          "How do I change the email on my account? Can't find it anywhere in settings", "en", 1),
      PostClass::kQuestion);
  EXPECT_EQ(
      ShippedReviewClass("Yeni telefona geçtim, uygulamayı eski hesabıma nasıl bağlarım?", "tr", 1),
      PostClass::kQuestion);
  // "Why" under one star reproaches.
  EXPECT_EQ(ShippedReviewClass("Why does the app log me out every time I switch apps??", "en", 1),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedReviewClass("Ignore my earlier review, the payment failures were my own bank "
                               "blocking it, not the app. Can't seem to edit the stars",
                               "en", 1),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedReviewClass("Aslında sorun uygulamada değilmiş, telefonun hafızası dolmuş. "
                               "Yıldızı değiştiremedim kusura bakmayın",
                               "tr", 2),
            PostClass::kNeutral);
}
// Laughter alone praises no one; laughter beside a warm word still may.
TEST(ShippedClassifier, LaughterAloneIsNoPraise) {
  EXPECT_EQ(ShippedClass("@jess_m this is literally u \U0001F602\U0001F602 @Munchly ad", "en"),
            PostClass::kNeutral);
  EXPECT_EQ(ShippedClass("@Munchly hahaha best push notification ever, love it", "en"),
            PostClass::kPraise);
}
// Thanks said to the company with an upside-down face are sarcasm.
TEST(ShippedClassifier, ThanksWithAnUpsideDownFaceAreSarcasm) {
  EXPECT_EQ(ShippedClass("wow @VoltEnergy thanks SO much for the smart meter that reads zero "
                         "every month. truly smart \U0001F643",
                         "en"),
            PostClass::kComplaint);
  EXPECT_EQ(ShippedClass("wow @VoltEnergy thanks SO much, fixed in minutes", "en"),
            PostClass::kPraise);
}
}  // namespace
}  // namespace earshot
