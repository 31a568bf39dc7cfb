#include "pipeline/normalize/normalizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace earshot {
namespace {

void AppendUtf8(utf8proc_int32_t cp, std::string* out) {
  utf8proc_uint8_t buf[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// What a code point stands for when matching, before lowercasing. A reader
// sees no difference between these and the plain forms, so neither may a
// rule, a lexicon lookup or the English negation "n't":
// - typographic apostrophes are the ASCII one: phone keyboards type
//   "don’t", and the acute accent stands in before Turkish suffixes
//   ("Trendyol´dan"). Double quotation marks keep their shapes: which way
//   they face tells MarkQuotes where a quotation opens;
// - space separators are a space: the no-break space of copied text
//   ("iade\u00A0edilmedi") would otherwise keep `\s+` from matching;
// - letters and digits dressed in another font, width or circle, which
//   "fancy text" generators put in posts ("𝐫𝐞𝐳𝐚𝐥𝐞𝐭", "ｒｅｚａｌｅｔ",
//   "ⓡⓔⓩⓐⓛⓔⓣ"), are the plain ones (their Unicode compatibility form).
utf8proc_int32_t PlainForm(utf8proc_int32_t cp) {
  if (cp < 0x80) return cp;
  switch (cp) {
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x02BC:  // ʼ
    case 0x00B4:  // ´
      return '\'';
    default:
      break;
  }
  const utf8proc_property_t* property = utf8proc_get_property(cp);
  if (property->category == UTF8PROC_CATEGORY_ZS) return ' ';
  switch (property->decomp_type) {
    case UTF8PROC_DECOMP_TYPE_FONT:
    case UTF8PROC_DECOMP_TYPE_WIDE:
    case UTF8PROC_DECOMP_TYPE_NARROW:
    case UTF8PROC_DECOMP_TYPE_CIRCLE: {
      utf8proc_int32_t parts[4];
      int last_boundclass = 0;
      if (utf8proc_decompose_char(
              cp, parts, 4, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT),
              &last_boundclass) == 1) {
        return parts[0];
      }
      break;
    }
    default:
      break;
  }
  return cp;
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
    // One of the letters Turkish adds to ASCII (ç ğ ı ö ş ü, in either
    // case), as typed: not the ı a Turkish reading makes of a capital I.
    kTurkishLetter = 1 << 6,
  };
  utf8proc_int32_t lower = 0;  // LowerCase(PlainForm(cp))
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
  switch (cp) {
    case 0x00E7:
    case 0x00C7:  // ç Ç
    case 0x011F:
    case 0x011E:  // ğ Ğ
    case 0x0131:  // ı
    case 0x00F6:
    case 0x00D6:  // ö Ö
    case 0x015F:
    case 0x015E:  // ş Ş
    case 0x00FC:
    case 0x00DC:  // ü Ü
      traits |= CodePointInfo::kTurkishLetter;
      break;
    default:
      break;
  }
  return traits;
}

CodePointInfo MakeInfo(utf8proc_int32_t cp, bool turkish) {
  CodePointInfo info;
  info.traits = TraitsOf(cp);
  info.lower = LowerCase(PlainForm(cp), turkish);
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

// Letters spaced out for emphasis are one word: "R E Z A L E T",
// "k.ö.t.ü", "b-e-r-b-a-t". A run is three or more letters, each a word of
// its own, one space, full stop or hyphen apart.
void JoinSpacedLetters(std::vector<utf8proc_int32_t>* cps) {
  std::vector<utf8proc_int32_t>& c = *cps;
  const size_t n = c.size();
  auto separator = [](utf8proc_int32_t cp) { return cp == ' ' || cp == '.' || cp == '-'; };
  // c[i] is a Latin letter (the ones that fold to ASCII, as Normalizer
  // notes them) with no word character on either side.
  auto lone_letter = [&](size_t i) {
    return c[i] < 0x250 && IsLetter(c[i]) && (i == 0 || !IsWordChar(c[i - 1])) &&
           (i + 1 == n || !IsWordChar(c[i + 1]));
  };
  size_t out = 0;
  for (size_t i = 0; i < n;) {
    size_t last = i;  // the run's last letter
    size_t letters = 1;
    if (i + 1 < n && separator(c[i + 1]) && lone_letter(i)) {
      while (last + 2 < n && separator(c[last + 1]) && lone_letter(last + 2)) {
        last += 2;
        ++letters;
      }
    }
    if (letters < 3) {
      c[out++] = c[i++];
      continue;
    }
    for (size_t k = i; k <= last; k += 2) c[out++] = c[k];
    i = last + 1;
  }
  c.resize(out);
}

// The first characters of the emoticons MatchEmoticon knows, either case.
bool MayStartEmoticon(unsigned char c) {
  switch (c) {
    case ':':
    case ';':
    case '=':
    case '<':
    case '>':
    case '-':
    case '^':
    case 'x':
    case 'X':
    case '(':
    case ')':
    case '\\':
      return true;
    default:
      return false;
  }
}

// The first characters of URLs ("http", "www"), tags and emoticons.
bool MayStartSpecial(unsigned char c) {
  switch (c) {
    case 'h':
    case 'H':
    case 'w':
    case 'W':
    case '@':
    case '#':
      return true;
    default:
      return MayStartEmoticon(c);
  }
}

// What the main loop asks about a byte, in one lookup. Derived from the
// code point table, so both paths agree.
struct ByteInfo {
  enum Trait : std::uint8_t {
    kWordChar = 1 << 0,  // of the lowercase form
    kLetter = 1 << 1,
    kUpper = 1 << 2,   // of the byte as written
    kClause = 1 << 3,  // . ! ? ; or a line break: the next token begins a clause
    // At the start of a token it may begin a URL, mention, hashtag or
    // emoticon, or it is Turkish 'I' (see kGeneral).
    kSlow = 1 << 4,
    // Goes the way of other code points: Turkish 'I', which lowercases to 'ı'.
    kGeneral = 1 << 5,
    kNotAscii = 1 << 6,  // the first byte of a longer code point, or invalid
  };
  char lower = 0;
  std::uint8_t traits = 0;
};

// The same facts packed for the loop over the letters of an ASCII word
// (Normalizer::AppendAsciiWords), so that one load and one addition do.
namespace word_byte {
constexpr std::uint64_t kLetter = 1;           // also adds one to the letter count
constexpr int kLowerShift = 8;                 // bits 8-15: the lowercase byte
constexpr std::uint64_t kContinues = 1 << 16;  // an ASCII word character, not kGeneral
// kContinues, and not ByteInfo::kSlow: it can begin a word after a space
// without a closer look.
constexpr std::uint64_t kStartsWord = 1 << 17;
constexpr std::uint64_t kUpper = std::uint64_t{1} << 32;  // adds one to the upper count
// A 'y' (or 'Y'): adds one to the count of y's, which says whether a word
// may be a progressive whose r was dropped (RestoreProgressiveR) without a
// look at every word's end.
constexpr int kYShift = 56;
constexpr std::uint64_t kY = std::uint64_t{1} << kYShift;
// Letters in the low 32 bits of a count, upper case letters in the next
// 24, y's in the top 8 (a count that wraps only costs a word that look).
constexpr std::uint64_t kCounts = kLetter | kUpper | kY;
constexpr std::uint64_t kUpperMask = 0xFFFFFF;  // of the count shifted right by 32
}  // namespace word_byte

// One table for each language: only 'I' differs.
const ByteInfo* ByteTable(bool turkish) {
  static const auto kTables = [] {
    std::array<std::array<ByteInfo, 0x100>, 2> tables{};
    const CodePointInfo* table = InfoTable();
    for (size_t language = 0; language < 2; ++language) {
      for (size_t c = 0; c < 0x100; ++c) {
        ByteInfo& byte = tables[language][c];
        if (c >= 0x80) {
          byte.traits = ByteInfo::kNotAscii;
          continue;
        }
        const CodePointInfo& info = table[c];
        byte.lower = static_cast<char>(info.lower);
        if ((info.lower_traits & CodePointInfo::kWordChar) != 0) byte.traits |= ByteInfo::kWordChar;
        if ((info.lower_traits & CodePointInfo::kLetter) != 0) byte.traits |= ByteInfo::kLetter;
        if ((info.traits & CodePointInfo::kUpper) != 0) byte.traits |= ByteInfo::kUpper;
        if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n') {
          byte.traits |= ByteInfo::kClause;
        }
        if (MayStartSpecial(static_cast<unsigned char>(c))) byte.traits |= ByteInfo::kSlow;
        if (language == 1 && c == 'I') byte.traits |= ByteInfo::kSlow | ByteInfo::kGeneral;
      }
    }
    return tables;
  }();
  return kTables[turkish ? 1 : 0].data();
}

const std::uint64_t* WordByteTable(bool turkish) {
  static const auto kTables = [] {
    std::array<std::array<std::uint64_t, 0x100>, 2> tables{};
    for (size_t language = 0; language < 2; ++language) {
      const ByteInfo* bytes = ByteTable(language == 1);
      for (size_t c = 0; c < 0x100; ++c) {
        const std::uint8_t traits = bytes[c].traits;
        std::uint64_t& word = tables[language][c];
        if ((traits & (ByteInfo::kWordChar | ByteInfo::kGeneral | ByteInfo::kNotAscii)) !=
            ByteInfo::kWordChar) {
          continue;
        }
        word = word_byte::kContinues | std::uint64_t{static_cast<unsigned char>(bytes[c].lower)}
                                           << word_byte::kLowerShift;
        if ((traits & ByteInfo::kSlow) == 0) word |= word_byte::kStartsWord;
        if ((traits & ByteInfo::kLetter) != 0) word |= word_byte::kLetter;
        if ((traits & ByteInfo::kUpper) != 0) word |= word_byte::kUpper;  // only letters
        if (bytes[c].lower == 'y') word |= word_byte::kY;
      }
    }
    return tables;
  }();
  return kTables[turkish ? 1 : 0].data();
}

// DecodeAt for sequences of three and four bytes, and invalid ones.
utf8proc_int32_t DecodeLong(const unsigned char* p, const unsigned char* end, size_t* length) {
  utf8proc_int32_t cp = 0;
  const utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
  if (n <= 0 || cp < 0) {
    *length = 1;
    return 0xFFFD;
  }
  *length = static_cast<size_t>(n);
  return cp;
}

// The code point at p (p < end) and its length in bytes; an invalid
// sequence is U+FFFD one byte long, as in DecodeUtf8.
inline utf8proc_int32_t DecodeAt(const unsigned char* p, const unsigned char* end, size_t* length) {
  const unsigned char c = *p;
  if (c < 0x80) {
    *length = 1;
    return c;
  }
  // Two-byte sequences (Turkish letters) without a call; the rules are
  // utf8proc_iterate's.
  if (c >= 0xC2 && c < 0xE0 && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
    *length = 2;
    return ((c & 0x1F) << 6) | (p[1] & 0x3F);
  }
  return DecodeLong(p, end, length);
}

bool StartsWithAscii(const unsigned char* p, const unsigned char* end, std::string_view prefix) {
  if (static_cast<size_t>(end - p) < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    const unsigned char c = p[k];
    if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != static_cast<unsigned char>(prefix[k])) return false;
  }
  return true;
}

