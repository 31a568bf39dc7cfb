#include "pipeline/match/backtrack_regex.h"

#include <memory>
#include <utility>

#include "pipeline/match/leading_literals.h"

namespace earshot {
namespace {

// Past this many instructions (counted repeats are written out) a regex
// stays with RE2.
constexpr size_t kMaxProgram = 2048;
// Steps a try may take before it gives up and RE2 is asked. A rule regex
// tried where its leading literal occurs takes tens.
constexpr uint32_t kStepBudget = 4096;
// Alternations of at least this many branches dispatch on the next byte.
constexpr size_t kDispatchBranches = 4;

// The length of the well-formed UTF-8 sequence at text[pos] (its first
// byte is above 0x7F); 0 when that byte cannot start one (a continuation
// byte, C0, C1, F5-FF), which no class or "." of RE2's matches either; or
// kMalformed when a lead byte is followed by a malformed, overlong or
// surrogate sequence: then the try gives up rather than guess what RE2's
// encodings (some looser than ours) make of it.
constexpr size_t kMalformed = ~size_t{0};

size_t Utf8Length(std::string_view text, size_t pos) {
  const auto b0 = static_cast<uint8_t>(text[pos]);
  size_t length = 0;
  uint8_t low = 0x80;
  uint8_t high = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) low = 0xA0;
    if (b0 == 0xED) high = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) low = 0x90;
    if (b0 == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return kMalformed;
  for (size_t k = 1; k < length; ++k) {
    const auto b = static_cast<uint8_t>(text[pos + k]);
    if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) return kMalformed;
  }
  return length;
}

}  // namespace

// Reads a regex into a tree, then writes the tree out as a program.
class BacktrackCompiler {
 public:
  explicit BacktrackCompiler(std::string_view re) : re_(re) {}

  std::optional<BacktrackRegex> Run() {
    std::unique_ptr<Node> root = Alternation(0);
    if (!root || pos_ != re_.size()) return std::nullopt;
    Emit(*root);
    if (failed_) return std::nullopt;
    out_.program_.push_back({BacktrackRegex::Op::kMatch});
    if (out_.program_.size() > kMaxProgram) return std::nullopt;
    FindFirstBytes();
    return std::move(out_);
  }

 private:
  using Op = BacktrackRegex::Op;
  using Class = BacktrackRegex::Class;
  struct Node {
    enum class Kind {
      kEmpty,
      kByte,
      kClass,
      kDot,
      kWordBoundary,
      kNotWordBoundary,
      kConcat,
      kAlternate,
      kRepeat
    };
    Kind kind = Kind::kEmpty;
    uint8_t byte = 0;
    uint16_t klass = 0;
    int min = 0;
    int max = 0;  // -1: unbounded
    std::vector<std::unique_ptr<Node>> children;
  };
  static constexpr int kMaxDepth = 16;

  static bool Nullable(const Node& n) {
    switch (n.kind) {
      case Node::Kind::kEmpty:
      case Node::Kind::kWordBoundary:
      case Node::Kind::kNotWordBoundary:
        return true;
      case Node::Kind::kByte:
      case Node::Kind::kClass:
      case Node::Kind::kDot:
        return false;
      case Node::Kind::kConcat:
        for (const auto& c : n.children) {
          if (!Nullable(*c)) return false;
        }
        return true;
      case Node::Kind::kAlternate:
        for (const auto& c : n.children) {
          if (Nullable(*c)) return true;
        }
        return false;
      case Node::Kind::kRepeat:
        return n.min == 0 || Nullable(*n.children[0]);
    }
    return true;
  }

  bool AtEnd() const { return pos_ >= re_.size(); }
  char Peek() const { return re_[pos_]; }

  std::unique_ptr<Node> Alternation(int depth) {
    if (depth > kMaxDepth) return nullptr;
    auto alt = std::make_unique<Node>();
    alt->kind = Node::Kind::kAlternate;
    for (;;) {
      std::unique_ptr<Node> branch = Concatenation(depth);
      if (!branch) return nullptr;
      alt->children.push_back(std::move(branch));
      if (AtEnd() || Peek() != '|') break;
      ++pos_;
    }
    if (alt->children.size() == 1) return std::move(alt->children[0]);
    return alt;
  }

