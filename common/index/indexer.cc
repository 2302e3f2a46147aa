#include <sys/statvfs.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <unordered_set>

#include "index/clusters.h"
#include "index/database_writer.h"
#include "index/document_builder.h"
#include "index/indexed_articles.h"
#include "index/maintenance.h"
#include "index/pipeline.h"
#include "index/seen_ids.h"
#include "index/sharded_writer.h"
#include "input/reader.h"
#include "news/article.h"
#include "news/index.h"
#include "schema.h"
#include "store/layout.h"
#include "store/retry.h"
#include "store/write_lock.h"
#include "text/text.h"

namespace news {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Reasons longer than this are cut: a broken 10 MB line must not give a
// 10 MB message.
constexpr size_t kMaxReasonBytes = 300;

std::string cut_reason(const std::string& reason) {
  if (reason.size() <= kMaxReasonBytes) return reason;
  return make_valid_utf8(truncate_utf8(reason, kMaxReasonBytes)) + "...";
}

// How a run writes.
enum class WriteKind {
  kInPlace,        // add/sync into the live databases, committed in batches
  kNewIndex,       // add/sync making the index: published once it has a record
  kNewGeneration,  // rebuild: written unseen, switched to when complete
};

struct WritePlan {
  WriteKind kind = WriteKind::kInPlace;
  std::vector<std::string> paths;  // the databases written, one per shard
  std::vector<std::string> live;   // the live databases at the start, if any

  bool fresh() const { return kind == WriteKind::kNewGeneration; }
  // A database that was empty at the start holds only ids seen in this run.
  bool started_empty() const { return kind != WriteKind::kInPlace; }
};

WritePlan plan_writes(const IndexLayout& layout, IndexMode mode, size_t shards) {
  WritePlan plan;
  if (layout.exists()) plan.live = layout.live_databases();
  if (mode == IndexMode::kRebuild) {
    layout.require_generations("rebuild");
    plan.kind = WriteKind::kNewGeneration;
    plan.paths = new_shard_paths(layout, target_shard_count(layout, shards));
  } else if (!layout.exists()) {
    plan.kind = WriteKind::kNewIndex;
    plan.paths = new_shard_paths(layout, target_shard_count(layout, shards));
  } else {
    plan.paths = live_shards_for_update(layout, shards);
  }
  return plan;
}

// What a sync or rebuild may delete: the ids indexed at the start that no
// source gave this run. Deletions are held back when a source was not read
// completely or a rejected record's id could not be read, since the
// missing stories may be there.
class DeletionLedger {
 public:
  // Notes that `id_term` was read at file:line; returns where it was read
  // before, or nullopt the first time.
  std::optional<std::string> seen(const std::string& id_term, const std::string& file,
                                  size_t line) {
    return seen_.insert(id_term, file, line);
  }
  bool was_seen(const std::string& id_term) const { return seen_.contains(id_term); }

  // The id of a rejected record: its indexed version stays.
  void keep(const std::string& id_term) { kept_.insert(id_term); }
  bool kept(const std::string& id_term) const { return kept_.count(id_term) > 0; }

  // No deletion this run; the first reason given is kept.
  void hold_back(const std::string& reason) {
    if (held_back_.empty()) held_back_ = reason;
  }
  const std::string& held_back() const { return held_back_; }

  // The id terms of `indexed` no source gave and no rejection keeps.
  std::vector<std::string> missing(IndexedArticles& indexed) const {
    return indexed.ids_except(
        [&](const std::string& term) { return was_seen(term) || kept(term); });
  }

 private:
  SeenIds seen_;
  std::unordered_set<std::string> kept_;
  std::string held_back_;
};

std::string percent(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g%%", share * 100);
  return buf;
}

// Throws IndexError when deleting `deleting` of `indexed` stories is more
// than `limit` allows.
void check_deletion_limit(IndexMode mode, size_t deleting, size_t indexed,
                          const DeletionLimit& limit) {
  if (deleting <= limit.allowed(indexed)) return;
  const bool sync = mode == IndexMode::kSync;
  throw IndexError(std::string(sync ? "sync" : "rebuild") + " would delete " +
                   std::to_string(deleting) + " of " + std::to_string(indexed) + " stories (" +
                   percent(static_cast<double>(deleting) / static_cast<double>(indexed)) +
                   "), more than --max-delete " + limit.text() + ": nothing deleted (" +
                   (sync ? "additions and updates are committed" : "the live index is unchanged") +
                   "); check the sources, or allow it with --max-delete " +
                   std::to_string(deleting));
}

// Removes the databases of a plan that were never published.
class UnpublishedGuard {
 public:
  explicit UnpublishedGuard(const WritePlan& plan) : plan_(plan) {}
  ~UnpublishedGuard() {
    if (plan_.kind == WriteKind::kInPlace || published_) return;
    std::error_code ec;
    for (const std::string& path : plan_.paths) std::filesystem::remove_all(path, ec);
  }
  void published() { published_ = true; }

