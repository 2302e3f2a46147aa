#ifndef NEWS_COMMON_INDEX_MAINTENANCE_H_
#define NEWS_COMMON_INDEX_MAINTENANCE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace news {

struct CompactReport {
  uint64_t bytes_before = 0;
  uint64_t bytes_after = 0;
  double seconds = 0;
};

// Compacts `databases` into one new database at `target` and syncs it to
// disk. Throws IndexError (`what` + the cause), leaving no `target` behind.
void compact_databases(const std::vector<std::string>& databases, const std::string& target,
                       const std::string& what);

// Compacts the live databases of the index at `db` into a new generation
// and switches to it atomically (readers keep the old one until they
// reopen): with `merge`, all shards into one database, else each shard into
// one of its own. Takes the write lock (waiting up to `wait_seconds`).
// Throws IndexError; on failure the live index is unchanged and nothing of
// the run is left behind.
CompactReport compact(const std::string& db, double wait_seconds, bool merge);

}  // namespace news

#endif  // NEWS_COMMON_INDEX_MAINTENANCE_H_
