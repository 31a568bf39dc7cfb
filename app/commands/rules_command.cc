// earshot rules lint | test | diff: the rule author's tools.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <tuple>

#include "app/commands/commands.h"
#include "app/commands/report_format.h"
#include "app/config.h"
#include "app/record_processor.h"
#include "earshot/decode.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/sentiment/lexicon.h"

namespace earshot {
namespace {

// Counts (errors, warnings); with `strict` every warning is an error.
std::pair<int, int> Count(std::vector<Diagnostic>* diagnostics, bool strict) {
  int errors = 0;
  int warnings = 0;
  for (Diagnostic& d : *diagnostics) {
    if (strict) d.severity = Severity::kError;
    (d.severity == Severity::kError ? errors : warnings)++;
  }
  return {errors, warnings};
}

// Prints diagnostics in source order, in the text or github format (json is
// written whole by the caller, with its counts).
void PrintDiagnostics(const std::vector<Diagnostic>& diagnostics, ReportFormat format) {
  for (const Diagnostic& d : diagnostics) {
    if (format == ReportFormat::kGithub) {
      std::printf("%s\n", GithubAnnotation(d.severity == Severity::kError ? "error" : "warning",
                                           d.file, d.line, d.column, d.code, d.message)
                              .c_str());
    } else {
      std::printf("%s\n", d.ToString().c_str());
    }
  }
}

// `"diagnostics": […]` into a JSON report being written.
void WriteDiagnostics(JsonWriter* w, const std::vector<Diagnostic>& diagnostics) {
  w->Key("diagnostics");
  w->StartArray();
  for (const Diagnostic& d : diagnostics) WriteDiagnostic(w, d);
  w->EndArray();
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

int Lint(const std::vector<std::string>& paths, bool strict, ReportFormat format) {
  std::vector<std::string> rule_paths;
  std::vector<std::string> lexicon_files;
  SplitLintPaths(paths, &rule_paths, &lexicon_files);
  std::vector<Diagnostic> diagnostics;
  size_t files = 0;
  // What loaded, for the summary; -1 when nothing of that kind was asked
  // for or it did not load (std::optional here trips GCC 12's
  // -Wmaybe-uninitialized).
  int64_t rule_count = -1;
  int64_t entries = -1;
  if (!rule_paths.empty()) {
    auto rules = LoadRuleSet(rule_paths, RuleSetOptions{}, &diagnostics);
    files += RuleFiles(rule_paths).size();
    if (rules.ok()) rule_count = static_cast<int64_t>((*rules)->rules().size());
  }
  for (const std::string& file : lexicon_files) {
    ++files;
    auto lexicon = Lexicon::LoadFile(file, &diagnostics);
    if (lexicon.ok()) {
      entries = std::max<int64_t>(entries, 0) + static_cast<int64_t>(lexicon->size());
    } else {
      entries = std::max<int64_t>(entries, 0);
      diagnostics.push_back(
          Diagnostic{Severity::kError, "io", file, 0, 0, "cannot read the lexicon file", ""});
    }
  }
  diagnostics = InSourceOrder(std::move(diagnostics));
  const auto [errors, warnings] = Count(&diagnostics, strict);
  if (errors > 0) rule_count = -1;  // nothing was loaded that counts
  if (format == ReportFormat::kJson) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    WriteDiagnostics(&w, diagnostics);
    w.Key("errors");
    w.Int(errors);
    w.Key("warnings");
    w.Int(warnings);
    w.Key("files");
    w.Uint64(files);
    if (rule_count >= 0) {
      w.Key("rules");
      w.Int64(rule_count);
    }
    if (entries >= 0 && errors == 0) {
      w.Key("lexicon_entries");
      w.Int64(entries);
    }
    w.EndObject();
    std::printf("%s\n", buffer.GetString());
    return errors > 0 ? 1 : 0;
  }
  PrintDiagnostics(diagnostics, format);
  std::string counts;
  if (rule_count >= 0) counts += ", " + std::to_string(rule_count) + " rules";
  if (entries >= 0 && errors == 0) counts += ", " + std::to_string(entries) + " lexicon entries";
  std::printf("%d error(s), %d warning(s) in %zu file(s)%s\n", errors, warnings, files,
              counts.c_str());
  return errors > 0 ? 1 : 0;
}

// One rule test that did not pass.
struct TestFailure {
  SourceLocation where;
  std::string rule;
  std::string problem;
  std::string text;
};

// Reports `rules test` in `format`: the diagnostics of rules that do not
// load, each failure, and the counts. Returns the exit code.
int ReportTests(const std::vector<Diagnostic>& diagnostics,
                const std::vector<TestFailure>& failures, int passed, int failed,
                const std::string& summary_note, ReportFormat format) {
  if (format == ReportFormat::kJson) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    WriteDiagnostics(&w, InSourceOrder(diagnostics));
    w.Key("failures");
    w.StartArray();
    for (const TestFailure& f : failures) {
      w.StartObject();
      w.Key("file");
      WriteJsonString(&w, f.where.file);
      w.Key("line");
      w.Int(f.where.line);
      w.Key("rule");
      WriteJsonString(&w, f.rule);
      w.Key("problem");
      WriteJsonString(&w, f.problem);
      w.Key("text");
      WriteJsonString(&w, f.text);
      w.EndObject();
    }
    w.EndArray();
    w.Key("passed");
    w.Int(passed);
    w.Key("failed");
    w.Int(failed);
    if (!summary_note.empty()) {
      w.Key("error");
      WriteJsonString(&w, summary_note);
    }
    w.EndObject();
    std::printf("%s\n", buffer.GetString());
    return failed > 0 ? 1 : 0;
  }
  PrintDiagnostics(InSourceOrder(diagnostics), format);
  for (const TestFailure& f : failures) {
    const std::string message = "rule " + f.rule + ": " + f.problem + " for \"" + f.text + "\"";
    if (format == ReportFormat::kGithub) {
      std::printf(
          "%s\n",
          GithubAnnotation("error", f.where.file, f.where.line, 0, "rule test", message).c_str());
    } else {
      std::printf("%s:%d: %s\n", f.where.file.c_str(), f.where.line, message.c_str());
    }
  }
  if (!summary_note.empty() && diagnostics.empty()) std::printf("%s\n", summary_note.c_str());
  std::printf("%d passed, %d failed%s\n", passed, failed,
              !diagnostics.empty() ? ": the rules do not load" : "");
  return failed > 0 ? 1 : 0;
}

int Test(const std::vector<std::string>& paths, const std::string& lexicons, ReportFormat format) {
  std::vector<Diagnostic> diagnostics;
  auto rules = LoadRuleSet(paths, RuleSetOptions{}, &diagnostics);
  if (!rules.ok()) {
    return ReportTests(diagnostics, {}, 0, 1, "the rules do not load", format);
  }
  auto classifier = ClassifierFor(paths, lexicons);
  if (!classifier.ok()) {
    return ReportTests({}, {}, 0, 1, classifier.status().message(), format);
  }
  int passed = 0;
  std::vector<TestFailure> failures;
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
        failures.push_back(TestFailure{test.where, rule.id, problem, test.text});
      }
    }
  }
  const int failed = static_cast<int>(failures.size());
  return ReportTests({}, failures, passed, failed, "", format);
}

