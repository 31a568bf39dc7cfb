#include "pipeline/sentiment/word_forms.h"

#include <cstring>
#include <string>
#include <vector>

namespace earshot {
namespace {

// Always inlined: every caller passes a literal, so the compare becomes a
// load or two instead of a call to memcmp (it ran 100k times a pass).
[[gnu::always_inline]] inline bool EndsWith(std::string_view word, std::string_view suffix) {
  return word.ends_with(suffix);
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Tries `stem` + `ending` as an exact entry. Short words are mostly their
// own entries or function words, so bases under three letters are not tried.
std::optional<double> Try(const Lexicon& lexicon, std::string_view stem, std::string_view ending) {
  if (stem.size() + ending.size() < 3) return std::nullopt;
  return lexicon.LookupWord(stem, ending);
}

// "stopped" -> "stop", "winning" -> "win", "bigger" -> "big": after cutting
// the ending, a doubled final consonant is one letter of the base.
std::optional<double> TryUndoubled(const Lexicon& lexicon, std::string_view stem) {
  const size_t n = stem.size();
  if (n >= 3 && stem[n - 1] == stem[n - 2] && !IsVowel(stem[n - 1])) {
    return Try(lexicon, stem.substr(0, n - 1), "");
  }
  return std::nullopt;
}

// Bases for a word that ends in `suffix`: the bare stem, the stem + "e"
// ("loving" -> "love", "nicer" -> "nice") and the undoubled stem.
std::optional<double> TryVerbalBases(const Lexicon& lexicon, std::string_view stem) {
  if (auto v = Try(lexicon, stem, "")) return v;
  if (auto v = Try(lexicon, stem, "e")) return v;
  return TryUndoubled(lexicon, stem);
}

}  // namespace

std::optional<double> LookupEnglishBaseForm(const Lexicon& lexicon, std::string_view word) {
  // Possessive: "dragon's", "god’s".
  for (const std::string_view apostrophe :
       {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
    if (EndsWith(word, apostrophe))
      return Try(lexicon, word.substr(0, word.size() - apostrophe.size()), "");
  }
  if (word.size() < 4) return std::nullopt;
  const auto cut = [&](size_t n) { return word.substr(0, word.size() - n); };
  if (EndsWith(word, "iness")) return Try(lexicon, cut(5), "y");  // happiness
  if (EndsWith(word, "ness")) return Try(lexicon, cut(4), "");    // sadness
  if (EndsWith(word, "ies") || EndsWith(word, "ied") || EndsWith(word, "ier")) {
    return Try(lexicon, cut(3), "y");  // worries, worried, happier
  }
  if (EndsWith(word, "iest")) return Try(lexicon, cut(4), "y");  // happiest
  if (EndsWith(word, "ally")) {                                  // tragically
    if (auto v = Try(lexicon, cut(4), "")) return v;
    return Try(lexicon, cut(2), "");
  }
  if (EndsWith(word, "ily")) return Try(lexicon, cut(3), "y");  // angrily
  if (EndsWith(word, "ly")) return Try(lexicon, cut(2), "");    // sadly
  if (EndsWith(word, "ing")) return TryVerbalBases(lexicon, cut(3));
  if (EndsWith(word, "in")) {  // dropped g: "lovin", "killin"
    if (auto v = Try(lexicon, word, "g")) return v;
    return TryVerbalBases(lexicon, cut(2));
  }
  if (EndsWith(word, "ed")) {
    if (auto v = Try(lexicon, cut(1), "")) return v;  // loved -> love
    return TryVerbalBases(lexicon, cut(2));           // wrecked, stopped
  }
  if (EndsWith(word, "est")) {
    if (auto v = Try(lexicon, cut(2), "")) return v;  // nicest -> nice
    return TryVerbalBases(lexicon, cut(3));           // coolest, biggest
  }
  if (EndsWith(word, "er")) {
    if (auto v = Try(lexicon, cut(1), "")) return v;  // nicer -> nice
    return TryVerbalBases(lexicon, cut(2));           // cooler, bigger
  }
  if (EndsWith(word, "es")) {
    if (auto v = Try(lexicon, cut(1), "")) return v;  // hates -> hate
    return Try(lexicon, cut(2), "");                  // crashes -> crash
  }
  // Plural or 3rd person -s, but not "-ss" (mess), "-us" (virus), "-is" (crisis).
  if (EndsWith(word, "s") && !EndsWith(word, "ss") && !EndsWith(word, "us") &&
      !EndsWith(word, "is")) {
    return Try(lexicon, cut(1), "");
  }
  return std::nullopt;
}

namespace {

// Beginnings of Turkish nominal and copula suffixes, ASCII-folded: plural,
// possessive, case, copula (past, evidential, generalising), "-ki", "-ce".
bool StartsLikeTurkishSuffix(std::string_view rest) {
  // Every listed start begins with one of these letters: most candidates
  // are rejected here without comparing strings.
  if (rest.empty()) return false;
  switch (rest[0]) {
    case 'l':
    case 'y':
    case 'd':
    case 't':
    case 'm':
    case 's':
    case 'i':
    case 'u':
    case 'c':
    case 'k':
      break;
    default:
      return false;
  }
  static constexpr std::string_view kStarts[] = {
      "ler", "lar", "ydi", "ymis", "ymus", "di",  "ti", "du", "tu",  "mis",   "mus", "dir",  "tir",
      "dur", "tur", "si",  "su",   "i",    "u",   "de", "da", "te",  "ta",    "den", "dan",  "ten",
      "tan", "ce",  "ca",  "ki",   "yle",  "yla", "le", "la", "sin", "siniz", "ydu", "yken", "sen"};
  for (const std::string_view start : kStarts) {
    if (rest.size() >= start.size() && rest.substr(0, start.size()) == start) return true;
  }
  return false;
}

// Whether `rest` is a whole chain of Turkish nominal endings, ASCII-folded,
// in their order: plural, possessive, case, copula and the person after a
// past copula, each optional, at least one there. Vowel harmony is not checked
// (folded text has lost ı/i and ö/o anyway).
bool IsWholeTurkishEnding(std::string_view rest) {
  static constexpr std::string_view kPlural[] = {"ler", "lar"};
  static constexpr std::string_view kPossessive[] = {
      "imiz", "umuz", "iniz", "unuz", "miz", "muz", "niz", "nuz", "leri", "lari",
      "im",   "um",   "in",   "un",   "si",  "su",  "i",   "u",   "m",    "n"};
  static constexpr std::string_view kCase[] = {
      "nden", "ndan", "nde",  "nda", "den", "dan", "ten", "tan", "nin", "nun", "yle", "yla", "deki",
      "daki", "teki", "taki", "de",  "da",  "te",  "ta",  "ye",  "ya",  "yi",  "yu",  "ni",  "nu",
      "ne",   "na",   "in",   "un",  "le",  "la",  "ki",  "ce",  "ca",  "e",   "a",   "i",   "u"};
  static constexpr std::string_view kCopula[] = {
      "dirler", "durlar", "siniz", "sunuz", "ymis", "ymus", "yken", "dir", "dur",
      "tir",    "tur",    "ydi",   "sun",   "ydu",  "mis",  "mus",  "sin", "yim",
      "yum",    "yiz",    "yuz",   "sen",   "ken",  "yse",  "ysa",  "di",  "du",
      "ti",     "tu",     "im",    "um",    "iz",   "uz",   "se",   "sa"};
  static constexpr std::string_view kPerson[] = {"lar", "ler", "niz", "nuz", "m", "n", "k"};
  // Tries each ending of each stage from `stage` on, in order; true when
  // some choice uses up `rest` exactly.
  struct Parser {
    static bool Parse(std::string_view rest, int stage) {
      if (rest.empty()) return true;
      auto try_list = [&](const auto& list, int next) {
        for (const std::string_view ending : list) {
          if (rest.substr(0, ending.size()) == ending && Parse(rest.substr(ending.size()), next)) {
            return true;
          }
        }
        return false;
      };
      switch (stage) {
        case 0:
          return try_list(kPlural, 1) || Parse(rest, 1);
        case 1:
          return try_list(kPossessive, 2) || Parse(rest, 2);
        case 2:
          return try_list(kCase, 3) || Parse(rest, 3);
        case 3:
          return try_list(kCopula, 4);
        case 4:  // the person after a past copula: "zordum", "şıktılar"
          return try_list(kPerson, 5);
        default:
          return false;
      }
    }
  };
  return !rest.empty() && Parser::Parse(rest, 0);
}

}  // namespace

std::optional<double> LookupTurkishNominalForm(const Lexicon& lexicon, std::string_view word,
                                               std::string_view* suffix, uint32_t letters) {
  // Longest entry first; entries shorter than three letters are too easily
  // the start of an unrelated word. After a three-letter entry the rest
  // must also be a whole chain of endings, not only start like one:
  // "zorunlu" is no "zor" + "-u", "adidas" no "adi" + "-da", "siklet" no
  // "şık" + "-le", where "zoru", "adiydi" and "şıktı" still are.
  auto wanted = [word](std::string_view rest) {
    return StartsLikeTurkishSuffix(rest) &&
           (word.size() - rest.size() > 3 || IsWholeTurkishEnding(rest));
  };
  if (word.size() < 4) return std::nullopt;
  return lexicon.LookupWordPrefix(word, 3, wanted, suffix, letters);
}

std::optional<double> LookupUndoubled(const Lexicon& lexicon, std::string_view word) {
  bool doubled = false;  // most words have none: answer before building a string
  for (size_t k = 1; k < word.size() && !doubled; ++k) doubled = word[k] == word[k - 1];
  if (!doubled) return std::nullopt;
  // Words fit the stack buffer; a longer one gets a string.
  char buffer[64];
  std::string long_word;
  char* const out =
      word.size() <= sizeof(buffer) ? buffer : (long_word.resize(word.size()), &long_word[0]);
  size_t size = 0;
  for (const char c : word) {
    if (size == 0 || out[size - 1] != c) out[size++] = c;
  }
  if (size == word.size() || size < 3) return std::nullopt;
  // A consonant written twice inside a short word is usually really double
  // ("hatta", "bella", "anne"), not a stretched one: undoubled it would
  // read as another word ("hata", "bela").
  auto really_double = [&](size_t k, size_t undoubled_size) {
    static constexpr std::string_view kVowels = "aeiouy";
    return undoubled_size < 5 && k + 1 < word.size() &&
           kVowels.find(word[k]) == std::string_view::npos;
  };
  bool keep_whole = true;
  for (size_t k = 1; k < word.size(); ++k) {
    if (word[k] == word[k - 1] && really_double(k, size)) keep_whole = false;
  }
  if (auto all = keep_whole ? lexicon.LookupWord(std::string_view(out, size)) : std::nullopt) {
    return all;
  }
  // One double written where the word has a single letter, beside one that
  // is really double ("mükkemmel" for "mükemmel"): each double undoubled
  // alone.
  if (word.size() > sizeof(buffer)) return std::nullopt;
  for (size_t k = 1; k < word.size(); ++k) {
    if (word[k] != word[k - 1] || (k + 1 < word.size() && word[k + 1] == word[k])) continue;
    const size_t n = word.size() - 1;
    if (really_double(k, n)) continue;
    std::memcpy(buffer, word.data(), k);
    std::memcpy(buffer + k, word.data() + k + 1, word.size() - k - 1);
    // A stem counts too: "mükkemmeldi" is "mükemmel*" + "-di".
    // Not a stem of three letters: "cooper" is no "çöp*" + "-er".
    const std::vector<std::string_view> alone = {std::string_view(buffer, n)};
    if (const auto one = lexicon.Lookup(alone, 0); one && (!one->stem || one->entry.size() > 3)) {
      return one->valence;
    }
  }
  return std::nullopt;
}

bool IsTurkishConditional(std::string_view w) {
  if (w == "varsa") return true;
  if (w.size() < 6) return false;
  // Every ending below has its "s" two to five letters from the end, after
  // r, z or y: most words fail here.
  bool maybe = false;
  for (size_t k = w.size() - 6; k + 2 < w.size() && !maybe; ++k) {
    maybe = w[k + 1] == 's' && (w[k] == 'r' || w[k] == 'z' || w[k] == 'y');
  }
  if (!maybe) return false;
  static constexpr std::string_view kEndings[] = {
      "rsa",    "rse",    "rsam",  "rsem",  "rsan",  "rsen",  "rsak", "rsek",
      "rsaniz", "rseniz", "zsa",   "zse",   "zsam",  "zsem",  "zsak", "zsek",
      "diysa",  "diyse",  "duysa", "duyse", "tiysa", "tiyse", "tuysa"};
  for (std::string_view e : kEndings) {
    if (w.size() >= e.size() && w.substr(w.size() - e.size()) == e) return true;
  }
  return false;
}

}  // namespace earshot
