// Diagnostics of the rule reader and collector: every problem at once, each
// with file:line:column, a snippet and, where it helps, a suggestion.
#include "pipeline/match/rule_reader.h"

#include <gtest/gtest.h>

#include "pipeline/match/rule_collector.h"

namespace earshot {
namespace {

std::vector<Diagnostic> Lint(const std::string& yaml, const RuleSetOptions& options = {}) {
  std::vector<Diagnostic> d;
  std::vector<RuleFile> files;
  files.push_back(ReadRuleText(yaml, "pack.yaml", &d));
  CollectRules(files, options, &d);
  return d;
}

const Diagnostic* Find(const std::vector<Diagnostic>& d, const std::string& code) {
  for (const Diagnostic& x : d) {
    if (x.code == code) return &x;
  }
  return nullptr;
}

TEST(RuleReader, ReportsEveryErrorWithLineAndColumn) {
  const auto d = Lint(R"y(rules:
  - id: a
    category: complaint
    priorty: p2
    match:
      any: ["x"]
    tests: [{text: x, expect: match}]
  - id: b
    category: grumble
    match:
      any: ["y"]
  - id: a
    category: praise
    match:
      any: ["z"]
    tests: [{text: z, expect: match}]
)y");
  ASSERT_TRUE(HasErrors(d));
  const Diagnostic* unknown = Find(d, "unknown_key");
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->ToString(),
            "pack.yaml:4:5: error: unknown key 'priorty' in a rule (did you mean 'priority'?)\n"
            "      priorty: p2\n"
            "      ^");
  const Diagnostic* bad = Find(d, "invalid_value");
  ASSERT_NE(bad, nullptr);
  EXPECT_EQ(bad->line, 9);
  EXPECT_EQ(bad->column, 15);
  const Diagnostic* dup = Find(d, "duplicate_id");
  ASSERT_NE(dup, nullptr);
  EXPECT_EQ(dup->line, 12);
  EXPECT_NE(dup->message.find("first defined at pack.yaml:2"), std::string::npos);
}

// A rule left out for an error of its own still holds its id: the
// duplicate is reported too, whichever of the two rules has the error.
TEST(RuleReader, ReportsDuplicateIdsOfRulesWithOtherErrors) {
  const auto d = Lint(R"y(rules:
  - id: a
    category: complaint
    match:
      any: ["x"]
    tests: [{text: x, expect: match}]
  - id: a
    category: complaint
    priority: p9
    match:
      any: ["y"]
  - id: b
    category: grumble
    match:
      any: ["z"]
  - id: b
    category: praise
    match:
      any: ["w"]
    tests: [{text: w, expect: match}]
)y");
  std::vector<int> duplicate_lines;
  for (const Diagnostic& x : d) {
    if (x.code == "duplicate_id") duplicate_lines.push_back(x.line);
  }
  EXPECT_EQ(duplicate_lines, (std::vector<int>{7, 16}));
  const Diagnostic* bad_priority = Find(d, "invalid_value");
  ASSERT_NE(bad_priority, nullptr);
  EXPECT_EQ(bad_priority->line, 9);
}

TEST(RuleCollector, ItemsOfRulesWithOtherErrorsAreCheckedToo) {
  // A bad value leaves the rule out of the set, but its bad regex,
  // its undefined list and macro and its never-matching regex are reported
  // in the same run, not after the value is fixed.
  std::vector<Diagnostic> d;
  std::vector<RuleFile> files;
  files.push_back(ReadRuleText(R"y(rules:
  - id: a
    category: complaint
    priority: p9
    match:
      any:
        - regex: "kargo (gelmedi"
        - "$couriers"
        - {macro: rude}
      all:
        - regex: "iade edilmedi"
    exceptions:
      any:
        - regex: "KARGO"
    tests: [{text: x, expect: match}]
)y",
                               "pack.yaml", &d));
  ASSERT_EQ(files[0].rules.size(), 0U);
  ASSERT_EQ(files[0].rejected.size(), 1U);
  const CollectedRules collected = CollectRules(files, RuleSetOptions{}, &d);
  EXPECT_TRUE(collected.rules.empty());
  std::vector<std::pair<std::string, int>> found;
  found.reserve(d.size());
  for (const Diagnostic& x : d) found.emplace_back(x.code, x.line);
  EXPECT_EQ(found, (std::vector<std::pair<std::string, int>>{{"invalid_value", 4},
                                                             {"regex_syntax", 7},
                                                             {"undefined_list", 8},
                                                             {"undefined_macro", 9},
                                                             {"never_matches", 14}}));
}

