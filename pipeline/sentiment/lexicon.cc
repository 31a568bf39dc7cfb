#include "pipeline/sentiment/lexicon.h"

#include <charconv>
#include <fstream>

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
  // An entry is split into words exactly as a post is, so "top-notch" is the
  // phrase "top notch" and "kargo'm" stays one word. A trailing '*' marks the
  // last word as a stem; the normalizer would drop it, so it is taken off first.
  bool stem = false;
  while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
  if (entry.size() > 1 && entry.back() == '*') {
    stem = true;
    entry.remove_suffix(1);
  }
  std::vector<std::string> words;
  for (Token& token : Normalize(entry, /*turkish=*/true).tokens) {
    if (token.kind == Token::Kind::kHashtag) continue;  // its parts follow as words
    words.push_back(std::move(token.text));
  }
  if (words.empty()) return;
  MarkStart(words[0], stem && words.size() == 1);
  if (words.size() == 1) {
    if (stem) {
      AddStem(words[0], valence);
    } else {
      words_[words[0]] = valence;
    }
    return;
  }
  Phrase phrase;
  phrase.valence = valence;
  phrase.rest.assign(words.begin() + 1, words.end());
  phrase.last_is_stem = stem;
  phrases_[words[0]].push_back(std::move(phrase));
  ++phrase_count_;
}

void Lexicon::AddStem(const std::string& stem, double valence) {
  if (stem_nodes_.empty()) stem_nodes_.emplace_back();
  int32_t node = 0;
  for (const char c : stem) {
    int32_t child = stem_nodes_[static_cast<size_t>(node)].first_child;
    while (child >= 0 && stem_nodes_[static_cast<size_t>(child)].c != c) {
      child = stem_nodes_[static_cast<size_t>(child)].next_sibling;
    }
    if (child < 0) {
      child = static_cast<int32_t>(stem_nodes_.size());
      StemNode added;
      added.c = c;
      added.next_sibling = stem_nodes_[static_cast<size_t>(node)].first_child;
      stem_nodes_.push_back(added);
      stem_nodes_[static_cast<size_t>(node)].first_child = child;
    }
    node = child;
  }
  StemNode& end = stem_nodes_[static_cast<size_t>(node)];
  if (!end.terminal) ++stem_count_;
  end.terminal = true;
  end.valence = valence;
}

size_t Lexicon::CharClass(std::string_view word, size_t k) {
  if (k >= word.size()) return kClasses - 1;  // end of word
  const char c = word[k];
  if (c >= 'a' && c <= 'z') return static_cast<size_t>(c - 'a');
  if (c >= '0' && c <= '9') return 26 + static_cast<size_t>(c - '0');
  return kClasses - 2;  // anything else, including every byte of a multi-byte character
}

void Lexicon::MarkStart(std::string_view word, bool stem) {
  auto mark = [&](size_t a, size_t b, size_t c) {
    const size_t bit = (a * kClasses + b) * kClasses + c;
    start_bits_[bit / 64] |= uint64_t{1} << (bit % 64);
  };
  const size_t a = CharClass(word, 0);
  const size_t b = CharClass(word, 1);
  const size_t c = CharClass(word, 2);
  if (!stem || word.size() >= 3) {
    mark(a, b, c);
    return;
  }
  // A stem shorter than three characters starts words with any continuation.
  for (size_t x = 0; x < kClasses; ++x) {
    if (word.size() == 2) {
      mark(a, b, x);
    } else {
      for (size_t y = 0; y < kClasses; ++y) mark(a, x, y);
    }
  }
}

bool Lexicon::MayStart(std::string_view token) const {
  const size_t bit =
      (CharClass(token, 0) * kClasses + CharClass(token, 1)) * kClasses + CharClass(token, 2);
  return (start_bits_[bit / 64] >> (bit % 64)) & 1;
}

std::optional<LexiconHit> Lexicon::Lookup(const std::vector<std::string_view>& tokens,
                                          size_t i) const {
  const std::string_view token = tokens[i];
  if (!MayStart(token)) return std::nullopt;
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
  // Longest stem first, so "rezillik" prefers "rezil" over "rez": one walk
  // down the stem trie, remembering the last stem passed (at least 2 letters).
  if (stem_nodes_.empty()) return std::nullopt;
  int32_t node = 0;
  size_t best_len = 0;
  double best_valence = 0;
  for (size_t k = 0; k < token.size(); ++k) {
    int32_t child = stem_nodes_[static_cast<size_t>(node)].first_child;
    while (child >= 0 && stem_nodes_[static_cast<size_t>(child)].c != token[k]) {
      child = stem_nodes_[static_cast<size_t>(child)].next_sibling;
    }
    if (child < 0) break;
    node = child;
    const StemNode& n = stem_nodes_[static_cast<size_t>(node)];
    if (n.terminal && k + 1 >= 2) {
      best_len = k + 1;
      best_valence = n.valence;
    }
  }
  if (best_len > 0) {
    return LexiconHit{best_valence, 1, token.substr(best_len), token.substr(0, best_len), true};
  }
  return std::nullopt;
}

std::optional<double> Lexicon::LookupWord(std::string_view word) const {
  if (!MayStart(word)) return std::nullopt;
  if (const auto it = words_.find(word); it != words_.end()) return it->second;
  return std::nullopt;
}

}  // namespace earshot
