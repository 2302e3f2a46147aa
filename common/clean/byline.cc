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

bool is_name_token(std::string_view w) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!is_name_char(w, i)) return false;
  }
  // U+2019 is fine, but U+00A0 and other spaces were split out already;
  // reject symbols such as U+2014 or U+00A9 that are not letters.
  if (w.find("\xE2\x80\x94") != std::string_view::npos ||
      w.find("\xC2\xA9") != std::string_view::npos ||
      w.find("\xE2\x80\xA2") != std::string_view::npos) {
    return false;
  }
  return true;
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
  while (!words.empty()) {
    const std::string w = strip_trailing_dots(words.back());
    static constexpr std::string_view kMonthWords[] = {
        "january",   "february", "march",    "april",    "may",  "june", "july", "august",
        "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
        "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};
    if (std::find(std::begin(kMonthWords), std::end(kMonthWords), w) == std::end(kMonthWords)) {
      break;
    }
    words.pop_back();
  }
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

bool is_affiliation_word(std::string_view word) {
  const std::string lower = strip_trailing_dots(word);
  return is_job_word(lower) || is_desk_word(lower) || is_name_stop_word(lower) || is_org_word(word);
}

// The name at the start of a part that runs on into a job title or an
// affiliation ("Howard Blume Staff Writer" -> "Howard Blume"); *rest_is set
// when something was cut.
std::string name_before_affiliation(const std::string& part, bool* cut) {
  const std::vector<std::string_view> words = split_words(part);
  *cut = false;
  for (std::size_t i = 2; i < words.size(); ++i) {
    if (!is_affiliation_word(words[i])) continue;
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
  if (is_desk(part) || is_org_name(part)) {
    if (out->org.empty()) out->org = part;
    return true;
  }
  bool cut = false;
  const std::string name = name_before_affiliation(part, &cut);
  if (is_name_shaped(name)) {
    add_author(name_case(name), out);
    return !cut;
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
    if (!starts_capital(w) || is_name_stop_word(lower) || is_org_word(w) || is_desk_word(lower)) {
      return false;
    }
    ++capitals;
  }
  return capitals >= 2 && !find_publisher_exact(s);
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
  const std::string unglued = split_glued_words(text);
  for (const std::string& part : split_byline(cut_byline_tail(unglued))) {
    if (!add_part(part, out)) break;
  }
}

}  // namespace clean
}  // namespace news
