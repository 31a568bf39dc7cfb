// Classifier: Post -> Verdict (class, priority, confidence, sentiment, rules).
//
// Combines, in this order of authority:
//   1. the author: a post by one of the brand's own accounts is a brand reply;
//   2. rule matches (rules/): urgent flags make a complaint p1; a complaint or
//      question rule decides the class, with the rule's priority;
//   3. question cues ("?", Turkish mi/mı/mu/mü, "nasıl", "how", ...); a
//      question that reads negative is a complaint;
//   4. lexicon sentiment and, for reviews, the star rating.
// Thresholds live in ClassifierOptions with documented defaults.
//
// Thread safety: immutable after construction; Classify() is const and safe
// to call from many threads at once.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "earshot/post.h"
#include "earshot/rule_set.h"
#include "earshot/verdict.h"

namespace earshot {

struct Lexicons;
struct NormalizedText;
class SentimentScorer;

// Every threshold below is on the sentiment strength (Verdict::
// sentiment_strength, -1..+1): how strongly a post's words say something,
// whatever its length.
struct ClassifierOptions {
  // Sentiment at or below this (on -1..+1) makes an unmatched post a
  // complaint (when it aims at a company, below). Mildly negative is enough:
  // a post to a company rarely uses strong words to report a problem.
  double complaint_below = -0.15;
  // With sentiment alone (no complaint rule), a post is a complaint only when
  // it aims at a company: it names something a company provides (order, app,
  // bill, "hizmet", "kargom"; Turkish "siz" too; see
  // pipeline/classify/complaint_target.h) or the brand it was collected for
  // (Post::brand), or writes to a support handle or a brand account.
  // Reviews (a star rating or a review channel) and complaint-site posts
  // are always about a company. The same test holds back rules marked
  // needs_target (Rule). False restores the plain threshold, for those
  // rules too.
  bool sentiment_complaint_needs_target = true;
  // Sentiment at or above this makes an unmatched post praise.
  double praise_above = 0.3;
  // With sentiment alone (no praise rule, no stars), a post on a social
  // channel is praise only when it is said to someone: it mentions an
  // account, speaks to a reader ("you", "thanks", "siz", "iyi ki
  // varsınız"), or names the brand it was collected for (Post::brand).
  // Otherwise it shares the writer's day ("got the job at Meridian
  // Hotels!!") and is neutral. False restores the plain threshold.
  bool sentiment_praise_needs_address = true;
  // A question (rule or cue) that no complaint rule matched is a complaint
  // put as a question when its sentiment is at or below this. Farther from
  // 0 than complaint_below: the negative words of a question are most often
  // the reason it asks ("forgot my PIN and changed phones, what's the
  // safest way back into my account?", "ne kadar zam gelmiş, oda fiyatı
  // öğrenebilir miyim?"), and the complaints put as questions are found by
  // the complaint rules ("why is my order still not here?"). A question
  // asking leave to do something ("can I exchange it?") takes the lower of
  // this and complaint_below. (It was -0.05 until the thirty-fifth pass;
  // docs/quality.md.)
  double question_complaint_below = -0.35;
  // A post matching both a complaint and a praise rule is praise when its
  // sentiment is at or above this and no urgent flag is set ("thanks, the
  // issue is fixed!"). Above 1 turns the exception off.
  double praise_overrides_complaint_above = 0.3;
  // The tone (Verdict::sentiment) of a post whose words weigh nothing but
  // that a complaint rule (minus) or praise rule (plus) decided: a complaint
  // is not level, and a tone of exactly 0 reads as "no evidence". Small, so
  // that it stays inside the band a 3-class reading calls neutral (±0.05 in
  // `earshot eval`). 0 leaves such posts at 0.
  double rule_tone = 0.04;
  // Reviews with this many stars or fewer are complaints whatever the text says.
  int complaint_max_stars = 2;
  // Reviews with this many stars or more lean to praise.
  int praise_min_stars = 4;
};

// brand -> handles of the brand's own accounts (lowercase, no '@').
using BrandAccounts = std::map<std::string, std::set<std::string>>;
// brand -> the names posts call it by besides its id ("Hızlı Kargo", "HK"),
// as configured. A post naming its brand aims at the company.
using BrandNames = std::map<std::string, std::vector<std::string>>;

class Classifier {
 public:
  Classifier(std::shared_ptr<const RuleSet> rules, std::shared_ptr<const Lexicons> lexicons,
             ClassifierOptions options, BrandAccounts brand_accounts,
             const BrandNames& brand_names = {});
  ~Classifier();

  Verdict Classify(const Post& post) const;

  const RuleSet& rules() const { return *rules_; }

 private:
  // Whether a question's complaint words all lie in a condition it sets
  // ("if my flight is delayed, does the booking get cancelled?"; see
  // pipeline/classify/conditional_clause.h): its words outside the
  // condition match no complaint rule and no urgent flag, still ask, and
  // read no worse than a question may (question_complaint_below). When a
  // rule found the complaint (`by_rule`), the negative words of the
  // questions are not weighed: what follows a condition is supposed too
  // ("..., does the booking get cancelled?").
  bool AsksOnlyUnderACondition(const NormalizedText& text, const std::string& lang,
                               const MatchContext& context, bool by_rule) const;

  std::shared_ptr<const RuleSet> rules_;
  std::shared_ptr<const Lexicons> lexicons_;
  std::unique_ptr<const SentimentScorer> scorer_;
  ClassifierOptions options_;
  BrandAccounts brand_accounts_;
  // brand -> its id and configured names as NamesTheBrand compares them.
  std::map<std::string, std::vector<std::string>> brand_name_keys_;
};

}  // namespace earshot
