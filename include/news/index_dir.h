#ifndef NEWS_INCLUDE_NEWS_INDEX_DIR_H_
#define NEWS_INCLUDE_NEWS_INDEX_DIR_H_

// Where the programs find the index when none is named: shared by every
// front end that reads or writes one.

#include <string>

namespace news {

// The index directory when none is given: $NEWS_DB, else ./news.db.
std::string default_index_dir();

}  // namespace news

#endif  // NEWS_INCLUDE_NEWS_INDEX_DIR_H_
