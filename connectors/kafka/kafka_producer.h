// KafkaProducer: an idempotent, acks=all producer with per-message delivery
// callbacks, plus small helpers for producing and reading whole topics
// (used by `earshot demo`, the tests and the benchmarks).
//
// Thread safety: Produce() may be called from any thread, but delivery
// callbacks run on whichever thread calls Poll()/Flush(); earshot's workers
// each own one producer and poll it themselves.
#pragma once

#include <librdkafka/rdkafkacpp.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "connectors/kafka/kafka_config.h"
#include "earshot/status.h"

namespace earshot {

struct OutRecord {
  std::string topic;
  std::string key;
  std::string value;
  std::vector<std::pair<std::string, std::string>> headers;
  int32_t partition = -1;   // -1: by key
  bool null_value = false;  // a tombstone (compacted topics): no value at all
};

class KafkaProducer {
 public:
  // Called once per produced message with the opaque given to Produce().
  using DeliveryFn = std::function<void(void* opaque, const RdKafka::Message& message)>;

  // `properties` are the user's kafka: map; acks=all and idempotence are
  // added (and an attempt to turn them off is refused).
  static StatusOr<std::unique_ptr<KafkaProducer>> Create(const KafkaProperties& properties,
                                                         DeliveryFn on_delivery);
  ~KafkaProducer();
  KafkaProducer(const KafkaProducer&) = delete;
  KafkaProducer& operator=(const KafkaProducer&) = delete;

  // Enqueues one message. When the local queue is full, serves delivery
  // reports and retries until `block_ms` has passed.
  Status Produce(const OutRecord& record, void* opaque, int block_ms = 30000);
  int Poll(int timeout_ms);
  // Waits for every enqueued message to be acknowledged or to fail.
  Status Flush(int timeout_ms);
  int OutQueueLength() const;

 private:
  class Callback;
  KafkaProducer() = default;
  std::unique_ptr<Callback> callback_;
  std::unique_ptr<RdKafka::Producer> producer_;
};

struct ConsumedRecord {
  std::string topic;
  int32_t partition = 0;
  int64_t offset = 0;
  int64_t timestamp_ms = 0;
  std::string key;
  std::string value;
  std::vector<std::pair<std::string, std::string>> headers;

  // The value of a header, or "" when absent.
  std::string Header(const std::string& name) const;
};

// Produces all records and waits for every acknowledgement.
Status ProduceAll(const KafkaProperties& properties, const std::vector<OutRecord>& records,
                  int timeout_ms = 60000);

// Calls `fn` for every record currently in `topic` (the given partitions,
// or all), from the start to the high watermark at the time of the call,
// outside any consumer group. What state restoration and ReadTopic use.
Status ForEachRecord(const KafkaProperties& properties, const std::string& topic,
                     const std::optional<std::vector<int32_t>>& partitions,
                     const std::function<void(const ConsumedRecord&)>& fn, int timeout_ms = 60000);

// A consumer for reading by assignment (no commits; `group` is only a name):
// only the connection and security settings of `properties` are used.
StatusOr<std::unique_ptr<RdKafka::KafkaConsumer>> MakeReader(const KafkaProperties& properties,
                                                             const std::string& group);
// The partition ids of `topic`.
StatusOr<std::vector<int32_t>> PartitionsOf(RdKafka::Handle& handle, const std::string& topic,
                                            int timeout_ms);

// Reads every record currently in `topic` (all partitions, from the start to
// the high watermark at the time of the call), outside any consumer group.
StatusOr<std::vector<ConsumedRecord>> ReadTopic(const KafkaProperties& properties,
                                                const std::string& topic, int timeout_ms = 30000);

// Sum over the topics' partitions of (high watermark - committed offset of
// `group`): 0 means the group has committed everything.
StatusOr<int64_t> GroupBacklog(const KafkaProperties& properties, const std::string& group,
                               const std::vector<std::string>& topics, int timeout_ms = 10000);

}  // namespace earshot
