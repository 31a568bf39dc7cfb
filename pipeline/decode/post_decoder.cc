// DecodePost: bytes -> canonical Post, or a dead-letter reason.
//
// Order of checks matters for clear reasons: size and emptiness first (cheap,
// and a 1 MB record should never reach the parser), then UTF-8 validity of the
// whole record (so "invalid_utf8" is reported as such, not as a JSON error),
// then JSON syntax, then the shape of one of the supported formats.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <utf8proc.h>

#include <string>

#include "earshot/decode.h"
#include "pipeline/decode/iso8601.h"

namespace earshot {
namespace {

using rapidjson::Value;

const char* TypeName(const Value& v) {
  if (v.IsNull()) return "null";
  if (v.IsBool()) return "boolean";
  if (v.IsObject()) return "object";
  if (v.IsArray()) return "array";
  if (v.IsString()) return "string";
  return "number";
}

Status WrongType(const std::string& path, const char* expected, const Value& got) {
  return Status(kErrWrongType, path + ": expected " + expected + ", got " + TypeName(got));
}

Status Missing(const std::string& path) {
  return Status(kErrMissingField, path + ": required field is missing");
}

// Reads the first invalid byte offset, or -1 when the whole input is UTF-8.
ptrdiff_t FirstInvalidUtf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data());
  auto remaining = static_cast<utf8proc_ssize_t>(bytes.size());
  ptrdiff_t offset = 0;
  while (remaining > 0) {
    // Plain ASCII is by far the most common case; skip the library call.
    if (*p < 0x80) {
      ++p;
      --remaining;
      ++offset;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, remaining, &cp);
    if (n <= 0 || cp < 0) return offset;
    p += n;
    remaining -= n;
    offset += n;
  }
  return -1;
}

// Field readers: absent/null is "not present" for optional fields.
const Value* Find(const Value& obj, const char* name) {
  const auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || it->value.IsNull()) return nullptr;
  return &it->value;
}

Status ReadString(const Value& obj, const char* name, const std::string& path, bool required,
                  std::string* out) {
  const Value* v = Find(obj, name);
  if (v == nullptr) return required ? Missing(path) : Status::Ok();
  if (!v->IsString()) return WrongType(path, "string", *v);
  out->assign(v->GetString(), v->GetStringLength());
  return Status::Ok();
}

// Ids are strings in our schema, but many sources send integers; accept both.
Status ReadId(const Value& obj, const char* name, const std::string& path, bool required,
              std::string* out) {
  const Value* v = Find(obj, name);
  if (v == nullptr) return required ? Missing(path) : Status::Ok();
  if (v->IsString()) {
    out->assign(v->GetString(), v->GetStringLength());
  } else if (v->IsInt64()) {
    *out = std::to_string(v->GetInt64());
  } else if (v->IsUint64()) {
    *out = std::to_string(v->GetUint64());
  } else {
    return WrongType(path, "string", *v);
  }
  if (required && out->empty()) return Status(kErrInvalidValue, path + ": must not be empty");
  return Status::Ok();
}

Status ReadInt(const Value& obj, const char* name, const std::string& path, int64_t* out,
               bool* present) {
  const Value* v = Find(obj, name);
  *present = v != nullptr;
  if (v == nullptr) return Status::Ok();
  if (!v->IsInt64()) return WrongType(path, "integer", *v);
  *out = v->GetInt64();
  return Status::Ok();
}

Status ReadRating(const Value& obj, const char* name, const std::string& path, Post* post) {
  int64_t rating = 0;
  bool present = false;
  if (Status s = ReadInt(obj, name, path, &rating, &present); !s.ok()) return s;
  if (!present) return Status::Ok();
  if (rating < 1 || rating > 5) {
    return Status(kErrInvalidValue, path + ": must be 1..5, got " + std::to_string(rating));
  }
  post->rating = static_cast<int>(rating);
  return Status::Ok();
}

