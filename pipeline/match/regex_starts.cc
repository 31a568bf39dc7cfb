#include "pipeline/match/regex_starts.h"

#include <algorithm>

namespace earshot {
namespace {

// RE2's \w and \b: ASCII letters, digits and '_'.
bool IsWordChar(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// A repetition that lets what precedes it occur zero times, or a count
// this reader does not evaluate.
bool IsQuantifier(char c) { return c == '?' || c == '*' || c == '{' || c == '+'; }

// Index just past the character class opening at re[at] == '['; npos when
// it does not close or holds a POSIX class ("[[:alpha:]]"), which is not
// read here.
size_t SkipClass(const std::string& re, size_t at) {
  size_t i = at + 1;
  if (i < re.size() && re[i] == '^') ++i;
  if (i < re.size() && re[i] == ']') ++i;  // a leading ']' is a member
  for (; i < re.size(); ++i) {
    if (re[i] == '\\') {
      ++i;
    } else if (re[i] == '[' && i + 1 < re.size() && re[i + 1] == ':') {
      return std::string::npos;
    } else if (re[i] == ']') {
      return i + 1;
    }
  }
  return std::string::npos;
}

// Walks re[from, to) token by token, skipping escapes and classes, and
// calls on(i, depth) for every '(' ')' '|' with the depth outside it.
// False when the pattern holds something not read here (\Q...\E quoting,
// an unclosed class or group).
template <typename F>
bool Walk(const std::string& re, size_t from, size_t to, F&& on) {
  int depth = 0;
  for (size_t i = from; i < to;) {
    const char c = re[i];
    if (c == '\\') {
      if (i + 1 >= to || re[i + 1] == 'Q') return false;
      i += 2;
    } else if (c == '[') {
      i = SkipClass(re, i);
      if (i == std::string::npos || i > to) return false;
    } else {
      if (c == ')') --depth;
      if (depth < 0) return false;
      if ((c == '(' || c == ')' || c == '|') && !on(i, depth)) return false;
      if (c == '(') ++depth;
      ++i;
    }
  }
  return depth == 0;
}

// One alternative re[from, to) at the start of a match: a word (its last
// letter dropped when a quantifier follows) or `\d` repeated at least once.
bool ReadAlternative(const std::string& re, size_t from, size_t to, RegexStart* out) {
  if (from >= to) return false;
  if (re.compare(from, 2, "\\d") == 0) {
    const size_t next = from + 2;
    if (next < to && IsQuantifier(re[next]) && re[next] != '+') return false;
    out->digit = true;
    return true;
  }
  size_t end = from;
  while (end < to && IsWordChar(static_cast<unsigned char>(re[end]))) ++end;
  if (end < to && IsQuantifier(re[end])) --end;  // "hours?": the 's' may be absent
  if (end <= from) return false;
  out->words.push_back(re.substr(from, end - from));
  return true;
}

}  // namespace

std::optional<RegexStart> ParseRegexStart(const std::string& re) {
  if (re.compare(0, 2, "\\b") != 0) return std::nullopt;
  // A top-level '|' would make the leading \b belong to one branch only.
  if (!Walk(re, 0, re.size(), [&](size_t i, int depth) { return re[i] != '|' || depth > 0; })) {
    return std::nullopt;
  }
  RegexStart start;
  const size_t at = 2;
  if (at < re.size() && re[at] == '(') {
    size_t from = at + 1;
    if (from < re.size() && re[from] == '?') {
      if (re.compare(from, 2, "?:") != 0) return std::nullopt;  // flags, named groups
      from += 2;
    }
    // The group's ')' and its top-level '|'s.
    size_t close = std::string::npos;
    std::vector<size_t> bars;
    Walk(re, at, re.size(), [&](size_t i, int depth) {
      if (close != std::string::npos) return true;
      if (re[i] == ')' && depth == 0) close = i;
      if (re[i] == '|' && depth == 1) bars.push_back(i);
      return true;
    });
    if (close == std::string::npos) return std::nullopt;
    if (close + 1 < re.size() && IsQuantifier(re[close + 1]) && re[close + 1] != '+') {
      return std::nullopt;  // the group may be skipped
    }
    bars.push_back(close);
    for (const size_t bar : bars) {
      if (!ReadAlternative(re, from, bar, &start)) return std::nullopt;
      from = bar + 1;
    }
  } else if (!ReadAlternative(re, at, re.size(), &start)) {
    return std::nullopt;
  }
  std::sort(start.words.begin(), start.words.end());
  start.words.erase(std::unique(start.words.begin(), start.words.end()), start.words.end());
  return start;
}

void RegexStarts::Add(int id, const std::string& re, const RegexStart& start) {
  const auto index = static_cast<uint32_t>(ids_.size());
  ids_.push_back(id);
  patterns_.push_back(re);
  for (const std::string& word : start.words) drafts_.emplace_back(word, index);
  if (start.digit) digit_drafts_.push_back(index);
}

std::vector<int> RegexStarts::Build(const std::function<RE2::Options(size_t)>& options_for) {
  singles_.resize(ids_.size());
  std::vector<char> refused(ids_.size(), 0);
  auto make_group = [&](std::vector<uint32_t> regexes) {
    Group group;
    group.regexes = std::move(regexes);
    if (group.regexes.size() == 1) {
      std::unique_ptr<RE2>& re = singles_[group.regexes[0]];
      if (re == nullptr) re = std::make_unique<RE2>(patterns_[group.regexes[0]], options_for(1));
      if (re->ok())
        group.single = re.get();
      else
        refused[group.regexes[0]] = 1;
    } else {
      // Anchored: the set runs on the text from the word start, where the
      // leading \b holds as it does in the whole text.
      group.set = std::make_unique<RE2::Set>(options_for(group.regexes.size()), RE2::ANCHOR_START);
      for (const uint32_t r : group.regexes) group.set->Add(patterns_[r], nullptr);
      if (!group.set->Compile()) {
        for (const uint32_t r : group.regexes) refused[r] = 1;
        group.set.reset();
      }
    }
    groups_.push_back(std::move(group));
    return static_cast<uint32_t>(groups_.size() - 1);
  };
  std::stable_sort(drafts_.begin(), drafts_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < drafts_.size();) {
    std::vector<uint32_t> regexes;
    size_t j = i;
    for (; j < drafts_.size() && drafts_[j].first == drafts_[i].first; ++j) {
      regexes.push_back(drafts_[j].second);
    }
    words_.Add(drafts_[i].first, make_group(std::move(regexes)));
    i = j;
  }
  if (!digit_drafts_.empty()) digit_group_ = static_cast<int>(make_group(digit_drafts_));
  words_.Build();
  drafts_.clear();
  digit_drafts_.clear();
  patterns_.clear();
  // A regex refused anywhere goes to the caller's set and is never tried
  // here, so it cannot be reported twice or half-checked.
  std::vector<int> out;
  for (size_t r = 0; r < ids_.size(); ++r) {
    if (refused[r] == 0) continue;
    out.push_back(ids_[r]);
    ids_[r] = -1;
  }
  return out;
}

void RegexStarts::Found(uint32_t r, std::vector<int>* hit, std::vector<uint32_t>* matched) const {
  if (ids_[r] < 0) return;  // refused at Build(): matched by the caller's set
  if (std::find(matched->begin(), matched->end(), r) != matched->end()) return;
  matched->push_back(r);
  hit->push_back(ids_[r]);
}

int RegexStarts::Try(const Group& group, std::string_view text, size_t at, std::vector<int>* hit,
                     std::vector<uint32_t>* matched, std::vector<int>* set_scratch) const {
  if (group.single != nullptr) {
    const uint32_t r = group.regexes[0];
    if (std::find(matched->begin(), matched->end(), r) != matched->end()) return 0;
    // Anchored at the word start, with the whole text as context for \b.
    const re2::StringPiece folded(text.data(), text.size());
    if (group.single->Match(folded, at, folded.size(), RE2::ANCHOR_START, nullptr, 0)) {
      Found(r, hit, matched);
    }
    return 0;
  }
  if (group.set == nullptr) return 0;
  RE2::Set::ErrorInfo info;
  if (!group.set->Match(text.substr(at), set_scratch, &info)) {
    return info.kind == RE2::Set::kOutOfMemory ? 1 : 0;
  }
  for (const int i : *set_scratch) Found(group.regexes[static_cast<size_t>(i)], hit, matched);
  return 0;
}

int RegexStarts::Match(std::string_view text, std::vector<int>* hit, std::vector<uint32_t>* matched,
                       std::vector<int>* set_scratch) const {
  matched->clear();
  if (ids_.empty()) return 0;
  int out_of_memory = 0;
  for (size_t at = 0; at < text.size();) {
    if (!IsWordChar(static_cast<unsigned char>(text[at]))) {
      ++at;
      continue;
    }
    size_t end = at;
    while (end < text.size() && IsWordChar(static_cast<unsigned char>(text[end]))) ++end;
    words_.ForPrefixes(text.substr(at, end - at), [&](const uint32_t* b, const uint32_t* e) {
      for (; b != e; ++b) out_of_memory += Try(groups_[*b], text, at, hit, matched, set_scratch);
    });
    if (digit_group_ >= 0 && IsDigit(static_cast<unsigned char>(text[at]))) {
      out_of_memory +=
          Try(groups_[static_cast<size_t>(digit_group_)], text, at, hit, matched, set_scratch);
    }
    at = end;
  }
  return out_of_memory;
}

}  // namespace earshot
