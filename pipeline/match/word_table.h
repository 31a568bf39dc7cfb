// WordTable: byte strings (words, word prefixes) -> lists of ints, looked up
// once per word of a post rather than once per byte.
//
// Open addressing over 8-byte slots, with a one-bit-per-key filter in front
// (16 bits per key, so about one absent word in 16 gets past it): most words
// of a post are no key at all, and the filter answers that from L1 cache.
// Keys are hashed a word at a time (HashOf): two overlapping 4-byte loads
// for a word of up to eight bytes, then the mixer's multiply. FNV-1a byte by byte,
// used here before, made every byte wait for the previous byte's multiply:
// hashing was a chain of four cycles a byte through every word of a post.
// The hashes of a word's prefixes (for stems) are each made on their own,
// for the prefix lengths some key has.
//
// Thread safety: immutable after Build(); lookups are safe concurrently.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/fnv_hash.h"

namespace earshot {

class WordTable {
 public:
  // The hash lookups take: of the bytes of `s`, not of a C string; a word
  // of one to eight bytes gets a hash no other word of its length has.
  static uint64_t HashOf(std::string_view s) {
    const char* p = s.data();
    size_t n = s.size();
    uint64_t hash = kSeed ^ n;
    for (; n > 8; p += 8, n -= 8) hash = (hash ^ Load64(p)) * kMultiplier;
    uint64_t tail = 0;
    if (n >= 4) {
      tail = Load32(p) | (Load32(p + n - 4) << 32);  // the two may overlap
    } else if (n > 0) {
      tail = (uint64_t{static_cast<unsigned char>(p[0])} << 16) |
             (uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
             static_cast<unsigned char>(p[n - 1]);
    }
    return hash ^ tail;  // Find() mixes it (fnv::Mix, a bijection)
  }

  // `value` is listed under `key` (non-empty). Before Build() only.
  void Add(std::string_view key, uint32_t value);
  void Build();
  bool empty() const { return blob_.empty(); }

  // The values listed under `word`, as [begin, end); empty when none.
  // `hash` is HashOf(word).
  template <typename F>
  void ForHashed(uint64_t hash, std::string_view word, F&& f) const {
    if (empty()) return;
    if (const uint32_t* key = Find(hash, word)) f(ValuesOf(key), ValuesOf(key) + key[1]);
  }

  // The values listed under every key that is a prefix of `word` (the
  // whole word included), shortest key first.
  template <typename F>
  void ForPrefixes(std::string_view word, F&& f) const {
    if (empty() || word.empty()) return;
    // Most words of a post begin no key: two bit tests, before any hashing.
    const bool single = TestBit(singles_, static_cast<unsigned char>(word[0]));
    if (!single && (word.size() < 2 || !TestBit(pairs_, PairBit(word)))) return;
    for (const uint32_t n : key_lengths_) {
      if (n > word.size()) break;
      const std::string_view prefix = word.substr(0, n);
      if (const uint32_t* key = Find(HashOf(prefix), prefix)) {
        f(ValuesOf(key), ValuesOf(key) + key[1]);
      }
    }
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
  uint64_t mask_ = 0;                  // slots_.size() - 1
  uint64_t filter_mask_ = 0;           // filter bits - 1
  std::vector<uint32_t> key_lengths_;  // every length some key has, ascending
  // The first byte of every one-byte key, and the first two bytes of every
  // longer key folded into kPairBits bits.
  static constexpr size_t kPairBits = 4096;
  static size_t PairBit(std::string_view w) {
    return (static_cast<size_t>(static_cast<unsigned char>(w[0])) * 257 +
            static_cast<unsigned char>(w[1])) %
           kPairBits;
  }
  static constexpr uint64_t kSeed = 0x9e3779b97f4a7c15ull;
  static constexpr uint64_t kMultiplier = 0xff51afd7ed558ccdull;
  static uint64_t Load64(const char* p) {
    uint64_t v = 0;
    std::memcpy(&v, p, 8);
    return v;
  }
  static uint64_t Load32(const char* p) {
    uint32_t v = 0;
    std::memcpy(&v, p, 4);
    return v;
  }
  static bool TestBit(const std::vector<uint64_t>& bits, size_t bit) {
    return (bits[bit / 64] >> (bit % 64)) & 1;
  }
  std::vector<uint64_t> singles_ = std::vector<uint64_t>(256 / 64);
  std::vector<uint64_t> pairs_ = std::vector<uint64_t>(kPairBits / 64);
};

}  // namespace earshot
