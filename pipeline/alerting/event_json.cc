#include "pipeline/alerting/event_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "pipeline/decode/iso8601.h"

namespace earshot {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

// Named apart from json_writer.cc's Str: the ci, asan and fuzz presets compile
// files together (unity build), where two file-local helpers of one name clash.
void Text(Writer& w, const char* key, std::string_view value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void Time(Writer& w, const char* key, int64_t ms) { Text(w, key, FormatIso8601Ms(ms)); }

// The fields every item event shares: what, who, where, how urgent, due when.
void ItemFields(Writer& w, const std::string& type, const std::string& event_id,
                const std::string& item_id, const AlertItem& item, const StringInterner& names) {
  w.Key("schema_version");
  w.Int(kEventSchemaVersion);
  Text(w, "type", type);
  Text(w, "event_id", event_id);
  Text(w, "item_id", item_id);
  Text(w, "conversation_id", item.conversation());
  Text(w, "post_id", item.post_id());
  Text(w, "channel", names.Name(item.channel));
  Text(w, "brand", names.Name(item.brand));
  Text(w, "author", item.author());
  const std::string link = item.Link(names.Name(item.channel));
  w.Key("link");
  if (link.empty()) {
    w.Null();
  } else {
    w.String(link.data(), static_cast<rapidjson::SizeType>(link.size()));
  }
  Text(w, "class", PostClassName(static_cast<PostClass>(item.post_class)));
  Text(w, "priority", PriorityName(static_cast<Priority>(item.priority)));
  w.Key("count");
  w.Uint(item.count);
  Time(w, "opened_at", item.opened_at_ms);
  Time(w, "due_at", item.due_at_ms);
}

std::string Done(rapidjson::StringBuffer& buffer) { return {buffer.GetString(), buffer.GetSize()}; }

}  // namespace

std::string EncodeResponseDueEvent(const std::string& event_id, const Post& post,
                                   const Verdict& verdict, const AlertItem& item,
                                   const StringInterner& /*names*/) {
  ResponseDue due;
  due.event_id = event_id;
  due.received_at_ms = item.opened_at_ms;
  due.due_at_ms = item.due_at_ms;
  due.sla_ms = item.sla_ms;
  return EncodeResponseDueJson(post, verdict, due);
}

std::string EncodeOverdueEvent(const std::string& event_id, const std::string& item_id,
                               const AlertItem& item, int step, double multiple, int64_t fired_at,
                               const StringInterner& names) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  ItemFields(w, "response_overdue", event_id, item_id, item, names);
  w.Key("step");
  w.Int(step);
  w.Key("deadline_multiple");
  w.Double(multiple);
  Time(w, "step_due_at", fired_at);
  w.Key("overdue_seconds");
  w.Int64((fired_at - item.due_at_ms) / 1000);
  w.EndObject();
  return Done(buffer);
}

std::string EncodeRespondedEvent(const std::string& event_id, const std::string& item_id,
                                 const AlertItem& item, const Post& reply, int64_t replied_at,
                                 int64_t first_response_ms, const StringInterner& names) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  ItemFields(w, "responded", event_id, item_id, item, names);
  Text(w, "reply_post_id", reply.id);
  Text(w, "reply_author", reply.author.handle);
  Time(w, "responded_at", replied_at);
  w.Key("first_response_seconds");
  w.Int64(first_response_ms / 1000);
  w.Key("within_sla");
  w.Bool(replied_at <= item.due_at_ms);
  w.EndObject();
  return Done(buffer);
}

std::string EncodeAcknowledgedEvent(const std::string& event_id, const std::string& item_id,
                                    const AlertItem& item, const Ack& ack,
                                    const StringInterner& names) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  ItemFields(w, "acknowledged", event_id, item_id, item, names);
  Text(w, "by", ack.by);
  Text(w, "note", ack.note);
  Time(w, "acknowledged_at", ack.at_ms);
  w.EndObject();
  return Done(buffer);
}

std::string EncodeSpikeEvent(const std::string& event_id, const Spike& spike) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("schema_version");
  w.Int(kEventSchemaVersion);
  Text(w, "type", "complaint_spike");
  Text(w, "event_id", event_id);
  Text(w, "brand", spike.brand);
  Text(w, "topic", spike.topic);
  Time(w, "window_start", spike.window_start_ms);
  Time(w, "window_end", spike.window_end_ms);
  w.Key("count");
  w.Int64(spike.count);
  w.Key("baseline_mean");
  w.Double(spike.baseline_mean);
  w.Key("top_rules");
  w.StartArray();
  for (const auto& [rule, n] : spike.top_rules) {
    w.StartObject();
    Text(w, "rule", rule);
    w.Key("count");
    w.Int64(n);
    w.EndObject();
  }
  w.EndArray();
  w.Key("sample_post_ids");
  w.StartArray();
  for (const std::string& id : spike.sample_post_ids) w.String(id.c_str());
  w.EndArray();
  w.EndObject();
  return Done(buffer);
}

}  // namespace earshot
