#include "text/text.h"

#include <xapian.h>

#include <array>
#include <cstdint>

namespace news {
namespace {

constexpr char32_t kFoldFirst = 0xC0;
// ASCII forms of U+00C0..U+024F (Latin-1 Supplement, Latin Extended-A/B);
// "" where the character has no Latin base letter.
constexpr std::array<const char*, 0x250 - 0xC0> kFoldTable = {
    "A", "A",  "A",  "A",  "A",  "A",  "AE", "C",  "E",  "E",  "E",  "E",  "I",  "I", "I",  "I",
    "D", "N",  "O",  "O",  "O",  "O",  "O",  "",   "O",  "U",  "U",  "U",  "U",  "Y", "TH", "ss",
    "a", "a",  "a",  "a",  "a",  "a",  "ae", "c",  "e",  "e",  "e",  "e",  "i",  "i", "i",  "i",
    "d", "n",  "o",  "o",  "o",  "o",  "o",  "",   "o",  "u",  "u",  "u",  "u",  "y", "th", "y",
    "A", "a",  "A",  "a",  "A",  "a",  "C",  "c",  "C",  "c",  "C",  "c",  "C",  "c", "D",  "d",
    "D", "d",  "E",  "e",  "E",  "e",  "E",  "e",  "E",  "e",  "E",  "e",  "G",  "g", "G",  "g",
    "G", "g",  "G",  "g",  "H",  "h",  "H",  "h",  "I",  "i",  "I",  "i",  "I",  "i", "I",  "i",
    "I", "i",  "IJ", "ij", "J",  "j",  "K",  "k",  "k",  "L",  "l",  "L",  "l",  "L", "l",  "",
    "",  "L",  "l",  "N",  "n",  "N",  "n",  "N",  "n",  "",   "",   "",   "O",  "o", "O",  "o",
    "O", "o",  "OE", "oe", "R",  "r",  "R",  "r",  "R",  "r",  "S",  "s",  "S",  "s", "S",  "s",
    "S", "s",  "T",  "t",  "T",  "t",  "T",  "t",  "U",  "u",  "U",  "u",  "U",  "u", "U",  "u",
    "U", "u",  "U",  "u",  "W",  "w",  "Y",  "y",  "Y",  "Z",  "z",  "Z",  "z",  "Z", "z",  "s",
    "",  "",   "",   "",   "",   "",   "",   "",   "",   "",   "",   "",   "",   "",  "",   "",
    "",  "",   "",   "",   "",   "",   "",   "",   "",   "",   "",   "",   "",   "",  "",   "",
    "O", "o",  "",   "",   "",   "",   "",   "",   "",   "",   "",   "",   "",   "",  "",   "U",
    "u", "",   "",   "",   "",   "",   "",   "",   "",   "",   "",   "",   "",   "",  "",   "",
    "",  "",   "",   "",   "DZ", "Dz", "dz", "LJ", "Lj", "lj", "NJ", "Nj", "nj", "A", "a",  "I",
    "i", "O",  "o",  "U",  "u",  "U",  "u",  "U",  "u",  "U",  "u",  "U",  "u",  "",  "A",  "a",
    "A", "a",  "",   "",   "",   "",   "G",  "g",  "K",  "k",  "O",  "o",  "O",  "o", "",   "",
    "j", "DZ", "Dz", "dz", "G",  "g",  "",   "",   "N",  "n",  "A",  "a",  "",   "",  "",   "",
    "A", "a",  "A",  "a",  "E",  "e",  "E",  "e",  "I",  "i",  "I",  "i",  "O",  "o", "O",  "o",
    "R", "r",  "R",  "r",  "U",  "u",  "U",  "u",  "S",  "s",  "T",  "t",  "",   "",  "H",  "h",
    "",  "",   "",   "",   "",   "",   "A",  "a",  "E",  "e",  "O",  "o",  "O",  "o", "O",  "o",
    "O", "o",  "Y",  "y",  "",   "",   "",   "",   "",   "",   "",   "",   "",   "",  "",   "",
    "",  "",   "",   "",   "",   "",   "",   "",   "",   "",   "",   "",   "",   "",  "",   "",
};

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
size_t utf8_sequence_length(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t len;
  char32_t min;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    min = 0x10000;
  } else
    return 0;
  if (i + len > s.size()) return 0;
  char32_t cp = c & (0x3F >> (len - 1));
  for (size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// The is_blank code point of the multibyte sequence lead, b1, b2 (a 2-byte
// sequence has b2 == 0): U+00A0, U+1680, U+2000-U+200B, U+202F, U+205F,
// U+3000, U+FEFF.
bool is_blank_sequence(unsigned char lead, unsigned char b1, unsigned char b2) {
  switch (lead) {
    case 0xC2:
      return b1 == 0xA0;
    case 0xE1:
      return b1 == 0x9A && b2 == 0x80;
    case 0xE2:
      return (b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8B) || b2 == 0xAF)) ||
             (b1 == 0x81 && b2 == 0x9F);
    case 0xE3:
      return b1 == 0x80 && b2 == 0x80;
    case 0xEF:
      return b1 == 0xBB && b2 == 0xBF;
    default:
      return false;
  }
}

}  // namespace

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x2007 || cp == 0x202F ||
         Xapian::Unicode::get_category(cp) == Xapian::Unicode::SPACE_SEPARATOR;
}