// Whether the UTF-8 bytes just before p (from `begin` on) are a space
// separator other than ASCII's (PlainForm makes those a space): a URL,
// mention or tag may start after one, as after a space.
bool AfterWideSpace(const unsigned char* begin, const unsigned char* p) {
  if (p - begin < 2 || p[-1] < 0x80) return false;
  for (const ptrdiff_t n : {2, 3}) {
    if (p - begin < n || (n == 2 ? (p[-2] & 0xE0) != 0xC0 : (p[-3] & 0xF0) != 0xE0)) continue;
    utf8proc_int32_t cp = 0;
    if (utf8proc_iterate(p - n, n, &cp) == n && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS) {
      return true;
    }
  }
  return false;
}

// Length in bytes of the space separator at p: an ASCII one, or one that
// PlainForm makes a space; 0 when there is none.
size_t SpaceAt(const unsigned char* p, const unsigned char* end) {
  if (*p < 0x80) return IsSpace(*p) ? 1 : 0;
  utf8proc_int32_t cp = 0;
  const utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
  return n > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS ? static_cast<size_t>(n) : 0;
}

// Length in bytes of a URL starting at p (up to white space), or 0.
size_t MatchUrl(const unsigned char* p, const unsigned char* end) {
  if (!StartsWithAscii(p, end, "http://") && !StartsWithAscii(p, end, "https://") &&
      !StartsWithAscii(p, end, "www.")) {
    return 0;
  }
  const unsigned char* q = p;
  while (q < end && SpaceAt(q, end) == 0) ++q;
  // Trailing punctuation belongs to the sentence, not the link.
  while (q > p && (q[-1] == '.' || q[-1] == ',' || q[-1] == ')' || q[-1] == '!' || q[-1] == '?')) {
    --q;
  }
  return static_cast<size_t>(q - p);
}

