// ClassifierSlot: the classifier in force, swapped atomically on reload.
//
// Workers take a snapshot per record (Get), so a record is classified by one
// rule set from start to end, and a reload never waits for workers nor they
// for it. The old classifier lives until the last record using it is done.
//
// Thread safety: Get and Set from any thread.
#pragma once

#include <atomic>
#include <memory>

#include "earshot/classifier.h"

namespace earshot {

class ClassifierSlot {
 public:
  explicit ClassifierSlot(std::shared_ptr<const Classifier> initial)
      : current_(std::move(initial)) {}

  std::shared_ptr<const Classifier> Get() const { return current_.load(std::memory_order_acquire); }
  void Set(std::shared_ptr<const Classifier> next) {
    current_.store(std::move(next), std::memory_order_release);
  }

 private:
  std::atomic<std::shared_ptr<const Classifier>> current_;
};

}  // namespace earshot
