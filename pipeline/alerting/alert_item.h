// AlertItem: one open item of the alerting stage, packed small because a
// busy brand can have a million of them open (budget: 256 bytes each with
// its index entries; bench/alerting_bench measures it). The post text is
// never held; the strings that are (conversation, first post id, author
// handle) share one heap block, and the conversation is not stored again
// when it is the post's own id.
#pragma once

#include <array>
#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "earshot/status.h"

namespace earshot {

// Channel and brand names are few; items hold 16-bit indexes to them.
class StringInterner {
 public:
  uint16_t Intern(std::string_view name) {
    auto it = index_.find(std::string(name));
    if (it != index_.end()) return it->second;
    if (names_.size() >= UINT16_MAX) return 0;  // saturate on hostile input
    names_.emplace_back(name);
    const auto id = static_cast<uint16_t>(names_.size() - 1);
    index_.emplace(names_.back(), id);
    return id;
  }
  const std::string& Name(uint16_t id) const { return names_.at(id); }

  StringInterner() { Intern(""); }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, uint16_t> index_;
};

struct AlertItem {
  std::array<uint8_t, 16> id{};  // the response_due event id (UUID bytes)
  uint64_t author_key = 0;       // hash of brand + author; 0: none
  int64_t opened_at_ms = 0;      // received time of the post that opened it
  int64_t last_post_ms = 0;      // received time of its latest post
  int64_t due_at_ms = 0;         // first-response deadline
  int64_t next_fire_ms = INT64_MAX;
  int64_t sla_ms = 0;  // the deadline's duration (open time)
  uint32_t count = 1;  // posts grouped into it
  int32_t partition = 0;
  uint16_t channel = 0, brand = 0;  // StringInterner ids
  uint8_t post_class = 0, priority = 4, steps_done = 0;
  bool acked = false;

  void SetStrings(std::string_view conversation, std::string_view post_id, std::string_view author);
  std::string_view conversation() const {
    return same_conversation_ ? post_id() : View(0, len_[0]);
  }
  std::string_view post_id() const { return View(len_[0], len_[1]); }
  std::string_view author() const { return View(len_[0] + len_[1], len_[2]); }
  size_t strings_size() const { return size_t{len_[0]} + len_[1] + len_[2]; }
  // A link to the post where the channel's links can be derived from ids.
  std::string Link(const std::string& channel_name) const;

 private:
  std::string_view View(size_t at, size_t n) const {
    return n == 0 ? std::string_view() : std::string_view(strings_.get() + at, n);
  }
  std::unique_ptr<char[]> strings_;
  uint16_t len_[3] = {0, 0, 0};
  bool same_conversation_ = false;
};

std::optional<std::array<uint8_t, 16>> ParseUuid(std::string_view text);
std::string FormatUuid(const std::array<uint8_t, 16>& id);

// The changelog value of an item (compact JSON, versioned) and back.
std::string EncodeAlertItem(const AlertItem& item, const StringInterner& names,
                            const std::vector<uint64_t>& aliases);
StatusOr<AlertItem> DecodeAlertItem(std::string_view json, StringInterner* names,
                                    std::vector<uint64_t>* aliases);

}  // namespace earshot
