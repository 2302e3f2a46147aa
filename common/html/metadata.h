#ifndef NEWS_COMMON_HTML_METADATA_H_
#define NEWS_COMMON_HTML_METADATA_H_

#include <libxml/tree.h>

#include <map>
#include <string>
#include <vector>

namespace news {
namespace html {

// What a schema.org article object (JSON-LD) says, as written.
struct JsonLdArticle {
  std::string type;  // "NewsArticle", "BlogPosting"...
  std::string headline;
  std::vector<std::string> authors;  // Person names (Organizations are left out)
  std::string date_published;
  std::string section;
  std::vector<std::string> keywords;
  std::string publisher;
  std::string language;
  std::string url;
  std::string description;
};

// The metadata a page declares about itself, before any choice is made.
struct PageMetadata {
  // The first article object of the page's JSON-LD (absent: type "").
  JsonLdArticle ld;
  // <meta name|property|itemprop=KEY content=VALUE>, KEY lower-cased, values
  // in page order (article:tag and article:author repeat).
  std::map<std::string, std::vector<std::string>> meta;
  std::string canonical;       // <link rel=canonical href>
  std::string html_lang;       // <html lang>
  std::string title_tag;       // <title>, whitespace collapsed
  std::string time_published;  // <time datetime> marked pubdate or itemprop=datePublished
  // Problems found (e.g. "line 12: invalid JSON-LD ignored"), for reports.
  std::vector<std::string> warnings;

  // The first value of meta KEY (lower case), "" when absent.
  const std::string& first(const std::string& key) const;
};

// Reads the page's declared metadata from its tree: <meta>, <link
// rel=canonical>, <html lang>, <title>, <time> and every <script
// type="application/ld+json"> (parsed with nlohmann::json; an article object
// is looked for at the top, in arrays, in "@graph" and in nested objects,
// at most kMaxJsonDepth deep; author and publisher "@id" references are
// resolved within the page). Invalid JSON-LD is skipped with a warning.
// Never throws on page content.
PageMetadata read_metadata(xmlNode* root);

// True for the schema.org types taken as articles: NewsArticle and its
// subtypes, Article, ReportageNewsArticle, BlogPosting... (a table).
bool is_article_type(const std::string& type);

}  // namespace html
}  // namespace news

#endif  // NEWS_COMMON_HTML_METADATA_H_
