#include "pipeline/sentiment/lexicon.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <unordered_map>

#include "pipeline/normalize/normalizer.h"
#include "pipeline/word_list.h"

namespace earshot {
namespace {

// Whether all of `s` reads as a number, as the valence column is read.
bool IsWholeNumber(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end != nullptr && *end == '\0';
}

// Inlined into the phrase loops, which run for every word that starts a phrase.
[[gnu::always_inline]] inline bool WordMatches(const std::string& entry_word, bool stem,
                                               std::string_view token) {
  if (stem)
    return token.size() >= entry_word.size() &&
           token.compare(0, entry_word.size(), entry_word) == 0;
  return token == entry_word;
}

// How a word of degree standing inside a two-word phrase changes it: a
// booster ("çok", "very") by a quarter more, a dampener ("biraz", "a bit")
// by a quarter less; 0 for any other word. As the normalized (folded)
// tokens spell them. Not "so" or "too": "never slept so well" is read by
// the negator's construction, and "not too bad" is a phrase of its own.
double DegreeBetweenPhraseWords(std::string_view w) {
  static constexpr std::string_view kBoosters[] = {
      "cok",    "asiri", "fazla",  "gayet", "oldukca",   "epey",       "baya",
      "bayagi", "very",  "really", "super", "extremely", "incredibly", "quite"};
  static constexpr std::string_view kDampeners[] = {"biraz", "azcik",    "hafif",
                                                    "kinda", "slightly", "somewhat"};
  // Asked for every word after a phrase's first word that the phrase did
  // not continue: the lists answer most words from a bit filter.
  static constexpr WordList kBoosterList(kBoosters);
  static constexpr WordList kDampenerList(kDampeners);
  if (kBoosterList.Contains(w)) return 1.25;
  if (kDampenerList.Contains(w)) return 0.75;
  return 0;
}

// The words an entry is filed under, split exactly as a post is, so
// "top-notch" is the phrase "top notch" and "kargo'm" stays one word. A
// trailing '*' marks the last word as a stem; the normalizer would drop it,
// so it is taken off first and reported in *stem. An emoticon that ends in
// '*' (":*", ":-*") is a token of its own in posts, and stays one here.
// *letters is the first word's Token::letters, when `letters` is given.
std::vector<std::string> EntryWords(std::string_view entry, bool* stem,
                                    uint32_t* letters = nullptr) {
  *stem = false;
  while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
  NormalizedText text = Normalize(entry, /*turkish=*/true);
  const bool emoticon = !text.tokens.empty() && text.tokens.back().kind == Token::Kind::kSymbol &&
                        !text.tokens.back().text.empty() && text.tokens.back().text.back() == '*';
  if (!emoticon && entry.size() > 1 && entry.back() == '*') {
    *stem = true;
    entry.remove_suffix(1);
    text = Normalize(entry, /*turkish=*/true);
  }
  std::vector<std::string> words;
  for (Token& token : text.tokens) {
    if (token.kind == Token::Kind::kHashtag) continue;  // its parts follow as words
    if (words.empty() && letters != nullptr) *letters = token.letters;
    words.push_back(std::move(token.text));
  }
  return words;
}

}  // namespace

StatusOr<Lexicon> Lexicon::LoadFile(const std::string& path, std::vector<Diagnostic>* diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status("io", path + ": cannot read lexicon");
  Lexicon lexicon;
  // The line that last gave each key (its words as Add files them, with a
  // '*' for a stem), and that line's entry and valence: a later line with the
  // same key silently replaces it, so it is reported.
  struct Given {
    int line = 0;
    std::string entry;
    double valence = 0.0;
    std::string number;  // the valence as written
  };
  std::unordered_map<std::string, Given> given;
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    auto report = [&](Severity severity, const char* code, int column, const std::string& message) {
      diagnostics->push_back(Diagnostic{severity, code, path, line_number, column, message, line});
    };
    auto bad = [&](const std::string& message) {
      report(Severity::kError, "lexicon_syntax", 1, message);
    };
    if (tab == std::string::npos) {
      // An editor that turns tabs into spaces leaves "awful -3.5": say so,
      // and point at the space.
      const size_t space = line.find_last_of(' ');
      const std::string last = space == std::string::npos ? "" : line.substr(space + 1);
      if (IsWholeNumber(last)) {
        report(Severity::kError, "lexicon_syntax", static_cast<int>(space) + 1,
               "expected entry<TAB>valence; the valence follows a space here: use a tab");
      } else {
        bad("expected entry<TAB>valence");
      }
      continue;
    }
    const std::string entry = line.substr(0, tab);
    const size_t end = line.find('\t', tab + 1);
    const std::string number = line.substr(tab + 1, end == std::string::npos ? end : end - tab - 1);
    // Valence errors point at the valence, after the tab.
    const int valence_column = static_cast<int>(tab) + 2;
    double valence = 0;
    try {
      size_t used = 0;
      valence = std::stod(number, &used);
      if (used != number.size()) throw std::invalid_argument("trailing");
    } catch (const std::exception&) {
      // "2,5" is how a Turkish or German keyboard writes 2.5.
      std::string with_dot = number;
      std::replace(with_dot.begin(), with_dot.end(), ',', '.');
      const bool decimal_comma =
          with_dot != number && number.find(',') == number.rfind(',') && IsWholeNumber(with_dot);
      report(Severity::kError, "lexicon_syntax", valence_column,
             "valence '" + number + "' is not a number" +
                 (decimal_comma ? " (write " + with_dot + ": a decimal point, not a comma)" : ""));
      continue;
    }
    if (valence < -4.0 || valence > 4.0) {
      report(Severity::kError, "lexicon_syntax", valence_column, "valence must be within -4..+4");
      continue;
    }
    bool stem = false;
    const std::vector<std::string> words = EntryWords(entry, &stem);
    // Only a trailing '*' marks a stem (emoticons such as ":*" keep theirs);
    // anywhere else the normalizer drops it, splits the word there or (between
    // letters) reads it as a masked letter, and the entry would not mean what
    // it says. Masked words find their entries by themselves (LookupMasked).
    size_t kept_stars = stem ? 1 : 0;
    for (const std::string& word : words) {
      const bool masked = std::any_of(word.begin(), word.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
      });
      if (!masked) kept_stars += std::count(word.begin(), word.end(), '*');
    }
    const size_t last = entry.find_last_not_of(' ');
    const size_t star =
        kept_stars != static_cast<size_t>(std::count(entry.begin(), entry.end(), '*'))
            ? entry.find('*')
        : stem && entry[last - 1] == ' ' ? last
                                         : std::string::npos;
    if (star != std::string::npos) {
      report(Severity::kError, "lexicon_stem", static_cast<int>(star) + 1,
             "'*' marks a stem only at the end of the entry's last word");
      continue;
    }
    if (words.empty()) {
      report(Severity::kError, "lexicon_empty_entry", 1,
             "entry '" + entry + "' has no words once normalized; it would match nothing");
      continue;
    }
    std::string key;
    for (const std::string& word : words) key += (key.empty() ? "" : " ") + word;
    if (stem) key += '*';
    Given& earlier = given[key];
    if (earlier.line > 0) {
      std::string message = "entry '" + entry + "' repeats line " + std::to_string(earlier.line);
      if (earlier.entry != entry) message += " ('" + earlier.entry + "' reads the same)";
      message += "; this line's valence wins";
      if (earlier.valence != valence) message += " (" + number + " over " + earlier.number + ")";
      report(Severity::kWarning, "lexicon_duplicate", 1, message);
    }
    earlier = Given{line_number, entry, valence, number};
    lexicon.Add(entry, valence);
  }
  return lexicon;
}

