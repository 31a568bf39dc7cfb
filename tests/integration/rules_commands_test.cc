// The rule authors' commands, run as a user runs them: the earshot binary.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/child_process.h"
#include "tests/support/scratch_dir.h"

namespace earshot {
namespace {

using namespace std::chrono_literals;

struct RunResult {
  int exit_code = -1;
  std::string output;
};

RunResult Earshot(const std::vector<std::string>& args, const std::string& name) {
  const std::string log = (std::filesystem::temp_directory_path() / (name + ".log")).string();
  std::filesystem::remove(log);
  std::vector<std::string> argv = {EARSHOT_BINARY, "--log-level", "warn"};
  argv.insert(argv.end(), args.begin(), args.end());
  testing::ChildProcess child(argv, log);
  RunResult run;
  // A bound for a hung command, not a speed check: under a sanitizer on a
  // busy machine, loading the shipped rules has taken 60 s.
  run.exit_code = child.WaitFor(240s).value_or(-1);
  run.output = child.Log();
  return run;
}

std::string WriteFile(const std::string& name, const std::string& text) {
  const auto& dir = testing::ProcessScratchDir("earshot-rules-test-");
  std::string path = (dir / name).string();
  std::ofstream(path) << text;
  return path;
}

const std::string kRoot = EARSHOT_SOURCE_ROOT;

TEST(RulesTestCommand, PassesOnTheShippedPacks) {
  const RunResult run = Earshot({"rules", "test", kRoot + "/rules/core"}, "rules-test-shipped");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find(" passed, 0 failed"), std::string::npos) << run.output;
}

TEST(RulesTestCommand, FailsWithFileAndLineWhenATestIsBroken) {
  const std::string pack = WriteFile("broken-test.yaml", R"y(rules:
  - id: late
    category: complaint
    match: {any: ["kargo gelmedi"]}
    tests:
      - {text: "KARGO GELMEDI", expect: match}
      - {text: "kargo geldi", expect: match}
      - {text: "kargo gelmedi", expect: match, class: praise}
)y");
  const RunResult run = Earshot({"rules", "test", pack}, "rules-test-broken");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find(pack + ":7: rule late: expected a match, got none for \"kargo geldi\""),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find(pack + ":8: rule late: expected class praise, got complaint"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("1 passed, 2 failed"), std::string::npos) << run.output;
}

TEST(RulesTestCommand, ReportsFailuresAsJsonAndAsGithubAnnotations) {
  const std::string pack = WriteFile("format-test.yaml", R"y(rules:
  - id: late
    category: complaint
    match: {any: ["kargo gelmedi"]}
    tests:
      - {text: "KARGO GELMEDI", expect: match}
      - {text: "kargo geldi", expect: match}
)y");
  const RunResult json = Earshot({"rules", "test", "--format", "json", pack}, "test-json");
  EXPECT_EQ(json.exit_code, 1) << json.output;
  rapidjson::Document doc;
  doc.Parse(json.output.c_str());
  ASSERT_FALSE(doc.HasParseError()) << json.output;
  EXPECT_EQ(doc["passed"].GetInt(), 1);
  EXPECT_EQ(doc["failed"].GetInt(), 1);
  ASSERT_EQ(doc["failures"].Size(), 1U);
  const auto& failure = doc["failures"][0];
  EXPECT_EQ(failure["line"].GetInt(), 7);
  EXPECT_STREQ(failure["rule"].GetString(), "late");
  EXPECT_STREQ(failure["problem"].GetString(), "expected a match, got none");
  EXPECT_STREQ(failure["text"].GetString(), "kargo geldi");

  const RunResult github = Earshot({"rules", "test", "--format", "github", pack}, "test-github");
  EXPECT_EQ(github.exit_code, 1) << github.output;
  EXPECT_NE(github.output.find("::error file=" + pack +
                               ",line=7,title=rule test::rule late: expected a match, got none "
                               "for \"kargo geldi\""),
            std::string::npos)
      << github.output;

  // Rules that do not load: their diagnostics, and one failure.
  const std::string broken = WriteFile("format-test-broken.yaml",
                                       "rules: [{id: x, category: grumble, match: {any: [y]}}]\n");
  const RunResult load = Earshot({"rules", "test", "--format", "json", broken}, "test-json-load");
  EXPECT_EQ(load.exit_code, 1) << load.output;
  doc.Parse(load.output.c_str());
  ASSERT_FALSE(doc.HasParseError()) << load.output;
  EXPECT_EQ(doc["failed"].GetInt(), 1);
  ASSERT_GE(doc["diagnostics"].Size(), 1U);
  EXPECT_STREQ(doc["diagnostics"][0]["code"].GetString(), "invalid_value");
}

TEST(RulesLintCommand, ReportsEveryErrorWithFileLineColumnAndCaret) {
  const std::string pack = WriteFile("broken-lint.yaml", R"y(lists:
  couriers: ["kurye"]
rules:
  - id: a
    category: complaint
    priorty: p2
    match: {any: ["x"]}
  - id: b
    category: complaint
    match:
      any:
        - regex: "kargo (gelmedi"
        - "$courier"
  - id: c
    category: complaint
    match: {any: [{regex: "IADE"}]}
)y");
  const RunResult run = Earshot({"rules", "lint", pack}, "rules-lint-broken");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find(
                pack + ":6:5: error: unknown key 'priorty' in a rule (did you mean 'priority'?)"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find(pack + ":12:"), std::string::npos) << run.output;  // the regex
  EXPECT_NE(run.output.find("missing )"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find(pack +
                            ":13:11: error: undefined list '$courier' (did you mean '$couriers'?)"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find(pack + ":16:"), std::string::npos) << run.output;  // capital in regex
  EXPECT_NE(run.output.find("\n      priorty: p2\n      ^"), std::string::npos) << run.output;
  // In source order, as a compiler lists them, although the reader, the
  // collector and the set's build each report in their own pass.
  std::vector<int> lines;
  for (size_t at = run.output.find(pack + ":"); at != std::string::npos;
       at = run.output.find(pack + ":", at + 1)) {
    lines.push_back(std::stoi(run.output.substr(at + pack.size() + 1)));
  }
  EXPECT_GE(lines.size(), 5U) << run.output;
  EXPECT_TRUE(std::is_sorted(lines.begin(), lines.end())) << run.output;
}

TEST(RulesLintCommand, JsonAndGithubFormatsCarryTheSameDiagnostics) {
  const std::string pack = WriteFile("format-lint.yaml", R"y(rules:
  - id: a
    category: complaint
    match:
      any:
        - term: "iade"
        - regex: "kargo (gelmedi"
    tests: [{text: x, expect: match}]
)y");
  const RunResult json = Earshot({"rules", "lint", "--format", "json", pack}, "lint-json");
  EXPECT_EQ(json.exit_code, 1) << json.output;
  rapidjson::Document doc;
  doc.Parse(json.output.c_str());
  ASSERT_FALSE(doc.HasParseError()) << json.output;
  EXPECT_EQ(doc["errors"].GetInt(), 2);
  EXPECT_EQ(doc["files"].GetInt(), 1);
  EXPECT_FALSE(doc.HasMember("rules"));  // nothing loaded
  const auto& list = doc["diagnostics"];
  ASSERT_EQ(list.Size(), 2U);
  EXPECT_STREQ(list[0]["code"].GetString(), "unknown_key");
  EXPECT_EQ(list[0]["line"].GetInt(), 6);
  EXPECT_STREQ(list[1]["code"].GetString(), "regex_syntax");
  EXPECT_EQ(list[1]["line"].GetInt(), 7);
  EXPECT_EQ(list[1]["column"].GetInt(), 19);

  const RunResult github = Earshot({"rules", "lint", "--format", "github", pack}, "lint-github");
  EXPECT_EQ(github.exit_code, 1) << github.output;
  EXPECT_NE(github.output.find("::error file=" + pack + ",line=7,col=19,title=regex_syntax::"),
            std::string::npos)
      << github.output;
  EXPECT_NE(github.output.find("2 error(s), 0 warning(s) in 1 file(s)"), std::string::npos)
      << github.output;

  const RunResult clean =
      Earshot({"rules", "lint", "--format", "json", kRoot + "/rules"}, "lint-json-clean");
  EXPECT_EQ(clean.exit_code, 0) << clean.output;
  doc.Parse(clean.output.c_str());
  ASSERT_FALSE(doc.HasParseError()) << clean.output;
  EXPECT_EQ(doc["errors"].GetInt(), 0);
  EXPECT_GT(doc["rules"].GetInt(), 0);
  EXPECT_GT(doc["lexicon_entries"].GetInt(), 0);
  // An unknown format is refused by the option check.
  EXPECT_NE(Earshot({"rules", "lint", "--format", "sarif", pack}, "lint-bad-format").exit_code,
            0);  // CLI11's "validation error"
}

TEST(RulesLintCommand, StrictTurnsWarningsIntoErrors) {
  const std::string pack =
      WriteFile("warning.yaml", "rules: [{id: r, category: complaint, match: {any: [x]}}]\n");
  EXPECT_EQ(Earshot({"rules", "lint", pack}, "lint-warn").exit_code, 0);
  EXPECT_EQ(Earshot({"rules", "lint", "--strict", pack}, "lint-strict").exit_code, 1);
}

TEST(RulesLintCommand, ReportsLexiconProblemsWithFileLineColumn) {
  const std::string lexicon = WriteFile("broken-lexicon.tsv",
                                        "# entry<TAB>valence<TAB>note\n"
                                        "top-notch\t2.5\n"
                                        "awful -3.5\n"
                                        "bad\tvery\n"
                                        "frustrat* service\t-2.0\n"
                                        "top notch\t2.8\n");
  const RunResult run = Earshot({"rules", "lint", lexicon}, "rules-lint-lexicon");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(
      run.output.find(lexicon + ":3:6: error: expected entry<TAB>valence; the valence follows a "
                                "space here: use a tab"),
      std::string::npos)
      << run.output;
  EXPECT_NE(
      run.output.find(lexicon + ":4:5: error: valence 'very' is not a number"),  // at the valence
      std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find(lexicon + ":5:9: error: '*' marks a stem only at the end"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find(lexicon +
                            ":6:1: warning: entry 'top notch' repeats line 2 ('top-notch' reads "
                            "the same); this line's valence wins (2.8 over 2.5)"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("3 error(s), 1 warning(s) in 1 file(s)"), std::string::npos)
      << run.output;
}

TEST(RulesLintCommand, StrictTurnsLexiconWarningsIntoErrors) {
  const std::string lexicon = WriteFile("duplicate.tsv", "yesss\t2.0\nyes\t1.5\n");
  const RunResult lenient = Earshot({"rules", "lint", lexicon}, "lint-lexicon-warn");
  EXPECT_EQ(lenient.exit_code, 0) << lenient.output;
  EXPECT_NE(lenient.output.find("0 error(s), 1 warning(s) in 1 file(s), 1 lexicon entries"),
            std::string::npos)
      << lenient.output;
  const RunResult strict = Earshot({"rules", "lint", "--strict", lexicon}, "lint-lexicon-strict");
  EXPECT_EQ(strict.exit_code, 1) << strict.output;
  EXPECT_NE(strict.output.find(lexicon + ":2:1: error: entry 'yes' repeats line 1"),
            std::string::npos)
      << strict.output;
}

TEST(RulesLintCommand, TheShippedRulesDirectoryLintsCleanWithItsLexicons) {
  const RunResult run = Earshot({"rules", "lint", "--strict", kRoot + "/rules"}, "lint-shipped");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  // Both the rule packs (rules/core/*.yaml) and the lexicons (rules/lexicons/*.tsv) count.
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kRoot + "/rules")) {
    const std::string ext = entry.path().extension().string();
    files += entry.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".tsv") ? 1 : 0;
  }
  EXPECT_NE(run.output.find("0 error(s), 0 warning(s) in " + std::to_string(files) + " file(s), "),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find(" rules, "), std::string::npos) << run.output;
  EXPECT_NE(run.output.find(" lexicon entries"), std::string::npos) << run.output;
  // The lexicon directory alone is lexicons only, not "no rule files".
  const RunResult lexicons =
      Earshot({"rules", "lint", "--strict", kRoot + "/rules/lexicons"}, "lint-shipped-lexicons");
  EXPECT_EQ(lexicons.exit_code, 0) << lexicons.output;
  EXPECT_NE(lexicons.output.find("0 error(s), 0 warning(s) in 3 file(s), "), std::string::npos)
      << lexicons.output;
}

TEST(ExplainCommand, ShowsThePathForAsciiFoldedCapitalisedTurkish) {
  const RunResult run =
      Earshot({"explain", "KARGOM HALA GELMEDI, IADEMI ISTIYORUM", "--json"}, "explain");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  rapidjson::Document doc;
  doc.Parse(run.output.c_str());
  ASSERT_TRUE(doc.IsObject()) << run.output;
  EXPECT_STREQ(doc["lang"].GetString(), "tr");
  EXPECT_STREQ(doc["folded"].GetString(), "kargom hala gelmedi, iademi istiyorum");
  EXPECT_STREQ(doc["class"].GetString(), "complaint");
  bool delivery = false;
  for (const auto& rule : doc["rules"].GetArray()) {
    if (std::string(rule["id"].GetString()) == "tr.delivery.late" && rule["matched"].GetBool()) {
      delivery = true;
      ASSERT_GT(rule["items"].Size(), 0u);
      EXPECT_NE(std::string(rule["items"][0]["matched"].GetString()).find("gelmedi"),
                std::string::npos);
    }
  }
  EXPECT_TRUE(delivery) << run.output;
  EXPECT_TRUE(doc["alert"].GetBool());
}

// A rule-decided post whose words weigh nothing: explain shows the tone
// classify reports (rule_tone) beside the words' sentiment.
TEST(ExplainCommand, ShowsTheToneARuleLeansAPostWhoseWordsWeighNothing) {
  const RunResult json =
      Earshot({"explain", "iadem edilmedi", "--lang", "tr", "--json"}, "explain-tone");
  ASSERT_EQ(json.exit_code, 0) << json.output;
  rapidjson::Document doc;
  doc.Parse(json.output.c_str());
  ASSERT_TRUE(doc.IsObject()) << json.output;
  EXPECT_STREQ(doc["class"].GetString(), "complaint");
  EXPECT_EQ(doc["sentiment"].GetDouble(), 0.0);
  EXPECT_LT(doc["tone"].GetDouble(), 0.0);
  const RunResult text =
      Earshot({"explain", "iadem edilmedi", "--lang", "tr"}, "explain-tone-text");
  EXPECT_NE(text.output.find("tone:      -0.04"), std::string::npos) << text.output;
}

// The text output lines sentiment up by terminal columns, not bytes: an
// emoji (4 bytes, 2 columns) and an ASCII word end their column alike.
TEST(ExplainCommand, ARuleAskedForByIdIsExplainedEvenWhenNothingOfItMatched) {
  const RunResult run = Earshot(
      {"explain", "paketim hala ulaşmadı", "--rule", "tr.delivery.lost", "--json"}, "explain-rule");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  rapidjson::Document doc;
  doc.Parse(run.output.c_str());
  ASSERT_TRUE(doc.IsObject()) << run.output;
  bool found = false;
  for (const auto& rule : doc["rules"].GetArray()) {
    if (std::string(rule["id"].GetString()) != "tr.delivery.lost") continue;
    found = true;
    EXPECT_FALSE(rule["matched"].GetBool());
    EXPECT_STREQ(rule["why_not"].GetString(), "no 'any' item matched");
  }
  EXPECT_TRUE(found) << run.output;
  // A misspelt id is an error with a suggestion, not an empty answer.
  const RunResult typo = Earshot({"explain", "x", "--rule", "tr.delivery.los"}, "explain-typo");
  EXPECT_EQ(typo.exit_code, 2) << typo.output;
  EXPECT_NE(typo.output.find("no rule 'tr.delivery.los' (did you mean 'tr.delivery.lost'?)"),
            std::string::npos)
      << typo.output;
}

TEST(ExplainCommand, TextOutputAlignsValencesAfterEmoji) {
  const RunResult run = Earshot({"explain", "rezalet 😡", "--lang", "tr"}, "explain-columns");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  std::vector<size_t> value_columns;  // where "-" of each contribution's valence sits
  std::istringstream lines(run.output);
  bool in_sentiment = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("sentiment:", 0) == 0) {
      in_sentiment = true;
      continue;
    }
    if (!in_sentiment || line.empty()) {
      if (in_sentiment) break;
      continue;
    }
    const size_t sign = line.find(" -");
    ASSERT_NE(sign, std::string::npos) << line;
    // Columns before it: bytes minus the UTF-8 continuation bytes, plus one
    // for each wide emoji (the only wide characters in this text).
    size_t columns = 0;
    for (size_t i = 0; i < sign; ++i) {
      const auto c = static_cast<unsigned char>(line[i]);
      if ((c & 0xC0) != 0x80) columns += c >= 0xF0 ? 2 : 1;
    }
    value_columns.push_back(columns);
  }
  ASSERT_EQ(value_columns.size(), 2u) << run.output;
  EXPECT_EQ(value_columns[0], value_columns[1]) << run.output;
}

