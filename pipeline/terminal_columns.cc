#include "pipeline/terminal_columns.h"

#include <utf8proc.h>

#include <algorithm>

namespace earshot {

int TerminalColumns(std::string_view text) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  int columns = 0;
  for (utf8proc_ssize_t at = 0; at < size;) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(bytes + at, size - at, &cp);
    if (n <= 0) {  // a stray byte, or a character cut short
      ++columns;
      ++at;
      continue;
    }
    columns += cp == '\t' ? 1 : std::max(utf8proc_charwidth(cp), 0);
    at += n;
  }
  return columns;
}

}  // namespace earshot
