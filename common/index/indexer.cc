#include "index/indexer.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <type_traits>
#include <unordered_set>

#include "article.h"
#include "clean/cleaner.h"
#include "index/database_writer.h"
#include "index/document_builder.h"
#include "index/layout.h"
#include "index/maintenance.h"
#include "index/pipeline.h"
#include "index/seen_ids.h"
#include "index/shards.h"
#include "index/write_lock.h"
#include "input/reader.h"
#include "schema.h"

namespace news {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Where the articles of one run go, and how to make them live.
struct Target {
  std::vector<std::string> paths;  // one database per shard
  // A rebuild's hidden generation: unsynced in-place writes (DB_DANGEROUS:
  // smaller and faster, and safe since nobody reads it), no batch commits,
  // published at the end.
  bool fresh = false;
  bool publish = false;  // publish `paths` as the live index at the end
  // A brand-new index (add, sync): published empty at the start, so that
  // the batches committed before a crash are kept.
  bool publish_first = false;
  // A rebuild: the live databases it replaces, where the indexed version of
  // a rejected record is found.
  std::vector<std::string> previous = {};
};

Target choose_target(const IndexLayout& layout, IndexMode mode, size_t shards) {
  if (mode == IndexMode::kRebuild) {
    layout.require_generations("rebuild");
    return Target{new_shard_paths(layout, target_shard_count(layout, shards)), true, true, false,
                  layout.exists() ? layout.live_databases() : std::vector<std::string>{}};
  }
  if (!layout.exists()) {
    return Target{new_shard_paths(layout, target_shard_count(layout, shards)), false, false, true};
  }
  return Target{live_shards_for_update(layout, shards), false, false};
}

// The articles indexed when the run started (a read-only snapshot): their
// content hashes, so that unchanged articles are skipped before being
// built, and their documents, for the rejected records whose indexed
// version is kept. An id this run has not written yet still has its
// starting state, whatever the writer committed since.
class IndexedArticles {
 public:
  explicit IndexedArticles(const std::vector<std::string>& paths) {
    try {
      for (const std::string& path : paths) db_.add_database(Xapian::Database(path));
    } catch (const Xapian::Error& e) {
      throw IndexError("cannot read " + paths.front() + ": " + e.get_description());
    }
  }

  // The document with `id_term`, nullopt when it is not indexed. It is
  // read lazily: its contents only from a database nobody writes meanwhile.
  std::optional<Xapian::Document> find(const std::string& id_term) {
    return with_retries([&] { return document(id_term); });
  }

  // The content hash stored with `id_term`, nullopt when it is not indexed.
  std::optional<std::string> find_hash(const std::string& id_term) {
    return with_retries([&]() -> std::optional<std::string> {
      const std::optional<Xapian::Document> doc = document(id_term);
      if (!doc) return std::nullopt;
      return doc->get_value(schema::kHashSlot);
    });
  }

 private:
  std::optional<Xapian::Document> document(const std::string& id_term) {
    Xapian::PostingIterator it = db_.postlist_begin(id_term);
    if (it == db_.postlist_end(id_term)) return std::nullopt;
    return db_.get_document(*it, Xapian::DOC_ASSUME_VALID);
  }

  // The writer may commit under the snapshot: reopen and read again.
  template <typename Read>
  std::invoke_result_t<Read> with_retries(Read read) {
    for (int attempt = 1;; ++attempt) {
      try {
        return read();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == 3) throw IndexError("index changed under the writer");
        db_.reopen();
      } catch (const Xapian::Error& e) {
        throw IndexError("cannot read the index: " + e.get_description());
      }
    }
  }

  Xapian::Database db_;
};

