// Segmenter: sentences (Unicode's rules with ICU's English abbreviations, see
// sentence_rules.h, plus an abbreviation merge pass) and tokens.
//
// The rules break after many abbreviations ("Gov.", "Corp."); the merge pass rejoins a
// break that follows an abbreviation unless the next word starts a sentence
// ("The", "He", ...). Sentences never cross paragraphs, and sentences longer
// than the caps are split at the cap.
//
// Thread safety: a Segmenter is scratch state; use one per thread.
#ifndef CASUS_SRC_SEGMENT_SEGMENTER_H_
#define CASUS_SRC_SEGMENT_SEGMENTER_H_

#include <unicode/uversion.h>

#include <memory>
#include <string_view>
#include <vector>

#include "clean/cleaner.h"
#include "segment/sentence_rules.h"
#include "segment/tokenizer.h"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace casus {

struct SentenceSpan {
  size_t start = 0;  // byte span in the text
  size_t end = 0;
  size_t tok_begin = 0;  // token range in the token vector
  size_t tok_end = 0;
  int paragraph = 0;
  bool title = false;
  bool background = false;
};

struct SegmentCaps {
  size_t max_sentence_tokens = 150;
  size_t max_sentence_bytes = 4096;
};

class Segmenter {
 public:
  Segmenter();
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Splits each paragraph of `text` into sentences; tokens of all sentences go
  // to `tokens` (cleared first) in order.
  void Segment(std::string_view text, const std::vector<Paragraph>& paragraphs, const SegmentCaps& caps,
               std::vector<Token>* tokens, std::vector<SentenceSpan>* sentences);

 private:
  // Appends ICU's sentence boundaries inside text[b, e), as byte offsets:
  // for text SentenceRules refuses (not valid UTF-8).
  void IcuBreaks(std::string_view text, size_t b, size_t e, std::vector<size_t>* out);

  SentenceRules rules_;
  std::unique_ptr<icu::BreakIterator> breaker_;
};

}  // namespace casus

#endif  // CASUS_SRC_SEGMENT_SEGMENTER_H_
