#include <gtest/gtest.h>

#include "earshot/decode.h"

namespace earshot {
namespace {

const char* kCanonical = R"({"id":"x-1","channel":"x","brand":"hizlikargo",
  "author":{"id":"u1","handle":"@ayse","followers":120,"verified":false},
  "text":"Kargom hâlâ gelmedi","lang":"tr","created_at":"2026-11-23T09:14:05Z",
  "url":"https://x.com/ayse/status/1","in_reply_to":null,"conversation_id":"x-1","rating":null,
  "extra_field":"ignored"})";

DecodeOptions Options() { return DecodeOptions{}; }

TEST(DecodePost, ReadsEveryCanonicalField) {
  auto post = DecodePost(kCanonical, Options());
  ASSERT_TRUE(post.ok()) << post.status().ToString();
  EXPECT_EQ(post->id, "x-1");
  EXPECT_EQ(post->channel, "x");
  EXPECT_EQ(post->brand, "hizlikargo");
  EXPECT_EQ(post->author.id, "u1");
  EXPECT_EQ(post->author.handle, "ayse");  // '@' dropped
  EXPECT_EQ(post->author.followers, 120);
  EXPECT_FALSE(post->author.verified);
  EXPECT_EQ(post->text, "Kargom hâlâ gelmedi");
  EXPECT_EQ(post->lang, "tr");
  EXPECT_EQ(post->created_at, "2026-11-23T09:14:05.000Z");
  EXPECT_EQ(post->url, "https://x.com/ayse/status/1");
  EXPECT_EQ(post->conversation_id, "x-1");
  EXPECT_FALSE(post->rating.has_value());
  EXPECT_EQ(post->source_format, "canonical");
}

TEST(DecodePost, ReplyWithoutConversationIdJoinsTheParentsConversation) {
  auto post = DecodePost(R"({"id":"2","channel":"x","brand":"b","author":{"id":"u"},"text":"t",
    "created_at":"2026-11-23T09:14:05Z","in_reply_to":"1"})",
                         Options());
  ASSERT_TRUE(post.ok());
  EXPECT_EQ(post->conversation_id, "1");
}

TEST(DecodePost, AcceptsNumericIdsAndRatingOnReviews) {
  auto post = DecodePost(R"({"id":42,"channel":"google_play","brand":"b","author":{"id":7},
    "text":"ok","created_at":"2026-11-23T09:14:05+03:00","rating":4})",
                         Options());
  ASSERT_TRUE(post.ok()) << post.status().ToString();
  EXPECT_EQ(post->id, "42");
  EXPECT_EQ(post->author.id, "7");
  EXPECT_EQ(post->rating, 4);
  EXPECT_EQ(post->created_at, "2026-11-23T06:14:05.000Z");
}

TEST(DecodePost, AReviewMaySayItWithItsStarsAlone) {
  auto review = DecodePost(R"({"id":"9","channel":"google_reviews","brand":"b","author":{"id":"u"},
    "text":"","created_at":"2026-11-23T09:14:05Z","rating":1})",
                           Options());
  ASSERT_TRUE(review.ok()) << review.status().ToString();
  EXPECT_EQ(review->text, "");
  EXPECT_EQ(review->rating, 1);
  DecodeOptions options;
  options.app_brands["com.tekmobil.app"] = "tekmobil";
  auto play = DecodePost(R"({"reviewId":"gp:2","comments":[{"userComment":{"text":"",
    "lastModified":{"seconds":"1795431600"},"starRating":2}}],"packageName":"com.tekmobil.app"})",
                         options);
  ASSERT_TRUE(play.ok()) << play.status().ToString();
  EXPECT_EQ(play->rating, 2);
  // Without stars an empty post says nothing, and goes to the dead-letter topic.
  auto post = DecodePost(R"({"id":"9","channel":"x","brand":"b","author":{"id":"u"},
    "text":"","created_at":"2026-11-23T09:14:05Z"})",
                         Options());
  ASSERT_FALSE(post.ok());
  EXPECT_EQ(post.status().code(), kErrInvalidValue);
}

