#include "input/reader.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include "input/warc.h"

namespace news {
namespace {

namespace fs = std::filesystem;

constexpr size_t kChunkBytes = 256 * 1024;
// zlib fills the whole request before returning, so records from a pipe
// (stdin) are read in small chunks, or a slow producer's records would
// wait for 256 kB to accumulate before being indexed.
constexpr size_t kPipeChunkBytes = 4 * 1024;

size_t chunk_bytes(const std::string& path) { return path == "-" ? kPipeChunkBytes : kChunkBytes; }

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The name without a trailing ".gz".
std::string inner_name(const std::string& path) {
  return ends_with(path, ".gz") ? path.substr(0, path.size() - 3) : path;
}

struct GzCloser {
  void operator()(gzFile f) const { gzclose(f); }
};
using GzFile = std::unique_ptr<gzFile_s, GzCloser>;

GzFile open_input(const std::string& path) {
  gzFile f = path == "-" ? gzdopen(dup(STDIN_FILENO), "rb") : gzopen(path.c_str(), "rb");
  if (f == nullptr) {
    throw InputError(path, errno != 0 ? std::strerror(errno) : "cannot open");
  }
  gzbuffer(f, static_cast<unsigned>(chunk_bytes(path)));
  return GzFile(f);
}

// Reads up to buf.size() bytes; returns 0 at the end. Throws on a read error or
// a truncated/corrupt gzip stream, once the data before the damage has been
// returned (zlib reports a truncation together with the last good bytes).
size_t read_chunk(gzFile f, std::vector<char>& buf, const std::string& path, size_t line) {
  const int n = gzread(f, buf.data(), static_cast<unsigned>(buf.size()));
  int err = Z_OK;
  const char* msg = gzerror(f, &err);
  if (n > 0 && err == Z_BUF_ERROR) return static_cast<size_t>(n);
  if (n < 0 || (err != Z_OK && err != Z_STREAM_END)) {
    const std::string reason = err == Z_BUF_ERROR ? "truncated gzip stream"
                               : err == Z_ERRNO   ? std::strerror(errno)
                                                  : std::string(msg);
    throw InputError(path + ":" + std::to_string(line), reason);
  }
  return static_cast<size_t>(n);
}

// Streams the lines of a (possibly gzip) file, without CR of CRLF.
class LineReader {
 public:
  LineReader(const std::string& path, size_t max_line)
      : path_(path), max_line_(max_line), file_(open_input(path)), buf_(chunk_bytes(path)) {}

  // Next line into *line; false at the end. An overlong line is skipped and
  // reported through `on_skip`.
  bool next(std::string* line, size_t* number,
            const std::function<void(const InputError&)>& on_skip) {
    line->clear();
    bool overlong = false;
    for (;;) {
      if (pos_ == len_ && !refill()) {
        if (line->empty() && !overlong && !pending_) return false;
        break;
      }
      pending_ = true;
      const char* start = buf_.data() + pos_;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', len_ - pos_));
      const size_t take = nl != nullptr ? static_cast<size_t>(nl - start) : len_ - pos_;
      // One byte over the limit may be the CR of a CRLF line ending.
      if (!overlong && line->size() + take <= max_line_ + 1)
        line->append(start, take);
      else
        overlong = true;
      pos_ += take;
      if (nl != nullptr) {
        ++pos_;
        break;
      }
    }
    pending_ = false;
    *number = ++line_no_;
    if (!line->empty() && line->back() == '\r') line->pop_back();
    if (line->size() > max_line_) overlong = true;
    if (overlong) {
      line->clear();
      on_skip(InputError(path_ + ":" + std::to_string(line_no_),
                         "line longer than " + std::to_string(max_line_ >> 20) + " MiB, skipped"));
    }
    return true;
  }

 private:
  bool refill() {
    len_ = read_chunk(file_.get(), buf_, path_, line_no_ + 1);
    pos_ = 0;
    return len_ > 0;
  }

  std::string path_;
  size_t max_line_;
  GzFile file_;
  std::vector<char> buf_;
  size_t pos_ = 0;
  size_t len_ = 0;
  size_t line_no_ = 0;
  bool pending_ = false;
};

bool is_blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  });
}

void read_lines(const std::string& path, const ReadOptions& options,
                const std::function<void(Record&&)>& sink,
                const std::function<void(const InputError&)>& on_skip) {
  LineReader reader(path, options.max_record_bytes);
  std::string line;
  size_t number = 0;
  while (reader.next(&line, &number, on_skip)) {
    if (is_blank(line)) continue;
    sink(Record{path, number, RecordKind::kJson, std::move(line)});
    line = std::string();
  }
}

void read_whole(const std::string& path, RecordKind kind, const ReadOptions& options,
                const std::function<void(Record&&)>& sink) {
  GzFile file = open_input(path);
  std::vector<char> buf(chunk_bytes(path));
  std::string text;
  while (const size_t n = read_chunk(file.get(), buf, path, 1)) {
    if (text.size() + n > options.max_record_bytes) {
      throw InputError(
          path, "file larger than " + std::to_string(options.max_record_bytes >> 20) + " MiB");
    }
    text.append(buf.data(), n);
  }
  sink(Record{path, 1, kind, std::move(text)});
}

bool is_html_name(const std::string& name) {
  return ends_with(name, ".html") || ends_with(name, ".htm");
}

}  // namespace

bool is_known_input(const std::string& path) {
  const std::string name = inner_name(path);
  return ends_with(name, ".jsonl") || ends_with(name, ".ndjson") || ends_with(name, ".json") ||
         ends_with(name, ".txt") || is_html_name(name) || ends_with(name, ".warc");
}

std::vector<std::string> expand_source(const std::string& source) {
  if (source == "-") return {source};
  std::error_code ec;
  const fs::file_status status = fs::status(source, ec);
  if (ec || !fs::exists(status)) throw InputError(source, "no such file or directory");
  if (!fs::is_directory(status)) return {source};
  std::vector<std::string> files;
  auto it =
      fs::recursive_directory_iterator(source, fs::directory_options::skip_permission_denied, ec);
  if (ec) throw InputError(source, ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) throw InputError(source, ec.message());
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && is_known_input(name)) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void read_file(const std::string& path, const ReadOptions& options,
               const std::function<void(Record&&)>& sink,
               const std::function<void(const InputError&)>& on_skip) {
  const std::string name = inner_name(path);
  if (ends_with(name, ".txt")) {
    read_whole(path, RecordKind::kPage, options, sink);
  } else if (is_html_name(name)) {
    read_whole(path, RecordKind::kHtml, options, sink);
  } else if (ends_with(name, ".warc")) {
    read_warc(path, options, sink, on_skip);
  } else if (ends_with(name, ".json")) {
    read_whole(path, RecordKind::kJson, options, sink);
  } else {
    read_lines(path, options, sink, on_skip);
  }
}

}  // namespace news
