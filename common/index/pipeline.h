#ifndef NEWS_COMMON_INDEX_PIPELINE_H_
#define NEWS_COMMON_INDEX_PIPELINE_H_

#include <xapian.h>

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "index/document_builder.h"
#include "index/indexed_articles.h"
#include "input/reader.h"
#include "util/work_queue.h"

namespace news {

// The article of a record whose text is `text`: a JSON line read, a raw
// page cleaned (clean_page; binary data is not a page), or an HTML page or
// WARC response cleaned (clean_html, with the record's URL, Content-Type
// and fetch date). Throws ArticleError (and, for input the parser cannot
// take, other std::exceptions).
Article record_article(const Record& record, const std::string& text);

// A record turned into a document (or rejected, or found unchanged), as the
// writer needs it.
struct BuiltArticle {
  Record record;  // where it came from; `text` is emptied
  // The article id; of a rejected JSON record, the id it names when one can
  // be read (rejected_record_id), else "".
  std::string id;
  Xapian::Document doc;  // the document (when neither rejected nor unchanged)
  // Indexed with the same content hash when the run started: not built.
  // The article is kept, for the writer to build after all when this run
  // wrote another version of the id before (the last one wins).
  bool unchanged = false;
  std::optional<Article> article;
  // Spelling counts of this and earlier documents of the same builder, sent
  // every kSpellingBatch documents (empty otherwise), also with rejections.
  SpellingCounts spelling;
  std::string error;  // why it was rejected ("" = fine)
  bool rejected() const { return !error.empty(); }
  // "FILE" for a page dump, "FILE@OFFSET" for a WARC record, else
  // "FILE:LINE": where a rejection points.
  std::string reject_location() const;
};

// Parses (JSON or raw page, cleaned), each record once, and builds its
// Xapian document unless the article is indexed unchanged in `indexed`
// (the live databases when the run started; none: build every one). Any
// error from the record becomes a rejection; an index that cannot be read
// throws IndexError. One per thread: its DocumentBuilder's TermGenerator
// and its snapshot of the index are not thread-safe.
class ArticleBuildStage {
 public:
  static constexpr size_t kSpellingBatch = 500;
  explicit ArticleBuildStage(const std::vector<std::string>& indexed = {});
  BuiltArticle build(Record&& record);
  // The spelling counts not yet sent with a BuiltArticle.
  void take_spelling(SpellingCounts* counts) const { builder_.take_spelling(counts); }

 private:
  static void reject(BuiltArticle& out, const std::string& text, const std::string& reason);
  // True when `article` is indexed with its content hash in the snapshot.
  bool indexed_unchanged(const Article& article);
  void build_document(const Article& article, const std::string& text, BuiltArticle& out);
  void count_for_spelling(BuiltArticle& out);
  DocumentBuilder builder_;
  std::optional<IndexedArticles> indexed_;
  size_t built_since_spelling_ = 0;
};

// `requested` threads, or the number of cores when 0.
size_t resolve_threads(size_t requested);

struct PipelineOptions {
  // Worker threads building documents; 0 or 1 builds on the calling thread
  // (no threads at all).
  size_t threads = 1;
  // Records in flight (queued, being built, or built and waiting for their
  // turn) at most; bounds memory whatever the input size. 0: 64 per thread.
  size_t max_in_flight = 0;
  // The live databases an unchanged article is recognised in (ArticleBuildStage).
  std::vector<std::string> indexed;
};

// Builds documents in worker threads and hands them to `sink` on the
// calling thread in input order, so the output is the same whatever the
// number of threads. Exceptions thrown by `sink` propagate out of push() or
// finish(); the pipeline can then only be destroyed.
class BuildPipeline {
 public:
  using Sink = std::function<void(BuiltArticle&&)>;
  BuildPipeline(const PipelineOptions& options, Sink sink);
  ~BuildPipeline();
  BuildPipeline(const BuildPipeline&) = delete;
  BuildPipeline& operator=(const BuildPipeline&) = delete;

  // Queues a record; blocks while max_in_flight records are in flight, and
  // meanwhile delivers finished ones to the sink.
  void push(Record&& record);

  // Delivers everything pushed so far; returns when the sink has seen it all.
  void finish();

  // Delivers everything, stops the workers and returns the spelling counts
  // they had not sent yet. No record may be pushed afterwards.
  SpellingCounts close();

 private:
  void work();
  void stop_workers(bool drop_queued);
  void deliver_ready(std::unique_lock<std::mutex>& lock, bool wait_for_all);

  Sink sink_;
  size_t max_in_flight_;
  std::vector<std::string> indexed_;  // PipelineOptions::indexed, for each worker's stage
  ArticleBuildStage inline_stage_;    // used when there are no workers
  WorkQueue<std::pair<uint64_t, Record>> inbox_;  // sequence number, record
  std::mutex mu_;
  std::condition_variable result_ready_;
  std::map<uint64_t, BuiltArticle> done_;
  uint64_t next_in_ = 0;   // sequence number of the next pushed record
  uint64_t next_out_ = 0;  // sequence number the sink expects next
  std::exception_ptr worker_error_;
  SpellingCounts leftover_spelling_;  // from workers that stopped
  std::vector<std::thread> workers_;
};

}  // namespace news

#endif  // NEWS_COMMON_INDEX_PIPELINE_H_
