// TerminalColumns: how many columns a UTF-8 string takes on a terminal, for
// output that lines text up: the caret of a lint message, explain's table.
// Byte counts do not: "ç" is two bytes and one column, an emoji four bytes
// and two.
#pragma once

#include <string_view>

namespace earshot {

// Columns of `text` by Unicode's East Asian width (utf8proc): two for wide
// characters and emoji, none for combining marks, one for everything else.
// A byte that starts no valid UTF-8 character counts as one column. A tab
// counts as one; callers that align past tabs copy them instead.
int TerminalColumns(std::string_view text);

}  // namespace earshot
