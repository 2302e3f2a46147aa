#include "clean/byline.h"

#include <algorithm>

#include "clean/shape.h"
#include "clean/tables.h"
#include "clean/text_util.h"

namespace news {
namespace clean {
namespace {

constexpr std::size_t kMaxNameBytes = 60;

constexpr std::string_view kParticles[] = {"de",  "da",  "di",  "del", "della", "van", "von",
                                           "der", "den", "la",  "le",  "du",    "bin", "al",
                                           "el",  "ibn", "dos", "das", "y",     "ter", "st."};

bool is_particle(std::string_view w) {
  for (std::string_view p : kParticles) {
    if (w == p) return true;
  }
  return false;
}

bool is_name_char(std::string_view w, std::size_t i) {
  const char c = w[i];
  return is_ascii_alpha(c) || c == '.' || c == '-' || c == '\'' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// "FOXBusiness", "TechCrunch": capitals inside a word that is not all
// capitals, after three lower-case letters or right after another capital.
// Names start again after a short part or a hyphen or apostrophe
// (McDonald, LaMotte, DeAndre, Braun-Silva, O'Reilly).
bool has_brand_capitals(std::string_view w) {
  bool any_lower = false;
  for (char c : w) any_lower = any_lower || is_ascii_lower(c);
  if (!any_lower) return false;
  std::size_t lower_run = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (is_ascii_upper(c)) {
      if (lower_run >= 3) return true;
      if (i > 0 && is_ascii_upper(w[i - 1]) && i + 1 < w.size() && is_ascii_lower(w[i + 1])) {
        return true;
      }
      lower_run = 0;
    } else {
      lower_run = is_ascii_lower(c) ? lower_run + 1 : 0;
    }
  }
  return false;
}

bool is_name_token(std::string_view w) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!is_name_char(w, i)) return false;
  }
  // U+2019 is fine, but U+00A0 and other spaces were split out already;
  // reject symbols such as U+2014 or U+00A9 that are not letters.
  // A possessive is no name: "Bill Russell's Impact on the Game" (deadspin).
  if (ends_with(w, "'s") || ends_with(w, "\xE2\x80\x99s")) return false;
  if (w.find("\xE2\x80\x94") != std::string_view::npos ||
      w.find("\xC2\xA9") != std::string_view::npos ||
      w.find("\xE2\x80\xA2") != std::string_view::npos) {
    return false;
  }
  return !has_brand_capitals(w);
}

bool starts_capital(std::string_view w) {
  if (w.empty()) return false;
  return is_ascii_upper(w[0]) || static_cast<unsigned char>(w[0]) >= 0xC3;
}

std::string strip_trailing_dots(std::string_view w) {
  std::string s = lower_ascii(w);
  while (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

bool all_upper(std::string_view s) {
  bool any = false;
  for (char c : s) {
    if (is_ascii_lower(c)) return false;
    any = any || is_ascii_upper(c);
  }
  return any;
}

bool is_weekday(std::string_view lower) {
  static constexpr std::string_view kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};
  return std::find(std::begin(kWeekdays), std::end(kWeekdays), lower) != std::end(kWeekdays);
}

bool is_month_word(std::string_view lower) {
  static constexpr std::string_view kMonthWords[] = {
      "january",   "february", "march",    "april",    "may",  "june", "july", "august",
      "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
      "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};
  return std::find(std::begin(kMonthWords), std::end(kMonthWords), lower) != std::end(kMonthWords);
}

// Cuts a byline fragment at a Twitter handle, a separator or a date.
std::string_view cut_byline_tail(std::string_view text) {
  std::size_t end = text.size();
  for (std::string_view stop : {"@", "|", "\xE2\x80\xA2", " - ", " \xE2\x80\x94", "http",
                                " Updated", " Published", " Posted", " on ", " at "}) {
    end = std::min(end, text.find(stop));
  }
  for (std::size_t i = 0; i < end; ++i) {
    if (is_ascii_digit(text[i])) {
      end = i;
      break;
    }
  }
  text = trim(text.substr(0, end));
  // Drop a month name left before the cut digits ("... November").
  std::vector<std::string_view> words = split_words(text);
  while (!words.empty() && is_month_word(strip_trailing_dots(words.back()))) words.pop_back();
  if (words.empty()) return {};
  return text.substr(0, words.back().data() + words.back().size() - text.data());
}

// "BlumeStaff Writer" -> "Blume Staff Writer": a capital right after three
// or more lower-case letters starts a new word (pages glue a name to the
// job title or the next link). "McDonald", "MacKenzie", "DeSantis" stay.
std::string split_glued_words(std::string_view text) {
  std::string out;
  std::size_t lower_run = 0;
  for (char c : text) {
    if (is_ascii_upper(c) && lower_run >= 3) out += ' ';
    lower_run = is_ascii_lower(c) ? lower_run + 1 : 0;
    out += c;
  }
  return out;
}

// "18/03/2019 | Jane Doe" -> "Jane Doe": a date (digits, punctuation and
// month words) and separators before the names.
std::string_view skip_leading_date(std::string_view text) {
  text = trim(text);
  if (text.empty() || !is_ascii_digit(text[0])) return text;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = text.find(' ', i);
    const std::string_view word = text.substr(i, end == std::string_view::npos ? end : end - i);
    const bool datey =
        word.find_first_of("0123456789") != std::string_view::npos ||
        word.find_first_not_of("|-:,.\xE2\x80\xA2\xC2\xB7") == std::string_view::npos ||
        is_month_word(strip_trailing_dots(word)) || iequals(word, "am") || iequals(word, "pm");
    if (!datey || end == std::string_view::npos) return datey ? std::string_view() : text.substr(i);
    i = end + 1;
  }
  return {};
}

// Drops the people credited for pictures: "Jane Doe (reporting) and John
// Roe (photography)" -> "Jane Doe and"; the other roles' brackets go.
std::string drop_non_writers(const std::string& text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find('(', i);
    const std::size_t close = open == std::string::npos ? open : text.find(')', open);
    if (close == std::string::npos) {
      out += text.substr(i);
      break;
    }
    std::string before = text.substr(i, open - i);
    const std::string role = lower_ascii(text.substr(open + 1, close - open - 1));
    if (role.find("photo") != std::string::npos || role.find("video") != std::string::npos ||
        role.find("illustrat") != std::string::npos || role.find("graphic") != std::string::npos) {
      // The name before the bracket is the picture credit's: back to the last separator.
      const std::size_t sep = before.find_last_of(",;&");
      const std::size_t word_and = before.rfind(" and ");
      std::size_t cut = sep == std::string::npos ? 0 : sep + 1;
      if (word_and != std::string::npos && word_and + 5 > cut) cut = word_and + 5;
      before.erase(cut);
    }
    out += before;
    i = close + 1;
  }
  return out;
}

