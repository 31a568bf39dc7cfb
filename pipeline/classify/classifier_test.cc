#include "earshot/classifier.h"

#include <gtest/gtest.h>

#include <optional>

#include "pipeline/classify/complaint_target.h"
#include "pipeline/sentiment/sentiment_scorer.h"
#include "tests/support/test_rules.h"

namespace earshot {
namespace {

// A post of `text` on x (as the command-line tools classify it), with
// `rating` stars when given.
Verdict ClassifyText(const Classifier& classifier, const std::string& text,
                     std::optional<int> rating = std::nullopt) {
  Post p;
  p.id = "1";
  p.channel = "x";
  p.text = text;
  p.rating = rating;
  return classifier.Classify(p);
}

class ClassifierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rules = testing::RulesFromYaml(R"(rules:
  - id: en.thanks
    category: praise
    priority: p4
    match: {any: ["thanks"]}
  - id: tr.delivery
    category: complaint
    priority: p2
    lang: tr
    match: {any: ["gelmedi"]}
  - id: tr.legal
    category: complaint
    priority: p2
    urgent: [legal]
    match: {any: ["avukat*"]}
  - id: en.broken
    category: complaint
    priority: p3
    lang: en
    match: {any: ["broken"]}
  - id: tr.broken
    category: complaint
    priority: p3
    lang: tr
    match: {any: ["bozuk"]}
  - id: tr.thanks
    category: praise
    priority: p4
    match: {any: ["teşekkür*"]}
  - id: tr.great
    category: praise
    priority: p4
    lang: tr
    match: {any: ["mükemmel*"]}
  - id: any.general.strong_negative
    category: complaint
    priority: p3
    needs_target: true
    match: {any: ["rezalet*", "worst"]}
)");
    ASSERT_NE(rules, nullptr);
    auto lex = std::make_shared<Lexicons>();
    lex->tr.Add("berbat", -3);
    lex->tr.Add("harika", 3);
    lex->tr.Add("mükemmel*", 3.5);
    lex->tr.Add("teşekkürler", 2);
    lex->en.Add("great", 3);
    lex->en.Add("terrible", -3);
    lex->en.Add("thanks", 2);
    lex->emoji.Add("😡", -2.5);
    classifier_ = std::make_unique<Classifier>(rules, lex, ClassifierOptions{},
                                               BrandAccounts{{"kargo", {"kargodestek"}}});
  }

  Verdict Classify(const std::string& text, std::optional<int> rating = std::nullopt,
                   const std::string& handle = "ayse") {
    Post p;
    p.id = "1";
    p.channel = rating ? "google_play" : "x";
    p.brand = "kargo";
    p.author.handle = handle;
    p.text = text;
    p.rating = rating;
    return classifier_->Classify(p);
  }

  std::unique_ptr<Classifier> classifier_;
};

TEST_F(ClassifierTest, ComplaintRuleDecidesClassAndPriority) {
  const Verdict v = Classify("Kargom hala GELMEDİ");
  EXPECT_EQ(v.post_class, PostClass::kComplaint);
  EXPECT_EQ(v.priority, Priority::kP2);
  ASSERT_EQ(v.matches.size(), 1u);
  EXPECT_EQ(v.matches[0].rule_id, "tr.delivery");
  EXPECT_EQ(v.lang, "tr");
}

// A post without a language gets the detector's guess and its confidence;
// one that says its language keeps it, at full confidence.
TEST_F(ClassifierTest, TheLanguageItDetectsComesWithItsConfidence) {
  const Verdict guessed = Classify("Kargom hala gelmedi, çok mağdur oldum");
  EXPECT_EQ(guessed.lang, "tr");
  EXPECT_TRUE(guessed.lang_detected);
  EXPECT_GT(guessed.lang_confidence, 0.0);
  EXPECT_LE(guessed.lang_confidence, 1.0);
  Post given;
  given.id = "2";
  given.channel = "x";
  given.lang = "en";
  given.text = "Kargom hala gelmedi";
  const Verdict kept = classifier_->Classify(given);
  EXPECT_EQ(kept.lang, "en");
  EXPECT_FALSE(kept.lang_detected);
  EXPECT_DOUBLE_EQ(kept.lang_confidence, 1.0);
  // No evidence either way: no language, and no confidence in one.
  const Verdict unknown = Classify("12345 😀");
  EXPECT_EQ(unknown.lang, "");
  EXPECT_TRUE(unknown.lang_detected);
  EXPECT_DOUBLE_EQ(unknown.lang_confidence, 0.0);
}

TEST_F(ClassifierTest, UrgentFlagRaisesPriorityToP1) {
  const Verdict v = Classify("avukatıma veriyorum");
  EXPECT_EQ(v.post_class, PostClass::kComplaint);
  EXPECT_EQ(v.priority, Priority::kP1);
  EXPECT_EQ(v.urgent, std::vector<std::string>{"legal"});
}

// A lawyer named in jest (laughter, a post that reads clearly positive,
// praise beside it, and no other complaint) decides nothing; without the
// laughter, or with another complaint, it is the alarm it says.
TEST_F(ClassifierTest, ALegalWordSaidInJestRaisesNoAlarm) {
  const Verdict jest = Classify("mükemmel bir tatildi teşekkürler, avukatım bile kıskandı 😂");
  EXPECT_EQ(jest.post_class, PostClass::kPraise);
  EXPECT_TRUE(jest.urgent.empty());
  // No praise rule is needed: the laughter and the words say it.
  EXPECT_TRUE(Classify("harika harika bir tatildi, avukatım bile kıskandı 😂").urgent.empty());
  EXPECT_EQ(Classify("mükemmel bir tatildi teşekkürler, avukatım bile kıskandı").urgent,
            std::vector<std::string>{"legal"});
  EXPECT_EQ(Classify("mükemmel, avukatımı arayacağım 😂 kargo gelmedi").post_class,
            PostClass::kComplaint);
}

// A neutral rule (news, a job advert) decides over the lean of the words,
// not over a rule of another class or stars.
TEST(ClassifierNeutral, ANeutralRuleDecidesOverSentimentAlone) {
  auto rules = testing::RulesFromYaml(R"(rules:
  - id: news
    category: neutral
    priority: p4
    match: {any: ["we're hiring", "announce"]}
  - id: thanks
    category: praise
    priority: p4
    match: {any: ["thanks"]}
  - id: broken
    category: complaint
    priority: p3
    match: {any: ["broken"]}
)");
  ASSERT_NE(rules, nullptr);
  auto lex = std::make_shared<Lexicons>();
  lex->en.Add("great", 3);
  lex->en.Add("proud", 2);
  lex->en.Add("terrible", -3);
  const Classifier classifier(rules, lex, ClassifierOptions{}, BrandAccounts{});
  auto classify = [&](const std::string& text, std::optional<int> rating = std::nullopt) {
    return ClassifyText(classifier, text, rating).post_class;
  };
  EXPECT_EQ(classify("great news, we're hiring!"), PostClass::kNeutral);
  EXPECT_EQ(classify("proud to announce a great new partner"), PostClass::kNeutral);
  EXPECT_EQ(classify("proud of you, great"), PostClass::kPraise);
  EXPECT_EQ(classify("great news, we're hiring! thanks"), PostClass::kPraise);
  EXPECT_EQ(classify("we're hiring and the site is broken"), PostClass::kComplaint);
  EXPECT_EQ(classify("great, we're hiring", 5), PostClass::kPraise);
}