  std::unique_ptr<Node> Concatenation(int depth) {
    auto cat = std::make_unique<Node>();
    cat->kind = Node::Kind::kConcat;
    while (!AtEnd() && Peek() != '|' && Peek() != ')') {
      std::unique_ptr<Node> atom = Atom(depth);
      if (!atom) return nullptr;
      atom = Repetition(std::move(atom));
      if (!atom) return nullptr;
      cat->children.push_back(std::move(atom));
    }
    if (cat->children.empty()) cat->kind = Node::Kind::kEmpty;
    return cat;
  }

  // Reads "{n}", "{n,}" or "{n,m}" at pos_; false when what is there is not one.
  bool Counts(int* min, int* max) {
    size_t p = pos_ + 1;
    auto number = [&](int* value) {
      const size_t from = p;
      // RE2 reads "{0,09}" as text, not a count: leading zeros are refused.
      if (p + 1 < re_.size() && re_[p] == '0' && re_[p + 1] >= '0' && re_[p + 1] <= '9') {
        return false;
      }
      *value = 0;
      while (p < re_.size() && re_[p] >= '0' && re_[p] <= '9' && p - from < 4) {
        *value = *value * 10 + (re_[p] - '0');
        ++p;
      }
      return p > from;
    };
    if (!number(min)) return false;
    *max = *min;
    if (p < re_.size() && re_[p] == ',') {
      ++p;
      if (!number(max)) *max = -1;
    }
    if (p >= re_.size() || re_[p] != '}') return false;
    if (*max != -1 && *max < *min) return false;
    pos_ = p + 1;
    return true;
  }

  std::unique_ptr<Node> Repetition(std::unique_ptr<Node> atom) {
    if (AtEnd()) return atom;
    int min = 0;
    int max = 0;
    const char c = Peek();
    if (c == '*') {
      min = 0, max = -1, ++pos_;
    } else if (c == '+') {
      min = 1, max = -1, ++pos_;
    } else if (c == '?') {
      min = 0, max = 1, ++pos_;
    } else if (c == '{') {
      if (!Counts(&min, &max)) return nullptr;
    } else {
      return atom;
    }
    if (!AtEnd() && Peek() == '?') ++pos_;  // non-greedy: the same answer to "is there a match"
    if (!AtEnd() && (Peek() == '*' || Peek() == '+' || Peek() == '?' || Peek() == '{')) {
      return nullptr;
    }
    // A loop over what can match empty could spin without reading a byte.
    if (max == -1 && Nullable(*atom)) return nullptr;
    if (max > 100) return nullptr;
    auto rep = std::make_unique<Node>();
    rep->kind = Node::Kind::kRepeat;
    rep->min = min;
    rep->max = max;
    rep->children.push_back(std::move(atom));
    return rep;
  }

  std::unique_ptr<Node> ClassNode(const Class& klass) {
    auto n = std::make_unique<Node>();
    n->kind = Node::Kind::kClass;
    n->klass = static_cast<uint16_t>(out_.classes_.size());
    out_.classes_.push_back(klass);
    return n;
  }

  static void AddRange(Class* k, uint8_t from, uint8_t to) {
    for (unsigned b = from; b <= to; ++b) k->ascii[b >> 6] |= uint64_t{1} << (b & 63);
  }

  // The class of a Perl escape (\s \w \d and their negations), or false.
  static bool PerlClass(char e, Class* k) {
    Class c;
    switch (e) {
      case 's':
      case 'S':
        for (const char s : {'\t', '\n', '\f', '\r', ' '}) AddRange(&c, s, s);
        break;
      case 'w':
      case 'W':
        AddRange(&c, '0', '9'), AddRange(&c, 'A', 'Z'), AddRange(&c, 'a', 'z'),
            AddRange(&c, '_', '_');
        break;
      case 'd':
      case 'D':
        AddRange(&c, '0', '9');
        break;
      default:
        return false;
    }
    if (e == 'S' || e == 'W' || e == 'D') {
      c.ascii[0] = ~c.ascii[0];
      c.ascii[1] = ~c.ascii[1];
      c.non_ascii = true;
    }
    *k = c;
    return true;
  }

