// Lexicon: word (or stem) -> valence, read from the team's TSV files in
// rules/lexicons/ (format documented at the top of each file).
//
// Entries are stored ASCII-folded, so "kötü" in the file matches "kotu" in
// a post. An entry ending in '*' is a stem: it matches any word that starts
// with it, and the rest of the word (the suffix) is handed back so the scorer
// can see Turkish negation suffixes ("beğen*" + "medim").
//
// Thread safety: immutable after loading; share freely.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/diagnostic.h"
#include "earshot/status.h"
#include "pipeline/fnv_hash.h"

namespace earshot {

struct LexiconHit {
  double valence = 0.0;
  size_t words = 1;         // how many tokens the entry covers (phrases > 1)
  std::string_view suffix;  // what followed a stem in the last word; empty for exact words
  // The folded entry that matched, for explanations. A view into the lexicon
  // (or, for a stem, into the token): no allocation on the hot path.
  std::string_view entry;
  bool stem = false;  // entry is a stem: explanations print it with a '*'
};

class Lexicon {
 public:
  // Reads a TSV file: entry<TAB>valence[<TAB>note]; '#' starts a comment line.
  // Bad lines become error diagnostics (and are not loaded): no tab, a
  // valence that is no number or outside -4..+4, a '*' anywhere but at the
  // end of the last word (lexicon_stem), an entry with no words once
  // normalized (lexicon_empty_entry). An entry filed under the same key as an
  // earlier line (same words once normalized, same stem flag: "top-notch" and
  // "top notch", "yesss" and "yes") is a warning (lexicon_duplicate), and the
  // later line's valence wins. Good lines are still loaded.
  static StatusOr<Lexicon> LoadFile(const std::string& path, std::vector<Diagnostic>* diagnostics);

  // An entry added again (the same key) replaces the earlier valence.
  // Hits handed out before an Add() may point into storage that Add() moves.
  void Add(std::string_view entry, double valence);

  // Longest entry starting at tokens[i]. Only word tokens are looked up.
  // A two-word phrase also matches with one word of degree between its
  // words ("kalıbı çok dar" for "kalıbı dar"): the hit then covers three
  // tokens, and its valence is the phrase's ×1.25 for a booster ("çok",
  // "very") or ×0.75 for a dampener ("biraz", "slightly").
  // When `starts_phrase` is given, it is set to true if tokens[i] is the first
  // word of a phrase entry, that is, if the answer may depend on the tokens
  // after it (callers that cache answers per word must not cache this one);
  // it is left unchanged otherwise.
  //
  // `letters` is tokens[i]'s Token::letters: a word or stem entry that they
  // rule out (LettersRuleOut) is passed over, for a shorter stem or none.
  // Phrases are not checked: their words together say which they are.
  std::optional<LexiconHit> Lookup(const std::vector<std::string_view>& tokens, size_t i,
                                   bool* starts_phrase = nullptr, uint32_t letters = 0) const;

  // Whether a word typed with the Turkish letters `letters` (Token::letters)
  // cannot be an entry whose first `size` bytes were written with the
  // letters `spelled` (the same bits, of the entry as the file spells it):
  // the word has such a letter where the entry has its plain ASCII letter
  // ("şıktı" for "sıktı", "döndü" for "dondu", "ölümsüz" for "olumsuz"),
  // and lacks none of the entry's own. A word that lacks one of them is
  // typed carelessly ("mühtesem" for "muhteşem"), and its letters prove
  // nothing; a word with none ("sikti") may be any entry it folds to.
  static bool LettersRuleOut(uint32_t letters, uint32_t spelled, size_t size) {
    if (letters == 0) return false;
    if (size < 32) letters &= (uint32_t{1} << size) - 1;
    return (letters & ~spelled) != 0 && (spelled & ~letters) == 0;
  }

  // Whether `letters` rule out this lexicon's single-word entry `key` (a
  // stem when `stem`), as LettersRuleOut does: nullopt when it has none.
  std::optional<bool> LettersRuleOutEntry(std::string_view key, bool stem, uint32_t letters) const;

  // The longest phrase entry starting at tokens[i] that the tokens after it
  // complete, or nullopt: the part of Lookup() that depends on context, for
  // callers that cache the rest per word.
  std::optional<LexiconHit> LookupPhrase(const std::vector<std::string_view>& tokens,
                                         size_t i) const;

  // The exact single-word entry that `word`, with letters masked by '*'
  // ("f*ck", "sh**ty", as people censor themselves), stands for: the first
  // letter and two letters in all must show, and every entry of the same
  // length that the shown letters fit must agree in sign (the strongest is
  // returned). A scan of the entries: for the rare masked word only.
  std::optional<LexiconHit> LookupMasked(std::string_view word) const;

