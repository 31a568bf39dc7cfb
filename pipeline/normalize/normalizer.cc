#include "pipeline/normalize/normalizer.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace earshot {
namespace {

void AppendUtf8(utf8proc_int32_t cp, std::string* out) {
  utf8proc_uint8_t buf[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// Decodes UTF-8 into code points, replacing invalid sequences with U+FFFD.
std::vector<utf8proc_int32_t> DecodeUtf8(std::string_view text) {
  std::vector<utf8proc_int32_t> cps;
  cps.reserve(text.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto remaining = static_cast<utf8proc_ssize_t>(text.size());
  while (remaining > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, remaining, &cp);
    if (n <= 0 || cp < 0) {
      cp = 0xFFFD;
      n = 1;
    }
    cps.push_back(cp);
    p += n;
    remaining -= n;
  }
  return cps;
}

std::vector<utf8proc_int32_t> ToNfc(std::string_view text) {
  // Fast path: pure ASCII is already NFC.
  bool ascii = true;
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return DecodeUtf8(text);
  std::vector<utf8proc_int32_t> raw = DecodeUtf8(text);
  // Most text arrives precomposed: NFC changes something only where a
  // combining mark follows (or a code point is not NFC-stable; the marks
  // cover Latin, Turkish and emoji text, which is what we normalize).
  bool has_marks = false;
  for (const auto cp : raw) {
    if (cp >= 0x300 && utf8proc_get_property(cp)->combining_class != 0) {
      has_marks = true;
      break;
    }
  }
  if (!has_marks) return raw;
  std::string valid;
  valid.reserve(text.size());
  for (const auto cp : raw) AppendUtf8(cp, &valid);
  utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(valid.c_str()));
  if (nfc == nullptr) return raw;
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(nfc, &std::free);
  return DecodeUtf8(reinterpret_cast<const char*>(nfc));
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

}  // namespace

NormalizedText Normalize(std::string_view text, bool turkish) {
  std::vector<utf8proc_int32_t> cps = ToNfc(text);
  if (text.find('&') != std::string_view::npos) DecodeHtmlEntities(&cps);
  NormalizedText out;
  out.lower.reserve(text.size());
  out.folded.reserve(text.size());

  std::string current_word;
  int word_letters = 0;
  int word_upper = 0;
  bool clause_start = true;  // the next token begins a clause
  auto push_token = [&](Token token) {
    token.clause_start = clause_start;
    clause_start = false;
    out.tokens.push_back(std::move(token));
  };
  auto flush_word = [&]() {
    if (!current_word.empty()) {
      Token token{std::move(current_word), true, Token::Kind::kWord};
      token.caps = word_letters >= 2 && word_upper == word_letters;
      push_token(std::move(token));
      current_word.clear();
    }
    word_letters = 0;
    word_upper = 0;
  };

  utf8proc_int32_t prev = -1;
  int run = 0;
  // Emits a whole-token span (URL, mention, hashtag) into every form.
  auto emit_special = [&](size_t from, size_t len, Token::Kind kind) {
    flush_word();
    std::string lower_text;
    std::string folded_text;
    for (size_t k = from; k < from + len; ++k) {
      const utf8proc_int32_t cp = LowerCase(cps[k], turkish);
      AppendUtf8(cp, &lower_text);
      AppendFolded(cp, &folded_text);
    }
    out.lower += lower_text;
    out.folded += folded_text;
    push_token(Token{folded_text, false, kind});
    if (kind != Token::Kind::kHashtag) return;
    // "#KargoGelmedi" -> words "kargo", "gelmedi": split where a lowercase
    // letter meets an uppercase one, and between letters and digits.
    std::string part;
    auto flush_part = [&] {
      if (!part.empty()) push_token(Token{std::move(part), true, Token::Kind::kWord});
      part.clear();
    };
    for (size_t k = from + 1; k < from + len; ++k) {
      const utf8proc_int32_t c = cps[k];
      const utf8proc_int32_t before = cps[k - 1];
      const bool upper = utf8proc_isupper(c);
      const bool digit = c >= '0' && c <= '9';
      const bool before_digit = before >= '0' && before <= '9';
      if (c == '_' ||
          (k > from + 1 && ((upper && utf8proc_islower(before)) || digit != before_digit))) {
        flush_part();
      }
      if (c != '_') AppendFolded(LowerCase(c, turkish), &part);
    }
    flush_part();
  };

  for (size_t index = 0; index < cps.size(); ++index) {
    if (index == 0 || IsSpace(cps[index - 1])) {
      size_t len = MatchUrl(cps, index);
      Token::Kind kind = Token::Kind::kUrl;
      if (len == 0 && (len = MatchTag(cps, index, IsWordChar)) > 0) {
        kind = cps[index] == '@' ? Token::Kind::kMention : Token::Kind::kHashtag;
      }
      if (len > 0) {
        emit_special(index, len, kind);
        index += len - 1;
        prev = -1;
        continue;
      }
    }
    size_t base = 0;
    if (const size_t len = MatchEmoticon(cps, index, &base); len > 0) {
      flush_word();
      std::string emoticon;
      for (size_t k = 0; k < base; ++k) {
        const utf8proc_int32_t c = cps[index + k];
        emoticon.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      }
      out.lower += emoticon;
      out.folded += emoticon;
      push_token(Token{emoticon, false, Token::Kind::kSymbol});
      index += len - 1;
      prev = -1;
      continue;
    }
    const utf8proc_int32_t original = cps[index];
    // Emoji presentation selectors, joiners and skin tones change how an
    // emoji looks, not what it says: drop them so "❤️" is "❤".
    if (original == 0xFE0E || original == 0xFE0F || original == 0x200D ||
        (original >= 0x1F3FB && original <= 0x1F3FF)) {
      continue;
    }
    const utf8proc_int32_t cp = LowerCase(original, turkish);
    // Squeeze elongation: a letter repeated 3+ times counts once.
    run = (cp == prev) ? run + 1 : 1;
    prev = cp;
    if (run >= 2 && IsLetter(cp)) {
      // Keep a legitimate double letter until a third shows it is elongation.
      if (run == 3) {
        // Remove the second copy we already emitted.
        const size_t lower_len = out.lower.size();
        std::string encoded;
        AppendUtf8(cp, &encoded);
        out.lower.resize(lower_len - encoded.size());
        std::string folded_one;
        AppendFolded(cp, &folded_one);
        out.folded.resize(out.folded.size() - folded_one.size());
        if (!current_word.empty() && current_word.size() >= folded_one.size()) {
          current_word.resize(current_word.size() - folded_one.size());
        }
      }
      if (run >= 3) continue;
    }
    AppendUtf8(cp, &out.lower);
    const size_t before = out.folded.size();
    AppendFolded(cp, &out.folded);
    if (IsWordChar(cp)) {
      current_word.append(out.folded, before, std::string::npos);
      if (IsLetter(original)) {
        ++word_letters;
        if (utf8proc_isupper(original)) ++word_upper;
      }
    } else {
      flush_word();
      if (IsSymbolToken(cp)) {
        push_token(Token{out.folded.substr(before), false, Token::Kind::kSymbol});
      } else if (cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == '\n') {
        clause_start = true;
      }
    }
  }
  flush_word();
  out.words.reserve(out.folded.size() + 2);
  out.words.push_back(' ');
  for (const Token& token : out.tokens) {
    out.words += token.text;
    out.words.push_back(' ');
  }
  return out;
}

std::string FoldForMatching(std::string_view text, bool turkish) {
  return Normalize(text, turkish).folded;
}

}  // namespace earshot
