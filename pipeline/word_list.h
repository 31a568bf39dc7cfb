// WordList: is this word one of a short fixed list? For the small word lists
// of sentiment and classification (negators, boosters, question words,
// things a company provides), asked about every word of every post.
//
// A scan (string_view's == compares sizes first) costs less than hashing a
// word, and most words asked about are in no list, so a filter of one bit per
// (first byte, length) pair of the entries answers them before any string is
// compared. Lists of up to a hundred or so words stay cheap; longer lists
// belong in a hash table.
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
    for (size_t k = 0; k < N; ++k) {
      words_[k] = words[k];
      const size_t bit = Bit(words[k]);
      filter_[bit / 64] |= uint64_t{1} << (bit % 64);
    }
  }

  bool Contains(std::string_view w) const {
    if (w.empty()) return false;
    const size_t bit = Bit(w);
    if (((filter_[bit / 64] >> (bit % 64)) & 1) == 0) return false;
    for (const std::string_view entry : words_) {
      if (entry == w) return true;
    }
    return false;
  }

 private:
  static constexpr size_t Bit(std::string_view w) {
    return static_cast<size_t>(static_cast<unsigned char>(w[0]) & 31) * 16 +
           std::min<size_t>(w.size(), 15);
  }
  std::string_view words_[N] = {};
  uint64_t filter_[8] = {};
};

}  // namespace earshot
