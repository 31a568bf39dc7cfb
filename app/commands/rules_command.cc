// earshot rules lint | test | diff: the rule author's tools.
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>

#include "app/commands/commands.h"
#include "app/config.h"
#include "app/record_processor.h"
#include "earshot/decode.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/sentiment/lexicon.h"

namespace earshot {
namespace {

// The diagnostics in source order, the way a compiler lists them: files in
// the order they first come up, then by line and column. The reader, the
// collector and the set's build each report in their own pass, so a file's
// diagnostics would otherwise come in three runs.
std::vector<Diagnostic> InSourceOrder(std::vector<Diagnostic> diagnostics) {
  std::map<std::string, size_t> file_rank;
  for (const Diagnostic& d : diagnostics) file_rank.emplace(d.file, file_rank.size());
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     return std::make_tuple(file_rank[a.file], a.line, a.column) <
                            std::make_tuple(file_rank[b.file], b.line, b.column);
                   });
  return diagnostics;
}

// Prints diagnostics compiler-style, in source order; returns (errors, warnings).
std::pair<int, int> PrintDiagnostics(const std::vector<Diagnostic>& diagnostics, bool strict) {
  int errors = 0;
  int warnings = 0;
  for (Diagnostic d : InSourceOrder(diagnostics)) {
    if (strict) d.severity = Severity::kError;
    (d.severity == Severity::kError ? errors : warnings)++;
    std::printf("%s\n", d.ToString().c_str());
  }
  return {errors, warnings};
}

StatusOr<std::shared_ptr<const Classifier>> ClassifierFor(const std::vector<std::string>& rules,
                                                          const std::string& lexicons) {
  return BuildClassifier(ToolConfig(rules, lexicons));
}

bool IsLexiconFile(const std::filesystem::path& path) { return path.extension() == ".tsv"; }

// Splits lint's paths into what the rule loader reads and the lexicon files:
// a *.tsv path is a lexicon; a directory gives its *.tsv files (recursively,
// sorted, as RuleFiles does for rule files) and goes to the rule loader too
// unless it holds lexicons and no rule file (rules/lexicons on its own).
void SplitLintPaths(const std::vector<std::string>& paths, std::vector<std::string>* rule_paths,
                    std::vector<std::string>* lexicon_files) {
  namespace fs = std::filesystem;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      (IsLexiconFile(path) ? lexicon_files : rule_paths)->push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
      if (entry.is_regular_file() && IsLexiconFile(entry.path()))
        found.push_back(entry.path().string());
    }
    std::sort(found.begin(), found.end());
    lexicon_files->insert(lexicon_files->end(), found.begin(), found.end());
    if (found.empty() || !RuleFiles({path}).empty()) rule_paths->push_back(path);
  }
}

int Lint(const std::vector<std::string>& paths, bool strict) {
  std::vector<std::string> rule_paths;
  std::vector<std::string> lexicon_files;
  SplitLintPaths(paths, &rule_paths, &lexicon_files);
  std::vector<Diagnostic> diagnostics;
  std::string counts;
  size_t files = 0;
  bool rules_loaded = true;
  if (!rule_paths.empty()) {
    auto rules = LoadRuleSet(rule_paths, RuleSetOptions{}, &diagnostics);
    files += RuleFiles(rule_paths).size();
    rules_loaded = rules.ok();
    if (rules.ok()) counts += ", " + std::to_string((*rules)->rules().size()) + " rules";
  }
  size_t entries = 0;
  for (const std::string& file : lexicon_files) {
    ++files;
    auto lexicon = Lexicon::LoadFile(file, &diagnostics);
    if (lexicon.ok()) {
      entries += lexicon->size();
    } else {
      diagnostics.push_back(
          Diagnostic{Severity::kError, "io", file, 0, 0, "cannot read the lexicon file", ""});
    }
  }
  if (!lexicon_files.empty()) counts += ", " + std::to_string(entries) + " lexicon entries";
  const auto [errors, warnings] = PrintDiagnostics(diagnostics, strict);
  std::printf("%d error(s), %d warning(s) in %zu file(s)%s\n", errors, warnings, files,
              rules_loaded && errors == 0 ? counts.c_str() : "");
  return errors > 0 ? 1 : 0;
}

