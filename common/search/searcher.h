#ifndef NEWS_COMMON_SEARCH_SEARCHER_H_
#define NEWS_COMMON_SEARCH_SEARCHER_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "columns/date_keys.h"
#include "columns/facet_columns.h"
#include "columns/memory_bm25.h"
#include "news/search.h"
#include "search/query_parser.h"
#include "store/shards.h"
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

  Xapian::doccount document_count() const { return db_.get_doccount(); }

 private:
  SearchResults run(const SearchRequest& request);
  void reopen();

  std::vector<std::string> paths_;
  bool allow_partial_ = false;
  std::vector<std::string> warnings_;  // shards left out at the last open
  std::vector<ShardSpec> shards_;      // as expanded at the last open
  Xapian::Database db_;
  bool has_remote_ = false;  // a shard is served by xapian-tcpsrv
  bool keep_values_ = false;
  std::unique_ptr<DateKeys> dates_;        // of db_, when kept in memory
  std::unique_ptr<FacetColumns> columns_;  // of db_, when kept in memory
  std::unique_ptr<MemoryBm25> lengths_;    // of db_, when kept in memory
  CivilDay today_;
  std::unique_ptr<NewsQueryParser> parser_;  // of db_ and today_, made once for many searches
};

}  // namespace news

#endif  // NEWS_COMMON_SEARCH_SEARCHER_H_
