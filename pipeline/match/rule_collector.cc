#include "pipeline/match/rule_collector.h"

#include <re2/re2.h>

#include <array>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "pipeline/match/term_index.h"
#include "pipeline/match/turkish_softening.h"
#include "pipeline/normalize/normalizer.h"

namespace earshot {
namespace {

// Bytes in the UTF-8 sequence that `lead` starts (1 for a stray byte).
size_t Utf8Length(char lead) {
  const auto b = static_cast<unsigned char>(lead);
  if (b >= 0xF0) return 4;
  if (b >= 0xE0) return 3;
  if (b >= 0xC0) return 2;
  return 1;
}

class Collector {
 public:
  Collector(const std::vector<RuleFile>& files, const RuleSetOptions& options,
            std::vector<Diagnostic>* diagnostics)
      : files_(files), options_(options), diagnostics_(diagnostics) {}

  void Report(Severity severity, const SourceLocation& where, const std::string& code,
              const std::string& message, int column_offset = 0) {
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.file = where.file;
    d.line = where.line;
    d.column = where.column + column_offset;
    d.message = message;
    for (const RuleFile& f : files_) {
      if (f.path == where.file && where.line > 0 &&
          static_cast<size_t>(where.line) <= f.lines.size()) {
        d.snippet = f.lines[static_cast<size_t>(where.line - 1)];
      }
    }
    diagnostics_->push_back(std::move(d));
  }

  // Column of `piece` within the source line of `where`, relative to the
  // item's own column; 0 when it cannot be found.
  int OffsetOf(const SourceLocation& where, const std::string& piece) const {
    if (piece.empty()) return 0;
    for (const RuleFile& f : files_) {
      if (f.path != where.file || where.line <= 0 ||
          static_cast<size_t>(where.line) > f.lines.size()) {
        continue;
      }
      const std::string& line = f.lines[static_cast<size_t>(where.line - 1)];
      const size_t from = where.column > 0 ? static_cast<size_t>(where.column - 1) : 0;
      const size_t at = line.find(piece, from);
      if (at != std::string::npos) return static_cast<int>(at - from);
    }
    return 0;
  }

  // Posts are read with runs of three or more of a letter squeezed
  // ("sooo" -> "so", "berbaaat" -> "berbat"), and so are terms: "bbb" is
  // looked up as "b", and matches "b/c" and "south b". Say so.
  void CheckSqueezedTerm(const Pattern& p) {
    for (size_t i = 0; i + 2 < p.written.size(); ++i) {
      const auto c =
          static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(p.written[i])));
      if (std::isalpha(c) == 0 || std::tolower(static_cast<unsigned char>(p.written[i + 1])) != c ||
          std::tolower(static_cast<unsigned char>(p.written[i + 2])) != c) {
        continue;
      }
      std::string read;
      if (const std::optional<TermShape> shape = ParseTermPattern(p.re)) {
        for (const TermShape::Word& w : shape->words) {
          read += (read.empty() ? "" : " ") + w.text + (w.stem ? "*" : "");
        }
      }
      Report(Severity::kWarning, p.where, "term_squeezed",
             "term '" + p.written + "' has a letter three times in a row; posts are read with " +
                 "such runs squeezed ('sooo' -> 'so'), so it is looked up as '" + read + "'",
             OffsetOf(p.where, p.written.substr(i, 3)));
      return;
    }
  }