TEST(RuleReader, UnknownKeysAuthorsReachForSayHowTheFormatWritesThem) {
  const auto d = Lint(R"y(rules:
  - id: a
    category: complaint
    severity: high
    match:
      any:
        - term: "iade"
        - phrase: "kargom gelmedi"
        - list: couriers
      near: ["para", "yok"]
    tests:
      - {text: "iade yok", expect: complaint}
)y");
  std::vector<std::string> messages;
  messages.reserve(d.size());
  for (const Diagnostic& x : d) messages.push_back(std::to_string(x.line) + " " + x.message);
  const std::vector<std::string> expected = {
      "4 unknown key 'severity' in a rule: a rule's weight is 'priority: p1' to 'p4'",
      std::string("10 unknown key 'near' in match: near is an item of any, all or none: ") +
          "- {near: [a, b], within: 3}",
      std::string("7 unknown key 'term' in a match item: write a term or phrase as a plain ") +
          "string: - \"kargo\"",
      std::string("8 unknown key 'phrase' in a match item: write a phrase as a plain string: ") +
          "- \"kargom gelmedi\"",
      std::string("9 unknown key 'list' in a match item: use a list by its name as a string: ") +
          "- \"$name\"",
      std::string("12 'expect' is 'match' or 'no_match'; the class a post should get goes in ") +
          "its own key: expect: match, class: complaint"};
  EXPECT_EQ(messages, expected);
  // Where a spelling is close, the did-you-mean stays.
  const auto typo = Lint(R"y(rules:
  - id: a
    category: complaint
    match:
      any: [{regexp: "x"}]
    tests: [{text: x, expect: match}]
)y");
  const Diagnostic* unknown = Find(typo, "unknown_key");
  ASSERT_NE(unknown, nullptr);
  EXPECT_NE(unknown->message.find("(did you mean 'regex'?)"), std::string::npos)
      << unknown->message;
}

TEST(RuleReader, YamlSyntaxErrorsCarryTheirPosition) {
  const auto d = Lint("rules:\n  - id: [unclosed\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "yaml_syntax");
  EXPECT_GT(d[0].line, 0);
}

// Columns count bytes; the caret is drawn under the character on a
// terminal: one column for "ç" (two bytes), a tab for a tab.
TEST(RuleReader, CaretStandsUnderTheColumnPastTurkishLettersAndTabs) {
  Diagnostic d{Severity::kError, "x", "pack.yaml", 1, 6, "m", "çç x"};
  EXPECT_EQ(d.ToString(), "pack.yaml:1:6: error: m\n  çç x\n     ^");
  d.snippet = "\t- id: a";
  d.column = 2;
  EXPECT_EQ(d.ToString(), "pack.yaml:1:2: error: m\n  \t- id: a\n  \t^");
}

TEST(RuleReader, ATabInTheIndentationIsNamedAsTheCause) {
  const auto d = Lint("rules:\n\t- id: tab\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "yaml_syntax");
  EXPECT_EQ(d[0].line, 2);
  EXPECT_NE(d[0].message.find("indented with a tab"), std::string::npos) << d[0].message;
}

TEST(RuleCollector, RegexErrorPointsAtTheOffendingPiece) {
  const auto d = Lint(R"y(rules:
  - id: bad
    category: complaint
    match:
      any:
        - regex: "kargo (gelmedi"
)y");
  const Diagnostic* e = Find(d, "regex_syntax");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->line, 6);
  EXPECT_NE(e->message.find("missing )"), std::string::npos) << e->message;
}

TEST(RuleCollector, UndefinedListsAndMacrosAreErrorsWithSuggestions) {
  const auto d = Lint(R"y(lists:
  couriers: ["kurye"]
macros:
  rude: {any: ["kaba"]}
rules:
  - id: r
    category: complaint
    match:
      all: ["$courier", {macro: rudee}]
    tests: [{text: x, expect: no_match}]
)y");
  const Diagnostic* list = Find(d, "undefined_list");
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->line, 9);
  EXPECT_NE(list->message.find("did you mean '$couriers'"), std::string::npos) << list->message;
  const Diagnostic* macro = Find(d, "undefined_macro");
  ASSERT_NE(macro, nullptr);
  EXPECT_NE(macro->message.find("did you mean 'rude'"), std::string::npos) << macro->message;
}

