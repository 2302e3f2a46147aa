#ifndef NEWS_COMMON_SEARCH_SEARCHER_H_
#define NEWS_COMMON_SEARCH_SEARCHER_H_

#include <xapian.h>

#include <string>
#include <vector>

#include "search/results.h"
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

  // Overrides the clock used for relative dates (tests).
  void set_today(const CivilDay& today) { today_ = today; }

  Xapian::doccount document_count() const { return db_.get_doccount(); }

 private:
  SearchResults run(const SearchRequest& request);
  void reopen();

  std::vector<std::string> paths_;
  bool allow_partial_ = false;
  std::vector<std::string> warnings_;  // shards left out at the last open
  bool has_remote_ = false;            // a shard is served by xapian-tcpsrv
  Xapian::Database db_;
  CivilDay today_;
};

}  // namespace news

#endif  // NEWS_COMMON_SEARCH_SEARCHER_H_
