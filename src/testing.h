// Shared test helpers: the engine over the repository's own data files, and
// paths to ../shared (tests that need it skip when it is absent).
#ifndef CASUS_SRC_TESTING_H_
#define CASUS_SRC_TESTING_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "casus/engine.h"

namespace casus {

inline Options TEST_Options() {
  Options o = Options::Defaults();
  o.data_dir = std::string(CASUS_SOURCE_DIR) + "/data";
  return o;
}

// One engine for the whole test binary (loading takes ~0.1 s).
inline const Engine& TEST_Engine() {
  static std::unique_ptr<Engine> engine = [] {
    std::unique_ptr<Engine> e;
    Status s = Engine::Open(TEST_Options(), &e);
    if (!s.ok()) {
      std::fprintf(stderr, "engine: %s\n", s.ToString().c_str());
      std::abort();
    }
    return e;
  }();
  return *engine;
}

inline std::string TEST_SharedPath(const std::string& rel) {
  return std::string(CASUS_SHARED_DIR) + "/" + rel;
}

#define CASUS_REQUIRE_SHARED(rel)                                      \
  do {                                                                 \
    if (!std::filesystem::exists(::casus::TEST_SharedPath(rel)))       \
      GTEST_SKIP() << "../shared/" << (rel) << " is absent; skipping"; \
  } while (0)

}  // namespace casus

#endif  // CASUS_SRC_TESTING_H_