// A praise rule that denies a problem ("not one late delivery") keeps the
// complaint rule its problem words match from deciding, unless the post
// turns negative after a contrast.
TEST(ClassifierPraise, AProblemDeniedOutrightIsNoComplaint) {
  auto rules = testing::RulesFromYaml(R"(rules:
  - id: late
    category: complaint
    priority: p2
    match: {any: ["late delivery"]}
  - id: no_problem
    category: praise
    priority: p4
    denies_problem: true
    match: {any: ["not one late delivery"]}
)");
  ASSERT_NE(rules, nullptr);
  auto lex = std::make_shared<Lexicons>();
  lex->en.Add("cold", -2);
  const Classifier classifier(rules, lex, ClassifierOptions{}, BrandAccounts{});
  auto classify = [&](const std::string& text) {
    return ClassifyText(classifier, text).post_class;
  };
  EXPECT_EQ(classify("not one late delivery all winter"), PostClass::kPraise);
  EXPECT_EQ(classify("one late delivery all winter"), PostClass::kComplaint);
  EXPECT_EQ(classify("not one late delivery all winter, but today it came cold"),
            PostClass::kComplaint);
  // Negative words beside a denial are the problem denied, or another
  // company's: no sarcasm read into the praise rule.
  EXPECT_EQ(classify("cold cold cold at my old courier, not one late delivery here"),
            PostClass::kPraise);
}

// A question asking leave to do something takes a plainly negative post to
// be a complaint; other questions, a mildly negative one.
TEST(ClassifierQuestion, AskingLeaveNeedsAPlainlyNegativePostToBeAComplaint) {
  auto rules = testing::RulesFromYaml(R"(rules:
  - id: ask
    category: question
    priority: p3
    match: {any: ["can i", "could i", "why", "miyim"]}
)");
  ASSERT_NE(rules, nullptr);
  auto lex = std::make_shared<Lexicons>();
  lex->en.Add("tight", -1);
  lex->en.Add("awful", -3);
  lex->tr.Add("dar", -1);
  const Classifier classifier(rules, lex, ClassifierOptions{}, BrandAccounts{});
  auto classify = [&](const std::string& text) {
    return ClassifyText(classifier, text).post_class;
  };
  EXPECT_EQ(classify("it is a bit tight, can I exchange it for an L?"), PostClass::kQuestion);
  EXPECT_EQ(classify("mont biraz dar geldi, L ile değiştirebilir miyim?"), PostClass::kQuestion);
  // A mild word asks; a plainly negative one reproaches.
  EXPECT_EQ(classify("the item is a bit tight, why?"), PostClass::kQuestion);
  EXPECT_EQ(classify("the item is awful, why?"), PostClass::kComplaint);
  EXPECT_EQ(classify("awful, awful, awful. can I get a refund?"), PostClass::kComplaint);
  // Aimed at nothing a company provides, a negative question vents.
  EXPECT_EQ(classify("awful, awful, awful. why?"), PostClass::kNeutral);
}

// Spam (a neutral rule of topic "spam") decides over the praise words, five
// stars and question marks it borrows as bait; other neutral rules do not.
TEST(ClassifierNeutral, SpamDecidesOverTheBaitItBorrows) {
  auto rules = testing::RulesFromYaml(R"(rules:
  - id: spam
    category: neutral
    topic: spam
    priority: p4
    match: {any: ["link in bio"]}
  - id: news
    category: neutral
    priority: p4
    match: {any: ["announced"]}
  - id: great
    category: praise
    priority: p4
    match: {any: ["amazing"]}
)");
  ASSERT_NE(rules, nullptr);
  const Classifier classifier(rules, std::make_shared<Lexicons>(), ClassifierOptions{},
                              BrandAccounts{});
  EXPECT_EQ(ClassifyText(classifier, "amazing free codes, link in bio", 5).post_class,
            PostClass::kNeutral);
  EXPECT_EQ(ClassifyText(classifier, "want free codes? link in bio").post_class,
            PostClass::kNeutral);
  EXPECT_EQ(ClassifyText(classifier, "they announced it, amazing", 5).post_class,
            PostClass::kPraise);
}

// Spam and short news told to no one borrow complaint words: over a
// general complaint rule, the neutral rule decides. Put to the company,
// with a named fault, on a complaint site, or told at length, the post is
// a complaint.
TEST(ClassifierNeutral, SpamAndNewsDecideOverAGeneralComplaintRule) {
  auto rules = testing::RulesFromYaml(R"(rules:
  - id: spam
    category: neutral
    topic: spam
    priority: p4
    match: {any: ["link in bio"]}
  - id: news
    category: neutral
    priority: p4
    match: {any: ["fined by"]}
  - id: general
    category: complaint
    topic: general
    priority: p3
    match: {any: ["fed up", "errors"]}
  - id: billing
    category: complaint
    topic: billing
    priority: p2
    match: {any: ["overcharged"]}
)");
  ASSERT_NE(rules, nullptr);
  const Classifier classifier(rules, std::make_shared<Lexicons>(), ClassifierOptions{},
                              BrandAccounts{});
  auto classify = [&](const std::string& text, const std::string& channel = "x") {
    Post p;
    p.id = "1";
    p.channel = channel;
    p.text = text;
    return classifier.Classify(p).post_class;
  };
  EXPECT_EQ(classify("fed up with your energy supplier? switch to us, link in bio"),
            PostClass::kNeutral);
  EXPECT_EQ(classify("news: @acme fined by the regulator over billing errors"),
            PostClass::kNeutral);
  EXPECT_EQ(classify("@acme fined by the regulator over billing errors and you still owe me"),
            PostClass::kComplaint);
  EXPECT_EQ(classify("acme fined by the regulator, and they overcharged me too"),
            PostClass::kComplaint);
  EXPECT_EQ(classify("acme fined by the regulator over billing errors", "sikayetvar"),
            PostClass::kComplaint);
  std::string story = "acme fined by the regulator over billing errors";
  for (int i = 0; i < 40; ++i) story += " and then";
  EXPECT_EQ(classify(story), PostClass::kComplaint);
}

// A moan laughed at and said to no one is a joke about the day; put to an
// account, or naming a fault a rule knows, or flagged, it is a complaint.
TEST(ClassifierNeutral, AMoanLaughedAtAndSaidToNoOneIsAJoke) {
  auto rules = testing::RulesFromYaml(R"(rules:
  - id: general
    category: complaint
    topic: general
    priority: p3
    match: {any: ["jammed", "patladi"]}
  - id: delivery
    category: complaint
    topic: delivery
    priority: p2
    match: {any: ["parcel is late"]}
  - id: legal
    category: complaint
    priority: p1
    urgent: [legal]
    match: {any: ["lawyer"]}
)");
  ASSERT_NE(rules, nullptr);
  auto lex = std::make_shared<Lexicons>();
  lex->en.Add("awful", -3);
  const Classifier classifier(rules, lex, ClassifierOptions{}, BrandAccounts{});
  auto classify = [&](const std::string& text) {
    return ClassifyText(classifier, text).post_class;
  };
  EXPECT_EQ(classify("monday. printer jammed, boss in a mood 😂"), PostClass::kNeutral);
  EXPECT_EQ(classify("kiraya zam, kredi karti patladi 😂"), PostClass::kNeutral);
  EXPECT_EQ(classify("awful awful awful monday lol"), PostClass::kNeutral);
  // Without the laugh, put to an account, a named fault, a flag: complaints.
  EXPECT_EQ(classify("monday. printer jammed, boss in a mood"), PostClass::kComplaint);
  EXPECT_EQ(classify("@acme printer jammed again 😂"), PostClass::kComplaint);
  EXPECT_EQ(classify("my parcel is late again 😂"), PostClass::kComplaint);
  EXPECT_EQ(classify("printer jammed, calling my lawyer 😂"), PostClass::kComplaint);
}

