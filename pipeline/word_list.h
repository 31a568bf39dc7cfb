// WordList: is this word one of a short fixed list? For the small word lists
// of sentiment and classification (negators, boosters, question words,
// things a company provides), asked about every word of every post.
//
// Most words asked about are in no list, so a filter of one bit per (first
// byte, length) pair of the entries answers them before any string is
// compared; a word that passes is compared only with the entries of its
// pair, which costs less than hashing it. Lists of a few hundred words stay
// cheap; longer lists belong in a hash table.
//
// Thread safety: immutable; Contains() is safe concurrently.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace earshot {

template <size_t N>
class WordList {
 public:
  // `words` must outlive the list (string literals do). Entries are non-empty.
  constexpr explicit WordList(const std::string_view (&words)[N]) {
    // Counting sort by Bit(): the words of one bit sit together in sorted_,
    // so a lookup compares only words of its first letter and length.
    for (size_t k = 0; k < N; ++k) {
      const size_t bit = Bit(words[k]);
      filter_[bit / 64] |= uint64_t{1} << (bit % 64);
      ++begin_[bit + 1];
    }
    for (size_t b = 0; b < kBits; ++b) begin_[b + 1] += begin_[b];
    uint16_t next[kBits] = {};
    for (size_t k = 0; k < N; ++k) {
      const size_t bit = Bit(words[k]);
      sorted_[begin_[bit] + next[bit]++] = words[k];
    }
  }

  bool Contains(std::string_view w) const {
    if (w.empty()) return false;
    const size_t bit = Bit(w);
    if (((filter_[bit / 64] >> (bit % 64)) & 1) == 0) return false;
    for (size_t k = begin_[bit]; k < begin_[bit + 1]; ++k) {
      if (sorted_[k] == w) return true;
    }
    return false;
  }

 private:
  static constexpr size_t Bit(std::string_view w) {
    return static_cast<size_t>(static_cast<unsigned char>(w[0]) & 31) * 16 +
           std::min<size_t>(w.size(), 15);
  }
  static constexpr size_t kBits = 512;  // Bit() < 32 * 16
  static_assert(N < 65536, "begin_ holds 16-bit offsets");
  std::string_view sorted_[N] = {};
  uint16_t begin_[kBits + 1] = {};  // sorted_[begin_[b], begin_[b + 1]) have Bit() == b
  uint64_t filter_[kBits / 64] = {};
};

}  // namespace earshot
