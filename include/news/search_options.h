#ifndef NEWS_INCLUDE_NEWS_SEARCH_OPTIONS_H_
#define NEWS_INCLUDE_NEWS_SEARCH_OPTIONS_H_

// The search options as the front ends take them (news-search's long
// options, the server's /api/search parameters of the same names), turned
// into a SearchRequest in one place so that both search alike.

#include <cstddef>
#include <string>
#include <vector>

#include "news/search.h"

namespace news {

struct SearchOptions {
  std::string query;
  std::vector<std::string> filters;  // FIELD=VALUE
  std::vector<std::string> facets;
  size_t facet_limit = 10;
  std::string sort = "relevance";  // relevance, newest or oldest
  std::string since;
  std::string until;
  size_t limit = 10;
  size_t offset = 0;
  std::string recent;  // half-life, e.g. 30d ("" = off)
  std::string as_of;
  std::string similar;
  bool all_terms = false;
  bool explain = false;
  bool expand = false;
  bool snippets = true;
  std::string ranking;
  bool collapse = false;                // one hit per near-duplicate cluster
  std::string copies;                   // a story's id: the stories of its cluster
  std::string facet_count = "stories";  // stories or clusters
};

// The largest -n and --offset a search takes (Xapian counts in 32 bits).
inline constexpr size_t kMaxSearchCount = 1000000000;

// The request the options ask for. Throws QueryError for a sort order
// other than relevance/newest/oldest, a facet count other than
// stories/clusters, a filter not FIELD=VALUE, a limit or
// offset above kMaxSearchCount, or a bad half-life (parse_half_life_days).
// Filters, dates and facet names are checked by Searcher::search.
SearchRequest make_search_request(const SearchOptions& options);

// Reads a count option ("0", "25"): decimal digits only, at most `max`.
// Throws QueryError naming `name` otherwise ("-1", "abc", "").
size_t parse_count(const std::string& name, const std::string& text, size_t max);

}  // namespace news

#endif  // NEWS_INCLUDE_NEWS_SEARCH_OPTIONS_H_