// One side of a sample post's change, for `rules diff --json`.
void WriteVerdict(JsonWriter* w, const Verdict& v) {
  w->StartObject();
  w->Key("class");
  w->String(PostClassName(v.post_class));
  w->Key("priority");
  w->String(PriorityName(v.priority));
  w->Key("alert");
  w->Bool(v.NeedsResponse());
  w->Key("urgent");
  w->StartArray();
  for (const std::string& flag : v.urgent) WriteJsonString(w, flag);
  w->EndArray();
  w->Key("rules");
  w->StartArray();
  for (const RuleMatch& m : v.matches) WriteJsonString(w, m.rule_id);
  w->EndArray();
  w->EndObject();
}

// A sample post whose verdict changes, kept for the JSON report.
struct PostChange {
  std::string id;
  int line = 0;
  std::string text;
  Verdict before;
  Verdict after;
};

int Diff(const std::vector<std::string>& old_paths, const std::vector<std::string>& new_paths,
         const std::string& sample, const std::string& lexicons, bool json) {
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
  // Per rule id: the sample posts it matched under the old and the new set.
  // A new rule's reach, and what an edit costs a rule, show here even where
  // no post changes class.
  std::map<std::string, std::pair<int, int>> rule_posts;
  std::vector<PostChange> changes;  // for --json
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
    for (const RuleMatch& m : a.matches) {
      rules_a += (rules_a.empty() ? "" : ",") + m.rule_id;
      ++rule_posts[m.rule_id].first;
    }
    for (const RuleMatch& m : b.matches) {
      rules_b += (rules_b.empty() ? "" : ",") + m.rule_id;
      ++rule_posts[m.rule_id].second;
    }
    if (a.post_class == b.post_class && a.priority == b.priority && a.urgent == b.urgent) continue;
    ++changed;
    ++transitions[std::string(PostClassName(a.post_class)) + " -> " + PostClassName(b.post_class)];
    if (json) {
      changes.push_back(PostChange{p.id, line_number, p.text, a, b});
      continue;
    }
    auto flags = [](const Verdict& v) {
      std::string out;
      for (const std::string& f : v.urgent) out += (out.empty() ? "" : ",") + f;
      return out.empty() ? std::string("-") : out;
    };
    const std::string urgent =
        a.urgent == b.urgent ? "" : "  urgent " + flags(a) + " -> " + flags(b);
    std::printf("%s: %s %s -> %s %s%s%s  [%s] -> [%s]\n  %s\n", p.id.c_str(),
                PostClassName(a.post_class), PriorityName(a.priority), PostClassName(b.post_class),
                PriorityName(b.priority), urgent.c_str(),
                a.NeedsResponse() != b.NeedsResponse()
                    ? (b.NeedsResponse() ? "  (alert added)" : "  (alert removed)")
                    : "",
                rules_a.c_str(), rules_b.c_str(), p.text.substr(0, 160).c_str());
  }
  std::vector<std::pair<std::string, std::pair<int, int>>> rule_changes;
  for (const auto& [id, counts] : rule_posts) {
    if (counts.first != counts.second) rule_changes.emplace_back(id, counts);
  }
  const std::string version_a = (*before)->rules().version();
  const std::string version_b = (*after)->rules().version();
  if (json) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("posts");
    w.Int(total);
    w.Key("changed");
    w.Int(changed);
    w.Key("alerts_before");
    w.Int(alerts_before);
    w.Key("alerts_after");
    w.Int(alerts_after);
    w.Key("changes");
    w.StartArray();
    for (const PostChange& c : changes) {
      w.StartObject();
      w.Key("id");
      WriteJsonString(&w, c.id);
      w.Key("line");
      w.Int(c.line);
      w.Key("text");
      WriteJsonString(&w, c.text);
      w.Key("before");
      WriteVerdict(&w, c.before);
      w.Key("after");
      WriteVerdict(&w, c.after);
      w.EndObject();
    }
    w.EndArray();
    w.Key("rules");
    w.StartArray();
    for (const auto& [id, counts] : rule_changes) {
      w.StartObject();
      w.Key("id");
      WriteJsonString(&w, id);
      w.Key("before");
      w.Int(counts.first);
      w.Key("after");
      w.Int(counts.second);
      w.EndObject();
    }
    w.EndArray();
    w.Key("version_before");
    WriteJsonString(&w, version_a);
    w.Key("version_after");
    WriteJsonString(&w, version_b);
    w.EndObject();
    std::printf("%s\n", buffer.GetString());
    return 0;
  }
  std::printf("\n%d of %d sample posts change; alerts %d -> %d\n", changed, total, alerts_before,
              alerts_after);
  for (const auto& [t, n] : transitions) std::printf("  %-26s %d\n", t.c_str(), n);
  if (!rule_changes.empty()) {
    std::printf("rules matching a different number of sample posts:\n");
    for (const auto& [id, counts] : rule_changes) {
      std::printf("  %-40s %d -> %d%s\n", id.c_str(), counts.first, counts.second,
                  counts.first == 0    ? "  (new or newly matching)"
                  : counts.second == 0 ? "  (matches none now)"
                                       : "");
    }
  }
  std::printf("rule set %s -> %s\n", version_a.c_str(), version_b.c_str());
  return 0;
}