  void CheckPattern(const Pattern& p) {
    if (p.form == Pattern::Form::kWords) CheckSqueezedTerm(p);
    // A term as TermToPattern writes it is literal bytes, escapes and
    // "[^ ]*": valid by construction, and no larger than kTermProgramBound
    // says (pattern_index_test.cc checks the bound). Compiling each of them
    // only to learn that was a sixth of building 10,000 rules.
    if (p.form == Pattern::Form::kWords && TermProgramBound(p.re) <= options_.max_program_size &&
        ParseTermPattern(p.re)) {
      return;
    }
    RE2::Options o;
    o.set_log_errors(false);
    o.set_encoding(RE2::Options::EncodingUTF8);
    const RE2 re(p.re, o);
    if (!re.ok()) {
      Report(Severity::kError, p.where, "regex_syntax",
             "bad regex: " + re.error() +
                 (re.error_arg().empty() ? "" : " at '" + re.error_arg() + "'"),
             OffsetOf(p.where, re.error_arg()));
      return;
    }
    if (re.ProgramSize() > options_.max_program_size) {
      Report(Severity::kError, p.where, "pattern_too_costly",
             "pattern compiles to " + std::to_string(re.ProgramSize()) +
                 " instructions; the limit is " + std::to_string(options_.max_program_size));
    }
    if (p.form != Pattern::Form::kFolded) return;
    // Regexes run on lowercased, ASCII-folded text.
    bool escaped = false;
    int brace_depth = 0;
    for (size_t i = 0; i < p.re.size(); ++i) {
      const char c = p.re[i];
      if (escaped) {
        escaped = false;
        if ((c == 'p' || c == 'P') && i + 1 < p.re.size()) {
          if (p.re[i + 1] == '{') {
            ++brace_depth;  // \p{Greek}
          } else {
            ++i;  // \pL, \PN: a one-letter class name
          }
        }
        continue;
      }
      if (c == '\\') {
        escaped = true;
      } else if (c == '}' && brace_depth > 0) {
        --brace_depth;
      } else if (brace_depth == 0 && c >= 'A' && c <= 'Z' &&
                 !(c == 'P' && i >= 2 && p.re.compare(i - 2, 2, "(?") == 0)) {
        Report(Severity::kWarning, p.where, "never_matches",
               std::string("regex has the capital '") + c +
                   "', but regexes run on lowercased text: it can never match there",
               OffsetOf(p.where, std::string(1, c)));
        break;
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        // The normalizer changes many characters before a regex sees the
        // text: ç ğ ı ö ş ü İ and other accented letters fold to ASCII, ’
        // becomes ', the no-break space a space, fancy letters plain ones,
        // and invisible characters go (docs/rules.md "Normalization").
        const std::string character = p.re.substr(i, Utf8Length(c));
        const std::string folded = Normalize(character, /*turkish=*/true).folded;
        if (folded != character) {
          Report(Severity::kWarning, p.where, "never_matches",
                 "regex has '" + character + "', but regexes run on the folded text, where it is " +
                     (folded.empty() ? std::string("dropped") : "'" + folded + "'") + ": write " +
                     (folded.empty() ? std::string("nothing") : "'" + folded + "'") + " instead",
                 OffsetOf(p.where, character));
          break;
        }
        i += character.size() - 1;
      }
    }
    const bool leading = p.re.rfind(".*", 0) == 0;
    const bool trailing = p.re.size() >= 2 && p.re.compare(p.re.size() - 2, 2, ".*") == 0;
    if (leading && trailing) {
      Report(Severity::kWarning, p.where, "pattern_too_costly",
             "leading and trailing '.*' change nothing in an unanchored search and cost time; "
             "drop them");
    }
  }

  // A Turkish regex word whose suffix cannot follow its softened form
  // ("abonelik\\w*" misses "aboneliğim": turkish_softening.h). Rules of
  // other languages are left alone: English words that fit ("setup") do
  // not soften.
  void CheckSoftening(const Rule& rule) {
    if (rule.lang != "tr" && rule.lang != "any") return;
    for (const MatchBlock* block : {&rule.match, &rule.exceptions}) {
      for (const auto* items : {&block->any, &block->all, &block->none}) {
        for (const MatchItem& item : *items) {
          for (const Pattern& p : item.alternatives) {
            if (p.form != Pattern::Form::kFolded) continue;
            for (const UnsoftenedWord& w : UnsoftenedRegexWords(p.re)) {
              std::string fixed = w.word;
              fixed.insert(fixed.size() - 1, "[");
              fixed += fixed.back() == 'k' ? "g]" : "b]";
              Report(Severity::kWarning, p.where, "regex_softening",
                     "regex word '" + w.word + "' takes a suffix, but a Turkish suffix that " +
                         "starts with a vowel softens its last letter ('" +
                         w.word.substr(0, w.word.size() - 1) + (w.word.back() == 'k' ? "ğ" : "b") +
                         "…', folded '" + w.word.substr(0, w.word.size() - 1) +
                         (w.word.back() == 'k' ? "g" : "b") + "…'): write '" + fixed + "'",
                     OffsetOf(p.where, w.word));
            }
          }
        }
      }
    }
  }

