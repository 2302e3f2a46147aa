#ifndef NEWS_COMMON_HTML_CHARSET_H_
#define NEWS_COMMON_HTML_CHARSET_H_

#include <string>
#include <string_view>

namespace news {
namespace html {

// An HTML page's bytes as UTF-8, and how its encoding was found.
struct DecodedPage {
  std::string text;     // valid UTF-8 (undecodable bytes became U+FFFD)
  std::string charset;  // the encoding used, as iconv names it ("UTF-8", "WINDOWS-1252")
  // Where it came from: "bom", "http" (the Content-Type header), "meta"
  // (<meta charset> or http-equiv), "detected" (valid UTF-8, else
  // windows-1252, the fallback of browsers in English-language locales).
  std::string source;
};

// The charset parameter of a Content-Type value ("text/html; charset=UTF-8"
// -> "UTF-8"), unquoted; "" when there is none.
std::string charset_param(std::string_view content_type);

// The encoding declared by the page's own <meta charset> or <meta
// http-equiv="Content-Type">, found by parsing its first 64 kB with
// libxml2's HTML parser (each byte read as one character, which keeps the
// ASCII markup intact in every ASCII-compatible encoding); "" when none.
std::string declared_charset(std::string_view bytes);

// Decodes `bytes` with iconv, choosing the encoding by the order browsers
// use: a byte-order mark, then the HTTP Content-Type (`content_type`, may
// be ""), then the page's <meta> declaration, then detection (valid UTF-8,
// else windows-1252). An unknown label is ignored (the next source is
// tried); labels WHATWG maps to windows-1252 (latin1, iso-8859-1, ascii)
// decode as windows-1252. Never throws; NUL bytes become U+FFFD.
DecodedPage decode_page(std::string_view bytes, std::string_view content_type);

}  // namespace html
}  // namespace news

#endif  // NEWS_COMMON_HTML_CHARSET_H_