void Lexicon::Add(std::string_view entry, double valence) {
  bool stem = false;
  uint32_t letters = 0;
  const std::vector<std::string> words = EntryWords(entry, &stem, &letters);
  if (words.empty()) return;
  MarkStart(words[0], stem && words.size() == 1);
  Entry& target = Insert(words[0]);
  if (words.size() == 1) {
    if (stem) {
      if (!target.stem) ++stem_count_;
      // A one-letter stem is never a hit (stems need two letters), but is
      // marked with every second letter all the same.
      const size_t first = CharClass(words[0], 0) * kClasses;
      for (size_t x = 0; x < kClasses; ++x) {
        const size_t bit = first + (words[0].size() >= 2 ? CharClass(words[0], 1) : x);
        stem_start_bits_[bit / 64] |= uint64_t{1} << (bit % 64);
      }
      target.stem = true;
      target.stem_valence = valence;
      target.stem_letters |= letters;
      AddLength(&stem_lengths_, words[0].size());
    } else {
      if (!target.word) ++word_count_;
      target.word = true;
      target.word_valence = valence;
      target.word_letters |= letters;
      AddLength(&word_lengths_, words[0].size());
    }
    return;
  }
  Phrase phrase;
  phrase.valence = valence;
  phrase.rest.assign(words.begin() + 1, words.end());
  phrase.last_is_stem = stem;
  if (target.phrases < 0) {
    target.phrases = static_cast<int32_t>(phrases_.size());
    phrases_.emplace_back();
  }
  // The same phrase again replaces it, as a word or stem given again does.
  std::vector<Phrase>& phrases = phrases_[static_cast<size_t>(target.phrases)];
  for (Phrase& existing : phrases) {
    if (existing.rest == phrase.rest && existing.last_is_stem == phrase.last_is_stem) {
      existing.valence = valence;
      return;
    }
  }
  target.followers |= phrase.rest[0].empty() ? ~uint32_t{0} : FollowerBit(phrase.rest[0]);
  if (phrase.rest.size() == 1) target.followers |= kAnyFollower;
  phrases.push_back(std::move(phrase));
  ++phrase_count_;
}

