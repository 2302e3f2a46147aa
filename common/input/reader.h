#ifndef NEWS_COMMON_INPUT_READER_H_
#define NEWS_COMMON_INPUT_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace news {

// What a record holds, decided by the file name.
enum class RecordKind {
  kJson,  // one JSON object (a .jsonl line, a .json file, a stdin line)
  kPage,  // a raw page dump (.txt), cleaned by clean/cleaner.h
  kHtml,  // an HTML page (.html/.htm, or a WARC response), cleaned by html/html_page.h
};

// One unparsed article as read from a source.
struct Record {
  std::string file;  // the path as given ("-" for stdin)
  size_t line = 0;   // 1-based line of the record (1 for whole files)
  RecordKind kind = RecordKind::kJson;
  std::string text;
  // Of a WARC record: its byte offset in the file (of its gzip member in a
  // .warc.gz), the target URI, the WARC-Date and the HTTP Content-Type.
  static constexpr uint64_t kNoOffset = ~uint64_t{0};
  uint64_t offset = kNoOffset;
  std::string url = "";
  std::string fetched = "";
  std::string content_type = "";

  // "FILE:LINE", or "FILE@OFFSET" for a WARC record.
  std::string location() const {
    return offset != kNoOffset ? file + "@" + std::to_string(offset)
                               : file + ":" + std::to_string(line);
  }
};

// A source that cannot be read, or stops being readable (missing path, I/O
// error, truncated gzip). `location()` is "FILE" or "FILE:LINE".
class InputError : public std::runtime_error {
 public:
  InputError(std::string location, const std::string& reason)
      : std::runtime_error(reason), location_(std::move(location)) {}
  const std::string& location() const { return location_; }

 private:
  std::string location_;
};

struct ReadOptions {
  // Longer records are rejected (reported through on_skip), not read.
  size_t max_record_bytes = size_t{64} << 20;
  // Called for each record of a WARC file that is not an article and is
  // skipped without an error, with the reason ("request record",
  // "revisit record", "HTTP 404", "not HTML: image/png"...), for counting.
  std::function<void(const std::string& reason)> on_not_article;
};

// True for a file name read as input: .jsonl, .ndjson, .json, .txt, .html,
// .htm, .warc, each optionally with .gz.
bool is_known_input(const std::string& path);

// Expands SOURCE arguments into input files: files as given, directories
// walked recursively in byte order of their paths (hidden entries and files
// of unknown types skipped), "-" for stdin. Throws InputError for a path
// that does not exist.
std::vector<std::string> expand_source(const std::string& source);

// Reads every record of one input file (see expand_source), streaming
// (gzip is decompressed on the fly; a file is never held whole in memory,
// except a single .json, .txt or .html record, or one WARC record), and
// calls `sink` for each (WARC: input/warc.h). A bad
// record that can be skipped (an overlong line) goes to `on_skip` and reading
// goes on. Throws InputError when the file cannot be read on, after the
// records before the failure have been passed to `sink`.
void read_file(const std::string& path, const ReadOptions& options,
               const std::function<void(Record&&)>& sink,
               const std::function<void(const InputError&)>& on_skip);

}  // namespace news

#endif  // NEWS_COMMON_INPUT_READER_H_
