#include "earshot/alert_engine.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <set>

#include "pipeline/decode/iso8601.h"

namespace earshot {
namespace {

constexpr int64_t kMinute = 60 * 1000;
constexpr int64_t kHour = 60 * kMinute;
// Monday 2026-11-23 10:00:00 UTC.
const int64_t kMonday10 = *ParseIso8601Ms("2026-11-23T10:00:00Z");

Post APost(const std::string& id, const std::string& author = "ayse",
           const std::string& channel = "x") {
  Post p;
  p.id = id;
  p.channel = channel;
  p.brand = "acme";
  p.author.id = "u-" + author;
  p.author.handle = author;
  p.text = "kargom gelmedi";
  p.conversation_id = id;
  return p;
}

Verdict AVerdict(PostClass c = PostClass::kComplaint, Priority p = Priority::kP3) {
  Verdict v;
  v.post_class = c;
  v.priority = p;
  return v;
}

Post BrandReply(const std::string& id, const std::string& conversation) {
  Post p = APost(id, "acme_destek");
  p.conversation_id = conversation;
  p.in_reply_to = conversation;
  return p;
}

std::vector<AlertEvent> AdvanceTo(AlertEngine& engine, int64_t until, AlertOutput& out) {
  engine.Advance(until, &out);
  std::vector<AlertEvent> events = std::move(out.events);
  out.events.clear();
  return events;
}

int CountType(const std::vector<AlertEvent>& events, AlertEventType type) {
  int n = 0;
  for (const AlertEvent& e : events) n += e.type == type ? 1 : 0;
  return n;
}

TEST(AlertEngine, ComplaintOpensAnItemWithItsDeadline) {
  AlertEngine engine{AlertPolicy{}};
  AlertOutput out;
  engine.OnPost(0, APost("x-1"), AVerdict(), kMonday10, &out);
  ASSERT_EQ(out.events.size(), 1u);
  EXPECT_EQ(out.events[0].type, AlertEventType::kResponseDue);
  EXPECT_EQ(out.events[0].due_at_ms, kMonday10 + kHour);
  EXPECT_EQ(out.events[0].event_id, MakeEventId("response_due", APost("x-1")));
  EXPECT_EQ(engine.open_items(), 1u);
  ASSERT_EQ(out.changes.size(), 1u);
  EXPECT_EQ(out.changes[0].key, "x-1");
  EXPECT_FALSE(out.changes[0].value.empty());
}

TEST(AlertEngine, PraiseAndNeutralOpenNothingByDefault) {
  AlertEngine engine{AlertPolicy{}};
  AlertOutput out;
  engine.OnPost(0, APost("x-1"), AVerdict(PostClass::kPraise), kMonday10, &out);
  engine.OnPost(0, APost("x-2"), AVerdict(PostClass::kNeutral), kMonday10, &out);
  EXPECT_TRUE(out.events.empty());
  EXPECT_EQ(engine.open_items(), 0u);
}

TEST(AlertEngine, PraiseOpensAnItemWhenTheOptionIsOn) {
  AlertPolicy policy;
  policy.praise_due_ms = 4 * kHour;
  AlertEngine engine{policy};
  AlertOutput out;
  engine.OnPost(0, APost("x-1"), AVerdict(PostClass::kPraise), kMonday10, &out);
  ASSERT_EQ(out.events.size(), 1u);
  EXPECT_EQ(out.events[0].due_at_ms, kMonday10 + 4 * kHour);
}

TEST(AlertEngine, ReplyBeforeTheDeadlineClosesWithoutOverdue) {
  AlertEngine engine{AlertPolicy{}};
  AlertOutput out;
  engine.OnPost(0, APost("x-1"), AVerdict(), kMonday10, &out);
  out.Clear();
  engine.Advance(kMonday10 + 30 * kMinute, &out);
  engine.OnPost(0, BrandReply("x-2", "x-1"), AVerdict(PostClass::kBrandReply),
                kMonday10 + 30 * kMinute, &out);
  ASSERT_EQ(out.events.size(), 1u);
  EXPECT_EQ(out.events[0].type, AlertEventType::kResponded);
  ASSERT_EQ(out.first_responses.size(), 1u);
  EXPECT_DOUBLE_EQ(out.first_responses[0].seconds, 1800.0);
  ASSERT_EQ(out.changes.size(), 1u);
  EXPECT_TRUE(out.changes[0].value.empty()) << "a closed item leaves a tombstone";
  out.Clear();
  EXPECT_EQ(
      CountType(AdvanceTo(engine, kMonday10 + 10 * kHour, out), AlertEventType::kResponseOverdue),
      0);
  EXPECT_EQ(engine.open_items(), 0u);
}

TEST(AlertEngine, UnansweredItemEscalatesAtOneTwoAndFourTimesExactlyOnce) {
  AlertEngine engine{AlertPolicy{}};
  AlertOutput out;
  engine.OnPost(0, APost("x-1"), AVerdict(), kMonday10, &out);
  out.Clear();
  std::vector<AlertEvent> overdue;
  // Tick every minute for six hours, as the pipeline does continuously.
  for (int64_t t = kMonday10; t <= kMonday10 + 6 * kHour; t += kMinute) {
    for (AlertEvent& e : AdvanceTo(engine, t, out)) overdue.push_back(std::move(e));
  }
  ASSERT_EQ(overdue.size(), 3u);
  std::set<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(overdue[i].type, AlertEventType::kResponseOverdue);
    EXPECT_EQ(overdue[i].overdue_step, i + 1);
    ids.insert(overdue[i].event_id);
  }
  EXPECT_EQ(ids.size(), 3u);
}

TEST(AlertEngine, AckStopsTheStepsButKeepsTheItemOpenForTheReply) {
  AlertEngine engine{AlertPolicy{}};
  AlertOutput out;
  engine.OnPost(0, APost("x-1"), AVerdict(), kMonday10, &out);
  const std::string item_id = out.events[0].event_id;
  out.Clear();
  EXPECT_EQ(AdvanceTo(engine, kMonday10 + 61 * kMinute, out).size(), 1u);  // step 1
  Ack ack;
  ack.event_id = item_id;
  ack.by = "deniz";
  ack.at_ms = kMonday10 + 70 * kMinute;
  engine.OnAck(ack, &out);
  ASSERT_EQ(out.events.size(), 1u);
  EXPECT_EQ(out.events[0].type, AlertEventType::kAcknowledged);
  out.Clear();
  EXPECT_TRUE(AdvanceTo(engine, kMonday10 + 10 * kHour, out).empty());
  EXPECT_EQ(engine.open_items(), 1u);
  engine.OnPost(0, BrandReply("x-9", "x-1"), AVerdict(PostClass::kBrandReply),
                kMonday10 + 11 * kHour, &out);
  EXPECT_EQ(CountType(out.events, AlertEventType::kResponded), 1);
}

TEST(AlertEngine, AckBeforeItsItemIsAppliedWhenTheItemArrives) {
  AlertEngine engine{AlertPolicy{}};
  AlertOutput out;
  Ack ack;
  ack.conversation_id = "x-1";
  ack.by = "deniz";
  engine.OnAck(ack, &out);
  EXPECT_TRUE(out.events.empty());
  engine.OnPost(0, APost("x-1"), AVerdict(), kMonday10, &out);
  EXPECT_EQ(CountType(out.events, AlertEventType::kAcknowledged), 1);
  out.Clear();
  EXPECT_TRUE(AdvanceTo(engine, kMonday10 + 10 * kHour, out).empty());
}

TEST(AlertEngine, SameConversationGroupsIntoOneItem) {
  AlertEngine engine{AlertPolicy{}};
  AlertOutput out;
  engine.OnPost(0, APost("x-1", "ayse"), AVerdict(), kMonday10, &out);
  Post second = APost("x-2", "mehmet");
  second.conversation_id = "x-1";
  engine.OnPost(0, second, AVerdict(), kMonday10 + kMinute, &out);
  EXPECT_EQ(CountType(out.events, AlertEventType::kResponseDue), 1);
  EXPECT_EQ(engine.open_items(), 1u);
  EXPECT_EQ(out.grouped, 1);
  out.Clear();
  const auto overdue = AdvanceTo(engine, kMonday10 + 61 * kMinute, out);
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].count, 2);
}

