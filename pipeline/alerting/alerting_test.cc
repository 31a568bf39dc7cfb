#include "earshot/alerting.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

namespace earshot {
namespace {

Post APostOn(const std::string& id, const std::string& channel) {
  Post p;
  p.id = id;
  p.channel = channel;
  p.brand = "b";
  p.text = "t";
  p.conversation_id = id;
  return p;
}

TEST(EventId, IsDeterministicPerPostAndType) {
  const Post a = APostOn("x-1", "x");
  EXPECT_EQ(MakeEventId("response_due", a), MakeEventId("response_due", a));
  EXPECT_NE(MakeEventId("response_due", a), MakeEventId("response_overdue", a));
  EXPECT_NE(MakeEventId("response_due", a), MakeEventId("response_due", APostOn("x-2", "x")));
  EXPECT_NE(MakeEventId("response_due", a),
            MakeEventId("response_due", APostOn("x-1", "instagram")));
}

TEST(EventId, IsAVersion5Uuid) {
  const std::string id = MakeEventId("response_due", APostOn("x-1", "x"));
  ASSERT_EQ(id.size(), 36u);
  EXPECT_EQ(id[14], '5');
  EXPECT_TRUE(id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b');
}

TEST(SlaPolicy, DefaultsFollowChannelKindAndPriority) {
  const SlaPolicy policy;
  EXPECT_EQ(policy.DueAfterMs(ChannelKind::kSocial, Priority::kP3), 3600000);
  EXPECT_EQ(policy.DueAfterMs(ChannelKind::kSocial, Priority::kP1), 900000);
  EXPECT_EQ(policy.DueAfterMs(ChannelKind::kReview, Priority::kP1), 86400000);
  EXPECT_EQ(policy.DueAfterMs(ChannelKind::kComplaintSite, Priority::kP2), 86400000);
}

TEST(ResponseDue, DueAtIsReceivedAtPlusTheSla) {
  SlaPolicy policy;
  policy.Set(ChannelKind::kSocial, Priority::kP2, 30 * 60 * 1000);
  Verdict v;
  v.post_class = PostClass::kComplaint;
  v.priority = Priority::kP2;
  const ResponseDue due = MakeResponseDue(APostOn("x-9", "instagram"), v, 1000, policy);
  EXPECT_EQ(due.due_at_ms, 1000 + 30 * 60 * 1000);
  EXPECT_EQ(due.sla_ms, 30 * 60 * 1000);
  v.priority = Priority::kP3;
  EXPECT_EQ(MakeResponseDue(APostOn("gp-1", "google_play"), v, 0, policy).due_at_ms, 86400000);
}

TEST(ResponseDue, JsonCarriesWhoWhatWhereAndWhen) {
  Post p = APostOn("x-1", "x");
  p.author.handle = "ayse";
  p.url = "https://x.com/ayse/status/1";
  Verdict v;
  v.post_class = PostClass::kComplaint;
  v.priority = Priority::kP1;
  v.urgent = {"legal"};
  v.matches = {RuleMatch{"tr.legal", "complaint", "legal"}};
  const ResponseDue due = MakeResponseDue(p, v, 1795425245000, SlaPolicy());
  rapidjson::Document doc;
  doc.Parse(EncodeResponseDueJson(p, v, due).c_str());
  ASSERT_TRUE(doc.IsObject());
  EXPECT_EQ(doc["schema_version"].GetInt(), kEventSchemaVersion);
  EXPECT_STREQ(doc["type"].GetString(), "response_due");
  EXPECT_EQ(doc["event_id"].GetString(), due.event_id);
  EXPECT_STREQ(doc["class"].GetString(), "complaint");
  EXPECT_STREQ(doc["priority"].GetString(), "p1");
  EXPECT_STREQ(doc["received_at"].GetString(), "2026-11-23T09:14:05.000Z");
  EXPECT_STREQ(doc["due_at"].GetString(), "2026-11-23T09:29:05.000Z");
  EXPECT_EQ(doc["sla_seconds"].GetInt(), 900);
  EXPECT_STREQ(doc["urgent"][0].GetString(), "legal");
  EXPECT_STREQ(doc["matched_rules"][0].GetString(), "tr.legal");
  EXPECT_STREQ(doc["post"]["author"]["handle"].GetString(), "ayse");
  EXPECT_STREQ(doc["post"]["url"].GetString(), "https://x.com/ayse/status/1");
}

TEST(ParseDuration, AcceptsUnitsAndRejectsBareNumbers) {
  EXPECT_EQ(*ParseDurationMs("15m"), 900000);
  EXPECT_EQ(*ParseDurationMs("1h30m"), 5400000);
  EXPECT_EQ(*ParseDurationMs("2d"), 172800000);
  EXPECT_EQ(*ParseDurationMs("250ms"), 250);
  EXPECT_FALSE(ParseDurationMs("15").ok());
  EXPECT_FALSE(ParseDurationMs("").ok());
  EXPECT_FALSE(ParseDurationMs("1x").ok());
}

// Found by the config fuzzer: many large parts summed past int64.
TEST(ParseDuration, RefusesDurationsBeyondTenYearsInsteadOfOverflowing) {
  std::string many;
  for (int i = 0; i < 40; ++i) many += "1000000000d";
  EXPECT_FALSE(ParseDurationMs(many).ok());
  EXPECT_FALSE(ParseDurationMs("99999999999999999999d").ok());
  EXPECT_FALSE(ParseDurationMs("3700d").ok());  // just over ten years
  EXPECT_TRUE(ParseDurationMs("3650d").ok());
}

}  // namespace
}  // namespace earshot