  // Shadowing: an exception that holds wherever one of the rule's own `any`
  // terms does removes every post that term would have matched. That is so
  // when the two are the same pattern, and when the exception's words run
  // inside the term's ("kargo" in "kargo gelmedi", "gecik*" in "gecikti",
  // "iade*" in "iadem yapılmadı"). Near items, macros and `all` lists are
  // left alone: they hold in more ways than one.
  void CheckShadowing(const Rule& rule) {
    for (const MatchItem& e : rule.exceptions.any) {
      if (e.kind != MatchItem::Kind::kPatterns) continue;
      for (const MatchItem& m : rule.match.any) {
        if (m.kind != MatchItem::Kind::kPatterns) continue;
        for (const Pattern& ep : e.alternatives) {
          for (const Pattern& mp : m.alternatives) {
            if (ep.form == mp.form && ep.re == mp.re) {
              Report(Severity::kWarning, e.where, "shadowed",
                     "exception '" + ep.written + "' is also a match term of rule '" + rule.id +
                         "': whatever that term matches is excluded again");
            } else if (Covers(ep, mp)) {
              Report(Severity::kWarning, e.where, "shadowed",
                     "exception '" + ep.written + "' holds wherever the match term '" + mp.written +
                         "' of rule '" + rule.id + "' (" + mp.where.file + ":" +
                         std::to_string(mp.where.line) +
                         ") does: every post that term matches is excluded again");
            }
          }
        }
      }
    }
  }

  // Whether every text term `inner` matches also holds term `outer`: outer's
  // words occur, in order and next to each other, among inner's, a word
  // where inner has the same word and a stem where inner's word (or stem)
  // begins with it.
  static bool Covers(const Pattern& outer, const Pattern& inner) {
    if (outer.form != Pattern::Form::kWords || inner.form != Pattern::Form::kWords) return false;
    const std::optional<TermShape> o = ParseTermPattern(outer.re);
    const std::optional<TermShape> i = ParseTermPattern(inner.re);
    if (!o || !i || o->words.empty() || o->words.size() > i->words.size()) return false;
    for (size_t start = 0; start + o->words.size() <= i->words.size(); ++start) {
      bool all = true;
      for (size_t k = 0; all && k < o->words.size(); ++k) {
        const TermShape::Word& ow = o->words[k];
        const TermShape::Word& iw = i->words[start + k];
        all = ow.stem ? iw.text.compare(0, ow.text.size(), ow.text) == 0
                      : !iw.stem && iw.text == ow.text;
      }
      if (all) return true;
    }
    return false;
  }

