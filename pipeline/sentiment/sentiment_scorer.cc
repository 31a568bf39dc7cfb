#include "pipeline/sentiment/sentiment_scorer.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstring>
#include <iterator>

#include "pipeline/emoji_marks.h"
#include "pipeline/sentiment/word_forms.h"
#include "pipeline/word_list.h"

namespace earshot {
namespace {

// How much more an emoji or emoticon closing a post weighs than the same
// symbol inside it (see Score). 1.5 as for the clause after a contrast; on
// en-vader-tweets r moved 0.8730 -> 0.8752 (1.0 -> 1.5), with 2.0 and more
// no better, and the other sets unchanged (docs/quality.md).
constexpr double kClosingSymbolWeight = 1.5;

// All word lists are ASCII-folded, as the tokens are.
bool IsEnglishNegator(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "not",     "no",       "never",   "nothing", "nobody", "none",    "nowhere",
      "neither", "nor",      "without", "cannot",  "dont",   "doesnt",  "didnt",
      "isnt",    "wasnt",    "arent",   "werent",  "cant",   "couldnt", "wont",
      "wouldnt", "shouldnt", "havent",  "hasnt",   "hadnt",  "aint"};
  static constexpr WordList kNegators(kWords);
  if (kNegators.Contains(w)) return true;
  return w.size() > 3 && w.substr(w.size() - 3) == "n't";
}

// "Isn't she lovely?", "Wouldn't that be great?", "Don't you just love it?":
// a negated auxiliary that opens a question asks for agreement with what
// follows, it does not deny it. Only as the first word of a clause that ends
// with '?': "why isn't it working?" and "isn't working." stay negations. "Can't"
// and "won't" are left out: "can't you do anything right?" is a reproach.
bool OpensANegativeQuestion(const std::vector<Token>& tokens, size_t k) {
  static constexpr std::string_view kAuxiliaries[] = {
      "isnt",     "isn't",     "arent", "aren't", "wasnt",  "wasn't",  "werent", "weren't",
      "wouldnt",  "wouldn't",  "dont",  "don't",  "doesnt", "doesn't", "didnt",  "didn't",
      "shouldnt", "shouldn't", "hasnt", "hasn't", "havent", "haven't"};
  static constexpr WordList kOpeners(kAuxiliaries);
  const Token& token = tokens[k];
  return token.in_question && (k == 0 || token.clause_start) && kOpeners.Contains(token.text);
}

// How much a word gains where a negator before it says "very" instead of "not"
// (AffirmingConstruction): as much as the intensifiers below add to a typical entry.
constexpr double kAffirmedWeight = 1.25;

// "better", "worse", "happier", "nicer" (found through its base entry "nice").
bool IsComparative(std::string_view word, std::string_view entry) {
  if (word == "better" || word == "worse") return true;
  if (word.size() < 5 || word.substr(word.size() - 2) != "er") return false;
  return word.substr(word.size() - 3) == "ier" || entry != word;
}

// A negator that compares or sets a degree affirms, and strengthens, what it
// seems to negate. With the scored word at `word` and the negator at `negator`
// (same clause, at most three words apart), returns the words that make the
// construction, or "" when the negator negates as usual:
//   "never been so happy", "never seen such terrible service", "haven't been
//   this angry in ages": never with so/this/such, a perfect negator with
//   this/such ("haven't been so happy" can mean either, and stays negated);
//   "nothing worse than", "nothing is more annoying", "never been happier",
//   "couldn't be more rude", "can't get any worse": a comparative (or
//   "more" before the word) after nothing/nobody, or after never/can't/
//   couldn't with a linking verb between; "can't stop laughing", "won't
//   stop crashing": any negator right before stop/quit; "can't thank you
//   enough", "cannot recommend them highly enough": can't/cannot/couldn't
//   with "enough" after the word, within four words of its clause; "can't
//   believe how fast", "couldn't believe how rude": amazement; "didn't
//   think it'd be this good", "never expected it to be so bad": what was
//   supposed, surpassed (a past negator, then think/expect/imagine, then
//   this/so right before the word).
// "not so bad", "not such a bad idea", "wasn't that great", "not good
// enough" and "don't think it's this good" stay negations.
std::string_view AffirmingConstruction(const std::vector<std::string_view>& words,
                                       const std::vector<Token>& tokens, size_t negator,
                                       size_t word, std::string_view entry) {
  static constexpr std::string_view kPerfect[] = {"havent", "haven't", "hasnt", "hasn't",
                                                  "hadnt",  "hadn't",  "never"};
  static constexpr std::string_view kNobody[] = {"nothing", "nobody", "noone"};
  static constexpr std::string_view kModal[] = {"cant", "can't", "cannot", "couldnt", "couldn't"};
  // "never got better" is "did not improve"; "can't get any worse" is "very bad".
  static constexpr std::string_view kAfterNever[] = {"be", "been", "felt", "looked"};
  static constexpr std::string_view kAfterModal[] = {"be", "been", "get", "feel", "look"};
  static constexpr WordList kPerfectList(kPerfect);
  static constexpr WordList kNobodyList(kNobody);
  static constexpr WordList kModalList(kModal);
  static constexpr WordList kAfterNeverList(kAfterNever);
  static constexpr WordList kAfterModalList(kAfterModal);
  const std::string_view n = words[negator];
  // "can't thank you enough": no amount would be too much.
  if (kModalList.Contains(n) || (n == "not" && negator > 0 &&
                                 (words[negator - 1] == "can" || words[negator - 1] == "could"))) {
    for (size_t k = word + 1; k < words.size() && k <= word + 4 && !tokens[k].clause_start; ++k) {
      if (words[k] == "enough") return words[k];
    }
  }
  // "nothing but praise", "nothing but problems": only that, so all the
  // more of it.
  if (kNobodyList.Contains(n) && negator + 1 < word && words[negator + 1] == "but") {
    return words[negator + 1];
  }
  // "can't stop laughing", "won't stop crashing": the doing goes on.
  if (negator + 1 < word && (words[negator + 1] == "stop" || words[negator + 1] == "quit")) {
    return words[negator + 1];
  }
  // "can't believe how fast that was", "couldn't believe how rude", "can't
  // believe they cancelled it": the writer is amazed by it, not doubting
  // it. (Not "anyone": "can't believe anyone likes this" doubts the liking.)
  static constexpr std::string_view kAmazedAt[] = {
      "how", "what", "such", "the",  "it",     "this",    "that",  "these",  "those", "they",
      "he",  "she",  "you",  "we",   "i",      "people",  "my",    "our",    "your",  "their",
      "his", "her",  "its",  "it's", "theyre", "they're", "youre", "you're", "there", "someone"};
  static constexpr WordList kAmazedAtList(kAmazedAt);
  if (kModalList.Contains(n) && negator + 2 < word && words[negator + 1] == "believe" &&
      kAmazedAtList.Contains(words[negator + 2])) {
    return words[negator + 1];
  }
  static constexpr std::string_view kSupposing[] = {"think",    "thought", "expect",
                                                    "expected", "imagine", "imagined"};
  static constexpr std::string_view kPresent[] = {"dont",    "don't", "doesnt",
                                                  "doesn't", "do",    "does"};
  static constexpr WordList kSupposingList(kSupposing);
  static constexpr WordList kPresentList(kPresent);
  if (negator + 2 < word && (words[word - 1] == "this" || words[word - 1] == "so") &&
      kSupposingList.Contains(words[negator + 1]) && !kPresentList.Contains(n) &&
      !(n == "not" && negator > 0 && kPresentList.Contains(words[negator - 1]))) {
    return words[negator + 1];
  }
  for (size_t k = negator + 1; k < word; ++k) {
    const std::string_view w = words[k];
    if ((w == "this" || w == "such") && kPerfectList.Contains(n)) return w;
    if (w == "so" && n == "never") return w;
  }
  const bool more = word > negator + 1 && words[word - 1] == "more";
  if (!more && !IsComparative(words[word], entry)) return {};
  if (kNobodyList.Contains(n)) return more ? words[word - 1] : words[word];
  // "could not be happier", "can not get any worse"
  const bool modal_not =
      n == "not" && negator > 0 && (words[negator - 1] == "could" || words[negator - 1] == "can");
  const bool never = n == "never";
  if (!never && !kModalList.Contains(n) && !modal_not) return {};
  for (size_t k = negator + 1; k < word; ++k) {
    if (never ? kAfterNeverList.Contains(words[k]) : kAfterModalList.Contains(words[k]))
      return words[k];
  }
  return {};
}

// Turkish says "never this much" with a negated verb: "hiç bu kadar
// beğenmemiştim" (I had never liked anything this much), "hayatımda böyle
// eğlenmedim". Before the word at `word`, in its clause: "bu kadar", "bu
// denli" or "böyle(sine)", after "hiç", "hayatımda" or "ömrümde". Without
// that opening, "bu kadar beğenmedim" stays a negation, as does "o kadar
// beğenmedim" (I did not like it that much).
bool NeverThisMuchInTurkish(const std::vector<std::string_view>& words,
                            const std::vector<Token>& tokens, size_t word) {
  constexpr size_t kReach = 6;  // words back from `word`
  bool this_much = false;
  for (size_t back = 1; back <= kReach && back <= word; ++back) {
    const size_t k = word - back;
    if (tokens[k + 1].clause_start) return false;
    const std::string_view w = words[k];
    if (this_much && (w == "hic" || w == "hayatimda" || w == "omrumde")) return true;
    this_much = this_much || w == "boyle" || w == "boylesine" ||
                ((w == "kadar" || w == "denli") && k > 0 && words[k - 1] == "bu");
  }
  return false;
}

// The question particle after "değil" in a tag question: "değil mi",
// "değil miydi", "değil misin".
bool IsTurkishTagParticle(std::string_view w) {
  return w == "mi" || w.substr(0, 3) == "miy" || w.substr(0, 3) == "mis";
}

// "değil" as typed fast: "deil", "diil" (the soft g dropped).
bool IsTurkishFollowingNegator(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "degil", "degildi", "degildir", "degilsiniz", "degilim", "yok",    "yoktu",   "yoktur",
      "deil",  "deildi",  "deildir",  "deilim",     "diil",    "diildi", "diildir", "diilim"};
  static constexpr WordList kList(kWords);
  return kList.Contains(w);
}

// How negative the phrase beside bare praise must be to make it sarcasm:
// a real complaint ("missed", "gelmedi"), not weather ("rain").
constexpr double kBarePraiseNegativeFloor = -1.2;

// "could have been better" says less than "bad".
constexpr double kShortfallWeight = 0.75;

// "guilt free" is milder than the guilt it is free of.
constexpr double kFreeOfWeight = 0.75;

// A negator turns praise into a complaint almost as strong ("not good" is
// nearly "bad"), but a negated complaint is only mildly positive: "not
// bad" is faint praise, and "not the worst" or "kötü değil" is no
// "the best". Human ratings of negated phrases show the same asymmetry
// (Kiritchenko and Mohammad, "The Effect of Negators, Modals, and Degree
// Adverbs on Sentiment Composition", 2016). On the development sets a
// weight of 0.35 raised English r 0.8851 → 0.8864 and Turkish macro-F1
// 0.8249 → 0.8269 against the symmetric flip (0.75 and 0.8).
constexpr double kNegatedNegativeWeight = 0.35;

// The valence of a word its negator turns around; `praise_weight` is how
// much of a positive word's strength its negation keeps.
double Negated(double v, double praise_weight) {
  return v < 0 ? -v * kNegatedNegativeWeight : -v * praise_weight;
}

double Intensity(std::string_view w) {
  static constexpr std::string_view kBoost[] = {
      "cok", "asiri", "gercekten", "cidden", "fazlasiyla", "resmen", "tam", "en", "gayet",
      "oldukca", "epey", "bayagi", "baya", "inanilmaz", "muthis", "acayip", "feci", "very", "so",
      "really", "extremely", "totally", "absolutely", "super", "incredibly", "completely",
      "utterly", "too", "most", "awfully", "insanely",
      // Degree adverbs: some are also entries of their own ("thoroughly",
      // "perfectly"), but before another entry they only say how much.
      "thoroughly", "exceptionally", "perfectly", "positively", "genuinely", "terribly", "deeply",
      "highly", "hugely", "remarkably", "particularly", "especially", "entirely", "fully", "purely",
      "tremendously", "unbelievably", "enormously", "intensely", "seriously", "truly", "amazingly",
      "exceedingly", "ridiculously", "outrageously", "unusually", "extraordinarily", "greatly",
      "immensely", "majorly",
      // Words of danger and excess said of a good thing mean "very":
      // "dangerously good", "stupidly comfy", "criminally underrated".
      "dangerously", "stupidly", "scarily", "wickedly", "sinfully", "obscenely", "criminally",
      // Swearing before a word stresses it ("fucking awesome", "bloody
      // brilliant"); alone it still counts as its own entry.
      "fucking", "fuckin", "effing", "freaking", "frickin", "frigging", "friggin", "bloody",
      "damn"};
  static constexpr std::string_view kDampen[] = {"biraz",  "az",       "azicik", "pek",  "slightly",
                                                 "barely", "somewhat", "kinda",  "kind", "little",
                                                 "bit",    "hardly",   "fairly"};
  static constexpr WordList kBoosters(kBoost);
  static constexpr WordList kDampeners(kDampen);
  if (kBoosters.Contains(w)) return 0.3;
  if (kDampeners.Contains(w)) return -0.3;
  return 0.0;
}

bool IsContrast(std::string_view w) {
  // English "yet" is left out: it is far more often "not yet" than a contrast.
  // Asked of every word: the length alone turns most away.
  switch (w.size()) {
    case 3:
      return w == "ama" || w == "but";
    case 5:
      return w == "fakat" || w == "ancak" || w == "lakin";
    case 7:
      return w == "however";
    default:
      return false;
  }
}

// Whether words[i] opens a past that is over: English "used to" + a verb
// ("it used to crash"; not "I'm used to waiting", which is habit), Turkish
// "eskiden" (formerly; not "eskiden beri", since long ago).
bool IsPastNowOver(const std::vector<std::string_view>& words, const std::vector<Token>& tokens,
                   size_t i) {
  const std::string_view w = words[i];
  const bool next = i + 1 < words.size() && tokens[i + 1].is_word && !tokens[i + 1].clause_start;
  if (w == "eskiden") return !next || words[i + 1] != "beri";
  if (w != "used" || !next || words[i + 1] != "to") return false;
  static constexpr std::string_view kHabit[] = {"am",  "is",   "are", "was", "were", "be",
                                                "get", "got",  "im",  "i'm", "been", "getting",
                                                "so",  "very", "not", "it's"};
  static constexpr WordList kHabitList(kHabit);
  if (i > 0 && !tokens[i].clause_start && kHabitList.Contains(words[i - 1])) return false;
  const std::string_view after = i + 2 < words.size() ? words[i + 2] : std::string_view();
  return after.size() < 4 || after.substr(after.size() - 3) != "ing";
}