Status SetCreatedAt(const std::string& text, const std::string& path, Post* post) {
  const auto ms = ParseIso8601Ms(text);
  if (!ms) return Status(kErrInvalidValue, path + ": not an ISO-8601 date-time: '" + text + "'");
  post->created_at_ms = *ms;
  post->created_at = FormatIso8601Ms(*ms);
  return Status::Ok();
}

// A post says something; a review may say it with its stars alone (Google
// and Play reviews can be a rating without a word, and a one-star rating
// wants an answer as much as a written complaint). Call after the rating is
// read.
Status RequireText(const Post& post, const std::string& path) {
  if (post.text.empty() && !post.rating) {
    return Status(kErrInvalidValue, path + ": must not be empty (a review may leave it empty)");
  }
  return Status::Ok();
}

Status ResolveBrand(const DecodeOptions& options, const std::string& app_id, Post* post) {
  if (!post->brand.empty()) return Status::Ok();
  if (const auto it = options.app_brands.find(app_id);
      !app_id.empty() && it != options.app_brands.end()) {
    post->brand = it->second;
  } else {
    post->brand = options.default_brand;
  }
  if (post->brand.empty()) return Missing("brand");
  return Status::Ok();
}

// The lang fields of X use "und"/"qme"/"zxx" for "no language"; drop them.
std::string CleanLang(std::string lang) {
  if (lang == "und" || lang == "qme" || lang == "zxx" || lang == "qht") return "";
  return lang;
}

#define EARSHOT_RETURN_IF_ERROR(expr)   \
  do {                                  \
    if (Status s_ = (expr); !s_.ok()) { \
      return s_;                        \
    }                                   \
  } while (false)

StatusOr<Post> DecodeCanonical(const Value& doc, const DecodeOptions& options) {
  Post post;
  post.source_format = "canonical";
  EARSHOT_RETURN_IF_ERROR(ReadId(doc, "id", "id", true, &post.id));
  EARSHOT_RETURN_IF_ERROR(ReadString(doc, "channel", "channel", true, &post.channel));
  if (post.channel.empty()) return Status(kErrInvalidValue, "channel: must not be empty");
  EARSHOT_RETURN_IF_ERROR(ReadString(doc, "brand", "brand", false, &post.brand));
  EARSHOT_RETURN_IF_ERROR(ResolveBrand(options, "", &post));
  const Value* author = Find(doc, "author");
  if (author == nullptr) return Missing("author");
  if (!author->IsObject()) return WrongType("author", "object", *author);
  EARSHOT_RETURN_IF_ERROR(ReadId(*author, "id", "author.id", false, &post.author.id));
  EARSHOT_RETURN_IF_ERROR(
      ReadString(*author, "handle", "author.handle", false, &post.author.handle));
  if (post.author.id.empty() && post.author.handle.empty()) return Missing("author.id");
  if (!post.author.handle.empty() && post.author.handle[0] == '@') post.author.handle.erase(0, 1);
  bool present = false;
  EARSHOT_RETURN_IF_ERROR(
      ReadInt(*author, "followers", "author.followers", &post.author.followers, &present));
  if (post.author.followers < 0) return Status(kErrInvalidValue, "author.followers: negative");
  if (const Value* v = Find(*author, "verified")) {
    if (!v->IsBool()) return WrongType("author.verified", "boolean", *v);
    post.author.verified = v->GetBool();
  }
  EARSHOT_RETURN_IF_ERROR(ReadString(doc, "text", "text", true, &post.text));
  EARSHOT_RETURN_IF_ERROR(ReadString(doc, "lang", "lang", false, &post.lang));
  std::string created_at;
  EARSHOT_RETURN_IF_ERROR(ReadString(doc, "created_at", "created_at", true, &created_at));
  EARSHOT_RETURN_IF_ERROR(SetCreatedAt(created_at, "created_at", &post));
  EARSHOT_RETURN_IF_ERROR(ReadString(doc, "url", "url", false, &post.url));
  EARSHOT_RETURN_IF_ERROR(ReadId(doc, "in_reply_to", "in_reply_to", false, &post.in_reply_to));
  EARSHOT_RETURN_IF_ERROR(
      ReadId(doc, "conversation_id", "conversation_id", false, &post.conversation_id));
  EARSHOT_RETURN_IF_ERROR(ReadRating(doc, "rating", "rating", &post));
  EARSHOT_RETURN_IF_ERROR(RequireText(post, "text"));
  return post;
}

