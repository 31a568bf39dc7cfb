// earshot eval: classification quality on the labelled TSV sets of
// ../shared/eval (README there defines every figure), with throughput.
//
// Output is `key: value` lines (machine-readable, used by
// bench/peers/run_peers.sh) followed by a confusion matrix, and with
// --errors N the N worst items to study.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "app/commands/commands.h"
#include "app/config.h"
#include "app/eval_metrics.h"
#include "app/record_processor.h"
#include "app/triage_set.h"

namespace earshot {
namespace {

struct Item {
  std::string label;
  std::string text;
  Verdict verdict;
  double badness = 0;  // for --errors: larger is worse
  // The triage task's post fields and expected urgent flags (sorted).
  std::string channel = "x";
  std::optional<int> rating;
  std::vector<std::string> flags;
};

std::string SentimentClass(double score, double band) {
  if (score >= band) return "positive";
  if (score <= -band) return "negative";
  return "neutral";
}

// Why `label` is no label of `task` (the README's formats), or "" when it is.
std::string LabelError(const std::string& task, const std::string& label) {
  if (task == "triage") return "";  // checked with the line's other columns

  if (task == "sentiment") {
    char* end = nullptr;
    std::strtod(label.c_str(), &end);
    if (label.empty() || end != label.c_str() + label.size()) {
      return "label '" + label + "' is not a number (the sentiment task wants the mean rating)";
    }
    return "";
  }
  const std::vector<std::string> allowed =
      task == "complaint"  ? std::vector<std::string>{"complaint", "not_complaint"}
      : task == "polarity" ? std::vector<std::string>{"positive", "negative"}
                           : std::vector<std::string>{"complaint"};
  if (std::find(allowed.begin(), allowed.end(), label) != allowed.end()) return "";
  std::string list;
  for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
  return "label '" + label + "' is not one of the " + task + " task's: " + list;
}

std::vector<std::string> SortedFlags(const Verdict& v) {
  std::vector<std::string> flags = v.urgent;
  std::sort(flags.begin(), flags.end());
  return flags;
}

// The triage task: the class against the team's label (a brand's own reply
// counts as neutral: nothing to answer), the urgent flags, and the share of
// posts with both right.
void PrintTriage(std::vector<Item>& items, Confusion* confusion,
                 const std::vector<std::string>& labels) {
  FlagScores flags;
  int exact = 0;
  int flagged = 0;
  int flagged_caught = 0;
  for (Item& item : items) {
    const PostClass c = item.verdict.post_class;
    const std::string got = c == PostClass::kBrandReply ? "neutral" : PostClassName(c);
    const std::vector<std::string> given = SortedFlags(item.verdict);
    confusion->Add(item.label, got);
    flags.Add(item.flags, given);
    const bool class_right = got == item.label;
    exact += class_right && given == item.flags ? 1 : 0;
    if (!item.flags.empty()) {
      ++flagged;
      flagged_caught += class_right && std::includes(given.begin(), given.end(), item.flags.begin(),
                                                     item.flags.end())
                            ? 1
                            : 0;
    }
    item.badness =
        (class_right ? 0 : item.verdict.confidence + 0.01) + (given != item.flags ? 0.5 : 0);
    for (const std::string& f : item.flags) item.label += (f == item.flags[0] ? "+" : ",") + f;
  }
  const double n = items.empty() ? 1.0 : static_cast<double>(items.size());
  int right = 0;
  for (const std::string& l : labels) right += confusion->Count(l, l);
  std::printf("accuracy: %.4f\n", right / n);
  std::printf("macro_f1: %.4f\n", confusion->MacroF1(labels));
  std::printf("exact: %.4f\n", exact / n);
  std::printf("flag_precision: %.4f\nflag_recall: %.4f\n", flags.Precision(), flags.Recall());
  std::printf("flagged_posts_caught: %d/%d\n", flagged_caught, flagged);
  std::printf("%s", flags.ToString().c_str());
}

void PrintWorst(std::vector<Item>& items, int n) {
  std::sort(items.begin(), items.end(),
            [](const Item& a, const Item& b) { return a.badness > b.badness; });
  std::printf("\nworst %d:\n", n);
  for (int i = 0;
       i < n && i < static_cast<int>(items.size()) && items[static_cast<size_t>(i)].badness > 0;
       ++i) {
    const Item& it = items[static_cast<size_t>(i)];
    std::string got = PostClassName(it.verdict.post_class);
    for (const std::string& f : it.verdict.urgent) {
      got += (f == it.verdict.urgent[0] ? "+" : ",") + f;
    }
    std::printf("  gold %-13s got %-11s sentiment %+.2f  %s\n    %s\n", it.label.c_str(),
                got.c_str(), it.verdict.sentiment, it.verdict.reason.c_str(),
                it.text.substr(0, 200).c_str());
  }
}

}  // namespace

void AddEvalCommand(CLI::App& app, CommandContext context) {
  struct Options {
    std::string file;
    std::string task;
    int errors = 0;
    double band = 0.05;
    std::string lang;
    int passes = 1;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "eval",
      "Score classification on a labelled TSV set (LABEL<TAB>TEXT): sentiment, complaint, "
      "polarity or recall, with items/s on one core; or the team's triage sets "
      "(CLASS[+FLAGS]<TAB>CHANNEL<TAB>RATING<TAB>TEXT, tests/triage/README.md)");
  cmd->add_option("file", o->file, "TSV file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--task", o->task, "What the labels are")
      ->required()
      ->check(CLI::IsMember({"sentiment", "complaint", "polarity", "recall", "triage"}));
  cmd->add_option("--errors", o->errors, "Print the N worst items");
  cmd->add_option("--neutral-band", o->band, "sentiment task: scores within ±band are neutral")
      ->capture_default_str();
  cmd->add_option("--lang", o->lang, "Language of every item (default: detected per item)");
  cmd->add_option("--passes", o->passes,
                  "Classify the file this many times with the same classifier and also print "
                  "the last pass's items/s (warm: RE2 has built the DFA states it needs, as "
                  "in a long-running pipeline); the figures are the first pass's")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  cmd->callback([o, context] {
    auto classifier = BuildClassifier(DefaultConfig());
    if (!classifier.ok()) {
      std::fprintf(stderr, "earshot eval: %s\n", classifier.status().message().c_str());
      *context.exit_code = 2;
      return;
    }
    std::ifstream in(o->file, std::ios::binary);
    std::vector<Item> items;
    // A line the task cannot score is an error with its place, all of them
    // at once: a figure computed without them would not be the set's.
    int bad_lines = 0;
    int line_number = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      Item item;
      std::string error;
      if (o->task == "triage") {
        TriageLine t;
        error = ParseTriageLine(line, &t);
        item.label = t.post_class;
        item.text = std::move(t.text);
        item.channel = std::move(t.channel);
        item.rating = t.rating;
        item.flags = std::move(t.flags);
      } else {
        const size_t tab = line.find('\t');
        error = tab == std::string::npos ? "expected LABEL<TAB>TEXT"
                                         : LabelError(o->task, line.substr(0, tab));
        if (error.empty()) {
          item.label = line.substr(0, tab);
          item.text = line.substr(line.rfind('\t') + 1);
        }
      }
      if (!error.empty()) {
        std::fprintf(stderr, "%s:%d: error: %s\n", o->file.c_str(), line_number, error.c_str());
        ++bad_lines;
        continue;
      }
      items.push_back(std::move(item));
    }
    if (bad_lines > 0) {
      std::fprintf(stderr, "earshot eval: %d line(s) of %s cannot be scored; no figures\n",
                   bad_lines, o->file.c_str());
      *context.exit_code = 2;
      return;
    }
    // Time only classification, on this one thread. The first pass is
    // cold: the classifier has seen none of these texts, and RE2 builds DFA
    // states as it meets them. Later passes show the steady state of a
    // pipeline that has been running for a while.
    Post post;
    post.channel = "x";
    // No brand: the sets are not about one, and a name would be matched in the text.
    post.lang = o->lang;
    double seconds = 0;
    double last_seconds = 0;
    for (int pass = 0; pass < o->passes; ++pass) {
      const auto start = std::chrono::steady_clock::now();
      for (Item& item : items) {
        post.text = item.text;
        post.channel = item.channel;
        post.rating = item.rating;
        Verdict verdict = (*classifier)->Classify(post);
        if (pass == 0) item.verdict = std::move(verdict);
      }
      last_seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (pass == 0) seconds = last_seconds;
    }
    std::printf("file: %s\ntask: %s\nitems: %zu\n", o->file.c_str(), o->task.c_str(), items.size());
    Confusion confusion;
    std::vector<std::string> labels;
    if (o->task == "sentiment") {
      std::vector<double> gold, predicted;
      labels = {"negative", "neutral", "positive"};
      for (Item& item : items) {
        const double g = std::stod(item.label);
        gold.push_back(g);
        predicted.push_back(item.verdict.sentiment);
        const std::string gc = g >= 0.2 ? "positive" : g <= -0.2 ? "negative" : "neutral";
        const std::string pc = SentimentClass(item.verdict.sentiment, o->band);
        confusion.Add(gc, pc);
        item.label = gc + " " + item.label;
        item.badness = std::abs(item.verdict.sentiment - g / 4.0);
      }
      std::printf("pearson_r: %.4f\n", PearsonR(predicted, gold));
      std::printf("macro_f1: %.4f\n", confusion.MacroF1(labels));
      std::printf("thresholds: gold ±0.2 (README); earshot ±%.2f on its -1..+1 score\n", o->band);
    } else if (o->task == "complaint") {
      labels = {"complaint", "not_complaint"};
      for (Item& item : items) {
        const bool called = item.verdict.post_class == PostClass::kComplaint;
        confusion.Add(item.label, called ? "complaint" : "not_complaint");
        item.badness = (called != (item.label == "complaint")) ? item.verdict.confidence + 0.01 : 0;
      }
      std::printf("precision: %.4f\nrecall: %.4f\nf1: %.4f\nmacro_f1: %.4f\n",
                  confusion.Precision("complaint"), confusion.Recall("complaint"),
                  confusion.F1("complaint"), confusion.MacroF1(labels));
    } else if (o->task == "polarity") {
      labels = {"positive", "negative"};
      int abstained = 0;
      int positives = 0;
      int positives_called_complaint = 0;
      for (Item& item : items) {
        const double s = item.verdict.sentiment;
        const std::string pc = s > 0 ? "positive" : s < 0 ? "negative" : "abstain";
        abstained += s == 0 ? 1 : 0;
        confusion.Add(item.label, pc);
        if (item.label == "positive") {
          ++positives;
          positives_called_complaint += item.verdict.post_class == PostClass::kComplaint ? 1 : 0;
        }
        item.badness = pc != item.label ? std::abs(s) + 0.01 : 0;
      }
      std::printf("macro_f1: %.4f\n", confusion.MacroF1(labels));
      std::printf("abstention: %.4f\n",
                  items.empty() ? 0.0 : static_cast<double>(abstained) / items.size());
      std::printf(
          "positive_called_complaint: %.4f\n",
          positives == 0 ? 0.0 : static_cast<double>(positives_called_complaint) / positives);
    } else if (o->task == "triage") {
      labels = {"complaint", "praise", "question", "neutral"};
      PrintTriage(items, &confusion, labels);
    } else {  // recall: every item is a complaint
      labels = {"complaint"};
      int called = 0;
      int negative = 0;
      for (Item& item : items) {
        const bool c = item.verdict.post_class == PostClass::kComplaint;
        called += c ? 1 : 0;
        negative += item.verdict.sentiment < 0 ? 1 : 0;
        confusion.Add(item.label, PostClassName(item.verdict.post_class));
        item.badness = c ? 0 : 1.0 - item.verdict.sentiment;
      }
      std::printf("complaint_share: %.4f\n",
                  items.empty() ? 0.0 : static_cast<double>(called) / items.size());
      std::printf("negative_share: %.4f\n",
                  items.empty() ? 0.0 : static_cast<double>(negative) / items.size());
    }
    std::printf("items_per_second: %.0f\n", seconds > 0 ? items.size() / seconds : 0.0);
    if (o->passes > 1) {
      std::printf("items_per_second_warm: %.0f\n",
                  last_seconds > 0 ? items.size() / last_seconds : 0.0);
    }
    std::printf("\n%s", confusion.ToString(labels).c_str());
    if (o->errors > 0) PrintWorst(items, o->errors);
  });
}

}  // namespace earshot
