// YamlDocument against YAML::Load: same kinds, scalars and marks, node by
// node, on documents that use what rule files use and what they might.
#include "pipeline/match/yaml_tree.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "app/config.h"

namespace earshot {
namespace {

// Walks `ours` and `theirs` together; the path says where they differ.
void ExpectSameTree(const YamlNode& ours, const YAML::Node& theirs, const std::string& path) {
  ASSERT_EQ(ours.IsDefined(), theirs.IsDefined()) << path;
  if (!theirs.IsDefined()) return;
  EXPECT_EQ(ours.IsNull(), theirs.IsNull()) << path;
  EXPECT_EQ(ours.IsScalar(), theirs.IsScalar()) << path;
  EXPECT_EQ(ours.IsSequence(), theirs.IsSequence()) << path;
  EXPECT_EQ(ours.IsMap(), theirs.IsMap()) << path;
  EXPECT_EQ(ours.Mark().line, theirs.Mark().line) << path;
  EXPECT_EQ(ours.Mark().column, theirs.Mark().column) << path;
  if (theirs.IsScalar()) {
    EXPECT_EQ(ours.Scalar(), theirs.Scalar()) << path;
  }
  ASSERT_EQ(ours.size(), theirs.size()) << path;
  if (theirs.IsSequence()) {
    size_t i = 0;
    for (const YamlNode& item : ours.items()) {
      ExpectSameTree(item, theirs[i], path + "[" + std::to_string(i) + "]");
      ExpectSameTree(ours[i], theirs[i], path + "[" + std::to_string(i) + "] by index");
      ++i;
    }
    EXPECT_EQ(i, theirs.size()) << path;
  }
  if (theirs.IsMap()) {
    auto it = theirs.begin();
    for (const auto& kv : ours.entries()) {
      ASSERT_TRUE(it != theirs.end()) << path;
      std::string where = path;
      where.append(".").append(it->first.IsScalar() ? it->first.Scalar() : "?");
      ExpectSameTree(kv.first, it->first, where + " (key)");
      ExpectSameTree(kv.second, it->second, where);
      ++it;
    }
    EXPECT_TRUE(it == theirs.end()) << path;
  }
}

void ExpectSameAsYamlCpp(const std::string& text) {
  YamlDocument document;
  document.Parse(text);
  const YAML::Node theirs = YAML::Load(text);
  ExpectSameTree(document.root(), theirs, "root");
}

TEST(YamlTree, ARuleFileReadsAsYamlLoadReadsIt) {
  ExpectSameAsYamlCpp(R"(# a comment
lists:
  late_words: [gecikti, "geç kaldı", 'late']
macros:
  delivery:
    any:
      - kargo*
      - {regex: "\\bkargo\\s+(\\S+\\s+)?gelmedi"}
rules:
  - id: tr.delivery.late
    description: >-
      Folded text
      over two lines
    category: complaint
    priority: p2
    lang: tr
    enabled: true
    sla: 30m
    channels: [x, instagram]
    urgent: []
    when:
      min_followers: 1000
      verified: yes
    match:
      any:
        - "$late_words"
        - near: [kargo, gelmedi]
          within: 4
        - macro: delivery
      none:
        - iade
    tests:
      - text: "Kargom hâlâ gelmedi!"
        expect: match
        class: complaint
      - text: |
          a literal
          block
        expect: no_match
)");
}

TEST(YamlTree, EveryShippedRulePackReadsAsYamlLoadReadsIt) {
  int packs = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(DataRoot() + "/rules")) {
    if (entry.path().extension() != ".yaml") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    SCOPED_TRACE(entry.path().string());
    ExpectSameAsYamlCpp(text.str());
    ++packs;
  }
  EXPECT_GE(packs, 2);
}

TEST(YamlTree, NullsAnchorsAliasesAndTagsReadAsYamlLoadReadsThem) {
  ExpectSameAsYamlCpp(R"(a: ~
b: null
c:
d: &shared
  - one
  - two
e: *shared
f: !!str 123
g: ""
h: [ ]
i: { }
"quoted key": 'single'
? complex
: value
)");
}

TEST(YamlTree, EmptyAndScalarOnlyDocuments) {
  ExpectSameAsYamlCpp("");
  ExpectSameAsYamlCpp("# only a comment\n");
  ExpectSameAsYamlCpp("just a scalar");
  ExpectSameAsYamlCpp("- a\n- b\n---\n- second document, not read\n");
}

TEST(YamlTree, MissingKeysAndIndicesAreUndefinedNotErrors) {
  YamlDocument document;
  document.Parse("map: {a: 1}\nlist: [x]\nscalar: s\n");
  const YamlNode& root = document.root();
  EXPECT_TRUE(root["map"]["a"]);
  EXPECT_FALSE(root["map"]["b"]);
  EXPECT_FALSE(root["list"][1]);
  EXPECT_EQ(root["list"][0].Scalar(), "x");
  // Asking a scalar or a list for a key gives an undefined node, where
  // YAML::Node would throw for a scalar.
  EXPECT_FALSE(root["scalar"]["a"]);
  EXPECT_FALSE(root["list"]["a"]);
  EXPECT_EQ(root["nothing"]["deeper"].size(), 0u);
  EXPECT_EQ(root["scalar"].size(), 0u);
  size_t visited = 0;
  for (const YamlNode& item : root["map"].items()) visited += item.size() + 1;
  for (const auto& kv : root["list"].entries()) visited += kv.first.size() + 1;
  EXPECT_EQ(visited, 0u);  // a map has no items and a list no entries
}

TEST(YamlTree, ASyntaxErrorThrowsWhereYamlLoadThrows) {
  const std::string bad = "rules:\n  - id: a\n    match: [unclosed\n";
  YAML::Mark expected;
  try {
    YAML::Load(bad);
    FAIL() << "yaml-cpp accepted the text";
  } catch (const YAML::ParserException& e) {
    expected = e.mark;
  }
  YamlDocument document;
  try {
    document.Parse(bad);
    FAIL() << "the tree accepted the text";
  } catch (const YAML::ParserException& e) {
    EXPECT_EQ(e.mark.line, expected.line);
    EXPECT_EQ(e.mark.column, expected.column);
  }
  // A document that failed leaves no half-built root behind after a new parse.
  document.Parse("ok: 1\n");
  EXPECT_EQ(document.root()["ok"].Scalar(), "1");
}

}  // namespace
}  // namespace earshot