// A relative's or a friend's story, told to no one in the second person,
// is news of someone else: neither a complaint nor praise on its words
// alone. Speaking to the company, or a fault a rule names, still decides.
TEST(ClassifierNeutral, SomeoneElsesStoryToldToNoOneIsNews) {
  auto rules = testing::RulesFromYaml(R"(rules:
  - id: general
    category: complaint
    topic: general
    priority: p3
    match: {any: ["bragging"]}
  - id: delivery
    category: complaint
    topic: delivery
    priority: p2
    match: {any: ["parcel is late"]}
)");
  ASSERT_NE(rules, nullptr);
  auto lex = std::make_shared<Lexicons>();
  lex->en.Add("proud", 3);
  lex->en.Add("awful", -3);
  lex->tr.Add("gururlu*", 3);
  const Classifier classifier(rules, lex, ClassifierOptions{}, BrandAccounts{});
  auto classify = [&](const std::string& text) {
    return ClassifyText(classifier, text).post_class;
  };
  EXPECT_EQ(classify("my flatmate just left @acme and won't stop bragging"), PostClass::kNeutral);
  EXPECT_EQ(classify("kuzenim @acme'de işe başladı, çok gururluyuz"), PostClass::kNeutral);
  EXPECT_EQ(classify("kuzenim @acme'de ise basladi, cok gururluyuz"), PostClass::kNeutral);
  EXPECT_EQ(classify("my dad @acme is so proud of his new job"), PostClass::kNeutral);
  // Spoken to the company, or a named fault: decided as before.
  EXPECT_EQ(classify("my mum @acme is awful upset, your store upsold her"), PostClass::kComplaint);
  EXPECT_EQ(classify("my dad says his parcel is late again @acme"), PostClass::kComplaint);
  EXPECT_EQ(classify("@acme my dad is so proud of you"), PostClass::kPraise);
}

// A question asked after a wait the writer counts, put to a company, chases
// what is owed: a complaint. A span planned, or a wait told to no one, asks.
TEST(ClassifierQuestion, AQuestionAfterACountedWaitChasesWhatIsOwed) {
  auto rules = testing::RulesFromYaml(R"(rules:
  - id: ask
    category: question
    priority: p3
    match: {any: ["when", "how long", "ne zaman", "yok mu"]}
)");
  ASSERT_NE(rules, nullptr);
  const Classifier classifier(rules, std::make_shared<Lexicons>(), ClassifierOptions{},
                              BrandAccounts{});
  auto classify = [&](const std::string& text) {
    return ClassifyText(classifier, text).post_class;
  };
  EXPECT_EQ(classify("@sigorta raporu gonderdim, 2 haftadir dosya inceleniyor. odeme ne zaman?"),
            PostClass::kComplaint);
  EXPECT_EQ(classify("@kargo takip no gondermistim 3 gün önce, bakan yok mu"),
            PostClass::kComplaint);
  EXPECT_EQ(classify("@insure emailed the docs on monday, nothing since. how long does it take?"),
            PostClass::kComplaint);
  EXPECT_EQ(classify("@insure sent the form 5 days ago, when will you reply?"),
            PostClass::kComplaint);
  // A span planned, or no wait at all, asks.
  EXPECT_EQ(classify("@gym when can i pause my membership for 6 weeks?"), PostClass::kQuestion);
  EXPECT_EQ(classify("@insure when does a windscreen claim get paid?"), PostClass::kQuestion);
  // A wait told to no company is no chase.
  EXPECT_EQ(classify("filmi 1 hafta önce izledim, ikinci sezon ne zaman?"), PostClass::kQuestion);
}

// Asking how to leave is a question flagged churn (so p1), not a
// complaint; said in anger, or beside another complaint rule, or with
// another flag, it is a complaint as before.
TEST(ClassifierChurn, AskingHowToLeaveIsAQuestionFlaggedChurn) {
  auto rules = testing::RulesFromYaml(R"(rules:
  - id: churn
    category: complaint
    priority: p1
    urgent: [churn]
    match: {any: ["cancel my subscription", "aboneliğimi iptal*"]}
  - id: fraud
    category: complaint
    priority: p1
    urgent: [fraud]
    match: {any: ["hacked"]}
  - id: how
    category: question
    priority: p3
    match: {any: ["how do i", "nasıl", "why"]}
  - id: broken
    category: complaint
    priority: p3
    match: {any: ["broken"]}
)");
  ASSERT_NE(rules, nullptr);
  auto lex = std::make_shared<Lexicons>();
  lex->en.Add("useless", -3);
  const Classifier classifier(rules, lex, ClassifierOptions{}, BrandAccounts{});
  auto classify = [&](const std::string& text) { return ClassifyText(classifier, text); };
  for (const char* text : {"how do I cancel my subscription?",
                           "aboneliğimi iptal etmek istiyorum, nasıl yapabilirim"}) {
    const Verdict v = classify(text);
    EXPECT_EQ(v.post_class, PostClass::kQuestion) << text;
    EXPECT_EQ(v.priority, Priority::kP1) << text;
    EXPECT_EQ(v.urgent, std::vector<std::string>{"churn"}) << text;
  }
  // Without a question rule, in anger, or with another complaint rule or
  // flag: a complaint.
  EXPECT_EQ(classify("I want to cancel my subscription").post_class, PostClass::kComplaint);
  EXPECT_EQ(classify("useless app, how do I cancel my subscription").post_class,
            PostClass::kComplaint);
  EXPECT_EQ(classify("app is broken, how do I cancel my subscription").post_class,
            PostClass::kComplaint);
  EXPECT_EQ(classify("account hacked, how do I cancel my subscription").post_class,
            PostClass::kComplaint);
  // A leaving declared beside a "why", or after a wait counted, reproaches.
  EXPECT_EQ(classify("why did the price go up again? I want to cancel my subscription").post_class,
            PostClass::kComplaint);
  EXPECT_EQ(classify("aboneliğimi iptal etmek istiyorum, 2 haftadır dönüş yok, nasıl yapabilirim")
                .post_class,
            PostClass::kComplaint);
}

TEST_F(ClassifierTest, QuestionCuesMakeAQuestion) {
  EXPECT_EQ(Classify("Kargom ne zaman gelir?").post_class, PostClass::kQuestion);
  EXPECT_EQ(Classify("adresimi degistirebilir misiniz").post_class, PostClass::kQuestion);
  EXPECT_EQ(Classify("How do I change my address").post_class, PostClass::kQuestion);
  EXPECT_EQ(Classify("kargo bugün geldi").post_class, PostClass::kNeutral);
  // Turkish question words with their case endings, without a "?".
  for (const char* text :
       {"mağazanız kaçta kapanıyor", "MAGAZANIZ KACTA KAPANIYOR",
        "iade kargosunu nereye göndereyim", "bu ücret nereden çıktı", "beni duyuyor musun"}) {
    EXPECT_EQ(Classify(text).post_class, PostClass::kQuestion) << text;
  }
  // "ne kadar" asks at the end of its clause or before a verb of costing
  // or lasting; before a word it exclaims.
  for (const char* text : {"kargo ücreti ne kadar", "KARGO UCRETI NE KADAR",
                           "teslimat ne kadar sürer", "iade ne kadar sürüyor acaba"}) {
    EXPECT_EQ(Classify(text).post_class, PostClass::kQuestion) << text;
  }
  EXPECT_NE(Classify("ne kadar güzel bir gün").post_class, PostClass::kQuestion);
}

