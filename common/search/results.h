#ifndef NEWS_COMMON_SEARCH_RESULTS_H_
#define NEWS_COMMON_SEARCH_RESULTS_H_

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "article.h"

namespace news {

// The query text (or a filter, date or facet name) cannot be understood.
class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The index cannot be opened or read.
class SearchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class SortOrder { kRelevance, kNewest, kOldest };

struct SearchRequest {
  std::string query;  // empty: every document (browse mode)
  size_t offset = 0;
  size_t limit = 10;
  SortOrder sort = SortOrder::kRelevance;
  bool all_terms = false;  // default operator AND instead of OR
  // Exact filters as (field, value): one field ORed, fields ANDed.
  std::vector<std::pair<std::string, std::string>> filters;
  std::string since;  // date bound forms of text/dates.h, "" = open
  std::string until;
  std::vector<std::string> facets;  // schema facet names
  size_t facet_limit = 10;          // values per facet (histograms: all)
  bool snippets = true;
};

// Markers around matched words in Hit::snippet (control characters that do
// not occur in article text), rendered as bold or <b> by the output layer.
inline constexpr char kHighlightOn = '\x02';
inline constexpr char kHighlightOff = '\x03';

struct Hit {
  size_t rank = 0;  // 1-based, counting from offset 0
  double score = 0;
  Article article;
  std::string snippet;
};

struct FacetValue {
  std::string value;  // display form
  size_t count = 0;
};

struct Facet {
  std::string field;
  bool chronological = false;
  std::vector<FacetValue> values;
};

struct SearchResults {
  std::string query;
  size_t total = 0;
  bool total_exact = false;
  size_t offset = 0;
  size_t limit = 0;
  double took_ms = 0;
  std::vector<Hit> hits;
  std::vector<Facet> facets;
  std::optional<std::string> suggestion;
};

}  // namespace news

#endif  // NEWS_COMMON_SEARCH_RESULTS_H_
