#include "pipeline/sentiment/sentiment_scorer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace earshot {
namespace {

std::shared_ptr<const Lexicons> TestLexicons() {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("güzel", 2.0);
  l->tr.Add("beğen*", 2.0);
  l->tr.Add("çalış*", 1.0);
  l->tr.Add("berbat", -3.0);
  l->tr.Add("işe yaramaz", -2.5);
  l->en.Add("good", 2.0);
  l->en.Add("terrible", -3.0);
  l->emoji.Add("😡", -2.5);
  l->emoji.Add(":)", 1.5);
  return l;
}

double Score(const std::string& text, const std::string& lang) {
  const SentimentScorer scorer(TestLexicons());
  return scorer.Score(Normalize(text, lang != "en"), lang, text).strength;
}

TEST(SentimentScorer, LexiconWordsGivePolarity) {
  EXPECT_GT(Score("çok güzel", "tr"), 0.3);
  EXPECT_LT(Score("berbat", "tr"), -0.3);
  EXPECT_EQ(Score("masa sandalye", "tr"), 0.0);
}

TEST(SentimentScorer, ToneWeighsTheSumByThePostsLengthAndStrengthDoesNot) {
  const SentimentScorer scorer(TestLexicons());
  auto run = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text);
  };
  const SentimentResult alone = run("good");
  const SentimentResult five = run("the food there was good");
  const SentimentResult long_post =
      run("we drove to the coast on saturday and stopped for lunch at the harbour where the food "
          "was good and then walked along the pier until the evening");
  // The words say the same in each: the strength is the same.
  EXPECT_DOUBLE_EQ(alone.strength, long_post.strength);
  EXPECT_DOUBLE_EQ(alone.strength, five.strength);
  // The tone: a post of five words reads as its words say, a shorter one
  // more so and a longer one less, never changing sign.
  EXPECT_DOUBLE_EQ(five.score, five.strength);
  EXPECT_GT(alone.score, five.score);
  EXPECT_LT(long_post.score, five.score);
  EXPECT_GT(long_post.score, 0);
  EXPECT_LT(run("terrible, just terrible and i have nothing else to say to anyone").score, 0);
}

TEST(SentimentScorer, ASqueezedWordReadsAsTheEntryWithADoubleLetter) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("good", 2.0);
  l->en.Add("happy", 2.5);
  l->en.Add("so", 0.0);
  l->en.Add("oh my god", 0.8);
  l->tr.Add("mükemmel*", 3.5);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text).strength;
  };
  // "goood" is squeezed to "god", "happpy" to "hapy", "mükemmmmel" to
  // "mukemel": each stood for an entry with one letter written twice.
  EXPECT_DOUBLE_EQ(s("goood", "en"), s("good", "en"));
  EXPECT_DOUBLE_EQ(s("so happpy", "en"), s("so happy", "en"));
  EXPECT_DOUBLE_EQ(s("mükemmmmel", "tr"), s("mükemmel", "tr"));
  EXPECT_GT(s("goood", "en"), 0);
  // Not inside a phrase entry ("oh my god"), nor a squeezed form that is
  // an entry itself ("sooo" is "so"), nor a word that was not squeezed.
  EXPECT_DOUBLE_EQ(s("ohhh my goood", "en"), s("oh my god", "en"));
  EXPECT_EQ(s("sooo", "en"), 0);
  EXPECT_EQ(s("god", "en"), 0);
  EXPECT_EQ(s("hapy", "en"), 0);
}

TEST(SentimentScorer, APhraseReadsAcrossAFullStopTypedWithoutASpace) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("işe yaramaz", -2.5);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  EXPECT_LT(score("uygulama işe.yaramaz"), 0);
  EXPECT_DOUBLE_EQ(score("uygulama işe.yaramaz"), score("uygulama işe yaramaz"));
  // Two sentences are two: the phrase does not span them.
  EXPECT_EQ(score("işe. yaramaz"), 0);
}

TEST(SentimentScorer, ASayingDeniedAfterAWordNegatesItAsDegilDoes) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("güzel", 2.0);
  l->tr.Add("kötü", -2.5);
  l->tr.Add("fena", -2.0);
  l->tr.Add("berbat", -3.0);
  l->tr.Add("memnun", 2.0);
  l->tr.Add("yalan", -1.5);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  // "I can't call it nice", "it can't be called bad", "doesn't count as
  // bad", with and without Turkish letters.
  EXPECT_LT(score("güzel diyemem"), 0);
  EXPECT_LT(score("GUZEL DIYEMEYIZ"), 0);
  EXPECT_GT(score("kötü diyemem"), 0);
  EXPECT_GT(score("kotu denemez"), 0);
  EXPECT_GT(score("fena sayılmaz"), 0);
  EXPECT_GT(score("fena sayilmazdi"), 0);
  // "Can't even call it terrible": not even the bad word is enough.
  EXPECT_LT(score("berbat bile diyemem"), 0);
  // "Not even bad": the same with "değil"; "not even good" is negated.
  EXPECT_LT(score("kötü bile değil"), 0);
  EXPECT_LT(score("KOTU BILE DEGIL"), 0);
  EXPECT_LT(score("güzel bile değil"), 0);
  EXPECT_GT(score("kötü değil"), 0);
  // "It would be a lie to say X" denies X, and a negated verb with it;
  // "would be no lie" keeps it. "yalan" of the frame counts nothing.
  EXPECT_LT(score("güzel desem yalan olur"), 0);
  EXPECT_GT(score("memnun kalmadım desem yalan olur"), 0);
  EXPECT_LT(score("berbat desem yalan olmaz"), 0);
  EXPECT_DOUBLE_EQ(score("berbat desem yalan olmaz"), score("berbat"));
  // Other words after a saying verb are left alone.
  EXPECT_GT(score("güzel dedim"), 0);
}

TEST(SentimentScorer, ANegatedJudgmentReachesOverTheClauseItJudges) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("good", 2.0);
  l->en.Add("happy", 2.5);
  l->en.Add("terrible", -3.0);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  // Four and five words apart: past a plain negator's reach of three, not
  // past a denied "call", "say" or "think".
  EXPECT_LT(score("I would not call the service good"), 0);
  EXPECT_LT(score("I can't say I was happy with it"), 0);
  EXPECT_GT(score("wouldn't say it was terrible"), 0);
  EXPECT_LT(score("don't think the food was good"), 0);
  // A plain negator that far away does not reach.
  EXPECT_GT(score("not once did the staff seem good"), 0);
  // "never thought" is surprise, not denial.
  EXPECT_GT(score("never thought it would be this good"), 0);
}

TEST(SentimentScorer, FarFromAndAnythingButNegateTheWordAfterThem) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("perfect", 3.0);
  l->en.Add("helpful", 2.0);
  l->en.Add("great", 3.0);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  EXPECT_LT(score("far from perfect"), 0);
  EXPECT_LT(score("the support was anything but helpful"), 0);
  // "but" of "anything but" is no contrast: what follows is not weighed up.
  EXPECT_DOUBLE_EQ(score("the support was anything but helpful"), score("not helpful"));
  // "far" and "from" apart, or "but" after another word, are what they were.
  EXPECT_GT(score("I live far from the store but the delivery was great"), 0);
  EXPECT_GT(score("far, from what I heard, it was perfect"), 0);
}

TEST(SentimentScorer, SoMuchForOpeningAClauseNegatesTheWordAfterIt) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("relaxing", 2.0);
  l->en.Add("helpful", 2.0);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  EXPECT_LT(score("so much for a relaxing weekend"), 0);
  EXPECT_LT(score("Rain again. So much for a relaxing weekend"), 0);
  // Inside a clause it is thanks.
  EXPECT_GT(score("thank you so much for the helpful advice"), 0);
}

TEST(SentimentScorer, TearsBesidePraiseAloneAreJoy) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("love", 3.0);
  l->en.Add("funny", 2.0);
  l->en.Add("lost", -1.5);
  l->en.Add("broke", -2.0);
  l->tr.Add("harika", 3.0);
  l->emoji.Add("\xF0\x9F\x98\xAD", -2.2);  // 😭
  l->emoji.Add("\xF0\x9F\xAB\xB6", 2.5);   // 🫶
  l->emoji.Add("\xF0\x9F\x98\x82", 1.0);   // 😂
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang == "tr"), lang, text).strength;
  };
  EXPECT_GT(score("omg I love you guys \xF0\x9F\x98\xAD\xF0\x9F\x98\xAD", "en"),
            score("omg I love you guys", "en"));
  EXPECT_GT(score("this is so funny \xF0\x9F\x98\xAD", "en"), 0);
  EXPECT_GT(score("konser harika \xF0\x9F\x98\xAD", "tr"), 0);
  // Beside a word against, or alone, tears are sorrow.
  EXPECT_LT(score("my phone broke \xF0\x9F\x98\xAD", "en"), score("my phone broke", "en"));
  EXPECT_LT(score("love the band but I lost my bag \xF0\x9F\x98\xAD", "en"),
            score("love the band but I lost my bag", "en"));
  EXPECT_LT(score("\xF0\x9F\x98\xAD", "en"), 0);
  // A warm emoji is praise enough; laughter is not.
  EXPECT_GT(
      score("driver left a note n a doodle \xF0\x9F\x98\xAD\xF0\x9F\x98\xAD\xF0\x9F\xAB\xB6", "en"),
      0);
  EXPECT_LT(score("the ad \xF0\x9F\x98\x82\xF0\x9F\x98\xAD\xF0\x9F\x98\xAD", "en"),
            score("the ad \xF0\x9F\x98\x82", "en"));
}

TEST(SentimentScorer, TheIronyAndDoubtMarksTurnThePraiseOfTheirClause) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("süper", 2.5);
  l->tr.Add("hızlı*", 1.5);
  l->emoji.Add("(!)", -0.3);
  l->emoji.Add("(?)", -0.3);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  // "(!)" and "(?)" standing alone are tokens, like an emoticon.
  const NormalizedText n = Normalize("süper bir hizmet (!)", true);
  ASSERT_EQ(n.tokens.size(), 4u);
  EXPECT_EQ(n.tokens[3].text, "(!)");
  EXPECT_EQ(n.tokens[3].kind, Token::Kind::kSymbol);
  EXPECT_GT(score("süper bir hizmet"), 0);
  EXPECT_LT(score("süper bir hizmet (!)"), 0);
  EXPECT_LT(score("hızlı (?) kargonuz"), 0);
  // In brackets with words, or stuck to a word, they are no marks.
  EXPECT_GT(score("süper hizmet (hızlı!)"), 0);
}

TEST(SentimentScorer, ALinkMakesTheToneMilderAndLeavesTheStrength) {
  const SentimentScorer scorer(TestLexicons());
  auto run = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text);
  };
  for (const auto& [with_link, without] :
       {std::pair<const char*, const char*>{"good read http://x.co/a", "good read"},
        {"terrible news www.example.com/story", "terrible news"}}) {
    const SentimentResult a = run(with_link);
    const SentimentResult b = run(without);
    EXPECT_DOUBLE_EQ(a.strength, b.strength) << with_link;
    EXPECT_LT(std::abs(a.score), std::abs(b.score)) << with_link;
    EXPECT_EQ(a.score > 0, b.score > 0) << with_link;
  }
}

TEST(SentimentScorer, ABareDenialTurnsThePraiseOfTheSentenceBefore) {
  for (const char* text :
       {"they said it was good. it is not.", "good. it wasn't!", "good. but it's not",
        "Supposed to be good. Nope, it isn't really.", "good! they didn't"}) {
    EXPECT_LT(Score(text, "en"), 0) << text;
  }
  // Not a bare denial, or a denial before the praise: the praise stands.
  for (const char* text : {"good. it really is.", "good. it is not terrible", "it is not. good",
                           "good, and it is not over"}) {
    EXPECT_GT(Score(text, "en"), 0) << text;
  }
}

TEST(SentimentScorer, AsciiFoldedCapitalisedAndElongatedTurkishScoresLikeTheOriginal) {
  const double original = Score("berbat", "tr");
  EXPECT_DOUBLE_EQ(Score("BERBAT", "tr"), original);
  EXPECT_DOUBLE_EQ(Score("berbaaaat", "tr"), original);
  EXPECT_DOUBLE_EQ(Score("guzel", "tr"), Score("güzel", "tr"));
}

TEST(SentimentScorer, TurkishNegationSuffixFlipsAStem) {
  EXPECT_GT(Score("beğendim", "tr"), 0);
  EXPECT_LT(Score("beğenmedim", "tr"), 0);
  EXPECT_LT(Score("begenmedim", "tr"), 0);
  EXPECT_LT(Score("çalışmıyor", "tr"), 0);
  EXPECT_LT(Score("calismiyor", "tr"), 0);
  EXPECT_GT(Score("beğenmiş", "tr"), 0);  // evidential -miş is not negation
  // "Could not": -(y)A- before the negation.
  EXPECT_LT(Score("beğenemedim", "tr"), 0);
  EXPECT_LT(Score("BEGENEMEDIM", "tr"), 0);
  EXPECT_LT(Score("çalışamıyorum", "tr"), 0);
  EXPECT_GT(Score("beğenecek", "tr"), 0);  // the future -(y)AcAk is no negation
}

TEST(SentimentScorer, FollowingDegilNegates) {
  EXPECT_LT(Score("güzel değil", "tr"), 0);
  EXPECT_LT(Score("guzel degil", "tr"), 0);
}

TEST(SentimentScorer, EnglishNegationWithinThreeWordsNegates) {
  EXPECT_GT(Score("good", "en"), 0);
  EXPECT_LT(Score("not good", "en"), 0);
  EXPECT_LT(Score("isn't very good", "en"), 0);
}

// "no" is listed as a word of absence ("no signal"), and is a negator
// instead where a listed word follows it in its clause: "no good" is "good"
// negated, not also the weight of "no"; and a phrase that starts with it
// ("no problems") wins as a phrase.
TEST(SentimentScorer, ListedNegatorCountsAloneAndOnlyNegatesBeforeAListedWord) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("no", -1.2);
  l->en.Add("good", 2.0);
  l->en.Add("no problems", 1.8);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  EXPECT_LT(score("no signal for hours"), 0);
  EXPECT_DOUBLE_EQ(score("no good"), score("not good"));
  EXPECT_DOUBLE_EQ(score("no really good"), score("not really good"));
  EXPECT_GT(score("no problems"), 0);
  // The clause ends the negation, so "no" counts alone and "good" as itself.
  EXPECT_LT(score("no. good"), score("good"));
  EXPECT_GT(score("no. good"), score("no good"));
  // Before a number, or after a noun that records carry, it abbreviates
  // "number", and negates nothing.
  for (const char* text : {"order no 12345", "order no. 12345", "order no: 12345", "ref no #88",
                           "booking no YK2JWF", "my meter no is missing", "tracking no: ab"}) {
    EXPECT_EQ(score(text), 0.0) << text;
  }
  EXPECT_DOUBLE_EQ(score("booking no good"), score("good"));
}

// A negator that opens a phrase entry is spent in it: the words after the
// phrase keep their own sign.
TEST(SentimentScorer, ANegatorThatOpensAPhraseNegatesNothingAfterIt) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("can't stand", -2.5);
  l->en.Add("rude", -2.5);
  l->en.Add("good", 2.0);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  EXPECT_LT(score("can't stand rude staff"), score("can't stand"));
  EXPECT_LT(score("can't stand rude staff"), 0);
  // A negator alone still negates.
  EXPECT_GT(score("can't be rude"), 0);
  EXPECT_LT(score("can't be good"), 0);
}

TEST(SentimentScorer, ANegatorThatComparesSetsADegreeOrPrecedesStopAffirms) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("happy", 2.5);
  l->en.Add("angry", -2.3);
  l->en.Add("rude", -2.0);
  l->en.Add("terrible", -3.0);
  l->en.Add("useless", -2.5);
  l->en.Add("good", 2.0);
  l->en.Add("better", 1.2);
  l->en.Add("worse", -2.2);
  l->en.Add("bad", -2.5);
  l->en.Add("thank", 1.5);
  l->en.Add("recommend", 1.8);
  l->en.Add("cancelled", -1.5);
  l->en.Add("won", 2.0);
  l->en.Add("likes", 1.5);
  l->en.Add("issue", -1.0);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  // never + so/this/such, a perfect negator + this/such: "very", not "not".
  EXPECT_GT(score("I have never been so happy"), score("I have been so happy"));
  EXPECT_LT(score("haven't been this angry in ages"), score("angry"));
  EXPECT_LT(score("hadn't seen such terrible service"), score("terrible"));
  EXPECT_LT(score("never felt this bad"), score("bad"));
  // A comparison after nothing/nobody, or after never/can't/couldn't with a
  // linking verb: the best or worst there is.
  EXPECT_LT(score("nothing worse than waiting on hold"), 0);
  EXPECT_LT(score("nothing is more useless than this app"), score("useless"));
  EXPECT_GT(score("nothing better than a day off"), 0);
  EXPECT_GT(score("never been happier"), 0);
  EXPECT_LT(score("couldn't be more rude"), score("rude"));
  EXPECT_LT(score("it can't get any worse"), 0);
  EXPECT_GT(score("could not be better"), 0);
  // Constructions that only look alike still negate.
  EXPECT_GT(score("not so bad"), 0);
  EXPECT_GT(score("not such a bad idea"), 0);
  EXPECT_LT(score("wasn't that good"), 0);
  EXPECT_LT(score("haven't been so happy lately"), 0);  // "so" after a perfect can mean "very"
  EXPECT_LT(score("it never got better"), 0);           // "did not improve"
  EXPECT_LT(score("I don't feel better"), 0);
  EXPECT_LT(score("it is not better"), 0);  // plain "not" compares nothing
  // Right before stop/quit, any negator says the doing goes on.
  EXPECT_GT(score("I can't stop being happy"), 0);
  EXPECT_LT(score("it won't stop being bad"), score("bad"));
  EXPECT_GT(score("never quit being happy"), 0);
  // can't/cannot/couldn't with "enough" after the word: no amount is too
  // much. "not good enough" is still short of good.
  EXPECT_GT(score("I can't thank you enough"), 0);
  EXPECT_GT(score("CANNOT RECOMMEND THEM HIGHLY ENOUGH"), 0);
  EXPECT_GT(score("can not recommend this shop enough"), 0);
  EXPECT_LT(score("not good enough"), 0);
  EXPECT_LT(score("I can't recommend them. Enough said"), 0);
  // "can't believe how …" is amazement: the word keeps its sign.
  EXPECT_GT(score("can't believe how good that was"), 0);
  EXPECT_LT(score("COULDN'T BELIEVE HOW BAD IT WAS"), 0);
  // What was supposed, surpassed: the word keeps its sign. A present
  // "don't think" still negates.
  EXPECT_GT(score("didn't think it'd be this good honestly"), 0);
  EXPECT_GT(score("never expected it to be so good"), 0);
  EXPECT_LT(score("I didn't think it would be this bad"), 0);
  EXPECT_LT(score("I don't think it is this good"), 0);
  // "a single" right before the word is no barrier to the negator.
  EXPECT_GT(score("never had a single issue with you"), 0);
  EXPECT_LT(score("had a single issue with you"), 0);
  // "nothing but" affirms what follows.
  EXPECT_GT(score("nothing but good things to say"), 0);
  EXPECT_LT(score("nothing but terrible service"), 0);
  // So is a clause of its own after it; "anyone" doubts instead.
  EXPECT_LT(score("can't believe they cancelled it"), 0);
  EXPECT_GT(score("cant believe my team won"), 0);
  EXPECT_LT(score("can't believe anyone likes this"), 0);
  EXPECT_LT(score("I can't say good things"), 0);
  const SentimentResult explained =
      scorer.Score(Normalize("never been so happy", false), "en", "never been so happy");
  ASSERT_EQ(explained.contributions.size(), 1u);
  EXPECT_NE(explained.contributions[0].why.find("affirmed, not negated: never ... so"),
            std::string::npos)
      << explained.contributions[0].why;
}

