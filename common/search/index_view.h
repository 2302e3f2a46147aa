#ifndef NEWS_COMMON_SEARCH_INDEX_VIEW_H_
#define NEWS_COMMON_SEARCH_INDEX_VIEW_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "columns/date_keys.h"
#include "columns/facet_columns.h"
#include "columns/memory_bm25.h"
#include "store/shards.h"

namespace news {

// The index a search reads, opened once, and what its layout allows,
// decided here and nowhere else: one local database, several local ones,
// or remote shards among them. On one local database it also holds the
// values a batch keeps in memory (columns/). The searcher's parts (parser,
// ranking, order, facets) consult it rather than the databases.
class IndexView {
 public:
  enum class Layout {
    kOneLocal,      // value streams and docids are the database's own
    kSeveralLocal,  // a match spy or key maker sees each shard's own docids
    kRemote,        // a shard is served by xapian-tcpsrv: stock spies only, no
                    // spelling data, no posting source of ours
  };

  // Opens the databases (index directories, Xapian databases or stub
  // files; store/shards.h). Throws IndexError naming a shard that cannot be
  // opened, unless `allow_partial`: then it is left out and warnings()
  // names it.
  IndexView(const std::vector<std::string>& databases, bool allow_partial);

  const Xapian::Database& db() const { return db_; }
  // A shard named remote makes the layout remote, even when left out.
  Layout layout() const { return layout_; }
  bool remote() const { return layout_ == Layout::kRemote; }
  // The local shards' paths, to tell a writer's commits from damage.
  const std::vector<std::string>& local_paths() const { return local_paths_; }
  // The shards left out (allow_partial).
  const std::vector<std::string>& warnings() const { return warnings_; }

  // From now on, on one local database: every story's publication time and
  // length (loaded at the first call) and each facet field's values (when
  // first counted) are kept in memory; on any other layout nothing is.
  void keep_values_in_memory();
  // The values kept in memory, or null: dates() also when the time slot
  // holds values not written by news-index (DateKeys::load).
  DateKeys* dates() const { return dates_.get(); }
  const MemoryBm25* lengths() const { return lengths_.get(); }
  FacetColumns* columns() const { return columns_.get(); }

 private:
  std::vector<std::string> warnings_;
  Xapian::Database db_;
  Layout layout_;
  std::vector<std::string> local_paths_;
  std::unique_ptr<DateKeys> dates_;
  std::unique_ptr<MemoryBm25> lengths_;
  std::unique_ptr<FacetColumns> columns_;
};

}  // namespace news

#endif  // NEWS_COMMON_SEARCH_INDEX_VIEW_H_
