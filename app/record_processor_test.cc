#include "app/record_processor.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "pipeline/sentiment/sentiment_scorer.h"
#include "tests/support/test_rules.h"

namespace earshot {
namespace {

class RecordProcessorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rules = testing::RulesFromYaml(R"(rules:
  - id: tr.delivery
    category: complaint
    priority: p2
    match: {any: ["gelmedi"]}
)");
    ASSERT_NE(rules, nullptr);
    auto lexicons = std::make_shared<Lexicons>();
    lexicons->tr.Add("gelmedi", -2.0);
    classifier_ =
        std::make_shared<Classifier>(rules, lexicons, ClassifierOptions{}, BrandAccounts{});
  }

  ProcessedRecord Process(const std::string& value) {
    const RecordProcessor processor(classifier_, config_, clock_);
    InputRecord input;
    input.topic = "posts";
    input.partition = 2;
    input.offset = 77;
    input.timestamp_ms = 1795425245000;
    input.key = "k";
    input.value = value;
    return processor.Process(input);
  }

  Config config_;
  ManualClock clock_{0};
  std::shared_ptr<const Classifier> classifier_;
};

TEST_F(RecordProcessorTest, ComplaintYieldsAClassifiedPostKeyedByConversationForTheAlertingStage) {
  const ProcessedRecord r = Process(R"({"id":"x-1","channel":"x","brand":"b","author":{"id":"u"},
    "text":"kargo gelmedi","created_at":"2026-11-23T09:00:00Z","conversation_id":"c-1"})");
  ASSERT_EQ(r.outputs.size(), 1u);
  EXPECT_EQ(r.outputs[0].topic, "posts.classified");
  EXPECT_EQ(r.outputs[0].key, "c-1") << "the repartition key of the alerting stage";
  auto back = DecodeClassifiedJson(r.outputs[0].value);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->verdict.post_class, PostClass::kComplaint);
  EXPECT_EQ(back->post.conversation_id, "c-1");
  // Both sentiment figures travel to the alerting stage.
  ASSERT_TRUE(r.verdict.has_value());
  EXPECT_DOUBLE_EQ(back->verdict.sentiment, r.verdict->sentiment);
  EXPECT_DOUBLE_EQ(back->verdict.sentiment_strength, r.verdict->sentiment_strength);
  EXPECT_LT(back->verdict.sentiment_strength, 0);
  // So does the language guess, with its confidence.
  EXPECT_EQ(back->verdict.lang, "tr");
  EXPECT_TRUE(back->verdict.lang_detected);
  EXPECT_DOUBLE_EQ(back->verdict.lang_confidence, r.verdict->lang_confidence);
  // received_at is the record's timestamp, so a replay gives the same deadline.
  EXPECT_EQ(back->received_at_ms, 1795425245000);
}

TEST_F(RecordProcessorTest, NeutralPostYieldsOnlyTheClassifiedPost) {
  const ProcessedRecord r = Process(R"({"id":"x-3","channel":"x","brand":"b","author":{"id":"u"},
    "text":"bugün hava bulutlu","created_at":"2026-11-23T09:00:00Z"})");
  ASSERT_EQ(r.outputs.size(), 1u);
  EXPECT_EQ(r.outputs[0].topic, "posts.classified");
  ASSERT_TRUE(r.verdict.has_value());
  EXPECT_EQ(r.verdict->post_class, PostClass::kNeutral);
}

TEST_F(RecordProcessorTest, BadRecordGoesToTheDeadLetterTopicUnchangedWithItsReason) {
  const std::string bad = "{\"id\": broken";
  const ProcessedRecord r = Process(bad);
  ASSERT_EQ(r.outputs.size(), 1u);
  const OutRecord& dead = r.outputs[0];
  EXPECT_EQ(dead.topic, "posts.dlq");
  EXPECT_EQ(dead.value, bad);
  EXPECT_EQ(dead.key, "k");
  auto header = [&](const std::string& name) {
    for (const auto& [k, v] : dead.headers) {
      if (k == name) return v;
    }
    return std::string("<absent>");
  };
  EXPECT_EQ(header("earshot.error"), "json_syntax");
  EXPECT_NE(header("earshot.error.detail"), "<absent>");
  EXPECT_EQ(header("earshot.source.topic"), "posts");
  EXPECT_EQ(header("earshot.source.partition"), "2");
  EXPECT_EQ(header("earshot.source.offset"), "77");
  EXPECT_EQ(r.dead_letter_reason, "json_syntax");
  EXPECT_FALSE(r.post.has_value());
}

// Found by the alert_json fuzzer: sla_override_seconds x 1000 overflowed.
TEST_F(RecordProcessorTest, ClassifiedRecordWithAHugeSlaOverrideIsInvalidNotOverflowed) {
  const ProcessedRecord r = Process(R"({"id":"x-9","channel":"x","brand":"b","author":{"id":"u"},
    "text":"kargo gelmedi","created_at":"2026-11-23T09:00:00Z"})");
  ASSERT_EQ(r.outputs.size(), 1u);
  rapidjson::Document doc;
  doc.Parse(r.outputs[0].value.c_str());
  ASSERT_TRUE(doc.IsObject());
  const auto with_override = [&doc](int64_t seconds) {
    doc.RemoveMember("sla_override_seconds");
    doc.AddMember("sla_override_seconds", seconds, doc.GetAllocator());
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    doc.Accept(writer);
    return DecodeClassifiedJson(buffer.GetString());
  };
  auto huge = with_override(9999999999999900);
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.status().code(), "invalid_value");
  auto hour = with_override(3600);
  ASSERT_TRUE(hour.ok()) << hour.status().ToString();
  EXPECT_EQ(hour->verdict.sla_ms, 3600000);
}

}  // namespace
}  // namespace earshot
