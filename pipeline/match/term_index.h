// TermIndex: which rule terms occur in a post's words form, found by looking
// up the post's words in hash tables instead of running an automaton over
// every byte.
//
// A term compiles (TermToPattern) to a literal RE2 pattern over the words
// form, " kargo gelmedi " or " iade[^ ]* ": whole words between single
// spaces, a word optionally a stem (the word plus any suffix). Such a
// pattern matches exactly when the post's words, in order, contain a run
// equal to the term's words (a stem word only needs to begin the post's
// word). So the index looks up each word of the post, once as a whole word
// and once per stem length that some stem has, and checks the remaining
// words of a phrase in place. A phrase whose first two words are whole
// words is filed under that pair, looked up with the post's next word: a
// common first word ("not", "çok", "kargo") begins hundreds of phrases in
// a large rule set, and filing them under it alone made every occurrence
// of it check them all. The cost follows the post's length, not the
// number of terms, and the tables are compact enough to stay in the CPU's
// caches, where one big RE2::Set's DFA for 20,000 terms was not
// (docs/performance.md, "Rule matching").
//
// Only patterns ParseTermPattern accepts go here; anything else stays an
// RE2 pattern in an RE2::Set.
//
// Thread safety: immutable after Build(); Match() is safe concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/match/word_table.h"

namespace earshot {

// A term pattern as its words.
struct TermShape {
  struct Word {
    std::string text;   // the literal bytes
    bool stem = false;  // pattern "text[^ ]*": any word beginning with text
  };
  std::vector<Word> words;
};

// The words of a pattern in TermToPattern's form: a space, then words of
// literal characters (ASCII letters and digits, escaped ASCII punctuation,
// UTF-8 bytes) separated by single spaces, each optionally followed by
// "[^ ]*", then a space. nullopt for any other RE2 syntax.
std::optional<TermShape> ParseTermPattern(const std::string& re);

// An upper bound on RE2's ProgramSize() for a pattern ParseTermPattern
// accepts: each byte is at most one instruction and each "[^ ]*" (five
// bytes) at most twenty, plus a few for the match and the unanchored start.
inline int TermProgramBound(const std::string& re) { return 4 * static_cast<int>(re.size()) + 16; }

class TermIndex {
 public:
  // Pattern `id` matches where `shape` does.
  void Add(int id, const TermShape& shape);
  // Builds the lookup tables; call once after the last Add().
  void Build();
  // After Build(): no term was added.
  bool empty() const { return exact_.empty() && stems_.empty() && pairs_.empty(); }

  // Appends the id of every term occurring in `words` (a words form,
  // " a b c ") to `hit`, once per occurrence.
  void Match(std::string_view words, std::vector<int>* hit) const;

 private:
  // A term of several words, filed in a table under its first word or its
  // first two (pairs_).
  struct Entry {
    int id;
    uint32_t rest_begin;  // its words after the key: rest_[rest_begin, rest_end)
    uint32_t rest_end;
  };
  struct Word {
    uint32_t begin;  // text in pool_
    uint32_t size;
    bool stem;
  };
  // Entries among [begin, end) whose other words follow in `words` from
  // `end_of_key`, the space after the words their table key holds.
  void Emit(const uint32_t* begin, const uint32_t* end, std::string_view words, size_t end_of_key,
            std::vector<int>* hit) const;

  // A table value is either a one-word term's pattern id with this bit
  // set (the lookup alone found it: no further load) or an index into
  // entries_ for a term of several words.
  static constexpr uint32_t kWholeTerm = 1u << 31;
  // Listed in exact_ under the first word of every key of pairs_, so that
  // only such a word makes the index read the next word and look the pair
  // up (no entries_ index is this large).
  static constexpr uint32_t kBeginsPair = kWholeTerm - 1;
  std::set<std::string> pair_firsts_;  // until Build()
  std::string pool_;                   // the text of every word after a key
  std::vector<Word> rest_;
  std::vector<Entry> entries_;
  // First word -> one-word terms, entries whose second word is a stem,
  // and kBeginsPair.
  WordTable exact_;
  WordTable stems_;  // first word, a stem -> entries
  WordTable pairs_;  // "first second", both whole words -> entries
};

}  // namespace earshot
