#include "index/pipeline.h"

#include "article_json.h"
#include "clean/cleaner.h"
#include "html/html_page.h"
#include "news/article.h"
#include "schema.h"
#include "store/stored_document.h"
#include "text/text.h"

namespace news {
namespace {

constexpr size_t kInFlightPerThread = 64;

}  // namespace

Article record_article(const Record& record, const std::string& text) {
  if (record.kind == RecordKind::kPage) {
    if (looks_binary(text)) throw ArticleError("not text (binary data)");
    return clean_page(text);
  }
  if (record.kind == RecordKind::kHtml) {
    return clean_html(text, HtmlSource{record.url, record.content_type, record.fetched});
  }
  return article_from_json(text);
}

size_t resolve_threads(size_t requested) {
  if (requested > 0) return requested;
  return std::max<size_t>(std::thread::hardware_concurrency(), 1);
}

void ArticleBuildStage::reject(BuiltArticle& out, const std::string& text,
                               const std::string& reason) {
  out.error = reason.empty() ? "rejected" : reason;
  if (out.record.kind == RecordKind::kJson) out.id = rejected_record_id(text);
}

std::string BuiltArticle::reject_location() const {
  return record.kind == RecordKind::kPage ? record.file : record.location();
}

ArticleBuildStage::ArticleBuildStage(const std::vector<std::string>& indexed) {
  if (!indexed.empty()) indexed_.emplace(indexed);
}

bool ArticleBuildStage::indexed_unchanged(const Article& article) {
  if (!indexed_) return false;
  const std::optional<std::string> hash = indexed_->find_hash(schema::id_term(article.id));
  return hash && *hash == content_hash(article);
}

BuiltArticle ArticleBuildStage::build(Record&& record) {
  BuiltArticle out;
  const std::string text = std::move(record.text);
  out.record = std::move(record);
  out.record.text.clear();
  std::optional<Article> article;
  try {
    article = record_article(out.record, text);
    out.id = article->id;
  } catch (const Xapian::Error& e) {  // not a std::exception
    reject(out, text, e.get_description());
  } catch (const std::exception& e) {
    // Whatever a record makes the parser or cleaner throw, it is that
    // record's rejection: no input stops a run.
    reject(out, text, e.what());
  }
  // Outside the record's try: an index that cannot be read stops the run.
  if (article && indexed_unchanged(*article)) {
    out.unchanged = true;
    out.article = std::move(article);
  } else if (article) {
    build_document(*article, text, out);
  }
  count_for_spelling(out);
  return out;
}

void ArticleBuildStage::build_document(const Article& article, const std::string& text,
                                       BuiltArticle& out) {
  try {
    out.doc = builder_.build(article);
  } catch (const Xapian::Error& e) {  // not a std::exception
    reject(out, text, e.get_description());
  } catch (const std::exception& e) {
    // Whatever a record makes the parser, cleaner or builder throw, it is
    // that record's rejection: no input stops a run.
    reject(out, text, e.what());
  }
}

void ArticleBuildStage::count_for_spelling(BuiltArticle& out) {
  if (++built_since_spelling_ == kSpellingBatch) {
    builder_.take_spelling(&out.spelling);
    built_since_spelling_ = 0;
  }
}

BuildPipeline::BuildPipeline(const PipelineOptions& options, Sink sink)
    : sink_(std::move(sink)),
      max_in_flight_(options.max_in_flight > 0
                         ? options.max_in_flight
                         : kInFlightPerThread * std::max<size_t>(options.threads, 1)),
      indexed_(options.indexed),
      inline_stage_(options.threads <= 1 ? options.indexed : std::vector<std::string>{}),
      inbox_(max_in_flight_) {
  if (options.threads <= 1) return;
  for (size_t i = 0; i < options.threads; ++i) workers_.emplace_back([this] { work(); });
}

BuildPipeline::~BuildPipeline() { stop_workers(/*drop_queued=*/true); }

void BuildPipeline::stop_workers(bool drop_queued) {
  if (drop_queued) {
    inbox_.cancel();
  } else {
    inbox_.close();
  }
  for (std::thread& t : workers_) t.join();
  workers_.clear();
}

void BuildPipeline::work() {
  ArticleBuildStage stage(indexed_);  // made in this thread, used only here
  while (std::optional<std::pair<uint64_t, Record>> item = inbox_.take()) {
    try {
      BuiltArticle built = stage.build(std::move(item->second));
      std::lock_guard<std::mutex> lock(mu_);
      done_.emplace(item->first, std::move(built));
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu_);
      if (!worker_error_) worker_error_ = std::current_exception();
    }
    result_ready_.notify_one();
  }
  std::lock_guard<std::mutex> lock(mu_);
  stage.take_spelling(&leftover_spelling_);
}

// Hands finished records to the sink in sequence order (the lock is released
// while the sink runs). With `wait_for_all`, until every pushed record is out.
void BuildPipeline::deliver_ready(std::unique_lock<std::mutex>& lock, bool wait_for_all) {
  for (;;) {
    if (worker_error_) std::rethrow_exception(worker_error_);
    auto it = done_.find(next_out_);
    if (it != done_.end()) {
      BuiltArticle built = std::move(it->second);
      done_.erase(it);
      ++next_out_;
      lock.unlock();
      sink_(std::move(built));
      lock.lock();
    } else if (wait_for_all && next_out_ < next_in_) {
      result_ready_.wait(lock);
    } else {
      return;
    }
  }
}

void BuildPipeline::push(Record&& record) {
  if (workers_.empty()) {
    sink_(inline_stage_.build(std::move(record)));
    return;
  }
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    deliver_ready(lock, false);
    if (next_in_ - next_out_ < max_in_flight_) break;
    result_ready_.wait(lock);
  }
  const uint64_t sequence = next_in_++;
  lock.unlock();
  inbox_.put({sequence, std::move(record)});
}

void BuildPipeline::finish() {
  if (workers_.empty()) return;
  std::unique_lock<std::mutex> lock(mu_);
  deliver_ready(lock, true);
}

SpellingCounts BuildPipeline::close() {
  finish();
  stop_workers(/*drop_queued=*/false);
  inline_stage_.take_spelling(&leftover_spelling_);
  return std::move(leftover_spelling_);
}

}  // namespace news
