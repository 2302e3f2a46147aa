#ifndef NEWS_COMMON_INPUT_READER_H_
#define NEWS_COMMON_INPUT_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "news/errors.h"

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
  // The file's last line, which did not end with a newline (a file still
  // being written, or a short copy, cuts its last record off).
  bool unterminated = false;
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

struct ReadOptions {
  // Longer records are rejected (reported through on_skip), not read.
  size_t max_record_bytes = size_t{64} << 20;
  // Called for each record of a WARC file that is not an article and is
  // skipped without an error, with the reason ("request record",
  // "revisit record", "HTTP 404", "not HTML: image/png"...), for counting.
  std::function<void(const std::string& reason)> on_not_article;
};

// The input files under one SOURCE argument, and what below it could not
// be read.
struct SourceFiles {
  std::vector<std::string> files;
  // Entries that could not be read (an unreadable folder, a symlink loop, a
  // dangling symlink): the source is incomplete.
  std::vector<InputError> unreadable;
};

// True for a file name read as input: .jsonl, .ndjson, .json, .txt, .html,
// .htm, .warc, each optionally with .gz.
bool is_known_input(const std::string& path);

// Expands a SOURCE argument into input files: a file as given, "-" for
// stdin, a directory walked (without recursion, so any depth is fine) in
// byte order of the paths, hidden entries and files of unknown types
// skipped. Symlinks are followed, to files and to folders; a folder or file
// reached twice (a link back up, two links to one place) is read once.
// Throws InputError for a SOURCE that does not exist.
SourceFiles expand_source(const std::string& source);

// Reads every record of one input file (see expand_source), streaming
// (gzip is decompressed on the fly; a file is never held whole in memory,
// except a single .json, .txt or .html record, or one WARC record), and
// calls `sink` for each (WARC: input/warc.h). A bad
// record that can be skipped (an overlong line) goes to `on_skip` and reading
// goes on. Throws InputError when the file cannot be read on (a ".gz" file
// that is not gzip included), after the records before the failure have
// been passed to `sink`.
void read_file(const std::string& path, const ReadOptions& options,
               const std::function<void(Record&&)>& sink,
               const std::function<void(const InputError&)>& on_skip);

}  // namespace news

#endif  // NEWS_COMMON_INPUT_READER_H_
