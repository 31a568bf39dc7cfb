#include "earshot/alert_engine.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <deque>
#include <unordered_map>

#include "pipeline/alerting/alert_item.h"
#include "pipeline/alerting/event_json.h"
#include "pipeline/alerting/spike_detector.h"

namespace earshot {
namespace {

uint64_t Hash(std::string_view a, std::string_view b = {}) {
  // FNV-1a, 64 bit: stable across runs and builds (state keys survive restarts).
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
  };
  mix(a);
  if (!b.empty()) {
    mix("\x1f");
    mix(b);
  }
  return h == 0 ? 1 : h;  // 0 means "none"
}

std::string AuthorKeyText(const Post& post) {
  const std::string& who = post.author.id.empty() ? post.author.handle : post.author.id;
  return who;
}

// Pending acks for items not (yet) known, remembered this long.
constexpr int64_t kPendingAckMs = 24LL * 60 * 60 * 1000;
// Grouped conversations remembered per item (see AddAlias).
constexpr size_t kMaxAliasesPerItem = 8;

}  // namespace

const char* AlertEventTypeName(AlertEventType type) {
  switch (type) {
    case AlertEventType::kResponseDue:
      return "response_due";
    case AlertEventType::kResponseOverdue:
      return "response_overdue";
    case AlertEventType::kResponded:
      return "responded";
    case AlertEventType::kAcknowledged:
      return "acknowledged";
    case AlertEventType::kComplaintSpike:
      return "complaint_spike";
  }
  return "unknown";
}

std::optional<AlertEventType> AlertEventTypeFromName(std::string_view name) {
  for (int i = 0; i < kAlertEventTypeCount; ++i) {
    const auto type = static_cast<AlertEventType>(i);
    if (name == AlertEventTypeName(type)) return type;
  }
  return std::nullopt;
}

class AlertEngine::Impl {
 public:
  explicit Impl(AlertPolicy policy) : policy_(std::move(policy)), spikes_(policy_.spikes) {}

  const AlertPolicy& policy() const { return policy_; }

  void OnPost(int32_t partition, const Post& post, const Verdict& verdict, int64_t received_at,
              AlertOutput* out) {
    if (verdict.post_class == PostClass::kBrandReply) {
      OnBrandReply(post, received_at, out);
      return;
    }
    const bool tracked = verdict.NeedsResponse() ||
                         (verdict.post_class == PostClass::kPraise && policy_.praise_due_ms);
    if (!tracked) return;
    if (verdict.post_class == PostClass::kComplaint) CountForSpike(post, verdict, received_at, out);

    const std::string& conversation = post.conversation_id.empty() ? post.id : post.conversation_id;
    const uint64_t conversation_key = Hash(conversation);
    const uint64_t author_key =
        AuthorKeyText(post).empty() ? 0 : Hash(post.brand, AuthorKeyText(post));
    ItemRef existing = FindByConversation(conversation_key);
    if (existing.item == nullptr && author_key != 0 && policy_.group_window_ms > 0) {
      existing = FindByAuthor(author_key, received_at);
    }
    if (existing.item != nullptr) {
      Join(*existing.item, post, verdict, received_at, conversation_key, out);
      return;
    }
    Open(partition, post, verdict, received_at, conversation, conversation_key, author_key, out);
  }

  void OnAck(const Ack& ack, AlertOutput* out) {
    ItemRef ref;
    if (!ack.conversation_id.empty()) ref = FindByConversation(Hash(ack.conversation_id));
    if (ref.item == nullptr && !ack.event_id.empty()) ref = FindById(ack.event_id);
    if (ref.item == nullptr) {
      RememberAck(ack, out);
      return;
    }
    Acknowledge(*ref.item, ack, out);
  }

