// Output formats for events.
#ifndef CASUS_INCLUDE_CASUS_OUTPUT_H_
#define CASUS_INCLUDE_CASUS_OUTPUT_H_

#include <string>

#include "casus/engine.h"
#include "casus/types.h"

namespace casus {

// One event as a single-line JSON object with the documented key order:
// id, date, date_precision, source, target, cameo, root, quad_class, goldstein,
// plover, location, negated, modality, num_mentions, num_articles, num_sources,
// mentions.
std::string EventToJson(const Event& e);

// A knowledge-base lookup: name, kb_id, code, country, role_from, role_to,
// then kind, role and location.
std::string KbEntryToJson(const KbEntry& e);

// A document as `casus extract` prints it: id, url, title, date (null when
// unknown), language, text (the body, without the title).
std::string DocumentToJson(const Document& d);

// A learned actor with its evidence.
std::string LearnedActorToJson(const LearnedActor& l);

}  // namespace casus

#endif  // CASUS_INCLUDE_CASUS_OUTPUT_H_