uint32_t Lexicon::PhraseFollowers(std::string_view word) const {
  if (phrase_count_ == 0 || word.size() > longest_key_ || !MayStart(word)) return 0;
  const Entry* entry = Find(fnv::HashOf(word), word);
  return entry != nullptr && entry->phrases >= 0 ? entry->followers : 0;
}

bool Lexicon::IsDegreeBetweenPhraseWords(std::string_view w) {
  return DegreeBetweenPhraseWords(w) != 0;
}

Lexicon::Entry& Lexicon::Insert(std::string_view key) {
  const uint64_t hash = fnv::HashOf(key);
  if (const Entry* found = Find(hash, key)) {
    return entries_[static_cast<size_t>(found - entries_.data())];
  }
  // At most half the slots are used, so probe runs stay short.
  if (2 * (entries_.size() + 1) > slots_.size()) Rebuild(std::max<size_t>(16, 2 * slots_.size()));
  Entry entry;
  entry.key = std::string(key);
  entries_.push_back(std::move(entry));
  longest_key_ = std::max(longest_key_, key.size());
  Place(entries_.size() - 1, hash);
  return entries_.back();
}

void Lexicon::Rebuild(size_t slots) {
  slots_.assign(slots, 0);
  mask_ = slots - 1;
  filter_.assign(slots * 8 / 64, 0);
  filter_mask_ = slots * 8 - 1;
  for (size_t k = 0; k < entries_.size(); ++k) Place(k, fnv::HashOf(entries_[k].key));
}