void AddFormatOption(CLI::App* command, std::string* format) {
  command
      ->add_option("--format", *format,
                   "Output: text (compiler style), json (one document), github (GitHub Actions "
                   "annotations)")
      ->check(CLI::IsMember({"text", "json", "github"}))
      ->default_str("text");
}

}  // namespace

void AddRulesCommand(CLI::App& app, CommandContext context) {
  CLI::App* rules = app.add_subcommand("rules", "Rule authors' tools: lint, test, diff");
  rules->require_subcommand(1);

  struct LintOptions {
    std::vector<std::string> paths;
    bool strict = false;
    std::string format = "text";
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
  AddFormatOption(lint_cmd, &lint->format);
  lint_cmd->callback([lint, context] {
    *context.exit_code = Lint(lint->paths, lint->strict, *ParseReportFormat(lint->format));
  });

  struct TestOptions {
    std::vector<std::string> paths;
    std::string lexicons;
    std::string format = "text";
  };
  auto test = std::make_shared<TestOptions>();
  CLI::App* test_cmd = rules->add_subcommand(
      "test", "Run the tests every rule carries; print failures as file:line; exit 1 on any");
  test_cmd->add_option("paths", test->paths, "Rule files or directories")
      ->required()
      ->check(CLI::ExistingPath);
  test_cmd->add_option("--lexicons", test->lexicons, "Lexicon directory (default: the shipped one)")
      ->check(CLI::ExistingDirectory);
  AddFormatOption(test_cmd, &test->format);
  test_cmd->callback([test, context] {
    *context.exit_code = Test(test->paths, test->lexicons, *ParseReportFormat(test->format));
  });

  struct DiffOptions {
    std::string old_rules;
    std::string new_rules;
    std::string sample;
    std::string lexicons;
    bool json = false;
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
  diff_cmd->add_flag("--json", diff->json,
                     "Print one JSON document: the posts that change (before and after), the "
                     "rules whose matches change, the counts");
  diff_cmd->callback([diff, context] {
    *context.exit_code =
        Diff({diff->old_rules}, {diff->new_rules}, diff->sample, diff->lexicons, diff->json);
  });
}

}  // namespace earshot
