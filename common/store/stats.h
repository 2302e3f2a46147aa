#ifndef NEWS_COMMON_STORE_STATS_H_
#define NEWS_COMMON_STORE_STATS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace news {

struct IndexStats {
  std::string path;
  uint64_t documents = 0;
  std::string last_update;  // ISO 8601 UTC time of the last commit
  uint64_t size_bytes = 0;  // files of the live databases
  std::vector<std::string> databases;
  // Distinct values of each exact field, by its plural name ("tags",
  // "sections", "authors", "places", "sources").
  std::vector<std::pair<std::string, uint64_t>> distinct;
  std::string oldest;  // published date range, YYYY-MM-DD
  std::string newest;
};

// Reads figures of the index at `db`. Throws IndexError when there is none.
IndexStats read_stats(const std::string& db);

}  // namespace news

#endif  // NEWS_COMMON_STORE_STATS_H_
