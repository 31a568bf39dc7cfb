#include "pipeline/terminal_columns.h"

#include <gtest/gtest.h>

namespace earshot {
namespace {

TEST(TerminalColumns, CountsCharactersByTheirWidthNotTheirBytes) {
  EXPECT_EQ(TerminalColumns(""), 0);
  EXPECT_EQ(TerminalColumns("rezalet"), 7);
  EXPECT_EQ(TerminalColumns("çok kötü"), 8);   // 11 bytes
  EXPECT_EQ(TerminalColumns("😡"), 2);          // 4 bytes, a wide character
  EXPECT_EQ(TerminalColumns("e\xCC\x81"), 1);  // e and a combining acute accent
  EXPECT_EQ(TerminalColumns("\xFF"
                            "a"),
            2);                           // a stray byte counts as one
  EXPECT_EQ(TerminalColumns("\xC3"), 1);  // "ç" cut after its first byte
}

}  // namespace
}  // namespace earshot
