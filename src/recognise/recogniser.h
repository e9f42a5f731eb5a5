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

#include <absl/container/flat_hash_map.h>

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
  bool coreferent = false;        // "He", "the ministry": resolved from earlier mentions
  bool modifier_only = false;     // "Anti-Bush", "Qatar-based": never an actor

  // Whether it may be a source or target (adjectives only where asked).
  bool CanAct(bool allow_adjective) const {
    return !place_only && !agent_only && !modifier_only && !code.empty() &&
           (allow_adjective || !adjective_only);
  }
};

// Per-document state for coreference and learning: one per document, used by
// one thread, filled sentence by sentence in reading order.
struct DocumentMemory {
  struct Person {
    std::string full_lower, last_lower, name, code, country, kb_id;
  };
  struct AgentUse {
    std::string agent, country;
  };
  // The persons a stretch of text names, as much as "he"/"she" needs: how
  // many (counting stops at two, which leaves a pronoun unresolved) and the
  // first one's code, country and id.
  struct PersonsNamed {
    int count = 0;
    std::string code, country, kb_id;
  };
  std::vector<Person> learned;  // names learned so far
  // Indexes into `learned`: by full name, and by first and last word (each
  // list in learning order), so that long documents stay linear.
  absl::flat_hash_map<std::string, size_t> learned_index;
  absl::flat_hash_map<std::string, std::vector<size_t>> by_word;
  // Persons named by each of the last kPronounReach sentences, oldest first.
  static constexpr size_t kPronounReach = 3;
  std::vector<PersonsNamed> persons_by_sentence;
  std::vector<AgentUse> agent_uses;                      // "Russian foreign ministry" ...
  std::vector<LearnedActor> evidence;                    // what was learned, in order
  int sentence = 0;                                      // index of the sentence being read
  // False when the document has no "he"/"she": persons_by_sentence, read only
  // to resolve them, is then not kept.
  bool pronouns = true;
  // Forgets everything (keeping the memory allocated) for a new document
  // whose tokens are `document_tokens`.
  void Start(const std::vector<Token>& document_tokens);
  void Clear() {
    learned.clear();
    learned_index.clear();
    by_word.clear();
    persons_by_sentence.clear();
    agent_uses.clear();
    evidence.clear();
    sentence = 0;
    pronouns = true;
  }
};

class Recogniser {
 public:
  explicit Recogniser(const KnowledgeBase& kb) : kb_(kb) {}

  // Finds mentions in tokens[tb, te) of `text`; appends to `out` in order.  // With `memory`, it also learns
  // names from titles and appositions, resolves learned names, "he"/"she" and "the ministry" from earlier
  // sentences, and records this sentence's mentions for the next ones.
  void Recognise(std::string_view text, const std::vector<Token>& tokens, size_t tb, size_t te,
                 const Date& date, std::vector<ActorMention>* out, DocumentMemory* memory = nullptr) const;

 private:
  void UseMemory(std::string_view text, const std::vector<Token>& tokens, size_t tb, size_t te,
                 std::vector<char> covered, bool headline, size_t first_new, std::vector<ActorMention>* out,
                 DocumentMemory* memory) const;

  const KnowledgeBase& kb_;
};

}  // namespace casus

#endif  // CASUS_SRC_RECOGNISE_RECOGNISER_H_
