// RegexPrefilter: which of many regexes match a text, running only the
// regexes whose required literals occur in it.
//
// One RE2::Set over every rule regex builds a DFA whose states combine the
// progress of all regexes at once. Regexes with gaps ("(\S+\s+){0,3}",
// ".{0,20}") multiply those states, and on posts it has not seen (every
// live post) the set spends its time building states instead of matching:
// 150-220 µs for a 380-character complaint against the shipped packs, and
// no amount of memory budget helps (docs/performance.md, "Rule matching").
// Instead, RE2's FilteredRE2 computes for each regex an AND/OR formula of
// literal atoms that any match must contain; a LiteralScanner finds the
// atoms present in one pass; the formulas are evaluated; and only the
// regexes that pass run, each its own RE2 with its own small DFA, which
// stays warm. Regexes from which RE2 can extract no atoms run on every
// text. The answer is exactly the set's answer (rule_set_test.cc and the
// rules benchmark compare them).
//
// A regex whose every match starts with one of a few literals (its leading
// literals, leading_literals.h: "\b(order|parcel)s?\s+...") is not run
// over the whole text: the same scan notes where those literals occur, and
// the regex is tried anchored at each such place, where its DFA stops
// within a few words (past six places, once unanchored from the first).
//
// The formulas are evaluated here, not by FilteredRE2::AllPotentials: that
// call allocates and sorts on every text and cost about 3,800 instructions
// a post on the shipped packs, where five atoms and one or two candidates
// are typical. At Build each regex gets its own one-regex FilteredRE2 (which
// also owns its RE2), and its formula is read back from it by asking which
// atom sets pass: as the minimal sets that do (disjunctive normal form:
// "kargo AND gelmedi" OR "iade AND yapilmadi") or as the minimal sets
// without which it fails (conjunctive normal form: one of nine nouns AND
// one of nine verbs), whichever lists fewer atoms. A post then costs a few
// counter bumps per atom found.
//
// Every rule regex over the folded form comes here (rule_compiler.cc),
// save those nothing holds back (runs_on_every_text), which share one
// RE2::Set scan instead. The set's DFA costs a walk over every byte of
// every post, and on a post it has not seen (every live post) it builds
// states for most of them: over the four evaluation files that was 30% of
// all classifying. Run alone, where their literals are, the same regexes
// cost a fifth of that (docs/performance.md, twenty-sixth pass).
//
// The text must be lowercase where the regexes expect letters (atoms are
// lowercase); the folded form of NormalizedText is.
//
// Thread safety: immutable after Build(); Match() is safe concurrently.
#pragma once

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/match/backtrack_regex.h"
#include "pipeline/match/leading_literals.h"
#include "pipeline/match/literal_scanner.h"

namespace earshot {

// True when `re` repeats a class broad enough to step over words: ".", "\S",
// "\W", "\D" or a negated "[^...]" followed by "*", "+" or "{". These are
// the regexes that multiply an RE2::Set's DFA states ("(\S+\s+){0,3}",
// ".{0,20}", ".*"); "\w*", "\s+" and alternations of words do not.
bool SkipsOverText(const std::string& re);

// True when `re` starts with "^" or ends with "$". Run alone, RE2 tries
// such a regex at that end of the text only; in a set, its threads ride
// along with every other regex's ("[!.]\s*$" starts one at every full
// stop) and multiply the DFA's states.
bool AnchoredToAnEnd(const std::string& re);

// The regexes that go to the prefilter and run alone: SkipsOverText or
// AnchoredToAnEnd.
inline bool RunsAlone(const std::string& re) { return SkipsOverText(re) || AnchoredToAnEnd(re); }

class RegexPrefilter {
 public:
  // Per-thread buffers for Match().
  struct Scratch {
    std::vector<int> atoms;
    std::vector<char> seen;
    std::vector<int> matched;        // the candidates of the last text, ascending
    std::vector<char> marks;         // [k]: marks_[k] occurs in the text
    std::vector<char> term_pending;  // [t]: term t's trigger was found (zero between texts)
    std::vector<int> touched_terms;  // terms with term_pending set
    std::vector<char> is_candidate;  // [id]: already in matched (zero between texts)
    // Where the leading literals occur in the text: occurrences of leader
    // l are chained from leader_head[l] through occurrence_next (-1 ends a
    // chain; every head is -1 between texts).
    std::vector<LiteralScanner::Occurrence> occurrences;
    std::vector<int32_t> occurrence_next;
    std::vector<int32_t> leader_head;
    std::vector<uint64_t> backtrack_stack;  // BacktrackRegex::MatchesAt's
  };

  // Compiles `regexes` (regex i gets id i). Returns false with `error` when a
  // regex does not compile with `options`.
  bool Build(const std::vector<std::string>& regexes, const RE2::Options& options,
             std::string* error);

  // Appends the ids of the regexes matching `text` to `out`, running only
  // the regexes for which wanted(id) is true (the others are left out).
  template <typename Wanted>
  void Match(std::string_view text, std::vector<int>* out, Scratch* scratch,
             Wanted&& wanted) const {
    if (count_ == 0) return;
    Candidates(text, scratch);
    for (const int id : scratch->matched) {
      if (wanted(id) && MarksPresent(id, *scratch) && Runs(id, text, scratch)) {
        out->push_back(id);
      }
    }
    ForgetLeaders(scratch);
  }
  void Match(std::string_view text, std::vector<int>* out, Scratch* scratch) const {
    Match(text, out, scratch, [](int) { return true; });
  }

