#include "code/dates.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "segment/word_class.h"
#include "util/date.h"
#include "util/text.h"

namespace casus {

namespace {

// Month (1-12) of a lower-cased word: full names and abbreviations, "may"
// included (callers check capitalisation).
int MonthOf(const std::string& w) {
  static const auto* table = new std::unordered_map<std::string, int>{
      {"january", 1}, {"jan.", 1}, {"jan", 1},       {"february", 2},  {"feb.", 2}, {"feb", 2},
      {"march", 3},   {"mar.", 3}, {"april", 4},     {"apr.", 4},      {"apr", 4},  {"may", 5},
      {"june", 6},    {"jun.", 6}, {"jun", 6},       {"july", 7},      {"jul.", 7}, {"jul", 7},
      {"august", 8},  {"aug.", 8}, {"aug", 8},       {"september", 9}, {"sep.", 9}, {"sept.", 9},
      {"sept", 9},    {"sep", 9},  {"october", 10},  {"oct.", 10},     {"oct", 10}, {"november", 11},
      {"nov.", 11},   {"nov", 11}, {"december", 12}, {"dec.", 12},     {"dec", 12}};
  auto it = table->find(w);
  return it == table->end() ? 0 : it->second;
}

int WeekdayOf(const std::string& w) {
  static const auto* table = new std::unordered_map<std::string, int>{
      {"sunday", 0},   {"monday", 1}, {"tuesday", 2}, {"wednesday", 3},
      {"thursday", 4}, {"friday", 5}, {"saturday", 6}};
  auto it = table->find(w);
  return it == table->end() ? -1 : it->second;
}

bool IsNumber(const Token& t, int* v, int max_len) {
  if (t.kind != TokenKind::kNumber || t.lower.size() > static_cast<size_t>(max_len)) return false;
  for (char c : t.lower)
    if (c < '0' || c > '9') return false;
  *v = std::atoi(t.lower.c_str());
  return true;
}

// "19th" etc.
bool IsDayNumber(const Token& t, int* v) {
  std::string s = t.lower;
  for (const char* suf : {"st", "nd", "rd", "th"})
    if (EndsWith(s, suf)) s.resize(s.size() - 2);
  if (s.empty() || s.size() > 2) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  *v = std::atoi(s.c_str());
  return *v >= 1 && *v <= 31;
}

int NumberWord(const std::string& w) {
  static const char* kWords[] = {"zero", "one",   "two",   "three", "four", "five",
                                 "six",  "seven", "eight", "nine",  "ten"};
  for (int i = 0; i <= 10; ++i)
    if (w == kWords[i]) return i;
  if (w == "a" || w == "an") return 1;
  int v = 0;
  for (char c : w)
    if (c < '0' || c > '9') return -1;
  if (w.empty() || w.size() > 3) return -1;
  v = std::atoi(w.c_str());
  return v;
}

// A month/day without a year: the closest such day not more than a week
// after publication.
Date ClosestPast(int month, int day, const Date& pub) {
  for (int y = pub.year + 1; y >= pub.year - 1; --y) {
    auto d = MakeDate(y, month, day);
    if (d && DaysFromDate(*d) <= DaysFromDate(pub) + 7) return *d;
  }
  return Date{};
}

}  // namespace

std::vector<DateExpr> FindDates(const std::vector<Token>& tokens, size_t tb, size_t te, const Date& pub,
                                bool future) {
  std::vector<DateExpr> out;
  std::vector<size_t> relative;  // indices of "a day before" style expressions
  auto lw = [&](size_t i) -> const std::string& {
    static const std::string kEmpty;
    return i < te ? tokens[i].lower : kEmpty;
  };
  for (size_t i = tb; i < te; ++i) {
    if (tokens[i].kind != TokenKind::kNumber && !tokens[i].Is(kDateWord)) continue;
    const std::string& w = tokens[i].lower;
    DateExpr e;
    e.tb = i;
    if (w == "yesterday") {
      e.te = i + 1;
      e.date = AddDays(pub, -1);
    } else if (w == "today" || w == "tonight") {
      e.te = i + 1;
      e.date = pub;
    } else if (w == "tomorrow") {
      e.te = i + 1;
      e.date = AddDays(pub, 1);
    } else if (int wd = WeekdayOf(w); wd >= 0) {
      e.te = i + 1;
      int delta = (Weekday(pub) - wd + 7) % 7;
      bool next = lw(i - 1 >= tb ? i - 1 : te) == "next" || (future && delta != 0);
      e.date = next ? AddDays(pub, (wd - Weekday(pub) + 7) % 7 == 0 ? 7 : (wd - Weekday(pub) + 7) % 7)
                    : AddDays(pub, -delta);
      if (lw(i + 1) == "'s") e.te = i + 2;
    } else if (w == "last" || w == "past") {
      const std::string& n = lw(i + 1);
      e.te = i + 2;
      if (n == "week") {
        e.date = AddDays(pub, -7);
      } else if (n == "month") {
        e.date = pub.month == 1 ? Date{pub.year - 1, 12, 1} : Date{pub.year, pub.month - 1, 1};
        e.precision = DatePrecision::kMonth;
      } else if (n == "year") {
        e.date = Date{pub.year - 1, 1, 1};
        e.precision = DatePrecision::kYear;
      } else if (WeekdayOf(n) >= 0) {
        int wd2 = WeekdayOf(n);
        int delta = (Weekday(pub) - wd2 + 7) % 7;
        e.date = AddDays(pub, -(delta == 0 ? 7 : delta));
      } else {
        continue;
      }
    } else if (NumberWord(w) > 0 && (lw(i + 1) == "days" || lw(i + 1) == "day") && lw(i + 2) == "ago") {
      e.te = i + 3;
      e.date = AddDays(pub, -NumberWord(w));
    } else if ((w == "day" && (lw(i + 1) == "before" || lw(i + 1) == "earlier") && i > tb &&
                (tokens[i - 1].lower == "a" || tokens[i - 1].lower == "the" ||
                 tokens[i - 1].lower == "one")) ||
               ((w == "previous" || w == "preceding") && lw(i + 1) == "day")) {
      e.tb = w == "day" ? i - 1 : i;
      e.te = i + 2;
      relative.push_back(out.size());
      e.date = AddDays(pub, -1);
    } else if (int m = MonthOf(w); m > 0 && (tokens[i].capitalized || w.size() > 3)) {
      // "May 19", "May 19, 2025", "March 2004"
      int day = 0, year = 0;
      if (i + 1 < te && IsDayNumber(tokens[i + 1], &day)) {
        size_t j = i + 2;
        if (lw(j) == ",") ++j;
        if (j < te && IsNumber(tokens[j], &year, 4) && year >= 1900 && year <= 2100) {
          auto d = MakeDate(year, m, day);
          if (!d) continue;
          e.date = *d;
          e.te = j + 1;
        } else {
          Date d = ClosestPast(m, day, pub);
          if (!d.valid()) continue;
          e.date = d;
          e.te = i + 2;
        }
        // "19 May" handled below; avoid double count.
      } else if (i + 1 < te && IsNumber(tokens[i + 1], &year, 4) && year >= 1900 && year <= 2100) {
        e.date = Date{year, m, 1};
        e.precision = DatePrecision::kMonth;
        e.te = i + 2;
      } else if (m != 5 && tokens[i].capitalized && i > tb &&
                 (tokens[i - 1].lower == "in" || tokens[i - 1].lower == "since" ||
                  tokens[i - 1].lower == "early" || tokens[i - 1].lower == "late" ||
                  tokens[i - 1].lower == "mid")) {
        // "in March": this year's, or last year's when still ahead.
        int y = m <= pub.month ? pub.year : pub.year - 1;
        e.date = Date{y, m, 1};
        e.precision = DatePrecision::kMonth;
        e.te = i + 1;
      } else {
        continue;
      }
      // "19 May" form: a day number just before the month.
      int d2 = 0;
      if (e.precision == DatePrecision::kMonth && i > tb && IsDayNumber(tokens[i - 1], &d2)) {
        auto d = MakeDate(e.date.year, m, d2);
        if (d) {
          e.date = *d;
          e.precision = DatePrecision::kDay;
          e.tb = i - 1;
        }
      }
    } else if (int d = 0; IsDayNumber(tokens[i], &d) && i + 1 < te && MonthOf(lw(i + 1)) > 0 &&
                          tokens[i + 1].capitalized && !(i + 2 < te && IsNumber(tokens[i + 2], &d, 4))) {
      // "19 May" without year
      Date dd = ClosestPast(MonthOf(lw(i + 1)), d, pub);
      if (!dd.valid()) continue;
      e.date = dd;
      e.te = i + 2;
    } else if (int y = 0; IsNumber(tokens[i], &y, 4) && tokens[i].lower.size() == 4 && y >= 1900 &&
                          y <= 2100 && i > tb &&
                          (tokens[i - 1].lower == "in" || tokens[i - 1].lower == "since" ||
                           tokens[i - 1].lower == "from" || tokens[i - 1].lower == "until" ||
                           tokens[i - 1].lower == "to" || tokens[i - 1].lower == "by")) {
      if (MonthOf(tokens[i - 1].lower) > 0) continue;
      e.te = i + 1;
      e.date = Date{y, 1, 1};
      e.precision = DatePrecision::kYear;
    } else if (w.size() == 10 && w[4] == '-' && w[7] == '-') {
      auto d = Date::Parse(w);
      if (!d) continue;
      e.te = i + 1;
      e.date = *d;
    } else {
      continue;
    }
    if (!e.date.valid()) continue;
    out.push_back(e);
    i = e.te - 1;
  }
  // "a day before": relative to another day-precision date in the sentence.
  for (size_t r : relative) {
    for (size_t k = 0; k < out.size(); ++k) {
      bool is_rel = std::find(relative.begin(), relative.end(), k) != relative.end();
      if (!is_rel && out[k].precision == DatePrecision::kDay) {
        out[r].date = AddDays(out[k].date, -1);
        break;
      }
    }
  }
  return out;
}

}  // namespace casus
