#include "pipeline/normalize/normalizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace earshot {
namespace {

void AppendUtf8(utf8proc_int32_t cp, std::string* out) {
  utf8proc_uint8_t buf[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

utf8proc_int32_t LowerCase(utf8proc_int32_t cp, bool turkish) {
  if (cp == 0x0130) return 'i';             // İ -> i in every language
  if (cp == 'I' && turkish) return 0x0131;  // I -> ı in Turkish
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  return utf8proc_tolower(cp);
}

// Maps one lowercase code point to ASCII where it is a Latin letter with
// diacritics; other code points (emoji, other scripts) pass through.
void AppendFolded(utf8proc_int32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
    return;
  }
  if (cp == 0x0131) {  // ı has no decomposition
    out->push_back('i');
    return;
  }
  utf8proc_int32_t parts[8];
  int last_boundclass = 0;
  const utf8proc_ssize_t n = utf8proc_decompose_char(
      cp, parts, 8, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK),
      &last_boundclass);
  if (n == 1 && parts[0] < 0x80) {
    out->push_back(static_cast<char>(parts[0]));
    return;
  }
  AppendUtf8(cp, out);
}

bool IsWordChar(utf8proc_int32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == '\'';
  }
  if (cp == 0x2019) return true;  // typographic apostrophe inside "Türkcell’e"
  const utf8proc_category_t cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
         cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LM ||
         cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ND;
}

bool IsSymbolToken(utf8proc_int32_t cp) {
  if (cp < 0x80) return false;
  const utf8proc_category_t cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_SO || cat == UTF8PROC_CATEGORY_SK;
}

bool IsLetter(utf8proc_int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  const utf8proc_category_t cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LO;
}

