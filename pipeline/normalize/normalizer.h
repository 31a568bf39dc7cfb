// Text normalization for matching and scoring.
//
// People write "çok kötü", "cok kotu", "ÇOK KÖTÜ" and "cok kotuuuu" for the
// same thing. Every later stage works on two normalized forms of a post:
//
//   lower  : Unicode NFC, lowercased with Turkish rules when the post is
//            Turkish (I -> ı, İ -> i), runs of 3+ identical letters squeezed
//            to one ("berbaaaat" -> "berbat"; "saat", "good" keep theirs).
//   folded : `lower` with diacritics removed and Turkish letters mapped to
//            ASCII (ç->c ğ->g ı->i ö->o ş->s ü->u), so a rule written once
//            in proper Turkish matches text typed on an English keyboard.
//            In Turkish mode, spoken Turkish is written out: "bi" is "bir",
//            and a progressive gets back the r it dropped ("gelmiyo" ->
//            "gelmiyor", "bekliyom" -> "bekliyorum").
//
// Thread safety: pure functions; NormalizeInto writes only to `*out`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace earshot {

struct Token {
  enum class Kind {
    kWord,     // letters, digits, apostrophes (also the words of a split hashtag)
    kSymbol,   // an emoji or an emoticon
    kUrl,      // http(s)://… or www.…, kept whole so its parts never match a rule
    kMention,  // @handle
    kHashtag,  // #tag, whole; its camel-case parts follow as words
  };
  std::string text;     // from the folded form
  bool is_word = true;  // true for kWord only
  Kind kind = Kind::kWord;
  bool caps = false;          // written in capitals ("REZALET"), two letters or more
  bool clause_start = false;  // first token after . ! ? ; or a line break
  bool after_comma = false;   // a comma or colon stands between it and the token before
  bool in_question = false;   // its clause ends with '?' ("isn't it lovely?")
  // A letter of it was written three times or more and is written once
  // here ("goood" -> "god"): it may have stood for a double letter.
  bool squeezed = false;
  // Inside a short quotation: one to three tokens of one clause between
  // quotation marks (" “ ” „ « »), as in 'your "fast" delivery' or
  // 'great “customer service”'. Complaints put the company's own claim in
  // such scare quotes to mock it.
  bool quoted = false;
  // Bit k set: byte k of `text` (of its first 16) was one of the letters
  // Turkish adds to ASCII (ç ğ ı ö ş ü), typed as such, and folded here. A
  // word typed with them is read by them: "şıktı" (it was smart) is not
  // "sıktı" (it bored), "döndü" (came back) not "dondu" (froze), though
  // both fold to one spelling (see Lexicon::LettersRuleOut). A capital I
  // read as ı sets no bit: keyboards without Turkish letters type it for i.
  // (16 bits fit the padding: a Token stays 48 bytes.)
  uint16_t letters = 0;
};

struct NormalizedText {
  std::string lower;
  std::string folded;
  std::vector<Token> tokens;  // words (letters, digits, apostrophes) and emoji, in order
  // The tokens joined by single spaces, with a space before the first and
  // after the last (" kargom hala gelmedi 😡 "): rule terms match here as
  // whole words with plain literal patterns, which RE2 compiles quickly.
  std::string words;
};

// URLs, @mentions and #hashtags are tokens of their own; a hashtag is also
// split into words at case changes ("#KargoGelmedi" -> "kargo", "gelmedi").
// `turkish` selects Turkish casing for dotless/dotted I. Invalid UTF-8 is
// replaced by U+FFFD rather than rejected: decoding already refused such posts,
// and normalization must never fail on text a rule author types.
NormalizedText Normalize(std::string_view text, bool turkish);

// The same, written into `*out`, which it replaces whatever it held. The
// strings and tokens of `*out` keep their capacity, so a caller that reuses
// one NormalizedText per thread normalizes without allocating once its
// buffers have grown to its longest text. `out` must not be null.
void NormalizeInto(std::string_view text, bool turkish, NormalizedText* out);

// A word token's text without the single quotation marks around it:
// "'express'" is "express"; apostrophes inside a word stay ("don't",
// "kargo'm"). A word of apostrophes only comes back empty.
inline std::string_view WithoutQuotes(std::string_view word) {
  while (!word.empty() && word.front() == '\'') word.remove_prefix(1);
  while (!word.empty() && word.back() == '\'') word.remove_suffix(1);
  return word;
}

// The folded form only (for rule terms and lexicon entries).
std::string FoldForMatching(std::string_view text, bool turkish);

}  // namespace earshot
