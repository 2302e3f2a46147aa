#ifndef NEWS_INCLUDE_NEWS_ERRORS_H_
#define NEWS_INCLUDE_NEWS_ERRORS_H_

// Every error the library throws to its callers. The message is one line;
// a front end prints it after its program name and maps the type to an
// exit code.

#include <stdexcept>
#include <string>
#include <utility>

namespace news {

// A record cannot become an Article (malformed JSON, a missing id or title,
// a field of the wrong type, not an article page...). The message is the
// reason only; callers add "FILE:LINE: ".
class ArticleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A source that cannot be read, or stops being readable (missing path, I/O
// error, truncated gzip). `location()` is "FILE", "FILE:LINE" or
// "FILE@OFFSET".
class InputError : public std::runtime_error {
 public:
  InputError(std::string location, const std::string& reason)
      : std::runtime_error(reason), location_(std::move(location)) {}
  const std::string& location() const { return location_; }

 private:
  std::string location_;
};

// A fatal index-level failure (I/O, lock, corrupt layout, a guard that
// refused the run): the run stops.
class IndexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The query text (or a filter, date, facet name or search option) cannot
// be understood.
class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The index cannot be opened or read for a search.
class SearchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A search stopped at its time limit (SearchRequest::time_limit_ms): its
// results would be incomplete.
class SearchTimeout : public SearchError {
 public:
  using SearchError::SearchError;
};

}  // namespace news

#endif  // NEWS_INCLUDE_NEWS_ERRORS_H_
