#include "util/text.h"

#include <gtest/gtest.h>

#include <string>

namespace casus {

// Non-ASCII bytes are looked for in 64-byte blocks and then byte by byte:
// each case puts them in the first block, a later block and the tail.
TEST(RepairUtf8, AsciiAndNfcTextIsLeftAlone) {
  for (size_t pad : {0u, 70u, 130u}) {
    std::string ascii = std::string(pad, 'a') + " plain text";
    std::string copy = ascii;
    EXPECT_FALSE(RepairUtf8(&copy));
    EXPECT_EQ(copy, ascii);
    std::string nfc = std::string(pad, 'a') + " caf\xC3\xA9";  // é precomposed
    copy = nfc;
    EXPECT_FALSE(RepairUtf8(&copy));
    EXPECT_EQ(copy, nfc);
  }
}

TEST(RepairUtf8, DecomposedTextIsComposed) {
  for (size_t pad : {0u, 70u, 130u}) {
    std::string text = std::string(pad, 'a') + " cafe\xCC\x81";  // e + combining acute
    EXPECT_FALSE(RepairUtf8(&text)) << "valid input is not reported as repaired";
    EXPECT_EQ(text, std::string(pad, 'a') + " caf\xC3\xA9");
  }
}

TEST(RepairUtf8, InvalidBytesBecomeReplacementCharacters) {
  for (size_t pad : {0u, 70u, 130u}) {
    std::string text = std::string(pad, 'a') + " bad \xFF byte";
    EXPECT_TRUE(RepairUtf8(&text));
    EXPECT_EQ(text, std::string(pad, 'a') + " bad \xEF\xBF\xBD byte");
  }
}

}  // namespace casus