TEST(AlertEngine, SameAuthorAndBrandWithinTheWindowGroupsAcrossConversations) {
  AlertEngine engine{AlertPolicy{}};
  AlertOutput out;
  engine.OnPost(0, APost("x-1", "ayse"), AVerdict(), kMonday10, &out);
  engine.OnPost(0, APost("x-2", "ayse"), AVerdict(), kMonday10 + 10 * kMinute, &out);
  engine.OnPost(0, APost("x-3", "ayse"), AVerdict(), kMonday10 + 20 * kMinute, &out);
  EXPECT_EQ(CountType(out.events, AlertEventType::kResponseDue), 1);
  EXPECT_EQ(engine.open_items(), 1u);
  // A reply in one of the grouped conversations answers the item.
  out.Clear();
  engine.OnPost(0, BrandReply("x-9", "x-3"), AVerdict(PostClass::kBrandReply),
                kMonday10 + 30 * kMinute, &out);
  EXPECT_EQ(CountType(out.events, AlertEventType::kResponded), 1);
  EXPECT_EQ(engine.open_items(), 0u);
}

TEST(AlertEngine, SameAuthorAfterTheWindowOpensANewItem) {
  AlertEngine engine{AlertPolicy{}};
  AlertOutput out;
  engine.OnPost(0, APost("x-1", "ayse"), AVerdict(), kMonday10, &out);
  engine.OnPost(0, APost("x-2", "ayse"), AVerdict(), kMonday10 + 2 * kHour, &out);
  EXPECT_EQ(CountType(out.events, AlertEventType::kResponseDue), 2);
}

