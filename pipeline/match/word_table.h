// WordTable: byte strings (words, word prefixes) -> lists of ints, looked up
// once per word of a post rather than once per byte.
//
// Open addressing over 8-byte slots, with a one-bit-per-key filter in front
// (16 bits per key, so about one absent word in 16 gets past it): most words
// of a post are no key at all, and the filter answers that from L1 cache.
// Lookups by every prefix of a word cost one hash pass over the word, as the
// hash (FNV-1a, byte by byte) of each prefix comes on the way.
//
// Thread safety: immutable after Build(); lookups are safe concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/fnv_hash.h"

namespace earshot {

// The FNV hash of a word's first `bytes` bytes, as WordTable::ForPrefixes
// leaves it.
struct PartialHash {
  uint64_t hash = fnv::kBasis;
  size_t bytes = 0;
};

class WordTable {
 public:
  // `value` is listed under `key` (non-empty). Before Build() only.
  void Add(std::string_view key, uint32_t value);
  void Build();
  bool empty() const { return blob_.empty(); }

  // The values listed under `word`, as [begin, end); empty when none.
  // `hash` is fnv::HashOf(word), which the caller may have made on from
  // the PartialHash ForPrefixes returned for the word, or go on from to
  // hash a longer key that begins with it.
  template <typename F>
  void ForHashed(uint64_t hash, std::string_view word, F&& f) const {
    if (empty()) return;
    if (const uint32_t* key = Find(hash, word)) f(ValuesOf(key), ValuesOf(key) + key[1]);
  }

  // The values listed under every key that is a prefix of `word` (the
  // whole word included), shortest key first. Returns the hash of the
  // bytes it hashed on the way, for ForHashed.
  template <typename F>
  PartialHash ForPrefixes(std::string_view word, F&& f) const {
    PartialHash partial;
    if (empty() || word.empty()) return partial;
    // Most words of a post begin no key: two bit tests, before any hashing.
    const bool single = TestBit(singles_, static_cast<unsigned char>(word[0]));
    if (!single && (word.size() < 2 || !TestBit(pairs_, PairBit(word)))) return partial;
    const size_t longest = word.size() < lengths_.size() ? word.size() : lengths_.size() - 1;
    while (partial.bytes < longest) {
      partial.hash = fnv::Step(partial.hash, word[partial.bytes]);
      const size_t n = ++partial.bytes;
      if (lengths_[n] == 0) continue;
      if (const uint32_t* key = Find(partial.hash, word.substr(0, n)))
        f(ValuesOf(key), ValuesOf(key) + key[1]);
    }
    return partial;
  }

 private:
  struct Slot {
    uint32_t tag = 0;  // high bits of the mixed hash
    uint32_t at = 0;   // 1 + the key's offset in blob_; 0 = empty
  };
  // Each key is one run of blob_: its byte count, its value count, its
  // bytes (padded to a multiple of 4) and its values. A hit then costs the
  // filter, the slot and one run, where key record, key text and value list
  // in three arrays cost three cache misses more (at 10,000 rules the
  // tables are far larger than the caches).
  static const uint32_t* ValuesOf(const uint32_t* key) { return key + 2 + (key[0] + 3) / 4; }
  // Inline, as most lookups end at the filter.
  const uint32_t* Find(uint64_t hash, std::string_view word) const {
    const uint64_t mixed = fnv::Mix(hash);
    const uint64_t bit = (mixed >> 20) & filter_mask_;
    if ((filter_[bit / 64] & (uint64_t{1} << (bit % 64))) == 0) return nullptr;
    return Probe(mixed, word);
  }
  const uint32_t* Probe(uint64_t mixed, std::string_view word) const;

  std::vector<std::pair<std::string, uint32_t>> drafts_;  // until Build()
  std::vector<uint32_t> blob_;
  std::vector<Slot> slots_;
  std::vector<uint64_t> filter_;
  uint64_t mask_ = 0;                // slots_.size() - 1
  uint64_t filter_mask_ = 0;         // filter bits - 1
  std::vector<char> lengths_ = {0};  // [n] != 0: some key has n bytes
  // The first byte of every one-byte key, and the first two bytes of every
  // longer key folded into kPairBits bits.
  static constexpr size_t kPairBits = 4096;
  static size_t PairBit(std::string_view w) {
    return (static_cast<size_t>(static_cast<unsigned char>(w[0])) * 257 +
            static_cast<unsigned char>(w[1])) %
           kPairBits;
  }
  static bool TestBit(const std::vector<uint64_t>& bits, size_t bit) {
    return (bits[bit / 64] >> (bit % 64)) & 1;
  }
  std::vector<uint64_t> singles_ = std::vector<uint64_t>(256 / 64);
  std::vector<uint64_t> pairs_ = std::vector<uint64_t>(kPairBits / 64);
};

}  // namespace earshot
