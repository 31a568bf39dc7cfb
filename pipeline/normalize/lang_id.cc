#include "pipeline/normalize/lang_id.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>

#include "pipeline/normalize/normalizer.h"

namespace earshot {
namespace {

// Frequent function words, ASCII-folded, chosen so that the two lists do not
// overlap and none is a common word of the other language.
constexpr std::string_view kTurkishWords[] = {
    "ve",    "bir",    "bu",     "cok",  "icin",        "ama",      "degil",  "ne",      "mi",
    "mu",    "da",     "de",     "ile",  "hala",        "neden",    "nasil",  "ben",     "sen",
    "siz",   "biz",    "sizin",  "bana", "beni",        "daha",     "gibi",   "kadar",   "yok",
    "var",   "hic",    "olarak", "oldu", "olan",        "zaman",    "gun",    "gundur",  "artik",
    "hep",   "sadece", "bile",   "diye", "tesekkurler", "tesekkur", "lutfen", "merhaba", "iyi",
    "kotu",  "hemen",  "nerede", "ki",   "ya",          "ise",      "ancak",  "fakat",   "cunku",
    "simdi", "bugun",  "dun",    "yine", "hicbir",      "olur",     "musteri"};

constexpr std::string_view kEnglishWords[] = {
    "the", "and", "is", "are", "was", "my", "to", "you", "your", "it", "of", "for", "this", "that",
    "not", "with", "have", "has", "i", "me", "we", "they", "what", "when", "how", "why", "can",
    "will", "just", "still", "been", "from", "at", "on", "in", "be", "an", "do", "does", "did",
    "don't", "no", "so", "but", "thanks", "thank", "please", "never", "again", "it's", "i'm",
    "very", "customer", "service", "order", "app", "today", "they're", "were",
    // More frequent English words, so that short posts have evidence too
    // ("Met her sister, loved it" has none of the above). "her" is
    // English and Turkish ("every"), so it is in neither list.
    "a", "am", "all", "about", "if", "or", "as", "by", "up", "out", "get", "got", "like", "now",
    "one", "there", "would", "could", "should", "had", "he", "she", "his", "him", "them", "their",
    "our", "us", "who", "go", "going", "know", "some", "more", "than", "then", "only", "also",
    "really", "want", "need", "see", "new", "day", "back", "here", "over", "too", "after", "first",
    "well", "way", "even", "because", "any", "these", "those", "into", "off", "its", "im", "lol",
    "yes", "oh", "tonight", "night", "morning", "love", "think", "make", "much", "last", "let",
    "great", "best", "good", "time", "people", "should've", "i've", "i'll", "can't", "didn't",
    "isn't", "won't", "doesn't", "already", "every"};

// The longest word of both lists, and whether every word begins with a
// lowercase ASCII letter (StopWords::Find filters on the first letter).
constexpr size_t LongestStopWord() {
  size_t longest = 0;
  for (const std::string_view word : kTurkishWords) longest = std::max(longest, word.size());
  for (const std::string_view word : kEnglishWords) longest = std::max(longest, word.size());
  return longest;
}
constexpr bool StopWordsBeginWithALetter() {
  for (const std::string_view word : kTurkishWords) {
    if (word.empty() || word[0] < 'a' || word[0] > 'z') return false;
  }
  for (const std::string_view word : kEnglishWords) {
    if (word.empty() || word[0] < 'a' || word[0] > 'z') return false;
  }
  return true;
}
static_assert(StopWordsBeginWithALetter());

// Both lists in one open-addressing table, so a token costs one short hash
// and usually one comparison instead of two std::unordered_set lookups.
class StopWords {
 public:
  enum Language : std::uint8_t { kTurkish = 1, kEnglish = 2 };

  StopWords() {
    for (const std::string_view word : kTurkishWords) Add(word, kTurkish);
    for (const std::string_view word : kEnglishWords) Add(word, kEnglish);
  }

  // kTurkish and/or kEnglish, or 0 for a word in neither list.
  std::uint8_t Find(std::string_view word) const {
    if (word.empty() || word.size() > kMaxLength) return 0;
    // Most words are in neither list, and their length and first letter
    // usually show it.
    const unsigned letter = static_cast<unsigned char>(word[0]) - 'a';
    if (letter >= 26 || ((first_letters_[word.size()] >> letter) & 1) == 0) return 0;
    for (size_t i = Hash(word);; i = (i + 1) % kSlots) {
      const Slot& slot = slots_[i];
      if (slot.languages == 0) return 0;
      if (slot.word.size() == word.size() &&
          std::memcmp(slot.word.data(), word.data(), word.size()) == 0) {
        return slot.languages;
      }
    }
  }