  // Valence of an exact single-word entry (no stems, no phrases), for
  // lookups of a word's base form ("wrecks" -> "wreck").
  std::optional<double> LookupWord(std::string_view word) const;

  // The same for the word `stem` + `ending`, without building it.
  std::optional<double> LookupWord(std::string_view stem, std::string_view ending) const;

  // The longest exact single-word entry that is a proper prefix of `word`,
  // at least `min_length` bytes long, whose rest `wanted(rest)` accepts: its
  // valence, with *rest set to what follows it. For suffix stripping
  // ("iyiler" -> "iyi" + "ler"): one hashing pass over the word serves every
  // cut, and `wanted` is asked only about cuts that are probably entries.
  // Cuts that `letters` (the word's Token::letters) rule out are passed over.
  template <typename Wanted>
  std::optional<double> LookupWordPrefix(std::string_view word, size_t min_length, Wanted&& wanted,
                                         std::string_view* rest, uint32_t letters = 0) const;

  // False when no entry starts with the first three characters of `token`
  // (a bit test, no hashing): a cheap early "no" for most words of a post.
  bool MayStart(std::string_view token) const {
    const size_t bit =
        (CharClass(token, 0) * kClasses + CharClass(token, 1)) * kClasses + CharClass(token, 2);
    return (start_bits_[bit / 64] >> (bit % 64)) & 1;
  }

  size_t size() const { return word_count_ + stem_count_ + phrase_count_; }

  // A filter for callers that cache answers per word (see Lookup's
  // starts_phrase): the phrases that start with `word` can complete only
  // when PhraseFollowers(word) has FollowerBit(the next token) set, or
  // kAnyFollower set and the next token is a word of degree ("çok", "very").
  // 0 when `word` starts no phrase. A cheap "no" for most places where a
  // common word ("bir", "the") that starts phrases stands.
  uint32_t PhraseFollowers(std::string_view word) const;
  static uint32_t FollowerBit(std::string_view next) {
    // Bit 0 is kept for kAnyFollower: a byte whose low five bits are 0
    // ('@', '`', 0xC0, 0xE0) shares bit 1 instead.
    if (next.empty()) return 0;
    const unsigned low = static_cast<unsigned char>(next[0]) & 31U;
    return uint32_t{1} << (low == 0 ? 1 : low);
  }
  static constexpr uint32_t kAnyFollower = 1;
  // Whether `w` is a word of degree that may stand inside a two-word phrase.
  static bool IsDegreeBetweenPhraseWords(std::string_view w);

 private:
  struct Phrase {
    std::vector<std::string> rest;  // words after the first
    bool last_is_stem = false;
    double valence = 0.0;
  };
  // One entry per distinct folded key, which may be a word, a stem and the
  // first word of phrases all at once.
  struct Entry {
    std::string key;
    double word_valence = 0.0;
    double stem_valence = 0.0;
    int32_t phrases = -1;  // index into phrases_
    // FollowerBit() of the second word of each of its phrases; kAnyFollower
    // when one is a two-word phrase, which a word of degree may split.
    uint32_t followers = 0;
    bool word = false;
    bool stem = false;
    // Token::letters of the word and the stem as the file spells them (the
    // union, when lines spelled differently give the same key).
    uint32_t word_letters = 0;
    uint32_t stem_letters = 0;
  };

  // Hashes of word.substr(0, n) for any n up to the word's length: those up
  // to `longest` (the longest key, at most 47) come from one pass and sit on
  // the stack; longer ones are hashed on demand.
  class PrefixHashes {
   public:
    PrefixHashes(std::string_view word, size_t longest) : word_(word) {
      stored_ = std::min({word.size(), longest, kStored - 1});
      uint64_t hash = fnv::kBasis;
      hashes_[0] = hash;
      for (size_t n = 0; n < stored_; ++n) hashes_[n + 1] = hash = fnv::Step(hash, word[n]);
    }
    uint64_t operator()(size_t n) const {
      return n <= stored_ ? hashes_[n]
                          : fnv::HashOf(word_.substr(stored_, n - stored_), hashes_[stored_]);
    }

   private:
    static constexpr size_t kStored = 48;
    std::string_view word_;
    size_t stored_ = 0;
    uint64_t hashes_[kStored];
  };
  // Lengths some key of a kind has, one bit each; 63 stands for 63 and more.
  static bool HasLength(uint64_t lengths, size_t n) {
    return (lengths >> std::min<size_t>(n, 63)) & 1;
  }
  static void AddLength(uint64_t* lengths, size_t n) {
    *lengths |= uint64_t{1} << std::min<size_t>(n, 63);
  }