// Bytes of all input files, or 0 when unknown (stdin, gzip, missing path).
uint64_t input_bytes(const std::vector<std::string>& sources) {
  uint64_t total = 0;
  try {
    for (const std::string& source : sources) {
      for (const std::string& file : expand_source(source)) {
        std::error_code ec;
        const uint64_t size = std::filesystem::file_size(file, ec);
        const bool gzip = file.size() > 3 && file.compare(file.size() - 3, 3, ".gz") == 0;
        if (ec || gzip || file == "-") return 0;
        total += size;
      }
    }
  } catch (const InputError&) {
    return 0;
  }
  return total;
}

// One add/sync/rebuild run. Each record: read -> admit (skipped when its
// content hash is the indexed one) -> pipeline (to_article -> build) ->
// index_built (write, count, commit per batch); sync then deletes the ids
// not seen.
class IndexRun {
 public:
  IndexRun(const IndexOptions& options, const Target& target)
      : options_(options),
        target_(target),
        writer_(target.paths, target.fresh),
        pipeline_(PipelineOptions{resolve_threads(options.threads)},
                  [this](BuiltArticle&& built) { index_built(std::move(built)); }) {
    read_options_.on_not_article = [this](const std::string& why) { ++report_.not_articles[why]; };
    if (!target.previous.empty()) {
      indexed_.emplace(target.previous);
    } else if (!target.fresh && !target.publish_first && writer_.doccount() > 0) {
      indexed_.emplace(target.paths);
    }
  }

  // Commits and fsyncs the databases as they are, so they can be published.
  void make_durable() {
    writer_.commit();
    for (const std::string& path : target_.paths) sync_directory_files(path);
  }

  IndexReport run() {
    if (options_.on_progress) bytes_total_ = input_bytes(options_.sources);
    for (const std::string& source : options_.sources) read_source(source);
    writer_.add_spelling(pipeline_.close());
    if (options_.mode == IndexMode::kSync) delete_missing_unless_held_back();
    writer_.finish();
    report_.documents = writer_.doccount();
    return report_;
  }

 private:
  bool sources_must_be_complete() const { return options_.mode != IndexMode::kAdd; }

  void read_source(const std::string& source) {
    std::vector<std::string> files;
    try {
      files = expand_source(source);
    } catch (const InputError& e) {
      input_failed(e);
      return;
    }
    for (const std::string& file : files) {
      try {
        read_file(
            file, read_options_, [this](Record&& r) { admit(std::move(r)); },
            [this](const InputError& e) { reject_in_order(e.location(), e.what()); });
      } catch (const InputError& e) {
        input_failed(e);
      }
    }
  }

  void input_failed(const InputError& e) {
    if (sources_must_be_complete()) {
      throw IndexError(e.location() + ": " + e.what() +
                       (options_.mode == IndexMode::kRebuild
                            ? " (rebuild abandoned; the live index is unchanged)"
                            : " (sync abandoned before deleting anything)"));
    }
    reject_in_order(e.location(), e.what());
  }

  // A rejection found while reading: the records before it (still in the
  // pipeline) are reported first, so rejections come in input order.
  void reject_in_order(const std::string& location, const std::string& reason) {
    pipeline_.finish();
    reject(location, reason);
    id_unknown(location);
  }

  void reject(const std::string& location, const std::string& reason) {
    Rejection r{location, reason};
    if (options_.on_reject) options_.on_reject(r);
    report_.rejections.push_back(std::move(r));
  }

  // read -> (skip when unchanged) -> pipeline (to_article -> build) ->
  // index_built (write).
  void admit(Record&& record) {
    bytes_done_ += record.text.size() + 1;
    if (!unchanged(record)) pipeline_.push(std::move(record));
    report_progress();
  }

  // True (and counted) when the record's article is indexed with the same
  // content hash: it is not rebuilt. Only the first record of an id can be
  // skipped; later ones go through the pipeline (the last one wins).
  bool unchanged(const Record& record) {
    if (!indexed_ || target_.fresh) return false;  // a rebuild writes every article
    Article article;
    try {
      article = record_article(record, record.text);
    } catch (const ArticleError&) {
      return false;  // the pipeline rejects it
    }
    const std::string id_term = schema::id_term(article.id);
    if (!admitted_.insert(id_term).second) return false;
    const std::optional<std::string> hash = indexed_->find_hash(id_term);
    if (!hash || *hash != content_hash(article)) return false;
    seen_.insert(id_term, record.file, record.line);
    ++report_.unchanged;
    return true;
  }