TEST(DecodePost, ReadsAnXApiV2TweetEnvelope) {
  auto post = DecodePost(R"({"data":{"id":"1860000000000000001","text":"@HizliKargo neredesiniz?",
    "author_id":"9001","created_at":"2026-11-23T09:00:00.000Z","conversation_id":"1860000000000000000",
    "lang":"tr","referenced_tweets":[{"type":"replied_to","id":"1860000000000000000"}]},
    "includes":{"users":[{"id":"9001","username":"mehmet","verified":true,
    "public_metrics":{"followers_count":5400}}]},"matching_rules":[{"id":"1","tag":"hizlikargo"}]})",
                         Options());
  ASSERT_TRUE(post.ok()) << post.status().ToString();
  EXPECT_EQ(post->source_format, "x_v2");
  EXPECT_EQ(post->channel, "x");
  EXPECT_EQ(post->brand, "hizlikargo");
  EXPECT_EQ(post->author.handle, "mehmet");
  EXPECT_EQ(post->author.followers, 5400);
  EXPECT_TRUE(post->author.verified);
  EXPECT_EQ(post->in_reply_to, "1860000000000000000");
  EXPECT_EQ(post->conversation_id, "1860000000000000000");
  EXPECT_EQ(post->url, "https://x.com/mehmet/status/1860000000000000001");
}

TEST(DecodePost, XUndeterminedLanguageBecomesUnknown) {
  auto post = DecodePost(R"({"data":{"id":"1","text":"👍","author_id":"2",
    "created_at":"2026-11-23T09:00:00Z","lang":"und"},"matching_rules":[{"tag":"b"}]})",
                         Options());
  ASSERT_TRUE(post.ok());
  EXPECT_EQ(post->lang, "");
}

TEST(DecodePost, ReadsAGooglePlayReviewAndMapsThePackageToABrand) {
  DecodeOptions options;
  options.app_brands["com.tekmobil.app"] = "tekmobil";
  auto post = DecodePost(R"({"reviewId":"gp:AOqp1","authorName":"Ali",
    "comments":[{"userComment":{"text":"Uygulama sürekli çöküyor","lastModified":{"seconds":"1795431600"},
    "starRating":1,"reviewerLanguage":"tr_TR"}}],"packageName":"com.tekmobil.app"})",
                         options);
  ASSERT_TRUE(post.ok()) << post.status().ToString();
  EXPECT_EQ(post->source_format, "google_play");
  EXPECT_EQ(post->channel, "google_play");
  EXPECT_EQ(post->brand, "tekmobil");
  EXPECT_EQ(post->rating, 1);
  EXPECT_EQ(post->lang, "tr");
  EXPECT_EQ(post->created_at_ms, 1795431600000);
}

TEST(DecodePost, ReadsAnAppStoreReviewWithTitleInTheText) {
  auto post = DecodePost(R"({"type":"customerReviews","id":"00000000-0000-0000-0000-000000000001",
    "attributes":{"rating":2,"title":"Rezalet","body":"Giriş yapamıyorum","reviewerNickname":"nick",
    "createdDate":"2026-11-23T08:30:00-07:00","territory":"TUR"},
    "relationships":{"app":{"data":{"id":"1500000001"}}},"brand":"mavibank"})",
                         Options());
  ASSERT_TRUE(post.ok()) << post.status().ToString();
  EXPECT_EQ(post->channel, "app_store");
  EXPECT_EQ(post->brand, "mavibank");
  EXPECT_EQ(post->text, "Rezalet\nGiriş yapamıyorum");
  EXPECT_EQ(post->rating, 2);
  EXPECT_EQ(post->created_at, "2026-11-23T15:30:00.000Z");
}

struct BadCase {
  const char* name;
  std::string input;
  const char* code;
};

class DecodePostRejects : public ::testing::TestWithParam<BadCase> {};

TEST_P(DecodePostRejects, WithAStableReason) {
  DecodeOptions options;
  options.max_record_bytes = 4096;
  auto post = DecodePost(GetParam().input, options);
  ASSERT_FALSE(post.ok());
  EXPECT_EQ(post.status().code(), GetParam().code) << post.status().ToString();
  EXPECT_FALSE(post.status().message().empty());
}

const std::string kValidTail = R"(,"created_at":"2026-11-23T09:14:05Z"})";