  void Advance(int64_t now, AlertOutput* out) {
    if (now < next_timer_) return;
    // Collect what is due, then fire in time order (a scan is cheaper in
    // memory than a timer heap, and runs only when something is due).
    std::vector<std::pair<int64_t, uint64_t>> due;
    int64_t next = INT64_MAX;
    for (auto& [key, item] : items_) {
      const int64_t at = item.next_fire_ms;
      if (at <= now) {
        due.emplace_back(at, key);
      } else {
        next = std::min(next, at);
      }
    }
    // A min-heap: an item whose next step is also already due fires again,
    // still in time order with the others.
    auto later = [](const auto& x, const auto& y) { return x > y; };
    std::make_heap(due.begin(), due.end(), later);
    while (!due.empty()) {
      std::pop_heap(due.begin(), due.end(), later);
      const auto [at, key] = due.back();
      due.pop_back();
      auto it = items_.find(key);
      if (it == items_.end()) continue;
      Fire(it, at, out);
      it = items_.find(key);
      if (it == items_.end()) continue;
      if (it->second.next_fire_ms <= now) {
        due.emplace_back(it->second.next_fire_ms, key);
        std::push_heap(due.begin(), due.end(), later);
      } else {
        next = std::min(next, it->second.next_fire_ms);
      }
    }
    next_timer_ = next;
  }

  std::optional<int64_t> NextTimerMs() const {
    if (next_timer_ == INT64_MAX) return std::nullopt;
    return next_timer_;
  }

  Status RestoreItem(int32_t partition, std::string_view key, std::string_view value) {
    const uint64_t conversation_key = Hash(key);
    if (value.empty()) {
      Erase(conversation_key);
      return Status::Ok();
    }
    decoded_aliases_.clear();
    auto decoded = DecodeAlertItem(value, &interner_, &decoded_aliases_);
    if (!decoded.ok()) return decoded.status();
    AlertItem item = std::move(decoded).value();
    item.partition = partition;
    item.next_fire_ms = NextFire(item);
    Erase(conversation_key);
    std::vector<uint64_t> aliases = std::move(decoded_aliases_);
    Insert(conversation_key, std::move(item));
    for (uint64_t alias : aliases) AddAlias(conversation_key, alias);
    return Status::Ok();
  }

  void DropPartition(int32_t partition) {
    for (auto it = items_.begin(); it != items_.end();) {
      if (it->second.partition == partition) {
        CountOpen(it->second, -1);
        if (it->second.author_key != 0) authors_.erase(it->second.author_key);
        it = items_.erase(it);
      } else {
        ++it;
      }
    }
    for (auto it = aliases_.begin(); it != aliases_.end();) {
      it = items_.count(it->second) == 0 ? aliases_.erase(it) : std::next(it);
    }
    for (auto it = alias_lists_.begin(); it != alias_lists_.end();) {
      it = items_.count(it->first) == 0 ? alias_lists_.erase(it) : std::next(it);
    }
  }

  size_t open_items() const { return items_.size(); }

  std::map<std::pair<std::string, std::string>, int64_t> OpenByChannelPriority() const {
    std::map<std::pair<std::string, std::string>, int64_t> out;
    for (const auto& [k, n] : open_counts_) {
      out[{interner_.Name(k.first), PriorityName(static_cast<Priority>(k.second))}] = n;
    }
    return out;
  }

  std::optional<int64_t> OldestOpenMs() const {
    std::optional<int64_t> oldest;
    for (const auto& [key, item] : items_) {
      if (!oldest || item.opened_at_ms < *oldest) oldest = item.opened_at_ms;
    }
    return oldest;
  }

  size_t ApproximateMemoryBytes() const {
    size_t bytes = items_.bucket_count() * sizeof(void*) +
                   items_.size() * (sizeof(std::pair<const uint64_t, AlertItem>) + sizeof(void*));
    for (const auto& [key, item] : items_) bytes += item.strings_size();
    bytes += authors_.bucket_count() * sizeof(void*) +
             authors_.size() * (sizeof(std::pair<const uint64_t, uint64_t>) + sizeof(void*));
    bytes += aliases_.bucket_count() * sizeof(void*) +
             aliases_.size() * (sizeof(std::pair<const uint64_t, uint64_t>) + sizeof(void*));
    return bytes;
  }

 private:
  struct ItemRef {
    uint64_t key = 0;
    AlertItem* item = nullptr;
  };

  ItemRef FindByConversation(uint64_t conversation_key) {
    auto it = items_.find(conversation_key);
    if (it == items_.end()) {
      auto alias = aliases_.find(conversation_key);
      if (alias == aliases_.end()) return {};
      it = items_.find(alias->second);
      if (it == items_.end()) return {};
    }
    return {it->first, &it->second};
  }

