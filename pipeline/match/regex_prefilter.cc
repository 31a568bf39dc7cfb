#include "pipeline/match/regex_prefilter.h"

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
  atom_count_ = atoms.size();
  if (!atoms_.Build(atoms)) {
    *error = "the regexes' literals are too many to index";
    return false;
  }
  return true;
}

void RegexPrefilter::Candidates(std::string_view text, Scratch* scratch) const {
  scratch->atoms.clear();
  atoms_.Scan(text, &scratch->atoms, &scratch->seen);
  filter_->AllPotentials(scratch->atoms, &scratch->matched);
}

}  // namespace earshot
