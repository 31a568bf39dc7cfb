#include "pipeline/match/rule_reader.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "pipeline/normalize/normalizer.h"

namespace earshot {
namespace {

class Reader {
 public:
  Reader(std::string name, const std::string& text, std::vector<Diagnostic>* diagnostics)
      : name_(std::move(name)), diagnostics_(diagnostics) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines_.push_back(line);
  }

  void Error(const YAML::Mark& mark, const std::string& code, const std::string& message) {
    Diagnostic d;
    d.code = code;
    d.file = name_;
    d.line = mark.line + 1;
    d.column = mark.column + 1;
    d.message = message;
    if (mark.line >= 0 && static_cast<size_t>(mark.line) < lines_.size()) {
      d.snippet = lines_[static_cast<size_t>(mark.line)];
    }
    diagnostics_->push_back(std::move(d));
    ++errors_;
  }

  int errors() const { return errors_; }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  std::vector<std::string> lines_;
  std::vector<Diagnostic>* diagnostics_;
  int errors_ = 0;
};

bool ReadScalar(Reader& r, const YAML::Node& node, const std::string& key, std::string* out) {
  if (!node.IsScalar()) {
    r.Error(node.Mark(), "wrong_type", "'" + key + "' must be a string");
    return false;
  }
  *out = node.Scalar();
  return true;
}

bool OneOf(Reader& r, const YAML::Node& node, const std::string& key, const std::string& value,
           std::initializer_list<const char*> allowed) {
  std::string list;
  for (const char* a : allowed) {
    if (value == a) return true;
    list += list.empty() ? a : std::string(", ") + a;
  }
  r.Error(node.Mark(), "invalid_value",
          "'" + key + "' is '" + value + "'; expected one of: " + list);
  return false;
}

void ReadMatch(Reader& r, const YAML::Node& match, Rule* rule) {
  if (!match.IsMap()) {
    r.Error(match.Mark(), "wrong_type", "'match' must be a mapping with an 'any' list");
    return;
  }
  for (const auto& kv : match) {
    const std::string key = kv.first.Scalar();
    if (key != "any") {
      r.Error(kv.first.Mark(), "unknown_key",
              "unknown key '" + key + "' in 'match' (expected: any)");
      continue;
    }
    if (!kv.second.IsSequence() || kv.second.size() == 0) {
      r.Error(kv.second.Mark(), "wrong_type", "'any' must be a non-empty list of terms");
      continue;
    }
    for (const auto& item : kv.second) {
      if (item.IsScalar()) {
        const std::string folded = FoldForMatching(item.Scalar(), /*turkish=*/true);
        if (folded.find_first_not_of(" *") == std::string::npos) {
          r.Error(item.Mark(), "invalid_value", "empty term");
          continue;
        }
        rule->terms.push_back(TermToPattern(item.Scalar()));
      } else if (item.IsMap() && item["regex"] && item.size() == 1) {
        if (!item["regex"].IsScalar()) {
          r.Error(item["regex"].Mark(), "wrong_type", "'regex' must be a string");
          continue;
        }
        rule->regexes.push_back(item["regex"].Scalar());
      } else {
        r.Error(item.Mark(), "wrong_type", "a match item is a term string or {regex: PATTERN}");
      }
    }
  }
}

void ReadTests(Reader& r, const YAML::Node& tests, Rule* rule) {
  if (!tests.IsSequence()) {
    r.Error(tests.Mark(), "wrong_type", "'tests' must be a list");
    return;
  }
  for (const auto& t : tests) {
    if (!t.IsMap() || !t["text"] || !t["expect"]) {
      r.Error(t.Mark(), "wrong_type", "a test is {text: ..., expect: match|no_match}");
      continue;
    }
    RuleTest test;
    test.line = t.Mark().line + 1;
    test.text = t["text"].as<std::string>("");
    const std::string expect = t["expect"].as<std::string>("");
    if (!OneOf(r, t["expect"], "expect", expect, {"match", "no_match"})) continue;
    test.expect_match = expect == "match";
    rule->tests.push_back(std::move(test));
  }
}

void ReadRule(Reader& r, const YAML::Node& node, std::set<std::string>* ids,
              std::vector<Rule>* out) {
  if (!node.IsMap()) {
    r.Error(node.Mark(), "wrong_type", "each rule must be a mapping");
    return;
  }
  const int errors_before = r.errors();
  Rule rule;
  rule.file = r.name();
  rule.line = node.Mark().line + 1;
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& value = kv.second;
    std::string text;
    if (key == "id") {
      ReadScalar(r, value, key, &rule.id);
    } else if (key == "description") {
      ReadScalar(r, value, key, &rule.description);
    } else if (key == "category") {
      if (ReadScalar(r, value, key, &rule.category)) {
        OneOf(r, value, key, rule.category, {"complaint", "praise", "question", "neutral"});
      }
    } else if (key == "topic") {
      ReadScalar(r, value, key, &rule.topic);
    } else if (key == "priority") {
      if (ReadScalar(r, value, key, &text) &&
          OneOf(r, value, key, text, {"p1", "p2", "p3", "p4"})) {
        rule.priority = static_cast<Priority>(text[1] - '0');
      }
    } else if (key == "lang") {
      if (ReadScalar(r, value, key, &rule.lang))
        OneOf(r, value, key, rule.lang, {"tr", "en", "any"});
    } else if (key == "urgent") {
      if (!value.IsSequence()) {
        r.Error(value.Mark(), "wrong_type", "'urgent' must be a list");
        continue;
      }
      for (const auto& flag : value) {
        std::string f;
        if (ReadScalar(r, flag, "urgent", &f) &&
            OneOf(r, flag, "urgent", f, {"legal", "safety", "media", "churn", "fraud"})) {
          rule.urgent.push_back(f);
        }
      }
    } else if (key == "match") {
      ReadMatch(r, value, &rule);
    } else if (key == "tests") {
      ReadTests(r, value, &rule);
    } else {
      r.Error(kv.first.Mark(), "unknown_key", "unknown rule key '" + key + "'");
    }
  }
  if (rule.id.empty()) r.Error(node.Mark(), "missing_key", "rule has no 'id'");
  if (rule.category.empty())
    r.Error(node.Mark(), "missing_key", "rule '" + rule.id + "' has no 'category'");
  if (rule.terms.empty() && rule.regexes.empty() && r.errors() == errors_before) {
    r.Error(node.Mark(), "missing_key", "rule '" + rule.id + "' has no 'match'");
  }
  if (rule.lang.empty()) rule.lang = "any";
  if (!rule.id.empty() && !ids->insert(rule.id).second) {
    r.Error(node["id"].Mark(), "duplicate_id", "duplicate rule id '" + rule.id + "'");
  }
  if (r.errors() == errors_before) out->push_back(std::move(rule));
}

}  // namespace