  ItemRef FindByAuthor(uint64_t author_key, int64_t at) {
    auto a = authors_.find(author_key);
    if (a == authors_.end()) return {};
    auto it = items_.find(a->second);
    if (it == items_.end()) return {};
    if (at - it->second.last_post_ms > policy_.group_window_ms) return {};
    return {it->first, &it->second};
  }

  ItemRef FindById(const std::string& event_id) {
    // Acks are rare; a scan keeps 16 bytes per item out of an index.
    const auto id = ParseUuid(event_id);
    if (!id) return {};
    for (auto& [key, item] : items_) {
      if (item.id == *id) return {key, &item};
    }
    return {};
  }

  int64_t DeadlineAfter(const AlertItem& item, const std::string& brand, int64_t start,
                        int64_t duration) const {
    auto b = policy_.brands.find(brand);
    if (b == policy_.brands.end()) return start + duration;
    const BrandCalendar& cal = b->second;
    const auto kind = static_cast<size_t>(KindOfChannel(interner_.Name(item.channel)));
    if (!cal.applies_to[kind]) return start + duration;
    if (cal.p1_around_the_clock && item.priority == static_cast<uint8_t>(Priority::kP1))
      return start + duration;
    return cal.calendar.AddOpenTime(start, duration);
  }

  int64_t SlaFor(PostClass post_class, const std::string& channel, Priority priority) const {
    auto it = policy_.class_sla.find(post_class);
    const SlaPolicy& sla = it != policy_.class_sla.end() ? it->second : policy_.sla;
    return sla.DueAfterMs(KindOfChannel(channel), priority);
  }

  int64_t StepAt(const AlertItem& item, size_t step) const {
    if (step >= policy_.escalation_steps.size()) return INT64_MAX;
    const auto duration =
        static_cast<int64_t>(static_cast<double>(item.sla_ms) * policy_.escalation_steps[step]);
    return DeadlineAfter(item, interner_.Name(item.brand), item.opened_at_ms, duration);
  }

  // Overdue steps while unanswered and not acknowledged; then expiry.
  int64_t NextFire(const AlertItem& item) const {
    if (!item.acked && item.steps_done < policy_.escalation_steps.size())
      return StepAt(item, item.steps_done);
    const double last = policy_.escalation_steps.empty() ? 1.0 : policy_.escalation_steps.back();
    return std::max(
               item.last_post_ms,
               item.opened_at_ms + static_cast<int64_t>(static_cast<double>(item.sla_ms) * last)) +
           policy_.expire_after_ms;
  }

  void Open(int32_t partition, const Post& post, const Verdict& verdict, int64_t received_at,
            const std::string& conversation, uint64_t conversation_key, uint64_t author_key,
            AlertOutput* out) {
    if (items_.size() >= policy_.max_open_items) EvictOldest(out);
    AlertItem item;
    const std::string event_id = MakeEventId("response_due", post);
    item.id = *ParseUuid(event_id);
    item.partition = partition;
    item.author_key = author_key;
    item.opened_at_ms = received_at;
    item.last_post_ms = received_at;
    item.channel = interner_.Intern(post.channel);
    item.brand = interner_.Intern(post.brand);
    item.post_class = static_cast<uint8_t>(verdict.post_class);
    item.priority = static_cast<uint8_t>(verdict.priority);
    item.sla_ms = verdict.post_class == PostClass::kPraise ? *policy_.praise_due_ms
                  : verdict.sla_ms                         ? *verdict.sla_ms
                                   : SlaFor(verdict.post_class, post.channel, verdict.priority);
    item.SetStrings(conversation, post.id, post.author.handle);
    item.due_at_ms = DeadlineAfter(item, post.brand, received_at, item.sla_ms);
    item.next_fire_ms = NextFire(item);

    out->events.push_back(ResponseDue(event_id, post, verdict, item));
    if (author_key != 0) authors_[author_key] = conversation_key;
    Insert(conversation_key, std::move(item));
    AlertItem& stored = items_.at(conversation_key);
    // An ack that arrived before its item.
    if (auto pending = TakePendingAck(event_id, conversation); pending) {
      Acknowledge(stored, *pending, out);
      return;
    }
    Persist(conversation_key, stored, out);
  }