// "Luckily", "neyse ki": good news after bad, a turn that SentimentResult's
// turns_positive reads as a contrast does. It does not reweigh the clauses
// as a contrast does: in a review, "neyse ki müziği güzel" is the one
// consolation of a verdict already given.
bool IsTurnOfLuck(std::string_view w) {
  // Asked of many words: the length alone turns most away.
  switch (w.size()) {
    case 5:
      return w == "neyse";
    case 7:
      return w == "luckily" || w == "neyseki";
    case 10:
      return w == "thankfully";
    case 11:
      return w == "fortunately";
    default:
      return false;
  }
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

// The same after -(y)A-, "could not": "beğenemedim" (could not like it),
// "sevemedim", "ısınamadım", "güvenemiyorum".
bool HasTurkishInabilitySuffix(std::string_view suffix) {
  size_t at = suffix.substr(0, 1) == "y" ? 1 : 0;
  if (at >= suffix.size() || (suffix[at] != 'a' && suffix[at] != 'e')) return false;
  return HasTurkishNegationSuffix(suffix.substr(at + 1));
}

// A Turkish verb negated by its suffix, as folded: a stem of three letters
// or more, then -me/-ma with a tense or person after it ("gelmedi",
// "çalışmıyor", "olmaz"). Short stems are left out ("tamam" is no
// "ta-mam"), and so is a bare -me/-ma: "gecikme", "ödeme", "bekletilme"
// are nouns.
bool IsTurkishNegatedVerb(std::string_view w) {
  for (size_t p = 3; p + 3 <= w.size(); ++p) {
    if (w[p] == 'm' && HasTurkishNegationSuffix(w.substr(p))) return true;
  }
  return false;
}

// A Turkish verb that says someone could not ("yapamadım", "giremiyorum",
// "bulamıyoruz"): -(y)A-, then a negated tense. Folded text cannot tell it
// from the plain negation of a stem that ends in a vowel ("anlamadım"), as
// often a grievance. Left out: the plain negations of acts that say
// nothing of the act's worth ("izlemedim": I have not watched it,
// "beklemiyordum", "istemiyorum", "söylemedim", "bilemiyorum"), the idioms
// of praise ("doyamadım", "bırakamadım", "unutamıyorum", "kopamadım",
// "ayrılamadım", "vazgeçemiyorum", "gözyaşlarımı tutamadım", "etkisinden
// kurtulamadım", "anlatamam", "daha iyisini düşünemiyorum", "ağlamadan
// izleyemezsiniz"), the copula "olamaz", which
// negates the word before it, and -madan (without), -mayın (don't), the
// bare -ma (a noun) and -mak (the infinitive).
bool IsTurkishInabilityVerb(std::string_view w) {
  static constexpr std::string_view kTails[] = {"miyor", "muyor", "miyo",   "muyo",  "madi",
                                                "medi",  "maz",   "mez",    "mam",   "mem",
                                                "mamis", "memis", "mayaca", "meyece"};
  // Also left out: "yar-" ("yaramaz" is also naughty; "işe yaramadı" is a
  // phrase of its own) and "anla-" ("anlamıyorum" is read by what precedes
  // it: "güzel diyenleri anlamıyorum"), and "yaşa-" ("hiç kopma yaşamadım"
  // is a problem not lived, not a life that could not be), and "inan-"
  // ("inanamadım": surprise, at good news as often as bad).
  static constexpr std::string_view kStems[] = {
      "izl",   "izley", "bekl",  "ist",   "soyl",   "soyley", "bil",    "diy",   "doy",     "doyul",
      "birak", "unut",  "kop",   "ayril", "vazgec", "tut",    "kurtul", "anlat", "anlatil", "dusun",
      "agl",   "ol",    "gorul", "izlen", "yar",    "anl",    "bekley", "istey", "yas",     "inan"};
  static constexpr WordList kLeftOut(kStems);
  // Every tail starts with the 'm' of negation, after the -(y)A- at p.
  for (size_t m = w.find('m', 3); m != std::string_view::npos && m + 3 <= w.size();
       m = w.find('m', m + 1)) {
    if (w[m - 1] != 'a' && w[m - 1] != 'e') continue;
    const std::string_view tail = w.substr(m);
    for (const std::string_view t : kTails) {
      if (tail.substr(0, t.size()) != t) continue;
      // -mam/-mem is the first person ("yapamam"), not -mamak, the
      // infinitive ("anlamamak"), nor -mamız (our not doing).
      if (t.size() == 3 && t[2] == 'm' && tail.size() > 3 && tail[3] != 'd' &&
          tail.substr(3) != "ki") {
        continue;
      }
      return !kLeftOut.Contains(w.substr(0, m - 1));
    }
  }
  return false;
}

// "gerek-" (need), "lazım" (needed), "şart" (a must), as folded: after a
// verbal noun they say it is needed ("saklamam gerekiyor").
bool IsWordOfNeed(std::string_view w) {
  return w.substr(0, 5) == "gerek" || w.substr(0, 5) == "lazim" || w == "sart";
}

// "bul-" (find), "gör-" (see), "rastla-" (come across), as folded.
bool IsTurkishVerbOfFindingOrSeeing(std::string_view w) {
  if (w.size() < 3 || (w[0] != 'b' && w[0] != 'g' && w[0] != 'r')) return false;
  return w.substr(0, 3) == "bul" || w.substr(0, 3) == "gor" || w.substr(0, 5) == "rastl";
}

// "ol-" (to be) negated by its suffix follows a word as "değil" does: "iyi
// olmayan bir film", "komik olmadığını", "güzel olmaz", "iyi olamaz".
bool IsNegatedCopula(std::string_view w) {
  if (w.size() < 4 || w.substr(0, 2) != "ol") return false;
  return w.substr(0, 5) == "olama" || HasTurkishNegationSuffix(w.substr(2));
}

// "Unfortunately", as Turkish writes it with and without its letters.
bool IsRegret(std::string_view w) {
  static constexpr std::string_view kWords[] = {"maalesef", "malesef",     "maalesf",
                                                "malasef",  "maatteessuf", "heyhat"};
  static constexpr WordList kList(kWords);
  return kList.Contains(w);
}

// A suffix that can only be verbal negation: -medi/-madı, -miyor/-muyor,
// -meyecek, -memiş, -mez/-maz with whatever follows. Not "-meye"/"-maya"
// or "-memiz"/"-mamıza", which also name the act ("karşılaşmaya",
// "yaşamamıza": to our going through).
bool IsClearTurkishNegation(std::string_view suffix) {
  for (const std::string_view start :
       {"mad", "med", "miyo", "muyo", "mayac", "meyec", "mamis", "memis", "maz", "mez"}) {
    if (suffix.substr(0, start.size()) == start) return true;
  }
  return false;
}

// A verb of seeming or arriving negated by its suffix, right after a
// negative word, says the thing was not so: "kötü gelmedi" (did not seem
// bad), "hasarlı gelmedi" (did not arrive damaged), "hiç kötü durmuyor"
// (does not look bad at all), "pahalı gözükmüyor". After a noun the same
// verb is a complaint of its own ("kargo gelmedi"), which is why it counts
// only after a negative word.
bool IsNegatedSeemingVerb(std::string_view w) {
  if (w.size() < 5 || (w[0] != 'g' && w[0] != 'd')) return false;  // most words
  for (const std::string_view stem : {std::string_view("gel"), std::string_view("dur"),
                                      std::string_view("gozuk"), std::string_view("gorun")}) {
    if (w.size() > stem.size() + 1 && w.substr(0, stem.size()) == stem)
      return IsClearTurkishNegation(w.substr(stem.size()));
  }
  return false;
}

// Saying or counting a word, denied, after it negates it as "değil" does:
// "güzel diyemem" (I can't call it nice), "kötü denemez" (it can't be
// called bad), "fena sayılmaz" (doesn't count as bad). The forms are the
// negative potential of "de-" (diyeme-, denileme-, deneme- before -z/-m)
// and "sayılma-"/"sayılama-".
bool IsDeniedSaying(std::string_view w) {
  static constexpr std::string_view kStems[] = {"diyemem",   "diyemey",    "diyemez",
                                                "diyemiyor", "denemez",    "denilemez",
                                                "sayilmaz",  "sayilmiyor", "sayilamaz"};
  if (w.size() < 7 || (w[0] != 'd' && w[0] != 's')) return false;  // most words
  for (const std::string_view stem : kStems) {
    if (w.substr(0, stem.size()) == stem) return true;
  }
  return false;
}

// "X desem yalan olur" (it would be a lie to say X) denies X; "… yalan
// olmaz" (would be no lie) affirms it. Returns the words the frame takes
// from words[at] on (3), or 0 when it is not there.
size_t LieToSayFrame(const std::vector<std::string_view>& words, const std::vector<Token>& tokens,
                     size_t at, bool* denies) {
  if (at + 2 >= words.size() || tokens[at + 1].clause_start || tokens[at + 2].clause_start)
    return 0;
  const std::string_view say = words[at];
  if (say != "desem" && say != "dersem" && say != "desek" && say != "dersek" && say != "demek")
    return 0;
  if (words[at + 1] != "yalan") return 0;
  const std::string_view be = words[at + 2];
  if (be.substr(0, 4) == "olur") {
    *denies = true;
    return 3;
  }
  if (be.substr(0, 5) == "olmaz") {
    *denies = false;
    return 3;
  }
  return 0;
}

// True when `w` is one of `stems` followed by a clear negation suffix
// ("yasa" + "madim").
bool IsNegatedStem(std::string_view w, std::initializer_list<std::string_view> stems) {
  return std::any_of(stems.begin(), stems.end(), [w](std::string_view stem) {
    return w.size() > stem.size() + 1 && w.substr(0, stem.size()) == stem &&
           IsClearTurkishNegation(w.substr(stem.size()));
  });
}

// A verb of experiencing or coming up, negated by its suffix, after a word
// negates it as "değil" does: "hiçbir sorun yaşamadım" (I had no problem),
// "hiç sorun çıkmadı", "zararlı çıkmazsınız". Verbs of solving are not
// among them: "sorunum çözülmedi" is the complaint itself. Nor is "gör-":
// "bu kadar güzel film görmedim" (I never saw one so good) praises.
// "böyle bir rezalet yaşamadım" (I never went through such a disgrace)
// affirms, as "böyle bir rezalet yok" does (NoneSuchBefore).
bool IsNegatedExperienceVerb(std::string_view w) {
  if (w.size() < 6 || (w[0] != 'y' && w[0] != 'c' && w[0] != 'k')) return false;  // most words
  return IsNegatedStem(w, {"yasa", "yasan", "cik", "karsilas"});
}

// A verb a fault is made with (or a pleasure given), negated by its
// suffix, right after the word negates it: "hiç sorun çıkarmadı" (gave no
// trouble), "hata vermedi", "arıza yapmadı", "sıkıntı çekmedim", "keyif
// vermedi". Only right after: further on, "yapmıyorum" and "vermedi" have
// objects of their own ("sonu iyi, açılımını yapmıyorum").
bool IsNegatedFaultVerb(std::string_view w) {
  if (w.size() < 6 || (w[0] != 'y' && w[0] != 'c' && w[0] != 'v')) return false;  // most words
  return IsNegatedStem(w, {"cikar", "ver", "yap", "cek"});
}

bool EndsWithAny(std::string_view w, std::initializer_list<std::string_view> endings) {
  return std::any_of(endings.begin(), endings.end(), [&](std::string_view e) {
    return w.size() >= e.size() && w.substr(w.size() - e.size()) == e;
  });
}

// Tokens from..to (from <= to) are words of one phrase: no sentence end,
// line break, comma or colon between them. The context rules below look
// only this far.
bool OnePhrase(const std::vector<Token>& tokens, size_t from, size_t to) {
  if (!tokens[from].is_word) return false;
  for (size_t k = from + 1; k <= to; ++k) {
    if (!tokens[k].is_word || tokens[k].clause_start || tokens[k].after_comma) return false;
  }
  return true;
}

// "böyle bir rezalet yok", "bu kadar güzel bir film yoktur": there is none
// like it, so the word holds more than ever. True when "böyle(sine)", "bu
// kadar" or "bu denli" stands up to three words before `word` in its
// clause; the caller checks that the negator is "yok" (existence) or
// "olamaz" (cannot be): "bu kadar güzel değil" (not this good) stays a
// negation.
bool NoneSuchBefore(const std::vector<std::string_view>& words, const std::vector<Token>& tokens,
                    size_t word) {
  for (size_t back = 1; back <= 3 && back <= word; ++back) {
    const size_t k = word - back;
    if (!OnePhrase(tokens, k, word)) break;
    if (words[k] == "boyle" || words[k] == "boylesine") return true;
    if ((words[k] == "kadar" || words[k] == "denli") && k > 0 && words[k - 1] == "bu") return true;
  }
  return false;
}

// "olamaz" / "olmaz" (cannot be, is not done): after "böyle" or "bu kadar"
// it says there is none like it, as "yok" does: "bu kadar kötü bir film
// olamaz" (there can be no film this bad), "böyle saçmalık olmaz".
bool IsCannotBe(std::string_view w) {
  static constexpr std::string_view kWords[] = {"olamaz", "olamazdi", "olmaz", "olmazdi"};
  static constexpr WordList kList(kWords);
  return kList.Contains(w);
}

// Turkish "ne X ne (de) Y" (neither X nor Y): the spans [from, to) of the
// words it names, in clauses with two "ne" or more. "ne" asking ("ne
// zaman", "ne kadar") or sighing ("ne yazık ki") does not count.
void FindNeitherNor(const std::vector<std::string_view>& words, const std::vector<char>& is_word,
                    const std::vector<Token>& tokens, std::vector<std::pair<size_t, size_t>>* out) {
  static constexpr std::string_view kNotNeither[] = {"kadar", "zaman", "yazik", "demek",  "diye",
                                                     "ise",   "icin",  "gibi",  "olursa", "olur"};
  static constexpr WordList kNotNeitherList(kNotNeither);
  // Most posts have fewer than two "ne": a cheap count first.
  int ne = 0;
  for (const std::string_view w : words) ne += w.size() == 2 && w[0] == 'n' && w[1] == 'e' ? 1 : 0;
  if (ne < 2) return;
  size_t first = 0;
  size_t last = 0;
  int count = 0;
  auto close = [&](size_t clause_end) {
    if (count >= 2) {
      size_t to = last + 2;  // the word the last "ne" names ("ne de": the one after "de")
      if (to < clause_end && words[to - 1] == "de") ++to;
      out->emplace_back(first + 1, std::min(to, clause_end));
    }
    count = 0;
  };
  for (size_t k = 0; k < words.size(); ++k) {
    if (tokens[k].clause_start || tokens[k].after_comma) close(k);
    if (!is_word[k] || words[k] != "ne") continue;
    if (k + 1 < words.size() && kNotNeitherList.Contains(words[k + 1])) continue;
    if (count++ == 0) first = k;
    last = k;
  }
  close(words.size());
}

// English words that are sentiment in one use and not in another, so not
// lexicon entries: "like" the verb ("I really like it", "you might like
// it"), not the preposition ("looks like rain") nor the wish ("I'd like a
// refund"); "kind" the adjective ("so kind", "kind staff"), not the noun
// ("this kind", "kind of") nor the sign-off ("kind regards"). Returns the
// entry's valence for the word at `word`, or 0.
constexpr double kLikeVerbValence = 1.5;
constexpr double kKindAdjectiveValence = 1.8;

double ContextualEnglishValence(const std::vector<std::string_view>& words,
                                const std::vector<Token>& tokens, size_t word) {
  const std::string_view w = words[word];
  auto before = [&](size_t back) -> std::string_view {
    if (back > word || !OnePhrase(tokens, word - back, word)) return {};
    return words[word - back];
  };
  if (w == "like") {
    static constexpr std::string_view kSubjects[] = {"i",  "you",    "u",        "we",
                                                     "ya", "people", "everyone", "everybody"};
    static constexpr std::string_view kBetween[] = {
        "do",     "don't",    "dont",       "didn't", "didnt",     "doesn't",   "not",
        "never",  "really",   "also",       "just",   "actually",  "still",     "totally",
        "so",     "truly",    "honestly",   "kinda",  "genuinely", "might",     "may",
        "will",   "won't",    "definitely", "all",    "both",      "seriously", "absolutely",
        "always", "probably", "certainly",  "doesnt", "wont",      "sure"};
    static constexpr WordList kSubjectList(kSubjects);
    static constexpr WordList kBetweenList(kBetween);
    for (size_t back = 1; back <= 3; ++back) {
      const std::string_view b = before(back);
      if (kSubjectList.Contains(b)) return kLikeVerbValence;
      if (!kBetweenList.Contains(b)) return 0;
    }
    return 0;
  }
  if (w == "kind") {
    static constexpr std::string_view kNounMarks[] = {
        "a",     "the",   "this",  "that",    "what",      "any",   "some",     "every",
        "same",  "one",   "other", "these",   "those",     "my",    "your",     "our",
        "their", "his",   "her",   "its",     "another",   "which", "whatever", "new",
        "only",  "right", "wrong", "certain", "different", "first", "worst",    "best"};
    static constexpr WordList kNounMarkList(kNounMarks);
    const std::string_view next = word + 1 < words.size() && tokens[word + 1].is_word &&
                                          !tokens[word + 1].clause_start &&
                                          !tokens[word + 1].after_comma
                                      ? words[word + 1]
                                      : std::string_view();
    if (next == "regards" || next == "wishes" || next == "a") return 0;
    if (next == "of") {  // "kind of" dampens, but "so kind of you" thanks
      static constexpr std::string_view kPeople[] = {"you", "u", "ya", "him", "her", "them"};
      static constexpr WordList kPeopleList(kPeople);
      const bool thanks = word + 2 < words.size() && tokens[word + 2].is_word &&
                          !tokens[word + 2].clause_start && kPeopleList.Contains(words[word + 2]);
      if (!thanks) return 0;
    }
    return kNounMarkList.Contains(before(1)) ? 0 : kKindAdjectiveValence;
  }
  return 0;
}

// Praise said alone, as a sentence or phrase of its own, is how sarcasm
// comments on what went wrong next to it: "Missed the bus again. Perfect.",
// "kargom yine gelmedi. harika.", "süper, yine gecikti". (A Turkish and an
// English word list in one: the spellings do not collide.)
bool IsBarePraise(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "great", "perfect", "wonderful", "lovely", "fantastic", "awesome", "brilliant", "nice",
      "super", "terrific", "fabulous", "splendid", "yay", "hooray", "excellent", "marvelous",
      "marvellous", "thanks", "harika", "mukemmel", "muhtesem", "sahane", "bravo", "tebrikler",
      "guzel", "supersiniz", "harikasiniz", "aferin", "helal", "joy", "bayildim", "amazing", "cool",
      "superb", "outstanding", "stellar",
      // "ellerinize sağlık" (well done), said alone as sarcasm: "ellerinize
      // sağlık, paketi ezmişsiniz".
      "ellerinize", "elinize", "eline",
      // The first word of "well done", which the lexicon scores as one.
      "well"};
  static constexpr WordList kList(kWords);
  return kList.Contains(w);
}

// Words that may stand beside bare praise without making it more than that:
// "just great", "oh perfect", "ne güzel", "çok güzel".
bool IsBarePraiseFiller(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "just", "oh", "so", "how", "really", "simply", "yeah", "well", "very", "real", "cok", "ne",
      "cidden", "ya", "bu", "da", "de", "gercekten", "such", "what", "a", "truly", "wow", "bir",
      "saglik",
      // Said to the company: "bravo size", "well done you", "helal olsun",
      // and what the praise is of: "harika hizmet", "great service".
      "size", "sizi", "sana", "you", "guys", "olsun", "hizmet", "hizmetiniz", "musteri",
      "hizmetleri", "hizmete", "hizmetinize", "service", "customer", "support", "destek",
      // "well done", "perfect timing"
      "done", "timing",
      // Whom it is said to: "eline sağlık kargocu kardeş".
      "kardes", "kardesim", "abi", "hocam", "arkadaslar", "kargocu", "kurye",
      // What the praise closes or opens: "perfect end to the week",
      // "great start to the day", "harika bir gün".
      "end", "start", "to", "the", "of", "day", "week", "weekend", "morning", "evening", "night",
      "monday", "friday", "month", "year", "trip", "holiday", "gun", "hafta", "sonu", "baslangic"};
  static constexpr WordList kList(kWords);
  return kList.Contains(w);
}

bool IsLaughterVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

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
  size_t k = IsLaughterVowel(word[0]) ? 1 : 0;
  int syllables = 0;
  char vowel = 0;
  while (k + 1 < word.size()) {
    if ((word[k] != 'h' && word[k] != 'j') || !IsLaughterVowel(word[k + 1])) return false;
    if (vowel != 0 && word[k + 1] != vowel) return false;
    vowel = word[k + 1];
    ++syllables;
    k += 2;
  }
  if (k < word.size() && word[k] != 'h' && word[k] != 'j') return false;
  return syllables >= 2;
}

// "12345", "#88", "3rd": a token that starts with a digit, after an
// optional '#'.
bool StartsWithNumber(std::string_view token) {
  if (!token.empty() && token[0] == '#') token.remove_prefix(1);
  return !token.empty() && token[0] >= '0' && token[0] <= '9';
}

// "no" as the abbreviation of "number": before a number ("order no. 12345",
// "ref no #88") or after a noun that records carry ("booking no YK2JWF",
// "meter no", "tracking no"). It is then neither a word of absence nor a
// negator.
bool IsNumberAbbreviation(const std::vector<std::string_view>& words,
                          const std::vector<Token>& tokens, size_t k) {
  static constexpr std::string_view kRecords[] = {
      "order", "booking",     "ref",          "reference", "account",     "acc",        "meter",
      "phone", "mobile",      "tracking",     "policy",    "invoice",     "flight",     "seat",
      "room",  "customer",    "case",         "ticket",    "serial",      "model",      "contact",
      "train", "pnr",         "registration", "reg",       "membership",  "card",       "complaint",
      "claim", "consignment", "awb",          "receipt",   "transaction", "reservation"};
  static constexpr WordList kRecordList(kRecords);
  if (words[k] != "no") return false;
  if (k + 1 < words.size() && StartsWithNumber(tokens[k + 1].text)) return true;
  return k > 0 && !tokens[k].clause_start && kRecordList.Contains(words[k - 1]);
}

// Laughter written as an acronym: "lol", "lmao", "lmfao", "rofl".
bool IsLaughterAcronym(std::string_view word) {
  static constexpr std::string_view kWords[] = {"lol", "lmao", "lmfao", "rofl"};
  static constexpr WordList kAcronyms(kWords);
  return kAcronyms.Contains(word);
}

// Emoji that laugh: 😂 🤣 😹 😆, and "xd".
bool IsLaughingEmoji(std::string_view token) {
  return token == kTearsOfJoy || token == kRollingOnTheFloor || token == kCatWithTearsOfJoy ||
         token == kGrinSquinting || token == "xd";
}

// In a short quotation (Token::quoted), or a word in single quotes of its
// own ("'help'"), which the normalizer keeps as a word with its apostrophes.
bool IsQuoted(const Token& t) {
  return t.quoted ||
         (t.is_word && t.text.size() > 2 && t.text.front() == '\'' && t.text.back() == '\'');
}

// A word after which "if" means "whether".
bool IsWhetherVerb(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {
      "ask",    "asks",   "asked",   "asking", "wonder", "wonders", "wondered", "wondering",
      "see",    "know",   "knew",    "tell",   "check",  "checked", "checking", "sure",
      "unsure", "decide", "idea",    "doubt",  "matter", "care",    "cares",    "mind",
      "hear",   "find",   "confirm", "clue",   "whether"};
  static constexpr WordList kList(kVerbs);
  return kList.Contains(w);
}

// One of `these` stands before words[k] in its sentence.
bool SaidBefore(const std::vector<std::string_view>& words, const std::vector<Token>& tokens,
                size_t k, std::initializer_list<std::string_view> these) {
  for (size_t j = k; j-- > 0;) {
    if (std::find(these.begin(), these.end(), words[j]) != these.end()) return true;
    if (tokens[j + 1].clause_start) break;
  }
  return false;
}

// One of `why` stands in the sentence of words[k], before or after it.
bool AskedWhy(const std::vector<std::string_view>& words, const std::vector<Token>& tokens,
              size_t k, std::initializer_list<std::string_view> why) {
  if (SaidBefore(words, tokens, k, why)) return true;
  for (size_t j = k + 1; j < words.size() && !tokens[j].clause_start; ++j) {
    if (std::find(why.begin(), why.end(), words[j]) != why.end()) return true;
  }
  return false;
}

// The word that makes words[i..end) part of a condition, or "": English
// "if" or "in case" up to five words before, in the same phrase, or
// "should" opening it (not "even if", "as if", "if only", "if not", "if"
// as "whether", the "if" of a "why" or of a polite request ("I would
// appreciate it if …"), nor "if you can't …", which report, wish, stress,
// ask or reproach); a Turkish conditional verb at most three
// words after ("sorun olursa", "hasarlı ürün gelirse"), or, when
// `own_word` (a Turkish entry), the word itself ("gecikirse"); not "…
// bile" (even if), nor in a sentence that asks "neden". Asked whether it
// will happen supposes too: "will there be any downtime?", "sorun olur
// mu?".
std::string_view SupposedBy(const std::vector<std::string_view>& words,
                            const std::vector<Token>& tokens, size_t i, size_t end, bool english,
                            bool turkish, bool own_word) {
  if (english) {
    for (size_t back = 1; back <= 5 && back <= i; ++back) {
      const size_t k = i - back;
      if (tokens[k + 1].clause_start || tokens[k + 1].after_comma) break;
      const bool in_case =
          words[k] == "incase" || (words[k] == "case" && k > 0 && words[k - 1] == "in");
      // "Should you have any issues, ...": "should" opening a clause, with
      // its subject after it ("should have been better" reports).
      const bool inverted = words[k] == "should" && tokens[k].clause_start &&
                            words[k + 1] != "have" && words[k + 1] != "be";
      if (words[k] != "if" && !in_case && !inverted) continue;
      if (words[k] == "if" && k > 0 && (words[k - 1] == "even" || words[k - 1] == "as")) break;
      if (words[k] == "if" && (words[k + 1] == "only" || words[k + 1] == "not")) break;
      // "Why do I pay for premium if the app keeps crashing?": the "if"
      // clause of a "why" is given, not supposed. Nor is the "if" of a
      // polite request: "I would appreciate it if my refund wasn't
      // delayed again" asks for what went wrong to stop.
      if (AskedWhy(words, tokens, k, {"why", "point"})) break;
      if (words[k] == "if" && SaidBefore(words, tokens, k, {"would", "i'd", "we'd", "appreciate"}))
        break;
      // After asking, wondering or knowing, "if" is "whether": "he called
      // to ask if he could make illegal copies" reports.
      if (words[k] == "if" && k > 0 && IsWhetherVerb(words[k - 1])) break;
      // "If you can't deliver on time, don't promise it" reproaches: a
      // failing of the company's put as a condition.
      if (words[k] == "if" && k + 2 < words.size() &&
          (words[k + 1] == "you" || words[k + 1] == "u" || words[k + 1] == "they") &&
          IsEnglishNegator(words[k + 2])) {
        break;
      }
      return words[k];
    }
  }
  if (english) {
    // Asked whether it will happen: "will there be any downtime?", "is
    // there any risk of delays?", "any chance of a power cut tonight?".
    for (size_t back = 1; back <= 4 && back <= i; ++back) {
      const size_t k = i - back;
      if (tokens[k + 1].clause_start || tokens[k + 1].after_comma) break;
      if (words[k] == "there" && k > 0 && (words[k - 1] == "will" || words[k - 1] == "would") &&
          k + 1 < words.size() && words[k + 1] == "be") {
        return "will there be";
      }
      if ((words[k] == "risk" || words[k] == "chance") && k + 1 < words.size() &&
          words[k + 1] == "of" && k > 0 && (words[k - 1] == "any" || words[k - 1] == "a")) {
        return words[k];
      }
    }
  }
  if (turkish && end + 1 < words.size() && !tokens[end].clause_start &&
      !tokens[end + 1].clause_start) {
    // Asked whether it would be: "pastamızı getirsek sorun olur mu?",
    // "taşınmada kesinti olacak mı?" (the question right after the word).
    const std::string_view verb = words[end];
    const std::string_view particle = words[end + 1];
    if ((verb == "olur" || verb == "olacak" || verb == "olabilir" || verb == "yasanir" ||
         verb == "olmaz") &&
        (particle == "mu" || particle == "mi") &&
        !AskedWhy(words, tokens, end, {"neden", "niye"})) {
      return verb;
    }
  }
  if (turkish) {
    for (size_t k = own_word ? end - 1 : end; k < words.size() && k < end + 3; ++k) {
      if (k >= end && (tokens[k].clause_start || tokens[k].after_comma)) break;
      if (!IsTurkishConditional(words[k])) continue;
      // "param yatmadıysa neden onaylandı diyor?" asks why, of a fact.
      if (AskedWhy(words, tokens, k, {"neden", "niye", "nicin"})) break;
      if (k + 1 < words.size() && words[k + 1] == "bile" && !tokens[k + 1].clause_start) break;
      return words[k];
    }
  }
  return {};
}

// A fear told, then turned from: "I was worried it would be late, but it
// came the next morning", "kargo geç gelir diye korkmuştum ama ertesi gün
// elimdeydi". Returns the word of fear when the negative word at
// [i, end) is that fear, or what was feared, and a turn (but, luckily,
// ama, neyse ki …) follows it in its sentence or opens the next; else "".
// English wants a modal between the fear and what was feared ("worried
// the parcel would be late"): "worried about my order" reports a worry
// now. Turkish wants "diye" and a verb of fear after the feared words
// ("gelmez diye korkmuştum").
bool IsEnglishFear(std::string_view w) {
  // Asked of every word of a post: its length and first letter turn most
  // away before any comparison.
  if (w.size() < 6 || w.size() > 9) return false;
  switch (w[0]) {
    case 'a':
      return w == "afraid" || w == "anxious";
    case 'c':
      return w == "concerned";
    case 'f':
      return w == "feared";
    case 'n':
      return w == "nervous";
    case 's':
      return w == "scared";
    case 't':
      return w == "terrified";
    case 'w':
      return w == "worried";
    default:
      return false;
  }
}

// A verb of belief at words[k]: "thought", "convinced", or "sure" /
// "certain" after "was" ("was 100% sure").
bool IsEnglishBeliefAt(const std::vector<std::string_view>& words, size_t k) {
  static constexpr std::string_view kVerbs[] = {"thought", "assumed",  "convinced", "believed",
                                                "figured", "reckoned", "swore",     "suspected"};
  static constexpr WordList kList(kVerbs);
  if (kList.Contains(words[k])) return true;
  if (words[k] != "sure" && words[k] != "certain") return false;
  for (size_t back = 1; back <= 2 && back <= k; ++back) {
    if (words[k - back] == "was" || words[k - back] == "were") return true;
  }
  return false;
}

// What a belief turned out to be: "turned out", "turns out", "it wasn't",
// "nope", "legit", "genuine", within the fifteen tokens from `from`.
bool RefutedAfter(const std::vector<std::string_view>& words, const std::vector<Token>& tokens,
                  size_t from) {
  for (size_t k = from; k < words.size() && k < from + 15; ++k) {
    if (!tokens[k].is_word) continue;
    const std::string_view w = words[k];
    if ((w == "turned" || w == "turns") && k + 1 < words.size() && words[k + 1] == "out") {
      return true;
    }
    if (w == "wasn't" || w == "wasnt" || w == "nope" || w == "legit" || w == "genuine") return true;
  }
  return false;
}

// A harm believed in the past, then found untrue: "was sure the deal was a
// scam. It wasn't", "convinced a text was a scam, turned out it was them".
// Returns the verb of belief when the English negative word at i is what
// was believed, else "". What was believed is told in the past ("was a
// scam"): "I'm sure this is a scam" believes it now.
std::string_view BelievedThenNot(const std::vector<std::string_view>& words,
                                 const std::vector<Token>& tokens, size_t i, size_t end) {
  const bool told_past = i > 0 && (words[i - 1] == "was" || words[i - 1] == "were" ||
                                   (i > 1 && (words[i - 1] == "a" || words[i - 1] == "an") &&
                                    (words[i - 2] == "was" || words[i - 2] == "were")));
  if (!told_past) return {};
  for (size_t back = 2; back <= 10 && back <= i; ++back) {
    const size_t k = i - back;
    if (tokens[k + 1].clause_start) break;
    if (IsEnglishBeliefAt(words, k) && RefutedAfter(words, tokens, end)) return words[k];
  }
  return {};
}