TEST(AlertEngine, MoreUrgentPostInTheItemBringsTheDeadlineForward) {
  AlertEngine engine{AlertPolicy{}};
  AlertOutput out;
  engine.OnPost(0, APost("x-1"), AVerdict(), kMonday10, &out);
  Post urgent = APost("x-2");
  urgent.conversation_id = "x-1";
  engine.OnPost(0, urgent, AVerdict(PostClass::kComplaint, Priority::kP1), kMonday10 + kMinute,
                &out);
  out.Clear();
  const auto overdue = AdvanceTo(engine, kMonday10 + 17 * kMinute, out);
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].priority, "p1");
}

TEST(AlertEngine, BusinessHoursMoveAReviewDeadlinePastTheWeekendAndAHoliday) {
  AlertPolicy policy;
  BrandCalendar cal;
  auto hours = ParseWeeklyHours("mon-fri 09:00-18:00");
  ASSERT_TRUE(hours.ok());
  auto calendar = BusinessCalendar::Make("Europe/Istanbul", *hours, {"2026-11-30"});
  ASSERT_TRUE(calendar.ok()) << calendar.status().ToString();
  cal.calendar = *calendar;
  policy.brands["acme"] = cal;
  policy.sla.Set(ChannelKind::kReview, std::nullopt, 4 * kHour);
  AlertEngine engine{policy};
  AlertOutput out;
  // Friday 2026-11-27 17:00 Istanbul (14:00 UTC): 1 h left on Friday; Monday
  // 2026-11-30 is a holiday, so the other 3 h run on Tuesday 09:00-12:00.
  const int64_t friday = *ParseIso8601Ms("2026-11-27T14:00:00Z");
  engine.OnPost(0, APost("gp-1", "ayse", "google_play"), AVerdict(), friday, &out);
  ASSERT_EQ(out.events.size(), 1u);
  EXPECT_EQ(FormatIso8601Ms(out.events[0].due_at_ms), "2026-12-01T09:00:00.000Z");
  // Social posts of the same brand run around the clock.
  out.Clear();
  engine.OnPost(0, APost("x-1", "mehmet"), AVerdict(), friday, &out);
  EXPECT_EQ(out.events[0].due_at_ms, friday + kHour);
}

TEST(AlertEngine, RestoredStateResumesAtTheNextStepOnAnotherEngine) {
  AlertEngine first{AlertPolicy{}};
  AlertOutput out;
  first.OnPost(3, APost("x-1"), AVerdict(), kMonday10, &out);
  first.Advance(kMonday10 + 61 * kMinute, &out);  // step 1 fires
  ASSERT_EQ(CountType(out.events, AlertEventType::kResponseOverdue), 1);
  // The changelog, compacted: last value per key.
  std::map<std::string, StateRecord> changelog;
  for (const StateRecord& r : out.changes) changelog[r.key] = r;
  ASSERT_EQ(changelog.size(), 1u);
  EXPECT_EQ(changelog["x-1"].partition, 3);

  AlertEngine second{AlertPolicy{}};
  for (const auto& [key, r] : changelog) ASSERT_TRUE(second.RestoreItem(3, key, r.value).ok());
  EXPECT_EQ(second.open_items(), 1u);
  AlertOutput later;
  second.Advance(kMonday10 + 5 * kHour, &later);
  ASSERT_EQ(CountType(later.events, AlertEventType::kResponseOverdue), 2);
  EXPECT_EQ(later.events[0].overdue_step, 2);
  EXPECT_EQ(later.events[1].overdue_step, 3);
  // The same steps fired on the first engine carry the same ids.
  AlertOutput again;
  first.Advance(kMonday10 + 5 * kHour, &again);
  ASSERT_EQ(again.events.size(), 2u);
  EXPECT_EQ(again.events[0].event_id, later.events[0].event_id);
}