// X API v2: {"data": tweet, "includes": {"users": [...]}, "matching_rules": [...]}.
StatusOr<Post> DecodeXV2(const Value& doc, const DecodeOptions& options) {
  Post post;
  post.source_format = "x_v2";
  post.channel = "x";
  const Value& data = doc["data"];
  EARSHOT_RETURN_IF_ERROR(ReadId(data, "id", "data.id", true, &post.id));
  EARSHOT_RETURN_IF_ERROR(ReadString(data, "text", "data.text", true, &post.text));
  EARSHOT_RETURN_IF_ERROR(RequireText(post, "data.text"));
  EARSHOT_RETURN_IF_ERROR(ReadId(data, "author_id", "data.author_id", true, &post.author.id));
  std::string created_at;
  EARSHOT_RETURN_IF_ERROR(ReadString(data, "created_at", "data.created_at", true, &created_at));
  EARSHOT_RETURN_IF_ERROR(SetCreatedAt(created_at, "data.created_at", &post));
  EARSHOT_RETURN_IF_ERROR(
      ReadId(data, "conversation_id", "data.conversation_id", false, &post.conversation_id));
  EARSHOT_RETURN_IF_ERROR(ReadString(data, "lang", "data.lang", false, &post.lang));
  post.lang = CleanLang(post.lang);
  if (const Value* refs = Find(data, "referenced_tweets")) {
    if (!refs->IsArray()) return WrongType("data.referenced_tweets", "array", *refs);
    for (const Value& ref : refs->GetArray()) {
      if (!ref.IsObject()) return WrongType("data.referenced_tweets[]", "object", ref);
      std::string type;
      EARSHOT_RETURN_IF_ERROR(
          ReadString(ref, "type", "data.referenced_tweets[].type", false, &type));
      if (type == "replied_to") {
        EARSHOT_RETURN_IF_ERROR(
            ReadId(ref, "id", "data.referenced_tweets[].id", true, &post.in_reply_to));
      }
    }
  }
  if (const Value* includes = Find(doc, "includes"); includes != nullptr && includes->IsObject()) {
    if (const Value* users = Find(*includes, "users"); users != nullptr && users->IsArray()) {
      for (const Value& user : users->GetArray()) {
        if (!user.IsObject()) continue;
        std::string id;
        EARSHOT_RETURN_IF_ERROR(ReadId(user, "id", "includes.users[].id", false, &id));
        if (id != post.author.id) continue;
        EARSHOT_RETURN_IF_ERROR(
            ReadString(user, "username", "includes.users[].username", false, &post.author.handle));
        if (const Value* v = Find(user, "verified")) {
          if (!v->IsBool()) return WrongType("includes.users[].verified", "boolean", *v);
          post.author.verified = v->GetBool();
        }
        if (const Value* metrics = Find(user, "public_metrics");
            metrics != nullptr && metrics->IsObject()) {
          bool present = false;
          EARSHOT_RETURN_IF_ERROR(ReadInt(*metrics, "followers_count",
                                          "includes.users[].public_metrics.followers_count",
                                          &post.author.followers, &present));
        }
      }
    }
  }
  // A filtered-stream rule tag names the brand the post was collected for.
  if (const Value* rules = Find(doc, "matching_rules"); rules != nullptr && rules->IsArray()) {
    for (const Value& rule : rules->GetArray()) {
      if (rule.IsObject() && post.brand.empty()) {
        EARSHOT_RETURN_IF_ERROR(
            ReadString(rule, "tag", "matching_rules[].tag", false, &post.brand));
      }
    }
  }
  EARSHOT_RETURN_IF_ERROR(ReadString(doc, "brand", "brand", false, &post.brand));
  EARSHOT_RETURN_IF_ERROR(ResolveBrand(options, "", &post));
  const std::string who = post.author.handle.empty() ? "i" : post.author.handle;
  post.url = "https://x.com/" + who + "/status/" + post.id;
  return post;
}

