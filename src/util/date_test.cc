#include "util/date.h"

#include <gtest/gtest.h>

namespace casus {

TEST(Date, ParseAcceptsRealDaysOnly) {
  struct Case {
    const char* text;
    bool ok;
  } cases[] = {{"2025-05-20", true},  {"2024-02-29", true}, {"2025-02-29", false}, {"2025-13-45", false},
               {"2025-00-10", false}, {"2025-5-20", false}, {"", false},           {"abcd-ef-gh", false}};
  for (const auto& c : cases) EXPECT_EQ(Date::Parse(c.text).has_value(), c.ok) << c.text;
}

TEST(Date, ToStringPadsAndRoundTrips) {
  EXPECT_EQ((Date{987, 2, 3}).ToString(), "0987-02-03");
  EXPECT_EQ((Date{2025, 12, 31}).ToString(), "2025-12-31");
  EXPECT_EQ((Date{}).ToString(), "0000-00-00");
  EXPECT_EQ((Date{12345, 1, 1}).ToString(), "12345-01-01");
  for (const char* t : {"1987-02-26", "2025-05-19", "2000-10-01"}) EXPECT_EQ(Date::Parse(t)->ToString(), t);
}

TEST(Date, ArithmeticAndWeekdays) {
  Date d{2025, 5, 17};
  EXPECT_EQ(Weekday(d), 6);  // Saturday
  EXPECT_EQ(AddDays(d, -1).ToString(), "2025-05-16");
  EXPECT_EQ(AddDays(Date{2024, 3, 1}, -1).ToString(), "2024-02-29");
  EXPECT_EQ(AddDays(Date{2025, 12, 31}, 1).ToString(), "2026-01-01");
  EXPECT_EQ(DateFromDays(DaysFromDate(d)), d);
}

}  // namespace casus