TEST(ExplainCommand, ABrandNamedInThePostGivesAGeneralComplaintRuleItsTarget) {
  // tr.general.strong_negative needs a target (docs/rules.md, needs_target).
  const RunResult alone = Earshot({"explain", "Turkcell rezalet", "--json"}, "explain-nobrand");
  ASSERT_EQ(alone.exit_code, 0) << alone.output;
  rapidjson::Document doc;
  doc.Parse(alone.output.c_str());
  ASSERT_TRUE(doc.IsObject()) << alone.output;
  EXPECT_STREQ(doc["class"].GetString(), "neutral");
  EXPECT_NE(std::string(doc["reason"].GetString()).find("tr.general.strong_negative matched, but"),
            std::string::npos)
      << alone.output;
  const RunResult named =
      Earshot({"explain", "Turkcell rezalet", "--brand", "turkcell", "--json"}, "explain-brand");
  ASSERT_EQ(named.exit_code, 0) << named.output;
  doc.Parse(named.output.c_str());
  ASSERT_TRUE(doc.IsObject()) << named.output;
  EXPECT_STREQ(doc["class"].GetString(), "complaint");
  EXPECT_TRUE(doc["alert"].GetBool());
}

TEST(RulesDiffCommand, ListsSamplePostsWhoseClassChanges) {
  const std::string old_pack = WriteFile("old.yaml", R"y(rules:
  - {id: late, category: complaint, match: {any: ["gecikti"]}, tests: [{text: gecikti, expect: match}]}
)y");
  const std::string new_pack = WriteFile("new.yaml", R"y(rules:
  - {id: late, category: complaint, match: {any: ["gecikti"]}, tests: [{text: gecikti, expect: match}]}
  - {id: hello, category: question, match: {any: ["merhabalar"]}, tests: [{text: merhabalar, expect: match}]}
)y");
  const std::string sample =
      WriteFile("sample.txt", "paket gecikti\nmerhabalar\nbugün hava bulutlu\n");
  const RunResult run =
      Earshot({"rules", "diff", old_pack, new_pack, "--sample", sample}, "rules-diff");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("line 2: neutral p4 -> question"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("(alert added)"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("1 of 3 sample posts change; alerts 1 -> 2"), std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("  hello                                    0 -> 1  (new or newly "
                            "matching)"),
            std::string::npos)
      << run.output;
}

TEST(RulesDiffCommand, ShowsRuleReachAndUrgentFlagsAndSpeaksJson) {
  // The edit narrows `late` and adds a churn flag to `cancel`: no post
  // changes class, but the reviewer sees what each rule now reaches.
  const std::string old_pack = WriteFile("old-reach.yaml", R"y(rules:
  - {id: late, category: complaint, match: {any: ["gecikti", "geç kaldı"]}, tests: [{text: gecikti, expect: match}]}
  - {id: cancel, category: complaint, match: {any: ["iptal ediyorum"]}, tests: [{text: iptal ediyorum, expect: match}]}
)y");
  const std::string new_pack = WriteFile("new-reach.yaml", R"y(rules:
  - {id: late, category: complaint, match: {any: ["gecikti"]}, tests: [{text: gecikti, expect: match}]}
  - {id: cancel, category: complaint, urgent: [churn], match: {any: ["iptal ediyorum"]}, tests: [{text: iptal ediyorum, expect: match}]}
)y");
  const std::string sample = WriteFile(
      "sample-reach.txt",
      "paket gecikti\n@kargo kurye yine geç kaldı, rezalet\naboneliğimi iptal ediyorum\n");
  const RunResult run =
      Earshot({"rules", "diff", old_pack, new_pack, "--sample", sample}, "rules-diff-reach");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("urgent - -> churn"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("  late                                     2 -> 1"), std::string::npos)
      << run.output;

  const RunResult json = Earshot(
      {"rules", "diff", old_pack, new_pack, "--sample", sample, "--json"}, "rules-diff-json");
  EXPECT_EQ(json.exit_code, 0) << json.output;
  rapidjson::Document doc;
  doc.Parse(json.output.c_str());
  ASSERT_FALSE(doc.HasParseError()) << json.output;
  EXPECT_EQ(doc["posts"].GetInt(), 3);
  ASSERT_EQ(doc["changes"].Size(), 1U) << json.output;
  const auto& change = doc["changes"][0];
  EXPECT_EQ(change["line"].GetInt(), 3);
  EXPECT_EQ(change["before"]["urgent"].Size(), 0U);
  ASSERT_EQ(change["after"]["urgent"].Size(), 1U);
  EXPECT_STREQ(change["after"]["urgent"][0].GetString(), "churn");
  ASSERT_EQ(doc["rules"].Size(), 1U) << json.output;
  EXPECT_STREQ(doc["rules"][0]["id"].GetString(), "late");
  EXPECT_EQ(doc["rules"][0]["before"].GetInt(), 2);
  EXPECT_EQ(doc["rules"][0]["after"].GetInt(), 1);
  EXPECT_NE(std::string(doc["version_before"].GetString()), doc["version_after"].GetString());
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

TEST(ClassifyCommand, ReadsTextTsvAndJsonlLines) {
  const std::string input = WriteFile(
      "classify-input.txt",
      "kargom hala gelmedi\n"
      "complaint\tİADEMİ İSTİYORUM\n"
      R"({"id":"j1","channel":"instagram","brand":"b","author":{"id":"u"},"text":"harika hizmet, teşekkürler","created_at":"2026-11-23T09:00:00Z"})"
      "\n{broken json\n"
      R"({"id":"j2","channel":"x","brand":"b","author":{"id":"u"},"text":"no date"})"
      "\n");
  const RunResult run = Earshot({"classify", input}, "classify");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  std::istringstream lines(run.output);
  std::vector<rapidjson::Document> docs;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] != '{') continue;
    docs.emplace_back();
    docs.back().Parse(line.c_str());
  }
  ASSERT_EQ(docs.size(), 5u) << run.output;
  EXPECT_STREQ(docs[0]["class"].GetString(), "complaint");
  EXPECT_STREQ(docs[0]["lang"].GetString(), "tr");
  EXPECT_STREQ(docs[1]["class"].GetString(), "complaint");
  EXPECT_STREQ(docs[2]["id"].GetString(), "j1");
  EXPECT_STREQ(docs[2]["class"].GetString(), "praise");
  EXPECT_TRUE(docs[2].HasMember("sentiment") && docs[2].HasMember("matched_rules") &&
              docs[2].HasMember("priority") && docs[2].HasMember("urgent") &&
              docs[2].HasMember("confidence"));
  // The tone and the strength the class was decided on agree in sign.
  ASSERT_TRUE(docs[2].HasMember("sentiment_strength")) << run.output;
  // The language comes with whether it was guessed, and how surely.
  ASSERT_TRUE(docs[2].HasMember("lang_detected") && docs[2].HasMember("lang_confidence"))
      << run.output;
  EXPECT_GT(docs[2]["sentiment"].GetDouble(), 0);
  EXPECT_GT(docs[2]["sentiment_strength"].GetDouble(), 0);
  EXPECT_STREQ(docs[3]["error"].GetString(), "json_syntax");
  // A bad line says what is wrong with it, not only the code.
  EXPECT_STREQ(docs[4]["error"].GetString(), "missing_field");
  ASSERT_TRUE(docs[4].HasMember("message")) << run.output;
  EXPECT_NE(std::string(docs[4]["message"].GetString()).find("created_at"), std::string::npos)
      << run.output;
}

