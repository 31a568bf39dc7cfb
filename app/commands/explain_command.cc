// earshot explain: why a text gets its class, step by step.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdio>

#include "app/commands/commands.h"
#include "app/config.h"
#include "app/record_processor.h"
#include "earshot/diagnostic.h"
#include "pipeline/normalize/lang_id.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/sentiment/sentiment_scorer.h"
#include "pipeline/terminal_columns.h"

namespace earshot {
namespace {

struct Explanation {
  Post post;
  LangGuess guess;
  NormalizedText text;
  std::vector<RuleExplanation> rules;
  SentimentResult sentiment;
  Verdict verdict;
};

std::string Location(const SourceLocation& where) {
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

// `text` and the spaces that fill it to `width` terminal columns: printf's
// "%-14s" counts bytes, and "kötü" or an emoji take fewer columns than that.
std::string PadToColumns(const std::string& text, int width) {
  return text + std::string(static_cast<size_t>(std::max(0, width - TerminalColumns(text))), ' ');
}

void PrintText(const Explanation& e) {
  std::printf("text:      %s\n", e.post.text.c_str());
  if (e.post.lang.empty()) {
    std::printf("lang:      %s (detected, confidence %.2f)\n",
                e.guess.lang.empty() ? "unknown" : e.guess.lang.c_str(), e.guess.confidence);
  } else {
    std::printf("lang:      %s (given)\n", e.post.lang.c_str());
  }
  std::printf("lower:     %s\n", e.text.lower.c_str());
  std::printf("folded:    %s\n", e.text.folded.c_str());
  std::printf("words:    %s\n", e.text.words.c_str());
  std::printf("\nrules:\n");
  if (e.rules.empty()) std::printf("  (no rule pattern matched)\n");
  for (const RuleExplanation& r : e.rules) {
    std::printf("  %s %s  (%s, %s)  %s\n", r.matched ? "MATCH  " : "no     ", r.rule->id.c_str(),
                r.rule->category.c_str(), PriorityName(r.rule->priority),
                Location(r.rule->where).c_str());
    for (const ItemMatch& item : r.items) {
      std::printf("      %-10s %s matched \"%s\"  (%s)\n", item.list.c_str(), item.written.c_str(),
                  item.matched.c_str(), Location(item.where).c_str());
    }
    if (!r.matched) std::printf("      why not: %s\n", r.why_not.c_str());
  }
  std::printf("\nsentiment: %+.2f (strength %+.2f, raw %+.2f)\n", e.sentiment.score,
              e.sentiment.strength, e.sentiment.raw);
  for (const SentimentContribution& c : e.sentiment.contributions) {
    std::printf("      %s %+.2f  %s\n", PadToColumns(c.token, 14).c_str(), c.valence,
                c.why.c_str());
  }
  // The classifier leans the tone of a rule-decided post whose words weigh
  // nothing (ClassifierOptions::rule_tone): say so, as classify prints it.
  if (e.verdict.sentiment != e.sentiment.score) {
    std::printf("tone:      %+.2f (no word weighs; leaned by the deciding rule, rule_tone)\n",
                e.verdict.sentiment);
  }
  std::printf("\nclass:     %s, %s, confidence %.2f\n", PostClassName(e.verdict.post_class),
              PriorityName(e.verdict.priority), e.verdict.confidence);
  std::printf("why:       %s\n", e.verdict.reason.c_str());
  if (!e.verdict.urgent.empty()) {
    std::string flags;
    for (const std::string& f : e.verdict.urgent) flags += (flags.empty() ? "" : ", ") + f;
    std::printf("urgent:    %s\n", flags.c_str());
  }
  std::printf("alert:     %s\n", e.verdict.NeedsResponse() ? "yes, response_due" : "no");
}

void PrintJson(const Explanation& e) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  auto str = [&](const char* key, const std::string& value) {
    w.Key(key);
    w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
  };
  w.StartObject();
  str("text", e.post.text);
  str("lang", e.verdict.lang);
  w.Key("lang_detected");
  w.Bool(e.post.lang.empty());
  w.Key("lang_confidence");
  w.Double(e.guess.confidence);
  str("lower", e.text.lower);
  str("folded", e.text.folded);
  str("words", e.text.words);
  w.Key("rules");
  w.StartArray();
  for (const RuleExplanation& r : e.rules) {
    w.StartObject();
    str("id", r.rule->id);
    w.Key("matched");
    w.Bool(r.matched);
    str("where", Location(r.rule->where));
    if (!r.matched) str("why_not", r.why_not);
    w.Key("items");
    w.StartArray();
    for (const ItemMatch& item : r.items) {
      w.StartObject();
      str("list", item.list);
      str("pattern", item.written);
      str("matched", item.matched);
      str("where", Location(item.where));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("sentiment");
  w.Double(e.sentiment.score);
  // What classify reports: the sentiment, or the rule's lean (rule_tone).
  w.Key("tone");
  w.Double(e.verdict.sentiment);
  w.Key("sentiment_strength");
  w.Double(e.sentiment.strength);
  w.Key("contributions");
  w.StartArray();
  for (const SentimentContribution& c : e.sentiment.contributions) {
    w.StartObject();
    str("token", c.token);
    w.Key("valence");
    w.Double(c.valence);
    str("why", c.why);
    w.EndObject();
  }
  w.EndArray();
  str("class", PostClassName(e.verdict.post_class));
  str("priority", PriorityName(e.verdict.priority));
  w.Key("confidence");
  w.Double(e.verdict.confidence);
  str("reason", e.verdict.reason);
  w.Key("urgent");
  w.StartArray();
  for (const std::string& f : e.verdict.urgent) w.String(f.c_str());
  w.EndArray();
  w.Key("alert");
  w.Bool(e.verdict.NeedsResponse());
  w.EndObject();
  std::printf("%s\n", buffer.GetString());
}

}  // namespace

void AddExplainCommand(CLI::App& app, CommandContext context) {
  struct Options {
    std::string text;
    std::string lang;
    std::string channel = "x";
    std::string brand;
    int rating = 0;
    int64_t followers = 0;
    std::vector<std::string> rules;
    std::vector<std::string> rule_ids;
    std::string lexicons;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "explain",
      "Show how a text is normalized, which rules match (and where), the sentiment, "
      "and the resulting class");
  cmd->add_option("text", o->text, "The post text")->required();
  cmd->add_option("--lang", o->lang, "Language (default: detected)");
  cmd->add_option("--channel", o->channel, "Channel (x, instagram, google_play, ...)")
      ->capture_default_str();
  cmd->add_option("--rating", o->rating, "Star rating of a review")->check(CLI::Range(1, 5));
  cmd->add_option("--brand", o->brand,
                  "The brand the post was collected for: a post naming it aims at the company");
  cmd->add_option("--followers", o->followers, "Author's followers");
  cmd->add_option("--rules", o->rules, "Rule files or directories (default: the shipped rules)")
      ->check(CLI::ExistingPath);
  cmd->add_option("--lexicons", o->lexicons, "Lexicon directory")->check(CLI::ExistingDirectory);
  cmd->add_option("--rule", o->rule_ids,
                  "Explain this rule (by id) even when none of its patterns matched: why it "
                  "did not; repeatable");
  cmd->add_flag("--json", o->json, "One JSON object instead of text");
  cmd->callback([o, context] {
    const Config config = ToolConfig(o->rules, o->lexicons);
    auto classifier = BuildClassifier(config);
    std::vector<Diagnostic> diagnostics;
    auto lexicons = LoadLexicons(config.lexicons, &diagnostics);
    if (!classifier.ok() || !lexicons.ok()) {
      std::fprintf(stderr, "earshot explain: %s\n",
                   (classifier.ok() ? lexicons.status() : classifier.status()).message().c_str());
      *context.exit_code = 2;
      return;
    }
    // An id of no rule is a typo to point out, not a silent empty answer.
    std::vector<std::string> ids;
    for (const Rule& rule : (*classifier)->rules().rules()) ids.push_back(rule.id);
    for (const std::string& id : o->rule_ids) {
      if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
      const std::string guess = DidYouMean(id, ids);
      std::fprintf(stderr, "earshot explain: no rule '%s'%s\n", id.c_str(),
                   guess.empty() ? "" : (" (did you mean '" + guess + "'?)").c_str());
      *context.exit_code = 2;
      return;
    }
    Explanation e;
    e.post.id = "explain";
    e.post.channel = o->channel;
    e.post.brand = o->brand;
    e.post.text = o->text;
    e.post.lang = o->lang;
    e.post.author.followers = o->followers;
    if (o->rating > 0) e.post.rating = o->rating;
    // The same steps the classifier takes, shown one by one.
    e.text = Normalize(e.post.text, e.post.lang != "en");
    e.guess = DetectLanguage(e.post.text, e.text);
    MatchContext match_context;
    match_context.lang = e.post.lang.empty() ? e.guess.lang : e.post.lang;
    match_context.channel = e.post.channel;
    match_context.followers = e.post.author.followers;
    match_context.rating = e.post.rating;
    e.rules = (*classifier)->rules().Explain(e.text, match_context, o->rule_ids);
    e.verdict = (*classifier)->Classify(e.post);
    // Scored as the classifier scores it: told whether a complaint rule matched.
    ScoreContext score_context;
    score_context.complaint_rule =
        std::any_of(e.verdict.matches.begin(), e.verdict.matches.end(),
                    [](const RuleMatch& m) { return m.category == "complaint"; });
    e.sentiment = SentimentScorer(*lexicons).Score(e.text, match_context.lang, e.post.text,
                                                   /*explain=*/true, score_context);
    if (o->json) {
      PrintJson(e);
    } else {
      PrintText(e);
    }
  });
}

}  // namespace earshot
