#include "clean/analysis.h"

#include <unordered_map>

#include "clean/byline.h"
#include "clean/shape.h"
#include "clean/tables.h"
#include "clean/text_util.h"

namespace news {
namespace clean {
namespace {

constexpr std::size_t kMaxHeaderLine = 200;
constexpr std::size_t kMaxRepeatLine = 300;
constexpr std::size_t kMaxDeskWords = 5;
constexpr std::size_t kMaxDateOtherWords = 3;
constexpr std::size_t kMaxStampLine = 100;

bool has_digit(std::string_view s) {
  for (char c : s) {
    if (is_ascii_digit(c)) return true;
  }
  return false;
}

void find_line_dates(PageAnalysis* out) {
  out->date_begin.assign(1, 0);
  for (const Line& line : out->lines) {
    if (line.text.size() <= kMaxHeaderLine && has_digit(line.text)) {
      for (PageDate& d : find_dates(line.text)) out->dates.push_back(d);
    }
    out->date_begin.push_back(static_cast<std::uint32_t>(out->dates.size()));
  }
}

void count_repeats(PageAnalysis* out) {
  std::unordered_map<std::string_view, std::uint32_t> seen;
  for (const Line& line : out->lines) {
    if (!line.text.empty() && line.text.size() <= kMaxRepeatLine) ++seen[line.text];
  }
  out->repeats.assign(out->lines.size(), 0);
  for (std::size_t i = 0; i < out->lines.size(); ++i) {
    const Line& line = out->lines[i];
    if (!line.text.empty() && line.text.size() <= kMaxRepeatLine) {
      out->repeats[i] = seen[line.text] - 1;
    }
  }
}

// "2 days ago", "3h ago", "an hour ago": a count and a time unit before
// " ago".
bool has_relative_time(std::string_view lower) {
  const std::size_t at = lower.find(" ago");
  if (at == std::string_view::npos || at == 0) return false;
  const std::size_t end = at + 4;
  if (end < lower.size() && is_word_byte(lower[end])) return false;
  std::size_t i = at;
  while (i > 0 && lower[i - 1] != ' ') --i;
  const std::string_view unit = lower.substr(i, at - i);
  if (unit.empty()) return false;
  // "3h", "5m", "2d"
  if (unit.size() <= 4 && is_ascii_digit(unit.front())) {
    return unit.back() == 'h' || unit.back() == 'm' || unit.back() == 'd';
  }
  std::size_t j = i > 0 ? i - 1 : 0;
  while (j > 0 && lower[j - 1] != ' ') --j;
  const std::string_view count = lower.substr(j, i > j ? i - j - 1 : 0);
  if (count.empty() || !(is_ascii_digit(count.front()) || count == "a" || count == "an")) {
    return false;
  }
  for (std::string_view u : {"sec", "min", "hour", "hr", "day", "week", "month", "year"}) {
    if (starts_with(unit, u)) return true;
  }
  return false;
}

// "07:52 am", "4:47 pm", "15:04": one or two digits, ':', two digits, and
// no digit or ':' on either side (not "1:2:3", not "2019:10").
bool has_clock_time(std::string_view lower) {
  for (std::size_t c = lower.find(':'); c != std::string_view::npos; c = lower.find(':', c + 1)) {
    std::size_t b = c;
    while (b > 0 && is_ascii_digit(lower[b - 1])) --b;
    if (c - b < 1 || c - b > 2 || (b > 0 && lower[b - 1] == ':')) continue;
    if (c + 2 >= lower.size() || !is_ascii_digit(lower[c + 1]) || !is_ascii_digit(lower[c + 2])) {
      continue;
    }
    if (c + 3 < lower.size() && (is_ascii_digit(lower[c + 3]) || lower[c + 3] == ':')) continue;
    return true;
  }
  return false;
}

void mark_stamps(PageAnalysis* out) {
  out->stamp.assign(out->lines.size(), 0);
  out->closers_above.assign(out->lines.size(), 0);
  std::uint32_t closers = 0;
  for (std::size_t i = 0; i < out->lines.size(); ++i) {
    const Line& line = out->lines[i];
    out->closers_above[i] = closers;
    closers += out->closes[i];
    if (line.text.empty() || line.text.size() > kMaxStampLine) continue;
    out->stamp[i] = out->has_date(i) || has_time_stamp(line.lower);
  }
}

}  // namespace

bool has_time_stamp(std::string_view lower) {
  return has_clock_time(lower) || has_relative_time(lower);
}

HeaderKind header_kind(const Line& line, const PageDate* first_date) {
  if ((line.kind != LineKind::kText && line.kind != LineKind::kProse) ||
      line.text.size() > kMaxHeaderLine) {
    return HeaderKind::kNone;
  }
  if (auto rest = strip_byline_lead(line.text)) {
    if (rest->empty()) return HeaderKind::kByline;
    BylineParts parts;
    add_byline_text(*rest, &parts);
    if (!parts.authors.empty() || !parts.org.empty()) return HeaderKind::kByline;
  }
  if (line.words <= kMaxDeskWords && is_desk(line.text)) return HeaderKind::kDesk;
  if (first_date != nullptr && first_date->other_words <= kMaxDateOtherWords) {
    return HeaderKind::kDate;
  }
  return HeaderKind::kNone;
}

bool closes_story(const Line& line) {
  return line.kind != LineKind::kBlank && (is_end_marker(line.lower) || is_credit_line(line.lower));
}

bool is_byline_separator(std::string_view lower) {
  return lower == "," || lower == "and" || lower == "&" || lower == ";";
}

bool is_byline_continuation(const Line& line) {
  if (is_byline_separator(line.lower)) return true;
  if (line.kind != LineKind::kText || line.text.size() > 80) return false;
  return is_name_shaped(undouble(line.text)) || find_publisher_exact(line.text) != nullptr ||
         is_desk(line.text);
}

void analyse_page(std::string_view text, PageAnalysis* out) {
  classify_lines(text, &out->classified);
  const std::size_t n = out->lines.size();
  find_line_dates(out);
  count_repeats(out);
  out->header.assign(n, HeaderKind::kNone);
  out->closes.assign(n, 0);
  out->credit.assign(n, 0);
  out->promo.assign(n, 0);
  out->caption_phrase.assign(n, 0);
  out->title_case.assign(n, 0);
  out->rank.assign(n, 0);
  out->nonblank.clear();
  for (std::size_t i = 0; i < n; ++i) {
    const Line& line = out->lines[i];
    out->rank[i] = static_cast<std::uint32_t>(out->nonblank.size());
    if (line.kind == LineKind::kBlank) continue;
    out->nonblank.push_back(static_cast<std::uint32_t>(i));
    const PageDate* end = nullptr;
    const PageDate* first = out->dates_of(i, &end);
    out->header[i] = header_kind(line, first == end ? nullptr : first);
    out->credit[i] = is_credit_line(line.lower);
    out->promo[i] = is_promo(line.lower);
    out->caption_phrase[i] = has_caption_phrase(line.lower);
    out->title_case[i] = is_title_case(line.text);
    out->closes[i] = out->credit[i] || is_end_marker(line.lower);
  }
  mark_stamps(out);
}

}  // namespace clean
}  // namespace news
