// Post: the canonical form of one social-media post or review, as every
// stage after decoding sees it. docs/schema.md documents the JSON form and
// the adapters that map other formats (X API v2, app-store reviews) onto it.
//
// A Post owns its strings. It carries no classification; see verdict.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace earshot {

// How a channel is answered, which decides its default SLA.
enum class ChannelKind {
  kSocial,         // x, instagram, facebook, tiktok, youtube, and unknown channels
  kReview,         // app_store, google_play, google_maps, trustpilot
  kComplaintSite,  // sikayetvar and similar public complaint boards
};

// Maps a channel name ("x", "google_play", ...) to its kind. Unknown names are
// social: a post from a channel we have not heard of is still answered fast.
ChannelKind KindOfChannel(const std::string& channel);
const char* ChannelKindName(ChannelKind kind);

struct Author {
  std::string id;
  std::string handle;  // without a leading '@'
  int64_t followers = 0;
  bool verified = false;
};

struct Post {
  std::string id;
  std::string channel;
  std::string brand;
  Author author;
  std::string text;
  std::string lang;        // "tr", "en", ... ; empty when the source did not say
  std::string created_at;  // ISO-8601 as received (normalized to UTC 'Z' form)
  int64_t created_at_ms = 0;
  std::string url;
  std::string in_reply_to;      // empty when not a reply
  std::string conversation_id;  // root post id; defaults to id
  std::optional<int> rating;    // 1..5 stars, reviews only
  std::string source_format;    // "canonical", "x_v2", "google_play", "app_store"
};

}  // namespace earshot
