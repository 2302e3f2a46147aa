#ifndef NEWS_COMMON_TEXT_DATES_H_
#define NEWS_COMMON_TEXT_DATES_H_

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace news {

// Thrown for a date string that cannot be read; the message says what is
// accepted.
class DateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A calendar day (proleptic Gregorian).
struct CivilDay {
  int year = 1970;
  int month = 1;
  int day = 1;

  std::string yyyymmdd() const;  // "20250425"
  std::string iso() const;       // "2025-04-25"
  int64_t days_since_epoch() const;
  static CivilDay from_days(int64_t days_since_epoch);
  bool operator==(const CivilDay& o) const {
    return year == o.year && month == o.month && day == o.day;
  }
};

// Days in month `m` (1-12) of year `y`.
int days_in_month(int y, int m);

// The publication time of an article, always in UTC.
struct Published {
  CivilDay day;
  int64_t unix_seconds = 0;  // midnight UTC when the time is unknown
  bool has_time = false;

  // "YYYY-MM-DDTHH:MM:SSZ" with a time, else "YYYY-MM-DD".
  std::string iso() const;
};

// Reads "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS[.frac]]" followed by "Z",
// "+HH:MM", "-HHMM" or nothing (UTC assumed), converting offsets to UTC.
// Throws DateError.
Published parse_published(std::string_view text);

// An inclusive range of days; an empty string is an open end.
struct DayRange {
  std::string from;  // YYYYMMDD
  std::string to;    // YYYYMMDD
};

// Reads one bound of a date filter. Accepts YYYY, YYYY-MM, YYYY-MM-DD,
// YYYYMMDD, "today", "yesterday" and relative forms Nd, Nw, Nm, Ny (N days,
// weeks, months or years before `today`). A start bound is the first day of
// the period, an end bound its last day. Throws DateError.
CivilDay parse_date_bound(std::string_view text, const CivilDay& today, bool is_end);

// Reads "A..B", "A..", "..B" or a single period "A" (its first to last day).
// Throws DateError, also when the start is after the end.
DayRange parse_day_range(std::string_view text, const CivilDay& today);

// Today's date in UTC from the system clock.
CivilDay today_utc();

}  // namespace news

#endif  // NEWS_COMMON_TEXT_DATES_H_
