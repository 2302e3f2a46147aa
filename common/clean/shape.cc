#include "clean/shape.h"

#include <vector>

#include "clean/byline.h"
#include "clean/tables.h"
#include "clean/text_util.h"

namespace news {
namespace clean {
namespace {

constexpr std::size_t kMaxDatelinePrefix = 60;
constexpr std::size_t kMaxDatelineWords = 6;
constexpr std::size_t kMaxJobTitleWords = 6;
constexpr std::size_t kMaxBioNameBytes = 60;
constexpr std::size_t kMaxJobTitleLineWords = 10;

// Words too common to tell a headline from another line.
constexpr std::string_view kStopWords[] = {
    "the",  "and",  "for",  "with",  "that",  "this", "from", "are",  "was",   "were", "has",
    "have", "had",  "its",  "his",   "her",   "you",  "your", "our",  "but",   "not",  "all",
    "can",  "will", "into", "about", "after", "over", "than", "they", "their", "what", "who",
    "how",  "why",  "when", "out",   "more",  "new",  "says", "said", "just",  "one",  "now",
};

bool has_lower_ascii(std::string_view s) {
  for (char c : s) {
    if (is_ascii_lower(c)) return true;
  }
  return false;
}

// The position of the first dash that follows a dateline ("—", "–", "--",
// " - "), or npos.
std::size_t dateline_dash(std::string_view head) {
  std::size_t best = std::string_view::npos;
  for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", "--", " - "}) {
    const std::size_t at = head.find(dash);
    if (at < best) best = at;
  }
  return best;
}

}  // namespace

std::string_view strip_closers(std::string_view s) {
  for (;;) {
    s = trim(s);
    if (s.empty()) return s;
    const char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*') {
      s.remove_suffix(1);
    } else if (ends_with(s, "\xE2\x80\x9D") || ends_with(s, "\xE2\x80\x99")) {
      s.remove_suffix(3);
    } else if (ends_with(s, "\xC2\xBB")) {
      s.remove_suffix(2);
    } else {
      return s;
    }
  }
}

LineEnd line_end(std::string_view text) {
  const std::string_view s = strip_closers(text);
  if (s.empty()) return LineEnd::kNone;
  if (ends_with(s, "...") || ends_with(s, "\xE2\x80\xA6")) return LineEnd::kEllipsis;
  const char c = s.back();
  if (c == '.' || ends_with(s, "\xE3\x80\x82")) return LineEnd::kPeriod;
  if (c == '?' || ends_with(s, "\xEF\xBC\x9F")) return LineEnd::kQuestion;
  if (c == '!' || ends_with(s, "\xEF\xBC\x81")) return LineEnd::kExclamation;
  if (c == ':') return LineEnd::kColon;
  return LineEnd::kNone;
}

bool ends_sentence(std::string_view text) {
  const LineEnd e = line_end(text);
  return e == LineEnd::kPeriod || e == LineEnd::kQuestion || e == LineEnd::kExclamation ||
         e == LineEnd::kEllipsis;
}

bool starts_lower(std::string_view text) {
  for (char c : text) {
    if (is_ascii_alpha(c)) return is_ascii_lower(c);
    if (is_ascii_digit(c)) return false;
  }
  return false;
}

bool starts_quote(std::string_view text) {
  return starts_with(text, "\"") || starts_with(text, "'") || starts_with(text, "\xE2\x80\x9C") ||
         starts_with(text, "\xE2\x80\x98");
}

bool starts_bullet(std::string_view text) {
  for (std::string_view b : {"\xE2\x80\xA2", "- ", "* ", "\xC2\xB7", "\xE2\x80\xBA", "\xC2\xBB"}) {
    if (starts_with(text, b)) return true;
  }
  return false;
}

bool is_title_case(std::string_view text) {
  std::size_t long_words = 0, capitalised = 0;
  for (std::string_view w : split_words(text)) {
    if (w.size() < 4) continue;
    while (!w.empty() && !is_word_byte(w.front())) w.remove_prefix(1);
    if (w.empty()) continue;
    ++long_words;
    capitalised += is_ascii_upper(w.front()) || is_ascii_digit(w.front());
  }
  return capitalised >= 2 && capitalised * 4 >= long_words * 3;
}

bool is_all_caps(std::string_view text) {
  std::size_t letters = 0;
  for (char c : text) {
    if (is_ascii_lower(c)) return false;
    letters += is_ascii_upper(c);
  }
  return letters >= 4;
}

