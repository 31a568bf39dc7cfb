// FNV-1a, byte by byte, and a finalizer: the hash of the sentiment lexicon
// (pipeline/sentiment/lexicon.h). Byte by byte so that the hashes of all
// prefixes of a word come out of one pass: it looks a word up whole and by
// each prefix that may be a stem. The word tables of rule matching
// (pipeline/match/word_table.h) hash a word at a time, and use Mix() only.
#pragma once

#include <cstdint>
#include <string_view>

namespace earshot::fnv {

inline constexpr uint64_t kBasis = 14695981039346656037ull;

inline uint64_t Step(uint64_t hash, char c) {
  return (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
}

inline uint64_t HashOf(std::string_view s, uint64_t hash = kBasis) {
  for (const char c : s) hash = Step(hash, c);
  return hash;
}

// FNV's low bits are weak; mixed, its bits can pick a slot, a filter bit and
// a tag.
inline uint64_t Mix(uint64_t hash) {
  hash ^= hash >> 33;
  hash *= 0xff51afd7ed558ccdull;
  hash ^= hash >> 33;
  return hash;
}

}  // namespace earshot::fnv