std::string_view FearedThenNot(const std::vector<std::string_view>& words,
                               const std::vector<Token>& tokens, size_t i, size_t end, bool english,
                               bool turkish) {
  // The turns are the ones Score gates this on: a contrast, or luck.
  auto turns_after = [&](size_t from) {
    for (size_t k = from; k < words.size() && k < from + 15; ++k) {
      const bool next_sentence = k > from && tokens[k].clause_start;
      if (IsContrast(words[k]) || IsTurnOfLuck(words[k])) return true;
      if (next_sentence) return false;  // only the next sentence's first word
    }
    return false;
  };
  if (english) {
    auto is_fear = IsEnglishFear;
    auto is_modal = [](std::string_view w) {
      return w == "would" || w == "might" || w == "could" || w == "wouldn't" || w == "won't" ||
             w == "i'd" || w == "it'd" || w == "they'd" || w == "will";
    };
    // The fear, at i or before it in its sentence, and a modal between the
    // fear and the end of what it fears.
    for (size_t back = 0; back <= 8 && back <= i; ++back) {
      const size_t k = i - back;
      if (back > 0 && tokens[k + 1].clause_start) break;
      if (!is_fear(words[k])) continue;
      bool modal = false;
      const size_t until = k == i ? std::min(words.size(), k + 7) : end;
      for (size_t m = k + 1; m < until && !modal; ++m) {
        if (tokens[m].clause_start) break;
        modal = is_modal(words[m]);
      }
      if (modal && turns_after(end)) return words[k];
      break;
    }
    // A problem wrongly believed in, then a turn: "thought it was broken
    // but I hadn't charged it".
    for (size_t back = 2; back <= 5 && back <= i; ++back) {
      const size_t k = i - back;
      if (tokens[k + 1].clause_start) break;
      if (words[k] != "thought") continue;
      const std::string_view next = words[k + 1];
      if ((next == "it" || next == "that" || next == "this" || next == "they" || next == "the" ||
           next == "my") &&
          turns_after(end)) {
        return words[k];
      }
      break;
    }
  }
  if (turkish) {
    auto is_fear = [](std::string_view w) {
      return w.substr(0, 4) == "kork" || w.substr(0, 6) == "endise" || w.substr(0, 7) == "tedirgi";
    };
    // The fear itself after "diye", or the feared words before "diye" and it.
    if (is_fear(words[i]) && i > 0 && words[i - 1] == "diye" && turns_after(end)) {
      return words[i];
    }
    for (size_t k = end; k + 1 < words.size() && k < end + 4; ++k) {
      if (tokens[k].clause_start) break;
      if (words[k] != "diye") continue;
      if (is_fear(words[k + 1]) && turns_after(k + 2)) return words[k + 1];
      break;
    }
    // A problem wrongly believed in, then a turn: "bozuk sandım ama şarjı
    // bitmiş", "kayboldu zannettim ama".
    if (end < words.size() && !tokens[end].clause_start &&
        (words[end].substr(0, 4) == "sand" || words[end].substr(0, 6) == "zannet") &&
        turns_after(end + 1)) {
      return words[end];
    }
  }
  return {};
}

// A problem told as over: "internet kesintisi bitti", "hata giderildi",
// "kaybolan bavulum bulundu", "the outage is over", "issue resolved". It
// reports relief, not the problem. Returns the word that says so, within
// two words after the negative entry ending at `end` in its phrase, with no
// negator between ("still not fixed", "never resolved"), or "".
std::string_view EndedBy(const std::vector<std::string_view>& words,
                         const std::vector<Token>& tokens, size_t end, bool english, bool turkish) {
  static constexpr std::string_view kTurkish[] = {"bitti",    "bitmis",    "bitmistir",  "duzeldi",
                                                  "duzelmis", "giderildi", "giderilmis", "cozuldu",
                                                  "cozulmus", "halloldu",  "hallolmus",  "kalkti",
                                                  "kalkmis",  "bulundu",   "bulunmus"};
  static constexpr WordList kTurkishList(kTurkish);
  static constexpr std::string_view kCopulas[] = {"is",  "was",  "are",    "were",
                                                  "now", "been", "finally"};
  static constexpr WordList kCopulaList(kCopulas);
  for (size_t k = end; k < words.size() && k < end + 2; ++k) {
    if (tokens[k].clause_start || tokens[k].after_comma || !tokens[k].is_word) break;
    const std::string_view w = words[k];
    if (turkish) {
      // "Bitti" ends a thing named with its possessive ("kesintisi bitti");
      // after a bare word it says how something ended ("çok saçma bitti").
      const std::string_view named = words[end - 1];
      const bool possessed = named.ends_with("si") || named.ends_with("su");
      if (kTurkishList.Contains(w) && (w.substr(0, 3) != "bit" || possessed)) return w;
      if (w == "sona" && k + 1 < words.size() && words[k + 1] == "erdi") return words[k + 1];
    }
    if (english) {
      if (IsEnglishNegator(w)) break;
      if (w == "fixed" || w == "resolved" || w == "sorted") return w;
      if ((w == "over" || w == "gone") && k > end && kCopulaList.Contains(words[k - 1])) return w;
    }
  }
  return {};
}

// A good thing told as spoiled: "party ruined", "you ruined my birthday",
// "spoiled our holiday", "tatilimizi mahvettiniz", "düğünü zehir ettiler".
// What was ruined is no praise; the ruining says how bad it was. Returns
// the spoiling word when one stands within three words of the scored word
// at `word` (entry ending at `end`), in its phrase, or "".
std::string_view SpoiledBy(const std::vector<std::string_view>& words,
                           const std::vector<Token>& tokens, size_t word, size_t end) {
  static constexpr std::string_view kEnglish[] = {"ruined",  "ruin",   "ruins",   "ruining",
                                                  "spoiled", "spoilt", "spoils",  "spoiling",
                                                  "wrecked", "wrecks", "wrecking"};
  static constexpr WordList kEnglishList(kEnglish);
  auto spoils = [&](size_t k) {
    const std::string_view w = words[k];
    if (kEnglishList.Contains(w)) return true;
    // mahvetti, mahvettiniz, mahvoldu, mahvolmuş; zehir etti / oldu.
    if (w.size() >= 7 && w.substr(0, 4) == "mahv") return true;
    return w == "zehir" && k + 1 < words.size() && OnePhrase(tokens, k, k + 1) &&
           (words[k + 1].substr(0, 3) == "ett" || words[k + 1].substr(0, 3) == "old");
  };
  constexpr size_t kReach = 3;
  for (size_t k = word >= kReach ? word - kReach : 0; k < word; ++k) {
    if (OnePhrase(tokens, k, word) && spoils(k)) return words[k];
  }
  // After the good thing, a participle ("party ruined", "holiday got
  // spoiled"), not "-ing": in "thanks for ruining my morning" the thanks
  // are sarcasm, which the scorer reads on its own.
  for (size_t k = end; k < words.size() && k < end + kReach; ++k) {
    if (!OnePhrase(tokens, word, k)) break;
    if (spoils(k) && !words[k].ends_with("ing")) return words[k];
  }
  return {};
}

// A belief that praise stood for, told as proved wrong: "what a lovely
// day, I thought, then it poured", "great service, or so I thought",
// "harika bir otel diye sanmıştım". Returns the word that says so ("thought",
// "sanmistim"), or "" when the praise ending at `end` is not one. English
// takes "I/we thought" after the praise in its sentence, with "or so" before
// it or a turn after it (then, until, but, wrong): "the acting was great I
// thought" alone is an opinion. Turkish takes "diye" then a verb of wrong
// belief (sanmak, zannetmek) within three words: "diye düşündüm" may
// simply report a reason.
std::string_view BelievedWrongly(const std::vector<std::string_view>& words,
                                 const std::vector<Token>& tokens, size_t end, bool english,
                                 bool turkish) {
  for (size_t k = end; k < words.size() && k < end + 5; ++k) {
    if (k > end && tokens[k].clause_start) break;
    if (english && k + 1 < words.size() && words[k].size() <= 2 &&
        (words[k] == "i" || words[k] == "we") && words[k + 1] == "thought" &&
        !tokens[k + 1].clause_start) {
      const bool or_so = k >= 2 && words[k - 1] == "so" && words[k - 2] == "or";
      bool turned = false;
      for (size_t t = k + 2; t < words.size() && t < k + 5 && !turned; ++t) {
        turned = words[t] == "then" || words[t] == "until" || words[t] == "but" ||
                 words[t] == "wrong" || words[t] == "nope";
      }
      if (or_so || turned) return words[k + 1];
    }
    if (turkish && words[k] == "diye") {
      for (size_t t = k + 1; t < words.size() && t <= k + 2; ++t) {
        if (tokens[t].clause_start) break;
        const std::string_view w = words[t];
        if (w.substr(0, 4) == "sand" || w.substr(0, 5) == "sanmi" || w.substr(0, 7) == "zannett" ||
            w.substr(0, 8) == "zannetmi") {
          return w;
        }
      }
    }
  }
  return {};
}

// A folded word with a genitive ending (-in/-ın/-un/-ün after a consonant,
// -nin/-nın/-nun/-nün after a vowel): "filmin", "mağazanın", "ürünün".
bool IsTurkishGenitive(std::string_view w) {
  const std::string_view end = w.substr(w.size() >= 2 ? w.size() - 2 : 0);
  return w.size() >= 4 && (end == "in" || end == "un");
}

// The last word of an English negator written as several: "far from
// perfect", "anything but helpful", and "so much for" opening its clause
// ("so much for a relaxing weekend": the weekend was not). `k` is that
// word's index. Inside a clause "so much for" is thanks ("thank you so
// much for the help") and negates nothing.
bool EndsEnglishNegatorPhrase(const std::vector<std::string_view>& words,
                              const std::vector<Token>& tokens, size_t k) {
  if (k == 0 || tokens[k].clause_start || tokens[k].after_comma) return false;
  if (words[k] == "for" && k >= 2 && words[k - 1] == "much" && words[k - 2] == "so") {
    const size_t so = k - 2;
    return !tokens[k - 1].clause_start && !tokens[k - 1].after_comma &&
           (so == 0 || tokens[so].clause_start || tokens[so].after_comma);
  }
  return (words[k] == "from" && words[k - 1] == "far") ||
         (words[k] == "but" && words[k - 1] == "anything");
}

// A verb that passes judgment on what follows it: a negator before it
// denies the judgment ("wouldn't call it good", "can't say I'm happy").
bool IsJudgmentVerb(std::string_view w) {
  // Not "thought": "never thought it would be this good" affirms.
  static constexpr std::string_view kWords[] = {
      "say", "said", "call", "called", "think", "believe", "consider", "describe", "rate", "claim"};
  static constexpr WordList kList(kWords);
  return kList.Contains(w);
}

// Praise that frames what follows, the way sarcasm introduces a complaint:
// "love how", "love it when", "gotta love", "nice to see", "great to hear",
// "nice of you to", "so glad I paid".
// Returns the token after the frame, or 0 when words[i] begins none. Only
// with a complaint rule matched does the scorer read it as sarcasm: "love
// how fast it arrived" is sincere.
size_t SarcasmFrameEnd(const std::vector<std::string_view>& words, const std::vector<Token>& tokens,
                       size_t i) {
  auto word_at = [&](size_t k) {
    return k < words.size() && tokens[k].is_word && !tokens[k].clause_start &&
                   !tokens[k].after_comma
               ? words[k]
               : std::string_view();
  };
  const std::string_view w = words[i];
  if (w == "love" || w == "loving") {
    const std::string_view next = word_at(i + 1);
    if (next == "how" || next == "when") return i + 2;
    if (next == "it" && word_at(i + 2) == "when") return i + 3;
    // "gotta love", "got to love", "you have to love", "you've got to love"
    const std::string_view back = i > 0 && !tokens[i].clause_start ? words[i - 1] : "";
    if (back == "gotta" || back == "gota") return i + 1;
    if (back == "to" && i > 1 && (words[i - 2] == "got" || words[i - 2] == "have")) return i + 1;
    // "love waiting 2 weeks for a refund", "love being put on hold"
    static constexpr std::string_view kOrdeals[] = {"waiting", "being",   "getting", "spending",
                                                    "paying",  "sitting", "calling", "having"};
    static constexpr WordList kOrdealList(kOrdeals);
    if (kOrdealList.Contains(next)) return i + 1;
    return 0;
  }
  // "so much fun spending my saturday on hold", "such fun", "what fun"
  if (w == "fun" && i > 0 && !tokens[i].clause_start &&
      (words[i - 1] == "much" || words[i - 1] == "such" || words[i - 1] == "what")) {
    return i + 1;
  }
  // "amazing how you charge in seconds but refund in weeks", "funny how"
  static constexpr std::string_view kHow[] = {"amazing", "funny",  "interesting", "incredible",
                                              "great",   "lovely", "wonderful",   "fascinating"};
  static constexpr WordList kHowList(kHow);
  if (kHowList.Contains(w) && word_at(i + 1) == "how") return i + 2;
  static constexpr std::string_view kGlad[] = {"nice", "great", "good",      "lovely", "wonderful",
                                               "glad", "happy", "fantastic", "awesome"};
  static constexpr WordList kGladList(kGlad);
  // "nice of you to cancel my flight", "kind of them to lose my bag"
  static constexpr std::string_view kKind[] = {"nice",       "kind",  "good",        "lovely",
                                               "thoughtful", "sweet", "considerate", "great"};
  static constexpr WordList kKindList(kKind);
  if (kKindList.Contains(w) && word_at(i + 1) == "of" && word_at(i + 3) == "to") {
    const std::string_view who = word_at(i + 2);
    if (who == "you" || who == "them" || who == "u" || who == "ya") return i + 4;
  }
  if (kGladList.Contains(w) && word_at(i + 1) == "to") {
    const std::string_view verb = word_at(i + 2);
    if (verb == "see" || verb == "know" || verb == "hear" || verb == "find") return i + 3;
  }
  // "harika bir sistem kurmuşsunuz" (what a great system you have built),
  // "süper bir uygulama yapmışsınız": praise of what the company made,
  // said before what it makes the writer do.
  static constexpr std::string_view kTurkishPraise[] = {"harika",   "super",  "mukemmel",
                                                        "muhtesem", "sahane", "guzel"};
  static constexpr WordList kTurkishPraiseList(kTurkishPraise);
  if (kTurkishPraiseList.Contains(w)) {
    const size_t noun = word_at(i + 1) == "bir" ? i + 2 : i + 1;
    const std::string_view verb = word_at(noun + 1);
    auto ends = [&](std::string_view suffix) {
      return verb.size() > suffix.size() + 2 && verb.substr(verb.size() - suffix.size()) == suffix;
    };
    if (!word_at(noun).empty() && (ends("missiniz") || ends("mussunuz"))) return noun + 2;
  }
  // "so glad I paid extra for express shipping that took 9 days", "happy
  // I waited an hour for this": the money or time spent, then the letdown.
  if (kGladList.Contains(w) && (word_at(i + 1) == "i" || word_at(i + 1) == "we")) {
    // Not "bought" or "ordered": "glad I bought the warranty" is sincere.
    static constexpr std::string_view kSpent[] = {"paid", "spent", "waited", "splurged"};
    static constexpr WordList kSpentList(kSpent);
    if (kSpentList.Contains(word_at(i + 2))) return i + 3;
  }
  return 0;
}

// Acts thanks are sincerely given for: "thanks for fixing it", "thanks for
// getting back to me".
bool IsKindAct(std::string_view w) {
  static constexpr std::string_view kKind[] = {
      "helping",   "sorting",    "fixing",        "replying",  "responding", "getting",
      "sending",   "being",      "making",        "taking",    "looking",    "listening",
      "answering", "checking",   "resolving",     "refunding", "replacing",  "following",
      "coming",    "having",     "choosing",      "reaching",  "caring",     "supporting",
      "sharing",   "organising", "organizing",    "arranging", "delivering", "bringing",
      "offering",  "explaining", "understanding", "upgrading", "hosting",    "including",
      "showing",   "letting",    "giving",        "returning", "calling",    "watching",
      "reading",   "featuring",  "inviting",      "welcoming", "feeding",    "saving"};
  static constexpr WordList kKindList(kKind);
  return kKindList.Contains(w);
}

// Thanks for an act that wronged the customer, with no negative word to
// give them away: "thanks for charging me twice", "siparişimi haber
// vermeden iptal ettiğiniz için teşekkürler", "çok teşekkürler, faturamı 3
// katına çıkardığınız için". English names the act right after the thanks
// ("thanks for <act>ing"); Turkish names it in the clause, as a participle
// before "için". Returns the act's word, or "" when the thanks are for
// something else ("thanks for getting back to me", "döndüğünüz için").
// Only with a complaint rule matched, or an irony mark in the post (then
// for any unkind act, `ironic`), does the scorer read it as sarcasm:
// "thanks for cancelling my order" may be sincere.
std::string_view ThanksForAWrong(const std::vector<std::string_view>& words,
                                 const std::vector<Token>& tokens, size_t i, bool ironic) {
  const std::string_view w = words[i];
  if (w == "thanks" || w == "thank" || w == "thx" || w == "cheers") {
    static constexpr std::string_view kWrongs[] = {
        "charging", "overcharging", "billing",     "cancelling", "canceling",  "closing",
        "deleting", "removing",     "blocking",    "freezing",   "suspending", "banning",
        "hanging",  "keeping",      "making",      "leaving",    "raising",    "increasing",
        "doubling", "declining",    "rejecting",   "refusing",   "denying",    "ghosting",
        "delaying", "bumping",      "overbooking", "stranding",  "sending",    "nothing",
        "losing",   "crushing",     "damaging",    "smashing",   "wasting",    "ignoring"};
    static constexpr WordList kWrongList(kWrongs);
    // "thanks for", "thank you so much for", "thanks a lot for", and with
    // the company's handle between: "Thanks @shop for canceling my order".
    size_t skipped = 0;
    for (size_t k = i + 1; k < words.size() && k <= i + 4 + skipped; ++k) {
      if (tokens[k].kind == Token::Kind::kMention && !tokens[k].clause_start && skipped < 2) {
        ++skipped;
        continue;
      }
      if (!tokens[k].is_word || tokens[k].clause_start || tokens[k].after_comma) break;
      if (words[k] != "for") continue;
      if (k + 1 < words.size() && OnePhrase(tokens, k, k + 1) &&
          kWrongList.Contains(words[k + 1])) {
        // "thanks for sending the replacement" thanks; "thanks for sending
        // me the wrong size" does not, and names its wrong word itself.
        return words[k + 1] == "sending" ? std::string_view() : words[k + 1];
      }
      // With clapping or an upside-down face, any act but a kind one:
      // "thanks for turning my 1 hour flight into 7 hours 👏👏" (not
      // "thanks for fixing it so fast 👏").
      if (ironic && k + 1 < words.size() && OnePhrase(tokens, k, k + 1) &&
          words[k + 1].size() > 5 && words[k + 1].ends_with("ing") && !IsKindAct(words[k + 1])) {
        return words[k + 1];
      }
      return {};
    }
    return {};
  }
  if (w != "tesekkurler" && w != "tesekkur" && w != "sagolun" && w != "sagol") return {};
  // The clause around the thanks: "X-dığınız için (çok) teşekkürler", or
  // the thanks first and "X-dığınız için" closing the clause.
  size_t begin = i;
  while (begin > 0 && !tokens[begin].clause_start) --begin;
  size_t end = i + 1;
  while (end < words.size() && !tokens[end].clause_start) ++end;
  static constexpr std::string_view kActs[] = {
      "cektig", "kestig", "kapattig", "sildig", "engelledig", "dondurdug", "yansittig", "artirdig",
      "cikardig", "beklettig", "kaybettig", "ugrastirdig", "uzattig", "erteledig", "reddettig",
      "yanilttig", "kandirdig", "dolandirdig", "unuttug", "geciktirdig", "bozdug", "kirdig",
      "oyaladig", "surundurdug",
      // What was done to the parcel: "paketimi ezdiğiniz için", "ıslattığınız".
      "ezdig", "islattig", "firlattig", "parcaladig", "hirpaladig", "yirttig", "doktug",
      // What was left undone: "3 gündür telefona bakmadığınız için".
      "bakmadig", "donmedig", "aramadig", "ilgilenmedig", "cevaplamadig"};
  static constexpr std::string_view kDoneBefore[] = {"iptal", "magdur", "ihmal", "rezil",
                                                     "zam",   "hata",   "yanlis"};
  static constexpr WordList kDoneBeforeList(kDoneBefore);
  for (size_t k = begin + 1; k < end; ++k) {
    if (words[k] != "icin" || !tokens[k - 1].is_word) continue;
    const std::string_view act = words[k - 1];
    if (act.starts_with("ettig") || act.starts_with("yaptig")) {
      if (k >= 2 && kDoneBeforeList.Contains(words[k - 2])) return act;
      continue;
    }
    for (const std::string_view prefix : kActs) {
      if (act.starts_with(prefix)) return act;
    }
  }
  return {};
}

// A code of three capitals right after a preposition of place ("to LAX",
// "at SIN", "from MAD"): airports and stations, whose codes are words in
// the lexicon. The caller checks that the token is in capitals and the
// post is not.
bool IsPlaceCode(const std::vector<std::string_view>& words, const std::vector<Token>& tokens,
                 size_t i) {
  static constexpr std::string_view kPrepositions[] = {"at", "to", "from", "via"};
  static constexpr WordList kPrepositionList(kPrepositions);
  // "NEEDS TO DIE" is shouting: the preposition itself must not be in
  // capitals.
  return words[i].size() == 3 && i > 0 && OnePhrase(tokens, i - 1, i) && !tokens[i - 1].caps &&
         kPrepositionList.Contains(words[i - 1]);
}

// "feels like", "looks like", "sounds like": "like" is then a comparison.
bool IsVerbOfSeeming(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {
      "feel",    "feels",   "felt",   "look",   "looks",   "looked",  "sound",
      "sounds",  "sounded", "seem",   "seems",  "seemed",  "smell",   "smells",
      "smelled", "taste",   "tastes", "tasted", "feeling", "looking", "sounding"};
  static constexpr WordList kList(kVerbs);
  return kList.Contains(w);
}

constexpr double kLaughterValence = 1.5;
// A folded Turkish verb of finding or seeing ("bulamadım", "göremiyorum").
bool IsLookingVerb(std::string_view w) {
  return w.size() > 5 && (w.substr(0, 4) == "bula" || w.substr(0, 4) == "gore");
}

// Where a company keeps what a customer looks up, in the locative: "sitede",
// "sitenizde", "uygulamada", "sayfanızda", "ayarlarda" (folded).
bool IsPlaceOfInformation(std::string_view w) {
  static constexpr std::string_view kPlaces[] = {
      "sitede",        "sitenizde",  "sitesinde", "sitenizden", "uygulamada",
      "uygulamanizda", "appte",      "appde",     "sayfada",    "sayfanizda",
      "sayfasinda",    "internette", "ayarlarda", "menude",     "sss"};
  static constexpr WordList kPlaceList(kPlaces);
  return kPlaceList.Contains(w);
}