bool starts_with_dateline(std::string_view text) {
  const std::string_view head = text.substr(0, kMaxDatelinePrefix + 4);
  const std::size_t dash = dateline_dash(head);
  if (dash == std::string_view::npos || dash == 0 || dash > kMaxDatelinePrefix) return false;
  const std::string_view before = trim(head.substr(0, dash));
  if (before.empty() || count_words(before) > kMaxDatelineWords) return false;
  if (before.front() == '(' && before.back() == ')') return true;  // "(Reuters) -"
  const std::size_t paren = before.find(" (");
  if (paren != std::string_view::npos && before.back() == ')') return true;  // "Washington (CNN)"
  // "SAN FRANCISCO —", "ANAHEIM, Calif. —": the city in capitals.
  const std::string_view city = before.substr(0, before.find(','));
  return !has_lower_ascii(city) && is_all_caps(city);
}

bool looks_like_bio(std::string_view text) {
  if (text.size() > 700) return false;
  const std::string_view head = text.substr(0, kMaxBioNameBytes + 16);
  for (std::string_view verb :
       {" is a ", " is an ", " is the ", " covers ", " writes ", " reports on ", " has been ",
        " joined ", " is based in ", " currently works ", " works for ", " is editor "}) {
    const std::size_t at = head.find(verb);
    if (at == std::string_view::npos || at > kMaxBioNameBytes) continue;
    // "Jeff Foust (jeff@thespacereview.com) is the editor ..."
    std::string_view name = trim(text.substr(0, at));
    if (!name.empty() && name.back() == ')' && name.find(" (") != std::string_view::npos) {
      name = trim(name.substr(0, name.find(" (")));
    }
    if (is_name_shaped(name)) return true;
  }
  return false;
}

bool is_linkish(std::string_view text) {
  if (text.find("http") != std::string_view::npos || text.find("www.") != std::string_view::npos) {
    return true;
  }
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    if (at + 1 < text.size() && is_word_byte(text[at + 1])) return true;
  }
  return false;
}

bool has_item_separators(std::string_view text) {
  return text.find(" | ") != std::string_view::npos ||
         text.find(" \xC2\xB7 ") != std::string_view::npos ||
         text.find(" \xE2\x80\xA2 ") != std::string_view::npos;
}

bool has_title_separator(std::string_view text) {
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 "}) {
    if (text.find(sep) != std::string_view::npos) return true;
  }
  return false;
}

bool is_job_title(std::string_view text) {
  if (text.size() > 80) return false;
  const std::vector<std::string_view> words = split_words(text);
  if (words.empty() || words.size() > kMaxJobTitleLineWords) return false;
  // "Opinion writer reporting from ...": a job word early in a longer line.
  const std::size_t reach = words.size() > kMaxJobTitleWords ? 2 : words.size();
  for (std::size_t i = 0; i < reach; ++i) {
    std::string_view w = words[i];
    while (!w.empty() && !is_word_byte(w.back())) w.remove_suffix(1);
    while (!w.empty() && !is_word_byte(w.front())) w.remove_prefix(1);
    if (is_job_word(lower_ascii(w))) return true;
  }
  return false;
}

std::string_view key_word(std::string_view w) {
  while (!w.empty() && !is_word_byte(w.front())) w.remove_prefix(1);
  while (!w.empty() && !is_word_byte(w.back())) w.remove_suffix(1);
  if (ends_with(w, "'s")) w.remove_suffix(2);
  if (ends_with(w, "\xE2\x80\x99s")) w.remove_suffix(4);
  if (w.size() < 3) return {};
  for (std::string_view stop : kStopWords) {
    if (w == stop) return {};
  }
  return w;
}

void add_key_words(std::string_view lower_text, WordSet* set) {
  for (std::string_view w : split_words(lower_text)) {
    const std::string_view k = key_word(w);
    if (!k.empty()) set->insert(k);
  }
}

float key_word_overlap(std::string_view lower_text, const WordSet& set) {
  std::size_t words = 0, found = 0;
  for (std::string_view w : split_words(lower_text)) {
    const std::string_view k = key_word(w);
    if (k.empty()) continue;
    ++words;
    found += set.count(k);
  }
  return words == 0 ? 0.0f : static_cast<float>(found) / words;
}

}  // namespace clean
}  // namespace news
