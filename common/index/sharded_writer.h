#ifndef NEWS_COMMON_INDEX_SHARDED_WRITER_H_
#define NEWS_COMMON_INDEX_SHARDED_WRITER_H_

// N shard databases, each article routed by its id term.

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "index/database_writer.h"

namespace news {

class IndexLayout;

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

  UpsertResult upsert(const std::string& id_term, Xapian::Document&& doc, bool may_exist,
                      std::string* replaced_cluster = nullptr);
  // Spelling data, each word to one shard (a search over the shards sums
  // them): the shards share the work.
  void add_spelling(const SpellingCounts& counts);
  bool remove(const std::string& id_term, std::string* removed_cluster = nullptr);
  bool set_value(const std::string& id_term, Xapian::valueno slot, const std::string& value);
  // User metadata, on every shard.
  void set_metadata(const std::string& key, const std::string& value);
  // Commits every shard (waits for their queues).
  void commit();
  // Commits every shard and, for fresh ones, fsyncs their files.
  void finish();
  // Documents in all shards (waits for the queues).
  Xapian::doccount doccount();
  // All shards as one read-only Database (waits for the queues first).
  Xapian::Database database();

 private:
  class Shard;
  void drain_all();
  std::vector<std::unique_ptr<Shard>> shards_;
};

}  // namespace news

#endif  // NEWS_COMMON_INDEX_SHARDED_WRITER_H_
