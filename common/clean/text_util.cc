#include "clean/text_util.h"

namespace news {
namespace clean {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  while (std::size_t n = leading_blank_bytes(s)) s.remove_prefix(n);
  while (std::size_t n = trailing_blank_bytes(s)) s.remove_suffix(n);
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (is_ascii_upper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool istarts_with(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  return iequals(s.substr(0, lower_prefix.size()), lower_prefix);
}

bool iequals(std::string_view s, std::string_view lower_other) {
  if (s.size() != lower_other.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (is_ascii_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_other[i]) return false;
  }
  return true;
}

bool icontains(std::string_view s, std::string_view lower_needle) {
  if (lower_needle.empty()) return true;
  if (s.size() < lower_needle.size()) return false;
  for (std::size_t i = 0; i + lower_needle.size() <= s.size(); ++i) {
    if (iequals(s.substr(i, lower_needle.size()), lower_needle)) return true;
  }
  return false;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  words.reserve(16);
  std::size_t i = 0;
  while (i < s.size()) {
    if (std::size_t n = leading_blank_bytes(s.substr(i))) {
      i += n;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && leading_blank_bytes(s.substr(j)) == 0) ++j;
    words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  std::size_t i = 0;
  while (i < s.size()) {
    if (std::size_t len = leading_blank_bytes(s.substr(i))) {
      in_word = false;
      i += len;
      continue;
    }
    if (!in_word) ++n;
    in_word = true;
    ++i;
  }
  return n;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (std::string_view w : split_words(s)) {
    if (!out.empty()) out += ' ';
    out.append(w.data(), w.size());
  }
  return out;
}

bool contains_word(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return false;
  for (std::size_t pos = hay.find(needle); pos != std::string_view::npos;
       pos = hay.find(needle, pos + 1)) {
    const bool left_ok = pos == 0 || !is_word_byte(hay[pos - 1]);
    const std::size_t end = pos + needle.size();
    const bool right_ok = end >= hay.size() || !is_word_byte(hay[end]);
    if (left_ok && right_ok) return true;
  }
  return false;
}

}  // namespace clean
}  // namespace news
