#include "app/commands/report_format.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace earshot {
namespace {

// The runner reads "%", CR and LF as escapes in both parts of a command,
// and "," and ":" as separators among the properties.
std::string Escape(std::string_view s, bool property) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::optional<ReportFormat> ParseReportFormat(std::string_view name) {
  if (name == "text") return ReportFormat::kText;
  if (name == "json") return ReportFormat::kJson;
  if (name == "github") return ReportFormat::kGithub;
  return std::nullopt;
}

std::vector<Diagnostic> InSourceOrder(std::vector<Diagnostic> diagnostics) {
  std::map<std::string, size_t> file_rank;
  for (const Diagnostic& d : diagnostics) file_rank.emplace(d.file, file_rank.size());
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     return std::make_tuple(file_rank[a.file], a.line, a.column) <
                            std::make_tuple(file_rank[b.file], b.line, b.column);
                   });
  return diagnostics;
}

std::string GithubAnnotation(std::string_view level, std::string_view file, int line, int column,
                             std::string_view title, std::string_view message) {
  std::string out = "::";
  out.append(level);
  std::string properties;
  auto add = [&](std::string_view key, const std::string& value) {
    properties.append(properties.empty() ? " " : ",").append(key).append("=").append(value);
  };
  if (!file.empty()) add("file", Escape(file, true));
  if (line > 0) add("line", std::to_string(line));
  if (column > 0) add("col", std::to_string(column));
  if (!title.empty()) add("title", Escape(title, true));
  out += properties;
  out += "::";
  out += Escape(message, false);
  return out;
}

void WriteJsonString(JsonWriter* w, std::string_view s) {
  w->String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void WriteDiagnostic(JsonWriter* w, const Diagnostic& d) {
  w->StartObject();
  w->Key("file");
  WriteJsonString(w, d.file);
  w->Key("line");
  w->Int(d.line);
  w->Key("column");
  w->Int(d.column);
  w->Key("severity");
  w->String(d.severity == Severity::kError ? "error" : "warning");
  w->Key("code");
  WriteJsonString(w, d.code);
  w->Key("message");
  WriteJsonString(w, d.message);
  w->EndObject();
}

std::string DiagnosticJson(const Diagnostic& d) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  WriteDiagnostic(&w, d);
  return buffer.GetString();
}

}  // namespace earshot
