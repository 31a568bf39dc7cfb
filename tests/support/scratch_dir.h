// A directory of one test process's own under the system's temp directory,
// removed with everything in it when the process exits.
//
// ctest runs test processes two at a time, so the directory name carries the
// process id; removing it at exit keeps repeated runs from piling up files in
// /tmp.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace earshot::testing {

class ScratchDir {
 public:
  explicit ScratchDir(const std::string& prefix)
      : path_(std::filesystem::temp_directory_path() / (prefix + std::to_string(::getpid()))) {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;  // A test's leftovers are no reason to fail at exit.
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The scratch directory of this process for `prefix`, made on first use and
// removed at exit.
inline const std::filesystem::path& ProcessScratchDir(const std::string& prefix) {
  static const ScratchDir dir(prefix);
  return dir.path();
}

}  // namespace earshot::testing
