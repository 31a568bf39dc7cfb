#include "pipeline/sentiment/sentiment_scorer.h"

#include <algorithm>
#include <cmath>

#include "pipeline/sentiment/word_forms.h"

namespace earshot {
namespace {

// Whether `w` is in a short word list. A scan (string_view's == compares
// sizes first) costs less than hashing `w`, and these lists are asked about
// every scored word and its neighbours.
template <size_t N>
bool IsOneOf(std::string_view w, const std::string_view (&list)[N]) {
  for (const std::string_view entry : list) {
    if (entry == w) return true;
  }
  return false;
}

// All word lists are ASCII-folded, as the tokens are.
bool IsEnglishNegator(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "not",     "no",       "never",   "nothing", "nobody", "none",    "nowhere",
      "neither", "nor",      "without", "cannot",  "dont",   "doesnt",  "didnt",
      "isnt",    "wasnt",    "arent",   "werent",  "cant",   "couldnt", "wont",
      "wouldnt", "shouldnt", "havent",  "hasnt",   "hadnt",  "aint"};
  if (IsOneOf(w, kWords)) return true;
  return w.size() > 3 && w.substr(w.size() - 3) == "n't";
}

bool IsTurkishFollowingNegator(std::string_view w) {
  return w == "degil" || w == "degildi" || w == "degildir" || w == "degilsiniz" || w == "degilim" ||
         w == "yok" || w == "yoktu";
}

double Intensity(std::string_view w) {
  static constexpr std::string_view kBoost[] = {
      "cok",   "asiri",      "gercekten",  "cidden",  "fazlasiyla", "resmen",  "tam",
      "en",    "very",       "so",         "really",  "extremely",  "totally", "absolutely",
      "super", "incredibly", "completely", "utterly", "too",        "most"};
  static constexpr std::string_view kDampen[] = {"biraz",  "az",       "azicik", "pek",  "slightly",
                                                 "barely", "somewhat", "kinda",  "kind", "little",
                                                 "bit",    "hardly",   "fairly"};
  if (IsOneOf(w, kBoost)) return 0.3;
  if (IsOneOf(w, kDampen)) return -0.3;
  return 0.0;
}

bool IsContrast(std::string_view w) {
  // English "yet" is left out: it is far more often "not yet" than a contrast.
  return w == "ama" || w == "fakat" || w == "ancak" || w == "lakin" || w == "but" || w == "however";
}

// Turkish verbal negation right after a stem: -me/-ma (+ tense), -mez/-maz,
// -mıyor/-miyor/-muyor/-müyor (folded: miyor, muyor). Positive forms that
// also start with 'm' ("-miş" evidential: beğenmiş) are not negation.
bool HasTurkishNegationSuffix(std::string_view suffix) {
  if (suffix.size() < 2 || suffix[0] != 'm') return false;
  const char v = suffix[1];
  if (v == 'e' || v == 'a') {
    if (suffix.size() == 2) return true;  // beğenme, yapma
    // The infinitive -mek/-mak ("beğenmek", "sevmek") is not negation, nor is
    // the necessity mood -meli/-malı ("denemeli").
    if (suffix.substr(1, 2) == "ek" || suffix.substr(1, 2) == "ak" || suffix.substr(1, 2) == "el" ||
        suffix.substr(1, 2) == "al") {
      return false;
    }
    // -medi (past), -mez (aorist), -meyen/-meyin (participle, imperative),
    // -mem/-memiş (1st person, evidential). -mesi/-mesine and -men/-meniz
    // are nominalisations ("izlenmesi gereken": that must be watched), not
    // negation; only the bare -mesin(ler) is ("izlemesin": let them not).
    const char c = suffix[2];
    if (c == 's') {
      const std::string_view rest = suffix.substr(1);
      return rest == "esin" || rest == "asin" || rest == "esinler" || rest == "asinlar";
    }
    return c == 'd' || c == 'z' || c == 'y' || c == 'm';
  }
  if (v == 'i' || v == 'u') {
    // -miyor/-muyor and the spoken -mıyo/-mio ("çalışmıo", "sevmiom").
    if (suffix.substr(1, 3) == "iyo" || suffix.substr(1, 3) == "uyo") return true;
    return suffix.size() >= 3 && suffix[2] == 'o';
  }
  return false;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Laughter written out is positive in both languages: "hahaha", "ahahah",
// "hehehe", "jajaja", "lolol". Squeezed elongation ("hahaaa" -> "haha") is
// already undone by the normalizer.
bool IsLaughter(std::string_view word) {
  if (word.size() < 4) return false;
  // "lolol", "lololol"
  if (word[0] == 'l') {
    for (size_t k = 0; k < word.size(); ++k) {
      if (word[k] != (k % 2 == 0 ? 'l' : 'o')) return false;
    }
    return word.back() == 'l';
  }
  // Syllables of h or j plus a vowel, optionally starting with the vowel
  // ("ahaha") or ending in the consonant ("hahah"). At least two syllables.
  size_t k = IsVowel(word[0]) ? 1 : 0;
  int syllables = 0;
  char vowel = 0;
  while (k + 1 < word.size()) {
    if ((word[k] != 'h' && word[k] != 'j') || !IsVowel(word[k + 1])) return false;
    if (vowel != 0 && word[k + 1] != vowel) return false;
    vowel = word[k + 1];
    ++syllables;
    k += 2;
  }
  if (k < word.size() && word[k] != 'h' && word[k] != 'j') return false;
  return syllables >= 2;
}

// A word token with the quotes around it removed: "'fantastic" is
// "fantastic". Apostrophes inside a word stay ("don't", "kargo'm").
std::string_view WithoutQuotes(std::string_view w) {
  while (!w.empty() && w.front() == '\'') w.remove_prefix(1);
  while (!w.empty() && w.back() == '\'') w.remove_suffix(1);
  return w;
}

constexpr double kLaughterValence = 1.5;
constexpr double kExclamationOnlyLean = 0.5;

// Praise that is often said in sarcasm ("thanks for losing my parcel",
// "bravo, delayed again 👏"). When one of these stands in a clause
// that also says something negative, and no contrast word separates the
// two, the praise is read as sarcasm and counts against.
bool IsSarcasmProne(std::string_view entry) {
  static constexpr std::string_view kEntries[] = {"thanks", "thank", "thank you",
                                                  "thx",    "bravo", "\xF0\x9F\x91\x8F" /* 👏 */};
  return IsOneOf(entry, kEntries);
}

}  // namespace

StatusOr<std::shared_ptr<const Lexicons>> LoadLexicons(const std::string& dir,
                                                       std::vector<Diagnostic>* diagnostics) {
  auto lexicons = std::make_shared<Lexicons>();
  struct File {
    const char* name;
    Lexicon* target;
  };
  for (const File& f : {File{"tr.tsv", &lexicons->tr}, File{"en.tsv", &lexicons->en},
                        File{"emoji.tsv", &lexicons->emoji}}) {
    auto loaded = Lexicon::LoadFile(dir + "/" + f.name, diagnostics);
    if (!loaded.ok()) return loaded.status();
    *f.target = std::move(loaded).value();
  }
  if (HasErrors(*diagnostics)) return Status("lexicon_invalid", "lexicon files have errors");
  return std::shared_ptr<const Lexicons>(std::move(lexicons));
}

SentimentResult SentimentScorer::Score(const NormalizedText& text, std::string_view lang,
                                       std::string_view original, bool explain) const {
  SentimentResult result;
  // Per-thread scratch: scoring is on the hot path and must not allocate per
  // post once the buffers have grown.
  thread_local std::vector<std::string_view> words;
  thread_local std::vector<char> is_word;
  words.clear();
  is_word.clear();
  for (const Token& t : text.tokens) {
    words.emplace_back(t.is_word ? WithoutQuotes(t.text) : std::string_view(t.text));
    is_word.push_back(t.is_word && !words.back().empty() ? 1 : 0);
  }
  // A known language uses its own lexicon; an unknown one tries Turkish, then English.
  const Lexicon* first = lang == "en" ? &lexicons_->en : &lexicons_->tr;
  const Lexicon* second = lang.empty() ? &lexicons_->en : nullptr;
  const Lexicon* english = lang == "en" || lang.empty() ? &lexicons_->en : nullptr;
  const Lexicon* turkish = lang != "en" ? &lexicons_->tr : nullptr;

  // Capitals stress a word, unless the whole post is in capitals.
  bool all_caps = true;
  for (const Token& t : text.tokens) all_caps = all_caps && (!t.is_word || t.caps);
  // Negation and intensifiers reach back within their own clause only:
  // "LOL never. LOVED it" does not negate "loved".
  auto same_clause = [&](size_t from, size_t to) {  // tokens from < to
    for (size_t k = from + 1; k <= to; ++k) {
      if (text.tokens[k].clause_start) return false;
    }
    return true;
  };

  // The clause after the last contrast word carries more weight.
  size_t last_contrast = words.size();
  for (size_t i = 0; i < words.size(); ++i) {
    if (is_word[i] && IsContrast(words[i])) last_contrast = i;
  }

  // Per-token valences, kept for the sarcasm pass below.
  struct Scored {
    size_t token;
    double valence;
    bool sarcasm_prone;
  };
  thread_local std::vector<Scored> scored;
  scored.clear();
  double sum = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    std::optional<LexiconHit> hit;
    bool turkish_hit = false;  // Turkish morphology applies to Turkish entries only
    if (!is_word[i]) {
      hit = lexicons_->emoji.Lookup(words, i);
    } else {
      hit = first->Lookup(words, i);
      turkish_hit = hit.has_value() && first == &lexicons_->tr;
      if (!hit && second != nullptr) hit = second->Lookup(words, i);
      if (!hit) hit = lexicons_->emoji.Lookup(words, i);  // emoticons like ":(" are not words
      // Word forms of exact entries: Turkish nominal suffixes ("iyiler"),
      // English inflections ("wrecks", "nicest", "lovin"), doubled letters
      // ("iyii").
      if (!hit && turkish != nullptr) {
        std::string_view suffix;
        if (const auto base = LookupTurkishNominalForm(*turkish, words[i], &suffix)) {
          hit = LexiconHit{*base, 1, suffix, words[i], false};
          turkish_hit = true;
        } else if (const auto undoubled = LookupUndoubled(*turkish, words[i])) {
          hit = LexiconHit{*undoubled, 1, {}, words[i], false};
        }
      }
      if (!hit && english != nullptr) {
        auto base = LookupEnglishBaseForm(*english, words[i]);
        if (!base) base = LookupUndoubled(*english, words[i]);
        if (base) hit = LexiconHit{*base, 1, {}, words[i], false};
      }
      if (!hit && IsLaughter(words[i])) hit = LexiconHit{kLaughterValence, 1, {}, words[i], false};
    }
    if (!hit) continue;
    // A word that is both an entry and a booster ("süper güzel") boosts the
    // next entry instead of counting twice.
    if (hit->words == 1 && is_word[i] && Intensity(words[i]) != 0 && i + 1 < words.size() &&
        is_word[i + 1] &&
        (first->Lookup(words, i + 1) || (second != nullptr && second->Lookup(words, i + 1)))) {
      continue;
    }
    double v = hit->valence;
    std::string why;
    if (explain) why = "lexicon " + std::string(hit->entry) + (hit->stem ? "*" : "");
    const size_t end = i + hit->words;  // first token after the entry
    if (turkish_hit && !hit->suffix.empty() && HasTurkishNegationSuffix(hit->suffix)) {
      v = -v * 0.8;
      if (explain) why += ", negated by suffix -" + std::string(hit->suffix);
    }
    if (text.tokens[i].caps && !all_caps) {
      v += v > 0 ? 0.7 : -0.7;
      if (explain) why += ", capitals";
    }
    if (i > 0 && is_word[i - 1] && same_clause(i - 1, i)) {
      const double boost = Intensity(words[i - 1]);
      if (boost != 0) {
        v += v > 0 ? boost * 2 : -boost * 2;
        if (explain) why += ", intensity " + std::string(words[i - 1]);
      }
    }
    // Negators negate words only, and do not reach past an emoji, emoticon,
    // hashtag or mention: in "no reply :( awful" neither ":(" nor "awful" is
    // negated, nor "awful" in "not nice #awful".
    const bool negatable = is_word[i] && text.tokens[i].kind == Token::Kind::kWord &&
                           (i == 0 || text.tokens[i - 1].kind != Token::Kind::kHashtag);
    for (size_t back = 1; negatable && back <= 3 && back <= i; ++back) {
      if (!same_clause(i - back, i) || !is_word[i - back]) break;
      if (IsEnglishNegator(words[i - back])) {
        v = -v * 0.75;
        if (explain) why += ", negated by " + std::string(words[i - back]);
        break;
      }
    }
    // Turkish negates a predicate with a following "değil"/"yok", which may
    // close a short noun phrase: "iyi bir film değil". Look up to three words
    // ahead within the clause, stopping at a contrast word.
    for (size_t ahead = end; ahead < words.size() && ahead < end + 3; ++ahead) {
      if (!is_word[ahead] || text.tokens[ahead].clause_start || IsContrast(words[ahead])) break;
      if (IsTurkishFollowingNegator(words[ahead])) {
        v = -v * 0.8;
        if (explain) why += ", negated by " + std::string(words[ahead]);
        break;
      }
      if (first->Lookup(words, ahead)) break;  // the negator belongs to that word
    }
    if (last_contrast < words.size()) {
      v *= i < last_contrast ? 0.5 : 1.5;
    }
    sum += v;
    scored.push_back(Scored{i, v, v > 0 && IsSarcasmProne(hit->entry)});
    if (explain) {
      result.contributions.push_back(SentimentContribution{std::string(words[i]), v, why});
    }
    i = end - 1;
  }
  // Sarcasm: prone praise in the same clause as a negative, with no
  // contrast word between them, counts as negative.
  for (size_t a = 0; a < scored.size(); ++a) {
    if (!scored[a].sarcasm_prone) continue;
    for (size_t b = 0; b < scored.size(); ++b) {
      if (scored[b].valence >= 0) continue;
      const size_t from = std::min(scored[a].token, scored[b].token);
      const size_t to = std::max(scored[a].token, scored[b].token);
      bool contrast = false;
      for (size_t k = from + 1; k < to && !contrast; ++k)
        contrast = is_word[k] && IsContrast(words[k]);
      if (contrast || !same_clause(from, to)) continue;
      sum -= 2 * scored[a].valence;
      if (explain) {
        for (SentimentContribution& c : result.contributions) {
          if (c.token == words[scored[a].token] && c.valence > 0) {
            c.valence = -c.valence;
            c.why += ", sarcasm next to " + std::string(words[scored[b].token]);
            break;
          }
        }
      }
      break;
    }
  }
  // Exclamation marks add emphasis in the direction already taken.
  const auto bangs =
      std::min<size_t>(4, static_cast<size_t>(std::count(original.begin(), original.end(), '!')));
  if (sum != 0 && bangs > 0) sum += (sum > 0 ? 1 : -1) * 0.25 * static_cast<double>(bangs);
  // Without any scored word, exclamation alone is excitement, which in
  // posts is more often glad than angry ("Ready for the weekend!!"); it
  // leans the score slightly positive, far below the praise threshold.
  if (sum == 0 && bangs > 0) sum = kExclamationOnlyLean;
  result.raw = sum;
  result.score = sum / std::sqrt(sum * sum + 15.0);
  return result;
}

}  // namespace earshot
