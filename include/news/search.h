#ifndef NEWS_INCLUDE_NEWS_SEARCH_H_
#define NEWS_INCLUDE_NEWS_SEARCH_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "news/article.h"
#include "news/errors.h"
#include "news/index_dir.h"

namespace news {

enum class SortOrder { kRelevance, kNewest, kOldest };

struct SearchRequest {
  std::string query;  // empty: every document (browse mode)
  size_t offset = 0;
  size_t limit = 10;
  SortOrder sort = SortOrder::kRelevance;
  bool all_terms = false;  // default operator AND instead of OR
  // Exact filters as (field, value): one field ORed, fields ANDed.
  std::vector<std::pair<std::string, std::string>> filters;
  std::string since;  // YYYY[-MM[-DD]], 7d, 2w, 3m, 1y, today, yesterday (docs/QUERY.md); "" = open
  std::string until;
  std::vector<std::string> facets;  // schema facet names
  size_t facet_limit = 10;          // values per facet (histograms: all)
  bool snippets = true;
  // Ranking (docs/RANKING.md).
  std::string similar_id;            // non-empty: stories like this one (query ignored)
  double recent_half_life_days = 0;  // > 0: mix relevance with freshness
  std::string as_of;                 // recency reference day ("" = today)
  bool explain = false;              // fill Hit::explanation
  std::string ranking;               // expert overrides "k1=1.2,b=0.75,expand=0,..."
  // Near-duplicate clusters (docs/QUERY.md).
  bool collapse = false;  // one hit per cluster: the best-ranked matching member
  // Facet counts count distinct clusters (a story without a cluster counts
  // as its own) instead of stories.
  bool facet_count_clusters = false;
  // Non-empty: the members of this story's cluster, oldest first (query,
  // filters and facets ignored); the story alone when it has no copies.
  std::string copies_id;
  double time_limit_ms = 0;  // > 0: the match may take this long at most
};

// Markers around matched words in Hit::snippet (control characters that do
// not occur in article text), rendered as bold or <b> by the output layer.
inline constexpr char kHighlightOn = '\x02';
inline constexpr char kHighlightOff = '\x03';

// One part of a hit's score (--explain).
struct ScorePart {
  std::string what;    // a query term, "expansion", "recency", ...
  double weight = 0;   // its contribution to the score
  std::string detail;  // e.g. "title 1, body 4" (occurrences by field)
};

struct Explanation {
  std::vector<std::string> matched_terms;  // Xapian terms (Z = stem, S = title)
  std::vector<ScorePart> parts;
};

struct Hit {
  size_t rank = 0;  // 1-based, counting from offset 0
  double score = 0;
  Article article;
  std::string snippet;
  std::optional<Explanation> explanation;  // with SearchRequest::explain
  std::string cluster;  // its near-duplicate cluster's id; "" when it has no copies
  // With SearchRequest::collapse: how many other matching stories of its
  // cluster the hit stands for (exact), and their distinct sources, sorted.
  size_t copies = 0;
  std::vector<std::string> copy_sources;
};

struct FacetValue {
  std::string value;  // display form
  size_t count = 0;
};

struct Facet {
  std::string field;
  bool chronological = false;
  std::vector<FacetValue> values;
  size_t distinct = 0;  // distinct values counted, before the limit
};

// Totals are counted exactly up to this many matching stories.
inline constexpr size_t kExactTotalsUpTo = 10000;

struct SearchResults {
  std::string query;
  // Stories matching: exact whenever at most kExactTotalsUpTo match (and
  // always with facets or limit 0); otherwise Xapian's estimate, between
  // total_min and total_max. Not exact either when shards were left out
  // (--allow-partial): then total_min is what the others hold and
  // total_max unknown (0).
  size_t total = 0;
  bool total_exact = false;
  size_t total_min = 0;
  size_t total_max = 0;
  size_t offset = 0;
  size_t limit = 0;
  double took_ms = 0;
  std::vector<Hit> hits;
  std::vector<Facet> facets;
  bool facets_exact = false;           // facet counts cover every matching document
  bool facets_count_clusters = false;  // facet counts are of clusters, not stories
  bool collapsed = false;              // SearchRequest::collapse: one hit per cluster
  // Distinct clusters among the matching stories (a story without copies
  // is its own), when totals are exact (facets or limit 0).
  std::optional<size_t> clusters;
  std::optional<std::string> suggestion;
  // Problems that did not stop the search, e.g. shards left out with
  // allow_partial (Searcher).
  std::vector<std::string> warnings;
};

// Searches one index, or several searched together as one (shards, stub
// files, remote entries). Its insides (the databases, the query parser, the
// values kept in memory) are the library's own.
class Searcher {
 public:
  // Opens the databases (index directories, Xapian databases or stub
  // files naming local and remote shards). Throws SearchError naming a
  // shard that cannot be opened, unless `allow_partial`: then the search
  // runs on the other shards and SearchResults::warnings names the missing
  // ones.
  explicit Searcher(const std::vector<std::string>& databases, bool allow_partial = false);
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  // Returns up to request.limit hits from request.offset, with exact totals
  // and facet counts when facets are asked or limit is 0. Retries on the
  // newest revision when a writer changed the index under the read. Throws
  // QueryError for a malformed query, filter, date, facet name or ranking
  // option, SearchTimeout when the match ran into request.time_limit_ms,
  // and SearchError for index failures (no Xapian error gets out).
  SearchResults search(const SearchRequest& request);

  // Many queries will follow (batch mode): from the next search on, on one
  // local database, every story's publication time and length and the
  // values of each facet asked for are kept in memory, so that ordering by
  // date, weighing with BM25 and counting facets read no values nor lengths
  // from the index (same results).
  void keep_values_in_memory();

  // For a long-running reader (a server): from the next search on, reads
  // the index as it is now, after a writer's commit (news-index add, sync)
  // or a switch of generation (rebuild). Cheap when nothing changed: a
  // stat of each stub and Xapian's revision check. Throws SearchError when
  // the index cannot be opened any more (the old state stays in use).
  void refresh();

  // The whole stored article (body and extra fields included) with this
  // id, or nothing when no story has it. Throws SearchError.
  std::optional<Article> article(const std::string& id);

  // The values of one facet field over every story, most frequent first,
  // keeping those whose normalised form (case and accents folded) starts
  // with the normalised `prefix`, at most `limit` (0: all); `distinct`
  // counts the values kept before the limit. Throws QueryError for an
  // unknown field, SearchError for index failures.
  Facet facet_values(const std::string& field, const std::string& prefix, size_t limit);

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Reads a half-life for SearchRequest::recent_half_life_days: "30d", "2w",
// "6m" (30 days), "1y" (365 days), "12h", or a plain number of days. Throws
// QueryError unless positive.
double parse_half_life_days(const std::string& text);

}  // namespace news

#endif  // NEWS_INCLUDE_NEWS_SEARCH_H_
