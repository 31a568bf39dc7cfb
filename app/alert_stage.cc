#include "app/alert_stage.h"

#include <spdlog/spdlog.h>

#include <cstdio>

namespace earshot {
namespace {

std::mutex& StdoutMutex() {
  static std::mutex m;
  return m;
}

}  // namespace

AlertStage::AlertStage(const Config& config, Metrics& metrics, WebhookSink* webhook,
                       const Clock& clock)
    : config_(config),
      metrics_(metrics),
      webhook_(webhook),
      clock_(clock),
      engine_(config.alerting) {
  metrics_.RegisterOverdueSteps(static_cast<int>(config.alerting.escalation_steps.size()));
}

void AlertStage::OnClassified(const InputRecord& record, std::vector<OutRecord>* outputs) {
  auto classified = DecodeClassifiedJson(record.value);
  if (!classified.ok()) {
    metrics_.BadStateRecords().Increment();
    spdlog::warn("alerting: skipped unreadable record {}/{}@{}: {}", record.topic, record.partition,
                 record.offset, classified.status().ToString());
    return;
  }
  engine_.OnPost(record.partition, classified->post, classified->verdict,
                 classified->received_at_ms, &scratch_);
  Route(scratch_, outputs);
}

void AlertStage::OnAck(std::string_view value, std::vector<OutRecord>* outputs) {
  auto ack = DecodeAckJson(value);
  if (!ack.ok()) {
    spdlog::warn("alerting: skipped an unreadable ack: {}", ack.status().ToString());
    return;
  }
  if (ack->at_ms == 0) ack->at_ms = clock_.NowMs();
  engine_.OnAck(*ack, &scratch_);
  Route(scratch_, outputs);
}

void AlertStage::Tick(std::vector<OutRecord>* outputs) {
  engine_.Advance(clock_.NowMs(), &scratch_);
  Route(scratch_, outputs);
}

Status AlertStage::Restore(const KafkaProperties& kafka, const std::vector<int32_t>& partitions) {
  if (partitions.empty()) return Status::Ok();
  metrics_.StateRestored().Set(0);
  size_t records = 0;
  size_t bad = 0;
  Status s = ForEachRecord(
      kafka, config_.topics.changelog, partitions,
      [&](const ConsumedRecord& r) {
        ++records;
        if (!engine_.RestoreItem(r.partition, r.key, r.value).ok()) ++bad;
      },
      120000);
  if (bad > 0) {
    metrics_.BadStateRecords().Increment(static_cast<double>(bad));
    spdlog::warn("alerting: {} changelog record(s) could not be read and were skipped", bad);
  }
  if (!s.ok()) return s;
  metrics_.StateRestored().Set(1);
  spdlog::info("alerting: restored {} partition(s) from {} changelog record(s); {} open item(s)",
               partitions.size(), records, engine_.open_items());
  return Status::Ok();
}

void AlertStage::Drop(const std::vector<int32_t>& partitions) {
  for (int32_t p : partitions) engine_.DropPartition(p);
}

void AlertStage::PublishGauges(int worker) {
  metrics_.SetOpenItems(worker, engine_.OpenItemsByChannelPriority(), engine_.OldestOpenMs(),
                        clock_.NowMs());
}

void AlertStage::Route(AlertOutput& out, std::vector<OutRecord>* outputs) {
  for (AlertEvent& e : out.events) {
    const std::string type = AlertEventTypeName(e.type);
    metrics_.Alerts(type).Increment();
    switch (e.type) {
      case AlertEventType::kResponseOverdue:
        metrics_.Overdue(e.overdue_step).Increment();
        break;
      case AlertEventType::kAcknowledged:
        metrics_.Acks().Increment();
        break;
      case AlertEventType::kComplaintSpike:
        metrics_.Spikes().Increment();
        break;
      default:
        break;
    }
    if (config_.routes.Has(type, "stdout")) {
      const std::lock_guard<std::mutex> lock(StdoutMutex());
      std::fprintf(stdout, "%s\n", e.json.c_str());
      std::fflush(stdout);
    }
    if (webhook_ != nullptr && config_.routes.Has(type, "webhook")) {
      AlertSummary s;
      s.type = type;
      s.post_class = e.post_class;
      s.priority = e.priority;
      s.channel = e.channel;
      s.author = e.author;
      s.link = e.link;
      s.text = e.text;
      s.brand = e.brand;
      s.due_at_ms = e.due_at_ms;
      s.overdue_step = e.overdue_step;
      s.count = static_cast<int>(e.count);
      webhook_->Enqueue(FormatSlackBody(s));
    }
    if (config_.routes.Has(type, "kafka")) {
      OutRecord r;
      r.topic = config_.topics.alerts;
      r.key = e.key;
      r.value = std::move(e.json);
      r.headers.emplace_back("earshot.event_type", type);
      r.headers.emplace_back("earshot.event_id", e.event_id);
      outputs->push_back(std::move(r));
    }
  }
  for (StateRecord& c : out.changes) {
    OutRecord r;
    r.topic = config_.topics.changelog;
    r.partition = c.partition;  // co-partitioned with the classified topic
    r.key = std::move(c.key);
    r.null_value = c.value.empty();  // a tombstone: compaction forgets the item
    r.value = std::move(c.value);
    outputs->push_back(std::move(r));
  }
  for (const AlertOutput::FirstResponse& f : out.first_responses) {
    metrics_.Responses(f.channel, f.post_class).Increment();
    metrics_.FirstResponse(f.channel, f.post_class).Observe(f.seconds);
  }
  if (out.grouped > 0) metrics_.GroupedPosts().Increment(static_cast<double>(out.grouped));
  if (out.expired > 0) metrics_.ExpiredItems("expired").Increment(static_cast<double>(out.expired));
  if (out.evicted > 0) {
    metrics_.ExpiredItems("evicted").Increment(static_cast<double>(out.evicted));
    metrics_.Limits().Hit(Limit::kOpenItems, static_cast<uint64_t>(out.evicted));
  }
  if (out.acks_dropped > 0)
    metrics_.Limits().Hit(Limit::kPendingAcks, static_cast<uint64_t>(out.acks_dropped));
  out.Clear();
}

}  // namespace earshot
