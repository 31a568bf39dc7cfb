#include "pipeline/normalize/lang_id.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "pipeline/normalize/normalizer.h"

namespace earshot {
namespace {

// Frequent function words, ASCII-folded, chosen so that the two lists do not
// overlap and none is a common word of the other language.
const std::unordered_set<std::string>& TurkishWords() {
  static const std::unordered_set<std::string> kWords = {
      "ve",    "bir",    "bu",     "cok",  "icin",        "ama",      "degil",  "ne",      "mi",
      "mu",    "da",     "de",     "ile",  "hala",        "neden",    "nasil",  "ben",     "sen",
      "siz",   "biz",    "sizin",  "bana", "beni",        "daha",     "gibi",   "kadar",   "yok",
      "var",   "hic",    "olarak", "oldu", "olan",        "zaman",    "gun",    "gundur",  "artik",
      "hep",   "sadece", "bile",   "diye", "tesekkurler", "tesekkur", "lutfen", "merhaba", "iyi",
      "kotu",  "hemen",  "nerede", "ki",   "ya",          "ise",      "ancak",  "fakat",   "cunku",
      "simdi", "bugun",  "dun",    "yine", "hicbir",      "olur",     "musteri"};
  return kWords;
}

const std::unordered_set<std::string>& EnglishWords() {
  static const std::unordered_set<std::string> kWords = {
      "the", "and", "is", "are", "was", "my", "to", "you", "your", "it", "of", "for", "this",
      "that", "not", "with", "have", "has", "i", "me", "we", "they", "what", "when", "how", "why",
      "can", "will", "just", "still", "been", "from", "at", "on", "in", "be", "an", "do", "does",
      "did", "don't", "no", "so", "but", "thanks", "thank", "please", "never", "again", "it's",
      "i'm", "very", "customer", "service", "order", "app", "today", "they're", "were",
      // More frequent English words, so that short posts have evidence too
      // ("Met her sister, loved it" has none of the above). "her" is
      // English and Turkish ("every"), so it is in neither list.
      "a", "am", "all", "about", "if", "or", "as", "by", "up", "out", "get", "got", "like", "now",
      "one", "there", "would", "could", "should", "had", "he", "she", "his", "him", "them", "their",
      "our", "us", "who", "go", "going", "know", "some", "more", "than", "then", "only", "also",
      "really", "want", "need", "see", "new", "day", "back", "here", "over", "too", "after",
      "first", "well", "way", "even", "because", "any", "these", "those", "into", "off", "its",
      "im", "lol", "yes", "oh", "tonight", "night", "morning", "love", "think", "make", "much",
      "last", "let", "great", "best", "good", "time", "people", "should've", "i've", "i'll",
      "can't", "didn't", "isn't", "won't", "doesn't", "already", "every"};
  return kWords;
}

}  // namespace

LangGuess DetectLanguage(std::string_view text) {
  return DetectLanguage(text, Normalize(text, /*turkish=*/false));
}

LangGuess DetectLanguage(std::string_view text, const NormalizedText& norm) {
  double tr = 0;
  double en = 0;
  // Letters that exist in Turkish and not in English are strong evidence.
  static constexpr std::string_view kTurkishOnly[] = {"ç", "ğ", "ı", "ş", "Ç", "Ğ", "İ", "Ş"};
  static constexpr std::string_view kTurkishAlso[] = {"ö", "ü", "Ö", "Ü"};
  for (const auto letter : kTurkishOnly) {
    for (size_t pos = text.find(letter); pos != std::string_view::npos;
         pos = text.find(letter, pos + letter.size())) {
      tr += 1.5;
    }
  }
  for (const auto letter : kTurkishAlso) {
    for (size_t pos = text.find(letter); pos != std::string_view::npos;
         pos = text.find(letter, pos + letter.size())) {
      tr += 0.5;
    }
  }
  for (const Token& token : norm.tokens) {
    if (!token.is_word) continue;
    if (TurkishWords().count(token.text) != 0) tr += 1.0;
    if (EnglishWords().count(token.text) != 0) en += 1.0;
  }
  if (tr == 0 && en == 0) return LangGuess{std::string(), 0.0};
  const double top = std::max(tr, en);
  // Confidence grows with the margin and with the amount of evidence.
  const double confidence = (top - std::min(tr, en)) / (tr + en) * std::min(1.0, top / 3.0);
  return LangGuess{std::string(tr >= en ? "tr" : "en"), confidence};
}

}  // namespace earshot
