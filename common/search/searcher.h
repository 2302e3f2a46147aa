#ifndef NEWS_COMMON_SEARCH_SEARCHER_H_
#define NEWS_COMMON_SEARCH_SEARCHER_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "news/search.h"
#include "search/index_view.h"
#include "search/query_parser.h"
#include "text/dates.h"

namespace news {

// Searches one index, or several searched together as one (shards, stub
// files, remote entries).
class Searcher {
 public:
  // Opens the databases (index directories, Xapian databases or stub
  // files; index/shards.h). Throws SearchError naming a shard that cannot be
  // opened, unless `allow_partial`: then the search runs on the other shards
  // and SearchResults::warnings names the missing ones.
  explicit Searcher(const std::vector<std::string>& databases, bool allow_partial = false);

  // Returns up to request.limit hits from request.offset, with exact totals
  // and facet counts when facets are asked or limit is 0. Retries on the
  // newest revision when a writer changed the index under the read. Throws
  // QueryError for a malformed query and SearchError for index failures.
  SearchResults search(const SearchRequest& request);

  // Many queries will follow (batch mode): from the next search on, every
  // story's publication time (columns/date_keys.h), length
  // (columns/memory_bm25.h) and the values of each facet asked for
  // (columns/facet_columns.h) are kept in memory, so that ordering by date,
  // weighing with BM25 and counting facets read no values nor lengths from
  // the index. One local database only (see there).
  void keep_values_in_memory() { keep_values_ = true; }

  // Overrides the clock used for relative dates (tests).
  void set_today(const CivilDay& today) {
    today_ = today;
    parser_.reset();
  }

  Xapian::doccount document_count() const { return view_->db().get_doccount(); }

 private:
  SearchResults run(const SearchRequest& request);
  void reopen();

  std::vector<std::string> paths_;
  bool allow_partial_ = false;
  bool keep_values_ = false;
  std::unique_ptr<IndexView> view_;  // as opened last
  CivilDay today_;
  std::unique_ptr<NewsQueryParser> parser_;  // of view_ and today_, made once for many searches
};

}  // namespace news

#endif  // NEWS_COMMON_SEARCH_SEARCHER_H_