// What a customer looks up, as the object of looking: "içerik listesini",
// "fiyat bilgisini", "müşteri hizmetleri numarasını", "iptal seçeneğini"
// (folded; not the writer's own, which EndsWithMyAccusative turns away).
bool IsInformationSought(std::string_view w) {
  static constexpr std::string_view kStems[] = {"liste", "bilgi", "numara", "secene", "detay"};
  for (const std::string_view stem : kStems) {
    if (w.size() > stem.size() + 1 && w.substr(0, stem.size()) == stem) return true;
  }
  return false;
}

// Whether a folded Turkish word ends in the first person's possessive and
// the accusative: "siparişimi", "kargomu" (my order, my parcel).
bool EndsWithMyAccusative(std::string_view w) {
  return w.size() > 3 && w[w.size() - 2] == 'm' && (w.back() == 'i' || w.back() == 'u');
}

// What an unlisted Turkish verb of inability weighs (IsTurkishInabilityVerb),
// and the entry explanations name for it. -0.3 to -1.0 measured: tr-movies
// macro-F1 rises with its weight, and so do positives called complaint.
constexpr double kInabilityValence = -0.8;
constexpr std::string_view kInabilityEntry = "(could not: -(y)A-mA-)";
constexpr double kExclamationOnlyLean = 0.5;

// What each '!' (up to four) adds in the direction the post already took.
// Glad posts shout more than their words say ("Best day ever!!"), angry
// ones about as much as their words say already: on the English tweets
// the human ratings of positive posts with '!' sat 0.37 above earshot's
// fitted score and those without 0.05 below, while negative posts sat
// alike with and without. Halves of the set taken apart each gained.
constexpr double kGladBangWeight = 0.5;
constexpr double kAngryBangWeight = 0.25;

// The sum squashed into -1..+1, as VADER does: 15 is where one strong word
// (about 4) reads as 0.7.
double Squash(double sum) { return sum / std::sqrt(sum * sum + 15.0); }

// How much a post's sum says of its tone, by its length in words. Readers
// rate a post by how much of it is sentiment: "Love it!" is glad through and
// through, one "love" in thirty words of news much less so. On the English
// tweets, short posts (up to 50 characters) sat 0.34 (positive) and 0.53
// (negative) further out than earshot's fitted score and long ones (120 or
// more) 0.16 and 0.33 further in. (5 / words)^0.3 took r from 0.8901 to
// 0.8979, and each half of the set gained alike; exponents 0.25-0.35 and
// lengths 4-6 all gave 0.8975-0.8981.
double ToneWeight(size_t words) {
  constexpr double kTypicalWords = 5.0;
  constexpr double kExponent = 0.3;
  auto weight = [](size_t n) {
    return std::pow(kTypicalWords / static_cast<double>(std::max<size_t>(n, 1)), kExponent);
  };
  // Once per post: the common lengths from a table, as pow is not cheap.
  static const std::array<double, 128> kTable = [&] {
    std::array<double, 128> table{};
    for (size_t n = 0; n < table.size(); ++n) table[n] = weight(n);
    return table;
  }();
  return words < kTable.size() ? kTable[words] : weight(words);
}

// A post that carries a link shares or reports something, and its words
// describe that more than the writer's mood ("Great piece on …
// http://…"). Readers rate such posts milder both ways: on the English
// tweets those with a URL sat 0.22 (positive) and 0.32 (negative) nearer
// zero than earshot's fitted score against those without. Weighing their
// tone by 0.75 took r from 0.8984 to 0.8999, each half of the set gaining
// alike (0.7-0.8 all gave 0.8998-0.8999).
constexpr double kLinkToneWeight = 0.75;

// How much of a positive word counts inside a question. Positive tweets
// with '?' sat 0.27 below earshot's fitted score, those without 0.16 above.
constexpr double kAskedPraiseWeight = 0.5;

// A concession is granted, not claimed: in "the plot was thin, though the
// soundtrack was decent" and "despite a slow start, the ending blew me
// away" the main clause carries the verdict. The conceded clause counts
// half, as the clause before a "but" does (0.4-0.6 measured alike:
// docs/quality.md, twentieth pass).
constexpr double kConcededWeight = 0.5;
// `conceded` marks: the word is conceded, or only if it weighs negative.
constexpr char kConceded = 1;
constexpr char kConcededIfNegative = 2;

// Whether a folded Turkish word is a verb in the pluperfect: "gelmişti",
// "beğenmiştim", "olmuştuk", "bozulmuştunuz" (folded "-misti", "-mustu" and
// their persons). The letters before the ending are checked by position, so
// that most words are turned away by one or two compares.
inline bool IsTurkishPluperfect(std::string_view w) {
  const size_t n = w.size();
  // Every form has its "t" second, third or fifth from the end.
  if (n < 6 || (w[n - 2] != 't' && w[n - 3] != 't' && w[n - 5] != 't')) return false;
  auto stem_end = [&](size_t at) {  // "mis"/"mus" then "t" end at `at`
    return w[at] == 't' && w[at - 1] == 's' && (w[at - 2] == 'i' || w[at - 2] == 'u') &&
           w[at - 3] == 'm';
  };
  const char last = w[n - 1];
  // -misti / -mustu
  if ((last == 'i' || last == 'u') && stem_end(n - 2)) return true;
  // -mistim, -mistik, -mistin / -mustum, -mustuk, -mustun
  if ((last == 'm' || last == 'k' || last == 'n') && n >= 7 &&
      (w[n - 2] == 'i' || w[n - 2] == 'u') && stem_end(n - 3)) {
    return true;
  }
  // -mistiniz / -mustunuz
  return last == 'z' && n >= 9 && stem_end(n - 5) &&
         (w.substr(n - 4) == "iniz" || w.substr(n - 4) == "unuz");
}

// Whether the question clause around token `at` asks what a policy,
// warranty or plan covers: "does the warranty cover accidental damage?",
// "is theft covered?", "kasko selden zarar görmeyi kapsıyor mu?".
bool AsksWhatIsCovered(const std::vector<std::string_view>& words, const std::vector<Token>& tokens,
                       size_t at) {
  static constexpr std::string_view kCover[] = {
      "cover",   "covers",     "covered",   "covering", "coverage",   "insured",
      "insure",  "include",    "includes",  "included", "kapsiyor",   "kapsar",
      "kapsami", "kapsaminda", "kapsamina", "karsilar", "karsiliyor", "dahil"};
  static constexpr WordList kCoverList(kCover);
  // Asking why it is not covered is a claim turned down: "why is my water
  // damage not covered?". Only a denial of the covering counts, not every
  // negator (IsEnglishNegator): in "does it include streaming with no ads?"
  // the "no" is part of what is asked about.
  static constexpr std::string_view kDenied[] = {
      "why",     "neden", "niye",  "nicin", "not",   "isnt",  "isn't",  "doesnt",
      "doesn't", "dont",  "don't", "wont",  "won't", "wasnt", "wasn't", "never"};
  static constexpr WordList kDeniedList(kDenied);
  size_t from = at;
  while (from > 0 && !tokens[from].clause_start) --from;
  bool cover = false;
  for (size_t k = from; k < words.size() && (k == from || !tokens[k].clause_start); ++k) {
    if (kDeniedList.Contains(words[k])) return false;
    cover = cover || kCoverList.Contains(words[k]);
  }
  return cover;
}

// Marks the words of conceded clauses (`conceded` is left empty when
// there are none): after English "though", "although",
// "albeit", "despite" (up to the next comma or clause end), after Turkish
// "gerçi" likewise, and before Turkish "rağmen" / "karşın" (back to the
// clause's start or the comma before). A "though" that closes its clause
// ("it was fine, though.") is "however", and concedes nothing after it.
// In Turkish, a problem told in the pluperfect ("yanlış ürün gelmişti,
// 10 dakikada doğrusunu getirdiniz") is a past that what follows has
// overtaken: its negative words are conceded, back to the clause's start
// (five words at most), when another clause follows. Its praise is not:
// "çok hoşuma gitmişti bu film" is the verdict, told as a memory.
// *overtaken_from is the first token after the last such pluperfect (what
// overtook it), words.size() when there is none.
void MarkConcededClauses(const std::vector<std::string_view>& words,
                         const std::vector<char>& is_word, const std::vector<Token>& tokens,
                         bool turkish, std::vector<char>* conceded, size_t* overtaken_from) {
  // +1: concedes what follows; -1: what comes before. Asked of every word:
  // the length and the first letter turn nearly all away before any
  // comparison of strings.
  auto concession = [](std::string_view w) {
    switch (w.size()) {
      case 5:
        return w[0] == 'g' && w == "gerci" ? 1 : 0;
      case 6:
        switch (w[0]) {
          case 't':
            return w == "though" ? 1 : 0;
          case 'a':
            return w == "albeit" ? 1 : 0;
          case 'r':
            return w == "ragmen" ? -1 : 0;
          case 'k':
            return w == "karsin" ? -1 : 0;
          default:
            return 0;
        }
      case 7:
        return w[0] == 'd' && w == "despite" ? 1 : 0;
      case 8:
        return w[0] == 'a' && w == "although" ? 1 : 0;
      default:
        return 0;
    }
  };
  // Left empty when nothing is conceded, as in most posts.
  conceded->clear();
  *overtaken_from = words.size();
  auto ends_clause = [&](size_t k) {  // token k begins a new clause or follows a comma
    return tokens[k].clause_start || tokens[k].after_comma;
  };
  // A clause with a word after it: a pluperfect in the last clause has
  // nothing to give way to.
  auto clause_follows = [&](size_t i) {
    for (size_t k = i + 1; k < words.size(); ++k) {
      if (is_word[k] && ends_clause(k)) return true;
    }
    return false;
  };
  for (size_t i = 0; i < words.size(); ++i) {
    // Every concession word and pluperfect has five letters or more: the
    // length turns half the words away in one test.
    if (words[i].size() < 5 || !is_word[i]) continue;
    const int way = concession(words[i]);
    if (way == 0) {
      if (turkish && IsTurkishPluperfect(words[i]) && !tokens[i].in_question && clause_follows(i)) {
        if (conceded->empty()) conceded->assign(words.size(), 0);
        *overtaken_from = i + 1;
        // Five words back at most: a full stop typed between letters joins
        // sentences into one clause ("...yeterdi yani.çok umut bağlamıştım").
        for (size_t k = i + 1; k-- > 0 && i - k < 5;) {
          if ((*conceded)[k] == 0) (*conceded)[k] = kConcededIfNegative;
          if (ends_clause(k)) break;
        }
      }
      continue;
    }
    if (conceded->empty()) conceded->assign(words.size(), 0);
    if (way > 0) {
      for (size_t k = i + 1; k < words.size() && !ends_clause(k); ++k) (*conceded)[k] = kConceded;
    } else {
      for (size_t k = i; k-- > 0;) {
        (*conceded)[k] = kConceded;
        if (ends_clause(k)) break;
      }
    }
  }
}

// Crying faces, which tweets use for sorrow and for overwhelming joy or
// laughter alike: 😭 🥲 🥹.
bool IsTears(std::string_view token) {
  return token == "\xF0\x9F\x98\xAD" || token == "\xF0\x9F\xA5\xB2" || token == "\xF0\x9F\xA5\xB9";
}

// Praise that is often said in sarcasm ("thanks for losing my parcel",
// "bravo, delayed again 👏"). When one of these stands in a clause
// that also says something negative, and no contrast word separates the
// two, the praise is read as sarcasm and counts against.
bool IsSarcasmProne(std::string_view entry) {
  static constexpr std::string_view kEntries[] = {
      "thanks",      "thank",    "thank you", "thx",  "cheers", "bravo", "\xF0\x9F\x91\x8F" /* 👏 */,
      "tesekkurler", "tesekkur", "sagolun",   "sagol"};
  static constexpr WordList kProne(kEntries);
  return kProne.Contains(entry);
}

// A score the writer gives in words: "3/10", "4/5", "10 üzerinden 8",
// "7 out of 10". Full marks weigh +3, none -3, half 0: the plainest verdict
// a review can hold. Dates are left alone: "10/10/2025", "25/10'da" and
// "07/10" are days, so a number after a slash or a dot, a leading zero, a
// second slash and letters or an apostrophe right after the score end it.
// The last score with a slash counts, else the last in words, else the
// mean of scores given by aspect ("hız: 10 lezzet: 9"). `words` are the
// post's tokens.
struct RatingInText {
  double valence = 0;
  std::string written;  // for explanations
};

std::optional<RatingInText> FindRatingInText(std::string_view folded,
                                             const std::vector<std::string_view>& words) {
  auto digit = [&](size_t k) { return k < folded.size() && folded[k] >= '0' && folded[k] <= '9'; };
  auto letter = [&](size_t k) {
    return k < folded.size() && ((folded[k] >= 'a' && folded[k] <= 'z') ||
                                 static_cast<unsigned char>(folded[k]) >= 0x80);
  };
  // The number of one to three digits at k, and where it ends; -1 when none.
  auto number_at = [&](size_t k, size_t* end) {
    int value = 0;
    size_t e = k;
    while (digit(e) && e - k < 4) value = value * 10 + (folded[e++] - '0');
    *end = e;
    return e == k || e - k > 3 ? -1 : value;
  };
  // The number that ends right before `end` (spaces skipped), and where it
  // starts; -1 when none, or when it is part of something longer ("v2",
  // "3.10", "1/3/10").
  auto number_before = [&](size_t end, size_t* begin) {
    while (end > 0 && folded[end - 1] == ' ') --end;
    size_t b = end;
    while (b > 0 && digit(b - 1) && end - b < 4) --b;
    *begin = b;
    if (b == end || end - b > 3) return -1;
    if (b > 0) {
      const char c = folded[b - 1];
      if (digit(b - 1) || letter(b - 1) || c == '/' || c == '.' || c == ',' || c == ':') return -1;
    }
    size_t e = 0;
    return number_at(b, &e);
  };
  auto skip_spaces = [&](size_t k) {
    while (k < folded.size() && folded[k] == ' ') ++k;
    return k;
  };
  auto is_scale = [](int n) { return n == 5 || n == 10 || n == 100; };
  auto valence = [](int score, int scale) {
    return (static_cast<double>(score) / scale - 0.5) * 6.0;
  };
  std::optional<RatingInText> found;
  // "3/10": not a date, so no leading zero and nothing date-like after.
  for (size_t slash = folded.find('/'); slash != std::string_view::npos;
       slash = folded.find('/', slash + 1)) {
    size_t begin = 0;
    const int a = number_before(slash, &begin);
    size_t end = 0;
    const int b = number_at(skip_spaces(slash + 1), &end);
    if (a < 0 || !is_scale(b) || a > b || digit(end)) continue;
    const bool leading_zero = folded[begin] == '0' && digit(begin + 1);
    const bool date_after =
        end < folded.size() && (folded[end] == '/' || folded[end] == '\'' || letter(end) ||
                                (folded[end] == '.' && digit(end + 1)));
    if (!leading_zero && !date_after) {
      found = RatingInText{valence(a, b), std::string(folded.substr(begin, end - begin))};
    }
  }
  // "10 üzerinden 8", "10 uzerinden 10u hak ediyor".
  if (found) return found;
  // "10 üzerinden 8", "10 uzerinden 10u hak ediyor", "4 out of 5", found
  // by their words: a search of the text for them cost more than all else
  // here.
  auto whole_number = [](std::string_view w, bool suffix_allowed) {
    int value = 0;
    size_t k = 0;
    while (k < w.size() && k < 4 && w[k] >= '0' && w[k] <= '9') value = value * 10 + (w[k++] - '0');
    if (k == 0 || k > 3 || (k < w.size() && (!suffix_allowed || (w[k] >= '0' && w[k] <= '9')))) {
      return -1;
    }
    return value;
  };
  for (size_t k = 0; k + 2 < words.size(); ++k) {
    const std::string_view w = words[k];
    if (w.empty() || w[0] < '0' || w[0] > '9') continue;
    int score = -1;
    int scale = 0;
    size_t last = k + 2;
    if (words[k + 1] == "uzerinden") {
      scale = whole_number(w, false);
      score = whole_number(words[k + 2], /*suffix_allowed=*/true);  // "10u", "8'lik"
    } else if (words[k + 1] == "out" && k + 3 < words.size() && words[k + 2] == "of") {
      score = whole_number(w, false);
      scale = whole_number(words[k + 3], false);
      last = k + 3;
    }
    if (score < 0 || !is_scale(scale) || score > scale) continue;
    std::string written(w);
    for (size_t n = k + 1; n <= last; ++n) written.append(" ").append(words[n]);
    found = RatingInText{valence(score, scale), std::move(written)};
    k = last;
  }
  if (found) return found;
  // Scores by aspect, as food-delivery and shop reviews give them: "hız: 10
  // lezzet: 9 servis: 8", "taste: 7, service: 9". Two or more, each out of
  // ten, count as their mean; one alone could be anything ("saat: 10").
  static constexpr std::string_view kAspects[] = {
      "hiz",      "lezzet", "servis",  "hizmet",  "fiyat", "kalite",   "paketleme",
      "kargo",    "speed",  "taste",   "service", "food",  "value",    "quality",
      "delivery", "price",  "flavour", "flavor",  "staff", "ambiyans", "atmosphere"};
  int sum = 0;
  int count = 0;
  size_t first = std::string_view::npos;
  size_t last_end = 0;
  // Found from the marks: most posts hold no ':' or '=' at all, and a
  // walk over every word cost 12% of classifying long complaints.
  const bool equals = folded.find('=') != std::string_view::npos;
  auto next_mark = [&](size_t from) {
    const size_t colon = folded.find(':', from);
    return equals ? std::min(colon, folded.find('=', from)) : colon;
  };
  for (size_t mark = next_mark(0); mark != std::string_view::npos; mark = next_mark(mark + 1)) {
    size_t e = mark;
    while (e > 0 && folded[e - 1] == ' ') --e;
    size_t k = e;
    while (k > 0 && letter(k - 1)) --k;
    const std::string_view label = folded.substr(k, e - k);
    if (label.empty() ||
        std::find(std::begin(kAspects), std::end(kAspects), label) == std::end(kAspects)) {
      continue;
    }
    size_t end = 0;
    const int score = number_at(skip_spaces(mark + 1), &end);
    if (score < 0 || score > 10 || (end < folded.size() && (folded[end] == '/' || digit(end)))) {
      continue;
    }
    sum += score;
    ++count;
    if (first == std::string_view::npos) first = k;
    last_end = end;
  }
  if (count >= 2) {
    found =
        RatingInText{valence(sum, 10 * count), std::string(folded.substr(first, last_end - first))};
  }
  return found;
}

// Thanks that sign a post off ("Can I change the delivery address? Thanks!",
// "... eyw"): good manners, not a verdict on what came before, so they do
// not weigh as a closing word does.
bool IsSignOff(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "thanks",    "thank", "thankyou", "thx",      "tks",         "ty",       "tnx",
      "thnx",      "thanx", "cheers",   "regards",  "merci",       "sagol",    "sagolun",
      "sagolasin", "eyw",   "eyv",      "eyvallah", "tesekkurler", "tesekkur", "tesekkurlar"};
  static constexpr WordList kList(kWords);
  return kList.Contains(w);
}

// Thanks given in advance ("şimdiden teşekkürler", "thanks in advance",
// "thank you in advance") close a request: manners for what is asked, no
// verdict on what was done. `i` is the thanks word.
bool ThanksInAdvance(const std::vector<std::string_view>& words, const std::vector<Token>& tokens,
                     size_t i) {
  if (i > 0 && tokens[i - 1].is_word && !tokens[i].clause_start &&
      (words[i - 1] == "simdiden" || words[i - 1] == "şimdiden")) {
    return true;
  }
  size_t k = i + 1;
  if (k < words.size() && words[k] == "you") ++k;  // "thank you in advance"
  return k + 1 < words.size() && words[k] == "in" && words[k + 1] == "advance" &&
         !tokens[k].clause_start;
}

// The clause in which the writer says the stars were a slip ("clicked 1
// star by mistake", "yanlışlıkla 1 yıldız verdim, düzeltemiyorum"): its
// negative words are about the slip, not the company. Returns [from, to)
// of the first such clause, or an empty range.
std::pair<size_t, size_t> StarsSlipClause(const std::vector<std::string_view>& words,
                                          const std::vector<Token>& tokens) {
  static constexpr std::string_view kSlip[] = {"yanlislikla",  "yanlislikta", "kazara",
                                               "accidentally", "mistake",     "mistakenly",
                                               "misclicked",   "yanlışlıkla"};
  static constexpr WordList kSlipList(kSlip);
  static constexpr std::string_view kStars[] = {"star",     "stars",  "yildiz", "yildizi",
                                                "yildizla", "yıldız", "yıldızı"};
  static constexpr WordList kStarList(kStars);
  size_t from = 0;
  bool stars = false;
  bool slip = false;
  for (size_t k = 0; k <= words.size(); ++k) {
    if (k == words.size() || (k > from && tokens[k].clause_start)) {
      if (stars && slip) return {from, k};
      if (k == words.size()) break;
      from = k;
      stars = slip = false;
    }
    if (!tokens[k].is_word) continue;
    stars = stars || kStarList.Contains(words[k]);
    slip = slip || kSlipList.Contains(words[k]);
  }
  return {0, 0};
}

// Praise of work done, naming the work at once with a gerund, which
// sarcasm turns on a failure: "great job losing my bag", "well done
// ignoring every email". Only then: "great job guys, too bad about the
// rain" praises. `n` is the words the lexicon phrase covered from words[i].
bool IsPraiseOfWorkDone(const std::vector<std::string_view>& words,
                        const std::vector<Token>& tokens, size_t i, size_t n) {
  if (n != 2 || i + 2 >= words.size() || !OnePhrase(tokens, i + 1, i + 2)) return false;
  const std::string_view first = words[i];
  const std::string_view second = words[i + 1];
  const std::string_view work = words[i + 2];
  const bool praise =
      ((first == "great" || first == "good" || first == "nice") && second == "job") ||
      (first == "well" && second == "done");
  return praise && work.size() > 4 && work.substr(work.size() - 3) == "ing";
}

// Praise of what something could or should have been is a complaint about
// what it is: "daha iyi olabilirdi", "daha güzel bir son beklerdim", "could
// have been better", "expected better". Returns the word that sets the
// expectation, or "" when the comparative at `word` is plain praise ("daha
// iyi oldu", "better than ever", "couldn't be better").
std::string_view ShortfallOf(const std::vector<std::string_view>& words,
                             const std::vector<Token>& tokens, size_t word, size_t end) {
  if (word > 0 && words[word - 1] == "daha" && OnePhrase(tokens, word - 1, word)) {
    // Turkish: "daha" + the word, then within three words a verb of
    // expectation or of what might have been.
    static constexpr std::string_view kPrefixes[] = {"bekle",   "olabilir", "olmali", "olurdu",
                                                     "olsaydi", "umuyordu", "umardi", "ummustu"};
    for (size_t k = end; k < words.size() && k < end + 3 && OnePhrase(tokens, k - 1, k); ++k) {
      for (const std::string_view prefix : kPrefixes) {
        if (words[k].substr(0, prefix.size()) == prefix) return words[k];
      }
    }
    return "";
  }
  if (words[word] != "better") return "";
  // English: "could / should / would have been better", "could've been
  // better", "expected / hoped for / deserved better". A negator between
  // ("could not be better", "couldn't be better") affirms instead.
  static constexpr std::string_view kExpecting[] = {
      "could",    "should", "would", "could've", "should've", "would've", "coulda",  "shoulda",
      "expected", "expect", "hoped", "hoping",   "deserve",   "deserved", "deserves"};
  static constexpr WordList kExpectingList(kExpecting);
  // Past three words, only auxiliaries and degree words may stand between:
  // "could've been so much better", "should have been a lot better".
  static constexpr std::string_view kBetween[] = {"so",  "much",     "a",     "lot",  "way",
                                                  "far", "bit",      "even",  "been", "have",
                                                  "be",  "slightly", "little"};
  static constexpr WordList kBetweenList(kBetween);
  bool between_ok = true;  // every word passed so far may stand between
  for (size_t back = 1; back <= 5 && back <= word && OnePhrase(tokens, word - back, word); ++back) {
    const std::string_view w = words[word - back];
    if (IsEnglishNegator(w)) return "";  // "could not be better"
    if (kExpectingList.Contains(w)) return w;
    between_ok = between_ok && kBetweenList.Contains(w);
    if (back >= 3 && !between_ok) break;
  }
  return "";
}

