#include "app/signals.h"

#include <pthread.h>
#include <signal.h>

namespace earshot {
namespace {
// Sent by the destructor to end the watcher; never delivered from outside.
constexpr int kWakeSignal = SIGUSR2;

sigset_t WatchedSet() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, kWakeSignal);
  return set;
}
}  // namespace

SignalWatcher::SignalWatcher(std::function<void(int)> on_signal)
    : on_signal_(std::move(on_signal)) {
  const sigset_t set = WatchedSet();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  thread_ = std::thread([this] {
    const sigset_t watched = WatchedSet();
    for (;;) {
      int signal = 0;
      if (sigwait(&watched, &signal) != 0) continue;
      if (signal == kWakeSignal) return;
      on_signal_(signal);
    }
  });
}

SignalWatcher::~SignalWatcher() {
  pthread_kill(thread_.native_handle(), kWakeSignal);
  thread_.join();
}

}  // namespace earshot