// ASCII emoticons are tokens of their own, like emoji, compared without
// case and emitted lowercase (":D" -> ":d"). Longest first. Returns the
// length in bytes of the emoticon at p with its repeats, or 0.
size_t MatchEmoticon(const unsigned char* p, const unsigned char* end, size_t* base_length) {
  static constexpr std::string_view kEmoticons[] = {
      ":'-(", ">:(", ":-)", ":-(", ":-d", ":'(", ":-/", ":-p", ";-)", "-_-", "</3", ":-*", ":-o",
      ":-|", ":)", ":(", ":d", ":/", ":p", ";)", ";p", ";d", "=)", "=(", "=d", "=p", ":]", ":[",
      ":*", ":o", "<3", ":|", ":@", "xd", "^^", "^_^", "^.^", ";(", ":s", ":3", "xp",
      "(:", "):", "\\o/", ":')", "-.-", "=/", ":c",
      // The irony and doubt marks of written Turkish (and of careful
      // English): "ünlü (!) yazar", "hızlı (?) kargo".
      "(!)", "(?)"};
  const size_t available = static_cast<size_t>(end - p);
  for (const std::string_view e : kEmoticons) {
    if (e.size() > available) continue;
    bool same = true;
    for (size_t k = 0; k < e.size() && same; ++k) {
      const unsigned char c = p[k];
      same = (c >= 'A' && c <= 'Z' ? c + 32 : c) == static_cast<unsigned char>(e[k]);
    }
    if (!same) continue;
    const unsigned char* q = p + e.size();
    // ":(((" and ":)))" are the same emoticon, stressed.
    while (q < end && *q == static_cast<unsigned char>(e.back())) ++q;
    if (q == end || *q == '!' || *q == '.' || *q == ',' || SpaceAt(q, end) > 0) {
      *base_length = e.size();
      return static_cast<size_t>(q - p);
    }
  }
  return 0;
}

constexpr bool IsDigit(utf8proc_int32_t cp) { return cp >= '0' && cp <= '9'; }

// Code points that change how text looks, not what it says, are dropped:
// emoji presentation selectors, joiners and skin tones ("❤️" is "❤"), and
// the invisible soft hyphen, zero-width space and non-joiner, word joiner
// and byte-order mark that copied text carries inside words ("rez\u00ADalet").
constexpr bool IsInvisible(utf8proc_int32_t cp) {
  if (cp < 0xAD) return false;
  switch (cp) {
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFE0E:
    case 0xFE0F:
    case 0xFEFF:
      return true;
    default:
      return cp >= 0x1F3FB && cp <= 0x1F3FF;
  }
}

// Quotation marks, for Token::quoted. The straight '"' opens or closes by
// its place, and so does “, which opens in English and closes „…“; the
// others say which they do.
enum class QuotationMark { kNone, kOpens, kCloses, kEither };
constexpr QuotationMark QuotationMarkOf(utf8proc_int32_t cp) {
  switch (cp) {
    case '"':
    case 0x201C:  // “
      return QuotationMark::kEither;
    case 0x201E:  // „
    case 0x00AB:  // «
      return QuotationMark::kOpens;
    case 0x201D:  // ”
    case 0x00BB:  // »
      return QuotationMark::kCloses;
    default:
      return QuotationMark::kNone;
  }
}

constexpr bool IsAsciiLetter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A lowercase code point as the main loop keeps it: an ASCII letter or any
// letter beyond ASCII (ç, ş, ı, é, …); digits, marks and symbols are not.
constexpr bool IsLetterCode(utf8proc_int32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F);
}