// Google Play Developer API: reviews.list item.
StatusOr<Post> DecodeGooglePlay(const Value& doc, const DecodeOptions& options) {
  Post post;
  post.source_format = "google_play";
  post.channel = "google_play";
  EARSHOT_RETURN_IF_ERROR(ReadId(doc, "reviewId", "reviewId", true, &post.id));
  EARSHOT_RETURN_IF_ERROR(ReadString(doc, "authorName", "authorName", false, &post.author.handle));
  post.author.id = post.author.handle.empty() ? post.id : post.author.handle;
  const Value* comments = Find(doc, "comments");
  if (comments == nullptr) return Missing("comments");
  if (!comments->IsArray()) return WrongType("comments", "array", *comments);
  const Value* user_comment = nullptr;
  for (const Value& c : comments->GetArray()) {
    if (c.IsObject()) {
      if (const Value* uc = Find(c, "userComment"); uc != nullptr) user_comment = uc;
    }
  }
  if (user_comment == nullptr) return Missing("comments[].userComment");
  if (!user_comment->IsObject())
    return WrongType("comments[].userComment", "object", *user_comment);
  const std::string base = "comments[].userComment.";
  EARSHOT_RETURN_IF_ERROR(ReadString(*user_comment, "text", base + "text", true, &post.text));
  EARSHOT_RETURN_IF_ERROR(ReadRating(*user_comment, "starRating", base + "starRating", &post));
  EARSHOT_RETURN_IF_ERROR(RequireText(post, base + "text"));
  EARSHOT_RETURN_IF_ERROR(
      ReadString(*user_comment, "reviewerLanguage", base + "reviewerLanguage", false, &post.lang));
  if (const auto dash = post.lang.find_first_of("-_"); dash != std::string::npos) {
    post.lang.resize(dash);  // "tr_TR" -> "tr"
  }
  const Value* modified = Find(*user_comment, "lastModified");
  if (modified == nullptr) return Missing(base + "lastModified");
  if (!modified->IsObject()) return WrongType(base + "lastModified", "object", *modified);
  std::string seconds_text;
  int64_t seconds = 0;
  if (const Value* s = Find(*modified, "seconds"); s == nullptr) {
    return Missing(base + "lastModified.seconds");
  } else if (s->IsInt64()) {
    seconds = s->GetInt64();
  } else if (s->IsString()) {
    seconds_text.assign(s->GetString(), s->GetStringLength());
    try {
      size_t used = 0;
      seconds = std::stoll(seconds_text, &used);
      if (used != seconds_text.size()) throw std::invalid_argument("trailing");
    } catch (const std::exception&) {
      return Status(kErrInvalidValue, base + "lastModified.seconds: not a number");
    }
  } else {
    return WrongType(base + "lastModified.seconds", "integer", *s);
  }
  if (seconds < kMinIso8601Ms / 1000 || seconds > kMaxIso8601Ms / 1000) {
    return Status(kErrInvalidValue, base + "lastModified.seconds: out of range");
  }
  post.created_at_ms = seconds * 1000;
  post.created_at = FormatIso8601Ms(post.created_at_ms);
  std::string package;
  EARSHOT_RETURN_IF_ERROR(ReadString(doc, "packageName", "packageName", false, &package));
  EARSHOT_RETURN_IF_ERROR(ReadString(doc, "brand", "brand", false, &post.brand));
  EARSHOT_RETURN_IF_ERROR(ResolveBrand(options, package, &post));
  post.url = "https://play.google.com/store/apps/details?id=" + package + "&reviewId=" + post.id;
  post.conversation_id = post.id;
  return post;
}

