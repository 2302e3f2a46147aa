#ifndef NEWS_COMMON_SEARCH_SEARCHER_H_
#define NEWS_COMMON_SEARCH_SEARCHER_H_

// The insides of news::Searcher (include/news/search.h).

#include <memory>
#include <string>
#include <vector>

#include "news/search.h"
#include "search/index_view.h"
#include "search/query_parser.h"
#include "text/dates.h"

namespace news {

class Searcher::Impl {
 public:
  Impl(const std::vector<std::string>& databases, bool allow_partial);

  SearchResults search(const SearchRequest& request);
  void keep_values_in_memory() { keep_values_ = true; }

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
