// LeadingLiterals: the literals every match of a regex starts with, read
// off the regex's text, so that a regex can be tried only where a match
// could begin instead of over the whole post.
//
// Most rule regexes open with a word or a list of words:
// "\b(order|parcel|package)s?\s+(\S+\s+){0,2}(late|lost)\b". Every match of
// that one starts with "order", "parcel" or "package", right after a word
// boundary. RegexPrefilter runs such a regex anchored at each place those
// words occur (RE2::ANCHOR_START), where RE2's DFA stops within a few words,
// instead of unanchored over the whole post, where it walks every byte and,
// on a post it has not seen, builds states for most of them.
//
// The reading is conservative: a regex whose opening it cannot read (a
// class, "\d", ".", an optional first word, a flag group, a capital or a
// non-ASCII letter, where the folded text it runs on has none) gets no
// leading literals and is run over the whole text as before. A literal
// may be shorter than what the regex needs there ("order" for "orders?"),
// never longer, so no match is missed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace earshot {

struct LeadingLiteral {
  std::string text;
  // The regex asks for a word boundary right before it ("\b"): where the
  // literal starts with a word character, a place after another word
  // character cannot start a match.
  bool after_word_boundary = false;

  bool operator==(const LeadingLiteral& o) const {
    return text == o.text && after_word_boundary == o.after_word_boundary;
  }
};

// The literals some match of `re` must start with (at least one of them,
// at the match's first byte), none a prefix of another that covers it; or
// nullopt when the regex's opening cannot be read that way. `re` is RE2
// syntax, run case-sensitively.
std::optional<std::vector<LeadingLiteral>> ReadLeadingLiterals(std::string_view re);

// True when RE2 counts `c` as a word character for "\b" (ASCII letters,
// digits, '_').
inline bool IsRegexWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace earshot