// Speech-like Turkish drops the r of the present progressive: "gelmiyo",
// "kopuyo", "bekliyom", "yapıyosunuz", "bekliyodum" are "gelmiyor",
// "kopuyor", "bekliyorum", "yapıyorsunuz", "bekliyordum". The folded word
// of `length` bytes at `word` gets its r back in place (the caller's buffer
// has two bytes to spare after it); returns its new length. Only the
// progressive's shape counts: i or u (ı, ü folded) then "yo" after at least
// two letters, then nothing or one of the endings below, so "radyo",
// "stüdyo" and "aksiyon" stay ("-yon" for "-yorsun" is left out for
// "aksiyon", "şampiyon", "tansiyon").
size_t RestoreProgressiveR(char* word, size_t length) {
  // Endings after the dropped r, as written after "yo"; "m" and "z" stand
  // for "rum" and "ruz" ("bekliyom", "biliyoz").
  static constexpr std::string_view kEndings[] = {
      "",      "m",     "z",   "sun",   "sunuz", "lar",    "lardi", "du",  "dum", "dun", "duk",
      "dunuz", "dular", "mus", "musum", "musun", "muslar", "sa",    "sam", "san", "sak", "saniz"};
  constexpr size_t kLongestEnding = 6;
  if (length < 5) return length;
  for (size_t ending = 0; ending <= kLongestEnding && ending + 5 <= length; ++ending) {
    const size_t y = length - ending - 2;
    if (word[y] != 'y' || word[y + 1] != 'o' || (word[y - 1] != 'i' && word[y - 1] != 'u')) {
      continue;
    }
    // The progressive as written ("geliyor", "bekliyorum"), the commonest.
    if (ending > 0 && word[y + 2] == 'r') return length;
    const std::string_view tail(word + y + 2, ending);
    if (std::find(std::begin(kEndings), std::end(kEndings), tail) == std::end(kEndings)) {
      return length;
    }
    // "m" -> "rum", "z" -> "ruz"; otherwise the r goes before the ending.
    const std::string_view inserted = tail == "m" || tail == "z" ? "ru" : "r";
    std::memmove(word + y + 2 + inserted.size(), word + y + 2, ending);
    std::memcpy(word + y + 2, inserted.data(), inserted.size());
    return length + inserted.size();
  }
  return length;
}

// A word of Turkish as spoken, written out the way rule terms and lexicon
// entries are: "bi" is "bir" ("bi daha almam", "bi haftadır"), and a
// progressive gets back the r it dropped (RestoreProgressiveR, asked only
// of a word with a y). Same contract as RestoreProgressiveR.
size_t WriteOutSpokenTurkish(char* word, size_t length, bool has_y) {
  if (length == 2) {
    if (word[0] != 'b' || word[1] != 'i') return length;
    word[2] = 'r';
    return 3;
  }
  return has_y ? RestoreProgressiveR(word, length) : length;
}

// Copies the run of lowercase ASCII letters at p (a..z: the same in every
// form) to `lower` and `folded`, sixteen bytes at a time, and updates the
// word's letter count, whether it has a y, and the elongation state (`last`, `repeats`)
// as the byte loop would. Takes nothing (returns 0) when fewer than sixteen
// bytes are left to read, when the run is a single letter, or when three
// equal letters in a row ask for squeezing: the byte loop does those. The
// caller's buffers have room for sixteen bytes past any run (see Run).
size_t TakeLowercaseRun(const unsigned char* p, const unsigned char* end, char* lower, char* folded,
                        utf8proc_int32_t* last, int* repeats, std::uint64_t* counts) {
#if defined(__SSE2__)
  if (end - p < 16) return 0;
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Signed compares: bytes of 0x80 and over are negative, below 'a'.
  const __m128i letters = _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8('a' - 1)),
                                        _mm_cmplt_epi8(block, _mm_set1_epi8('z' + 1)));
  const auto letter_mask = static_cast<unsigned>(_mm_movemask_epi8(letters));
  const auto n = static_cast<unsigned>(__builtin_ctz(~letter_mask | 0x10000u));
  if (n < 2) return 0;
  const unsigned run = (1u << n) - 1;
  // Bit j: byte j equals byte j - 1 (bit 0 compares with the last byte kept).
  const __m128i before = _mm_or_si128(_mm_slli_si128(block, 1),
                                      _mm_cvtsi32_si128(*last >= 0 && *last < 0x80 ? *last : 0xFF));
  const auto same = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, before))) & run;
  // A third equal letter in a row, here or with the bytes before the run.
  if ((same & (same << 1)) != 0 || ((same & 1) != 0 && *repeats >= 2)) return 0;
  _mm_storeu_si128(reinterpret_cast<__m128i*>(lower), block);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(folded), block);
  // The count of y's only says whether there are any (see word_byte::kY).
  const bool ys =
      (static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_set1_epi8('y')))) & run) !=
      0;
  *counts += n * word_byte::kLetter + (ys ? word_byte::kY : 0);
  *last = p[n - 1];
  *repeats = (same >> (n - 1)) & 1u ? 2 : 1;
  return n;
#else
  (void)p, (void)end, (void)lower, (void)folded, (void)last, (void)repeats, (void)counts;
  return 0;
#endif
}

// A token found but not yet written out: its text is folded[from, from + length).
struct PendingToken {
  size_t from = 0;
  size_t length = 0;
  Token::Kind kind = Token::Kind::kWord;
  bool caps = false;
  bool clause_start = false;
  bool after_comma = false;
  bool squeezed = false;
  uint16_t letters = 0;  // Token::letters
};

// Normalizes one UTF-8 text into a NormalizedText, reusing its capacity.
// Works on the bytes as they are: the caller has decoded HTML entities and
// composed the text to NFC where that changes anything (see saw_mark()).
// Tokens are noted while the text is read and written out at the end, in
// one loop.
class Normalizer {
 public:
  // `pending` is scratch space, cleared here.
  Normalizer(bool turkish, NormalizedText* out, std::vector<PendingToken>* pending)
      : out_(*out),
        pending_(*pending),
        turkish_(turkish),
        bytes_(ByteTable(turkish)),
        word_bytes_(WordByteTable(turkish)),
        table_(InfoTable()),
        capital_i_(turkish ? TurkishCapitalI() : table_[static_cast<unsigned char>('I')]) {
    pending_.clear();
  }

  // Whether a combining mark was among the code points: then NFC may
  // differ from the text as given.
  bool saw_mark() const { return saw_mark_; }
  // Whether three or more one-letter words stood one character apart
  // ("R E Z A L E T"): then JoinSpacedLetters has work to do.
  bool saw_spaced_letters() const { return saw_spaced_letters_; }

  void Run(std::string_view text);

