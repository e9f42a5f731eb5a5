// Coder: CAMEO events from one sentence's tokens and actor mentions.
//
// For each verb or noun pattern match (longest match at a position; `---`
// discards): the source is the nearest subject actor to the left in the same
// clause (actors after a preposition are not subjects), the target the first
// actor to the right or the one in the pattern's `%` slot; passive verbs swap
// them ("was attacked by X"); noun events take "between X and Y", "X's talks
// with Y" and "Russian-Ukrainian talks". Conjoined actors give one event per
// pair; a conjoined subject with no object gives one symmetric event
// ("Putin and Trump held talks"). Negated mentions are dropped (or flagged),
// intents and threats are recoded with data/cameo/modality.tsv, hypotheticals
// and questions are dropped.
#ifndef CASUS_SRC_CODE_CODER_H_
#define CASUS_SRC_CODE_CODER_H_

#include <optional>
#include <string>
#include <vector>

#include "casus/options.h"
#include "casus/types.h"
#include "code/dates.h"
#include "code/verb_dictionary.h"
#include "kb/knowledge_base.h"
#include "recognise/recogniser.h"
#include "segment/tokenizer.h"

namespace casus {

struct SentenceContext {
  std::string_view text;  // the document text
  const std::vector<Token>* tokens;
  size_t tb = 0, te = 0;                      // the sentence's tokens
  const std::vector<ActorMention>* mentions;  // this sentence's mentions, in order
  Date published;
  bool background = false;  // events need their own date
  bool title = false;  // the article's title line
};

// One coded mention before merging.
struct CodedMention {
  Event event;  // with exactly one Mention (doc fields filled by the caller)
  bool date_from_text = false;
};

class Coder {
 public:
  Coder(const KnowledgeBase& kb, const VerbDictionary& verbs, const Options& options)
      : kb_(kb), verbs_(verbs), options_(options) {}

  void CodeSentence(const SentenceContext& ctx, std::vector<CodedMention>* out) const;

 private:
  const KnowledgeBase& kb_;
  const VerbDictionary& verbs_;
  const Options& options_;
};

}  // namespace casus

#endif  // CASUS_SRC_CODE_CODER_H_
