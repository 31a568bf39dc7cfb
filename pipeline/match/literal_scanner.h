// LiteralScanner: which of a fixed set of byte strings occur anywhere in a
// text, found in one pass over the text.
//
// An Aho-Corasick automaton, expanded into a full transition table over
// byte classes (every byte that appears in no literal shares one class), so
// each text byte costs one table load. RegexPrefilter uses it to find the
// atoms RE2's FilteredRE2 asks for: a few thousand short literals, where an
// RE2::Set of the same literals spent most of its time building DFA states
// for the root alternation (docs/performance.md, "Rule matching").
//
// ASCII letters match case-insensitively (FilteredRE2's atoms are
// lowercase); other bytes match exactly.
//
// Thread safety: immutable after Build(); Scan() is safe concurrently.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace earshot {

class LiteralScanner {
 public:
  // Where a positional literal occurs: its id and the offset just past its
  // last byte.
  struct Occurrence {
    int32_t id;
    uint32_t end;
  };

  // Literal i gets id i. Empty literals never match. Literals from
  // `first_positional` on are positional: Scan reports each place they
  // occur instead of whether they do. Returns false when the table would
  // not fit 31-bit offsets (over ~8 million literal bytes).
  bool Build(const std::vector<std::string>& literals, size_t first_positional = SIZE_MAX);

  // Appends the id of every literal occurring in `text` to `found`, each id
  // once per Scan, in no particular order; and every occurrence of a
  // positional literal to `occurrences` (when given), in no particular order
  // and perhaps twice (once from each half of a long text). `seen` is the
  // caller's scratch: it is resized to the literal count and left all false.
  void Scan(std::string_view text, std::vector<int>* found, std::vector<char>* seen,
            std::vector<Occurrence>* occurrences = nullptr) const;

  size_t state_count() const { return out_begin_.empty() ? 0 : out_begin_.size() - 1; }

 private:
  // Reports the literals ending at the state whose row starts at `row`.
  void Emit(uint32_t row, size_t end, std::vector<int>* found, std::vector<char>* seen,
            std::vector<Occurrence>* occurrences) const;

  std::array<uint8_t, 256> byte_class_{};
  int classes_ = 1;
  size_t literal_count_ = 0;
  size_t first_positional_ = SIZE_MAX;
  size_t longest_ = 0;  // bytes in the longest literal
  // Entry [s * classes_ + class] holds the next state's row, its index times
  // classes_, with kHasOutput set when that state ends some literal: the
  // step from byte to byte is one load, one mask and one add. The table
  // (about 200 KB for the shipped packs) lives in L2, so that load's latency
  // is the scan's cost, and Scan() runs two lanes over the two halves of a
  // text at once to overlap them.
  static constexpr uint32_t kHasOutput = 1u << 31;
  std::vector<uint32_t> table_;
  std::vector<int32_t> next_;        // while building: state * classes_ + class -> state
  std::vector<uint32_t> out_begin_;  // state's outputs: out_ids_[out_begin_[s], out_begin_[s+1])
  std::vector<int32_t> out_ids_;     // literal ids, its own and those of its suffixes
};

}  // namespace earshot
