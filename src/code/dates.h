// Date expressions in a sentence, resolved against the publication date.
//
// Recognised: "yesterday", "today", "tomorrow", "on Saturday" (the most recent
// such day on or before publication; the next one for future tense), "last
// week/month/year", "N days ago", "a day before" / "the previous day" (relative
// to another date in the sentence, else to publication), "May 19", "19 May",
// "May 19, 2025", "in March 2004", "in 2004", ISO "2025-05-19".
#ifndef CASUS_SRC_CODE_DATES_H_
#define CASUS_SRC_CODE_DATES_H_

#include <string>
#include <vector>

#include "casus/types.h"
#include "segment/tokenizer.h"

namespace casus {

struct DateExpr {
  size_t tb = 0, te = 0;  // token range
  Date date;
  DatePrecision precision = DatePrecision::kDay;
};

// Finds date expressions in tokens[tb, te). `future` resolves bare weekdays
// forward ("will meet on Monday").
std::vector<DateExpr> FindDates(const std::vector<Token>& tokens, size_t tb, size_t te, const Date& published,
                                bool future);

}  // namespace casus

#endif  // CASUS_SRC_CODE_DATES_H_
