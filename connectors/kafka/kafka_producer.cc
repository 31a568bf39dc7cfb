#include "connectors/kafka/kafka_producer.h"

#include <atomic>
#include <chrono>
#include <map>
#include <optional>

namespace earshot {

class KafkaProducer::Callback : public RdKafka::DeliveryReportCb {
 public:
  explicit Callback(DeliveryFn fn) : fn_(std::move(fn)) {}
  void dr_cb(RdKafka::Message& message) override {
    if (fn_) fn_(message.msg_opaque(), message);
  }

 private:
  DeliveryFn fn_;
};

StatusOr<std::unique_ptr<KafkaProducer>> KafkaProducer::Create(const KafkaProperties& properties,
                                                               DeliveryFn on_delivery) {
  KafkaProperties props = properties;
  for (const auto& [key, required] :
       std::map<std::string, std::string>{{"enable.idempotence", "true"}, {"acks", "all"}}) {
    if (const auto it = props.find(key);
        it != props.end() && it->second != required && !(key == "acks" && it->second == "-1")) {
      return Status("kafka_config", "kafka." + key + "=" + it->second +
                                        " would break earshot's delivery guarantee; it must be " +
                                        required);
    }
    props[key] = required;
  }
  // Consumer-only settings in the shared map are not errors for the producer.
  for (const char* consumer_only :
       {"group.id", "auto.offset.reset", "enable.auto.commit", "enable.auto.offset.store",
        "session.timeout.ms", "partition.assignment.strategy", "group.instance.id",
        "max.poll.interval.ms", "heartbeat.interval.ms", "fetch.wait.max.ms", "fetch.min.bytes",
        "isolation.level"}) {
    props.erase(consumer_only);
  }
  auto conf = MakeKafkaConf(props);
  if (!conf.ok()) return conf.status();
  std::unique_ptr<KafkaProducer> producer(new KafkaProducer());
  producer->callback_ = std::make_unique<Callback>(std::move(on_delivery));
  std::string error;
  if ((*conf)->set("dr_cb", producer->callback_.get(), error) != RdKafka::Conf::CONF_OK ||
      (*conf)->set("event_cb", KafkaLogRouter(), error) != RdKafka::Conf::CONF_OK) {
    return Status("kafka_config", error);
  }
  producer->producer_.reset(RdKafka::Producer::create(conf->get(), error));
  if (!producer->producer_) return Status("kafka_producer", error);
  return producer;
}

KafkaProducer::~KafkaProducer() {
  if (producer_) producer_->flush(5000);
}

Status KafkaProducer::Produce(const OutRecord& record, void* opaque, int block_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(block_ms);
  for (;;) {
    RdKafka::Headers* headers = nullptr;
    if (!record.headers.empty()) {
      headers = RdKafka::Headers::create();
      for (const auto& [name, value] : record.headers) headers->add(name, value);
    }
    const RdKafka::ErrorCode err = producer_->produce(
        record.topic, record.partition, RdKafka::Producer::RK_MSG_COPY,
        record.null_value ? nullptr : const_cast<char*>(record.value.data()),
        record.null_value ? 0 : record.value.size(),
        record.key.empty() ? nullptr : record.key.data(), record.key.size(), 0, headers, opaque);
    if (err == RdKafka::ERR_NO_ERROR) return Status::Ok();  // headers now owned by librdkafka
    delete headers;                                         // on failure ownership stays with us
    if (err != RdKafka::ERR__QUEUE_FULL || std::chrono::steady_clock::now() > deadline) {
      return Status("produce", record.topic + ": " + RdKafka::err2str(err));
    }
    producer_->poll(50);
  }
}

int KafkaProducer::Poll(int timeout_ms) { return producer_->poll(timeout_ms); }

Status KafkaProducer::Flush(int timeout_ms) {
  const RdKafka::ErrorCode err = producer_->flush(timeout_ms);
  if (err != RdKafka::ERR_NO_ERROR) {
    return Status("flush", std::to_string(producer_->outq_len()) +
                               " messages still unacknowledged: " + RdKafka::err2str(err));
  }
  return Status::Ok();
}

int KafkaProducer::OutQueueLength() const { return producer_->outq_len(); }

std::string ConsumedRecord::Header(const std::string& name) const {
  for (const auto& header : headers) {
    if (header.first == name) return header.second;
  }
  return "";
}

Status ProduceAll(const KafkaProperties& properties, const std::vector<OutRecord>& records,
                  int timeout_ms) {
  std::atomic<int> failed{0};
  std::string first_error;
  auto producer = KafkaProducer::Create(properties, [&](void*, const RdKafka::Message& m) {
    if (m.err() != RdKafka::ERR_NO_ERROR && failed++ == 0) first_error = m.errstr();
  });
  if (!producer.ok()) return producer.status();
  for (const OutRecord& record : records) {
    if (Status s = (*producer)->Produce(record, nullptr, timeout_ms); !s.ok()) return s;
  }
  if (Status s = (*producer)->Flush(timeout_ms); !s.ok()) return s;
  if (failed > 0) {
    return Status("produce", std::to_string(failed.load()) + " records failed: " + first_error);
  }
  return Status::Ok();
}

StatusOr<std::unique_ptr<RdKafka::KafkaConsumer>> MakeReader(const KafkaProperties& properties,
                                                             const std::string& group) {
  KafkaProperties props;
  // Only connection and security settings matter for a reader.
  for (const auto& [key, value] : properties) {
    if (key == "bootstrap.servers" || key.rfind("security.", 0) == 0 ||
        key.rfind("sasl.", 0) == 0 || key.rfind("ssl.", 0) == 0 || key == "client.id") {
      props[key] = value;
    }
  }
  props["group.id"] = group;
  props["enable.auto.commit"] = "false";
  props["enable.partition.eof"] = "true";
  props["auto.offset.reset"] = "earliest";
  auto conf = MakeKafkaConf(props);
  if (!conf.ok()) return conf.status();
  std::string error;
  (*conf)->set("event_cb", KafkaLogRouter(), error);
  std::unique_ptr<RdKafka::KafkaConsumer> consumer(
      RdKafka::KafkaConsumer::create(conf->get(), error));
  if (!consumer) return Status("kafka_consumer", error);
  return consumer;
}

StatusOr<std::vector<int32_t>> PartitionsOf(RdKafka::Handle& handle, const std::string& topic,
                                            int timeout_ms) {
  std::string error;
  std::unique_ptr<RdKafka::Topic> t(RdKafka::Topic::create(&handle, topic, nullptr, error));
  if (!t) return Status("metadata", error);
  RdKafka::Metadata* raw = nullptr;
  const RdKafka::ErrorCode err = handle.metadata(false, t.get(), &raw, timeout_ms);
  std::unique_ptr<RdKafka::Metadata> metadata(raw);
  if (err != RdKafka::ERR_NO_ERROR) return Status("metadata", RdKafka::err2str(err));
  std::vector<int32_t> partitions;
  for (const RdKafka::TopicMetadata* tm : *metadata->topics()) {
    if (tm->topic() != topic) continue;
    if (tm->err() != RdKafka::ERR_NO_ERROR)
      return Status("metadata", topic + ": " + RdKafka::err2str(tm->err()));
    for (const RdKafka::PartitionMetadata* pm : *tm->partitions()) partitions.push_back(pm->id());
  }
  return partitions;
}

Status ForEachRecord(const KafkaProperties& properties, const std::string& topic,
                     const std::optional<std::vector<int32_t>>& only_partitions,
                     const std::function<void(const ConsumedRecord&)>& fn, int timeout_ms) {
  auto consumer = MakeReader(properties, "earshot-reader");
  if (!consumer.ok()) return consumer.status();
  std::vector<int32_t> partitions;
  if (only_partitions) {
    partitions = *only_partitions;
  } else {
    auto all = PartitionsOf(**consumer, topic, timeout_ms);
    if (!all.ok()) return all.status();
    partitions = *all;
  }
  std::vector<RdKafka::TopicPartition*> assignment;
  std::map<int32_t, int64_t> high;
  for (const int32_t p : partitions) {
    int64_t lo = 0, hi = 0;
    const RdKafka::ErrorCode err =
        (*consumer)->query_watermark_offsets(topic, p, &lo, &hi, timeout_ms);
    if (err != RdKafka::ERR_NO_ERROR) return Status("watermarks", RdKafka::err2str(err));
    if (hi > lo) {
      high[p] = hi;
      assignment.push_back(RdKafka::TopicPartition::create(topic, p, lo));
    }
  }
  if (assignment.empty()) return Status::Ok();
  (*consumer)->assign(assignment);
  RdKafka::TopicPartition::destroy(assignment);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!high.empty()) {
    if (std::chrono::steady_clock::now() > deadline) {
      return Status("timeout", "reading " + topic + " did not reach the end in time");
    }
    std::unique_ptr<RdKafka::Message> m((*consumer)->consume(200));
    if (m->err() == RdKafka::ERR__TIMED_OUT) continue;
    if (m->err() == RdKafka::ERR__PARTITION_EOF) {
      if (const auto it = high.find(m->partition());
          it != high.end() && m->offset() >= it->second) {
        high.erase(it);
      }
      continue;
    }
    if (m->err() != RdKafka::ERR_NO_ERROR) return Status("consume", m->errstr());
    ConsumedRecord r;
    r.topic = m->topic_name();
    r.partition = m->partition();
    r.offset = m->offset();
    r.timestamp_ms = m->timestamp().timestamp;
    if (m->key() != nullptr) r.key = *m->key();
    if (m->payload() != nullptr) r.value.assign(static_cast<const char*>(m->payload()), m->len());
    if (RdKafka::Headers* headers = m->headers()) {
      for (const RdKafka::Headers::Header& h : headers->get_all()) {
        r.headers.emplace_back(h.key(),
                               std::string(static_cast<const char*>(h.value()), h.value_size()));
      }
    }
    fn(r);
    if (const auto it = high.find(m->partition());
        it != high.end() && m->offset() + 1 >= it->second) {
      high.erase(it);
    }
  }
  (*consumer)->close();
  return Status::Ok();
}

