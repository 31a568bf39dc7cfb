#include "pipeline/sentiment/sentiment_scorer.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace earshot {
namespace {

// All word lists are ASCII-folded, as the tokens are.
bool IsEnglishNegator(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "not",     "no",       "never",   "nothing", "nobody", "none",    "nowhere",
      "neither", "nor",      "without", "cannot",  "dont",   "doesnt",  "didnt",
      "isnt",    "wasnt",    "arent",   "werent",  "cant",   "couldnt", "wont",
      "wouldnt", "shouldnt", "havent",  "hasnt",   "hadnt",  "aint"};
  if (kWords.count(w) != 0) return true;
  return w.size() > 3 && w.substr(w.size() - 3) == "n't";
}

bool IsTurkishFollowingNegator(std::string_view w) {
  return w == "degil" || w == "degildi" || w == "degildir" || w == "degilsiniz" || w == "degilim" ||
         w == "yok" || w == "yoktu";
}

double Intensity(std::string_view w) {
  static const std::unordered_set<std::string_view> kBoost = {
      "cok",   "asiri",      "gercekten",  "cidden",  "fazlasiyla", "resmen",  "tam",
      "en",    "very",       "so",         "really",  "extremely",  "totally", "absolutely",
      "super", "incredibly", "completely", "utterly", "too",        "most"};
  static const std::unordered_set<std::string_view> kDampen = {
      "biraz", "az",   "azicik", "pek", "slightly", "barely", "somewhat",
      "kinda", "kind", "little", "bit", "hardly",   "fairly"};
  if (kBoost.count(w) != 0) return 0.3;
  if (kDampen.count(w) != 0) return -0.3;
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
    words.emplace_back(t.text);
    is_word.push_back(t.is_word ? 1 : 0);
  }
  // A known language uses its own lexicon; an unknown one tries Turkish, then English.
  const Lexicon* first = lang == "en" ? &lexicons_->en : &lexicons_->tr;
  const Lexicon* second = lang.empty() ? &lexicons_->en : nullptr;

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
    if (explain) why = "lexicon " + hit->entry;
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
    for (size_t back = 1; back <= 3 && back <= i; ++back) {
      if (!same_clause(i - back, i)) break;
      if (is_word[i - back] && IsEnglishNegator(words[i - back])) {
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
    if (explain) {
      result.contributions.push_back(SentimentContribution{std::string(words[i]), v, why});
    }
    i = end - 1;
  }
  // Exclamation marks add emphasis in the direction already taken.
  const auto bangs =
      std::min<size_t>(4, static_cast<size_t>(std::count(original.begin(), original.end(), '!')));
  if (sum != 0 && bangs > 0) sum += (sum > 0 ? 1 : -1) * 0.25 * static_cast<double>(bangs);
  result.raw = sum;
  result.score = sum / std::sqrt(sum * sum + 15.0);
  return result;
}

}  // namespace earshot