 private:
  static constexpr size_t kNoWord = static_cast<size_t>(-1);
  static constexpr size_t kCopySize = 16;

  static const CodePointInfo& TurkishCapitalI() {
    static const CodePointInfo kInfo = MakeInfo('I', /*turkish=*/true);
    return kInfo;
  }

  // The reference is good until the next call (RareInfo's cache).
  const CodePointInfo& Info(utf8proc_int32_t cp) {
    if (cp == 'I') return capital_i_;
    const CodePointInfo& info = cp < kTableSize ? table_[cp] : RareInfo(cp);
    if ((info.traits & CodePointInfo::kCombining) != 0) saw_mark_ = true;
    return info;
  }
  bool IsWordChar(utf8proc_int32_t cp) { return (Info(cp).traits & CodePointInfo::kWordChar) != 0; }

  void Append(const CodePointInfo& info) {
    // Padded copies: the buffers have four bytes of slack.
    std::memcpy(lower_ + lower_size_, info.lower_utf8, 4);
    lower_size_ += info.lower_length;
    std::memcpy(folded_ + folded_size_, info.folded, 4);
    folded_size_ += info.folded_length;
  }
  void AppendAscii(char c) {
    lower_[lower_size_++] = c;
    folded_[folded_size_++] = c;
  }

  [[gnu::always_inline]] void FlushWord() {
    if (word_start_ == kNoWord) return;
    if (folded_size_ > word_start_) {
      if (turkish_) {
        folded_size_ = word_start_ + WriteOutSpokenTurkish(folded_ + word_start_,
                                                           folded_size_ - word_start_, word_y_);
      }
      PendingToken& token = PushToken(word_start_, Token::Kind::kWord);
      token.caps = word_letters_ >= 2 && word_upper_ == word_letters_;
      token.squeezed = word_squeezed_;
      token.letters = WordTurkishLetters();
    }
    word_start_ = kNoWord;
    word_letters_ = 0;
    word_upper_ = 0;
    word_y_ = false;
    word_squeezed_ = false;
    word_turkish_letters_ = 0;
  }

  // Token::letters of the word being read. A squeezed letter takes its
  // bit with it, so no bit stands past the word's end.
  uint16_t WordTurkishLetters() const { return static_cast<uint16_t>(word_turkish_letters_); }

  // A token whose text is folded[from, to).
  PendingToken& PushToken(size_t from, Token::Kind kind) {
    return PushToken(from, folded_size_, kind);
  }
  PendingToken& PushToken(size_t from, size_t to, Token::Kind kind) {
    // A one-letter word: did the previous one end one character before?
    if (to - from == 1 && kind == Token::Kind::kWord && folded_[from] >= 'a' &&
        folded_[from] <= 'z') {
      single_letters_ = from == last_letter_end_ + 1 ? single_letters_ + 1 : 1;
      saw_spaced_letters_ = saw_spaced_letters_ || single_letters_ >= 3;
      last_letter_end_ = to;
    } else {
      single_letters_ = 0;
    }
    PendingToken& token = pending_.emplace_back();
    token.from = from;
    token.length = to - from;
    token.kind = kind;
    token.clause_start = clause_start_;
    token.after_comma = comma_;
    clause_start_ = false;
    comma_ = false;
    words_size_ += to - from + 1;
    return token;
  }

  // Appends the ASCII word characters from p on (at least the one at p),
  // squeezing elongation as the main loop does, and further words after
  // single spaces; returns where they end.
  const unsigned char* AppendAsciiWords(const unsigned char* p, const unsigned char* end,
                                        utf8proc_int32_t* prev, int* run);
  // A URL, mention or hashtag of `length` bytes at p; a hashtag's words follow.
  void EmitSpecial(const unsigned char* p, size_t length, Token::Kind kind);
  // A URL, mention, hashtag or emoticon at p, at the start of a token: its
  // length in bytes, or 0 when there is none.
  size_t EmitSpecialAt(const unsigned char* p, const unsigned char* end);
  size_t MatchTag(const unsigned char* p, const unsigned char* end);

  void Finish();
  void MarkQuestions();  // sets Token::in_question, after Finish wrote the tokens
  void MarkQuotes();     // sets Token::quoted, after Finish, when a quotation mark was seen

  NormalizedText& out_;
  std::vector<PendingToken>& pending_;
  const bool turkish_;
  const ByteInfo* bytes_;
  const std::uint64_t* word_bytes_;
  const CodePointInfo* table_;
  const CodePointInfo& capital_i_;
  char* lower_ = nullptr;
  char* folded_ = nullptr;
  size_t lower_size_ = 0;
  size_t folded_size_ = 0;
  size_t words_size_ = 1;        // of `words`: a space, and a token and a space per token
  size_t word_start_ = kNoWord;  // in folded_
  int word_letters_ = 0;
  int word_upper_ = 0;
  bool word_y_ = false;       // the word being read has a 'y'
  bool clause_start_ = true;  // the next token begins a clause
  bool comma_ = false;        // a comma or colon came since the last token
  bool saw_mark_ = false;
  bool saw_quote_ = false;  // a quotation mark: MarkQuotes has work to do
  bool saw_spaced_letters_ = false;
  bool word_squeezed_ = false;  // the word being read had a letter squeezed
  // Token::letters of the word being read (bit k: folded byte k).
  uint32_t word_turkish_letters_ = 0;
  int single_letters_ = 0;      // one-letter words in a row, one character apart
  size_t last_letter_end_ = 0;  // in folded_, of the last one-letter word
};

