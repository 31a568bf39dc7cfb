// How `earshot rules lint` and `rules test` print what they find: for a
// person at a terminal, for a program, or for a CI that annotates code.
//
//   text    compiler style: "file:line:col: error: message", the source line
//           and a caret (Diagnostic::ToString)
//   json    one JSON document on stdout, for editors and scripts
//   github  GitHub Actions workflow commands ("::error file=…,line=…,col=…,
//           title=…::message"), which the Actions runner turns into
//           annotations on the pull request's lines
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/diagnostic.h"

namespace earshot {

enum class ReportFormat { kText, kJson, kGithub };

// "text", "json" or "github"; nullopt for anything else.
std::optional<ReportFormat> ParseReportFormat(std::string_view name);

// The diagnostics in source order, as a compiler lists them: files in the
// order they first come up, then by line and column. Stable otherwise.
std::vector<Diagnostic> InSourceOrder(std::vector<Diagnostic> diagnostics);

// One GitHub workflow command for a problem at file:line:col (0 = unknown,
// left out). `level` is "error", "warning" or "notice"; `title` may be
// empty. Escapes what the runner's parser would misread (%, CR, LF, and ','
// and ':' in the properties).
std::string GithubAnnotation(std::string_view level, std::string_view file, int line, int column,
                             std::string_view title, std::string_view message);

// The JSON writer the reports are written with.
using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Writes a string of any length (rapidjson's String takes a pointer and a
// size, so embedded NULs and non-terminated views are safe).
void WriteJsonString(JsonWriter* w, std::string_view s);

// A diagnostic as a JSON object: file, line, column, severity, code, message.
void WriteDiagnostic(JsonWriter* w, const Diagnostic& d);
std::string DiagnosticJson(const Diagnostic& d);

}  // namespace earshot
