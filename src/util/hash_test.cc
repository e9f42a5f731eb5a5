#include "util/hash.h"

#include <gtest/gtest.h>

namespace casus {

// Ids and fingerprints are stored: the values must never change.
TEST(Hash, StableValuesAndChaining) {
  EXPECT_EQ(StableHash64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(HexId(StableHash64("a")), "af63dc4c8601ec8c");
  EXPECT_EQ(StableHash64("2025-05-19\x1fText", 0xcbf29ce484222325ULL),
            StableHash64("Text", StableHash64("\x1f", StableHash64("2025-05-19"))));
  EXPECT_EQ(HexId(0), "0000000000000000");
  EXPECT_EQ(HexId(0xfedcba9876543210ULL), "fedcba9876543210");
}

}  // namespace casus
