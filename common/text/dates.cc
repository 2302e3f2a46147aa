#include "text/dates.h"

#include <cctype>
#include <chrono>
#include <cstdio>

namespace news {
namespace {

constexpr char kBoundForms[] =
    "expected YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday or Nd/Nw/Nm/Ny";

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Reads exactly `n` digits at text[pos]; -1 when they are not all digits.
int read_digits(std::string_view text, size_t pos, size_t n) {
  if (pos + n > text.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return -1;
    v = v * 10 + (text[i] - '0');
  }
  return v;
}

CivilDay checked_day(int y, int m, int d, std::string_view text) {
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
    throw DateError("invalid date '" + std::string(text) + "'");
  }
  return CivilDay{y, m, d};
}

// Reads the time zone suffix of a timestamp; returns its offset in seconds.
int64_t read_zone_offset(std::string_view zone, std::string_view text) {
  if (zone.empty() || zone == "Z" || zone == "z") return 0;
  const char sign = zone[0];
  const int hh = read_digits(zone, 1, 2);
  const size_t mm_pos = zone.size() > 3 && zone[3] == ':' ? 4 : 3;
  const int mm = zone.size() == 3 ? 0 : read_digits(zone, mm_pos, 2);
  if ((sign != '+' && sign != '-') || hh < 0 || hh > 23 || mm < 0 || mm > 59 ||
      (zone.size() != 3 && zone.size() != mm_pos + 2)) {
    throw DateError("invalid time zone in '" + std::string(text) + "'");
  }
  const int64_t offset = hh * 3600 + mm * 60;
  return sign == '+' ? offset : -offset;
}

// `months` before `day`; `text` names the bound in the error for a day
// before year 1.
CivilDay shift_months(const CivilDay& day, int months, std::string_view text) {
  const int total = day.year * 12 + (day.month - 1) - months;
  if (total < 12) throw DateError("'" + std::string(text) + "' reaches back before year 1");
  const int y = total / 12;
  const int m = total % 12 + 1;
  return CivilDay{y, m, std::min(day.day, days_in_month(y, m))};
}

// "7d", "2w", "3m", "1y" relative to today; false when not of that form.
bool parse_relative(std::string_view text, const CivilDay& today, CivilDay* out) {
  if (text.size() < 2 || text.size() > 6) return false;
  const char unit = static_cast<char>(std::tolower(text.back()));
  const int n = read_digits(text, 0, text.size() - 1);
  if (n < 0) return false;
  const int64_t base = today.days_since_epoch();
  switch (unit) {
    case 'd':
      *out = CivilDay::from_days(base - n);
      return true;
    case 'w':
      *out = CivilDay::from_days(base - 7 * n);
      return true;
    case 'm':
      *out = shift_months(today, n, text);
      return true;
    case 'y':
      *out = shift_months(today, 12 * n, text);
      return true;
    default:
      return false;
  }
}

CivilDay parse_absolute_bound(std::string_view text, bool is_end) {
  const int y = read_digits(text, 0, 4);
  if (y > 0 && text.size() == 4) {
    return is_end ? CivilDay{y, 12, 31} : CivilDay{y, 1, 1};
  }
  if (y > 0 && text.size() == 7 && text[4] == '-') {
    const int m = read_digits(text, 5, 2);
    if (m < 1 || m > 12) throw DateError("invalid month in '" + std::string(text) + "'");
    return is_end ? CivilDay{y, m, days_in_month(y, m)} : CivilDay{y, m, 1};
  }
  if (y > 0 && text.size() == 10 && text[4] == '-' && text[7] == '-') {
    return checked_day(y, read_digits(text, 5, 2), read_digits(text, 8, 2), text);
  }
  if (y > 0 && text.size() == 8) {
    return checked_day(y, read_digits(text, 4, 2), read_digits(text, 6, 2), text);
  }
  throw DateError("invalid date '" + std::string(text) + "' (" + kBoundForms + ")");
}

}  // namespace

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

std::string CivilDay::yyyymmdd() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
  return buf;
}

std::string CivilDay::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int64_t CivilDay::days_since_epoch() const {
  return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

CivilDay CivilDay::from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  return CivilDay{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

std::string Published::iso() const {
  if (!has_time) return day.iso();
  const int64_t secs = unix_seconds - day.days_since_epoch() * 86400;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", day.iso().c_str(),
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

Published parse_published(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') {
    throw DateError("invalid date '" + std::string(text) +
                    "' (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)");
  }
  const CivilDay day =
      checked_day(read_digits(text, 0, 4), read_digits(text, 5, 2), read_digits(text, 8, 2), text);
  Published p{day, day.days_since_epoch() * 86400, false};
  if (text.size() == 10) return p;
  if ((text[10] != 'T' && text[10] != ' ') || text.size() < 16 || text[13] != ':') {
    throw DateError("invalid time in '" + std::string(text) + "'");
  }
  const int hh = read_digits(text, 11, 2);
  const int mi = read_digits(text, 14, 2);
  size_t pos = 16;
  int ss = 0;
  if (pos < text.size() && text[pos] == ':') {
    ss = read_digits(text, pos + 1, 2);
    pos += 3;
    while (pos < text.size() &&
           (text[pos] == '.' || std::isdigit(static_cast<unsigned char>(text[pos]))))
      ++pos;
  }
  if (hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 60) {
    throw DateError("invalid time in '" + std::string(text) + "'");
  }
  const int64_t local = p.unix_seconds + hh * 3600 + mi * 60 + ss;
  p.unix_seconds = local - read_zone_offset(text.substr(pos), text);
  p.has_time = true;
  p.day = CivilDay::from_days(p.unix_seconds >= 0 ? p.unix_seconds / 86400
                                                  : (p.unix_seconds - 86399) / 86400);
  return p;
}

CivilDay parse_date_bound(std::string_view text, const CivilDay& today, bool is_end) {
  if (text == "today") return today;
  if (text == "yesterday") return CivilDay::from_days(today.days_since_epoch() - 1);
  CivilDay relative;
  if (parse_relative(text, today, &relative)) return relative;
  return parse_absolute_bound(text, is_end);
}

DayRange parse_day_range(std::string_view text, const CivilDay& today) {
  const size_t dots = text.find("..");
  if (dots == std::string_view::npos) {
    if (text.empty()) throw DateError(std::string("empty date (") + kBoundForms + ")");
    return DayRange{parse_date_bound(text, today, false).yyyymmdd(),
                    parse_date_bound(text, today, true).yyyymmdd()};
  }
  const std::string_view from = text.substr(0, dots);
  const std::string_view to = text.substr(dots + 2);
  DayRange range;
  if (!from.empty()) range.from = parse_date_bound(from, today, false).yyyymmdd();
  if (!to.empty()) range.to = parse_date_bound(to, today, true).yyyymmdd();
  if (!range.from.empty() && !range.to.empty() && range.from > range.to) {
    throw DateError("date range '" + std::string(text) + "' ends before it starts");
  }
  return range;
}

CivilDay today_utc() {
  const auto now = std::chrono::system_clock::now();
  const int64_t secs =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  return CivilDay::from_days(secs / 86400);
}

}  // namespace news