TEST(SentimentScorer, AProblemPutRightCountsNothingAndMakesNoSarcasm) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("broken", -2.5);
  l->en.Add("problem", -1.5);
  l->en.Add("issue", -1.0);
  l->en.Add("thanks", 1.8);
  l->en.Add("fixed", 1.5);
  l->en.Add("battery drain", -1.8);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  // The remedy before the problem (with determiners between) or after it
  // (with auxiliaries between): the problem word counts nothing, and the
  // thanks are not read as sarcasm.
  const std::pair<const char*, const char*> same[] = {
      {"thanks for fixing my broken screen", "thanks for fixing my screen"},
      {"thanks, you resolved the issue", "thanks, you resolved the"},
      {"thanks, the problem has finally been fixed", "thanks, the has finally been fixed"},
      {"problem solved, thanks", "solved, thanks"},
      {"thanks for sorting out the problem", "thanks for sorting out the"},
      // One word may name what the problem was of: "the login bug".
      {"fixed the billing issue, thanks!", "fixed the billing, thanks!"},
      // After a determiner the negative word may be the noun's adjective.
      {"thanks, my broken screen was replaced", "thanks, my screen was replaced"},
      // A problem of several words, a phrase of the lexicon, as well.
      {"the update fixed the battery drain, thanks", "the update fixed the, thanks"},
      {"thanks, the battery drain has been fixed", "thanks, the has been fixed"}};
  for (const auto& [text, without_problem] : same) {
    EXPECT_DOUBLE_EQ(score(text), score(without_problem)) << text;
    EXPECT_GT(score(text), 0) << text;
  }
  // A fault caught before it did harm is put right too.
  EXPECT_GT(score("they caught a broken part before shipping, thanks"), 0);
  EXPECT_GT(score("thanks, they blocked the broken card at once"), 0);
  // Thanks for the remedy named as a noun are no sarcasm either.
  EXPECT_GT(score("thanks for the quick resolution of my issue"), 0);
  EXPECT_GT(score("thanks for the replacement of my broken charger"), score("my broken charger"));
  EXPECT_DOUBLE_EQ(score("thanks for the refund on the broken toaster"),
                   score("thanks for the refund on the toaster"));
  EXPECT_DOUBLE_EQ(score("thanks, a replacement for my broken charger"),
                   score("thanks, a replacement for my charger"));
  // A remedy that is negated, unfinished or separated keeps the problem.
  for (const char* text :
       {"the problem has not been fixed", "they never fixed my broken screen",
        "never repaired my broken screen", "they fixed it, now it is broken again",
        "fixed it. broken again", "broken, fixed nothing", "please help, my screen is broken",
        "they never fixed the billing issue", "the issue is still not resolved",
        "fixed my screen, broken service though", "broken, fixed",
        "my broken screen was not replaced", "my screen broken and never replaced",
        "the update never fixed the battery drain", "the battery drain is not fixed"}) {
    EXPECT_LT(score(text), 0) << text;
  }
  const SentimentResult explained =
      scorer.Score(Normalize("problem solved", false), "en", "problem solved");
  ASSERT_FALSE(explained.contributions.empty());
  EXPECT_NE(explained.contributions[0].why.find("remedied: solved"), std::string::npos)
      << explained.contributions[0].why;
}

TEST(SentimentScorer, ANegatorNegatesTheFirstWordWithSentimentAfterIt) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("like", 2.0);
  l->en.Add("bad", -2.5);
  l->en.Add("good", 2.0);
  l->en.Add("super", 2.0);  // also a booster
  const SentimentScorer scorer(l);
  auto contributions = [&](const std::string& text) {
    std::vector<double> out;
    for (const auto& c : scorer.Score(Normalize(text, false), "en", text).contributions) {
      out.push_back(c.valence);
    }
    return out;
  };
  // "like" is negated; "bad" after it is not.
  const std::vector<double> liked = contributions("don't like bad service");
  ASSERT_EQ(liked.size(), 2u);
  EXPECT_LT(liked[0], 0);
  EXPECT_LT(liked[1], 0);
  // A booster is no stop: "not super good" negates "good".
  const std::vector<double> boosted = contributions("not super good");
  ASSERT_EQ(boosted.size(), 1u);
  EXPECT_LT(boosted[0], 0);
  // "not even bad": the bad word stands; "not even good" is negated.
  const std::vector<double> not_even_bad = contributions("not even bad");
  ASSERT_EQ(not_even_bad.size(), 1u);
  EXPECT_DOUBLE_EQ(not_even_bad[0], -2.5);
  const std::vector<double> not_even_good = contributions("not even good");
  ASSERT_EQ(not_even_good.size(), 1u);
  EXPECT_LT(not_even_good[0], 0);
  const std::vector<double> not_bad = contributions("not bad");
  ASSERT_EQ(not_bad.size(), 1u);
  EXPECT_GT(not_bad[0], 0);
}

TEST(SentimentScorer, IntensifiersStrengthenAndDampenersSoften) {
  EXPECT_GT(Score("very good", "en"), Score("good", "en"));
  EXPECT_LT(Score("slightly good", "en"), Score("good", "en"));
  EXPECT_GT(Score("çok güzel", "tr"), Score("güzel", "tr"));
}

TEST(SentimentScorer, AConcededClauseWeighsLessThanTheMainClause) {
  // Read flat, each of these sums to -1 (2 - 3): the concession counts half.
  EXPECT_GT(Score("the view was good, although the food was terrible", "en"), 0);
  EXPECT_GT(Score("despite the terrible start, the ending was good", "en"), 0);
  EXPECT_GT(Score("Though the start was terrible, the ending was good", "en"), 0);
  EXPECT_GT(Score("başı berbat olmasına rağmen sonu güzel", "tr"), 0);
  EXPECT_GT(Score("basi berbat olmasina ragmen sonu guzel", "tr"), 0);
  EXPECT_GT(Score("film güzel, gerçi sonu berbat", "tr"), 0);
  // The concession ends at its comma: the main clause after it is whole.
  EXPECT_LT(Score("although it looked good, the food was terrible", "en"), 0);
  // A "though" that closes its clause concedes nothing after it.
  EXPECT_LT(Score("good though. terrible", "en"), 0);
}

TEST(SentimentScorer, ATurkishProblemToldInThePluperfectIsConcededWhenMoreFollows) {
  // Flat, "berbat" (-3) outweighs "güzel" (2); told in the pluperfect, with
  // another clause after it, the problem is a past the rest has overtaken.
  EXPECT_GT(Score("ürün berbat gelmişti, yenisi güzel", "tr"), 0);
  EXPECT_GT(Score("URUN BERBAT GELMISTI, YENISI GUZEL", "tr"), 0);
  EXPECT_GT(Score("kargo berbat olmuştu, ürün güzel", "tr"), 0);
  EXPECT_GT(Score("paket berbat gelmiştiniz, bu sefer güzel", "tr"), 0);
  EXPECT_LT(Score("ürün berbat geldi, yenisi güzel", "tr"), 0);
  // Alone, the pluperfect is the whole story.
  EXPECT_NEAR(Score("ürün berbat gelmişti", "tr"), Score("ürün berbat geldi", "tr"), 1e-9);
  // Praise in the pluperfect is the verdict, told as a memory: it counts whole.
  EXPECT_NEAR(Score("çok beğenmiştim, sonra yine izledim", "tr"),
              Score("çok beğendim, sonra yine izledim", "tr"), 1e-9);
  // English has no such form to read.
  EXPECT_LT(Score("it had been terrible, now it is good", "en"), 0);
}

// What overtook a problem told in the pluperfect weighs as the clause after
// "ama" does (×1.5), so the thanks for a wrong put right reads as strongly
// with the pluperfect as with the contrast word. Not when the pluperfect
// conceded nothing (praise told as a memory).
TEST(SentimentScorer, WhatOvertookAProblemToldInThePluperfectWeighsAsAfterAContrast) {
  EXPECT_NEAR(Score("ürün berbat gelmişti, yenisi güzel", "tr"),
              Score("ürün berbat geldi ama yenisi güzel", "tr"), 1e-9);
  EXPECT_NEAR(Score("urun berbat gelmisti, yenisi guzel", "tr"),
              Score("urun berbat geldi ama yenisi guzel", "tr"), 1e-9);
  // Nothing conceded: the clause after counts as it is.
  EXPECT_NEAR(Score("çok beğenmiştim, yenisi güzel", "tr"),
              Score("çok beğendim, yenisi güzel", "tr"), 1e-9);
}

TEST(SentimentScorer, AHarmAskedAboutAsWhatACoverIncludesIsSupposed) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("damage", -2.0);
  l->en.Add("theft", -2.5);
  l->tr.Add("hasar*", -2.0);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text).strength;
  };
  EXPECT_EQ(s("does the warranty cover accidental damage?", "en"), 0);
  EXPECT_EQ(s("is theft covered under my plan?", "en"), 0);
  EXPECT_EQ(s("kasko sel hasarını kapsıyor mu?", "tr"), 0);
  EXPECT_EQ(s("KASKO SEL HASARINI KAPSIYOR MU?", "tr"), 0);
  // Said, not asked, or asked why it is not covered: the harm counts.
  EXPECT_LT(s("the damage was not covered", "en"), 0);
  EXPECT_LT(s("why is my water damage not covered?", "en"), 0);
  EXPECT_LT(s("is the damage permanent?", "en"), 0);
  // Only the question's own clause is read.
  EXPECT_LT(s("damage everywhere. is it covered?", "en"), 0);
}

TEST(SentimentScorer, ClauseAfterContrastWeighsMore) {
  EXPECT_LT(Score("good but terrible", "en"), 0);
  EXPECT_GT(Score("terrible but good", "en"), 0);
  EXPECT_GT(Score("berbat ama güzel", "tr"), 0);
}

TEST(SentimentScorer, PhrasesEmojiAndExclamationsCount) {
  EXPECT_LT(Score("bu uygulama işe yaramaz", "tr"), 0);
  EXPECT_LT(Score("😡", "tr"), 0);
  EXPECT_GT(Score("thanks :)", "en"), 0);
  EXPECT_LT(Score("terrible!!!", "en"), Score("terrible", "en"));
}

TEST(SentimentScorer, AnEmojiOrEmoticonClosingThePostWeighsMore) {
  // The same words and symbol; only the symbol's place differs.
  EXPECT_GT(Score("terrible day :)", "en"), Score("terrible :) day", "en"));
  EXPECT_LT(Score("güzel 😡", "tr"), Score("😡 güzel", "tr"));
  // URLs and mentions after it do not take its place as the closing token.
  EXPECT_DOUBLE_EQ(Score("terrible day :) http://x.co/a @bob", "en"),
                   Score("terrible day :)", "en"));
  // A post of symbols only keeps its sign.
  EXPECT_LT(Score("😡", "tr"), 0);
}

TEST(SentimentScorer, AWordThatIsThePostsLastSentenceAloneWeighsLikeAClosingSymbol) {
  // "good" alone after the sentence weighs 1.5 times "good" inside it,
  // in English and Turkish (also ASCII-folded).
  EXPECT_GT(Score("terrible day. good", "en"), Score("good and terrible day", "en"));
  EXPECT_GT(Score("terrible day. Good!", "en"), Score("terrible day, good!", "en"));
  EXPECT_LT(Score("güzel film. Berbat.", "tr"), Score("berbat ama güzel film", "tr") - 0.3);
  EXPECT_DOUBLE_EQ(Score("guzel film. berbat.", "tr"), Score("güzel film. berbat.", "tr"));
  // Mentions, links and emoji after it leave it the last word.
  EXPECT_DOUBLE_EQ(Score("terrible day. good @bob http://x.co/a", "en"),
                   Score("terrible day. good", "en"));
  // Only a sentence of one word: "the day was good" closes nothing.
  EXPECT_DOUBLE_EQ(Score("the day was good", "en"), Score("good the day was", "en"));
}

TEST(SentimentScorer, AScoreGivenInTheTextCountsFromMinusThreeToPlusThree) {
  const SentimentScorer scorer(TestLexicons());
  auto raw = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text).raw;
  };
  // Full marks +3, none -3, half 0, in between on a line.
  EXPECT_DOUBLE_EQ(raw("10/10 would buy again", "en"), 3.0);
  EXPECT_DOUBLE_EQ(raw("the film: 0/10", "en"), -3.0);
  EXPECT_DOUBLE_EQ(raw("5 / 10", "en"), 0.0);
  EXPECT_DOUBLE_EQ(raw("I give it 4 out of 5", "en"), 1.8);
  EXPECT_NEAR(raw("10 üzerinden 3 veririm", "tr"), -1.2, 1e-9);
  EXPECT_NEAR(raw("10 uzerinden 3 veririm", "tr"), -1.2, 1e-9);
  EXPECT_DOUBLE_EQ(raw("10 üzerinden 10'u bile az", "tr"), 3.0);
  // Beside words it adds to them; the last score given counts.
  EXPECT_DOUBLE_EQ(raw("terrible. 10/10", "en"), 0.0);
  EXPECT_DOUBLE_EQ(raw("first 2/10, now 10/10", "en"), 3.0);
  // Dates, times and other numbers are no score.
  for (const char* text : {"28/10/2025 tarihinde ödedim", "25/10'da 100 TL çekildi",
                           "10/10/2025 tarihinde", "07/10 tarihinde", "paid on 3/10.2025",
                           "12/5 days", "a 15/10 split", "10 uzerinden gecti", "v2/10"}) {
    EXPECT_DOUBLE_EQ(raw(text, "tr"), 0.0) << text;
  }
}

TEST(SentimentScorer, ScoresByAspectCountAsTheirMeanOutOfTen) {
  const SentimentScorer scorer(TestLexicons());
  auto raw = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text).raw;
  };
  // Food-delivery reviews: "speed: 10 taste: 10 service: 10".
  EXPECT_DOUBLE_EQ(raw("hız: 10 lezzet: 10 servis: 10", "tr"), 3.0);
  EXPECT_DOUBLE_EQ(raw("HIZ:10 LEZZET:10 SERVIS:10", "tr"), 3.0);
  EXPECT_NEAR(raw("Hız: 2 Lezzet: 3 Servis: 1", "tr"), -1.8, 1e-9);
  EXPECT_NEAR(raw("taste: 9, service = 7", "en"), 1.8, 1e-9);
  // One alone could be a time or an amount; a score with a slash is read
  // as such.
  EXPECT_DOUBLE_EQ(raw("saat: 10 oldu", "tr"), 0.0);
  EXPECT_DOUBLE_EQ(raw("fiyat: 10 TL", "tr"), 0.0);
  EXPECT_DOUBLE_EQ(raw("lezzet: 4/5 hız: 5/5", "tr"), 3.0);
}

TEST(SentimentScorer, TurkishWordsOthersSayAreTurnedRoundAsNegatedWords) {
  // "those who call it bad": the writer quotes the word to dispute it.
  EXPECT_GT(Score("bu filme berbat diyenler yanılıyor", "tr"), 0);
  EXPECT_GT(Score("bu filme BERBAT DIYENLER yaniliyor", "tr"), 0);
  EXPECT_LT(Score("güzel diyenlere şaşıyorum", "tr"), 0);
  EXPECT_LT(Score("guzel diyenleri anlamiyorum", "tr"), 0);
  // As negation does, praise turned round keeps more than a complaint.
  EXPECT_GT(-Score("güzel diyenler", "tr"), Score("berbat diyenler", "tr"));
  // Only right after the word, in one phrase: "berbat, diyenler haklı"
  // says it is bad.
  EXPECT_LT(Score("berbat, diyenler haklı", "tr"), 0);
}

TEST(SentimentScorer, DegilTypedFastWithoutItsSoftGNegatesToo) {
  for (const char* negator : {"değil", "degil", "deil", "diil", "deildi", "diildi"}) {
    EXPECT_LT(Score(std::string("güzel bir film ") + negator, "tr"), 0) << negator;
    EXPECT_GT(Score(std::string("berbat bir film ") + negator, "tr"), 0) << negator;
  }
}

TEST(SentimentScorer, ThanksSigningOffAPostAreNoClosingVerdict) {
  auto l = std::make_shared<Lexicons>(*TestLexicons());
  l->en.Add("thanks", 1.8);
  l->tr.Add("teşekkür*", 2.0);
  l->tr.Add("eyw", 1.5);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text).strength;
  };
  // "Thanks!" after a request is manners: it weighs as it would inside.
  EXPECT_DOUBLE_EQ(score("can i change the delivery address? Thanks!", "en"),
                   score("thanks! can i change the delivery address?", "en"));
  EXPECT_DOUBLE_EQ(score("kargo hâlâ gelmedi. Teşekkürler.", "tr"),
                   score("teşekkürler. kargo hâlâ gelmedi.", "tr"));
  EXPECT_DOUBLE_EQ(score("film berbat. eyw", "tr"), score("eyw. film berbat.", "tr"));
}