  AlertEvent ResponseDue(const std::string& event_id, const Post& post, const Verdict& verdict,
                         const AlertItem& item) const {
    AlertEvent event = BaseEvent(AlertEventType::kResponseDue, event_id, item);
    event.text = post.text;
    if (!post.url.empty()) event.link = post.url;
    event.json = EncodeResponseDueEvent(event_id, post, verdict, item, interner_);
    return event;
  }

  void Join(AlertItem& item, const Post& post, const Verdict& verdict, int64_t received_at,
            uint64_t conversation_key, AlertOutput* out) {
    // The post that opened the item, read again after a crash: already
    // counted. Its response_due is sent again, with the same id: the item's
    // changelog record may have been delivered before the crash while the
    // event was not, and the post is read again only because its offset was
    // not committed, which happens only after all its outputs are. Not once
    // the item has moved on (acknowledged, or a step overdue): then the event
    // went out long before.
    if (post.id == item.post_id()) {
      if (!item.acked && item.steps_done == 0) {
        out->events.push_back(ResponseDue(MakeEventId("response_due", post), post, verdict, item));
      }
      return;
    }
    ++item.count;
    item.last_post_ms = std::max(item.last_post_ms, received_at);
    ++out->grouped;
    const uint64_t key = KeyOf(item);
    if (conversation_key != key) AddAlias(key, conversation_key);
    // A more urgent post makes the item more urgent: its deadline can only move earlier.
    const auto priority = static_cast<uint8_t>(verdict.priority);
    if (priority < item.priority && !item.acked) {
      CountOpen(item, -1);
      item.priority = priority;
      CountOpen(item, +1);
      const int64_t sla = verdict.sla_ms ? *verdict.sla_ms
                                         : SlaFor(static_cast<PostClass>(item.post_class),
                                                  post.channel, verdict.priority);
      const int64_t due = DeadlineAfter(item, post.brand, received_at, sla);
      if (due < item.due_at_ms && item.steps_done == 0) {
        // Restart the clock from the urgent post: its deadline is what counts now.
        item.opened_at_ms = received_at;
        item.sla_ms = sla;
        item.due_at_ms = due;
        item.next_fire_ms = NextFire(item);
        next_timer_ = std::min(next_timer_, item.next_fire_ms);
      }
    }
    Persist(key, item, out);
  }

  void OnBrandReply(const Post& reply, int64_t received_at, AlertOutput* out) {
    ItemRef ref;
    if (!reply.conversation_id.empty()) ref = FindByConversation(Hash(reply.conversation_id));
    if (ref.item == nullptr && !reply.in_reply_to.empty())
      ref = FindByConversation(Hash(reply.in_reply_to));
    if (ref.item == nullptr) return;
    AlertItem& item = *ref.item;
    const std::string item_id = FormatUuid(item.id);
    AlertEvent event = BaseEvent(AlertEventType::kResponded,
                                 MakeUuidV5(std::string("responded\x1f") + item_id), item);
    const int64_t first_response = std::max<int64_t>(0, received_at - item.opened_at_ms);
    event.json = EncodeRespondedEvent(event.event_id, item_id, item, reply, received_at,
                                      first_response, interner_);
    out->events.push_back(std::move(event));
    out->first_responses.push_back({interner_.Name(item.channel),
                                    PostClassName(static_cast<PostClass>(item.post_class)),
                                    static_cast<double>(first_response) / 1000.0});
    Close(ref.key, out);
  }

  void Acknowledge(AlertItem& item, const Ack& ack, AlertOutput* out) {
    if (item.acked) return;
    item.acked = true;
    item.next_fire_ms = NextFire(item);
    const std::string item_id = FormatUuid(item.id);
    AlertEvent event = BaseEvent(AlertEventType::kAcknowledged,
                                 MakeUuidV5(std::string("acknowledged\x1f") + item_id), item);
    event.json = EncodeAcknowledgedEvent(event.event_id, item_id, item, ack, interner_);
    out->events.push_back(std::move(event));
    Persist(KeyOf(item), item, out);
  }

