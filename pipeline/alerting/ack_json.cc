// The acks topic's JSON (docs/alerting.md):
//   {"type":"ack","event_id":"…","conversation_id":"…","by":"…","note":"…",
//    "at":"2026-11-23T10:00:00Z"}
// One of event_id and conversation_id is required; `by` is required.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "earshot/alert_engine.h"
#include "pipeline/decode/iso8601.h"

namespace earshot {

StatusOr<Ack> DecodeAckJson(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (doc.HasParseError() || !doc.IsObject())
    return Status("invalid_json", "an ack must be a JSON object");
  auto text = [&doc](const char* key) -> std::string {
    auto it = doc.FindMember(key);
    if (it == doc.MemberEnd() || !it->value.IsString()) return {};
    return {it->value.GetString(), it->value.GetStringLength()};
  };
  Ack ack;
  ack.event_id = text("event_id");
  ack.conversation_id = text("conversation_id");
  ack.by = text("by");
  ack.note = text("note");
  if (ack.event_id.empty() && ack.conversation_id.empty())
    return Status("missing_field", "an ack needs event_id or conversation_id");
  if (ack.by.empty()) return Status("missing_field", "an ack needs 'by' (who acknowledged it)");
  const std::string at = text("at");
  if (!at.empty()) {
    const auto ms = ParseIso8601Ms(at);
    if (!ms) return Status("invalid_value", "'at' is not an ISO 8601 time: " + at);
    ack.at_ms = *ms;
  }
  return ack;
}

std::string EncodeAckJson(const Ack& ack) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  auto str = [&w](const char* key, const std::string& v) {
    w.Key(key);
    w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  };
  w.StartObject();
  str("type", "ack");
  if (!ack.event_id.empty()) str("event_id", ack.event_id);
  if (!ack.conversation_id.empty()) str("conversation_id", ack.conversation_id);
  str("by", ack.by);
  str("note", ack.note);
  str("at", FormatIso8601Ms(ack.at_ms));
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace earshot
