// Facts about CAMEO codes shared by the coder and the merger.
#ifndef CASUS_SRC_CODE_CAMEO_H_
#define CASUS_SRC_CODE_CAMEO_H_

#include <string_view>

namespace casus {

// Codes whose two actors act together: "X and Y met / signed an agreement /
// cooperated". Their dyad is unordered when mentions merge, and a conjoined
// subject with no object is one event between the conjuncts.
inline bool SymmetricCode(std::string_view code) {
  return code.substr(0, 2) == "04" || code.substr(0, 3) == "057" || code.substr(0, 2) == "06";
}

}  // namespace casus

#endif  // CASUS_SRC_CODE_CAMEO_H_
