#include "app/stats_parser.h"

#include <rapidjson/document.h>

namespace earshot {

std::vector<PartitionLag> ParseConsumerLag(std::string_view stats_json) {
  std::vector<PartitionLag> out;
  rapidjson::Document doc;
  doc.Parse(stats_json.data(), stats_json.size());
  if (doc.HasParseError() || !doc.IsObject()) return out;
  const auto topics = doc.FindMember("topics");
  if (topics == doc.MemberEnd() || !topics->value.IsObject()) return out;
  for (const auto& topic : topics->value.GetObject()) {
    const auto partitions = topic.value.FindMember("partitions");
    if (partitions == topic.value.MemberEnd() || !partitions->value.IsObject()) continue;
    for (const auto& p : partitions->value.GetObject()) {
      if (!p.value.IsObject()) continue;
      const auto id = p.value.FindMember("partition");
      const auto lag = p.value.FindMember("consumer_lag");
      if (id == p.value.MemberEnd() || lag == p.value.MemberEnd() || !id->value.IsInt() ||
          !lag->value.IsInt64()) {
        continue;
      }
      if (id->value.GetInt() < 0 || lag->value.GetInt64() < 0) continue;
      out.push_back(
          PartitionLag{topic.name.GetString(), id->value.GetInt(), lag->value.GetInt64()});
    }
  }
  return out;
}

}  // namespace earshot