TEST(SentimentScorer, ThanksInAdvanceWeighNothing) {
  auto l = std::make_shared<Lexicons>(*TestLexicons());
  l->en.Add("thanks", 1.8);
  l->en.Add("thank you", 1.8);
  l->tr.Add("teşekkür*", 2.0);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text).strength;
  };
  // Manners for a request, in both languages and without Turkish letters.
  EXPECT_DOUBLE_EQ(score("please sort my refund, thanks in advance", "en"), 0.0);
  EXPECT_DOUBLE_EQ(score("please sort my refund, thank you in advance", "en"), 0.0);
  EXPECT_DOUBLE_EQ(score("lütfen ilgilenin, şimdiden teşekkürler", "tr"), 0.0);
  EXPECT_DOUBLE_EQ(score("lutfen ilgilenin, simdiden tesekkurler", "tr"), 0.0);
  // Thanks for what was done still weigh.
  EXPECT_GT(score("thanks, refund arrived", "en"), 0.0);
  EXPECT_GT(score("teşekkürler, iade geldi", "tr"), 0.0);
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

// The score of `text` in `lang`, with or without a complaint rule matched
// by the rule stage (ScoreContext).
double ScoreBeside(const SentimentScorer& scorer, const std::string& text, const std::string& lang,
                   bool complaint_rule) {
  ScoreContext context;
  context.complaint_rule = complaint_rule;
  return scorer.Score(Normalize(text, lang != "en"), lang, text, /*explain=*/false, context)
      .strength;
}

TEST(SentimentScorer, NegationDoesNotReachIntoTheNextSentence) {
  EXPECT_LT(Score("never good", "en"), 0);
  EXPECT_GT(Score("lol never. good to see you", "en"), 0);
  EXPECT_GT(Score("güzel. değil mi", "tr"), 0);  // a question after the full stop, not a negation
}

TEST(SentimentScorer, CapitalsStressAWordUnlessEverythingIsInCapitals) {
  EXPECT_LT(Score("this is TERRIBLE", "en"), Score("this is terrible", "en"));
  EXPECT_DOUBLE_EQ(Score("THIS IS TERRIBLE", "en"), Score("this is terrible", "en"));
}

TEST(SentimentScorer, RepeatedEmoticonIsTheSameEmoticon) {
  EXPECT_GT(Score("thanks :)))", "en"), 0);
  EXPECT_DOUBLE_EQ(Score("thanks :)))", "en"), Score("thanks :)", "en"));
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

TEST(SentimentScorer, TurkishSuffixRulesApplyToTurkishEntriesOnly) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("enjoy*", 2.0);
  l->tr.Add("beğen*", 2.0);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text).strength;
  };
  EXPECT_GT(score("enjoyment", "en"), 0);  // English -ment is not Turkish -me
  EXPECT_GT(score("enjoyment", ""), 0);
  EXPECT_GT(score("beğenmek", "tr"), 0);  // the infinitive is not negation
  EXPECT_LT(score("beğenmedim", "tr"), 0);
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

// Every negation, contrast and intensifier rule, in Turkish (with Turkish
// letters and ASCII-folded) and English.
class SentimentRules : public ::testing::Test {
 protected:
  double S(const std::string& text, const std::string& lang) { return Score(text, lang); }
};

TEST_F(SentimentRules, TurkishNegationSuffixFormsFlipAStemInBothSpellings) {
  for (const char* text : {"beğenmedim", "begenmedim", "beğenmez", "begenmez", "beğenmeyen",
                           "begenmeyen", "beğenmemiş", "begenmemis", "beğenmem", "çalışmıyor",
                           "calismiyor", "çalışmıo", "calismio", "beğenmesin", "begenmesin"}) {
    EXPECT_LT(S(text, "tr"), 0) << text;
  }
}

TEST_F(SentimentRules, TurkishSuffixesThatOnlyLookLikeNegationKeepThePolarity) {
  for (const char* text :
       {"beğenmiş", "begenmis", "beğenmek", "begenmek", "beğenmeli", "begenmeli", "beğenmesi",
        "begenmesi", "beğenmesine", "beğenmeniz", "begenmeniz", "beğenmekte"}) {
    EXPECT_GT(S(text, "tr"), 0) << text;
  }
}

TEST_F(SentimentRules, TurkishDegilAndYokNegateUpToThreeWordsAhead) {
  EXPECT_LT(S("güzel değil", "tr"), 0);
  EXPECT_LT(S("guzel degil", "tr"), 0);
  EXPECT_LT(S("güzel bir film değil", "tr"), 0);
  EXPECT_LT(S("guzel bir film degil", "tr"), 0);
  EXPECT_GT(S("berbat değil", "tr"), 0);
  EXPECT_GT(S("berbat degildi", "tr"), 0);
  // "değil" belongs to the nearer entry only.
  EXPECT_GT(S("güzel ve berbat değil", "tr"), 0);
  // A contrast word ends the reach of "değil".
  EXPECT_GT(S("güzel ama değil", "tr"), 0);
  EXPECT_GT(S("güzel. değil mi", "tr"), 0);
}

TEST_F(SentimentRules, TurkishNeverThisMuchAffirmsANegatedVerb) {
  for (const char* text :
       {"hiç bu kadar beğenmemiştim", "hic bu kadar begenmemistim", "hayatımda böyle beğenmedim",
        "hayatimda boyle begenmedim", "ömrümde bu denli beğenmedim"}) {
    EXPECT_GT(S(text, "tr"), S("beğendim", "tr")) << text;
  }
  // Without the opening, or with "o kadar" (that much), the suffix negates.
  for (const char* text : {"bu kadar beğenmedim", "o kadar beğenmedim", "hiç o kadar beğenmedim",
                           "hiç beğenmedim", "hiç. bu kadar beğenmedim"}) {
    EXPECT_LT(S(text, "tr"), 0) << text;
  }
}

TEST_F(SentimentRules, EnglishNegatorsReachThreeWordsBackWithinTheClause) {
  for (const char* text :
       {"not good", "never good", "isn't good", "isnt good", "don't think it's good", "no good",
        "wasn't really very good", "cannot be good"}) {
    EXPECT_LT(S(text, "en"), 0) << text;
  }
  EXPECT_GT(S("not terrible", "en"), 0);
  EXPECT_GT(S("no. good", "en"), 0);  // the full stop ends the negator's clause
}

double Raw(const std::string& text, const std::string& lang) {
  const SentimentScorer scorer(TestLexicons());
  return scorer.Score(Normalize(text, lang != "en"), lang, text).raw;
}

TEST_F(SentimentRules, ExclamationLiftsPraiseTwiceAsMuchAsItDeepensAComplaint) {
  EXPECT_NEAR(Raw("good!", "en") - Raw("good", "en"), 0.5, 1e-9);
  EXPECT_NEAR(Raw("good!!!!!!", "en") - Raw("good", "en"), 2.0, 1e-9);  // four count
  EXPECT_NEAR(Raw("terrible!", "en") - Raw("terrible", "en"), -0.25, 1e-9);
  EXPECT_NEAR(Raw("güzel!!", "tr") - Raw("güzel", "tr"), 1.0, 1e-9);
  EXPECT_NEAR(Raw("berbat!!", "tr") - Raw("berbat", "tr"), -0.5, 1e-9);
}

TEST_F(SentimentRules, PraiseAskedAboutCountsHalfAndAComplaintAskedFully) {
  EXPECT_NEAR(Raw("is it good?", "en"), Raw("it is good", "en") / 2, 1e-9);
  EXPECT_NEAR(Raw("güzel mi?", "tr"), Raw("güzel", "tr") / 2, 1e-9);
  EXPECT_NEAR(Raw("why is it terrible?", "en"), Raw("why is it terrible", "en"), 1e-9);
  // Only the clause that asks: "good. is it open?" says "good".
  EXPECT_NEAR(Raw("good. is it open?", "en"), Raw("good", "en"), 1e-9);
}

TEST_F(SentimentRules, ANegatedComplaintIsFaintPraiseInBothLanguages) {
  // "terrible" (-3) is stronger than "good" (+2), yet "not terrible" is
  // weaker praise than "good": a negated complaint keeps little strength.
  const struct {
    const char* negated_complaint;
    const char* praise;
    const char* lang;
  } cases[] = {{"not terrible", "good", "en"},
               {"berbat değil", "güzel", "tr"},
               {"berbat degil", "guzel", "tr"},
               {"berbat değildi", "güzel", "tr"}};
  for (const auto& c : cases) {
    EXPECT_GT(S(c.negated_complaint, c.lang), 0) << c.negated_complaint;
    EXPECT_LT(S(c.negated_complaint, c.lang), S(c.praise, c.lang)) << c.negated_complaint;
  }
  // Negated praise is nearly the complaint it names.
  EXPECT_LT(S("not good", "en"), -S("not terrible", "en"));
  EXPECT_LT(S("güzel değil", "tr"), -S("berbat değil", "tr"));
}

TEST_F(SentimentRules, ContrastWeighsTheLaterClauseInBothLanguages) {
  EXPECT_LT(S("good but terrible", "en"), 0);
  EXPECT_LT(S("good however terrible", "en"), 0);
  EXPECT_GT(S("terrible but good", "en"), 0);
  EXPECT_GT(S("berbat ama güzel", "tr"), 0);
  EXPECT_GT(S("berbat ama guzel", "tr"), 0);
  EXPECT_LT(S("güzel fakat berbat", "tr"), 0);
  EXPECT_LT(S("guzel fakat berbat", "tr"), 0);
  EXPECT_LT(S("güzel ancak berbat", "tr"), 0);
  EXPECT_LT(S("guzel lakin berbat", "tr"), 0);
}

TEST_F(SentimentRules, EnglishYetIsNotAContrast) {
  EXPECT_DOUBLE_EQ(S("good yet terrible", "en"), S("good and terrible", "en"));
}

TEST_F(SentimentRules, IntensifiersAndDampenersInBothLanguages) {
  for (const char* booster :
       {"very", "so", "really", "extremely", "totally", "super", "insanely", "fucking", "bloody"}) {
    EXPECT_GT(S(std::string(booster) + " good", "en"), S("good", "en")) << booster;
    EXPECT_LT(S(std::string(booster) + " terrible", "en"), S("terrible", "en")) << booster;
  }
  for (const char* dampener : {"slightly", "somewhat", "kinda", "barely"}) {
    EXPECT_LT(S(std::string(dampener) + " good", "en"), S("good", "en")) << dampener;
  }
  for (const char* booster : {"çok", "cok", "aşırı", "asiri", "gerçekten", "gercekten", "cidden",
                              "fazlasıyla", "fazlasiyla", "resmen"}) {
    EXPECT_GT(S(std::string(booster) + " güzel", "tr"), S("güzel", "tr")) << booster;
    EXPECT_LT(S(std::string(booster) + " berbat", "tr"), S("berbat", "tr")) << booster;
  }
  for (const char* dampener : {"biraz", "azıcık", "azicik"}) {
    EXPECT_LT(S(std::string(dampener) + " güzel", "tr"), S("güzel", "tr")) << dampener;
  }
}

// A problem told as over reports relief; told as believed, then turned
// from, nothing.
TEST(SentimentScorer, AProblemToldAsOverOrOnlyBelievedCountsNothing) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("kesinti*", -1.2);
  l->tr.Add("saçma", -2.0);
  l->tr.Add("bozuk", -2.0);
  l->tr.Add("hata*", -1.5);
  l->tr.Add("yok artık", -1.2);
  l->en.Add("outage", -2.2);
  l->en.Add("broken", -2.0);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text).strength;
  };
  EXPECT_EQ(s("internet kesintisi bitti", "tr"), 0);
  EXPECT_EQ(s("kesinti sona erdi", "tr"), 0);
  EXPECT_EQ(s("the outage is over", "en"), 0);
  EXPECT_EQ(s("outage resolved", "en"), 0);
  // How a thing ended, a negated fix, or a fix out of reach: still bad.
  EXPECT_LT(s("çok saçma bitti", "tr"), 0);
  EXPECT_LT(s("the outage is not fixed", "en"), 0);
  EXPECT_LT(s("outage again, they said it would be fixed", "en"), 0);
  // "yok" that negated the word before it is no "yok artık!" of its own.
  EXPECT_GT(s("hata yok artık", "tr"), 0);
  EXPECT_LT(s("yok artık", "tr"), 0);
  // A problem believed in, then a turn.
  EXPECT_EQ(s("bozuk sandım ama", "tr"), 0);
  EXPECT_EQ(s("I thought it was broken but", "en"), 0);
  EXPECT_LT(s("bozuk sandım", "tr"), 0);
}

// A good thing told as ruined is no praise: only the ruining counts.
TEST(SentimentScorer, AGoodThingRuinedIsNoPraise) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("party", 1.5);
  l->en.Add("ruined", -2.8);
  l->en.Add("ruining", -2.8);
  l->en.Add("thanks", 2.0);
  l->tr.Add("tatil*", 1.5);
  l->tr.Add("mahvol*", -3.0);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text).strength;
  };
  EXPECT_DOUBLE_EQ(s("party ruined", "en"), s("ruined", "en"));
  EXPECT_DOUBLE_EQ(s("they ruined the party", "en"), s("they ruined the", "en"));
  EXPECT_DOUBLE_EQ(s("tatilimiz mahvoldu", "tr"), s("mahvoldu", "tr"));
  // Out of reach, or in another phrase, the good thing counts.
  EXPECT_GT(s("the party was great fun and then rain ruined", "en"), s("ruined", "en"));
  EXPECT_GT(s("party, then it ruined", "en"), s("ruined", "en"));
  // "thanks for ruining": the -ing after the thanks does not spoil them.
  EXPECT_NE(s("thanks for ruining", "en"), s("for ruining", "en"));
}

TEST_F(SentimentRules, WordsOfDangerBeforeAGoodWordMeanVery) {
  // "dangerously good" is praise, and more of it than "good".
  for (const char* word : {"dangerously", "stupidly", "criminally", "obscenely"}) {
    EXPECT_GT(S(std::string("these cookies are ") + word + " good", "en"),
              S("these cookies are good", "en"))
        << word;
  }
}

TEST(SentimentScorer, DegreeAdverbsBoostTheNextEntryInsteadOfCountingThemselves) {
  auto l = std::make_shared<Lexicons>();
  // Entries of their own (positive), as in the shipped lexicon; before
  // another entry they only say how much of it there is.
  l->en.Add("thoroughly", 1.5);
  l->en.Add("perfectly", 2.5);
  l->en.Add("confused", -1.2);
  l->en.Add("enjoyed", 2.5);
  l->en.Add("disappointed", -2.0);
  l->tr.Add("güzel", 2.0);
  l->tr.Add("sıkıcı", -2.5);
  l->tr.Add("kötü", -2.5);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text).strength;
  };
  EXPECT_LT(s("thoroughly confused", "en"), s("confused", "en"));
  EXPECT_GT(s("thoroughly enjoyed", "en"), s("enjoyed", "en"));
  EXPECT_GT(s("perfectly", "en"), 0);  // alone it still counts
  for (const char* booster : {"deeply", "highly", "truly", "terribly", "seriously"}) {
    EXPECT_LT(s(std::string(booster) + " disappointed", "en"), s("disappointed", "en")) << booster;
  }
  for (const char* booster : {"oldukça", "oldukca", "acayip", "epey", "bayağı", "bayagi"}) {
    EXPECT_GT(s(std::string(booster) + " güzel", "tr"), s("güzel", "tr")) << booster;
    EXPECT_GT(s(std::string(booster) + " guzel", "tr"), s("güzel", "tr")) << booster;
  }
  EXPECT_LT(s("gayet sıkıcı", "tr"), s("sıkıcı", "tr"));
  EXPECT_LT(s("feci kötü", "tr"), s("kötü", "tr"));
  EXPECT_LT(s("FECI KOTU", "tr"), s("kötü", "tr"));
}

TEST(SentimentScorer, ANegativeWordBeforeFreeIsItsAbsence) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("guilt", -1.8);
  l->en.Add("risk", -1.2);
  l->en.Add("free", 0.5);
  l->en.Add("great", 3.0);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  EXPECT_GT(s("guilt free"), 0);
  EXPECT_GT(s("a risk-free trial"), 0);
  EXPECT_GT(s("GUILT FREE"), 0);
  EXPECT_LT(s("guilt free"), s("great"));    // milder than plain praise
  EXPECT_LT(s("guilt, free at last"), 0);    // another phrase after the comma
  EXPECT_LT(s("free of guilt"), s("free"));  // only "X free" is read this way
  EXPECT_LT(s("guilt"), 0);
}

// A Turkish verb no lexicon lists that says someone could not is
// frustration; what it could not find or see, it negates; the plain
// negation of a neutral act and the idioms of praise are left out.
TEST(SentimentScorer, AnUnlistedTurkishVerbOfInabilityIsFrustrationAndNegatesItsObject) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("kusur*", -1.5);
  l->tr.Add("güzel*", 2.0);
  l->tr.Add("mükemmel*", 3.0);
  l->tr.Add("izleyin", 2.0);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  for (const char* text :
       {"uygulamaya giremiyorum", "UYGULAMAYA GIREMIYORUM", "kargomu bulamadım",
        "kartımı kullanamıyoruz", "şifremi değiştiremedim", "size ulaşamazsınız"}) {
    EXPECT_LT(s(text), 0) << text;
  }
  // What it could not find: "kusur bulamadım" finds no fault.
  EXPECT_GT(s("kusur bulamadım"), 0);
  EXPECT_GT(s("kusur bulamadim"), 0);
  EXPECT_LT(s("güzel bir yanını göremedim"), 0);
  // Plain negations of neutral acts, idioms of praise, the infinitive,
  // -madan (without) and the imperative are no frustration.
  for (const char* text :
       {"filmi daha izlemedim", "bunu beklemiyordum", "gitmek istemiyorum", "izlemeye doyamadım",
        "elimden bırakamadım", "o sahneyi unutamıyorum", "etkisinden kurtulamadım", "anlatamam",
        "anlamamak mümkün değil", "bakmadan geçmeyin", "yapamadan", "yeni sezonu bekleyemiyorum",
        "tek bi kopma yaşamadım", "tek bi kopma yasamadim"}) {
    EXPECT_EQ(s(text), 0) << text;
  }
  // A guessed verb does not take praise before it into its negation.
  EXPECT_GT(s("mükemmel, izlemediyseniz hemen izleyin"), 0);
  // "-mAm" before a word of need is the verbal noun ("my keeping").
  EXPECT_EQ(s("kutuyu saklamam gerekiyor mu"), 0);
  EXPECT_EQ(s("KUTUYU SAKLAMAM LAZIM MI"), 0);
  EXPECT_LT(s("kutuyu saklamam, yer yok"), 0);
}