  size_t size() const { return count_; }
  // How many punctuation marks regex `id` cannot match without ("\\?" in a
  // question regex); it runs only on texts that hold them all.
  size_t required_mark_count(int id) const {
    const auto& [begin, end] = required_marks_[static_cast<size_t>(id)];
    return end - begin;
  }
  size_t atom_count() const { return atom_count_; }
  // True when the literals hold regex `id` back from almost nothing: it
  // needs none of them, or any one of many (RE2 found no literal it cannot
  // match without, as in one long alternation after a gap), no punctuation
  // mark either, and it has no leading literals to be tried at. It then runs on nearly every text,
  // and rule lint warns about it (pattern_unfiltered).
  bool weakly_filtered(int id) const {
    return weak_[static_cast<size_t>(id)] != 0 && required_mark_count(id) == 0;
  }
  // True when nothing holds regex `id` back: no atoms, no leading
  // literals, no punctuation mark. Run alone it would search every text.
  bool runs_on_every_text(int id) const {
    return term_count(id) == 0 && required_mark_count(id) == 0 &&
           leader_begin_[static_cast<size_t>(id)] == leader_begin_[static_cast<size_t>(id) + 1];
  }
  // How many terms (each an AND of clauses, each an OR of atoms) its formula
  // has, any of which lets regex `id` run; 0 when it runs on every text.
  size_t term_count(int id) const {
    return regex_term_begin_[static_cast<size_t>(id) + 1] -
           regex_term_begin_[static_cast<size_t>(id)];
  }

 private:
  // The regexes whose literal formula holds in `text`, into scratch->matched.
  void Candidates(std::string_view text, Scratch* scratch) const;
  // Whether regex `id` matches `text`: tried where its leading literals
  // occur (found by Candidates) when it has them, else over the whole text.
  bool Runs(int id, std::string_view text, Scratch* scratch) const;
  // Puts the leader chains of `scratch` back to empty for the next text.
  void ForgetLeaders(Scratch* scratch) const;
  // Finds the punctuation marks regex `id` cannot match without (see Build).
  void FindRequiredMarks(int id, const std::string& re, const RE2::Options& options);
  bool MarksPresent(int id, const Scratch& scratch) const {
    const auto& [begin, end] = required_marks_[static_cast<size_t>(id)];
    for (uint32_t k = begin; k < end; ++k) {
      if (scratch.marks[mark_ids_[k]] == 0) return false;
    }
    return true;
  }

  size_t count_ = 0;
  size_t atom_count_ = 0;
  // Per regex: a FilteredRE2 of that regex alone, which owns its RE2.
  std::vector<std::unique_ptr<re2::FilteredRE2>> probes_;
  // The formulas: regex r passes when every clause of one of its terms has
  // an atom found. Terms of regex r are [regex_term_begin_[r],
  // regex_term_begin_[r+1]). A term of more than 32 clauses waits for its
  // first 32 only (a weaker filter; the regex still decides).
  std::vector<uint32_t> regex_term_begin_;
  // Each term waits for one clause first, its trigger: the clause whose
  // shortest atom is longest (a short atom such as "bir" or "the" is in
  // most posts, a long one in few). Only the trigger's atoms point at the
  // term; the term's other clauses are checked against the atoms found
  // when its trigger is. Atom a triggers the terms
  // atom_triggers_[atom_trigger_begin_[a], ...[a+1]), each with its regex
  // in the same record, so that the walk over a post's atoms reads one
  // array in order (through a table of terms' regexes, each record was a
  // cache miss more).
  struct Trigger {
    int32_t term;
    int32_t regex;
  };
  std::vector<uint32_t> atom_trigger_begin_;
  std::vector<Trigger> atom_triggers_;
  // Term t's other clauses are term_clause_begin_[t] .. [t + 1], clause c's
  // atoms clause_atoms_[clause_atom_begin_[c], ...[c + 1]).
  std::vector<uint32_t> term_clause_begin_;
  std::vector<uint32_t> clause_atom_begin_;
  std::vector<int32_t> clause_atoms_;
  std::vector<int32_t> term_regex_;  // by term
  std::vector<int> always_;          // regexes with no atoms to wait for: they run on every text
  std::vector<char> weak_;           // per regex: no atoms, or any one of its atoms lets it run
  // Atoms shorter than kMinAtomLength are left out of the formulas, yet
  // a written mark such as "\\?" is rare in posts and decides many question
  // regexes ("\\b(why|what)\\b[^.!]*\\?" runs only where a '?' is). Such
  // marks are found by the same scan: scanner ids from long_atom_count_ on
  // are marks_[id - long_atom_count_].
  size_t long_atom_count_ = 0;
  std::vector<std::string> marks_;
  std::vector<std::pair<uint32_t, uint32_t>> required_marks_;  // per regex: mark_ids_ range
  std::vector<uint32_t> mark_ids_;                             // indices into marks_
  LiteralScanner atoms_;
  // Per regex: the literals every match starts with (leading_literals.h),
  // regex_leaders_[leader_begin_[r], leader_begin_[r + 1]); none when the
  // regex's opening cannot be read or a literal is too short to be worth
  // finding. Each distinct literal is one leader, scanned for with the
  // atoms as scanner id first_leader_id_ + leader.
  struct RegexLeader {
    int32_t leader;
    bool word_boundary;  // a start right after a word character is no start
  };
  std::vector<uint32_t> leader_begin_;
  std::vector<RegexLeader> regex_leaders_;
  std::vector<uint32_t> leader_length_;  // by leader
  // Per regex: the same regex as a BacktrackRegex, which tries a start for
  // a few instructions where RE2 spends hundreds setting up; nullopt where
  // it does not implement the regex's syntax.
  std::vector<std::optional<BacktrackRegex>> backtrack_;
  size_t first_leader_id_ = 0;
};

}  // namespace earshot