 private:
  const WritePlan& plan_;
  bool published_ = false;
};

// One add/sync/rebuild run. Each record: read -> admit -> pipeline (parsed
// once; not built when its content hash is the indexed one) -> index_built
// (write, count, commit per batch); then a sync deletes, and a rebuild
// leaves out, the ids indexed at the start that no source gave.
class IndexRun {
 public:
  IndexRun(const IndexOptions& options, const WritePlan& plan, const IndexLayout& layout,
           UnpublishedGuard& guard)
      : options_(options),
        plan_(plan),
        layout_(layout),
        guard_(guard),
        writer_(plan.paths, plan.fresh()),
        clusters_(writer_, cluster_threshold(options, plan)),
        pipeline_(pipeline_options(options, plan),
                  [this](BuiltArticle&& built) { index_built(std::move(built)); }) {
    read_options_.on_not_article = [this](const std::string& why) { ++report_.not_articles[why]; };
    if (!plan.live.empty() && plan.kind != WriteKind::kNewIndex) indexed_.emplace(plan.live);
    if (indexed_) indexed_at_start_ = indexed_->doccount();
  }

  IndexReport run() {
    std::vector<SourceFiles> sources = expand_sources();
    if (options_.on_progress) bytes_total_ = input_bytes(sources);
    for (const SourceFiles& source : sources) read_files(source);
    writer_.add_spelling(pipeline_.close());
    SpellingCounts late;
    late_builder_.take_spelling(&late);
    writer_.add_spelling(late);
    if (records_ == 0 && !options_.allow_empty && options_.mode != IndexMode::kAdd) {
      throw IndexError(no_records_message());
    }
    publish_new_index();  // an add of nothing still makes an (empty) index
    if (options_.mode != IndexMode::kAdd) settle_missing();
    if (plan_.fresh()) {
      clusters_.cluster_all();
    } else {
      clusters_.update();
    }
    writer_.finish();
    report_.documents = writer_.doccount();
    return report_;
  }

 private:
  std::vector<SourceFiles> expand_sources() {
    std::vector<SourceFiles> out;
    for (const std::string& source : options_.sources) {
      try {
        out.push_back(expand_source(source));
      } catch (const InputError& e) {
        incomplete(e.location(), e.what());
        continue;
      }
      for (const InputError& e : out.back().unreadable) incomplete(e.location(), e.what());
    }
    return out;
  }

  // Bytes of all input files, or 0 when unknown (stdin, gzip).
  static uint64_t input_bytes(const std::vector<SourceFiles>& sources) {
    uint64_t total = 0;
    for (const SourceFiles& source : sources) {
      for (const std::string& file : source.files) {
        std::error_code ec;
        const uint64_t size = std::filesystem::file_size(file, ec);
        const bool gzip = file.size() > 3 && file.compare(file.size() - 3, 3, ".gz") == 0;
        if (ec || gzip || file == "-") return 0;
        total += size;
      }
    }
    return total;
  }

  void read_files(const SourceFiles& source) {
    for (const std::string& file : source.files) {
      try {
        read_file(
            file, read_options_, [this](Record&& r) { admit(std::move(r)); },
            [this](const InputError& e) { reject_in_order(e.location(), e.what()); });
      } catch (const InputError& e) {
        pipeline_.finish();
        incomplete(e.location(), e.what());
      }
    }
  }

  std::string no_records_message() const {
    std::string sources;
    for (const std::string& s : options_.sources) sources += (sources.empty() ? "" : ", ") + s;
    return "no records in " + sources + ": nothing changed (an empty feed or an unmounted " +
           "folder?); use --allow-empty to " +
           (options_.mode == IndexMode::kSync ? "sync" : "rebuild") + " to an empty index";
  }

  // A source (or part of one) that could not be read to its end: reported
  // as a rejection, and nothing is deleted.
  void incomplete(const std::string& location, const std::string& reason) {
    reject(location, reason);
    report_.incomplete.push_back(Rejection{location, cut_reason(reason)});
    ledger_.hold_back(location + " was not read completely");
  }