// Spoken Turkish writes "bir" as "bi"; the lexicons' phrases with "bir"
// read it so.
TEST(SentimentScorer, SpokenBiReadsAsBir) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("bir daha almam", -3.0);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  EXPECT_LT(s("bi daha almam"), 0);
  EXPECT_DOUBLE_EQ(s("BI DAHA ALMAM"), s("BİR DAHA ALMAM"));
  EXPECT_EQ(s("bi bakın"), 0);
}

// A Turkish hashtag typed as one lowercase word reads as the listed word it
// ends or begins with.
TEST(SentimentScorer, AOneWordTurkishHashtagReadsAsTheListedWordItEndsOrBeginsWith) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("rezalet", -3.0);
  l->en.Add("happy", 2.5);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang == "tr"), lang, text).strength;
  };
  EXPECT_LT(s("kargom yok #yurticikargorezalet", "tr"), 0);
  EXPECT_LT(s("#rezaletkargo", "tr"), 0);
  // Not in English, whose such tags are phrases ("#beatcancer").
  EXPECT_EQ(s("#happybirthdayme", "en"), 0);
  // Only hashtags: the same letters as a word are not split.
  EXPECT_EQ(s("yurticikargorezalet", "tr"), 0);
  // Nor parts shorter than five letters.
  EXPECT_EQ(s("#rezal", "tr"), 0);
}

TEST(SentimentScorer, TurkishThanksForAWrongIsSarcasmUnlessItWasPutRight) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("teşekkür*", 2.0);
  l->tr.Add("sağolun", 2.0);
  l->tr.Add("kaybet*", -2.0);
  l->tr.Add("beklet*", -1.5);
  l->tr.Add("sorun*", -1.5);
  l->tr.Add("kırık", -2.0);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  // Thanks for the wrong itself mock it.
  EXPECT_LT(s("paketimi kaybettiğiniz için teşekkürler"), s("paketimi kaybettiniz"));
  EXPECT_LT(s("PAKETIMI KAYBETTIGINIZ ICIN TESEKKURLER"), 0);
  EXPECT_LT(s("beni saatlerce beklettiğiniz için sağolun"), 0);
  // Thanks for putting it right are thanks.
  EXPECT_GT(s("sorunumu çözdüğünüz için teşekkürler"), 0);
  EXPECT_GT(s("kırık ürünü değiştirdiğiniz için teşekkürler"), s("kırık ürün"));
  EXPECT_GT(s("sorunumla ilgilendiğiniz için teşekkür ederim"), 0);
  // Another sentence, or a contrast, keeps them apart.
  EXPECT_GT(s("kargom gecikti ama ilginiz için teşekkürler"), 0);
  // So does the pluperfect: the wrong was a past the thanks came after.
  EXPECT_GT(s("kırık ürün gelmişti, değişim 2 günde yapıldı, teşekkürler"), 0);
  EXPECT_LT(s("kırık ürün geldi, değişim 2 günde yapıldı, teşekkürler"), 0);
  // A remedy that completes or stops the wrong: "tamamlandı", "engellediniz".
  EXPECT_GT(s("kırık ürün geldi, değişim tamamlandı, teşekkürler"),
            s("kırık ürün geldi, değişim 2 günde yapıldı, teşekkürler"));
  EXPECT_GT(s("sorunlu işlemi hemen engellediniz, teşekkürler"), 0);
}

TEST(SentimentScorer, PraiseOfWorkDoneNamingAFailureIsSarcasm) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("great job", 2.5);
  l->en.Add("well done", 2.5);
  l->en.Add("losing", -1.5);
  l->en.Add("broken", -2.0);
  l->en.Add("bad", -2.5);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  EXPECT_LT(s("great job losing my package"), 0);
  EXPECT_LT(s("WELL DONE LOSING MY BAG"), 0);
  // Work that puts a wrong right, or praise of something else, is praise.
  EXPECT_GT(s("great job fixing my broken screen"), 0);
  EXPECT_GT(s("great job guys, too bad about the rain"), s("too bad about the rain"));
}

TEST(SentimentScorer, LikeItAfterAVerbOfSeemingCompares) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("like it", 1.8);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  EXPECT_DOUBLE_EQ(s("my clutch feels like it shot"), 0);
  EXPECT_DOUBLE_EQ(s("LOOKS LIKE IT WILL RAIN"), 0);
  EXPECT_GT(s("I like it a lot"), 0);
}

TEST(SentimentScorer, ThreeCapitalsAfterAPrepositionAreAPlaceCode) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("thanks", 1.8);
  l->en.Add("lax", -1.7);
  l->en.Add("sin", -2.0);
  l->en.Add("bad", -2.5);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  EXPECT_GT(s("Thanks, @united for having a million outlets at LAX"), 0);
  EXPECT_DOUBLE_EQ(s("stuck at SIN"), 0);
  // Lowercase it is the word; capitals elsewhere stress it; a post all in
  // capitals stresses nothing, and its words count.
  EXPECT_LT(s("security at lax is lax"), 0);
  EXPECT_LT(s("this is BAD"), 0);
  EXPECT_LT(s("in BAD shape"), s("in bad shape") + 1e-9);
  EXPECT_LT(s("STUCK AT LAX"), 0);
  EXPECT_LT(s("Skype NEEDS TO SIN"), 0);  // the preposition shouts too
}

TEST(SentimentScorer, ThanksForWorkingThroughABadThingAreNoSarcasm) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("thank", 1.5);
  l->en.Add("thanks", 1.8);
  l->en.Add("storm", -1.2);
  l->en.Add("outage", -1.5);
  l->en.Add("rain", -0.5);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  // The bad thing is the circumstance of the praised work, not its object.
  EXPECT_GT(s("thank you PowerCo crews working through the storm"), 0);
  EXPECT_GT(s("THANKS FOR STAYING OPEN DURING THE OUTAGE"), 0);
  EXPECT_GT(s("thanks to the drivers who came despite the rain"), 0);
  // Or a remedy names it: "thanks for rebooking me after the storm".
  EXPECT_GT(s("thanks for rebooking me so fast after the storm"), 0);
  // Thanks for the bad thing itself still mock it.
  EXPECT_LT(s("thanks for the outage"), 0);
  EXPECT_LT(s("thanks for the outage during my exam"), 0);
  // Weather is nobody's doing: praise beside it is not mocked by it.
  EXPECT_GT(s("power back on already, thanks to the crews out in the storm"), 0);
  EXPECT_LT(s("power back on already, thanks to the crews out in the outage"), 0);
}

TEST(SentimentScorer, PraiseOfWhatItCouldHaveBeenIsAComplaintAboutWhatItIs) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("iyi", 1.5);
  l->tr.Add("güzel", 2.0);
  l->en.Add("better", 1.2);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text).strength;
  };
  for (const char* text :
       {"daha iyi olabilirdi", "DAHA IYI OLABILIRDI", "daha güzel bir son beklerdim",
        "daha guzel bir son beklerdim", "çok daha iyi olmalıydı", "daha iyisini umuyordum",
        "daha iyi olsaydı keşke"}) {
    EXPECT_LT(s(text, "tr"), 0) << text;
  }
  for (const char* text :
       {"could have been better", "should've been better", "I expected better",
        "you deserve better", "could've been so much better", "should have been a lot better"}) {
    EXPECT_LT(s(text, "en"), 0) << text;
  }
  // Plain comparisons stay praise, and so does an expectation met after a comma.
  EXPECT_GT(s("daha iyi oldu", "tr"), 0);
  EXPECT_GT(s("daha güzel, beklediğimden de iyi", "tr"), 0);
  EXPECT_GT(s("better than ever", "en"), 0);
  EXPECT_GT(s("better, as expected", "en"), 0);
  EXPECT_GT(s("could not be better", "en"), 0);
  // Only degree words stretch the distance to the expectation.
  EXPECT_GT(s("could the ending have been any better", "en"), 0);
}

TEST(SentimentScorer, TurkishNegatedCopulaNegatesTheWordBeforeIt) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("iyi", 1.5);
  l->tr.Add("komik", 1.5);
  l->tr.Add("kötü", -2.5);
  l->tr.Add("güzel", 2.0);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  for (const char* text :
       {"pek iyi olmayan bir dizi", "hiç komik olmadığını anlıyorsunuz", "iyi bir film olmamış",
        "IYI OLMAMIS", "güzel olmaz", "iyi olamaz", "iyi olmuyor"}) {
    EXPECT_LT(s(text), 0) << text;
  }
  EXPECT_GT(s("kötü olmayan bir film"), 0);
  EXPECT_GT(s("iyi olmuş"), 0);       // not negated: evidential
  EXPECT_GT(s("iyi olmalı"), 0);      // necessity
  EXPECT_GT(s("güzel olmaz mı"), 0);  // asks for agreement
}

TEST(SentimentScorer, TurkishNegatedVerbAfterPraiseNegatesIt) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("zamanında", 1.5);
  l->tr.Add("iyi", 1.5);
  l->tr.Add("gelmedi*", -2.0);
  l->tr.Add("çalışmıyor*", -2.3);
  l->tr.Add("gecikme", -1.5);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  // The praise is under the verb's negation, and the verb keeps its score.
  EXPECT_LT(s("kargo zamanında gelmedi"), s("kargo gelmedi"));
  EXPECT_LT(s("KARGO ZAMANINDA GELMEDI"), s("KARGO GELMEDI"));
  EXPECT_LT(s("uygulama iyi çalışmıyor"), s("uygulama çalışmıyor"));
  // A comma, or a noun in -me ("gecikme": delay), is no such verb.
  EXPECT_GT(s("zamanında, gelmedi diye korkmuştum"), s("gelmedi diye korkmuştum"));
  EXPECT_GT(s("iyi gecikme"), s("gecikme"));
}

TEST(SentimentScorer, TurkishLitotesSaysNotBadAndItsVerbOnlyNegates) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("kötü", -2.5);
  l->tr.Add("fena*", -1.5);
  l->tr.Add("hasarlı*", -2.3);
  l->tr.Add("basit*", -1.0);
  l->tr.Add("maalesef", -1.2);
  l->tr.Add("gelmedi*", -2.0);
  l->tr.Add("olmamış", -2.0);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  // A bare negative word, then a negated verb of seeming or being: not bad.
  EXPECT_GT(s("kötü gelmedi bana"), 0);
  EXPECT_GT(s("KOTU GELMEDI BANA"), 0);
  EXPECT_GT(s("hiç kötü durmuyor"), 0);
  EXPECT_GT(s("fiyatı kötü gözükmüyor"), 0);
  EXPECT_GT(s("paket hasarlı gelmedi"), 0);
  EXPECT_GT(s("film fena olmamış"), 0);
  // The verb alone, or after a noun, is still a complaint.
  EXPECT_LT(s("kargo gelmedi"), 0);
  EXPECT_LT(s("film olmamış"), 0);
  // Regret is not negated, and a word with a suffix is no bare adjective.
  EXPECT_LT(s("maalesef gelmedi"), s("gelmedi"));
  EXPECT_LT(s("maalesef olmamış"), s("olmamış"));
  EXPECT_LT(s("basitçe olmamış"), 0);
  EXPECT_LT(s("olmamış olmamış"), 0);
}

TEST(SentimentScorer, APostTurnsPositiveWhenItsFirstSentenceGoesFromBadToOnlyGood) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("dented", -1.2);
  l->en.Add("awful", -2.5);
  l->en.Add("perfect", 3.0);
  l->tr.Add("bozuk", -2.0);
  l->tr.Add("hızlı", 1.5);
  const SentimentScorer scorer(l);
  auto en = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).turns_positive;
  };
  auto tr = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).turns_positive;
  };
  EXPECT_TRUE(en("the box was a bit dented but the product is perfect, thanks"));
  EXPECT_TRUE(tr("ürün bozuk çıktı ama değişim çok hızlı oldu"));
  EXPECT_FALSE(en("the box was dented. But the product is perfect"));    // told first
  EXPECT_FALSE(en("dented box but perfect product, awful courier"));     // bad news after
  EXPECT_FALSE(en("perfect product but an awful courier"));              // the other way
  EXPECT_FALSE(en("the box was a bit dented, the product is perfect"));  // no turn
}

TEST(SentimentScorer, APostTurnsAwayWhenAllItsPraiseStandsBeforeItsLastContrast) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("awful", -2.5);
  l->en.Add("perfect", 3.0);
  l->tr.Add("mükemmel", 3.5);
  l->tr.Add("hızlı", 1.5);
  const SentimentScorer scorer(l);
  auto en = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).turns_away;
  };
  auto tr = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).turns_away;
  };
  // Nothing scored after the turn, or only bad news: what follows is held against.
  EXPECT_TRUE(tr("ürün mükemmel ama kargo 2 haftada geldi"));
  EXPECT_TRUE(en("perfect product but an awful courier"));
  // Good news after the turn, no praise before it, or no turn at all.
  EXPECT_FALSE(tr("kargo geç geldi ama ürün mükemmel"));
  EXPECT_FALSE(tr("ürün mükemmel ama kargo da çok hızlı"));
  EXPECT_FALSE(en("awful courier but the rest was fine"));
  EXPECT_FALSE(en("perfect product, awful courier"));
}

TEST(SentimentScorer, ThanksForNoticeOfBadNewsAreHonestAndLuckilyTurnsLikeBut) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("thanks", 1.8);
  l->en.Add("outage*", -2.2);
  l->en.Add("awful", -2.5);
  l->en.Add("great", 3.0);
  l->tr.Add("teşekkürler", 2.0);
  l->tr.Add("kesinti*", -1.2);
  const SentimentScorer scorer(l);
  auto en = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text);
  };
  auto tr = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text);
  };
  // Thanks for the outage itself are sarcasm; for notice of it, honest.
  auto thanks_valence = [](const SentimentResult& r) {
    for (const SentimentContribution& c : r.contributions) {
      if (c.token == "thanks" || c.token == "tesekkurler") return c.valence;
    }
    return 0.0;
  };
  EXPECT_LT(thanks_valence(en("thanks for the outage tonight")), 0.0);
  EXPECT_GT(thanks_valence(en("thanks for the heads up about the outage tonight")), 0.0);
  EXPECT_GT(thanks_valence(tr("kesinti için önceden bilgilendirdiğiniz için teşekkürler")), 0.0);
  // "luckily", "neyse ki" weigh what follows as "but" does.
  EXPECT_GT(en("awful weather, luckily the food was great").strength, 0.0);
  EXPECT_TRUE(en("awful weather, luckily the food was great").turns_positive);
}

TEST(SentimentScorer, TurkishMockeryWithoutANegativeWordCountsAgainstAComplaint) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("allah", 2.5);
  l->tr.Add("harika*", 3.2);
  l->tr.Add("efsane*", 3.0);
  l->tr.Add("ulaşılam*", -2.2);
  l->tr.Add("muhteşem", 3.0);
  l->tr.Add("yapam*", -1.0);
  const SentimentScorer scorer(l);
  ScoreContext complaint;
  complaint.complaint_rule = true;
  auto tr = [&](const std::string& text, ScoreContext context = {}) {
    return scorer.Score(Normalize(text, true), "tr", text, true, context).strength;
  };
  // The irony mark, written against its word, beside a complaint rule.
  EXPECT_LT(tr("Allah razı olsun sizden(!) kargom bir haftadır depoda bekliyor", complaint), 0.0);
  EXPECT_GT(tr("Allah razı olsun sizden, kargom bir günde geldi", complaint), 0.0);
  // Praise taken back by what did not happen.
  EXPECT_LT(tr("harika bir deneyimdi, tabii siparişim gelseydi"), 0.0);
  EXPECT_GT(tr("harika bir deneyimdi, tabii ki tekrar alırım"), 0.0);
  // A legend no one can reach; two thoughts side by side are not one.
  EXPECT_LT(tr("hiç ulaşılamayan bir efsane"), 0.0);
  EXPECT_GT(tr("yorum yapamıyorum muhteşem bir filmdi"), 0.0);
}

TEST(SentimentScorer, AFearThatCameToNothingReportsNothingBad) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("worried", -1.5);
  l->en.Add("late", -1.0);
  l->en.Add("break", -1.0);
  l->tr.Add("geç", -1.0);
  l->tr.Add("kork*", -1.5);
  const SentimentScorer scorer(l);
  auto en = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  auto tr = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  EXPECT_EQ(en("worried the parcel would be late but it came the next morning"), 0.0);
  EXPECT_EQ(en("I was worried it would be late. Luckily it came early"), 0.0);
  EXPECT_EQ(tr("kargo geç gelir diye korkmuştum ama ertesi gün elimdeydi"), 0.0);
  EXPECT_EQ(tr("KARGO GEC GELIR DIYE KORKMUSTUM AMA ERTESI GUN GELDI"), 0.0);
  // A worry now, or one that came true, stays.
  EXPECT_LT(en("I'm worried about my order, it is late"), 0.0);
  EXPECT_LT(en("worried it would break and it did"), 0.0);
  EXPECT_LT(tr("kargo geç gelir diye korkuyorum"), 0.0);
}

TEST(SentimentScorer, PraiseOnceBelievedAndProvedWrongSaysNothingGood) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("lovely", 2.8);
  l->en.Add("great", 3.1);
  l->tr.Add("harika*", 3.0);
  l->tr.Add("güzel*", 2.5);
  const SentimentScorer scorer(l);
  auto en = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  auto tr = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  EXPECT_EQ(en("what a lovely day I thought, then it poured"), 0.0);
  EXPECT_EQ(en("great service, or so I thought"), 0.0);
  EXPECT_EQ(en("a great hotel we thought, until we saw the room"), 0.0);
  EXPECT_EQ(tr("harika bir otel diye sanmıştım"), 0.0);
  EXPECT_EQ(tr("HARIKA BIR OTEL DIYE SANMISTIM"), 0.0);
  EXPECT_EQ(tr("güzel diye zannettik"), 0.0);
  // An opinion, and a reason, stay praise.
  EXPECT_GT(en("the acting was great I thought"), 0.0);
  EXPECT_GT(en("I thought it was lovely"), 0.0);
  EXPECT_GT(tr("güzel olur diye düşündüm, gerçekten güzeldi"), 0.0);
}