TEST_F(ClassifierTest, AQuestionOthersAskedIsToldNotAsked) {
  // "diye soruyor": the question words before it ask the writer nothing.
  for (const char* text : {"herkes nereden aldın diye soruyor", "HERKES NEREDEN ALDIN DIYE SORDU",
                           "kaç para diye soranlar oldu"}) {
    EXPECT_NE(Classify(text).post_class, PostClass::kQuestion) << text;
  }
  // The writer asking ("diye soruyorum"), a question after the report, or
  // a question mark still make a question.
  for (const char* text : {"nereden alırım diye soruyorum", "herkes soruyor, nereden alabilirim",
                           "nereden aldın diye sordu, nereden alınıyor?"}) {
    EXPECT_EQ(Classify(text).post_class, PostClass::kQuestion) << text;
  }
}

TEST_F(ClassifierTest, AQuestionWordOpeningAToldClauseAsksNothing) {
  // "nasıl kullanılacağını anlattı": how to use it was explained.
  for (const char* text : {"eczacı ilacın nasıl kullanılacağını anlattı",
                           "ECZACI ILACIN NASIL KULLANILACAGINI ANLATTI",
                           "hangi gün geleceğini söylediler", "nerede olduğunu gösterdi"}) {
    EXPECT_NE(Classify(text).post_class, PostClass::kQuestion) << text;
  }
  // Asked all the same: a particle, or a question word of its own.
  for (const char* text : {"kargonun nerede olduğunu söyler misiniz",
                           "nasıl kullanılacağını anlattı ama nasıl kurulur"}) {
    EXPECT_EQ(Classify(text).post_class, PostClass::kQuestion) << text;
  }
}

TEST_F(ClassifierTest, AnExclamationThatBeginsLikeAQuestionIsNoQuestion) {
  for (const char* text :
       {"what a lovely day", "What a mess", "what fun, the kids loved it", "how nice of them",
        "HOW COOL is that", "could be worse I guess", "do better", "will be back next week",
        "who knew a 10 minute walk could fix my mood", "Who cares about the score",
        "who thought it was a good idea to ship this late"}) {
    EXPECT_NE(Classify(text).post_class, PostClass::kQuestion) << text;
  }
  for (const char* text : {"what time do you open", "how do I reset my password",
                           "what a lovely day?", "how long is the wait", "could you help me",
                           "does the store open at nine", "is the app down", "Is @acme down"}) {
    EXPECT_EQ(Classify(text).post_class, PostClass::kQuestion) << text;
  }
}

TEST_F(ClassifierTest, SentimentDecidesWhenNoRuleMatches) {
  EXPECT_EQ(Classify("@kargo berbat bir hizmet").post_class, PostClass::kComplaint);
  // Praise on sentiment alone is said to someone ("-sunuz": you, formally).
  EXPECT_EQ(Classify("harika bir hizmet veriyorsunuz").post_class, PostClass::kPraise);
  EXPECT_EQ(Classify("bugün hava bulutlu").post_class, PostClass::kNeutral);
}

TEST_F(ClassifierTest, LowStarRatingIsAComplaintWhateverTheText) {
  EXPECT_EQ(Classify("great", 1).post_class, PostClass::kComplaint);
  EXPECT_EQ(Classify("fine", 5).post_class, PostClass::kPraise);
  EXPECT_EQ(Classify("great", 1).reason, "review rated 1 star");
  EXPECT_EQ(Classify("ok", 2).reason, "review rated 2 stars");
  // Stars without a word.
  EXPECT_EQ(Classify("", 1).post_class, PostClass::kComplaint);
  EXPECT_EQ(Classify("", 5).post_class, PostClass::kPraise);
}

TEST_F(ClassifierTest, BrandsOwnAccountIsABrandReply) {
  const Verdict v = Classify("Merhaba, kargonuz yarın gelecek", std::nullopt, "KargoDestek");
  EXPECT_EQ(v.post_class, PostClass::kBrandReply);
  EXPECT_FALSE(v.NeedsResponse());
}

TEST_F(ClassifierTest, NegativeQuestionIsAComplaint) {
  const Verdict v = Classify("kargo neden bu kadar berbat?");
  EXPECT_EQ(v.post_class, PostClass::kComplaint);
  EXPECT_EQ(Classify("kargo neden bu kadar harika?").post_class, PostClass::kQuestion);
}

TEST_F(ClassifierTest, ClearlyPositivePraiseOfASolvedProblemIsPraise) {
  // tr.delivery and tr.thanks both match; the text is clearly positive.
  const Verdict v = Classify("harika harika, gelmedi diye korkmuştum, teşekkürler");
  EXPECT_EQ(v.post_class, PostClass::kPraise);
  // Without the praise rule the complaint rule still decides.
  EXPECT_EQ(Classify("harika harika ama gelmedi").post_class, PostClass::kComplaint);
  // "Still" or "again" keeps the problem open, whatever the thanks.
  EXPECT_EQ(Classify("harika harika, hâlâ gelmedi, teşekkürler").post_class, PostClass::kComplaint);
  EXPECT_EQ(Classify("harika harika, yine gelmedi, teşekkürler").post_class, PostClass::kComplaint);
}

TEST_F(ClassifierTest, TurkishPraiseSaidAloneBesideAComplaintIsSarcasmNotPraise) {
  // tr.delivery and tr.great match. Turkish praise of a problem undoes a
  // complaint rule when the post reads positive, but this praise is said
  // alone beside the complaint: sarcasm, so the complaint rule decides.
  for (const char* text :
       {"mükemmel hizmet, kargom yine gelmedi", "MUKEMMEL HIZMET, KARGOM YINE GELMEDI"}) {
    const Verdict v = Classify(text);
    EXPECT_EQ(v.post_class, PostClass::kComplaint) << text;
    EXPECT_LT(v.sentiment, 0) << text;
  }
  // Praise with more to say about the problem stays praise.
  EXPECT_EQ(Classify("mükemmel hizmet, gelmedi diye korkmuştum, teşekkürler").post_class,
            PostClass::kPraise);
}

TEST_F(ClassifierTest, NegativeWordsMakeNoComplaintWhenTheWriterBlamesThemselves) {
  EXPECT_EQ(Classify("dropped it, my app is terrible now, my fault").post_class,
            PostClass::kNeutral);
  EXPECT_NE(
      Classify("dropped it, my app is terrible now, my fault").reason.find("fault was theirs"),
      std::string::npos);
  EXPECT_EQ(Classify("siparişim berbat ama benim hatam").post_class, PostClass::kNeutral);
  EXPECT_EQ(Classify("my app is terrible, my bad").post_class, PostClass::kNeutral);
  EXPECT_EQ(Classify("siparişim berbat geldi ama hata bendeydi").post_class, PostClass::kNeutral);
  EXPECT_EQ(Classify("SIPARISIM BERBAT, SUC BENDE").post_class, PostClass::kNeutral);
  EXPECT_EQ(Classify("siparişim berbat, hata bende mi?").post_class, PostClass::kComplaint);
  // Not "my bad experience", nor the question that denies it.
  EXPECT_EQ(Classify("my bad experience, your app is terrible").post_class, PostClass::kComplaint);
  EXPECT_EQ(Classify("how is this my fault? your app is terrible").post_class,
            PostClass::kComplaint);
  // A complaint rule still decides.
  EXPECT_EQ(Classify("kargom gelmedi, benim hatam").post_class, PostClass::kComplaint);
}

