#ifndef NEWS_COMMON_INDEX_SHARDS_H_
#define NEWS_COMMON_INDEX_SHARDS_H_

#include <xapian.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "index/database_writer.h"
#include "index/maintenance.h"

namespace news {

class IndexLayout;

// ---------------------------------------------------------------------------
// Reading: shards named by stub files, local or remote.

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
// each once (one database named twice, under any spelling, is searched
// once). Understands the stub lines "auto|glass|chert PATH" (relative to
// the stub's directory) and "remote HOST:PORT". Throws SearchError for a
// missing path, an unreadable stub, a stub naming no database or an
// unsupported line ("remote :PROG ..." included).
std::vector<ShardSpec> expand_shards(const std::vector<std::string>& databases);

// The local shards' paths.
std::vector<std::string> local_paths(const std::vector<ShardSpec>& shards);

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

// Opens each shard and combines them into one Database. A shard that cannot
// be opened (server down, missing files) throws SearchError naming it, unless
// `allow_partial`: then it is left out and a warning naming it is appended to
// `warnings`; if no shard at all can be opened, SearchError. Remote shards
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

// ---------------------------------------------------------------------------
// Writing: N shard databases, each article routed by its id term.

// The shard (0..shards-1) that holds the document with `id_term`:
// fnv1a64(id_term) mod shards. Stable across runs and platforms.
size_t shard_for(const std::string& id_term, size_t shards);

// `count` new generation paths inside the index at `layout` (created empty so
// that the next call does not hand out the same names).
std::vector<std::string> new_shard_paths(const IndexLayout& layout, size_t count);

// The shard count for a new generation: `requested` when > 0, else the live
// index's count (1 when there is no index yet).
size_t target_shard_count(const IndexLayout& layout, size_t requested);

// The live databases an add/sync/delete writes to. Throws IndexError when
// `requested` (> 0) differs from their number: only rebuild reshards.
std::vector<std::string> live_shards_for_update(const IndexLayout& layout, size_t requested);

// Compacts each shard of the index at `db` into a new generation (keeping
// the shard count; one shard: same as compact_index) and switches to them
// atomically. Takes the write lock. Throws IndexError; on failure the live
// index is unchanged.
CompactReport compact_shards(const std::string& db, double wait_seconds);

// Writes to one or more shard databases, each from its own thread. Documents
// added with may_exist=false are queued (bounded queue per shard) and written
// in the background, in the order given, so shards fill in parallel; calls
// that need an answer (may_exist=true, remove) wait for their shard to reach
// them. A failure in a shard thread is rethrown (as IndexError) by the next
// call. Same contract as DatabaseWriter otherwise.
class ShardedWriter {
 public:
  // `fresh` as in DatabaseWriter. `queue_size`: documents waiting per shard.
  ShardedWriter(const std::vector<std::string>& paths, bool fresh, size_t queue_size = 256);
  ~ShardedWriter();
  ShardedWriter(const ShardedWriter&) = delete;
  ShardedWriter& operator=(const ShardedWriter&) = delete;

  UpsertResult upsert(const std::string& id_term, Xapian::Document&& doc, bool may_exist);
  // Spelling data, each word to one shard (a search over the shards sums
  // them): the shards share the work.
  void add_spelling(const SpellingCounts& counts);
  bool remove(const std::string& id_term);
  // Commits every shard (waits for their queues).
  void commit();
  // Commits every shard and, for fresh ones, fsyncs their files.
  void finish();
  // Documents in all shards (waits for the queues).
  Xapian::doccount doccount();
  // All shards as one read-only Database (waits for the queues first).
  Xapian::Database database();
  size_t shard_count() const { return shards_.size(); }

 private:
  class Shard;
  void drain_all();
  std::vector<std::unique_ptr<Shard>> shards_;
};

}  // namespace news

#endif  // NEWS_COMMON_INDEX_SHARDS_H_
