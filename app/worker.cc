#include "app/worker.h"

#include <librdkafka/rdkafkacpp.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <set>

#include "app/stats_parser.h"
#include "connectors/kafka/offset_tracker.h"

namespace earshot {
namespace {

int64_t SteadyNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::vector<RdKafka::TopicPartition*> ToKafka(const std::vector<CommitPosition>& positions) {
  std::vector<RdKafka::TopicPartition*> out;
  out.reserve(positions.size());
  for (const CommitPosition& p : positions) {
    out.push_back(RdKafka::TopicPartition::create(p.tp.topic, p.tp.partition, p.offset));
  }
  return out;
}

}  // namespace

class Worker::Impl : public RdKafka::RebalanceCb, public RdKafka::EventCb {
 public:
  Impl(Worker* owner, int index, const Config& config, const RecordProcessor& processor,
       Metrics& metrics, WebhookSink* webhook, const Clock& clock, WorkerOptions options)
      : owner_(owner),
        index_(index),
        config_(config),
        processor_(processor),
        metrics_(metrics),
        options_(options),
        alerts_(config, metrics, webhook, clock) {}

  ~Impl() override {
    // Order matters to librdkafka: the consumers go before the producer
    // whose callbacks reference our tracker, and all before this object.
    acks_.reset();
    consumer_.reset();
    producer_.reset();
  }

  Status Start() {
    KafkaProperties props = config_.kafka;
    props["group.id"] = config_.GroupId();
    props.emplace("client.id", "earshot-" + std::to_string(index_));
    props["enable.auto.commit"] = "false";
    props["enable.auto.offset.store"] = "false";
    props.emplace("auto.offset.reset", "earliest");
    props.emplace("statistics.interval.ms", "5000");
    KafkaProperties consumer_props = props;
    for (const char* producer_only :
         {"acks", "enable.idempotence", "linger.ms", "message.max.bytes", "compression.type",
          "batch.num.messages"}) {
      consumer_props.erase(producer_only);
    }
    auto conf = MakeKafkaConf(consumer_props);
    if (!conf.ok()) return conf.status();
    std::string error;
    if ((*conf)->set("rebalance_cb", static_cast<RdKafka::RebalanceCb*>(this), error) !=
            RdKafka::Conf::CONF_OK ||
        (*conf)->set("event_cb", static_cast<RdKafka::EventCb*>(this), error) !=
            RdKafka::Conf::CONF_OK) {
      return Status("kafka_config", error);
    }
    consumer_.reset(RdKafka::KafkaConsumer::create(conf->get(), error));
    if (!consumer_) return Status("kafka_consumer", error);

    KafkaProperties producer_props = props;
    producer_props.emplace("message.max.bytes", "16777216");  // dead letters carry inputs whole
    producer_props.erase("statistics.interval.ms");
    auto producer = KafkaProducer::Create(
        producer_props, [this](void* opaque, const RdKafka::Message& m) { OnDelivery(opaque, m); });
    if (!producer.ok()) return producer.status();
    producer_ = std::move(producer).value();

    reader_props_ = props;
    std::vector<std::string> topics = config_.topics.inputs;
    topics.push_back(config_.topics.classified);
    const RdKafka::ErrorCode err = consumer_->subscribe(topics);
    if (err != RdKafka::ERR_NO_ERROR) return Status("subscribe", RdKafka::err2str(err));
    OpenAcks();
    return Status::Ok();
  }

