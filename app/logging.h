// Logging set-up: readable lines by default, one JSON object per line with
// --log-format json (for log shippers). Secrets never reach a log line:
// Kafka properties are logged only through DescribeKafkaProperties().
#pragma once

#include <string>

#include "earshot/status.h"

namespace earshot {

// format: "text" or "json"; level: trace, debug, info, warn, error, off.
Status SetupLogging(const std::string& format, const std::string& level);

// Escapes a string for inclusion in a JSON string literal.
std::string JsonEscape(const std::string& text);

}  // namespace earshot
