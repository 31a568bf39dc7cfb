#include "earshot/classifier.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "pipeline/classify/complaint_target.h"
#include "pipeline/classify/conditional_clause.h"
#include "pipeline/emoji_marks.h"
#include "pipeline/normalize/lang_id.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/sentiment/sentiment_scorer.h"
#include "pipeline/word_list.h"

namespace earshot {
namespace {

// "negative sentiment, strength -0.42": the words, then the sentiment
// strength (what the thresholds compare; see Verdict) to two decimals as
// printf's "%.2f" writes it. to_chars, because snprintf's format parsing
// was 1.2% of classifying a post.
std::string SentimentReason(std::string_view words, double sentiment) {
  char digits[32];
  const auto [end, error] =
      std::to_chars(digits, digits + sizeof(digits), sentiment, std::chars_format::fixed, 2);
  std::string out(words);
  out.append(digits, error == std::errc() ? end : digits);
  return out;
}

std::string Lowercase(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "What a day", "what fun", "how nice", "who knew": an exclamation that
// begins like a question. True when tokens[k] is "what" before "a", "an" or
// a noun of feeling, "how" before an adjective of feeling, or "who" before
// "knew", "knows", "cares" or "thought" ("who thought this was a good
// idea": a rebuke), in one phrase.
bool IsEnglishExclamation(const std::vector<Token>& tokens, size_t k) {
  if (k + 1 >= tokens.size() || !tokens[k + 1].is_word || tokens[k + 1].clause_start ||
      tokens[k + 1].after_comma) {
    return false;
  }
  const std::string_view word = tokens[k].text;
  const std::string_view next = tokens[k + 1].text;
  if (word == "what") {
    static constexpr std::string_view kNouns[] = {
        "a",    "an",    "fun",   "joy",   "mess",  "nonsense", "rubbish", "garbage",
        "luck", "shame", "bliss", "cheek", "nerve", "service",  "timing",  "progress"};
    static constexpr WordList kNounList(kNouns);
    return kNounList.Contains(next);
  }
  // "Does the job.", "does the trick", "does what it says": a verdict with
  // its subject left out, not a question.
  if (word == "does" || word == "do") {
    if (next == "what") return true;
    return next == "the" && k + 2 < tokens.size() && !tokens[k + 2].clause_start &&
           (tokens[k + 2].text == "job" || tokens[k + 2].text == "trick");
  }
  // "who knew a walk could fix my mood": surprise, not a question.
  if (word == "who") {
    return next == "knew" || next == "knows" || next == "cares" || next == "thought";
  }
  if (word == "how") {
    static constexpr std::string_view kAdjectives[] = {
        "nice",       "lovely",         "sweet",         "cute",     "kind",      "rude",
        "sad",        "awful",          "pathetic",      "funny",    "wonderful", "beautiful",
        "great",      "embarrassing",   "disappointing", "annoying", "typical",   "convenient",
        "thoughtful", "unprofessional", "ridiculous",    "cool",     "amazing",   "terrible"};
    static constexpr WordList kAdjectiveList(kAdjectives);
    return kAdjectiveList.Contains(next);
  }
  return false;
}

// "Could be worse", "do better", "will be back": an auxiliary that opens a
// question has its subject next ("could you", "is the app", "does anyone").
// True when tokens[k] is such an auxiliary and no subject follows it.
bool IsAuxiliaryWithoutSubject(const std::vector<Token>& tokens, size_t k) {
  static constexpr std::string_view kAuxiliaries[] = {"can",  "could", "is",  "are",
                                                      "does", "do",    "will"};
  static constexpr std::string_view kSubjects[] = {
      "you",    "u",       "i",        "we",       "they",   "he",    "she",  "it",   "someone",
      "anyone", "anybody", "somebody", "the",      "my",     "your",  "this", "that", "these",
      "those",  "there",   "a",        "an",       "our",    "their", "his",  "her",  "its",
      "ya",     "y'all",   "yall",     "everyone", "people", "any",   "all",  "one"};
  static constexpr WordList kAuxiliaryList(kAuxiliaries);
  static constexpr WordList kSubjectList(kSubjects);
  if (!kAuxiliaryList.Contains(tokens[k].text)) return false;
  // A handle or a hashtag may be the subject: "is @acme down".
  return k + 1 < tokens.size() && tokens[k + 1].kind == Token::Kind::kWord &&
         !kSubjectList.Contains(tokens[k + 1].text);
}

// The index just past the last "diye" + a third-person form of "sormak"
// ("diye soruyor", "diye sordular"), or 0 when there is none. A first
// person ("diye soruyorum") is the writer asking, so it does not count.
size_t EndOfReportedQuestion(const std::vector<Token>& tokens) {
  static constexpr std::string_view kAsked[] = {"soruyor",   "sordu",   "soruyorlar", "sordular",
                                                "soruyolar", "soran",   "soranlar",   "soruyordu",
                                                "sorar",     "sorarlar"};
  static constexpr WordList kAskedBySomeone(kAsked);
  size_t end = 0;
  for (size_t k = 0; k + 1 < tokens.size(); ++k) {
    const std::string& w = tokens[k].text;  // length and first letter before the bytes
    if (w.size() == 4 && w[0] == 'd' && tokens[k].is_word && w == "diye" && tokens[k + 1].is_word &&
        kAskedBySomeone.Contains(tokens[k + 1].text)) {
      end = k + 2;
    }
  }
  return end;
}

// "ne kadar" asks a price or a length of time where it ends its clause or
// a verb of costing or lasting follows ("kargo ücreti ne kadar", "ne kadar
// sürer"); before a word of quality it exclaims ("ne kadar güzel").
bool AsksHowMuch(const std::vector<Token>& tokens, size_t ne) {
  static constexpr std::string_view kVerbs[] = {"acaba", "surer",  "suruyor", "tutar",  "tutuyor",
                                                "eder",  "ediyor", "olur",    "oluyor", "ki"};
  static constexpr WordList kAfter(kVerbs);
  size_t k = ne + 1;
  while (k < tokens.size() && !tokens[k].is_word) ++k;
  if (k >= tokens.size() || tokens[k].text != "kadar" || tokens[k].clause_start) return false;
  size_t next = k + 1;
  while (next < tokens.size() && !tokens[next].is_word) ++next;
  return next >= tokens.size() || tokens[next].clause_start || tokens[next].after_comma ||
         kAfter.Contains(tokens[next].text);
}

// A Turkish question word that opens a clause told inside the sentence,
// not a question: "ilacın nasıl kullanılacağını anlattı" (explained how to
// use it), "neden geciktiğini söylemediler". The clause ends in a verbal
// noun with the accusative or dative ("-dığını", "-acağını", "-duğuna"),
// folded to "...gini", "...gunu", "...gina", "...guna", "...gine", "...gune"
// within three words of the question word.
bool OpensAToldClause(const std::vector<Token>& tokens, size_t k) {
  static constexpr std::string_view kEndings[] = {"gini", "gunu", "gina", "guna", "gine", "gune"};
  int words = 0;
  for (size_t j = k + 1; j < tokens.size() && words < 3; ++j) {
    if (tokens[j].clause_start || tokens[j].after_comma) break;
    if (!tokens[j].is_word) continue;
    ++words;
    const std::string_view w = tokens[j].text;
    for (const std::string_view ending : kEndings) {
      if (w.size() > ending.size() + 2 && w.substr(w.size() - ending.size()) == ending) return true;
    }
  }
  return false;
}

// "bu nasıl kalite", "bu nasıl güzel bir renk", "şu nasıl bir hizmet":
// "nasıl" after "bu", "şu" or "o" exclaims at what it names, as English
// "what a"; asked, it comes with a "?" (which LooksLikeQuestion sees first).
bool IsTurkishExclamation(const std::vector<Token>& tokens, size_t k) {
  if (tokens[k].text != "nasil" || k == 0 || tokens[k].clause_start || tokens[k].after_comma) {
    return false;
  }
  const std::string& before = tokens[k - 1].text;
  return before == "bu" || before == "su" || before == "o";
}

// Token k's text when it is a word, else "" (also past the end).
std::string_view WordAt(const std::vector<Token>& t, size_t k) {
  return k < t.size() && t[k].is_word ? std::string_view(t[k].text) : std::string_view();
}

// Question cues over folded tokens. Turkish yes/no questions use a separate
// particle (mi, mı, mu, mü and their person forms), often with no "?".
// Whether the Turkish particle at `k` asks no one: the idiom "gülsem mi
// ağlasam mı", the tag "di mi" ("bu ekonomi bir şaka di mi"), or a
// wondering after "bakalım" ("bakalım beğenecek mi").
bool AsksNoOne(const std::vector<Token>& t, size_t k) {
  const std::string_view before = k > 0 ? WordAt(t, k - 1) : std::string_view();
  if (before == "gulsem" || before == "aglasam" || before == "di") return true;
  for (size_t b = k; b > 0 && b + 6 > k;) {
    --b;
    if (t[b].clause_start && b + 1 < k) break;
    if (WordAt(t, b) == "bakalim") return true;
  }
  return false;
}

bool LooksLikeQuestion(const NormalizedText& text, std::string_view original) {
  if (original.find('?') != std::string_view::npos) return true;
  // The question-mark emoji stand for "?": "does travel cover skiing ⛷️❓".
  if (original.find("\u2753") != std::string_view::npos ||
      original.find("\u2754") != std::string_view::npos) {
    return true;
  }
  // Shorthand that asks with a closing "when": "restock when 😩🙏",
  // "refund when".
  for (size_t k = text.tokens.size(); k > 1;) {
    --k;
    if (!text.tokens[k].is_word) continue;
    if (text.tokens[k].text == "when" && text.tokens[k - 1].is_word) return true;
    break;
  }
  // Short lists asked about every word of every post: WordList answers most
  // words from a bit filter. Folded tokens are single words, so only single
  // words are listed.
  static constexpr std::string_view kTurkishWords[] = {
      "mi",     "mu",      "misiniz", "musunuz", "miyim", "muyum", "midir",  "mudur",  "misin",
      "musun",  "miyiz",   "muyuz",   "nasil",   "neden", "niye",  "nicin",  "nerede", "nerde",
      "nereye", "nereden", "neresi",  "hangi",   "kac",   "kacta", "kactan", "kaca",   "kacinci"};
  static constexpr std::string_view kEnglishStartWords[] = {
      "how", "when", "why",  "where", "what", "can",   "could",
      "is",  "are",  "does", "do",    "will", "which", "who"};
  static constexpr WordList kTurkish(kTurkishWords);
  static constexpr WordList kEnglishStart(kEnglishStartWords);
  // A question others asked, told ("herkes nereden aldın diye soruyor"):
  // its question words before "diye" ask the writer nothing.
  const size_t reported_until = EndOfReportedQuestion(text.tokens);
  bool first_word = true;
  // A question put after its condition, unmarked, about the writer or the
  // thing: "if my train gets cancelled do I get refunded automatically"
  // (not "will you disagree", said to a person).
  bool opens_with_if = false;
  for (size_t k = 0; k < text.tokens.size(); ++k) {
    const Token& token = text.tokens[k];
    if (!token.is_word) continue;
    if (opens_with_if && (token.text == "do" || token.text == "does" || token.text == "will" ||
                          token.text == "can" || token.text == "would" || token.text == "should")) {
      const std::string_view next = WordAt(text.tokens, k + 1);
      if (next == "i" || next == "we" || next == "it") {
        return true;
      }
    }
    if (first_word && token.text == "if") opens_with_if = true;
    if (k >= reported_until && kTurkish.Contains(token.text) && !OpensAToldClause(text.tokens, k) &&
        !IsTurkishExclamation(text.tokens, k) && !AsksNoOne(text.tokens, k)) {
      return true;
    }
    if (k >= reported_until && token.text == "ne" && AsksHowMuch(text.tokens, k)) return true;
    if (first_word && kEnglishStart.Contains(token.text) && text.tokens.size() > 2 &&
        !IsEnglishExclamation(text.tokens, k) && !IsAuxiliaryWithoutSubject(text.tokens, k)) {
      return true;
    }
    first_word = false;
  }
  return false;
}

// Words saying a problem was dealt with ("fixed", "sorted", "resolved").
// English thanks is also a polite sign-off on a report ("still no refund,
// thanks"), so in English a praise rule undoes a complaint rule only beside
// one of these. Turkish thanks is not used that way and needs no cue.
bool SaysResolved(const NormalizedText& text) {
  static constexpr std::string_view kWords[] = {
      "fixed",      "fixing",      "solved",     "solving",    "resolved",  "resolving",
      "resolves",   "sorted",      "sorting",    "addressed",  "addresses", "replaced",
      "refunded",   "helped",      "handled",    "found",      "rebooked",  "rescheduled",
      "reimbursed", "compensated", "restored",   "reinstated", "exchanged", "credited",
      "reissued",   "redelivered", "resolution", "replacement"};
  static constexpr WordList kResolved(kWords);
  // Not when denied: "never fixed it", "wasn't resolved", "not been refunded".
  static constexpr std::string_view kDenials[] = {
      "never",  "not",    "no",      "didnt", "didn't", "wasnt",  "wasn't", "hasnt",
      "hasn't", "havent", "haven't", "isnt",  "isn't",  "werent", "weren't"};
  static constexpr WordList kDenied(kDenials);
  const std::vector<Token>& t = text.tokens;
  // A denial one or two words before, in the same clause and phrase ("no
  // fuss, refunded in 2 minutes" denies the fuss, not the refund).
  auto denied = [&](size_t k) {
    for (size_t back = 1; back <= 2 && back <= k; ++back) {
      if (t[k - back + 1].clause_start || t[k - back + 1].after_comma) break;
      if (kDenied.Contains(t[k - back].text)) return true;
    }
    return false;
  };
  for (size_t k = 0; k < t.size(); ++k) {
    if (!t[k].is_word) continue;
    if (kResolved.Contains(t[k].text) && !denied(k)) return true;
    // "the outage is over", "it's all over now".
    if (t[k].text == "over" && k > 0 && !t[k].clause_start &&
        (t[k - 1].text == "is" || t[k - 1].text == "was" || t[k - 1].text == "now" ||
         t[k - 1].text == "finally")) {
      return true;
    }
  }
  return false;
}

// Whether a Turkish post says its problem was dealt with: "çözüldü",
// "hallettiniz", "ilgilendiniz", "değiştirdiler", "iade edildi", "düzeldi",
// "ulaştı", or that it was only feared ("gelmedi sanmıştım"). Thanks
// beside a fault still told ("teşekkürler,
// faturam bu ay iki katına çıkmış") thank for nothing.
bool SaysResolvedInTurkish(const NormalizedText& text) {
  static constexpr std::string_view kPrefixes[] = {
      "cozul", "cozdu", "cozen", "cozmus", "cozum", "hallet", "halled", "halloldu", "duzelt",
      "duzeldi", "duzelmis", "ilgilen", "degistird", "degistiril", "iade ed", "iade edil", "onard",
      "onaril", "ulasti", "ulastir", "yetisti", "yetistir", "buldu", "bulundu", "telafi", "yardim",
      "sorunsuz", "hizli", "aninda", "hemen",
      // Only feared or believed: "gelmedi sanmıştım", "kayboldu diye korkmuştum".
      "sanmist", "korkmust", "zannetmist", "dusunmust"};
  for (const Token& token : text.tokens) {
    if (!token.is_word) continue;
    for (const std::string_view p : kPrefixes) {
      if (token.text.starts_with(p)) return true;
    }
  }
  return false;
}

// "review rated 1 star", "review rated 2 stars"
std::string RatedReason(int rating) {
  return "review rated " + std::to_string(rating) + (rating == 1 ? " star" : " stars");
}

// Irony marks beside a complaint rule make the thanks or praise beside it
// sarcasm: clapping when a specific fault rule (p1, p2) matched ("100 mbps
// paket parası alıp 8 mbps verdiğiniz için teşekkürler 👏👏"), the upside-down
// face with any ("harika bi hizmet gerçekten 🙃 kamera artık açılmıyor").
// Thanks for a fault put right say so in words ("sorunu 10 dakikada
// çözdünüz"), which the scorer reads as a turn.
bool MarksIrony(const NormalizedText& text, Priority complaint_priority) {
  for (const Token& t : text.tokens) {
    if (t.kind != Token::Kind::kSymbol) continue;
    if (t.text == kUpsideDownFace) return true;
    if (t.text == kClappingHands && complaint_priority <= Priority::kP2) return true;
  }
  return false;
}

// Laughter: 😂 🤣 😅 😆, or "lol", "lmao", "jk", "haha", "şaka".
bool Laughs(const NormalizedText& text) {
  static constexpr std::string_view kWords[] = {"lol",    "lmao", "lmfao",  "jk",   "haha",
                                                "hahaha", "saka", "sakasi", "hehe", "jsjs"};
  static constexpr WordList kLaughter(kWords);
  for (const Token& t : text.tokens) {
    if (t.is_word ? kLaughter.Contains(t.text)
                  : t.kind == Token::Kind::kSymbol &&
                        (t.text == kTearsOfJoy || t.text == kRollingOnTheFloor ||
                         t.text == kGrinWithSweat || t.text == kGrinSquinting ||
                         t.text == kGrinningEyes || t.text == kBeamingFace)) {
      return true;
    }
  }
  return false;
}

// A rule whose one flag is `flag`.
bool FlagsOnly(const Rule& rule, std::string_view flag) {
  return rule.urgent.size() == 1 && rule.urgent.front() == flag;
}

// A rule whose flags are all among `a` and `b`: legal or fraud, the words
// a joke borrows ("i need to sue 😂", "bu fiyat dolandırıcılık 😂"); legal
// or safety, those of thanks for a claim or a harm handled well.
bool FlagsOnlyAmong(const Rule& rule, std::string_view a, std::string_view b) {
  return !rule.urgent.empty() &&
         std::all_of(rule.urgent.begin(), rule.urgent.end(),
                     [&](const std::string& flag) { return flag == a || flag == b; });
}

// The writer recommends the company: "highly recommend", "recommended",
// "herkese tavsiye ederim". Not when denied before ("wouldn't recommend",
// "can't recommend") or after ("tavsiye etmem", "tavsiye etmiyorum").
bool Recommends(const NormalizedText& text) {
  static constexpr std::string_view kWords[] = {"recommend", "recommended", "recommending",
                                                "tavsiye"};
  static constexpr WordList kRecommend(kWords);
  static constexpr std::string_view kDenials[] = {"not",   "never",  "wouldnt", "wouldn't", "cant",
                                                  "can't", "cannot", "couldnt", "couldn't", "dont",
                                                  "don't", "wont",   "won't",   "no"};
  static constexpr WordList kDenied(kDenials);
  static constexpr std::string_view kTurkishDenials[] = {"etmem",  "etmiyorum", "etmeyiz",
                                                         "edemem", "etmiyoruz", "edilmez"};
  static constexpr WordList kTurkishDenied(kTurkishDenials);
  const std::vector<Token>& t = text.tokens;
  for (size_t k = 0; k < t.size(); ++k) {
    if (!t[k].is_word || !kRecommend.Contains(t[k].text)) continue;
    const bool denied_before =
        (k >= 1 && kDenied.Contains(t[k - 1].text)) ||
        (k >= 2 && !t[k - 1].clause_start && kDenied.Contains(t[k - 2].text));
    const bool denied_after = k + 1 < t.size() && kTurkishDenied.Contains(t[k + 1].text);
    if (!denied_before && !denied_after) return true;
  }
  return false;
}

// A rating given so that the review is read: "5 stars so the devs actually
// read this", "5 yıldız veriyorum ki üstte çıkıp görün".
bool StarsGivenToBeSeen(const NormalizedText& text) {
  static constexpr std::string_view kSeen[] = {"read",     "see",    "notice", "gorun",    "gorsun",
                                               "gorsunuz", "okuyun", "okusun", "okusunuz", "ustte"};
  static constexpr WordList kSeenList(kSeen);
  bool stars = false;
  bool so = false;
  bool seen = false;
  for (const Token& t : text.tokens) {
    if (!t.is_word) continue;
    const std::string_view w = t.text;
    stars = stars || w == "stars" || w == "star" || w == "yildiz" || w == "yildizi";
    // "so", "so that", Turkish "ki" after the rating.
    so = so || (stars && (w == "so" || w == "ki"));
    seen = seen || (so && kSeenList.Contains(w));
  }
  return seen;
}

// Stars the writer says were given by mistake: a word for stars and one
// for a slip ("yanlışlıkla", "kazara", "accidentally", "by mistake",
// "meant") or for setting them aside ("boşverin", "ignore"):
// "yanlışlıkla 2 yıldız basmışım", "sorry meant 5 stars".
bool StarsSaidToBeASlip(const NormalizedText& text) {
  // "yıldızı boşverin", "ignore the stars": stars disowned say nothing either.
  static constexpr std::string_view kSlip[] = {
      "yanlislikla", "kazara", "accidentally", "mistake", "meant", "mistakenly", "misclicked",
      "yanlislikta", "bosverin", "bosver", "ignore",
      // Stars the writer cannot take back: "can't seem to edit the stars",
      // "yıldızı değiştiremedim".
      "edit", "degistiremedim", "degistiremiyorum", "duzeltemedim", "duzeltemiyorum"};
  static constexpr WordList kSlipList(kSlip);
  static constexpr std::string_view kStars[] = {"star",     "stars",  "yildiz", "yildizi",
                                                "yildizla", "rating", "puan",   "puani"};
  static constexpr WordList kStarList(kStars);
  bool stars = false;
  bool slip = false;
  for (const Token& t : text.tokens) {
    if (!t.is_word) continue;
    stars = stars || kStarList.Contains(t.text);
    slip = slip || kSlipList.Contains(t.text);
  }
  return stars && slip;
}

// Whether a review's words give its stars nothing to judge: a wish said to
// no one ("wish there was a dark mode", "keşke bir de çocuk profili
// olsa") or an app not yet used ("daha kullanmadım", "will see how it
// goes"). Asked only of posts no rule or clear sentiment has decided.
bool GivesTheStarsNothingToJudge(const NormalizedText& text) {
  const std::vector<Token>& t = text.tokens;
  for (size_t k = 0; k < t.size(); ++k) {
    if (!t[k].is_word) continue;
    const std::string_view w = t[k].text;
    const std::string_view next = WordAt(t, k + 1);
    if (w == "keske" || w == "wish") return true;
    if ((w == "daha" || w == "henuz") &&
        (next.starts_with("kullanma") || next.starts_with("denemedi"))) {
      return true;
    }
    if (w == "see" && next == "how" && WordAt(t, k + 2) == "it" &&
        (WordAt(t, k + 3) == "goes" || WordAt(t, k + 3) == "works")) {
      return true;
    }
    if ((w == "yet" && next == "to" && (WordAt(t, k + 2) == "try" || WordAt(t, k + 2) == "use")) ||
        ((w == "havent" || w == "haven't") && (next == "used" || next == "tried"))) {
      return true;
    }
  }
  return false;
}

// Whether the post asks how the writer does a thing: "how do I change
// the email", "how can we", "nasıl bağlarım", "nasıl değiştirebilirim",
// "nasıl yapayım". Under one star such a question asks for help; the
// stars are its frustration, not a fault reported.
bool AsksHowToDoIt(const NormalizedText& text) {
  const std::vector<Token>& t = text.tokens;
  for (size_t k = 0; k + 1 < t.size(); ++k) {
    if (!t[k].is_word) continue;
    const std::string_view w = t[k].text;
    if (w == "how") {
      const std::string_view next = WordAt(t, k + 1);
      const std::string_view who = WordAt(t, k + 2);
      if ((next == "do" || next == "can" || next == "should") && (who == "i" || who == "we")) {
        return true;
      }
    } else if (w == "nasil") {
      for (size_t j = k + 1; j <= k + 2 && j < t.size() && t[j].is_word; ++j) {
        const std::string_view v = t[j].text;
        if (v.size() > 4 && (v.ends_with("rim") || v.ends_with("rum") || v.ends_with("yim") ||
                             v.ends_with("yum"))) {
          return true;
        }
      }
    }
  }
  return false;
}

// Whether the post asks leave for the writer to do something: "can I",
// "could I", "may I" (or "we"), or a Turkish verb of ability asked in the
// first person ("değiştirebilir miyim", "iade edebilir miyiz").
bool AsksLeave(const NormalizedText& text) {
  const std::vector<Token>& t = text.tokens;
  for (size_t k = 0; k + 1 < t.size(); ++k) {
    if (!t[k].is_word || !t[k + 1].is_word || t[k + 1].clause_start) continue;
    const std::string_view a = t[k].text;
    const std::string_view b = t[k + 1].text;
    if ((a == "can" || a == "could" || a == "may") && (b == "i" || b == "we")) return true;
    if ((b == "miyim" || b == "miyiz") && (a.ends_with("ebilir") || a.ends_with("abilir"))) {
      return true;
    }
  }
  return false;
}

// An ordinal past the first: "second", "third", "3rd", "ikinci",
// "üçüncü", "3." (the full stop is not a token: a bare number counts).
bool IsRepeatOrdinal(std::string_view w) {
  static constexpr std::string_view kOrdinals[] = {
      "second", "third", "fourth", "fifth",  "sixth",    "nth",     "2nd",     "3rd",
      "4th",    "5th",   "ikinci", "ucuncu", "dorduncu", "besinci", "altinci", "2",
      "3",      "4",     "5",      "6",      "7",        "8",       "9",       "10"};
  static constexpr WordList kList(kOrdinals);
  return kList.Contains(w);
}

// "Still" and "again" say the problem is open whatever the thanks: "çok
// teşekkür ederim, iadem hâlâ yatmadı", "thanks, fixed, but it crashed
// again".
bool SaysStillOpen(const NormalizedText& text) {
  static constexpr std::string_view kWords[] = {"hala",  "halen", "yine",   "gene",
                                                "still", "again", "anymore"};
  static constexpr WordList kOpen(kWords);
  // "would shop again", "we'll be back again": a promise to return, not a
  // problem back again.
  static constexpr std::string_view kPromise[] = {"would", "will",  "i'd", "we'd",
                                                  "i'll",  "we'll", "id"};
  static constexpr WordList kPromiseList(kPromise);
  // A fault asked to be fixed ("fix pls", "please fix"), a count of time
  // running on ("three weeks now"), a fault dated from a month ("out of
  // order since march").
  static constexpr std::string_view kPlease[] = {"pls", "plz", "please", "asap"};
  static constexpr WordList kPleaseList(kPlease);
  static constexpr std::string_view kSpans[] = {"hours", "days", "weeks", "months", "years"};
  static constexpr WordList kSpanList(kSpans);
  static constexpr std::string_view kMonths[] = {
      "january", "february",  "march",   "april",    "may",      "june", "july",
      "august",  "september", "october", "november", "december", "last"};
  static constexpr WordList kMonthList(kMonths);
  const std::vector<Token>& tokens = text.tokens;
  auto word_at = [&](size_t k) {
    return k < tokens.size() && tokens[k].is_word ? tokens[k].text : std::string_view();
  };
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (!tokens[k].is_word) continue;
    const std::string_view w = tokens[k].text;
    if (w == "fix" &&
        (kPleaseList.Contains(word_at(k + 1)) || (k > 0 && kPleaseList.Contains(word_at(k - 1))))) {
      return true;
    }
    if (w == "now" && k > 0 && !tokens[k].clause_start && kSpanList.Contains(word_at(k - 1))) {
      return true;
    }
    if (w == "since" && kMonthList.Contains(word_at(k + 1))) return true;
    // A fault counted ("for the third time", "üçüncü kez", "3. kez"): it
    // came back, so it is open (not "the first time").
    if ((w == "time" || w == "kez" || w == "kere" || w == "defa") && k > 0 &&
        !tokens[k].clause_start && IsRepeatOrdinal(word_at(k - 1))) {
      return true;
    }
    if (!kOpen.Contains(w)) continue;
    bool promised = false;
    for (size_t back = 1; tokens[k].text == "again" && back <= 3 && back <= k && !promised;
         ++back) {
      if (tokens[k - back + 1].clause_start) break;
      promised = kPromiseList.Contains(tokens[k - back].text);
    }
    if (!promised) return true;
  }
  return false;
}

// Whether the post counts how long the writer has waited on the company:
// "2 haftadır", "3 gün önce gönderdim", "emailed on monday ... nothing
// since", "it's been 7 weeks since my claim", "sent it 5 days ago". A
// question asked after such a wait chases what is owed ("ödeme ne zaman
// yapılacak"), as a follow-up does; not a span planned ("pause for 6
// weeks", "30 days notice") nor a year ("since 2019").
bool CountsTheWait(const NormalizedText& text) {
  static constexpr std::string_view kNumbers[] = {
      "iki", "uc",  "dort", "bes",  "on",    "two",   "three", "four", "five",
      "six", "ten", "alti", "yedi", "seven", "eight", "sekiz", "nine", "dokuz"};
  static constexpr WordList kNumberList(kNumbers);
  static constexpr std::string_view kRunning[] = {"gundur", "haftadir", "aydir", "saattir"};
  static constexpr WordList kRunningList(kRunning);
  static constexpr std::string_view kSpans[] = {
      "gun",   "hafta", "ay",     "saat", "dk",    "dakika", "day",  "days",   "week",
      "weeks", "month", "months", "hour", "hours", "min",    "mins", "minutes"};
  static constexpr WordList kSpanList(kSpans);
  const std::vector<Token>& t = text.tokens;
  for (size_t k = 0; k < t.size(); ++k) {
    if (!t[k].is_word) continue;
    const std::string_view w = t[k].text;
    if (w == "nothing" && WordAt(t, k + 1) == "since") return true;
    const bool number =
        (!w.empty() && w[0] >= '1' && w[0] <= '9' && w.size() <= 2) || kNumberList.Contains(w);
    if (!number) continue;
    const std::string_view next = WordAt(t, k + 1);
    if (kRunningList.Contains(next)) return true;
    if (!kSpanList.Contains(next)) continue;
    const std::string_view after = WordAt(t, k + 2);
    if (after == "once" || after == "ago" || after == "since") return true;
    // "1 saat 40 dk oldu", "2 gün geçti": the time gone by, counted.
    if (after == "oldu" || after == "gecti") return true;
    // "it's been 3 days", "been 45 mins".
    if (k > 0 && WordAt(t, k - 1) == "been") return true;
  }
  return false;
}

// Whether the post tells a mishap of the writer's own or a relative's,
// which no company caused: a card lost, a phone stolen, a bill forgotten,
// a phone dropped, a slip ("lost my debit card last night", "phone got
// nicked on the bus", "my mum forgot to pay", "sent it to my old address
// by mistake", "kartım kayboldu", "telefonum çalındı", "annem ödemeyi
// unutmuş", "şifremi 3 kere yanlış girdim"). Not when a company is the one
// who lost or forgot ("you lost my parcel", "the driver forgot it").
bool TellsOwnMishap(const NormalizedText& text) {
  static constexpr std::string_view kAgents[] = {
      "you",     "u",        "they",  "you've", "youve",   "they've", "theyve",   "driver",
      "courier", "staff",    "store", "shop",   "bank",    "company", "team",     "ya",
      "kurye",   "kuryeniz", "siz",   "sube",   "subeniz", "magaza",  "magazaniz"};
  static constexpr WordList kAgentList(kAgents);
  // First-person verbs: the writer lost, forgot, dropped or broke it.
  static constexpr std::string_view kTurkishMishaps[] = {
      "kaybettim", "kaybettik", "kaybetmisim", "caldirdim",  "caldirmisim", "unuttum",
      "unutmusum", "unuttuk",   "dusurdum",    "dusurmusum", "kirdim",      "kirmisim"};
  static constexpr WordList kTurkishMishapList(kTurkishMishaps);
  // What befell the writer's own thing: "kartım kayboldu", "telefonum
  // çalındı" (the word before ends in the first-person possessive).
  static constexpr std::string_view kBefell[] = {"kayboldu", "kaybolmus", "calindi", "calinmis"};
  static constexpr WordList kBefellList(kBefell);
  static constexpr std::string_view kRelatives[] = {
      "annem", "babam", "esim", "oglum", "kizim", "arkadasim", "annemin", "babamin", "kardesim"};
  static constexpr WordList kRelativeList(kRelatives);
  const std::vector<Token>& t = text.tokens;
  auto by_agent = [&](size_t k) {
    return k > 0 && !t[k].clause_start && kAgentList.Contains(WordAt(t, k - 1));
  };
  for (size_t k = 0; k < t.size(); ++k) {
    if (!t[k].is_word) continue;
    const std::string_view w = t[k].text;
    const std::string_view next = WordAt(t, k + 1);
    if (w == "lost" && (next == "my" || next == "our" || next == "her" || next == "his") &&
        !by_agent(k)) {
      return true;
    }
    if ((w == "forgot" || w == "forgotten") && (next == "to" || next == "my" || next == "our") &&
        !by_agent(k)) {
      return true;
    }
    if ((w == "stolen" || w == "nicked" || w == "pinched") && k > 0 &&
        (t[k - 1].text == "got" || t[k - 1].text == "was" || t[k - 1].text == "been" ||
         t[k - 1].text == "were")) {
      return true;
    }
    // "I dropped it", "my kid dropped my iphone in the pool", "dropped my
    // phone" (not "the driver dropped my parcel", nor "the call dropped").
    if (w == "dropped" && k > 0 && (t[k - 1].text == "i" || t[k - 1].text == "we")) return true;
    if (w == "dropped" && (next == "my" || next == "our" || next == "it") && !by_agent(k)) {
      return true;
    }
    // A slip of the writer's own: "accidentally", "by mistake",
    // "yanlışlıkla", "şifreyi yanlış girdim".
    if (w == "accidentally" || w == "yanlislikla" || (w == "by" && next == "mistake")) {
      return true;
    }
    if (w == "yanlis" && next.size() > 5 &&
        (next.ends_with("dim") || next.ends_with("tim") || next.ends_with("misim")) &&
        (next.starts_with("gir") || next.starts_with("yaz") || next.starts_with("gonder") ||
         next.starts_with("sec") || next.starts_with("yap") || next.starts_with("bas") ||
         next.starts_with("tikla") || next.starts_with("ver"))) {
      return true;
    }
    if (kTurkishMishapList.Contains(w)) return true;
    if (kBefellList.Contains(w) && k > 0 && !t[k].clause_start) {
      const std::string_view owner = WordAt(t, k - 1);
      if (owner.size() > 3 &&
          (owner.back() == 'm' || owner.ends_with("miz") || owner.ends_with("muz"))) {
        return true;
      }
    }
    // "annem faturayı ödemeyi unutmuş": a relative's mishap, told in the
    // third person.
    if (w == "unutmus") {
      for (size_t back = 1; back <= 4 && back <= k; ++back) {
        if (kRelativeList.Contains(WordAt(t, k - back))) return true;
      }
    }
  }
  return false;
}

// Whether the post asks "why" ("why", "neden", "niye", "niçin"): a
// reproach more often than a request.
bool AsksWhy(const NormalizedText& text) {
  for (const Token& t : text.tokens) {
    if (!t.is_word) continue;
    if (t.text == "why" || t.text == "neden" || t.text == "niye" || t.text == "nicin") return true;
  }
  return false;
}

// Whether the post asks the company for a service, by the forms a request
// takes: "how do I", "can you", "is it possible", "what number do I call",
// "nasıl alırım", "kapattırabilir miyim", "mümkün mü", "nereden", and no
// reproach ("why", "neden", "niye").
bool AsksForAService(const NormalizedText& text) {
  const std::vector<Token>& t = text.tokens;
  // Leave asked ("can I", "kapattırabilir miyim") is a request too.
  bool asks = AsksLeave(text);
  for (size_t k = 0; k < t.size(); ++k) {
    if (!t[k].is_word) continue;
    const std::string_view w = t[k].text;
    const std::string_view next = WordAt(t, k + 1);
    if (w == "why" || w == "neden" || w == "niye" || w == "nicin") return false;
    if ((w == "how" || w == "where" || w == "what") &&
        (next == "do" || next == "can" || next == "should" || next == "number")) {
      asks = true;
    }
    if ((w == "can" || w == "could") && next == "you") asks = true;
    if ((w == "do" || w == "does") && (next == "i" || next == "you" || next == "my")) asks = true;
    if (w == "possible" && k > 0 && t[k - 1].text == "it") asks = true;
    // Turkish: "nasıl" asking (not exclaiming "bu nasıl hizmet"), "mümkün
    // mü", "var mı", "nereden", "lazım" ("olabilir mi" wonders, and leave
    // is asked in the first person: AsksLeave).
    if (w == "nasil" && !IsTurkishExclamation(t, k)) asks = true;
    if (w == "mi" && k > 0 && (t[k - 1].text == "mumkun" || t[k - 1].text == "var")) asks = true;
    if (w == "nereden" || w == "nerden" || w == "lazim" || w == "gerekiyor") asks = true;
  }
  return asks;
}

// A question asked in admiration or to deny a slight: "how do you (even)
// do that", "who said (customer service is dead)", "kim demiş", "nasıl
// yapıyorsunuz bunu".
bool AsksInAdmiration(const NormalizedText& text) {
  const std::vector<Token>& t = text.tokens;
  for (size_t k = 0; k + 1 < t.size(); ++k) {
    if (!t[k].is_word) continue;
    const std::string_view w = t[k].text;
    const std::string_view next = WordAt(t, k + 1);
    if (w == "who" && (next == "said" || next == "says")) return true;
    if (w == "kim" && (next == "demis" || next == "dedi" || next == "diyor")) return true;
    if (w == "how" && next == "do" && WordAt(t, k + 2) == "you") {
      size_t j = k + 3;
      if (WordAt(t, j) == "even" || WordAt(t, j) == "guys") ++j;
      const std::string_view object = WordAt(t, j + 1);
      if (WordAt(t, j) == "do" && (object == "it" || object == "that" || object == "this")) {
        return true;
      }
    }
    if (w == "nasil" && (next.starts_with("yapiyo") || next.starts_with("beceriyo")) &&
        (WordAt(t, k + 2) == "bunu" || WordAt(t, k + 2).empty())) {
      return true;
    }
  }
  return false;
}

// Marks of incredulity rather than a question: every "?" of the post stands
// in a run with another mark ("remembered my order after one visit??",
// "STILL going strong?! how"), none alone.
bool QuestionMarksOnlyInRuns(std::string_view raw) {
  bool any = false;
  for (size_t k = raw.find('?'); k != std::string_view::npos; k = raw.find('?', k + 1)) {
    any = true;
    const bool before = k > 0 && (raw[k - 1] == '?' || raw[k - 1] == '!');
    const bool after = k + 1 < raw.size() && (raw[k + 1] == '?' || raw[k + 1] == '!');
    if (!before && !after) return false;
  }
  return any;
}

// Words of a lukewarm verdict: "average", "it's fine", "nothing special",
// "met expectations", "idare eder", "sıradan", "fena değil", "eh işte".
bool SoundsLukewarm(const NormalizedText& text) {
  static constexpr std::string_view kWords[] = {
      "average",  "mediocre", "meh",    "okish", "so-so",    "ortalama", "siradan",
      "standart", "vasat",    "normal", "idare", "standard", "decent"};
  static constexpr WordList kLukewarm(kWords);
  const std::vector<Token>& t = text.tokens;
  for (size_t k = 0; k < t.size(); ++k) {
    if (!t[k].is_word) continue;
    const std::string_view w = t[k].text;
    const std::string_view next = WordAt(t, k + 1);
    if (kLukewarm.Contains(w)) return true;
    if (w == "nothing" && (next == "special" || next == "to" || next == "more")) return true;
    if ((w == "fine" || w == "ok" || w == "okay") && k > 0 &&
        (t[k - 1].text == "its" || t[k - 1].text == "it's" || t[k - 1].text == "was" ||
         t[k - 1].text == "is")) {
      return true;
    }
    if ((w == "met" || w == "meets") && next == "expectations") return true;
    if (w == "fena" && next == "degil") return true;
    if (w == "eh" && next == "iste") return true;
    if (w == "beklentimi" && next.starts_with("karsila")) return true;
    if (w == "is" && (next == "gorur" || next == "goruyor")) return true;
    if (w == "isimi" && next.starts_with("goru")) return true;
  }
  return false;
}

// The index of the post's first word that `skip` does not pass over
// (mentions, emoji and links are no words), or t.size(): where a post
// opens once its greeting laughs are set aside.
template <typename Skip>
size_t OpeningWord(const std::vector<Token>& t, Skip skip) {
  for (size_t k = 0; k < t.size(); ++k) {
    if (t[k].is_word && !skip(t[k].text)) return k;
  }
  return t.size();
}

// Above this strength an acknowledgement is warm enough to be praise ("ok
// thank you so so much!!").
constexpr double kAcknowledgementPraiseBelow = 0.9;

// A bare acknowledgement in a thread ("ok thx, will keep an eye out",
// "noted, thanks", "tamam anladım bekliyorum o zaman 👍", "haha fair
// enough, see you saturday"): the post opens with a word of assent, after
// any mention or laughter, runs short, and names no fix and no praise of
// its own. It answers the company; there is nothing to answer back.
bool OnlyAcknowledges(const NormalizedText& text) {
  static constexpr std::string_view kAssent[] = {
      "ok",         "okay",    "okey",  "k",        "kk",       "noted", "gotcha",
      "understood", "alright", "roger", "tamam",    "tamamdir", "tmm",   "anladim",
      "anlasildi",  "peki",    "olur",  "anlastik", "tamamdır"};
  static constexpr WordList kAssentList(kAssent);
  static constexpr std::string_view kLaugh[] = {"haha", "hahaha", "lol", "ahah", "ahaha", "sjsj"};
  static constexpr WordList kLaughList(kLaugh);
  // Words that report a fix or give praise beyond thanks: with them the
  // post thanks for something done ("ok thanks, sorted now").
  static constexpr std::string_view kDone[] = {
      "sorted",    "fixed",      "solved",        "resolved",  "working", "works",    "worked",
      "arrived",   "received",   "great",         "amazing",   "awesome", "perfect",  "brilliant",
      "excellent", "love",       "fast",          "quick",     "quickly", "helpful",  "best",
      "legend",    "legends",    "appreciate",    "lifesaver", "cozuldu", "halloldu", "duzeldi",
      "geldi",     "ulasti",     "calisiyor",     "harika",    "super",   "mukemmel", "hizli",
      "ilginiz",   "yardiminiz", "yardimlariniz", "iyisiniz",  "efsane",  "cozdunuz"};
  static constexpr WordList kDoneList(kDone);
  const std::vector<Token>& t = text.tokens;
  const size_t open = OpeningWord(t, [](std::string_view w) { return kLaughList.Contains(w); });
  if (open == t.size()) return false;
  const std::string_view first = t[open].text;
  const std::string_view next = WordAt(t, open + 1);
  if (!kAssentList.Contains(first) && !(first == "got" && next == "it") &&
      !(first == "fair" && next == "enough") && !(first == "not" && next == "aldim")) {
    return false;
  }
  size_t words = 0;
  for (size_t k = open; k < t.size(); ++k) {
    if (!t[k].is_word) continue;
    if (kDoneList.Contains(t[k].text) || ++words > 14) return false;
  }
  return true;
}

// Whether the writer says the fault was their own: "my fault", "my own
// fault", "my bad", "my mistake", "my own clumsiness", "benim hatam",
// "kendi hatam(dan)", "hata bendeydi", "sakarlık bende".
bool BlamesThemselves(const NormalizedText& text) {
  const std::vector<Token>& t = text.tokens;
  for (size_t k = 0; k + 1 < t.size(); ++k) {
    const std::string_view a = t[k].text;
    const bool owner = a == "my" || a == "benim" || a == "kendi";
    const bool fault = a == "hata" || a == "suc" || a == "kabahat" || a == "sorun" ||
                       a == "problem" || a == "sakarlik";
    if (!owner && !fault) continue;
    // Not asked ("how is this my fault?", "hata bende mi?").
    if (!t[k].is_word || !t[k + 1].is_word || t[k + 1].clause_start || t[k].in_question) continue;
    // "hata bendeydi", "suç bende", "sorun bendeymiş", "sakarlık bende":
    // the fault is with me (not "sorun bende değil").
    if (fault) {
      const bool denied = k + 2 < t.size() && t[k + 2].text.substr(0, 5) == "degil";
      if (t[k + 1].text.substr(0, 5) == "bende" && !denied) return true;
      continue;
    }
    std::string_view b = t[k + 1].text;
    if (a == "my" && b == "own" && k + 2 < t.size() && t[k + 2].is_word) b = t[k + 2].text;
    // "my bad" only as a phrase of its own, not "my bad experience".
    const size_t after = k + (b == t[k + 1].text ? 2 : 3);
    const bool ends =
        after >= t.size() || !t[after].is_word || t[after].clause_start || t[after].after_comma;
    // "my fault for trusting you", "my mistake for expecting a reply": the
    // blame taken in mockery, at the company.
    if (a == "my" && after < t.size() && t[after].text == "for" && !t[after].clause_start) {
      continue;
    }
    if (a == "my" && (b == "fault" || b == "mistake" || (b == "bad" && ends))) return true;
    // "my own clumsiness", "kendi sakarlığım": the writer's hands to blame.
    if ((a == "my" && (b == "clumsiness" || b == "carelessness")) ||
        (a == "kendi" && b.starts_with("sakarlig"))) {
      return true;
    }
    if ((a == "benim" || a == "kendi") && b.substr(0, 5) == "hatam") return true;
  }
  return false;
}

// Whether the words from `k` name the company as someone: "you", "them",
// an account ("@shopnest"), "the shop" (not "my order": "nothing to do
// with my order" says a fault is wrongly charged, not that none is owed).
bool NamesTheCompanyAfter(const std::vector<Token>& t, size_t k) {
  if (k >= t.size()) return false;
  if (t[k].kind == Token::Kind::kMention) return true;
  const std::string_view w = WordAt(t, k);
  if (w == "you" || w == "u" || w == "them") return true;
  const std::string_view next = WordAt(t, k + 1);
  return w == "the" && (next == "shop" || next == "store" || next == "brand" || next == "company" ||
                        next == "app" || next == "seller");
}

// Whether the writer lays no blame on the company: "not your fault at
// all", "nobody's fault but mine", "no one's fault", "not even @zipfibre's
// fault", "nothing to do with the shop", "kimsenin suçu yok", "sizin
// suçunuz yok", "hatanız değil", "firmanın suçu yok", "siz değil X
// getiriyormuş", "sizinle alakası yok", "bizim bankayla alakası yok" (not
// "diğer şubelerinizle alakası yok": this branch is the one blamed). The bad news in such a post is
// the weather's, a stranger's or the writer's, and there is nothing to answer. Not asked ("how is
// this not your fault?"), not reported as the company's excuse ("you keep saying it's not your
// fault", "suçunuz yok diyorsunuz"), and not with a request ("not your fault, but please chase the
// courier"): a request wants an answer whoever is to blame.
bool AbsolvesTheCompany(const NormalizedText& text) {
  const std::vector<Token>& t = text.tokens;
  auto word = [&](size_t k) {
    return k < t.size() && t[k].is_word ? t[k].text : std::string_view();
  };
  bool absolves = false;
  for (size_t k = 0; k < t.size(); ++k) {
    const std::string_view w = word(k);
    if (w.empty()) continue;
    // A request, in either language.
    if (w == "please" || w == "pls" || w == "plz" || w == "lutfen" || w == "help" ||
        w.starts_with("yardim") || ((w == "can" || w == "could") && word(k + 1) == "you")) {
      return false;
    }
    if (absolves || t[k].in_question) continue;
    const std::string_view next = word(k + 1);
    const std::string_view third = word(k + 2);
    auto denies = [](std::string_view x) { return x == "yok" || x.starts_with("degil"); };
    const bool three_words =
        (third == "fault" && ((w == "not" && (next == "your" || next == "ur")) ||
                              (w == "no" && (next == "one's" || next == "ones")))) ||
        (w == "kimsenin" && (next == "sucu" || next == "hatasi") && denies(third));
    const bool two_words =
        ((w == "nobody's" || w == "nobodys" || w == "noone's" || w == "noones") &&
         next == "fault") ||
        ((w == "sucunuz" || w == "hataniz") && denies(next)) ||
        // "kargomu siz değil X getiriyormuş": not you, someone else.
        ((w == "siz" || w == "sizin") && next.starts_with("degil"));
    // Someone's fault denied: "not even @ZipFibre's fault", "not the
    // shop's fault"; "firmanın suçu yok", "kuryenin hatası değil".
    size_t owner_at = k + 1;
    while (owner_at < k + 3 && (word(owner_at) == "even" || word(owner_at) == "the")) ++owner_at;
    // The owner may be an account: "@zipfibre's".
    const std::string_view owner = owner_at < t.size() ? t[owner_at].text : std::string_view();
    const size_t fault_at = owner_at + 1;
    const bool someones_fault = (w == "not" && (owner.ends_with("'s") || owner.ends_with("s'")) &&
                                 word(fault_at) == "fault") ||
                                (w.size() > 4 && (w.ends_with("in") || w.ends_with("un")) &&
                                 (next == "sucu" || next == "hatasi") && denies(third));
    // "nothing to do with the shop", "bizim bankayla alakası yok".
    const bool not_related =
        (w == "nothing" && next == "to" && third == "do" && word(k + 3) == "with" &&
         NamesTheCompanyAfter(t, k + 4)) ||
        ((w == "sizinle" || (k > 0 && word(k - 1) == "bizim" && w.ends_with("la"))) &&
         next == "alakasi" && denies(third));
    if (!three_words && !two_words && !someones_fault && !not_related) continue;
    const size_t end = someones_fault ? (w == "not" ? fault_at + 1 : k + 3)
                       : not_related  ? k + (w == "nothing" ? 4 : 3)
                                      : k + (three_words ? 3 : 2);  // the token after the phrase
    // The company's excuse reported: "you keep saying it's not your fault".
    bool reported = false;
    for (size_t b = k >= 4 ? k - 4 : 0; b < k; ++b) {
      const std::string_view before = word(b);
      reported = reported || before == "say" || before == "says" || before == "said" ||
                 before == "saying" || before == "claim" || before == "claims";
    }
    const std::string_view after = word(end);
    reported = reported || after.starts_with("diyor") || after.starts_with("dedi") ||
               after.starts_with("demeyin") || after.starts_with("diyecek");
    absolves = !reported;
  }
  return absolves;
}

// Whether the writer takes the problem back: a false alarm told as found
// out, with an apology or a request to drop it ("internet gitti diye
// panikledim, meğer kedi fişi çekmiş, kusura bakmayın, arıza kaydını iptal
// edin"; "thought my parcel was lost, turns out my neighbour had it, sorry
// for the fuss"; "meğer sigorta atmış, pardon"; "meğer talimat vermişim,
// boşverin"; "nvm found it, sorry for the @"; "then realised I sent it to
// my old flat, nothing to see here"), or said outright ("false alarm",
// "panic over", "yanlış alarm"). Found out alone is no retraction: "turns
// out they never sent it" reports the fault.
// Whether the post calls itself a false alarm in so many words: "false
// alarm, carry on", "yanlış alarm", "panic over", "crisis averted".
bool SaysFalseAlarm(const NormalizedText& text) {
  const std::vector<Token>& t = text.tokens;
  for (size_t k = 0; k + 1 < t.size(); ++k) {
    if (!t[k].is_word || !t[k + 1].is_word) continue;
    const std::string_view w = t[k].text;
    const std::string_view next = t[k + 1].text;
    if (((w == "false" || w == "yanlis") && next == "alarm") || (w == "panic" && next == "over") ||
        (w == "crisis" && next == "averted")) {
      return true;
    }
  }
  return false;
}

bool Retracts(const NormalizedText& text) {
  if (SaysFalseAlarm(text)) return true;
  const std::vector<Token>& t = text.tokens;
  bool found_out = false;
  bool sorry = false;
  auto next_is = [&](size_t k, std::string_view w) {
    return k + 1 < t.size() && t[k + 1].is_word && t[k + 1].text == w;
  };
  for (size_t k = 0; k < t.size(); ++k) {
    if (!t[k].is_word) continue;
    const std::string_view w = t[k].text;
    if (w.size() < 2 || w.size() > 13) continue;
    switch (w[0]) {
      case 'm':
        found_out = found_out || w == "meger" || w == "megerse";
        sorry = sorry || (w == "my" && (next_is(k, "bad") || next_is(k, "mistake")));
        break;
      case 'n':
        // "never mind", "nvm", "nothing to see here".
        sorry = sorry || w == "nvm" || w == "nevermind" || (w == "never" && next_is(k, "mind")) ||
                (w == "nothing" && next_is(k, "to") && k + 2 < t.size() && t[k + 2].text == "see");
        break;
      case 'a':
        // "affedersiniz"; "all good now"; "as you were".
        sorry = sorry || w == "affedersiniz" || (w == "all" && next_is(k, "good")) ||
                (w == "as" && next_is(k, "you") && k + 2 < t.size() && t[k + 2].text == "were");
        break;
      case 'b':
        // "boşverin, sorun yok".
        sorry = sorry || w == "bosverin" || w == "bosver";
        break;
      case 't':
        // "tagged @parcelpilot by mistake": the wrong company tagged.
        found_out =
            found_out || ((w == "turns" || w == "turned") && next_is(k, "out")) || w == "tagged";
        break;
      case 'r':
        // "then realised I sent it to my old flat", "then remembered I
        // upgraded my own plan".
        found_out = found_out || w == "realised" || w == "realized" || w == "remembered";
        break;
      case 'd':
        // "kartım bloke değilmiş": it turns out it was not.
        found_out = found_out || w == "degilmis";
        break;
      case 'u':
        // "kendi dizi aboneliğimmiş, unutmuşum": it was mine, forgotten.
        found_out = found_out || w == "unutmusum";
        break;
      case 'e':
        // "yanlışlıkla sizi etiketlemişim": the wrong company tagged.
        found_out = found_out || w.starts_with("etiketlemis");
        break;
      case 'f':
        // "nvm found it"; "sonradan fark ettim", "farkettim".
        found_out = found_out || (w == "found" && next_is(k, "it")) ||
                    (w == "fark" && next_is(k, "ettim")) || w == "farkettim";
        break;
      case 'p':
        // Not "pardon ama": an apology before a "but" introduces a complaint.
        sorry = sorry || (w == "pardon" && !next_is(k, "ama") && !next_is(k, "fakat") &&
                          !next_is(k, "ancak"));
        break;
      case 'k':
        sorry = sorry || (w == "kusura" && (next_is(k, "bakmayin") || next_is(k, "bakma")));
        break;
      case 'o':
        // "özür dilerim"; "az önceki tweet için özür" (not "özür bekliyorum",
        // "özür dilemediniz": an apology owed by the company).
        sorry = sorry || (w == "ozur" &&
                          (next_is(k, "dilerim") || (k > 0 && t[k - 1].text == "icin" &&
                                                     (k + 1 == t.size() || !t[k + 1].is_word ||
                                                      !t[k + 1].text.starts_with("bekl")))));
        break;
      case 's':
        // "sorry for the fuss", "sorry to bother you", "sorry everyone".
        sorry = sorry ||
                (w == "sorry" &&
                 (k + 1 == t.size() || !t[k + 1].is_word || t[k + 1].clause_start ||
                  t[k + 1].after_comma || t[k + 1].text == "for" || t[k + 1].text == "to" ||
                  t[k + 1].text == "everyone" || t[k + 1].text == "all" ||
                  t[k + 1].text == "guys" || t[k + 1].text == "folks" || t[k + 1].text == "lads"));
        break;
      case 'i':
        // "ignore my last tweet", "arıza kaydını iptal edin".
        // "ignore my last tweet", "ignore my earlier review": a retraction
        // in itself.
        if (w == "ignore" && next_is(k, "my") && k + 2 < t.size() &&
            (t[k + 2].text == "last" || t[k + 2].text == "earlier" ||
             t[k + 2].text == "previous")) {
          return true;
        }
        sorry = sorry ||
                (w == "ignore" && (next_is(k, "my") || next_is(k, "this") || next_is(k, "me") ||
                                   next_is(k, "that") || next_is(k, "the")));
        sorry = sorry ||
                (w == "iptal" && next_is(k, "edin") && k > 0 &&
                 (t[k - 1].text.substr(0, 4) == "kayd" || t[k - 1].text.substr(0, 5) == "talep" ||
                  t[k - 1].text.substr(0, 6) == "sikaye"));
        break;
      default:
        break;
    }
  }
  return found_out && sorry;
}

// Whether the post names a stop the company announced: "planned outage",
// "scheduled maintenance", "planlı kesinti", "programlı bakım çalışması".
// Asked about ("saw the planned outage notice for thursday, how long will
// it last?", "yarın planlı kesinti varmış, kaç saat sürer?"), it is no
// fault: the company said so beforehand.
bool NamesAPlannedStop(const NormalizedText& text) {
  const std::vector<Token>& t = text.tokens;
  for (size_t k = 0; k + 1 < t.size(); ++k) {
    const std::string_view w = t[k].text;
    if (w != "planned" && w != "scheduled" && w != "planli" && w != "programli") continue;
    // The stop itself, next or one word on ("planned power outage").
    for (size_t j = k + 1; j <= k + 2 && j < t.size() && t[j].is_word; ++j) {
      const std::string_view stop = t[j].text;
      if (stop.starts_with("outage") || stop.starts_with("maintenance") || stop == "works" ||
          stop == "downtime" || stop.starts_with("kesinti") || stop.starts_with("bakim") ||
          stop.starts_with("calisma")) {
        return true;
      }
    }
  }
  return false;
}

// Whether the post asks what a policy or a plan covers ("does my policy
// include breakdown cover", "does applecare cover water damage", "kasko
// poliçeme cam hasarı dahil mi", "konut sigortam yangını karşılıyor mu",
// "kaskomda yol yardım var mı"): the mishap it names is the reason to ask,
// not a fault of the company's.
bool AsksWhatIsCovered(const NormalizedText& text) {
  // Most posts hold none of the words: a scan of the folded text turns them
  // away before the tokens are walked.
  const std::string_view folded = text.folded;
  if (folded.find("cover") == std::string_view::npos &&
      folded.find("dahil") == std::string_view::npos &&
      folded.find("karsil") == std::string_view::npos &&
      folded.find("kaps") == std::string_view::npos &&
      folded.find("yardim") == std::string_view::npos) {
    return false;
  }
  const std::vector<Token>& t = text.tokens;
  for (size_t k = 0; k < t.size(); ++k) {
    if (!t[k].is_word) continue;
    const std::string_view w = t[k].text;
    const std::string_view next = WordAt(t, k + 1);
    if ((w == "dahil" || w.starts_with("karsiliyor") || w.starts_with("kapsiyor") ||
         w.starts_with("kapsaminda") || w == "karsilar" || w == "kapsar") &&
        (next == "mi" || next == "mu" || next.starts_with("mi") || next.starts_with("mu"))) {
      return true;
    }
    if (w == "yardim" && k > 0 && t[k - 1].text == "yol" && next == "var") return true;
    // "does my policy include breakdown cover", "does applecare cover",
    // "am I covered" (not "does it include", asked of what is on sale).
    if (w == "does" || w == "do" || w == "will" || w == "would") {
      for (size_t j = k + 1; j <= k + 5 && j < t.size(); ++j) {
        const std::string_view v = WordAt(t, j);
        if (v == "cover") return true;
      }
    }
    if ((w == "am" || w == "is" || w == "are") &&
        (next == "i" || next == "it" || next == "this" || next == "that") &&
        WordAt(t, k + 2) == "covered") {
      return true;
    }
  }
  return false;
}

// Whether a question is put to the writer's followers or friends, not to a
// company: "does anyone know a good plumber", "anybody tried it?",
// "arkadaşlar hangisi daha iyi çeker?", "kanka sen hangi bankayı
// kullanıyordun", "bilen var mı", "kullanan var mı", "tecrübesi olan
// yazsın", "hangisi, yorumlara yazın".
// Not when the company's people are asked ("anyone from the team know…",
// "anyone at @acme around?") or the company is spoken to ("bilen var mı?
// @acme siz biliyorsunuzdur").
bool AsksThePublic(const NormalizedText& text) {
  const std::vector<Token>& t = text.tokens;
  bool public_asked = false;
  for (size_t k = 0; k < t.size(); ++k) {
    if (!t[k].is_word) continue;
    const std::string_view w = t[k].text;
    const std::string_view next = WordAt(t, k + 1);
    if (w == "anyone" || w == "anybody") {
      if (next == "from" || next == "at" || next == "in" || next == "working") return false;
      public_asked = true;
    }
    if (w == "arkadaslar" || w == "kanka") public_asked = true;
    if ((w == "bilen" || w == "kullanan" || w == "deneyen") && next == "var") public_asked = true;
    // Anyone who has done it: "daha önce uçan var mı?", "orada kalan var mı".
    if (w.size() >= 4 && (w.ends_with("an") || w.ends_with("en")) && next == "var" &&
        WordAt(t, k + 2).starts_with("m")) {
      public_asked = true;
    }
    // "sizce X mi daha iyi Y mi?": the readers' opinion.
    if (w == "sizce") public_asked = true;
    if (w == "tecrubesi" && next == "olan") public_asked = true;
    // A poll for the comments: "X mi Y mi, yorumlara yazın", "tell me in
    // the comments".
    if (w == "yorumlara" && next.starts_with("yaz")) public_asked = true;
    // An advert or a video the readers are asked about: "TelNova'nın yeni
    // reklamını gördünüz mü 😂" (not "mesajımı gördünüz mü", asked of the
    // company).
    if (w == "gordunuz" && next.starts_with("mu") && k > 0) {
      const std::string_view seen = t[k - 1].text;
      if (seen.starts_with("reklam") || seen.starts_with("video") || seen.starts_with("haber")) {
        public_asked = true;
        continue;  // its formal "you" is the readers
      }
    }
    if (w == "comments" && k >= 2 && t[k - 1].text == "the" && t[k - 2].text == "in") {
      public_asked = true;
    }
    // "arkadaşlar" and a formal "you" both: the company may be asked too
    // ("sizce", "what do you think", asks the readers).
    if (IsFormalYou(w) && w != "sizce") return false;
  }
  return public_asked;
}

// Whether a question is asked before buying: the writer has no order to
// complain about yet ("asking before I order a laptop", "thinking of
// getting one for my dad", "almadan önce sorayım dedim", "almayı
// düşünüyorum"), so the problems it names are supposed or other people's.
bool AsksBeforeBuying(const NormalizedText& text) {
  static constexpr std::string_view kActs[] = {
      "order",     "book",        "buy",       "purchase", "sign",    "commit",
      "get",       "ordering",    "booking",   "buying",   "getting", "signing",
      "switching", "subscribing", "upgrading", "renting",  "joining"};
  static constexpr WordList kAct(kActs);
  const std::vector<Token>& t = text.tokens;
  auto word = [&](size_t k) { return WordAt(t, k); };
  for (size_t k = 0; k < t.size(); ++k) {
    const std::string_view w = word(k);
    if (w.size() < 5) continue;
    if (w == "before") {
      size_t n = k + 1;
      if (word(n) == "i" || word(n) == "we") ++n;
      if (kAct.Contains(word(n))) return true;
    } else if (w == "thinking" || w == "planning" || w == "considering") {
      size_t n = k + 1;
      if (word(n) == "of" || word(n) == "about" || word(n) == "to") ++n;
      if (kAct.Contains(word(n))) return true;
    } else if ((w == "almadan" || w == "vermeden" || w == "yaptirmadan" || w == "kiralamadan") &&
               word(k + 1) == "once") {
      return true;
    } else if (w == "almayi" || w == "almak") {
      const std::string_view n = word(k + 1);
      if (n.substr(0, 6) == "dusunu" || n.substr(0, 7) == "planliy" || n == "istiyorum") {
        return true;
      }
    }
  }
  return false;
}

// Whether the post tells a relative's or a friend's story and speaks to no
// one in the second person: it opens (after any mention, emoji or laugh)
// with "my dad", "my flatmate", "kuzenim", "ev arkadaşım", and holds no
// "you", "your" nor a formal "siz" form. "kuzenim @bank'ta işe başladı 🎉",
// "my flatmate won't stop bragging about his bill 🙄": news of someone
// else, not a word to the company ("my mum is 82 and your store upsold
// her" speaks to it).
bool TellsSomeoneElsesStory(const NormalizedText& text) {
  static constexpr std::string_view kEnglish[] = {
      "mum",       "mom",      "dad",  "mother",   "father",    "sister",     "brother",
      "cousin",    "friend",   "mate", "flatmate", "roommate",  "neighbour",  "neighbor",
      "wife",      "husband",  "bf",   "gf",       "boyfriend", "girlfriend", "son",
      "daughter",  "nan",      "gran", "grandma",  "grandad",   "uncle",      "aunt",
      "colleague", "coworker", "ex",   "boss",     "partner"};
  static constexpr WordList kEnglishList(kEnglish);
  static constexpr std::string_view kTurkish[] = {
      "annem",     "babam", "kardesim", "kuzenim",  "arkadasim", "komsum",  "komsumuz",
      "esim",      "kocam", "karim",    "sevgilim", "abim",      "ablam",   "teyzem",
      "dayim",     "amcam", "halam",    "patronum", "oglum",     "kizim",   "anneannem",
      "babaannem", "dedem", "annemler", "babamlar", "yengem",    "eniştem", "enistem"};
  static constexpr WordList kTurkishList(kTurkish);
  static constexpr std::string_view kLaugh[] = {"lol", "haha", "hahaha", "ngl", "so", "ok"};
  static constexpr WordList kLaughList(kLaugh);
  static constexpr std::string_view kYou[] = {"you",    "your", "yours", "you're", "youre",
                                              "you've", "u",    "ur",    "y'all",  "yall"};
  static constexpr WordList kYouList(kYou);
  const std::vector<Token>& t = text.tokens;
  // "ev arkadaşım", "iş arkadaşım": the noun before the friend is passed.
  const size_t open = OpeningWord(
      t, [](std::string_view w) { return kLaughList.Contains(w) || w == "ev" || w == "is"; });
  if (open == t.size()) return false;
  if (!kTurkishList.Contains(t[open].text) &&
      !(t[open].text == "my" && kEnglishList.Contains(WordAt(t, open + 1)))) {
    return false;
  }
  for (size_t k = open + 1; k < t.size(); ++k) {
    if (t[k].is_word && (kYouList.Contains(t[k].text) || IsFormalYou(t[k].text))) return false;
  }
  return true;
}

// The most words a headline or an advert runs to; a post longer than this
// tells a story of its own.
constexpr size_t kHeadlineWordsAtMost = 40;

size_t WordCount(const NormalizedText& text) {
  return static_cast<size_t>(std::count_if(text.tokens.begin(), text.tokens.end(),
                                           [](const Token& token) { return token.is_word; }));
}

// Whether a mention names its account in passing, in the middle of a
// line: in English after a preposition, a determiner or a number ("sat
// in a @beanlab at the station", "made my @skywingair flight", "4
// @voltenergy cans deep"); in Turkish anywhere mid-line ("@buzbar'dan
// aldığım dondurma eridi", "maç boyunca @cipskral yedim"), where the
// suffixes, not the place, say what the account is to the sentence. Not
// when it opens the post, closes it as a tag ("iphone battery sucks
// 11.2.1 @apple"), owns what follows ("@zipfibre's 'up to 900mb'"), is
// the English subject or the one told ("impolite service @nordstrom",
// "but @dropbox still has my account"), or is a help account
// ("@acme_support", "@kargodestek"): those are written to.
bool NamesInPassing(const std::vector<Token>& t, size_t k, bool turkish) {
  static constexpr std::string_view kHelp[] = {"support", "help",   "care",
                                               "destek",  "yardim", "musterihizmetleri"};
  static constexpr std::string_view kBefore[] = {
      "from", "at",  "in",  "into",  "of",   "on",   "inside", "outside",
      "near", "by",  "via", "with",  "a",    "an",   "the",    "my",
      "our",  "his", "her", "their", "this", "that", "some",   "every"};
  static constexpr WordList kBeforeList(kBefore);
  const std::string_view m = t[k].text;
  for (const std::string_view h : kHelp) {
    if (m.find(h) != std::string_view::npos) return false;
  }
  const auto word = [](const Token& token) { return token.is_word; };
  const bool first = std::none_of(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(k), word);
  const bool last = std::none_of(t.begin() + static_cast<std::ptrdiff_t>(k) + 1, t.end(), word);
  if (first || last || m.ends_with("'s")) return false;
  if (turkish) return true;
  for (size_t b = k; b > 0;) {
    --b;
    if (!t[b].is_word) continue;
    const std::string_view w = t[b].text;
    return kBeforeList.Contains(w) || (!w.empty() && w[0] >= '0' && w[0] <= '9');
  }
  return false;
}

bool SpeaksToYou(const NormalizedText& text) {
  static constexpr std::string_view kYou[] = {"you",    "your", "yours", "you're", "youre",
                                              "you've", "u",    "ur",    "y'all",  "yall"};
  static constexpr WordList kYouList(kYou);
  return std::any_of(text.tokens.begin(), text.tokens.end(), [](const Token& token) {
    return token.is_word && (kYouList.Contains(token.text) || IsFormalYou(token.text));
  });
}

// Whether the post opens with an account ("@acme my order...") or speaks
// to a reader ("you", "your", formal "siz" forms).
bool OpensToSomeone(const NormalizedText& text) {
  for (const Token& token : text.tokens) {
    if (token.kind == Token::Kind::kMention) return true;
    if (token.is_word) break;
  }
  return SpeaksToYou(text);
}

// Whether the post is put to someone: it names an account other than in
// passing (NamesInPassing: "@acme my order...", "impolite service
// @nordstrom", "... @apple"), or speaks to a reader ("you", "your", formal
// "siz" forms). "sat in a @beanlab at the station", "@buzbar'dan aldığım
// dondurma eridi", "siparişim yine gecikti, berbat" are put to no one.
bool PutToSomeone(const NormalizedText& text, bool turkish) {
  const std::vector<Token>& t = text.tokens;
  for (size_t k = 0; k < t.size(); ++k) {
    if (t[k].kind == Token::Kind::kMention && !NamesInPassing(t, k, turkish)) return true;
  }
  return SpeaksToYou(text);
}

// Whether the post lays a problem at another door: another company ("with
// a different insurer", "some other courier", "the place next door") or a
// friend ("friend's parcel"). English only: Turkish "başka bir bankada",
// "eski operatörümde" are as often the comparison a complaint draws.
bool LaysProblemElsewhere(const NormalizedText& text) {
  static constexpr std::string_view kCompanies[] = {
      "company", "insurer",  "provider", "courier",  "airline",    "bank",  "network",  "carrier",
      "shop",    "store",    "place",    "brand",    "restaurant", "hotel", "supplier", "firm",
      "gym",     "retailer", "seller",   "operator", "app",        "site",  "website"};
  static constexpr WordList kCompany(kCompanies);
  const std::vector<Token>& t = text.tokens;
  auto word = [&](size_t k) { return WordAt(t, k); };
  for (size_t k = 0; k < t.size(); ++k) {
    const std::string_view w = word(k);
    if (w.size() < 4) continue;
    if (w == "different" || w == "another" || w == "previous" || w == "former" || w == "other") {
      // "with a different insurer", "some other courier", "my previous
      // provider": a company named after the word.
      const bool owned =
          k > 0 && (word(k - 1) == "a" || word(k - 1) == "my" || word(k - 1) == "our" ||
                    word(k - 1) == "some" || word(k - 1) == "with" || word(k - 1) == "at" ||
                    word(k - 1) == "from" || word(k - 1) == "by");
      if (owned && (kCompany.Contains(word(k + 1)) || kCompany.Contains(word(k + 2)))) return true;
    } else {
      const bool next_door =
          w == "door" && k >= 2 && word(k - 1) == "next" &&
          (word(k - 2) == "place" || word(k - 2) == "restaurant" || word(k - 2) == "shop");
      if (next_door || w == "friend's" || w == "mate's" || w == "friends'" || w == "neighbour's" ||
          w == "neighbor's") {
        return true;
      }
    }
  }
  return false;
}

// Whether the post mentions one of the brand's own accounts ("@acme 😡😡"):
// written to the company, so it aims at the company whatever its words.
bool MentionsBrandAccount(const NormalizedText& text, const std::set<std::string>* accounts) {
  if (accounts == nullptr) return false;
  for (const Token& token : text.tokens) {
    if (token.kind != Token::Kind::kMention) continue;
    std::string_view handle = token.text;
    if (!handle.empty() && handle.front() == '@') handle.remove_prefix(1);
    if (accounts->count(std::string(handle)) != 0) return true;
  }
  return false;
}

Priority PriorityFromFollowers(int64_t followers, bool verified) {
  // Reach raises urgency: a complaint seen by many is answered first.
  if (verified || followers >= 100000) return Priority::kP2;
  return Priority::kP3;
}

}  // namespace

Classifier::Classifier(std::shared_ptr<const RuleSet> rules,
                       std::shared_ptr<const Lexicons> lexicons, ClassifierOptions options,
                       BrandAccounts brand_accounts, const BrandNames& brand_names)
    : rules_(std::move(rules)),
      lexicons_(std::move(lexicons)),
      scorer_(std::make_unique<const SentimentScorer>(lexicons_)),
      options_(options),
      brand_accounts_(std::move(brand_accounts)) {
  // Every configured brand's id and names, folded once here rather than
  // per post.
  auto add = [&](const std::string& brand, std::string_view name) {
    if (std::string key = BrandNameKey(name); !key.empty()) {
      brand_name_keys_[brand].push_back(std::move(key));
    }
  };
  for (const auto& [brand, accounts] : brand_accounts_) add(brand, brand);
  for (const auto& [brand, names] : brand_names) {
    if (brand_accounts_.count(brand) == 0) add(brand, brand);
    for (const std::string& name : names) add(brand, name);
  }
}

Classifier::~Classifier() = default;

Verdict Classifier::Classify(const Post& post) const {
  Verdict v;
  // 1. Language: trust the source when it says; guess otherwise.
  // Folded forms and tokens do not depend on Turkish casing (I -> ı -> i and
  // I -> i fold alike), so one normalization serves detection and matching.
  v.lang = post.lang;
  // One scratch text per thread: its buffers are reused from post to post.
  thread_local NormalizedText scratch;
  NormalizeInto(post.text, /*turkish=*/v.lang != "en", &scratch);
  const NormalizedText& text = scratch;
  if (v.lang.empty()) {
    const LangGuess guess = DetectLanguage(post.text, text);
    v.lang = guess.lang;
    v.lang_detected = true;
    v.lang_confidence = guess.confidence;
  }

  // 2. Rules, before sentiment: a complaint rule changes how bare praise
  // beside it reads (see ScoreContext).
  MatchContext context;
  context.lang = v.lang;
  context.channel = post.channel;
  context.followers = post.author.followers;
  context.verified = post.author.verified;
  context.rating = post.rating;
  const std::vector<const Rule*> matched = rules_->Match(text, context);
  ScoreContext score_context;
  score_context.complaint_rule = std::any_of(matched.begin(), matched.end(), [](const Rule* rule) {
    return rule->category == "complaint";
  });
  const SentimentResult sentiment =
      scorer_->Score(text, v.lang, post.text, /*explain=*/false, score_context);
  v.sentiment = sentiment.score;
  v.sentiment_strength = sentiment.strength;

  // 3. The brand speaking is never a customer to answer.
  const auto brand = brand_accounts_.find(post.brand);
  const std::set<std::string>* accounts = brand != brand_accounts_.end() ? &brand->second : nullptr;
  if (accounts != nullptr) {
    if (accounts->count(Lowercase(post.author.handle)) != 0) {
      v.post_class = PostClass::kBrandReply;
      v.confidence = 1.0;
      v.reason = "author @" + post.author.handle + " is an account of brand " + post.brand;
      return v;
    }
  }

  // 4. What the rules say, with sentiment, rating and question cues.
  const Rule* complaint_rule = nullptr;
  const Rule* question_rule = nullptr;
  const Rule* praise_rule = nullptr;
  const Rule* neutral_rule = nullptr;
  // A neutral rule of topic "spam" (follower sellers, "link in bio"): it
  // decides over praise rules and high stars, which spam borrows.
  const Rule* spam_rule = nullptr;
  // The brand's id and configured names; a brand the config does not know
  // (the command-line tools) by its id alone.
  auto names_the_brand = [&] {
    const auto names = brand_name_keys_.find(post.brand);
    if (names == brand_name_keys_.end()) return NamesTheBrand(text, BrandNameKey(post.brand));
    return std::any_of(names->second.begin(), names->second.end(),
                       [&](const std::string& key) { return NamesTheBrand(text, key); });
  };
  // Whether the post aims at a company (see Rule::needs_target); asked only
  // when such a rule matched, as most posts match none.
  std::optional<bool> aims;
  auto aims_at_a_company = [&] {
    if (!aims) {
      // Reviews and complaint sites are about a company by what they are.
      aims = !options_.sentiment_complaint_needs_target || post.rating.has_value() ||
             KindOfChannel(post.channel) != ChannelKind::kSocial || AimsAtACompany(text) ||
             MentionsBrandAccount(text, accounts) || names_the_brand();
    }
    return *aims;
  };
  // Whether praise on sentiment alone is said to someone (see
  // ClassifierOptions::sentiment_praise_needs_address); reviews and
  // complaint sites are written to the company by what they are.
  auto says_it_to_someone = [&] {
    return !options_.sentiment_praise_needs_address || post.rating.has_value() ||
           KindOfChannel(post.channel) != ChannelKind::kSocial || SpeaksToSomeone(text) ||
           MentionsBrandAccount(text, accounts) || names_the_brand();
  };
  const Rule* set_aside = nullptr;  // the first rule that matched but found no target
  // Whether every complaint rule that decides flags churn and nothing else:
  // a customer asking how to leave ("aboneliğimi nasıl iptal ederim") asks,
  // and the flag, not the class, says what is at stake.
  bool only_churn_complaints = true;
  // Whether a praise rule says no problem happened (Rule::denies_problem).
  bool problem_denied = false;
  // A lawsuit or a scam said in jest: laughter, a post that reads no worse
  // than level, and no complaint but the legal or fraud words ("these wings
  // are so hot i need to sue 😂🔥 10/10", "diyetisyenim dava açacak 😂
  // harika bi tatildi"). Such rules are listed as matched and decide
  // nothing. (Praise shared, "her yerde paylaşacağım 😍", is left a media
  // flag: threats of the press read as politely as "a journalist friend is
  // very interested in this story".)
  const bool jest =
      v.sentiment_strength >= 0 &&
      std::any_of(matched.begin(), matched.end(),
                  [](const Rule* rule) { return rule->category == "complaint"; }) &&
      std::all_of(matched.begin(), matched.end(),
                  [](const Rule* rule) {
                    return rule->category != "complaint" || FlagsOnlyAmong(*rule, "legal", "fraud");
                  }) &&
      Laughs(text);
  // A problem laid at another door (another company, a friend) in a post
  // that reads no worse than level: "friend's parcel went missing with
  // some other courier, told her to use you next time". Its complaint
  // rules decide nothing, as a jest's.
  const bool elsewhere =
      !jest && v.sentiment_strength >= 0 &&
      std::any_of(matched.begin(), matched.end(),
                  [](const Rule* rule) { return rule->category == "complaint"; }) &&
      LaysProblemElsewhere(text);
  // A lawyer, a fire or an injury named in a recommendation ("the lawyer
  // explained everything, highly recommend", "yangın sonrası hasarı hemen
  // ödediler, herkese tavsiye ederim"): a praise rule, a post that reads
  // clearly positive and recommends the company, and no complaint but the
  // legal or safety words. Their rules decide nothing, as a jest's. Thanks
  // alone are not enough: legal threats are often polite ("thank you for
  // your reply, my lawyer will be in touch"). Not under low stars, nor with
  // an irony mark or a turn from the praise; not fraud (a scam stopped
  // reads negative) nor the press (threats of it read politely).
  const bool harm_praised =
      !jest && !elsewhere && v.sentiment_strength >= options_.praise_above &&
      !sentiment.turns_away && !(post.rating && *post.rating <= options_.complaint_max_stars) &&
      std::any_of(matched.begin(), matched.end(),
                  [](const Rule* rule) { return rule->category == "praise"; }) &&
      std::any_of(matched.begin(), matched.end(),
                  [](const Rule* rule) { return rule->category == "complaint"; }) &&
      std::all_of(matched.begin(), matched.end(),
                  [](const Rule* rule) {
                    return rule->category != "complaint" ||
                           FlagsOnlyAmong(*rule, "legal", "safety");
                  }) &&
      !MarksIrony(text, Priority::kP1) && Recommends(text);
  for (const Rule* rule : matched) {
    v.matches.push_back(RuleMatch{rule->id, rule->category, rule->topic});
    // (Leaving for another company is still churn.)
    if ((jest || harm_praised || (elsewhere && !FlagsOnly(*rule, "churn"))) &&
        rule->category == "complaint") {
      continue;
    }
    // Listed as matched, but deciding nothing: "the traffic is terrible"
    // is no complaint to any company.
    if (rule->needs_target && !aims_at_a_company()) {
      if (set_aside == nullptr) set_aside = rule;
      continue;
    }
    for (const std::string& flag : rule->urgent) {
      if (std::find(v.urgent.begin(), v.urgent.end(), flag) == v.urgent.end()) {
        v.urgent.push_back(flag);
      }
    }
    if (rule->category == "complaint" && !FlagsOnly(*rule, "churn")) {
      only_churn_complaints = false;
    }
    problem_denied = problem_denied || rule->denies_problem;
    if (spam_rule == nullptr && rule->category == "neutral" && rule->topic == "spam") {
      spam_rule = rule;
    }
    const Rule** slot = rule->category == "complaint"  ? &complaint_rule
                        : rule->category == "question" ? &question_rule
                        : rule->category == "praise"   ? &praise_rule
                        : rule->category == "neutral"  ? &neutral_rule
                                                       : nullptr;
    if (slot != nullptr && (*slot == nullptr || rule->priority < (*slot)->priority)) *slot = rule;
  }
  // A fraud alarm the writer takes back ("charged twice, turns out one was
  // a pending hold, my bad, ignore the panic"; "meğer provizyonmuş, yanlış
  // alarm"): its flag goes with it, and the post is read as any retraction
  // (below). Other flags stay: a legal or safety matter taken back is rare,
  // and missing one costs more.
  if (!v.urgent.empty() &&
      std::all_of(v.urgent.begin(), v.urgent.end(),
                  [](const std::string& flag) { return flag == "fraud"; }) &&
      Retracts(text)) {
    v.urgent.clear();
  }
  // A safety scare called a false alarm in so many words ("thought the
  // power bank was swelling, turns out it was the rubber case. false
  // alarm, carry on") goes the same way; a vaguer retraction leaves a
  // safety flag standing.
  if (!v.urgent.empty() &&
      std::all_of(v.urgent.begin(), v.urgent.end(),
                  [](const std::string& flag) { return flag == "fraud" || flag == "safety"; }) &&
      SaysFalseAlarm(text)) {
    v.urgent.clear();
  }
  // Stars the writer says were a slip ("yanlışlıkla 2 yıldız basmışım",
  // "no idea why i pressed 2 stars, meant 5") are no verdict either way.
  const bool stars_slipped = post.rating && StarsSaidToBeASlip(text);
  // (Praise alone under low stars is no slip: it is how sarcasm reads,
  // "Five stars for creativity, my parcel is now in Belgium", one star.)
  const bool low_stars =
      post.rating && *post.rating <= options_.complaint_max_stars && !stars_slipped;
  // Stars given so that the review is seen ("5 stars so the devs actually
  // read this", "5 yıldız veriyorum ki üstte çıkıp görün") say nothing of
  // the writer's verdict.
  // Nor do stars over words that judge nothing ("wish there was a dark
  // mode", four stars; "daha kullanmadım", five).
  const bool stars_judge_nothing =
      post.rating && *post.rating >= options_.praise_min_stars && praise_rule == nullptr &&
      v.sentiment_strength < options_.praise_above && GivesTheStarsNothingToJudge(text);
  const bool high_stars = post.rating && *post.rating >= options_.praise_min_stars &&
                          !stars_slipped && !StarsGivenToBeSeen(text) && !stars_judge_nothing;
  // Asked only where no rule has decided: most posts with a complaint rule
  // never need it.
  std::optional<bool> question_cue;
  auto asks = [&] {
    if (!question_cue) question_cue = LooksLikeQuestion(text, post.text);
    return *question_cue;
  };
  // A question asked in admiration ("how do you even do that?? legends",
  // "who said customer service is dead? sorted in 5 mins", "kim demiş
  // kötü diye?", "nasıl yapıyorsunuz bunu?? helal olsun") asks nothing: in
  // a post with a praise rule that reads clearly positive, its question
  // words decide nothing.
  if (praise_rule != nullptr && v.sentiment_strength >= options_.praise_above &&
      (question_rule != nullptr || asks()) && AsksInAdmiration(text)) {
    question_rule = nullptr;
    question_cue = false;
  }
  // Marks of surprise after a statement ("the barista remembered my order
  // after one visit?? elite", "tulips STILL going strong?? best £6 I've
  // spent") in a clearly positive post that no question rule matched ask
  // nothing either.
  if (question_rule == nullptr && v.sentiment_strength >= options_.praise_above &&
      QuestionMarksOnlyInRuns(post.text) && asks()) {
    question_cue = false;
  }
  // Negative words alone make no complaint when the writer says the fault
  // was theirs ("dropped it, screen cracked, my fault"). Asked only of
  // negative posts.
  // A problem the writer takes back (Retracts), or lays at no one's door at
  // the company (AbsolvesTheCompany), is none. Asked only of
  // posts a complaint rule or a negative reading would make complaints.
  std::optional<bool> took_back;
  auto retracted = [&] {
    if (!took_back) took_back = v.urgent.empty() && (Retracts(text) || AbsolvesTheCompany(text));
    return *took_back;
  };
  std::optional<bool> blames_themselves;
  auto self_blame = [&] {
    if (!blames_themselves) blames_themselves = BlamesThemselves(text);
    return *blames_themselves;
  };

  // A complaint rule decides, unless the post also matched a praise rule and
  // reads clearly positive ("thanks for fixing the issue so fast!"): general
  // complaint words are then the subject of the thanks, not a new complaint.
  // The post must also say the problem was dealt with (SaysResolved,
  // SaysResolvedInTurkish): "teşekkürler @enerji faturam bu ay iki katına
  // çıkmış" thanks for nothing. A Turkish post aimed at no company (a film
  // review: "kuyruk vardı ama film harikaydı") keeps the older reading:
  // its thanks and praise are not for a company's fix.
  // So does a problem the post concedes and turns from, with only good
  // news after its last contrast word ("the box was a bit dented but the
  // product is perfect", "faulty, but the exchange was quick, happy"),
  // praise rule or not; and a problem told in a review its writer rated
  // well and that reads positive ("had an issue with sizing, exchanged with
  // no fuss, would shop again", four stars), when the rule that found it
  // is a general one (p3, p4): a specific fault (p1, p2) is answered
  // whatever the stars.
  // A well-rated review that says the problem was put right is praise
  // however the telling of the problem reads ("had a problem with my first
  // order, wrong size, replacement arrived two days later", five stars),
  // unless the fault was a p1 one: its words weigh the problem, its stars
  // the ending.
  // A problem denied outright by a praise rule ("not a single late
  // delivery", "hiç sorun yaşamadım", "can't fault them": Rule::
  // denies_problem) is no problem told, whatever words a complaint rule
  // found around it, unless the post ends negative after a contrast word.
  // The scan for "still" comes last: most posts are turned away before it.
  const bool praised_problem =
      complaint_rule != nullptr && v.urgent.empty() &&
      ((v.sentiment_strength >= options_.praise_overrides_complaint_above &&
        (sentiment.turns_positive ||
         (praise_rule != nullptr &&
          (v.lang != "en" ? SaysResolvedInTurkish(text) || !aims_at_a_company()
                          : SaysResolved(text)) &&
          !sentiment.turns_away && !MarksIrony(text, complaint_rule->priority)) ||
         (high_stars && complaint_rule->priority >= Priority::kP3))) ||
       (high_stars && complaint_rule->priority >= Priority::kP2 && SaysResolved(text)) ||
       (problem_denied && !sentiment.turns_away && !sentiment.ends_negative && !low_stars)) &&
      !SaysStillOpen(text);
  // A question that reads negative is a complaint put as a question ("why is
  // my order still not here?"): the customer reports a problem and wants it
  // solved, which is what a complaint queue is for.
  // A question asking leave to do something ("can I exchange it for an L?",
  // "değiştirebilir miyim?") asks for a service; it takes a plainly
  // negative post, not a mild word ("a bit tight"), to make it a complaint.
  // (Asked last: most posts are turned away before it.)
  const bool negative_question =
      v.sentiment_strength <= options_.question_complaint_below &&
      (question_rule != nullptr || asks()) &&
      (v.sentiment_strength <= options_.complaint_below || !AsksLeave(text));
  // "How do I cancel my subscription?": a question that says the customer
  // may leave, and nothing worse. It stays a question, flagged churn (so
  // priority p1); said in anger, it is a complaint as before.
  // A question whose complaint words all lie in the condition it sets
  // ("if my flight is delayed, does the booking get cancelled?", "uçuşum
  // gecikirse rezervasyon iptal olur mu?") asks what the company would do.
  // Asked last, and only of questions a complaint rule or a negative
  // reading would otherwise make complaints. Leaving may be the condition
  // ("if I cancel my membership mid month, do I still pay for it?"): the
  // class is a question, and the churn flag goes, since a leaving only
  // supposed is no leaving said.
  const bool asks_under_a_condition =
      (v.urgent.empty() || (only_churn_complaints && complaint_rule != nullptr)) && !low_stars &&
      ((complaint_rule != nullptr && !praised_problem) || negative_question) &&
      (question_rule != nullptr || asks()) &&
      AsksOnlyUnderACondition(text, v.lang, context, /*by_rule=*/complaint_rule != nullptr);
  // Asked before buying ("thinking of getting one for my dad", "almadan
  // önce sorayım dedim"): the problems it names are supposed or other
  // people's. Asked as the condition is.
  const bool asks_before_buying =
      !asks_under_a_condition && v.urgent.empty() && !low_stars &&
      ((complaint_rule != nullptr && !praised_problem) || negative_question) &&
      (question_rule != nullptr || asks()) && AsksBeforeBuying(text);
  // A mishap of the writer's own (a card lost, a phone stolen, a bill
  // forgotten) told as the reason for asking a service ("lost my debit
  // card last night, how do I order a new one?", "telefonum çalındı, hattımı
  // kapattırabilir miyim?"): the negative words are the mishap's, and no
  // company caused it. Not with a reproach ("why"), a fault still open, a
  // p1 rule or an urgent flag. Asked last, as the condition is.
  const bool asks_after_a_mishap = !asks_under_a_condition && !asks_before_buying &&
                                   v.urgent.empty() && !low_stars &&
                                   ((complaint_rule != nullptr && !praised_problem &&
                                     complaint_rule->priority >= Priority::kP2) ||
                                    (complaint_rule == nullptr && negative_question)) &&
                                   (question_rule != nullptr || asks() || AsksLeave(text)) &&
                                   ((TellsOwnMishap(text) && AsksForAService(text)) ||
                                    AsksWhatIsCovered(text) || NamesAPlannedStop(text)) &&
                                   !SaysStillOpen(text);
  // Said with any plain annoyance (at or below complaint_below), a
  // question about leaving is a complaint.
  // So is one that asks "why" ("puanlarım neden sıfırlandı?? bundan sonra
  // karşıdaki mağazaya giderim") or comes after a wait the writer counts
  // ("hasar dosyam 2 aydır neden kapanmadı?? başka şirkete geçiyorum"):
  // the leaving is declared, and the question reproaches.
  const bool leaving_question = complaint_rule != nullptr && only_churn_complaints &&
                                question_rule != nullptr && !negative_question && !low_stars &&
                                v.sentiment_strength > options_.complaint_below && !AsksWhy(text) &&
                                !CountsTheWait(text);
  // A leaving supposed in the condition is no leaving said ("aboneliği
  // iptal edersem kalan günler yanıyor mu?"): its churn flag goes.
  if (asks_under_a_condition) std::erase(v.urgent, std::string("churn"));
  if (leaving_question && !v.urgent.empty()) {
    v.post_class = PostClass::kQuestion;
    v.priority = question_rule != nullptr ? question_rule->priority : Priority::kP3;
    if (question_rule != nullptr) v.sla_ms = question_rule->sla_ms;
    v.confidence = 0.8;
    v.reason = (question_rule != nullptr ? "question rule " + question_rule->id : "question cue") +
               ", with churn flagged by rule " + complaint_rule->id;
  } else if (asks_under_a_condition || asks_before_buying || asks_after_a_mishap) {
    v.post_class = PostClass::kQuestion;
    v.priority = question_rule != nullptr ? question_rule->priority : Priority::kP3;
    if (question_rule != nullptr) v.sla_ms = question_rule->sla_ms;
    v.confidence = 0.7;
    v.reason =
        asks_under_a_condition ? "question whose complaint words lie only in the condition it sets"
        : asks_before_buying ? "question asked before buying: its problems are supposed or others'"
                             : "question for a service after a mishap of the writer's own, "
                               "about what a policy covers or about a planned stop";
  } else if (v.urgent.empty() && !praised_problem && complaint_rule != nullptr &&
             complaint_rule->topic == "general" &&
             (spam_rule != nullptr ||
              (neutral_rule != nullptr && praise_rule == nullptr && !post.rating &&
               KindOfChannel(post.channel) == ChannelKind::kSocial &&
               WordCount(text) <= kHeadlineWordsAtMost && !OpensToSomeone(text)))) {
    // Spam ("fed up with your energy supplier? switch to us, link in
    // bio"), and news told to no one ("report: streamflix lost 2 million
    // subscribers as price hikes bite", "news: @acme fined over billing
    // errors"), borrow complaint words; only a general complaint rule found
    // them, and the neutral rule names what the post is. A named fault or
    // a flag still decides, and so does a long account (a complaint site's
    // story of a loss may name a share price): news is told short.
    const Rule* decides = spam_rule != nullptr ? spam_rule : neutral_rule;
    v.post_class = PostClass::kNeutral;
    v.priority = Priority::kP4;
    v.confidence = 0.6;
    v.reason =
        "neutral rule " + decides->id + " over the general complaint rule " + complaint_rule->id;
  } else if (v.urgent.empty() && !praised_problem &&
             (complaint_rule != nullptr ? complaint_rule->topic == "general"
                                        : v.sentiment_strength <= options_.complaint_below) &&
             ((Laughs(text) && !says_it_to_someone()) || TellsSomeoneElsesStory(text))) {
    // A moan laughed at and told to no one ("monday. printer jammed, wifi
    // down, boss in a mood 😂", "kiraya %120 zam, kredi kartı patladı 😂"):
    // a joke about the day, not a complaint put to a company. A named
    // fault (a late parcel, a crash) or a flag still decides.
    v.post_class = PostClass::kNeutral;
    v.priority = Priority::kP4;
    v.confidence = 0.5;
    v.reason = "complaint words laughed at and said to no one";
  } else if (!v.urgent.empty() || (complaint_rule != nullptr && !praised_problem && !retracted())) {
    v.post_class = PostClass::kComplaint;
    v.priority = complaint_rule != nullptr ? complaint_rule->priority : Priority::kP1;
    if (complaint_rule != nullptr) v.sla_ms = complaint_rule->sla_ms;
    v.confidence = 0.9;
    v.reason =
        "complaint rule " + (complaint_rule ? complaint_rule->id : v.matches.front().rule_id);
  } else if (complaint_rule != nullptr && !praised_problem && retracted()) {
    // A problem taken back is nothing to answer, whatever the stars.
    v.post_class = PostClass::kNeutral;
    v.priority = Priority::kP4;
    v.confidence = 0.6;
    v.reason = "complaint rule " + complaint_rule->id +
               " matched, but the writer takes it back or blames no one at the company";
  } else if (spam_rule != nullptr) {
    // Spam posted under a brand (follower sellers, "link in bio") answers
    // nothing and asks nothing of it, whatever stars, praise words or
    // question marks it borrows as bait.
    v.post_class = PostClass::kNeutral;
    v.priority = Priority::kP4;
    v.confidence = 0.7;
    v.reason = "neutral rule " + spam_rule->id;
  } else if (low_stars && complaint_rule == nullptr &&
             v.sentiment_strength > options_.complaint_below && AsksHowToDoIt(text) && asks()) {
    // "How do I change the email on my account? Can't find it anywhere",
    // one star: a request for help, put where the writer found a box.
    v.post_class = PostClass::kQuestion;
    v.priority = question_rule != nullptr ? question_rule->priority : Priority::kP3;
    if (question_rule != nullptr) v.sla_ms = question_rule->sla_ms;
    v.confidence = 0.6;
    v.reason = "a how-to question under low stars";
  } else if (low_stars) {
    v.post_class = PostClass::kComplaint;
    v.priority = Priority::kP3;
    v.confidence = 0.8;
    v.reason = RatedReason(*post.rating);
  } else if (negative_question && complaint_rule == nullptr && !praised_problem &&
             !aims_at_a_company()) {
    // A negative question aimed at nothing a company provides is no
    // complaint put as a question. Put to an account ("@hotel if I cancel
    // late do I lose the deposit?") it asks; put to no one ("8 seasons for
    // that??", "enflasyon ne zaman bitecek?") it vents about the world, as
    // a negative statement aimed at no one does.
    const bool put_to_an_account =
        std::any_of(text.tokens.begin(), text.tokens.end(),
                    [](const Token& token) { return token.kind == Token::Kind::kMention; });
    v.post_class = put_to_an_account ? PostClass::kQuestion : PostClass::kNeutral;
    v.priority = put_to_an_account
                     ? (question_rule != nullptr ? question_rule->priority : Priority::kP3)
                     : Priority::kP4;
    if (put_to_an_account && question_rule != nullptr) v.sla_ms = question_rule->sla_ms;
    v.confidence = 0.5;
    v.reason =
        SentimentReason("negative question, sentiment strength ", v.sentiment_strength) +
        (put_to_an_account ? ", put to an account, but nothing a company provides is named"
                           : ", but nothing a company provides is named and no brand account is "
                             "addressed");
  } else if (negative_question) {
    v.post_class = PostClass::kComplaint;
    v.priority = PriorityFromFollowers(post.author.followers, post.author.verified);
    v.confidence = std::min(1.0, 0.5 + std::abs(v.sentiment_strength) / 2);
    v.reason = SentimentReason("negative question, sentiment strength ", v.sentiment_strength);
  } else if ((question_rule != nullptr || asks()) && complaint_rule == nullptr &&
             AsksThePublic(text)) {
    // Put to followers or friends ("does anyone know a good plumber",
    // "arkadaşlar hangisi daha iyi çeker?"): the company is not asked.
    v.post_class = PostClass::kNeutral;
    v.priority = Priority::kP4;
    v.confidence = 0.6;
    v.reason = "question put to the writer's followers, not to a company";
  } else if ((question_rule != nullptr || asks()) && complaint_rule == nullptr &&
             CountsTheWait(text) && (aims_at_a_company() || says_it_to_someone())) {
    // "dosya 2 haftadır inceleniyor, ödeme ne zaman yapılacak?": asked
    // after a wait counted out, the question chases what is owed; a wait
    // told to no company ("filmi 1 hafta önce izledim") is no chase.
    v.post_class = PostClass::kComplaint;
    v.priority = PriorityFromFollowers(post.author.followers, post.author.verified);
    v.confidence = 0.6;
    v.reason = "question asked after a wait the writer counts";
  } else if (question_rule != nullptr || asks()) {
    v.post_class = PostClass::kQuestion;
    v.priority = question_rule != nullptr ? question_rule->priority : Priority::kP3;
    if (question_rule != nullptr) v.sla_ms = question_rule->sla_ms;
    v.confidence = question_rule != nullptr ? 0.85 : 0.6;
    v.reason = question_rule != nullptr ? "question rule " + question_rule->id : "question cue";
  } else if (complaint_rule == nullptr && !high_stars &&
             v.sentiment_strength < kAcknowledgementPraiseBelow && OnlyAcknowledges(text)) {
    // "ok thx, will keep an eye out", "tamam anladım, bekliyorum": the
    // writer acknowledges what the company said; thanks for a reply are
    // manners, not praise, and nothing waits for an answer.
    v.post_class = PostClass::kNeutral;
    v.priority = Priority::kP4;
    v.confidence = 0.6;
    v.reason = "a bare acknowledgement of the company's reply";
  } else if (neutral_rule != nullptr && praise_rule == nullptr && !high_stars) {
    // News, an announcement, a job advert, a sponsorship: what it says of
    // the brand needs no answer, however its words lean ("proud to announce
    // our new sponsor", "planned maintenance tonight"). A rule of another
    // class, or stars, still decide.
    v.post_class = PostClass::kNeutral;
    v.priority = Priority::kP4;
    v.confidence = 0.7;
    v.reason = "neutral rule " + neutral_rule->id;
  } else if (post.rating && *post.rating > options_.complaint_max_stars &&
             *post.rating < options_.praise_min_stars && complaint_rule == nullptr &&
             praise_rule == nullptr && SoundsLukewarm(text)) {
    // A middling review in middling words ("average coffee, average
    // prices", "idare eder, ne iyi ne kötü", three stars) reports no
    // problem and offers no praise: nothing to answer.
    v.post_class = PostClass::kNeutral;
    v.priority = Priority::kP4;
    v.confidence = 0.6;
    v.reason = RatedReason(*post.rating) + " in lukewarm words";
  } else if (v.sentiment_strength <= options_.complaint_below && !praised_problem &&
             (!high_stars || sentiment.turns_away) && !stars_judge_nothing && !self_blame() &&
             !retracted() &&
             !(problem_denied && !sentiment.turns_away && !sentiment.ends_negative) &&
             (praise_rule != nullptr ||
              (aims_at_a_company() &&
               (PutToSomeone(text, v.lang != "en") || post.rating.has_value() ||
                WordCount(text) > kHeadlineWordsAtMost ||
                KindOfChannel(post.channel) != ChannelKind::kSocial ||
                MentionsBrandAccount(text, accounts))))) {
    // Thanks that read negative are sarcasm aimed at the thanked company
    // ("thanks for losing my parcel"), so a praise rule counts as a
    // target here; not one that denies a problem ("3 yıl başka bankada
    // çile çektim, keşke daha önce geçseymişim"): its negative words are
    // the problem denied, or another company's.
    // On a social channel the post must also be put to someone
    // (PutToSomeone): "train cancelled AGAIN so i'm sat in a @beanlab
    // staring at the departure board 🤡" names a company and a thing it
    // sells, but tells the world about the train. A short post only: a
    // long first-person account (a complaint site's story posted
    // elsewhere) is about its company whoever it addresses.
    v.post_class = PostClass::kComplaint;
    v.priority = PriorityFromFollowers(post.author.followers, post.author.verified);
    v.confidence = std::min(1.0, 0.5 + std::abs(v.sentiment_strength) / 2);
    v.reason = SentimentReason("negative sentiment, strength ", v.sentiment_strength);
  } else if (praise_rule != nullptr && !high_stars &&
             post.text.find(kUpsideDownFace) != std::string_view::npos && says_it_to_someone()) {
    // Thanks or praise said with an upside-down face, to the company ("wow
    // @VoltEnergy thanks SO much for the smart meter that reads zero every
    // month 🙃"), is sarcasm: in the team's own posts it never came with
    // thanks meant.
    v.post_class = PostClass::kComplaint;
    v.priority = Priority::kP3;
    v.confidence = 0.6;
    v.reason = "praise rule " + praise_rule->id + " said with an upside-down face: sarcasm";
  } else if (praise_rule != nullptr || high_stars ||
             (v.sentiment_strength >= options_.praise_above && !retracted() &&
              !sentiment.only_laughter_positive && says_it_to_someone() &&
              !TellsSomeoneElsesStory(text))) {
    // (Laughter alone praises no one: "this is literally u 😂😂 @Munchly
    // ad", "me refreshing the tracking every 5 secs lol".)
    v.post_class = PostClass::kPraise;
    v.priority = Priority::kP4;
    v.confidence = praise_rule != nullptr ? 0.85 : 0.6;
    v.reason = praise_rule != nullptr ? "praise rule " + praise_rule->id
               : high_stars && v.sentiment_strength < options_.praise_above
                   ? RatedReason(*post.rating)
                   : SentimentReason("positive sentiment, strength ", v.sentiment_strength);
  } else {
    v.post_class = PostClass::kNeutral;
    v.priority = Priority::kP4;
    v.confidence = 0.5;
    // Say why a negative post raises nothing: it names no company, so it
    // reads as about the weather, a match or a friend.
    constexpr std::string_view kNoTarget =
        ", but nothing a company provides is named and no brand account is addressed";
    if (set_aside != nullptr) {
      v.reason =
          set_aside->category + " rule " + set_aside->id + " matched" + std::string(kNoTarget);
    } else if (v.sentiment_strength <= options_.complaint_below && !praised_problem &&
               self_blame()) {
      v.reason = SentimentReason("negative sentiment, strength ", v.sentiment_strength) +
                 ", but the writer says the fault was theirs";
    } else if (v.sentiment_strength <= options_.complaint_below && !praised_problem &&
               retracted()) {
      v.reason = SentimentReason("negative sentiment, strength ", v.sentiment_strength) +
                 ", but the writer takes it back or blames no one at the company";
    } else if (v.sentiment_strength <= options_.complaint_below && !praised_problem) {
      v.reason = SentimentReason("negative sentiment, strength ", v.sentiment_strength) +
                 std::string(kNoTarget);
    } else if (v.sentiment_strength >= options_.praise_above && retracted()) {
      // The good humour of a post about a problem that is nobody's fault
      // ("kimsenin suçu yok, çay simit keyif yapıyoruz") thanks no one.
      v.reason = SentimentReason("positive sentiment, strength ", v.sentiment_strength) +
                 ", but the writer takes a problem back or blames no one at the company";
    } else if (v.sentiment_strength >= options_.praise_above) {
      v.reason = SentimentReason("positive sentiment, strength ", v.sentiment_strength) +
                 ", but it is said to no one: no account is mentioned, no reader spoken to, no "
                 "brand named";
    } else {
      v.reason = "no rule matched and sentiment is neutral";
    }
  }
  if (!v.urgent.empty()) v.priority = Priority::kP1;
  // A post whose words weigh nothing, decided by a complaint or praise rule,
  // is not level: its tone leans the rule's way (ClassifierOptions::
  // rule_tone), so that its sign says which way.
  if (v.sentiment == 0) {
    if (v.post_class == PostClass::kComplaint && complaint_rule != nullptr) {
      v.sentiment = -options_.rule_tone;
    } else if (v.post_class == PostClass::kPraise && praise_rule != nullptr) {
      v.sentiment = options_.rule_tone;
    }
  }
  return v;
}

bool Classifier::AsksOnlyUnderACondition(const NormalizedText& text, const std::string& lang,
                                         const MatchContext& context, bool by_rule) const {
  const bool turkish = lang != "en";
  const std::string rest = OutsideConditionalClauses(text.tokens, turkish, /*with_questions=*/true);
  if (rest.empty()) return false;
  // Its own buffers: the caller's text is the thread's scratch.
  thread_local NormalizedText outside;
  NormalizeInto(rest, turkish, &outside);
  bool question_rule = false;
  for (const Rule* rule : rules_->Match(outside, context)) {
    if (rule->category == "complaint" || !rule->urgent.empty()) return false;
    question_rule = question_rule || rule->category == "question";
  }
  if (!question_rule && !LooksLikeQuestion(outside, rest)) return false;
  // What follows a condition is supposed too ("..., does the booking get
  // cancelled?"): when a rule found the complaint, the negative words of
  // the questions are not weighed, only what the post states besides
  // ("... bu kadar mı kötü olur." still complains).
  const std::string weighed =
      by_rule ? OutsideConditionalClauses(text.tokens, turkish, /*with_questions=*/false) : rest;
  NormalizeInto(weighed, turkish, &outside);
  const SentimentResult sentiment =
      scorer_->Score(outside, lang, weighed, /*explain=*/false, ScoreContext{});
  return sentiment.strength > options_.question_complaint_below;
}

}  // namespace earshot