  // A near side written as "$list" becomes every term of the list. near
  // measures distance in words, so a list with a regex cannot be a side.
  void ResolveNear(MatchItem* item, const std::map<std::string, const NamedList*>& lists,
                   const std::vector<std::string>& list_names, bool* ok) {
    const auto split = item->alternatives.begin() + static_cast<std::ptrdiff_t>(item->near_split);
    std::array<std::vector<Pattern>, 2> sides = {
        std::vector<Pattern>(item->alternatives.begin(), split),
        std::vector<Pattern>(split, item->alternatives.end())};
    for (size_t side = 0; side < 2; ++side) {
      const std::string& reference = item->near_lists[side];
      if (reference.empty()) continue;
      const std::string name = reference.substr(1);
      const auto it = lists.find(name);
      if (it == lists.end()) {
        std::string message = "undefined list '" + reference + "'";
        if (const std::string guess = DidYouMean(name, list_names); !guess.empty()) {
          message += " (did you mean '$" + guess + "'?)";
        }
        Report(Severity::kError, item->where, "undefined_list", message,
               OffsetOf(item->where, reference));
        *ok = false;
        continue;
      }
      sides[side] = it->second->patterns;
      for (const Pattern& p : sides[side]) {
        if (p.form == Pattern::Form::kWords) continue;
        Report(Severity::kError, item->where, "near_regex",
               "near counts words between terms, but list '" + reference + "' has the regex " +
                   p.written + " (" + p.where.file + ":" + std::to_string(p.where.line) +
                   "); use a list of terms",
               OffsetOf(item->where, reference));
        *ok = false;
        break;
      }
    }
    item->near_split = sides[0].size();
    item->alternatives = std::move(sides[0]);
    item->alternatives.insert(item->alternatives.end(), sides[1].begin(), sides[1].end());
  }

  void Resolve(MatchBlock* block, const std::map<std::string, const NamedList*>& lists,
               const std::map<std::string, int>& macros, std::vector<std::string>* list_names,
               std::vector<std::string>* macro_names, bool* ok) {
    for (auto* items : {&block->any, &block->all, &block->none}) {
      for (MatchItem& item : *items) {
        if (item.kind == MatchItem::Kind::kMacro) {
          const auto it = macros.find(item.reference);
          if (it == macros.end()) {
            std::string message = "undefined macro '" + item.reference + "'";
            if (const std::string guess = DidYouMean(item.reference, *macro_names);
                !guess.empty()) {
              message += " (did you mean '" + guess + "'?)";
            }
            Report(Severity::kError, item.where, "undefined_macro", message);
            *ok = false;
          } else {
            item.macro = it->second;
          }
        } else if (item.kind == MatchItem::Kind::kNear) {
          ResolveNear(&item, lists, *list_names, ok);
        } else if (!item.reference.empty()) {
          const std::string name = item.reference.substr(1);
          const auto it = lists.find(name);
          if (it == lists.end()) {
            std::string message = "undefined list '" + item.reference + "'";
            if (const std::string guess = DidYouMean(name, *list_names); !guess.empty()) {
              message += " (did you mean '$" + guess + "'?)";
            }
            Report(Severity::kError, item.where, "undefined_list", message);
            *ok = false;
          } else {
            item.alternatives = it->second->patterns;
          }
        }
        for (const Pattern& p : item.alternatives) CheckPattern(p);
      }
    }
  }