TEST_F(ClassifierTest, ARuleLeansTheToneOfAPostWhoseWordsWeighNothing) {
  // "gelmedi" is no lexicon word here: the complaint rule alone decides.
  const Verdict complaint = Classify("kargom gelmedi");
  EXPECT_EQ(complaint.post_class, PostClass::kComplaint);
  EXPECT_DOUBLE_EQ(complaint.sentiment, -ClassifierOptions{}.rule_tone);
  EXPECT_EQ(complaint.sentiment_strength, 0.0);
  // A post whose words do weigh keeps its own tone.
  EXPECT_LT(Classify("kargom gelmedi, berbat").sentiment, -ClassifierOptions{}.rule_tone);
  // Nothing decided by a rule stays level.
  EXPECT_EQ(Classify("bugün hava").sentiment, 0.0);
}

TEST_F(ClassifierTest, SentimentAloneMakesAComplaintOnlyWhenThePostAimsAtACompany) {
  // Turkish, with Turkish letters and ASCII-folded, and English.
  EXPECT_EQ(Classify("@kargo siparişim berbat").post_class, PostClass::kComplaint);
  EXPECT_EQ(Classify("@kargo siparisim berbat").post_class, PostClass::kComplaint);
  // Put to no one on a social channel, it tells the world (see
  // SentimentAloneMakesNoComplaintOfAnAccountNamedInPassing); in a review
  // it is told to the company by what a review is.
  EXPECT_EQ(Classify("siparişim berbat").post_class, PostClass::kNeutral);
  EXPECT_EQ(Classify("siparişim berbat", 3).post_class, PostClass::kComplaint);
  EXPECT_EQ(Classify("size güvenmiştim, berbat").post_class, PostClass::kComplaint);
  EXPECT_EQ(Classify("your app is terrible").post_class, PostClass::kComplaint);
  // English "you" alone is as often a friend as a company; a support handle
  // is a company.
  EXPECT_EQ(Classify("you are terrible").post_class, PostClass::kNeutral);
  EXPECT_EQ(Classify("@acmesupport you are terrible").post_class, PostClass::kComplaint);
  // The same words about the weather or a match are no complaint to answer.
  EXPECT_EQ(Classify("bugün hava berbat").post_class, PostClass::kNeutral);
  EXPECT_EQ(Classify("bugun hava berbat").post_class, PostClass::kNeutral);
  EXPECT_EQ(Classify("the match was terrible").post_class, PostClass::kNeutral);
  // The reason says why a negative post raises nothing.
  EXPECT_NE(Classify("bugün hava berbat").reason.find("nothing a company provides is named"),
            std::string::npos);
  EXPECT_EQ(Classify("bugün hava").reason, "no rule matched and sentiment is neutral");
  // Written to one of the brand's own accounts is written to the company.
  EXPECT_EQ(Classify("@KargoDestek berbat").post_class, PostClass::kComplaint);
  EXPECT_EQ(Classify("@kargodestek 😡😡😡").post_class, PostClass::kComplaint);
  EXPECT_EQ(Classify("@ahmet berbat").post_class, PostClass::kNeutral);
  // Reviews are always about the product.
  EXPECT_EQ(Classify("the match was terrible", 3).post_class, PostClass::kComplaint);
}

// A classifier whose one rule, "general", needs a target.
std::unique_ptr<Classifier> GeneralRuleClassifier(ClassifierOptions options,
                                                  const BrandNames& names = {}) {
  return std::make_unique<Classifier>(testing::RulesFromYaml(R"(rules:
  - id: general
    category: complaint
    needs_target: true
    match: {any: ["rezalet*"]}
)"),
                                      std::make_shared<Lexicons>(), options, BrandAccounts{},
                                      names);
}

Verdict ClassifyFor(const Classifier& classifier, const std::string& brand, const std::string& text,
                    const std::string& channel = "x") {
  Post post;
  post.channel = channel;
  post.brand = brand;
  post.text = text;
  return classifier.Classify(post);
}

// Negative words alone make a complaint of a post on a social channel
// only when it is put to someone: an account that opens it, closes it as a
// tag, or stands as its subject, or a "you". An account named in passing
// (after a preposition or determiner in English; mid-line in Turkish) is
// where the writer was, not whom they tell.
TEST_F(ClassifierTest, SentimentAloneMakesNoComplaintOfAnAccountNamedInPassing) {
  EXPECT_EQ(
      Classify("stuck in traffic, terrible day, had a @PizzaPort order landing at 5").post_class,
      PostClass::kNeutral);
  EXPECT_NE(Classify("stuck in traffic, terrible day, had a @PizzaPort order landing at 5")
                .reason.find("nothing a company provides"),
            std::string::npos);
  EXPECT_EQ(Classify("@PizzaPort my order is terrible").post_class, PostClass::kComplaint);
  EXPECT_EQ(Classify("terrible order again @PizzaPort").post_class, PostClass::kComplaint);
  EXPECT_EQ(Classify("terrible order, @PizzaPort still has not sent it").post_class,
            PostClass::kComplaint);
  EXPECT_EQ(Classify("terrible order, your driver left it outside").post_class,
            PostClass::kComplaint);
  EXPECT_EQ(Classify("hava berbat, @BuzBar'dan aldığım sipariş eridi").post_class,
            PostClass::kNeutral);
  EXPECT_EQ(Classify("@BuzBar siparişim berbat").post_class, PostClass::kComplaint);
}

TEST_F(ClassifierTest, ARuleThatNeedsATargetDecidesOnlyWhenThePostAimsAtACompany) {
  // Aimed at a company: something it provides, a brand account, a rating.
  for (const Verdict& v : {Classify("kargom rezalet"), Classify("kargom REZALET"),
                           Classify("kargom rezalettt"), Classify("the worst airline ever"),
                           Classify("@kargodestek rezalet"), Classify("worst", 5)}) {
    EXPECT_EQ(v.post_class, PostClass::kComplaint) << v.reason;
    EXPECT_EQ(v.reason, "complaint rule any.general.strong_negative");
  }
  // The same words about a match or the traffic: listed as matched, but the
  // rule decides nothing, and the reason says so.
  for (const char* text : {"maç rezaletti", "mac rezaletti", "the worst traffic today"}) {
    const Verdict v = Classify(text);
    EXPECT_EQ(v.post_class, PostClass::kNeutral) << text;
    ASSERT_EQ(v.matches.size(), 1U) << text;
    EXPECT_EQ(v.matches[0].rule_id, "any.general.strong_negative");
    EXPECT_EQ(v.reason,
              "complaint rule any.general.strong_negative matched, but nothing a company "
              "provides is named and no brand account is addressed");
  }
  // With complaint_needs_target off, the rule decides as any other.
  ClassifierOptions plain;
  plain.sentiment_complaint_needs_target = false;
  EXPECT_EQ(ClassifyFor(*GeneralRuleClassifier(plain), "", "maç rezaletti").post_class,
            PostClass::kComplaint);
}

