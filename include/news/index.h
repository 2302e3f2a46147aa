#ifndef NEWS_INCLUDE_NEWS_INDEX_H_
#define NEWS_INCLUDE_NEWS_INDEX_H_

// The indexing API: add, sync and rebuild runs, deletions, compaction,
// figures, and cleaning pages without indexing them. Every function throws
// the errors of news/errors.h only.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "news/errors.h"
#include "news/index_dir.h"

namespace news {

enum class IndexMode {
  kAdd,      // add new and changed articles, skip unchanged ones
  kSync,     // kAdd, then delete what the sources no longer contain
  kRebuild,  // build a new generation from the sources, then switch to it
};

// An article (or a whole source) that was not indexed, and why.
struct Rejection {
  std::string location;  // "FILE:LINE" or "FILE"
  std::string reason;
};

struct IndexProgress {
  size_t articles_done = 0;
  double seconds = 0;
  // Input bytes read so far and in all (0 = unknown: stdin or gzip input),
  // for an ETA.
  uint64_t bytes_done = 0;
  uint64_t bytes_total = 0;
};

// The most a sync or rebuild may delete (rsync's --max-delete): a number of
// stories, or a share of the stories indexed when the run starts.
struct DeletionLimit {
  double share = 0.10;  // used when `count` is negative
  long long count = -1;

  // The number of deletions allowed in an index of `indexed` stories.
  size_t allowed(size_t indexed) const;
  // "10%" or "50", as the option is written.
  std::string text() const;
};

// Parses "N" (stories) or "P%" (a share, 0-100). Throws
// std::invalid_argument for anything else.
DeletionLimit parse_deletion_limit(const std::string& text);

struct IndexOptions {
  std::string db;                    // the index directory (IndexLayout)
  std::vector<std::string> sources;  // files, directories, "-" for stdin
  IndexMode mode = IndexMode::kAdd;
  // Articles per commit (add, sync): a crash loses at most this much work;
  // what was committed before stays. A rebuild commits once, at the end.
  size_t batch_size = 10000;
  // Seconds to wait for another writer's lock; 0 fails at once.
  double wait_seconds = 0;
  // Threads parsing, cleaning and building documents (index/pipeline.h);
  // 0 = one per core. Output is the same whatever the number.
  size_t threads = 0;
  // Shard databases for a rebuild or a new index (index/sharded_writer.h); 0 = keep
  // the live index's count (1 for a new index). add/sync keep the layout.
  size_t shards = 0;
  // rebuild: the new generation is compacted into one database before the
  // switch (its shards, written in parallel, merged), as `compact --merge`.
  bool merge = false;
  // sync, rebuild: sources with no record at all are an error (an empty
  // feed, an unmounted folder) unless this is set.
  bool allow_empty = false;
  // sync, rebuild: deleting more than this is an error and nothing goes.
  DeletionLimit max_delete;
  // rebuild: the Jaccard resemblance of word 5-shingles at or above which
  // two stories are copies (near-duplicate clusters, docs/OPERATIONS.md);
  // 0: the index's own (0.8 for a new one). add and sync keep the index's.
  double cluster_threshold = 0;
  // Called for each rejection as it happens (e.g. to print it).
  std::function<void(const Rejection&)> on_reject;
  // Called for notices that are not rejections (duplicate ids).
  std::function<void(const std::string&)> on_warning;
  // Called about once a second while articles are processed.
  std::function<void(const IndexProgress&)> on_progress;
};

struct IndexReport {
  size_t added = 0;
  size_t updated = 0;    // replaced because their content changed
  size_t unchanged = 0;  // skipped: same content hash as indexed
  // Removed: by delete or sync; by rebuild, the stories of the live index
  // its switch left out.
  size_t deleted = 0;
  size_t duplicates = 0;  // ids seen twice in the input (last one wins)
  // rebuild: stories of the live index copied as they were, since sources
  // that were not read completely may hold them.
  size_t kept = 0;
  // WARC records that are not articles (request, metadata, revisit,
  // non-HTML or non-200 responses), skipped without an error, by reason.
  std::map<std::string, size_t> not_articles;
  std::vector<Rejection> rejections;
  // Sources not read completely (also in `rejections`, but for a last line
  // cut off): a sync or rebuild deletes nothing then.
  std::vector<Rejection> incomplete;
  // Why this run deleted nothing though it would have ("" = it did not
  // hold back).
  std::string deletions_held_back;
  double seconds = 0;
  size_t documents = 0;  // documents in the index afterwards

