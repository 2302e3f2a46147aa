#ifndef NEWS_COMMON_STORE_RETRY_H_
#define NEWS_COMMON_STORE_RETRY_H_

// The one retry policy for reading an index that a writer may commit to.

#include <xapian.h>

#include <string>
#include <type_traits>
#include <vector>

#include "news/errors.h"

namespace news {

// A DatabaseModifiedError (the revision being read was discarded by a
// writer's commit) means: reopen and read again, this many times at most.
inline constexpr int kReadAttempts = 5;

// The revision of each database at `paths` (0 for one that cannot be
// opened): taken at a first DatabaseModifiedError, to tell a writer's
// commits from damage when the error persists.
std::vector<Xapian::rev> local_revisions(const std::vector<std::string>& paths);

// Why reads of the databases at `paths` kept failing with
// DatabaseModifiedError: a writer committing faster than they can be read
// when their revisions moved since `before` (local_revisions), else damage
// (a block whose revision is ahead of its database's), with what to run.
std::string modified_error_reason(const std::vector<std::string>& paths,
                                  const std::vector<Xapian::rev>& before);

// Runs `read`; on a DatabaseModifiedError runs `reopen` and tries again, up
// to kReadAttempts in all, then throws IndexError(`what` + ": " + the
// reason). `paths`: the local databases read, to tell damage apart. Other
// errors propagate.
template <typename Read, typename Reopen>
std::invoke_result_t<Read> read_with_retries(const std::vector<std::string>& paths,
                                             const std::string& what, Read read, Reopen reopen) {
  std::vector<Xapian::rev> revisions;  // at the first DatabaseModifiedError
  for (int attempt = 1;; ++attempt) {
    try {
      return read();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (revisions.empty()) revisions = local_revisions(paths);
      if (attempt == kReadAttempts) {
        throw IndexError(what + ": " + modified_error_reason(paths, revisions));
      }
      reopen();
    }
  }
}

}  // namespace news

#endif  // NEWS_COMMON_STORE_RETRY_H_
