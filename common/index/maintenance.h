#ifndef NEWS_COMMON_INDEX_MAINTENANCE_H_
#define NEWS_COMMON_INDEX_MAINTENANCE_H_

#include <string>
#include <vector>

#include "news/index.h"

namespace news {

// Compacts `databases` into one new database at `target` and syncs it to
// disk. Throws IndexError (`what` + the cause), leaving no `target` behind.
void compact_databases(const std::vector<std::string>& databases, const std::string& target,
                       const std::string& what);

}  // namespace news

#endif  // NEWS_COMMON_INDEX_MAINTENANCE_H_