  // Every instance reads the whole acks topic (acks are few, and an item may
  // live on any instance); the engine ignores acks for items it lacks.
  void OpenAcks() {
    auto reader = MakeReader(reader_props_, config_.GroupId() + "-acks");
    if (!reader.ok()) {
      spdlog::warn("worker {}: acks disabled: {}", index_, reader.status().ToString());
      return;
    }
    auto partitions = PartitionsOf(**reader, config_.topics.acks, 5000);
    if (!partitions.ok() || partitions->empty()) {
      spdlog::warn("worker {}: acks topic '{}' not readable; acks disabled", index_,
                   config_.topics.acks);
      return;
    }
    std::vector<RdKafka::TopicPartition*> assignment;
    for (int32_t p : *partitions) {
      assignment.push_back(RdKafka::TopicPartition::create(config_.topics.acks, p,
                                                           RdKafka::Topic::OFFSET_BEGINNING));
    }
    (*reader)->assign(assignment);
    RdKafka::TopicPartition::destroy(assignment);
    acks_ = std::move(reader).value();
  }

  // Timers and acks: outputs not tied to an input offset. If one is lost,
  // the changelog did not record it either, and it fires again (same id).
  void ServeAlerting() {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_tick_ < std::chrono::milliseconds(200)) return;
    last_tick_ = now;
    std::vector<OutRecord> outputs;
    for (int i = 0; acks_ && i < 100; ++i) {
      std::unique_ptr<RdKafka::Message> m(acks_->consume(0));
      if (m->err() == RdKafka::ERR__TIMED_OUT || m->err() == RdKafka::ERR__PARTITION_EOF) break;
      if (m->err() != RdKafka::ERR_NO_ERROR || m->payload() == nullptr) continue;
      alerts_.OnAck(std::string_view(static_cast<const char*>(m->payload()), m->len()), &outputs);
    }
    alerts_.Tick(&outputs);
    ProduceUntracked(outputs);
    if (now - last_gauges_ >= std::chrono::seconds(1)) {
      last_gauges_ = now;
      alerts_.PublishGauges(index_);
    }
  }

  void ProduceUntracked(const std::vector<OutRecord>& outputs) {
    for (const OutRecord& out : outputs) {
      if (Status s = producer_->Produce(out, nullptr); !s.ok()) {
        spdlog::error("worker {}: {}", index_, s.ToString());
        metrics_.OutputFailures(out.topic).Increment();
      }
    }
  }

  Status Loop() {
    auto last_commit = std::chrono::steady_clock::now();
    auto last_refresh = last_commit;
    while (!owner_->stop_.load(std::memory_order_relaxed) && fatal_.ok()) {
      std::unique_ptr<RdKafka::Message> message(consumer_->consume(100));
      HandleMessage(*message);
      ServeAlerting();
      producer_->Poll(0);
      if (tracker_.HasFailure()) {
        fatal_ = Status("delivery_failed",
                        "an output was not acknowledged by the broker; stopping without "
                        "committing past it so that a restart processes it again");
        break;
      }
      const auto now = std::chrono::steady_clock::now();
      if (now - last_commit >= std::chrono::milliseconds(options_.commit_interval_ms)) {
        CommitCommittable(/*sync=*/false);  // also retires done records
        ResumeDrained();
        last_commit = now;
      }
      // An async commit can fail without us seeing it (coordinator moving,
      // broker errors); once input stops, nothing would commit again. So
      // every few seconds the current positions are committed again.
      if (now - last_refresh >= std::chrono::seconds(5)) {
        Commit(tracker_.AllPositions(), /*sync=*/false);
        last_refresh = now;
      }
    }
    return Shutdown();
  }