  // The byte an escape stands for when it is a literal ("\.", "\n"), or -1.
  static int EscapedByte(char e) {
    switch (e) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      default:
        break;
    }
    const auto b = static_cast<uint8_t>(e);
    if (b < 0x21 || b > 0x7E || IsRegexWordByte(static_cast<char>(b)))
      return -1;  // letters and digits mean more
    return b;
  }

  std::unique_ptr<Node> BracketClass() {
    ++pos_;  // '['
    Class k;
    bool negated = false;
    if (!AtEnd() && Peek() == '^') negated = true, ++pos_;
    bool first = true;
    for (;;) {
      if (AtEnd()) return nullptr;
      char c = Peek();
      if (c == ']' && !first) break;
      first = false;
      int lo = -1;
      if (c == '[') return nullptr;  // POSIX classes ([:alpha:]) and the like
      if (c == '\\') {
        if (pos_ + 1 >= re_.size()) return nullptr;
        const char e = re_[pos_ + 1];
        Class perl;
        if (PerlClass(e, &perl)) {
          k.ascii[0] |= perl.ascii[0];
          k.ascii[1] |= perl.ascii[1];
          k.non_ascii = k.non_ascii || perl.non_ascii;
          pos_ += 2;
          continue;
        }
        lo = EscapedByte(e);
        if (lo < 0) return nullptr;
        pos_ += 2;
      } else {
        if (static_cast<uint8_t>(c) >= 0x80 || static_cast<uint8_t>(c) < 0x20) return nullptr;
        lo = static_cast<uint8_t>(c);
        ++pos_;
      }
      int hi = lo;
      if (pos_ + 1 < re_.size() && Peek() == '-' && re_[pos_ + 1] != ']') {
        const char h = re_[pos_ + 1];
        if (h == '\\') {
          if (pos_ + 2 >= re_.size()) return nullptr;
          hi = EscapedByte(re_[pos_ + 2]);
          if (hi < 0) return nullptr;
          pos_ += 3;
        } else {
          if (static_cast<uint8_t>(h) >= 0x80 || static_cast<uint8_t>(h) < 0x20 || h == '[') {
            return nullptr;
          }
          hi = static_cast<uint8_t>(h);
          pos_ += 2;
        }
        if (hi < lo) return nullptr;
      }
      AddRange(&k, static_cast<uint8_t>(lo), static_cast<uint8_t>(hi));
    }
    ++pos_;  // ']'
    if (negated) {
      k.ascii[0] = ~k.ascii[0];
      k.ascii[1] = ~k.ascii[1];
      k.non_ascii = !k.non_ascii;
    }
    return ClassNode(k);
  }

  std::unique_ptr<Node> Atom(int depth) {
    const char c = Peek();
    auto node = std::make_unique<Node>();
    switch (c) {
      case '(': {
        ++pos_;
        if (!AtEnd() && Peek() == '?') {
          if (pos_ + 1 < re_.size() && re_[pos_ + 1] == ':') {
            pos_ += 2;
          } else {
            return nullptr;  // flags, named groups
          }
        }
        std::unique_ptr<Node> inner = Alternation(depth + 1);
        if (!inner || AtEnd() || Peek() != ')') return nullptr;
        ++pos_;
        return inner;
      }
      case '[':
        return BracketClass();
      case '.':
        ++pos_;
        node->kind = Node::Kind::kDot;
        return node;
      case '\\': {
        if (pos_ + 1 >= re_.size()) return nullptr;
        const char e = re_[pos_ + 1];
        pos_ += 2;
        if (e == 'b' || e == 'B') {
          node->kind = e == 'b' ? Node::Kind::kWordBoundary : Node::Kind::kNotWordBoundary;
          return node;
        }
        Class perl;
        if (PerlClass(e, &perl)) return ClassNode(perl);
        const int b = EscapedByte(e);
        if (b < 0) return nullptr;
        node->kind = Node::Kind::kByte;
        node->byte = static_cast<uint8_t>(b);
        return node;
      }
      case '^':
      case '$':
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']':
        return nullptr;
      default:
        break;
    }
    const auto b = static_cast<uint8_t>(c);
    if (b >= 0x80 || b < 0x20) return nullptr;
    ++pos_;
    node->kind = Node::Kind::kByte;
    node->byte = b;
    return node;
  }

  int32_t Here() const { return static_cast<int32_t>(out_.program_.size()); }
  int32_t Add(Op op) {
    out_.program_.push_back({op});
    return Here() - 1;
  }

  void Emit(const Node& n) {
    if (out_.program_.size() > kMaxProgram) {
      failed_ = true;
      return;
    }
    switch (n.kind) {
      case Node::Kind::kEmpty:
        return;
      case Node::Kind::kByte:
        out_.program_[static_cast<size_t>(Add(Op::kByte))].byte = n.byte;
        return;
      case Node::Kind::kClass:
        out_.program_[static_cast<size_t>(Add(Op::kClass))].klass = n.klass;
        return;
      case Node::Kind::kDot:
        Add(Op::kAnyButNewline);
        return;
      case Node::Kind::kWordBoundary:
        Add(Op::kWordBoundary);
        return;
      case Node::Kind::kNotWordBoundary:
        Add(Op::kNotWordBoundary);
        return;
      case Node::Kind::kConcat:
        for (size_t i = 0; i < n.children.size();) {
          // Consecutive bytes are one literal, compared at once.
          size_t j = i;
          while (j < n.children.size() && n.children[j]->kind == Node::Kind::kByte) ++j;
          if (j - i >= 2) {
            const int32_t literal = Add(Op::kLiteral);
            out_.program_[static_cast<size_t>(literal)].next =
                static_cast<int32_t>(out_.literals_.size());
            out_.program_[static_cast<size_t>(literal)].other = static_cast<int32_t>(j - i);
            for (size_t k = i; k < j; ++k)
              out_.literals_.push_back(static_cast<char>(n.children[k]->byte));
            i = j;
            continue;
          }
          Emit(*n.children[i]);
          ++i;
        }
        return;
      case Node::Kind::kAlternate: {
        std::vector<int32_t> jumps;
        if (n.children.size() >= kDispatchBranches) {
          // One instruction picks the branches the next byte allows (their
          // starts are filed by first byte once FindFirstBytes has run).
          const int32_t dispatch = Add(Op::kDispatch);
          const size_t d = out_.dispatch_.size();
          out_.program_[static_cast<size_t>(dispatch)].klass = static_cast<uint16_t>(d);
          out_.dispatch_.emplace_back();
          for (const auto& child : n.children) {
            out_.dispatch_[d].branches.push_back(Here());  // Emit may add dispatches
            Emit(*child);
            jumps.push_back(Add(Op::kJump));
          }
          if (out_.dispatch_.size() > 0xFFFF) failed_ = true;
        } else {
          for (size_t i = 0; i + 1 < n.children.size(); ++i) {
            const int32_t split = Add(Op::kSplit);
            out_.program_[static_cast<size_t>(split)].next = Here();
            Emit(*n.children[i]);
            jumps.push_back(Add(Op::kJump));
            out_.program_[static_cast<size_t>(split)].other = Here();
          }
          Emit(*n.children.back());
        }
        for (const int32_t j : jumps) out_.program_[static_cast<size_t>(j)].next = Here();
        return;
      }
      case Node::Kind::kRepeat: {
        const Node& body = *n.children[0];
        for (int i = 0; i < n.min; ++i) Emit(body);
        if (n.max == -1) {
          const int32_t loop = Add(Op::kSplit);
          out_.program_[static_cast<size_t>(loop)].next = Here();
          Emit(body);
          out_.program_[static_cast<size_t>(Add(Op::kJump))].next = loop;
          out_.program_[static_cast<size_t>(loop)].other = Here();
          return;
        }
        // x{0,k} as (x(x(x)?)?)?: each split skips to the common end.
        std::vector<int32_t> splits;
        for (int i = n.min; i < n.max; ++i) {
          const int32_t split = Add(Op::kSplit);
          out_.program_[static_cast<size_t>(split)].next = Here();
          splits.push_back(split);
          Emit(body);
        }
        for (const int32_t s : splits) out_.program_[static_cast<size_t>(s)].other = Here();
        return;
      }
    }
  }

  // For every instruction, the bytes a match can go on with from there (a
  // superset: assertions pass everything after them, and kMatch every
  // byte, as it needs none); then, for each split, its two branches' sets.
  void FindFirstBytes() {
    using ByteSet = BacktrackRegex::ByteSet;
    std::vector<BacktrackRegex::Inst>& program = out_.program_;
    std::vector<ByteSet> first(program.size());
    ByteSet all;
    all.bits.fill(~uint64_t{0});
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t pc = program.size(); pc-- > 0;) {
        const BacktrackRegex::Inst& inst = program[pc];
        ByteSet set;
        switch (inst.op) {
          case Op::kByte:
            set.bits[inst.byte >> 6] |= uint64_t{1} << (inst.byte & 63);
            break;
          case Op::kLiteral: {
            const auto b = static_cast<uint8_t>(out_.literals_[static_cast<size_t>(inst.next)]);
            set.bits[b >> 6] |= uint64_t{1} << (b & 63);
            break;
          }
          case Op::kRun:  // not written yet: FindRuns runs after this
            break;
          case Op::kDispatch:
            for (const int32_t start : out_.dispatch_[inst.klass].branches) {
              for (size_t w = 0; w < 4; ++w)
                set.bits[w] |= first[static_cast<size_t>(start)].bits[w];
            }
            break;
          case Op::kClass: {
            const Class& k = out_.classes_[inst.klass];
            set.bits[0] = k.ascii[0];
            set.bits[1] = k.ascii[1];
            if (k.non_ascii) set.bits[2] = set.bits[3] = ~uint64_t{0};
            break;
          }
          case Op::kAnyButNewline:
            set = all;
            set.bits[0] &= ~(uint64_t{1} << '\n');
            break;
          case Op::kSplit:
            for (size_t w = 0; w < 4; ++w) {
              set.bits[w] = first[static_cast<size_t>(inst.next)].bits[w] |
                            first[static_cast<size_t>(inst.other)].bits[w];
            }
            break;
          case Op::kJump:
            set = first[static_cast<size_t>(inst.next)];
            break;
          case Op::kWordBoundary:
          case Op::kNotWordBoundary:
            set = first[pc + 1];
            break;
          case Op::kMatch:
            set = all;
            break;
        }
        if (!(set == first[pc])) first[pc] = set, changed = true;
      }
    }
    std::vector<ByteSet>& sets = out_.first_bytes_;
    auto id_of = [&](const ByteSet& set) {
      for (size_t i = 0; i < sets.size(); ++i) {
        if (sets[i] == set) return static_cast<uint16_t>(i);
      }
      sets.push_back(set);
      return static_cast<uint16_t>(sets.size() - 1);
    };
    for (BacktrackRegex::Inst& inst : program) {
      if (inst.op != Op::kSplit) continue;
      inst.next_first = id_of(first[static_cast<size_t>(inst.next)]);
      inst.other_first = id_of(first[static_cast<size_t>(inst.other)]);
    }
    for (BacktrackRegex::Dispatch& d : out_.dispatch_) FileBranches(first, &d);
    out_.start_bytes_ = first[0];
    if (program[0].op == Op::kWordBoundary) {
      // A match opening with "\b" and a word byte starts where a word does.
      BacktrackRegex::ByteSet words;
      for (unsigned b = 0; b < 128; ++b) {
        if (IsRegexWordByte(static_cast<char>(b))) words.bits[b >> 6] |= uint64_t{1} << (b & 63);
      }
      out_.starts_at_word_ = (first[1].bits[0] & ~words.bits[0]) == 0 &&
                             (first[1].bits[1] & ~words.bits[1]) == 0 && first[1].bits[2] == 0 &&
                             first[1].bits[3] == 0;
    }
    FindRuns(first);
  }

  // Files each branch start of `d` under the bytes it can start with.
  void FileBranches(const std::vector<BacktrackRegex::ByteSet>& first,
                    BacktrackRegex::Dispatch* d) {
    d->groups.assign(1, {});  // group 0: no branch
    for (unsigned b = 0; b < 256; ++b) {
      std::vector<int32_t> list;
      for (const int32_t start : d->branches) {
        if (first[static_cast<size_t>(start)].Has(static_cast<uint8_t>(b))) list.push_back(start);
      }
      size_t g = 0;
      while (g < d->groups.size() && d->groups[g] != list) ++g;
      if (g == d->groups.size()) {
        if (g > 255) {
          failed_ = true;
          return;
        }
        d->groups.push_back(list);
      }
      d->group_of[b] = static_cast<uint8_t>(g);
    }
  }

  // A loop over one class ("\S+", "\w*", "\s+") whose continuation cannot
  // start with a byte of that class has one way to go on: after the
  // longest run. Such a loop becomes one kRun, which leaves no choices on
  // the stack (backtracking into a shorter run could never match).
  void FindRuns(const std::vector<BacktrackRegex::ByteSet>& first) {
    std::vector<BacktrackRegex::Inst>& program = out_.program_;
    for (size_t pc = 0; pc + 2 < program.size(); ++pc) {
      BacktrackRegex::Inst& split = program[pc];
      const BacktrackRegex::Inst& body = program[pc + 1];
      const BacktrackRegex::Inst& back = program[pc + 2];
      if (split.op != Op::kSplit || split.next != static_cast<int32_t>(pc + 1) ||
          body.op != Op::kClass || back.op != Op::kJump || back.next != static_cast<int32_t>(pc) ||
          split.other != static_cast<int32_t>(pc + 3)) {
        continue;
      }
      const Class& k = out_.classes_[body.klass];
      const BacktrackRegex::ByteSet& then = first[static_cast<size_t>(split.other)];
      const bool disjoint = (then.bits[0] & k.ascii[0]) == 0 && (then.bits[1] & k.ascii[1]) == 0 &&
                            (!k.non_ascii || (then.bits[2] == 0 && then.bits[3] == 0));
      if (!disjoint) continue;
      const int32_t next = split.other;
      const uint16_t klass = body.klass;
      split = BacktrackRegex::Inst{Op::kRun};
      split.klass = klass;
      split.next = next;
    }
  }

  std::string_view re_;
  size_t pos_ = 0;
  bool failed_ = false;
  BacktrackRegex out_;
};