TEST(SentimentScorer, ANegativeWordInAConditionIsSupposedNotReported) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("problems", -1.5);
  l->en.Add("wrong", -1.8);
  l->en.Add("illegal", -2.0);
  l->en.Add("love", 3.0);
  l->tr.Add("sorun*", -1.5);
  l->tr.Add("hasarlı*", -2.3);
  l->tr.Add("gecik*", -1.5);
  const SentimentScorer scorer(l);
  auto en = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  auto tr = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  EXPECT_EQ(en("if I have problems with the order, who do I contact?"), 0.0);
  EXPECT_EQ(en("IF ANYTHING GOES WRONG I WILL CALL"), 0.0);
  EXPECT_EQ(en("in case of problems, where do I write?"), 0.0);
  EXPECT_EQ(en("Should you have any problems, call us"), 0.0);
  EXPECT_EQ(tr("bir sorun olursa nereye başvurmalıyım?"), 0.0);
  EXPECT_EQ(tr("kargo hasarlı gelirse ne yapmalıyım?"), 0.0);
  EXPECT_EQ(tr("sipariş gecikirse iade alabilir miyim"), 0.0);
  EXPECT_EQ(tr("bir sorun yasarsaniz yazin"), 0.0);
  // Praise in a condition still counts ("RT if you love it"); negated,
  // either way round, it is supposed too: a condition reports nothing.
  EXPECT_GT(en("RT if you love it"), 0.0);
  EXPECT_EQ(en("if the kids don't love it, I will send it back"), 0.0);
  EXPECT_EQ(en("if nothing went wrong, it should arrive today"), 0.0);
  EXPECT_EQ(en("if it's not illegal, I would like to try it"), 0.0);
  // Not conditions: "even if", "as if", "if not", "if" as "whether", the
  // "if" of a "why", "-se bile", a "neden" question, and words that only
  // end like a conditional ("borsa").
  EXPECT_LT(en("even if it goes wrong they never answer"), 0.0);
  EXPECT_LT(en("they act as if the problems were ours"), 0.0);
  EXPECT_LT(en("he called to ask if he could make illegal copies"), 0.0);
  EXPECT_LT(en("why do I pay if the app has problems every day"), 0.0);
  EXPECT_LT(en("I would appreciate it if the problems stopped"), 0.0);
  EXPECT_LT(tr("sorun olursa bile kimse ilgilenmiyor"), 0.0);
  EXPECT_LT(tr("kargo hasarlı geldiyse neden teslim aldınız diyorlar"), 0.0);
  EXPECT_LT(tr("borsa sorunu"), 0.0);
}

TEST(SentimentScorer, TurkishNegatedExperienceVerbSaysThereWasNone) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("sorun*", -1.5);
  l->tr.Add("rezalet", -3.5);
  l->tr.Add("güzel", 2.0);
  l->tr.Add("mağduriyet*", -2.8);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  EXPECT_GT(s("hiçbir sorun yaşamadım"), 0.0);
  EXPECT_GT(s("HICBIR SORUN YASAMADIM"), 0.0);
  EXPECT_GT(s("şu ana kadar hiç sorun çıkmadı"), 0.0);
  EXPECT_GT(s("hiç sorunla karşılaşmadık"), 0.0);
  // None such: "I never went through such a disgrace" affirms.
  EXPECT_LT(s("böyle bir rezalet yaşamadım"), s("rezalet"));
  // "gör-" is left out: "bu kadar güzel film görmedim" praises.
  EXPECT_GT(s("bu kadar güzel film görmedim"), 0.0);
  // Naming the act ("yaşamamıza": to our going through) is no negation.
  EXPECT_LT(s("mağduriyet yaşamamıza neden oldunuz"), 0.0);
  // Verbs of solving are the complaint itself.
  EXPECT_LT(s("sorunum çözülmedi"), 0.0);
}

TEST(SentimentScorer, TurkishNegatedFaultVerbRightAfterTheWordNegatesIt) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("sorun*", -1.5);
  l->tr.Add("hata*", -1.5);
  l->tr.Add("arıza*", -1.8);
  l->tr.Add("keyif*", 1.8);
  l->tr.Add("iyi", 1.9);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  EXPECT_GT(s("uzun süredir kullanıyorum hiç sorun çıkarmadı"), 0.0);
  EXPECT_GT(s("uzun suredir kullaniyorum hic sorun cikarmadi"), 0.0);
  EXPECT_GT(s("bir kez bile hata vermedi"), 0.0);
  EXPECT_GT(s("iki yıldır arıza yapmadı"), 0.0);
  EXPECT_LT(s("hiç keyif vermedi"), 0.0);
  // Further on, the verb has an object of its own: "iyi" stays praise.
  EXPECT_GT(s("sonu iyi bitiyor açılımını yapmıyorum"), 0.0);
  // Not negated, the verb makes the fault: "sorun çıkardı".
  EXPECT_LT(s("yine sorun çıkardı"), 0.0);
}

TEST(SentimentScorer, TurkishNoneSuchAffirms) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("rezalet", -3.5);
  l->tr.Add("güzel", 2.0);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  // "there is none like it" says more of the word, not its opposite.
  EXPECT_LT(s("böyle bir rezalet yok"), s("rezalet"));
  EXPECT_LT(s("boyle bi rezalet yok"), s("rezalet"));
  EXPECT_GT(s("bu kadar güzel bir film yoktur"), s("güzel"));
  // "olamaz" / "olmaz" (there can be none) say the same.
  EXPECT_LT(s("bu kadar rezalet bir firma olamaz"), s("rezalet"));
  EXPECT_LT(s("böylesine rezalet olmaz"), s("rezalet"));
  EXPECT_LT(s("boylesine rezalet olmaz"), s("rezalet"));
  EXPECT_GT(s("bu kadar güzel bir film olamazdı"), s("güzel"));
  // Without "böyle / bu kadar", or with "değil", it is a negation.
  EXPECT_GT(s("rezalet yok"), 0);
  EXPECT_GT(s("rezalet olamaz"), 0);
  EXPECT_LT(s("bu kadar güzel değil"), 0);
  EXPECT_LT(s("güzel bir film yok"), 0);
}

TEST(SentimentScorer, TurkishNeitherNorNegatesWhatItNames) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("güldür*", 1.5);
  l->tr.Add("sıkıcı", -2.5);
  l->tr.Add("güzel", 2.0);
  l->tr.Add("harika", 3.0);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  EXPECT_LT(s("oyun ne sardı ne de güldürdü"), 0);
  EXPECT_LT(s("OYUN NE SARDI NE DE GULDURDU"), 0);
  EXPECT_LT(s("ne güzel ne de eğlenceli"), 0);
  EXPECT_GT(s("ne sıkıcı ne de uzun"), 0);
  // One "ne" is a question or an exclamation; "ne zaman" asks.
  EXPECT_GT(s("ne güzel bir film"), 0);
  EXPECT_GT(s("ne zaman güzel olacak ne zaman"), 0);
  // What follows a comma is outside it.
  EXPECT_GT(s("ne konu ne oyunculuk, ama müzik harika"), 0);
  // Praise and fault named together weigh each other out: a level verdict.
  EXPECT_EQ(s("ne güzel ne sıkıcı"), 0);
  EXPECT_EQ(s("NE GUZEL NE DE SIKICI"), 0);
  EXPECT_GT(s("ne güzel ne sıkıcı, ama müzik harika"), 0);
}

TEST(SentimentScorer, EnglishLikeAndKindCountOnlyAsVerbAndAdjective) {
  auto l = std::make_shared<Lexicons>();  // neither word is an entry
  l->en.Add("bad", -2.5);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  for (const char* text : {"I really like it", "you will like the new menu", "we like the app",
                           "so kind of you", "the staff were very kind", "kind staff"}) {
    EXPECT_GT(s(text), 0) << text;
  }
  for (const char* text :
       {"I'd like a refund", "I would like to know", "looks like rain", "this kind of service",
        "what kind of answer is that", "kind of slow", "Kind regards, Ann"}) {
    EXPECT_LE(s(text), 0) << text;
  }
  EXPECT_LT(s("I don't like it"), 0);
  // The verb is what "don't" negates; "bad" after it stays bad.
  EXPECT_LT(s("I don't like bad service"), s("I don't like it"));
}

TEST(SentimentScorer, PraiseSaidAloneNextToAComplaintIsSarcasm) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("perfect", 3.0);
  l->en.Add("great", 3.0);
  l->en.Add("missed", -1.5);
  l->en.Add("late", -1.5);
  l->en.Add("rain", -0.5);
  l->en.Add("friendly", 2.0);
  l->tr.Add("harika", 3.0);
  l->tr.Add("süper", 2.8);
  l->tr.Add("gecikti", -2.0);
  l->tr.Add("gelmedi", -2.0);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text).strength;
  };
  EXPECT_LT(s("Missed the bus again. Perfect.", "en"), 0);
  EXPECT_LT(s("missed the bus again. just perfect!", "en"), 0);
  EXPECT_LT(s("kargom yine gelmedi. harika.", "tr"), 0);
  EXPECT_LT(s("KARGOM YINE GELMEDI. HARIKA.", "tr"), 0);
  EXPECT_LT(s("süper, kargo yine gecikti", "tr"), 0);
  // Praise of the day or week it closes is still said alone.
  EXPECT_LT(s("missed the last train, perfect end to the week", "en"), 0);
  EXPECT_LT(s("Missed the bus again. Great start to the day.", "en"), 0);
  EXPECT_GT(s("a swim and a long lunch, perfect end to the week", "en"), 0);
  // Not sarcasm: praise with more to say, praise before news of its own
  // (after a full stop), a mild negative beside it.
  EXPECT_GT(s("great food, friendly staff", "en"), 0);
  EXPECT_GT(s("Great! The rain missed us.", "en"), s("Great, the rain missed us.", "en"));
  EXPECT_GT(s("rain! great!", "en"), 0);
}

TEST(SentimentScorer, BarePraiseBesideAComplaintRuleIsSarcasm) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("well done", 2.5);
  l->en.Add("perfect", 2.7);
  l->tr.Add("bravo", 2.8);
  l->tr.Add("mükemmel", 3.5);
  l->tr.Add("harika", 3.2);
  l->tr.Add("teşekkürler", 2.0);
  l->tr.Add("korkmuştum", -1.0);
  l->tr.Add("sorun*", -1.5);
  l->en.Add("great", 3.0);
  l->en.Add("thanks", 2.0);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text, const std::string& lang, bool complaint_rule) {
    return ScoreBeside(scorer, text, lang, complaint_rule);
  };
  // No negative word for the lexicons to find: only the rule stage knows
  // "yine iptal ettiniz" and "10 gündür hazırlanıyor" are complaints.
  EXPECT_GT(s("bravo size, yine iptal ettiniz", "tr", false), 0);
  EXPECT_LT(s("bravo size, yine iptal ettiniz", "tr", true), 0);
  EXPECT_LT(s("BRAVO SIZE, YINE IPTAL ETTINIZ", "tr", true), 0);
  EXPECT_LT(s("mükemmel hizmet, sipariş 10 gündür hazırlanıyor", "tr", true), 0);
  EXPECT_LT(s("mukemmel hizmet, siparis 10 gundur hazirlaniyor", "tr", true), 0);
  EXPECT_LT(s("great customer service, nobody answers the phone", "en", true), 0);
  // Sincere: praise elsewhere in the post, a remedy or contrast in the
  // neighbouring phrase, praise with more to say, or praise alone.
  EXPECT_GT(s("harika harika, gelmedi diye korkmuştum, teşekkürler", "tr", true), 0);
  EXPECT_GT(s("great, the refund was sorted in a day", "en", true), 0);
  EXPECT_GT(s("great, but the parcel was late", "en", true),
            s("great, the parcel was late", "en", true));
  EXPECT_GT(s("great app, crashed once", "en", true), 0);
  EXPECT_GT(s("bravo size", "tr", true), 0);
  // The remedy named after the problem, as Turkish does, keeps the praise
  // sincere with or without a complaint rule.
  EXPECT_GT(s("bravo size, sorunumu 10 dakikada çözdünüz", "tr", false), 0);
  EXPECT_GT(s("bravo size, sorunumu 10 dakikada çözdünüz", "tr", true), 0);
  // A lost thing found and brought back is a remedy too.
  l->tr.Add("kaybol*", -2.5);
  EXPECT_GT(s("bravo, kaybolan bavulumu otelime getirdiniz", "tr", true), 0);
  EXPECT_GT(s("bravo, kaybolan paketimi buldunuz", "tr", true), 0);
  EXPECT_LT(s("bravo, bavulum yine kayboldu", "tr", true), 0);
  // Brought back in the passive too: the thanks count for, not against.
  // A negated remedy puts nothing right: the thanks count against.
  EXPECT_GT(s("teşekkürler, kaybolan bavulum otele getirildi", "tr", true),
            s("kaybolan bavulum otele getirildi", "tr", true));
  EXPECT_GT(s("tesekkurler, kaybolan bavulum otele ulastirildi", "tr", true),
            s("kaybolan bavulum otele ulastirildi", "tr", true));
  EXPECT_LT(s("teşekkürler, kaybolan bavulum otele getirilmedi", "tr", true),
            s("kaybolan bavulum otele getirilmedi", "tr", true));
  EXPECT_LT(s("tesekkurler, kaybolan bavulum otele ulastirilmadi", "tr", true),
            s("kaybolan bavulum otele ulastirilmadi", "tr", true));
  // The sentence after praise said alone names the complaint too, but only
  // when a complaint rule matched: "Thanks! We had a blast." is glad.
  EXPECT_LT(s("Harika! Kargo 6 gündür yolda.", "tr", true), 0);
  EXPECT_LT(s("HARIKA! KARGO 6 GUNDUR YOLDA.", "tr", true), 0);
  EXPECT_GT(s("Harika! Kargo 6 gündür yolda.", "tr", false), 0);
  EXPECT_GT(s("Thanks! We had a blast.", "en", false), 0);
  // "well done" and "perfect timing" said alone.
  EXPECT_LT(s("well done @acme, 3 weeks and still no refund", "en", true), 0);
  EXPECT_LT(s("perfect timing, the internet went down before my exam", "en", true), 0);
  EXPECT_GT(s("perfect timing, the parcel came before my trip", "en", false), 0);
}

TEST(SentimentScorer, PraiseInScareQuotesCountsAgainstAComplaint) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("fast", 1.5);
  l->en.Add("great", 3.0);
  l->en.Add("love", 3.0);
  l->en.Add("loved", 2.9);
  l->en.Add("sad", -2.0);
  l->en.Add("lost", -1.3);
  l->tr.Add("hızlı", 1.5);
  l->tr.Add("harika", 3.2);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text, const std::string& lang, bool complaint_rule) {
    return ScoreBeside(scorer, text, lang, complaint_rule);
  };
  // In quotes, with a complaint rule or something negative beside it.
  EXPECT_LT(s("your \"fast\" delivery took 3 weeks", "en", true), 0);
  EXPECT_LT(s("your \xE2\x80\x9C"
              "fast\xE2\x80\x9D delivery took 3 weeks",
              "en", true),
            0);
  EXPECT_LT(s("your 'fast' delivery took 3 weeks", "en", true), 0);
  EXPECT_LT(s("\"hızlı\" teslimat, 2 haftada geldi", "tr", true), 0);
  EXPECT_LT(s("\"hizli\" teslimat, 2 haftada geldi", "tr", true), 0);
  // Right before a quotation, or an article away, with a complaint rule.
  EXPECT_LT(s("great \"customer service\", 2 hours on hold", "en", true), 0);
  EXPECT_LT(s("love the \"upgrade\" that deleted my photos", "en", true), 0);
  EXPECT_LT(s("harika \"destek\" ekibiniz 3 gündür dönmedi", "tr", true), 0);
  // Sincere: no complaint rule (a negative word beside a title is none);
  // a title after praise; a long quotation.
  EXPECT_GT(s("your \"fast\" delivery arrived today", "en", false), 0);
  EXPECT_DOUBLE_EQ(s("\"fast\" delivery lost my parcel", "en", false),
                   s("fast delivery lost my parcel", "en", false));
  EXPECT_GT(s("loved \"Great Expectations\"", "en", false), 0);
  EXPECT_GT(s("loved \"Great Expectations\", the ending was sad", "en", false),
            s("loved Great Expectations, the ending was sad", "en", false) - 1e-9);
  EXPECT_GT(s("she said \"what a great fast team we have\"", "en", true), 0);
  // A comma between: the quotes change nothing.
  EXPECT_DOUBLE_EQ(s("fast, \"the\" parcel came", "en", true),
                   s("fast, the parcel came", "en", true));
}

