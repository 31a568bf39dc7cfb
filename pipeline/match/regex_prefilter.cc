#include "pipeline/match/regex_prefilter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <limits>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

namespace earshot {
namespace {

// Atoms shorter than this are dropped from the formulas (treated as always
// present): "a", "is" occur in nearly every post and would only cost
// lookups. Measured on the shipped packs: 2 and 3 leave about as many
// candidate regexes per post, 4 five times as many.
constexpr int kMinAtomLength = 3;

}  // namespace

bool SkipsOverText(const std::string& re) {
  bool in_class = false;
  bool broad = false;               // the atom just read can step over words
  std::vector<bool> groups{false};  // per open group: holds a broad atom
  for (size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (in_class) {
      if (c == '\\') {
        ++i;
      } else if (c == ']') {
        in_class = false;
      }
      continue;
    }
    if ((c == '*' || c == '+' || c == '{') && broad) return true;
    if (c == '*' || c == '+' || c == '{' || c == '?' || c == '}' || c == ',' ||
        (c >= '0' && c <= '9' && i > 0 &&
         (re[i - 1] == '{' || re[i - 1] == ',' || (re[i - 1] >= '0' && re[i - 1] <= '9')))) {
      continue;  // a quantifier (or its digits) keeps the atom it repeats
    }
    broad = false;
    if (c == '\\' && i + 1 < re.size()) {
      const char e = re[++i];
      broad = e == 'S' || e == 'W' || e == 'D' || e == 'C';
    } else if (c == '.') {
      broad = true;
    } else if (c == '[') {
      in_class = true;
      broad = i + 1 < re.size() && re[i + 1] == '^';
      if (broad) ++i;
      if (i + 1 < re.size() && re[i + 1] == ']') ++i;  // "[]...]" and "[^]...]"
    } else if (c == '(') {
      groups.push_back(false);
    } else if (c == ')' && groups.size() > 1) {
      broad = groups.back();  // "(.)*": the group is the repeated atom
      groups.pop_back();
    }
    if (broad) groups.back() = true;
  }
  return false;
}

bool AnchoredToAnEnd(const std::string& re) {
  if (!re.empty() && re.front() == '^') return true;
  if (re.empty() || re.back() != '$') return false;
  // "\$" is a dollar sign: an odd number of backslashes before it.
  size_t slashes = 0;
  for (size_t i = re.size() - 1; i > 0 && re[i - 1] == '\\'; --i) ++slashes;
  return slashes % 2 == 0;
}

namespace {

// Limits on reading one regex's formula back (FormulaOf). Past them the
// regex keeps a weaker formula that its real one implies, so it runs on
// some texts it cannot match, never the other way round.
constexpr size_t kMaxFormulaAtoms = 60;

// Leading literals shorter than this ("a", "i") occur in most posts; a
// regex that opens with one runs over the whole text instead.
constexpr size_t kMinLeaderLength = 2;
constexpr size_t kMaxFormulaSets = 128;
constexpr int kMaxFormulaQueries = 4096;

// A formula over one probe's atoms (its atom indices): it holds when every
// clause of some conjunction has one of its atoms present. Empty: it never
// holds; a conjunction with no clauses: it always does.
using Clause = std::vector<int>;
using Formula = std::vector<std::vector<Clause>>;

Clause ClauseOf(uint64_t atoms) {
  Clause clause;
  for (int k = 0; k < 64; ++k) {
    if ((atoms >> k) & 1) clause.push_back(k);
  }
  return clause;
}

// Asks whether the probe's one regex passes with a set of its atoms.
class FormulaProbe {
 public:
  FormulaProbe(const re2::FilteredRE2& probe, size_t atom_count)
      : probe_(probe), atom_count_(atom_count) {}
  bool Passes(uint64_t set) {
    ++queries_;
    present_.clear();
    for (size_t k = 0; k < atom_count_; ++k) {
      if ((set >> k) & 1) present_.push_back(static_cast<int>(k));
    }
    probe_.AllPotentials(present_, &passed_);
    return !passed_.empty();
  }
  uint64_t all() const {
    return atom_count_ == 64 ? ~uint64_t{0} : (uint64_t{1} << atom_count_) - 1;
  }
  size_t atom_count() const { return atom_count_; }
  int queries() const { return queries_; }

