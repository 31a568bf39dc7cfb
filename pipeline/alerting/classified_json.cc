// Reads a classified_post record back (the alerting stage's input).
#include <rapidjson/document.h>

#include "earshot/alerting.h"
#include "pipeline/decode/iso8601.h"

namespace earshot {
namespace {

std::string Text(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

}  // namespace

StatusOr<ClassifiedPost> DecodeClassifiedJson(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (doc.HasParseError() || !doc.IsObject())
    return Status("invalid_json", "classified record is not a JSON object");
  if (Text(doc, "type") != "classified_post")
    return Status("invalid_value", "not a classified_post record");
  auto post_it = doc.FindMember("post");
  if (post_it == doc.MemberEnd() || !post_it->value.IsObject())
    return Status("missing_field", "classified record has no post");
  const rapidjson::Value& p = post_it->value;
  ClassifiedPost out;
  out.post.id = Text(p, "id");
  out.post.channel = Text(p, "channel");
  out.post.brand = Text(p, "brand");
  out.post.text = Text(p, "text");
  out.post.lang = Text(p, "lang");
  out.post.created_at = Text(p, "created_at");
  out.post.url = Text(p, "url");
  out.post.in_reply_to = Text(p, "in_reply_to");
  out.post.conversation_id = Text(p, "conversation_id");
  out.post.source_format = Text(p, "source_format");
  if (auto c = ParseIso8601Ms(out.post.created_at)) out.post.created_at_ms = *c;
  if (auto a = p.FindMember("author"); a != p.MemberEnd() && a->value.IsObject()) {
    out.post.author.id = Text(a->value, "id");
    out.post.author.handle = Text(a->value, "handle");
  }
  if (auto r = p.FindMember("rating"); r != p.MemberEnd() && r->value.IsInt())
    out.post.rating = r->value.GetInt();
  if (out.post.id.empty() || out.post.channel.empty())
    return Status("missing_field", "classified post has no id or channel");
  if (out.post.conversation_id.empty()) out.post.conversation_id = out.post.id;

  const std::string cls = Text(doc, "class");
  bool known = false;
  for (int c = 0; c <= static_cast<int>(PostClass::kBrandReply); ++c) {
    if (cls == PostClassName(static_cast<PostClass>(c))) {
      out.verdict.post_class = static_cast<PostClass>(c);
      known = true;
    }
  }
  if (!known) return Status("invalid_value", "unknown class '" + cls + "'");
  const std::string priority = Text(doc, "priority");
  if (priority.size() != 2 || priority[0] != 'p' || priority[1] < '1' || priority[1] > '4')
    return Status("invalid_value", "unknown priority '" + priority + "'");
  out.verdict.priority = static_cast<Priority>(priority[1] - '0');
  out.verdict.lang = Text(doc, "lang");
  out.verdict.reason = Text(doc, "reason");
  if (auto s = doc.FindMember("sentiment"); s != doc.MemberEnd() && s->value.IsNumber())
    out.verdict.sentiment = s->value.GetDouble();
  if (auto s = doc.FindMember("sentiment_strength"); s != doc.MemberEnd() && s->value.IsNumber())
    out.verdict.sentiment_strength = s->value.GetDouble();
  if (auto c = doc.FindMember("confidence"); c != doc.MemberEnd() && c->value.IsNumber())
    out.verdict.confidence = c->value.GetDouble();
  // Records written before these fields existed read as a given language.
  if (auto d = doc.FindMember("lang_detected"); d != doc.MemberEnd() && d->value.IsBool())
    out.verdict.lang_detected = d->value.GetBool();
  if (auto c = doc.FindMember("lang_confidence"); c != doc.MemberEnd() && c->value.IsNumber())
    out.verdict.lang_confidence = c->value.GetDouble();
  if (auto u = doc.FindMember("urgent"); u != doc.MemberEnd() && u->value.IsArray()) {
    for (const auto& f : u->value.GetArray())
      if (f.IsString()) out.verdict.urgent.emplace_back(f.GetString(), f.GetStringLength());
  }
  auto rules = doc.FindMember("matched_rules");
  auto topics = doc.FindMember("matched_topics");
  if (rules != doc.MemberEnd() && rules->value.IsArray()) {
    const auto& list = rules->value.GetArray();
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
      if (!list[i].IsString()) continue;
      RuleMatch m;
      m.rule_id.assign(list[i].GetString(), list[i].GetStringLength());
      if (topics != doc.MemberEnd() && topics->value.IsArray() && i < topics->value.Size() &&
          topics->value[i].IsString()) {
        m.topic = topics->value[i].GetString();
      }
      out.verdict.matches.push_back(std::move(m));
    }
  }
  if (auto s = doc.FindMember("sla_override_seconds");
      s != doc.MemberEnd() && s->value.IsInt64() && s->value.GetInt64() > 0) {
    // Deadlines add this to received_at: refuse values that would overflow.
    if (s->value.GetInt64() > kMaxDurationMs / 1000)
      return Status("invalid_value", "sla_override_seconds is out of range");
    out.verdict.sla_ms = s->value.GetInt64() * 1000;
  }
  const auto received = ParseIso8601Ms(Text(doc, "received_at"));
  if (!received) return Status("missing_field", "classified record has no received_at");
  out.received_at_ms = *received;
  return out;
}

}  // namespace earshot
