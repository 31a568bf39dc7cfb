#include "pipeline/normalize/lang_id.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "pipeline/normalize/normalizer.h"

namespace earshot {
namespace {

// Frequent function words, ASCII-folded, chosen so that the two lists do not
// overlap and none is a common word of the other language (so not "her",
// "ya", nor "be", the Turkish interjection: "hayat güzel be").
constexpr std::string_view kTurkishWords[] = {
    "ve", "bir", "bu", "cok", "icin", "ama", "degil", "ne", "mi", "mu", "da", "de", "ile", "hala",
    "neden", "nasil", "ben", "sen", "siz", "biz", "sizin", "bana", "beni", "daha", "gibi", "kadar",
    "yok", "var", "hic", "olarak", "oldu", "olan", "zaman", "gun", "gundur", "artik", "hep",
    "sadece", "bile", "diye", "tesekkurler", "tesekkur", "lutfen", "merhaba", "iyi", "kotu",
    "hemen", "nerede", "ki", "ise", "ancak", "fakat", "cunku", "simdi", "bugun", "dun", "yine",
    "hicbir", "olur", "musteri",
    // Spoken "bir", and words of opinion short reviews open with.
    "bi", "bence", "aslinda", "eger", "gercekten", "kesinlikle", "mutlaka", "tamam"};

constexpr std::string_view kEnglishWords[] = {
    "the", "and", "is", "are", "was", "my", "to", "you", "your", "it", "of", "for", "this", "that",
    "not", "with", "have", "has", "i", "me", "we", "they", "what", "when", "how", "why", "can",
    "will", "just", "still", "been", "from", "at", "on", "in", "an", "do", "does", "did", "don't",
    "no", "so", "but", "thanks", "thank", "please", "never", "again", "it's", "i'm", "very",
    "customer", "service", "order", "app", "today", "they're", "were",
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

// The longest word of both lists, and whether every word begins and ends
// with a lowercase ASCII letter (StopWords indexes words by those letters).
constexpr size_t LongestStopWord() {
  size_t longest = 0;
  for (const std::string_view word : kTurkishWords) longest = std::max(longest, word.size());
  for (const std::string_view word : kEnglishWords) longest = std::max(longest, word.size());
  return longest;
}
constexpr bool IsStopWordShaped(std::string_view word) {
  return !word.empty() && word.front() >= 'a' && word.front() <= 'z' && word.back() >= 'a' &&
         word.back() <= 'z';
}
constexpr bool StopWordsAreShaped() {
  for (const std::string_view word : kTurkishWords) {
    if (!IsStopWordShaped(word)) return false;
  }
  for (const std::string_view word : kEnglishWords) {
    if (!IsStopWordShaped(word)) return false;
  }
  return true;
}
static_assert(StopWordsAreShaped());

// Both lists in one table, indexed by length, first letter and last letter:
// most words of a post are in neither list and most of those fall in an
// empty cell, so a token usually costs a lookup and at most one comparison.
class StopWords {
 public:
  enum Language : std::uint8_t { kTurkish = 1, kEnglish = 2 };

  StopWords() {
    for (const std::string_view word : kTurkishWords) Add(word, kTurkish);
    for (const std::string_view word : kEnglishWords) Add(word, kEnglish);
  }

  // kTurkish and/or kEnglish, or 0 for a word in neither list.
  std::uint8_t Find(std::string_view word) const {
    const size_t length = word.size();
    if (length == 0 || length > kMaxLength) return 0;
    const unsigned first = static_cast<unsigned char>(word.front()) - 'a';
    const unsigned last = static_cast<unsigned char>(word.back()) - 'a';
    if (first >= 26 || last >= 26) return 0;
    for (std::uint16_t i = cells_[length][first][last]; i != kNone; i = entries_[i].next) {
      const Entry& entry = entries_[i];
      // The same length, first and last letter: compare the letters between.
      bool same = true;
      for (size_t k = 1; k + 1 < length && same; ++k) same = entry.word[k] == word[k];
      if (same) return entry.languages;
    }
    return 0;
  }

 private:
  static constexpr size_t kMaxLength = LongestStopWord();
  static constexpr std::uint16_t kNone = 0xFFFF;

  struct Entry {
    std::string_view word;
    std::uint8_t languages = 0;
    std::uint16_t next = kNone;  // the next entry of the same cell
  };

  void Add(std::string_view word, Language language) {
    std::uint16_t& cell = cells_[word.size()][static_cast<size_t>(word.front() - 'a')]
                                [static_cast<size_t>(word.back() - 'a')];
    for (std::uint16_t i = cell; i != kNone; i = entries_[i].next) {
      if (entries_[i].word == word) {
        entries_[i].languages |= language;
        return;
      }
    }
    entries_[count_] = Entry{word, language, cell};
    cell = count_++;
  }

  static constexpr size_t kWords = std::size(kTurkishWords) + std::size(kEnglishWords);
  static_assert(kWords < kNone);

  std::array<Entry, kWords> entries_;
  std::uint16_t count_ = 0;
  // The first entry of each cell, or kNone.
  std::array<std::array<std::array<std::uint16_t, 26>, 26>, kMaxLength + 1> cells_ = [] {
    std::array<std::array<std::array<std::uint16_t, 26>, 26>, kMaxLength + 1> cells;
    for (auto& by_first : cells) {
      for (auto& by_last : by_first) by_last.fill(kNone);
    }
    return cells;
  }();
};

const StopWords& Words() {
  static const StopWords kWords;
  return kWords;
}

// Letters that exist in Turkish and not in English are strong evidence (1.5
// each: ç ğ ı ş Ç Ğ İ Ş), ö and ü weaker (0.5). All are two bytes in UTF-8
// with a lead byte 0xC3-0xC5. Their evidence in halves (so that sums are
// exact), by lead byte - 0xC3 and the low six bits of the second byte.
constexpr std::array<std::array<std::uint8_t, 64>, 3> kHalves = [] {
  std::array<std::array<std::uint8_t, 64>, 3> halves{};
  const auto set = [&halves](unsigned lead, unsigned next, std::uint8_t value) {
    halves[lead - 0xC3][next & 0x3F] = value;
  };
  set(0xC3, 0xA7, 3);  // ç
  set(0xC4, 0x9F, 3);  // ğ
  set(0xC4, 0xB1, 3);  // ı
  set(0xC5, 0x9F, 3);  // ş
  set(0xC3, 0x87, 3);  // Ç
  set(0xC4, 0x9E, 3);  // Ğ
  set(0xC4, 0xB0, 3);  // İ
  set(0xC5, 0x9E, 3);  // Ş
  set(0xC3, 0xB6, 1);  // ö
  set(0xC3, 0xBC, 1);  // ü
  set(0xC3, 0x96, 1);  // Ö
  set(0xC3, 0x9C, 1);  // Ü
  return halves;
}();

// The evidence of the two bytes at p, in halves.
size_t HalvesAt(const unsigned char* p) {
  const unsigned lead = p[0] - 0xC3u;
  if (lead >= 3 || (p[1] & 0xC0) != 0x80) return 0;
  return kHalves[lead][p[1] & 0x3F];
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

// Verb and case endings of Turkish that English words (five letters or
// more) hardly end in, as folded: "gelmedi", "calismiyor", "bekliyorum",
// "kilometrelerce", "sizden". Turkish typed without its letters and without
// a stop word ("kargo gelmedi", "check-in sistemi coktu") has no other
// evidence. Weaker than a stop word: English names and loans can end so.
constexpr std::string_view kTurkishEndings[] = {
    "iyor", "iyorum", "iyoruz", "uyor", "uyorum", "medi", "madi", "medim", "madim", "memis",
    "mamis", "siniz", "sunuz", "imiz", "iniz", "lerce", "larca", "leri", "lari", "ndan", "nden",
    "ecek", "acak", "ecegim", "acagim", "mistir", "mustur", "dugum", "digim", "tugum", "tigim",
    "muyor", "miyor",
    // The past of a verb ("geldi", "coktu", "bozuldu"), and the reported
    // past ("gelmis"); a few Italian or Hindi loans end so too.
    "di", "ti", "du", "tu", "dim", "dik", "tik", "duk", "tuk", "mis"};

// The same for English: endings Turkish words hardly have ("waiting",
// "delivered", "finally", "happiness", "awful"). Turkish borrows a few
// "-ing" words ("parking", "marketing"); the evidence is as weak.
constexpr std::string_view kEnglishEndings[] = {"ing", "ings", "tion", "tions", "ness",
                                                "ful", "ly",   "ed",   "ies",   "ght"};

// Both lists filed by their last two letters, so that a word is compared
// only with the few endings that share its own: this runs on most words of
// every post without a `lang`.
class Endings {
 public:
  Endings() {
    for (auto& by_last : cells_) by_last.fill(kNone);
    for (const std::string_view ending : kTurkishEndings) Add(ending, StopWords::kTurkish);
    for (const std::string_view ending : kEnglishEndings) Add(ending, StopWords::kEnglish);
  }

  // StopWords::kTurkish and/or kEnglish for a word of five letters or more
  // that ends in a listed ending (longer than the ending), else 0.
  std::uint8_t Find(std::string_view word) const {
    const size_t n = word.size();
    if (n < 5) return 0;
    const unsigned last = static_cast<unsigned char>(word[n - 1]) - 'a';
    const unsigned before = static_cast<unsigned char>(word[n - 2]) - 'a';
    if (last >= 26 || before >= 26) return 0;
    std::uint8_t languages = 0;
    for (std::uint8_t i = cells_[before][last]; i != kNone; i = entries_[i].next) {
      const std::string_view ending = entries_[i].ending;
      if (n > ending.size() && word.substr(n - ending.size()) == ending) {
        languages |= entries_[i].language;
      }
    }
    return languages;
  }

 private:
  static constexpr std::uint8_t kNone = 0xFF;
  struct Entry {
    std::string_view ending;
    std::uint8_t language = 0;
    std::uint8_t next = kNone;
  };

  void Add(std::string_view ending, std::uint8_t language) {
    std::uint8_t& cell = cells_[static_cast<size_t>(ending[ending.size() - 2] - 'a')]
                               [static_cast<size_t>(ending.back() - 'a')];
    entries_[count_] = Entry{ending, language, cell};
    cell = count_++;
  }

  static constexpr size_t kCount = std::size(kTurkishEndings) + std::size(kEnglishEndings);
  static_assert(kCount < kNone);
  std::array<Entry, kCount> entries_{};
  std::uint8_t count_ = 0;
  std::array<std::array<std::uint8_t, 26>, 26> cells_{};
};

const Endings& WordEndings() {
  static const Endings kEndings;
  return kEndings;
}

constexpr double kEndingEvidence = 0.5;
constexpr double kEndingsNeededBelowMargin = 2.0;

}  // namespace

LangGuess DetectLanguage(std::string_view text) {
  return DetectLanguage(text, Normalize(text, /*turkish=*/false));
}

LangGuess DetectLanguage(std::string_view text, const NormalizedText& norm) {
  double tr = TurkishLetterEvidence(text);
  double en = 0;
  const StopWords& words = Words();
  const Endings& endings = WordEndings();
  for (const Token& token : norm.tokens) {
    if (!token.is_word) continue;
    const std::uint8_t languages = words.Find(token.text);
    if ((languages & StopWords::kTurkish) != 0) tr += 1.0;
    if ((languages & StopWords::kEnglish) != 0) en += 1.0;
  }
  // Word endings are weaker evidence, read only where the rest leaves the
  // question open: most posts have stop words or Turkish letters enough.
  if (std::abs(tr - en) < kEndingsNeededBelowMargin) {
    for (const Token& token : norm.tokens) {
      if (!token.is_word || words.Find(token.text) != 0) continue;
      const std::uint8_t ending = endings.Find(token.text);
      if ((ending & StopWords::kTurkish) != 0) tr += kEndingEvidence;
      if ((ending & StopWords::kEnglish) != 0) en += kEndingEvidence;
    }
  }
  if (tr == 0 && en == 0) return LangGuess{std::string(), 0.0};
  const double top = std::max(tr, en);
  // Confidence grows with the margin and with the amount of evidence.
  const double confidence = (top - std::min(tr, en)) / (tr + en) * std::min(1.0, top / 3.0);
  return LangGuess{std::string(tr >= en ? "tr" : "en"), confidence};
}

}  // namespace earshot