  // A rejection found while reading: the records before it (still in the
  // pipeline) are reported first, so rejections come in input order.
  void reject_in_order(const std::string& location, const std::string& reason) {
    pipeline_.finish();
    reject(location, reason);
    id_unknown(location);
  }

  void reject(const std::string& location, const std::string& reason) {
    Rejection r{location, cut_reason(reason)};
    if (options_.on_reject) options_.on_reject(r);
    report_.rejections.push_back(std::move(r));
  }

  void warn(const std::string& text) {
    if (options_.on_warning) options_.on_warning(text);
  }

  // A rebuild's choice, else the one of the rebuild that made the index.
  static double cluster_threshold(const IndexOptions& options, const WritePlan& plan) {
    if (plan.fresh() || plan.live.empty() || options.cluster_threshold > 0) {
      return options.cluster_threshold > 0 ? options.cluster_threshold : kDefaultClusterThreshold;
    }
    return stored_cluster_threshold(plan.live);
  }

  // The workers skip the articles indexed unchanged, except in a rebuild,
  // which writes every article.
  static PipelineOptions pipeline_options(const IndexOptions& options, const WritePlan& plan) {
    PipelineOptions p;
    p.threads = resolve_threads(options.threads);
    if (plan.kind == WriteKind::kInPlace) p.indexed = plan.live;
    return p;
  }

  // read -> pipeline (record_article, unchanged or build) -> index_built
  // (write).
  void admit(Record&& record) {
    ++records_;
    publish_new_index();
    bytes_done_ += record.text.size() + 1;
    pipeline_.push(std::move(record));
    report_progress();
  }

  // A new index is published (empty) with its first record, so that the
  // batches committed before a crash are kept; a sync of sources without
  // records leaves no index behind.
  void publish_new_index() {
    if (plan_.kind != WriteKind::kNewIndex || published_) return;
    writer_.commit();
    for (const std::string& path : plan_.paths) sync_directory_files(path);
    layout_.publish(plan_.paths);
    guard_.published();
    published_ = true;
  }

  // Called by the pipeline in input order, on this thread.
  void index_built(BuiltArticle&& built) {
    if (!built.spelling.empty()) writer_.add_spelling(built.spelling);
    if (built.rejected()) {
      reject(built.reject_location(), built.error);
      if (built.record.unterminated) last_line_cut_off(built.record);
      keep_indexed_version(built);
      return;
    }
    const std::string id_term = schema::id_term(built.id);
    const bool duplicate = note_id(id_term, built.id, built.record);
    if (built.unchanged) {
      if (!duplicate) {
        ++report_.unchanged;
        return;
      }
      // This run wrote another version of the id: the last one wins.
      built.doc = late_builder_.build(*built.article);
    }
    std::string old_cluster;
    const UpsertResult result = writer_.upsert(id_term, std::move(built.doc),
                                               duplicate || !plan_.started_empty(), &old_cluster);
    if (!plan_.fresh() && result != UpsertResult::kUnchanged) {
      clusters_.written(id_term, old_cluster);
    }
    count(duplicate, result);
    after_article();
  }

  void last_line_cut_off(const Record& record) {
    const std::string reason =
        "the last line has no newline and was rejected: the file may be cut off";
    report_.incomplete.push_back(Rejection{record.location(), reason});
    ledger_.hold_back(record.location() + ": " + reason);
    warn(record.location() + ": " + reason);
  }

