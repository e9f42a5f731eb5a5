// Sentence boundaries by the rules of UAX #29 with CLDR's "standard"
// suppressions for English ("Mr.", "U.S." ...): the boundaries ICU's
// sentence iterator for en@ss=standard reports, computed straight on UTF-8
// text. ICU runs a state machine over every character of a paragraph (a
// quarter of all coding time on Wikinews); these rules look only around the
// terminators. A test compares the two on every paragraph of the corpora.
#ifndef CASUS_SRC_SEGMENT_SENTENCE_RULES_H_
#define CASUS_SRC_SEGMENT_SENTENCE_RULES_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace casus {

class SentenceRules {
 public:
  // Reads the suppressions from ICU's data; ok() is false if they are missing.
  SentenceRules();
  bool ok() const { return ok_; }

  // Appends the boundaries inside text[b, e) as byte offsets, as ICU's
  // BreakIterator::next() reports them (the last one is e). False, with
  // nothing appended, for text that is not valid UTF-8.
  bool Breaks(std::string_view text, size_t b, size_t e, std::vector<size_t>* out) const;

 private:
  // Tries of the suppressions over code points: backwards (reversed
  // abbreviations, "Mr." as ".rM") and forwards (those with an inner period,
  // "U.S.", reached through their first part "U.").
  struct Node {
    std::map<int32_t, int> next;
    int value = 0;  // kNone, kMatch or kPartial
  };
  static constexpr int kNone = 0, kMatch = 1, kPartial = 2;
  static void Add(std::vector<Node>* trie, const std::u32string& s, int value);
  bool Suppressed(std::string_view para, size_t n) const;

  bool ok_ = false;
  std::vector<Node> backwards_, forwards_;
};

}  // namespace casus

#endif  // CASUS_SRC_SEGMENT_SENTENCE_RULES_H_