TEST(AlertEngine, TheOpeningPostReadAgainAfterARestoreSendsItsResponseDueAgainWithTheSameId) {
  // A crash may deliver an item's changelog record and lose its event; the
  // post is then read again, as its offset was never committed.
  AlertEngine first{AlertPolicy{}};
  AlertOutput out;
  first.OnPost(3, APost("x-1"), AVerdict(), kMonday10, &out);
  ASSERT_EQ(CountType(out.events, AlertEventType::kResponseDue), 1);
  const std::string id = out.events[0].event_id;
  std::map<std::string, StateRecord> changelog;
  for (const StateRecord& r : out.changes) changelog[r.key] = r;

  AlertEngine second{AlertPolicy{}};
  for (const auto& [key, r] : changelog) ASSERT_TRUE(second.RestoreItem(3, key, r.value).ok());
  AlertOutput again;
  second.OnPost(3, APost("x-1"), AVerdict(), kMonday10 + kMinute, &again);
  ASSERT_EQ(CountType(again.events, AlertEventType::kResponseDue), 1);
  EXPECT_EQ(again.events[0].event_id, id);
  EXPECT_EQ(second.open_items(), 1u);  // the same item, not a second one

  // Once a step is overdue the event went out long ago: nothing again.
  AlertOutput later;
  second.Advance(kMonday10 + 61 * kMinute, &later);
  ASSERT_EQ(CountType(later.events, AlertEventType::kResponseOverdue), 1);
  AlertOutput after_step;
  second.OnPost(3, APost("x-1"), AVerdict(), kMonday10 + 62 * kMinute, &after_step);
  EXPECT_EQ(CountType(after_step.events, AlertEventType::kResponseDue), 0);
}

TEST(AlertEngine, RestoreRefusesGarbageAndTombstonesDelete) {
  AlertEngine engine{AlertPolicy{}};
  EXPECT_FALSE(engine.RestoreItem(0, "k", "{not json").ok());
  EXPECT_FALSE(engine.RestoreItem(0, "k", R"({"v":1})").ok());
  AlertOutput out;
  engine.OnPost(0, APost("x-1"), AVerdict(), kMonday10, &out);
  ASSERT_TRUE(engine.RestoreItem(0, "x-1", "").ok());
  EXPECT_EQ(engine.open_items(), 0u);
}

TEST(AlertEngine, DropPartitionForgetsOnlyItsItems) {
  AlertEngine engine{AlertPolicy{}};
  AlertOutput out;
  engine.OnPost(0, APost("x-1", "a"), AVerdict(), kMonday10, &out);
  engine.OnPost(1, APost("x-2", "b"), AVerdict(), kMonday10, &out);
  engine.DropPartition(0);
  EXPECT_EQ(engine.open_items(), 1u);
}

TEST(AlertEngine, UnansweredItemsExpireSoStateIsBounded) {
  AlertPolicy policy;
  policy.expire_after_ms = 24 * kHour;
  AlertEngine engine{policy};
  AlertOutput out;
  engine.OnPost(0, APost("x-1"), AVerdict(), kMonday10, &out);
  engine.Advance(kMonday10 + 4 * kHour + 24 * kHour + 1, &out);
  EXPECT_EQ(engine.open_items(), 0u);
  EXPECT_EQ(out.expired, 1);
}

TEST(AlertEngine, MaxOpenItemsEvictsTheOldest) {
  AlertPolicy policy;
  policy.max_open_items = 2;
  AlertEngine engine{policy};
  AlertOutput out;
  for (int i = 0; i < 3; ++i)
    engine.OnPost(0, APost("x-" + std::to_string(i), "a" + std::to_string(i)), AVerdict(),
                  kMonday10 + i, &out);
  EXPECT_EQ(engine.open_items(), 2u);
  EXPECT_EQ(out.evicted, 1);
}

