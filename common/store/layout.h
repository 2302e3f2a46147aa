#ifndef NEWS_COMMON_STORE_LAYOUT_H_
#define NEWS_COMMON_STORE_LAYOUT_H_

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "news/errors.h"

namespace news {

// The on-disk layout of an index at `--db DIR`:
//
//   DIR/XAPIANDB        Xapian stub file naming the live generation's
//                       database(s), e.g. "glass gen-000003"; readers open DIR.
//                       A comment line "# previous gen-000002" names the
//                       generation it replaced.
//   DIR/gen-NNNNNN/     one generation (a glass database)
//   DIR/shard-N         of a sharded index, a stub naming shard N's live
//                       database (N from 1): a stable name for each shard,
//                       which xapian-replicate follows across rebuilds
//   DIR/write.lock      held by the one writer (see WriteLock)
//
// Exactly one previous generation is kept after a switch: a reader that read
// the stub just before the switch can still open the tables it names, and a
// searcher already running keeps its open files anyway. It is removed by the
// next switch (or the next writing run's housekeeping if it is no longer
// named as previous).
//
// A DIR that is itself a plain Xapian database (made by another tool) is
// used in place, without generations.
class IndexLayout {
 public:
  explicit IndexLayout(std::string root);

  const std::string& root() const { return root_; }

  // True when DIR holds a live index (stub or plain database).
  bool exists() const;

  // Paths of the live databases (one per shard), empty when none.
  std::vector<std::string> live_databases() const;

  // A new, empty generation directory path beside the live one (not created).
  std::string next_generation() const;

  // Paths of the generation(s) the live one replaced (kept for readers that
  // opened them just before the switch), empty when none.
  std::vector<std::string> previous_databases() const;

  // Atomically makes `databases` (inside root, already durable) the live
  // index: writes the stub to a temporary file, fsyncs it, renames it over
  // DIR/XAPIANDB and fsyncs DIR; with several databases, DIR/shard-N name
  // each one first (and those beyond their number go). The generations live
  // until then are kept as "previous"; older ones are removed. Throws
  // IndexError.
  void publish(const std::vector<std::string>& databases) const;

  // Removes generation directories that are neither live nor previous (e.g.
  // left by a crashed rebuild). Errors are ignored: this is housekeeping.
  // Call only while holding the write lock.
  void remove_stale_generations() const;

  // Throws IndexError when DIR is a plain database, which `what` (a command
  // that switches generations) cannot handle.
  void require_generations(const std::string& what) const;

  std::string stub_path() const { return root_ + "/XAPIANDB"; }
  std::string lock_path() const { return root_ + "/write.lock"; }

 private:
  bool is_plain_database() const;
  void replace_durably(const std::string& path, const std::string& content) const;
  void publish_shard_stubs(const std::vector<std::string>& databases) const;
  void remove_shard_stubs_from(size_t first) const;
  std::string shard_stub_path(size_t n) const;
  // The stub's "glass NAME" lines (live) or "# previous NAME" lines.
  std::vector<std::string> stub_entries(bool previous) const;
  std::string root_;
};

// fsyncs the regular files directly inside `dir` and `dir` itself, so that
// a database written with DB_NO_SYNC (or by compaction) is durable before it
// is published. Throws IndexError when a file cannot be synced.
void sync_directory_files(const std::string& dir);

// Total size of the regular files below `dir` (0 when it does not exist).
uint64_t directory_bytes(const std::string& dir);

}  // namespace news

#endif  // NEWS_COMMON_STORE_LAYOUT_H_