int Test(const std::vector<std::string>& paths, const std::string& lexicons) {
  std::vector<Diagnostic> diagnostics;
  auto rules = LoadRuleSet(paths, RuleSetOptions{}, &diagnostics);
  if (!rules.ok()) {
    PrintDiagnostics(diagnostics, false);
    std::printf("0 passed, 1 failed: the rules do not load\n");
    return 1;
  }
  auto classifier = ClassifierFor(paths, lexicons);
  if (!classifier.ok()) {
    std::printf("%s\n0 passed, 1 failed\n", classifier.status().message().c_str());
    return 1;
  }
  int passed = 0;
  int failed = 0;
  for (const Rule& rule : (*rules)->rules()) {
    for (const RuleTest& test : rule.tests) {
      MatchContext context = test.context;
      if (context.lang.empty() && rule.lang != "any") context.lang = rule.lang;
      bool matched = false;
      for (const Rule* r : (*rules)->Match(Normalize(test.text, context.lang != "en"), context)) {
        matched = matched || r == &rule;
      }
      std::string problem;
      if (matched != test.expect_match) {
        problem = std::string("expected ") + (test.expect_match ? "a match" : "no match") +
                  ", got " + (matched ? "a match" : "none");
      } else if (!test.expect_class.empty()) {
        Post post;
        post.id = "test";
        post.channel = context.channel.empty() ? "x" : context.channel;
        post.text = test.text;
        post.lang = context.lang;
        post.rating = context.rating;
        post.author.followers = context.followers;
        post.author.verified = context.verified;
        const Verdict v = (*classifier)->Classify(post);
        if (test.expect_class != PostClassName(v.post_class)) {
          problem = "expected class " + test.expect_class + ", got " + PostClassName(v.post_class) +
                    " (" + v.reason + ")";
        }
      }
      if (problem.empty()) {
        ++passed;
      } else {
        ++failed;
        std::printf("%s:%d: rule %s: %s for \"%s\"\n", test.where.file.c_str(), test.where.line,
                    rule.id.c_str(), problem.c_str(), test.text.c_str());
      }
    }
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed > 0 ? 1 : 0;
}

int Diff(const std::vector<std::string>& old_paths, const std::vector<std::string>& new_paths,
         const std::string& sample, const std::string& lexicons) {
  auto before = ClassifierFor(old_paths, lexicons);
  auto after = ClassifierFor(new_paths, lexicons);
  for (const auto* c : {&before, &after}) {
    if (!c->ok()) {
      std::fprintf(stderr, "earshot rules diff: %s\n", c->status().message().c_str());
      return 2;
    }
  }
  std::ifstream in(sample, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "earshot rules diff: cannot read %s\n", sample.c_str());
    return 2;
  }
  // A post with no brand names none (a placeholder would be its name).
  constexpr std::string_view kNoBrand = "(none)";
  DecodeOptions options;
  options.default_brand = kNoBrand;
  int total = 0;
  int changed = 0;
  int alerts_before = 0;
  int alerts_after = 0;
  std::map<std::string, int> transitions;
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.empty()) continue;
    // JSON posts in any supported format; any other line is plain text.
    StatusOr<Post> post = DecodePost(line, options);
    Post p;
    if (post.ok()) {
      p = *post;
      if (p.brand == kNoBrand) p.brand.clear();
    } else {
      p.id = "line " + std::to_string(line_number);
      p.channel = "x";
      p.text = line.substr(line.find('\t') == std::string::npos ? 0 : line.rfind('\t') + 1);
    }
    ++total;
    const Verdict a = (*before)->Classify(p);
    const Verdict b = (*after)->Classify(p);
    alerts_before += a.NeedsResponse() ? 1 : 0;
    alerts_after += b.NeedsResponse() ? 1 : 0;
    std::string rules_a, rules_b;
    for (const RuleMatch& m : a.matches) rules_a += (rules_a.empty() ? "" : ",") + m.rule_id;
    for (const RuleMatch& m : b.matches) rules_b += (rules_b.empty() ? "" : ",") + m.rule_id;
    if (a.post_class == b.post_class && a.priority == b.priority && a.urgent == b.urgent) continue;
    ++changed;
    ++transitions[std::string(PostClassName(a.post_class)) + " -> " + PostClassName(b.post_class)];
    std::printf("%s: %s %s -> %s %s%s  [%s] -> [%s]\n  %s\n", p.id.c_str(),
                PostClassName(a.post_class), PriorityName(a.priority), PostClassName(b.post_class),
                PriorityName(b.priority),
                a.NeedsResponse() != b.NeedsResponse()
                    ? (b.NeedsResponse() ? "  (alert added)" : "  (alert removed)")
                    : "",
                rules_a.c_str(), rules_b.c_str(), p.text.substr(0, 160).c_str());
  }
  std::printf("\n%d of %d sample posts change; alerts %d -> %d\n", changed, total, alerts_before,
              alerts_after);
  for (const auto& [t, n] : transitions) std::printf("  %-26s %d\n", t.c_str(), n);
  std::printf("rule set %s -> %s\n", (*before)->rules().version().c_str(),
              (*after)->rules().version().c_str());
  return 0;
}

}  // namespace

