// Verdict: what the classify stage decided about one Post.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace earshot {

enum class PostClass {
  kComplaint,
  kPraise,
  kQuestion,
  kNeutral,
  kBrandReply,  // written by one of the brand's own accounts: never alerted on
};

const char* PostClassName(PostClass c);

// Priority 1 is the most urgent. Rules set it; urgent flags raise it to 1.
enum class Priority { kP1 = 1, kP2 = 2, kP3 = 3, kP4 = 4 };
const char* PriorityName(Priority p);  // "p1".."p4"

struct RuleMatch {
  std::string rule_id;
  std::string category;  // complaint | praise | question | neutral
  std::string topic;     // delivery, billing, ...
};

struct Verdict {
  PostClass post_class = PostClass::kNeutral;
  Priority priority = Priority::kP4;
  double confidence = 0.0;  // 0..1
  // The post's overall tone, -1 (very negative) .. +1 (very positive): its
  // sentiment words weighed against how much else it says, so one "great"
  // in a long post reads milder than "Great!" alone.
  double sentiment = 0.0;
  // How strongly its words say it, wherever in the post, -1 .. +1: the sum
  // alone. The classifier's thresholds and reasons use this, because one
  // angry sentence in a long post is a complaint all the same.
  double sentiment_strength = 0.0;
  std::string lang;  // detected or given language
  // True when the post carried no language and `lang` is the classifier's
  // guess; `lang_confidence` is then the guess's confidence (0..1, 0 and an
  // empty `lang` when the text held no evidence), and 1 for a given one.
  bool lang_detected = false;
  double lang_confidence = 1.0;
  std::vector<RuleMatch> matches;
  std::vector<std::string> urgent;  // legal, safety, media, churn, fraud
  std::string reason;               // one line: why this class
  std::optional<int64_t> sla_ms;    // set when the deciding rule overrides the SLA

  // True when a team must answer this post (complaints and questions).
  bool NeedsResponse() const {
    return post_class == PostClass::kComplaint || post_class == PostClass::kQuestion;
  }
};

}  // namespace earshot