bool IsSpace(utf8proc_int32_t cp) { return cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r'; }

// What Normalize asks about one code point, worked out once with the
// functions above: utf8proc's lookups, decompositions and encodings cost
// more than the rest of the loop, and a post uses a few dozen distinct code
// points, nearly all ASCII or Turkish.
struct CodePointInfo {
  enum Trait : std::uint8_t {
    kWordChar = 1 << 0,   // IsWordChar
    kLetter = 1 << 1,     // IsLetter
    kUpper = 1 << 2,      // utf8proc_isupper
    kLower = 1 << 3,      // utf8proc_islower
    kSymbol = 1 << 4,     // IsSymbolToken
    kCombining = 1 << 5,  // a nonzero canonical combining class
  };
  utf8proc_int32_t lower = 0;  // LowerCase(cp)
  std::uint8_t traits = 0;     // of cp
  std::uint8_t lower_traits = 0;
  std::uint8_t lower_length = 0;   // bytes of `lower` in UTF-8
  std::uint8_t folded_length = 0;  // bytes AppendFolded(lower) writes
  // Padded to four bytes so that a copy needs no length-dependent branch.
  char lower_utf8[4] = {};
  char folded[4] = {};
};

std::uint8_t TraitsOf(utf8proc_int32_t cp) {
  std::uint8_t traits = 0;
  if (IsWordChar(cp)) traits |= CodePointInfo::kWordChar;
  if (IsLetter(cp)) traits |= CodePointInfo::kLetter;
  if (utf8proc_isupper(cp)) traits |= CodePointInfo::kUpper;
  if (utf8proc_islower(cp)) traits |= CodePointInfo::kLower;
  if (IsSymbolToken(cp)) traits |= CodePointInfo::kSymbol;
  if (utf8proc_get_property(cp)->combining_class != 0) traits |= CodePointInfo::kCombining;
  return traits;
}

CodePointInfo MakeInfo(utf8proc_int32_t cp, bool turkish) {
  CodePointInfo info;
  info.traits = TraitsOf(cp);
  info.lower = LowerCase(cp, turkish);
  info.lower_traits = TraitsOf(info.lower);
  std::string lower;
  AppendUtf8(info.lower, &lower);
  std::string folded;
  AppendFolded(info.lower, &folded);
  info.lower_length = static_cast<std::uint8_t>(lower.size());
  info.folded_length = static_cast<std::uint8_t>(folded.size());
  std::memcpy(info.lower_utf8, lower.data(), lower.size());
  std::memcpy(info.folded, folded.data(), folded.size());
  return info;
}

// Code points below this (ASCII, Latin, Greek, Cyrillic, Hebrew, Arabic)
// come from a table filled at start-up; LowerCase treats them alike in every
// language except 'I'.
constexpr utf8proc_int32_t kTableSize = 0x800;

const CodePointInfo* InfoTable() {
  static const auto* const kTable = [] {
    auto* table = new std::array<CodePointInfo, kTableSize>;
    for (utf8proc_int32_t cp = 0; cp < kTableSize; ++cp) {
      (*table)[static_cast<size_t>(cp)] = MakeInfo(cp, /*turkish=*/false);
    }
    return table;
  }();
  return kTable->data();
}

// The rest (emoji, punctuation such as U+2019, other scripts) is looked up
// through a small per-thread cache: a post repeats the same few. The
// reference is good until the next call.
const CodePointInfo& RareInfo(utf8proc_int32_t cp) {
  struct Slot {
    utf8proc_int32_t cp = -1;
    CodePointInfo info;
  };
  thread_local std::array<Slot, 64> cache;
  Slot& slot = cache[static_cast<size_t>(cp) % cache.size()];
  if (slot.cp != cp) {
    slot.cp = cp;
    slot.info = MakeInfo(cp, /*turkish=*/false);  // only 'I' depends on the language
  }
  return slot.info;
}

bool HasCombiningMark(utf8proc_int32_t cp) {
  const std::uint8_t traits = cp < kTableSize ? InfoTable()[cp].traits : RareInfo(cp).traits;
  return (traits & CodePointInfo::kCombining) != 0;
}

bool IsWordCharFast(utf8proc_int32_t cp) {
  const std::uint8_t traits = cp < kTableSize ? InfoTable()[cp].traits : RareInfo(cp).traits;
  return (traits & CodePointInfo::kWordChar) != 0;
}

// Decodes UTF-8 into code points, replacing invalid sequences with U+FFFD.
// Most bytes are ASCII and are copied without asking utf8proc. Returns
// whether a combining mark was among them.
bool DecodeUtf8(std::string_view text, std::vector<utf8proc_int32_t>* cps) {
  bool has_marks = false;
  cps->resize(text.size());
  utf8proc_int32_t* out = cps->data();
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const utf8proc_uint8_t* const end = p + text.size();
  while (p < end) {
    if (*p < 0x80) {
      *out++ = *p++;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
    if (n <= 0 || cp < 0) {
      cp = 0xFFFD;
      n = 1;
    }
    has_marks = has_marks || (cp >= 0x300 && HasCombiningMark(cp));
    *out++ = cp;
    p += n;
  }
  cps->resize(static_cast<size_t>(out - cps->data()));
  return has_marks;
}

void ToNfc(std::string_view text, std::vector<utf8proc_int32_t>* cps) {
  // Pure ASCII is already NFC. Most other text arrives precomposed: NFC
  // changes something only where a combining mark follows (or a code point
  // is not NFC-stable; the marks cover Latin, Turkish and emoji text, which
  // is what we normalize).
  if (!DecodeUtf8(text, cps)) return;
  std::string valid;
  valid.reserve(text.size());
  for (const auto cp : *cps) AppendUtf8(cp, &valid);
  utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(valid.c_str()));
  if (nfc == nullptr) return;
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(nfc, &std::free);
  DecodeUtf8(reinterpret_cast<const char*>(nfc), cps);
}

// ASCII emoticons are tokens of their own, like emoji, compared without
// case and emitted lowercase (":D" -> ":d"). Longest first.
size_t MatchEmoticon(const std::vector<utf8proc_int32_t>& cps, size_t i, size_t* base_length) {
  static constexpr std::string_view kEmoticons[] = {
      ":'-(", ">:(", ":-)", ":-(", ":-d", ":'(", ":-/", ":-p", ";-)", "-_-", "</3", ":-*",
      ":-o",  ":-|", ":)",  ":(",  ":d",  ":/",  ":p",  ";)",  ";p",  ";d",  "=)",  "=(",
      "=d",   "=p",  ":]",  ":[",  ":*",  ":o",  "<3",  ":|",  ":@",  "xd",  "^^"};
  if (i > 0 && !IsSpace(cps[i - 1])) return 0;
  for (const std::string_view e : kEmoticons) {
    if (i + e.size() > cps.size()) continue;
    bool same = true;
    for (size_t k = 0; k < e.size() && same; ++k) {
      const utf8proc_int32_t c = cps[i + k];
      same = (c >= 'A' && c <= 'Z' ? c + 32 : c) == static_cast<unsigned char>(e[k]);
    }
    if (!same) continue;
    size_t end = i + e.size();
    // ":(((" and ":)))" are the same emoticon, stressed.
    while (end < cps.size() && cps[end] == static_cast<unsigned char>(e.back())) ++end;
    if (end == cps.size() || cps[end] == ' ' || cps[end] == '\n' || cps[end] == '!' ||
        cps[end] == '.' || cps[end] == ',') {
      *base_length = e.size();
      return end - i;
    }
  }
  return 0;
}

bool StartsWithAscii(const std::vector<utf8proc_int32_t>& cps, size_t i, std::string_view prefix) {
  if (i + prefix.size() > cps.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    const utf8proc_int32_t c = cps[i + k];
    if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != static_cast<unsigned char>(prefix[k])) return false;
  }
  return true;
}

