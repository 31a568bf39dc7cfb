// The `earshot` subcommands. Each Add*Command registers its CLI11
// subcommand; the callback runs the command and stores its exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace earshot {

// Shared by all commands: how the process was asked to stop.
class StopSignal {
 public:
  void Notify() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stopped_ = true;
    }
    cv_.notify_all();
    std::function<void()> hook;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      hook = hook_;
    }
    if (hook) hook();
  }
  // Runs `hook` on stop (from the signal thread), e.g. Service::RequestStop.
  // If the stop came already, the hook runs at once.
  void OnStop(std::function<void()> hook) {
    bool already = false;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      hook_ = hook;
      already = stopped_;
    }
    if (already && hook) hook();
  }
  // Waits until stopped or `ms` passed; true when stopped.
  bool WaitFor(int ms) {
    std::unique_lock<std::mutex> lock(mutex_);
    return cv_.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stopped_; });
  }
  void Wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [this] { return stopped_; });
  }
  // SIGHUP: runs the reload hook, if a command set one.
  void NotifyReload() {
    std::function<void()> hook;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      hook = reload_hook_;
    }
    if (hook) hook();
  }
  void OnReload(std::function<void()> hook) {
    const std::lock_guard<std::mutex> lock(mutex_);
    reload_hook_ = std::move(hook);
  }
  bool stopped() {
    const std::lock_guard<std::mutex> lock(mutex_);
    return stopped_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopped_ = false;
  std::function<void()> hook_;
  std::function<void()> reload_hook_;
};

struct CommandContext {
  StopSignal* stop = nullptr;
  int* exit_code = nullptr;
};

void AddBrokerCommand(CLI::App& app, CommandContext context);
void AddRunCommand(CLI::App& app, CommandContext context);
void AddDemoCommand(CLI::App& app, CommandContext context);
void AddRulesCommand(CLI::App& app, CommandContext context);
void AddExplainCommand(CLI::App& app, CommandContext context);
void AddClassifyCommand(CLI::App& app, CommandContext context);
void AddEvalCommand(CLI::App& app, CommandContext context);
void AddSimulateCommand(CLI::App& app, CommandContext context);
void AddAckCommand(CLI::App& app, CommandContext context);

}  // namespace earshot
