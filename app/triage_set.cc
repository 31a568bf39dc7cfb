#include "app/triage_set.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace earshot {
namespace {

constexpr std::array<const char*, 4> kClasses = {"complaint", "praise", "question", "neutral"};
constexpr std::array<const char*, 5> kFlags = {"legal", "safety", "media", "churn", "fraud"};

template <size_t N>
bool OneOf(const std::array<const char*, N>& names, const std::string& s) {
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return s == n; });
}

std::vector<std::string> SplitOn(const std::string& s, char sep) {
  std::vector<std::string> parts;
  size_t from = 0;
  for (size_t at = s.find(sep); at != std::string::npos; at = s.find(sep, from)) {
    parts.push_back(s.substr(from, at - from));
    from = at + 1;
  }
  parts.push_back(s.substr(from));
  return parts;
}

}  // namespace

std::string ParseTriageLine(const std::string& line, TriageLine* out) {
  const std::vector<std::string> columns = SplitOn(line, '\t');
  if (columns.size() != 4) {
    return "expected CLASS[+FLAGS]<TAB>CHANNEL<TAB>RATING<TAB>TEXT, found " +
           std::to_string(columns.size()) + " column(s)";
  }
  const std::string& label = columns[0];
  const size_t plus = label.find('+');
  out->post_class = label.substr(0, plus);
  if (!OneOf(kClasses, out->post_class)) {
    return "class '" + out->post_class + "' is not one of complaint, praise, question, neutral";
  }
  out->flags.clear();
  if (plus != std::string::npos) {
    for (const std::string& flag : SplitOn(label.substr(plus + 1), ',')) {
      if (!OneOf(kFlags, flag)) {
        return "urgent flag '" + flag + "' is not one of legal, safety, media, churn, fraud";
      }
      out->flags.push_back(flag);
    }
    std::sort(out->flags.begin(), out->flags.end());
  }
  out->channel = columns[1];
  if (out->channel.empty()) return "the channel is empty";
  const std::string& rating = columns[2];
  if (rating == "-") {
    out->rating.reset();
  } else if (rating.size() == 1 && rating[0] >= '1' && rating[0] <= '5') {
    out->rating = rating[0] - '0';
  } else {
    return "rating '" + rating + "' is neither 1-5 nor '-'";
  }
  out->text = columns[3];
  if (out->text.empty()) return "the text is empty";
  return "";
}

void FlagScores::Add(const std::vector<std::string>& expected,
                     const std::vector<std::string>& given) {
  for (const std::string& flag : expected) {
    ++by_flag_[flag].expected;
    if (std::find(given.begin(), given.end(), flag) != given.end()) ++by_flag_[flag].right;
  }
  for (const std::string& flag : given) ++by_flag_[flag].given;
}

FlagScores::Counts FlagScores::Total() const {
  Counts total;
  for (const auto& [flag, c] : by_flag_) {
    total.expected += c.expected;
    total.given += c.given;
    total.right += c.right;
  }
  return total;
}

double FlagScores::Precision() const {
  const Counts total = Total();
  return total.given == 0 ? 1.0 : static_cast<double>(total.right) / total.given;
}

double FlagScores::Recall() const {
  const Counts total = Total();
  return total.expected == 0 ? 1.0 : static_cast<double>(total.right) / total.expected;
}

std::string FlagScores::ToString() const {
  std::string out;
  for (const auto& [flag, c] : by_flag_) {
    char line[128];
    std::snprintf(line, sizeof line, "%s: expected %d, given %d, right %d\n", flag.c_str(),
                  c.expected, c.given, c.right);
    out += line;
  }
  return out;
}

}  // namespace earshot
