#include "pipeline/match/regex_prefilter.h"

#include <algorithm>
#include <cctype>
#include <string_view>

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

bool RegexPrefilter::Build(const std::vector<std::string>& regexes, const RE2::Options& options,
                           std::string* error) {
  count_ = regexes.size();
  filter_ = std::make_unique<re2::FilteredRE2>(kMinAtomLength);
  marks_.clear();
  mark_ids_.clear();
  required_marks_.assign(regexes.size(), {0, 0});
  if (regexes.empty()) return true;  // FilteredRE2::Compile wants at least one
  for (const std::string& re : regexes) {
    int id = 0;
    if (filter_->Add(re, options, &id) != RE2::NoError) {
      *error = "regex '" + re + "' does not compile";
      return false;
    }
  }
  std::vector<std::string> atoms;
  filter_->Compile(&atoms);
  long_atom_count_ = atoms.size();
  for (size_t id = 0; id < regexes.size(); ++id) {
    FindRequiredMarks(static_cast<int>(id), regexes[id], options);
  }
  atoms.insert(atoms.end(), marks_.begin(), marks_.end());
  atom_count_ = atoms.size();
  if (!atoms_.Build(atoms)) {
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
  atoms_.Scan(text, &scratch->atoms, &scratch->seen);
  scratch->marks.assign(marks_.size(), 0);
  if (!marks_.empty()) {
    // Marks are the scanner's last ids; filter_ knows only the atoms before.
    const auto long_count = static_cast<int>(long_atom_count_);
    size_t kept = 0;
    for (const int atom : scratch->atoms) {
      if (atom < long_count) {
        scratch->atoms[kept++] = atom;
      } else {
        scratch->marks[static_cast<size_t>(atom - long_count)] = 1;
      }
    }
    scratch->atoms.resize(kept);
  }
  filter_->AllPotentials(scratch->atoms, &scratch->matched);
}

}  // namespace earshot