TEST(ClassifyCommand, ABrandGivenMakesAPostNamingItAimAtTheCompany) {
  // Angry at a handle and nothing else: a complaint to answer only when the
  // handle is the brand's. A JSON post keeps its own brand.
  const std::string input = WriteFile(
      "classify-brand.txt",
      "@trendyol 😡😡😡\n"
      R"({"id":"j","channel":"x","brand":"hepsiburada","author":{"id":"u"},"text":"@trendyol 😡😡😡","created_at":"2026-11-23T09:00:00Z"})"
      "\n");
  auto classes = [](const std::string& output) {
    std::vector<std::string> out;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
      if (line.empty() || line[0] != '{') continue;
      rapidjson::Document doc;
      doc.Parse(line.c_str());
      out.emplace_back(doc["class"].GetString());
    }
    return out;
  };
  const RunResult without = Earshot({"classify", input}, "classify-no-brand");
  EXPECT_EQ(classes(without.output), (std::vector<std::string>{"neutral", "neutral"}))
      << without.output;
  const RunResult with = Earshot({"classify", "--brand", "trendyol", input}, "classify-brand");
  EXPECT_EQ(classes(with.output), (std::vector<std::string>{"complaint", "neutral"}))
      << with.output;
}

TEST(EvalCommand, PrintsTheFiguresOfEachTask) {
  const std::string complaints = WriteFile("eval-complaints.tsv",
                                           "complaint\tmy order never arrived and nobody "
                                           "answers\nnot_complaint\tthanks, great service\n");
  RunResult run =
      Earshot({"eval", complaints, "--task", "complaint", "--errors", "2"}, "eval-complaint");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  for (const char* key : {"precision: ", "recall: ", "f1: ", "macro_f1: ", "items_per_second: "}) {
    EXPECT_NE(run.output.find(key), std::string::npos) << key << "\n" << run.output;
  }
  const std::string sentiment =
      WriteFile("eval-sentiment.tsv", "2.5\tI love it\n-3.1\tterrible, awful\n0.1\tok\n");
  run = Earshot({"eval", sentiment, "--task", "sentiment"}, "eval-sentiment");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("pearson_r: "), std::string::npos) << run.output;
  const std::string polarity =
      WriteFile("eval-polarity.tsv", "positive\tharika bir film\nnegative\tberbat bir film\n");
  run = Earshot({"eval", polarity, "--task", "polarity"}, "eval-polarity");
  EXPECT_NE(run.output.find("macro_f1: 1.0000"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("abstention: 0.0000"), std::string::npos) << run.output;
  EXPECT_EQ(run.output.find("items_per_second_warm: "), std::string::npos) << run.output;
}

