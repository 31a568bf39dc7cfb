// SentimentScorer: lexicon- and rule-based polarity in -1..+1.
//
// The idea is VADER's (sum word valences, adjust for negation, intensifiers,
// contrast and emphasis, then squash), implemented here with our own
// lexicons and with Turkish morphology in mind: negation in Turkish is mostly
// a verb suffix ("beğenmedim", "çalışmıyor") or a following "değil", not a
// preceding word.
//
// Thread safety: immutable after construction; Score() is const and
// re-entrant. Each thread that scores keeps a bounded cache of per-word
// lookup results (768 KiB, allocated on its first Score call), keyed by the
// scorer's instance id, so scorers never see each other's entries.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/normalize/normalizer.h"
#include "pipeline/sentiment/lexicon.h"

namespace earshot {

struct SentimentContribution {
  std::string token;
  double valence = 0.0;  // after negation and modifiers
  std::string why;       // "lexicon", "negated by değil", ...
};

struct SentimentResult {
  double score = 0.0;     // the tone, -1..+1: the sum weighed by the post's length
  double strength = 0.0;  // -1..+1: the sum alone, squashed
  double raw = 0.0;       // unsquashed sum
  // The post turns from a problem to good news at its last contrast word:
  // something scored negative before it, only positive after it ("the box
  // was a bit dented but the product is perfect"). The classifier reads the
  // problem as conceded.
  bool turns_positive = false;
  // The other way: all the praise stands before the last contrast word and
  // nothing good after it ("ürün mükemmel ama kargo 2 haftada geldi"), so
  // what follows the turn, scored or not, is what the writer holds against.
  bool turns_away = false;
  // After the last contrast word something scores negative and nothing
  // positive ("no complaints about the food, but the delivery was cold"),
  // whatever came before it.
  bool ends_negative = false;
  // Everything that scored positive is laughter ("lol", "hahaha", 😂):
  // amusement, which is no praise of anyone ("this is literally u 😂😂").
  bool only_laughter_positive = false;
  std::vector<SentimentContribution> contributions;
};

struct Lexicons {
  Lexicon tr;
  Lexicon en;
  Lexicon emoji;
};

// Loads tr.tsv, en.tsv and emoji.tsv from a directory.
StatusOr<std::shared_ptr<const Lexicons>> LoadLexicons(const std::string& dir,
                                                       std::vector<Diagnostic>* diagnostics);

// What the rule stage found in the same post, which changes how some words
// read. The classifier matches rules first and passes this on.
struct ScoreContext {
  // A complaint rule matched. Praise said alone beside a phrase that praises
  // nothing and puts nothing right is then sarcasm about that complaint
  // ("bravo size, yine iptal ettiniz"), even where the lexicons find no
  // negative word in the phrase.
  bool complaint_rule = false;
};

class SentimentScorer {
 public:
  explicit SentimentScorer(std::shared_ptr<const Lexicons> lexicons);

  // `original` is the post text as written (for "!!!" emphasis); `lang` picks
  // the lexicon ("" tries both). With `explain` false the contributions are
  // not recorded (the classifier's hot path needs only the score).
  SentimentResult Score(const NormalizedText& text, std::string_view lang,
                        std::string_view original, bool explain = true,
                        ScoreContext context = {}) const;

 private:
  std::shared_ptr<const Lexicons> lexicons_;
  // Unique per constructed scorer (never reused, unlike an address), so a
  // thread's word cache cannot hand out results computed with other lexicons.
  // Copies share it, as they share the immutable lexicons.
  uint64_t id_;
};

}  // namespace earshot