// A verb of putting a problem right, done or being done ("fixed",
// "resolving"): see RemedyOf.
bool IsRemedy(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "fixed", "resolved", "solved", "sorted", "repaired", "replaced", "refunded", "handled",
      "addressed", "rectified", "fixing", "resolving", "solving", "sorting", "repairing",
      "replacing", "refunding", "handling", "addressing", "rebooked", "rescheduled", "reimbursed",
      "compensated", "restored", "reinstated", "rebooking", "rescheduling", "reimbursing",
      "compensating", "restoring", "reinstating", "exchanged", "credited", "reissued",
      "redelivered",
      // A fraud or fault stopped before it did harm: "caught a bad charge".
      "caught", "prevented", "flagged", "detected"};
  static constexpr WordList kRemedies(kWords);
  return kRemedies.Contains(w);
}

// A remedy named as a noun: "a full refund on the faulty toaster".
bool IsRemedyNoun(std::string_view w) {
  static constexpr std::string_view kWords[] = {"refund",   "replacement", "repair",
                                                "exchange", "fix",         "credit"};
  static constexpr WordList kList(kWords);
  return kList.Contains(w);
}

// Verbs that stop a bad thing when it is their object, before it only:
// "froze the dodgy transaction", "blocked the scam call". After it they
// report that it ended, or wish it would ("if the problems stopped").
bool IsStopper(std::string_view w) {
  return w == "froze" || w == "blocked" || w == "stopped" || w == "declined";
}

// A word of notice given in advance: thanks for it are honest, whatever
// the bad news it was about ("thanks for the heads up about the outage",
// "kesinti için önceden bilgilendirdiğiniz için teşekkürler").
bool IsNoticeWord(std::string_view w) {
  return w == "heads" || w == "notice" || w == "warning" || w == "warned" || w == "notifying" ||
         w == "informing" || w == "informed" || w.substr(0, 11) == "bilgilendir" ||
         w.substr(0, 6) == "bildir" || w == "onceden";
}

// A preposition that makes the negative word after it the circumstance of
// the praised act, not its object: "thank you crews working through the
// storm", "thanks for staying open during the outage", "great job despite
// the rain". The praise is honest.
bool IsCircumstancePreposition(std::string_view w) {
  return w == "through" || w == "during" || w == "despite" || w == "amid" || w == "amidst";
}

// Weather and disaster: bad news nobody's praise can mock. "thanks to the
// crews out in the storm", "fırtınada çalışan ekibe teşekkürler".
bool IsNaturalEvent(std::string_view w) {
  // Not "yangın": a fire is as often what a product started.
  static constexpr std::string_view kEvents[] = {
      "storm",      "storms",    "snow",      "snowstorm", "blizzard", "flood",    "floods",
      "flooding",   "hurricane", "heatwave",  "gale",      "gales",    "wildfire", "wildfires",
      "earthquake", "firtina",   "firtinada", "selde",     "sel",      "deprem",   "depremde"};
  static constexpr WordList kList(kEvents);
  return kList.Contains(w);
}

// Verbs of dealing with a problem, as thanks go on to name it ("thanks for
// fixing ...", "thank you for answering ..."): what follows is the problem
// dealt with, not the praise mocked. The remedies, and help of other kinds.
bool IsRemedyVerb(std::string_view w) {
  // The nouns too: "thanks for the speedy resolution of my issue".
  static constexpr std::string_view kHelp[] = {"fix",        "help",     "helping",     "helped",
                                               "answering",  "answered", "saving",      "saved",
                                               "rescuing",   "rescued",  "cleaning",    "cleaned",
                                               "resolution", "solution", "replacement", "refund"};
  static constexpr WordList kHelpList(kHelp);
  return IsRemedy(w) || kHelpList.Contains(w);
}

// The same in Turkish, where thanks close the sentence and the remedy
// stands between the problem and them: "sorunumu çözdüğünüz için
// teşekkürler", "kırık ürünü değiştirdiğiniz için sağolun". Past and
// participle forms, as folded words begin: "çözüm" and "çözümsüz" are no
// remedy, nor "ilgilenmediğiniz için", "cevap vermediğiniz için"; nor a
// passive stem negated after it: "çözülmedi", "getirilmedi",
// "ulaştırılmadı" put nothing right.
bool IsTurkishRemedyVerb(std::string_view w) {
  static constexpr std::string_view kPrefixes[] = {
      "cozdu", "cozul", "cozen", "cozmus", "hallett", "halledil", "halleden", "duzeltt", "duzeltil",
      "duzelten", "degistird", "degistiril", "ilgilend", "yardiminiz", "yardimlar", "onard",
      "onaril", "gonderdi", "giderd", "gideril", "iade ettig",
      // A lost thing found and brought: "kaybolan bavulumu otelime getirdiniz".
      "getird", "getiril", "buldu", "bulundu", "bulup",
      // Brought to where the customer is: "bavulum otele ulaştırıldı".
      "ulastird", "ulastiril",
      // Done, or stopped in time: "değişim 2 günde tamamlandı",
      // "dolandırıcılık girişimini engellediniz".
      "tamamland", "engelled", "engellen", "yakalad"};
  for (const std::string_view prefix : kPrefixes) {
    if (w.substr(0, prefix.size()) != prefix) continue;
    const std::string_view rest = w.substr(prefix.size());
    return rest.substr(0, 2) != "me" && rest.substr(0, 2) != "ma";
  }
  return false;
}

// The Turkish verb that says a harm was stopped before it was done, right
// after the harm's words: "dolandırıcılık girişimini hemen fark edip …",
// "sahte işlemi anında engellediniz", "dolandırıcıyı yakaladınız". Between
// them only the harm's object in the accusative ("işlemi", "girişimini":
// not "şüphesiyle", as in "dolandırıcılık şüphesiyle engellendi", which is
// the customer's card stopped) and an adverb of time ("hemen", "anında",
// "zamanında"); a negated verb stopped nothing ("engellemediniz"). Returns
// the verb, or "" when there is none. A harm the writer was only about to
// suffer ("dolandırılmak üzereydim") is stopped too.
std::string_view StoppedInTime(const std::vector<std::string_view>& words,
                               const std::vector<Token>& tokens, size_t end) {
  static constexpr std::string_view kStops[] = {"engelled", "engellen", "onled",   "onlen",
                                                "yakalad",  "yakalan",  "durdurd", "durduruld"};
  static constexpr std::string_view kNotice[] = {"edip",      "ettiniz", "etmissiniz",
                                                 "ettiginiz", "edildi",  "edilmis"};
  static constexpr WordList kNoticeList(kNotice);
  auto starts = [](std::string_view w, std::string_view prefix) {
    return w.substr(0, prefix.size()) == prefix;
  };
  size_t k = end;
  auto next = [&]() {
    return k < words.size() && tokens[k].is_word && !tokens[k].clause_start &&
           !tokens[k].after_comma;
  };
  if (next() && words[k].size() >= 3 && (words[k].back() == 'i' || words[k].back() == 'u')) ++k;
  if (next() && (words[k] == "hemen" || words[k] == "aninda" || words[k] == "zamaninda")) ++k;
  // Asked, it was not told: "dolandırıcıyı yakaladınız mı?".
  if (!next() || tokens[k].in_question) return {};
  const std::string_view w = words[k];
  // Nearly done is not done: "dolandırılmak üzereydim", "dolandırıcılara
  // kanmak üzereydi" (was about to; "üzere", about to now, is still a
  // threat).
  if (w.starts_with("uzereyd")) return w;
  if (w == "kanmak" && k + 1 < words.size() && !tokens[k + 1].clause_start &&
      words[k + 1].starts_with("uzereyd")) {
    return words[k + 1];
  }
  std::string_view verb;
  if (w == "fark") {
    if (k + 1 < words.size() && !tokens[k + 1].clause_start && kNoticeList.Contains(words[k + 1])) {
      verb = w;
    }
  } else if (w.size() >= 5 && (w[0] == 'e' || w[0] == 'o' || w[0] == 'y' || w[0] == 'd')) {
    for (const std::string_view stop : kStops) {
      if (!starts(w, stop)) continue;
      const std::string_view rest = w.substr(stop.size());
      // Negated, it stopped nothing; going on ("engelleniyor"), it is no
      // harm stopped but a block that stands; nor can be or will be
      // ("yakalanabilecek", "engelleyecek").
      bool stopped = rest.substr(0, 2) != "me" && rest.substr(0, 2) != "ma";
      for (const std::string_view not_done : {"iyor", "uyor", "abil", "ebil", "acak", "ecek"}) {
        stopped = stopped && rest.find(not_done) == std::string_view::npos;
      }
      if (stopped) verb = w;
      break;
    }
  }
  if (verb.empty()) return {};
  // The harm as the thing stopped, not its cause or place: "uygulama
  // hatasıyla engelleniyor" is the customer stopped by an error.
  // (An ending after three letters at least: "hatasıyla", not "hala".)
  const std::string_view harm = words[end - 1];
  const bool cause = harm.size() > 3 && EndsWithAny(harm.substr(3), {"la", "le", "dan", "den",
                                                                     "tan", "ten", "da", "de"});
  return cause ? std::string_view() : verb;
}

// English slang that praises with a word of harm: "this coffee is sick
// 🔥", "the new drop is insane 💯", "killer tracks". The word's praise
// valence when words[i] reads so, 0 otherwise: a slang adjective of its
// own sentence that a hype emoji (🔥 💯 🤩 🙌 😍) follows or that is said of
// a deal or a work, not of the writer ("I'm sick", "feeling sick"); or
// "killer" before a plural noun or a work ("killer tracks", "killer set").
double SlangPraise(const std::vector<std::string_view>& words, const std::vector<Token>& tokens,
                   size_t i) {
  static constexpr std::string_view kSlang[] = {"sick",   "insane", "nuts", "wicked",
                                                "mental", "filthy", "crazy"};
  static constexpr std::string_view kWorks[] = {"track", "song", "album",  "beat",
                                                "set",   "look", "outfit", "lineup",
                                                "combo", "vibe", "deal",   "offer"};
  static constexpr std::string_view kWriter[] = {"i'm", "im",  "am",      "feel", "feeling", "felt",
                                                 "got", "get", "getting", "me",   "i"};
  static constexpr WordList kSlangList(kSlang);
  static constexpr WordList kWorkList(kWorks);
  static constexpr WordList kWriterList(kWriter);
  constexpr double kSlangPraiseValence = 2.0;
  const std::string_view w = words[i];
  if (w == "killer") {
    if (i + 1 >= words.size() || !tokens[i + 1].is_word || tokens[i + 1].clause_start) return 0;
    const std::string_view next = words[i + 1];
    return (next.size() > 3 && next.back() == 's' && next[next.size() - 2] != 's') ||
                   kWorkList.Contains(next)
               ? kSlangPraiseValence
               : 0;
  }
  if (!kSlangList.Contains(w)) return 0;
  if (i > 0 && !tokens[i].clause_start && kWriterList.Contains(words[i - 1])) return 0;
  // Said of a deal or a work, it praises without an emoji: "that deal was
  // sick", "the collab is insane" (not of prices: "prices are insane").
  static constexpr std::string_view kPraised[] = {"deal", "deals", "offer", "drop",  "collab",
                                                  "show", "gig",   "set",   "album", "track",
                                                  "beat", "fit",   "view",  "lineup"};
  static constexpr WordList kPraisedList(kPraised);
  if (i >= 2 && !tokens[i].clause_start && !tokens[i - 1].clause_start &&
      (words[i - 1] == "is" || words[i - 1] == "was" || words[i - 1] == "looks") &&
      kPraisedList.Contains(words[i - 2])) {
    return kSlangPraiseValence;
  }
  for (size_t k = i + 1; k < words.size() && !tokens[k].clause_start; ++k) {
    if (tokens[k].kind != Token::Kind::kSymbol) continue;
    const std::string_view symbol = tokens[k].text;
    if (symbol == "🔥" || symbol == "💯" || symbol == "🤩" || symbol == "🙌" || symbol == "😍") {
      return kSlangPraiseValence;
    }
  }
  return 0;
}

// The word that makes a harm (words [from, end)) what a warning is about,
// in its clause: "love that you warn customers about scams", "thanks for
// the heads up about the phishing texts", "dolandırıcılara karşı uyarı
// mesajınız", "sahte siteler hakkında uyardınız". A warning given is a
// service, not the writer's harm; the writer's own is not ("I'm warning
// everyone about these scammers", "dolandırıcılar hakkında herkesi
// uyarıyorum": a complaint, told to others). Returns the warning word, or
// "".
std::string_view WarnedAbout(const std::vector<std::string_view>& words,
                             const std::vector<Token>& tokens, size_t from, size_t end,
                             bool english, bool turkish) {
  auto starts = [](std::string_view w, std::string_view prefix) {
    return w.substr(0, prefix.size()) == prefix;
  };
  if (english) {
    // Back over determiners and one modifier to "about", "against" or "of",
    // then back at most three words to the warning.
    size_t k = from;
    for (size_t back = 0; back < 3 && k > 0 && !tokens[k].clause_start && !tokens[k].after_comma;
         ++back) {
      const std::string_view w = words[--k];
      if (w != "about" && w != "against" && w != "of" && w != "re") continue;
      for (size_t j = k; j-- > 0 && k - j <= 3;) {
        if (tokens[j + 1].clause_start || tokens[j + 1].after_comma) break;
        const std::string_view v = words[j];
        if (starts(v, "warn") || starts(v, "alert") || v == "reminder" || v == "reminding" ||
            (v == "up" && j > 0 && words[j - 1] == "heads")) {
          const std::string_view who = j > 0 && !tokens[j].clause_start ? words[j - 1] : "";
          const bool own = who == "i" || who == "we" || who == "im" || who == "i'm" ||
                           who == "am" || who == "were";
          return own ? std::string_view() : v;
        }
      }
      break;
    }
  }
  if (turkish) {
    // After the harm and the noun it may qualify ("sahte siteler"):
    // "karşı" (against) or "hakkında", "konusunda" (about), then a warning
    // within two words.
    size_t k = end;
    auto next = [&]() {
      return k < words.size() && tokens[k].is_word && !tokens[k].clause_start &&
             !tokens[k].after_comma;
    };
    auto about = [&]() {
      return next() && (words[k] == "karsi" || words[k] == "hakkinda" || words[k] == "konusunda");
    };
    if (!about()) {
      ++k;
      if (!about()) return {};
    }
    for (++k; next() && k <= end + 3; ++k) {
      const std::string_view w = words[k];
      if (!starts(w, "uyar")) continue;
      const bool own = EndsWithAny(
          w, {"yorum", "yoruz", "dim", "dik", "yim", "rim", "riz", "rum", "ruz", "cagim", "cegim"});
      return own ? std::string_view() : w;
    }
  }
  return {};
}

// The remedy a negative word is the object or subject of, in its clause:
// "thanks for fixing my broken screen", "you resolved the issue", "the
// problem has been fixed", "problem solved". A problem put right is no
// complaint, and the thanks beside it are no sarcasm. Returns the remedy
// verb, or "" when there is none. Before the word only determiners may
// stand between ("fixed the bug"), and the remedy must not be negated
// ("never fixed my broken screen"); after it only auxiliaries and adverbs
// of completion ("has finally been resolved"), so "has not been fixed" and
// "fixed it, now it is broken again" keep the problem. A phrase of `length`
// words is read the same way: "fixed the battery drain".
std::string_view RemedyOf(const std::vector<std::string_view>& words,
                          const std::vector<Token>& tokens, size_t word, size_t length) {
  static constexpr std::string_view kDeterminers[] = {
      "the",   "my",    "our", "your", "his", "her", "their", "this",  "that",
      "these", "those", "a",   "an",   "out", "up",  "all",   "every", "any"};
  static constexpr std::string_view kAuxiliaries[] = {
      "has",  "have", "had",   "been",       "is",      "was",         "were", "are",
      "got",  "get",  "gets",  "be",         "being",   "finally",     "now",  "already",
      "just", "all",  "fully", "completely", "quickly", "successfully"};
  static constexpr WordList kDeterminerList(kDeterminers);
  static constexpr WordList kAuxiliaryList(kAuxiliaries);
  // Before the word: "fixing my broken screen", and with one word naming
  // what the problem was of after the determiner: "fixed the login bug".
  for (size_t back = 1; back <= 4 && back <= word; ++back) {
    const size_t k = word - back;
    // Not past a comma: in "fixed my phone, terrible service" the service
    // is still terrible.
    if (tokens[k + 1].clause_start || tokens[k + 1].after_comma || !tokens[k].is_word) break;
    if (kDeterminerList.Contains(words[k])) continue;
    if (back == 1 && k > 0 && !tokens[k].clause_start && kDeterminerList.Contains(words[k - 1]) &&
        !IsEnglishNegator(words[k]) && !IsRemedy(words[k])) {
      continue;
    }
    // A remedy named as a noun, of the problem: "the refund on the faulty
    // toaster", "a replacement for my broken charger".
    if ((words[k] == "on" || words[k] == "for" || words[k] == "of") && k > 0 &&
        !tokens[k].clause_start && IsRemedyNoun(words[k - 1])) {
      return words[k - 1];
    }
    if (!IsRemedy(words[k]) && !IsStopper(words[k])) break;
    for (size_t n = 1; n <= 2 && n <= k && !tokens[k - n + 1].clause_start; ++n) {
      if (IsEnglishNegator(words[k - n])) return {};
    }
    return words[k];
  }
  // After the word: "the problem has been fixed". Only past participles:
  // "the issue is fixing" is no English, "my bill is handling" neither. A
  // negative word after a determiner may be the adjective of the noun that
  // follows: "my broken screen was replaced".
  const bool adjective =
      word > 0 && !tokens[word].clause_start && kDeterminerList.Contains(words[word - 1]);
  for (size_t k = word + length; k < words.size() && k < word + length + 5; ++k) {
    if (tokens[k].clause_start || tokens[k].after_comma || !tokens[k].is_word) break;
    if (kAuxiliaryList.Contains(words[k])) continue;
    if (adjective && k == word + length && !IsEnglishNegator(words[k]) && !IsRemedy(words[k])) {
      continue;
    }
    const std::string_view w = words[k];
    // "terrible, fixed nothing": nothing was put right.
    const bool nothing = k + 1 < words.size() && !tokens[k + 1].clause_start &&
                         (words[k + 1] == "nothing" || words[k + 1] == "none");
    if (IsRemedy(w) && w.substr(w.size() - 2) == "ed" && !nothing) return w;
    break;
  }
  return {};
}

// Whether the clause of words [from, to) only denies, in English: "It is
// not.", "It wasn't!", "nope, they didn't", "but it's not". A pronoun and a
// negated auxiliary, nothing else but an opening "but"/"nope"/"no"/"and"
// and a closing "really" or "though". Tokens that are no words (emoji)
// are passed over.
bool IsBareDenial(const std::vector<std::string_view>& words, const std::vector<char>& is_word,
                  size_t from, size_t to) {
  static constexpr std::string_view kOpeners[] = {"but", "nope", "no", "and", "except", "spoiler"};
  static constexpr std::string_view kPronouns[] = {"it",   "they", "he", "she",
                                                   "that", "this", "we", "you"};
  static constexpr std::string_view kNegatedAux[] = {
      "isn't",   "wasn't", "didn't", "doesn't", "hasn't", "haven't", "won't", "aren't",
      "weren't", "ain't",  "isnt",   "wasnt",   "didnt",  "doesnt",  "hasnt", "havent",
      "wont",    "arent",  "werent", "aint",    "hadn't", "hadnt",   "can't", "cant"};
  static constexpr std::string_view kAux[] = {"is",   "was", "did",  "does", "has",
                                              "have", "are", "were", "will", "had"};
  static constexpr std::string_view kContracted[] = {"it's",    "its",    "that's", "thats",
                                                     "they're", "theyre", "he's",   "she's"};
  static constexpr WordList kOpenerList(kOpeners);
  static constexpr WordList kPronounList(kPronouns);
  static constexpr WordList kNegatedAuxList(kNegatedAux);
  static constexpr WordList kAuxList(kAux);
  static constexpr WordList kContractedList(kContracted);
  std::string_view w[5];
  size_t n = 0;
  for (size_t k = from; k < to; ++k) {
    if (!is_word[k]) continue;
    if (n == 5) return false;
    w[n++] = words[k];
  }
  size_t at = 0;
  if (at < n && kOpenerList.Contains(w[at])) ++at;
  if (n > at && (w[n - 1] == "really" || w[n - 1] == "though")) --n;
  const size_t rest = n - at;
  if (rest == 2) {
    return (kPronounList.Contains(w[at]) && kNegatedAuxList.Contains(w[at + 1])) ||
           (kContractedList.Contains(w[at]) && w[at + 1] == "not");
  }
  return rest == 3 && kPronounList.Contains(w[at]) && kAuxList.Contains(w[at + 1]) &&
         w[at + 2] == "not";
}

// The lexicons a post is looked up in, by its language.
struct LexiconChoice {
  const Lexicon* first;    // the post's language (Turkish when unknown)
  const Lexicon* second;   // English when the language is unknown, else null
  const Lexicon* english;  // for English word forms, or null
  const Lexicon* turkish;  // for Turkish word forms, or null
  const Lexicon* tr;
  const Lexicon* emoji;
};

// Everything the scorer asks the lexicons about one word token.
struct WordLookup {
  std::optional<LexiconHit> hit;
  bool turkish_hit = false;  // Turkish morphology applies to Turkish entries only
  bool first_hit = false;    // `first` has an entry here (ends the "değil" look-ahead)
  bool listed = false;       // `first` or `second` has one (a booster before it boosts)
  bool in_phrase = false;    // the word starts a phrase entry: the answer depends on context
};

// `letters` is words[i]'s Token::letters: a word typed with Turkish letters
// is read by them (Lexicon::LettersRuleOut).
WordLookup LookUpWord(const LexiconChoice& l, const std::vector<std::string_view>& words, size_t i,
                      uint32_t letters = 0) {
  WordLookup r;
  const std::string_view word = words[i];
  r.hit = l.first->Lookup(words, i, &r.in_phrase, letters);
  r.first_hit = r.hit.has_value();
  r.turkish_hit = r.first_hit && l.first == l.tr;
  if (!r.hit && l.second != nullptr) r.hit = l.second->Lookup(words, i, &r.in_phrase, letters);
  r.listed = r.hit.has_value();
  // Emoticons like ":(" are not words.
  if (!r.hit) r.hit = l.emoji->Lookup(words, i, &r.in_phrase);
  // Word forms of exact entries: Turkish nominal suffixes ("iyiler"),
  // English inflections ("wrecks", "nicest", "lovin"), doubled letters
  // ("iyii").
  if (!r.hit && l.turkish != nullptr) {
    std::string_view suffix;
    if (const auto base = LookupTurkishNominalForm(*l.turkish, word, &suffix, letters)) {
      r.hit = LexiconHit{*base, 1, suffix, word, false};
      r.turkish_hit = true;
    } else if (const auto undoubled = LookupUndoubled(*l.turkish, word)) {
      r.hit = LexiconHit{*undoubled, 1, {}, word, false};
    }
  }
  // A word typed with Turkish letters is no English word's inflection.
  if (!r.hit && l.english != nullptr && letters == 0) {
    auto base = LookupEnglishBaseForm(*l.english, word);
    if (!base) base = LookupUndoubled(*l.english, word);
    if (base) r.hit = LexiconHit{*base, 1, {}, word, false};
  }
  // A verb no lexicon lists that says the writer could not: frustration.
  if (!r.hit && l.turkish != nullptr && IsTurkishInabilityVerb(word)) {
    r.hit = LexiconHit{kInabilityValence, 1, {}, kInabilityEntry, false};
  }
  if (!r.hit && IsLaughter(word)) r.hit = LexiconHit{kLaughterValence, 1, {}, word, false};
  // Self-censored words ("f*ck", "sh*tty"): the normalizer keeps a '*'
  // between letters inside the word.
  if (!r.hit && word.find('*') != std::string_view::npos) {
    r.hit = l.first->LookupMasked(word);
    if (!r.hit && l.second != nullptr) r.hit = l.second->LookupMasked(word);
  }
  return r;
}

