// Every shipped rule pack loads without a diagnostic, and every test case a
// rule carries passes: a text marked `match` is matched by that rule, one
// marked `no_match` is not.
#include <gtest/gtest.h>

#include "app/config.h"
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

}  // namespace
}  // namespace earshot
