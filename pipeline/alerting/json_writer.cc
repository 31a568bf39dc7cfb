// JSON encodings of classified posts and alert events (docs/events.md).
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "earshot/alerting.h"
#include "pipeline/decode/iso8601.h"

namespace earshot {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Str(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void OptStr(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  if (value.empty()) {
    w.Null();
  } else {
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
}

void WritePost(Writer& w, const Post& post) {
  w.Key("post");
  w.StartObject();
  Str(w, "id", post.id);
  Str(w, "channel", post.channel);
  Str(w, "channel_kind", ChannelKindName(KindOfChannel(post.channel)));
  Str(w, "brand", post.brand);
  w.Key("author");
  w.StartObject();
  Str(w, "id", post.author.id);
  Str(w, "handle", post.author.handle);
  w.Key("followers");
  w.Int64(post.author.followers);
  w.Key("verified");
  w.Bool(post.author.verified);
  w.EndObject();
  Str(w, "text", post.text);
  OptStr(w, "lang", post.lang);
  Str(w, "created_at", post.created_at);
  OptStr(w, "url", post.url);
  OptStr(w, "in_reply_to", post.in_reply_to);
  Str(w, "conversation_id", post.conversation_id);
  w.Key("rating");
  if (post.rating) {
    w.Int(*post.rating);
  } else {
    w.Null();
  }
  Str(w, "source_format", post.source_format);
  w.EndObject();
}

void WriteVerdict(Writer& w, const Verdict& verdict) {
  w.Key("class");
  w.String(PostClassName(verdict.post_class));
  w.Key("priority");
  w.String(PriorityName(verdict.priority));
  w.Key("confidence");
  w.Double(verdict.confidence);
  w.Key("sentiment");
  w.Double(verdict.sentiment);
  w.Key("sentiment_strength");
  w.Double(verdict.sentiment_strength);
  OptStr(w, "lang", verdict.lang);
  w.Key("lang_detected");
  w.Bool(verdict.lang_detected);
  w.Key("lang_confidence");
  w.Double(verdict.lang_confidence);
  w.Key("urgent");
  w.StartArray();
  for (const std::string& flag : verdict.urgent) w.String(flag.c_str());
  w.EndArray();
  w.Key("matched_rules");
  w.StartArray();
  for (const RuleMatch& m : verdict.matches) w.String(m.rule_id.c_str());
  w.EndArray();
  w.Key("matched_topics");  // parallel to matched_rules ("" when a rule has none)
  w.StartArray();
  for (const RuleMatch& m : verdict.matches) w.String(m.topic.c_str());
  w.EndArray();
  w.Key("sla_override_seconds");
  if (verdict.sla_ms) {
    w.Int64(*verdict.sla_ms / 1000);
  } else {
    w.Null();
  }
  Str(w, "reason", verdict.reason);
}

}  // namespace

std::string EncodeResponseDueJson(const Post& post, const Verdict& verdict,
                                  const ResponseDue& due) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("schema_version");
  w.Int(kEventSchemaVersion);
  Str(w, "type", "response_due");
  Str(w, "event_id", due.event_id);
  Str(w, "item_id", due.event_id);  // an item is named by its response_due event
  WriteVerdict(w, verdict);
  Str(w, "received_at", FormatIso8601Ms(due.received_at_ms));
  Str(w, "due_at", FormatIso8601Ms(due.due_at_ms));
  w.Key("sla_seconds");
  w.Int64(due.sla_ms / 1000);
  WritePost(w, post);
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

std::string EncodeClassifiedJson(const Post& post, const Verdict& verdict, int64_t received_at_ms) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("schema_version");
  w.Int(kEventSchemaVersion);
  Str(w, "type", "classified_post");
  WriteVerdict(w, verdict);
  Str(w, "received_at", FormatIso8601Ms(received_at_ms));
  WritePost(w, post);
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace earshot
