#ifndef NEWS_INCLUDE_NEWS_ARTICLE_H_
#define NEWS_INCLUDE_NEWS_ARTICLE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "news/errors.h"

namespace news {

// One news story: what the indexer stores and the searcher shows.
// All strings are valid UTF-8 (readers replace invalid sequences or reject).
struct Article {
  std::string id;  // required, unique within an index
  std::string url;
  std::string title;  // required
  std::string dek;    // standfirst / subtitle
  std::vector<std::string> authors;
  std::string source;     // agency or publisher
  std::string published;  // "YYYY-MM-DDTHH:MM:SSZ", "YYYY-MM-DD" or empty
  std::string section;
  std::vector<std::string> tags;
  std::vector<std::string> places;
  std::string caption;
  std::string body;  // paragraphs separated by "\n\n"
  // Fields not in the model, kept verbatim as serialised JSON values.
  std::map<std::string, std::string> extra;
};

// Parses one JSON object text into an Article.
// Throws ArticleError on malformed JSON, a missing/empty id or title, or a
// field of the wrong type.
Article article_from_json(std::string_view json_text);

// Serialises an Article as one compact JSON object (corpus format); empty
// fields are omitted, extra fields are written back.
std::string article_to_json(const Article& article);

}  // namespace news

#endif  // NEWS_INCLUDE_NEWS_ARTICLE_H_
