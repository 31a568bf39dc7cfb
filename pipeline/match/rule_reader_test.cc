#include "pipeline/match/rule_reader.h"

#include <gtest/gtest.h>

#include "earshot/rule_set.h"
#include "pipeline/normalize/normalizer.h"
#include "tests/support/test_rules.h"

namespace earshot {
namespace {

std::shared_ptr<const RuleSet> Build(const std::string& yaml) {
  return testing::RulesFromYaml(yaml);
}

std::vector<std::string> Ids(const RuleSet& set, const std::string& text,
                             const std::string& lang = "") {
  std::vector<std::string> ids;
  for (const Rule* r : set.Match(Normalize(text, true), lang)) ids.push_back(r->id);
  return ids;
}

const char* kPack = R"(rules:
  - id: tr.delivery.late
    category: complaint
    priority: p2
    lang: tr
    match:
      any:
        - "kargo gelmedi"
        - "iade*"
  - id: en.legal
    category: complaint
    priority: p1
    lang: en
    urgent: [legal]
    match:
      any:
        - regex: "\\b(sue|lawyer)\\b"
)";

TEST(RuleSet, MatchesTermsAsWholeWordsInEveryCasingAndFolding) {
  auto set = Build(kPack);
  ASSERT_NE(set, nullptr);
  using V = std::vector<std::string>;
  EXPECT_EQ(Ids(*set, "Kargo gelmedi!"), V{"tr.delivery.late"});
  EXPECT_EQ(Ids(*set, "KARGO GELMEDİ"), V{"tr.delivery.late"});
  EXPECT_EQ(Ids(*set, "kargo, gelmedi"), V{"tr.delivery.late"});
  EXPECT_EQ(Ids(*set, "ekargo gelmedi"), V{});  // not inside another word
}

TEST(RuleSet, StemTermsTakeSuffixes) {
  auto set = Build(kPack);
  ASSERT_NE(set, nullptr);
  for (const char* text : {"iade", "iadem nerede", "İADESİ yapılmadı", "iademi istiyorum"}) {
    EXPECT_EQ(Ids(*set, text), std::vector<std::string>{"tr.delivery.late"}) << text;
  }
  EXPECT_TRUE(Ids(*set, "şiade").empty());
}

TEST(RuleSet, LanguageFiltersRulesWrittenForOneLanguage) {
  auto set = Build(kPack);
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(Ids(*set, "I will sue you", "en"), std::vector<std::string>{"en.legal"});
  EXPECT_TRUE(Ids(*set, "I will sue you", "tr").empty());
  EXPECT_EQ(Ids(*set, "I will sue you", ""), std::vector<std::string>{"en.legal"});
}

TEST(RuleSet, VersionChangesWhenRulesChange) {
  auto a = Build(kPack);
  std::string other = kPack;
  other.replace(other.find("lawyer"), 6, "attorney");
  auto b = Build(other);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_NE(a->version(), b->version());
  EXPECT_EQ(a->version(), Build(kPack)->version());
}

TEST(RuleReader, ReportsEveryErrorWithLineAndColumn) {
  const char* broken = R"(rules:
  - id: a
    category: complaint
    priorty: p2
    match:
      any: ["x"]
  - id: b
    category: grumble
    match:
      any: ["y"]
  - id: a
    category: praise
    match:
      any: ["z"]
)";
  std::vector<Diagnostic> d;
  ReadRuleText(broken, "broken.yaml", &d);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].code, "unknown_key");
  EXPECT_EQ(d[0].line, 4);
  EXPECT_EQ(d[0].column, 5);
  EXPECT_EQ(d[1].code, "invalid_value");
  EXPECT_EQ(d[1].line, 8);
  EXPECT_EQ(d[1].column, 15);
  EXPECT_EQ(d[2].code, "duplicate_id");
  EXPECT_EQ(d[2].line, 11);
  EXPECT_EQ(d[0].ToString(),
            "broken.yaml:4:5: error: unknown rule key 'priorty'\n      priorty: p2\n      ^");
}

TEST(RuleReader, YamlSyntaxErrorsCarryTheirPosition) {
  std::vector<Diagnostic> d;
  ReadRuleText("rules:\n  - id: [unclosed\n", "syntax.yaml", &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "yaml_syntax");
  EXPECT_GT(d[0].line, 0);
}

TEST(RuleSet, BadRegexIsAnErrorNotACrash) {
  std::vector<Diagnostic> d;
  std::vector<Rule> rules = ReadRuleText(R"(rules:
  - id: bad
    category: complaint
    match:
      any:
        - regex: "(unclosed"
)",
                                         "re.yaml", &d);
  ASSERT_TRUE(d.empty());
  auto set = RuleSet::Build(std::move(rules), RuleSetOptions{}, &d);
  EXPECT_FALSE(set.ok());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "regex_syntax");
  EXPECT_NE(d[0].message.find("missing )"), std::string::npos) << d[0].message;
}

}  // namespace
}  // namespace earshot
