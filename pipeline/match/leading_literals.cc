#include "pipeline/match/leading_literals.h"

#include <algorithm>
#include <cctype>

namespace earshot {
namespace {

// Nested groups deeper than this are not read (no rule needs them).
constexpr int kMaxDepth = 8;

bool IsMeta(char c) { return std::string_view("^$.|?*+()[]{}").find(c) != std::string_view::npos; }

// Calls on_byte(i, depth) for every byte of `re` outside character classes
// and escapes, with the group depth before it. Returns false when the
// parentheses or brackets do not balance.
template <typename OnByte>
bool Walk(std::string_view re, OnByte&& on_byte) {
  int depth = 0;
  for (size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '[') {
      // "[]...]" and "[^]...]" hold a literal ']' first.
      size_t j = i + 1;
      if (j < re.size() && re[j] == '^') ++j;
      if (j < re.size() && re[j] == ']') ++j;
      for (; j < re.size() && re[j] != ']'; ++j) {
        if (re[j] == '\\') ++j;
      }
      if (j >= re.size()) return false;
      i = j;
      continue;
    }
    if (!on_byte(i, depth)) return true;
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) return false;
  }
  return depth == 0;
}

// The top-level branches of `re`: split at '|' outside groups and classes.
std::optional<std::vector<std::string_view>> Branches(std::string_view re) {
  std::vector<std::string_view> out;
  size_t from = 0;
  const bool ok = Walk(re, [&](size_t i, int depth) {
    if (re[i] == '|' && depth == 0) {
      out.push_back(re.substr(from, i - from));
      from = i + 1;
    }
    return true;
  });
  if (!ok) return std::nullopt;
  out.push_back(re.substr(from));
  return out;
}

// The index of the ')' closing the group opened at re[open], or npos.
size_t CloseOf(std::string_view re, size_t open) {
  size_t close = std::string_view::npos;
  Walk(re.substr(open), [&](size_t i, int depth) {
    if (re[open + i] == ')' && depth == 1) {
      close = open + i;
      return false;
    }
    return true;
  });
  return close;
}

// True when the quantifier at re[at] (if any) lets its atom occur zero
// times: '?', '*', "{0" and "{,".
bool MayBeAbsent(std::string_view re, size_t at) {
  if (at >= re.size()) return false;
  if (re[at] == '?' || re[at] == '*') return true;
  if (re[at] != '{') return false;
  size_t j = at + 1;
  while (j < re.size() && re[j] == '0') ++j;
  return j > at + 1 ? j < re.size() && !std::isdigit(static_cast<unsigned char>(re[j]))
                    : j < re.size() && re[j] == ',';
}

// The index just past the quantifier that starts at re[at] ('?', '*',
// '+' or a "{...}" count, and a '?' making it lazy), or npos when a count
// does not close.
size_t AfterQuantifier(std::string_view re, size_t at) {
  size_t j = at;
  if (re[j] == '{') {
    j = re.find('}', j);
    if (j == std::string_view::npos) return j;
  }
  ++j;
  if (j < re.size() && re[j] == '?') ++j;
  return j;
}

// Appends the leading literals of one branch to `out`; false when its
// opening cannot be read.
bool ReadBranch(std::string_view branch, bool boundary, int depth,
                std::vector<LeadingLiteral>* out) {
  size_t i = 0;
  while (branch.substr(i, 2) == "\\b") {
    boundary = true;
    i += 2;
  }
  if (i >= branch.size()) return false;  // the branch can match nothing at all
  if (branch[i] == '(') {
    if (depth >= kMaxDepth) return false;
    const size_t close = CloseOf(branch, i);
    if (close == std::string_view::npos) return false;
    std::string_view inner = branch.substr(i + 1, close - i - 1);
    if (inner.substr(0, 2) == "?:") {
      inner.remove_prefix(2);
    } else if (!inner.empty() && inner[0] == '?') {
      return false;  // flags or a named group
    }
    const auto branches = Branches(inner);
    if (!branches) return false;
    for (const std::string_view b : *branches) {
      if (!ReadBranch(b, boundary, depth + 1, out)) return false;
    }
    // "(still\s+)?waiting": a match starts with the group or, when the
    // group is absent, with what follows it.
    if (MayBeAbsent(branch, close + 1)) {
      const size_t after = AfterQuantifier(branch, close + 1);
      return after != std::string_view::npos &&
             ReadBranch(branch.substr(after), boundary, depth + 1, out);
    }
    return true;
  }
  std::string literal;
  size_t j = i;
  while (j < branch.size()) {
    const char c = branch[j];
    if (c == '\\') {
      // An escaped mark ("\.", "\-") is that mark; a letter ("\s", "\d",
      // "\b") is a class or an assertion, where the literal ends.
      if (j + 1 < branch.size() && std::ispunct(static_cast<unsigned char>(branch[j + 1])) != 0) {
        literal.push_back(branch[j + 1]);
        j += 2;
        continue;
      }
      break;
    }
    // Capitals and non-ASCII letters never occur in the folded text the
    // rule regexes run on; the literal stops short of them.
    if (IsMeta(c) || static_cast<unsigned char>(c) >= 0x80 || (c >= 'A' && c <= 'Z')) break;
    literal.push_back(c);
    ++j;
  }
  // "orders?": the last character may be absent.
  if (MayBeAbsent(branch, j) || (j < branch.size() && branch[j] == '{')) {
    if (!literal.empty()) literal.pop_back();
  }
  if (literal.empty()) return false;
  out->push_back(LeadingLiteral{std::move(literal), boundary});
  return true;
}

}  // namespace

std::optional<std::vector<LeadingLiteral>> ReadLeadingLiterals(std::string_view re) {
  const auto branches = Branches(re);
  if (!branches) return std::nullopt;
  std::vector<LeadingLiteral> found;
  for (const std::string_view b : *branches) {
    if (!ReadBranch(b, /*boundary=*/false, 0, &found)) return std::nullopt;
  }
  // A literal covers another it is a prefix of, unless it lacks the
  // other's boundary: "order" (after \b) covers "orders" (after \b).
  std::vector<LeadingLiteral> kept;
  for (size_t a = 0; a < found.size(); ++a) {
    const bool covered = std::any_of(found.begin(), found.end(), [&](const LeadingLiteral& o) {
      const LeadingLiteral& x = found[a];
      if (&o == &x || o.text.size() > x.text.size()) return false;
      if (x.text.compare(0, o.text.size(), o.text) != 0) return false;
      if (o.after_word_boundary && !x.after_word_boundary) return false;
      // Equal literals: the first one stays.
      return !(o == x) || &o < &x;
    });
    if (!covered) kept.push_back(found[a]);
  }
  return kept;
}

}  // namespace earshot
