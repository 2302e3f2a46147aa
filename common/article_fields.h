#ifndef NEWS_COMMON_ARTICLE_FIELDS_H_
#define NEWS_COMMON_ARTICLE_FIELDS_H_

// The one list of the Article model's fields, in the order of its JSON
// form. The JSON reader and writer, and the schema's field table
// (schema.h), loop over it.

#include <string>
#include <string_view>
#include <vector>

#include "news/article.h"

namespace news {

struct ArticleField {
  const char* name;                         // JSON key
  std::string Article::*text;               // a string field, or
  std::vector<std::string> Article::*list;  // a list of strings
  bool collapse;                            // whitespace collapsed when read
};

inline constexpr ArticleField kArticleFields[] = {
    {"id", &Article::id, nullptr, true},
    {"url", &Article::url, nullptr, false},
    {"title", &Article::title, nullptr, true},
    {"dek", &Article::dek, nullptr, false},
    {"authors", nullptr, &Article::authors, true},
    {"source", &Article::source, nullptr, true},
    {"published", &Article::published, nullptr, false},
    {"section", &Article::section, nullptr, true},
    {"tags", nullptr, &Article::tags, true},
    {"places", nullptr, &Article::places, true},
    {"caption", &Article::caption, nullptr, false},
    {"body", &Article::body, nullptr, false},
};

// The field with JSON key `name`, or nullptr.
inline const ArticleField* find_article_field(std::string_view name) {
  for (const ArticleField& f : kArticleFields) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

}  // namespace news

#endif  // NEWS_COMMON_ARTICLE_FIELDS_H_
