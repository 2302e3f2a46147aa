#include "clean/page.h"

#include "clean/tables.h"
#include "clean/text_util.h"

namespace news {
namespace clean {
namespace {

constexpr std::size_t kMaxCaptionBytes = 600;
constexpr std::size_t kMaxCreditBytes = 80;
constexpr std::size_t kLongProseWords = 25;
constexpr std::size_t kLongProseBytes = 150;

// Strips closing quotes, brackets and spaces from the end.
std::string_view strip_closers(std::string_view s) {
  for (;;) {
    s = trim(s);
    if (s.empty()) return s;
    const char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*') {
      s.remove_suffix(1);
    } else if (ends_with(s, "\xE2\x80\x9D") || ends_with(s, "\xE2\x80\x99") ||
               ends_with(s, "\xC2\xBB")) {
      s.remove_suffix(ends_with(s, "\xC2\xBB") ? 2 : 3);
    } else {
      return s;
    }
  }
}

bool ends_sentence(std::string_view s) {
  if (s.empty()) return false;
  const char c = s.back();
  return c == '.' || c == '!' || c == '?' || ends_with(s, "\xE2\x80\xA6") ||
         ends_with(s, "\xE3\x80\x82") || ends_with(s, "\xEF\xBC\x81") ||
         ends_with(s, "\xEF\xBC\x9F");
}

bool has_quote(std::string_view s) {
  return s.find('"') != std::string_view::npos ||
         s.find("\xE2\x80\x9C") != std::string_view::npos ||
         s.find("\xE2\x80\x9D") != std::string_view::npos;
}

// "am", "pm", "a.m.", "p.m." (after a clock time).
bool starts_meridiem(std::string_view lower) {
  return starts_with(lower, "am") || starts_with(lower, "pm") || starts_with(lower, "a.m") ||
         starts_with(lower, "p.m");
}

// "0:49", "03:08 - Source: CNN", "Listen · 3:14 3:14", "5 Min Read"; not a
// clock time ("9:39AM BST 05 Oct 2011", "7:45 pm").
bool is_media_label(std::string_view lower) {
  if (lower.size() > 60) return false;
  std::size_t i = 0;
  while (i < lower.size() && is_ascii_digit(lower[i])) ++i;
  if (i > 0 && i <= 2 && i < lower.size() && lower[i] == ':') {
    std::size_t j = i + 1;
    while (j < lower.size() && is_ascii_digit(lower[j])) ++j;
    if (j - i - 1 == 2) return !starts_meridiem(trim(lower.substr(j)));
  }
  if (starts_with(lower, "listen")) {
    return lower.find(':') != std::string_view::npos;
  }
  return false;
}

// Bullets, lone punctuation and similar fragments with no letters.
bool has_letters(std::string_view s) {
  for (char c : s) {
    if (is_ascii_alpha(c) || static_cast<unsigned char>(c) >= 0xC3) return true;
  }
  return false;
}

bool is_boilerplate(const Line& line) {
  return is_boilerplate_line(line.lower) ||
         (line.text.size() < 400 && has_boilerplate_phrase(line.lower)) ||
         is_media_label(line.lower);
}

// Credit-like text inside parentheses or after a caption.
bool credit_like(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > kMaxCreditBytes || !has_letters(s)) return false;
  if (s.find("http") != std::string_view::npos) return false;
  const std::size_t slash = s.find('/');
  if (slash != std::string_view::npos && slash > 0 && slash + 1 < s.size()) {
    return true;
  }
  for (std::string_view w : split_words(s)) {
    std::string word(w);
    while (!word.empty() && (word.back() == ',' || word.back() == ')')) {
      word.pop_back();
    }
    if (is_photo_credit_word(word)) return true;
  }
  return s.find("\xE2\x80\x94") != std::string_view::npos && ends_with(s, "Images");
}

using Views = std::pair<std::string_view, std::string_view>;

std::optional<Views> split_hide_caption(std::string_view line) {
  std::size_t at = std::string_view::npos;
  for (std::size_t i = line.find(" caption"); i != std::string_view::npos;
       i = line.find(" caption", i + 1)) {
    if (i >= 4 && iequals(line.substr(i - 4, 12), "hide caption")) at = i - 4;
  }
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view text = trim(line.substr(0, at));
  Views out{text, {}};
  const std::size_t stop = text.rfind(". ");
  if (stop != std::string_view::npos && credit_like(text.substr(stop + 2))) {
    out.first = text.substr(0, stop + 1);
    out.second = trim(text.substr(stop + 2));
  }
  return out;
}

std::optional<Views> split_credit_marker(std::string_view line) {
  for (std::string_view marker :
       {"Credit:", "Credit\xE2\x80\xA6", "Credit...",
        "Photograph:", "Photo:", "Image:", "Picture:", "Photo credit:", "Image credit:"}) {
    const std::size_t at = line.find(marker);
    if (at == std::string_view::npos || at < 15) continue;
    const std::string_view credit = trim(line.substr(at + marker.size()));
    if (credit.empty() || credit.size() > kMaxCreditBytes) continue;
    return Views{trim(line.substr(0, at)), credit};
  }
  return std::nullopt;
}

std::optional<Views> split_paren_credit(std::string_view line) {
  if (line.empty() || line.back() != ')') return std::nullopt;
  const std::size_t open = line.rfind('(');
  if (open == std::string_view::npos || open < 20) return std::nullopt;
  const std::string_view inner = line.substr(open + 1, line.size() - open - 2);
  if (!credit_like(inner)) return std::nullopt;
  return Views{trim(line.substr(0, open)), trim(inner)};
}

std::optional<Views> split_caption_views(std::string_view line) {
  line = trim(line);
  if (auto s = split_hide_caption(line)) return s;
  if (auto s = split_credit_marker(line)) return s;
  return split_paren_credit(line);
}

std::size_t next_nonblank(const std::vector<Line>& lines, std::size_t i, std::size_t max_step) {
  for (std::size_t j = i + 1; j < lines.size() && j <= i + max_step; ++j) {
    if (lines[j].kind != LineKind::kBlank) return j;
  }
  return lines.size();
}

void mark_caption(Line& line, std::string_view caption, std::string_view credit) {
  line.kind = LineKind::kCaption;
  line.caption = caption;
  line.credit = credit;
}

// A caption printed again with its credit glued on.
bool mark_repeated_caption(std::vector<Line>& lines, std::size_t i) {
  const std::size_t j = next_nonblank(lines, i, 2);
  if (j >= lines.size() || lines[i].text.size() < 20) return false;
  const std::string_view a = lines[i].text, b = lines[j].text;
  if (b.size() <= a.size() || b.size() > a.size() + kMaxCreditBytes || !starts_with(b, a)) {
    return false;
  }
  const std::string_view credit = trim(b.substr(a.size()));
  if (!credit_like(credit) && !is_credit_only(credit)) return false;
  mark_caption(lines[i], a, "");
  mark_caption(lines[j], a, credit);
  return true;
}

// A caption followed by its credit on the next line.
bool mark_caption_then_credit(std::vector<Line>& lines, std::size_t i) {
  const std::size_t j = next_nonblank(lines, i, 2);
  if (j >= lines.size() || lines[i].words < 3 || lines[i].kind == LineKind::kBoilerplate ||
      !is_credit_only(lines[j].text)) {
    return false;
  }
  mark_caption(lines[i], lines[i].text, lines[j].text);
  lines[j].kind = LineKind::kCredit;
  return true;
}

// A caption printed again further down (NPR prints each one twice).
bool mark_caption_repeat(std::vector<Line>& lines, std::size_t i) {
  const std::size_t from = i > 8 ? i - 8 : 0;
  for (std::size_t k = from; k < i; ++k) {
    if (lines[k].kind == LineKind::kCaption && lines[k].caption == lines[i].text) {
      mark_caption(lines[i], lines[i].text, lines[k].credit);
      return true;
    }
  }
  return false;
}

void mark_captions(std::vector<Line>& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& line = lines[i];
    if (line.kind == LineKind::kBlank || line.kind == LineKind::kCaption ||
        line.kind == LineKind::kCredit || line.text.size() > kMaxCaptionBytes) {
      continue;
    }
    if (auto split = split_caption_views(line.text)) {
      mark_caption(line, split->first, split->second);
    } else if (mark_caption_repeat(lines, i) || mark_repeated_caption(lines, i) ||
               mark_caption_then_credit(lines, i)) {
      continue;
    } else if (is_credit_only(line.text) && line.kind != LineKind::kProse) {
      line.kind = LineKind::kCredit;
    }
  }
}

