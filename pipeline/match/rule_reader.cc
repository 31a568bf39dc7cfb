#include "pipeline/match/rule_reader.h"

#include <yaml-cpp/exceptions.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "earshot/alerting.h"
#include "pipeline/match/turkish_softening.h"
#include "pipeline/match/yaml_tree.h"
#include "pipeline/normalize/normalizer.h"

namespace earshot {
namespace {

const std::vector<std::string> kRuleKeys = {
    "id",         "description", "category", "topic",        "priority",      "lang",
    "channels",   "urgent",      "tags",     "enabled",      "sla",           "match",
    "exceptions", "when",        "tests",    "needs_target", "denies_problem"};
const std::vector<std::string> kBlockKeys = {"any", "all", "none"};
const std::vector<std::string> kWhenKeys = {"min_followers", "verified", "max_rating",
                                            "min_rating"};
// Channel kinds, then the channel names KindOfChannel (pipeline/decode) and
// docs/schema.md know. Posts from other channels count as social.
const std::vector<std::string> kChannels = {
    "social",      "review",     "complaint_site", "x",          "instagram",
    "facebook",    "tiktok",     "youtube",        "app_store",  "google_play",
    "google_maps", "trustpilot", "google_reviews", "sikayetvar", "complaint_board"};
const std::vector<std::string> kTestKeys = {"text", "expect", "class",     "channel",
                                            "lang", "rating", "followers", "verified"};

// Keys authors reach for from other tools, or from reading "terms, phrases
// and regexes" as keys, where no spelling is close enough for a
// did-you-mean: how the format writes that thing instead. Looked up by the
// key and by where it stands ("a match item", "a block" for match,
// exceptions and a macro's body, "a rule").
struct KeyHint {
  const char* key;
  const char* where;  // "" for any place
  const char* hint;
};
constexpr KeyHint kKeyHints[] = {
    {"term", "a match item", "write a term or phrase as a plain string: - \"kargo\""},
    {"terms", "", "list terms and phrases as plain strings under any, all or none"},
    {"word", "a match item", "write a term or phrase as a plain string: - \"kargo\""},
    {"words", "", "list terms and phrases as plain strings under any, all or none"},
    {"phrase", "a match item", "write a phrase as a plain string: - \"kargom gelmedi\""},
    {"phrases", "", "list terms and phrases as plain strings under any, all or none"},
    {"keyword", "a match item", "write a term or phrase as a plain string: - \"kargo\""},
    {"keywords", "", "list terms and phrases as plain strings under any, all or none"},
    {"stem", "a match item", "write a stem as a string ending in '*': - \"iade*\""},
    {"text", "a match item", "write a term or phrase as a plain string: - \"kargo\""},
    {"list", "a match item", "use a list by its name as a string: - \"$name\""},
    {"regex", "a block", "a regex is an item of any, all or none: - {regex: '...'}"},
    {"near", "a block", "near is an item of any, all or none: - {near: [a, b], within: 3}"},
    {"macro", "a block", "a macro is an item of any, all or none: - {macro: name}"},
    {"condition", "a rule", "conditions on the post go under 'when:'"},
    {"conditions", "a rule", "conditions on the post go under 'when:'"},
    {"severity", "a rule", "a rule's weight is 'priority: p1' to 'p4'"},
    {"examples", "a rule", "examples a rule must (not) match go under 'tests:'"},
    {"lists", "a rule", "lists are defined at the top level of the file, beside 'rules:'"},
    {"macros", "a rule", "macros are defined at the top level of the file, beside 'rules:'"},
};

bool IsClassName(const std::string& s) {
  return s == "complaint" || s == "praise" || s == "question" || s == "neutral" ||
         s == "brand_reply";
}

const char* KeyHintFor(const std::string& key, const std::string& where) {
  const bool block = where == "match" || where == "exceptions" || where.rfind("macro '", 0) == 0;
  const std::string place = block ? std::string("a block") : where;
  for (const KeyHint& h : kKeyHints) {
    if (key == h.key && (h.where[0] == '\0' || place == h.where)) return h.hint;
  }
  return nullptr;
}

class Reader {
 public:
  Reader(RuleFile* file, std::vector<Diagnostic>* diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  SourceLocation Where(const YamlNode& node) const {
    return SourceLocation{file_->path, node.Mark().line + 1, node.Mark().column + 1};
  }

  void Report(Severity severity, const YAML::Mark& mark, const std::string& code,
              const std::string& message) {
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.file = file_->path;
    d.line = mark.line + 1;
    d.column = mark.column + 1;
    d.message = message;
    if (mark.line >= 0 && static_cast<size_t>(mark.line) < file_->lines.size()) {
      d.snippet = file_->lines[static_cast<size_t>(mark.line)];
    }
    diagnostics_->push_back(std::move(d));
    if (severity == Severity::kError) ++errors_;
  }
  void Error(const YamlNode& node, const std::string& code, const std::string& message) {
    Report(Severity::kError, node.Mark(), code, message);
  }
  void Warn(const YamlNode& node, const std::string& code, const std::string& message) {
    Report(Severity::kWarning, node.Mark(), code, message);
  }
  int errors() const { return errors_; }

  // Reports keys of `map` not in `allowed`; false when `map` is not a map.
  bool CheckKeys(const YamlNode& map, const std::string& where,
                 const std::vector<std::string>& allowed) {
    if (!map.IsMap()) {
      Error(map, "wrong_type", "'" + where + "' must be a mapping");
      return false;
    }
    for (const auto& kv : map.entries()) {
      const std::string key = kv.first.Scalar();
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string message = "unknown key '";
      message.append(key).append("' in ").append(where);
      if (const char* hint = KeyHintFor(key, where); hint != nullptr) {
        message.append(": ").append(hint);
      } else if (const std::string guess = DidYouMean(key, allowed); !guess.empty()) {
        message += " (did you mean '" + guess + "'?)";
      }
      Error(kv.first, "unknown_key", message);
    }
    return true;
  }

  bool Scalar(const YamlNode& node, const std::string& key, std::string* out) {
    if (!node.IsScalar()) {
      Error(node, "wrong_type", "'" + key + "' must be a single value");
      return false;
    }
    *out = node.Scalar();
    return true;
  }

  bool Bool(const YamlNode& node, const std::string& key, bool* out) {
    std::string text;
    if (!Scalar(node, key, &text)) return false;
    if (text == "true" || text == "yes") {
      *out = true;
    } else if (text == "false" || text == "no") {
      *out = false;
    } else {
      Error(node, "wrong_type", "'" + key + "' must be true or false, got '" + text + "'");
      return false;
    }
    return true;
  }

  bool Int(const YamlNode& node, const std::string& key, int64_t lo, int64_t hi, int64_t* out) {
    std::string text;
    if (!Scalar(node, key, &text)) return false;
    try {
      size_t used = 0;
      const long long v = std::stoll(text, &used);
      if (used != text.size() || v < lo || v > hi) throw std::out_of_range(key);
      *out = v;
      return true;
    } catch (const std::exception&) {
      Error(node, "invalid_value",
            "'" + key + "' must be a whole number from " + std::to_string(lo) + " to " +
                std::to_string(hi) + ", got '" + text + "'");
      return false;
    }
  }

  bool OneOf(const YamlNode& node, const std::string& key, const std::string& value,
             const std::vector<std::string>& allowed) {
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return true;
    std::string list;
    for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
    std::string message = "'" + key + "' is '" + value + "'; expected one of: " + list;
    if (const std::string guess = DidYouMean(value, allowed); !guess.empty()) {
      message += " (did you mean '" + guess + "'?)";
    }
    Error(node, "invalid_value", message);
    return false;
  }

  std::vector<std::string> StringList(const YamlNode& node, const std::string& key) {
    std::vector<std::string> out;
    if (node.IsScalar()) {
      out.push_back(node.Scalar());
    } else if (node.IsSequence()) {
      for (const auto& item : node.items()) {
        std::string s;
        if (Scalar(item, key, &s)) out.push_back(s);
      }
    } else {
      Error(node, "wrong_type", "'" + key + "' must be a list of strings");
    }
    return out;
  }

  // `channels:`: names and kinds earshot knows. An unknown name is an error,
  // not a rule that silently never matches.
  std::vector<std::string> Channels(const YamlNode& node) {
    std::vector<std::string> out;
    auto check = [&](const YamlNode& item) {
      std::string name;
      if (!Scalar(item, "channels", &name)) return;
      if (std::find(kChannels.begin(), kChannels.end(), name) != kChannels.end()) {
        out.push_back(name);
        return;
      }
      std::string message = "unknown channel '" + name + "'";
      if (const std::string guess = DidYouMean(name, kChannels); !guess.empty()) {
        message += " (did you mean '" + guess + "'?)";
      } else {
        message += "; use a kind (social, review, complaint_site) or a channel name earshot knows";
      }
      Error(item, "unknown_channel", message);
    };
    if (node.IsSequence()) {
      for (const auto& item : node.items()) check(item);
    } else if (node.IsScalar()) {
      check(node);
    } else {
      Error(node, "wrong_type", "'channels' must be a list of strings");
    }
    return out;
  }

  // A term as Patterns appended to `out`: the term, then its softened
  // spellings (SoftenedStemForms), which explain shows as the term written;
  // false (with a diagnostic) when unusable.
  bool TermPatterns(const YamlNode& node, std::vector<Pattern>* out) {
    const std::string re = TermToPattern(node.Scalar());
    if (re.empty()) {
      Error(node, "empty_term", "term '" + node.Scalar() + "' has no letters, digits or emoji");
      return false;
    }
    out->push_back(Pattern{Pattern::Form::kWords, re, node.Scalar(), Where(node)});
    for (const std::string& form : SoftenedStemForms(node.Scalar())) {
      out->push_back(
          Pattern{Pattern::Form::kWords, TermToPattern(form), node.Scalar(), Where(node)});
    }
    return true;
  }

  bool RegexPattern(const YamlNode& node, Pattern* out) {
    std::string re;
    if (!Scalar(node, "regex", &re)) return false;
    if (re.empty()) {
      Error(node, "empty_term", "empty regex");
      return false;
    }
    *out = Pattern{Pattern::Form::kFolded, re, "/" + re + "/", Where(node)};
    return true;
  }

  // One entry of any/all/none.
  bool Item(const YamlNode& node, MatchItem* item) {
    item->where = Where(node);
    if (node.IsScalar()) {
      const std::string& text = node.Scalar();
      if (!text.empty() && text[0] == '$') {
        item->reference = text;  // a list, resolved by the collector
        return true;
      }
      return TermPatterns(node, &item->alternatives);
    }
    if (!node.IsMap()) {
      Error(node, "wrong_type",
            "a match item is a term, \"$list\", {regex: …}, {near: […]} or {macro: …}");
      return false;
    }
    if (node["regex"]) {
      if (!CheckKeys(node, "a regex item", {"regex"})) return false;
      Pattern p;
      if (!RegexPattern(node["regex"], &p)) return false;
      item->alternatives.push_back(std::move(p));
      return true;
    }
    if (node["macro"]) {
      if (!CheckKeys(node, "a macro item", {"macro"})) return false;
      item->kind = MatchItem::Kind::kMacro;
      return Scalar(node["macro"], "macro", &item->reference);
    }
    if (node["near"]) {
      if (!CheckKeys(node, "a near item", {"near", "within"})) return false;
      const YamlNode& terms = node["near"];
      if (!terms.IsSequence() || terms.size() != 2 || !terms[0].IsScalar() ||
          !terms[1].IsScalar()) {
        Error(terms, "wrong_type", "'near' takes exactly two terms: near: [a, b]");
        return false;
      }
      item->kind = MatchItem::Kind::kNear;
      for (size_t side = 0; side < 2; ++side) {
        const YamlNode& t = terms[side];
        if (!t.Scalar().empty() && t.Scalar()[0] == '$') {
          item->near_lists[side] = t.Scalar();  // a list of terms, resolved by the collector
        } else if (!TermPatterns(t, &item->alternatives)) {
          return false;
        }
        if (side == 0) item->near_split = item->alternatives.size();
      }
      int64_t within = 3;
      if (node["within"] && !Int(node["within"], "within", 0, 50, &within)) return false;
      item->within = static_cast<int>(within);
      return true;
    }
    CheckKeys(node, "a match item", {"regex", "near", "within", "macro"});
    return false;
  }

  void Block(const YamlNode& node, const std::string& where, MatchBlock* block) {
    if (!CheckKeys(node, where, kBlockKeys)) return;
    for (const auto& kv : node.entries()) {
      const std::string key = kv.first.Scalar();
      std::vector<MatchItem>* list = key == "any"    ? &block->any
                                     : key == "all"  ? &block->all
                                     : key == "none" ? &block->none
                                                     : nullptr;
      if (list == nullptr) continue;
      if (!kv.second.IsSequence() || kv.second.size() == 0) {
        Error(kv.second, "wrong_type", "'" + key + "' must be a non-empty list");
        continue;
      }
      for (const auto& entry : kv.second.items()) {
        MatchItem item;
        if (Item(entry, &item)) list->push_back(std::move(item));
      }
    }
  }

  void When(const YamlNode& node, RuleConditions* when) {
    if (!CheckKeys(node, "when", kWhenKeys)) return;
    int64_t n = 0;
    if (node["min_followers"] &&
        Int(node["min_followers"], "min_followers", 0, INT64_MAX / 2, &n)) {
      when->min_followers = n;
    }
    if (node["max_rating"] && Int(node["max_rating"], "max_rating", 1, 5, &n)) {
      when->max_rating = static_cast<int>(n);
    }
    if (node["min_rating"] && Int(node["min_rating"], "min_rating", 1, 5, &n)) {
      when->min_rating = static_cast<int>(n);
    }
    bool b = false;
    if (node["verified"] && Bool(node["verified"], "verified", &b)) when->verified = b;
  }

  void Tests(const YamlNode& node, Rule* rule) {
    if (!node.IsSequence()) {
      Error(node, "wrong_type", "'tests' must be a list of {text: …, expect: match|no_match}");
      return;
    }
    for (const auto& t : node.items()) {
      if (!CheckKeys(t, "a test", kTestKeys)) continue;
      RuleTest test;
      test.where = Where(t);
      if (!t["text"] || !t["expect"]) {
        Error(t, "missing_key", "a test needs 'text' and 'expect'");
        continue;
      }
      std::string expect;
      if (!Scalar(t["text"], "text", &test.text) || !Scalar(t["expect"], "expect", &expect)) {
        continue;
      }
      if (IsClassName(expect)) {
        // "expect: complaint": the class a test wants is its own key.
        Error(t["expect"], "invalid_value",
              "'expect' is 'match' or 'no_match'; the class a post should get goes in its own "
              "key: expect: match, class: " +
                  expect);
        continue;
      }
      if (!OneOf(t["expect"], "expect", expect, {"match", "no_match"})) continue;
      test.expect_match = expect == "match";
      if (t["class"] && Scalar(t["class"], "class", &test.expect_class)) {
        OneOf(t["class"], "class", test.expect_class,
              {"complaint", "praise", "question", "neutral", "brand_reply"});
      }
      if (t["channel"]) Scalar(t["channel"], "channel", &test.context.channel);
      if (t["lang"]) Scalar(t["lang"], "lang", &test.context.lang);
      int64_t n = 0;
      if (t["rating"] && Int(t["rating"], "rating", 1, 5, &n))
        test.context.rating = static_cast<int>(n);
      if (t["followers"] && Int(t["followers"], "followers", 0, INT64_MAX / 2, &n)) {
        test.context.followers = n;
      }
      if (t["verified"]) Bool(t["verified"], "verified", &test.context.verified);
      rule->tests.push_back(std::move(test));
    }
  }

  void ReadRule(const YamlNode& node) {
    if (!CheckKeys(node, "a rule", kRuleKeys)) return;
    const int errors_before = errors_;
    Rule rule;
    rule.where = Where(node);
    std::string text;
    const YamlNode* denies_problem = nullptr;  // where the key is, for an error
    for (const auto& kv : node.entries()) {
      const std::string key = kv.first.Scalar();
      const YamlNode& value = kv.second;
      if (key == "id") {
        Scalar(value, key, &rule.id);
      } else if (key == "description") {
        Scalar(value, key, &rule.description);
      } else if (key == "category") {
        if (Scalar(value, key, &rule.category)) {
          OneOf(value, key, rule.category, {"complaint", "praise", "question", "neutral"});
        }
      } else if (key == "topic") {
        Scalar(value, key, &rule.topic);
      } else if (key == "priority") {
        if (Scalar(value, key, &text) && OneOf(value, key, text, {"p1", "p2", "p3", "p4"})) {
          rule.priority = static_cast<Priority>(text[1] - '0');
        }
      } else if (key == "lang") {
        if (Scalar(value, key, &rule.lang)) OneOf(value, key, rule.lang, {"tr", "en", "any"});
      } else if (key == "channels") {
        rule.channels = Channels(value);
      } else if (key == "urgent") {
        for (const std::string& flag : StringList(value, key)) {
          if (OneOf(value, key, flag, {"legal", "safety", "media", "churn", "fraud"})) {
            rule.urgent.push_back(flag);
          }
        }
      } else if (key == "tags") {
        rule.tags = StringList(value, key);
      } else if (key == "enabled") {
        Bool(value, key, &rule.enabled);
      } else if (key == "needs_target") {
        Bool(value, key, &rule.needs_target);
      } else if (key == "denies_problem") {
        if (Bool(value, key, &rule.denies_problem) && rule.denies_problem) denies_problem = &value;
      } else if (key == "sla") {
        if (Scalar(value, key, &text)) {
          const auto ms = ParseDurationMs(text);
          if (ms.ok() && *ms > 0) {
            rule.sla_ms = *ms;
          } else {
            Error(value, "invalid_value",
                  "'sla' must be a duration like 15m or 4h, got '" + text + "'");
          }
        }
      } else if (key == "match") {
        Block(value, "match", &rule.match);
      } else if (key == "exceptions") {
        Block(value, "exceptions", &rule.exceptions);
        if (rule.exceptions.any.empty() && rule.exceptions.all.empty() && value.IsMap()) {
          Error(value, "invalid_value",
                "'exceptions' needs 'any' or 'all': an exception says what excludes a post");
        }
      } else if (key == "when") {
        When(value, &rule.when);
      } else if (key == "tests") {
        Tests(value, &rule);
      }
    }
    if (rule.id.empty()) Error(node, "missing_key", "rule has no 'id'");
    // Only praise says that nothing went wrong.
    if (denies_problem != nullptr && !rule.category.empty() && rule.category != "praise") {
      Error(*denies_problem, "invalid_value",
            "'denies_problem' applies to praise rules only; rule '" + rule.id + "' is " +
                rule.category);
    }
    if (rule.category.empty())
      Error(node, "missing_key", "rule '" + rule.id + "' has no 'category'");
    if (rule.match.any.empty() && rule.match.all.empty() && errors_ == errors_before) {
      Error(node, "missing_key", "rule '" + rule.id + "' needs match: with 'any' or 'all'");
    }
    if (rule.tests.empty() && errors_ == errors_before) {
      Warn(node, "no_tests", "rule '" + rule.id + "' has no tests");
    }
    if (!rule.id.empty()) file_->rule_ids.emplace_back(rule.id, rule.where);
    if (errors_ == errors_before) {
      file_->rules.push_back(std::move(rule));
    } else {
      file_->rejected.push_back(std::move(rule));
    }
  }

  void ReadLists(const YamlNode& node) {
    if (!node.IsMap()) {
      Error(node, "wrong_type", "'lists' maps names to lists of terms");
      return;
    }
    for (const auto& kv : node.entries()) {
      NamedList list;
      list.name = kv.first.Scalar();
      list.where = Where(kv.first);
      if (!kv.second.IsSequence() || kv.second.size() == 0) {
        Error(kv.second, "wrong_type",
              "list '" + list.name + "' must be a non-empty list of terms");
        continue;
      }
      for (const auto& entry : kv.second.items()) {
        Pattern p;
        if (entry.IsScalar()) {
          TermPatterns(entry, &list.patterns);
        } else if (entry.IsMap() && entry["regex"]) {
          if (RegexPattern(entry["regex"], &p)) list.patterns.push_back(std::move(p));
        } else {
          Error(entry, "wrong_type", "a list entry is a term or {regex: …}");
        }
      }
      file_->lists.push_back(std::move(list));
    }
  }

  void ReadMacros(const YamlNode& node) {
    if (!node.IsMap()) {
      Error(node, "wrong_type", "'macros' maps names to match blocks (any/all/none)");
      return;
    }
    for (const auto& kv : node.entries()) {
      Macro macro;
      macro.name = kv.first.Scalar();
      macro.where = Where(kv.first);
      Block(kv.second, "macro '" + macro.name + "'", &macro.block);
      file_->macros.push_back(std::move(macro));
    }
  }

 private:
  RuleFile* file_;
  std::vector<Diagnostic>* diagnostics_;
  int errors_ = 0;
};

}  // namespace

std::string TermToPattern(const std::string& term) {
  std::string pattern = " ";
  bool any = false;
  std::istringstream words(FoldForMatching(term, /*turkish=*/true));
  for (std::string word; words >> word;) {
    const bool stem = word.size() > 1 && word.back() == '*';
    if (stem) word.pop_back();
    const NormalizedText tokens = Normalize(word, /*turkish=*/true);
    for (size_t i = 0; i < tokens.tokens.size(); ++i) {
      if (any) pattern += " ";
      any = true;
      for (const char c : tokens.tokens[i].text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && !std::isalnum(u)) pattern.push_back('\\');
        pattern.push_back(c);
      }
    }
    if (stem && !tokens.tokens.empty()) pattern += "[^ ]*";
  }
  if (!any) return "";
  pattern += " ";
  return pattern;
}

RuleFile ReadRuleText(const std::string& text, const std::string& name,
                      std::vector<Diagnostic>* diagnostics) {
  RuleFile file;
  file.path = name;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) file.lines.push_back(line);
  Reader r(&file, diagnostics);
  YamlDocument document;
  try {
    document.Parse(text);
  } catch (const YAML::ParserException& e) {
    // yaml-cpp says "illegal block entry" or "end of map not found" for a
    // tab in the indentation; the likely cause is worth naming.
    std::string message = e.msg;
    if (e.mark.line >= 0 && static_cast<size_t>(e.mark.line) < file.lines.size()) {
      const std::string& line = file.lines[static_cast<size_t>(e.mark.line)];
      const size_t indent_end = line.find_first_not_of(" \t");
      if (line.substr(0, indent_end).find('\t') != std::string::npos) {
        message += " (the line is indented with a tab; YAML indents with spaces only)";
      }
    }
    r.Report(Severity::kError, e.mark, "yaml_syntax", message);
    return file;
  }
  const YamlNode& root = document.root();
  if (!root || root.IsNull()) return file;  // an empty file is fine
  if (!r.CheckKeys(root, "the top level", {"rules", "lists", "macros"})) return file;
  if (root["lists"]) r.ReadLists(root["lists"]);
  if (root["macros"]) r.ReadMacros(root["macros"]);
  if (const YamlNode& rules = root["rules"]) {
    if (!rules.IsSequence()) {
      r.Error(rules, "wrong_type", "'rules' must be a list");
    } else {
      for (const auto& node : rules.items()) r.ReadRule(node);
    }
  }
  return file;
}

RuleFile ReadRuleFile(const std::string& path, std::vector<Diagnostic>* diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics->push_back(Diagnostic{Severity::kError, "io", path, 0, 0, "cannot read file", ""});
    RuleFile file;
    file.path = path;
    return file;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ReadRuleText(buffer.str(), path, diagnostics);
}

}  // namespace earshot