// A line the task cannot score (a misspelt label, a rating that is no
// number, no tab) is reported with its place, every one, and no figures
// are printed: a figure without those lines would not be the set's.
TEST(EvalCommand, RefusesLinesItCannotScoreWithFileAndLine) {
  const std::string polarity = WriteFile(
      "eval-bad-polarity.tsv", "positive\tharika bir film\nnegativ\tberbat\nno tab at all\n");
  RunResult run = Earshot({"eval", polarity, "--task", "polarity"}, "eval-bad-polarity");
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find(polarity + ":2: error: label 'negativ' is not one of the polarity"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find(polarity + ":3: error: expected LABEL<TAB>TEXT"), std::string::npos)
      << run.output;
  EXPECT_EQ(run.output.find("macro_f1"), std::string::npos) << run.output;
  const std::string sentiment = WriteFile("eval-bad-sentiment.tsv", "2.5\tlove it\nabc\tok\n");
  run = Earshot({"eval", sentiment, "--task", "sentiment"}, "eval-bad-sentiment");
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find(sentiment + ":2: error: label 'abc' is not a number"),
            std::string::npos)
      << run.output;
}

// The triage task scores the team's own posts: class and urgent flags,
// with the channel and stars each came with; a line it cannot read is
// refused with its place, and no figures are printed.
TEST(EvalCommand, TriageScoresClassAndFlagsAndRefusesBadLines) {
  const std::string triage =
      WriteFile("eval-triage.tsv",
                "complaint+legal\tx\t-\tparam iade edilmezse sizi mahkemeye vereceğim\n"
                "praise\tgoogle_maps\t5\tharika bir deneyimdi, çok teşekkürler\n"
                "question\tx\t-\tdo you deliver to Izmir?\n");
  RunResult run = Earshot({"eval", triage, "--task", "triage", "--errors", "3"}, "eval-triage");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  for (const char* key : {"accuracy: 1.0000", "exact: 1.0000", "flag_recall: 1.0000",
                          "flagged_posts_caught: 1/1", "legal: expected 1, given 1, right 1"}) {
    EXPECT_NE(run.output.find(key), std::string::npos) << key << "\n" << run.output;
  }
  const std::string bad =
      WriteFile("eval-triage-bad.tsv",
                "complaint+lawyer\tx\t-\tsue you\npraise\tgoogle_maps\t9\tgreat\nquestion\tx\n");
  run = Earshot({"eval", bad, "--task", "triage"}, "eval-triage-bad");
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find(bad + ":1: error: urgent flag 'lawyer'"), std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find(bad + ":2: error: rating '9'"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find(bad + ":3: error: expected CLASS[+FLAGS]"), std::string::npos)
      << run.output;
  EXPECT_EQ(run.output.find("accuracy"), std::string::npos) << run.output;
}

