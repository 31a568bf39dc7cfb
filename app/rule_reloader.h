// RuleReloader: reloads rules and lexicons without a restart.
//
// Triggered by SIGHUP (Trigger) or by a change to any rule or lexicon file
// (a watcher thread compares modification times and the file list once a
// second, which also catches editors that replace files). A reload reads,
// lints and compiles everything on the reloader's own thread, off the hot
// path; only a load without errors is swapped in. On any error the rules in
// force stay, every diagnostic is logged as file:line:column, and
// earshot_rules_reload_total{result="error"} rises.
//
// Thread safety: Trigger and ReloadNow from any thread (reloads serialize).
#pragma once

#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "app/classifier_slot.h"
#include "app/config.h"
#include "app/metrics.h"

namespace earshot {

class RuleReloader {
 public:
  RuleReloader(const Config& config, std::shared_ptr<ClassifierSlot> slot, Metrics& metrics,
               int poll_ms = 1000);
  ~RuleReloader();
  RuleReloader(const RuleReloader&) = delete;
  RuleReloader& operator=(const RuleReloader&) = delete;

  // Starts watching the files.
  void Start();
  // Asks the watcher thread to reload now (SIGHUP).
  void Trigger();
  // Reloads on the calling thread; returns the error that kept the old rules.
  Status ReloadNow();

  // Registers the metrics of a classifier's rules (series for every rule id).
  static void Publish(const Classifier& classifier, Metrics& metrics);

 private:
  using Snapshot = std::map<std::string, std::filesystem::file_time_type>;
  Snapshot TakeSnapshot() const;
  void Loop();

  const Config& config_;
  std::shared_ptr<ClassifierSlot> slot_;
  Metrics& metrics_;
  int poll_ms_;
  std::mutex reload_mutex_;  // one reload at a time
  std::mutex mutex_;         // guards the flags below
  std::condition_variable cv_;
  bool triggered_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace earshot
