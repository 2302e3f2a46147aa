#include "news/search_options.h"

#include <utility>

namespace news {
namespace {

SortOrder parse_sort(const std::string& s) {
  if (s == "relevance") return SortOrder::kRelevance;
  if (s == "newest") return SortOrder::kNewest;
  if (s == "oldest") return SortOrder::kOldest;
  throw QueryError("--sort must be relevance, newest or oldest");
}

std::pair<std::string, std::string> parse_filter(const std::string& f) {
  const size_t eq = f.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == f.size()) {
    throw QueryError("--filter must be FIELD=VALUE, got '" + f + "'");
  }
  return {f.substr(0, eq), f.substr(eq + 1)};
}

}  // namespace

SearchRequest make_search_request(const SearchOptions& o) {
  if (o.limit > kMaxSearchCount || o.offset > kMaxSearchCount) {
    throw QueryError("-n/--limit and --offset must be between 0 and 1000000000");
  }
  SearchRequest r;
  r.query = o.query;
  r.offset = o.offset;
  r.limit = o.limit;
  r.sort = parse_sort(o.sort);
  r.all_terms = o.all_terms;
  for (const std::string& f : o.filters) r.filters.push_back(parse_filter(f));
  r.since = o.since;
  r.until = o.until;
  r.facets = o.facets;
  r.facet_limit = o.facet_limit;
  r.snippets = o.snippets;
  r.similar_id = o.similar;
  if (!o.recent.empty()) r.recent_half_life_days = parse_half_life_days(o.recent);
  r.as_of = o.as_of;
  r.explain = o.explain;
  r.ranking = o.ranking;
  r.collapse = o.collapse;
  r.copies_id = o.copies;
  if (o.facet_count != "stories" && o.facet_count != "clusters") {
    throw QueryError("--facet-count must be stories or clusters");
  }
  r.facet_count_clusters = o.facet_count == "clusters";
  // Feedback was measured with BM25 (docs/RANKING.md); --ranking may override.
  if (o.expand) {
    r.ranking =
        "scheme=bm25,feedback=eset,expand=10,expand_terms=20,expand_weight=0.3,expand_rerank=0" +
        (o.ranking.empty() ? "" : "," + o.ranking);
  }
  return r;
}

size_t parse_count(const std::string& name, const std::string& text, size_t max) {
  const std::string problem = name + " must be a whole number between 0 and " +
                              std::to_string(max) + ", got '" + text + "'";
  if (text.empty() || text.size() > 10) throw QueryError(problem);
  size_t n = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') throw QueryError(problem);
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  if (n > max) throw QueryError(problem);
  return n;
}

}  // namespace news
