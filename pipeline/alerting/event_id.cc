#include <openssl/evp.h>

#include <cstdio>
#include <string>

#include "earshot/alerting.h"

namespace earshot {

std::string MakeEventId(std::string_view event_type, const Post& post) {
  // Unit separators keep ("a","bc") and ("ab","c") apart.
  std::string name(event_type);
  name.append(1, '\x1f').append(post.channel).append(1, '\x1f').append(post.id);
  return MakeUuidV5(name);
}

std::string MakeUuidV5(std::string_view text) {
  // A fixed namespace UUID for earshot events (randomly chosen once).
  static constexpr unsigned char kNamespace[16] = {0x6b, 0x1d, 0x2e, 0x4f, 0x90, 0x3a, 0x4c, 0x5e,
                                                   0x8d, 0x27, 0x11, 0xa3, 0xc4, 0x5b, 0x7e, 0x02};
  std::string name(reinterpret_cast<const char*>(kNamespace), sizeof(kNamespace));
  name.append(text);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(name.data(), name.size(), digest, &length, EVP_sha1(), nullptr);
  digest[6] = static_cast<unsigned char>((digest[6] & 0x0f) | 0x50);  // version 5
  digest[8] = static_cast<unsigned char>((digest[8] & 0x3f) | 0x80);  // RFC 4122 variant
  char out[37];
  std::snprintf(
      out, sizeof(out), "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
      digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
      digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]);
  return out;
}

std::string MakeOverdueEventId(std::string_view item_id, int step) {
  std::string name("response_overdue\x1f");
  name.append(item_id).append(1, '\x1f').append(std::to_string(step));
  return MakeUuidV5(name);
}

}  // namespace earshot
