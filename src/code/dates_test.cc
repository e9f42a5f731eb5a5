#include "code/dates.h"

#include <gtest/gtest.h>

namespace casus {

TEST(Dates, ResolvedAgainstPublication) {
  const Date pub{2025, 5, 17};  // a Saturday
  struct Case {
    const char* sentence;
    bool future;
    const char* date;  // first expression, "" for none
    DatePrecision precision;
  } cases[] = {
      {"They spoke yesterday .", false, "2025-05-16", DatePrecision::kDay},
      {"The ministry said on Saturday that", false, "2025-05-17", DatePrecision::kDay},
      {"They met on Thursday .", false, "2025-05-15", DatePrecision::kDay},
      {"They will meet on Monday .", true, "2025-05-19", DatePrecision::kDay},
      {"On May 19 , they spoke .", false, "2025-05-19", DatePrecision::kDay},
      {"talks on 14 May went well", false, "2025-05-14", DatePrecision::kDay},
      {"He was appointed in March 2004 .", false, "2004-03-01", DatePrecision::kMonth},
      {"He left in 1994 .", false, "1994-01-01", DatePrecision::kYear},
      {"talks held a day before in Istanbul", false, "2025-05-16", DatePrecision::kDay},
      {"talks held the previous day", false, "2025-05-16", DatePrecision::kDay},
      {"three days ago", false, "2025-05-14", DatePrecision::kDay},
      {"last month", false, "2025-04-01", DatePrecision::kMonth},
      {"on December 30", false, "2024-12-30", DatePrecision::kDay},
      {"may meet", false, "", DatePrecision::kDay},
      {"on February 30 , 2025", false, "", DatePrecision::kDay},
  };
  for (const auto& c : cases) {
    std::string text = c.sentence;
    std::vector<Token> toks;
    Tokenize(text, 0, text.size(), &toks);
    auto found = FindDates(toks, 0, toks.size(), pub, c.future);
    if (std::string(c.date).empty()) {
      EXPECT_TRUE(found.empty()) << c.sentence;
      continue;
    }
    ASSERT_FALSE(found.empty()) << c.sentence;
    EXPECT_EQ(found[0].date.ToString(), c.date) << c.sentence;
    EXPECT_EQ(found[0].precision, c.precision) << c.sentence;
  }
}

}  // namespace casus
