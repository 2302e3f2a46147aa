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
  // files). Throws SearchError when one cannot be opened.
  explicit Searcher(const std::vector<std::string>& databases);

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
  Xapian::Database db_;
  CivilDay today_;
};

}  // namespace news

#endif  // NEWS_COMMON_SEARCH_SEARCHER_H_
