#ifndef NEWS_COMMON_SEARCH_SEARCHER_H_
#define NEWS_COMMON_SEARCH_SEARCHER_H_

// The insides of news::Searcher (include/news/search.h): one search as
// its phases, which the benches time one by one.

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "news/search.h"
#include "search/copies.h"
#include "search/facets.h"
#include "search/index_view.h"
#include "search/query_parser.h"
#include "search/ranking.h"
#include "text/dates.h"

namespace news {

// One search of `view`, phase by phase in the order Searcher::search runs
// them, each taking what the ones before it returned.
class SearchRun {
 public:
  // The words of the search.
  struct Query {
    ParsedQuery words;   // the text parsed (for --similar only prepared)
    Xapian::Query text;  // what is ranked: the words' query or the --similar story's terms
  };
  // The match of a prepared ranking, with the facets it counted.
  struct Match {
    Xapian::Enquire enquire;
    Xapian::MSet mset;
    std::unique_ptr<FacetCounter> facets;
    bool exact = false;  // totals and facet counts cover every matching document
    std::unique_ptr<ClusterCounter> clusters;  // when exact
  };

  // Reads the request's filters, dates and ranking options. Throws
  // QueryError for a bad one, and for --recent over remote shards.
  SearchRun(const IndexView& view, NewsQueryParser& parser, const SearchRequest& request,
            const CivilDay& today);

  // 1. The words parsed, or the story of --similar read. Throws QueryError.
  Query parse() const;
  // 2. Their ranking: feedback's and recency's first passes when on.
  PreparedRanking rank(const Query& query) const;
  // 3. The match, in the request's order, counting the facets asked for
  //    (QueryError for an unknown one).
  Match match(const PreparedRanking& ranking) const;
  // 4. The hits (stored fields, snippets, explanations, copies when
  //    collapsed), the totals, the facets and a suggestion when nothing
  //    matched; took_ms left 0.
  SearchResults results(const Query& query, const PreparedRanking& ranking,
                        const Match& match) const;

  const Ranker& ranker() const { return ranker_; }
  const Xapian::Query& filter() const { return filter_; }  // filters and dates

 private:
  bool similar() const { return !request_.similar_id.empty(); }
  void set_totals(const Match& match, SearchResults& results) const;
  void set_story_totals(const Match& match, SearchResults& results) const;

  const IndexView& view_;
  NewsQueryParser& parser_;
  const SearchRequest& request_;
  Xapian::Query filter_;
  Ranker ranker_;
};

class Searcher::Impl {
 public:
  Impl(const std::vector<std::string>& databases, bool allow_partial);

  SearchResults search(const SearchRequest& request);
  void keep_values_in_memory() { keep_values_ = true; }
  void refresh();
  std::optional<Article> article(const std::string& id);
  Facet facet_values(const std::string& field, const std::string& prefix, size_t limit);

  // What a stub (or database directory) looked like when opened.
  struct Stamp {
    uint64_t inode = 0;
    int64_t mtime_ns = 0;
    int64_t size = 0;
    bool operator==(const Stamp& o) const {
      return inode == o.inode && mtime_ns == o.mtime_ns && size == o.size;
    }
  };

 private:
  // Runs `read` on the open view with the one retry policy, turning every
  // index error into SearchError.
  template <typename Read>
  auto guarded(Read read);
  SearchResults run(const SearchRequest& request);
  void reopen();
  std::vector<Stamp> stamps() const;

  std::vector<std::string> paths_;
  bool allow_partial_ = false;
  bool keep_values_ = false;
  std::unique_ptr<IndexView> view_;  // as opened last
  std::vector<Stamp> stamps_;        // of paths_, when view_ was opened
  CivilDay today_;
  std::unique_ptr<NewsQueryParser> parser_;  // of view_ and today_, made once for many searches
};

}  // namespace news

#endif  // NEWS_COMMON_SEARCH_SEARCHER_H_
