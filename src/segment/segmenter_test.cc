#include "segment/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "util/hash.h"

namespace casus {

namespace {

std::vector<std::string> Sentences(const std::string& text) {
  Segmenter seg;
  std::vector<Token> toks;
  std::vector<SentenceSpan> spans;
  seg.Segment(text, {Paragraph{0, text.size(), false, false}}, SegmentCaps{}, &toks, &spans);
  std::vector<std::string> out;
  for (const auto& s : spans) out.push_back(text.substr(s.start, s.end - s.start));
  return out;
}

std::vector<std::string> Tokens(const std::string& text) {
  std::vector<Token> toks;
  Tokenize(text, 0, text.size(), &toks);
  std::vector<std::string> out;
  for (const auto& t : toks) out.push_back(text.substr(t.start, t.end - t.start));
  return out;
}

}  // namespace

TEST(Segmenter, SentenceBoundaries) {
  struct Case {
    std::string text;
    size_t count;
  } cases[] = {
      {"The U.S. President spoke with Mr. Putin. They agreed.", 2},
      {"He met the U.S. envoy in Geneva.", 1},
      {"Talks were held on May 19. Both sides were pleased.", 2},
      {"Sen. John Smith and Gen. Mark Milley met. Nothing followed.", 2},
      {"\"We agreed,\" Lavrov said. Rubio concurred.", 2},
      {"George W. Bush met Tony Blair.", 1},
      {"Troops left the U.S. The talks resumed.", 2},
  };
  for (const auto& c : cases) EXPECT_EQ(Sentences(c.text).size(), c.count) << c.text;
}

TEST(Segmenter, LongSentencesAreForceSplit) {
  std::string text;
  for (int i = 0; i < 400; ++i) text += "word ";
  Segmenter seg;
  std::vector<Token> toks;
  std::vector<SentenceSpan> spans;
  SegmentCaps caps;
  caps.max_sentence_tokens = 100;
  seg.Segment(text, {Paragraph{0, text.size(), false, false}}, caps, &toks, &spans);
  EXPECT_EQ(spans.size(), 4u);
}

TEST(Tokenizer, KeepsAbbreviationsSplitsClitics) {
  struct Case {
    std::string text;
    std::vector<std::string> tokens;
  } cases[] = {
      {"U.S. talks", {"U.S.", "talks"}},
      {"Russia's envoy", {"Russia", "'s", "envoy"}},
      {"Russia\xE2\x80\x99s envoy", {"Russia", "\xE2\x80\x99s", "envoy"}},
      {"didn't meet", {"did", "n't", "meet"}},
      {"Moscow-Kiev talks", {"Moscow", "-", "Kiev", "talks"}},
      {"1,750 dlrs, 2.27 times", {"1,750", "dlrs", ",", "2.27", "times"}},
      {"\"Yes,\" he said.", {"\"", "Yes", ",", "\"", "he", "said", "."}},
      {"Mr. Lavrov", {"Mr.", "Lavrov"}},
  };
  for (const auto& c : cases) EXPECT_EQ(Tokens(c.text), c.tokens) << c.text;
}

TEST(Tokenizer, OffsetsPointIntoTheText) {
  std::string text = "  Türkiye’s leader";
  std::vector<Token> toks;
  Tokenize(text, 0, text.size(), &toks);
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_EQ(text.substr(toks[0].start, toks[0].end - toks[0].start), "Türkiye");
  EXPECT_EQ(toks[1].lower, "'s");
}

// Lower-cased forms and their hashes, on both paths: short ASCII tokens and
// long or multi-byte ones (curly quotes and dashes folded).
TEST(Tokenizer, LowerFormsAndHashes) {
  struct Case {
    std::string text, lower;
  } cases[] = {
      {"Lavrov", "lavrov"},
      {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij0123456789", "abcdefghijklmnopqrstuvwxyzabcdefghij0123456789"},
      {"Caf\xC3\xA9", "caf\xC3\xA9"},
      {"\xE2\x80\x9C", "\""},  // curly quote and dash tokens are folded
      {"\xE2\x80\x94", "-"},
      {"Gr\xC3\xBC\xC3\x9F"
       "eAusDerHauptstadtUndDerProvinzXY",
       "gr\xC3\xBC\xC3\x9F"
       "eausderhauptstadtundderprovinzxy"},
  };
  for (const auto& c : cases) {
    std::vector<Token> toks;
    Tokenize(c.text, 0, c.text.size(), &toks);
    ASSERT_EQ(toks.size(), 1u) << c.text;
    EXPECT_EQ(toks[0].lower, c.lower) << c.text;
    EXPECT_EQ(toks[0].hash, StableHash64(c.lower)) << c.text;
  }
}

// Boundaries come back from ICU's UTF-16 as byte offsets, across 2-, 3- and
// 4-byte characters.
TEST(Segmenter, NonAsciiBoundariesAreByteExact) {
  std::vector<std::string> want = {
      "Caf\xC3\xA9 owners in Z\xC3\xBCrich met \xE2\x80\x9C"
      "again\xE2\x80\x9D.",
      "Fans cheered \xF0\x9F\x8E\x89 loudly.", "Then they left."};
  EXPECT_EQ(Sentences(want[0] + " " + want[1] + " " + want[2]), want);
  // Invalid UTF-8 (not repaired by a reader) still splits where it should.
  std::vector<std::string> bad = {"Bad \xE2\x80 byte here.", "Then \xFF they left."};
  EXPECT_EQ(Sentences(bad[0] + " " + bad[1]), bad);
}

}  // namespace casus