TEST(SentimentScorer, SarcasmFramesCountAgainstOnlyWithAComplaintRule) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("amazing", 2.8);
  l->en.Add("love", 3.0);
  l->en.Add("nice", 1.8);
  l->en.Add("great", 3.0);
  l->en.Add("fast", 1.5);
  l->en.Add("fun", 2.3);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text, bool complaint_rule) {
    return ScoreBeside(scorer, text, "en", complaint_rule);
  };
  EXPECT_LT(s("love how my internet drops every evening", true), 0);
  EXPECT_LT(s("LOVE IT WHEN THE APP LOGS ME OUT", true), 0);
  EXPECT_LT(s("gotta love paying for a service that never works", true), 0);
  EXPECT_LT(s("you have to love being on hold for an hour", true), 0);
  EXPECT_LT(s("nice to see my bill doubled this month", true), 0);
  EXPECT_LT(s("great to hear my refund was rejected", true), 0);
  EXPECT_LT(s("nice of you to cancel my flight without telling me", true), 0);
  EXPECT_LT(s("amazing how my parcel vanished", true), 0);
  EXPECT_GT(s("amazing how fast it came", false), 0);
  // Sincere: no complaint rule; praise or a remedy in the framed clause;
  // a frame word without its frame.
  EXPECT_GT(s("love how fast it arrived", false), 0);
  EXPECT_GT(s("love how fast it arrived", true), 0);
  EXPECT_GT(s("nice to see the outage was fixed", true), 0);
  EXPECT_GT(s("love my new phone, the case was late", true), 0);
  EXPECT_GT(s("nice to see you", false), 0);
  // Loving an ordeal; "so much fun".
  EXPECT_LT(s("love waiting 2 weeks for a refund", true), 0);
  EXPECT_LT(s("so much fun spending my saturday on hold", true), 0);
  EXPECT_GT(s("love getting your newsletter", false), 0);
  EXPECT_GT(s("so much fun at the launch party", false), 0);
  // Glad of the money or time spent, then the letdown.
  l->en.Add("glad", 2.6);
  l->en.Add("happy", 2.7);
  EXPECT_LT(s("so glad I paid extra for express shipping that took 9 days", true), 0);
  EXPECT_LT(s("happy we waited an hour for cold food", true), 0);
  EXPECT_GT(s("so glad I paid for the upgrade, it arrived in a day", false), 0);
  EXPECT_GT(s("glad I bought the extended warranty", true), 0);
  // Turkish: praise of what the company built, before what it makes one do.
  l->tr.Add("harika*", 3.2);
  l->tr.Add("teşekkürler", 2.0);
  auto tr = [&](const std::string& text, bool complaint_rule) {
    return ScoreBeside(scorer, text, "tr", complaint_rule);
  };
  EXPECT_LT(tr("harika bir sistem kurmuşsunuz, şifre için şubeye gitmem gerekiyor", true), 0);
  EXPECT_LT(tr("HARIKA BIR SISTEM KURMUSSUNUZ, SIFRE ICIN SUBEYE GITMEM GEREKIYOR", true), 0);
  EXPECT_GT(tr("harika bir uygulama yapmışsınız, teşekkürler", false), 0);
  EXPECT_GT(tr("harika bir uygulama yapmışsınız, teşekkürler", true), 0);
}

TEST(SentimentScorer, AnEyeRollTurnsThePraiseOfItsClause) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("great", 3.0);
  l->en.Add("slow", -1.5);
  l->tr.Add("bayıldım", 3.0);
  l->emoji.Add("\xF0\x9F\x99\x84", -1.0);  // 🙄
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text).strength;
  };
  EXPECT_LT(s("great service \xF0\x9F\x99\x84", "en"), 0);
  EXPECT_LT(s("bayıldım bu beklemeye \xF0\x9F\x99\x84", "tr"), 0);
  EXPECT_LT(s("BAYILDIM BU BEKLEMEYE \xF0\x9F\x99\x84", "tr"), 0);
  // Praise before a contrast, or in another sentence, stays praise.
  EXPECT_GT(s("great food but slow \xF0\x9F\x99\x84", "en"),
            s("food but slow \xF0\x9F\x99\x84", "en"));
  EXPECT_GT(s("great food. slow \xF0\x9F\x99\x84", "en"), s("food. slow \xF0\x9F\x99\x84", "en"));
  EXPECT_GT(s("great service", "en"), 0);
}

TEST(SentimentScorer, OtherMockingMarksTurnThePraiseOfTheirClauseToo) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("great", 3.0);
  l->en.Add("fast", 1.5);
  l->en.Add("yeah", 0.5);
  l->en.Add("yeah right", -0.8);
  l->tr.Add("hızlı*", 1.5);
  l->emoji.Add("\xF0\x9F\x99\x83", -0.3);  // 🙃
  l->emoji.Add("\xF0\x9F\x98\x92", -1.5);  // 😒
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text).strength;
  };
  EXPECT_LT(s("great service \xF0\x9F\x99\x83", "en"), 0);
  EXPECT_LT(s("tabi tabi, çok hızlısınız \xF0\x9F\x99\x83", "tr"), 0);
  EXPECT_LT(s("great day \xF0\x9F\x98\x92", "en"), 0);
  EXPECT_LT(s("yeah right, fast shipping", "en"), 0);
  EXPECT_LT(s("YEAH RIGHT, FAST SHIPPING", "en"), 0);
  EXPECT_GT(s("fast shipping", "en"), 0);
}

TEST(SentimentScorer, APhraseIsSaidWithinOnePhrase) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("yeah", 0.5);
  l->en.Add("yeah right", -0.8);
  l->en.Add("thanks", 1.8);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  // Across a comma or a sentence end, "yeah" stands alone.
  EXPECT_GT(s("yeah, right on time"), 0);
  EXPECT_GT(s("yeah. right"), 0);
  EXPECT_LT(s("yeah right"), 0);
}

TEST(SentimentScorer, ThanksForAWrongCountAgainstOnlyWithAComplaintRule) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("thanks", 1.8);
  l->en.Add("cheers", 1.5);
  l->en.Add("thank you", 1.8);
  l->tr.Add("teşekkür*", 2.0);
  l->tr.Add("sağolun", 2.0);
  const SentimentScorer scorer(l);
  std::function<double(const std::string&, const std::string&, bool)> s =
      [&](const std::string& text, const std::string& lang, bool complaint_rule) {
        return ScoreBeside(scorer, text, lang, complaint_rule);
      };
  // English names the act right after the thanks.
  EXPECT_LT(s("thanks for charging me twice", "en", true), 0);
  EXPECT_LT(s("THANK YOU SO MUCH FOR CANCELLING MY ORDER", "en", true), 0);
  EXPECT_LT(s("Thanks @shop for canceling my order", "en", true), 0);
  // "cheers" thanks as well.
  EXPECT_LT(s("cheers for cancelling my flight", "en", true), 0);
  EXPECT_GT(s("cheers for cancelling my flight", "en", false), 0);
  EXPECT_GT(s("thanks for getting back to me, still no parcel", "en", true), 0);
  EXPECT_GT(s("thanks for sending the replacement", "en", true), 0);
  // Turkish names it as a participle before "için", before or after the thanks.
  EXPECT_LT(s("paramı iki kez çektiğiniz için teşekkürler", "tr", true), 0);
  EXPECT_LT(s("parami iki kez cektiginiz icin tesekkurler", "tr", true), 0);
  EXPECT_LT(s("siparişimi haber vermeden iptal ettiğiniz için teşekkürler", "tr", true), 0);
  EXPECT_LT(s("çok teşekkürler, faturamı 3 katına çıkardığınız için", "tr", true), 0);
  EXPECT_GT(s("geri döndüğünüz için teşekkürler", "tr", true), 0);
  EXPECT_GT(s("bilgi verdiğiniz için sağolun", "tr", true), 0);
  // What was done to the parcel itself.
  EXPECT_LT(s("çok teşekkürler paketimi ezdiğiniz için", "tr", true), 0);
  EXPECT_LT(s("kolimi ıslattığınız için sağolun", "tr", true), 0);
  EXPECT_LT(s("thanks for losing my parcel", "en", true), 0);
  EXPECT_LT(s("cheers for wasting my whole afternoon", "en", true), 0);
  // What was left undone, with a complaint rule: "telefona bakmadığınız için".
  EXPECT_LT(s("3 gündür telefona bakmadığınız için teşekkürler", "tr", true), 0);
  EXPECT_GT(s("3 gündür telefona bakmadığınız için teşekkürler", "tr", false), 0);
  // Another sentence keeps them apart.
  EXPECT_GT(s("teşekkürler. paramı iki kez çektiğiniz için itiraz ettim", "tr", true), 0);
  // Without a complaint rule the thanks may be sincere: the customer asked.
  EXPECT_GT(s("thanks for cancelling my order so quickly", "en", false), 0);
  // Marked ironic (clapping, an upside-down face), English thanks for any
  // act but a kind one are sarcasm without a rule, and the praise and
  // claps beside them go the same way.
  auto ironic_lexicons = std::make_shared<Lexicons>(*l);
  ironic_lexicons->en.Add("unforgettable", 3.0);
  ironic_lexicons->emoji.Add("👏", 1.5);
  const SentimentScorer ironic_scorer(ironic_lexicons);
  s = [&](const std::string& text, const std::string& lang, bool complaint_rule) {
    return ScoreBeside(ironic_scorer, text, lang, complaint_rule);
  };
  EXPECT_LT(s("thanks for turning my 1 hour flight into 7 hours 👏👏", "en", false), 0);
  EXPECT_LT(s("thanks for turning my 1 hour flight into 7 hours 👏👏 unforgettable", "en", false),
            -0.3);
  EXPECT_GT(s("thanks for fixing it so fast 👏", "en", false), 0);
  EXPECT_GT(s("thanks for turning my 1 hour flight into 7 hours", "en", false), 0);
  EXPECT_GT(s("siparişimi iptal ettiğiniz için teşekkürler", "tr", false), 0);
}

TEST(SentimentScorer, AdiAfterAGenitiveIsANameNotAnInsult) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("adi", -2.5);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text, /*explain=*/false, ScoreContext())
        .strength;
  };
  // Folded, "adı" (its name) and "adi" (vile) are one word.
  EXPECT_EQ(s("mağazanın adı Harika Market"), 0);
  EXPECT_EQ(s("filmin adi ne"), 0);
  EXPECT_EQ(s("ÜRÜNÜN ADI"), 0);
  EXPECT_LT(s("adi firma"), 0);
  EXPECT_LT(s("bu adi herifler"), 0);
  EXPECT_LT(s("filmin, adi bir yapım"), 0);  // a comma parts them
}

TEST(SentimentScorer, AnEmojiAfterWordsEndsTheirPhraseForPraiseSaidAlone) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("gecikti*", -2.0);
  l->tr.Add("harikasınız", 3.0);
  l->tr.Add("süper", 2.5);
  l->emoji.Add("\xF0\x9F\x99\x83", -0.3);  // 🙃
  l->emoji.Add("\xF0\x9F\x91\x8F", 1.5);   // 👏
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text, bool complaint_rule) {
    return ScoreBeside(scorer, text, "tr", complaint_rule);
  };
  // The emoji stands where a full stop would: the praise is said alone,
  // right after a complaint.
  EXPECT_LT(s("kargo yine gecikti \xF0\x9F\x99\x83 harikasınız", false), 0);
  EXPECT_LT(s("KARGO YINE GECIKTI \xF0\x9F\x99\x83 HARIKASINIZ", false), 0);
  // Clapping beside praise said alone goes with it, when a complaint rule
  // matched the rest.
  const std::string clap = "süper hizmet \xF0\x9F\x91\x8F\xF0\x9F\x91\x8F 2 saattir bekliyorum";
  EXPECT_LT(s(clap, true), 0);
  EXPECT_GT(s(clap, false), 0);
  // The explanation says so, word by word.
  ScoreContext context;
  context.complaint_rule = true;
  const SentimentResult explained =
      scorer.Score(Normalize(clap, true), "tr", clap, /*explain=*/true, context);
  ASSERT_EQ(explained.contributions.size(), 3u);
  for (const SentimentContribution& c : explained.contributions) {
    EXPECT_LT(c.valence, 0) << c.token;
    EXPECT_NE(c.why.find("sarcasm"), std::string::npos) << c.why;
  }
}

TEST(SentimentScorer, ACommaEndsTheReachOfANegator) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("kötü", -2.5);
  l->tr.Add("güzel", 2.0);
  l->en.Add("great", 3.0);
  l->en.Add("sorry", -1.0);
  const SentimentScorer scorer(l);
  auto s = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text).strength;
  };
  // Turkish "yok" after a comma negates its own phrase, not the one before.
  EXPECT_LT(s("çok kötü, hiç destek yok", "tr"), 0);
  EXPECT_LT(s("cok kotu, hic destek yok", "tr"), 0);
  EXPECT_GT(s("kötü hareket yok", "tr"), 0);  // without the comma it still negates
  EXPECT_LT(s("güzel hiç değil", "tr"), 0);
  // "nothing but bad": the negator is about "başka" (anything else).
  EXPECT_LT(s("kötüden başka şey değil", "tr"), 0);
  EXPECT_LT(s("kotuden baska birsey degil", "tr"), 0);
  EXPECT_GT(s("güzelden başka şey değil", "tr"), 0);
  // English: "no," answers what came before; it does not negate what follows.
  EXPECT_GT(s("no, it is great", "en"), 0);
  EXPECT_LT(s("no it is great", "en"), 0);
  EXPECT_LT(s("not sure, sorry", "en"), 0);
}

TEST_F(SentimentRules, IntensifiedNegationStaysNegative) {
  EXPECT_LT(S("çok beğenmedim", "tr"), S("beğenmedim", "tr"));
  EXPECT_LT(S("cok begenmedim", "tr"), S("begenmedim", "tr"));
  EXPECT_LT(S("not very good", "en"), 0);
}

TEST(SentimentLexicon, HyphenatedEntriesMatchTheWordsTheNormalizerMakes) {
  Lexicon lexicon;
  lexicon.Add("top-notch", 2.5);
  const NormalizedText text = Normalize("service was top-notch", false);
  std::vector<std::string_view> words;
  for (const Token& t : text.tokens) words.emplace_back(t.text);
  ASSERT_EQ(words.size(), 4u);
  const auto hit = lexicon.Lookup(words, 2);
  ASSERT_TRUE(hit.has_value());
  EXPECT_DOUBLE_EQ(hit->valence, 2.5);
  EXPECT_EQ(hit->words, 2u);
}

TEST(SentimentLexicon, LongestStemWinsAndItsSuffixIsReturned) {
  Lexicon lexicon;
  lexicon.Add("rez*", -1.0);
  lexicon.Add("rezil*", -3.0);
  const std::vector<std::string_view> words = {"rezillik"};
  const auto hit = lexicon.Lookup(words, 0);
  ASSERT_TRUE(hit.has_value());
  EXPECT_DOUBLE_EQ(hit->valence, -3.0);
  EXPECT_EQ(hit->suffix, "lik");
  EXPECT_EQ(lexicon.size(), 2u);
}