 private:
  const re2::FilteredRE2& probe_;
  size_t atom_count_;
  int queries_ = 0;
  std::vector<int> present_;
  std::vector<int> passed_;
};

// The minimal sets S of atoms with holds(S), for a monotone `holds` that
// holds for all atoms; nullopt when they are too many to list. Every
// minimal set inside `set` (which holds) is found: shrink `set` to one
// minimal set m; any other minimal set lacks some atom of m, so it lies
// inside `set` without that atom, which is explored in turn.
template <typename Holds>
std::optional<std::vector<uint64_t>> MinimalSets(FormulaProbe* probe, Holds&& holds) {
  std::vector<uint64_t> found;
  std::set<uint64_t> explored;
  bool too_many = false;
  std::function<void(uint64_t)> explore = [&](uint64_t set) {
    if (too_many || !explored.insert(set).second) return;
    uint64_t minimal = set;
    for (size_t k = 0; k < probe->atom_count(); ++k) {
      const uint64_t bit = uint64_t{1} << k;
      if ((minimal & bit) != 0 && holds(minimal & ~bit)) minimal &= ~bit;
    }
    if (std::find(found.begin(), found.end(), minimal) == found.end()) found.push_back(minimal);
    if (found.size() > kMaxFormulaSets || probe->queries() > kMaxFormulaQueries) {
      too_many = true;
      return;
    }
    for (size_t k = 0; k < probe->atom_count(); ++k) {
      const uint64_t bit = uint64_t{1} << k;
      if ((minimal & bit) != 0 && holds(set & ~bit)) explore(set & ~bit);
    }
  };
  explore(probe->all());
  if (too_many) return std::nullopt;
  return found;
}

// The regex's formula, read back from its probe: as the minimal atom sets
// with which it passes (disjunctive normal form: "kargo AND gelmedi" OR
// "iade AND yapilmadi"), or as the minimal atom sets without which it
// fails (conjunctive normal form: one of nine nouns AND one of nine verbs,
// 81 sets the other way), whichever lists fewer atoms; when neither can be
// listed, a weaker formula: every atom it cannot pass without, or any one
// of its atoms.
Formula FormulaOf(const re2::FilteredRE2& re, size_t atom_count, bool* any_one) {
  *any_one = false;
  if (atom_count > 64) {
    // Too many atoms for the bit sets below: any one of them, which holds
    // whenever the real formula does unless that needs no atom at all.
    std::vector<int> none;
    std::vector<int> passed;
    re.AllPotentials(none, &passed);
    if (!passed.empty()) return Formula{{}};
    Clause any(atom_count);
    for (size_t k = 0; k < atom_count; ++k) any[k] = static_cast<int>(k);
    *any_one = atom_count > 1;
    return Formula{{any}};
  }
  FormulaProbe probe(re, atom_count);
  if (probe.Passes(0)) return Formula{{}};             // needs no atom
  if (!probe.Passes(probe.all())) return Formula{{}};  // never expected; then no filter
  if (atom_count <= kMaxFormulaAtoms) {
    // Both readings when they can be listed, and the one with fewer atom
    // entries wins: each entry is a counter a found atom bumps on every post.
    std::optional<Formula> best;
    size_t best_entries = 0;
    auto consider = [&](Formula formula) {
      size_t entries = 0;
      for (const std::vector<Clause>& term : formula) {
        for (const Clause& clause : term) entries += clause.size();
      }
      if (!best || entries < best_entries) {
        best = std::move(formula);
        best_entries = entries;
      }
    };
    if (auto sets = MinimalSets(&probe, [&](uint64_t set) { return probe.Passes(set); })) {
      Formula dnf;
      for (const uint64_t set : *sets) {
        std::vector<Clause> clauses;
        for (const int k : ClauseOf(set)) clauses.push_back(Clause{k});
        dnf.push_back(std::move(clauses));
      }
      consider(std::move(dnf));
    }
    FormulaProbe dual(re, atom_count);
    if (auto sets =
            MinimalSets(&dual, [&](uint64_t set) { return !dual.Passes(dual.all() & ~set); })) {
      std::vector<Clause> cnf;
      for (const uint64_t set : *sets) cnf.push_back(ClauseOf(set));
      consider(Formula{cnf});
    }
    if (best) return *best;
  }
  // The weaker formula: every atom it cannot pass without, or else any one.
  std::vector<Clause> clauses;
  for (size_t k = 0; k < atom_count; ++k) {
    if (!probe.Passes(probe.all() & ~(uint64_t{1} << k)))
      clauses.push_back(Clause{static_cast<int>(k)});
  }
  if (clauses.empty()) {
    clauses.push_back(ClauseOf(probe.all()));
    *any_one = atom_count > 1;
  }
  return Formula{clauses};
}

}  // namespace

bool RegexPrefilter::Build(const std::vector<std::string>& regexes, const RE2::Options& options,
                           std::string* error) {
  count_ = regexes.size();
  probes_.clear();
  marks_.clear();
  mark_ids_.clear();
  required_marks_.assign(regexes.size(), {0, 0});
  regex_term_begin_.assign(1, 0);
  term_regex_.clear();
  term_clause_begin_.assign(1, 0);
  clause_atom_begin_.assign(1, 0);
  clause_atoms_.clear();
  always_.clear();
  weak_.clear();
  leader_begin_.assign(1, 0);
  regex_leaders_.clear();
  leader_length_.clear();
  backtrack_.clear();
  std::vector<std::string> leader_texts;
  std::unordered_map<std::string, int32_t> leader_ids;
  std::vector<std::string> atoms;  // every regex's atoms, each once
  std::unordered_map<std::string, int> atom_ids;
  std::vector<std::pair<int, int32_t>> atom_trigger;  // (atom, term) pairs
  for (size_t id = 0; id < regexes.size(); ++id) {
    auto probe = std::make_unique<re2::FilteredRE2>(kMinAtomLength);
    int probe_id = 0;
    if (probe->Add(regexes[id], options, &probe_id) != RE2::NoError) {
      *error = "regex '" + regexes[id] + "' does not compile";
      return false;
    }
    std::vector<std::string> own;
    probe->Compile(&own);
    std::vector<int> ids;  // the probe's atom k is atoms[ids[k]]
    for (const std::string& atom : own) {
      const auto [it, added] = atom_ids.emplace(atom, static_cast<int>(atoms.size()));
      if (added) atoms.push_back(atom);
      ids.push_back(it->second);
    }
    bool any_one = false;
    const Formula formula = FormulaOf(*probe, own.size(), &any_one);
    weak_.push_back(any_one || formula.front().empty() ? 1 : 0);
    if (formula.front().empty()) {
      always_.push_back(static_cast<int>(id));
    } else {
      for (const std::vector<Clause>& clauses : formula) {
        const auto t = static_cast<int32_t>(term_regex_.size());
        term_regex_.push_back(static_cast<int32_t>(id));
        const size_t kept = std::min<size_t>(clauses.size(), 32);
        // The trigger: the clause whose shortest atom is longest; of
        // those, the one of fewest atoms.
        size_t trigger = 0;
        size_t best_shortest = 0;
        size_t best_count = 0;
        for (size_t n = 0; n < kept; ++n) {
          size_t shortest = std::numeric_limits<size_t>::max();
          for (const int k : clauses[n])
            shortest = std::min(shortest, own[static_cast<size_t>(k)].size());
          if (n == 0 || shortest > best_shortest ||
              (shortest == best_shortest && clauses[n].size() < best_count)) {
            trigger = n;
            best_shortest = shortest;
            best_count = clauses[n].size();
          }
        }
        for (const int k : clauses[trigger])
          atom_trigger.emplace_back(ids[static_cast<size_t>(k)], t);
        for (size_t n = 0; n < kept; ++n) {
          if (n == trigger) continue;
          for (const int k : clauses[n]) clause_atoms_.push_back(ids[static_cast<size_t>(k)]);
          clause_atom_begin_.push_back(static_cast<uint32_t>(clause_atoms_.size()));
        }
        term_clause_begin_.push_back(static_cast<uint32_t>(clause_atom_begin_.size() - 1));
      }
    }
    regex_term_begin_.push_back(static_cast<uint32_t>(term_regex_.size()));
    probes_.push_back(std::move(probe));
    if (auto leaders = ReadLeadingLiterals(regexes[id]);
        leaders && std::all_of(leaders->begin(), leaders->end(), [](const LeadingLiteral& l) {
          return l.text.size() >= kMinLeaderLength;
        })) {
      for (const LeadingLiteral& l : *leaders) {
        const auto [it, added] =
            leader_ids.emplace(l.text, static_cast<int32_t>(leader_texts.size()));
        if (added) {
          leader_texts.push_back(l.text);
          leader_length_.push_back(static_cast<uint32_t>(l.text.size()));
        }
        regex_leaders_.push_back(
            RegexLeader{it->second, l.after_word_boundary && IsRegexWordByte(l.text[0])});
      }
    }
    leader_begin_.push_back(static_cast<uint32_t>(regex_leaders_.size()));
    backtrack_.push_back(BacktrackRegex::Compile(regexes[id]));
    // Leading literals hold a regex back as well as its atoms do: it is
    // tried only where one of them occurs.
    if (leader_begin_[id + 1] > leader_begin_[id]) weak_[id] = 0;
  }
  long_atom_count_ = atoms.size();
  std::sort(atom_trigger.begin(), atom_trigger.end());
  atom_trigger_begin_.assign(atoms.size() + 1, 0);
  atom_triggers_.clear();
  for (const auto& [atom, term] : atom_trigger) {
    ++atom_trigger_begin_[static_cast<size_t>(atom) + 1];
    atom_triggers_.push_back(Trigger{term, term_regex_[static_cast<size_t>(term)]});
  }
  for (size_t a = 0; a < atoms.size(); ++a) atom_trigger_begin_[a + 1] += atom_trigger_begin_[a];
  for (size_t id = 0; id < regexes.size(); ++id) {
    FindRequiredMarks(static_cast<int>(id), regexes[id], options);
  }
  atoms.insert(atoms.end(), marks_.begin(), marks_.end());
  atom_count_ = atoms.size();
  first_leader_id_ = atoms.size();
  atoms.insert(atoms.end(), leader_texts.begin(), leader_texts.end());
  if (!atoms_.Build(atoms, first_leader_id_)) {
    *error = "the regexes' literals are too many to index";
    return false;
  }
  return true;
}

void RegexPrefilter::FindRequiredMarks(int id, const std::string& re, const RE2::Options& options) {
  required_marks_[static_cast<size_t>(id)] = {static_cast<uint32_t>(mark_ids_.size()),
                                              static_cast<uint32_t>(mark_ids_.size())};
  // Only a regex that writes a punctuation mark, escaped ("\\?") or one
  // RE2 takes literally ("!"), can require one; the rest are not probed
  // (each probe compiles the regex again).
  // Not ',' ':' '<' '>': they are also syntax ("{0,3}", "(?:", "(?P<name>"),
  // and a probe per counted repetition would slow the load of big packs.
  static constexpr std::string_view kLiteralMarks = "!;#@'\"%&=~/";
  bool writes_mark = false;
  for (size_t i = 0; i < re.size() && !writes_mark; ++i) {
    if (re[i] == '\\' && i + 1 < re.size()) {
      const auto c = static_cast<unsigned char>(re[++i]);
      writes_mark = std::ispunct(c) != 0 && c != '\\';
    } else {
      writes_mark = kLiteralMarks.find(re[i]) != std::string_view::npos;
    }
  }
  if (!writes_mark) return;
  // The regex's formula over atoms of any length. A mark is required when
  // the formula fails with every atom present but that one: no match can
  // then occur without it (formulas are monotone).
  re2::FilteredRE2 probe(1);
  int probe_id = 0;
  if (probe.Add(re, options, &probe_id) != RE2::NoError) return;
  std::vector<std::string> atoms;
  probe.Compile(&atoms);
  std::vector<int> all(atoms.size());
  for (size_t k = 0; k < all.size(); ++k) all[k] = static_cast<int>(k);
  std::vector<int> passed;
  probe.AllPotentials(all, &passed);
  if (passed.empty()) return;  // never expected; then no guard
  for (size_t k = 0; k < atoms.size(); ++k) {
    const std::string& atom = atoms[k];
    if (atom.size() != 1 || std::ispunct(static_cast<unsigned char>(atom[0])) == 0) continue;
    std::vector<int> others;
    for (const int a : all) {
      if (a != static_cast<int>(k)) others.push_back(a);
    }
    probe.AllPotentials(others, &passed);
    if (!passed.empty()) continue;
    const auto known = std::find(marks_.begin(), marks_.end(), atom);
    mark_ids_.push_back(static_cast<uint32_t>(known - marks_.begin()));
    if (known == marks_.end()) marks_.push_back(atom);
  }
  required_marks_[static_cast<size_t>(id)].second = static_cast<uint32_t>(mark_ids_.size());
}

void RegexPrefilter::Candidates(std::string_view text, Scratch* scratch) const {
  scratch->atoms.clear();
  scratch->occurrences.clear();
  // The scan leaves seen[a] true for each atom found: the other clauses
  // of a triggered term are checked against it, and it is cleared below.
  atoms_.Scan(text, &scratch->atoms, &scratch->seen, &scratch->occurrences, /*keep_seen=*/true);
  // Chain each leader's occurrences for Runs.
  if (scratch->leader_head.size() < leader_length_.size()) {
    scratch->leader_head.resize(leader_length_.size(), -1);
  }
  scratch->occurrence_next.resize(scratch->occurrences.size());
  for (size_t k = 0; k < scratch->occurrences.size(); ++k) {
    const auto leader = static_cast<size_t>(scratch->occurrences[k].id) - first_leader_id_;
    scratch->occurrence_next[k] = scratch->leader_head[leader];
    scratch->leader_head[leader] = static_cast<int32_t>(k);
  }
  scratch->marks.assign(marks_.size(), 0);
  if (scratch->term_pending.size() < term_regex_.size()) {
    scratch->term_pending.resize(term_regex_.size());
  }
  if (scratch->is_candidate.size() < count_) scratch->is_candidate.resize(count_);
  std::vector<int>& matched = scratch->matched;
  matched.clear();
  const auto long_count = static_cast<int>(long_atom_count_);
  // A term whose trigger was found passes when each of its other clauses
  // has an atom found too.
  auto others_met = [&](int32_t term) {
    for (uint32_t c = term_clause_begin_[static_cast<size_t>(term)];
         c < term_clause_begin_[static_cast<size_t>(term) + 1]; ++c) {
      bool met = false;
      for (uint32_t k = clause_atom_begin_[c]; k < clause_atom_begin_[c + 1] && !met; ++k) {
        met = scratch->seen[static_cast<size_t>(clause_atoms_[k])] != 0;
      }
      if (!met) return false;
    }
    return true;
  };
  for (const int atom : scratch->atoms) {
    if (atom >= long_count) {  // marks are the scanner's last ids
      scratch->marks[static_cast<size_t>(atom - long_count)] = 1;
      continue;
    }
    const auto a = static_cast<size_t>(atom);
    for (uint32_t i = atom_trigger_begin_[a]; i < atom_trigger_begin_[a + 1]; ++i) {
      const Trigger& trigger = atom_triggers_[i];
      char& pending = scratch->term_pending[static_cast<size_t>(trigger.term)];
      if (pending != 0) continue;
      pending = 1;
      scratch->touched_terms.push_back(trigger.term);
      if (!others_met(trigger.term)) continue;
      char& listed = scratch->is_candidate[static_cast<size_t>(trigger.regex)];
      if (listed == 0) {
        listed = 1;
        matched.push_back(trigger.regex);
      }
    }
  }
  // Put the scratch back to all zeros for the next text.
  for (const int t : scratch->touched_terms) scratch->term_pending[static_cast<size_t>(t)] = 0;
  scratch->touched_terms.clear();
  for (const int atom : scratch->atoms) scratch->seen[static_cast<size_t>(atom)] = 0;
  for (const int regex : matched) scratch->is_candidate[static_cast<size_t>(regex)] = 0;
  matched.insert(matched.end(), always_.begin(), always_.end());
  std::sort(matched.begin(), matched.end());
}

void RegexPrefilter::ForgetLeaders(Scratch* scratch) const {
  for (const LiteralScanner::Occurrence& o : scratch->occurrences) {
    scratch->leader_head[static_cast<size_t>(o.id) - first_leader_id_] = -1;
  }
  scratch->occurrences.clear();
}

bool RegexPrefilter::Runs(int id, std::string_view text, Scratch* scratch) const {
  // RE2::Match with no submatches is what PartialMatch ends in, without the
  // argument handling on the way (DoMatch was 2.6% of matching time at 10k
  // rules).
  const RE2& re = probes_[static_cast<size_t>(id)]->GetRE2(0);
  const uint32_t begin = leader_begin_[static_cast<size_t>(id)];
  const uint32_t end = leader_begin_[static_cast<size_t>(id) + 1];
  const std::optional<BacktrackRegex>& backtrack = backtrack_[static_cast<size_t>(id)];
  if (begin == end) {
    if (backtrack) {
      size_t from = 0;
      switch (backtrack->Search(text, 0, &scratch->backtrack_stack, &from)) {
        case BacktrackRegex::Result::kMatch:
          return true;
        case BacktrackRegex::Result::kNoMatch:
          return false;
        case BacktrackRegex::Result::kGaveUp:
          return re.Match(text, from, text.size(), RE2::UNANCHORED, nullptr, 0);
      }
    }
    return re.Match(text, 0, text.size(), RE2::UNANCHORED, nullptr, 0);
  }
  // Every match starts where a leading literal does. Through RE2, past a
  // few such places one unanchored search from the first is cheaper than
  // a search at each; a BacktrackRegex tries each place for little.
  constexpr size_t kMaxStarts = 6;
  std::array<size_t, kMaxStarts> starts{};
  size_t count = 0;
  size_t first = std::string_view::npos;
  for (uint32_t k = begin; k < end; ++k) {
    const RegexLeader& leader = regex_leaders_[k];
    const uint32_t length = leader_length_[static_cast<size_t>(leader.leader)];
    for (int32_t o = scratch->leader_head[static_cast<size_t>(leader.leader)]; o >= 0;
         o = scratch->occurrence_next[static_cast<size_t>(o)]) {
      const size_t at = scratch->occurrences[static_cast<size_t>(o)].end - length;
      if (leader.word_boundary && at > 0 && IsRegexWordByte(text[at - 1])) continue;
      if (backtrack) {
        switch (backtrack->MatchesAt(text, at, &scratch->backtrack_stack)) {
          case BacktrackRegex::Result::kMatch:
            return true;
          case BacktrackRegex::Result::kNoMatch:
            continue;
          case BacktrackRegex::Result::kGaveUp:
            // One search of the whole text answers for every place, so a
            // text that makes many tries give up costs one RE2 search.
            return re.Match(text, 0, text.size(), RE2::UNANCHORED, nullptr, 0);
        }
      }
      first = std::min(first, at);
      if (count < kMaxStarts) starts[count] = at;
      ++count;
    }
  }
  if (count == 0) return false;
  if (count > kMaxStarts) return re.Match(text, first, text.size(), RE2::UNANCHORED, nullptr, 0);
  for (size_t k = 0; k < count; ++k) {
    if (re.Match(text, starts[k], text.size(), RE2::ANCHOR_START, nullptr, 0)) return true;
  }
  return false;
}

}  // namespace earshot
