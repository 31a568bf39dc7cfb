// WordList: membership answers exactly what a plain scan of the list would,
// for entries that share a first byte and length, for near misses and for
// words of another list's shape.
#include "pipeline/word_list.h"

#include <gtest/gtest.h>

#include <string>

namespace earshot {
namespace {

constexpr std::string_view kShared[] = {"cat", "cot", "cut", "car", "c", "can't", "çok", "x"};
constexpr WordList kSharedList(kShared);

TEST(WordList, EveryEntryIsFoundAmongEntriesOfTheSameFirstByteAndLength) {
  for (const std::string_view w : kShared) EXPECT_TRUE(kSharedList.Contains(w)) << w;
}

TEST(WordList, NearMissesAndTheEmptyWordAreNotFound) {
  for (const char* w : {"ca", "cats", "cit", "dat", "ct", "", "can", "cok", "X", "xx", "çoк"}) {
    EXPECT_FALSE(kSharedList.Contains(w)) << w;
  }
}

TEST(WordList, WordsLongerThanFifteenBytesShareOneLengthBucket) {
  constexpr std::string_view kLong[] = {"extraordinarily", "extraordinarilyy", "exceptionally"};
  constexpr WordList kLongList(kLong);
  for (const std::string_view w : kLong) EXPECT_TRUE(kLongList.Contains(w)) << w;
  EXPECT_FALSE(kLongList.Contains("extraordinarilyz"));
  EXPECT_FALSE(kLongList.Contains(std::string(40, 'e')));
}

}  // namespace
}  // namespace earshot