TEST(SentimentEmoticons, NoseAndEqualsVariantsAreTokens) {
  for (const char* e : {":-D", ":-P", ";-)", "=)", "=(", ":@"}) {
    const NormalizedText text = Normalize(std::string("ok ") + e, false);
    ASSERT_EQ(text.tokens.size(), 2u) << e;
    EXPECT_FALSE(text.tokens[1].is_word) << e;
  }
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

// Mechanisms added for issue 5: English base forms, quotes, laughter,
// sarcastic praise, exclamation without words.
class SentimentForms : public ::testing::Test {
 protected:
  SentimentForms() {
    auto l = std::make_shared<Lexicons>();
    l->en.Add("wreck", -2.0);
    l->en.Add("nice", 2.0);
    l->en.Add("worry", -1.5);
    l->en.Add("sad", -2.0);
    l->en.Add("happy", 2.5);
    l->en.Add("stop", -1.0);
    l->en.Add("loving", 2.5);
    l->en.Add("lose", -2.0);
    l->en.Add("hate", -3.0);
    l->en.Add("thanks", 2.0);
    l->en.Add("good", 2.0);
    l->en.Add("terrible", -3.0);
    l->tr.Add("berbat", -3.0);
    l->tr.Add("güzel", 2.0);
    l->tr.Add("iyi", 1.5);
    l->tr.Add("çile", -2.0);
    l->tr.Add("mükemmel*", 3.0);
    l->tr.Add("bela", -2.5);
    l->tr.Add("çöp*", -2.0);
    l->tr.Add("kötü", -2.5);
    l->tr.Add("yazık", -1.5);
    l->emoji.Add("👏", 1.5);
    scorer_ = std::make_unique<SentimentScorer>(l);
  }
  double S(const std::string& text, const std::string& lang) {
    return scorer_->Score(Normalize(text, lang != "en"), lang, text).strength;
  }
  std::unique_ptr<SentimentScorer> scorer_;
};

TEST_F(SentimentForms, EnglishInflectedWordsFindTheirBaseEntry) {
  EXPECT_DOUBLE_EQ(S("wrecks", "en"), S("wreck", "en"));
  EXPECT_DOUBLE_EQ(S("wrecked", "en"), S("wreck", "en"));
  EXPECT_DOUBLE_EQ(S("nicest", "en"), S("nice", "en"));
  EXPECT_DOUBLE_EQ(S("nicer", "en"), S("nice", "en"));
  EXPECT_DOUBLE_EQ(S("worried", "en"), S("worry", "en"));
  EXPECT_DOUBLE_EQ(S("worries", "en"), S("worry", "en"));
  EXPECT_DOUBLE_EQ(S("sadly", "en"), S("sad", "en"));
  EXPECT_DOUBLE_EQ(S("sadness", "en"), S("sad", "en"));
  EXPECT_DOUBLE_EQ(S("happiness", "en"), S("happy", "en"));
  EXPECT_DOUBLE_EQ(S("happiest", "en"), S("happy", "en"));
  EXPECT_DOUBLE_EQ(S("stopped", "en"), S("stop", "en"));
  EXPECT_DOUBLE_EQ(S("lovin", "en"), S("loving", "en"));
  EXPECT_DOUBLE_EQ(S("hates", "en"), S("hate", "en"));
  EXPECT_DOUBLE_EQ(S("hating", "en"), S("hate", "en"));
  EXPECT_DOUBLE_EQ(S("hate's", "en"), S("hate", "en"));
  // A negator still reaches the inflected form.
  EXPECT_LT(S("not nicer", "en"), 0);
  // Words that only end like an inflection and have no base entry score 0.
  EXPECT_EQ(S("crisis bus", "en"), 0);
}

TEST(SentimentZeroEntries, AZeroEntryKeepsAWordFromBeingReadAsAnotherWordsForm) {
  auto scorer_with = [](bool list_later) {
    auto l = std::make_shared<Lexicons>();
    l->en.Add("late", -1.5);
    l->en.Add("good", 2.0);
    if (list_later) l->en.Add("later", 0.0);
    return std::make_unique<SentimentScorer>(l);
  };
  const auto unlisted = scorer_with(false);
  const auto listed = scorer_with(true);
  auto score = [](const SentimentScorer& scorer, const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  EXPECT_LT(score(*unlisted, "later"), 0);  // read as a form of "late"
  EXPECT_LT(score(*listed, "late"), 0);
  EXPECT_EQ(score(*listed, "later"), 0);
  // Neither capitals nor an intensifier give a 0 entry a sign.
  EXPECT_EQ(score(*listed, "see you LATER"), 0);
  EXPECT_EQ(score(*listed, "very later"), 0);
  EXPECT_GT(score(*listed, "good LATER"), 0);
}

TEST(SentimentZeroEntries, AwfullyIntensifiesTheNextEntryAndIsNegativeAlone) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("awful", -3.0);
  l->en.Add("nice", 2.0);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  EXPECT_GT(score("awfully nice"), score("nice"));
  EXPECT_LT(score("it went awfully"), 0);
}

TEST_F(SentimentForms, EnglishBaseFormsAreNotTriedForTurkishPosts) {
  EXPECT_EQ(S("wrecks", "tr"), 0);
}

TEST_F(SentimentForms, TurkishNominalSuffixesAfterAnExactEntryKeepItsValence) {
  for (const char* text : {"iyiler", "iyisi", "iyiydi", "iyidir", "iyiymiş", "iyiymis", "berbattı",
                           "berbatti", "berbatmış", "berbatmis"}) {
    EXPECT_GT(std::abs(S(text, "tr")), 0) << text;
  }
  EXPECT_GT(S("en iyilerinden", "tr"), 0);
  EXPECT_LT(S("berbattı", "tr"), 0);
  // Only suffix-like endings: "çilek" (strawberry) is not "çile" (ordeal).
  EXPECT_EQ(S("çilek", "tr"), 0);
  EXPECT_EQ(S("cilek", "tr"), 0);
  // Negation still works on the suffixed form.
  EXPECT_LT(S("iyisi değil", "tr"), 0);
  EXPECT_LT(S("iyisi degil", "tr"), 0);
}

TEST_F(SentimentForms, ADoubledLetterIsTriedOnceUndoubled) {
  EXPECT_DOUBLE_EQ(S("çok iyii", "tr"), S("çok iyi", "tr"));
  EXPECT_DOUBLE_EQ(S("cok iyii", "tr"), S("cok iyi", "tr"));
  EXPECT_DOUBLE_EQ(S("nicee", "en"), S("nice", "en"));
  // One double written where the word has a single letter, beside a real
  // double: each double is also tried undoubled alone.
  EXPECT_GT(S("mükkemmel", "tr"), 0);
  EXPECT_GT(S("mukkemmeldi", "tr"), 0);
}

TEST_F(SentimentForms, AConsonantReallyDoubleInsideAShortWordIsNotUndoubled) {
  // "bella" (a name) is no "bela" (trouble); "cooper" no "çöp" + "-er".
  EXPECT_EQ(S("bella", "tr"), 0);
  EXPECT_EQ(S("cooper", "tr"), 0);
  // A stretched last letter, a vowel, or a double in a longer word still is.
  EXPECT_LT(S("berbatt", "tr"), 0);
  EXPECT_LT(S("kötüü", "tr"), 0);
  EXPECT_GT(S("güzzel", "tr"), 0);
  EXPECT_LT(S("yazzik", "tr"), 0);
  EXPECT_LT(S("bela", "tr"), 0);  // the entries are there
}

TEST_F(SentimentForms, QuotesAroundAWordDoNotHideIt) {
  EXPECT_DOUBLE_EQ(S("'nice'", "en"), S("nice", "en"));
  EXPECT_DOUBLE_EQ(S("it was 'nice.'", "en"), S("it was nice", "en"));
}

TEST_F(SentimentForms, WrittenLaughterIsPositiveInBothLanguages) {
  for (const char* text :
       {"hahaha", "hahah", "ahahaha", "hehehe", "hihi haha", "jajaja", "lolol"}) {
    EXPECT_GT(S(text, "en"), 0) << text;
  }
  for (const char* text : {"hahaha", "ahahah", "hehe"}) EXPECT_GT(S(text, "tr"), 0) << text;
  for (const char* text : {"hash", "aha", "hah", "haho", "loll"})
    EXPECT_EQ(S(text, "en"), 0) << text;
}

// Laughter is the writer's reaction, not a predicate a negator can deny:
// in "not funny lol" only "funny" is negated.
TEST_F(SentimentForms, LaughterIsNeverNegated) {
  for (const char* laughter : {"hahaha", "hehe", "lolol"}) {
    const std::string alone = std::string("it was ") + laughter;
    EXPECT_DOUBLE_EQ(S(std::string("it was not ") + laughter, "en"), S(alone, "en")) << laughter;
    EXPECT_GT(S(std::string("not ") + laughter, "en"), 0) << laughter;
  }
  auto l = std::make_shared<Lexicons>();
  l->en.Add("lol", 1.2);
  l->en.Add("funny", 1.5);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  EXPECT_DOUBLE_EQ(score("not lol"), score("lol"));
  EXPECT_LT(score("not funny lol"), score("funny lol"));
  EXPECT_GT(score("not funny lol"), score("not funny"));
}

TEST_F(SentimentForms, ThanksOrClappingBesideANegativeIsSarcasm) {
  EXPECT_LT(S("thanks for the terrible service", "en"), S("terrible service", "en"));
  EXPECT_LT(S("lost my parcel again 👏 terrible", "en"), S("lost my parcel again terrible", "en"));
  EXPECT_LT(S("berbat 👏", "tr"), S("berbat", "tr"));
  EXPECT_LT(S("kargo berbat 👏", "tr"), 0);
  // A contrast word or a full stop separates honest thanks from the complaint.
  EXPECT_DOUBLE_EQ(S("thanks, but terrible", "en"), S("good, but terrible", "en"));
  EXPECT_GT(S("thanks. terrible weather today", "en"), S("terrible weather today", "en"));
  EXPECT_GT(S("güzel 👏", "tr"), 0);
}

TEST_F(SentimentForms, ANegatedAuxiliaryOpeningAQuestionAsksForAgreement) {
  EXPECT_GT(S("isn't it nice?", "en"), 0);
  EXPECT_GT(S("Wouldn't that be good?!", "en"), 0);
  EXPECT_GT(S("ok. Don't you think it is good?", "en"), 0);
  EXPECT_LT(S("isn't it terrible?", "en"), 0);  // agreement with the negative
  // Not opening the clause, not a question, or a reproach: still negation.
  EXPECT_LT(S("why isn't it nice?", "en"), 0);
  EXPECT_LT(S("isn't nice.", "en"), 0);
  EXPECT_LT(S("isn't it nice? it isn't nice", "en"), S("isn't it nice?", "en"));
  EXPECT_LT(S("can't it be good?", "en"), 0);
}

TEST_F(SentimentForms, ExplanationsSayWhyANegatorDidNotNegateAndWhatAClosingSymbolDid) {
  auto why = [&](const std::string& text, const std::string& lang) {
    const SentimentResult r = scorer_->Score(Normalize(text, lang != "en"), lang, text, true);
    std::string all;
    for (const SentimentContribution& c : r.contributions) all += c.token + ": " + c.why + "\n";
    return all;
  };
  EXPECT_NE(why("isn't it nice?", "en").find("not negated: isn't opens a question"),
            std::string::npos);
  EXPECT_NE(why("güzel değil mi", "tr").find("not negated: degil mi asks for agreement"),
            std::string::npos);
  EXPECT_NE(why("terrible day 👏", "en").find("closes the post"), std::string::npos);
}

TEST_F(SentimentForms, TurkishDegilMiIsATagQuestionNotANegation) {
  EXPECT_LT(S("güzel değil", "tr"), 0);
  EXPECT_GT(S("güzel değil mi?", "tr"), 0);
  EXPECT_GT(S("guzel degil mi", "tr"), 0);
  EXPECT_GT(S("çok iyi değil miydi", "tr"), 0);
  EXPECT_LT(S("iyi değil. mi", "tr"), 0);  // the particle of another clause
}

TEST_F(SentimentForms, ThanksForDealingWithTheProblemAreHonest) {
  // What the thanks name as fixed or answered is the problem, not sarcasm.
  EXPECT_GT(S("thanks for fixing the terrible bug", "en"), S("thanks for the terrible bug", "en"));
  EXPECT_GT(S("thanks for helping with my terrible day", "en"),
            S("thanks for my terrible day", "en"));
  // The verb must come between the thanks and the negative.
  EXPECT_DOUBLE_EQ(S("terrible, fixed nothing, thanks", "en"),
                   S("terrible, nothing, thanks", "en"));
}

TEST_F(SentimentForms, NegatorsNegateWordsOnlyAndStopAtEmojiAndHashtags) {
  // An emoji is not negated: "no reply 👏" claps like "reply 👏".
  EXPECT_DOUBLE_EQ(S("no reply 👏", "en"), S("reply 👏", "en"));
  // A negator does not reach past an emoji or into a hashtag.
  EXPECT_LT(S("no parcel 👏 terrible", "en"), 0);
  EXPECT_LT(S("not fun #hate", "en"), S("not fun", "en"));
  // It still reaches the words after it.
  EXPECT_LT(S("not nice", "en"), 0);
  EXPECT_GT(S("not terrible", "en"), 0);
  // Turkish "değil" does not reach back over an emoji either.
  EXPECT_GT(S("güzel 👏 değil", "tr"), 0);
  EXPECT_GT(S("guzel 👏 degil", "tr"), 0);
}

TEST_F(SentimentForms, ExclamationAloneLeansSlightlyPositive) {
  EXPECT_GT(S("ready for the weekend!!", "en"), 0);
  EXPECT_LT(S("ready for the weekend!!", "en"), 0.3);
  EXPECT_EQ(S("ready for the weekend", "en"), 0);
  EXPECT_GT(S("hafta sonu geldi!", "tr"), 0);
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

// The start-triple filter must never hide an entry: short words, short
// stems, phrases, emoji and emoticons are all still found.
TEST(SentimentLexicon, StartFilterKeepsEveryKindOfEntry) {
  Lexicon lexicon;
  lexicon.Add("ok", 1.0);
  lexicon.Add("x", 0.5);
  lexicon.Add("iy*", 1.5);
  lexicon.Add("top notch", 2.5);
  lexicon.Add("👏", 1.5);
  lexicon.Add(":(", -1.5);
  lexicon.Add("rezil*", -3.0);
  for (const char* token : {"ok", "x", "iy", "iyi", "iyiler", "👏", ":(", "rezil", "rezillik"}) {
    const std::vector<std::string_view> words = {token};
    EXPECT_TRUE(lexicon.Lookup(words, 0).has_value()) << token;
  }
  const std::vector<std::string_view> phrase = {"top", "notch"};
  EXPECT_TRUE(lexicon.Lookup(phrase, 0).has_value());
  for (const char* token : {"oka", "xy", "i", "rez", "tops", "masa"}) {
    const std::vector<std::string_view> words = {token};
    EXPECT_FALSE(lexicon.Lookup(words, 0).has_value()) << token;
  }
  EXPECT_TRUE(lexicon.LookupWord("ok").has_value());
  EXPECT_FALSE(lexicon.LookupWord("okey").has_value());
}

// Distinct letters-only words without runs, which the normalizer keeps as
// they are: 17 -> "wbxhx".
std::string TestWord(int k) {
  std::string word = "w";
  for (const char digit : std::to_string(k))
    word.append({static_cast<char>('a' + digit - '0'), 'x'});
  return word;
}

// One key can be a word, a stem and the first word of a phrase at once; the
// open-addressing table keeps each role, also after it grows.
TEST(SentimentLexicon, OneKeyServesAsWordStemAndPhraseAcrossGrowth) {
  Lexicon lexicon;
  lexicon.Add("iyi", 2.0);
  lexicon.Add("iyi*", 1.0);
  lexicon.Add("iyi gunler", 1.5);
  // Enough other entries to grow the table several times.
  for (int k = 0; k < 2000; ++k) lexicon.Add(TestWord(k), 0.25);
  EXPECT_EQ(lexicon.size(), 2003u);
  const std::vector<std::string_view> words = {"iyi", "gunler", "iyilik"};
  auto hit = lexicon.Lookup(words, 0);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->words, 2u);
  EXPECT_DOUBLE_EQ(hit->valence, 1.5);
  hit = lexicon.Lookup(words, 2);
  ASSERT_TRUE(hit.has_value());
  EXPECT_TRUE(hit->stem);
  EXPECT_EQ(hit->suffix, "lik");
  EXPECT_DOUBLE_EQ(hit->valence, 1.0);
  EXPECT_DOUBLE_EQ(*lexicon.LookupWord("iyi"), 2.0);
  for (int k = 0; k < 2000; ++k) {
    EXPECT_TRUE(lexicon.LookupWord(TestWord(k)).has_value()) << k;
  }
  EXPECT_FALSE(lexicon.LookupWord(TestWord(2000)).has_value());
  EXPECT_FALSE(lexicon.LookupWord("iyil").has_value());
}

// A word given as stem + ending is looked up without being built, and only
// exact word entries count.
TEST(SentimentLexicon, LookupWordJoinsStemAndEnding) {
  Lexicon lexicon;
  lexicon.Add("love", 3.0);
  lexicon.Add("lov*", 1.0);
  EXPECT_DOUBLE_EQ(*lexicon.LookupWord("lov", "e"), 3.0);
  EXPECT_DOUBLE_EQ(*lexicon.LookupWord("", "love"), 3.0);
  EXPECT_DOUBLE_EQ(*lexicon.LookupWord("love", ""), 3.0);
  EXPECT_FALSE(lexicon.LookupWord("lov", "").has_value());  // a stem, not a word
  EXPECT_FALSE(lexicon.LookupWord("lov", "es").has_value());
  EXPECT_FALSE(lexicon.LookupWord("lo", "ev").has_value());
}

// Self-censored words stand for the entry their shown letters fit.
TEST(SentimentLexicon, LookupMaskedFindsTheCensoredWord) {
  Lexicon lexicon;
  lexicon.Add("fuck", -2.5);
  lexicon.Add("fucking", -2.0);
  lexicon.Add("shitty", -3.0);
  lexicon.Add("sick", -1.0);
  lexicon.Add("suck", -2.0);
  lexicon.Add("great", 3.0);
  lexicon.Add("grim", -2.0);
  lexicon.Add("grin", 1.5);
  lexicon.Add("bad*", -2.0);  // a stem: only exact words are unmasked
  const auto fuck = lexicon.LookupMasked("f*ck");
  ASSERT_TRUE(fuck.has_value());
  EXPECT_DOUBLE_EQ(fuck->valence, -2.5);
  EXPECT_EQ(fuck->entry, "fuck");
  EXPECT_DOUBLE_EQ(lexicon.LookupMasked("f**king")->valence, -2.0);
  EXPECT_DOUBLE_EQ(lexicon.LookupMasked("sh*tty")->valence, -3.0);
  // "s**k" fits "sick" and "suck": both negative, the stronger is taken.
  EXPECT_DOUBLE_EQ(lexicon.LookupMasked("s**k")->valence, -2.0);
  // "gri*" fits "grim" and "grin", which disagree: no answer.
  EXPECT_FALSE(lexicon.LookupMasked("gri*").has_value());
  // The first letter and two letters in all must show.
  EXPECT_FALSE(lexicon.LookupMasked("*uck").has_value());
  EXPECT_FALSE(lexicon.LookupMasked("f***").has_value());
  EXPECT_FALSE(lexicon.LookupMasked("fuck").has_value());  // nothing masked
  EXPECT_FALSE(lexicon.LookupMasked("b*dly").has_value());
  EXPECT_FALSE(lexicon.LookupMasked("b*d").has_value());  // "bad" is a stem only
}

// Suffix stripping takes the longest cut that is a word entry and whose
// rest the caller accepts, never the whole word, never under min_length.
TEST(SentimentLexicon, LookupWordPrefixTakesTheLongestAcceptedCut) {
  Lexicon lexicon;
  lexicon.Add("iyi", 1.0);
  lexicon.Add("iyile", 2.0);
  lexicon.Add("iyiler", 3.0);
  std::string_view rest;
  auto any = [](std::string_view) { return true; };
  EXPECT_DOUBLE_EQ(*lexicon.LookupWordPrefix("iyilerde", 3, any, &rest), 3.0);
  EXPECT_EQ(rest, "de");
  auto starts_with_l = [](std::string_view r) { return r[0] == 'l'; };
  EXPECT_DOUBLE_EQ(*lexicon.LookupWordPrefix("iyilerde", 3, starts_with_l, &rest), 1.0);
  EXPECT_EQ(rest, "lerde");
  EXPECT_FALSE(lexicon.LookupWordPrefix("iyiler", 6, any, &rest).has_value());
  EXPECT_FALSE(lexicon.LookupWordPrefix("iyilerde", 4, starts_with_l, &rest).has_value());
  EXPECT_FALSE(lexicon.LookupWordPrefix("iyi", 3, any, &rest).has_value());  // whole word
  // Cuts beyond the stored prefix hashes are hashed on demand.
  Lexicon long_entries;
  std::string long_word;
  for (int k = 0; k < 6; ++k) long_word += "abcdefghij";
  long_entries.Add(long_word, -1.0);
  const std::string suffixed = long_word + "lar";  // `rest` points into it
  EXPECT_DOUBLE_EQ(*long_entries.LookupWordPrefix(suffixed, 3, any, &rest), -1.0);
  EXPECT_EQ(rest, "lar");
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

// Score() caches per-word lookups per thread. A scorer constructed afresh
// has a new id and so starts with no cached words: it gives the uncached
// answer to compare with.
class SentimentWordCache : public ::testing::Test {
 protected:
  static std::shared_ptr<const Lexicons> Make(double zorp) {
    auto l = std::make_shared<Lexicons>();
    l->en.Add("zorp", zorp);
    l->en.Add("good", 2.0);
    l->en.Add("thank", 1.0);
    l->en.Add("thank you", 2.5);
    l->en.Add("piece of cake", 2.0);
    l->en.Add("supercalifragilisticexpialidocious", 3.0);
    l->en.Add("very", 0.5);
    l->tr.Add("iyi", 1.5);
    l->tr.Add("beğen*", 2.0);
    l->tr.Add("güzel", 2.0);
    return l;
  }
  static SentimentResult Run(const SentimentScorer& scorer, const std::string& text,
                             const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text);
  }
  // The same text through `scorer` (warm) and through a fresh scorer over
  // the same lexicons (cold): bit-identical scores and explanations.
  static void ExpectSameAsUncached(const SentimentScorer& scorer,
                                   const std::shared_ptr<const Lexicons>& lexicons,
                                   const std::string& text, const std::string& lang) {
    const SentimentResult warm = Run(scorer, text, lang);
    const SentimentResult cold = Run(SentimentScorer(lexicons), text, lang);
    EXPECT_EQ(warm.strength, cold.strength) << text;
    EXPECT_EQ(warm.raw, cold.raw) << text;
    ASSERT_EQ(warm.contributions.size(), cold.contributions.size()) << text;
    for (size_t k = 0; k < warm.contributions.size(); ++k) {
      EXPECT_EQ(warm.contributions[k].token, cold.contributions[k].token) << text;
      EXPECT_EQ(warm.contributions[k].valence, cold.contributions[k].valence) << text;
      EXPECT_EQ(warm.contributions[k].why, cold.contributions[k].why) << text;
    }
  }
};

TEST_F(SentimentWordCache, AnotherScorerNeverSeesTheFirstOnesEntries) {
  const SentimentScorer positive(Make(2.0));
  EXPECT_GT(Run(positive, "zorp", "en").strength, 0);
  {
    // A reload: new lexicons, new scorer, same thread, same word.
    const SentimentScorer negative(Make(-2.0));
    EXPECT_LT(Run(negative, "zorp", "en").strength, 0);
    EXPECT_GT(Run(positive, "zorp", "en").strength, 0);
    EXPECT_LT(Run(negative, "zorp", "en").strength, 0);
  }
  // Scorers made and dropped one after another (likely at one address).
  for (int k = 0; k < 4; ++k) {
    const double valence = k % 2 == 0 ? -1.0 : 1.0;
    const auto scorer = std::make_unique<SentimentScorer>(Make(valence));
    EXPECT_EQ(Run(*scorer, "zorp", "en").strength > 0, valence > 0) << k;
  }
  // A copy shares the lexicons, so it may share the entries (the copy is
  // what is tested). NOLINTNEXTLINE(performance-unnecessary-copy-initialization)
  const SentimentScorer copy = positive;
  EXPECT_GT(Run(copy, "zorp", "en").strength, 0);
}

TEST_F(SentimentWordCache, EachLanguageChoiceKeepsItsOwnEntries) {
  const auto lexicons = Make(2.0);
  const SentimentScorer scorer(lexicons);
  // "good" is English only: found for "en" and for an unknown language, not for "tr".
  EXPECT_GT(Run(scorer, "good", "en").strength, 0);
  EXPECT_EQ(Run(scorer, "good", "tr").strength, 0);
  EXPECT_GT(Run(scorer, "good", "").strength, 0);
  EXPECT_EQ(Run(scorer, "good", "tr").strength, 0);
  EXPECT_GT(Run(scorer, "iyiler", "tr").strength, 0);
  EXPECT_EQ(Run(scorer, "iyiler", "en").strength, 0);
}

TEST_F(SentimentWordCache, WordsThatStartAPhraseAreScoredInTheirContext) {
  const auto lexicons = Make(2.0);
  const SentimentScorer scorer(lexicons);
  for (int round = 0; round < 2; ++round) {
    for (const char* text : {"thank you", "thank", "thank them", "piece of cake", "a piece of junk",
                             "piece", "thank you good", "very good", "very thank you"}) {
      ExpectSameAsUncached(scorer, lexicons, text, "en");
      ExpectSameAsUncached(scorer, lexicons, text, "");
    }
  }
  EXPECT_GT(Run(scorer, "thank you", "en").raw, Run(scorer, "thank", "en").raw);
  EXPECT_EQ(Run(scorer, "a piece of junk", "en").strength, 0);
}

TEST_F(SentimentWordCache, PhraseStartersAreCachedAloneAndTheirPhrasesCheckedInContext) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("bir daha", -1.5);  // "bir" starts a phrase and is no entry itself
  l->tr.Add("iyi", 1.5);
  l->tr.Add("well", 0.5);  // with the language unknown, Turkish is asked first
  l->en.Add("well", 1.0);
  l->en.Add("well done", 2.5);
  l->en.Add("dead", -2.5);
  l->en.Add("dead end", -2.0);
  const std::shared_ptr<const Lexicons> lexicons = l;
  const SentimentScorer scorer(lexicons);
  for (int round = 0; round < 3; ++round) {
    for (const char* text : {"bir daha asla", "bir iyi", "bir", "well done", "well", "dead end",
                             "dead", "dead tired", "well well done", "bir bir daha"}) {
      for (const char* lang : {"en", "tr", ""}) ExpectSameAsUncached(scorer, lexicons, text, lang);
    }
  }
  EXPECT_DOUBLE_EQ(Run(scorer, "well done", "en").raw, 2.5);
  EXPECT_DOUBLE_EQ(Run(scorer, "well", "en").raw, 1.0);
  EXPECT_DOUBLE_EQ(Run(scorer, "well done", "").raw, 0.5);  // Turkish's word comes first
  EXPECT_DOUBLE_EQ(Run(scorer, "dead end", "").raw, -2.0);  // English, after Turkish has none
  EXPECT_DOUBLE_EQ(Run(scorer, "bir daha", "tr").raw, -1.5);
  EXPECT_DOUBLE_EQ(Run(scorer, "bir", "tr").raw, 0.0);
}