StatusOr<std::vector<ConsumedRecord>> ReadTopic(const KafkaProperties& properties,
                                                const std::string& topic, int timeout_ms) {
  std::vector<ConsumedRecord> records;
  Status s = ForEachRecord(
      properties, topic, std::nullopt,
      [&records](const ConsumedRecord& r) { records.push_back(r); }, timeout_ms);
  if (!s.ok()) return s;
  return records;
}

StatusOr<int64_t> GroupBacklog(const KafkaProperties& properties, const std::string& group,
                               const std::vector<std::string>& topics, int timeout_ms) {
  auto consumer = MakeReader(properties, group);
  if (!consumer.ok()) return consumer.status();
  std::vector<RdKafka::TopicPartition*> partitions;
  for (const std::string& topic : topics) {
    auto ids = PartitionsOf(**consumer, topic, timeout_ms);
    if (!ids.ok()) return ids.status();
    for (const int32_t p : *ids) partitions.push_back(RdKafka::TopicPartition::create(topic, p));
  }
  const RdKafka::ErrorCode err = (*consumer)->committed(partitions, timeout_ms);
  int64_t backlog = 0;
  Status status = Status::Ok();
  if (err != RdKafka::ERR_NO_ERROR) status = Status("committed", RdKafka::err2str(err));
  for (RdKafka::TopicPartition* tp : partitions) {
    if (!status.ok()) break;
    int64_t lo = 0, hi = 0;
    const RdKafka::ErrorCode werr =
        (*consumer)->query_watermark_offsets(tp->topic(), tp->partition(), &lo, &hi, timeout_ms);
    if (werr != RdKafka::ERR_NO_ERROR) {
      status = Status("watermarks", RdKafka::err2str(werr));
      break;
    }
    const int64_t committed = tp->offset() >= 0 ? tp->offset() : lo;
    backlog += hi - committed;
  }
  RdKafka::TopicPartition::destroy(partitions);
  (*consumer)->close();
  if (!status.ok()) return status;
  return backlog;
}

}  // namespace earshot
