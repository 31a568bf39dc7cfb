#include "pipeline/sentiment/sentiment_scorer.h"

#include <gtest/gtest.h>

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
  return scorer.Score(Normalize(text, lang != "en"), lang, text).score;
}

TEST(SentimentScorer, LexiconWordsGivePolarity) {
  EXPECT_GT(Score("çok güzel", "tr"), 0.3);
  EXPECT_LT(Score("berbat", "tr"), -0.3);
  EXPECT_EQ(Score("masa sandalye", "tr"), 0.0);
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

TEST(SentimentScorer, IntensifiersStrengthenAndDampenersSoften) {
  EXPECT_GT(Score("very good", "en"), Score("good", "en"));
  EXPECT_LT(Score("slightly good", "en"), Score("good", "en"));
  EXPECT_GT(Score("çok güzel", "tr"), Score("güzel", "tr"));
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

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

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
    return scorer.Score(Normalize(text, lang != "en"), lang, text).score;
  };
  EXPECT_GT(score("enjoyment", "en"), 0);  // English -ment is not Turkish -me
  EXPECT_GT(score("enjoyment", ""), 0);
  EXPECT_GT(score("beğenmek", "tr"), 0);  // the infinitive is not negation
  EXPECT_LT(score("beğenmedim", "tr"), 0);
}

}  // namespace
}  // namespace earshot