TEST(AlertEngine, PendingAcksAreBoundedDroppingTheOldest) {
  AlertPolicy policy;
  policy.max_pending_acks = 2;
  AlertEngine engine{policy};
  AlertOutput out;
  for (const char* conversation : {"x-1", "x-2", "x-3"}) {
    Ack ack;
    ack.conversation_id = conversation;
    ack.by = "deniz";
    engine.OnAck(ack, &out);
  }
  EXPECT_EQ(out.acks_dropped, 1);
  out.Clear();
  // x-1's ack was the oldest and was dropped: its item opens unacknowledged;
  // x-3's ack was kept and applies.
  engine.OnPost(0, APost("x-1", "a1"), AVerdict(), kMonday10, &out);
  EXPECT_EQ(CountType(out.events, AlertEventType::kAcknowledged), 0);
  engine.OnPost(0, APost("x-3", "a3"), AVerdict(), kMonday10, &out);
  EXPECT_EQ(CountType(out.events, AlertEventType::kAcknowledged), 1);
}

TEST(AlertEngine, SpikeFiresOnceThenCoolsDown) {
  AlertPolicy policy;
  policy.group_window_ms = 0;
  policy.spikes.min_count = 5;
  policy.spikes.ratio = 3;
  policy.spikes.cooldown_ms = 30 * kMinute;
  AlertEngine engine{policy};
  AlertOutput out;
  // A quiet hour: one complaint every 10 minutes.
  int n = 0;
  for (int64_t t = kMonday10 - kHour; t < kMonday10; t += 10 * kMinute, ++n)
    engine.OnPost(0, APost("q-" + std::to_string(n), "u" + std::to_string(n)), AVerdict(), t, &out);
  EXPECT_EQ(CountType(out.events, AlertEventType::kComplaintSpike), 0);
  // Then twelve in two minutes, and twelve more ten minutes later.
  for (int i = 0; i < 12; ++i)
    engine.OnPost(0, APost("s-" + std::to_string(i), "s" + std::to_string(i)), AVerdict(),
                  kMonday10 + i * 10000, &out);
  EXPECT_EQ(CountType(out.events, AlertEventType::kComplaintSpike), 1);
  for (int i = 0; i < 12; ++i)
    engine.OnPost(0, APost("t-" + std::to_string(i), "t" + std::to_string(i)), AVerdict(),
                  kMonday10 + 10 * kMinute + i * 10000, &out);
  EXPECT_EQ(CountType(out.events, AlertEventType::kComplaintSpike), 1) << "cooldown";
  for (const AlertEvent& e : out.events) {
    if (e.type != AlertEventType::kComplaintSpike) continue;
    rapidjson::Document doc;
    doc.Parse(e.json.c_str());
    ASSERT_FALSE(doc.HasParseError());
    EXPECT_EQ(doc["sample_post_ids"].Size(), 5u);
    EXPECT_GE(doc["count"].GetInt(), 5);
  }
}

TEST(AlertEngine, EventsAreValidJsonWithTheirType) {
  AlertEngine engine{AlertPolicy{}};
  AlertOutput out;
  engine.OnPost(0, APost("x-1"), AVerdict(), kMonday10, &out);
  engine.Advance(kMonday10 + kHour, &out);
  engine.OnPost(0, BrandReply("x-2", "x-1"), AVerdict(PostClass::kBrandReply),
                kMonday10 + 2 * kHour, &out);
  ASSERT_EQ(out.events.size(), 3u);
  for (const AlertEvent& e : out.events) {
    rapidjson::Document doc;
    doc.Parse(e.json.c_str());
    ASSERT_FALSE(doc.HasParseError()) << e.json;
    EXPECT_STREQ(doc["type"].GetString(), AlertEventTypeName(e.type));
    EXPECT_EQ(doc["event_id"].GetString(), e.event_id);
  }
}

TEST(AlertEngine, TheOpeningPostReadAgainAfterACrashIsNotCountedTwice) {
  AlertEngine engine{AlertPolicy{}};
  AlertOutput out;
  engine.OnPost(0, APost("x-1"), AVerdict(), kMonday10, &out);
  const std::string id = out.events.at(0).event_id;
  out.Clear();
  engine.OnPost(0, APost("x-1"), AVerdict(), kMonday10, &out);
  // Its response_due again, with the same id (in case the first was lost),
  // but nothing counted: no second post in the item.
  ASSERT_EQ(out.events.size(), 1u);
  EXPECT_EQ(out.events[0].type, AlertEventType::kResponseDue);
  EXPECT_EQ(out.events[0].event_id, id);
  EXPECT_EQ(out.grouped, 0);
  out.Clear();
  engine.Advance(kMonday10 + kHour, &out);
  ASSERT_EQ(out.events.size(), 1u);
  EXPECT_EQ(out.events[0].count, 1);
}

