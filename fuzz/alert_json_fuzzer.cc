// The alerting stage's two JSON inputs from Kafka: acknowledgements (acks
// topic) and classified posts (classified topic). Both topics are writable by
// other producers, so either reader must refuse bad records with a Status.
//
// Checked besides memory safety: an accepted ack encodes and decodes to the
// same ack (`earshot ack` writes with EncodeAckJson).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "earshot/alert_engine.h"
#include "earshot/alerting.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  if (const auto ack = earshot::DecodeAckJson(json); ack.ok()) {
    const auto back = earshot::DecodeAckJson(earshot::EncodeAckJson(*ack));
    if (!back.ok() || back->event_id != ack->event_id ||
        back->conversation_id != ack->conversation_id || back->by != ack->by ||
        back->note != ack->note || back->at_ms != ack->at_ms) {
      fprintf(stderr, "alert_json_fuzzer: an ack does not survive encode/decode\n");
      abort();
    }
  }
  if (const auto classified = earshot::DecodeClassifiedJson(json); classified.ok()) {
    (void)earshot::EncodeClassifiedJson(classified->post, classified->verdict,
                                        classified->received_at_ms);
  }
  return 0;
}