  // Open addressing over 8-byte slots (at most half used), with a filter of
  // one bit per key in front (8 filter bits per slot, so 16 or more per key):
  // most probes are for words that are no key, and the filter answers them
  // from L1 cache.
  const Entry* Find(uint64_t hash, std::string_view key) const {
    return FindIf(hash, [key](const std::string& k) { return k == key; });
  }
  // The same, with the key compared by `equal` (for keys given in pieces).
  template <typename Equal>
  const Entry* FindIf(uint64_t hash, Equal&& equal) const {
    if (slots_.empty()) return nullptr;
    const uint64_t mixed = fnv::Mix(hash);
    const uint64_t bit = (mixed >> 20) & filter_mask_;
    if (((filter_[bit / 64] >> (bit % 64)) & 1) == 0) return nullptr;
    const uint32_t tag = static_cast<uint32_t>(mixed >> 32);
    for (uint64_t s = mixed & mask_;; s = (s + 1) & mask_) {
      const uint64_t slot = slots_[s];
      if (slot == 0) return nullptr;
      if (static_cast<uint32_t>(slot >> 32) != tag) continue;
      const Entry& entry = entries_[(slot & 0xffffffffu) - 1];
      if (equal(entry.key)) return &entry;
    }
  }
  // The longest of `entry`'s phrases that tokens[i + 1 ...] complete.
  std::optional<LexiconHit> BestPhrase(const Entry& entry,
                                       const std::vector<std::string_view>& tokens, size_t i) const;
  Entry& Insert(std::string_view key);  // the entry for `key`, added if new
  void Rebuild(size_t slots);
  void Place(size_t index, uint64_t hash);  // entries_[index] into the slots and filter

  // Which first three characters any entry can start with, as one bit per
  // triple: most tokens of a post are in no lexicon, and this answers "no"
  // for them without hashing the token. Characters fall into 38 classes
  // (a-z, 0-9, other, end of word).
  static constexpr size_t kClasses = 38;
  // Inline, as it runs for every word of a post against every lexicon.
  static size_t CharClass(std::string_view word, size_t k) {
    if (k >= word.size()) return kClasses - 1;  // end of word
    const char c = word[k];
    if (c >= 'a' && c <= 'z') return static_cast<size_t>(c - 'a');
    if (c >= '0' && c <= '9') return 26 + static_cast<size_t>(c - '0');
    return kClasses - 2;  // anything else, including every byte of a multi-byte character
  }
  void MarkStart(std::string_view word, bool stem);
  std::vector<uint64_t> start_bits_ =
      std::vector<uint64_t>((kClasses * kClasses * kClasses + 63) / 64);
  // The same for the first two characters of single-word stems: most words
  // that pass the filter above start no stem, and skip the stem probes.
  bool MayStartStem(std::string_view token) const {
    const size_t bit = CharClass(token, 0) * kClasses + CharClass(token, 1);
    return (stem_start_bits_[bit / 64] >> (bit % 64)) & 1;
  }
  std::vector<uint64_t> stem_start_bits_ = std::vector<uint64_t>((kClasses * kClasses + 63) / 64);

  std::vector<Entry> entries_;
  std::vector<uint64_t> slots_;  // (tag << 32) | (1 + index into entries_); 0 = empty
  std::vector<uint64_t> filter_;
  uint64_t mask_ = 0;         // slots_.size() - 1
  uint64_t filter_mask_ = 0;  // filter bits - 1
  size_t longest_key_ = 0;
  uint64_t word_lengths_ = 0;
  uint64_t stem_lengths_ = 0;
  std::vector<std::vector<Phrase>> phrases_;
  size_t word_count_ = 0;
  size_t stem_count_ = 0;
  size_t phrase_count_ = 0;
};

template <typename Wanted>
std::optional<double> Lexicon::LookupWordPrefix(std::string_view word, size_t min_length,
                                                Wanted&& wanted, std::string_view* rest,
                                                uint32_t letters) const {
  // Cuts of three bytes or more start as the word does.
  if (word.empty() || (min_length >= 3 && !MayStart(word))) return std::nullopt;
  const PrefixHashes hashes(word, longest_key_);
  for (size_t n = std::min(word.size() - 1, longest_key_); n >= min_length && n > 0; --n) {
    if (!HasLength(word_lengths_, n)) continue;
    const std::string_view cut = word.substr(0, n);
    const Entry* entry = Find(hashes(n), cut);
    if (entry == nullptr || !entry->word || LettersRuleOut(letters, entry->word_letters, n) ||
        !wanted(word.substr(n))) {
      continue;
    }
    *rest = word.substr(n);
    return entry->word_valence;
  }
  return std::nullopt;
}

}  // namespace earshot
