// Stable 64-bit hashing for ids. FNV-1a: the same bytes give the same id on
// every machine and build. DO NOT CHANGE: ids are stored in databases.
#ifndef CASUS_SRC_UTIL_HASH_H_
#define CASUS_SRC_UTIL_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace casus {

inline uint64_t StableHash64(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// 16 lower-case hex digits.
std::string HexId(uint64_t h);

}  // namespace casus

#endif  // CASUS_SRC_UTIL_HASH_H_
