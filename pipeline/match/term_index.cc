#include "pipeline/match/term_index.h"

#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace earshot {
namespace {

// The offset of the first space in `s` at or after `from`, or s.size().
// Sixteen bytes at a time: a byte loop ended each word with a mispredicted
// branch, and a post's words are of every length.
size_t NextSpace(std::string_view s, size_t from) {
#if defined(__SSE2__)
  const size_t size = s.size();
  if (size >= 16) {
    const __m128i spaces = _mm_set1_epi8(' ');
    for (;;) {
      // The last block is read from size - 16, its bits before `from` dropped.
      const size_t at = from + 16 <= size ? from : size - 16;
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at));
      const auto mask =
          static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, spaces))) >> (from - at);
      if (mask != 0) return from + static_cast<size_t>(__builtin_ctz(mask));
      if (at != from) return size;
      from += 16;
    }
  }
#endif
  while (from < s.size() && s[from] != ' ') ++from;
  return from;
}

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::optional<TermShape> ParseTermPattern(const std::string& re) {
  static constexpr std::string_view kStem = "[^ ]*";
  if (re.size() < 3 || re.front() != ' ' || re.back() != ' ') return std::nullopt;
  TermShape shape;
  TermShape::Word word;
  for (size_t i = 1; i < re.size();) {
    const auto c = static_cast<unsigned char>(re[i]);
    if (c == ' ') {
      if (word.text.empty()) return std::nullopt;  // two spaces in a row
      shape.words.push_back(std::move(word));
      word = TermShape::Word();
      ++i;
    } else if (word.stem) {  // NOLINT(bugprone-branch-clone): each refusal has its own reason
      return std::nullopt;   // "[^ ]*" ends a word
    } else if (c == '\\') {
      // An escaped ASCII punctuation mark is that mark; anything else after
      // a backslash (\b, \d, \pL, \x41, ...) is RE2 syntax, not a literal.
      if (i + 1 >= re.size()) return std::nullopt;
      const auto d = static_cast<unsigned char>(re[i + 1]);
      if (d <= ' ' || d >= 0x7f || IsAsciiAlnum(d) || d == '_') return std::nullopt;
      word.text.push_back(static_cast<char>(d));
      i += 2;
    } else if (c == '[') {
      if (word.text.empty() || re.compare(i, kStem.size(), kStem) != 0) return std::nullopt;
      word.stem = true;
      i += kStem.size();
    } else if (c < 0x80 && !IsAsciiAlnum(c)) {
      return std::nullopt;  // an operator or an unescaped mark
    } else {
      word.text.push_back(static_cast<char>(c));  // a letter, a digit or UTF-8
      ++i;
    }
  }
  if (shape.words.empty()) return std::nullopt;
  return shape;
}

void TermIndex::Add(int id, const TermShape& shape) {
  const TermShape::Word& first = shape.words[0];
  const bool pair = shape.words.size() >= 2 && !first.stem && !shape.words[1].stem;
  WordTable& table = pair ? pairs_ : first.stem ? stems_ : exact_;
  const std::string key = pair ? first.text + " " + shape.words[1].text : first.text;
  const size_t keyed = pair ? 2 : 1;  // words the key holds
  if (pair && pair_firsts_.insert(first.text).second) exact_.Add(first.text, kBeginsPair);
  if (shape.words.size() == keyed) {  // found by the lookup alone
    table.Add(key, kWholeTerm | static_cast<uint32_t>(id));
    return;
  }
  Entry entry{id, static_cast<uint32_t>(rest_.size()), 0};
  for (size_t w = keyed; w < shape.words.size(); ++w) {
    const TermShape::Word& word = shape.words[w];
    rest_.push_back(Word{static_cast<uint32_t>(pool_.size()),
                         static_cast<uint32_t>(word.text.size()), word.stem});
    pool_ += word.text;
  }
  entry.rest_end = static_cast<uint32_t>(rest_.size());
  table.Add(key, static_cast<uint32_t>(entries_.size()));
  entries_.push_back(entry);
}

void TermIndex::Build() {
  exact_.Build();
  stems_.Build();
  pairs_.Build();
  pair_firsts_.clear();
}

void TermIndex::Emit(const uint32_t* begin, const uint32_t* end, std::string_view words,
                     size_t end_of_key, std::vector<int>* hit) const {
  const std::string_view pool(pool_);
  for (const uint32_t* e = begin; e != end; ++e) {
    if ((*e & kWholeTerm) != 0) {
      hit->push_back(static_cast<int>(*e & ~kWholeTerm));
      continue;
    }
    if (*e == kBeginsPair) continue;
    const Entry& entry = entries_[*e];
    // words[at] is the space before the next word, as in " a b ".
    size_t at = end_of_key;
    bool all = true;
    for (uint32_t r = entry.rest_begin; all && r < entry.rest_end; ++r) {
      const Word& want = rest_[r];
      const size_t from = at + 1;
      all = words.substr(std::min(from, words.size()), want.size) ==
            pool.substr(want.begin, want.size);
      at = from + want.size;
      if (all && want.stem) {
        while (at < words.size() && words[at] != ' ') ++at;
      }
      all = all && at < words.size() && words[at] == ' ';
    }
    if (all) hit->push_back(entry.id);
  }
}

void TermIndex::Match(std::string_view words, std::vector<int>* hit) const {
  if (empty()) return;
  // Each word is the run between two spaces; text before the first space
  // or after the last is no whole word.
  size_t end = 0;
  for (size_t space = NextSpace(words, 0); space < words.size(); space = end) {
    const size_t begin = space + 1;
    end = NextSpace(words, begin);
    if (end >= words.size()) break;
    if (end == begin) continue;
    const std::string_view word = words.substr(begin, end - begin);
    auto emit = [&](const uint32_t* b, const uint32_t* e) { Emit(b, e, words, end, hit); };
    stems_.ForPrefixes(word, emit);
    if (exact_.empty()) continue;
    const uint64_t hash = WordTable::HashOf(word);
    bool begins_pair = false;
    exact_.ForHashed(hash, word, [&](const uint32_t* b, const uint32_t* e) {
      begins_pair = std::find(b, e, kBeginsPair) != e;
      Emit(b, e, words, end, hit);
    });
    if (!begins_pair) continue;
    // The pair of this word and the next, "a b", as the text holds it.
    const size_t next_end = NextSpace(words, end + 1);
    if (next_end >= words.size() || next_end == end + 1) continue;
    const std::string_view pair = words.substr(begin, next_end - begin);
    pairs_.ForHashed(WordTable::HashOf(pair), pair, [&](const uint32_t* b, const uint32_t* e) {
      Emit(b, e, words, next_end, hit);
    });
  }
}

}  // namespace earshot
