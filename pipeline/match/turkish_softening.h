// Turkish consonant softening, for terms and regexes written by rule authors.
//
// A Turkish suffix that starts with a vowel softens a word's last k into ğ
// and p into b: "kulaklık" / "kulaklığı", "hesap" / "hesabım", "abonelik" /
// "aboneliğim", "yapacak" / "yapacağım". Folded, ğ is g, so the stem
// "kulaklık*" and the regex "kulaklik\w*" both miss "kulakligi". Stems get
// their softened forms as extra alternatives (rule_reader.cc); regexes are
// the author's to write, and the lint points at the words that need it.
//
// Which words soften: a word that, folded, has two or more syllables and
// ends in a vowel and k or p. One-syllable words are left alone: most keep
// their consonant, and some would turn into other words ("çok" / "çoğu",
// "yok" / "yoğun"). So are t and ç: most words keep their t ("paket" /
// "paketi"), and ç and c are one letter once folded.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace earshot {

// True when `folded_word` (lowercase ASCII) is a word that softens.
bool SoftensBeforeAVowel(const std::string& folded_word);

// The other spellings of a term whose stem words soften: one per choice of
// softened stem words (of the first three such words), folded; empty when
// the term has none. "kulaklık*" -> {"kulaklig*"}. English stems that fit
// ("setup*") gain forms no English word has.
std::vector<std::string> SoftenedStemForms(const std::string& term);

// A word of a regex that softens and is followed by a suffix ("\w*", "\w+",
// "\S*", "[^ ]*"), directly or as an alternative of a group that is
// ("(iptal|abonelik)\w*"), with no alternative spelling its softened form
// ("(hesap|hesab)\w*" is fine): the suffix can never follow the softened
// form. `offset` is where the word starts in the regex.
struct UnsoftenedWord {
  std::string word;
  size_t offset;
};
std::vector<UnsoftenedWord> UnsoftenedRegexWords(const std::string& re);

}  // namespace earshot
