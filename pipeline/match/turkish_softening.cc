#include "pipeline/match/turkish_softening.h"

#include <sstream>

#include "pipeline/normalize/normalizer.h"

namespace earshot {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

char Softened(char c) { return c == 'k' ? 'g' : 'b'; }

// One piece of a regex, as far as the check needs: a run of lowercase
// letters (a word), a suffix ("\w*" and the like), an open or close
// parenthesis, a bar, or anything else.
struct Piece {
  enum class Kind { kWord, kSuffix, kOpen, kClose, kBar, kOther } kind;
  size_t begin;
  size_t end;
};

// Length of the suffix pattern at re[i], or 0.
size_t SuffixAt(const std::string& re, size_t i) {
  for (const char* suffix :
       {"\\w*", "\\w+", "\\S*", "\\S+", "[^ ]*", "[^ ]+", "[a-z]*", "[a-z]+"}) {
    if (re.compare(i, std::char_traits<char>::length(suffix), suffix) == 0) {
      return std::char_traits<char>::length(suffix);
    }
  }
  return 0;
}

std::vector<Piece> Pieces(const std::string& re) {
  std::vector<Piece> pieces;
  size_t i = 0;
  while (i < re.size()) {
    const char c = re[i];
    if (const size_t n = SuffixAt(re, i); n > 0) {
      pieces.push_back({Piece::Kind::kSuffix, i, i + n});
      i += n;
    } else if (c >= 'a' && c <= 'z') {
      size_t j = i;
      while (j < re.size() && re[j] >= 'a' && re[j] <= 'z') ++j;
      pieces.push_back({Piece::Kind::kWord, i, j});
      i = j;
    } else if (c == '\\') {
      pieces.push_back({Piece::Kind::kOther, i, std::min(i + 2, re.size())});
      i += 2;
    } else if (c == '[') {
      size_t j = i + 1;
      if (j < re.size() && re[j] == '^') ++j;
      if (j < re.size() && re[j] == ']') ++j;
      while (j < re.size() && re[j] != ']') j += re[j] == '\\' ? 2 : 1;
      pieces.push_back({Piece::Kind::kOther, i, std::min(j + 1, re.size())});
      i = j + 1;
    } else if (c == '(') {
      // "(?:" opens a group as "(" does.
      size_t j = i + 1;
      if (re.compare(j, 2, "?:") == 0) j += 2;
      pieces.push_back({Piece::Kind::kOpen, i, j});
      i = j;
    } else {
      pieces.push_back({c == ')'   ? Piece::Kind::kClose
                        : c == '|' ? Piece::Kind::kBar
                                   : Piece::Kind::kOther,
                        i, i + 1});
      ++i;
    }
  }
  return pieces;
}

}  // namespace

bool SoftensBeforeAVowel(const std::string& w) {
  const size_t n = w.size();
  if (n < 3 || (w[n - 1] != 'k' && w[n - 1] != 'p') || !IsVowel(w[n - 2])) return false;
  int syllables = 0;
  for (size_t i = 0; i < n; ++i) {
    if (IsVowel(w[i]) && (i == 0 || !IsVowel(w[i - 1]))) ++syllables;
  }
  return syllables >= 2;
}

std::vector<std::string> SoftenedStemForms(const std::string& term) {
  std::vector<std::string> words;
  std::vector<size_t> softenable;  // indices into words
  std::istringstream in(FoldForMatching(term, /*turkish=*/true));
  for (std::string word; in >> word;) {
    if (word.size() > 1 && word.back() == '*' && softenable.size() < 3 &&
        SoftensBeforeAVowel(word.substr(0, word.size() - 1))) {
      softenable.push_back(words.size());
    }
    words.push_back(std::move(word));
  }
  std::vector<std::string> forms;
  for (uint32_t choice = 1; choice < (1U << softenable.size()); ++choice) {
    std::vector<std::string> form = words;
    for (size_t k = 0; k < softenable.size(); ++k) {
      if (((choice >> k) & 1U) == 0) continue;
      char& last = form[softenable[k]][form[softenable[k]].size() - 2];
      last = Softened(last);
    }
    std::string joined;
    for (const std::string& w : form) joined += (joined.empty() ? "" : " ") + w;
    forms.push_back(std::move(joined));
  }
  return forms;
}

std::vector<UnsoftenedWord> UnsoftenedRegexWords(const std::string& re) {
  const std::vector<Piece> pieces = Pieces(re);
  // For each open parenthesis, where it closes; for each piece, the group
  // it sits in (-1 at the top).
  std::vector<int> close(pieces.size(), -1);
  std::vector<int> group(pieces.size(), -1);
  std::vector<int> open;
  for (size_t k = 0; k < pieces.size(); ++k) {
    group[k] = open.empty() ? -1 : open.back();
    if (pieces[k].kind == Piece::Kind::kOpen) {
      open.push_back(static_cast<int>(k));
    } else if (pieces[k].kind == Piece::Kind::kClose && !open.empty()) {
      close[static_cast<size_t>(open.back())] = static_cast<int>(k);
      open.pop_back();
    }
  }
  auto is = [&](size_t k, Piece::Kind kind) { return k < pieces.size() && pieces[k].kind == kind; };
  std::vector<UnsoftenedWord> out;
  for (size_t k = 0; k < pieces.size(); ++k) {
    if (pieces[k].kind != Piece::Kind::kWord) continue;
    const std::string word = re.substr(pieces[k].begin, pieces[k].end - pieces[k].begin);
    if (!SoftensBeforeAVowel(word)) continue;
    bool suffixed = is(k + 1, Piece::Kind::kSuffix);
    // The last piece of an alternative whose group is followed by a suffix;
    // and the word must begin its alternative, so it is a whole word.
    const bool whole = k == 0 || is(k - 1, Piece::Kind::kOpen) || is(k - 1, Piece::Kind::kBar) ||
                       is(k - 1, Piece::Kind::kOther);
    if (!suffixed && group[k] >= 0 &&
        (is(k + 1, Piece::Kind::kBar) || is(k + 1, Piece::Kind::kClose))) {
      const int end = close[static_cast<size_t>(group[k])];
      suffixed = end >= 0 && is(static_cast<size_t>(end) + 1, Piece::Kind::kSuffix);
    }
    if (!suffixed || !whole) continue;
    std::string softened = word;
    softened.back() = Softened(softened.back());
    // Spelled out elsewhere ("hesap|hesab"), or as a class ("kulakli[kg]")
    // the word would not have been read whole.
    if (re.find(softened) != std::string::npos) continue;
    out.push_back({word, pieces[k].begin});
  }
  return out;
}

}  // namespace earshot