// Length of a URL starting at i (up to white space), or 0.
size_t MatchUrl(const std::vector<utf8proc_int32_t>& cps, size_t i) {
  if (!StartsWithAscii(cps, i, "http://") && !StartsWithAscii(cps, i, "https://") &&
      !StartsWithAscii(cps, i, "www.")) {
    return 0;
  }
  size_t end = i;
  while (end < cps.size() && !IsSpace(cps[end])) ++end;
  // Trailing punctuation belongs to the sentence, not the link.
  while (end > i && (cps[end - 1] == '.' || cps[end - 1] == ',' || cps[end - 1] == ')' ||
                     cps[end - 1] == '!' || cps[end - 1] == '?')) {
    --end;
  }
  return end - i;
}

// Length of "@handle" or "#tag" starting at i, or 0.
size_t MatchTag(const std::vector<utf8proc_int32_t>& cps, size_t i,
                bool (*is_word)(utf8proc_int32_t)) {
  if (i + 1 >= cps.size() || (cps[i] != '@' && cps[i] != '#')) return 0;
  size_t end = i + 1;
  while (end < cps.size() &&
         (is_word(cps[end]) || cps[end] == '_' ||
          (cps[i] == '@' && cps[end] == '.' && end + 1 < cps.size() && is_word(cps[end + 1])))) {
    ++end;
  }
  return end - i > 1 ? end - i : 0;
}

// X (Twitter) delivers post text with &amp; &lt; &gt; escaped, so "<3" and
// ">:(" arrive as "&lt;3" and "&gt;:(". Decodes those and &quot;.
void DecodeHtmlEntities(std::vector<utf8proc_int32_t>* cps) {
  static constexpr struct {
    std::string_view name;
    utf8proc_int32_t cp;
  } kEntities[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}};
  size_t out = 0;
  for (size_t in = 0; in < cps->size(); ++in) {
    utf8proc_int32_t cp = (*cps)[in];
    if (cp == '&') {
      for (const auto& entity : kEntities) {
        bool same = in + entity.name.size() <= cps->size();
        for (size_t k = 0; same && k < entity.name.size(); ++k) {
          same = (*cps)[in + k] == static_cast<unsigned char>(entity.name[k]);
        }
        if (same) {
          cp = entity.cp;
          in += entity.name.size() - 1;
          break;
        }
      }
    }
    (*cps)[out++] = cp;
  }
  cps->resize(out);
}

// Writes the forms of one post straight into its NormalizedText. `lower`
// and `folded` are sized for the worst case up front and cut to length at
// the end, so appending a code point is a fixed four-byte copy; a word token
// is the slice of `folded` since the word began.
class FormWriter {
 public:
  FormWriter(size_t code_points, NormalizedText* out) : out_(*out) {
    // Four bytes a code point, and four of slack for the padded copies.
    out_.lower.resize(4 * code_points + 4);
    out_.folded.resize(4 * code_points + 4);
    lower_ = out_.lower.data();
    folded_ = out_.folded.data();
    // About one token for every five code points; a guess, not a limit.
    out_.tokens.reserve(code_points / 5 + 4);
  }

  size_t folded_size() const { return folded_size_; }

  void Append(const CodePointInfo& info) {
    std::memcpy(lower_ + lower_size_, info.lower_utf8, 4);
    lower_size_ += info.lower_length;
    std::memcpy(folded_ + folded_size_, info.folded, 4);
    folded_size_ += info.folded_length;
  }
  void AppendAscii(char c) {
    lower_[lower_size_++] = c;
    folded_[folded_size_++] = c;
  }
  // Takes back the last Append(info).
  void Unappend(const CodePointInfo& info) {
    lower_size_ -= info.lower_length;
    folded_size_ -= info.folded_length;
  }

