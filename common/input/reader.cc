#include "input/reader.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <set>

#include "input/warc.h"

namespace news {
namespace {

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

// zlib reads a file that is not gzip as it is; a ".gz" name promises gzip.
void require_gzip(gzFile f, const std::string& path) {
  if (!ends_with(path, ".gz") || gzdirect(f) == 0) return;
  throw InputError(path, "not in gzip format");
}

GzFile open_input(const std::string& path) {
  errno = 0;
  gzFile f = path == "-" ? gzdopen(dup(STDIN_FILENO), "rb") : gzopen(path.c_str(), "rb");
  if (f == nullptr) {
    throw InputError(path, errno != 0 ? std::strerror(errno) : "cannot open");
  }
  GzFile file(f);
  gzbuffer(f, static_cast<unsigned>(chunk_bytes(path)));
  require_gzip(f, path);
  return file;
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
  // reported through `on_skip`. *terminated is false for a last line without
  // a newline.
  bool next(std::string* line, size_t* number, bool* terminated,
            const std::function<void(const InputError&)>& on_skip) {
    line->clear();
    bool overlong = false;
    *terminated = true;
    for (;;) {
      if (pos_ == len_ && !refill()) {
        if (line->empty() && !overlong && !pending_) return false;
        *terminated = false;
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
  bool terminated = true;
  while (reader.next(&line, &number, &terminated, on_skip)) {
    if (is_blank(line)) continue;
    Record record{path, number, RecordKind::kJson, std::move(line)};
    record.unterminated = !terminated;
    sink(std::move(record));
    line = std::string();
  }
}

// Walks a directory tree with a queue of folders, following symlinks; each
// folder and file (by device and inode) is visited once.
class DirectoryWalk {
 public:
  DirectoryWalk(const std::string& root, const struct stat& st) : root_(root) {
    while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
    enter(root_, st);
  }

  SourceFiles run() {
    while (!pending_.empty()) {
      const std::string dir = *pending_.begin();
      pending_.erase(pending_.begin());
      list(dir);
    }
    std::sort(found_.begin(), found_.end());
    SourceFiles out;
    std::set<std::pair<dev_t, ino_t>> files_seen;
    for (const Found& f : found_) {
      if (files_seen.insert(f.inode).second) out.files.push_back(f.path);
    }
    out.unreadable = std::move(unreadable_);
    return out;
  }

 private:
  struct Found {
    std::string path;
    std::pair<dev_t, ino_t> inode;
    bool operator<(const Found& o) const { return path < o.path; }
  };

  void enter(const std::string& dir, const struct stat& st) {
    if (dirs_seen_.insert({st.st_dev, st.st_ino}).second) pending_.insert(dir);
  }

  // Visits the entries of `dir` in byte order, so that of two ways to one
  // folder the same one is taken whatever readdir's order.
  void list(const std::string& dir) {
    std::unique_ptr<DIR, int (*)(DIR*)> d(::opendir(dir.c_str()), &::closedir);
    if (!d) return unreadable(dir);
    std::vector<std::string> names;
    errno = 0;
    while (const dirent* entry = ::readdir(d.get())) {
      if (entry->d_name[0] != '.') names.emplace_back(entry->d_name);
      errno = 0;
    }
    if (errno != 0) unreadable(dir);
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) visit(dir + "/" + name, name);
  }

  void visit(const std::string& path, const std::string& name) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return unreadable(path);  // a loop, dangling, vanished
    if (S_ISDIR(st.st_mode)) {
      enter(path, st);
    } else if (S_ISREG(st.st_mode) && is_known_input(name)) {
      found_.push_back(Found{path, {st.st_dev, st.st_ino}});
    }
  }

  void unreadable(const std::string& path) { unreadable_.emplace_back(path, std::strerror(errno)); }

  std::string root_;
  std::set<std::string> pending_;  // folders to list, the first in byte order first
  std::set<std::pair<dev_t, ino_t>> dirs_seen_;
  std::vector<Found> found_;
  std::vector<InputError> unreadable_;
};

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

SourceFiles expand_source(const std::string& source) {
  if (source == "-") return SourceFiles{{source}, {}};
  struct stat st;
  if (::stat(source.c_str(), &st) != 0) {
    throw InputError(source, errno == ENOENT ? "no such file or directory" : std::strerror(errno));
  }
  if (!S_ISDIR(st.st_mode)) return SourceFiles{{source}, {}};
  return DirectoryWalk(source, st).run();
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
