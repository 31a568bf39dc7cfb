// Worker: one consumer-group member, its own producer, one thread.
//
// Loop: consume a record -> RecordProcessor (input topics) or AlertStage
// (the classified topic, repartitioned by conversation) -> produce its
// outputs -> serve delivery reports -> every commit interval, commit the
// positions below which every output is acknowledged (OffsetTracker).
// Between records it fires the alerting timers and applies acks. A newly
// assigned classified partition has its alerting state restored from the
// changelog before any of its records is processed. On partition revoke it
// flushes and commits before letting the partitions go, so the next owner
// starts exactly where this one finished. A delivery that fails for good
// stops the worker without committing past the failed record: a restart
// processes it again (at-least-once), never skips it.
//
// Thread safety: Run() on one thread; RequestStop() from any thread.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "app/alert_stage.h"
#include "app/config.h"
#include "app/metrics.h"
#include "app/record_processor.h"
#include "earshot/status.h"

namespace earshot {

struct WorkerOptions {
  int commit_interval_ms = 500;
  // How long shutdown may wait for outstanding outputs.
  int flush_timeout_ms = 8000;
};

class Worker {
 public:
  // `webhook` may be null; `clock` drives the alerting stage's timers.
  Worker(int index, const Config& config, const RecordProcessor& processor, Metrics& metrics,
         WebhookSink* webhook, const Clock& clock, WorkerOptions options = {});
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Runs until RequestStop() or a fatal error; returns that error or OK.
  Status Run();
  void RequestStop() { stop_ = true; }

  // Records fully processed (all outputs acknowledged) so far.
  int64_t completed() const { return completed_.load(); }

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
  std::atomic<bool> stop_{false};
  std::atomic<int64_t> completed_{0};
};

}  // namespace earshot