TEST(RuleCollector, WarnsAboutRegexesThatCanNeverMatchFoldedText) {
  const auto d = Lint(R"y(rules:
  - id: caps
    category: complaint
    match: {any: [{regex: "IADE"}, {regex: "çok kötü"}, {regex: "don’t"},
                  {regex: "iade\u00A0edilmedi"}, {regex: "\U0001D42Bezalet"}, {regex: "❤️"},
                  {regex: "kötü|[“”]|😡"}, {regex: "[“”]|😡|\\pL"}]}
    tests: [{text: x, expect: no_match}]
)y");
  std::vector<std::string> messages;
  for (const Diagnostic& x : d) {
    if (x.code == "never_matches") {
      messages.push_back(x.message);
      EXPECT_EQ(x.severity, Severity::kWarning);
    }
  }
  // One each, but none for the last: quotation marks and emoji are kept.
  ASSERT_EQ(messages.size(), 7u);
  EXPECT_NE(messages[1].find("'ç', but regexes run on the folded text, where it is 'c'"),
            std::string::npos)
      << messages[1];
  EXPECT_NE(messages[2].find("where it is '''"), std::string::npos) << messages[2];
  EXPECT_NE(messages[3].find("where it is ' '"), std::string::npos) << messages[3];
  EXPECT_NE(messages[4].find("where it is 'r'"), std::string::npos) << messages[4];
  EXPECT_NE(messages[5].find("where it is dropped"), std::string::npos) << messages[5];
  EXPECT_NE(messages[6].find("'ö'"), std::string::npos) << messages[6];
}

TEST(RuleCollector, WarnsAboutTermsThatSqueezingChanges) {
  const auto d = Lint(R"y(rules:
  - id: squeezed
    category: complaint
    match: {any: [bbb, "AAA battery*", good, "kötü", "sooo good"]}
    tests: [{text: x, expect: no_match}]
)y");
  std::vector<std::string> messages;
  for (const Diagnostic& x : d) {
    if (x.code == "term_squeezed") {
      EXPECT_EQ(x.severity, Severity::kWarning);
      messages.push_back(x.message);
    }
  }
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_NE(messages[0].find("looked up as 'b'"), std::string::npos) << messages[0];
  EXPECT_NE(messages[1].find("looked up as 'a battery*'"), std::string::npos) << messages[1];
  EXPECT_NE(messages[2].find("looked up as 'so good'"), std::string::npos) << messages[2];
}

TEST(RuleCollector, WarnsAboutCostlyPatternsAndShadowingExceptions) {
  const auto d = Lint(R"y(rules:
  - id: slow
    category: complaint
    match: {any: [{regex: ".*kargo.*"}]}
    tests: [{text: kargo, expect: match}]
  - id: shadowed
    category: complaint
    match: {any: ["gecikti"]}
    exceptions: {any: ["gecikti"]}
    tests: [{text: gecikti, expect: no_match}]
)y");
  EXPECT_NE(Find(d, "pattern_too_costly"), nullptr);
  EXPECT_NE(Find(d, "shadowed"), nullptr);
}

TEST(RuleCollector, RefusesMoreRulesThanTheLimitNamingTheFirstOneOver) {
  RuleSetOptions options;
  options.max_rules = 2;
  const std::string yaml = R"y(rules:
  - {id: a, category: complaint, match: {any: [x]}, tests: [{text: x, expect: match}]}
  - {id: b, category: complaint, match: {any: [y]}, tests: [{text: y, expect: match}]}
  - {id: c, category: complaint, match: {any: [z]}, tests: [{text: z, expect: match}]}
)y";
  const auto d = Lint(yaml, options);
  const Diagnostic* over = Find(d, "too_many_rules");
  ASSERT_NE(over, nullptr);
  EXPECT_EQ(over->severity, Severity::kError);
  EXPECT_EQ(over->line, 4);  // rule c
  EXPECT_NE(over->message.find("pipeline.max_rules"), std::string::npos);
  options.max_rules = 3;
  EXPECT_EQ(Find(Lint(yaml, options), "too_many_rules"), nullptr);
}

