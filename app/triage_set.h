// The team's triage sets (tests/triage/): posts written by the team and
// labelled with what a brand's social team should do with them, the class
// and the urgent flags, with the channel and star rating they came with.
// `earshot eval --task triage` scores them; this file reads a line and
// keeps the flag counts.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace earshot {

// One line: CLASS[+FLAG,FLAG…]<TAB>CHANNEL<TAB>RATING<TAB>TEXT, RATING a
// star count 1-5 or "-" for none.
struct TriageLine {
  std::string post_class;          // complaint, praise, question or neutral
  std::vector<std::string> flags;  // sorted; legal, safety, media, churn, fraud
  std::string channel;
  std::optional<int> rating;
  std::string text;
};

// Parses `line` into *out, or says why it is no triage line (and leaves
// *out unspecified).
std::string ParseTriageLine(const std::string& line, TriageLine* out);

// Counts of urgent flags expected and given, flag by flag.
class FlagScores {
 public:
  // `expected` and `given` are one post's flags (any order).
  void Add(const std::vector<std::string>& expected, const std::vector<std::string>& given);
  // Precision and recall over every flag together (1 when nothing was
  // expected or given), then flag by flag.
  double Precision() const;
  double Recall() const;
  // One line a flag: "legal: expected 5, given 4, right 3".
  std::string ToString() const;

 private:
  struct Counts {
    int expected = 0;
    int given = 0;
    int right = 0;
  };
  Counts Total() const;  // summed over every flag

  std::map<std::string, Counts> by_flag_;
};

}  // namespace earshot