  size_t processed() const { return added + updated + unchanged + duplicates; }
};

// Runs add, sync or rebuild. Rejected articles are reported and skipped;
// everything else is committed. Unchanged articles (same content hash as
// indexed) are skipped without building their document. A new index is
// published (empty) before the first article, so that committed batches
// survive a crash. A source that cannot be read completely (missing,
// unreadable, a folder or symlink below it, a damaged gzip, a last line cut
// off) is reported and the rest indexed, but then a sync deletes nothing
// and a rebuild keeps the live stories the sources did not give. Throws
// IndexError for fatal problems, leaving the last committed state (for
// rebuild: the previous generation) live: the lock held, I/O errors or a
// full disk, sources without any record (unless allow_empty), deletions
// beyond max_delete (nothing is deleted; a sync's additions stay).
IndexReport run_index(const IndexOptions& options);

// Deletes articles by id; each id not in the index is reported as a
// rejection (location: the id).
// Throws IndexError like run_index.
IndexReport delete_articles(const std::string& db, const std::vector<std::string>& ids,
                            double wait_seconds);

// Xapian 1.4's glass backend lets a write error escape a destructor when a
// disk fills during a commit (ValueUpdater::write_tag), which ends the
// process in std::terminate. After this call such an end prints one line
// "PROGRAM: cannot write to DB: ..." on stderr, removes the generations of
// `db` no stub names (the new generation the run was writing: this process
// holds the write lock) and exits with code 2.
void exit_on_escaped_write_error(const std::string& program, const std::string& db);

struct CompactReport {
  uint64_t bytes_before = 0;
  uint64_t bytes_after = 0;
  double seconds = 0;
};

// Compacts the live databases of the index at `db` into a new generation
// and switches to it atomically (readers keep the old one until they
// reopen): with `merge`, all shards into one database, else each shard into
// one of its own. Takes the write lock (waiting up to `wait_seconds`).
// Throws IndexError; on failure the live index is unchanged and nothing of
// the run is left behind.
CompactReport compact(const std::string& db, double wait_seconds, bool merge);

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

// Reads figures of the index at `db`. Throws IndexError when there is none
// or it cannot be read.
IndexStats read_stats(const std::string& db);

// What `news-index clean` does with pages, without indexing them.
struct CleanRequest {
  std::vector<std::string> files;  // page dumps, HTML pages, WARC files
  // Page dumps: after each article, the candidate lines the cleaner scored
  // for each field and why the winner won (text), or every candidate and its
  // features (JSON, one object a line).
  bool explain = false;
  bool explain_json = false;
  std::string weights_file;  // page dumps scored with these weights ("": the fitted ones)
};

struct CleanReport {
  size_t articles = 0;
  std::vector<Rejection> rejections;  // pages that are not articles, unreadable files
  size_t not_articles = 0;            // WARC records skipped (not HTML responses)
};

// Cleans every page of request.files and writes each article to `out` as
// one JSON line (with its explanation when asked); `on_reject` is called for
// each rejection as it happens. Throws InputError for a weights file that
// cannot be read.
CleanReport clean_files(const CleanRequest& request, std::ostream& out,
                        const std::function<void(const Rejection&)>& on_reject);

}  // namespace news

#endif  // NEWS_INCLUDE_NEWS_INDEX_H_