// Length in bytes of "@handle" or "#tag" at p, or 0.
size_t Normalizer::MatchTag(const unsigned char* p, const unsigned char* end) {
  if (end - p < 2 || (*p != '@' && *p != '#')) return 0;
  const bool mention = *p == '@';
  const unsigned char* q = p + 1;
  while (q < end) {
    size_t n = 0;
    const utf8proc_int32_t cp = DecodeAt(q, end, &n);
    if (cp == '_' || IsWordChar(cp)) {
      q += n;
    } else if (mention && cp == '.' && end - q >= 2 && IsWordChar(DecodeAt(q + 1, end, &n))) {
      q += 1;
    } else {
      break;
    }
  }
  return q - p > 1 ? static_cast<size_t>(q - p) : 0;
}

const unsigned char* Normalizer::AppendAsciiWords(const unsigned char* p, const unsigned char* end,
                                                  utf8proc_int32_t* prev, int* run) {
  // The state of the loop in locals, so that it stays in registers.
  char* lower = lower_ + lower_size_;
  char* folded = folded_ + folded_size_;
  if (word_start_ == kNoWord) word_start_ = folded_size_;
  std::uint64_t counts = 0;
  utf8proc_int32_t last = *prev;
  int repeats = *run;
  const std::uint64_t* const word_bytes = word_bytes_;
  for (;;) {
    // Most words are lowercase letters: their run is copied whole, and the
    // byte loop takes the rest. (Trying again after a capital that opens a
    // word cost more than it saved.)
    const size_t taken = TakeLowercaseRun(p, end, lower, folded, &last, &repeats, &counts);
    p += taken;
    lower += taken;
    folded += taken;
    while (p < end) {
      const std::uint64_t byte = word_bytes[*p];
      if ((byte & word_byte::kContinues) == 0) break;
      ++p;
      const auto c = static_cast<unsigned char>(byte >> word_byte::kLowerShift);
      if (c == last) {
        // Squeeze elongation: a letter repeated 3+ times counts once. Keep a
        // legitimate double letter until a third shows it is elongation,
        // then take back the second copy.
        if (++repeats >= 3 && (byte & word_byte::kLetter) != 0) {
          if (repeats == 3) {
            --lower;
            --folded;
            word_squeezed_ = true;
          }
          continue;
        }
      } else {
        last = c;
        repeats = 1;
      }
      counts += byte & word_byte::kCounts;
      *lower++ = static_cast<char>(c);
      *folded++ = static_cast<char>(c);
    }
    // Most words end in one space before another plain word: take both here
    // as the main loop would (the word is a token, the space is written).
    if (end - p < 2 || *p != ' ' || (word_bytes[p[1]] & word_byte::kStartsWord) == 0) break;
    if (turkish_) {
      const auto length = static_cast<size_t>(folded - folded_) - word_start_;
      folded += WriteOutSpokenTurkish(folded_ + word_start_, length,
                                      word_y_ || (counts >> word_byte::kYShift) != 0) -
                length;
    }
    const auto folded_size = static_cast<size_t>(folded - folded_);
    PendingToken& token = PushToken(word_start_, folded_size, Token::Kind::kWord);
    const int letters = word_letters_ + static_cast<int>(counts & 0xFFFFFFFFu);
    const int upper = word_upper_ + static_cast<int>((counts >> 32) & word_byte::kUpperMask);
    token.caps = letters >= 2 && upper == letters;
    token.squeezed = word_squeezed_;
    token.letters = WordTurkishLetters();
    word_squeezed_ = false;
    word_turkish_letters_ = 0;
    word_letters_ = 0;
    word_upper_ = 0;
    word_y_ = false;
    counts = 0;
    *lower++ = ' ';
    *folded++ = ' ';
    word_start_ = folded_size + 1;
    last = ' ';
    repeats = 1;
    ++p;
  }
  lower_size_ = static_cast<size_t>(lower - lower_);
  folded_size_ = static_cast<size_t>(folded - folded_);
  word_letters_ += static_cast<int>(counts & 0xFFFFFFFFu);
  word_upper_ += static_cast<int>((counts >> 32) & word_byte::kUpperMask);
  word_y_ = word_y_ || (counts >> word_byte::kYShift) != 0;
  *prev = last;
  *run = repeats;
  return p;
}

void Normalizer::EmitSpecial(const unsigned char* p, size_t length, Token::Kind kind) {
  FlushWord();
  const unsigned char* const end = p + length;
  const size_t folded_from = folded_size_;
  for (const unsigned char* q = p; q < end;) {
    size_t n = 0;
    Append(Info(DecodeAt(q, end, &n)));
    q += n;
  }
  PushToken(folded_from, kind);
  if (kind != Token::Kind::kHashtag) return;
  // "#KargoGelmedi" -> words "kargo", "gelmedi": split where a lowercase
  // letter meets an uppercase one, and between letters and digits. Each
  // word is a slice of the folded hashtag just written ('#' and '_' are one
  // byte each there).
  size_t at = folded_from + 1;
  size_t part_from = at;
  utf8proc_int32_t before = '#';
  bool before_lower = false;
  for (const unsigned char* q = p + 1; q < end;) {
    size_t n = 0;
    const utf8proc_int32_t c = DecodeAt(q, end, &n);
    const CodePointInfo& c_info = Info(c);
    const bool upper = (c_info.traits & CodePointInfo::kUpper) != 0;
    const bool lower = (c_info.traits & CodePointInfo::kLower) != 0;
    const size_t folded_length = c_info.folded_length;
    if (c == '_' || (q > p + 1 && ((upper && before_lower) || IsDigit(c) != IsDigit(before)))) {
      if (at > part_from) PushToken(part_from, at, Token::Kind::kWord);
      part_from = at;
    }
    at += folded_length;
    if (c == '_') part_from = at;
    before = c;
    before_lower = lower;
    q += n;
  }
  if (at > part_from) PushToken(part_from, at, Token::Kind::kWord);
}