// Splits on ",", ";", " and ", " & ".
std::vector<std::string> split_byline(std::string_view text) {
  std::vector<std::string> parts;
  std::string current;
  for (std::string_view w : split_words(text)) {
    std::string word(w);
    bool split_after = false;
    while (!word.empty() && (word.back() == ',' || word.back() == ';')) {
      word.pop_back();
      split_after = true;
    }
    const std::string lower = lower_ascii(word);
    if (lower == "and" || lower == "&" || lower == "with" || word.empty()) {
      if (!current.empty()) parts.push_back(current);
      current.clear();
    } else {
      if (!current.empty()) current += ' ';
      current += word;
    }
    if (split_after && !current.empty()) {
      parts.push_back(current);
      current.clear();
    }
  }
  if (!current.empty()) parts.push_back(current);
  return parts;
}

// A word that cannot be part of a name: a job ("Editor-at-large" counts by
// its parts), a desk, a name stop word, a weekday, a publisher ("AP").
bool is_affiliation_word(std::string_view word) {
  const std::string lower = strip_trailing_dots(word);
  std::size_t start = 0;
  while (start <= lower.size()) {
    const std::size_t dash = std::min(lower.find('-', start), lower.size());
    const std::string piece = lower.substr(start, dash - start);
    if (is_job_word(piece) || is_desk_word(piece) || is_name_stop_word(piece) ||
        is_weekday(piece)) {
      return true;
    }
    start = dash + 1;
  }
  return find_publisher_exact(word) != nullptr;
}

// Where a name stops inside a part: a word that cannot be in a name, a
// brand ("Jonathan Garber FOXBusiness"), a publisher ("Kevin McCoy USA
// TODAY"), or an organisation word that is not the part's last word
// ("European Space Agency" is an organisation).
bool cuts_name(const std::vector<std::string_view>& words, std::size_t i) {
  if (is_affiliation_word(words[i]) || has_brand_capitals(words[i])) return true;
  const char* rest_begin = words[i].data();
  const char* rest_end = words.back().data() + words.back().size();
  if (find_publisher_exact(std::string_view(rest_begin, rest_end - rest_begin))) return true;
  return i + 1 < words.size() && is_org_word(name_case(words[i]));
}

// The name at the start of a part that runs on into a job title or an
// affiliation ("Howard Blume Staff Writer" -> "Howard Blume"); *rest_is set
// when something was cut.
std::string name_before_affiliation(const std::string& part, bool* cut) {
  const std::vector<std::string_view> words = split_words(part);
  *cut = false;
  for (std::size_t i = 2; i < words.size(); ++i) {
    if (!cuts_name(words, i)) continue;
    *cut = true;
    return std::string(part.data(), words[i - 1].data() + words[i - 1].size() - part.data());
  }
  return part;
}

void add_author(const std::string& name, BylineParts* out) {
  for (const std::string& a : out->authors) {
    if (lower_ascii(a) == lower_ascii(name)) return;
  }
  out->authors.push_back(name);
}