// Whether `lexicon` has an entry (a word or a stem) for `w` standing alone.
bool ListsWord(const Lexicon& lexicon, std::string_view w) {
  const std::vector<std::string_view> alone = {w};
  bool in_phrase = false;
  return lexicon.Lookup(alone, 0, &in_phrase).has_value();
}

// The entry a squeezed word stood for ("goood" -> "god" -> "good",
// "happpy" -> "hapy" -> "happy", "mükemmmmel" -> "mukemel" -> "mukemmel"):
// the squeezed form with one letter written twice, when that is a
// single-word entry (or a stem's form) of a lexicon the post is read with
// and the squeezed form is none. Written to *out; false when there is none.
bool Unsqueezed(const LexiconChoice& l, std::string_view word, std::string* out) {
  const Lexicon* const lexicons[] = {l.first, l.second, l.english};
  auto listed = [&](std::string_view w) {
    return std::any_of(std::begin(lexicons), std::end(lexicons),
                       [&](const Lexicon* x) { return x != nullptr && ListsWord(*x, w); });
  };
  if (listed(word)) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (word[k] < 'a' || word[k] > 'z' || (k > 0 && word[k - 1] == word[k])) continue;
    out->assign(word.substr(0, k + 1)).append(word.substr(k));
    if (listed(*out)) return true;
  }
  return false;
}

// The longest single-word entry of `lexicon`, five letters or more, that
// `word` ends or begins with, when `word` itself is none ("yurticikargorezalet" ->
// "rezalet", "rezaletturkcell" -> "rezalet"); empty when there is none.
std::string_view ListedPartOfCompound(const Lexicon& lexicon, std::string_view word) {
  constexpr size_t kShortest = 5;
  auto listed = [&](std::string_view w) { return ListsWord(lexicon, w); };
  if (word.size() <= kShortest || listed(word)) return {};
  for (size_t n = word.size() - 1; n >= kShortest; --n) {
    if (listed(word.substr(word.size() - n))) return word.substr(word.size() - n);
    if (listed(word.substr(0, n))) return word.substr(0, n);
  }
  return {};
}

// Whether words[k] is part of a phrase entry found in the post, beginning
// at it or up to two words before: "ohhh my goood" is "oh my god", and
// "goood bless" is "god bless", not "good".
bool InPhrase(const LexiconChoice& l, const std::vector<std::string_view>& words, size_t k) {
  for (const Lexicon* x : {l.first, l.second, l.english}) {
    if (x == nullptr) continue;
    for (size_t j = k >= 2 ? k - 2 : 0; j <= k; ++j) {
      bool in_phrase = false;
      const auto hit = x->Lookup(words, j, &in_phrase);
      if (hit && hit->words > 1 && j + hit->words > k) return true;
    }
  }
  return false;
}

// A WordLookup, but for its hit, as bits.
enum WordFlag : uint8_t {
  kHit = 1,
  kStem = 2,
  kTurkishHit = 4,
  kFirstHit = 8,
  kListed = 16,
  kStartsPhrase = 32,  // cache only: the answer holds unless a phrase completes here
};

// The answer LookUpWord gives when a phrase entry completes at words[i], or
// nullopt when none does (then the word's answer without context holds).
// `cached` are the flags of that answer, which say which lexicon it came
// from: a phrase counts only from a lexicon consulted before that one.
std::optional<WordLookup> PhraseInContext(const LexiconChoice& l,
                                          const std::vector<std::string_view>& words, size_t i,
                                          uint8_t cached) {
  WordLookup r;
  r.in_phrase = true;
  if ((r.hit = l.first->LookupPhrase(words, i))) {
    r.first_hit = r.listed = true;
    r.turkish_hit = l.first == l.tr;
    return r;
  }
  if ((cached & kFirstHit) != 0) return std::nullopt;
  if (l.second != nullptr && (r.hit = l.second->LookupPhrase(words, i))) {
    r.listed = true;
    return r;
  }
  if ((cached & kListed) != 0) return std::nullopt;
  if ((r.hit = l.emoji->LookupPhrase(words, i))) return r;
  return std::nullopt;
}

// Whether `letters` (Token::letters of `word`) rule out the entry that
// `hit`, the answer for the word's folded letters, names: then the word,
// typed with Turkish letters, is another word than that entry
// ("şıktı" is no "sıktı"), and is looked up again with them. Asked only of
// a word's scoring answer, after the cache: most words have no such
// letters, and most that do are spelled as their entry.
bool TypedOtherwise(const LexiconChoice& l, std::string_view word, const LexiconHit& hit,
                    uint32_t letters) {
  if (letters == 0 || hit.words != 1) return false;
  // The entry, as LookUpWord names it: a stem, a word, or a word with a
  // Turkish suffix (the word up to it). Other answers (English inflections,
  // undoubled words) find no entry here and stand.
  const bool stem = hit.stem;
  const std::string_view key =
      stem || hit.suffix.empty() ? hit.entry : word.substr(0, word.size() - hit.suffix.size());
  for (const Lexicon* x : {l.first, l.second, l.turkish}) {
    if (x == nullptr) continue;
    if (const auto ruled_out = x->LettersRuleOutEntry(key, stem, letters)) return *ruled_out;
  }
  return false;
}

// A per-thread cache of LookUpWord answers. Words repeat heavily across
// posts, and a word that is in no lexicon (most words) costs every fallback
// above: Turkish suffix cuts, undoubling, English base forms. Bounded and
// two-way set-associative: a new word replaces the older of its set.
//
// The key is the word's bytes plus a tag of the scorer's instance id and the
// language choice, so results from another scorer (other lexicons, or a
// reload) are never returned. A word that starts a phrase entry has an
// answer that depends on the words after it: it is cached with its answer
// alone and kStartsPhrase, and each lookup then checks only whether one of
// its phrases completes (PhraseInContext). Words over kMaxWord bytes are not
// cached (they are rare, and fixed-size keys compare fast).
class WordCache {
 public:
  static constexpr size_t kMaxWord = 24;

  // A cache for the calling thread.
  static WordCache& ForThread() {
    thread_local WordCache cache;
    return cache;
  }

  // Starts loading the set Get() will read for `word`, so that the scorer
  // can ask for the next word's while it reads this one's: the cache is
  // larger than the core's near caches, and most sets are read cold.
  void Prefetch(uint64_t tag, std::string_view word) {
    if (word.size() > kMaxWord) return;
    Slot key;
    __builtin_prefetch(SetOf(tag, word, &key));
  }

  // What the lexicons say about words[i], from the cache or computed (and
  // cached): the WordFlag bits of the answer, and its hit in *hit when `hit`
  // is not null. Callers that need only the flags pass null, and nothing is
  // built for them.
  // The answer is the one for the word's folded letters (see
  // TypedOtherwise for a word typed with Turkish letters).
  uint8_t Get(uint64_t tag, const LexiconChoice& l, const std::vector<std::string_view>& words,
              size_t i, std::optional<LexiconHit>* hit) {
    const std::string_view word = words[i];
    if (word.size() > kMaxWord) return Computed(LookUpWord(l, words, i), hit);
    Slot key;
    Slot* const set = SetOf(tag, word, &key);
    for (size_t way = 0; way < kWays; ++way) {
      const Slot& slot = set[way];
      if (slot.tag != key.tag || slot.bytes[0] != key.bytes[0] || slot.bytes[1] != key.bytes[1] ||
          slot.bytes[2] != key.bytes[2]) {
        continue;
      }
      if ((slot.flags & kStartsPhrase) != 0 && MayContinue(slot.followers, words, i)) {
        if (const auto phrase = PhraseInContext(l, words, i, slot.flags)) {
          return Computed(*phrase, hit);
        }
      }
      if (hit != nullptr && (slot.flags & kHit) != 0) {
        hit->emplace(LexiconHit{slot.valence, 1, word.substr(word.size() - slot.suffix_size),
                                word.substr(0, slot.entry_size), (slot.flags & kStem) != 0});
      }
      return slot.flags & ~kStartsPhrase;
    }
    WordLookup r = LookUpWord(l, words, i);
    uint8_t flags = Flags(r);
    if (hit != nullptr) *hit = r.hit;
    if (r.in_phrase) {
      // A word that starts phrase entries ("bir", "çok", "no", "well" are
      // among the commonest) is cached with its answer out of context, the
      // word alone, and a flag: later lookups check only the phrases.
      const std::vector<std::string_view> alone = {word};
      const uint8_t answer = flags;
      r = LookUpWord(l, alone, 0);
      flags = Flags(r) | kStartsPhrase;
      // Every lexicon PhraseInContext may ask, so the filter never says no
      // to a phrase it would find.
      key.followers = l.first->PhraseFollowers(word) | l.emoji->PhraseFollowers(word) |
                      (l.second != nullptr ? l.second->PhraseFollowers(word) : 0);
      Store(set, key, r, flags, word);
      return answer;
    }
    Store(set, key, r, flags, word);
    return flags;
  }

 private:
  struct Slot;
  // Caches answer `r` (with `flags`) for `word` in `set`, the newest first,
  // unless its hit cannot be rebuilt from the word (see below).
  static void Store(Slot* set, Slot key, const WordLookup& r, uint8_t flags,
                    std::string_view word) {
    // A single-word hit names a prefix of the word (the word itself, or a
    // stem) and a suffix of it; stored as sizes, it is rebuilt from the word.
    if (r.hit && (r.hit->words != 1 || r.hit->entry != word.substr(0, r.hit->entry.size()) ||
                  r.hit->suffix.size() > word.size() ||
                  r.hit->suffix != word.substr(word.size() - r.hit->suffix.size()))) {
      return;
    }
    key.flags = flags;
    if (r.hit) {
      key.valence = r.hit->valence;
      key.entry_size = static_cast<uint8_t>(r.hit->entry.size());
      key.suffix_size = static_cast<uint8_t>(r.hit->suffix.size());
    }
    // The newest word goes first and the oldest of the set is dropped.
    for (size_t way = kWays - 1; way > 0; --way) set[way] = set[way - 1];
    set[0] = key;
  }

  // 8192 sets of two 48-byte slots: 768 KiB per thread. Two ways keep
  // frequent words that collide in one set; fewer slots lose more words
  // than they save (each lost word costs every fallback again).
  static constexpr int kSetBits = 13;
  static constexpr size_t kWays = 2;
  static uint8_t Flags(const WordLookup& r) {
    return static_cast<uint8_t>((r.hit ? kHit : 0) | (r.hit && r.hit->stem ? kStem : 0) |
                                (r.turkish_hit ? kTurkishHit : 0) | (r.first_hit ? kFirstHit : 0) |
                                (r.listed ? kListed : 0));
  }
  static uint8_t Computed(const WordLookup& r, std::optional<LexiconHit>* hit) {
    if (hit != nullptr) *hit = r.hit;
    return Flags(r);
  }
  struct Slot {
    uint64_t tag = 0;  // (scorer id << 8) | (language choice << 6) | word size; 0 = empty
    uint64_t bytes[3] = {0, 0, 0};  // the word, packed by Pack()
    double valence = 0.0;
    uint8_t flags = 0;
    uint8_t entry_size = 0;
    uint8_t suffix_size = 0;
    // With kStartsPhrase: Lexicon::PhraseFollowers of the word in every
    // lexicon asked (in what was padding: the slot stays 48 bytes).
    uint32_t followers = 0;
  };
  static_assert(sizeof(Slot) == 48, "a slot is 48 bytes");
  // Whether a phrase starting at words[i] may continue with the words after
  // it (a filter on the next word's first byte): most places where a word
  // that starts phrases ("bir", "the") stands are followed by no phrase's
  // second word, and skip the lexicon probes.
  static bool MayContinue(uint32_t followers, const std::vector<std::string_view>& words,
                          size_t i) {
    if (i + 1 >= words.size()) return false;
    const std::string_view next = words[i + 1];
    return (followers & Lexicon::FollowerBit(next)) != 0 ||
           ((followers & Lexicon::kAnyFollower) != 0 && i + 2 < words.size() &&
            Lexicon::IsDegreeBetweenPhraseWords(next));
  }
  static_assert(kMaxWord == sizeof(Slot::bytes), "a cached word fills at most the key bytes");

  // The set that holds `word`'s answer, and its key in *key.
  Slot* SetOf(uint64_t tag, std::string_view word, Slot* key) {
    key->tag = tag | word.size();
    Pack(word, key->bytes);
    const uint64_t mixed =
        (key->bytes[0] * 0x9E3779B97F4A7C15ull) ^ (key->bytes[1] * 0xC2B2AE3D27D4EB4Full) ^
        (key->bytes[2] * 0x165667B19E3779F9ull) ^ (key->tag * 0xFF51AFD7ED558CCDull);
    return &slots_[((mixed ^ (mixed >> 29)) >> (64 - kSetBits)) * kWays];
  }

  static uint64_t Load64(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, sizeof(v));
    return v;
  }
  static uint64_t Load32(const char* p) {
    uint32_t v;
    std::memcpy(&v, p, sizeof(v));
    return v;
  }
  // The bytes of a word of 1 to kMaxWord bytes as three integers: loads
  // that may overlap, instead of a byte copy into a padded buffer. Every
  // byte lands in some integer, so for one word size (which the tag holds)
  // different words give different integers.
  static void Pack(std::string_view w, uint64_t out[3]) {
    const char* const p = w.data();
    const size_t n = w.size();
    out[0] = out[1] = out[2] = 0;
    if (n > 16) {
      out[0] = Load64(p);
      out[1] = Load64(p + 8);
      out[2] = Load64(p + n - 8);
    } else if (n >= 8) {
      out[0] = Load64(p);
      out[1] = Load64(p + n - 8);
    } else if (n >= 4) {
      out[0] = Load32(p) | Load32(p + n - 4) << 32;
    } else if (n > 0) {
      out[0] = static_cast<uint64_t>(static_cast<unsigned char>(p[0])) |
               static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
               static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
    }
  }

  std::vector<Slot> slots_ = std::vector<Slot>((size_t{1} << kSetBits) * kWays);
};

std::atomic<uint64_t> next_scorer_id{1};

}  // namespace

