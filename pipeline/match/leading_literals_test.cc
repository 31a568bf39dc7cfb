// ReadLeadingLiterals: what every match of a rule regex starts with, or
// nothing when the opening cannot be read. A literal read wrongly (longer
// than the regex needs, or missing a branch) would miss matches, so the
// cases below lean on what must be refused.
#include "pipeline/match/leading_literals.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace earshot {
namespace {

// The literals as "text" or "\btext" (after a word boundary), in order.
std::vector<std::string> Read(const std::string& re) {
  const auto leaders = ReadLeadingLiterals(re);
  if (!leaders) return {"(none)"};
  std::vector<std::string> out;
  for (const LeadingLiteral& l : *leaders) {
    out.push_back((l.after_word_boundary ? "\\b" : "") + l.text);
  }
  return out;
}

using Words = std::vector<std::string>;

TEST(LeadingLiterals, AWordOrAListOfWordsAfterABoundary) {
  EXPECT_EQ(Read(R"(\bkargo\s+(\S+\s+){0,2}gelmedi\b)"), Words{"\\bkargo"});
  EXPECT_EQ(Read(R"(\b(order|parcel|package)s?\s+(is|was)\s+late)"),
            (Words{"\\border", "\\bparcel", "\\bpackage"}));
  EXPECT_EQ(Read(R"(\b(?:iade|para)\w*\s+yapilmadi)"), (Words{"\\biade", "\\bpara"}));
  EXPECT_EQ(Read(R"(out\s+for\s+delivery)"), Words{"out"});
  EXPECT_EQ(Read(R"(\bout for delivery\b)"), Words{"\\bout for delivery"});
}

TEST(LeadingLiterals, TopLevelBranchesAndNestedGroupsEachGiveTheirOwn) {
  EXPECT_EQ(Read(R"(\blosing|\blose\s+my)"), (Words{"\\blosing", "\\blose"}));
  EXPECT_EQ(Read(R"((\b(you|they)\s+lost|@\w+\s+lost))"), (Words{"\\byou", "\\bthey", "@"}));
  EXPECT_EQ(Read(R"(\b((has|have)n.?t|never)\s+arrived)"),
            (Words{"\\bhas", "\\bhave", "\\bnever"}));
}

TEST(LeadingLiterals, ACharacterThatMayBeAbsentIsLeftOut) {
  EXPECT_EQ(Read(R"(\bdelays?\b)"), Words{"\\bdelay"});
  EXPECT_EQ(Read(R"(\bcancell*ed)"), Words{"\\bcancel"});
  EXPECT_EQ(Read(R"(\bsoo{2,}\b)"), Words{"\\bso"});
  EXPECT_EQ(Read(R"(\bgoo+d)"), Words{"\\bgoo"});  // '+' keeps one
  EXPECT_EQ(Read(R"(\bwasn.?t\b)"), Words{"\\bwasn"});
  EXPECT_EQ(Read(R"(\bdidn\'t)"), Words{"\\bdidn't"});  // an escaped mark is that mark
}

TEST(LeadingLiterals, AnOptionalFirstGroupAddsWhatFollowsIt) {
  EXPECT_EQ(Read(R"(\b(still\s+)?waiting)"), (Words{"\\bstill", "\\bwaiting"}));
  EXPECT_EQ(Read(R"(\b(a|b){0,2}c)"), (Words{"\\ba", "\\bb", "\\bc"}));
  EXPECT_EQ(Read(R"(\b(para\s+)??iade(si)?\s+yok)"), (Words{"\\bpara", "\\biade"}));
  EXPECT_EQ(Read(R"(\b(siparis\s+)?(tuketici\s+)?hakem)"),
            (Words{"\\bsiparis", "\\btuketici", "\\bhakem"}));
  // "(x)*" may repeat: a match still starts with it or with what follows.
  EXPECT_EQ(Read(R"((very\s+)*bad)"), (Words{"very", "bad"}));
}

TEST(LeadingLiterals, AnOpeningThatCannotBeReadGivesNone) {
  const std::vector<std::string> unread = {
      R"(\b(\d+|iki|uc)\s+gundur)",  // a branch opens with a class
      R"(\d+\s+days)",
      R"(.{0,20}refund)",
      R"(^(@\w+\s+)*what)",     // an anchor
      R"(\b(very|so)*\s*bad)",  // the first group may be absent, and a space follows
      R"((?i)refund)",          // flags
      R"((?P<w>refund))",       // a named group
      R"(\b(iade|)\s+yok)",     // an empty branch
      R"(\bçok kötü)",          // a letter the folded text never holds
      R"(\bRefund)",            // nor a capital
      R"([ab]c)",
      R"(\brefunds?|\d+)",
      R"(\b\s+x)",
      R"((unbalanced)",
      R"(\b)",
  };
  for (const std::string& re : unread) EXPECT_EQ(Read(re), Words{"(none)"}) << re;
}

TEST(LeadingLiterals, ALiteralCoveredByAShorterOneIsDropped) {
  EXPECT_EQ(Read(R"(\b(order|orders|ordered)\b)"), Words{"\\border"});
  // Without a boundary "order" would not cover "\border": both may start a
  // match, but the one without covers the one with.
  EXPECT_EQ(Read(R"(\border|order)"), Words{"order"});
  EXPECT_EQ(Read(R"(order|\borders)"), Words{"order"});
  EXPECT_EQ(Read(R"(\b(iade|iade)\b)"), Words{"\\biade"});
}

}  // namespace
}  // namespace earshot