bool is_blank(char32_t cp) { return cp == 0x200B || cp == 0xFEFF || is_space(cp); }

namespace text_internal {

size_t leading_multibyte_blank_bytes(std::string_view s) {
  const auto c = static_cast<unsigned char>(s[0]);
  if (c == 0xC2) return s.size() >= 2 && is_blank_sequence(c, s[1], 0) ? 2 : 0;
  if (c < 0xE1 || c > 0xEF || s.size() < 3) return 0;
  return is_blank_sequence(c, s[1], s[2]) ? 3 : 0;
}

size_t trailing_multibyte_blank_bytes(std::string_view s) {
  const size_t n = s.size();
  const auto c = static_cast<unsigned char>(s[n - 1]);
  if (n >= 2 && static_cast<unsigned char>(s[n - 2]) == 0xC2 && is_blank_sequence(0xC2, c, 0)) {
    return 2;
  }
  if (n < 3) return 0;
  const auto lead = static_cast<unsigned char>(s[n - 3]);
  return lead >= 0xE1 && lead <= 0xEF && is_blank_sequence(lead, s[n - 2], c) ? 3 : 0;
}

}  // namespace text_internal

bool is_valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t len = utf8_sequence_length(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

bool looks_binary(std::string_view s) {
  constexpr size_t kSample = 64 * 1024;
  s = s.substr(0, kSample);
  if (s.size() >= 2 && ((s[0] == '\xFF' && s[1] == '\xFE') || (s[0] == '\xFE' && s[1] == '\xFF'))) {
    return false;  // UTF-16 with a byte-order mark: text, for a reader that decodes it
  }
  size_t odd = 0;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) return true;
    const size_t len = utf8_sequence_length(s, i);
    const bool control =
        (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
    if (len == 0 || control) ++odd;
    i += len == 0 ? 1 : len;
  }
  return odd * 10 > s.size();
}

std::string make_valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.data() + i, len);
      i += len;
    }
  }
  return out;
}

std::string make_valid_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\r') {
      out += '\n';
      i += i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1;
    } else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
      out += ' ';
      ++i;
    } else if (const size_t len = utf8_sequence_length(s, i)) {
      out.append(s.data() + i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

std::string fold_accents(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (Xapian::Utf8Iterator it(s.data(), s.size()); it != Xapian::Utf8Iterator(); ++it) {
    const char32_t cp = *it;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp >= kFoldFirst && cp - kFoldFirst < kFoldTable.size() &&
               *kFoldTable[cp - kFoldFirst] != '\0') {
      out += kFoldTable[cp - kFoldFirst];
    } else if (Xapian::Unicode::get_category(cp) == Xapian::Unicode::NON_SPACING_MARK) {
      continue;  // a combining accent of a decomposed letter
    } else {
      Xapian::Unicode::append_utf8(out, cp);
    }
  }
  return out;
}

namespace {

// Whitespace runs collapsed to one space, trimmed; lower case if asked.
std::string collapse(std::string_view s, bool lower) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (Xapian::Utf8Iterator it(s.data(), s.size()); it != Xapian::Utf8Iterator(); ++it) {
    const char32_t cp = *it;
    if (is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    Xapian::Unicode::append_utf8(out, lower ? Xapian::Unicode::tolower(cp) : cp);
  }
  return out;
}

}  // namespace

std::string normalise_value(std::string_view s) { return collapse(fold_accents(s), true); }

std::string collapse_whitespace(std::string_view s) { return collapse(s, false); }

std::string truncate_utf8(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return std::string(s.substr(0, end));
}

uint64_t fnv1a64(std::string_view s, uint64_t seed) {
  uint64_t h = seed;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

std::string hex64(uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[i] = kDigits[v & 0xF];
  return out;
}

}  // namespace news