TEST(ClassifierTargets, APostNamingItsBrandAimsAtTheCompany) {
  const auto classifier = GeneralRuleClassifier({}, BrandNames{{"thy", {"Türk Hava Yolları"}}});
  // By its id: as a word, a mention, a hashtag, with a suffix, over words.
  for (const char* text : {"Turkcell rezalet", "TURKCELL REZALET", "@Turkcell rezalet",
                           "#turkcell rezalet", "turkcellde rezalet", "rezalet, turkcell"}) {
    EXPECT_EQ(ClassifyFor(*classifier, "turkcell", text).post_class, PostClass::kComplaint) << text;
  }
  EXPECT_EQ(ClassifyFor(*classifier, "hizlikargo", "Hızlı Kargo rezalet").post_class,
            PostClass::kComplaint);
  EXPECT_EQ(ClassifyFor(*classifier, "hizlikargo", "hizli kargo rezalet").post_class,
            PostClass::kComplaint);
  // By a configured name, and by the id of a brand configured with names.
  for (const char* text : {"türk hava yolları rezalet", "TURK HAVA YOLLARI REZALET", "thy rezalet",
                           "Türk Hava Yollarında rezalet"}) {
    EXPECT_EQ(ClassifyFor(*classifier, "thy", text).post_class, PostClass::kComplaint) << text;
  }
  // Part of the name is not the name, and another brand's post is not this one's.
  EXPECT_EQ(ClassifyFor(*classifier, "thy", "hava rezalet").post_class, PostClass::kNeutral);
  EXPECT_EQ(ClassifyFor(*classifier, "hizlikargo", "hızlı maç, rezalet").post_class,
            PostClass::kNeutral);
  EXPECT_EQ(ClassifyFor(*classifier, "vodafone", "Turkcell rezalet").post_class,
            PostClass::kNeutral);
  EXPECT_EQ(ClassifyFor(*classifier, "", "Turkcell rezalet").post_class, PostClass::kNeutral);
}

TEST(ClassifierTargets, ReviewsAndComplaintSitesAreAboutACompany) {
  const auto classifier = GeneralRuleClassifier({});
  EXPECT_EQ(ClassifyFor(*classifier, "", "rezalet ötesi", "sikayetvar").post_class,
            PostClass::kComplaint);
  EXPECT_EQ(ClassifyFor(*classifier, "", "rezalet ötesi", "google_play").post_class,
            PostClass::kComplaint);
  EXPECT_EQ(ClassifyFor(*classifier, "", "rezalet ötesi", "instagram").post_class,
            PostClass::kNeutral);
}

TEST_F(ClassifierTest, EnglishThanksUndoAComplaintRuleOnlyWhenTheProblemWasSolved) {
  // en.broken and en.thanks both match and the text reads clearly positive.
  EXPECT_EQ(Classify("great great, the broken screen is fixed, thanks").post_class,
            PostClass::kPraise);
  // Rebooked, reimbursed, restored: the problem was dealt with too.
  EXPECT_EQ(Classify("great great, the broken booking was rebooked, thanks").post_class,
            PostClass::kPraise);
  EXPECT_EQ(Classify("great great, broken wifi RESTORED, thanks").post_class, PostClass::kPraise);
  // An exchange or a credit deals with it too.
  EXPECT_EQ(Classify("great great, the broken screen was exchanged, thanks").post_class,
            PostClass::kPraise);
  // So does a resolution, named as a noun.
  EXPECT_EQ(Classify("a great great resolution of the broken screen, thanks").post_class,
            PostClass::kPraise);
  // Thanks as a sign-off on a report of a failure is still a complaint.
  EXPECT_EQ(Classify("great great, my screen is broken, thanks").post_class, PostClass::kComplaint);
}

TEST_F(ClassifierTest, AProblemConcededInTheFirstSentenceAndTurnedFromIsNoComplaint) {
  // en.broken matches; the post turns to only good news at "but".
  EXPECT_NE(Classify("a terrible broken box but the product is great").post_class,
            PostClass::kComplaint);
  // Told in a sentence of its own first, the problem stands.
  EXPECT_EQ(Classify("the box was broken and terrible. but the product is great").post_class,
            PostClass::kComplaint);
  // Bad news after the turn, or the problem still open: a complaint.
  EXPECT_EQ(Classify("a terrible broken box but the product is great, terrible courier").post_class,
            PostClass::kComplaint);
  EXPECT_EQ(Classify("a terrible broken box but great, still waiting").post_class,
            PostClass::kComplaint);
}

TEST_F(ClassifierTest, AProblemToldInAWellRatedReviewThatReadsWellIsNoComplaint) {
  // en.broken (p3, a general rule) in a four-star review that reads
  // positive: the writer's verdict is praise.
  EXPECT_EQ(Classify("it came broken, the exchange was great, would shop again", 4).post_class,
            PostClass::kPraise);
  // Without the stars, the same text is a complaint.
  EXPECT_EQ(Classify("it came broken, the exchange was great, would shop again").post_class,
            PostClass::kComplaint);
  // A Turkish praise rule with a complaint rule is praise when the post
  // reads well; not when all the praise stands before "ama" and nothing
  // good after it.
  EXPECT_EQ(Classify("teşekkürler, mükemmel, kargo gelmedi sanmıştım").post_class,
            PostClass::kPraise);
  EXPECT_EQ(Classify("teşekkürler, mükemmel ama kargo gelmedi").post_class, PostClass::kComplaint);
  // A specific fault (tr.delivery, p2) is answered whatever the stars.
  EXPECT_EQ(Classify("kargo gelmedi ama harika harika", 5).post_class, PostClass::kComplaint);
  // Nor when it is still open or the review reads negative.
  EXPECT_EQ(Classify("broken again, great design though", 4).post_class, PostClass::kComplaint);
  EXPECT_EQ(Classify("broken and terrible", 4).post_class, PostClass::kComplaint);
  // A well-rated review that says the problem was put right is praise
  // however the problem reads; not with fewer stars, nor still open.
  EXPECT_EQ(
      Classify("it came broken and terrible, a replacement arrived two days later", 5).post_class,
      PostClass::kPraise);
  EXPECT_EQ(
      Classify("it came broken and terrible, a replacement arrived two days later", 3).post_class,
      PostClass::kComplaint);
  EXPECT_EQ(Classify("it came broken and terrible, the replacement is broken again", 5).post_class,
            PostClass::kComplaint);
  EXPECT_EQ(Classify("it came broken and terrible and they never fixed it", 4).post_class,
            PostClass::kComplaint);
  // Nor when the fault is asked to be fixed, dated, or the stars were given
  // to be seen.
  EXPECT_EQ(Classify("it came broken, the exchange was great, would shop again", 4).post_class,
            PostClass::kPraise);
  EXPECT_EQ(Classify("it came broken, the exchange was great, fix pls", 4).post_class,
            PostClass::kComplaint);
  EXPECT_EQ(Classify("broken since march, the app is great otherwise", 4).post_class,
            PostClass::kComplaint);
  EXPECT_EQ(Classify("broken, three weeks now, the app is great otherwise", 4).post_class,
            PostClass::kComplaint);
  EXPECT_EQ(Classify("5 stars so the devs read this: broken, great app otherwise", 5).post_class,
            PostClass::kComplaint);
  // Stars said to be a slip decide nothing: the words do.
  EXPECT_EQ(Classify("mükemmel mükemmel, yanlışlıkla 2 yıldız verdim").post_class,
            PostClass::kPraise);
  EXPECT_EQ(Classify("mükemmel mükemmel, yanlışlıkla 2 yıldız verdim", 2).post_class,
            PostClass::kPraise);
  EXPECT_EQ(Classify("mükemmel mükemmel, 2 yıldız verdim", 2).post_class, PostClass::kComplaint);
  // Stars set aside ("yıldızı boşverin", "ignore the stars") decide nothing either.
  EXPECT_EQ(Classify("yıldızı boşverin, mükemmel mükemmel", 1).post_class, PostClass::kPraise);
  EXPECT_EQ(Classify("ignore the 1 star, great great", 1).post_class, PostClass::kPraise);
  // A denial in the phrase before is not the remedy's: "no fuss, refunded".
  EXPECT_EQ(Classify("it came broken and terrible, no fuss, refunded in a day", 5).post_class,
            PostClass::kPraise);
  EXPECT_EQ(Classify("it came broken and terrible, no refunded money yet", 5).post_class,
            PostClass::kComplaint);
}

