// The rule authors' commands, run as a user runs them: the earshot binary.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "tests/support/child_process.h"

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
  run.exit_code = child.WaitFor(60s).value_or(-1);
  run.output = child.Log();
  return run;
}

std::string WriteFile(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "earshot-rules-test";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
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
}

TEST(RulesLintCommand, StrictTurnsWarningsIntoErrors) {
  const std::string pack =
      WriteFile("warning.yaml", "rules: [{id: r, category: complaint, match: {any: [x]}}]\n");
  EXPECT_EQ(Earshot({"rules", "lint", pack}, "lint-warn").exit_code, 0);
  EXPECT_EQ(Earshot({"rules", "lint", "--strict", pack}, "lint-strict").exit_code, 1);
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
}

}  // namespace
}  // namespace earshot