TEST(RuleCollector, WarnsAboutExceptionsWhoseWordsRunInsideAMatchTerm) {
  const auto d = Lint(R"y(lists:
  courier_words: ["kurye", "dağıtıcı"]
rules:
  - id: late
    category: complaint
    match:
      any: ["kargo gelmedi", "gecikti", "iadem yapılmadı", "$courier_words", "teslim*"]
    exceptions:
      any: ["kargo", "gecik*", "iade*", "kurye", "teslimat", "gelmedi kargo", "kargo gel"]
    tests: [{text: x, expect: no_match}]
)y");
  std::vector<std::string> shadowed;
  for (const Diagnostic& x : d) {
    if (x.code == "shadowed") shadowed.push_back(x.message.substr(0, x.message.find("' ") + 1));
  }
  // "kargo" runs inside "kargo gelmedi", "gecik*" covers "gecikti", "iade*"
  // covers "iadem", and "kurye" is one of the list's terms. "teslimat" does
  // not cover the stem "teslim*" (which also matches "teslim"), nor do
  // words in another order or a word cut short ("kargo gel").
  EXPECT_EQ(shadowed, (std::vector<std::string>{"exception 'kargo'", "exception 'gecik*'",
                                                "exception 'iade*'", "exception 'kurye'"}));
}

TEST(RuleReader, RuleWithoutTestsIsAWarningNotAnError) {
  const auto d = Lint("rules: [{id: r, category: complaint, match: {any: [x]}}]\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "no_tests");
  EXPECT_EQ(d[0].severity, Severity::kWarning);
}

TEST(TermToPattern, FoldsAndEscapes) {
  EXPECT_EQ(TermToPattern("Kargo Gelmedİ"), " kargo gelmedi ");
  EXPECT_EQ(TermToPattern("iade*"), " iade[^ ]* ");
  EXPECT_EQ(TermToPattern("don't"), " don\\'t ");
  EXPECT_EQ(TermToPattern("?!"), "");
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

TEST(RuleCollector, ATurkishRegexWordThatSoftensBeforeItsSuffixIsAWarningAtItsColumn) {
  const auto d = Lint(R"y(rules:
  - id: churn
    category: complaint
    lang: tr
    match: {any: [{regex: "\\b(iptal|abonelik)\\w*"}]}
    tests: [{text: aboneliğimi iptal edin, expect: match}]
  - id: fixed
    category: complaint
    lang: tr
    match: {any: [{regex: "\\baboneli[kg]\\w*"}]}
    tests: [{text: aboneliğimi iptal edin, expect: match}]
  - id: english
    category: complaint
    lang: en
    match: {any: [{regex: "\\bsetup\\w*"}]}
    tests: [{text: setup failed, expect: match}]
)y");
  std::vector<const Diagnostic*> found;
  for (const Diagnostic& x : d) {
    if (x.code == "regex_softening") found.push_back(&x);
  }
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->severity, Severity::kWarning);
  EXPECT_EQ(found[0]->line, 5);
  EXPECT_EQ(found[0]->column, 38);  // the 'a' of "abonelik"
  EXPECT_NE(found[0]->message.find("aboneli[kg]"), std::string::npos) << found[0]->message;
}

TEST(RuleCollector, NamedGroupsAndUnicodeClassesAreNotCapitals) {
  const auto d = Lint(R"y(rules:
  - id: ok
    category: complaint
    match: {any: [{regex: "(?P<what>kargo) \\pL+"}]}
    tests: [{text: kargo geldi, expect: match}]
)y");
  EXPECT_EQ(Find(d, "never_matches"), nullptr) << (d.empty() ? "" : d[0].ToString());
}

TEST(RuleReader, ExceptionsNeedAnyOrAll) {
  const auto d = Lint(R"y(rules:
  - id: r
    category: complaint
    match: {any: [x]}
    exceptions: {none: [y]}
    tests: [{text: x, expect: match}]
)y");
  const Diagnostic* e = Find(d, "invalid_value");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->line, 5);
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

TEST(RuleReader, UnknownChannelIsAnErrorWithPositionAndSuggestion) {
  const auto d = Lint(R"y(rules:
  - id: r
    category: complaint
    channels: [review, googleplay, myspace]
    match: {any: [x]}
    tests: [{text: x, channel: google_play, expect: match}]
)y");
  std::vector<const Diagnostic*> unknown;
  for (const Diagnostic& x : d) {
    if (x.code == "unknown_channel") unknown.push_back(&x);
  }
  ASSERT_EQ(unknown.size(), 2u);
  EXPECT_EQ(unknown[0]->severity, Severity::kError);
  EXPECT_EQ(unknown[0]->ToString(),
            "pack.yaml:4:24: error: unknown channel 'googleplay' (did you mean 'google_play'?)\n"
            "      channels: [review, googleplay, myspace]\n"
            "                         ^");
  EXPECT_EQ(unknown[1]->column, 36);
  EXPECT_NE(unknown[1]->message.find("use a kind (social, review, complaint_site)"),
            std::string::npos)
      << unknown[1]->message;
}

TEST(RuleReader, NeedsTargetIsReadAndMustBeABoolean) {
  std::vector<Diagnostic> d;
  const RuleFile file = ReadRuleText(R"y(rules:
  - id: general
    category: complaint
    needs_target: true
    match: {any: [berbat]}
    tests: [{text: berbat, expect: match}]
  - id: plain
    category: complaint
    match: {any: [gelmedi]}
    tests: [{text: gelmedi, expect: match}]
)y",
                                     "pack.yaml", &d);
  EXPECT_FALSE(HasErrors(d));
  ASSERT_EQ(file.rules.size(), 2u);
  EXPECT_TRUE(file.rules[0].needs_target);
  EXPECT_FALSE(file.rules[1].needs_target);  // the default
  const auto bad = Lint(R"y(rules:
  - id: r
    category: complaint
    needs_target: sometimes
    match: {any: [x]}
    tests: [{text: x, expect: match}]
)y");
  ASSERT_TRUE(HasErrors(bad));
  EXPECT_EQ(bad[0].line, 4);
  EXPECT_EQ(bad[0].column, 19);
  const auto typo = Lint(R"y(rules:
  - id: r
    category: complaint
    need_target: true
    match: {any: [x]}
    tests: [{text: x, expect: match}]
)y");
  const Diagnostic* unknown = Find(typo, "unknown_key");
  ASSERT_NE(unknown, nullptr);
  EXPECT_NE(unknown->message.find("did you mean 'needs_target'?"), std::string::npos)
      << unknown->message;
}

