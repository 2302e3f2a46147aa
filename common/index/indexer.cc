#include "index/indexer.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "article.h"
#include "clean/cleaner.h"
#include "index/database_writer.h"
#include "index/document_builder.h"
#include "index/layout.h"
#include "index/write_lock.h"
#include "input/reader.h"
#include "schema.h"

namespace news {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

Article to_article(const Record& record) {
  if (record.kind == RecordKind::kPage) return clean_page(record.text, record.file);
  return article_from_json(record.text);
}

// Where the articles of one run go, and how to make them live at the end.
struct Target {
  std::string path;
  bool fresh = false;    // a new generation, published when finished
  bool publish = false;  // publish `path` as the live index at the end
};

Target choose_target(const IndexLayout& layout, IndexMode mode) {
  if (mode == IndexMode::kRebuild) layout.require_generations("rebuild");
  if (mode == IndexMode::kRebuild || !layout.exists()) {
    return Target{layout.next_generation(), true, true};
  }
  const std::vector<std::string> live = layout.live_databases();
  if (live.size() != 1) {
    throw IndexError(layout.root() + ": a sharded index can only be rebuilt");
  }
  return Target{live.front(), false, false};
}

// One add/sync/rebuild run: reads the sources, writes, counts.
class IndexRun {
 public:
  IndexRun(const IndexOptions& options, const Target& target)
      : options_(options), target_(target), writer_(target.path, target.fresh) {}

  IndexReport run() {
    for (const std::string& source : options_.sources) read_source(source);
    if (options_.mode == IndexMode::kSync) delete_missing();
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
        read_file(file, read_options_, [this](Record&& r) { index_record(r); },
                  [this](const InputError& e) { reject(e.location(), e.what()); });
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
    reject(e.location(), e.what());
  }

  void reject(const std::string& location, const std::string& reason) {
    Rejection r{location, reason};
    if (options_.on_reject) options_.on_reject(r);
    report_.rejections.push_back(std::move(r));
  }

  void index_record(const Record& record) {
    Article article;
    Xapian::Document doc;
    try {
      article = to_article(record);
      doc = builder_.build(article);
    } catch (const ArticleError& e) {
      reject(record.kind == RecordKind::kPage ? record.file : record.location(), e.what());
      return;
    }
    const std::string id_term = schema::id_term(article.id);
    const bool duplicate = note_id(id_term, article.id, record);
    const UpsertResult result =
        writer_.upsert(id_term, std::move(doc), duplicate || !target_.fresh);
    count(duplicate, result);
    after_article();
  }

  // Remembers the id; true (and a warning) when it was seen before.
  bool note_id(const std::string& id_term, const std::string& id, const Record& record) {
    const auto [it, inserted] = seen_.emplace(id_term, record.location());
    if (inserted) return false;
    if (options_.on_warning) {
      options_.on_warning(record.location() + ": duplicate id '" + id + "' (also at " +
                          it->second + "); the last one wins");
    }
    it->second = record.location();
    return true;
  }

  void count(bool duplicate, UpsertResult result) {
    if (duplicate) {
      ++report_.duplicates;
      return;
    }
    switch (result) {
      case UpsertResult::kAdded: ++report_.added; break;
      case UpsertResult::kUpdated: ++report_.updated; break;
      case UpsertResult::kUnchanged: ++report_.unchanged; break;
    }
  }

  void after_article() {
    if (++since_commit_ >= options_.batch_size) {
      // A fresh generation is invisible until published: no need to commit.
      if (!target_.fresh) writer_.commit();
      since_commit_ = 0;
    }
    if (options_.on_progress && seconds_since(last_progress_) >= 1.0) {
      last_progress_ = Clock::now();
      options_.on_progress(IndexProgress{report_.processed(), seconds_since(start_)});
    }
  }

  void delete_missing() {
    std::vector<std::string> missing;
    const Xapian::WritableDatabase& db = writer_.database();
    for (auto it = db.allterms_begin(schema::kIdPrefix); it != db.allterms_end(schema::kIdPrefix);
         ++it) {
      if (seen_.count(*it) == 0) missing.push_back(*it);
    }
    for (const std::string& term : missing) {
      if (writer_.remove(term)) ++report_.deleted;
    }
  }

  const IndexOptions& options_;
  Target target_;
  DatabaseWriter writer_;
  DocumentBuilder builder_;
  ReadOptions read_options_;
  IndexReport report_;
  std::unordered_map<std::string, std::string> seen_;  // id term -> location
  size_t since_commit_ = 0;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_progress_ = Clock::now();
};

// Removes a fresh generation unless it was published.
class GenerationGuard {
 public:
  explicit GenerationGuard(const Target& t) : target_(t) {}
  ~GenerationGuard() {
    if (target_.fresh && !published_) {
      std::error_code ec;
      std::filesystem::remove_all(target_.path, ec);
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
  const Target target = choose_target(layout, options.mode);
  GenerationGuard guard(target);
  IndexReport report;
  {
    IndexRun run(options, target);
    report = run.run();
  }
  if (target.publish) layout.publish({target.path});
  guard.published();
  report.seconds = seconds_since(start);
  return report;
}

IndexReport delete_articles(const std::string& db, const std::vector<std::string>& ids,
                            double wait_seconds) {
  const auto start = Clock::now();
  WriteLock lock(db, wait_seconds);
  const IndexLayout layout(db);
  if (!layout.exists()) throw IndexError("no index at " + db);
  const std::vector<std::string> live = layout.live_databases();
  IndexReport report;
  for (const std::string& path : live) {
    DatabaseWriter writer(path, false);
    for (const std::string& id : ids) {
      if (writer.remove(schema::id_term(id))) ++report.deleted;
    }
    writer.finish();
    report.documents += writer.doccount();
  }
  if (report.deleted < ids.size()) {
    report.rejections.push_back(Rejection{db, std::to_string(ids.size() - report.deleted) +
                                                  " of the ids were not in the index"});
  }
  report.seconds = seconds_since(start);
  return report;
}

}  // namespace news
