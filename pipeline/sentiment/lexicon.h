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

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "earshot/diagnostic.h"
#include "earshot/status.h"

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
  // Bad lines become diagnostics; good lines are still loaded.
  static StatusOr<Lexicon> LoadFile(const std::string& path, std::vector<Diagnostic>* diagnostics);

  void Add(std::string_view entry, double valence);

  // Longest entry starting at tokens[i]. Only word tokens are looked up.
  std::optional<LexiconHit> Lookup(const std::vector<std::string_view>& tokens, size_t i) const;

  // Valence of an exact single-word entry (no stems, no phrases), for
  // lookups of a word's base form ("wrecks" -> "wreck").
  std::optional<double> LookupWord(std::string_view word) const;

  // False when no entry starts with the first three characters of `token`
  // (a bit test, no hashing): a cheap early "no" for most words of a post.
  bool MayStart(std::string_view token) const;

  size_t size() const { return words_.size() + stem_count_ + phrase_count_; }

 private:
  struct Phrase {
    std::vector<std::string> rest;  // words after the first
    bool last_is_stem = false;
    double valence = 0.0;
  };
  // Transparent hashing: look up string_views without building strings.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename V>
  using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;
  // Stems live in a trie (first-child / next-sibling links in one vector):
  // one walk over a token finds its longest stem, where a hash map needed a
  // lookup per prefix length.
  struct StemNode {
    int32_t first_child = -1;
    int32_t next_sibling = -1;
    char c = 0;
    bool terminal = false;
    double valence = 0.0;
  };
  void AddStem(const std::string& stem, double valence);

  // Which first three characters any entry can start with, as one bit per
  // triple: most tokens of a post are in no lexicon, and this answers "no"
  // for them without hashing the token. Characters fall into 38 classes
  // (a-z, 0-9, other, end of word).
  static constexpr size_t kClasses = 38;
  static size_t CharClass(std::string_view word, size_t k);
  void MarkStart(std::string_view word, bool stem);
  std::vector<uint64_t> start_bits_ =
      std::vector<uint64_t>((kClasses * kClasses * kClasses + 63) / 64);

  Map<double> words_;
  std::vector<StemNode> stem_nodes_;  // [0] is the root
  size_t stem_count_ = 0;
  Map<std::vector<Phrase>> phrases_;  // keyed by first word
  size_t phrase_count_ = 0;
};

}  // namespace earshot