TEST_F(ClassifierTest, IronyMarksBesideAFaultAreSarcasmNotThanks) {
  // Turkish thanks beside a complaint rule are praise when the post reads
  // well; with clapping, and a specific fault (tr.delivery, p2) matched,
  // they are the sarcasm of "thanks for nothing".
  EXPECT_EQ(Classify("teşekkürler, mükemmel, kargo gelmedi, hemen ilgilendiniz").post_class,
            PostClass::kPraise);
  EXPECT_EQ(Classify("teşekkürler, mükemmel, kargo gelmedi, hemen ilgilendiniz 👏👏").post_class,
            PostClass::kComplaint);
  // The upside-down face marks irony beside any complaint rule.
  EXPECT_EQ(Classify("teşekkürler, mükemmel, kutu bozuk, hemen değiştirdiniz").post_class,
            PostClass::kPraise);
  EXPECT_EQ(Classify("teşekkürler, mükemmel, kutu bozuk, hemen değiştirdiniz 🙃").post_class,
            PostClass::kComplaint);
  // Thanks beside a fault still told, with no fix said, thank for nothing.
  EXPECT_EQ(Classify("teşekkürler, mükemmel, kargo gelmedi").post_class, PostClass::kComplaint);
}

TEST_F(ClassifierTest, AVerdictWithItsSubjectLeftOutIsNoQuestion) {
  EXPECT_NE(Classify("does the job. great").post_class, PostClass::kQuestion);
  EXPECT_NE(Classify("does what it says, great").post_class, PostClass::kQuestion);
  EXPECT_NE(Classify("does the trick").post_class, PostClass::kQuestion);
  EXPECT_EQ(Classify("does the app work offline").post_class, PostClass::kQuestion);
}

TEST_F(ClassifierTest, TurkishBuNasilExclaimsWithoutAQuestionMark) {
  EXPECT_NE(Classify("bu nasıl harika bir renk ya").post_class, PostClass::kQuestion);
  EXPECT_EQ(Classify("@boyaci bu nasıl harika bir renk ya").post_class, PostClass::kPraise);
  EXPECT_NE(Classify("bu nasıl bir hizmet ya").post_class, PostClass::kQuestion);
  // Asked, with a "?", or "nasıl" on its own: a question.
  EXPECT_EQ(Classify("bu nasıl kullanılıyor?").post_class, PostClass::kQuestion);
  EXPECT_EQ(Classify("iade nasıl yapılıyor").post_class, PostClass::kQuestion);
}

TEST_F(ClassifierTest, TheWriterOwningTheProblemMakesNoComplaint) {
  EXPECT_NE(Classify("berbat sandım, sorun bendeymiş").post_class, PostClass::kComplaint);
  EXPECT_EQ(Classify("@kargo berbat bir hizmet, sorun bende değil").post_class,
            PostClass::kComplaint);
}

TEST_F(ClassifierTest, AnOutageToldAsOverIsDealtWith) {
  // en.broken and en.thanks, reading positive: praise once the post says
  // the problem is over, a complaint while it does not.
  EXPECT_EQ(Classify("my broken screen problem is over now, thanks for the great help").post_class,
            PostClass::kPraise);
  EXPECT_EQ(Classify("my broken screen problem, thanks for the great help").post_class,
            PostClass::kComplaint);
}

TEST_F(ClassifierTest, PraiseOnSentimentAloneMustBeSaidToSomeone) {
  // Said to no one, on a social channel: the writer's day, nothing to answer.
  const Verdict day = Classify("harika bir gün");
  EXPECT_EQ(day.post_class, PostClass::kNeutral);
  EXPECT_NE(day.reason.find("said to no one"), std::string::npos) << day.reason;
  EXPECT_EQ(Classify("HARIKA BIR GUN").post_class, PostClass::kNeutral);
  EXPECT_EQ(Classify("great day at the beach").post_class, PostClass::kNeutral);
  // Said to someone: an account mentioned, "you", "siz", a formal ending.
  EXPECT_EQ(Classify("@ahmet harika bir gün").post_class, PostClass::kPraise);
  EXPECT_EQ(Classify("great job, you rock").post_class, PostClass::kPraise);
  EXPECT_EQ(Classify("size harika demek istiyorum").post_class, PostClass::kPraise);
  EXPECT_EQ(Classify("iyi ki varsınız, harika").post_class, PostClass::kPraise);
  EXPECT_EQ(Classify("iyi ki varsiniz, harika").post_class, PostClass::kPraise);
  // The brand it was collected for, named ("kargo" here).
  EXPECT_EQ(Classify("kargo ekibi harika").post_class, PostClass::kPraise);
  // A review is written to the company by what it is.
  EXPECT_EQ(Classify("great day at the beach", 3).post_class, PostClass::kPraise);
  // The guard off restores the plain threshold.
  ClassifierOptions plain;
  plain.sentiment_praise_needs_address = false;
  auto lex = std::make_shared<Lexicons>();
  lex->tr.Add("harika", 3);
  const Classifier unguarded(testing::RulesFromYaml("rules: []\n"), lex, plain, BrandAccounts{});
  EXPECT_EQ(ClassifyText(unguarded, "harika bir gün").post_class, PostClass::kPraise);
}

TEST_F(ClassifierTest, AQuestionPutToFollowersIsNeutral) {
  for (const char* text :
       {"does anyone know a good plumber in town?", "anybody tried it?",
        "arkadaşlar hangisi daha iyi çeker?", "kanka sen hangi bankayı kullanıyordun",
        "bu telefonu kullanan var mı?", "tecrübesi olan yazsın, hangisi?"}) {
    const Verdict v = Classify(text);
    EXPECT_EQ(v.post_class, PostClass::kNeutral) << text;
    EXPECT_EQ(v.reason, "question put to the writer's followers, not to a company") << text;
  }
  // The company's people, or the company spoken to: a question.
  EXPECT_EQ(Classify("anyone from the team know if the branch opens on sunday?").post_class,
            PostClass::kQuestion);
  EXPECT_EQ(Classify("bilen var mı? siz biliyor musunuz ne zaman açılıyor?").post_class,
            PostClass::kQuestion);
}