 private:
  struct Slot {
    std::string_view word;
    std::uint8_t languages = 0;
  };
  // A power of two, over twice the number of words, so that probes are short.
  static constexpr int kSlotBits = 9;
  static constexpr size_t kSlots = size_t{1} << kSlotBits;

  // From the length and the first, second and last letters only: cheaper
  // than hashing every byte, and the words differ enough there that probes
  // stay short. Takes a nonempty word.
  static size_t Hash(std::string_view word) {
    const auto byte = [&word](size_t i) {
      return static_cast<std::uint32_t>(static_cast<unsigned char>(word[i]));
    };
    const std::uint32_t key = byte(0) | byte(word.size() > 1 ? 1 : 0) << 8 |
                              byte(word.size() - 1) << 16 |
                              static_cast<std::uint32_t>(word.size()) << 24;
    return (key * 0x9E3779B1u) >> (32 - kSlotBits);  // Fibonacci hashing
  }

  void Add(std::string_view word, Language language) {
    first_letters_[word.size()] |= std::uint32_t{1} << (word[0] - 'a');
    for (size_t i = Hash(word);; i = (i + 1) % kSlots) {
      Slot& slot = slots_[i];
      if (slot.languages == 0 || slot.word == word) {
        slot.word = word;
        slot.languages |= language;
        return;
      }
    }
  }

  static constexpr size_t kMaxLength = LongestStopWord();

  std::array<Slot, kSlots> slots_;
  // By length, the first letters of the words of that length (bit 0: 'a').
  std::array<std::uint32_t, kMaxLength + 1> first_letters_{};
};

const StopWords& Words() {
  static const StopWords kWords;
  return kWords;
}

// Letters that exist in Turkish and not in English are strong evidence (1.5
// each: ç ğ ı ş Ç Ğ İ Ş), ö and ü weaker (0.5). All are two bytes in UTF-8
// with a lead byte 0xC3-0xC5. Returns the evidence of the two bytes at p in
// halves, so that sums are exact.
size_t HalvesAt(const unsigned char* p) {
  switch ((p[0] << 8) | p[1]) {
    case 0xC3A7:  // ç
    case 0xC49F:  // ğ
    case 0xC4B1:  // ı
    case 0xC59F:  // ş
    case 0xC387:  // Ç
    case 0xC49E:  // Ğ
    case 0xC4B0:  // İ
    case 0xC59E:  // Ş
      return 3;
    case 0xC3B6:  // ö
    case 0xC3BC:  // ü
    case 0xC396:  // Ö
    case 0xC39C:  // Ü
      return 1;
    default:
      return 0;
  }
}

// One pass over the text finds the letters above, looking only at lead bytes
// (0xC0 and up): eight bytes at a time, most of most posts has none.
double TurkishLetterEvidence(std::string_view text) {
  size_t halves = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + 8 <= n; i += 8) {
      std::uint64_t block;
      std::memcpy(&block, p + i, sizeof block);
      // The top bit of each byte whose two top bits are set.
      std::uint64_t leads = block & (block << 1) & 0x8080808080808080u;
      for (; leads != 0; leads &= leads - 1) {
        const size_t lead = i + static_cast<size_t>(std::countr_zero(leads)) / 8;
        if (lead + 1 < n) halves += HalvesAt(p + lead);
      }
    }
  }
  for (; i + 1 < n; ++i) {
    if (p[i] >= 0xC0) halves += HalvesAt(p + i);
  }
  return 0.5 * static_cast<double>(halves);
}

}  // namespace

LangGuess DetectLanguage(std::string_view text) {
  return DetectLanguage(text, Normalize(text, /*turkish=*/false));
}

LangGuess DetectLanguage(std::string_view text, const NormalizedText& norm) {
  double tr = TurkishLetterEvidence(text);
  double en = 0;
  const StopWords& words = Words();
  for (const Token& token : norm.tokens) {
    if (!token.is_word) continue;
    const std::uint8_t languages = words.Find(token.text);
    if ((languages & StopWords::kTurkish) != 0) tr += 1.0;
    if ((languages & StopWords::kEnglish) != 0) en += 1.0;
  }
  if (tr == 0 && en == 0) return LangGuess{std::string(), 0.0};
  const double top = std::max(tr, en);
  // Confidence grows with the margin and with the amount of evidence.
  const double confidence = (top - std::min(tr, en)) / (tr + en) * std::min(1.0, top / 3.0);
  return LangGuess{std::string(tr >= en ? "tr" : "en"), confidence};
}

}  // namespace earshot
