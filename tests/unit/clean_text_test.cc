// The text/ helpers the page cleaner reads pages with: make_valid_text (the
// sanitiser of a dump) and the one definition of white space and blanks,
// whose byte-level forms must agree with the code-point ones.

#include <xapian.h>

#include <boost/test/unit_test.hpp>
#include <string>

#include "clean/text_util.h"
#include "text/text.h"

namespace news {

BOOST_AUTO_TEST_SUITE(clean_text_test)

struct TextCase {
  std::string in;
  std::string out;
};

BOOST_AUTO_TEST_CASE(make_valid_text_repairs_bytes_line_ends_and_controls) {
  const TextCase kCases[] = {
      {"", ""},
      {"plain\nlines\n", "plain\nlines\n"},
      {"crlf\r\nends\r\n", "crlf\nends\n"},
      {"lone\rcr", "lone\ncr"},
      {"cr at end\r", "cr at end\n"},
      {"\r\r\n", "\n\n"},
      {"tab\tkept", "tab\tkept"},
      {std::string("nul\0bell\a", 9), "nul bell "},
      {"del\x7F", "del "},
      {"form\ffeed\vvt", "form feed vt"},
      {"caf\xE9", "caf\xEF\xBF\xBD"},
      {"a\xC0\xAF"
       "b",
       "a\xEF\xBF\xBD\xEF\xBF\xBD"
       "b"},
      {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"Z\xC3\xBCrich \xE2\x82\xAC", "Z\xC3\xBCrich \xE2\x82\xAC"},
  };
  for (const TextCase& c : kCases) {
    BOOST_TEST_CONTEXT("input: " << c.in) {
      BOOST_TEST(make_valid_text(c.in) == c.out);
      BOOST_TEST(make_valid_text(c.out) == c.out);
    }
  }
}

// Every code point: the byte-level blank test agrees with is_blank, at the
// start and at the end of a string, and is_blank is is_space plus U+200B
// and U+FEFF.
BOOST_AUTO_TEST_CASE(blank_bytes_agree_with_is_blank_for_every_code_point) {
  std::size_t blanks = 0;
  for (char32_t cp = 1; cp < 0x110000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string s;
    Xapian::Unicode::append_utf8(s, cp);
    const std::size_t want = is_blank(cp) ? s.size() : 0;
    blanks += want != 0;
    if (leading_blank_bytes(s) != want || trailing_blank_bytes(s) != want ||
        leading_blank_bytes(s + "x") != want || trailing_blank_bytes("x" + s) != want ||
        is_blank(cp) != (is_space(cp) || cp == 0x200B || cp == 0xFEFF)) {
      BOOST_ERROR("code point " << static_cast<unsigned long>(cp));
    }
  }
  BOOST_TEST(blanks == 24u);  // 6 ASCII, 16 other space separators, 2 zero-width
}

BOOST_AUTO_TEST_CASE(blank_bytes_reject_broken_sequences) {
  BOOST_TEST(leading_blank_bytes("\xE2\x80") == 0u);
  BOOST_TEST(leading_blank_bytes("\xE2\x80\x41") == 0u);  // not a continuation byte
  BOOST_TEST(trailing_blank_bytes("\x80\x8B") == 0u);
  BOOST_TEST(leading_blank_bytes("\xC2") == 0u);
  BOOST_TEST(trailing_blank_bytes("\xA0") == 0u);
}

struct WordsCase {
  std::string in;
  std::string trimmed;
  std::size_t words;
  std::string collapsed;
};

// The cleaner's words and trimming use the same blanks.
BOOST_AUTO_TEST_CASE(cleaner_words_split_at_blanks) {
  const WordsCase kCases[] = {
      {"  two words  ", "two words", 2, "two words"},
      {"\xC2\xA0no-break\xC2\xA0space\xC2\xA0", "no-break\xC2\xA0space", 2, "no-break space"},
      {"\xE2\x80\x8Bzero\xE2\x80\x8Bwidth\xEF\xBB\xBF", "zero\xE2\x80\x8Bwidth", 2, "zero width"},
      {"Basics\xE2\x80\x8A\xE2\x80\x94\xE2\x80\x8AText",
       "Basics\xE2\x80\x8A\xE2\x80\x94\xE2\x80\x8AText", 3, "Basics \xE2\x80\x94 Text"},
      {"em\xE2\x80\x83space\xE3\x80\x80ideographic", "em\xE2\x80\x83space\xE3\x80\x80ideographic",
       3, "em space ideographic"},
      {"\xE2\x80\x8B", "", 0, ""},
  };
  for (const WordsCase& c : kCases) {
    BOOST_TEST_CONTEXT("input: " << c.in) {
      BOOST_TEST(std::string(clean::trim(c.in)) == c.trimmed);
      BOOST_TEST(clean::count_words(c.in) == c.words);
      BOOST_TEST(clean::split_words(c.in).size() == c.words);
      BOOST_TEST(clean::collapse_spaces(c.in) == c.collapsed);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
