// Text helpers: UTF-8 checks and repair, accent folding, value normalisation.

#include "text/text.h"

#include <boost/test/unit_test.hpp>
#include <string>

namespace news {

BOOST_AUTO_TEST_SUITE(text_test)

// Shows bytes as hex so that a failing context names invisible input.
std::string hex(const std::string& s) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x20 && b < 0x7f) {
      out += c;
    } else {
      out += "\\x";
      out += kDigits[b >> 4];
      out += kDigits[b & 15];
    }
  }
  return out;
}

const std::string kFffd = "\xEF\xBF\xBD";

struct Utf8Case {
  std::string in;
  bool valid;
  std::string repaired;
};

BOOST_AUTO_TEST_CASE(utf8_validation_and_repair) {
  const Utf8Case kCases[] = {
      {"", true, ""},
      {"plain ascii", true, "plain ascii"},
      {"Z\xC3\xBCrich", true, "Z\xC3\xBCrich"},        // ü
      {"\xE2\x82\xAC 5", true, "\xE2\x82\xAC 5"},      // €
      {"\xF0\x9F\x93\xB0", true, "\xF0\x9F\x93\xB0"},  // U+1F4F0
      {"\xF4\x8F\xBF\xBF", true, "\xF4\x8F\xBF\xBF"},  // U+10FFFF
      {"caf\xE9", false, "caf" + kFffd},               // Latin-1 é
      {"\xC0\x80", false, kFffd + kFffd},              // overlong NUL
      {"\xC1\xBF", false, kFffd + kFffd},              // overlong
      {"\xE0\x80\xAF", false, kFffd + kFffd + kFffd},  // overlong '/'
      {"\xF0\x80\x80\xAF", false, kFffd + kFffd + kFffd + kFffd},
      {"\xED\xA0\x80", false, kFffd + kFffd + kFffd},              // surrogate D800
      {"\xF4\x90\x80\x80", false, kFffd + kFffd + kFffd + kFffd},  // > U+10FFFF
      {"\xF5\x80", false, kFffd + kFffd},
      {"\xFF", false, kFffd},
      {"a\x80z", false, "a" + kFffd + "z"},  // lone continuation
      {"\xE2\x82", false, kFffd + kFffd},    // truncated at end
      {"\xE2\x82x", false, kFffd + kFffd + "x"},
      {"ok\xC3", false, "ok" + kFffd},
      {std::string("nul\0inside", 10), true, std::string("nul\0inside", 10)},
  };
  for (const Utf8Case& c : kCases) {
    BOOST_TEST_CONTEXT("input: " << hex(c.in)) {
      BOOST_TEST(is_valid_utf8(c.in) == c.valid);
      const std::string repaired = make_valid_utf8(c.in);
      BOOST_TEST(hex(repaired) == hex(c.repaired));
      BOOST_TEST(is_valid_utf8(repaired));
    }
  }
}

struct MapCase {
  std::string in;
  std::string out;
};

BOOST_AUTO_TEST_CASE(fold_accents_cases) {
  const MapCase kCases[] = {
      {"", ""},
      {"Zürich", "Zurich"},
      {"Jürgen Weiß", "Jurgen Weiss"},
      {"Amélie Durand", "Amelie Durand"},
      {"ÆRØSKØBING", "AEROSKOBING"},
      {"Œuvre", "OEuvre"},
      {"Łódź", "Lodz"},
      {"São Paulo", "Sao Paulo"},
      {"Ångström", "Angstrom"},
      {"Dvořák", "Dvorak"},
      {"e\xCC\x81t\xC3\xA9", "ete"},  // decomposed é, then precomposed é
      {"Москва", "Москва"},           // no Latin base letter: unchanged
      {"東京", "東京"},
      {"× ÷", "× ÷"},  // symbols in the Latin-1 block stay
      {"price 5€", "price 5€"},
  };
  for (const MapCase& c : kCases) {
    BOOST_TEST_CONTEXT("input: " << c.in) { BOOST_TEST(fold_accents(c.in) == c.out); }
  }
}

BOOST_AUTO_TEST_CASE(normalise_value_cases) {
  const MapCase kCases[] = {
      {"", ""},
      {"   ", ""},
      {"Tariffs and trade", "tariffs and trade"},
      {"  Climate\t\n change  ", "climate change"},
      {"Jürgen Weiß", "jurgen weiss"},
      {"JURGEN WEISS", "jurgen weiss"},
      {"South\xC2\xA0Korea", "south korea"},      // no-break space
      {"South\xE2\x80\xAFKorea", "south korea"},  // narrow no-break space
      {"South\xE2\x80\x83Korea", "south korea"},  // em space
      {"ПРАВДА", "правда"},
      {"São  Paulo", "sao paulo"},
      {"U.S.", "u.s."},
      {"west-germany", "west-germany"},
  };
  for (const MapCase& c : kCases) {
    BOOST_TEST_CONTEXT("input: " << c.in) {
      BOOST_TEST(normalise_value(c.in) == c.out);
      // Idempotent: a normalised value is its own normal form.
      BOOST_TEST(normalise_value(c.out) == c.out);
    }
  }
}

BOOST_AUTO_TEST_CASE(collapse_whitespace_keeps_case_and_accents) {
  const MapCase kCases[] = {
      {"", ""},
      {" \t\n ", ""},
      {"  Jürgen   Weiß ", "Jürgen Weiß"},
      {"a\xC2\xA0\xC2\xA0"
       "b",
       "a b"},
      {"line one\r\nline two", "line one line two"},
  };
  for (const MapCase& c : kCases) {
    BOOST_TEST_CONTEXT("input: " << c.in) { BOOST_TEST(collapse_whitespace(c.in) == c.out); }
  }
}

struct TruncateCase {
  std::string in;
  size_t max;
  std::string out;
};

BOOST_AUTO_TEST_CASE(truncate_utf8_cuts_on_character_boundaries) {
  const TruncateCase kCases[] = {
      {"hello", 10, "hello"},
      {"hello", 5, "hello"},
      {"hello", 3, "hel"},
      {"hello", 0, ""},
      {"", 3, ""},
      {"h\xC3\xA9llo", 1, "h"},
      {"h\xC3\xA9llo", 2, "h"},  // would split é
      {"h\xC3\xA9llo", 3, "h\xC3\xA9"},
      {"\xE2\x82\xAC\xE2\x82\xAC", 5, "\xE2\x82\xAC"},
      {"\xF0\x9F\x93\xB0x", 3, ""},
      {"\xF0\x9F\x93\xB0x", 4, "\xF0\x9F\x93\xB0"},
  };
  for (const TruncateCase& c : kCases) {
    BOOST_TEST_CONTEXT("input: " << hex(c.in) << " max " << c.max) {
      const std::string got = truncate_utf8(c.in, c.max);
      BOOST_TEST(hex(got) == hex(c.out));
      BOOST_TEST(got.size() <= c.max);
      BOOST_TEST(is_valid_utf8(got));
    }
  }
}

BOOST_AUTO_TEST_CASE(stable_hash) {
  // Reference values of 64-bit FNV-1a.
  BOOST_TEST(fnv1a64("") == 0xcbf29ce484222325ULL);
  BOOST_TEST(fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  BOOST_TEST(fnv1a64("foobar") == 0x85944171f73967e8ULL);
  BOOST_TEST(hex64(0) == "0000000000000000");
  BOOST_TEST(hex64(0xaf63dc4c8601ec8cULL) == "af63dc4c8601ec8c");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
