// DecodePost on arbitrary record bytes: every adapter (canonical, X v2,
// Google Play, App Store) is reached by the shape of the input. Each input is
// decoded twice, without and with a default brand and app->brand map, so the
// brand-resolution paths are covered too.
//
// Checked besides memory safety: a decoded post survives the classified topic
// (EncodeClassifiedJson -> DecodeClassifiedJson), because the alerting stage
// reads every post back from there.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "earshot/alerting.h"
#include "earshot/decode.h"

namespace {

void Check(bool condition, const char* what) {
  if (!condition) {
    fprintf(stderr, "decode_post_fuzzer: %s\n", what);
    abort();
  }
}

void DecodeAndRoundTrip(std::string_view bytes, const earshot::DecodeOptions& options) {
  const earshot::StatusOr<earshot::Post> post = earshot::DecodePost(bytes, options);
  if (!post.ok()) return;
  Check(!post->id.empty() && !post->channel.empty() && !post->brand.empty(),
        "decoded post lacks id, channel or brand");
  const earshot::Verdict verdict;
  const std::string json = earshot::EncodeClassifiedJson(*post, verdict, post->created_at_ms);
  const auto back = earshot::DecodeClassifiedJson(json);
  Check(back.ok(), "a decoded post does not read back from the classified topic");
  Check(back->post.id == post->id && back->post.channel == post->channel &&
            back->post.text == post->text && back->post.conversation_id == post->conversation_id,
        "a decoded post reads back different from the classified topic");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  DecodeAndRoundTrip(bytes, earshot::DecodeOptions{});
  earshot::DecodeOptions with_brands;
  with_brands.default_brand = "acme";
  with_brands.app_brands = {{"com.acme.app", "acme"}, {"1234567890", "acme"}};
  with_brands.max_record_bytes = 4096;  // the too_large path, at fuzzable sizes
  DecodeAndRoundTrip(bytes, with_brands);
  return 0;
}