  CollectedRules Run() {
    CollectedRules out;
    std::map<std::string, const NamedList*> lists;
    std::map<std::string, int> macro_index;
    std::map<std::string, SourceLocation> rule_ids;
    std::vector<std::string> list_names, macro_names;
    for (const RuleFile& f : files_) {
      for (const NamedList& list : f.lists) {
        if (const auto [it, fresh] = lists.emplace(list.name, &list); !fresh) {
          Report(Severity::kError, list.where, "duplicate_list",
                 "list '" + list.name + "' is already defined at " + it->second->where.file + ":" +
                     std::to_string(it->second->where.line));
        }
        list_names.push_back(list.name);
      }
      for (const Macro& macro : f.macros) {
        if (macro_index.count(macro.name) != 0) {
          const SourceLocation& first =
              out.macros[static_cast<size_t>(macro_index[macro.name])].where;
          Report(Severity::kError, macro.where, "duplicate_macro",
                 "macro '" + macro.name + "' is already defined at " + first.file + ":" +
                     std::to_string(first.line));
          continue;
        }
        macro_index[macro.name] = static_cast<int>(out.macros.size());
        out.macros.push_back(macro);
        macro_names.push_back(macro.name);
      }
    }
    bool ok = true;
    for (Macro& macro : out.macros) {
      Resolve(&macro.block, lists, macro_index, &list_names, &macro_names, &ok);
    }
    // A macro that uses a macro is fine; one that uses itself is not.
    for (size_t m = 0; m < out.macros.size(); ++m) {
      std::vector<int> stack = {static_cast<int>(m)};
      std::vector<char> seen(out.macros.size(), 0);
      while (!stack.empty()) {
        const int at = stack.back();
        stack.pop_back();
        const MatchBlock& b = out.macros[static_cast<size_t>(at)].block;
        for (const auto* items : {&b.any, &b.all, &b.none}) {
          for (const MatchItem& item : *items) {
            if (item.macro < 0) continue;
            if (item.macro == static_cast<int>(m)) {
              Report(Severity::kError, item.where, "macro_cycle",
                     "macro '" + out.macros[m].name + "' refers to itself");
              ok = false;
              stack.clear();
              break;
            }
            if (!seen[static_cast<size_t>(item.macro)]) {
              seen[static_cast<size_t>(item.macro)] = 1;
              stack.push_back(item.macro);
            }
          }
        }
      }
    }
    // Duplicate ids over every rule read, the ones left out for other
    // errors too; a later rule with a taken id is reported and left out.
    // Keyed by file index, line and column: the same file may be read twice.
    std::set<std::tuple<size_t, int, int>> duplicates;
    for (size_t i = 0; i < files_.size(); ++i) {
      for (const auto& [id, where] : files_[i].rule_ids) {
        if (const auto [it, fresh] = rule_ids.emplace(id, where); !fresh) {
          Report(Severity::kError, where, "duplicate_id",
                 "duplicate rule id '" + id + "' (first defined at " + it->second.file + ":" +
                     std::to_string(it->second.line) + ")");
          duplicates.emplace(i, where.line, where.column);
          ok = false;
        }
      }
    }
    for (size_t i = 0; i < files_.size(); ++i) {
      for (Rule rule : files_[i].rules) {
        if (duplicates.count({i, rule.where.line, rule.where.column}) != 0) continue;
        bool rule_ok = true;
        Resolve(&rule.match, lists, macro_index, &list_names, &macro_names, &rule_ok);
        Resolve(&rule.exceptions, lists, macro_index, &list_names, &macro_names, &rule_ok);
        ok = ok && rule_ok;
        CheckShadowing(rule);
        CheckSoftening(rule);
        if (!rule_ok) continue;
        // A bound on the rule count, so a runaway generator or a pack
        // pasted twice cannot grow the sets without limit. The first rule
        // over it is named; every rule counts, enabled or not.
        if (out.rules.size() == options_.max_rules) {
          Report(Severity::kError, rule.where, "too_many_rules",
                 "more than " + std::to_string(options_.max_rules) +
                     " rules (pipeline.max_rules); this is the first one over the limit");
        }
        if (out.rules.size() < options_.max_rules) out.rules.push_back(std::move(rule));
      }
    }
    // Rules the reader left out for errors: their items are checked all the
    // same, so that fixing a rule's typo does not uncover a bad regex or an
    // undefined list in it on the next run. Nothing of them is kept.
    for (const RuleFile& f : files_) {
      for (Rule rule : f.rejected) {
        bool unused = true;
        Resolve(&rule.match, lists, macro_index, &list_names, &macro_names, &unused);
        Resolve(&rule.exceptions, lists, macro_index, &list_names, &macro_names, &unused);
      }
    }
    (void)ok;
    return out;
  }

 private:
  const std::vector<RuleFile>& files_;
  const RuleSetOptions& options_;
  std::vector<Diagnostic>* diagnostics_;
};

}  // namespace

CollectedRules CollectRules(const std::vector<RuleFile>& files, const RuleSetOptions& options,
                            std::vector<Diagnostic>* diagnostics) {
  return Collector(files, options, diagnostics).Run();
}

}  // namespace earshot
