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
  // caller's scratch: it is resized to the literal count and left all false,
  // unless `keep_seen`: then seen[id] is true for every id found, and the
  // caller sets those back to false before the next Scan.
  void Scan(std::string_view text, std::vector<int>* found, std::vector<char>* seen,
            std::vector<Occurrence>* occurrences = nullptr, bool keep_seen = false) const;

  size_t state_count() const { return out_begin_.empty() ? 0 : out_begin_.size() - 1; }
  // Bytes of the transition table.
  size_t table_bytes() const { return table16_.size() * 2 + table32_.size() * 4; }

 private:
  template <typename Entry>
  void ScanWith(const Entry* table, std::string_view text, std::vector<int>* found,
                std::vector<char>* seen, std::vector<Occurrence>* occurrences,
                bool keep_seen) const;
  // Reports the literals ending at `state`.
  void Emit(uint32_t state, size_t end, std::vector<int>* found, std::vector<char>* seen,
            std::vector<Occurrence>* occurrences) const;

  std::array<uint8_t, 256> byte_class_{};
  int classes_ = 1;
  size_t literal_count_ = 0;
  size_t first_positional_ = SIZE_MAX;
  size_t longest_ = 0;  // bytes in the longest literal
  // Entry [(s << shift_) | class] is the next state: the step from byte
  // to byte is one shift, one or and one load. States from first_output_
  // on end some literal. The table holds 16-bit entries while there are at
  // most 65,536 states (table16_), else 32-bit ones (table32_). Rows are
  // padded to a power of two; even so, at 10k rules (33k states, 27 byte
  // classes) the table is 2.1 MB instead of 3.6 MB, and 1.24 MB for the
  // shipped packs (9.7k states, 33 classes padded to 64). It should sit in
  // L2, where the load's latency is the scan's cost; Scan() runs two lanes
  // over the two halves of a text at once to overlap those loads.
  int shift_ = 0;
  uint32_t first_output_ = 0;
  std::vector<uint16_t> table16_;
  std::vector<uint32_t> table32_;
  std::vector<int32_t> next_;        // while building: state * classes_ + class -> state
  std::vector<uint32_t> out_begin_;  // state's outputs: out_ids_[out_begin_[s], out_begin_[s+1])
  std::vector<int32_t> out_ids_;     // literal ids, its own and those of its suffixes
};

}  // namespace earshot