void AddRulesCommand(CLI::App& app, CommandContext context) {
  CLI::App* rules = app.add_subcommand("rules", "Rule authors' tools: lint, test, diff");
  rules->require_subcommand(1);

  struct LintOptions {
    std::vector<std::string> paths;
    bool strict = false;
  };
  auto lint = std::make_shared<LintOptions>();
  CLI::App* lint_cmd =
      rules->add_subcommand("lint",
                            "Check rule files and lexicons (*.tsv) and report every problem as "
                            "file:line:col: error|warning");
  lint_cmd->add_option("paths", lint->paths, "Rule files, lexicon files (*.tsv) or directories")
      ->required()
      ->check(CLI::ExistingPath);
  lint_cmd->add_flag("--strict", lint->strict, "Treat warnings as errors");
  lint_cmd->callback([lint, context] { *context.exit_code = Lint(lint->paths, lint->strict); });

  struct TestOptions {
    std::vector<std::string> paths;
    std::string lexicons;
  };
  auto test = std::make_shared<TestOptions>();
  CLI::App* test_cmd = rules->add_subcommand(
      "test", "Run the tests every rule carries; print failures as file:line; exit 1 on any");
  test_cmd->add_option("paths", test->paths, "Rule files or directories")
      ->required()
      ->check(CLI::ExistingPath);
  test_cmd->add_option("--lexicons", test->lexicons, "Lexicon directory (default: the shipped one)")
      ->check(CLI::ExistingDirectory);
  test_cmd->callback([test, context] { *context.exit_code = Test(test->paths, test->lexicons); });

  struct DiffOptions {
    std::string old_rules;
    std::string new_rules;
    std::string sample;
    std::string lexicons;
  };
  auto diff = std::make_shared<DiffOptions>();
  CLI::App* diff_cmd = rules->add_subcommand(
      "diff", "Which sample posts change class or alerts between two rule sets");
  diff_cmd->add_option("old", diff->old_rules, "Rule file or directory in force")
      ->required()
      ->check(CLI::ExistingPath);
  diff_cmd->add_option("new", diff->new_rules, "Rule file or directory proposed")
      ->required()
      ->check(CLI::ExistingPath);
  diff_cmd
      ->add_option("--sample", diff->sample,
                   "Posts, one per line: JSON (any supported format) or text")
      ->required()
      ->check(CLI::ExistingFile);
  diff_cmd->add_option("--lexicons", diff->lexicons, "Lexicon directory (default: the shipped one)")
      ->check(CLI::ExistingDirectory);
  diff_cmd->callback([diff, context] {
    *context.exit_code = Diff({diff->old_rules}, {diff->new_rules}, diff->sample, diff->lexicons);
  });
}

}  // namespace earshot
