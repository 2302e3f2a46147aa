#ifndef NEWS_COMMON_HTML_HTML_PAGE_H_
#define NEWS_COMMON_HTML_HTML_PAGE_H_

#include <string>
#include <string_view>

#include "news/article.h"

namespace news {

// Where an HTML page came from, when known (a WARC record says it).
struct HtmlSource {
  std::string url;           // the fetched URL (WARC-Target-URI), the last choice for `url`
  std::string content_type;  // the HTTP Content-Type, for its charset
  std::string fetched;       // when it was fetched (WARC-Date), kept as extra["fetched"]
};

// Cleans one HTML article page into an Article. The bytes are decoded by
// html/charset.h (BOM, HTTP charset, <meta charset>, else UTF-8 or
// windows-1252), parsed by libxml2's HTML parser, and each field is taken
// from the first of (docs/CLEANING.md, "HTML pages"):
//   1. the page's schema.org JSON-LD article object,
//   2. its meta tags (OpenGraph, article:*, parsely-*, Dublin Core...),
//   3. the printed page: the body rendered as innerText and read by
//      clean_page (clean/cleaner.h) for byline, date, section and tags.
// The headline is the metadata title as printed on the page (a site
// suffix removed), else the page's <h1>. The body is found in the DOM by
// text and link density (html/extract.h). `url` is the canonical link,
// else og:url, else source.url; the id is page_id() of the result
// (clean/page_id.h). extra: "language" (JSON-LD inLanguage, else <html
// lang>), "fetched", "charset". Any bytes are accepted; time and memory
// are linear in the size. Throws ArticleError("not an article: <reason>")
// for binary data, an empty page or a page without article text.
Article clean_html(std::string_view bytes, const HtmlSource& source = {});

}  // namespace news

#endif  // NEWS_COMMON_HTML_HTML_PAGE_H_
