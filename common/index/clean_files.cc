// news-index clean: pages cleaned and printed, not indexed.

#include <xapian.h>

#include <fstream>
#include <iterator>

#include "clean/cleaner.h"
#include "clean/explain.h"
#include "clean/model.h"
#include "index/pipeline.h"
#include "input/reader.h"
#include "news/index.h"
#include "text/text.h"

namespace news {
namespace {

clean::Weights read_weights(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(file, "cannot read weights");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return clean::Weights::parse(text);
}

// Where a rejected record points: the file for a page dump, FILE:LINE for
// JSON and HTML, FILE@OFFSET for a WARC record.
std::string clean_location(const Record& r) {
  return r.kind == RecordKind::kPage ? r.file : r.location();
}

class CleanRun {
 public:
  CleanRun(const CleanRequest& request, std::ostream& out,
           const std::function<void(const Rejection&)>& on_reject)
      : request_(request), out_(out), on_reject_(on_reject) {
    if (!request.weights_file.empty()) {
      weights_ = read_weights(request.weights_file);
      options_.weights = &weights_;
    }
    read_options_.on_not_article = [this](const std::string&) { ++report_.not_articles; };
  }

  CleanReport run() {
    for (const std::string& file : request_.files) {
      try {
        read_file(
            file, read_options_, [this](Record&& r) { clean(r); },
            [this](const InputError& e) { reject(e.location(), e.what()); });
      } catch (const InputError& e) {
        reject(e.location(), e.what());
      }
    }
    return report_;
  }

 private:
  // A page dump (JSON lines are read as page dumps too) with its
  // explanation when asked; an HTML page.
  void clean(Record& r) {
    if (r.kind == RecordKind::kJson) r.kind = RecordKind::kPage;
    try {
      if (r.kind == RecordKind::kPage) {
        clean_dump(r.text);
      } else {
        out_ << article_to_json(record_article(r, r.text)) << "\n";
      }
      ++report_.articles;
    } catch (const Xapian::Error& e) {  // not a std::exception
      reject(clean_location(r), e.get_description());
    } catch (const std::exception& e) {  // whatever a page makes the cleaner throw
      reject(clean_location(r), e.what());
    }
  }

  void clean_dump(const std::string& text) {
    if (looks_binary(text)) throw ArticleError("not text (binary data)");
    clean::Explanation explanation;
    CleanOptions options = options_;
    const bool explain = request_.explain || request_.explain_json;
    if (explain) options.explain = &explanation;
    try {
      out_ << article_to_json(clean_page(text, options)) << "\n";
    } catch (const ArticleError&) {
      if (explain) print(explanation);
      throw;
    }
    if (explain) print(explanation);
  }

  void print(const clean::Explanation& explanation) {
    if (request_.explain_json) {
      out_ << clean::explanation_to_json(explanation) << "\n";
    } else {
      out_ << clean::explanation_to_text(
          explanation, options_.weights ? *options_.weights : clean::Weights::fitted());
    }
  }

  void reject(const std::string& location, const std::string& reason) {
    Rejection r{location, reason};
    if (on_reject_) on_reject_(r);
    report_.rejections.push_back(std::move(r));
  }

  const CleanRequest& request_;
  std::ostream& out_;
  const std::function<void(const Rejection&)>& on_reject_;
  clean::Weights weights_;
  CleanOptions options_;
  ReadOptions read_options_;
  CleanReport report_;
};

}  // namespace

CleanReport clean_files(const CleanRequest& request, std::ostream& out,
                        const std::function<void(const Rejection&)>& on_reject) {
  return CleanRun(request, out, on_reject).run();
}

}  // namespace news
