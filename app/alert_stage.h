// AlertStage: the alerting stage inside one worker, between Kafka and the
// AlertEngine. It reads classified posts (the `classified` topic, keyed by
// conversation, is the repartition topic: one worker owns each
// conversation), turns the engine's events into records for the alerts
// topic, the webhook and stdout as `alerting.outputs` routes them, and its
// state changes into records for the changelog topic, on the same partition
// number as the classified record they came from.
//
// On assignment the worker calls Restore() for the new classified
// partitions before consuming them; on revocation Drop(). Tick() fires due
// timers from the injected clock.
//
// Thread safety: one worker thread.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "app/config.h"
#include "app/metrics.h"
#include "app/record_processor.h"
#include "connectors/kafka/kafka_producer.h"
#include "connectors/webhook/webhook_sink.h"
#include "earshot/alert_engine.h"
#include "earshot/clock.h"

namespace earshot {

class AlertStage {
 public:
  // `webhook` may be null (no webhook configured).
  AlertStage(const Config& config, Metrics& metrics, WebhookSink* webhook, const Clock& clock);

  // One classified record: outputs to produce before its offset may commit.
  // A record that cannot be read is counted and skipped (it was written by
  // earshot; only a foreign producer could put garbage there).
  void OnClassified(const InputRecord& record, std::vector<OutRecord>* outputs);
  // An acknowledgement record from the acks topic.
  void OnAck(std::string_view value, std::vector<OutRecord>* outputs);
  // Fires timers due by the clock's now.
  void Tick(std::vector<OutRecord>* outputs);

  // Reads the changelog partitions of newly assigned classified partitions.
  Status Restore(const KafkaProperties& kafka, const std::vector<int32_t>& partitions);
  void Drop(const std::vector<int32_t>& partitions);

  // Updates the open-item gauges for this worker.
  void PublishGauges(int worker);

  AlertEngine& engine() { return engine_; }

 private:
  void Route(AlertOutput& out, std::vector<OutRecord>* outputs);

  const Config& config_;
  Metrics& metrics_;
  WebhookSink* webhook_;
  const Clock& clock_;
  AlertEngine engine_;
  AlertOutput scratch_;
};

}  // namespace earshot
