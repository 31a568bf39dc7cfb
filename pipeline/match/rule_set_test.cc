// Matching semantics of the rule format (docs/rules.md), one feature a test.
#include "earshot/rule_set.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "pipeline/normalize/normalizer.h"
#include "tests/support/test_rules.h"

namespace earshot {
namespace {

using Ids = std::vector<std::string>;

Ids Match(const RuleSet& set, const std::string& text, const MatchContext& context = {}) {
  Ids ids;
  for (const Rule* r : set.Match(Normalize(text, context.lang != "en"), context))
    ids.push_back(r->id);
  return ids;
}

MatchContext Lang(const std::string& lang) {
  MatchContext c;
  c.lang = lang;
  return c;
}

TEST(RuleSet, TermsMatchWholeWordsInEveryCasingAndFolding) {
  auto set = testing::RulesFromYaml(R"y(rules:
  - {id: late, category: complaint, match: {any: ["kargo gelmedi"]}}
)y");
  ASSERT_NE(set, nullptr);
  for (const char* text :
       {"Kargo gelmedi!", "KARGO GELMEDİ", "kargo, gelmedi", "kargo gelmediii"}) {
    EXPECT_EQ(Match(*set, text), Ids{"late"}) << text;
  }
  EXPECT_EQ(Match(*set, "ekargo gelmedi"), Ids{});  // not inside another word
  EXPECT_EQ(Match(*set, "kargo gelmediler"), Ids{});
}

TEST(RuleSet, StemsTakeTurkishSuffixesButNotUnrelatedPrefixes) {
  auto set = testing::RulesFromYaml(R"y(rules:
  - {id: refund, category: complaint, match: {any: ["iade*"]}}
)y");
  ASSERT_NE(set, nullptr);
  for (const char* text :
       {"iade", "iadem nerede", "İADESİ yapılmadı", "iademi istiyorum", "IADEYI"}) {
    EXPECT_EQ(Match(*set, text), Ids{"refund"}) << text;
  }
  EXPECT_EQ(Match(*set, "şiade"), Ids{});
}

TEST(RuleSet, StemsAlsoMatchTheirSoftenedForms) {
  auto set = testing::RulesFromYaml(R"y(lists:
  accounts: ["hesap*"]
rules:
  - {id: headphones, category: complaint, match: {any: ["kulaklık* bozuk"]}}
  - {id: account, category: complaint, match: {any: ["$accounts"]}}
  - id: support_rude
    category: complaint
    match:
      any: [{near: ["destek*", "kaba*"], within: 2}]
)y");
  ASSERT_NE(set, nullptr);
  for (const char* text : {"kulaklık bozuk", "kulaklığım bozuk", "KULAKLIGI BOZUK"}) {
    EXPECT_EQ(Match(*set, text), Ids{"headphones"}) << text;
  }
  EXPECT_EQ(Match(*set, "hesabım kapandı"), Ids{"account"});
  EXPECT_EQ(Match(*set, "desteğiniz çok kaba"), Ids{"support_rude"});
  // A softened word is still a whole word: "kulaklı" is not "kulaklığı".
  EXPECT_EQ(Match(*set, "kulaklı bozuk"), Ids{});
}

TEST(RuleSet, RegexesRunOnFoldedText) {
  auto set = testing::RulesFromYaml(R"y(rules:
  - {id: sue, category: complaint, match: {any: [{regex: "\\b(sue|lawyer)\\b"}]}}
  - {id: odeme, category: complaint, match: {any: [{regex: "odeme (iade|geri)"}]}}
)y");
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(Match(*set, "I will SUE you"), Ids{"sue"});
  EXPECT_EQ(Match(*set, "Ödeme iadesi yok"), Ids{"odeme"});
}

TEST(RuleSet, AllAndNoneCombineWithAny) {
  auto set = testing::RulesFromYaml(R"y(rules:
  - id: card_blocked
    category: complaint
    match:
      all: ["kart*", "bloke*"]
      none: ["teşekkür*"]
)y");
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(Match(*set, "kartım bloke oldu"), Ids{"card_blocked"});
  EXPECT_EQ(Match(*set, "kartım çalışmıyor"), Ids{});
  EXPECT_EQ(Match(*set, "kartım bloke olmuştu, açtınız teşekkürler"), Ids{});
}

TEST(RuleSet, NearMatchesTermsWithinNWords) {
  auto set = testing::RulesFromYaml(R"y(rules:
  - id: money_taken
    category: complaint
    match:
      any: [{near: ["para", "çekil*"], within: 2}]
)y");
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(Match(*set, "hesabımdan para çekildi"), Ids{"money_taken"});
  EXPECT_EQ(Match(*set, "para izinsiz olarak çekilmiş"), Ids{"money_taken"});
  EXPECT_EQ(Match(*set, "para konusunu sonra konuşuruz ama hesap çekilişi güzeldi"), Ids{});
}

TEST(RuleSet, ListsAndMacrosAreSharedAcrossRules) {
  auto set = testing::RulesFromYaml(R"y(lists:
  couriers: ["kurye*", "kargocu*", "courier*"]
macros:
  rude:
    any: ["kaba*", "rude", "bağır*"]
rules:
  - id: rude_courier
    category: complaint
    match:
      all: ["$couriers", {macro: rude}]
)y");
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(Match(*set, "kurye çok kabaydı"), Ids{"rude_courier"});
  EXPECT_EQ(Match(*set, "the courier was rude"), Ids{"rude_courier"});
  EXPECT_EQ(Match(*set, "kurye çok kibardı"), Ids{});
}

TEST(RuleSet, ExceptionsRemoveMatches) {
  auto set = testing::RulesFromYaml(R"y(rules:
  - id: late
    category: complaint
    match: {any: ["gecikti"]}
    exceptions: {any: ["gecikmedi", "şaka*"]}
)y");
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(Match(*set, "sipariş gecikti"), Ids{"late"});
  EXPECT_EQ(Match(*set, "sipariş gecikti diye şaka yaptım"), Ids{});
}

TEST(RuleSet, ExceptionsWithAllAndNoneDecideAsWritten) {
  // Each rule is decided from its compiled program; Explain walks the Rule
  // itself. Both must agree with the format's meaning.
  auto set = testing::RulesFromYaml(R"y(rules:
  - id: late
    category: complaint
    match: {any: ["gecikti"], none: ["şaka*"]}
    exceptions: {all: ["kargo", "özür*"], none: ["yine"]}
)y");
  ASSERT_NE(set, nullptr);
  const std::vector<std::pair<std::string, Ids>> cases = {
      {"sipariş gecikti", {"late"}},
      {"sipariş gecikti, şaka", {}},                     // none
      {"kargo gecikti ama özür dilediler", {}},          // the exception holds
      {"kargo yine gecikti, özür dilediler", {"late"}},  // its none fails it
      {"kargo gecikti", {"late"}},                       // its all fails it
  };
  for (const auto& [text, expected] : cases) {
    EXPECT_EQ(Match(*set, text), expected) << text;
    Ids explained;
    for (const RuleExplanation& e : set->Explain(Normalize(text, true), MatchContext{}, {})) {
      if (e.matched) explained.push_back(e.rule->id);
    }
    EXPECT_EQ(explained, expected) << text;
  }
}

TEST(RuleSet, ConditionsOnFieldsChannelsLanguageAndEnabled) {
  auto set = testing::RulesFromYaml(R"y(rules:
  - id: influencer
    category: complaint
    when: {min_followers: 10000}
    match: {any: ["rezalet"]}
  - id: low_review
    category: complaint
    channels: [review]
    when: {max_rating: 2}
    match: {any: ["rezalet"]}
  - id: tr_only
    category: complaint
    lang: tr
    match: {any: ["rezalet"]}
  - id: off
    category: complaint
    enabled: false
    match: {any: ["rezalet"]}
)y");
  ASSERT_NE(set, nullptr);
  MatchContext small;
  small.channel = "x";
  small.followers = 10;
  EXPECT_EQ(Match(*set, "rezalet", small), Ids{"tr_only"});
  MatchContext big = small;
  big.followers = 50000;
  EXPECT_EQ(Match(*set, "rezalet", big), (Ids{"influencer", "tr_only"}));
  MatchContext review;
  review.channel = "google_play";
  review.rating = 1;
  review.lang = "tr";
  EXPECT_EQ(Match(*set, "rezalet", review), (Ids{"low_review", "tr_only"}));
  review.rating = 4;
  EXPECT_EQ(Match(*set, "rezalet", review), Ids{"tr_only"});
  EXPECT_EQ(Match(*set, "rezalet", Lang("en")), Ids{});
}

TEST(RuleSet, SlaOverrideIsCarriedOnTheRule) {
  auto set = testing::RulesFromYaml(R"y(rules:
  - {id: fast, category: complaint, sla: 10m, tags: [vip], match: {any: ["x"]}}
)y");
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->rules()[0].sla_ms, 600000);
  EXPECT_EQ(set->rules()[0].tags, Ids{"vip"});
}

TEST(RuleSet, VersionChangesWhenRulesChange) {
  const std::string a = R"y(rules: [{id: r, category: complaint, match: {any: ["lawyer"]}}])y";
  const std::string b = R"y(rules: [{id: r, category: complaint, match: {any: ["attorney"]}}])y";
  EXPECT_NE(testing::RulesFromYaml(a)->version(), testing::RulesFromYaml(b)->version());
  EXPECT_EQ(testing::RulesFromYaml(a)->version(), testing::RulesFromYaml(a)->version());
}

TEST(RuleSet, ExplainShowsWhatMatchedAndWhyARuleDidNot) {
  auto set = testing::RulesFromYaml(R"y(rules:
  - id: late
    category: complaint
    match: {any: ["kargo gelmedi"]}
  - id: card
    category: complaint
    match: {all: ["kargo*", "kart*"]}
)y");
  ASSERT_NE(set, nullptr);
  const auto explained =
      set->Explain(Normalize("KARGOM GELMEDI, KARGO GELMEDI", true), MatchContext{});
  ASSERT_EQ(explained.size(), 2u);
  EXPECT_EQ(explained[0].rule->id, "late");
  EXPECT_TRUE(explained[0].matched);
  ASSERT_FALSE(explained[0].items.empty());
  EXPECT_EQ(explained[0].items[0].matched, "kargo gelmedi");
  EXPECT_EQ(explained[1].rule->id, "card");
  EXPECT_FALSE(explained[1].matched);
  EXPECT_NE(explained[1].why_not.find("kart*"), std::string::npos) << explained[1].why_not;
}

// Each item is shown as its rule writes it, at its own line, even when two
// spellings fold to one pattern; a near item only when it holds.
TEST(RuleSet, ExplainShowsItemsAsWrittenAndNearItemsOnlyWhenTheyHold) {
  auto set = testing::RulesFromYaml(R"y(rules:
  - id: late
    category: complaint
    match:
      any:
        - "hala gelmedi"
        - "hâlâ gelmedi"
        - near: ["dediniz", "gelmedi"]
          within: 2
)y");
  ASSERT_NE(set, nullptr);
  auto explained = set->Explain(Normalize("kargom hala gelmedi", true), Lang("tr"));
  ASSERT_EQ(explained.size(), 1u);
  ASSERT_EQ(explained[0].items.size(), 2u);
  EXPECT_EQ(explained[0].items[0].written, "hala gelmedi");
  EXPECT_EQ(explained[0].items[0].where.line, 6);
  EXPECT_EQ(explained[0].items[1].written, "hâlâ gelmedi");
  EXPECT_EQ(explained[0].items[1].where.line, 7);
  EXPECT_EQ(explained[0].items[1].matched, "hala gelmedi");
  // Both sides within two words: now the near item is shown, once per side.
  explained = set->Explain(Normalize("yarın gelir dediniz gelmedi", true), Lang("tr"));
  ASSERT_EQ(explained.size(), 1u);
  ASSERT_EQ(explained[0].items.size(), 2u);
  EXPECT_EQ(explained[0].items[0].written, "dediniz");
  EXPECT_EQ(explained[0].items[1].written, "gelmedi");
}

TEST(RuleSet, ExplainShowsTheItemsOfAMacroThatHeld) {
  auto set = testing::RulesFromYaml(R"y(macros:
  unauthorised:
    any: ["izinsiz", "bilgim dışında"]
  taken:
    all: [{macro: unauthorised}, "kesil*"]
rules:
  - id: fee
    category: complaint
    match:
      all: ["aidat*", {macro: taken}]
)y");
  ASSERT_NE(set, nullptr);
  const auto explained = set->Explain(Normalize("izinsiz aidat kesildi", true), Lang("tr"));
  ASSERT_EQ(explained.size(), 1u);
  EXPECT_TRUE(explained[0].matched);
  std::vector<std::string> shown;
  for (const ItemMatch& item : explained[0].items) {
    shown.push_back(item.list + " " + item.written + " = " + item.matched + " @" +
                    std::to_string(item.where.line));
  }
  EXPECT_EQ(shown, (std::vector<std::string>{
                       "all aidat* = aidat @10",
                       "all {macro: taken} {macro: unauthorised} izinsiz = izinsiz @3",
                       "all {macro: taken} kesil* = kesildi @5",
                   }));
}

TEST(RuleSet, ExplainTakesRulesByIdThatNothingMatched) {
  auto set = testing::RulesFromYaml(R"y(rules:
  - {id: late, category: complaint, match: {any: ["gecikti"]}}
  - {id: lost, category: complaint, match: {any: ["kayboldu"]}}
  - {id: rude, category: complaint, match: {all: ["kaba", "personel"]}}
)y");
  ASSERT_NE(set, nullptr);
  const NormalizedText text = Normalize("paket gecikti, personel ilgisiz", true);
  EXPECT_EQ(set->Explain(text, Lang("tr")).size(), 2u);  // late matched, rude's "personel" fired
  const auto explained = set->Explain(text, Lang("tr"), {"lost", "late", "no.such.rule"});
  std::vector<std::string> shown;
  shown.reserve(explained.size());
  for (const RuleExplanation& e : explained) {
    shown.push_back(e.rule->id + (e.matched ? " matched" : " no: " + e.why_not));
  }
  EXPECT_EQ(shown, (std::vector<std::string>{"late matched", "lost no: no 'any' item matched",
                                             "rude no: 'all' item 'kaba' did not match"}));
}

TEST(RuleSet, ManyRegexesRunAloneBehindTheirLiterals) {
  std::string yaml = "rules:\n";
  for (int i = 0; i < 2000; ++i) {
    yaml += "  - {id: r" + std::to_string(i) + ", category: complaint, match: {any: [\"kelime" +
            std::to_string(i) + "\", {regex: \"sipari[s]+ " + std::to_string(i) + "\\\\b\"}]}}\n";
  }
  auto set = testing::RulesFromYaml(yaml);
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->pattern_count(), 4000u);
  // Terms go to the term index; each regex, held back by its literals
  // ("sipari" leads every match), runs alone where they occur: no set.
  EXPECT_EQ(set->shard_count(), 0u);
  EXPECT_EQ(Match(*set, "kelime1234 geldi"), Ids{"r1234"});
  EXPECT_EQ(Match(*set, "siparis 77"), Ids{"r77"});
  EXPECT_EQ(Match(*set, "sipariss 77 ve siparis 1999"), (Ids{"r77", "r1999"}));
}

