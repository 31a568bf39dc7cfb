#include "earshot/rule_set.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <functional>

#include "earshot/post.h"
#include "pipeline/match/compiled_patterns.h"
#include "pipeline/match/rule_collector.h"
#include "pipeline/match/rule_reader.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/terminal_columns.h"

namespace earshot {
namespace {

std::atomic<uint64_t> g_dfa_out_of_memory{0};

const char* KindOf(const std::string& channel) { return ChannelKindName(KindOfChannel(channel)); }

// Token index of each match of `re` in the words form (" a b c ").
std::vector<int> TokenPositions(const RE2& re, const std::string& words) {
  std::vector<int> positions;
  re2::StringPiece input(words);
  re2::StringPiece match;
  size_t start = 0;
  while (start < words.size() && re.Match(input, start, words.size(), RE2::UNANCHORED, &match, 1)) {
    const auto at = static_cast<size_t>(match.data() - words.data());
    positions.push_back(static_cast<int>(
        std::count(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(at), ' ')));
    start = at + 1;  // matches share their bounding spaces
  }
  return positions;
}

std::string FirstMatch(const Pattern& p, const NormalizedText& text) {
  RE2::Options o;
  o.set_log_errors(false);
  const RE2 re(p.re, o);
  const std::string& subject = p.form == Pattern::Form::kWords ? text.words : text.folded;
  re2::StringPiece match;
  if (!re.ok() || !re.Match(subject, 0, subject.size(), RE2::UNANCHORED, &match, 1)) return "";
  std::string out(match.data(), match.size());
  if (p.form == Pattern::Form::kWords) {
    while (!out.empty() && out.front() == ' ') out.erase(0, 1);
    while (!out.empty() && out.back() == ' ') out.pop_back();
  }
  return out;
}

// One block of a plain program (compiled_patterns.h) against the fired
// patterns, as Evaluate decides it; `program` is left past the block when
// it holds (a block that fails is not read to its end).
bool PlainBlockHolds(const int*& program, const RuleSet::MatchScratch& s) {
  auto any_fired = [&](const int* ids, int count) {
    for (int k = 0; k < count; ++k) {
      if (s.Fired(ids[k])) return true;
    }
    return false;
  };
  const int any = *program++;
  if (any >= 0) {
    if (!any_fired(program, any)) return false;
    program += any;
  }
  const int all = *program++;
  for (int item = 0; item < all; ++item) {
    const int count = *program++;
    if (!any_fired(program, count)) return false;
    program += count;
  }
  const int none = *program++;
  for (int item = 0; item < none; ++item) {
    const int count = *program++;
    if (any_fired(program, count)) return false;
    program += count;
  }
  return true;
}

// A plain rule's program against the fired patterns: what Applies and
// Evaluate decide for such a rule, once its language fits.
bool PlainHolds(const int* program, const RuleSet::MatchScratch& s) {
  if (!PlainBlockHolds(program, s)) return false;
  if (*program++ == 0) return true;  // no exceptions that exclude
  return !PlainBlockHolds(program, s);
}

// What goes under snippet[0, column - 1) so that a caret after it stands
// under byte `column` on a terminal: a tab for a tab, and for the text
// between tabs as many spaces as it takes columns. `column` counts bytes,
// as YAML marks and RE2 offsets do.
std::string CaretIndent(const std::string& snippet, int column) {
  const size_t before = static_cast<size_t>(std::max(column - 1, 0));
  const std::string_view text = std::string_view(snippet).substr(0, before);
  std::string indent;
  size_t from = 0;
  for (size_t tab = text.find('\t'); tab != std::string_view::npos; tab = text.find('\t', from)) {
    indent.append(static_cast<size_t>(TerminalColumns(text.substr(from, tab - from))), ' ');
    indent += '\t';
    from = tab + 1;
  }
  indent.append(static_cast<size_t>(TerminalColumns(text.substr(from))), ' ');
  // A column past the snippet's end (an error at the end of the line).
  if (before > snippet.size()) indent.append(before - snippet.size(), ' ');
  return indent;
}

}  // namespace

std::string Diagnostic::ToString() const {
  std::string out = file.empty() ? std::string("<rules>") : file;
  if (line > 0) out += ":" + std::to_string(line);
  if (line > 0 && column > 0) out += ":" + std::to_string(column);
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message;
  if (!snippet.empty()) {
    out += "\n  " + snippet + "\n  " + CaretIndent(snippet, column) + "^";
  }
  return out;
}

bool HasErrors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates) {
  auto distance = [](const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t prev = row[0];
      row[0] = i;
      for (size_t j = 1; j <= b.size(); ++j) {
        const size_t cur = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
        prev = cur;
      }
    }
    return row[b.size()];
  };
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const std::string& c : candidates) {
    const size_t d = distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

namespace {

// RE2::Set reports "no match" when its DFA runs out of memory: a possible
// miss. Count every time, log the first so it is never silent.
void CountDfaOutOfMemory(int times) {
  if (g_dfa_out_of_memory.fetch_add(static_cast<uint64_t>(times)) == 0) {
    spdlog::error(
        "rules: RE2's DFA ran out of memory matching a post; matches may be "
        "missed. Split or simplify the rule set's regexes (see docs/rules.md).");
  }
}

}  // namespace

void PatternShards::Match(const std::string& text, std::vector<int>* hit,
                          std::vector<int>* scratch) const {
  for (const Shard& shard : shards) {
    RE2::Set::ErrorInfo info;
    if (!shard.set->Match(text, scratch, &info)) {
      if (info.kind == RE2::Set::kOutOfMemory) CountDfaOutOfMemory(1);
      continue;
    }
    for (const int i : *scratch) hit->push_back(shard.global_ids[static_cast<size_t>(i)]);
  }
}

uint64_t RuleSet::dfa_out_of_memory_total() { return g_dfa_out_of_memory.load(); }

int32_t RuleSet::LangIndexOf(const MatchContext& context) const {
  if (context.lang.empty()) return -2;
  const std::vector<std::string>& langs = compiled_->langs;
  const auto it = std::find(langs.begin(), langs.end(), context.lang);
  return it == langs.end() ? -1 : static_cast<int32_t>(it - langs.begin());
}

void RuleSet::Hits(const NormalizedText& text, int32_t lang, MatchScratch* s) const {
  s->Reset(compiled_->patterns.size(), rules_.size());
  compiled_->terms.Match(text.words, &s->raw);
  compiled_->words.Match(text.words, &s->raw, &s->indices);
  const Compiled& c = *compiled_;
  // Sets 1.. also hold group 0's regexes (rule_compiler.cc): a post of a
  // known language scans its own set only; a post of another language scans
  // set 0; a post of no known language scans every language's set.
  if (lang > 0 || c.sets.size() == 1) {
    c.sets[static_cast<size_t>(lang > 0 ? lang : 0)].Match(text.folded, &s->raw, &s->indices);
  } else if (lang >= -1) {
    c.sets[0].Match(text.folded, &s->raw, &s->indices);
  } else {
    for (size_t g = 1; g < c.sets.size(); ++g) c.sets[g].Match(text.folded, &s->raw, &s->indices);
  }
  // The same for the regexes that run alone; a post of no known language
  // runs group 0's once and each language's own.
  auto run_alone = [&](size_t group, bool own_only) {
    const Compiled::AloneRegexes& alone = c.alone[group];
    s->indices.clear();
    alone.prefilter.Match(text.folded, &s->indices, &s->prefilter, [&](int i) {
      return !own_only || alone.own[static_cast<size_t>(i)] != 0;
    });
    for (const int i : s->indices) s->raw.push_back(alone.ids[static_cast<size_t>(i)]);
  };
  if (lang > 0 || c.alone.size() == 1) {
    run_alone(static_cast<size_t>(lang > 0 ? lang : 0), false);
  } else {
    run_alone(0, false);
    if (lang == -2) {
      for (size_t g = 1; g < c.alone.size(); ++g) run_alone(g, true);
    }
  }
  // Stamped, so that "did pattern p fire?" is one load per question.
  for (const int id : s->raw) {
    if (s->pattern_stamp[static_cast<size_t>(id)] == s->generation) continue;
    s->pattern_stamp[static_cast<size_t>(id)] = s->generation;
    s->hit.push_back(id);
  }
}

void RuleSet::Candidates(MatchScratch* s) const {
  for (const int id : s->hit) {
    const auto from = compiled_->owner_begin[static_cast<size_t>(id)];
    const auto to = compiled_->owner_begin[static_cast<size_t>(id) + 1];
    for (auto o = from; o < to; ++o) {
      const int r = compiled_->owner_ids[o];
      if (s->rule_stamp[static_cast<size_t>(r)] == s->generation) continue;
      s->rule_stamp[static_cast<size_t>(r)] = s->generation;
      s->candidates.push_back(r);
    }
  }
  std::sort(s->candidates.begin(), s->candidates.end());  // rule order
}

bool RuleSet::ItemHolds(const MatchItem& item, const MatchScratch& s,
                        const NormalizedText& text) const {
  auto fired = [&](int id) { return s.Fired(id); };
  switch (item.kind) {
    case MatchItem::Kind::kPatterns:
      return std::any_of(item.pattern_ids.begin(), item.pattern_ids.end(), fired);
    case MatchItem::Kind::kMacro:
      return Evaluate(macros_[static_cast<size_t>(item.macro)].block, s, text, nullptr);
    case MatchItem::Kind::kNear: {
      const auto split = item.pattern_ids.begin() + static_cast<std::ptrdiff_t>(item.near_split);
      if (std::none_of(item.pattern_ids.begin(), split, fired) ||
          std::none_of(split, item.pattern_ids.end(), fired)) {
        return false;
      }
      // Token positions of every fired term of a side ($list sides have many).
      auto positions = [&](auto from, auto to) {
        std::vector<int> out;
        for (auto it = from; it != to; ++it) {
          if (!fired(*it)) continue;
          const auto p =
              TokenPositions(*compiled_->near_matchers[static_cast<size_t>(*it)], text.words);
          out.insert(out.end(), p.begin(), p.end());
        }
        return out;
      };
      const std::vector<int> pa = positions(item.pattern_ids.begin(), split);
      const std::vector<int> pb = positions(split, item.pattern_ids.end());
      for (const int x : pa) {
        for (const int y : pb) {
          if (x != y && std::abs(x - y) - 1 <= item.within) return true;
        }
      }
      return false;
    }
  }
  return false;
}

bool RuleSet::Evaluate(const MatchBlock& block, const MatchScratch& hit, const NormalizedText& text,
                       std::string* why_not) const {
  auto fail = [&](auto&& why) {
    if (why_not != nullptr) *why_not = why();
    return false;
  };
  auto name = [](const MatchItem& item) {
    return item.reference.empty() && !item.alternatives.empty() ? item.alternatives[0].written
                                                                : item.reference;
  };
  if (!block.any.empty() &&
      std::none_of(block.any.begin(), block.any.end(),
                   [&](const MatchItem& i) { return ItemHolds(i, hit, text); })) {
    return fail([] { return std::string("no 'any' item matched"); });
  }
  for (const MatchItem& item : block.all) {
    if (!ItemHolds(item, hit, text)) {
      return fail([&] { return "'all' item '" + name(item) + "' did not match"; });
    }
  }
  for (const MatchItem& item : block.none) {
    if (ItemHolds(item, hit, text)) {
      return fail([&] { return "'none' item '" + name(item) + "' matched"; });
    }
  }
  return true;
}

bool RuleSet::Applies(const Rule& rule, const MatchContext& context, std::string* why_not) const {
  // Messages are built only when asked for: Match() calls this for every
  // candidate rule of every post.
  auto fail = [&](auto&& why) {
    if (why_not != nullptr) *why_not = why();
    return false;
  };
  if (!rule.enabled) return fail([] { return std::string("rule is disabled"); });
  if (!context.lang.empty() && rule.lang != "any" && rule.lang != context.lang) {
    return fail([&] { return "rule is for lang " + rule.lang + ", post is " + context.lang; });
  }
  if (!rule.channels.empty()) {
    const bool ok =
        std::any_of(rule.channels.begin(), rule.channels.end(), [&](const std::string& c) {
          return !context.channel.empty() && (c == context.channel || c == KindOf(context.channel));
        });
    if (!ok) {
      return fail([&] { return "rule is for channels other than '" + context.channel + "'"; });
    }
  }
  const RuleConditions& w = rule.when;
  if (w.min_followers && context.followers < *w.min_followers) {
    return fail(
        [&] { return "author has fewer than " + std::to_string(*w.min_followers) + " followers"; });
  }
  if (w.verified && context.verified != *w.verified) {
    return fail(
        [&] { return "author verified is not " + std::string(*w.verified ? "true" : "false"); });
  }
  if (w.max_rating && (!context.rating || *context.rating > *w.max_rating)) {
    return fail([&] { return "rating is not at most " + std::to_string(*w.max_rating); });
  }
  if (w.min_rating && (!context.rating || *context.rating < *w.min_rating)) {
    return fail([&] { return "rating is not at least " + std::to_string(*w.min_rating); });
  }
  return true;
}

std::vector<const Rule*> RuleSet::Match(const NormalizedText& text,
                                        const MatchContext& context) const {
  std::vector<const Rule*> matched;
  if (compiled_->patterns.empty()) return matched;
  // Per-thread buffers: matching allocates nothing per post but the result.
  thread_local MatchScratch scratch;
  const int32_t lang = LangIndexOf(context);
  Hits(text, lang, &scratch);
  Candidates(&scratch);
  const Compiled& c = *compiled_;
  matched.reserve(scratch.candidates.size());  // one allocation per post, not one per doubling
  for (const int r : scratch.candidates) {
    const Compiled::PlainRule& plain = c.plain[static_cast<size_t>(r)];
    if (plain.program >= 0) {
      if (lang != -2 && plain.lang != 0 && plain.lang != lang) continue;
      if (PlainHolds(c.plain_program.data() + plain.program, scratch)) {
        matched.push_back(&rules_[static_cast<size_t>(r)]);
      }
      continue;
    }
    const Rule& rule = rules_[static_cast<size_t>(r)];
    if (!Applies(rule, context, nullptr) || !Evaluate(rule.match, scratch, text, nullptr)) {
      continue;
    }
    if (!rule.exceptions.empty() && Evaluate(rule.exceptions, scratch, text, nullptr) &&
        !(rule.exceptions.any.empty() && rule.exceptions.all.empty())) {
      continue;
    }
    matched.push_back(&rule);
  }
  return matched;
}

std::vector<RuleExplanation> RuleSet::Explain(const NormalizedText& text,
                                              const MatchContext& context,
                                              const std::vector<std::string>& also) const {
  std::vector<RuleExplanation> out;
  if (compiled_->patterns.empty()) return out;
  MatchScratch scratch;
  Hits(text, LangIndexOf(context), &scratch);
  Candidates(&scratch);
  std::vector<int> explained = scratch.candidates;
  for (size_t r = 0; r < rules_.size(); ++r) {
    if (std::find(also.begin(), also.end(), rules_[r].id) != also.end()) {
      explained.push_back(static_cast<int>(r));
    }
  }
  std::sort(explained.begin(), explained.end());
  explained.erase(std::unique(explained.begin(), explained.end()), explained.end());
  const MatchScratch& hit = scratch;
  for (const int r : explained) {
    const Rule& rule = rules_[static_cast<size_t>(r)];
    RuleExplanation e;
    e.rule = &rule;
    // `via` names the macros the items were reached through, outermost
    // first ("{macro: rude} "), so a rule that holds by a macro shows which
    // of the macro's own items matched and where the macro says them.
    std::function<void(const char*, const std::vector<MatchItem>&, const std::string&)> note =
        [&](const char* list, const std::vector<MatchItem>& items, const std::string& via) {
          for (const MatchItem& item : items) {
            if (item.kind == MatchItem::Kind::kMacro) {
              if (item.macro < 0 || !ItemHolds(item, hit, text)) continue;
              const Macro& macro = macros_[static_cast<size_t>(item.macro)];
              const std::string inner = via + "{macro: " + macro.name + "} ";
              note(list, macro.block.any, inner);
              note(list, macro.block.all, inner);
              continue;
            }
            // One side of a near item matching says nothing of the item.
            if (item.kind == MatchItem::Kind::kNear && !ItemHolds(item, hit, text)) continue;
            for (size_t k = 0; k < item.pattern_ids.size(); ++k) {
              if (!hit.Fired(item.pattern_ids[k])) continue;
              // As written at this place: identical patterns share one
              // compiled copy, which keeps the first one's text and location.
              const Pattern& own = item.alternatives[k];
              e.items.push_back(ItemMatch{
                  list,
                  via + (item.reference.empty() ? own.written
                                                : item.reference + " (" + own.written + ")"),
                  FirstMatch(own, text), own.where});
            }
          }
        };
    note("any", rule.match.any, "");
    note("all", rule.match.all, "");
    note("none", rule.match.none, "");
    note("exceptions", rule.exceptions.any, "");
    note("exceptions", rule.exceptions.all, "");
    e.matched = Applies(rule, context, &e.why_not) && Evaluate(rule.match, hit, text, &e.why_not);
    if (e.matched && !(rule.exceptions.any.empty() && rule.exceptions.all.empty()) &&
        Evaluate(rule.exceptions, hit, text, nullptr)) {
      e.matched = false;
      e.why_not = "an exception matched";
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<std::string> RuleFiles(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
        const std::string ext = entry.path().extension().string();
        if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml"))
          found.push_back(entry.path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(path);
    }
  }
  return files;
}

StatusOr<std::shared_ptr<const RuleSet>> LoadRuleSet(const std::vector<std::string>& paths,
                                                     const RuleSetOptions& options,
                                                     std::vector<Diagnostic>* diagnostics) {
  std::vector<RuleFile> files;
  const std::vector<std::string> found = RuleFiles(paths);
  // An empty rule set would load fine and classify nothing: almost always a
  // wrong path or an emptied directory, so it is an error, not a silence.
  std::string where;
  for (const std::string& path : paths) where += (where.empty() ? "" : ", ") + path;
  if (found.empty()) {
    diagnostics->push_back(Diagnostic{
        Severity::kError, "no_rules", where, 0, 0,
        paths.empty() ? "no rule paths given" : "no rule files (*.yaml, *.yml) found", ""});
    return Status("no_rules", "no rule files in " + (where.empty() ? "(none)" : where));
  }
  for (const std::string& file : found) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
      diagnostics->push_back(
          Diagnostic{Severity::kError, "io", file, 0, 0, "no such file or directory", ""});
      continue;
    }
    files.push_back(ReadRuleFile(file, diagnostics));
  }
  CollectedRules collected = CollectRules(files, options, diagnostics);
  if (HasErrors(*diagnostics)) return Status("rules_invalid", "rule files have errors");
  if (collected.rules.empty()) {
    diagnostics->push_back(Diagnostic{
        Severity::kError, "no_rules", where, 0, 0,
        "no rules in " + std::to_string(found.size()) + " rule file(s): nothing would ever match",
        ""});
    return Status("no_rules", "no rules in " + where);
  }
  return RuleSet::Build(std::move(collected.rules), std::move(collected.macros), options,
                        diagnostics);
}

}  // namespace earshot
