// Word classes: closed-class English words (prepositions, determiners,
// auxiliaries, clause breaks ...) as bit flags, looked up once per token by the
// tokenizer so that later stages test bits instead of comparing strings.
#ifndef CASUS_SRC_SEGMENT_WORD_CLASS_H_
#define CASUS_SRC_SEGMENT_WORD_CLASS_H_

#include <cstdint>
#include <string_view>

namespace casus {

enum WordClass : uint32_t {
  kArticle = 1u << 0,     // the a an
  kDeterminer = 1u << 1,  // articles, possessives, quantifiers: a noun follows
  kPossessivePronoun = 1u << 2,
  kPreposition = 1u << 3,
  kLeftBreak = 1u << 4,   // ends the leftward search for a subject
  kRightBreak = 1u << 5,  // ends the rightward search for an object
  kClausePunct = 1u << 6,
  kNegator = 1u << 7,
  kAuxProgressive = 1u << 8,    // "is" in "is meeting"
  kAuxPassive = 1u << 9,        // "was" in "was attacked"
  kAdverbSkip = 1u << 10,       // may stand between auxiliary and verb
  kFuture = 1u << 11,           // will, shall
  kHypothetical = 1u << 12,     // would, could, might, should
  kConditional = 1u << 13,      // if, unless, whether
  kConjunction = 1u << 14,      // and , - & /
  kActorFiller = 1u << 15,      // may stand inside an actor phrase: "top", "former"
  kLocative = 1u << 16,         // in, at, near ...: a following capital is a place
  kSentenceStarter = 1u << 17,  // opens a sentence after an abbreviation
  kTopicWord = 1u << 18,        // about, regarding: what follows is a topic, not a target
  kDateWord = 1u << 19,         // may open a date expression (code/dates.cc): today, May, Monday, last ...
};

// The closed-class (function word) bits: a word with none of them is an
// open-class word. kDateWord is not one ("Monday", "May" are names).
constexpr uint32_t kFunctionWord = kArticle | kDeterminer | kPossessivePronoun | kPreposition | kLeftBreak |
                                   kRightBreak | kClausePunct | kNegator | kAuxProgressive | kAuxPassive |
                                   kAdverbSkip | kFuture | kHypothetical | kConditional | kConjunction |
                                   kActorFiller | kLocative | kSentenceStarter | kTopicWord;

// Flags of a lower-cased token (0 for open-class words).
uint32_t ClassifyWord(std::string_view lower);
// The same, from StableHash64(lower).
uint32_t ClassifyWordHash(uint64_t hash);

}  // namespace casus

#endif  // CASUS_SRC_SEGMENT_WORD_CLASS_H_