LineKind base_kind(const Line& line) {
  if (line.text.empty()) return LineKind::kBlank;
  if (!has_letters(line.text)) return LineKind::kBoilerplate;
  if (is_boilerplate(line)) return LineKind::kBoilerplate;
  return is_prose(line.text, line.words) ? LineKind::kProse : LineKind::kText;
}

}  // namespace

std::optional<CaptionSplit> split_caption_credit(std::string_view line) {
  auto views = split_caption_views(line);
  if (!views) return std::nullopt;
  return CaptionSplit{std::string(views->first), collapse_spaces(views->second)};
}

bool is_credit_only(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.size() > 60 || count_words(line) > 8) return false;
  if (ends_with(line, ".") && !ends_with(line, "Inc.")) return false;
  if (!is_ascii_upper(line[0]) && static_cast<unsigned char>(line[0]) < 0xC3) {
    return false;
  }
  // "Evan Vucci/AP", "JIM WATSON/AFP/Getty Images", not "should/can you?"
  // nor a date ("By Jane Doe • 12/16/16").
  const std::size_t slash = line.find('/');
  if (slash != std::string_view::npos && slash > 0 && slash + 1 < line.size() &&
      is_word_byte(line[slash - 1]) && !is_ascii_digit(line[slash - 1]) &&
      (is_ascii_upper(line[slash + 1]) || static_cast<unsigned char>(line[slash + 1]) >= 0x80) &&
      line.find('?') == std::string_view::npos) {
    return true;
  }
  return credit_like(line) &&
         (line.find("\xE2\x80\x94") != std::string_view::npos || starts_with(line, "Photo") ||
          ends_with(line, "Images") || ends_with(line, "Photo"));
}

bool is_prose(std::string_view text, std::size_t words) {
  if (words >= kLongProseWords && text.size() >= kLongProseBytes) return true;
  const std::string_view core = strip_closers(text);
  if (ends_sentence(core)) {
    if (core.back() == '?' && words <= 6 && !has_quote(text)) return false;
    return words >= 4 ||
           (words >= 1 && text.size() >= 30 && static_cast<unsigned char>(text[0]) >= 0xE3);
  }
  return !core.empty() && core.back() == ':' && words >= 6;
}

void classify_lines(std::string_view page, PageLines* out) {
  out->lower = lower_ascii(page);
  out->lines.clear();
  std::size_t number = 0;
  for (std::string_view raw : split_lines(page)) {
    ++number;
    Line line;
    line.number = number;
    line.text = trim(raw);
    if (line.text.empty() && !out->lines.empty() && out->lines.back().kind == LineKind::kBlank) {
      continue;
    }
    line.lower =
        std::string_view(out->lower)
            .substr(static_cast<std::size_t>(line.text.data() - page.data()), line.text.size());
    line.words = count_words(line.text);
    line.kind = base_kind(line);
    out->lines.push_back(line);
  }
  mark_captions(out->lines);
}

}  // namespace clean
}  // namespace news