TEST_F(ClassifierTest, MarksOfSurpriseInClearPraiseAskNothing) {
  EXPECT_EQ(Classify("@bean the barista remembered my order after one visit?? great").post_class,
            PostClass::kPraise);
  EXPECT_EQ(Classify("@bean still going strong?! great").post_class, PostClass::kPraise);
  // One mark alone may ask; no positive reading, no exception.
  EXPECT_EQ(Classify("@bean the barista remembered my order? great").post_class,
            PostClass::kQuestion);
  EXPECT_EQ(Classify("@bean the barista remembered my order??").post_class, PostClass::kQuestion);
}

TEST_F(ClassifierTest, ThanksThatReadNegativeAreASarcasticComplaint) {
  EXPECT_EQ(Classify("thanks for the terrible weekend").post_class, PostClass::kComplaint);
  EXPECT_EQ(Classify("thanks for the great weekend").post_class, PostClass::kPraise);
}

TEST(ComplaintTarget, SpeaksToSomeoneByMentionSecondPersonOrThanks) {
  for (const char* text :
       {"@acme love it", "hey @zeynep bak", "you made my day", "your staff rock", "love u guys",
        "thanks a lot", "ty!!", "size bayıldım", "SIZDEN BASKASINI ALMAM", "iyi ki varsınız",
        "iyi ki varsiniz", "çalışanlarınıza selam", "ellerinize sağlık", "ELLERINIZE SAGLIK",
        "emeğinize sağlık"}) {
    EXPECT_TRUE(SpeaksToSomeone(Normalize(text, true))) << text;
  }
  for (const char* text :
       {"got the job at meridian hotels", "babamın pastası tatlıdünya'dan", "harika bir gün",
        "deniz çok güzeldi", "lineup tonight is fire", "#ad new store opening friday",
        "ekibimiz büyüyor", "annemizin doğum günü"}) {
    EXPECT_FALSE(SpeaksToSomeone(Normalize(text, true))) << text;
  }
}

TEST(ComplaintTarget, AddressOrServiceWordsInBothLanguages) {
  for (const char* text :
       {"kargom gelmedi", "hesabımdan para çekildi", "hesabimdan para cekildi", "size yazdım",
        "your driver", "my order", "the app", "@acme_help hello", "@acmecares hi", "hi @askacme",
        "my reservation was cancelled", "the tickets never came", "my appointment", "no invoice",
        "biletim gelmedi", "randevum iptal", "kaliteden memnun değilim", "the quality",
        "COK KOTU BIR DENEYIMDI", "a terrible experience", "bavulum kayboldu", "uçuşum gecikti",
        "sayenizde tatilim mahvoldu", "SAYENIZDE ISE GEC KALDIM", "otel odası pisti",
        "my insurance claim", "yeni güncelleme çöp", "montaj yarım kaldı", "SERVIS ARABAMI BOZDU",
        "teknisyen gelmedi", "kursun videoları açılmıyor", "ilanım kaldırıldı", "depozitom yandı",
        "aboneliğim yenilenmiş", "garson çok kabaydı", "personel ilgisiz", "fiyatlar uçmuş",
        "yemek soğuk geldi", "web sitesi açılmıyor", "the waiter ignored us", "the coffee was cold",
        "worst airline ever",
        // A flight's people and places, the parts of a
        // product, and advice not to buy.
        "stuck on the tarmac for 90 minutes", "no one at the desk knows", "the crew ignored us",
        "two screws were missing", "pil ömrü berbat", "pili yarım günde bitiyor", "kumaşı çok kötü",
        "kesinlikle almayın", "paranıza yazık", "the ads are louder than the show",
        "döner kuru ve lezzetsizdi", "çorba dökülmüş, poşet rezalet",
        // An application to a bank, being misinformed.
        "başvurum haftalardır bekliyor", "yanlış bilgilendirme yüzünden", "ATM'nin ekranı bozuk",
        "atm kartımı yuttu", "bankamatik para vermedi", "refund'ım yatmadı", "order'ım gelmedi",
        "app'iniz açılmıyor", "they throttled my data again", "no coverage anywhere in town",
        // The formal second person past: what "you" did.
        "teslimatı 3 kez ertelediniz", "beni hiç aramadınız", "paketimi kaybetmişsiniz",
        "İPTAL ETTİNİZ",
        // A final consonant softened before a vowel.
        "Türkçe dil desteği yarım yamalak", "yemeği soğuktu", "kebabı çiğ geldi",
        // Public transport is a company's service.
        "the trains have been a joke all week", "the 42 bus never came",
        // Shipping is what a seller does.
        "who thought it was a good idea to ship this late", "shipped the wrong size",
        // A word in single quotes is the word.
        "so much for the 'price match guarantee'", "their so-called 'support'",
        // An appliance, and who drove.
        "yeni aldığım buzdolabı çok gürültülü", "otobüs şoförü çok kabaydı"}) {
    EXPECT_TRUE(AimsAtACompany(Normalize(text, true))) << text;
  }
  // Words a company's posts share with others are left out: "çalışanlar"
  // (also "those trying"), "çekim" (also filming), "site".
  for (const char* text :
       {"hava çok soğuk", "hava cok soguk", "what a match", "so tired", "you were late again",
        "@alice you too", "kurtulmaya çalışanlar kötüydü", "çekimler kötü",
        "sitedeki puanı skandal",
        // "pil" is no prefix ("pilav"), "instructions"
        // are what people are told to follow.
        "pilav yine yanmış", "people never follow instructions", "topu dışarı atmış",
        // Short forms, the polite imperative, and the present and future with
        // which a review speaks to any reader say little of whom.
        "dikkat ediniz", "lütfen izleyiniz", "ayrıntılar için bakınız",
        "sonunu tahmin edebiliyorsunuz", "korkudan titreyeceksiniz"}) {
    EXPECT_FALSE(AimsAtACompany(Normalize(text, true))) << text;
  }
}

TEST_F(ClassifierTest, ABareAcknowledgementOfAReplyIsNothingToAnswer) {
  // Assent, thanks as manners, a promise to wait: both languages, folded.
  EXPECT_EQ(Classify("@kargodestek ok thanks, will keep an eye out").post_class,
            PostClass::kNeutral);
  EXPECT_EQ(Classify("@kargodestek noted, thanks. will try that tonight").post_class,
            PostClass::kNeutral);
  EXPECT_EQ(Classify("@kargodestek tamam anladım bekliyorum o zaman 👍").post_class,
            PostClass::kNeutral);
  EXPECT_EQ(Classify("@kargodestek hahaha tamam o zaman cumartesi goruruz").post_class,
            PostClass::kNeutral);
  // Thanks for a fix, praise beyond thanks, or a fault still there decide.
  EXPECT_EQ(Classify("@kargodestek ok thanks, sorted now").post_class, PostClass::kPraise);
  EXPECT_EQ(Classify("@kargodestek tamam teşekkürler, harika").post_class, PostClass::kPraise);
  EXPECT_EQ(Classify("@kargodestek tamam ama kargo hala gelmedi").post_class,
            PostClass::kComplaint);
  // Thanks that do not open with assent stay praise.
  EXPECT_EQ(Classify("@kargodestek thanks, will keep an eye out").post_class, PostClass::kPraise);
}

}  // namespace
}  // namespace earshot