TEST(RuleReader, DeniesProblemIsReadOnPraiseRulesAndRefusedOnOthers) {
  std::vector<Diagnostic> d;
  const RuleFile file = ReadRuleText(R"y(rules:
  - id: no_problem
    category: praise
    denies_problem: true
    match: {any: ["can't fault"]}
    tests: [{text: "can't fault them", expect: match}]
)y",
                                     "pack.yaml", &d);
  EXPECT_FALSE(HasErrors(d));
  ASSERT_EQ(file.rules.size(), 1u);
  EXPECT_TRUE(file.rules[0].denies_problem);
  const auto bad = Lint(R"y(rules:
  - id: r
    category: complaint
    denies_problem: true
    match: {any: [x]}
    tests: [{text: x, expect: match}]
)y");
  const Diagnostic* wrong = Find(bad, "invalid_value");
  ASSERT_NE(wrong, nullptr);
  EXPECT_EQ(wrong->line, 4);
  EXPECT_EQ(wrong->column, 21);
  EXPECT_NE(wrong->message.find("praise rules only"), std::string::npos) << wrong->message;
}

TEST(RuleReader, KnownChannelNamesAndKindsAreAccepted) {
  const auto d = Lint(R"y(rules:
  - id: r
    category: complaint
    channels: [social, complaint_site, x, google_play, sikayetvar]
    match: {any: [x]}
    tests: [{text: x, channel: x, expect: match}]
)y");
  EXPECT_FALSE(HasErrors(d)) << d[0].ToString();
}

TEST(RuleCollector, NearSideCanBeAListOfTermsButNotOfRegexes) {
  const auto ok = Lint(R"y(lists:
  money: ["para", "ücret*"]
rules:
  - id: r
    category: complaint
    match: {any: [{near: ["$money", "çekil*"], within: 2}]}
    tests: [{text: para çekildi, expect: match}]
)y");
  EXPECT_FALSE(HasErrors(ok)) << ok[0].ToString();

  const auto d = Lint(R"y(lists:
  money: ["para", {regex: "\\bucret"}]
rules:
  - id: r
    category: complaint
    match: {any: [{near: ["çekil*", "$money"]}, {near: ["$mony", "x"]}]}
    tests: [{text: para çekildi, expect: match}]
)y");
  const Diagnostic* regex = Find(d, "near_regex");
  ASSERT_NE(regex, nullptr);
  EXPECT_EQ(regex->line, 6);
  EXPECT_EQ(regex->column, 39);  // at $money, counted in bytes as columns are
  EXPECT_NE(regex->message.find("list '$money' has the regex /\\bucret/"), std::string::npos)
      << regex->message;
  const Diagnostic* undefined = Find(d, "undefined_list");
  ASSERT_NE(undefined, nullptr);
  EXPECT_NE(undefined->message.find("did you mean '$money'"), std::string::npos)
      << undefined->message;
}

}  // namespace
}  // namespace earshot
