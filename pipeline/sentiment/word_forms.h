// Word-form fallbacks for lexicon lookups: when a word is not an entry,
// find the entry it is a form of.
//
// English:
// The English lexicon lists base forms ("wreck", "nice", "worry"); posts use
// "wrecks", "nicest", "worried", "lovin". When a word is not an entry, its
// likely base forms are tried in turn: plural and 3rd person -s/-es/-ies,
// past -ed/-ied (with a doubled consonant: "stopped"), -ing and the dropped
// g of "lovin", comparatives -er/-est/-ier, adverbs -ly/-ily/-ally, nouns
// -ness/-iness, and the possessive 's. Only exact single-word entries are
// tried: stems and phrases already cover their own forms.
//
// Turkish: nominal and copula suffixes after an exact entry ("iyi" ->
// "iyiler", "iyisi", "komikti", "rezaletmiş"), only when what follows the
// entry starts like such a suffix, so "çile" does not match "çilek". Verb
// stems are stems in the lexicon ("beğen*") and need no fallback.
//
// Both: a doubled letter that is not in the entry ("iyii", "goood" squeezed
// to "good" already) is tried once undoubled.
//
// Thread safety: pure functions over an immutable lexicon.
#pragma once

#include <optional>
#include <string_view>

#include "pipeline/sentiment/lexicon.h"

namespace earshot {

// Valence of the first base form of `word` that is an exact entry of
// `lexicon`, or nothing. `word` itself is not looked up.
std::optional<double> LookupEnglishBaseForm(const Lexicon& lexicon, std::string_view word);

// The same for a folded Turkish word: an exact entry followed by a nominal
// or copula suffix. Returns the valence and sets *suffix to what followed.
// Entries that the word's Token::letters rule out are passed over
// (Lexicon::LettersRuleOut).
std::optional<double> LookupTurkishNominalForm(const Lexicon& lexicon, std::string_view word,
                                               std::string_view* suffix, uint32_t letters = 0);

// The word with each run of a doubled letter written once ("iyii" ->
// "iyi"), when that is an exact entry.
std::optional<double> LookupUndoubled(const Lexicon& lexicon, std::string_view word);

// Whether a folded Turkish word is a verb in the conditional: "olursa",
// "gelirse", "yaşarsanız", "gelmezse", "gelmezsek", "geldiyse", "olduysa";
// also "varsa". Six letters at least, so that "borsa" and "bursa" are none.
// Not "ise" and "yoksa": far more often "as for" and "or else" than "if".
bool IsTurkishConditional(std::string_view word);

}  // namespace earshot
