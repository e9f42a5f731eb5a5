// Stable 64-bit hashing for ids. FNV-1a: the same bytes give the same id on
// every machine and build. DO NOT CHANGE: ids are stored in databases.
#ifndef CASUS_SRC_UTIL_HASH_H_
#define CASUS_SRC_UTIL_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace casus {

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

// `h` continues an earlier hash: StableHash64(b, StableHash64(a)) equals
// StableHash64(a + b).
// One byte of FNV-1a, for code that hashes while it builds a string.
constexpr uint64_t StableHashStep(uint64_t h, unsigned char c) { return (h ^ c) * kFnvPrime; }

constexpr uint64_t StableHash64(std::string_view s, uint64_t h = kFnvOffset) {
  for (unsigned char c : s) h = StableHashStep(h, c);
  return h;
}

// For hash maps keyed by a StableHash64 value: the key is already a hash.
// Token words are looked up by their hash alone; a 64-bit collision between
// two distinct words is far below any other error rate here.
struct PrehashedKey {
  size_t operator()(uint64_t h) const { return static_cast<size_t>(h ^ (h >> 29)); }
};

// 16 lower-case hex digits.
std::string HexId(uint64_t h);

}  // namespace casus

#endif  // CASUS_SRC_UTIL_HASH_H_