TEST(AlertEngine, LinksAreDerivedOnlyForXStatusIds) {
  AlertEngine engine{AlertPolicy{}};
  AlertOutput out;
  engine.OnPost(0, APost("1862504307845342555", "tom"), AVerdict(), kMonday10, &out);
  engine.OnPost(0, APost("x-5", "ann"), AVerdict(), kMonday10, &out);
  engine.Advance(kMonday10 + kHour, &out);
  std::map<std::string, std::string> links;
  for (const AlertEvent& e : out.events)
    if (e.type == AlertEventType::kResponseOverdue) links[e.key] = e.link;
  EXPECT_EQ(links["1862504307845342555"], "https://x.com/tom/status/1862504307845342555");
  EXPECT_EQ(links["x-5"], "");
}

TEST(AckJson, RoundTripsAndRefusesIncompleteAcks) {
  Ack ack;
  ack.event_id = "e";
  ack.by = "deniz";
  ack.note = "on it \"now\"";
  ack.at_ms = kMonday10;
  auto back = DecodeAckJson(EncodeAckJson(ack));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->note, ack.note);
  EXPECT_EQ(back->at_ms, kMonday10);
  EXPECT_FALSE(DecodeAckJson(R"({"by":"x"})").ok());
  EXPECT_FALSE(DecodeAckJson(R"({"event_id":"e"})").ok());
  EXPECT_FALSE(DecodeAckJson("[]").ok());
}

// Found by the restore_item fuzzer: deadline arithmetic on restored values
// (sla x step, opened_at + expiry) overflowed int64.
TEST(AlertEngine, RestoreRefusesItemsWhoseTimesWouldOverflowTheDeadlineArithmetic) {
  AlertEngine engine{AlertPolicy{}};
  const std::string item =
      R"({"v":1,"item_id":"11111111-2222-5333-8444-555555555555","conversation_id":"c-1",)"
      R"("post_id":"c-2","author":"","author_key":0,"channel":"x","brand":"t","class":"complaint",)"
      R"("priority":4,"last_post_at":0,"due_at":86400000,"count":1,"steps_done":0,"acked":false,)"
      R"("aliases":[],)";
  EXPECT_FALSE(
      engine.RestoreItem(0, "c-1", item + R"("opened_at":0,"sla_ms":9000000000000000000})").ok());
  EXPECT_FALSE(
      engine.RestoreItem(0, "c-1", item + R"("opened_at":9000000000000000000,"sla_ms":1})").ok());
  EXPECT_EQ(engine.open_items(), 0u);
  // The same item with sane times is restored, and its timers still work.
  ASSERT_TRUE(engine.RestoreItem(0, "c-1", item + R"("opened_at":0,"sla_ms":3600000})").ok());
  EXPECT_EQ(engine.open_items(), 1u);
  AlertOutput out;
  engine.Advance(kMonday10, &out);  // far past every step: no overflow, steps fire
  EXPECT_GT(CountType(out.events, AlertEventType::kResponseOverdue), 0);
}

// Found by the soak benchmark: every post an author grouped into their open
// item stayed as an alias, so a prolific author grew memory (and the
// item's changelog record) with every post.
TEST(AlertEngine, AnAuthorsGroupedConversationsAreBoundedToTheNewest) {
  AlertEngine engine{AlertPolicy{}};
  AlertOutput out;
  for (int i = 0; i < 500; ++i)
    engine.OnPost(0, APost("x-" + std::to_string(i), "ayse"), AVerdict(), kMonday10 + i, &out);
  EXPECT_EQ(engine.open_items(), 1u);
  // The last changelog record of the item lists the 8 newest aliases.
  ASSERT_FALSE(out.changes.empty());
  const std::string& last = out.changes.back().value;
  const size_t begin = last.find("\"aliases\":[");
  ASSERT_NE(begin, std::string::npos) << last;
  const std::string list = last.substr(begin, last.find(']', begin) - begin);
  EXPECT_EQ(std::count(list.begin(), list.end(), ','), 7) << list;
  // A brand reply to one of the newest conversations still closes it.
  out.Clear();
  engine.OnPost(0, BrandReply("r-1", "x-499"), AVerdict(PostClass::kBrandReply), kMonday10 + 1000,
                &out);
  EXPECT_EQ(CountType(out.events, AlertEventType::kResponded), 1);
  EXPECT_EQ(engine.open_items(), 0u);
}

}  // namespace
}  // namespace earshot
