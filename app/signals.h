// SignalWatcher: turns SIGINT/SIGTERM into a callback on an ordinary thread.
//
// Construct it first in main(), before any other thread starts: it blocks
// the signals in the calling thread, so every thread created afterwards
// inherits the mask and only the watcher's sigwait() sees them. The
// callback can then take locks and call into librdkafka safely, which a
// real signal handler could not.
#pragma once

#include <functional>
#include <thread>

namespace earshot {

class SignalWatcher {
 public:
  explicit SignalWatcher(std::function<void(int)> on_signal);
  ~SignalWatcher();
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

 private:
  std::function<void(int)> on_signal_;
  std::thread thread_;
};

}  // namespace earshot