size_t Normalizer::EmitSpecialAt(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = *p;
  size_t length = 0;
  Token::Kind kind = Token::Kind::kUrl;
  if (c == 'h' || c == 'H' || c == 'w' || c == 'W') {
    length = MatchUrl(p, end);
  } else if (c == '@' || c == '#') {
    length = MatchTag(p, end);
    kind = c == '@' ? Token::Kind::kMention : Token::Kind::kHashtag;
  }
  if (length > 0) {
    EmitSpecial(p, length, kind);
    return length;
  }
  size_t base = 0;
  if (MayStartEmoticon(c)) length = MatchEmoticon(p, end, &base);
  if (length == 0) return 0;
  FlushWord();
  const size_t folded_from = folded_size_;
  for (size_t k = 0; k < base; ++k) {
    const unsigned char e = p[k];
    AppendAscii(static_cast<char>(e >= 'A' && e <= 'Z' ? e + 32 : e));
  }
  PushToken(folded_from, Token::Kind::kSymbol);
  return length;
}

void Normalizer::Run(std::string_view text) {
  // Every code point of at least one byte writes at most four bytes to each
  // form, and the padded copies need four of slack. Sixteen more let
  // TakeLowercaseRun store a whole block, and Finish copy any token's text
  // in 16 bytes.
  out_.lower.resize(4 * text.size() + 4 + kCopySize);
  out_.folded.resize(4 * text.size() + 4 + kCopySize);
  lower_ = out_.lower.data();
  folded_ = out_.folded.data();

  const auto* const begin = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* const end = begin + text.size();
  // The last code point kept (lowercase), and how many times in a row it came.
  utf8proc_int32_t prev = -1;
  int run = 0;
  for (const unsigned char* p = begin; p < end;) {
    const ByteInfo byte = bytes_[*p];
    // Specials start a word; the irony and doubt marks are also written
    // against the word before them as often as apart ("harika(!)",
    // "hızlı(?) kargo").
    if ((byte.traits & ByteInfo::kSlow) != 0 &&
        (p == begin || IsSpace(p[-1]) || AfterWideSpace(begin, p) ||
         (*p == '(' && end - p >= 3 && (p[1] == '!' || p[1] == '?') && p[2] == ')'))) {
      if (const size_t length = EmitSpecialAt(p, end); length > 0) {
        p += length;
        prev = -1;
        continue;
      }
    }
    if ((byte.traits & (ByteInfo::kGeneral | ByteInfo::kNotAscii)) == 0) {
      if ((byte.traits & ByteInfo::kWordChar) != 0) {
        p = AppendAsciiWords(p, end, &prev, &run);
        continue;
      }
      // Not a letter, so never squeezed.
      ++p;
      const char c = byte.lower;
      const auto code = static_cast<unsigned char>(c);  // ASCII here
      if (c == '*' && word_start_ != kNoWord && prev >= 'a' && prev <= 'z') {
        // Letters masked inside a word ("f*ck", "sh**ty", as people censor
        // themselves) keep it one word; the sentiment stage unmasks it.
        const unsigned char* q = p;
        while (q < end && *q == '*') ++q;
        if (q < end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))) {
          for (; p - 1 < q; ++p) AppendAscii('*');
          p = q;
          prev = '*';
          run = 1;
          continue;
        }
      }
      // A full stop typed between two letters with no space ("dört.dörtlük",
      // "güzel.tavsiye ederim") is a slip of the thumb inside a phrase far
      // more often than two sentences: it parts the words but not the
      // clause, so a phrase or a negation still reads across it.
      const bool stop_between_letters = c == '.' && word_start_ != kNoWord && IsLetterCode(prev) &&
                                        p < end &&
                                        (IsAsciiLetter(*p) || (*p >= 0xC3 && *p <= 0xC5));
      run = code == prev ? run + 1 : 1;
      prev = code;
      FlushWord();
      if ((byte.traits & ByteInfo::kClause) != 0 && !stop_between_letters) clause_start_ = true;
      if (c == ',' || c == ':') comma_ = true;
      if (c == '"') saw_quote_ = true;
      AppendAscii(c);
      continue;
    }
    size_t n = 0;
    const utf8proc_int32_t original = DecodeAt(p, end, &n);
    p += n;
    if (IsInvisible(original)) continue;
    const CodePointInfo& info = Info(original);
    const utf8proc_int32_t cp = info.lower;
    run = cp == prev ? run + 1 : 1;
    prev = cp;
    if (run >= 2 && (info.lower_traits & CodePointInfo::kLetter) != 0) {
      if (run == 3) {
        lower_size_ -= info.lower_length;
        folded_size_ -= info.folded_length;
        word_squeezed_ = true;
        if (word_start_ != kNoWord && folded_size_ - word_start_ < 16) {
          word_turkish_letters_ &= ~(uint32_t{1} << (folded_size_ - word_start_));
        }
      }
      if (run >= 3) continue;
    }
    const bool word_char = (info.lower_traits & CodePointInfo::kWordChar) != 0;
    if (!word_char) FlushWord();
    const size_t before = folded_size_;
    Append(info);
    if (word_char) {
      if (word_start_ == kNoWord) word_start_ = before;
      if ((info.traits & CodePointInfo::kTurkishLetter) != 0 && before - word_start_ < 16) {
        word_turkish_letters_ |= uint32_t{1} << (before - word_start_);
      }
      if ((info.traits & CodePointInfo::kLetter) != 0) {
        ++word_letters_;
        if ((info.traits & CodePointInfo::kUpper) != 0) ++word_upper_;
      }
    } else if ((info.lower_traits & CodePointInfo::kSymbol) != 0) {
      PushToken(before, Token::Kind::kSymbol);
    } else if (cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == '\n') {
      clause_start_ = true;
    } else if (QuotationMarkOf(cp) != QuotationMark::kNone) {
      saw_quote_ = true;
    }
  }
  FlushWord();
  Finish();
}

