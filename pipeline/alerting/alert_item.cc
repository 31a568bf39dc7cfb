#include "pipeline/alerting/alert_item.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>

#include "earshot/alerting.h"
#include "earshot/verdict.h"
#include "pipeline/decode/iso8601.h"

namespace earshot {
namespace {

constexpr int kItemFormatVersion = 1;
constexpr size_t kMaxString = UINT16_MAX;

std::string_view Clip(std::string_view s) { return s.substr(0, kMaxString); }

}  // namespace

void AlertItem::SetStrings(std::string_view conversation, std::string_view post_id,
                           std::string_view author) {
  conversation = Clip(conversation);
  post_id = Clip(post_id);
  author = Clip(author);
  same_conversation_ = conversation == post_id;
  if (same_conversation_) conversation = {};
  len_[0] = static_cast<uint16_t>(conversation.size());
  len_[1] = static_cast<uint16_t>(post_id.size());
  len_[2] = static_cast<uint16_t>(author.size());
  const size_t total = strings_size();
  strings_ = total == 0 ? nullptr : std::make_unique<char[]>(total);
  char* p = strings_.get();
  for (std::string_view s : {conversation, post_id, author}) {
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    p += s.size();
  }
}

std::string AlertItem::Link(const std::string& channel_name) const {
  // Only X status ids (digits) make a working link; other ids say nothing.
  const std::string_view status_id = post_id();
  const bool numeric =
      !status_id.empty() && status_id.find_first_not_of("0123456789") == std::string_view::npos;
  if ((channel_name == "x" || channel_name == "twitter") && numeric) {
    return "https://x.com/" + std::string(author().empty() ? "i" : author()) + "/status/" +
           std::string(post_id());
  }
  return {};
}

std::optional<std::array<uint8_t, 16>> ParseUuid(std::string_view text) {
  std::array<uint8_t, 16> out{};
  size_t n = 0;
  int half = -1;
  for (char c : text) {
    if (c == '-') continue;
    int v;
    if (c >= '0' && c <= '9') {
      v = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      v = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      v = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    if (half < 0) {
      half = v;
    } else {
      if (n >= out.size()) return std::nullopt;
      out[n++] = static_cast<uint8_t>(half * 16 + v);
      half = -1;
    }
  }
  if (n != out.size() || half >= 0) return std::nullopt;
  return out;
}

std::string FormatUuid(const std::array<uint8_t, 16>& d) {
  char out[37];
  std::snprintf(out, sizeof(out),
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", d[0], d[1],
                d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13], d[14],
                d[15]);
  return out;
}

std::string EncodeAlertItem(const AlertItem& item, const StringInterner& names,
                            const std::vector<uint64_t>& aliases) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  auto str = [&w](const char* key, std::string_view v) {
    w.Key(key);
    w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  };
  auto num = [&w](const char* key, int64_t v) {
    w.Key(key);
    w.Int64(v);
  };
  w.StartObject();
  num("v", kItemFormatVersion);
  str("item_id", FormatUuid(item.id));
  str("conversation_id", item.conversation());
  str("post_id", item.post_id());
  str("author", item.author());
  w.Key("author_key");
  w.Uint64(item.author_key);
  str("channel", names.Name(item.channel));
  str("brand", names.Name(item.brand));
  str("class", PostClassName(static_cast<PostClass>(item.post_class)));
  num("priority", item.priority);
  num("opened_at", item.opened_at_ms);
  num("last_post_at", item.last_post_ms);
  num("due_at", item.due_at_ms);
  num("sla_ms", item.sla_ms);
  num("count", item.count);
  num("steps_done", item.steps_done);
  w.Key("acked");
  w.Bool(item.acked);
  w.Key("aliases");
  w.StartArray();
  for (uint64_t a : aliases) w.Uint64(a);
  w.EndArray();
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

StatusOr<AlertItem> DecodeAlertItem(std::string_view json, StringInterner* names,
                                    std::vector<uint64_t>* aliases) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (doc.HasParseError() || !doc.IsObject()) return Status("bad_state", "not a JSON object");
  auto get_str = [&doc](const char* key) -> std::optional<std::string_view> {
    auto it = doc.FindMember(key);
    if (it == doc.MemberEnd() || !it->value.IsString()) return std::nullopt;
    return std::string_view(it->value.GetString(), it->value.GetStringLength());
  };
  auto get_int = [&doc](const char* key) -> std::optional<int64_t> {
    auto it = doc.FindMember(key);
    if (it == doc.MemberEnd() || !it->value.IsInt64()) return std::nullopt;
    return it->value.GetInt64();
  };
  const auto version = get_int("v");
  if (!version || *version != kItemFormatVersion)
    return Status("bad_state", "unknown item format version");
  AlertItem item;
  const auto id = get_str("item_id");
  const auto conversation = get_str("conversation_id");
  const auto post_id = get_str("post_id");
  const auto author = get_str("author");
  const auto channel = get_str("channel");
  const auto brand = get_str("brand");
  const auto post_class = get_str("class");
  const auto priority = get_int("priority");
  const auto opened = get_int("opened_at");
  const auto last = get_int("last_post_at");
  const auto due = get_int("due_at");
  const auto sla = get_int("sla_ms");
  const auto count = get_int("count");
  const auto steps = get_int("steps_done");
  auto acked = doc.FindMember("acked");
  auto author_key = doc.FindMember("author_key");
  if (!id || !conversation || !post_id || !author || !channel || !brand || !post_class ||
      !priority || !opened || !last || !due || !sla || !count || !steps ||
      acked == doc.MemberEnd() || !acked->value.IsBool() || author_key == doc.MemberEnd() ||
      !author_key->value.IsUint64()) {
    return Status("bad_state", "an item field is missing or has the wrong type");
  }
  const auto uuid = ParseUuid(*id);
  if (!uuid) return Status("bad_state", "item_id is not a UUID");
  if (*priority < 1 || *priority > 4 || *steps < 0 || *steps > 255 || *count < 1 || *sla < 0)
    return Status("bad_state", "an item field is out of range");
  // Deadlines are computed from these (sla x escalation step, plus expiry):
  // out-of-range values would overflow that arithmetic, so they are refused.
  const auto in_time_range = [](int64_t ms) { return ms >= kMinIso8601Ms && ms <= kMaxIso8601Ms; };
  if (!in_time_range(*opened) || !in_time_range(*last) || !in_time_range(*due) ||
      *sla > kMaxDurationMs)
    return Status("bad_state", "an item time or SLA is out of range");
  int cls = -1;
  for (int c = 0; c <= static_cast<int>(PostClass::kBrandReply); ++c) {
    if (*post_class == PostClassName(static_cast<PostClass>(c))) cls = c;
  }
  if (cls < 0) return Status("bad_state", "unknown class");
  item.id = *uuid;
  item.SetStrings(*conversation, *post_id, *author);
  item.author_key = author_key->value.GetUint64();
  item.channel = names->Intern(*channel);
  item.brand = names->Intern(*brand);
  item.post_class = static_cast<uint8_t>(cls);
  item.priority = static_cast<uint8_t>(*priority);
  item.opened_at_ms = *opened;
  item.last_post_ms = *last;
  item.due_at_ms = *due;
  item.sla_ms = *sla;
  item.count = static_cast<uint32_t>(std::min<int64_t>(*count, UINT32_MAX));
  item.steps_done = static_cast<uint8_t>(*steps);
  item.acked = acked->value.GetBool();
  aliases->clear();
  if (auto a = doc.FindMember("aliases"); a != doc.MemberEnd() && a->value.IsArray()) {
    for (const auto& v : a->value.GetArray()) {
      if (v.IsUint64()) aliases->push_back(v.GetUint64());
    }
  }
  return item;
}

}  // namespace earshot
