// HTML charsets: the Content-Type parameter, <meta> declarations, the
// browsers' order of precedence and windows-1252 detection.

#include <boost/test/unit_test.hpp>
#include <string>

#include "html/charset.h"

namespace news {

BOOST_AUTO_TEST_SUITE(html_charset_test)

using html::charset_param;
using html::declared_charset;
using html::decode_page;

BOOST_AUTO_TEST_CASE(content_type_parameter) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"text/html; charset=UTF-8", "UTF-8"},
      {"text/html;charset=\"iso-8859-1\"", "iso-8859-1"},
      {"text/html; CHARSET = windows-1252 ; q=1", "windows-1252"},
      {"text/html", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT("input: " << c.in) { BOOST_TEST(charset_param(c.in) == c.want); }
  }
}

BOOST_AUTO_TEST_CASE(meta_declarations) {
  BOOST_TEST(declared_charset("<html><head><meta charset=\"windows-1251\"></head>") ==
             "windows-1251");
  BOOST_TEST(declared_charset("<meta http-equiv=\"Content-Type\" "
                              "content=\"text/html; charset=ISO-8859-2\">") == "ISO-8859-2");
  BOOST_TEST(declared_charset("<p>no declaration</p>") == "");
}

BOOST_AUTO_TEST_CASE(undeclared_windows_1252_is_detected) {
  // "Café – “quoted”" in windows-1252 bytes, no declaration anywhere.
  const std::string bytes = "<p>Caf\xe9 \x96 \x93quoted\x94</p>";
  const html::DecodedPage d = decode_page(bytes, "");
  BOOST_TEST(d.text == "<p>Caf\xc3\xa9 \xe2\x80\x93 \xe2\x80\x9cquoted\xe2\x80\x9d</p>");
  BOOST_TEST(d.charset == "WINDOWS-1252");
  BOOST_TEST(d.source == "detected");
  // Valid UTF-8 stays UTF-8.
  const html::DecodedPage u = decode_page("<p>Caf\xc3\xa9</p>", "");
  BOOST_TEST(u.charset == "UTF-8");
  BOOST_TEST(u.text == "<p>Caf\xc3\xa9</p>");
}

BOOST_AUTO_TEST_CASE(http_beats_meta_beats_detection) {
  const std::string koi8 = "<meta charset=koi8-r><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>";  // "Привет"
  html::DecodedPage d = decode_page(koi8, "");
  BOOST_TEST(d.source == "meta");
  BOOST_TEST(d.text.find("\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82") != std::string::npos);
  d = decode_page(koi8, "text/html; charset=windows-1252");
  BOOST_TEST(d.source == "http");
  BOOST_TEST(d.charset == "WINDOWS-1252");
  // An unknown label is passed over.
  d = decode_page("<meta charset=no-such-charset><p>x</p>", "text/html; charset=bogus");
  BOOST_TEST(d.source == "detected");
  // A byte-order mark wins over everything.
  d = decode_page("\xEF\xBB\xBF<p>x</p>", "text/html; charset=koi8-r");
  BOOST_TEST(d.source == "bom");
  BOOST_TEST(d.text == "<p>x</p>");
}

BOOST_AUTO_TEST_CASE(bad_bytes_become_replacement_characters) {
  const html::DecodedPage d = decode_page(std::string("<p>a\xff\xfe"
                                                      "b\0c</p>",
                                                      13),
                                          "text/html; charset=utf-8");
  BOOST_TEST(d.text ==
             "<p>a\xef\xbf\xbd\xef\xbf\xbd"
             "b\xef\xbf\xbd"
             "c</p>");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
