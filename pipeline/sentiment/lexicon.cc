#include "pipeline/sentiment/lexicon.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "pipeline/normalize/normalizer.h"

namespace earshot {
namespace {

bool WordMatches(const std::string& entry_word, bool stem, std::string_view token) {
  if (stem)
    return token.size() >= entry_word.size() &&
           token.compare(0, entry_word.size(), entry_word) == 0;
  return token == entry_word;
}

}  // namespace

StatusOr<Lexicon> Lexicon::LoadFile(const std::string& path, std::vector<Diagnostic>* diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status("io", path + ": cannot read lexicon");
  Lexicon lexicon;
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    auto bad = [&](const std::string& message) {
      diagnostics->push_back(
          Diagnostic{Severity::kError, "lexicon_syntax", path, line_number, 1, message, line});
    };
    if (tab == std::string::npos) {
      bad("expected entry<TAB>valence");
      continue;
    }
    const std::string entry = line.substr(0, tab);
    const size_t end = line.find('\t', tab + 1);
    const std::string number = line.substr(tab + 1, end == std::string::npos ? end : end - tab - 1);
    double valence = 0;
    try {
      size_t used = 0;
      valence = std::stod(number, &used);
      if (used != number.size()) throw std::invalid_argument("trailing");
    } catch (const std::exception&) {
      bad("valence '" + number + "' is not a number");
      continue;
    }
    if (valence < -4.0 || valence > 4.0) {
      bad("valence must be within -4..+4");
      continue;
    }
    lexicon.Add(entry, valence);
  }
  return lexicon;
}

void Lexicon::Add(std::string_view entry, double valence) {
  const std::string folded = FoldForMatching(entry, /*turkish=*/true);
  std::istringstream in(folded);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  if (words.empty()) return;
  if (words.size() == 1) {
    std::string& w = words[0];
    if (w.size() > 1 && w.back() == '*') {
      w.pop_back();
      max_stem_ = std::max(max_stem_, w.size());
      stems_[w] = valence;
    } else {
      words_[w] = valence;
    }
    return;
  }
  Phrase phrase;
  phrase.valence = valence;
  std::string first = words[0];
  if (!first.empty() && first.back() == '*') first.pop_back();  // stems only on the last word
  for (size_t i = 1; i < words.size(); ++i) phrase.rest.push_back(words[i]);
  if (phrase.rest.back().size() > 1 && phrase.rest.back().back() == '*') {
    phrase.rest.back().pop_back();
    phrase.last_is_stem = true;
  }
  phrases_[first].push_back(std::move(phrase));
  ++phrase_count_;
}

std::optional<LexiconHit> Lexicon::Lookup(const std::vector<std::string_view>& tokens,
                                          size_t i) const {
  const std::string_view token = tokens[i];
  std::optional<LexiconHit> best;
  if (const auto it = phrases_.find(token); it != phrases_.end()) {
    for (const Phrase& phrase : it->second) {
      if (i + phrase.rest.size() >= tokens.size()) continue;
      bool ok = true;
      for (size_t k = 0; k < phrase.rest.size() && ok; ++k) {
        const bool stem = phrase.last_is_stem && k + 1 == phrase.rest.size();
        ok = WordMatches(phrase.rest[k], stem, tokens[i + 1 + k]);
      }
      if (ok && (!best || best->words < phrase.rest.size() + 1)) {
        best = LexiconHit{phrase.valence, phrase.rest.size() + 1, {}, it->first};
        if (phrase.last_is_stem) {
          const std::string_view last = tokens[i + phrase.rest.size()];
          best->suffix = last.substr(phrase.rest.back().size());
        }
      }
    }
  }
  if (best) return best;
  if (const auto it = words_.find(token); it != words_.end()) {
    return LexiconHit{it->second, 1, {}, it->first};
  }
  // Longest stem first, so "rezillik" prefers "rezil" over "rez".
  for (size_t len = std::min(max_stem_, token.size()); len >= 2; --len) {
    if (const auto it = stems_.find(token.substr(0, len)); it != stems_.end()) {
      return LexiconHit{it->second, 1, token.substr(len), it->first + "*"};
    }
  }
  return std::nullopt;
}

}  // namespace earshot