TEST_F(SentimentWordCache, CachedWordFormsKeepTheirEntryAndSuffix) {
  const auto lexicons = Make(2.0);
  const SentimentScorer scorer(lexicons);
  for (int round = 0; round < 3; ++round) {
    for (const char* text :
         {"beğenmedim", "beğendim", "iyiler", "iyii", "güzel değil", "hahaha", "iyi film değil",
          "çok güzel", "supercalifragilisticexpialidocious", "'iyi'"}) {
      ExpectSameAsUncached(scorer, lexicons, text, "tr");
      ExpectSameAsUncached(scorer, lexicons, text, "");
    }
  }
  EXPECT_LT(Run(scorer, "beğenmedim", "tr").strength, 0);
  EXPECT_EQ(Run(scorer, "beğenmedim", "tr").contributions.at(0).why,
            "lexicon begen*, negated by suffix -medim");
  EXPECT_GT(Run(scorer, "supercalifragilisticexpialidocious", "en").strength, 0);
}

TEST_F(SentimentWordCache, WordsOfEachSizeThatDifferInOneByteAreNotConfused) {
  // Cached words are keyed by their bytes packed into integers, with
  // overlapping loads; every byte must still tell words apart.
  auto l = std::make_shared<Lexicons>();
  const std::string letters = "abcdefghijklmnopqrstuvwxyz";
  for (size_t n = 3; n <= 26; ++n) l->en.Add(letters.substr(0, n), 2.0);
  const std::shared_ptr<const Lexicons> lexicons = l;
  const SentimentScorer scorer(lexicons);
  for (size_t n = 3; n <= 26; ++n) {
    const std::string word = letters.substr(0, n);
    ASSERT_GT(Run(scorer, word, "en").strength, 0) << word;
    for (size_t k = 0; k < n; ++k) {
      std::string other = word;
      other[k] = '7';
      ExpectSameAsUncached(scorer, lexicons, other, "en");
      EXPECT_EQ(Run(scorer, other, "en").strength, 0) << other;
      ExpectSameAsUncached(scorer, lexicons, word, "en");
    }
  }
}

TEST_F(SentimentWordCache, ManyMoreWordsThanSlotsStillScoreRight) {
  const auto lexicons = Make(2.0);
  const SentimentScorer scorer(lexicons);
  const SentimentResult before = Run(scorer, "good zorp iyiler", "");
  // Far more distinct words than the cache holds evict "good" and the rest.
  std::string post;
  for (int k = 0; k < 100000; ++k) {
    post += "w" + std::to_string(k) + "x ";
    if (k % 50 == 49) {
      EXPECT_EQ(Run(scorer, post, "").strength, 0);
      post.clear();
    }
  }
  const SentimentResult after = Run(scorer, "good zorp iyiler", "");
  EXPECT_EQ(after.strength, before.strength);
  EXPECT_GT(after.strength, 0);
}

TEST_F(SentimentWordCache, ThreadsSharingOneScorerAgree) {
  const auto lexicons = Make(2.0);
  const SentimentScorer scorer(lexicons);
  const std::vector<std::string> posts = {"thank you",    "beğenmedim",        "very good",
                                          "zorp değil",   "iyiler ama berbat", "good good good",
                                          "piece of cake"};
  std::vector<double> expected;
  expected.reserve(posts.size());
  for (const std::string& post : posts) expected.push_back(Run(scorer, post, "").strength);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        for (size_t k = 0; k < posts.size(); ++k) {
          if (Run(scorer, posts[k], "").strength != expected[k]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const int mismatch : mismatches) EXPECT_EQ(mismatch, 0);
}

// A word typed with Turkish letters is read by them, past the word cache
// (which holds the answer for the folded word) and through the Turkish
// suffix cut: "şıktı" is "şık" + "-tı" (it was smart), not "sıktı" (it
// bored), to which it folds; the same word typed without the letters
// stays ambiguous and reads as the entry.
TEST(SentimentScorer, AWordTypedWithTurkishLettersIsReadByThem) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("şık", 2.0);
  l->tr.Add("sıktı", -2.0);
  l->tr.Add("dondu", -1.5);
  l->tr.Add("olumsuz", -1.8);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  // Twice each, so the second reading comes from the cache.
  for (int round = 0; round < 2; ++round) {
    EXPECT_GT(score("elbise çok şıktı"), 0.3) << round;
    EXPECT_LT(score("film çok sıktı"), -0.3) << round;
    EXPECT_LT(score("film cok sikti"), -0.3) << round;
    EXPECT_EQ(score("müşteri hizmetleri hemen döndü"), 0.0) << round;
    EXPECT_LT(score("ekran dondu"), -0.3) << round;
    EXPECT_EQ(score("ölümsüz bir aşk"), 0.0) << round;
    EXPECT_LT(score("olumsuz bir cevap"), -0.3) << round;
  }
}

// A harm stopped before it was done is none, in Turkish: the harm, its
// object in the accusative or "attempt", an adverb of time, and a verb of
// stopping or noticing. Negated, asked, or with anything else between, the
// harm stands.
TEST(SentimentScorer, ATurkishHarmStoppedInTimeCountsNothing) {
  auto l = std::make_shared<Lexicons>();
  l->tr.Add("dolandırıcılık", -3.5);
  l->tr.Add("sahte*", -2.5);
  l->tr.Add("teşekkürler", 2.0);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  EXPECT_GT(score("dolandırıcılık girişimini hemen fark edip kartımı kapattınız, teşekkürler"),
            0.3);
  EXPECT_GT(score("sahte işlemi anında engellediniz, teşekkürler"), 0.3);
  EXPECT_GT(score("dolandiricilik girisimi onlendi, tesekkurler"), 0.3);
  EXPECT_EQ(score("sahte siteyi yakaladınız"), 0.0);
  EXPECT_LT(score("dolandırıcılık girişimini engellemediniz"), -0.3);
  EXPECT_LT(score("kartım dolandırıcılık şüphesiyle engellendi"), -0.3);
  EXPECT_LT(score("sahte siteyi yakaladınız mı?"), -0.3);
  EXPECT_LT(score("dolandırıcılık yaptılar, engellendi mi bilmiyorum"), -0.3);
  // The harm as a cause, or a block that goes on: the customer stopped.
  EXPECT_LT(score("sahte diye engellendi"), -0.3);
  EXPECT_LT(score("dolandırıcılıkla engellendim"), -0.3);
  EXPECT_LT(score("sahte işlemi engelleniyor"), -0.3);
  // Only about to: "was about to be scammed", "was about to fall for the
  // scammers"; about to now is still a threat.
  l->tr.Add("dolandırıl*", -3.5);
  l->tr.Add("dolandırıcı*", -3.5);
  EXPECT_EQ(score("dolandırılmak üzereydim"), 0.0);
  EXPECT_EQ(score("babam dolandırıcılara kanmak üzereydi"), 0.0);
  EXPECT_LT(score("babam dolandırıcılara kandı"), -0.3);
  EXPECT_LT(score("dolandırılmak üzereyiz"), -0.3);
}

// A harm a warning is about is a service, not the writer's harm: English
// "warn … about", "heads up about", Turkish "… karşı uyarı", "… hakkında
// uyardınız". A harm not governed by the warning stands.
TEST(SentimentScorer, AHarmAWarningIsAboutCountsNothing) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("scams", -3.5);
  l->en.Add("phishing", -2.5);
  l->en.Add("love", 3.0);
  l->tr.Add("dolandırıcı*", -3.5);
  l->tr.Add("sahte*", -2.5);
  const SentimentScorer scorer(l);
  auto en = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  auto tr = [&](const std::string& text) {
    return scorer.Score(Normalize(text, true), "tr", text).strength;
  };
  EXPECT_GT(en("love that you warn customers about scams"), 0.3);
  EXPECT_EQ(en("thanks for the heads up about the phishing texts"), 0.0);
  EXPECT_EQ(en("a reminder about phishing"), 0.0);
  EXPECT_EQ(tr("dolandırıcılara karşı uyarı mesajınız"), 0.0);
  EXPECT_EQ(tr("sahte siteler hakkında uyardınız"), 0.0);
  EXPECT_LT(en("scams everywhere, no warning about them"), -0.3);
  EXPECT_LT(en("the warning came late, scams drained my account"), -0.3);
  EXPECT_LT(tr("dolandırıcılar hesabımı boşalttı"), -0.3);
  EXPECT_LT(tr("sahte siteler, uyarmadınız bile"), -0.3);
  // The writer's own warning is a complaint told to others; asking to be
  // told about a harm is no warning given.
  EXPECT_LT(en("I'm warning everyone about these scams"), -0.3);
  EXPECT_LT(tr("dolandırıcılar hakkında herkesi uyarıyorum"), -0.3);
  EXPECT_LT(tr("sahte işlemler hakkında bilgilendirme talebi"), -0.3);
}

// English slang praises with words of harm: a slang adjective a hype emoji
// follows in its sentence, or "killer" before a plural or a work. Said of
// the writer, or without the emoji, the word keeps its harm.
TEST(SentimentScorer, EnglishSlangPraiseReadsWithAHypeEmojiOrAWork) {
  auto l = std::make_shared<Lexicons>();
  l->en.Add("sick", -2.0);
  l->en.Add("insane", -1.0);
  l->en.Add("killer", -2.8);
  const SentimentScorer scorer(l);
  auto en = [&](const std::string& text) {
    return scorer.Score(Normalize(text, false), "en", text).strength;
  };
  EXPECT_GT(en("this coffee is sick 🔥"), 0.3);
  EXPECT_GT(en("the new drop is insane 💯"), 0.3);
  EXPECT_GT(en("killer tracks on this one"), 0.3);
  EXPECT_GT(en("this killer deal on the headphones"), 0.3);
  EXPECT_GT(en("what a killer set"), 0.3);
  EXPECT_GT(en("that deal was sick, got 2 pairs"), 0.3);
  EXPECT_LT(en("the food was sick"), -0.1);
  EXPECT_LT(en("this coffee made me sick"), -0.3);
  EXPECT_LT(en("I'm sick 🔥"), 0.0);
  EXPECT_LT(en("prices are insane"), -0.1);
  EXPECT_LT(en("the killer was never caught"), -0.3);
  EXPECT_LT(en("sick. 🔥"), 0.0);  // the emoji in another sentence
}

// A past now over ("used to", "eskiden") turns at the end of its clause as
// a contrast word does: the clause after it weighs ×1.5, it ×0.5. Not a
// habit ("I'm used to waiting"), not "eskiden beri" (since long ago), and
// an explicit contrast word decides instead.
TEST(SentimentScorer, APastNowOverTurnsAsAContrastWordDoes) {
  EXPECT_NEAR(Score("it used to be terrible, now it is good", "en"),
              Score("it was terrible but now it is good", "en"), 1e-9);
  EXPECT_GT(Score("it used to be terrible, now it is good", "en"), 0);
  EXPECT_LT(Score("it used to be good, now it is terrible", "en"), 0);
  EXPECT_GT(Score("eskiden berbat, şimdi güzel", "tr"), 0);
  EXPECT_GT(Score("ESKIDEN BERBAT, SIMDI GUZEL", "tr"), 0);
  EXPECT_GT(Score("I used to find it terrible until the good update", "en"), 0);
  // Habit, and "since long ago", turn nothing.
  EXPECT_NEAR(Score("I'm used to terrible, it is good", "en"),
              Score("I'm terrible, it is good", "en"), 1e-9);
  EXPECT_NEAR(Score("eskiden beri berbat, şimdi güzel", "tr"),
              Score("hep berbat, şimdi güzel", "tr"), 1e-9);
}

TEST(SentimentScorer, TheClauseThatSaysTheStarsWereASlipWeighsNothingAgainst) {
  auto l = std::make_shared<Lexicons>(*TestLexicons());
  l->en.Add("1 star", -2.0);
  l->en.Add("mistake", -1.8);
  l->en.Add("brilliant", 3.2);
  l->tr.Add("düzeltemiyorum", -1.5);
  l->tr.Add("harika", 3.0);
  const SentimentScorer scorer(l);
  auto score = [&](const std::string& text, const std::string& lang) {
    return scorer.Score(Normalize(text, lang != "en"), lang, text).strength;
  };
  // The slip's own words ("1 star", "mistake", "can't fix it") are about
  // the slip; the praise after it decides.
  EXPECT_DOUBLE_EQ(score("clicked 1 star by mistake. brilliant service", "en"),
                   score("brilliant service", "en"));
  EXPECT_GT(score("yanlışlıkla 1 yıldız verdim düzeltemiyorum. harika", "tr"), 0.0);
  EXPECT_GT(score("yanlışlıkla 1 yıldız verdim düzeltemiyorum. harika", "tr"),
            score("1 yıldız verdim düzeltemiyorum. harika", "tr"));
  EXPECT_DOUBLE_EQ(score("yanlislikla 1 yildiz verdim duzeltemiyorum. harika", "tr"),
                   score("yanlışlıkla 1 yıldız verdim düzeltemiyorum. harika", "tr"));
  // Without the slip the same words weigh, and a slip in another clause
  // than the stars' voids nothing.
  EXPECT_LT(score("1 star. brilliant service", "en"), score("brilliant service", "en"));
  EXPECT_LT(score("my mistake. 1 star", "en"), 0.0);
}

}  // namespace
}  // namespace earshot
