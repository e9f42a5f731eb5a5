#include "casus/types.h"

#include <set>

namespace casus {

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted:
      return "asserted";
    case Modality::kIntent:
      return "intent";
    case Modality::kThreat:
      return "threat";
  }
  return "asserted";
}

const char* DatePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
  }
  return "day";
}

int Event::num_articles() const {
  std::set<std::string> docs;
  for (const auto& m : mentions) docs.insert(m.doc);
  return static_cast<int>(docs.size());
}

int Event::num_sources() const {
  std::set<std::string> sources;
  for (const auto& m : mentions) sources.insert(m.source_name.empty() ? "doc:" + m.doc : m.source_name);
  return static_cast<int>(sources.size());
}

}  // namespace casus