// Adds one part of a byline; returns false when the parts after it are an
// affiliation ("Jane Doe, Senior Staff Technologist, ACLU ..."), not names.
bool add_part(const std::string& raw, BylineParts* out) {
  const std::string part = undouble(raw);
  if (part.empty()) return true;
  if (is_desk(part) || find_publisher_exact(part)) {
    if (out->org.empty()) out->org = part;
    return true;
  }
  bool cut = false;
  const std::string name = name_before_affiliation(part, &cut);
  if (cut && is_name_shaped(name)) {
    add_author(name_case(name), out);  // "Andrew Husband Twitter News"
    return false;
  }
  if (is_org_name(part)) {
    if (out->org.empty()) out->org = part;
    return true;
  }
  if (is_name_shaped(part)) {
    add_author(name_case(part), out);
    return true;
  }
  return !is_job_title(part);
}

}  // namespace

bool is_name_shaped(std::string_view s) {
  s = trim(s);
  if (s.size() < 3 || s.size() > kMaxNameBytes) return false;
  const std::vector<std::string_view> words = split_words(s);
  if (words.size() < 2 || words.size() > 5) return false;
  int capitals = 0;
  for (std::string_view w : words) {
    if (!is_name_token(w)) return false;
    const std::string lower = strip_trailing_dots(w);
    if (lower.empty()) return false;
    if (is_particle(lower_ascii(w))) continue;
    if (!starts_capital(w) || is_org_word(w) || is_affiliation_word(w)) return false;
    ++capitals;
  }
  return capitals >= 2 && !find_publisher_exact(s) && !is_place(s);
}

std::string name_case(std::string_view s) {
  const std::string tidy = collapse_spaces(s);
  if (!all_upper(tidy)) return tidy;
  std::string out = tidy;
  bool word_start = true;
  for (char& c : out) {
    if (is_ascii_alpha(c)) {
      if (!word_start && is_ascii_upper(c)) c = static_cast<char>(c - 'A' + 'a');
      word_start = false;
    } else {
      word_start = c == ' ' || c == '-' || c == '\'' || c == '.';
    }
  }
  return out;
}

std::string undouble(std::string_view s) {
  const std::vector<std::string_view> words = split_words(s);
  const std::size_t n = words.size();
  std::size_t keep = n;
  if (n >= 2 && n % 2 == 0 &&
      std::equal(words.begin(), words.begin() + n / 2, words.begin() + n / 2)) {
    keep = n / 2;
  }
  std::string out;
  for (std::size_t i = 0; i < keep; ++i) {
    if (!out.empty()) out += ' ';
    out.append(words[i].data(), words[i].size());
  }
  return out;
}

bool is_desk(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > 50 || !starts_capital(s)) return false;
  const std::vector<std::string_view> words = split_words(s);
  if (words.size() > 5) return false;
  return is_desk_word(lower_ascii(words.back()));
}

bool is_org_name(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > 60) return false;
  if (find_publisher_exact(s)) return true;
  const std::vector<std::string_view> words = split_words(s);
  if (words.size() > 6 || !starts_capital(s)) return false;
  for (std::string_view w : words) {
    if (!starts_capital(w) && !is_particle(lower_ascii(w)) && lower_ascii(w) != "the" &&
        lower_ascii(w) != "of") {
      return false;
    }
  }
  for (std::string_view w : words) {
    if (is_org_word(w)) return true;
  }
  return false;
}

std::optional<std::string_view> strip_byline_lead(std::string_view line) {
  line = trim(line);
  std::size_t i = 0;
  while (i < line.size() && is_ascii_alpha(line[i])) ++i;
  // "ByTravis Haney": the lead glued to a capitalised name.
  if (i > 3 && (line[0] == 'B' || line[0] == 'b') && line[1] == 'y' && is_ascii_upper(line[2]) &&
      is_ascii_lower(line[3])) {
    return trim(line.substr(2));
  }
  if (i == 0 || !is_byline_lead(lower_ascii(line.substr(0, i)))) {
    return std::nullopt;
  }
  if (i < line.size() && line[i] != ' ' && line[i] != ':' &&
      static_cast<unsigned char>(line[i]) != 0xC2) {
    return std::nullopt;
  }
  std::string_view rest = line.substr(i);
  if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
  return trim(rest);
}

void add_byline_text(std::string_view text, BylineParts* out) {
  const std::string unglued = drop_non_writers(split_glued_words(text));
  std::string_view rest = skip_leading_date(unglued);
  const std::size_t authors = out->authors.size();
  for (const std::string& part : split_byline(cut_byline_tail(rest))) {
    if (!add_part(part, out)) return;
  }
  // "Medical Daily 9/21/2016 Lizette Borreli": the names after a date.
  if (out->authors.size() == authors) {
    const std::size_t digit = rest.find_first_of("0123456789");
    if (digit == std::string_view::npos) return;
    for (const std::string& part :
         split_byline(cut_byline_tail(skip_leading_date(rest.substr(digit))))) {
      if (!add_part(part, out)) return;
    }
  }
}

}  // namespace clean
}  // namespace news
