// Cheap language identification for posts that carry no trustworthy `lang`.
//
// Scores Turkish against English from Turkish-only letters (ç ğ ı ş, and
// ö ü), and from short stop-word lists of our own, which also catch Turkish
// typed without Turkish letters ("bu ne bicim hizmet"). Good enough to pick
// casing rules and lexicons; not a general-purpose identifier.
#pragma once

#include <string>
#include <string_view>

namespace earshot {

struct LangGuess {
  std::string lang;         // "tr", "en", or "" when there is no evidence
  double confidence = 0.0;  // 0..1
};

LangGuess DetectLanguage(std::string_view text);
// The same, reusing tokens already normalized from `text`.
struct NormalizedText;
LangGuess DetectLanguage(std::string_view text, const NormalizedText& normalized);

}  // namespace earshot