  // Remembers the id; true (and a warning) when it was seen before.
  bool note_id(const std::string& id_term, const std::string& id, const Record& record) {
    const std::optional<std::string> before = ledger_.seen(id_term, record.file, record.line);
    if (!before) return false;
    warn(record.location() + ": duplicate id '" + id + "' (also at " + *before +
         "); the last one wins");
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
      if (!plan_.fresh()) {
        clusters_.update();  // in the same commit as the stories
        writer_.commit();
      }
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

  // A rejected record keeps the indexed version of its id: a sync does not
  // delete it (it is not "missing from the sources"), a rebuild copies it
  // into the new generation, unless a later record of the id replaces it.
  // A rejected page (dump or HTML) names no id: it comes from the page.
  void keep_indexed_version(const BuiltArticle& built) {
    if (options_.mode == IndexMode::kAdd || built.record.kind != RecordKind::kJson) return;
    if (built.id.empty()) {
      id_unknown(built.reject_location());
      return;
    }
    const std::string id_term = schema::id_term(built.id);
    if (ledger_.was_seen(id_term) || !indexed_ || !indexed_->find_hash(id_term)) return;
    ledger_.keep(id_term);
    warn(built.reject_location() + ": the indexed version of '" + built.id + "' is kept");
  }

  // A rejected record whose id cannot be read may be the new version of any
  // indexed article: nothing is deleted then.
  void id_unknown(const std::string& location) {
    if (options_.mode == IndexMode::kAdd) return;
    ledger_.hold_back("the id of the record rejected at " + location +
                      " cannot be read, so any story missing from the sources may be it");
  }

  // sync: deletes the stories indexed at the start that no source gave; a
  // rebuild copies the kept ones into the new generation and counts the
  // others as deleted. Nothing is deleted when held back or beyond the
  // limit.
  void settle_missing() {
    if (!indexed_) return;
    const std::vector<std::string> missing = ledger_.missing(*indexed_);
    if (plan_.fresh()) copy_kept_stories();
    if (missing.empty()) return;
    if (!ledger_.held_back().empty()) return hold_back_deletions(missing);
    check_deletion_limit(options_.mode, missing.size(), indexed_at_start_, options_.max_delete);
    if (plan_.fresh()) {
      report_.deleted = missing.size();
      return;
    }
    for (const std::string& term : missing) {
      std::string old_cluster;
      if (!writer_.remove(term, &old_cluster)) continue;
      ++report_.deleted;
      clusters_.deleted(old_cluster);
    }
  }

  // rebuild: the indexed versions of rejected records' ids.
  void copy_kept_stories() {
    const std::vector<std::string> kept =
        indexed_->ids_except([&](const std::string& term) { return !ledger_.kept(term); });
    for (const std::string& term : kept) copy_indexed(term);
  }

  void copy_indexed(const std::string& id_term) {
    std::optional<Xapian::Document> doc = indexed_->find(id_term);
    if (doc) writer_.upsert(id_term, std::move(*doc), false);
  }

  void hold_back_deletions(const std::vector<std::string>& missing) {
    report_.deletions_held_back = ledger_.held_back();
    const std::string count = std::to_string(missing.size());
    if (plan_.fresh()) {
      for (const std::string& term : missing) copy_indexed(term);
      report_.kept = missing.size();
      warn("nothing deleted: " + ledger_.held_back() + "; the " + count +
           " stories of the live index the sources did not give are kept as they were");
    } else {
      warn("nothing deleted: " + ledger_.held_back() + "; " + count +
           " stories missing from the sources stay; fix it and sync again");
    }
  }

  const IndexOptions& options_;
  const WritePlan& plan_;
  const IndexLayout& layout_;
  UnpublishedGuard& guard_;
  ShardedWriter writer_;
  Clusters clusters_;
  ReadOptions read_options_;
  IndexReport report_;
  DeletionLedger ledger_;
  DocumentBuilder late_builder_;  // an unchanged record that must be written after all
  // At the start: the live index a rebuild replaces, the target of an add
  // or sync; none for a new index.
  std::optional<IndexedArticles> indexed_;
  size_t indexed_at_start_ = 0;
  size_t records_ = 0;
  bool published_ = false;
  size_t since_commit_ = 0;
  uint64_t bytes_done_ = 0;
  uint64_t bytes_total_ = 0;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_progress_ = Clock::now();
  BuildPipeline pipeline_;  // last: its threads stop before the rest goes
};

}  // namespace

size_t DeletionLimit::allowed(size_t indexed) const {
  if (count >= 0) return static_cast<size_t>(count);
  return static_cast<size_t>(std::floor(share * static_cast<double>(indexed) + 1e-9));
}

std::string DeletionLimit::text() const {
  return count >= 0 ? std::to_string(count) : percent(share);
}

DeletionLimit parse_deletion_limit(const std::string& text) {
  const bool share = !text.empty() && text.back() == '%';
  const std::string number = share ? text.substr(0, text.size() - 1) : text;
  size_t used = 0;
  double value = 0;
  try {
    value = std::stod(number, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  const bool whole = std::floor(value) == value;
  if (number.empty() || used != number.size() || !(value >= 0) ||
      (share ? value > 100 : !whole || value > 1e15)) {
    throw std::invalid_argument("'" + text + "' is neither a number of stories nor a share " +
                                "such as 10%");
  }
  DeletionLimit limit;
  if (share) {
    limit.share = value / 100;
  } else {
    limit.count = static_cast<long long>(value);
  }
  return limit;
}

namespace {

// Xapian's writer keeps the documents not yet flushed in a std::map per
// term; at its default of 10000 walking those maps was a third of indexing
// time. 1000 made a Reuters rebuild 20% faster and its peak RSS 307 -> 87 MB
// (docs/SCALING.md). Read when a database is opened; the user's setting wins.
constexpr const char* kXapianFlushThreshold = "1000";

// The last net of the public entry points: a Xapian::Error that got through
// becomes an IndexError.
template <typename Run>
std::invoke_result_t<Run> xapian_errors_as_index_errors(Run run) {
  try {
    return run();
  } catch (const Xapian::Error& e) {
    throw IndexError(e.get_description());
  }
}

IndexReport run_index_unguarded(const IndexOptions& options) {
  const auto start = Clock::now();
  WriteLock lock(options.db, options.wait_seconds);
  const IndexLayout layout(options.db);
  layout.remove_stale_generations();
  const WritePlan plan = plan_writes(layout, options.mode, options.shards);
  UnpublishedGuard guard(plan);
  IndexReport report;
  {
    IndexRun run(options, plan, layout, guard);
    report = run.run();
  }
  if (plan.kind == WriteKind::kNewGeneration && options.merge) {
    // The shards go with the guard, or as stale generations at the switch.
    const std::string merged = layout.next_generation();
    compact_databases(plan.paths, merged, "cannot merge the new shards of " + options.db);
    layout.publish({merged});
  } else {
    if (plan.kind == WriteKind::kNewGeneration) layout.publish(plan.paths);
    guard.published();
  }
  report.seconds = seconds_since(start);
  return report;
}

struct EscapedErrorContext {
  std::string program;
  std::string db;
};

// The one place process-wide state is unavoidable: std::terminate takes a
// plain function.
EscapedErrorContext& escaped_error_context() {
  static EscapedErrorContext context;
  return context;
}

// The exception being thrown, when the runtime still has it.
std::string describe_current_exception() {
  try {
    if (std::current_exception()) std::rethrow_exception(std::current_exception());
  } catch (const Xapian::Error& e) {
    return e.get_description();
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
  }
  return {};
}

bool filesystem_full(const std::string& dir) {
  struct statvfs fs;
  constexpr unsigned long long kNearlyFull = 1 << 20;
  return ::statvfs(dir.c_str(), &fs) == 0 &&
         static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize < kNearlyFull;
}

[[noreturn]] void end_on_escaped_error() {
  const EscapedErrorContext& context = escaped_error_context();
  std::string cause = describe_current_exception();
  if (cause.empty()) {
    cause = filesystem_full(context.db) ? "No space left on device"
                                        : "a write failed inside Xapian (no error was given)";
  }
  const std::string line =
      context.program + ": cannot write to " + context.db + ": " + cause + "\n";
  IndexLayout(context.db).remove_stale_generations();
  std::fputs(line.c_str(), stderr);
  std::_Exit(2);
}

}  // namespace

void exit_on_escaped_write_error(const std::string& program, const std::string& db) {
  escaped_error_context() = EscapedErrorContext{program, db};
  std::set_terminate(end_on_escaped_error);
}

namespace {

IndexReport delete_unguarded(const std::string& db, const std::vector<std::string>& ids,
                             double wait_seconds) {
  const auto start = Clock::now();
  const IndexLayout layout(db);
  if (!layout.exists()) throw IndexError("no index at " + db);
  WriteLock lock(db, wait_seconds);
  const std::vector<std::string> live = layout.live_databases();
  ShardedWriter writer(live, false);
  Clusters clusters(writer, stored_cluster_threshold(live));
  std::unordered_set<std::string> found;
  IndexReport report;
  for (const std::string& id : ids) {
    std::string old_cluster;
    if (!writer.remove(schema::id_term(id), &old_cluster)) continue;
    found.insert(id);
    clusters.deleted(old_cluster);
  }
  clusters.update();
  writer.finish();
  report.documents = writer.doccount();
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

}  // namespace

IndexReport run_index(const IndexOptions& options) {
  setenv("XAPIAN_FLUSH_THRESHOLD", kXapianFlushThreshold, /*overwrite=*/0);
  return xapian_errors_as_index_errors([&] { return run_index_unguarded(options); });
}

IndexReport delete_articles(const std::string& db, const std::vector<std::string>& ids,
                            double wait_seconds) {
  return xapian_errors_as_index_errors([&] { return delete_unguarded(db, ids, wait_seconds); });
}

}  // namespace news
