#include "clean/text_util.h"

#include <cstdint>
#include <cstdio>

namespace news {
namespace clean {
namespace {

const char kReplacement[] = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence starting at s[i], or 0 if invalid.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  std::uint32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  std::uint32_t cp = b0 & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// Length of a whitespace code point at the start of s (0 if none).
std::size_t space_length(std::string_view s) {
  if (s.empty()) return 0;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  if (c == 0xC2) return s.size() >= 2 && static_cast<unsigned char>(s[1]) == 0xA0 ? 2 : 0;
  if (c == 0xE2) return starts_with(s, "\xE2\x80\x8B") ? 3 : 0;  // U+200B
  if (c == 0xEF) return starts_with(s, "\xEF\xBB\xBF") ? 3 : 0;  // U+FEFF
  return 0;
}

// Length of a whitespace code point at the end of s (0 if none).
std::size_t trailing_space_length(std::string_view s) {
  if (s.empty()) return 0;
  const auto c = static_cast<unsigned char>(s.back());
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  if (ends_with(s, "\xC2\xA0")) return 2;
  if (ends_with(s, "\xE2\x80\x8B")) return 3;
  if (ends_with(s, "\xEF\xBB\xBF")) return 3;
  return 0;
}

}  // namespace

std::string sanitize_utf8(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      if (c == '\r') {
        out += '\n';
        if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
      } else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
        out += ' ';
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    const std::size_t len = utf8_sequence_length(in, i);
    if (len == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(in.data() + i, len);
      i += len;
    }
  }
  return out;
}

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
  while (std::size_t n = space_length(s)) s.remove_prefix(n);
  while (std::size_t n = trailing_space_length(s)) s.remove_suffix(n);
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
    if (std::size_t n = space_length(s.substr(i))) {
      i += n;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && space_length(s.substr(j)) == 0) ++j;
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
    if (std::size_t len = space_length(s.substr(i))) {
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
