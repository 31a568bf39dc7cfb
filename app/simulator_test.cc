// Simulation tests: the alerting stage driven through the real decode and
// classify stages on a simulated clock (no sleeping, no broker).
#include "app/simulator.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "app/record_processor.h"
#include "pipeline/decode/iso8601.h"

namespace earshot {
namespace {

const char* kConfig = R"(
brands:
  acme:
    accounts: [AcmeDestek]
    timezone: Europe/Istanbul
    hours: "mon-fri 09:00-18:00"
    holidays: ["2026-11-30"]
alerting:
  spikes: {window: 5m, baseline_windows: 12, min_count: 8, ratio: 3, cooldown: 30m}
)";

std::string Post(const std::string& id, const std::string& at, const std::string& text,
                 const std::string& author = "ayse", const std::string& channel = "x",
                 const std::string& conversation = "") {
  return R"({"id":")" + id + R"(","channel":")" + channel +
         R"(","brand":"acme","author":{"id":"u-)" + author + R"(","handle":")" + author +
         R"("},"text":")" + text + R"(","created_at":")" + at + R"(","conversation_id":")" +
         (conversation.empty() ? id : conversation) + R"("})";
}

std::string Reply(const std::string& id, const std::string& at, const std::string& conversation) {
  return R"({"id":")" + id +
         R"(","channel":"x","brand":"acme","author":{"id":"b","handle":"AcmeDestek"},"text":"Merhaba, DM'den yazar misiniz?","created_at":")" +
         at + R"(","conversation_id":")" + conversation + R"(","in_reply_to":")" + conversation +
         R"("})";
}

const char* kComplaint = "kargom 5 gundur gelmedi, rezalet!";

class Simulation : public ::testing::Test {
 protected:
  void SetUp() override {
    auto config = LoadConfigText(kConfig, "test.yaml", ".");
    ASSERT_TRUE(config.ok()) << config.status().ToString();
    config_ = *config;
    // The shipped rules load once a process (tests/CMakeLists.txt runs the
    // suite in one): the classifier holds no state between posts.
    static const auto* const shared = new auto(BuildClassifier(config_));
    ASSERT_TRUE(shared->ok()) << shared->status().ToString();
    classifier_ = **shared;
  }

  SimulationResult Run(const std::vector<std::string>& lines,
                       std::optional<std::string> until = std::nullopt) {
    std::stringstream in;
    for (const std::string& l : lines) in << l << "\n";
    std::optional<int64_t> until_ms;
    if (until) until_ms = ParseIso8601Ms(*until);
    SimulationResult r = Simulate(in, config_, *classifier_, until_ms);
    EXPECT_TRUE(r.errors.empty()) << r.errors.front();
    return r;
  }

  static std::vector<std::string> Lines(const SimulationResult& r) {
    std::vector<std::string> out;
    for (const TimelineEntry& e : r.timeline) {
      std::string line = FormatIso8601Ms(e.at_ms) + " " + AlertEventTypeName(e.event.type);
      if (e.event.overdue_step > 0) line += " " + std::to_string(e.event.overdue_step);
      out.push_back(line);
    }
    return out;
  }

  Config config_;
  std::shared_ptr<const Classifier> classifier_;
};

TEST_F(Simulation, ReplyBeforeTheDeadlineMeansNoOverdue) {
  const auto r = Run({Post("x-1", "2026-11-23T10:00:00Z", kComplaint),
                      Reply("x-2", "2026-11-23T10:40:00Z", "x-1")});
  EXPECT_EQ(Lines(r), (std::vector<std::string>{"2026-11-23T10:00:00.000Z response_due",
                                                "2026-11-23T10:40:00.000Z responded"}));
  EXPECT_EQ(r.open_items_at_end, 0u);
}

TEST_F(Simulation, NoReplyEscalatesAtEachStepExactlyOnce) {
  const auto r = Run({Post("x-1", "2026-11-23T10:00:00Z", kComplaint)});
  EXPECT_EQ(Lines(r), (std::vector<std::string>{"2026-11-23T10:00:00.000Z response_due",
                                                "2026-11-23T11:00:00.000Z response_overdue 1",
                                                "2026-11-23T12:00:00.000Z response_overdue 2",
                                                "2026-11-23T14:00:00.000Z response_overdue 3"}));
  std::set<std::string> ids;
  for (const TimelineEntry& e : r.timeline) ids.insert(e.event.event_id);
  EXPECT_EQ(ids.size(), r.timeline.size());
}

TEST_F(Simulation, LateReplyAfterAStepStillCloses) {
  const auto r = Run({Post("x-1", "2026-11-23T10:00:00Z", kComplaint),
                      Reply("x-2", "2026-11-23T11:30:00Z", "x-1")});
  EXPECT_EQ(Lines(r), (std::vector<std::string>{"2026-11-23T10:00:00.000Z response_due",
                                                "2026-11-23T11:00:00.000Z response_overdue 1",
                                                "2026-11-23T11:30:00.000Z responded"}));
}

