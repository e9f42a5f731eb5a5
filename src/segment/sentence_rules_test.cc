#include "segment/sentence_rules.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "casus/reader.h"
#include "clean/cleaner.h"

namespace casus {

namespace {

// ICU's boundaries for en@ss=standard, as byte offsets (what the rules must give).
class Icu {
 public:
  Icu() {
    UErrorCode status = U_ZERO_ERROR;
    it_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("en", "US", "", "ss=standard"), status));
    EXPECT_TRUE(U_SUCCESS(status));
  }
  std::vector<size_t> Breaks(std::string_view text, size_t b, size_t e) {
    std::vector<size_t> out;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data() + b, static_cast<int64_t>(e - b), &status);
    it_->setText(ut, status);
    for (int32_t k = it_->next(); k != icu::BreakIterator::DONE; k = it_->next()) out.push_back(b + k);
    utext_close(ut);
    return out;
  }

 private:
  std::unique_ptr<icu::BreakIterator> it_;
};

std::vector<size_t> Rules(const SentenceRules& rules, std::string_view text, size_t b, size_t e) {
  std::vector<size_t> out;
  EXPECT_TRUE(rules.Breaks(text, b, e, &out));
  return out;
}

}  // namespace

TEST(SentenceRules, TrickyCases) {
  SentenceRules rules;
  ASSERT_TRUE(rules.ok());
  Icu icu;
  const char* cases[] = {
      "He met the U.S. envoy. Then he left.",
      "Mr. Smith went to Washington. He stayed.",
      "The U.S. Navy sailed.  It docked in St. Louis.",
      "Prices rose 3.5 pct. Analysts said so.",
      "\"Stop!\" he said. \"Now?\" She left.",
      "It ended.\" Then came more. (Really.) Yes.",
      "Why? Because.",
      "See e.g. the list. And i.e. this one.",
      "No terminator at all",
      "Line one.\nLine two\r\nline three.",
      "Ph.D. students met. The Ph.D. was awarded.",
      "A.B.C. News reported it. U.K. officials agreed.",
      "Caf\xC3\xA9 owners met. \xC3\x89lys\xC3\xA9\x65 Palace replied.",
      "He said \xE2\x80\x9Cno.\xE2\x80\x9D Then he left\xE2\x80\xA6 Later, yes.",
      "Vol. 3 appeared. Fig. 2 shows it. Jan. 5 was cold.",
      "The vote (held on May 19.) passed.",
      "Two sentences.Then another one.",
      "Ends with spaces.   ",
      "A mark after the stop.\xCC\x81 Next one.",  // combining acute after "."
      "\xCC\x81"
      "Starts with a mark. Then X.",
      "Line\xE2\x80\xA9separator. And NEL\xC2\x85"
      "here.",
      "No-break space.\xC2\xA0Then more. Etc. and so on.",
      "Value .5 and a.) B then ...Next. Wait?! Yes.",
      "He asked \xC2\xBFqu\xC3\xA9?\xC2\xA0Nothing. \xE3\x80\x82"
      "Done\xEF\xBC\x81 More.",
      "Dr.\nSmith. Gen. Motors said. Inc. reported.",
      "The S.A. firm. Sen. Kerry spoke. Capt. A. B. Jones left.",
  };
  for (std::string text : cases)
    EXPECT_EQ(Rules(rules, text, 0, text.size()), icu.Breaks(text, 0, text.size())) << text;
}

// Short strings drawn from the characters the rules tell apart (terminators,
// closing punctuation, spaces, letters, digits, separators, marks): a fixed
// pseudo-random sample, compared with ICU.
TEST(SentenceRules, SameBoundariesAsIcuOnGeneratedText) {
  SentenceRules rules;
  ASSERT_TRUE(rules.ok());
  Icu icu;
  const char* pieces[] = {".",
                          "!",
                          "?",
                          "\"",
                          "'",
                          "(",
                          ")",
                          " ",
                          "a",
                          "b",
                          "A",
                          "B",
                          "1",
                          "\n",
                          "\r",
                          ",",
                          "-",
                          ":",
                          "Mr",
                          "U",
                          "S",
                          "e",
                          "g",
                          "Dr",
                          "\xCC\x81",
                          "\xC2\xA0",
                          "\xE2\x80\x9D",
                          "\xE2\x80\xA9",
                          "\xE3\x80\x82",
                          "\xE2\x80\xA6",
                          "\xC3\xA9",
                          "\xE2\x80\x8B"};
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>(state >> 33);
  };
  size_t differing = 0;
  for (int n = 0; n < 50000; ++n) {
    std::string text;
    for (size_t k = 1 + next() % 12; k > 0; --k) text += pieces[next() % std::size(pieces)];
    if (Rules(rules, text, 0, text.size()) != icu.Breaks(text, 0, text.size()) && ++differing <= 5)
      ADD_FAILURE() << "[" << text << "]";
  }
  EXPECT_EQ(differing, 0u);
}

TEST(SentenceRules, InvalidUtf8IsRefused) {
  SentenceRules rules;
  std::string text = "Bad \xFF byte. Next.";
  std::vector<size_t> out;
  EXPECT_FALSE(rules.Breaks(text, 0, text.size(), &out));
  EXPECT_TRUE(out.empty());
}

// The same boundaries as ICU on every paragraph of the bundled examples and,
// when ../shared is present, of the Reuters bench file and Wikinews.
TEST(SentenceRules, SameBoundariesAsIcuOnTheCorpora) {
  SentenceRules rules;
  ASSERT_TRUE(rules.ok());
  Icu icu;
  std::vector<std::string> inputs = {std::string(CASUS_SOURCE_DIR) + "/examples"};
  for (const char* shared :
       {"/../shared/data/bench/reuters21578.tabari.txt", "/../shared/data/corpora/wikinews_politics"})
    if (std::filesystem::exists(std::string(CASUS_SOURCE_DIR) + shared))
      inputs.push_back(std::string(CASUS_SOURCE_DIR) + shared);
  size_t paragraphs = 0, differing = 0;
  ReadInputs(
      inputs, ReadOptions{},
      [&](Document&& d) {
        for (const Paragraph& p : CleanDocument(d)) {
          ++paragraphs;
          std::vector<size_t> want = icu.Breaks(d.text, p.start, p.end);
          std::vector<size_t> got;
          if (!rules.Breaks(d.text, p.start, p.end, &got)) continue;
          if (got != want && ++differing <= 5)
            ADD_FAILURE() << d.origin << ": "
                          << d.text.substr(p.start, std::min<size_t>(p.end - p.start, 300));
        }
      },
      [](const ReadIssue&) {});
  EXPECT_EQ(differing, 0u) << "of " << paragraphs << " paragraphs";
  EXPECT_GT(paragraphs, 10u);
}

}  // namespace casus
