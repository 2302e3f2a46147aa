#ifndef NEWS_COMMON_TEXT_TEXT_H_
#define NEWS_COMMON_TEXT_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace news {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or bytes > F4).
bool is_valid_utf8(std::string_view s);

// True when `s` looks like binary data, not text in any encoding: a NUL
// byte, or more than 10% control bytes (tab, newlines and form feed aside)
// and bytes of invalid UTF-8 in its first 64 KiB. Text in windows-1252 has
// far fewer invalid bytes than that; UTF-16 with a byte-order mark is text.
bool looks_binary(std::string_view s);

// Returns `s` with each invalid byte replaced by U+FFFD.
std::string make_valid_utf8(std::string_view s);

// make_valid_utf8 for the lines of a text file: also CRLF and a lone CR
// become LF, and the other C0 controls (tab and LF aside) and DEL become
// spaces.
std::string make_valid_text(std::string_view s);

// White space, as collapse_whitespace and normalise_value see it: ASCII
// space, \t, \n, \v, \f, \r and the Unicode space separators (U+00A0,
// U+1680, U+2000-U+200A, U+202F, U+205F, U+3000).
bool is_space(char32_t cp);

// White space, or the zero-width space U+200B or the byte-order mark U+FEFF:
// what separates words and pads lines in text copied from a rendered page.
bool is_blank(char32_t cp);

namespace text_internal {
size_t leading_multibyte_blank_bytes(std::string_view s);
size_t trailing_multibyte_blank_bytes(std::string_view s);
inline bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
}  // namespace text_internal

// The byte length of the is_blank character at the start (at the end) of
// `s`, 0 when there is none. Reads bytes without decoding and is inline, for
// loops over every byte of a page; `s` need not be valid UTF-8.
inline size_t leading_blank_bytes(std::string_view s) {
  if (s.empty()) return 0;
  const auto c = static_cast<unsigned char>(s.front());
  if (c < 0x80) return text_internal::is_ascii_space(c) ? 1 : 0;
  return text_internal::leading_multibyte_blank_bytes(s);
}

inline size_t trailing_blank_bytes(std::string_view s) {
  if (s.empty()) return 0;
  const auto c = static_cast<unsigned char>(s.back());
  if (c < 0x80) return text_internal::is_ascii_space(c) ? 1 : 0;
  return text_internal::trailing_multibyte_blank_bytes(s);
}

// Replaces Latin letters with diacritics by their base letters ("Zürich" ->
// "Zurich", "ß" -> "ss") and drops combining marks. Input must be valid UTF-8.
std::string fold_accents(std::string_view s);

// The exact-match form of a field value, used at index and at query time:
// accents folded, lower case, whitespace runs (incl. no-break spaces)
// collapsed to one space, trimmed. Input must be valid UTF-8.
std::string normalise_value(std::string_view s);

// Collapses whitespace runs to one space and trims; keeps case and accents.
std::string collapse_whitespace(std::string_view s);

// At most `max_bytes` bytes of `s`, cut on a UTF-8 character boundary.
std::string truncate_utf8(std::string_view s, size_t max_bytes);

// Stable 64-bit FNV-1a hash (same value on every platform and run). Pass
// a previous result as `seed` to hash a sequence of pieces.
inline constexpr uint64_t kFnvOffsetBasis = 14695981039346656037ULL;
uint64_t fnv1a64(std::string_view s, uint64_t seed = kFnvOffsetBasis);

// 16 lower-case hex digits.
std::string hex64(uint64_t v);

}  // namespace news

#endif  // NEWS_COMMON_TEXT_TEXT_H_
