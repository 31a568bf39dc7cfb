#include "connectors/files/sample_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace earshot {

StatusOr<std::vector<SampleRecord>> LoadSampleRecords(const std::string& dir, bool with_synthetic) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status("samples", dir + ": not a directory");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".jsonl")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<SampleRecord> records;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status("samples", file.string() + ": cannot read");
    int line_number = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_number;
      if (line.empty()) continue;  // blank lines are layout, not records
      records.push_back(
          SampleRecord{file.filename().string() + ":" + std::to_string(line_number), line});
    }
  }
  if (with_synthetic) {
    records.push_back(SampleRecord{"synthetic:empty", ""});
    std::string huge =
        R"({"id":"synthetic-huge","channel":"x","brand":"hizlikargo",)"
        R"("author":{"id":"u0","handle":"flood"},"created_at":"2026-11-23T10:00:00Z","text":")";
    huge.append(1100 * 1000, 'a');
    huge += "\"}";
    records.push_back(SampleRecord{"synthetic:1MB-text", std::move(huge)});
  }
  return records;
}

}  // namespace earshot