INSTANTIATE_TEST_SUITE_P(
    MalformedRecords, DecodePostRejects,
    ::testing::Values(
        BadCase{"empty", "", kErrEmpty}, BadCase{"whitespace", " \n\t", kErrEmpty},
        BadCase{"too_large", "{\"text\":\"" + std::string(5000, 'a') + "\"}", kErrTooLarge},
        BadCase{"invalid_utf8", "{\"text\":\"\xC3\x28\xFF\"}", kErrInvalidUtf8},
        BadCase{"unterminated", R"({"id":"1","text":"abc)", kErrJsonSyntax},
        BadCase{"trailing_comma", R"({"id":"1",})", kErrJsonSyntax},
        BadCase{"trailing_garbage", R"({"id":"1"} x)", kErrJsonSyntax},
        BadCase{"array", R"([1,2])", kErrNotObject}, BadCase{"string", R"("hello")", kErrNotObject},
        BadCase{"missing_text",
                R"({"id":"1","channel":"x","brand":"b","author":{"id":"u"})" + kValidTail,
                kErrMissingField},
        BadCase{"missing_id",
                R"({"channel":"x","brand":"b","author":{"id":"u"},"text":"t")" + kValidTail,
                kErrMissingField},
        BadCase{"missing_brand",
                R"({"id":"1","channel":"x","author":{"id":"u"},"text":"t")" + kValidTail,
                kErrMissingField},
        BadCase{"text_number",
                R"({"id":"1","channel":"x","brand":"b","author":{"id":"u"},"text":5)" + kValidTail,
                kErrWrongType},
        BadCase{"author_string",
                R"({"id":"1","channel":"x","brand":"b","author":"u","text":"t")" + kValidTail,
                kErrWrongType},
        BadCase{
            "followers_string",
            R"({"id":"1","channel":"x","brand":"b","author":{"id":"u","followers":"10"},"text":"t")" +
                kValidTail,
            kErrWrongType},
        BadCase{"rating_out_of_range",
                R"({"id":"1","channel":"x","brand":"b","author":{"id":"u"},"text":"t","rating":9)" +
                    kValidTail,
                kErrInvalidValue},
        BadCase{
            "bad_date",
            R"({"id":"1","channel":"x","brand":"b","author":{"id":"u"},"text":"t","created_at":"yesterday"})",
            kErrInvalidValue},
        BadCase{"empty_text",
                R"({"id":"1","channel":"x","brand":"b","author":{"id":"u"},"text":"")" + kValidTail,
                kErrInvalidValue},
        BadCase{"tweet_without_author",
                R"({"data":{"id":"1","text":"t","created_at":"2026-11-23T09:00:00Z"},"brand":"b"})",
                kErrMissingField},
        BadCase{"play_review_without_comment", R"({"reviewId":"gp:1","brand":"b"})",
                kErrMissingField}),
    [](const ::testing::TestParamInfo<BadCase>& param_info) { return param_info.param.name; });

TEST(DecodePost, UsesTheDefaultBrandWhenTheRecordNamesNone) {
  DecodeOptions options;
  options.default_brand = "acme";
  auto post =
      DecodePost(R"({"id":"1","channel":"x","author":{"id":"u"},"text":"t")" + kValidTail, options);
  ASSERT_TRUE(post.ok());
  EXPECT_EQ(post->brand, "acme");
}

}  // namespace
}  // namespace earshot

namespace earshot {
namespace {

TEST(DecodePost, DeeplyNestedJsonIsRejectedWithoutExhaustingTheStack) {
  const std::string nested = std::string(200000, '[') + std::string(200000, ']');
  DecodeOptions options;
  options.max_record_bytes = 1 << 20;
  auto post = DecodePost(nested, options);
  ASSERT_FALSE(post.ok());
  EXPECT_EQ(post.status().code(), kErrNotObject);
  auto object = DecodePost(std::string(100000, '{'), options);
  ASSERT_FALSE(object.ok());
  EXPECT_EQ(object.status().code(), kErrJsonSyntax);
}

// Found by the decode_post fuzzer: seconds * 1000 overflowed int64.
TEST(DecodePost, GooglePlaySecondsOutsideTheCalendarAreInvalidNotOverflowed) {
  for (const char* seconds : {R"("9223372036854775807")", "-9223372036854775807",
                              R"("253402300800")"}) {  // the first second of year 10000
    auto post = DecodePost(
        std::string(R"({"reviewId":"r1","comments":[{"userComment":{"text":"bad",)") +
            R"("starRating":1,"lastModified":{"seconds":)" + seconds + R"(}}}],"brand":"b"})",
        DecodeOptions{});
    ASSERT_FALSE(post.ok()) << seconds;
    EXPECT_EQ(post.status().code(), kErrInvalidValue) << seconds;
  }
  auto last = DecodePost(R"({"reviewId":"r1","comments":[{"userComment":{"text":"bad",
    "starRating":1,"lastModified":{"seconds":"253402300799"}}}],"brand":"b"})",
                         DecodeOptions{});
  ASSERT_TRUE(last.ok()) << last.status().ToString();
  EXPECT_EQ(last->created_at_ms, 253402300799000);
}

}  // namespace
}  // namespace earshot
