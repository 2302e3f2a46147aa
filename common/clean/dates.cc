#include "clean/dates.h"

#include <cstdio>
#include <vector>

#include "clean/text_util.h"
#include "text/dates.h"

namespace news {
namespace clean {
namespace {

constexpr std::size_t kMaxDateLine = 200;
// Label words count when they are at most this many tokens before a date.
constexpr std::size_t kLabelReach = 4;

enum class TokKind { kWord, kNumber, kTime, kIsoDate, kNumericDate, kOffset };

struct Token {
  TokKind kind;
  std::string text;         // lower case for words, digits for numbers
  int a = 0, b = 0, c = 0;  // number value; time h/m/s; y/m/d; offset minutes in a
  bool used = false;
};

struct MonthName {
  std::string_view name;
  int month;
};

// English, French, German and Spanish names and abbreviations (lower case;
// a trailing dot is stripped before the lookup).
constexpr MonthName kMonths[] = {
    {"january", 1},    {"jan", 1},        {"janvier", 1},   {"janv", 1},      {"januar", 1},
    {"enero", 1},      {"ene", 1},        {"february", 2},  {"feb", 2},       {"février", 2},
    {"fevrier", 2},    {"févr", 2},       {"fevr", 2},      {"februar", 2},   {"febrero", 2},
    {"march", 3},      {"mar", 3},        {"mars", 3},      {"märz", 3},      {"maerz", 3},
    {"marzo", 3},      {"april", 4},      {"apr", 4},       {"avril", 4},     {"avr", 4},
    {"abril", 4},      {"abr", 4},        {"may", 5},       {"mai", 5},       {"mayo", 5},
    {"june", 6},       {"jun", 6},        {"juin", 6},      {"juni", 6},      {"junio", 6},
    {"july", 7},       {"jul", 7},        {"juillet", 7},   {"juil", 7},      {"juli", 7},
    {"julio", 7},      {"august", 8},     {"aug", 8},       {"août", 8},      {"aout", 8},
    {"agosto", 8},     {"september", 9},  {"sep", 9},       {"sept", 9},      {"septembre", 9},
    {"septiembre", 9}, {"setiembre", 9},  {"october", 10},  {"oct", 10},      {"octobre", 10},
    {"oktober", 10},   {"okt", 10},       {"octubre", 10},  {"november", 11}, {"nov", 11},
    {"novembre", 11},  {"noviembre", 11}, {"december", 12}, {"dec", 12},      {"décembre", 12},
    {"decembre", 12},  {"déc", 12},       {"dezember", 12}, {"dez", 12},      {"diciembre", 12},
    {"dic", 12},
};

// Words that may sit in a date line without making it something else:
// labels, "at"/"on"/"le"/"am"/"de", weekdays (English, French, German,
// Spanish), meridiems and ordinal suffixes.
constexpr std::string_view kDateWords[] = {
    "updated",      "published",  "posted",  "first",     "last",      "modified",
    "on",           "at",         "date",    "time",      "of",        "the",
    "am",           "pm",         "a.m",     "p.m",       "a",         "p",
    "mon",          "tue",        "tues",    "wed",       "thu",       "thur",
    "thurs",        "fri",        "sat",     "sun",       "monday",    "tuesday",
    "wednesday",    "thursday",   "friday",  "saturday",  "sunday",    "st",
    "nd",           "rd",         "th",      "er",        "le",        "de",
    "del",          "à",          "um",      "uhr",       "h",         "publié",
    "publiée",      "mis",        "jour",    "lundi",     "mardi",     "mercredi",
    "jeudi",        "vendredi",   "samedi",  "dimanche",  "montag",    "dienstag",
    "mittwoch",     "donnerstag", "freitag", "samstag",   "sonntag",   "veröffentlicht",
    "aktualisiert", "lunes",      "martes",  "miércoles", "miercoles", "jueves",
    "viernes",      "sábado",     "sabado",  "domingo",   "publicado", "actualizado",
};

constexpr std::string_view kPublishedWords[] = {
    "published", "posted", "publié", "publiée", "veröffentlicht", "publicado", "publicada",
};
constexpr std::string_view kUpdatedWords[] = {
    "updated", "modified", "jour", "aktualisiert", "actualizado", "actualizada", "edited",
};
constexpr std::string_view kOrdinalSuffixes[] = {"st", "nd", "rd", "th", "er"};

template <std::size_t N>
bool in_list(const std::string_view (&list)[N], std::string_view w) {
  for (std::string_view item : list) {
    if (w == item) return true;
  }
  return false;
}

std::string_view strip_dot(std::string_view w) {
  while (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return w;
}

int month_from_word(std::string_view w) {
  const std::string_view s = strip_dot(w);
  for (const MonthName& m : kMonths) {
    if (s == m.name) return m.month;
  }
  return 0;
}

bool is_date_word(std::string_view w) { return in_list(kDateWords, strip_dot(w)); }

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

// "HH:MM[:SS]" or "HHhMM" at s[i]; returns the length consumed or 0.
std::size_t read_clock(std::string_view s, std::size_t i, Token* t) {
  const std::size_t h = digit_run(s, i);
  if (h == 0 || h > 2 || i + h >= s.size() || (s[i + h] != ':' && s[i + h] != 'h')) return 0;
  const bool french = s[i + h] == 'h';
  const std::size_t m = digit_run(s, i + h + 1);
  if (m != 2) return 0;
  std::size_t len = h + 1 + m;
  if (french && i + len < s.size() && is_word_byte(s[i + len])) return 0;
  t->kind = TokKind::kTime;
  t->a = parse_digits(s.substr(i, h));
  t->b = parse_digits(s.substr(i + h + 1, 2));
  if (!french && i + len < s.size() && s[i + len] == ':' && digit_run(s, i + len + 1) == 2) {
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

int full_year(std::size_t digits, int value) {
  if (digits == 4) return value;
  return value < 70 ? 2000 + value : 1900 + value;
}

// Month and day of a numeric date whose first two numbers are `a` and `b`
// (see find_dates for the order); false when neither order is a date.
bool order_numeric(int a, int b, char sep, int* month, int* day) {
  const bool day_first = sep == '.' ? b <= 12 : a > 12;
  *month = day_first ? b : a;
  *day = day_first ? a : b;
  return *month >= 1 && *month <= 12 && *day >= 1 && *day <= 31;
}

// "12/14/2016", "14.12.16", "2016/12/14" at s[i]; returns the length or 0.
std::size_t read_numeric_date(std::string_view s, std::size_t i, std::vector<Token>* out) {
  const std::size_t d1 = digit_run(s, i);
  if (i + d1 >= s.size()) return 0;
  const char sep = s[i + d1];
  if ((sep != '/' && sep != '.' && sep != '-') || (d1 != 4 && d1 > 2)) return 0;
  const std::size_t j = i + d1 + 1;
  const std::size_t d2 = digit_run(s, j);
  if (d2 == 0 || d2 > 2 || j + d2 >= s.size() || s[j + d2] != sep) return 0;
  const std::size_t k = j + d2 + 1;
  const std::size_t d3 = digit_run(s, k);
  const bool year_first = d1 == 4;
  if (year_first ? (d3 == 0 || d3 > 2) : (d3 != 2 && d3 != 4)) return 0;
  const std::size_t end = k + d3;
  // Not part of a longer dotted or slashed run ("10.15.15.3", "1/2/3/4").
  if (end + 1 < s.size() && s[end] == sep && is_ascii_digit(s[end + 1])) return 0;
  const int a = parse_digits(s.substr(i, d1)), b = parse_digits(s.substr(j, d2));
  const int c = parse_digits(s.substr(k, d3));
  Token t{TokKind::kNumericDate, std::string(s.substr(i, end - i))};
  if (year_first) {
    t.a = a, t.b = b, t.c = c;
  } else if (!order_numeric(a, b, sep, &t.b, &t.c)) {
    return 0;
  } else {
    t.a = full_year(d3, c);
  }
  out->push_back(t);
  return end - i;
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
  if (std::size_t n = read_numeric_date(s, i, out)) return n;
  Token num{TokKind::kNumber, std::string(s.substr(i, d))};
  num.a = d <= 9 ? parse_digits(num.text) : -1;
  out->push_back(num);
  return d;
}

// A letter of a word: ASCII, or a Latin-1/Latin Extended-A letter (U+00C0 to
// U+017F, lead bytes C3-C5), so that "décembre" and "märz" are words and
// U+00A0 or U+2014 separate them.
std::size_t letter_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (is_ascii_alpha(s[i])) return 1;
  if (c >= 0xC3 && c <= 0xC5 && i + 1 < s.size() &&
      (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
    return 2;
  }
  return 0;
}

std::size_t read_word(std::string_view s, std::size_t i, std::vector<Token>* out) {
  std::size_t j = i;
  while (j < s.size()) {
    if (s[j] == '.') {
      ++j;
    } else if (std::size_t n = letter_length(s, j)) {
      j += n;
    } else {
      break;
    }
  }
  out->push_back({TokKind::kWord, lower_ascii(s.substr(i, j - i))});
  return j - i;
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> toks;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (is_ascii_digit(c)) {
      i += read_number(s, i, &toks);
    } else if (letter_length(s, i)) {
      i += read_word(s, i, &toks);
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

bool is_day(const Token& t) {
  return t.kind == TokKind::kNumber && t.text.size() <= 2 && t.a >= 1 && t.a <= 31;
}

bool is_year(const Token& t) { return t.kind == TokKind::kNumber && t.text.size() == 4; }

bool is_filler(const Token& t) {
  return t.kind == TokKind::kWord && (t.text == "de" || t.text == "del");
}

bool is_ordinal(const Token& t) {
  return t.kind == TokKind::kWord && in_list(kOrdinalSuffixes, t.text);
}

// The tokens of one date: first..last (inclusive) and the date itself.
struct DateSpan {
  std::size_t first = 0, last = 0;
  int year = 0, month = 0, day = 0;
  bool numeric = false;
};

// Index of the next token after k that is not a filler ("de") or, when
// `ordinals`, an ordinal suffix ("th", "er").
std::size_t skip_fillers(const std::vector<Token>& t, std::size_t k, bool ordinals) {
  std::size_t n = k + 1;
  while (n < t.size() && (is_filler(t[n]) || (ordinals && is_ordinal(t[n])))) ++n;
  return n;
}

// "Month D[th][,] YYYY" after the month token k.
bool month_day_year(const std::vector<Token>& t, std::size_t k, int month, DateSpan* d) {
  const std::size_t n = k + 1;
  if (n >= t.size() || !is_day(t[n])) return false;
  const std::size_t y = skip_fillers(t, n, true);
  if (y >= t.size() || !is_year(t[y]) || !valid_date(t[y].a, month, t[n].a)) return false;
  *d = DateSpan{k, y, t[y].a, month, t[n].a, false};
  return true;
}

// "D[th|er] [de] Month [de] YYYY" around the month token k.
bool day_month_year(const std::vector<Token>& t, std::size_t k, int month, DateSpan* d) {
  std::size_t p = k;
  while (p > 0 && (is_filler(t[p - 1]) || is_ordinal(t[p - 1]))) --p;
  if (p == 0 || !is_day(t[p - 1]) || p + 2 < k) return false;
  const std::size_t y = skip_fillers(t, k, false);
  if (y >= t.size() || !is_year(t[y]) || !valid_date(t[y].a, month, t[p - 1].a)) return false;
  *d = DateSpan{p - 1, y, t[y].a, month, t[p - 1].a, false};
  return true;
}

// The date starting at or around token k, if one does.
bool match_at(const std::vector<Token>& t, std::size_t k, DateSpan* d) {
  const Token& tok = t[k];
  if ((tok.kind == TokKind::kIsoDate || tok.kind == TokKind::kNumericDate) &&
      valid_date(tok.a, tok.b, tok.c)) {
    *d = DateSpan{k, k, tok.a, tok.b, tok.c, tok.kind == TokKind::kNumericDate};
    return true;
  }
  if (tok.kind != TokKind::kWord) return false;
  const int month = month_from_word(tok.text);
  return month != 0 && (month_day_year(t, k, month, d) || day_month_year(t, k, month, d));
}

std::vector<DateSpan> match_dates(std::vector<Token>& toks) {
  std::vector<DateSpan> spans;
  for (std::size_t k = 0; k < toks.size(); ++k) {
    DateSpan d;
    if (toks[k].used || !match_at(toks, k, &d)) continue;
    if (!spans.empty() && d.first <= spans.back().last) continue;
    for (std::size_t i = d.first; i <= d.last; ++i) {
      if (!is_filler(toks[i])) toks[i].used = true;
    }
    spans.push_back(d);
    k = d.last;
  }
  return spans;
}

// Applies an "am"/"pm" word right after the time token at k.
void apply_meridiem(std::vector<Token>& toks, std::size_t k, PageDate* d) {
  if (k + 1 >= toks.size() || toks[k + 1].kind != TokKind::kWord) return;
  const std::string_view w = strip_dot(toks[k + 1].text);
  const bool am = w == "am" || w == "a.m" || w == "a";
  const bool pm = w == "pm" || w == "p.m" || w == "p";
  if (!am && !pm) return;
  toks[k + 1].used = true;
  if (d->hour > 12) return;
  if (am && d->hour == 12) d->hour = 0;
  if (pm && d->hour < 12) d->hour += 12;
}

void match_zone(std::vector<Token>& toks, std::size_t from, std::size_t to, PageDate* d) {
  for (std::size_t k = from; k < to; ++k) {
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
      if (!(k + 1 < to && toks[k + 1].kind == TokKind::kOffset)) return;
    }
  }
}

void take_time(std::vector<Token>& toks, std::size_t k, std::size_t to, PageDate* d) {
  d->has_time = true;
  d->hour = toks[k].a;
  d->minute = toks[k].b;
  d->second = toks[k].c;
  toks[k].used = true;
  apply_meridiem(toks, k, d);
  match_zone(toks, k + 1, to, d);
}

// The clock time of the date spans[i]: the first one after it (before the
// next date), else the last one before it (after the previous date).
void match_time(std::vector<Token>& toks, const std::vector<DateSpan>& spans, std::size_t i,
                PageDate* d) {
  const std::size_t lo = i == 0 ? 0 : spans[i - 1].last + 1;
  const std::size_t hi = i + 1 < spans.size() ? spans[i + 1].first : toks.size();
  for (std::size_t k = spans[i].last + 1; k < hi; ++k) {
    if (toks[k].kind == TokKind::kTime && !toks[k].used) return take_time(toks, k, hi, d);
  }
  for (std::size_t k = spans[i].first; k-- > lo;) {
    if (toks[k].kind == TokKind::kTime && !toks[k].used) return take_time(toks, k, hi, d);
  }
}

// "Published", "Updated", "Mis à jour" within a few tokens before the date.
DateLabel label_before(const std::vector<Token>& toks, const std::vector<DateSpan>& spans,
                       std::size_t i) {
  const std::size_t lo = i == 0 ? 0 : spans[i - 1].last + 1;
  const std::size_t first = spans[i].first;
  for (std::size_t k = first; k-- > lo && first - k <= kLabelReach;) {
    if (toks[k].kind != TokKind::kWord) continue;
    const std::string_view w = strip_dot(toks[k].text);
    if (in_list(kPublishedWords, w)) return DateLabel::kPublished;
    if (in_list(kUpdatedWords, w)) return DateLabel::kUpdated;
  }
  return DateLabel::kNone;
}

void count_tokens(const std::vector<Token>& toks, std::size_t* used, std::size_t* other) {
  for (const Token& t : toks) {
    if (t.used) {
      ++*used;
    } else if (t.kind == TokKind::kWord && is_date_word(t.text)) {
      continue;
    } else {
      ++*other;
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

std::vector<PageDate> find_dates(std::string_view line) {
  if (line.size() > kMaxDateLine) return {};
  std::vector<Token> toks = tokenize(line);
  const std::vector<DateSpan> spans = match_dates(toks);
  std::vector<PageDate> dates(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i) {
    PageDate& d = dates[i];
    d.year = spans[i].year;
    d.month = spans[i].month;
    d.day = spans[i].day;
    d.numeric = spans[i].numeric;
    d.index = i;
    d.label = label_before(toks, spans, i);
    match_time(toks, spans, i, &d);
  }
  std::size_t used = 0, other = 0;
  count_tokens(toks, &used, &other);
  for (PageDate& d : dates) {
    d.tokens = used;
    d.other_words = other;
  }
  return dates;
}

std::optional<PageDate> find_date(std::string_view line) {
  std::vector<PageDate> dates = find_dates(line);
  if (dates.empty()) return std::nullopt;
  return dates.front();
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
  const long long days =
      t >= 0 ? t / minutes_per_day : -((-t + minutes_per_day - 1) / minutes_per_day);
  const long long rem = t - days * minutes_per_day;
  const CivilDay day = CivilDay::from_days(days);
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", day.year, day.month, day.day,
                static_cast<int>(rem / 60), static_cast<int>(rem % 60), d.second);
  return buf;
}

}  // namespace clean
}  // namespace news
