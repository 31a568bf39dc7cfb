// Emoji that mark a post's tone for more than one stage: clapping and the
// upside-down face, which customers put beside a complaint told as thanks
// ("süper hizmet 👏👏"), and the faces of laughter, which make a borrowed
// word of harm a joke ("i need to sue 😂"). The scorer and the classifier
// ask the same question of a post's tokens; this is its one answer.
//
// Thread safety: stateless.
#pragma once

#include <initializer_list>
#include <string_view>
#include <vector>

#include "pipeline/normalize/normalizer.h"

namespace earshot {

inline constexpr std::string_view kClappingHands = "\xF0\x9F\x91\x8F";      // U+1F44F
inline constexpr std::string_view kUpsideDownFace = "\xF0\x9F\x99\x83";     // U+1F643
inline constexpr std::string_view kTearsOfJoy = "\xF0\x9F\x98\x82";         // U+1F602
inline constexpr std::string_view kRollingOnTheFloor = "\xF0\x9F\xA4\xA3";  // U+1F923
inline constexpr std::string_view kGrinWithSweat = "\xF0\x9F\x98\x85";      // U+1F605
inline constexpr std::string_view kGrinSquinting = "\xF0\x9F\x98\x86";      // U+1F606
inline constexpr std::string_view kGrinningEyes = "\xF0\x9F\x98\x84";       // U+1F604
inline constexpr std::string_view kBeamingFace = "\xF0\x9F\x98\x81";        // U+1F601
inline constexpr std::string_view kCatWithTearsOfJoy = "\xF0\x9F\x98\xB9";  // U+1F639

// Whether any emoji token of `tokens` is one of `marks`.
inline bool HasEmoji(const std::vector<Token>& tokens,
                     std::initializer_list<std::string_view> marks) {
  for (const Token& t : tokens) {
    if (t.kind != Token::Kind::kSymbol) continue;
    for (const std::string_view mark : marks) {
      if (t.text == mark) return true;
    }
  }
  return false;
}

}  // namespace earshot
