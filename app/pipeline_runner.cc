#include "app/pipeline_runner.h"

#include <spdlog/spdlog.h>

namespace earshot {

PipelineRunner::PipelineRunner(const Config& config,
                               std::shared_ptr<const ClassifierSlot> classifier, Metrics& metrics,
                               const Clock& clock, WebhookSink* webhook)
    : config_(config),
      metrics_(metrics),
      clock_(clock),
      webhook_(webhook),
      processor_(std::move(classifier), config, clock) {}

PipelineRunner::~PipelineRunner() {
  RequestStop();
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
}

void PipelineRunner::Start() {
  for (int i = 0; i < config_.workers; ++i) {
    workers_.push_back(
        std::make_unique<Worker>(i, config_, processor_, metrics_, webhook_, clock_));
  }
  for (auto& worker : workers_) {
    Worker* w = worker.get();
    threads_.emplace_back([this, w] {
      Status s = w->Run();
      if (!s.ok()) {
        spdlog::error("worker stopped: {}", s.ToString());
        const std::lock_guard<std::mutex> lock(mutex_);
        if (first_error_.ok()) first_error_ = s;
        // One worker failing stops the rest: a half-running pipeline would
        // keep consuming partitions while another's are stuck.
        for (auto& other : workers_) other->RequestStop();
      }
    });
  }
}

void PipelineRunner::RequestStop() {
  for (auto& worker : workers_) worker->RequestStop();
}

Status PipelineRunner::Wait() {
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
  const std::lock_guard<std::mutex> lock(mutex_);
  return first_error_;
}

int64_t PipelineRunner::completed() const {
  int64_t n = 0;
  for (const auto& worker : workers_) n += worker->completed();
  return n;
}

}  // namespace earshot