std::optional<BacktrackRegex> BacktrackRegex::Compile(std::string_view re) {
  return BacktrackCompiler(re).Run();
}

BacktrackRegex::Result BacktrackRegex::MatchesAt(std::string_view text, size_t at,
                                                 std::vector<uint64_t>* stack) const {
  if (at > text.size()) return Result::kNoMatch;
  if (text.size() >= (uint64_t{1} << 32)) return Result::kGaveUp;  // positions are 32 bits
  const size_t n = text.size();
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto word_at = [&](size_t p) { return p < n && IsRegexWordByte(text[p]); };
  auto push = [&](int32_t pc, size_t pos) {
    stack->push_back((static_cast<uint64_t>(pc) << 32) | pos);
  };
  stack->clear();
  push(0, at);
  uint32_t steps = 0;
  while (!stack->empty()) {
    const uint64_t top = stack->back();
    stack->pop_back();
    auto pc = static_cast<size_t>(top >> 32);
    auto pos = static_cast<size_t>(top & 0xFFFFFFFFu);
    for (;;) {
      if (++steps > kStepBudget) return Result::kGaveUp;
      const Inst& inst = program_[pc];
      switch (inst.op) {
        case Op::kByte:
          if (pos >= n || bytes[pos] != inst.byte) goto fail;
          ++pos, ++pc;
          continue;
        case Op::kLiteral: {
          // Compared here, not by memcmp: literals are a few bytes, and
          // the call cost more than the comparison (1.5% of matching at
          // 10k rules).
          const auto length = static_cast<size_t>(inst.other);
          if (n - pos < length) goto fail;
          const char* literal = literals_.data() + inst.next;
          for (size_t k = 0; k < length; ++k) {
            if (text[pos + k] != literal[k]) goto fail;
          }
          pos += length, ++pc;
          continue;
        }
        case Op::kClass:
        case Op::kAnyButNewline: {
          if (pos >= n) goto fail;
          const uint8_t b = bytes[pos];
          if (b < 0x80) {
            if (inst.op == Op::kClass ? !classes_[inst.klass].Has(b) : b == '\n') goto fail;
            ++pos, ++pc;
            continue;
          }
          if (inst.op == Op::kClass && !classes_[inst.klass].non_ascii) goto fail;
          const size_t length = Utf8Length(text, pos);
          if (length == kMalformed) return Result::kGaveUp;
          if (length == 0) goto fail;
          pos += length, ++pc;
          continue;
        }
        case Op::kRun: {
          const Class& k = classes_[inst.klass];
          while (pos < n) {
            const uint8_t b = bytes[pos];
            if (b < 0x80) {
              if (!k.Has(b)) break;
              ++pos;
            } else {
              if (!k.non_ascii) break;
              const size_t length = Utf8Length(text, pos);
              if (length == kMalformed) return Result::kGaveUp;
              if (length == 0) break;
              pos += length;
            }
          }
          pc = static_cast<size_t>(inst.next);
          continue;
        }
        case Op::kSplit:
          if (pos < n) {
            const uint8_t b = bytes[pos];
            const bool next = first_bytes_[inst.next_first].Has(b);
            const bool other = first_bytes_[inst.other_first].Has(b);
            if (!next) {
              if (!other) goto fail;
              pc = static_cast<size_t>(inst.other);
              continue;
            }
            if (other) push(inst.other, pos);
          } else {
            push(inst.other, pos);
          }
          pc = static_cast<size_t>(inst.next);
          continue;
        case Op::kDispatch: {
          const Dispatch& d = dispatch_[inst.klass];
          const std::vector<int32_t>& list =
              pos < n ? d.groups[d.group_of[bytes[pos]]] : d.branches;
          if (list.empty()) goto fail;
          for (size_t k = list.size() - 1; k > 0; --k) push(list[k], pos);
          pc = static_cast<size_t>(list[0]);
          continue;
        }
        case Op::kJump:
          pc = static_cast<size_t>(inst.next);
          continue;
        case Op::kWordBoundary:
        case Op::kNotWordBoundary: {
          const bool boundary = (pos > 0 && word_at(pos - 1)) != word_at(pos);
          if (boundary != (inst.op == Op::kWordBoundary)) goto fail;
          ++pc;
          continue;
        }
        case Op::kMatch:
          return Result::kMatch;
      }
    fail:
      break;
    }
  }
  return Result::kNoMatch;
}

BacktrackRegex::Result BacktrackRegex::Search(std::string_view text, size_t at,
                                              std::vector<uint64_t>* stack,
                                              size_t* gave_up_at) const {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  for (size_t p = at; p < text.size(); ++p) {
    if (!start_bytes_.Has(bytes[p])) continue;
    if (starts_at_word_ && p > 0 && IsRegexWordByte(text[p - 1])) continue;
    const Result r = MatchesAt(text, p, stack);
    if (r == Result::kNoMatch) continue;
    *gave_up_at = p;
    return r;
  }
  // A match of nothing at the very end (a regex that may match empty).
  if (start_bytes_.bits[0] == ~uint64_t{0} && text.size() >= at) {
    const Result r = MatchesAt(text, text.size(), stack);
    *gave_up_at = text.size();
    return r;
  }
  return Result::kNoMatch;
}

}  // namespace earshot