TEST_F(Simulation, AckStopsTheSteps) {
  const auto r =
      Run({Post("x-1", "2026-11-23T10:00:00Z", kComplaint),
           R"({"type":"ack","conversation_id":"x-1","by":"deniz","at":"2026-11-23T11:10:00Z"})"});
  EXPECT_EQ(Lines(r), (std::vector<std::string>{"2026-11-23T10:00:00.000Z response_due",
                                                "2026-11-23T11:00:00.000Z response_overdue 1",
                                                "2026-11-23T11:10:00.000Z acknowledged"}));
  EXPECT_EQ(r.acks, 1);
}

TEST_F(Simulation, BusinessHoursAndAHolidayMoveAReviewDeadline) {
  // Friday 2026-11-27 17:00 Istanbul (14:00 UTC), a 24 h review deadline of
  // open time: 1 h on Friday; Monday 30th is a holiday; then 9 h a day.
  const auto r = Run({Post("gp-1", "2026-11-27T14:00:00Z", kComplaint, "ayse", "google_play")},
                     "2026-12-01T00:00:00Z");
  ASSERT_EQ(r.timeline.size(), 1u);
  // 1 h Fri + 9 h Tue + 9 h Wed + 5 h Thu = 24 h -> Thu 2026-12-03 14:00 Istanbul.
  EXPECT_EQ(FormatIso8601Ms(r.timeline[0].event.due_at_ms), "2026-12-03T11:00:00.000Z");
}

TEST_F(Simulation, GroupingTurnsFollowUpsIntoOneItem) {
  const auto r = Run({Post("x-1", "2026-11-23T10:00:00Z", kComplaint),
                      Post("x-2", "2026-11-23T10:05:00Z", kComplaint, "ayse", "x", "x-1"),
                      Post("x-3", "2026-11-23T10:20:00Z", kComplaint, "ayse"),
                      Reply("x-9", "2026-11-23T10:30:00Z", "x-3")});
  EXPECT_EQ(Lines(r), (std::vector<std::string>{"2026-11-23T10:00:00.000Z response_due",
                                                "2026-11-23T10:30:00.000Z responded"}));
  EXPECT_EQ(r.timeline.back().event.count, 3);
}

TEST_F(Simulation, SpikeFiresOnceAndCoolsDown) {
  std::vector<std::string> lines;
  // A quiet hour, then a burst of ten complaints in three minutes, and
  // another burst fifteen minutes later (inside the 30 min cooldown).
  for (int i = 0; i < 6; ++i) {
    lines.push_back(Post("q-" + std::to_string(i),
                         "2026-11-23T09:" + std::to_string(10 + i * 8) + ":00Z", kComplaint,
                         "q" + std::to_string(i)));
  }
  for (int i = 0; i < 10; ++i) {
    lines.push_back(
        Post("s-" + std::to_string(i),
             "2026-11-23T10:0" + std::to_string(i / 4) + ":" + std::to_string(10 + i) + "Z",
             kComplaint, "s" + std::to_string(i)));
    lines.push_back(
        Post("t-" + std::to_string(i),
             "2026-11-23T10:1" + std::to_string(5 + i / 4) + ":" + std::to_string(10 + i) + "Z",
             kComplaint, "t" + std::to_string(i)));
  }
  const auto r = Run(lines, "2026-11-23T10:30:00Z");
  int spikes = 0;
  for (const TimelineEntry& e : r.timeline)
    spikes += e.event.type == AlertEventType::kComplaintSpike ? 1 : 0;
  EXPECT_EQ(spikes, 1);
}

TEST(SimulationPolicy, QuestionsCanHaveTheirOwnDeadline) {
  auto config =
      LoadConfigText("alerting:\n  class_sla:\n    question: {social: 3h}\n", "class.yaml", ".");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  auto classifier = BuildClassifier(*config);
  ASSERT_TRUE(classifier.ok());
  std::stringstream in(Post("x-1", "2026-11-23T10:00:00Z", "Kargom ne zaman gelir?") + "\n" +
                       Post("x-2", "2026-11-23T10:00:00Z", kComplaint, "mehmet") + "\n");
  const SimulationResult r = Simulate(in, *config, **classifier);
  std::map<std::string, int64_t> due;
  for (const TimelineEntry& e : r.timeline)
    if (e.event.type == AlertEventType::kResponseDue) due[e.event.post_class] = e.event.due_at_ms;
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(FormatIso8601Ms(due["question"]), "2026-11-23T13:00:00.000Z");
  EXPECT_EQ(FormatIso8601Ms(due["complaint"]), "2026-11-23T11:00:00.000Z");
}

TEST_F(Simulation, BadLinesAreReportedAndSkipped) {
  std::stringstream in("{not json\n" + Post("x-1", "2026-11-23T10:00:00Z", kComplaint) + "\n");
  const SimulationResult r = Simulate(in, config_, *classifier_);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("line 1"), std::string::npos);
  EXPECT_EQ(r.posts, 1);
}

}  // namespace
}  // namespace earshot