// A regex that no literal holds back (no word to find, no mark) would
// search every post on its own; such regexes share an RE2::Set scan, and
// a set that does not fit its budget is split, not refused.
TEST(RuleSet, RegexesNothingHoldsBackShareASetSplitToFitItsBudget) {
  std::string yaml = "rules:\n";
  for (int i = 1; i <= 120; ++i) {
    yaml += "  - {id: r" + std::to_string(i) +
            ", category: complaint, match: {any: [{regex: \"\\\\b[0-9]{" + std::to_string(i) +
            "}q\\\\b\"}]}}\n";
  }
  yaml +=
      "  - {id: held, category: complaint, match: {any: [{regex: \"\\\\bkargo\\\\s+[0-9]+\"}]}}\n";
  RuleSetOptions tight;
  tight.max_mem_bytes = int64_t{64} * 1024;
  auto set = testing::RulesFromYaml(yaml, tight);
  ASSERT_NE(set, nullptr);
  EXPECT_GT(set->shard_count(), 1u);
  EXPECT_EQ(Match(*set, "kod 123q geldi"), Ids{"r3"});
  EXPECT_EQ(Match(*set, "1q"), Ids{"r1"});
  EXPECT_EQ(Match(*set, "0123q kargo 5"), (Ids{"r4", "held"}));
  EXPECT_EQ(Match(*set, "a123q"), Ids{});
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

TEST(RuleSet, VersionChangesWhenOnlyAPriorityChanges) {
  const std::string a =
      R"y(rules: [{id: r, category: complaint, priority: p2, match: {any: ["x"]}}])y";
  const std::string b =
      R"y(rules: [{id: r, category: complaint, priority: p1, match: {any: ["x"]}}])y";
  EXPECT_NE(testing::RulesFromYaml(a)->version(), testing::RulesFromYaml(b)->version());
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

TEST(RuleSet, TermsMatchHashtagWordsButNotInsideUrlsOrMentions) {
  auto set = testing::RulesFromYaml(R"y(rules:
  - {id: late, category: complaint, match: {any: ["kargo gelmedi"]}}
  - {id: brand, category: neutral, match: {any: ["@hizlikargo"]}}
)y");
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(Match(*set, "#KargoGelmedi"), Ids{"late"});
  EXPECT_EQ(Match(*set, "bakin https://ornek.com/kargo-gelmedi"), Ids{});
  EXPECT_EQ(Match(*set, "@HizliKargo merhaba"), Ids{"brand"});
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

// How people really write, against terms written once, properly.
TEST(RuleSet, RealWorldVariantsTable) {
  auto set = testing::RulesFromYaml(R"y(rules:
  - {id: tr.bad, category: complaint, match: {any: ["çok kötü"]}}
  - {id: tr.refund, category: complaint, match: {any: ["iade*"]}}
  - {id: tr.not_arrived, category: complaint, match: {any: ["kargom gelmedi"]}}
  - {id: tr.awful, category: complaint, match: {any: ["berbat*"]}}
  - {id: en.refund, category: complaint, match: {any: ["refund*"]}}
  - {id: en.worst, category: complaint, match: {any: ["worst service"]}}
)y");
  ASSERT_NE(set, nullptr);
  const std::vector<std::pair<std::string, std::string>> table = {
      {"çok kötü", "tr.bad"},
      {"cok kotu", "tr.bad"},
      {"ÇOK KÖTÜ", "tr.bad"},
      {"COK KOTU!!!", "tr.bad"},
      {"çoook kötüüü", "tr.bad"},
      {"Çok, kötü.", "tr.bad"},
      {"İADE", "tr.refund"},
      {"IADE", "tr.refund"},
      {"iadem", "tr.refund"},
      {"iadesi", "tr.refund"},
      {"İadeyi", "tr.refund"},
      {"#iadeistiyorum", "tr.refund"},
      {"KARGOM GELMEDİ", "tr.not_arrived"},
      {"kargom gelmedi 😡", "tr.not_arrived"},
      {"berbaaaat", "tr.awful"},
      {"BERBATSINIZ", "tr.awful"},
      {"Refund", "en.refund"},
      {"REFUNDED?", "en.refund"},
      {"refunds", "en.refund"},
      {"worst  SERVICE ever", "en.worst"},
      {"#WorstService", "en.worst"},
  };
  for (const auto& [text, id] : table) EXPECT_EQ(Match(*set, text), Ids{id}) << text;
  for (const char* text : {"kötü değil çok", "kargomu aldım", "refundable"}) {
    const Ids got = Match(*set, text);
    EXPECT_TRUE(std::find(got.begin(), got.end(), "tr.bad") == got.end()) << text;
  }
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

TEST(RuleSet, NearTakesAListOnEitherSide) {
  auto set = testing::RulesFromYaml(R"y(lists:
  money: ["para", "ücret*", "refund"]
rules:
  - id: money_taken
    category: complaint
    match:
      any: [{near: ["$money", "çekil*"], within: 1}]
  - id: taken_money
    category: complaint
    match:
      any: [{near: ["kesil*", "$money"], within: 0}]
)y");
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(Match(*set, "hesabımdan para çekildi"), Ids{"money_taken"});
  EXPECT_EQ(Match(*set, "ücretim izinsiz çekilmiş"), Ids{"money_taken"});
  EXPECT_EQ(Match(*set, "ücretim ile ilgili olarak çekilmiş"), Ids{});
  EXPECT_EQ(Match(*set, "kesilen ücret"), Ids{"taken_money"});
  EXPECT_EQ(Match(*set, "list çekildi"), Ids{});  // "$money" is not the word "money"
}

TEST(RuleSet, LanguageDecidesWhichRulesApplyEvenWhenTheyShareTerms) {
  auto set = testing::RulesFromYaml(R"y(rules:
  - {id: tr_rule, category: complaint, lang: tr, match: {any: ["iptal*", {regex: "\\bip+tal"}]}}
  - {id: en_rule, category: complaint, lang: en, match: {any: ["iptal*", "cancel*"]}}
  - {id: any_rule, category: complaint, match: {any: ["iptal*"]}}
)y");
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(Match(*set, "iptal edin", Lang("tr")), (Ids{"tr_rule", "any_rule"}));
  EXPECT_EQ(Match(*set, "iptal please", Lang("en")), (Ids{"en_rule", "any_rule"}));
  EXPECT_EQ(Match(*set, "iptal", Lang("de")), Ids{"any_rule"});
  EXPECT_EQ(Match(*set, "iptal"), (Ids{"tr_rule", "en_rule", "any_rule"}));
  // Explain still lists the other language's rule, with the reason.
  const auto explained = set->Explain(Normalize("iptal", true), Lang("tr"));
  ASSERT_EQ(explained.size(), 3u);
  EXPECT_EQ(explained[1].rule->id, "en_rule");
  EXPECT_FALSE(explained[1].matched);
  EXPECT_EQ(explained[1].why_not, "rule is for lang en, post is tr");
}

class LoadRuleSetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("earshot_load_rules_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }
  std::filesystem::path dir_;
};

TEST_F(LoadRuleSetTest, ADirectoryWithoutRuleFilesIsAnError) {
  Write("README.txt", "not rules\n");
  std::vector<Diagnostic> d;
  const auto set = LoadRuleSet({dir_.string()}, RuleSetOptions{}, &d);
  EXPECT_FALSE(set.ok());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "no_rules");
  EXPECT_EQ(d[0].severity, Severity::kError);
  EXPECT_NE(d[0].message.find("no rule files"), std::string::npos) << d[0].message;
}

TEST_F(LoadRuleSetTest, RuleFilesWithoutAnyRuleAreAnError) {
  Write("lists.yaml", "lists:\n  couriers: [kurye]\n");
  Write("empty.yml", "");
  std::vector<Diagnostic> d;
  const auto set = LoadRuleSet({dir_.string()}, RuleSetOptions{}, &d);
  EXPECT_FALSE(set.ok());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "no_rules");
  EXPECT_NE(d[0].message.find("no rules in 2 rule file(s)"), std::string::npos) << d[0].message;
}

TEST_F(LoadRuleSetTest, OneRuleIsEnough) {
  Write("lists.yaml", "lists:\n  couriers: [kurye]\n");
  Write("rules.yaml", "rules: [{id: r, category: complaint, match: {any: [$couriers]}}]\n");
  std::vector<Diagnostic> d;
  const auto set = LoadRuleSet({dir_.string()}, RuleSetOptions{}, &d);
  ASSERT_TRUE(set.ok());
  EXPECT_EQ((*set)->rules().size(), 1u);
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

// Every regex here runs alone behind the literal prefilter, those that step
// over words (SkipsOverText) as well; a rule cannot tell the difference.
TEST(RuleSet, RegexesThatStepOverWordsMatchLikeAnyOther) {
  auto set = testing::RulesFromYaml(R"y(rules:
  - {id: gap, category: complaint, match: {any: [{regex: "\\bkargo\\s+(\\S+\\s+){0,2}gelmedi\\b"}]}}
  - {id: plain, category: complaint, match: {any: [{regex: "\\b(iade|para)\\w*\\s+yok"}]}}
  - {id: both, category: complaint, match: {all: [{regex: "\\bbeklet.{0,20}saat"}, "kargo"]}}
)y");
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->shard_count(), 0u);  // all three run alone
  EXPECT_EQ(Match(*set, "Kargo HALA gelmedi"), Ids{"gap"});
  EXPECT_EQ(Match(*set, "kargo bir iki üç gelmedi"), Ids{});
  EXPECT_EQ(Match(*set, "iadem yok"), Ids{"plain"});
  EXPECT_EQ(Match(*set, "kargo beni 5 saat beklettı, sonra saat 3"), Ids{"both"});
  EXPECT_EQ(Match(*set, "kargo beklettiler saatlerce kargo gelmedi"), (Ids{"gap", "both"}));
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

// Regexes are grouped by their rules' language. A post of a known language
// runs only its language's prefilter, which holds the shared ("any")
// regexes as well; a post of another language runs the shared one; a post
// of no known language runs the shared one and every language's own
// regexes. What matches must not change.
TEST(RuleSet, RegexGroupsByLanguageChangeNothingThatMatches) {
  auto set = testing::RulesFromYaml(R"y(rules:
  - {id: tr_late, lang: tr, category: complaint, match: {any: [{regex: "\\bkargo\\s+(\\S+\\s+)?gelmedi"}]}}
  - {id: en_late, lang: en, category: complaint, match: {any: [{regex: "\\bkargo\\s+(\\S+\\s+)?gelmedi"}]}}
  - {id: en_only, lang: en, category: complaint, match: {any: [{regex: "\\bnot\\s+(\\S+\\s+)?arrived"}, {regex: "\\bnever\\s+came"}]}}
  - {id: tr_only, lang: tr, category: complaint, match: {any: [{regex: "\\bhala\\s+gelmedi"}]}}
  - {id: any_lang, category: complaint, match: {any: [{regex: "\\b(kargo|parcel)\\w*"}]}}
  - {id: tr_shared, lang: tr, category: complaint, match: {any: [{regex: "\\bnever\\s+c\\w+"}]}}
  - {id: en_shared, lang: en, category: complaint, match: {any: [{regex: "\\bnever\\s+c\\w+"}]}}
)y");
  ASSERT_NE(set, nullptr);
  const std::string text = "kargo hala gelmedi, not yet arrived, never came";
  EXPECT_EQ(Match(*set, text, Lang("tr")), (Ids{"tr_late", "tr_only", "any_lang", "tr_shared"}));
  EXPECT_EQ(Match(*set, text, Lang("en")), (Ids{"en_late", "en_only", "any_lang", "en_shared"}));
  EXPECT_EQ(Match(*set, text, Lang("")), (Ids{"tr_late", "en_late", "en_only", "tr_only",
                                              "any_lang", "tr_shared", "en_shared"}));
  EXPECT_EQ(Match(*set, text, Lang("de")), Ids{"any_lang"});
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

class UnfilteredRegexTest : public LoadRuleSetTest {};

TEST_F(UnfilteredRegexTest, ARegexNoLiteralHoldsBackIsAWarningAtItsPlaceAnAnchoredOneIsNot) {
  // One alternation of 19 endings after a gap: RE2 finds no word every
  // match must contain, so the regex would run on nearly every post. The
  // same endings split in two regexes are held back by their words.
  Write("r.yaml", R"y(rules:
  - id: long
    category: complaint
    lang: tr
    match:
      any:
        - regex: "\\b(\\d+|bir|iki|uc|dort|bes|on)\\s+(gundur|haftadir|aydir)\\s+(\\S+\\s+){0,2}(bitmedi|tamamlanmadi|sonuclanmadi|cozulmedi|halledilmedi|yapilmadi|duzelmedi|haber\\s+yok|ses\\s+yok|donus\\s+yok|donmedi\\w*|donulmedi|donus\\s+yapilmadi|donus\\s+yapmadi\\w*|aramadi\\w*|bekliyorum|bekliyoruz|bekletil\\w*|bekletiyor\\w*|cevap\\s+verilmedi|cevap\\s+vermedi\\w*|yanit\\s+vermedi\\w*)\\b"
  - id: split
    category: complaint
    lang: tr
    match:
      any:
        - regex: "\\b(\\d+|bir|iki|uc|dort|bes|on)\\s+(gundur|haftadir|aydir)\\s+(\\S+\\s+){0,2}(bitmedi|tamamlanmadi|sonuclanmadi|cozulmedi|halledilmedi|yapilmadi|duzelmedi|haber\\s+yok|ses\\s+yok|donus\\s+yok)\\b"
        - regex: "\\b(\\d+|bir|iki|uc|dort|bes|on)\\s+(gundur|haftadir|aydir)\\s+(\\S+\\s+){0,2}(donmedi\\w*|donulmedi|aramadi\\w*|cevap\\s+verilmedi|cevap\\s+vermedi\\w*|yanit\\s+vermedi\\w*)\\b"
        - regex: "\\b(\\d+|bir|iki|uc|dort|bes|on)\\s+(gundur|haftadir|aydir)\\s+(\\S+\\s+){0,2}(bekliyorum|bekliyoruz|bekletil\\w*|bekletiyor\\w*)\\b"
  - id: question
    category: question
    lang: en
    match:
      any:
        # No literal of three letters, but it cannot match without a '?'.
        - regex: "\\b(is|are|do)\\s+\\S+\\b[^.!]*\\?"
  - id: ends
    category: neutral
    lang: en
    match:
      any:
        # No literal at all, but tried at the end of the text only.
        - regex: "[!.]\\s*$"
  - id: digits
    category: neutral
    lang: en
    match:
      any:
        # Nothing at all holds it back: it shares a set scan, and is reported.
        - regex: "\\b[0-9]{3}[a-z]\\b"
)y");
  std::vector<Diagnostic> d;
  const auto set = LoadRuleSet({dir_.string()}, RuleSetOptions{}, &d);
  ASSERT_TRUE(set.ok()) << (d.empty() ? "" : d[0].ToString());
  std::vector<const Diagnostic*> warnings;
  for (const Diagnostic& x : d) {
    if (x.code == "pattern_unfiltered") warnings.push_back(&x);
  }
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0]->severity, Severity::kWarning);
  EXPECT_EQ(warnings[0]->line, 7);
  EXPECT_EQ(warnings[0]->column, 18);
  EXPECT_NE(warnings[0]->file.find("r.yaml"), std::string::npos);
  EXPECT_EQ(warnings[1]->line, 36);
  EXPECT_EQ((*set)->shard_count(), 1u);  // "digits" alone is in a set
  EXPECT_EQ(Match(**set, "kod 123a", Lang("en")), (Ids{"digits"}));
  // A warning only: the regex still matches.
  EXPECT_EQ(Match(**set, "3 gündür bekliyorum", Lang("tr")), (Ids{"long", "split"}));
  EXPECT_EQ(Match(**set, "that is all.", Lang("en")), (Ids{"ends"}));
}

}  // namespace
}  // namespace earshot
