#include "pipeline/classify/conditional_clause.h"

#include <gtest/gtest.h>

#include "pipeline/sentiment/word_forms.h"

namespace earshot {
namespace {

std::string Outside(const std::string& text, bool turkish, bool with_questions = true) {
  return OutsideConditionalClauses(Normalize(text, turkish).tokens, turkish, with_questions);
}

TEST(ConditionalClause, EnglishIfRunsToTheCommaOrTheQuestionsVerb) {
  EXPECT_EQ(Outside("if my flight is delayed, does the booking get cancelled?", false),
            "does the booking get cancelled ?");
  EXPECT_EQ(Outside("if it is late will i get a refund?", false), "will i get a refund ?");
  EXPECT_EQ(Outside("what happens if my parcel is lost?", false), "what happens ?");
  // Statements only: the question left out.
  EXPECT_EQ(Outside("if my flight is delayed, does the booking get cancelled?", false, false), " ");
}

TEST(ConditionalClause, NoConditionNoReproachNoWhy) {
  EXPECT_EQ(Outside("my flight is delayed, does the booking get cancelled?", false), "");
  // "if" inside a clause ("asks if") opens no condition.
  EXPECT_EQ(Outside("she asked if it was late", false), "");
  EXPECT_EQ(Outside("if you can't deliver on time, why promise?", false), "");
  EXPECT_EQ(Outside("if it was delivered, why is it not here?", false), "");
}

TEST(ConditionalClause, TurkishClauseEndsWithItsConditionalVerb) {
  EXPECT_EQ(Outside("uçuşum gecikirse rezervasyon iptal olur mu?", true),
            "rezervasyon iptal olur mu ?");
  EXPECT_EQ(Outside("kargo gelmezse, ne yapmalıyım?", true), "ne yapmaliyim ?");
  EXPECT_EQ(Outside("kargo hala gelmedi, neden?", true), "");
}

TEST(ConditionalClause, TurkishConditionalForms) {
  for (const char* w :
       {"gecikirse", "gelmezse", "gelirsem", "olursa", "edildiyse", "varsa", "gelmezsek"}) {
    EXPECT_TRUE(IsTurkishConditional(w)) << w;
  }
  for (const char* w : {"yoksa", "neyse", "bursa", "kursa", "borsa", "kargo", "gelirse'"}) {
    EXPECT_FALSE(IsTurkishConditional(w)) << w;
  }
}

}  // namespace
}  // namespace earshot
