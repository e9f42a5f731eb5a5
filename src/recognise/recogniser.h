// Recogniser: actors and places in a sentence, from knowledge-base phrases.
//
// Adjacent phrases compose into one mention: "Russian Foreign Minister Sergey
// Lavrov" (adjective + agent + person), "the President of the United States"
// (agent + of + country), "Russia's foreign minister". A person resolves to the
// role held on the document date. Mentions joined by "and", "," or "-" share a
// chain id ("Moscow-Kiev talks", "Putin and Trump"), and a bare country in a
// chain borrows its partner's agent ("Russian and US top diplomats").
#ifndef CASUS_SRC_RECOGNISE_RECOGNISER_H_
#define CASUS_SRC_RECOGNISE_RECOGNISER_H_

#include <optional>
#include <string>
#include <vector>

#include "casus/types.h"
#include "kb/knowledge_base.h"
#include "segment/tokenizer.h"

namespace casus {

struct ActorMention {
  size_t tb = 0, te = 0;  // token range [tb, te)
  std::string code;       // CAMEO actor code ("" for agent-only)
  std::string country;
  std::string kb_id;
  std::string name;               // text as written
  bool adjective_only = false;    // "Russian" with no agent: only in compounds
  bool agent_only = false;        // "police": no country
  bool metonym = false;           // capital or seat of government
  bool place_only = false;        // "in Moscow": a place, not an actor
  std::optional<Location> place;  // for capitals and cities
  int chain = -1;                 // conjunction chain id, -1 when alone
};

class Recogniser {
 public:
  explicit Recogniser(const KnowledgeBase& kb) : kb_(kb) {}

  // Finds mentions in tokens[tb, te) of `text`; appends to `out` in order.
  void Recognise(std::string_view text, const std::vector<Token>& tokens, size_t tb, size_t te,
                 const Date& date, std::vector<ActorMention>* out) const;

 private:
  const KnowledgeBase& kb_;
};

// True for prepositions that make a following capital a place ("in Moscow").
bool IsLocativePreposition(std::string_view lower);

}  // namespace casus

#endif  // CASUS_SRC_RECOGNISE_RECOGNISER_H_