// App Store Connect API: a customerReviews resource.
StatusOr<Post> DecodeAppStore(const Value& doc, const DecodeOptions& options) {
  Post post;
  post.source_format = "app_store";
  post.channel = "app_store";
  EARSHOT_RETURN_IF_ERROR(ReadId(doc, "id", "id", true, &post.id));
  const Value* attributes = Find(doc, "attributes");
  if (attributes == nullptr) return Missing("attributes");
  if (!attributes->IsObject()) return WrongType("attributes", "object", *attributes);
  std::string title;
  std::string body;
  EARSHOT_RETURN_IF_ERROR(ReadString(*attributes, "title", "attributes.title", false, &title));
  EARSHOT_RETURN_IF_ERROR(ReadString(*attributes, "body", "attributes.body", true, &body));
  // The title often carries the verdict ("Rezalet"), so it is part of the text.
  post.text = title.empty() ? body : title + "\n" + body;
  EARSHOT_RETURN_IF_ERROR(ReadRating(*attributes, "rating", "attributes.rating", &post));
  EARSHOT_RETURN_IF_ERROR(RequireText(post, "attributes.body"));
  EARSHOT_RETURN_IF_ERROR(ReadString(*attributes, "reviewerNickname", "attributes.reviewerNickname",
                                     false, &post.author.handle));
  post.author.id = post.author.handle.empty() ? post.id : post.author.handle;
  std::string created_at;
  EARSHOT_RETURN_IF_ERROR(
      ReadString(*attributes, "createdDate", "attributes.createdDate", true, &created_at));
  EARSHOT_RETURN_IF_ERROR(SetCreatedAt(created_at, "attributes.createdDate", &post));
  std::string app_id;
  if (const Value* rel = Find(doc, "relationships"); rel != nullptr && rel->IsObject()) {
    if (const Value* app = Find(*rel, "app"); app != nullptr && app->IsObject()) {
      if (const Value* data = Find(*app, "data"); data != nullptr && data->IsObject()) {
        EARSHOT_RETURN_IF_ERROR(ReadId(*data, "id", "relationships.app.data.id", false, &app_id));
      }
    }
  }
  EARSHOT_RETURN_IF_ERROR(ReadString(doc, "brand", "brand", false, &post.brand));
  EARSHOT_RETURN_IF_ERROR(ResolveBrand(options, app_id, &post));
  post.url = app_id.empty() ? "" : "https://apps.apple.com/app/id" + app_id;
  post.conversation_id = post.id;
  return post;
}

}  // namespace

StatusOr<Post> DecodePost(std::string_view bytes, const DecodeOptions& options) {
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status(kErrEmpty, "record has no content");
  }
  if (bytes.size() > options.max_record_bytes) {
    return Status(kErrTooLarge, "record is " + std::to_string(bytes.size()) +
                                    " bytes; the limit is " +
                                    std::to_string(options.max_record_bytes));
  }
  if (const ptrdiff_t bad = FirstInvalidUtf8(bytes); bad >= 0) {
    return Status(kErrInvalidUtf8, "invalid UTF-8 at byte " + std::to_string(bad));
  }
  rapidjson::Document doc;
  // Iterative parsing: a record of 100k nested brackets must not overflow the stack.
  doc.Parse<rapidjson::kParseIterativeFlag>(bytes.data(), bytes.size());
  if (doc.HasParseError()) {
    return Status(kErrJsonSyntax, std::string(rapidjson::GetParseError_En(doc.GetParseError())) +
                                      " at byte " + std::to_string(doc.GetErrorOffset()));
  }
  if (!doc.IsObject()) {
    return Status(kErrNotObject, std::string("expected a JSON object, got ") + TypeName(doc));
  }
  StatusOr<Post> post = [&]() -> StatusOr<Post> {
    if (const Value* data = Find(doc, "data"); data != nullptr && data->IsObject()) {
      return DecodeXV2(doc, options);
    }
    if (doc.HasMember("reviewId")) return DecodeGooglePlay(doc, options);
    if (const Value* type = Find(doc, "type");
        type != nullptr && type->IsString() &&
        std::string_view(type->GetString()) == "customerReviews") {
      return DecodeAppStore(doc, options);
    }
    return DecodeCanonical(doc, options);
  }();
  if (post.ok() && post->conversation_id.empty()) {
    post->conversation_id = post->in_reply_to.empty() ? post->id : post->in_reply_to;
  }
  return post;
}

}  // namespace earshot