std::string TermToPattern(const std::string& term) {
  // Words are separated by single spaces in NormalizedText::words, so a term
  // is a literal run of folded tokens between spaces; a stem may continue
  // with anything but a space.
  const NormalizedText folded = Normalize(term, /*turkish=*/true);
  std::string pattern = " ";
  const std::string& text = folded.folded;
  size_t i = 0;
  bool first = true;
  while (i < text.size()) {
    // Split on what the tokenizer splits on, but keep a trailing '*'.
    size_t end = text.find(' ', i);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(i, end - i);
    i = end + 1;
    if (word.empty()) continue;
    const bool stem = word.size() > 1 && word.back() == '*';
    if (stem) word.pop_back();
    for (const Token& token : Normalize(word, true).tokens) {
      if (!first) pattern += " ";
      first = false;
      for (const char c : token.text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && !std::isalnum(u)) pattern.push_back('\\');
        pattern.push_back(c);
      }
    }
    if (stem) pattern += "[^ ]*";
  }
  pattern += " ";
  return pattern;
}

std::vector<Rule> ReadRuleText(const std::string& text, const std::string& name,
                               std::vector<Diagnostic>* diagnostics) {
  Reader r(name, text, diagnostics);
  std::vector<Rule> rules;
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    r.Error(e.mark, "yaml_syntax", e.msg);
    return rules;
  }
  if (!root || root.IsNull()) return rules;  // an empty file is fine
  if (!root.IsMap()) {
    r.Error(root.Mark(), "wrong_type", "a rule file is a mapping with a 'rules' list");
    return rules;
  }
  std::set<std::string> ids;
  for (const auto& kv : root) {
    const std::string key = kv.first.Scalar();
    if (key != "rules") {
      r.Error(kv.first.Mark(), "unknown_key",
              "unknown top-level key '" + key + "' (expected: rules)");
      continue;
    }
    if (!kv.second.IsSequence()) {
      r.Error(kv.second.Mark(), "wrong_type", "'rules' must be a list");
      continue;
    }
    for (const auto& node : kv.second) ReadRule(r, node, &ids, &rules);
  }
  return rules;
}

std::vector<Rule> ReadRuleFile(const std::string& path, std::vector<Diagnostic>* diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics->push_back(Diagnostic{Severity::kError, "io", path, 0, 0, "cannot read file", ""});
    return {};
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ReadRuleText(buffer.str(), path, diagnostics);
}

}  // namespace earshot
