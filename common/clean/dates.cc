#include "clean/dates.h"

#include <array>
#include <cstdio>
#include <vector>

#include "clean/text_util.h"
#include "text/dates.h"

namespace news {
namespace clean {
namespace {

constexpr std::size_t kMaxDateLine = 200;

enum class TokKind { kWord, kNumber, kTime, kIsoDate, kOffset };

struct Token {
  TokKind kind;
  std::string text;         // lower case for words, digits for numbers
  int a = 0, b = 0, c = 0;  // number value; time h/m/s; offset minutes in a
  bool used = false;
};

struct MonthName {
  const char* name;
  int month;
};

constexpr std::array<MonthName, 24> kMonths = {{
    {"january", 1},   {"jan", 1},   {"february", 2},  {"feb", 2},      {"march", 3},
    {"mar", 3},       {"april", 4}, {"apr", 4},       {"may", 5},      {"june", 6},
    {"jun", 6},       {"july", 7},  {"jul", 7},       {"august", 8},   {"aug", 8},
    {"september", 9}, {"sep", 9},   {"sept", 9},      {"october", 10}, {"oct", 10},
    {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12},
}};

// Words that may sit in a date line without making it something else.
constexpr std::array<const char*, 36> kDateWords = {
    "updated", "published", "posted", "first", "last",   "modified", "on",        "at",
    "date",    "time",      "of",     "the",   "am",     "pm",       "a.m.",      "p.m.",
    "a.m",     "p.m",       "mon",    "tue",   "tues",   "wed",      "thu",       "thur",
    "thurs",   "fri",       "sat",    "sun",   "monday", "tuesday",  "wednesday", "thursday",
    "friday",  "saturday",  "sunday", "st"};

std::string strip_dot(std::string_view w) {
  std::string s(w);
  while (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

int month_from_word(std::string_view w) {
  const std::string s = strip_dot(w);
  for (const auto& m : kMonths) {
    if (s == m.name) return m.month;
  }
  return 0;
}

bool is_date_word(std::string_view w) {
  for (const char* d : kDateWords) {
    if (w == d || strip_dot(w) == d) return true;
  }
  return false;
}

int parse_digits(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::size_t digit_run(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && is_ascii_digit(s[j])) ++j;
  return j - i;
}

// "HH:MM[:SS]" at s[i]; returns the length consumed or 0.
std::size_t read_clock(std::string_view s, std::size_t i, Token* t) {
  const std::size_t h = digit_run(s, i);
  if (h == 0 || h > 2 || i + h >= s.size() || s[i + h] != ':') return 0;
  const std::size_t m = digit_run(s, i + h + 1);
  if (m != 2) return 0;
  std::size_t len = h + 1 + m;
  t->kind = TokKind::kTime;
  t->a = parse_digits(s.substr(i, h));
  t->b = parse_digits(s.substr(i + h + 1, 2));
  if (i + len < s.size() && s[i + len] == ':' && digit_run(s, i + len + 1) == 2) {
    t->c = parse_digits(s.substr(i + len + 1, 2));
    len += 3;
    while (i + len < s.size() && (s[i + len] == '.' || is_ascii_digit(s[i + len]))) {
      ++len;  // fractional seconds
    }
  }
  if (t->a > 23 || t->b > 59 || t->c > 59) return 0;
  return len;
}

// "+HH:MM", "+HHMM", "-HH" at s[i] (s[i] is the sign).
std::size_t read_offset(std::string_view s, std::size_t i, Token* t) {
  const int sign = s[i] == '-' ? -1 : 1;
  const std::size_t d = digit_run(s, i + 1);
  int minutes = 0;
  std::size_t len = 0;
  if (d == 4) {
    minutes = parse_digits(s.substr(i + 1, 2)) * 60 + parse_digits(s.substr(i + 3, 2));
    len = 5;
  } else if (d == 2 || d == 1) {
    minutes = parse_digits(s.substr(i + 1, d)) * 60;
    len = 1 + d;
    if (i + len < s.size() && s[i + len] == ':' && digit_run(s, i + len + 1) == 2) {
      minutes += parse_digits(s.substr(i + len + 1, 2));
      len += 3;
    }
  } else {
    return 0;
  }
  if (minutes > 14 * 60) return 0;
  t->kind = TokKind::kOffset;
  t->a = sign * minutes;
  return len;
}

// "YYYY-MM-DD" at s[i], optionally followed by "THH:MM[:SS]".
std::size_t read_iso(std::string_view s, std::size_t i, std::vector<Token>* out) {
  if (digit_run(s, i) != 4 || i + 10 > s.size() || s[i + 4] != '-' || digit_run(s, i + 5) != 2 ||
      s[i + 7] != '-' || digit_run(s, i + 8) != 2) {
    return 0;
  }
  Token date{TokKind::kIsoDate, std::string(s.substr(i, 10))};
  date.a = parse_digits(s.substr(i, 4));
  date.b = parse_digits(s.substr(i + 5, 2));
  date.c = parse_digits(s.substr(i + 8, 2));
  out->push_back(date);
  std::size_t len = 10;
  if (i + len < s.size() && (s[i + len] == 'T' || s[i + len] == ' ')) {
    Token time{TokKind::kTime, ""};
    if (std::size_t n = read_clock(s, i + len + 1, &time)) {
      out->push_back(time);
      len += 1 + n;
    }
  }
  return len;
}

bool previous_allows_offset(const std::vector<Token>& toks) {
  if (toks.empty()) return false;
  const Token& p = toks.back();
  return p.kind == TokKind::kTime ||
         (p.kind == TokKind::kWord &&
          (p.text == "gmt" || p.text == "utc" || p.text == "z" || p.text == "am" ||
           p.text == "pm" || p.text == "a.m." || p.text == "p.m."));
}

// Reads a number; a run like "20163:33" (year glued to a time) is split.
std::size_t read_number(std::string_view s, std::size_t i, std::vector<Token>* out) {
  const std::size_t d = digit_run(s, i);
  if (d >= 5 && d <= 6 && i + d < s.size() && s[i + d] == ':') {
    Token time{TokKind::kTime, ""};
    if (std::size_t n = read_clock(s, i + 4, &time)) {
      Token year{TokKind::kNumber, std::string(s.substr(i, 4))};
      year.a = parse_digits(year.text);
      out->push_back(year);
      out->push_back(time);
      return 4 + n;
    }
  }
  Token time{TokKind::kTime, ""};
  if (std::size_t n = read_clock(s, i, &time)) {
    out->push_back(time);
    return n;
  }
  if (std::size_t n = read_iso(s, i, out)) return n;
  Token num{TokKind::kNumber, std::string(s.substr(i, d))};
  num.a = d <= 9 ? parse_digits(num.text) : -1;
  out->push_back(num);
  return d;
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> toks;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (is_ascii_digit(c)) {
      i += read_number(s, i, &toks);
    } else if (is_ascii_alpha(c)) {
      std::size_t j = i;
      while (j < s.size() && (is_ascii_alpha(s[j]) || s[j] == '.')) ++j;
      toks.push_back({TokKind::kWord, lower_ascii(s.substr(i, j - i))});
      i = j;
    } else if ((c == '+' || c == '-') && i + 1 < s.size() && is_ascii_digit(s[i + 1]) &&
               previous_allows_offset(toks)) {
      Token t{TokKind::kOffset, ""};
      const std::size_t n = read_offset(s, i, &t);
      if (n) toks.push_back(t);
      i += n ? n : 1;
    } else {
      ++i;
    }
  }
  return toks;
}

bool valid_date(int y, int m, int d) {
  return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

void set_ymd(PageDate* d, int y, int m, int day) {
  d->year = y;
  d->month = m;
  d->day = day;
}

bool is_day(const Token& t) {
  return t.kind == TokKind::kNumber && t.text.size() <= 2 && t.a >= 1 && t.a <= 31;
}

bool is_year(const Token& t) { return t.kind == TokKind::kNumber && t.text.size() == 4; }

// Tries "Month D YYYY" and "D Month YYYY" around the month token k.
bool match_month_date(std::vector<Token>& t, std::size_t k, PageDate* d) {
  const int month = month_from_word(t[k].text);
  if (month == 0) return false;
  std::size_t n = k + 1;
  if (n < t.size() && is_day(t[n])) {
    std::size_t y = n + 1;
    if (y < t.size() && t[y].kind == TokKind::kWord &&
        (t[y].text == "st" || t[y].text == "nd" || t[y].text == "rd" || t[y].text == "th")) {
      ++y;
    }
    if (y < t.size() && is_year(t[y]) && valid_date(t[y].a, month, t[n].a)) {
      set_ymd(d, t[y].a, month, t[n].a);
      t[k].used = t[n].used = t[y].used = true;
      return true;
    }
  }
  if (k > 0 && is_day(t[k - 1]) && n < t.size() && is_year(t[n]) &&
      valid_date(t[n].a, month, t[k - 1].a)) {
    set_ymd(d, t[n].a, month, t[k - 1].a);
    t[k].used = t[k - 1].used = t[n].used = true;
    return true;
  }
  return false;
}

bool match_date(std::vector<Token>& toks, PageDate* d) {
  for (std::size_t k = 0; k < toks.size(); ++k) {
    Token& t = toks[k];
    if (t.kind == TokKind::kIsoDate && valid_date(t.a, t.b, t.c)) {
      set_ymd(d, t.a, t.b, t.c);
      t.used = true;
      return true;
    }
    if (t.kind == TokKind::kWord && match_month_date(toks, k, d)) return true;
  }
  return false;
}

// Applies an "am"/"pm" word right after the time token at k.
void apply_meridiem(std::vector<Token>& toks, std::size_t k, PageDate* d) {
  if (k + 1 >= toks.size() || toks[k + 1].kind != TokKind::kWord) return;
  const std::string w = strip_dot(toks[k + 1].text);
  const bool am = w == "am" || w == "a.m" || w == "a";
  const bool pm = w == "pm" || w == "p.m" || w == "p";
  if (!am && !pm) return;
  toks[k + 1].used = true;
  if (d->hour > 12) return;
  if (am && d->hour == 12) d->hour = 0;
  if (pm && d->hour < 12) d->hour += 12;
}

void match_zone(std::vector<Token>& toks, std::size_t from, PageDate* d) {
  for (std::size_t k = from; k < toks.size(); ++k) {
    Token& t = toks[k];
    if (t.kind == TokKind::kOffset) {
      const bool after_name = d->zone.kind == Zone::Kind::kFixed;
      d->zone = Zone{Zone::Kind::kFixed, (after_name ? d->zone.offset_minutes : 0) + t.a};
      t.used = true;
      return;
    }
    if (t.kind != TokKind::kWord) continue;
    if (t.text == "z" && k != from) continue;
    if (auto z = zone_from_token(t.text)) {
      d->zone = *z;
      t.used = true;
      if (!(k + 1 < toks.size() && toks[k + 1].kind == TokKind::kOffset)) {
        return;
      }
    }
  }
}

void match_time(std::vector<Token>& toks, PageDate* d) {
  for (std::size_t k = 0; k < toks.size(); ++k) {
    if (toks[k].kind != TokKind::kTime) continue;
    d->has_time = true;
    d->hour = toks[k].a;
    d->minute = toks[k].b;
    d->second = toks[k].c;
    toks[k].used = true;
    apply_meridiem(toks, k, d);
    match_zone(toks, k + 1, d);
    return;
  }
}

void count_tokens(const std::vector<Token>& toks, PageDate* d) {
  for (const Token& t : toks) {
    if (t.used) {
      ++d->tokens;
    } else if (t.kind == TokKind::kWord && is_date_word(t.text)) {
      continue;
    } else {
      ++d->other_words;
    }
  }
}

// Local wall time in minutes since 1970 (no zone applied).
long long wall_minutes(int y, int m, int d, int hour, int minute) {
  return (CivilDay{y, m, d}.days_since_epoch() * 24 + hour) * 60 + minute;
}

// Day of month of the n-th (1-based; 0 = last) Sunday of month m.
int nth_sunday(int y, int m, int n) {
  const long long first = CivilDay{y, m, 1}.days_since_epoch();
  const int weekday = static_cast<int>((first + 4) % 7);  // 0 = Sunday
  const int first_sunday = 1 + (7 - weekday) % 7;
  if (n > 0) return first_sunday + 7 * (n - 1);
  int day = first_sunday;
  while (day + 7 <= days_in_month(y, m)) day += 7;
  return day;
}

bool us_dst(const PageDate& d) {
  int start_m = 4, start_n = 1, end_m = 10, end_n = 0;  // 1987-2006 rules
  if (d.year >= 2007) start_m = 3, start_n = 2, end_m = 11, end_n = 1;
  const long long t = wall_minutes(d.year, d.month, d.day, d.hour, d.minute);
  const long long start = wall_minutes(d.year, start_m, nth_sunday(d.year, start_m, start_n), 2, 0);
  const long long end = wall_minutes(d.year, end_m, nth_sunday(d.year, end_m, end_n), 2, 0);
  return t >= start && t < end;
}

bool eu_dst(const PageDate& d, int switch_hour) {
  const long long t = wall_minutes(d.year, d.month, d.day, d.hour, d.minute);
  const long long start = wall_minutes(d.year, 3, nth_sunday(d.year, 3, 0), switch_hour, 0);
  const long long end = wall_minutes(d.year, 10, nth_sunday(d.year, 10, 0), switch_hour + 1, 0);
  return t >= start && t < end;
}

}  // namespace

std::optional<Zone> zone_from_token(std::string_view token) {
  struct Named {
    const char* name;
    Zone zone;
  };
  using K = Zone::Kind;
  static constexpr Named kZones[] = {
      {"et", {K::kUsEastern, 0}},
      {"est", {K::kFixed, -300}},
      {"edt", {K::kFixed, -240}},
      {"ct", {K::kUsCentral, 0}},
      {"cst", {K::kFixed, -360}},
      {"cdt", {K::kFixed, -300}},
      {"mt", {K::kUsMountain, 0}},
      {"mst", {K::kFixed, -420}},
      {"mdt", {K::kFixed, -360}},
      {"pt", {K::kUsPacific, 0}},
      {"pst", {K::kFixed, -480}},
      {"pdt", {K::kFixed, -420}},
      {"gmt", {K::kFixed, 0}},
      {"utc", {K::kFixed, 0}},
      {"ut", {K::kFixed, 0}},
      {"z", {K::kFixed, 0}},
      {"bst", {K::kFixed, 60}},
      {"cet", {K::kFixed, 60}},
      {"cest", {K::kFixed, 120}},
      {"eastern", {K::kUsEastern, 0}},
      {"central", {K::kUsCentral, 0}},
      {"pacific", {K::kUsPacific, 0}},
      {"uk", {K::kUk, 0}},
  };
  const std::string t = lower_ascii(token);
  for (const Named& z : kZones) {
    if (t == z.name) return z.zone;
  }
  return std::nullopt;
}

std::optional<PageDate> find_date(std::string_view line) {
  if (line.size() > kMaxDateLine) return std::nullopt;
  std::vector<Token> toks = tokenize(line);
  PageDate d;
  if (!match_date(toks, &d)) return std::nullopt;
  match_time(toks, &d);
  count_tokens(toks, &d);
  return d;
}

int utc_offset_minutes(const Zone& zone, const PageDate& d) {
  switch (zone.kind) {
    case Zone::Kind::kNone:
      return 0;
    case Zone::Kind::kFixed:
      return zone.offset_minutes;
    case Zone::Kind::kUsEastern:
      return us_dst(d) ? -240 : -300;
    case Zone::Kind::kUsCentral:
      return us_dst(d) ? -300 : -360;
    case Zone::Kind::kUsMountain:
      return us_dst(d) ? -360 : -420;
    case Zone::Kind::kUsPacific:
      return us_dst(d) ? -420 : -480;
    case Zone::Kind::kUk:
      return eu_dst(d, 1) ? 60 : 0;
    case Zone::Kind::kCentralEu:
      return eu_dst(d, 2) ? 120 : 60;
  }
  return 0;
}

std::string to_iso8601(const PageDate& d, const Zone& home) {
  char buf[32];
  if (!d.has_time) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
  }
  const Zone& zone = d.zone.kind == Zone::Kind::kNone ? home : d.zone;
  long long t =
      wall_minutes(d.year, d.month, d.day, d.hour, d.minute) - utc_offset_minutes(zone, d);
  const long long minutes_per_day = 24 * 60;
  long long days = t >= 0 ? t / minutes_per_day : -((-t + minutes_per_day - 1) / minutes_per_day);
  const long long rem = t - days * minutes_per_day;
  // civil_from_days (H. Hinnant)
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const long long doe = days - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2));
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                static_cast<int>(rem / 60), static_cast<int>(rem % 60), d.second);
  return buf;
}

}  // namespace clean
}  // namespace news
