// Decoding raw Kafka record values into canonical Posts.
//
// DecodePost accepts, detected by shape:
//   * the canonical schema (docs/schema.md),
//   * an X/Twitter API v2 tweet envelope {"data": {...}, "includes": {...}},
//   * a Google Play Developer API review {"reviewId": ..., "comments": [...]},
//   * an App Store Connect customer review {"type": "customerReviews", ...}.
//
// On failure the Status code is one of the stable dead-letter reasons below,
// and the message says which field and why. The input bytes are never
// modified; callers forward them unchanged to the dead-letter topic.
//
// Thread safety: DecodePost is a pure function; call it from any thread.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "earshot/post.h"
#include "earshot/status.h"

namespace earshot {

// Dead-letter reasons (the value of the `earshot.error` header).
inline constexpr const char* kErrEmpty = "empty";
inline constexpr const char* kErrTooLarge = "too_large";
inline constexpr const char* kErrInvalidUtf8 = "invalid_utf8";
inline constexpr const char* kErrJsonSyntax = "json_syntax";
inline constexpr const char* kErrNotObject = "not_object";
inline constexpr const char* kErrMissingField = "missing_field";
inline constexpr const char* kErrWrongType = "wrong_type";
inline constexpr const char* kErrInvalidValue = "invalid_value";

struct DecodeOptions {
  // Records larger than this are rejected before parsing (bytes). Posts are
  // short; a record this size is an error upstream, not a post.
  size_t max_record_bytes = size_t{256} * 1024;
  // Brand used when the record names none (X and Google Play payloads often
  // do not); empty means such a record is `missing_field`.
  std::string default_brand;
  // App identifiers (Google Play package names, App Store app ids) to brands,
  // for review payloads that name the app but not the brand.
  std::map<std::string, std::string> app_brands;
};

StatusOr<Post> DecodePost(std::string_view bytes, const DecodeOptions& options);

}  // namespace earshot