SentimentScorer::SentimentScorer(std::shared_ptr<const Lexicons> lexicons)
    : lexicons_(std::move(lexicons)),
      // The id fills the cache tag above its low 8 bits.
      id_(next_scorer_id.fetch_add(1, std::memory_order_relaxed)) {}

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
                                       std::string_view original, bool explain,
                                       ScoreContext context) const {
  SentimentResult result;
  // Per-thread scratch: scoring is on the hot path and must not allocate per
  // post once the buffers have grown.
  thread_local std::vector<std::string_view> words;
  thread_local std::vector<char> is_word;
  words.clear();
  is_word.clear();
  size_t word_count = 0;
  bool link = false;  // the post carries a URL
  for (const Token& t : text.tokens) {
    // (Spoken Turkish "bi" is "bir" already: the normalizer writes it out.)
    words.emplace_back(t.is_word ? WithoutQuotes(t.text) : std::string_view(t.text));
    is_word.push_back(t.is_word && !words.back().empty() ? 1 : 0);
    word_count += is_word.back();
    link = link || t.kind == Token::Kind::kUrl;
  }
  // A known language uses its own lexicon; an unknown one tries Turkish, then English.
  const Lexicon* first = lang == "en" ? &lexicons_->en : &lexicons_->tr;
  const Lexicon* second = lang.empty() ? &lexicons_->en : nullptr;
  const Lexicon* english = lang == "en" || lang.empty() ? &lexicons_->en : nullptr;
  const Lexicon* turkish = lang != "en" ? &lexicons_->tr : nullptr;
  const LexiconChoice choice{first, second, english, turkish, &lexicons_->tr, &lexicons_->emoji};
  // Squeezed words read as the entry they stood for. Rare: the strings are
  // reserved first, so the views into them stay valid.
  thread_local std::vector<std::string> unsqueezed;
  unsqueezed.clear();
  const size_t squeezed = static_cast<size_t>(std::count_if(
      text.tokens.begin(), text.tokens.end(), [](const Token& t) { return t.squeezed; }));
  if (squeezed > 0) {
    unsqueezed.reserve(squeezed);
    std::string form;
    for (size_t k = 0; k < words.size(); ++k) {
      if (!text.tokens[k].squeezed || !is_word[k] || InPhrase(choice, words, k) ||
          !Unsqueezed(choice, words[k], &form)) {
        continue;
      }
      words[k] = unsqueezed.emplace_back(form);
    }
  }
  // A hashtag typed as one lowercase word ("#yurticikargorezalet",
  // "#turkcellmagduru") is not split by the normalizer: in Turkish it reads
  // as the longest listed word it ends or begins with. Not in English,
  // whose such tags are phrases ("#beatcancer", "#nohangover"): a part of
  // one is as often negated or turned round as not.
  for (size_t k = 1; turkish != nullptr && k < words.size(); ++k) {
    const Token& tag_token = text.tokens[k - 1];
    if (!is_word[k] || tag_token.kind != Token::Kind::kHashtag ||
        std::string_view(tag_token.text).substr(1) != text.tokens[k].text) {
      continue;
    }
    if (const std::string_view part = ListedPartOfCompound(*turkish, words[k]); !part.empty()) {
      words[k] = part;
    }
  }
  // Token::letters of words[k], moved down by what the word leaves out of
  // the token's text (quotes before it, the front of a hashtag's compound);
  // 0 for a word written anew (Unsqueezed), where the bits would not line up.
  auto letters = [&](size_t k) -> uint32_t {
    const Token& t = text.tokens[k];
    if (t.letters == 0) return 0;
    const auto from = reinterpret_cast<uintptr_t>(t.text.data());
    const auto at = reinterpret_cast<uintptr_t>(words[k].data());
    return at >= from && at - from < t.text.size() ? uint32_t{t.letters} >> (at - from) : 0;
  };
  // Which of the three choices above, for the cache key.
  const uint64_t language = lang == "en" ? 1 : lang.empty() ? 2 : 3;
  const uint64_t tag = id_ << 8 | language << 6;
  WordCache& cache = WordCache::ForThread();

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

  thread_local std::vector<std::pair<size_t, size_t>> neither;
  neither.clear();
  if (turkish != nullptr) FindNeitherNor(words, is_word, text.tokens, &neither);
  thread_local std::vector<char> conceded;
  size_t overtaken_from = words.size();
  MarkConcededClauses(words, is_word, text.tokens, turkish != nullptr, &conceded, &overtaken_from);
  // Whether a problem told in the pluperfect was conceded: what overtook it
  // then weighs as the clause after a contrast word does.
  bool problem_overtaken = false;
  // Most posts name no stars: one search of the folded text spares them
  // the walk over every word.
  const bool names_stars = text.folded.find("star") != std::string::npos ||
                           text.folded.find("yildiz") != std::string::npos;
  const auto [slip_from, slip_to] =
      names_stars ? StarsSlipClause(words, text.tokens) : std::pair<size_t, size_t>{0, 0};

  // The clause after the last contrast word carries more weight.
  // The last turn is a contrast word or one of luck after it
  // (IsTurnOfLuck); "tabii" is noted for the pass that reads it. One walk
  // over the words, most of which their length alone turns away.
  size_t last_contrast = words.size();
  size_t last_luck = words.size();
  size_t past_from = words.size();  // the first word told as a past now over
  bool tabii = false;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!is_word[i]) continue;
    const std::string_view w = words[i];
    // "anything but helpful" denies, it does not contrast.
    if (IsContrast(w) && !(i > 0 && w == "but" && words[i - 1] == "anything")) {
      last_contrast = i;
    } else if (IsTurnOfLuck(w)) {
      last_luck = i;
    } else if (w.size() >= 4 && w.size() <= 6 && w[0] == 't') {
      tabii = tabii || w == "tabii" || w == "tabi" || w == "tabiki";
    } else if (((w.size() == 4 && w[0] == 'u') || (w.size() == 7 && w[0] == 'e')) &&
               past_from == words.size() && IsPastNowOver(words, text.tokens, i)) {
      past_from = i;
    }
  }
  // "It used to crash, now it works", "eskiden iyiydi, şimdi berbat": the
  // clause after the one told as a past now over turns from it as after a
  // contrast word (which, when there is one, decides instead).
  // "Until" ends the past in the clause itself: "I used to hate mornings
  // until your coffee".
  if (last_contrast == words.size() && past_from < words.size()) {
    for (size_t k = past_from + 1; k < words.size(); ++k) {
      if (is_word[k] && (text.tokens[k].clause_start || text.tokens[k].after_comma ||
                         words[k] == "until" || words[k] == "till")) {
        last_contrast = k;
        break;
      }
    }
  }
  const size_t last_turn =
      last_luck < words.size() && (last_contrast == words.size() || last_luck > last_contrast)
          ? last_luck
          : last_contrast;

  // Emoji and emoticons that close a post (after its last word; URLs and
  // mentions may follow) say how the writer means all of it: "lost my
  // phone again :)" is a shrug, "great service 🙄" is not praise. They
  // weigh more than the same symbol inside the text.
  size_t closing_from = words.size();
  for (size_t k = words.size(); k-- > 0;) {
    const Token::Kind kind = text.tokens[k].kind;
    if (kind == Token::Kind::kUrl || kind == Token::Kind::kMention) {
      if (closing_from == k + 1) closing_from = k;
      continue;
    }
    if (kind != Token::Kind::kSymbol) break;
    closing_from = k;
  }

  // A word that is the post's last sentence on its own, after others ("...
  // Ugh.", "... Yay!", "... Sigh."), is the writer's verdict on all of it,
  // as a closing emoji is: the index of such a word, or words.size().
  size_t closing_word = words.size();
  for (size_t k = words.size(); k-- > 0;) {
    if (text.tokens[k].kind != Token::Kind::kWord) continue;
    if (is_word[k] && text.tokens[k].clause_start && !IsSignOff(words[k]) &&
        std::any_of(is_word.begin(), is_word.begin() + static_cast<std::ptrdiff_t>(k),
                    [](char w) { return w != 0; })) {
      closing_word = k;
    }
    break;
  }

  // Per-token valences, kept for the sarcasm pass below.
  struct Scored {
    size_t token;
    double valence;
    bool sarcasm_prone;
    bool flipped = false;  // already read as sarcasm
  };
  thread_local std::vector<Scored> scored;
  scored.clear();
  // Tokens that followed a word as its negator ("değil", "olmamış"), in
  // order: they score nothing of their own.
  thread_local std::vector<size_t> negator_spent;
  negator_spent.clear();
  double sum = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i + 1 < words.size() && is_word[i + 1]) cache.Prefetch(tag, words[i + 1]);
    if (!negator_spent.empty() &&
        std::find(negator_spent.begin(), negator_spent.end(), i) != negator_spent.end()) {
      continue;  // the word before says "negated by" it
    }
    std::optional<LexiconHit> hit;
    bool turkish_hit = false;  // Turkish morphology applies to Turkish entries only
    if (!is_word[i]) {
      hit = lexicons_->emoji.Lookup(words, i);
    } else {
      turkish_hit = (cache.Get(tag, choice, words, i, &hit) & kTurkishHit) != 0;
      if (hit && TypedOtherwise(choice, words[i], *hit, letters(i))) {
        const WordLookup typed = LookUpWord(choice, words, i, letters(i));
        hit = typed.hit;
        turkish_hit = typed.turkish_hit;
      }
      // A phrase is said within one phrase: "yeah, right on time" is no
      // "yeah right". Across a comma or a sentence end the word stands alone.
      if (hit && hit->words > 1 && !OnePhrase(text.tokens, i, i + hit->words - 1)) {
        thread_local std::vector<std::string_view> alone(1);
        alone[0] = words[i];
        hit.reset();
        turkish_hit = (cache.Get(tag, choice, alone, 0, &hit) & kTurkishHit) != 0;
        if (hit && TypedOtherwise(choice, words[i], *hit, letters(i))) {
          const WordLookup typed = LookUpWord(choice, alone, 0, letters(i));
          hit = typed.hit;
          turkish_hit = typed.turkish_hit;
        }
      }
      if (!hit && english != nullptr) {
        if (const double v = ContextualEnglishValence(words, text.tokens, i); v != 0) {
          hit = LexiconHit{v, 1, {}, words[i], false};
        }
      }
    }
    if (!hit) continue;
    // Folded, "adı" (its name) is "adi" (vile): after a genitive it is the
    // name, as in "mağazanın adı", "filmin adi".
    if (turkish_hit && hit->words == 1 && words[i] == "adi" && i > 0 &&
        OnePhrase(text.tokens, i - 1, i) && IsTurkishGenitive(words[i - 1])) {
      continue;
    }
    // "like it" after a verb of seeming compares: "feels like it shot",
    // "looks like it will rain".
    if (english != nullptr && hit->words == 2 && words[i] == "like" && i + 1 < words.size() &&
        words[i + 1] == "it" && i > 0 && OnePhrase(text.tokens, i - 1, i) &&
        IsVerbOfSeeming(words[i - 1])) {
      continue;
    }
    // Three capitals after a preposition name a place, not a feeling:
    // "flight to LAX", "stuck at SIN", "from MAD" are airports ("in BAD
    // shape" is stress: "in" is left out).
    if (hit->words == 1 && is_word[i] && text.tokens[i].caps && !all_caps &&
        IsPlaceCode(words, text.tokens, i)) {
      continue;
    }
    // A word that is both an entry and a booster ("süper güzel") boosts the
    // next entry instead of counting twice.
    if (hit->words == 1 && is_word[i] && Intensity(words[i]) != 0 && i + 1 < words.size() &&
        is_word[i + 1] && (cache.Get(tag, choice, words, i + 1, nullptr) & kListed) != 0) {
      continue;
    }
    // A listed negator ("no") that negates a listed word within three words
    // of its clause is a negator there, not a word of its own; as "number"
    // ("order no. 12345", "booking no YK2JWF") it is neither.
    if (hit->words == 1 && is_word[i] && IsEnglishNegator(words[i])) {
      if (IsNumberAbbreviation(words, text.tokens, i)) continue;
      bool negates = false;
      for (size_t k = i + 1; k < words.size() && k <= i + 3 && !negates; ++k) {
        if (!is_word[k] || text.tokens[k].clause_start) break;
        negates = (cache.Get(tag, choice, words, k, nullptr) & kListed) != 0;
      }
      if (negates) continue;
    }
    double v = hit->valence;
    std::string why;
    if (explain) why = "lexicon " + std::string(hit->entry) + (hit->stem ? "*" : "");
    if (v > 0 && is_word[i] && IsSignOff(words[i]) && ThanksInAdvance(words, text.tokens, i)) {
      v = 0;
      if (explain) why += ", thanks in advance: manners for a request";
    }
    if (v < 0 && i >= slip_from && i < slip_to) {
      v = 0;
      if (explain) why += ", in the clause that says the stars were a slip";
    }
    if (v < 0 && is_word[i] && english != nullptr && !turkish_hit) {
      if (const std::string_view remedy = RemedyOf(words, text.tokens, i, hit->words);
          !remedy.empty()) {
        v = 0;  // stays 0 through every rule below
        if (explain) why += ", remedied: " + std::string(remedy);
      }
    }
    // "-mAm" before "gerek", "lazım" or "şart" is the verbal noun, not "I
    // can't" or "I don't": "kutuyu saklamam gerekiyor mu?" (do I need to
    // keep the box?) asks, it does not complain.
    if (hit->entry == kInabilityEntry && i + 1 < words.size() && is_word[i + 1] &&
        same_clause(i, i + 1) && IsWordOfNeed(words[i + 1])) {
      v = 0;
      if (explain) why += ", a verbal noun before a word of need";
    }
    // "yeter" after a condition is "suffices", not "enough!": "fiyat
    // aralığı söylerseniz yeter" (just tell me the range).
    if (v < 0 && turkish_hit && words[i] == "yeter" && i > 0 && is_word[i - 1] &&
        same_clause(i - 1, i) && IsTurkishConditional(words[i - 1])) {
      v = 0;
      if (explain) why += ", suffices after " + std::string(words[i - 1]);
    }
    // "sitenizde bulamadım", "uygulamada göremedim", "içerik listesini
    // bulamadım": the writer looked on the company's site or app, or for a
    // piece of information, for what they ask about, the reason for asking,
    // not a fault ("yarın planlı kesinti var mı, sitede göremedim").
    // Not when what was not found is the writer's own ("siparişimi sitede
    // göremiyorum": -(I)mI, my ... as the object).
    if (hit->entry == kInabilityEntry && IsLookingVerb(words[i])) {
      // The place up to three words back ("uygulamada fiyat tablosunu
      // bulamadım"), none of them, nor the word before it, the writer's own.
      for (size_t back = 1; back <= 3 && back <= i; ++back) {
        const size_t k = i - back;
        if (!is_word[k] || !same_clause(k, i) || EndsWithMyAccusative(words[k])) break;
        if (!IsPlaceOfInformation(words[k]) && !IsInformationSought(words[k])) continue;
        if (k == 0 || !is_word[k - 1] || !same_clause(k - 1, k) ||
            !EndsWithMyAccusative(words[k - 1])) {
          v = 0;
          if (explain) why += ", looked for on " + std::string(words[k]);
        }
        break;
      }
    }
    size_t end = i + hit->words;  // first token after the entry
    if (v > 0 && hit->words == 1 && is_word[i]) {
      if (const std::string_view expected = ShortfallOf(words, text.tokens, i, end);
          !expected.empty()) {
        v = -v * kShortfallWeight;
        if (explain) why += ", short of what was expected: " + std::string(expected);
      }
    }
    // English "X free" is the absence of X, as Turkish -sız is: "guilt
    // free", "risk-free", "error free". "free" is taken with the word.
    if (v < 0 && english != nullptr && !turkish_hit && end < words.size() && is_word[end] &&
        words[end] == "free" && same_clause(i, end) && !text.tokens[end].after_comma) {
      v = -v * kFreeOfWeight;
      if (explain) why += ", free of it";
      ++end;
    }
    if (turkish_hit && !hit->suffix.empty() &&
        (HasTurkishNegationSuffix(hit->suffix) || HasTurkishInabilitySuffix(hit->suffix))) {
      if (NeverThisMuchInTurkish(words, text.tokens, i)) {
        v *= kAffirmedWeight;
        if (explain)
          why += ", affirmed, not negated: hiç bu kadar ... -" + std::string(hit->suffix);
      } else {
        v = Negated(v, 0.8);
        if (explain) why += ", negated by suffix -" + std::string(hit->suffix);
      }
    } else if (std::any_of(neither.begin(), neither.end(),
                           [&](const auto& span) { return i >= span.first && i < span.second; })) {
      v = Negated(v, 0.8);
      if (explain) why += ", negated by ne ... ne";
    }
    // "kötü diyenler" (those who call it bad), "güzel diyenlere şaşıyorum":
    // a word others say, which the writer quotes to dispute. It is turned
    // round as a negated word is.
    if (turkish != nullptr && end < words.size() && is_word[end] &&
        words[end].substr(0, 5) == "diyen" && OnePhrase(text.tokens, end - 1, end)) {
      v = Negated(v, 0.8);
      if (explain) why += ", said by others: " + std::string(words[end]);
    }
    // A 0 entry is a word listed to say it carries no sentiment ("later" is
    // no form of "late"); stress and intensity leave it at 0.
    if (text.tokens[i].caps && !all_caps && v != 0) {
      v += v > 0 ? 0.7 : -0.7;
      if (explain) why += ", capitals";
    }
    if (i > 0 && is_word[i - 1] && same_clause(i - 1, i)) {
      const double boost = Intensity(words[i - 1]);
      if (boost != 0 && v != 0) {
        v += v > 0 ? boost * 2 : -boost * 2;
        if (explain) why += ", intensity " + std::string(words[i - 1]);
      }
    }
    // Negators negate words only, and do not reach past an emoji, emoticon,
    // hashtag or mention: in "no reply :( awful" neither ":(" nor "awful" is
    // negated, nor "awful" in "not nice #awful".
    const bool negatable = is_word[i] && text.tokens[i].kind == Token::Kind::kWord &&
                           (i == 0 || text.tokens[i - 1].kind != Token::Kind::kHashtag) &&
                           !IsLaughter(words[i]) && !IsLaughterAcronym(words[i]);
    // A negator reaches three words ahead; one that denies a judgment
    // ("wouldn't call", "can't say", "don't think") reaches over the judged
    // clause, six: "I would not call the service good", "can't say I was
    // happy with it".
    const size_t reach = english != nullptr ? 6 : 3;
    for (size_t back = 1; negatable && back <= reach && back <= i; ++back) {
      // Nor past a comma: in "not sure, sorry" the apology stands.
      if (!same_clause(i - back, i) || !is_word[i - back] || text.tokens[i - back + 1].after_comma)
        break;
      // Nor further, but over a judgment verb or "a single" right before
      // the word: "never had a single issue".
      if (back > 3 && !IsJudgmentVerb(words[i - back + 1]) &&
          !(back == 4 && words[i - 1] == "single")) {
        continue;
      }
      if ((IsEnglishNegator(words[i - back]) ||
           (english != nullptr && EndsEnglishNegatorPhrase(words, text.tokens, i - back))) &&
          !IsNumberAbbreviation(words, text.tokens, i - back)) {
        // A negator negates the first word with sentiment after it, or the
        // remedy verb: in "never fixed my broken screen" it is "fixed", and
        // "broken" stays broken. Asked only once a negator is found, as
        // negators are rare and the lookup is not free.
        bool taken = false;
        for (size_t k = i - back + 1; k < i && !taken; ++k) {
          taken = IsRemedy(words[k]) ||
                  (Intensity(words[k]) == 0 &&
                   ((cache.Get(tag, choice, words, k, nullptr) & kListed) != 0 ||
                    (english != nullptr && ContextualEnglishValence(words, text.tokens, k) != 0)));
        }
        if (taken) break;
        // A negator that opens a phrase entry is spent in it: "can't stand
        // rude staff", "can't save a lazy script" leave "rude" and "lazy"
        // as they are.
        std::optional<LexiconHit> negator_hit;
        cache.Get(tag, choice, words, i - back, &negator_hit);
        if (negator_hit && negator_hit->words > 1 && i - back + negator_hit->words <= i) break;
        if (OpensANegativeQuestion(text.tokens, i - back)) {
          if (explain)
            why += ", not negated: " + std::string(words[i - back]) + " opens a question";
          break;
        }
        if (const std::string_view how =
                AffirmingConstruction(words, text.tokens, i - back, i, hit->entry);
            !how.empty()) {
          v *= kAffirmedWeight;
          if (explain) {
            why += ", affirmed, not negated: " + std::string(words[i - back]) + " ... " +
                   std::string(how);
          }
          break;
        }
        // "not even mediocre": it falls short even of the bad word, which
        // stands. ("not even good" is negated as any praise is.)
        if (v < 0 && back == 2 && words[i - 1] == "even") {
          if (explain) why += ", not even: " + std::string(words[i - back]) + " even";
          break;
        }
        v = Negated(v, 0.75);
        if (explain) why += ", negated by " + std::string(words[i - back]);
        break;
      }
    }
    // Turkish negates a predicate with a following "değil"/"yok", which may
    // close a short noun phrase: "iyi bir film değil". Look up to three words
    // ahead within the clause, stopping at a contrast word.
    // "maalesef" (unfortunately) is said of the whole sentence: "maalesef
    // olmamış", "maalesef gelmedi" regret, they do not negate the regret.
    const bool regret = turkish != nullptr && IsRegret(words[i]);
    for (size_t ahead = end; ahead < words.size() && ahead < end + 3 && !regret; ++ahead) {
      // A comma ends the phrase: in "çok kötü, hiç destek yok" the "yok"
      // is about "destek".
      // Nor past "başka": "saçmalıktan başka bir şey değil" (nothing but
      // nonsense) negates the other thing, and so affirms the word.
      if (!is_word[ahead] || text.tokens[ahead].clause_start || text.tokens[ahead].after_comma ||
          IsContrast(words[ahead]) || words[ahead] == "baska")
        break;
      // A bare negative word right before its negator is litotes: "fena
      // olmamış", "kötü gelmedi" say it was not bad. With a suffix it is
      // no adjective: "basitçe olmamış" (it simply did not work out), nor is
      // a negated verb ("olmamış olmamış" says it twice).
      const bool litotes = v < 0 && ahead == end && hit->suffix.empty() &&
                           !IsNegatedCopula(words[i]) && !IsTurkishNegatedVerb(words[i]);
      const bool negated_verb =
          IsNegatedCopula(words[ahead]) ||
          (turkish != nullptr && (IsNegatedExperienceVerb(words[ahead]) ||
                                  (ahead == end && IsNegatedFaultVerb(words[ahead])) ||
                                  (litotes && IsNegatedSeemingVerb(words[ahead]))));
      // "memnun kalmadım desem yalan olur": the frame turns the whole
      // predicate, negated verb and all, and "yalan olmaz" keeps it.
      // (Looked for only where a word starts with 'd', as every form of
      // "de-" does: this runs for each word after each sentiment word.)
      bool denies = false;
      size_t frame_at = words.size();
      if (turkish != nullptr) {
        for (size_t k = ahead; k < ahead + 2 && k < words.size(); ++k) {
          if (!words[k].empty() && words[k][0] == 'd' && !text.tokens[k].clause_start &&
              LieToSayFrame(words, text.tokens, k, &denies) != 0) {
            frame_at = k;
            break;
          }
        }
      }
      {
        if (frame_at < words.size()) {
          // A negated verb between the word and the frame is denied with
          // it: "memnun kalmadım desem yalan olur" says it satisfied.
          const bool negated_between =
              frame_at > ahead &&
              (IsTurkishFollowingNegator(words[ahead]) || IsNegatedCopula(words[ahead]) ||
               IsTurkishNegatedVerb(words[ahead]));
          if (denies != negated_between) {
            v = Negated(v, 0.8);
            if (explain) why += ", denied: " + std::string(words[frame_at]) + " yalan olur";
          } else if (denies) {
            if (explain) {
              why += ", " + std::string(words[ahead]) + " denied: " + std::string(words[frame_at]) +
                     " yalan olur";
            }
          } else if (negated_between) {
            v = Negated(v, 0.8);
            if (explain) why += ", negated by " + std::string(words[ahead]);
          }
          // What sits between the word and the frame (a negated verb) is
          // part of the predicate the frame turns.
          for (size_t k = end; k < frame_at + 3; ++k) negator_spent.push_back(k);
          break;
        }
      }
      // "berbat bile diyemem" (can't even call it terrible): not even the
      // bad word is bad enough; it stands.
      // So does "vasat bile değil" (not even mediocre). ("sorun bile yok",
      // not even a problem, is no problem.)
      const bool denied_saying = turkish != nullptr && IsDeniedSaying(words[ahead]);
      if (v < 0 && (denied_saying || words[ahead].substr(0, 5) == "degil") && ahead > end &&
          words[ahead - 1] == "bile") {
        if (explain) why += ", not even: bile " + std::string(words[ahead]);
        negator_spent.push_back(ahead);
        break;
      }
      // A verb of finding or seeing, of inability, no lexicon lists negates
      // what it could not find or see: "kusur bulamadım", "güzel bir
      // yanını göremedim". (Not others: "o kadar kötü ki kurtaramamışlar"
      // could not save what was bad.)
      bool guessed_inability = false;
      if (turkish != nullptr && IsTurkishVerbOfFindingOrSeeing(words[ahead]) &&
          IsTurkishInabilityVerb(words[ahead])) {
        std::optional<LexiconHit> verb;
        cache.Get(tag, choice, words, ahead, &verb);
        guessed_inability = verb && verb->entry == kInabilityEntry;
      }
      if (IsTurkishFollowingNegator(words[ahead]) || negated_verb || denied_saying ||
          guessed_inability) {
        // "güzel değil mi?" asks for agreement ("it's nice, isn't it?").
        if (ahead + 1 < words.size() && !text.tokens[ahead + 1].clause_start &&
            IsTurkishTagParticle(words[ahead + 1])) {
          if (explain) {
            why += ", not negated: " + std::string(words[ahead]) + " " +
                   std::string(words[ahead + 1]) + " asks for agreement";
          }
          break;
        }
        if ((words[ahead].substr(0, 3) == "yok" || IsNegatedExperienceVerb(words[ahead]) ||
             IsCannotBe(words[ahead])) &&
            NoneSuchBefore(words, text.tokens, i)) {
          v *= kAffirmedWeight;
          if (explain) why += ", affirmed, not negated: none such, " + std::string(words[ahead]);
          break;
        }
        v = Negated(v, 0.8);
        if (explain) why += ", negated by " + std::string(words[ahead]);
        // "yok" that negated the word before it starts no phrase of its
        // own: "hata yok artık" (no errors any more) is not "yok artık!"
        // (no way!).
        if (words[ahead].substr(0, 3) == "yok") negator_spent.push_back(ahead);
        // The negator is spent on this word: "olmamış" (did not turn out)
        // and "gelmedi" (did not arrive) are entries of their own, but in
        // "fena olmamış" and "kötü gelmedi" they only negate.
        if (litotes && negated_verb) negator_spent.push_back(ahead);
        // So is a verb of inability no lexicon lists: "kötü bir yan
        // göremiyorum" says nothing bad, not that something failed.
        if (guessed_inability) negator_spent.push_back(ahead);
        break;
      }
      // A negated verb right after praise takes it into its negation:
      // "zamanında gelmedi" (did not come on time), "iyi çalışmıyor" (does
      // not work well). The verb keeps its own score. (Only praise: after
      // a negative word, "izlemeyin, değmez" says the same thing twice.)
      if (v > 0 && turkish != nullptr && ahead == end && IsTurkishNegatedVerb(words[ahead])) {
        std::optional<LexiconHit> verb;
        cache.Get(tag, choice, words, ahead, &verb);
        // Not a verb of inability only guessed: "mükemmel, izlemediyseniz
        // izleyin" keeps its praise.
        if (verb && verb->valence < 0 && verb->words == 1 && verb->entry != kInabilityEntry) {
          v = -v * 0.8;
          if (explain) why += ", negated by " + std::string(words[ahead]);
          break;
        }
      }
      // The negator belongs to that word.
      if ((cache.Get(tag, choice, words, ahead, nullptr) & kFirstHit) != 0) break;
    }
    // A condition supposes, it does not report: "if anything goes wrong
    // I'll let you know", "bir sorun olursa nereye yazayım?", "kargo
    // hasarlı gelirse ne yapmalıyım?".
    // (Only a negative word, or a negated one either way round: "RT if you
    // love it" still says it is loved, but "if you didn't lose it" reports
    // no relief.)
    const std::string_view supposed_by =
        v < 0 || hit->valence < 0 ? SupposedBy(words, text.tokens, i, end, english != nullptr,
                                               turkish != nullptr, turkish_hit)
                                  : std::string_view();
    // It counts nothing: even a quarter of "problems" made "if I have
    // problems, who do I contact?" a negative question, so a complaint.
    if (!supposed_by.empty()) {
      v = 0;
      if (explain) why += ", supposed: " + std::string(supposed_by);
    }
    // Slang praise: "this coffee is sick 🔥", "killer tracks".
    if (v < 0 && english != nullptr) {
      if (const double slang = SlangPraise(words, text.tokens, i); slang > 0) {
        v = slang;
        if (explain) why += ", slang praise";
      }
    }
    // A harm warned about is a service: "you warn customers about scams".
    if (v < 0) {
      if (const std::string_view warning =
              WarnedAbout(words, text.tokens, i, end, english != nullptr, turkish != nullptr);
          !warning.empty()) {
        v = 0;
        if (explain) why += ", warned about: " + std::string(warning);
      }
    }
    // A harm stopped before it was done is none: "dolandırıcılık
    // girişimini hemen fark edip kartımı kapattınız, çok teşekkürler".
    if (v < 0 && turkish != nullptr) {
      if (const std::string_view stopped = StoppedInTime(words, text.tokens, end);
          !stopped.empty()) {
        v = 0;
        if (explain) why += ", stopped in time: " + std::string(stopped);
      }
    }
    if (v < 0 && english != nullptr) {
      if (const std::string_view believed = BelievedThenNot(words, text.tokens, i, end);
          !believed.empty()) {
        v = 0;
        if (explain) why += ", believed, then found untrue: " + std::string(believed);
      }
    }
    // A fear that came to nothing reports nothing bad. (It needs a turn
    // after it, which most posts lack.)
    if (v < 0 && last_turn < words.size()) {
      if (const std::string_view feared =
              FearedThenNot(words, text.tokens, i, end, english != nullptr, turkish != nullptr);
          !feared.empty()) {
        v = 0;
        if (explain) why += ", feared, then not: " + std::string(feared);
      }
    }
    // A good thing ruined is no praise.
    if (v > 0) {
      if (const std::string_view spoiler = SpoiledBy(words, text.tokens, i, end);
          !spoiler.empty()) {
        v = 0;
        if (explain) why += ", spoiled: " + std::string(spoiler);
      }
    }
    // A problem told as over reports relief, not the problem.
    if (v < 0) {
      if (const std::string_view ended =
              EndedBy(words, text.tokens, end, english != nullptr, turkish != nullptr);
          !ended.empty()) {
        v = 0;
        if (explain) why += ", over: " + std::string(ended);
      }
    }
    // Praise once believed and proved wrong says nothing good now.
    if (v > 0) {
      if (const std::string_view believed =
              BelievedWrongly(words, text.tokens, end, english != nullptr, turkish != nullptr);
          !believed.empty()) {
        v = 0;
        if (explain) why += ", believed wrongly: " + std::string(believed);
      }
    }
    if (last_contrast < words.size()) {
      v *= i < last_contrast ? 0.5 : 1.5;
    } else if (problem_overtaken && i >= overtaken_from) {
      // "yanlış ürün gelmişti, 10 dakikada doğrusunu getirdiniz,
      // teşekkürler" reads as "..., ama ...": the problem is past.
      v *= 1.5;
      if (explain) why += ", after a problem told in the pluperfect";
    }
    if (!conceded.empty() &&
        (conceded[i] == kConceded || (conceded[i] == kConcededIfNegative && v < 0))) {
      v *= kConcededWeight;
      if (explain) why += ", conceded";
      problem_overtaken =
          problem_overtaken || (conceded[i] == kConcededIfNegative && i < overtaken_from);
    }
    // Praise asked about is not praise given: "is it any good?", "who
    // wants free pizza?". A complaint asked stays one ("why is it always
    // broken?").
    if (v > 0 && text.tokens[i].in_question) {
      v *= kAskedPraiseWeight;
      if (explain) why += ", asked, not said";
    }
    // A harm asked about as what a policy covers is supposed, not suffered:
    // "does the warranty cover accidental damage?", "hırsızlık kaskoya
    // dahil mi?".
    if (v < 0 && text.tokens[i].in_question && AsksWhatIsCovered(words, text.tokens, i)) {
      v = 0;
      if (explain) why += ", asked what a cover includes";
    }
    if ((i >= closing_from && !is_word[i]) || (i == closing_word && hit->words == 1)) {
      v *= kClosingSymbolWeight;
      if (explain) why += ", closes the post";
    }
    sum += v;
    scored.push_back(Scored{i, v,
                            v > 0 && (IsSarcasmProne(hit->entry) ||
                                      IsPraiseOfWorkDone(words, text.tokens, i, hit->words)),
                            false});
    if (explain) {
      result.contributions.push_back(SentimentContribution{std::string(words[i]), v, why});
    }
    i = end - 1;
  }
  // "ne çok iyi ne çok kötü" (neither very good nor very bad) weighs the
  // one against the other: a verdict of level, not of either. Where a
  // "ne ... ne" names words of both signs, they count nothing (negated one
  // by one, the praise turned round would outweigh the fault).
  for (const auto& [from, to] : neither) {
    bool praise = false;
    bool fault = false;
    for (const Scored& a : scored) {
      if (a.token < from || a.token >= to) continue;
      praise = praise || a.valence < 0;  // negated: praise named reads negative
      fault = fault || a.valence > 0;
    }
    if (!praise || !fault) continue;
    for (Scored& a : scored) {
      if (a.token < from || a.token >= to || a.valence == 0) continue;
      sum -= a.valence;
      a.valence = 0;
      if (!explain) continue;
      for (SentimentContribution& c : result.contributions) {
        if (c.token == words[a.token] && c.valence != 0 &&
            c.why.find("ne ... ne") != std::string::npos) {
          c.valence = 0;
          c.why += ", level: one weighed against the other";
          break;
        }
      }
    }
  }
  // Counts scored praise `a` against, as sarcasm, and says why in the
  // explanation ("why" then "word").
  auto count_as_sarcasm = [&](Scored& a, std::string_view why, std::string_view word = {}) {
    sum -= 2 * a.valence;
    a.flipped = true;
    if (!explain) return;
    for (SentimentContribution& c : result.contributions) {
      if (c.token == words[a.token] && c.valence > 0) {
        c.valence = -c.valence;
        c.why.append(why).append(word);
        break;
      }
    }
  };
  // An eye roll makes the praise of its clause prone to sarcasm, and the
  // pass below turns it: "bayıldım bu beklemeye 🙄", "great service 🙄";
  // praise before a contrast stays ("great food, but the wait 🙄"). So do
  // the upside-down and the unamused face, and "yeah right": "tabi tabi,
  // çok hızlısınız 🙃", "yeah right, fast shipping".
  auto mocks = [&](size_t k) {
    static constexpr std::string_view kMarks[] = {
        "\xF0\x9F\x99\x84",  // 🙄
        "\xF0\x9F\x99\x83",  // 🙃
        "\xF0\x9F\x98\x92",  // 😒
        "(!)",               // the irony mark: "eline sağlık (!)"
        "(?)",               // the doubt mark: "hızlı (?) kargo"
    };
    if (!is_word[k]) {
      return std::find(std::begin(kMarks), std::end(kMarks), text.tokens[k].text) !=
             std::end(kMarks);
    }
    return english != nullptr && words[k] == "right" && k > 0 && words[k - 1] == "yeah" &&
           OnePhrase(text.tokens, k - 1, k);
  };
  const bool any_praise =
      std::any_of(scored.begin(), scored.end(), [](const Scored& a) { return a.valence > 0; });
  for (size_t k = 0; any_praise && k < words.size(); ++k) {
    if (!mocks(k)) continue;
    for (Scored& a : scored) {
      if (a.valence > 0 && is_word[a.token] &&
          same_clause(std::min(a.token, k), std::max(a.token, k))) {
        a.sarcasm_prone = true;
        // Beside a complaint rule the mark alone says it: "Allah razı olsun
        // sizden(!) kargom bir haftadır depoda bekliyor" holds no word
        // against the praise for the pass below to find.
        if (context.complaint_rule && !a.flipped) {
          count_as_sarcasm(a, ", sarcasm: mocked beside a complaint");
          a.valence = -a.valence;
        }
      }
    }
  }
  // Sarcasm: prone praise in the same clause as a negative, with no
  // contrast word between them, counts as negative.
  for (size_t a = 0; a < scored.size(); ++a) {
    if (!scored[a].sarcasm_prone || scored[a].flipped) continue;
    for (size_t b = 0; b < scored.size(); ++b) {
      if (scored[b].valence >= 0 || b == a) continue;
      const size_t from = std::min(scored[a].token, scored[b].token);
      const size_t to = std::max(scored[a].token, scored[b].token);
      // Thanks for dealing with the bad thing, or for working through it,
      // are honest: "thanks for fixing my broken screen", "thank you for
      // answering my embarrassing question", "thanks for staying open
      // during the storm".
      bool contrast = false;
      for (size_t k = from + 1; k < to && !contrast; ++k) {
        contrast =
            is_word[k] && (IsContrast(words[k]) || IsNoticeWord(words[k]) ||
                           (scored[a].token < scored[b].token &&
                            (IsRemedyVerb(words[k]) || IsCircumstancePreposition(words[k]))) ||
                           (scored[b].token < scored[a].token && IsTurkishRemedyVerb(words[k])));
      }
      // Turkish names the remedy after the problem, at the end of the
      // clause: "bravo size, sorunumu 10 dakikada çözdünüz".
      for (size_t k = scored[b].token + 1; !contrast && scored[a].token < scored[b].token &&
                                           k < words.size() && !text.tokens[k].clause_start;
           ++k) {
        contrast = is_word[k] && IsTurkishRemedyVerb(words[k]);
      }
      // A problem told in the Turkish pluperfect is a past the thanks came
      // after: "yanlış beden gelmişti, değişim tamamlandı, teşekkürler".
      const bool overtaken = !conceded.empty() && conceded[scored[b].token] == kConcededIfNegative;
      if (contrast || overtaken || !same_clause(from, to) ||
          IsNaturalEvent(words[scored[b].token])) {
        continue;
      }
      count_as_sarcasm(scored[a], ", sarcasm next to ", words[scored[b].token]);
      break;
    }
  }
  // Scare quotes mock what the company claims: 'your "fast" delivery took 3
  // weeks', 'great "customer service", 2 hours on hold', 'harika "destek"
  // ekibiniz 3 gündür dönmedi'. Praise inside a short quotation, or right
  // before one, counts against only when a complaint rule matched: quotes
  // also name things ('loved "Great Expectations"', 'filmin adı "Mükemmel
  // Bir Gün"'), and a negative word beside a title is no complaint.
  if (context.complaint_rule && std::any_of(text.tokens.begin(), text.tokens.end(), IsQuoted)) {
    for (Scored& a : scored) {
      if (a.valence <= 0 || a.flipped) continue;
      const bool inside = IsQuoted(text.tokens[a.token]);
      // Right before it, or with an article or a possessive between:
      // 'love the "upgrade"', 'harika bir "hizmet"'.
      bool before = false;
      for (size_t next = a.token + 1; !inside && !before && next < words.size() &&
                                      next <= a.token + 2 && OnePhrase(text.tokens, a.token, next);
           ++next) {
        before = IsQuoted(text.tokens[next]);
      }
      if (!inside && !before) continue;
      count_as_sarcasm(a,
                       inside ? ", sarcasm: in scare quotes" : ", sarcasm: praises a scare quote");
      a.valence = -a.valence;
    }
  }
  // Praise taken back by what did not happen: "harika bir deneyimdi,
  // tabii siparişim gelseydi" (a great experience, had my order come).
  if (turkish != nullptr && tabii) {
    for (size_t k = 0; k < words.size(); ++k) {
      const std::string_view w = words[k];
      if (w.size() < 4 || w.size() > 6 || w[0] != 't' || !is_word[k] ||
          (w != "tabii" && w != "tabi" && w != "tabiki")) {
        continue;
      }
      bool unreal = false;
      for (size_t m = k + 1; m < words.size() && m <= k + 4 && !unreal; ++m) {
        if (text.tokens[m].clause_start) break;
        const std::string_view verb = words[m];
        unreal = verb.size() > 6 && (verb.substr(verb.size() - 5) == "seydi" ||
                                     verb.substr(verb.size() - 5) == "saydi");
      }
      if (!unreal) continue;
      size_t sentence = k;
      while (sentence > 0 && !text.tokens[sentence].clause_start) --sentence;
      for (Scored& a : scored) {
        if (a.token >= sentence && a.token < k && a.valence > 0 && !a.flipped) {
          count_as_sarcasm(a, ", sarcasm: taken back by ", words[k]);
          a.valence = -a.valence;
        }
      }
    }
  }
  // Turkish praise that a negative participle or privative describes is
  // mockery: "hiç ulaşılamayan bir efsane" (a legend no one can reach),
  // "çalışmayan bir harika", "desteksiz bir mükemmellik". Only in that
  // shape, "-(y)An/-sIz bir" before the praise: two words merely side by
  // side ("yorum yapamıyorum muhteşem bir filmdi") are two thoughts.
  if (turkish != nullptr) {
    auto describes = [](std::string_view w) {
      const std::string_view end = w.substr(w.size() >= 3 ? w.size() - 3 : 0);
      return w.size() > 4 &&
             (end.substr(1) == "an" || end.substr(1) == "en" || end == "siz" || end == "suz");
    };
    for (size_t n = 1; n < scored.size(); ++n) {
      Scored& a = scored[n];
      const Scored& b = scored[n - 1];
      if (a.valence <= 0 || a.flipped || b.valence >= 0 || b.flipped || !is_word[a.token] ||
          !is_word[b.token] || a.token != b.token + 2 || words[b.token + 1] != "bir" ||
          text.tokens[b.token + 1].after_comma || text.tokens[a.token].clause_start ||
          text.tokens[a.token].after_comma || !describes(words[b.token])) {
        continue;
      }
      count_as_sarcasm(a, ", sarcasm: praise described as ", words[b.token]);
    }
  }
  // Sarcasm frames: "love how my internet drops every evening", "gotta love
  // paying for nothing", "nice to see my bill doubled". With a complaint
  // rule matched and nothing in the rest of the clause that praises or puts
  // right, the frame's praise counts against. (Turkish has one frame of its
  // own, "harika bir sistem kurmuşsunuz"; see SarcasmFrameEnd.)
  if (context.complaint_rule) {
    for (Scored& a : scored) {
      if (a.valence <= 0 || a.flipped || !is_word[a.token]) continue;
      const size_t after = SarcasmFrameEnd(words, text.tokens, a.token);
      if (after == 0) continue;
      bool sincere = false;
      for (size_t k = after; k < words.size() && !sincere && !text.tokens[k].clause_start; ++k) {
        sincere = is_word[k] &&
                  (IsContrast(words[k]) || IsRemedy(words[k]) || IsTurkishRemedyVerb(words[k]));
      }
      for (const Scored& x : scored) {
        sincere = sincere || (x.token >= after && x.valence > 0 && same_clause(a.token, x.token));
      }
      if (sincere) continue;
      count_as_sarcasm(a, ", sarcasm: frames a complaint");
      a.valence = -a.valence;
    }
  }
  // Thanks for a wrong the complaint rule names: "thanks for charging me
  // twice", "paramı iki kez çektiğiniz için teşekkürler".
  // With clapping or an upside-down face the English thanks need no
  // complaint rule: the irony names the wrong.
  const bool ironic =
      english != nullptr && HasEmoji(text.tokens, {kClappingHands, kUpsideDownFace});
  if (context.complaint_rule || ironic) {
    for (Scored& a : scored) {
      if (a.valence <= 0 || a.flipped || !a.sarcasm_prone || !is_word[a.token]) continue;
      const std::string_view act = ThanksForAWrong(words, text.tokens, a.token, ironic);
      if (act.empty()) continue;
      count_as_sarcasm(a, ", sarcasm: thanks for ", act);
      a.valence = -a.valence;
      // Marked ironic, the whole post is the act: the clapping and the
      // praise around the thanks ("truly unforgettable", "love that for
      // me") go the same way.
      if (!ironic) continue;
      for (Scored& x : scored) {
        if (&x == &a || x.valence <= 0 || x.flipped) continue;
        count_as_sarcasm(x, ", sarcasm: with thanks for ", act);
        x.valence = -x.valence;
      }
    }
  }
  // A sentence that only denies turns the praise of the one before it:
  // "They said it was fixed. It is not.", "Supposed to be great. It
  // wasn't." The praise was a claim; the denial says what is so.
  if (english != nullptr && any_praise) {
    size_t previous = 0;  // where the clause before the current one starts
    for (size_t start = 0; start < words.size();) {
      size_t end = start + 1;
      while (end < words.size() && !text.tokens[end].clause_start) ++end;
      if (start > 0 && IsBareDenial(words, is_word, start, end)) {
        for (Scored& a : scored) {
          if (a.valence <= 0 || a.flipped || a.token < previous || a.token >= start) continue;
          count_as_sarcasm(a, ", denied by the next sentence");
          a.valence = -a.valence;
        }
      }
      previous = start;
      start = end;
    }
  }
  // Sarcasm: praise alone in its sentence or phrase, next to one that says
  // only something negative ("Missed the bus again. Perfect."), counts as
  // negative. Phrases end at . ! ? ; a line break, a comma or a colon.
  if (std::any_of(scored.begin(), scored.end(), [&](const Scored& x) {
        return x.valence > 0 && is_word[x.token] && IsBarePraise(words[x.token]);
      })) {
    thread_local std::vector<uint32_t> phrase;  // token -> phrase number
    phrase.assign(words.size(), 0);
    uint32_t number = 0;
    bool phrase_has_word = false;
    for (size_t k = 0; k < words.size(); ++k) {
      // An emoji after words ends their phrase as a full stop would, and
      // goes with it: "kargo yine gecikti 🙃 harikasınız" ("😡 güzel" is
      // one phrase).
      const bool after_symbol = k > 0 && is_word[k] != 0 &&
                                text.tokens[k - 1].kind == Token::Kind::kSymbol && phrase_has_word;
      if (k > 0 && (text.tokens[k].clause_start || text.tokens[k].after_comma || after_symbol)) {
        ++number;
        phrase_has_word = false;
      }
      phrase_has_word = phrase_has_word || is_word[k] != 0;
      phrase[k] = number;
    }
    // Phrase p holds a contrast, or says the problem was put right
    // ("sorunumu 10 dakikada çözdünüz"): no complaint to mock.
    auto turns_or_mends = [&](int64_t p) {
      for (size_t k = 0; k < words.size(); ++k) {
        if (static_cast<int64_t>(phrase[k]) == p && is_word[k] &&
            (IsContrast(words[k]) || IsRemedy(words[k]) || IsTurkishRemedyVerb(words[k]))) {
          return true;
        }
      }
      return false;
    };
    // Phrase p says something clearly negative and nothing positive ("rain"
    // alone is too mild: "rain! yay!" is glad).
    auto only_negative = [&](int64_t p) {
      double total = 0;
      for (const Scored& x : scored) {
        if (static_cast<int64_t>(phrase[x.token]) != p) continue;
        // A problem conceded (told in the pluperfect and overtaken, or
        // after "though") is over: nothing to mock ("kartı kaybolmuştu,
        // yenisi 2 günde geldi. eline sağlık").
        if (x.valence >= 0 || (!conceded.empty() && conceded[x.token] != 0)) return false;
        total += x.valence;
      }
      return total <= kBarePraiseNegativeFloor && !turns_or_mends(p);
    };
    // The phrase after the praise counts only when a comma joins them
    // ("süper, yine gecikti"); after a full stop it is news of its own
    // ("Thanks! We had a blast").
    auto next_joined = [&](uint32_t p) {
      for (size_t k = 0; k < words.size(); ++k) {
        if (phrase[k] == p + 1) return !text.tokens[k].clause_start;
      }
      return false;
    };
    // Praise said alone: its phrase holds nothing but the praise and fillers.
    auto bare = [&](const Scored& a) {
      if (a.valence <= 0 || !is_word[a.token] || !IsBarePraise(words[a.token])) return false;
      const uint32_t p = phrase[a.token];
      for (size_t k = 0; k < words.size(); ++k) {
        // Said more than once is still said alone: "cool cool cool".
        if (phrase[k] != p || k == a.token || !is_word[k] || words[k] == words[a.token]) continue;
        if (!IsBarePraiseFiller(words[k])) return false;
      }
      return true;
    };
    // With a complaint rule matched, and no praise in the post but praise
    // said alone, a neighbouring phrase that praises nothing and puts
    // nothing right is taken for the complaint: "tebrikler size, yine iptal
    // ettiniz", "mükemmel hizmet, 10 gündür hazırlanıyor". Praise anywhere
    // else ("harika, gelmedi diye korkmuştum, teşekkürler") keeps it sincere.
    // Clapping beside it is part of the act ("süper hizmet 👏👏").
    const bool only_bare_praise =
        context.complaint_rule && std::all_of(scored.begin(), scored.end(), [&](const Scored& x) {
          return x.valence <= 0 || bare(x) || (!is_word[x.token] && x.sarcasm_prone);
        });
    auto names_complaint = [&](int64_t p) {
      if (!only_bare_praise || p < 0 || turns_or_mends(p)) return false;
      for (const Scored& x : scored) {
        // Clapping that closes the complaint is part of the act: "süper
        // hizmet gerçekten, 3 saattir bekliyorum 👏👏".
        if (!is_word[x.token] && x.sarcasm_prone) continue;
        if (static_cast<int64_t>(phrase[x.token]) == p && x.valence > 0) return false;
      }
      for (size_t k = 0; k < words.size(); ++k) {
        if (static_cast<int64_t>(phrase[k]) == p && is_word[k]) return true;
      }
      return false;  // no such phrase, or no word in it
    };
    auto says_wrong = [&](int64_t p) { return only_negative(p) || names_complaint(p); };
    for (Scored& a : scored) {
      if (!bare(a)) continue;
      const uint32_t p = phrase[a.token];
      // With a complaint rule matched and praise said only alone, the
      // sentence after it counts too: "Bayıldım! Kargo 6 gündür yolda."
      if (!(says_wrong(int64_t{p} - 1) || (next_joined(p) && says_wrong(int64_t{p} + 1)) ||
            names_complaint(int64_t{p} + 1))) {
        continue;
      }
      count_as_sarcasm(a, ", sarcasm: said alone next to a complaint");
      a.valence = -a.valence;
      // The clapping said with it, or closing the complaint beside it, goes
      // the same way: "süper hizmet 👏👏", "süper, yine gecikti 👏".
      for (Scored& x : scored) {
        if (is_word[x.token] == 0 && x.sarcasm_prone && x.valence > 0 && !x.flipped &&
            phrase[x.token] + 1 >= p && phrase[x.token] <= p + 1) {
          count_as_sarcasm(x, ", sarcasm: claps with praise said alone");
          x.valence = -x.valence;
        }
      }
    }
  }
  // Tears beside praise, with no word against it, are joy or laughter ("I
  // love you guys 😭😭", "this is so funny 😭"): they count for it. A heart
  // or other warm emoji (valence 2 and up) is praise enough ("left a lil
  // note n a doodle 😭😭🫶"); laughter ("bu maaşla geleceğim yok 😂😭"),
  // and the claps and smiles that sarcasm borrows, are not.
  if (std::any_of(scored.begin(), scored.end(),
                  [&](const Scored& x) { return x.valence < 0 && IsTears(words[x.token]); })) {
    constexpr double kWarmEmojiAtLeast = 2.0;
    double praise = 0;
    bool against = false;
    for (const Scored& x : scored) {
      if (is_word[x.token] == 0) {
        if (x.valence >= kWarmEmojiAtLeast && !x.sarcasm_prone && !IsTears(words[x.token]))
          praise += x.valence;
        continue;
      }
      praise += x.valence;
      against = against || x.valence < 0;
    }
    if (praise > 0 && !against) {
      for (Scored& x : scored) {
        if (x.valence >= 0 || !IsTears(words[x.token])) continue;
        sum -= 2 * x.valence;
        x.valence = -x.valence;
        if (!explain) continue;
        for (SentimentContribution& c : result.contributions) {
          if (c.token == words[x.token] && c.valence < 0) {
            c.valence = -c.valence;
            c.why += ", tears beside praise: joy";
            break;
          }
        }
      }
    }
  }

  // The turn is the post's first sentence ("X, but Y"): after a sentence
  // or title of its own, the problem was told before the turn, which then
  // does not concede it (nor a complaint rule that matched there).
  if (last_turn < words.size()) {
    size_t sentence = last_turn;
    while (sentence > 0 && !text.tokens[sentence].clause_start) --sentence;
    bool negative_before = false;
    bool negative_after = false;
    bool positive_before = false;
    bool positive_after = false;
    double after = 0;
    for (const Scored& s : scored) {
      const double valence = s.flipped ? -s.valence : s.valence;
      if (s.token < last_turn) {
        negative_before = negative_before || valence < 0;
        positive_before = positive_before || valence > 0;
      } else {
        negative_after = negative_after || valence < 0;
        positive_after = positive_after || valence > 0;
        after += valence;
      }
    }
    result.turns_positive = sentence == 0 && negative_before && !negative_after && after > 0;
    result.turns_away = positive_before && !positive_after;
    result.ends_negative = negative_after && !positive_after;
  }
  // Laughter alone on the positive side (a cheap scan: few posts score).
  {
    bool positive = false;
    bool all_laughter = true;
    for (const Scored& s : scored) {
      if (s.valence <= 0) continue;
      positive = true;
      const std::string_view w = words[s.token];
      all_laughter = all_laughter && (IsLaughter(w) || IsLaughterAcronym(w) || IsLaughingEmoji(w));
    }
    result.only_laughter_positive = positive && all_laughter;
  }
  // A score given in the text is the writer's verdict; the last one counts.
  if (const std::optional<RatingInText> rating = FindRatingInText(text.folded, words)) {
    sum += rating->valence;
    if (explain) {
      result.contributions.push_back(
          SentimentContribution{rating->written, rating->valence, "a score given in the text"});
    }
  }
  // Exclamation marks add emphasis in the direction already taken.
  // Counted with find (memchr): posts have few '!', and only four count.
  size_t bangs = 0;
  for (size_t at = original.find('!'); at != std::string_view::npos && bangs < 4;
       at = original.find('!', at + 1)) {
    ++bangs;
  }
  if (sum != 0 && bangs > 0) {
    sum += (sum > 0 ? kGladBangWeight : -kAngryBangWeight) * static_cast<double>(bangs);
  }
  // Without any scored word, exclamation alone is excitement, which in
  // posts is more often glad than angry ("Ready for the weekend!!"); it
  // leans the score slightly positive, far below the praise threshold.
  if (sum == 0 && bangs > 0) sum = kExclamationOnlyLean;
  result.raw = sum;
  result.strength = Squash(sum);
  result.score = Squash(sum * ToneWeight(word_count) * (link ? kLinkToneWeight : 1.0));
  return result;
}

}  // namespace earshot