  // The current word goes on from `folded_from`, where a word character was
  // just appended, unless it has already begun.
  void ContinueWord(size_t folded_from, bool letter, bool upper) {
    if (word_start_ == kNoWord) word_start_ = folded_from;
    if (letter) {
      ++word_letters_;
      if (upper) ++word_upper_;
    }
  }
  void FlushWord() {
    if (word_start_ != kNoWord && folded_size_ > word_start_) {
      Token& token = PushToken(word_start_, Token::Kind::kWord);
      token.caps = word_letters_ >= 2 && word_upper_ == word_letters_;
    }
    word_start_ = kNoWord;
    word_letters_ = 0;
    word_upper_ = 0;
  }
  // A token whose text is folded[from, end).
  Token& PushToken(size_t from, Token::Kind kind) {
    return PushToken(std::string_view(folded_ + from, folded_size_ - from), kind);
  }
  Token& PushToken(std::string_view text, Token::Kind kind) {
    Token& token = out_.tokens.emplace_back();
    token.text.assign(text.data(), text.size());
    token.is_word = kind == Token::Kind::kWord;
    token.kind = kind;
    token.clause_start = clause_start_;
    clause_start_ = false;
    return token;
  }
  void StartClause() { clause_start_ = true; }

  void Finish() {
    out_.lower.resize(lower_size_);
    out_.folded.resize(folded_size_);
    size_t words_size = 1;
    for (const Token& token : out_.tokens) words_size += token.text.size() + 1;
    std::string& words = out_.words;
    words.resize(words_size);
    char* p = words.data();
    *p++ = ' ';
    for (const Token& token : out_.tokens) {
      // Bytes into a sized buffer: no terminator wanted (the string has one).
      p = std::copy(token.text.begin(), token.text.end(), p);
      *p++ = ' ';
    }
  }

 private:
  static constexpr size_t kNoWord = static_cast<size_t>(-1);

  NormalizedText& out_;
  char* lower_;
  char* folded_;
  size_t lower_size_ = 0;
  size_t folded_size_ = 0;
  size_t word_start_ = kNoWord;  // in folded_
  int word_letters_ = 0;
  int word_upper_ = 0;
  bool clause_start_ = true;  // the next token begins a clause
};

// Code point facts for one language: the table, with Turkish casing for 'I'.
class InfoSource {
 public:
  explicit InfoSource(bool turkish)
      : table_(InfoTable()),
        capital_i_(turkish ? TurkishCapitalI() : table_[static_cast<unsigned char>('I')]) {}

  // By value: a later lookup may reuse the cache slot of an earlier one.
  CodePointInfo operator()(utf8proc_int32_t cp) const {
    if (cp == 'I') return capital_i_;
    return cp < kTableSize ? table_[cp] : RareInfo(cp);
  }

 private:
  static const CodePointInfo& TurkishCapitalI() {
    static const CodePointInfo kInfo = MakeInfo('I', /*turkish=*/true);
    return kInfo;
  }

  const CodePointInfo* table_;
  const CodePointInfo& capital_i_;
};

// Emits a whole-token span (URL, mention, hashtag) into every form.
void EmitSpecial(const std::vector<utf8proc_int32_t>& cps, size_t from, size_t len,
                 Token::Kind kind, const InfoSource& info, FormWriter* writer) {
  writer->FlushWord();
  const size_t folded_from = writer->folded_size();
  for (size_t k = from; k < from + len; ++k) writer->Append(info(cps[k]));
  writer->PushToken(folded_from, kind);
  if (kind != Token::Kind::kHashtag) return;
  // "#KargoGelmedi" -> words "kargo", "gelmedi": split where a lowercase
  // letter meets an uppercase one, and between letters and digits.
  std::string part;
  for (size_t k = from + 1; k < from + len; ++k) {
    const utf8proc_int32_t c = cps[k];
    const utf8proc_int32_t before = cps[k - 1];
    const CodePointInfo c_info = info(c);
    const bool upper = (c_info.traits & CodePointInfo::kUpper) != 0;
    const bool digit = c >= '0' && c <= '9';
    const bool before_digit = before >= '0' && before <= '9';
    if (c == '_' ||
        (k > from + 1 && ((upper && (info(before).traits & CodePointInfo::kLower) != 0) ||
                          digit != before_digit))) {
      if (!part.empty()) writer->PushToken(part, Token::Kind::kWord);
      part.clear();
    }
    if (c != '_') part.append(c_info.folded, c_info.folded_length);
  }
  if (!part.empty()) writer->PushToken(part, Token::Kind::kWord);
}