  // Called by the pipeline in input order, on this thread.
  void index_built(BuiltArticle&& built) {
    if (!built.spelling.empty()) writer_.add_spelling(built.spelling);
    if (built.rejected()) {
      reject(built.reject_location(), built.error);
      keep_indexed_version(built);
      return;
    }
    const std::string id_term = schema::id_term(built.id);
    const bool duplicate = note_id(id_term, built.id, built.record);
    // A database that was empty at the start holds only ids seen in this run.
    const bool started_empty = target_.fresh || target_.publish_first;
    const UpsertResult result =
        writer_.upsert(id_term, std::move(built.doc), duplicate || !started_empty);
    count(duplicate, result);
    after_article();
  }

  // Remembers the id; true (and a warning) when it was seen before.
  bool note_id(const std::string& id_term, const std::string& id, const Record& record) {
    const std::optional<std::string> before = seen_.insert(id_term, record.file, record.line);
    if (!before) return false;
    if (options_.on_warning) {
      options_.on_warning(record.location() + ": duplicate id '" + id + "' (also at " + *before +
                          "); the last one wins");
    }
    return true;
  }

  void count(bool duplicate, UpsertResult result) {
    if (duplicate) {
      ++report_.duplicates;
      return;
    }
    switch (result) {
      case UpsertResult::kAdded:
        ++report_.added;
        break;
      case UpsertResult::kUpdated:
        ++report_.updated;
        break;
      case UpsertResult::kUnchanged:
        ++report_.unchanged;
        break;
    }
  }

  void after_article() {
    if (++since_commit_ >= options_.batch_size) {
      // A fresh generation is invisible until published: no need to commit.
      if (!target_.fresh) writer_.commit();
      since_commit_ = 0;
    }
  }

  void report_progress() {
    if (options_.on_progress && seconds_since(last_progress_) >= 1.0) {
      last_progress_ = Clock::now();
      options_.on_progress(
          IndexProgress{report_.processed(), seconds_since(start_), bytes_done_, bytes_total_});
    }
  }

  // A rejected record keeps the indexed version of its id, unless this run
  // has one already: a sync does not delete it (it is not "missing from the
  // sources"), a rebuild copies it into the new generation. A page's id
  // comes from its text, so a rejected page cannot name an indexed one.
  void keep_indexed_version(const BuiltArticle& built) {
    // A page (dump or HTML) that is not an article names no id to keep.
    if (options_.mode == IndexMode::kAdd || built.record.kind == RecordKind::kPage ||
        built.record.kind == RecordKind::kHtml) {
      return;
    }
    if (built.id.empty()) {
      id_unknown(built.reject_location());
      return;
    }
    const std::string id_term = schema::id_term(built.id);
    if (seen_.contains(id_term) || !indexed_) return;
    std::optional<Xapian::Document> doc = indexed_->find(id_term);
    if (!doc) return;
    if (options_.mode == IndexMode::kSync) {
      kept_.insert(id_term);
    } else {
      // Seen, so that a later record of the id replaces it (the last wins).
      seen_.insert(id_term, built.record.file, built.record.line);
      writer_.upsert(id_term, std::move(*doc), false);
    }
    if (options_.on_warning) {
      options_.on_warning(built.reject_location() + ": the indexed version of '" + built.id +
                          "' is kept");
    }
  }

  // A rejected record whose id cannot be read may be the new version of any
  // indexed article: a sync then deletes nothing.
  void id_unknown(const std::string& location) {
    if (options_.mode == IndexMode::kSync && id_unknown_at_.empty()) id_unknown_at_ = location;
  }

