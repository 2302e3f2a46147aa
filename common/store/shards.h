#ifndef NEWS_COMMON_STORE_SHARDS_H_
#define NEWS_COMMON_STORE_SHARDS_H_

#include <xapian.h>

#include <string>
#include <vector>

namespace news {

// One database a search reads: a local path or a remote "HOST:PORT".
struct ShardSpec {
  std::string name;   // as written in the stub (or given), for messages
  std::string path;   // local database path (empty for remote)
  std::string host;   // remote host (empty for local)
  unsigned port = 0;  // remote TCP port
  std::string stub;   // the stub file naming it ("" when given directly)
};

// Expands database arguments (index directories, Xapian databases, stub
// files; stubs may name further stubs) into the shards they name, in order,
// each once (one database named twice, under any spelling, is read once).
// Throws IndexError for a missing path, an unreadable stub, a stub naming
// no database or an unsupported line ("remote :PROG ..." included).
std::vector<ShardSpec> expand_shards(const std::vector<std::string>& databases);

// Opens each shard and combines them into one Database. A shard that cannot
// be opened (server down, missing files) throws IndexError naming it, unless
// `allow_partial`: then it is left out and a warning naming it is appended to
// `warnings`; if no shard at all can be opened, IndexError. Remote shards
// use `remote_timeout_ms` for connecting and for each operation.
Xapian::Database open_shards(const std::vector<ShardSpec>& shards, bool allow_partial,
                             std::vector<std::string>* warnings,
                             unsigned remote_timeout_ms = 10000);

// True when one of `shards` is remote. Xapian 1.4.22 over two or more remote
// shards inflates ValueCountMatchSpy counts when the MSet is sorted by a
// value and shorter than the match (measured: tests/cli/remote_shards.sh);
// a separate pass with an empty MSet counts right, so searches over remote
// shards count facets that way.
bool any_remote(const std::vector<ShardSpec>& shards);

// The local shards' paths.
std::vector<std::string> local_paths(const std::vector<ShardSpec>& shards);

}  // namespace news

#endif  // NEWS_COMMON_STORE_SHARDS_H_