 private:
  void HandleMessage(RdKafka::Message& message) {
    switch (message.err()) {
      case RdKafka::ERR_NO_ERROR:
        break;
      case RdKafka::ERR__TIMED_OUT:
      case RdKafka::ERR__PARTITION_EOF:
        return;
      default:
        spdlog::warn("worker {}: consume: {}", index_, message.errstr());
        return;
    }
    InputRecord input;
    input.topic = message.topic_name();
    input.partition = message.partition();
    input.offset = message.offset();
    const RdKafka::MessageTimestamp ts = message.timestamp();
    input.timestamp_ms =
        ts.type == RdKafka::MessageTimestamp::MSG_TIMESTAMP_NOT_AVAILABLE ? -1 : ts.timestamp;
    if (message.key_pointer() != nullptr) {
      input.key =
          std::string_view(static_cast<const char*>(message.key_pointer()), message.key_len());
    }
    if (message.payload() != nullptr) {
      input.value = std::string_view(static_cast<const char*>(message.payload()), message.len());
    }
    if (RdKafka::Headers* headers = message.headers()) {
      for (const RdKafka::Headers::Header& h : headers->get_all()) {
        input.headers.emplace_back(
            h.key(), h.value() == nullptr
                         ? std::string()
                         : std::string(static_cast<const char*>(h.value()), h.value_size()));
      }
    }
    const int64_t received_ns = SteadyNs();
    ProcessedRecord processed;
    if (input.topic == config_.topics.classified) {
      alerts_.OnClassified(input, &processed.outputs);
    } else {
      processed = processor_.Process(input);
      CountProcessed(input, processed);
    }
    const TopicPartitionKey tp{input.topic, input.partition};
    InFlightRecord* record =
        tracker_.Add(tp, input.offset, static_cast<int>(processed.outputs.size()), received_ns);
    PauseIfBacklogged(tp);
    if (processed.outputs.empty()) {  // e.g. praise reaching the alerting stage
      owner_->completed_.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    for (const OutRecord& out : processed.outputs) {
      if (Status s = producer_->Produce(out, record); !s.ok()) {
        spdlog::error("worker {}: {}", index_, s.ToString());
        metrics_.OutputFailures(out.topic).Increment();
        tracker_.OutputDone(record, false);
      }
    }
  }

  // Backpressure: a partition whose outputs are not acknowledged (a broker
  // down, a slow topic) would otherwise keep being read into memory. At
  // max_partition_backlog unretired records it is paused; ResumeDrained lets
  // it go on once half of them are done. librdkafka refetches from the
  // position after the last record returned, so pausing skips nothing.
  void PauseIfBacklogged(const TopicPartitionKey& tp) {
    if (tracker_.Backlog(tp) < static_cast<size_t>(config_.max_partition_backlog) ||
        paused_.count(tp) != 0) {
      return;
    }
    std::vector<RdKafka::TopicPartition*> one = {
        RdKafka::TopicPartition::create(tp.topic, tp.partition)};
    const RdKafka::ErrorCode err = consumer_->pause(one);
    RdKafka::TopicPartition::destroy(one);
    if (err != RdKafka::ERR_NO_ERROR) {
      spdlog::warn("worker {}: pausing {}/{}: {}", index_, tp.topic, tp.partition,
                   RdKafka::err2str(err));
      return;
    }
    paused_.insert(tp);
    metrics_.Limits().Hit(Limit::kPartitionBacklog, 1,
                          tp.topic + "/" + std::to_string(tp.partition));
  }

  void ResumeDrained() {
    if (paused_.empty()) return;
    std::vector<RdKafka::TopicPartition*> drained;
    for (auto it = paused_.begin(); it != paused_.end();) {
      if (tracker_.Backlog(*it) <= static_cast<size_t>(config_.max_partition_backlog) / 2) {
        drained.push_back(RdKafka::TopicPartition::create(it->topic, it->partition));
        it = paused_.erase(it);
      } else {
        ++it;
      }
    }
    if (drained.empty()) return;
    if (const RdKafka::ErrorCode err = consumer_->resume(drained); err != RdKafka::ERR_NO_ERROR)
      spdlog::warn("worker {}: resuming partitions: {}", index_, RdKafka::err2str(err));
    RdKafka::TopicPartition::destroy(drained);
  }

  void CountProcessed(const InputRecord& input, const ProcessedRecord& processed) {
    if (!processed.post) {
      metrics_.PostsConsumed(input.topic, "", "").Increment();
      metrics_.DeadLetters(processed.dead_letter_reason).Increment();
      if (processed.dead_letter_reason == kErrTooLarge) {
        metrics_.Limits().Hit(Limit::kPostSize, 1,
                              input.topic + "/" + std::to_string(input.partition) + "@" +
                                  std::to_string(input.offset));
      }
      return;
    }
    const Verdict& verdict = *processed.verdict;
    metrics_
        .PostsConsumed(input.topic, processed.post->channel, verdict.lang, processed.post->brand)
        .Increment();
    metrics_.PostsClassified(PostClassName(verdict.post_class)).Increment();
    for (const RuleMatch& m : verdict.matches) metrics_.RuleMatches(m.rule_id).Increment();
  }

  void OnDelivery(void* opaque, const RdKafka::Message& message) {
    auto* record = static_cast<InFlightRecord*>(opaque);
    const bool ok = message.err() == RdKafka::ERR_NO_ERROR;
    if (!ok) {
      spdlog::error("worker {}: output to {} failed: {}", index_, message.topic_name(),
                    message.errstr());
      metrics_.OutputFailures(message.topic_name()).Increment();
    }
    if (record == nullptr) return;
    if (tracker_.OutputDone(record, ok)) {
      // Latency is measured for input posts: receipt to all outputs acknowledged.
      if (record->tp.topic != config_.topics.classified)
        metrics_.ProcessingLatency().Observe(static_cast<double>(SteadyNs() - record->received_ns) /
                                             1e9);
      owner_->completed_.fetch_add(1, std::memory_order_relaxed);
    }
  }

  void Commit(const std::vector<CommitPosition>& positions, bool sync) {
    if (positions.empty()) return;
    std::vector<RdKafka::TopicPartition*> offsets = ToKafka(positions);
    const RdKafka::ErrorCode err =
        sync ? consumer_->commitSync(offsets) : consumer_->commitAsync(offsets);
    RdKafka::TopicPartition::destroy(offsets);
    metrics_.Commits().Increment();
    if (err != RdKafka::ERR_NO_ERROR) {
      // A failed commit loses nothing: the records are processed again.
      metrics_.CommitFailures().Increment();
      spdlog::warn("worker {}: offset commit failed: {}", index_, RdKafka::err2str(err));
    }
  }

  void CommitCommittable(bool sync) { Commit(tracker_.TakeCommittable(), sync); }

  Status Shutdown() {
    Status status = fatal_;
    if (Status s = producer_->Flush(options_.flush_timeout_ms); !s.ok()) {
      spdlog::error("worker {}: shutdown flush: {}", index_, s.ToString());
      if (status.ok()) status = s;
    }
    CommitCommittable(/*sync=*/true);
    consumer_->close();  // revokes (and so commits) anything still assigned
    return status;
  }

  // RebalanceCb: served on this worker's thread from consume().
  void rebalance_cb(RdKafka::KafkaConsumer* consumer, RdKafka::ErrorCode err,
                    std::vector<RdKafka::TopicPartition*>& partitions) override {
    const bool cooperative = consumer->rebalance_protocol() == "COOPERATIVE";
    if (err == RdKafka::ERR__ASSIGN_PARTITIONS) {
      spdlog::info("worker {}: assigned {} partition(s)", index_, partitions.size());
      // State first: no record of a partition is processed before its
      // alerting state is back (the Kafka Streams restore step).
      if (Status s = alerts_.Restore(reader_props_, ClassifiedPartitions(partitions)); !s.ok()) {
        spdlog::error("worker {}: restoring alerting state: {}", index_, s.ToString());
        fatal_ = s;
      }
      if (cooperative) {
        RdKafka::Error* e = consumer->incremental_assign(partitions);
        delete e;
      } else {
        consumer->assign(partitions);
      }
      assigned_ += static_cast<int>(partitions.size());
      metrics_.AssignedPartitions().Increment(static_cast<double>(partitions.size()));
      return;
    }
    // Revoked (or lost): finish what we started, commit it, let go.
    spdlog::info("worker {}: revoking {} partition(s)", index_, partitions.size());
    std::vector<TopicPartitionKey> keys;
    keys.reserve(partitions.size());
    for (const RdKafka::TopicPartition* tp : partitions) {
      keys.push_back(TopicPartitionKey{tp->topic(), tp->partition()});
    }
    if (Status s = producer_->Flush(options_.flush_timeout_ms); !s.ok()) {
      spdlog::error("worker {}: flush on revoke: {}", index_, s.ToString());
    }
    if (err != RdKafka::ERR__REVOKE_PARTITIONS || consumer->assignment_lost()) {
      spdlog::warn("worker {}: partitions lost; not committing for them", index_);
    } else {
      // Only what advanced since the last commit: an unneeded commit during a
      // rebalance can only fail.
      Commit(tracker_.TakeCommittable(keys), /*sync=*/true);
    }
    tracker_.Forget(keys);
    ForgetPaused(keys);
    alerts_.Drop(ClassifiedPartitions(partitions));
    if (cooperative) {
      RdKafka::Error* e = consumer->incremental_unassign(partitions);
      delete e;
    } else {
      consumer->unassign();
    }
    assigned_ -= static_cast<int>(partitions.size());
    metrics_.AssignedPartitions().Decrement(static_cast<double>(partitions.size()));
  }

  // A revoked partition leaves paused_; resumed first, so a later
  // assignment of it starts unpaused.
  void ForgetPaused(const std::vector<TopicPartitionKey>& keys) {
    std::vector<RdKafka::TopicPartition*> resumed;
    for (const TopicPartitionKey& tp : keys) {
      if (paused_.erase(tp) != 0)
        resumed.push_back(RdKafka::TopicPartition::create(tp.topic, tp.partition));
    }
    if (resumed.empty()) return;
    (void)consumer_->resume(resumed);
    RdKafka::TopicPartition::destroy(resumed);
  }

  // EventCb: statistics, errors and logs, served from consume().
  void event_cb(RdKafka::Event& event) override {
    switch (event.type()) {
      case RdKafka::Event::EVENT_STATS:
        for (const PartitionLag& lag : ParseConsumerLag(event.str())) {
          metrics_.ConsumerLag(lag.topic, lag.partition).Set(static_cast<double>(lag.lag));
        }
        break;
      default:
        KafkaLogRouter()->event_cb(event);  // logs and errors into earshot's log
        break;
    }
  }

  std::vector<int32_t> ClassifiedPartitions(
      const std::vector<RdKafka::TopicPartition*>& partitions) const {
    std::vector<int32_t> out;
    for (const RdKafka::TopicPartition* tp : partitions) {
      if (tp->topic() == config_.topics.classified) out.push_back(tp->partition());
    }
    return out;
  }

  Worker* owner_;
  int index_;
  const Config& config_;
  const RecordProcessor& processor_;
  Metrics& metrics_;
  WorkerOptions options_;
  AlertStage alerts_;
  KafkaProperties reader_props_;
  std::chrono::steady_clock::time_point last_tick_{};
  std::chrono::steady_clock::time_point last_gauges_{};
  std::unique_ptr<RdKafka::KafkaConsumer> acks_;
  OffsetTracker tracker_;
  std::set<TopicPartitionKey> paused_;  // paused by backpressure
  Status fatal_;
  int assigned_ = 0;
  // Destroyed explicitly in ~Impl (consumer first).
  std::unique_ptr<KafkaProducer> producer_;
  std::unique_ptr<RdKafka::KafkaConsumer> consumer_;
};

Worker::Worker(int index, const Config& config, const RecordProcessor& processor, Metrics& metrics,
               WebhookSink* webhook, const Clock& clock, WorkerOptions options)
    : impl_(std::make_unique<Impl>(this, index, config, processor, metrics, webhook, clock,
                                   options)) {}

Worker::~Worker() = default;

Status Worker::Run() {
  if (Status s = impl_->Start(); !s.ok()) return s;
  return impl_->Loop();
}

}  // namespace earshot