void Lexicon::Place(size_t index, uint64_t hash) {
  const uint64_t mixed = fnv::Mix(hash);
  const uint64_t bit = (mixed >> 20) & filter_mask_;
  filter_[bit / 64] |= uint64_t{1} << (bit % 64);
  uint64_t s = mixed & mask_;
  while (slots_[s] != 0) s = (s + 1) & mask_;
  slots_[s] = (mixed >> 32 << 32) | (index + 1);
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

std::optional<LexiconHit> Lexicon::Lookup(const std::vector<std::string_view>& tokens, size_t i,
                                          bool* starts_phrase, uint32_t letters) const {
  const std::string_view token = tokens[i];
  if (!MayStart(token)) return std::nullopt;
  const PrefixHashes hashes(token, longest_key_);
  const Entry* entry = token.size() <= longest_key_ ? Find(hashes(token.size()), token) : nullptr;
  if (entry != nullptr && entry->phrases >= 0) {
    if (starts_phrase != nullptr) *starts_phrase = true;
    if (auto best = BestPhrase(*entry, tokens, i)) return best;
  }
  if (entry != nullptr && entry->word &&
      !LettersRuleOut(letters, entry->word_letters, token.size())) {
    return LexiconHit{entry->word_valence, 1, {}, entry->key};
  }
  // Longest stem first, so "rezillik" prefers "rezil" over "rez" (stems of
  // at least 2 letters; the whole token counts).
  if (!MayStartStem(token)) return std::nullopt;
  for (size_t n = std::min(token.size(), longest_key_); n >= 2; --n) {
    if (!HasLength(stem_lengths_, n)) continue;
    const Entry* stem = n == token.size() ? entry : Find(hashes(n), token.substr(0, n));
    if (stem != nullptr && stem->stem && !LettersRuleOut(letters, stem->stem_letters, n)) {
      return LexiconHit{stem->stem_valence, 1, token.substr(n), token.substr(0, n), true};
    }
  }
  return std::nullopt;
}

std::optional<bool> Lexicon::LettersRuleOutEntry(std::string_view key, bool stem,
                                                 uint32_t letters) const {
  if (key.size() > longest_key_ || !MayStart(key)) return std::nullopt;
  const Entry* entry = Find(fnv::HashOf(key), key);
  if (entry == nullptr || !(stem ? entry->stem : entry->word)) return std::nullopt;
  return LettersRuleOut(letters, stem ? entry->stem_letters : entry->word_letters, key.size());
}

std::optional<LexiconHit> Lexicon::BestPhrase(const Entry& entry,
                                              const std::vector<std::string_view>& tokens,
                                              size_t i) const {
  std::optional<LexiconHit> best;
  for (const Phrase& phrase : phrases_[static_cast<size_t>(entry.phrases)]) {
    if (i + phrase.rest.size() >= tokens.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < phrase.rest.size() && ok; ++k) {
      const bool stem = phrase.last_is_stem && k + 1 == phrase.rest.size();
      ok = WordMatches(phrase.rest[k], stem, tokens[i + 1 + k]);
    }
    if (ok && (!best || best->words < phrase.rest.size() + 1)) {
      best = LexiconHit{phrase.valence, phrase.rest.size() + 1, {}, entry.key};
      if (phrase.last_is_stem) {
        const std::string_view last = tokens[i + phrase.rest.size()];
        best->suffix = last.substr(phrase.rest.back().size());
      }
    }
  }
  if (best || i + 2 >= tokens.size()) return best;
  // A two-word phrase with a word of degree between its words: "kalıbı çok
  // dar", "kalıbı biraz dar", "not very bad". The phrase covers the degree
  // word too and takes its strength.
  const double degree = DegreeBetweenPhraseWords(tokens[i + 1]);
  if (degree == 0) return best;
  for (const Phrase& phrase : phrases_[static_cast<size_t>(entry.phrases)]) {
    if (phrase.rest.size() != 1 || !WordMatches(phrase.rest[0], phrase.last_is_stem, tokens[i + 2]))
      continue;
    best = LexiconHit{phrase.valence * degree, 3, {}, entry.key};
    if (phrase.last_is_stem) best->suffix = tokens[i + 2].substr(phrase.rest[0].size());
    break;
  }
  return best;
}

std::optional<LexiconHit> Lexicon::LookupPhrase(const std::vector<std::string_view>& tokens,
                                                size_t i) const {
  const std::string_view token = tokens[i];
  if (phrase_count_ == 0 || i + 1 >= tokens.size() || token.size() > longest_key_ ||
      !MayStart(token)) {
    return std::nullopt;
  }
  const Entry* entry = Find(fnv::HashOf(token), token);
  if (entry == nullptr || entry->phrases < 0) return std::nullopt;
  return BestPhrase(*entry, tokens, i);
}

std::optional<LexiconHit> Lexicon::LookupMasked(std::string_view word) const {
  if (word.size() < 3 || word[0] == '*') return std::nullopt;
  const auto shown =
      static_cast<size_t>(std::count_if(word.begin(), word.end(), [](char c) { return c != '*'; }));
  if (shown < 2 || shown == word.size()) return std::nullopt;
  const Entry* best = nullptr;
  for (const Entry& e : entries_) {
    if (!e.word || e.key.size() != word.size()) continue;
    bool fits = true;
    for (size_t k = 0; fits && k < word.size(); ++k) {
      fits = word[k] == '*' ? e.key[k] != ' ' && e.key[k] != '\'' : word[k] == e.key[k];
    }
    if (!fits) continue;
    if (best != nullptr && (best->word_valence < 0) != (e.word_valence < 0)) return std::nullopt;
    if (best == nullptr || std::abs(e.word_valence) > std::abs(best->word_valence)) best = &e;
  }
  if (best == nullptr) return std::nullopt;
  return LexiconHit{best->word_valence, 1, {}, best->key, false};
}

std::optional<double> Lexicon::LookupWord(std::string_view word) const {
  if (word.size() > longest_key_ || !MayStart(word)) return std::nullopt;
  const Entry* entry = Find(fnv::HashOf(word), word);
  if (entry != nullptr && entry->word) return entry->word_valence;
  return std::nullopt;
}

std::optional<double> Lexicon::LookupWord(std::string_view stem, std::string_view ending) const {
  const size_t size = stem.size() + ending.size();
  if (size > longest_key_) return std::nullopt;
  // MayStart needs the first three characters of the joined word.
  char start[3];
  const size_t start_size = std::min<size_t>(3, size);
  for (size_t k = 0; k < start_size; ++k)
    start[k] = k < stem.size() ? stem[k] : ending[k - stem.size()];
  if (!MayStart(std::string_view(start, start_size))) return std::nullopt;
  const Entry* entry = FindIf(fnv::HashOf(ending, fnv::HashOf(stem)), [&](std::string_view key) {
    return key.size() == size && key.substr(0, stem.size()) == stem &&
           key.substr(stem.size()) == ending;
  });
  if (entry != nullptr && entry->word) return entry->word_valence;
  return std::nullopt;
}

}  // namespace earshot
