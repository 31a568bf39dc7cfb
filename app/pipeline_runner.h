// PipelineRunner: N workers (consumer-group members) in one process.
//
// Parallelism is Kafka's: each worker is a full member of the consumer group
// and owns the partitions the group assigns it, so running more workers, or
// more processes with the same group.id, spreads partitions the same way.
//
// Thread safety: Start/Wait from the owning thread; RequestStop from any
// thread (a signal-handling thread, a test).
#pragma once

#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "app/config.h"
#include "app/metrics.h"
#include "app/record_processor.h"
#include "app/worker.h"

namespace earshot {

class PipelineRunner {
 public:
  PipelineRunner(const Config& config, std::shared_ptr<const ClassifierSlot> classifier,
                 Metrics& metrics, const Clock& clock, WebhookSink* webhook = nullptr);
  ~PipelineRunner();

  // Starts the workers' threads.
  void Start();
  // Asks every worker to stop (flush, commit, leave the group).
  void RequestStop();
  // Waits for all workers; returns the first error any of them reported.
  Status Wait();

  int64_t completed() const;

 private:
  const Config& config_;
  Metrics& metrics_;
  const Clock& clock_;
  WebhookSink* webhook_;
  RecordProcessor processor_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  Status first_error_;  // guarded by mutex_
};

}  // namespace earshot