// The first characters of the emoticons MatchEmoticon knows, either case.
bool MayStartEmoticon(utf8proc_int32_t cp) {
  switch (cp) {
    case ':':
    case ';':
    case '=':
    case '<':
    case '>':
    case '-':
    case '^':
    case 'x':
    case 'X':
      return true;
    default:
      return false;
  }
}

}  // namespace

NormalizedText Normalize(std::string_view text, bool turkish) {
  // Reused across calls: decoding is the one per-post buffer Normalize
  // does not hand back.
  thread_local std::vector<utf8proc_int32_t> cps;
  ToNfc(text, &cps);
  if (text.find('&') != std::string_view::npos) DecodeHtmlEntities(&cps);
  NormalizedText out;
  FormWriter writer(cps.size(), &out);
  const InfoSource info(turkish);

  utf8proc_int32_t prev = -1;
  int run = 0;
  for (size_t index = 0; index < cps.size(); ++index) {
    const utf8proc_int32_t original = cps[index];
    if (index == 0 || IsSpace(cps[index - 1])) {
      size_t len = 0;
      Token::Kind kind = Token::Kind::kUrl;
      if (original == 'h' || original == 'H' || original == 'w' || original == 'W') {
        len = MatchUrl(cps, index);
      } else if (original == '@' || original == '#') {
        len = MatchTag(cps, index, IsWordCharFast);
        kind = original == '@' ? Token::Kind::kMention : Token::Kind::kHashtag;
      }
      if (len > 0) {
        EmitSpecial(cps, index, len, kind, info, &writer);
        index += len - 1;
        prev = -1;
        continue;
      }
      size_t base = 0;
      if (MayStartEmoticon(original)) len = MatchEmoticon(cps, index, &base);
      if (len > 0) {
        writer.FlushWord();
        const size_t folded_from = writer.folded_size();
        for (size_t k = 0; k < base; ++k) {
          const utf8proc_int32_t c = cps[index + k];
          writer.AppendAscii(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
        }
        writer.PushToken(folded_from, Token::Kind::kSymbol);
        index += len - 1;
        prev = -1;
        continue;
      }
    }
    // Emoji presentation selectors, joiners and skin tones change how an
    // emoji looks, not what it says: drop them so "❤️" is "❤".
    if (original >= 0x200D && (original == 0xFE0E || original == 0xFE0F || original == 0x200D ||
                               (original >= 0x1F3FB && original <= 0x1F3FF))) {
      continue;
    }
    const CodePointInfo cp_info = info(original);
    const utf8proc_int32_t cp = cp_info.lower;
    // Squeeze elongation: a letter repeated 3+ times counts once.
    run = (cp == prev) ? run + 1 : 1;
    prev = cp;
    if (run >= 2 && (cp_info.lower_traits & CodePointInfo::kLetter) != 0) {
      // Keep a legitimate double letter until a third shows it is elongation,
      // then take back the second copy (from the current word too).
      if (run == 3) writer.Unappend(cp_info);
      if (run >= 3) continue;
    }
    const bool word_char = (cp_info.lower_traits & CodePointInfo::kWordChar) != 0;
    if (!word_char) writer.FlushWord();
    const size_t before = writer.folded_size();
    writer.Append(cp_info);
    if (word_char) {
      writer.ContinueWord(before, (cp_info.traits & CodePointInfo::kLetter) != 0,
                          (cp_info.traits & CodePointInfo::kUpper) != 0);
    } else if ((cp_info.lower_traits & CodePointInfo::kSymbol) != 0) {
      writer.PushToken(before, Token::Kind::kSymbol);
    } else if (cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == '\n') {
      writer.StartClause();
    }
  }
  writer.FlushWord();
  writer.Finish();
  return out;
}

std::string FoldForMatching(std::string_view text, bool turkish) {
  return Normalize(text, turkish).folded;
}

}  // namespace earshot