  void delete_missing_unless_held_back() {
    if (id_unknown_at_.empty()) {
      delete_missing();
    } else if (options_.on_warning) {
      options_.on_warning("nothing deleted: the id of the record rejected at " + id_unknown_at_ +
                          " cannot be read, so any article missing from the sources may be it;"
                          " fix it and sync again");
    }
  }

  void delete_missing() {
    std::vector<std::string> missing;
    const Xapian::Database db = writer_.database();
    for (auto it = db.allterms_begin(schema::kIdPrefix); it != db.allterms_end(schema::kIdPrefix);
         ++it) {
      if (!seen_.contains(*it) && kept_.count(*it) == 0) missing.push_back(*it);
    }
    for (const std::string& term : missing) {
      if (writer_.remove(term)) ++report_.deleted;
    }
  }

  const IndexOptions& options_;
  Target target_;
  ShardedWriter writer_;
  ReadOptions read_options_;
  IndexReport report_;
  SeenIds seen_;
  // At the start: the live index a rebuild replaces, the target of an add
  // or sync; none for a new index.
  std::optional<IndexedArticles> indexed_;
  std::unordered_set<std::string> admitted_;  // id terms checked by unchanged()
  std::unordered_set<std::string> kept_;      // sync: id terms of rejected records
  std::string id_unknown_at_;  // sync: where a rejected record's id could not be read
  size_t since_commit_ = 0;
  uint64_t bytes_done_ = 0;
  uint64_t bytes_total_ = 0;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_progress_ = Clock::now();
  BuildPipeline pipeline_;  // last: its threads stop before the rest goes
};

// Removes a fresh generation unless it was published.
class GenerationGuard {
 public:
  explicit GenerationGuard(const Target& t) : target_(t) {}
  ~GenerationGuard() {
    if ((target_.fresh || target_.publish_first) && !published_) {
      std::error_code ec;
      for (const std::string& path : target_.paths) std::filesystem::remove_all(path, ec);
    }
  }
  void published() { published_ = true; }

 private:
  const Target& target_;
  bool published_ = false;
};

}  // namespace

IndexReport run_index(const IndexOptions& options) {
  const auto start = Clock::now();
  WriteLock lock(options.db, options.wait_seconds);
  const IndexLayout layout(options.db);
  layout.remove_stale_generations();
  const Target target = choose_target(layout, options.mode, options.shards);
  GenerationGuard guard(target);
  IndexReport report;
  {
    IndexRun run(options, target);
    if (target.publish_first) {
      run.make_durable();
      layout.publish(target.paths);
      guard.published();
    }
    report = run.run();
  }
  if (target.publish && options.merge) {
    // The shards go with the guard, or as stale generations at the switch.
    const std::string merged = layout.next_generation();
    compact_databases(target.paths, merged, "cannot merge the new shards of " + options.db);
    layout.publish({merged});
  } else {
    if (target.publish) layout.publish(target.paths);
    guard.published();
  }
  report.seconds = seconds_since(start);
  return report;
}

IndexReport delete_articles(const std::string& db, const std::vector<std::string>& ids,
                            double wait_seconds) {
  const auto start = Clock::now();
  const IndexLayout layout(db);
  if (!layout.exists()) throw IndexError("no index at " + db);
  WriteLock lock(db, wait_seconds);
  std::unordered_set<std::string> found;
  IndexReport report;
  for (const std::string& path : layout.live_databases()) {
    DatabaseWriter writer(path, false);
    for (const std::string& id : ids) {
      if (writer.remove(schema::id_term(id))) found.insert(id);
    }
    writer.finish();
    report.documents += writer.doccount();
  }
  report.deleted = found.size();
  std::unordered_set<std::string> reported;
  for (const std::string& id : ids) {
    if (found.count(id) == 0 && reported.insert(id).second) {
      report.rejections.push_back(Rejection{id, "no article with this id in the index"});
    }
  }
  report.seconds = seconds_since(start);
  return report;
}

}  // namespace news