  void Fire(std::unordered_map<uint64_t, AlertItem>::iterator it, int64_t at, AlertOutput* out) {
    AlertItem& item = it->second;
    if (!item.acked && item.steps_done < policy_.escalation_steps.size()) {
      const int step = item.steps_done + 1;
      const std::string item_id = FormatUuid(item.id);
      AlertEvent event =
          BaseEvent(AlertEventType::kResponseOverdue, MakeOverdueEventId(item_id, step), item);
      event.overdue_step = step;
      event.json = EncodeOverdueEvent(event.event_id, item_id, item, step,
                                      policy_.escalation_steps[step - 1], at, interner_);
      out->events.push_back(std::move(event));
      ++item.steps_done;
      item.next_fire_ms = NextFire(item);
      Persist(it->first, item, out);
      return;
    }
    // Past its last step (or acknowledged) and past expiry: let it go.
    ++out->expired;
    Close(it->first, out);
  }

  void EvictOldest(AlertOutput* out) {
    auto oldest = items_.end();
    for (auto it = items_.begin(); it != items_.end(); ++it) {
      if (oldest == items_.end() || it->second.opened_at_ms < oldest->second.opened_at_ms)
        oldest = it;
    }
    if (oldest == items_.end()) return;
    ++out->evicted;
    Close(oldest->first, out);
  }

  void Close(uint64_t key, AlertOutput* out) {
    auto it = items_.find(key);
    if (it == items_.end()) return;
    out->changes.push_back(
        StateRecord{it->second.partition, std::string(it->second.conversation()), std::string()});
    Erase(key);
  }

  void Persist(uint64_t key, const AlertItem& item, AlertOutput* out) {
    static const std::vector<uint64_t> kNone;
    auto list = alias_lists_.find(key);
    out->changes.push_back(StateRecord{
        item.partition, std::string(item.conversation()),
        EncodeAlertItem(item, interner_, list == alias_lists_.end() ? kNone : list->second)});
  }

  // Another conversation grouped into the item at `key` (author grouping).
  // Only the newest kMaxAliasesPerItem are kept: an author who posts all
  // day would otherwise grow the item, and its changelog record, with every
  // post (the soak benchmark showed it). A brand reply to any of the newest
  // conversations, or to the item's own, still closes the item.
  void AddAlias(uint64_t key, uint64_t alias) {
    auto& list = alias_lists_[key];
    if (std::find(list.begin(), list.end(), alias) != list.end()) return;
    if (list.size() >= kMaxAliasesPerItem) {
      if (auto old = aliases_.find(list.front()); old != aliases_.end() && old->second == key)
        aliases_.erase(old);
      list.erase(list.begin());
    }
    list.push_back(alias);
    aliases_[alias] = key;
  }

  void Insert(uint64_t key, AlertItem item) {
    CountOpen(item, +1);
    if (item.author_key != 0) authors_[item.author_key] = key;
    next_timer_ = std::min(next_timer_, item.next_fire_ms);
    items_.insert_or_assign(key, std::move(item));
  }

  void Erase(uint64_t key) {
    auto it = items_.find(key);
    if (it == items_.end()) return;
    CountOpen(it->second, -1);
    if (auto a = authors_.find(it->second.author_key); a != authors_.end() && a->second == key)
      authors_.erase(a);
    if (auto list = alias_lists_.find(key); list != alias_lists_.end()) {
      for (uint64_t alias : list->second) aliases_.erase(alias);
      alias_lists_.erase(list);
    }
    items_.erase(it);
  }

  uint64_t KeyOf(const AlertItem& item) const { return Hash(item.conversation()); }

  void CountOpen(const AlertItem& item, int delta) {
    auto& n = open_counts_[{item.channel, item.priority}];
    n += delta;
    if (n == 0) open_counts_.erase({item.channel, item.priority});
  }

  AlertEvent BaseEvent(AlertEventType type, std::string event_id, const AlertItem& item) const {
    AlertEvent event;
    event.type = type;
    event.event_id = std::move(event_id);
    event.key = std::string(item.conversation());
    event.brand = interner_.Name(item.brand);
    event.channel = interner_.Name(item.channel);
    event.post_class = PostClassName(static_cast<PostClass>(item.post_class));
    event.priority = PriorityName(static_cast<Priority>(item.priority));
    event.author = std::string(item.author());
    event.link = item.Link(interner_.Name(item.channel));
    event.due_at_ms = item.due_at_ms;
    event.count = item.count;
    return event;
  }

