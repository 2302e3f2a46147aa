#include "clean/analysis.h"

#include <unordered_map>

#include "clean/byline.h"
#include "clean/tables.h"
#include "clean/text_util.h"

namespace news {
namespace clean {
namespace {

constexpr std::size_t kMaxHeaderLine = 200;
constexpr std::size_t kMaxRepeatLine = 300;
constexpr std::size_t kMaxDeskWords = 5;
constexpr std::size_t kMaxDateOtherWords = 3;

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

}  // namespace

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
    out->closes[i] = out->credit[i] || is_end_marker(line.lower);
  }
}

}  // namespace clean
}  // namespace news