void Normalizer::Finish() {
  out_.lower.resize(lower_size_);
  const size_t count = pending_.size();
  std::vector<Token>& tokens = out_.tokens;
  tokens.resize(count);
  // Written with fixed-size copies (which the compiler inlines) of up to
  // kCopySize bytes, so `words` has that much slack until the end.
  // Apostrophes at the ends of a word are left out of the words form: a
  // word in single quotes ("the 'express' delivery") is the word for rule
  // terms, while its token keeps them for the scorer (IsQuoted). Most posts
  // hold no apostrophe, and one scan spares them a look at every word.
  const bool apostrophes = std::memchr(folded_, '\'', folded_size_) != nullptr;
  std::string& words = out_.words;
  words.resize(words_size_ + kCopySize);
  char* at = words.data();
  *at++ = ' ';
  const char* const folded = folded_;
  for (size_t i = 0; i < count; ++i) {
    const PendingToken& pending = pending_[i];
    Token& token = tokens[i];
    const char* const text = folded + pending.from;
    const size_t length = pending.length;
    // Cheaper than assign(), which allows for the source overlapping the
    // string; the string keeps its capacity.
    token.text.clear();
    token.text.append(text, length);
    token.is_word = pending.kind == Token::Kind::kWord;
    token.kind = pending.kind;
    token.caps = pending.caps;
    token.squeezed = pending.squeezed;
    token.letters = pending.letters;
    token.clause_start = pending.clause_start;
    token.after_comma = pending.after_comma;
    token.quoted = false;
    const char* word = text;
    size_t word_length = length;
    if (apostrophes && token.is_word && (text[0] == '\'' || text[length - 1] == '\'')) {
      const std::string_view quoted = WithoutQuotes(std::string_view(text, length));
      if (!quoted.empty()) {  // a word of apostrophes only stays whole
        word = quoted.data();
        word_length = quoted.size();
      }
    }
    if (word_length <= kCopySize) {
      std::memcpy(at, word, kCopySize);
    } else {
      std::memcpy(at, word, word_length);
    }
    at += word_length;
    *at++ = ' ';
  }
  words.resize(static_cast<size_t>(at - words.data()));
  out_.folded.resize(folded_size_);
  MarkQuestions();
  if (saw_quote_) MarkQuotes();
}

void Normalizer::MarkQuestions() {
  // A clause is a question when a '?' stands between its last token and the
  // next clause's first (or the end): only those gaps are read.
  std::vector<Token>& tokens = out_.tokens;
  const size_t count = pending_.size();
  size_t clause_begin = 0;
  size_t clause_end = 0;  // end of the furthest token of the clause in folded_
  for (size_t i = 0; i < count; ++i) {
    clause_end = std::max(clause_end, pending_[i].from + pending_[i].length);
    if (i + 1 < count && !pending_[i + 1].clause_start) continue;
    const size_t next = i + 1 < count ? pending_[i + 1].from : folded_size_;
    const bool question =
        next > clause_end && std::memchr(folded_ + clause_end, '?', next - clause_end) != nullptr;
    for (size_t k = clause_begin; k <= i; ++k) tokens[k].in_question = question;
    clause_begin = i + 1;
    clause_end = 0;
  }
}

void Normalizer::MarkQuotes() {
  // A quotation is the tokens between a mark that opens and the next that
  // closes; only the gaps between tokens (in folded_) hold marks.
  constexpr size_t kMaxQuoted = 3;  // longer ones are reported speech or titles
  constexpr size_t kNone = static_cast<size_t>(-1);
  std::vector<Token>& tokens = out_.tokens;
  const size_t count = pending_.size();
  size_t open = kNone;  // the first token after the mark that opened
  size_t gap_begin = 0;
  for (size_t i = 0; i <= count; ++i) {
    const size_t gap_end = i < count ? pending_[i].from : folded_size_;
    const auto* p = reinterpret_cast<const unsigned char*>(folded_ + gap_begin);
    const auto* const end = reinterpret_cast<const unsigned char*>(folded_ + gap_end);
    while (p < end) {
      size_t n = 0;
      const QuotationMark mark = QuotationMarkOf(DecodeAt(p, end, &n));
      p += n;
      if (mark == QuotationMark::kNone) continue;
      const bool closes = open != kNone && mark != QuotationMark::kOpens;
      if (closes) {
        bool one_clause = i > open && i - open <= kMaxQuoted;
        for (size_t k = open + 1; one_clause && k < i; ++k) one_clause = !pending_[k].clause_start;
        for (size_t k = open; one_clause && k < i; ++k) tokens[k].quoted = true;
        open = kNone;
      } else if (mark != QuotationMark::kCloses) {
        open = i;
      }
    }
    if (i < count) gap_begin = pending_[i].from + pending_[i].length;
  }
}

}  // namespace

void NormalizeInto(std::string_view text, bool turkish, NormalizedText* out) {
  // Most texts are used as they are: no HTML entity, no combining mark (so
  // already NFC) and no spaced-out letters. The others are decoded,
  // composed, joined and re-encoded first, which is rare enough to cost a
  // second pass.
  thread_local std::vector<PendingToken> pending;
  if (text.find('&') == std::string_view::npos) {
    Normalizer normalizer(turkish, out, &pending);
    normalizer.Run(text);
    if (!normalizer.saw_mark() && !normalizer.saw_spaced_letters()) return;
  }
  thread_local std::vector<utf8proc_int32_t> cps;
  thread_local std::string prepared;
  ToNfc(text, &cps);
  if (text.find('&') != std::string_view::npos) DecodeHtmlEntities(&cps);
  JoinSpacedLetters(&cps);
  prepared.clear();
  for (const auto cp : cps) AppendUtf8(cp, &prepared);
  Normalizer(turkish, out, &pending).Run(prepared);
}

NormalizedText Normalize(std::string_view text, bool turkish) {
  NormalizedText out;
  NormalizeInto(text, turkish, &out);
  return out;
}

std::string FoldForMatching(std::string_view text, bool turkish) {
  return Normalize(text, turkish).folded;
}

}  // namespace earshot