  void CountForSpike(const Post& post, const Verdict& verdict, int64_t at, AlertOutput* out) {
    std::string topic = "complaint";
    for (const RuleMatch& m : verdict.matches) {
      if (!m.topic.empty()) {
        topic = m.topic;
        break;
      }
    }
    std::vector<std::string> rules;
    rules.reserve(verdict.matches.size());
    for (const RuleMatch& m : verdict.matches) rules.push_back(m.rule_id);
    auto spike = spikes_.Add(post.brand, topic, rules, post.id, at);
    if (!spike) return;
    AlertEvent event;
    event.type = AlertEventType::kComplaintSpike;
    event.event_id = MakeUuidV5("complaint_spike\x1f" + spike->brand + "\x1f" + spike->topic +
                                "\x1f" + std::to_string(spike->window_start_ms));
    event.key = spike->brand;
    event.brand = spike->brand;
    event.post_class = "complaint";
    event.count = spike->count;
    event.text = spike->topic;
    event.json = EncodeSpikeEvent(event.event_id, *spike);
    out->events.push_back(std::move(event));
  }

  void RememberAck(const Ack& ack, AlertOutput* out) {
    while (!pending_acks_.empty() && pending_acks_.front().at_ms + kPendingAckMs < ack.at_ms) {
      pending_acks_.pop_front();
    }
    if (policy_.max_pending_acks == 0) {
      ++out->acks_dropped;
      return;
    }
    while (pending_acks_.size() >= policy_.max_pending_acks) {
      pending_acks_.pop_front();
      ++out->acks_dropped;
    }
    pending_acks_.push_back(ack);
  }

  std::optional<Ack> TakePendingAck(const std::string& event_id, const std::string& conversation) {
    for (auto it = pending_acks_.begin(); it != pending_acks_.end(); ++it) {
      if ((!it->event_id.empty() && it->event_id == event_id) ||
          (!it->conversation_id.empty() && it->conversation_id == conversation)) {
        Ack ack = *it;
        pending_acks_.erase(it);
        return ack;
      }
    }
    return std::nullopt;
  }

  AlertPolicy policy_;
  SpikeDetector spikes_;
  StringInterner interner_;
  std::unordered_map<uint64_t, AlertItem> items_;   // by conversation key
  std::unordered_map<uint64_t, uint64_t> authors_;  // author x brand -> conversation key
  std::unordered_map<uint64_t, uint64_t> aliases_;  // grouped conversation -> item's key
  std::unordered_map<uint64_t, std::vector<uint64_t>> alias_lists_;  // item's key -> aliases
  std::vector<uint64_t> decoded_aliases_;
  std::map<std::pair<uint16_t, uint8_t>, int64_t> open_counts_;
  std::deque<Ack> pending_acks_;
  int64_t next_timer_ = INT64_MAX;
};

AlertEngine::AlertEngine(AlertPolicy policy) : impl_(std::make_unique<Impl>(std::move(policy))) {}
AlertEngine::~AlertEngine() = default;
const AlertPolicy& AlertEngine::policy() const { return impl_->policy(); }
void AlertEngine::OnPost(int32_t partition, const Post& post, const Verdict& verdict,
                         int64_t received_at_ms, AlertOutput* out) {
  impl_->OnPost(partition, post, verdict, received_at_ms, out);
}
void AlertEngine::OnAck(const Ack& ack, AlertOutput* out) { impl_->OnAck(ack, out); }
void AlertEngine::Advance(int64_t now_ms, AlertOutput* out) { impl_->Advance(now_ms, out); }
std::optional<int64_t> AlertEngine::NextTimerMs() const { return impl_->NextTimerMs(); }
Status AlertEngine::RestoreItem(int32_t partition, std::string_view key, std::string_view value) {
  return impl_->RestoreItem(partition, key, value);
}
void AlertEngine::DropPartition(int32_t partition) { impl_->DropPartition(partition); }
size_t AlertEngine::open_items() const { return impl_->open_items(); }
std::map<std::pair<std::string, std::string>, int64_t> AlertEngine::OpenItemsByChannelPriority()
    const {
  return impl_->OpenByChannelPriority();
}
std::optional<int64_t> AlertEngine::OldestOpenMs() const { return impl_->OldestOpenMs(); }
size_t AlertEngine::ApproximateMemoryBytes() const { return impl_->ApproximateMemoryBytes(); }

}  // namespace earshot
