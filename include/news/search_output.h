#ifndef NEWS_INCLUDE_NEWS_SEARCH_OUTPUT_H_
#define NEWS_INCLUDE_NEWS_SEARCH_OUTPUT_H_

// Search results as text, JSON (docs/json-output.md) and ids.

#include <ostream>
#include <string>

#include "news/search.h"

namespace news {

struct TextStyle {
  bool color = false;  // ANSI bold/dim (only on a terminal)
  size_t width = 80;
};

// One whole story for reading (news-search --show): headline, dek, byline,
// date, source, section, tags, places, url, then the body's paragraphs
// wrapped to style.width; control characters neutralised.
void render_article_text(const Article& article, const TextStyle& style, std::ostream& out);

// The search results as one JSON object (no newline), every key described
// in docs/json-output.md and docs/schemata/search.schema.json.
std::string results_to_json(const SearchResults& results);

// {"query": query, "error": message} (no newline): a failed batch query.
std::string error_to_json(const std::string& query, const std::string& message);

// Human-readable results: one block per hit, then the facets (histograms as
// bars).
void render_results_text(const SearchResults& results, const TextStyle& style, std::ostream& out);

// One id per line.
void render_results_ids(const SearchResults& results, std::ostream& out);

}  // namespace news

#endif  // NEWS_INCLUDE_NEWS_SEARCH_OUTPUT_H_