// --passes classifies the file again with the same classifier: the figures
// stay the first pass's, and the last pass's items/s is printed as well.
TEST(EvalCommand, MorePassesKeepTheFiguresAndAddTheWarmRate) {
  const std::string polarity = WriteFile(
      "eval-passes.tsv", "positive\tharika bir film\nnegative\tberbat bir film\npositive\tok\n");
  const RunResult once = Earshot({"eval", polarity, "--task", "polarity"}, "eval-passes-1");
  const RunResult thrice =
      Earshot({"eval", polarity, "--task", "polarity", "--passes", "3"}, "eval-passes-3");
  EXPECT_EQ(thrice.exit_code, 0) << thrice.output;
  EXPECT_NE(thrice.output.find("items_per_second_warm: "), std::string::npos) << thrice.output;
  // Everything but the timing lines is the same as after one pass.
  auto figures = [](const std::string& output) {
    std::istringstream lines(output);
    std::string kept;
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("items_per_second", 0) != 0) kept += line + "\n";
    }
    return kept;
  };
  EXPECT_EQ(figures(thrice.output), figures(once.output));
  EXPECT_NE(
      Earshot({"eval", polarity, "--task", "polarity", "--passes", "0"}, "eval-passes-0").exit_code,
      0);
}

}  // namespace
}  // namespace earshot
