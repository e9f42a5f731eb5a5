// Calendar arithmetic on casus::Date (proleptic Gregorian, via <chrono>).
#ifndef CASUS_SRC_UTIL_DATE_H_
#define CASUS_SRC_UTIL_DATE_H_

#include <optional>

#include "casus/types.h"

namespace casus {

// Days since 1970-01-01.
int DaysFromDate(const Date& d);
Date DateFromDays(int days);
Date AddDays(const Date& d, int days);
// 0 = Sunday ... 6 = Saturday.
int Weekday(const Date& d);
// A valid Date or nullopt (checks month lengths and leap years).
std::optional<Date> MakeDate(int year, int month, int day);
int DaysInMonth(int year, int month);

}  // namespace casus

#endif  // CASUS_SRC_UTIL_DATE_H_
