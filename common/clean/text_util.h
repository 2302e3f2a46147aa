#ifndef NEWS_COMMON_CLEAN_TEXT_UTIL_H_
#define NEWS_COMMON_CLEAN_TEXT_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace news {
namespace clean {

// The string helpers of the page cleaner. UTF-8 repair and white space are
// text/text.h's (make_valid_text, is_blank); these add views, ASCII case and
// words on top.

// text/text.h's make_valid_text, under the name fuzz/html_fuzzer.cc uses.
inline std::string sanitize_utf8(std::string_view in) { return make_valid_text(in); }

// Splits on '\n'; the views point into `text`.
std::vector<std::string_view> split_lines(std::string_view text);

// Strips blanks (text/text.h is_blank: white space, U+200B, U+FEFF) from both
// ends.
std::string_view trim(std::string_view s);

// ASCII lower case; other bytes are copied unchanged.
std::string lower_ascii(std::string_view s);

bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
// Case-insensitive (ASCII) forms; `lower_*` arguments must already be lower.
bool istarts_with(std::string_view s, std::string_view lower_prefix);
bool iequals(std::string_view s, std::string_view lower_other);
bool icontains(std::string_view s, std::string_view lower_needle);

// Words separated by blanks (is_blank).
std::vector<std::string_view> split_words(std::string_view s);
std::size_t count_words(std::string_view s);

// Blank runs collapsed to one space, trimmed.
std::string collapse_spaces(std::string_view s);

// True when `needle` occurs in `hay` with no letter or digit on either side.
bool contains_word(std::string_view hay, std::string_view needle);

// Which bytes occur in a text: a quick test before searching it.
class ByteSet {
 public:
  explicit ByteSet(std::string_view s) {
    for (char c : s) add(static_cast<unsigned char>(c));
  }
  bool has(unsigned char c) const { return (bits_[c >> 6] >> (c & 63)) & 1; }
  // False when a byte of `needle` is missing, so that it cannot occur.
  bool may_contain(std::string_view needle) const {
    for (char c : needle) {
      if (!has(static_cast<unsigned char>(c))) return false;
    }
    return true;
  }

 private:
  void add(unsigned char c) { bits_[c >> 6] |= std::uint64_t{1} << (c & 63); }
  std::uint64_t bits_[4] = {0, 0, 0, 0};
};

inline bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alpha(char c) { return is_ascii_upper(c) || is_ascii_lower(c); }
// Letters, digits and any non-ASCII byte (part of a multibyte letter).
inline bool is_word_byte(char c) {
  return is_ascii_alpha(c) || is_ascii_digit(c) || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_TEXT_UTIL_H_
