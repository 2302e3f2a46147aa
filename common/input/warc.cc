#include "input/warc.h"

#include <nettle/sha1.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

namespace news {
namespace {

constexpr size_t kChunkBytes = 256 * 1024;
constexpr size_t kMaxHeaderBytes = 64 * 1024;
constexpr size_t kCompactBytes = 1 << 20;
constexpr std::string_view kRecordEnd = "\r\n\r\n";

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

struct FileCloser {
  void operator()(FILE* f) const { std::fclose(f); }
};

// The decompressed bytes of a WARC file: plain, or gzip members inflated
// one after another. Remembers where each member starts (for offsets) and
// where the stream was damaged (a corrupt or cut-off member).
class WarcBytes {
 public:
  struct Damage {
    uint64_t pos;     // decompressed position where it was found
    uint64_t offset;  // file offset of the member
    std::string reason;
  };

  explicit WarcBytes(const std::string& path) : path_(path), in_(kChunkBytes) {
    file_.reset(std::fopen(path.c_str(), "rb"));
    if (!file_) throw InputError(path, std::strerror(errno));
    fill_input();
    gzip_ = in_len_ >= 2 && in_[0] == 0x1f && in_[1] == 0x8b;
    if (gzip_) {
      std::memset(&zs_, 0, sizeof zs_);
      if (inflateInit2(&zs_, 15 + 16) != Z_OK) throw InputError(path, "zlib init failed");
    }
  }
  ~WarcBytes() {
    if (gzip_) inflateEnd(&zs_);
  }
  WarcBytes(const WarcBytes&) = delete;
  WarcBytes& operator=(const WarcBytes&) = delete;

  // Appends more bytes to *out; false at the end of the file.
  bool more(std::string* out) { return gzip_ ? more_gzip(out) : more_plain(out); }

  // The file offset of the record starting at decompressed position `pos`:
  // the position itself, or the start of its gzip member.
  uint64_t offset_of(uint64_t pos) const {
    if (!gzip_) return pos;
    auto it = std::upper_bound(members_.begin(), members_.end(), pos,
                               [](uint64_t p, const Member& m) { return p < m.pos; });
    return it == members_.begin() ? 0 : std::prev(it)->offset;
  }

  // True once the member holding the byte before `pos` has been read to
  // its end (always for a plain file), or the file has ended.
  bool settled(uint64_t pos) const {
    return !gzip_ || at_end_ || (!in_member_ && produced_ >= pos) ||
           std::any_of(ends_.rbegin(), ends_.rend(), [&](uint64_t e) { return e >= pos; });
  }

  // The damage found in decompressed positions (from, to], if any.
  const Damage* damage_in(uint64_t from, uint64_t to) const {
    for (const Damage& d : damage_) {
      if (d.pos > from && d.pos <= to) return &d;
    }
    return nullptr;
  }

  // Drops what is no longer needed for offsets before `pos`.
  void forget_before(uint64_t pos) {
    while (members_.size() > 1 && members_[1].pos <= pos) members_.erase(members_.begin());
    while (!ends_.empty() && ends_.front() < pos) ends_.erase(ends_.begin());
    while (!damage_.empty() && damage_.front().pos < pos) damage_.erase(damage_.begin());
  }

 private:
  struct Member {
    uint64_t pos;     // decompressed position of its first byte
    uint64_t offset;  // file offset of its header
  };

  bool fill_input() {
    in_file_pos_ += in_len_;
    in_len_ = std::fread(in_.data(), 1, in_.size(), file_.get());
    in_pos_ = 0;
    if (in_len_ == 0 && std::ferror(file_.get())) throw InputError(path_, std::strerror(errno));
    return in_len_ > 0;
  }

  bool more_plain(std::string* out) {
    if (in_pos_ == in_len_ && !fill_input()) return false;
    out->append(reinterpret_cast<const char*>(in_.data()) + in_pos_, in_len_ - in_pos_);
    produced_ += in_len_ - in_pos_;
    in_pos_ = in_len_;
    return true;
  }

  uint64_t file_pos() const { return in_file_pos_ + in_pos_; }

  void seek(uint64_t offset) {
    if (fseeko(file_.get(), static_cast<off_t>(offset), SEEK_SET) != 0) {
      throw InputError(path_, std::strerror(errno));
    }
    in_file_pos_ = offset;
    in_len_ = 0;
    fill_input();
    in_file_pos_ = offset;
  }

  // Moves to the next gzip header at or after the current position;
  // false at the end of the file.
  bool find_member() {
    for (;;) {
      while (in_pos_ + 1 < in_len_) {
        if (in_[in_pos_] == 0x1f && in_[in_pos_ + 1] == 0x8b) return true;
        ++in_pos_;
      }
      const bool last_byte = in_pos_ < in_len_;
      const uint64_t keep = file_pos();
      if (!last_byte) {
        if (!fill_input()) return false;
      } else {
        seek(keep);
        if (in_len_ < 2) return false;
        if (!(in_[0] == 0x1f && in_[1] == 0x8b)) ++in_pos_;
      }
    }
  }

  bool more_gzip(std::string* out) {
    unsigned char buf[kChunkBytes / 4];
    for (;;) {
      if (!in_member_) {
        const uint64_t before = file_pos();
        if (!find_member()) {
          at_end_ = true;
          return false;
        }
        if (file_pos() != before && !members_.empty()) {
          damage_.push_back({produced_, before, "bytes between gzip members"});
        }
        member_start_ = file_pos();
        members_.push_back({produced_, member_start_});
        inflateReset(&zs_);
        in_member_ = true;
      }
      if (in_pos_ == in_len_ && !fill_input()) {
        damage_.push_back({produced_, member_start_, "file cut off inside a gzip member"});
        in_member_ = false;
        at_end_ = true;
        return false;
      }
      zs_.next_in = in_.data() + in_pos_;
      zs_.avail_in = static_cast<uInt>(in_len_ - in_pos_);
      zs_.next_out = buf;
      zs_.avail_out = sizeof buf;
      const int rc = inflate(&zs_, Z_NO_FLUSH);
      in_pos_ = in_len_ - zs_.avail_in;
      const size_t n = sizeof buf - zs_.avail_out;
      out->append(reinterpret_cast<const char*>(buf), n);
      produced_ += n;
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        ends_.push_back(produced_);
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        damage_.push_back({produced_, member_start_,
                           std::string("corrupt gzip member: ") +
                               (zs_.msg != nullptr ? zs_.msg : "inflate error")});
        in_member_ = false;
        seek(member_start_ + 1);
      }
      if (n > 0) return true;
    }
  }

  std::string path_;
  std::unique_ptr<FILE, FileCloser> file_;
  std::vector<unsigned char> in_;
  size_t in_len_ = 0, in_pos_ = 0;
  uint64_t in_file_pos_ = 0;  // file offset of in_[0]
  bool gzip_ = false;
  z_stream zs_;
  bool in_member_ = false;
  bool at_end_ = false;
  uint64_t member_start_ = 0;
  uint64_t produced_ = 0;
  std::vector<Member> members_;
  std::vector<uint64_t> ends_;  // decompressed positions where members ended
  std::vector<Damage> damage_;
};

// RFC 4648 base32 of a SHA-1, as WARC-Block-Digest writes it.
std::string sha1_base32(std::string_view data) {
  sha1_ctx ctx;
  sha1_init(&ctx);
  sha1_update(&ctx, data.size(), reinterpret_cast<const uint8_t*>(data.data()));
  uint8_t digest[SHA1_DIGEST_SIZE];
  sha1_digest(&ctx, SHA1_DIGEST_SIZE, digest);
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (uint8_t b : digest) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(acc << (5 - bits)) & 31];
  return out;
}

// True unless the record names a SHA-1 block digest that `block` does not have.
bool digest_matches(const std::map<std::string, std::string>& headers, std::string_view block) {
  const auto it = headers.find("warc-block-digest");
  if (it == headers.end()) return true;
  const std::string v = std::string(trim(it->second));
  if (lower(v.substr(0, 5)) != "sha1:") return true;
  std::string want = v.substr(5);
  std::transform(want.begin(), want.end(), want.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return want.size() != 32 || sha1_base32(block) == want;
}

std::string inflate_body(std::string_view data, int window_bits, size_t max_body) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, window_bits) != Z_OK) throw std::runtime_error("zlib init failed");
  std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&zs, inflateEnd);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buf[64 * 1024];
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    const int rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_body) throw std::runtime_error("decoded body too large");
    if (rc == Z_STREAM_END) return out;
    if (rc != Z_OK) {
      throw std::runtime_error(std::string("bad compressed body: ") +
                               (zs.msg != nullptr ? zs.msg : "truncated"));
    }
  }
}

std::string decode_content(std::string body, const std::string& encoding, size_t max_body) {
  const std::string e = lower(trim(encoding));
  if (e.empty() || e == "identity" || e == "none") return body;
  if (e == "gzip" || e == "x-gzip") return inflate_body(body, 15 + 16, max_body);
  if (e == "deflate") {
    try {
      return inflate_body(body, 15, max_body);  // zlib-wrapped, as the RFC says
    } catch (const std::runtime_error&) {
      return inflate_body(body, -15, max_body);  // raw deflate, as some servers send
    }
  }
  throw std::runtime_error("content encoding '" + e + "' not supported");
}

bool is_html_type(const std::string& content_type, std::string_view body) {
  const std::string t = lower(trim(content_type.substr(0, content_type.find(';'))));
  if (!t.empty()) return t == "text/html" || t == "application/xhtml+xml";
  const std::string head = lower(trim(body.substr(0, 64)));
  return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0;
}

// The parser over WarcBytes: records one after another, damage reported,
// resynchronising at the next "WARC/1." line.
class WarcReader {
 public:
  WarcReader(const std::string& path, const ReadOptions& options,
             const std::function<void(Record&&)>& sink,
             const std::function<void(const InputError&)>& on_skip)
      : path_(path), options_(options), sink_(sink), on_skip_(on_skip), bytes_(path) {}

  void run() {
    while (next_record()) {
    }
  }

 private:
  // Makes bytes up to absolute position `end` available; false at EOF first.
  bool ensure(uint64_t end) {
    while (base_ + buf_.size() < end) {
      if (!bytes_.more(&buf_)) return false;
    }
    return true;
  }
  char at(uint64_t abs) const { return buf_[abs - base_]; }
  std::string_view view(uint64_t from, uint64_t to) const {
    return std::string_view(buf_).substr(from - base_, to - from);
  }

  void compact() {
    if (pos_ - base_ < kCompactBytes) return;
    buf_.erase(0, pos_ - base_);
    base_ = pos_;
    bytes_.forget_before(base_);
  }

  void report(uint64_t start, const std::string& reason) {
    on_skip_(InputError(path_ + "@" + std::to_string(bytes_.offset_of(start)), reason));
  }

  // Moves pos_ to the next line starting "WARC/1." at or after `from`.
  bool resync(uint64_t from) {
    pos_ = from;
    constexpr std::string_view kMagic = "WARC/1.";
    for (;;) {
      if (!ensure(pos_ + kMagic.size())) return false;
      const std::string_view rest = view(pos_, base_ + buf_.size());
      size_t hit = rest.find(kMagic);
      while (hit != std::string_view::npos) {
        const uint64_t abs = pos_ + hit;
        if (abs == 0 || at(abs - 1) == '\n') {
          pos_ = abs;
          return true;
        }
        hit = rest.find(kMagic, hit + 1);
      }
      pos_ = base_ + buf_.size() - (kMagic.size() - 1);
      compact();
    }
  }

  // The line starting at pos_ (without CRLF), advancing pos_; nullopt when
  // no line end comes within kMaxHeaderBytes or before EOF.
  std::optional<std::string_view> line() {
    uint64_t scan = pos_;
    for (;;) {
      const std::string_view rest = view(scan, base_ + buf_.size());
      const size_t nl = rest.find('\n');
      if (nl != std::string_view::npos) {
        const uint64_t end = scan + nl;
        const std::string_view l = view(pos_, end);
        pos_ = end + 1;
        return trim(l.substr(0, l.size()));
      }
      scan = base_ + buf_.size();
      if (scan - pos_ > kMaxHeaderBytes || !bytes_.more(&buf_)) return std::nullopt;
    }
  }

  bool skip_blank_lines() {
    for (;;) {
      if (!ensure(pos_ + 1)) return false;
      const char c = at(pos_);
      if (c != '\r' && c != '\n') return true;
      ++pos_;
    }
  }

  // Reads the header block; false (reported) when it is not a WARC header.
  bool read_header(uint64_t start, std::map<std::string, std::string>* headers) {
    const std::optional<std::string_view> version = line();
    if (!version || (*version != "WARC/1.0" && *version != "WARC/1.1")) {
      report(start, version ? "not a WARC record (no WARC/1.0 or 1.1 line)"
                            : "record header cut off or too long");
      return false;
    }
    std::string last;
    for (;;) {
      const std::optional<std::string_view> l = line();
      if (!l) {
        report(start, "record header cut off or too long");
        return false;
      }
      if (l->empty()) return true;
      if ((l->front() == ' ' || l->front() == '\t') && !last.empty()) {
        (*headers)[last] += " " + std::string(trim(*l));
        continue;
      }
      const size_t colon = l->find(':');
      if (colon == std::string_view::npos) {
        report(start, "malformed WARC header line");
        return false;
      }
      last = lower(trim(l->substr(0, colon)));
      (*headers)[last] = std::string(trim(l->substr(colon + 1)));
    }
  }

  // One record; false at the end of the file.
  bool next_record() {
    compact();
    if (!skip_blank_lines()) return false;
    const uint64_t start = pos_;
    std::map<std::string, std::string> headers;
    if (!read_header(start, &headers)) return resync(start + 1);
    const auto cl = headers.find("content-length");
    uint64_t length = 0;
    if (cl == headers.end() || cl->second.empty() ||
        !std::all_of(cl->second.begin(), cl->second.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ||
        cl->second.size() > 15) {
      report(start, "missing or invalid Content-Length");
      return resync(start + 1);
    }
    length = std::stoull(cl->second);
    const uint64_t block = pos_;
    const uint64_t end = block + length + kRecordEnd.size();
    if (length > options_.max_record_bytes) return skip_huge(start, end, length);
    if (!ensure(end)) {
      // Past the end of the file: a record header further on means the
      // Content-Length lies; none means the file was cut off here.
      const std::string_view rest = view(block, base_ + buf_.size());
      if (rest.find("\nWARC/1.") != std::string_view::npos) {
        report(start, "Content-Length " + std::to_string(length) +
                          " runs past the end of the file (another record follows)");
        return resync(start + 1);
      }
      report(start, "file cut off inside this record");
      return false;
    }
    while (!bytes_.settled(end) && bytes_.more(&buf_)) {
    }
    if (const WarcBytes::Damage* d = bytes_.damage_in(start, end)) {
      report(start, d->reason);
      return resync(start + 1);
    }
    if (view(end - kRecordEnd.size(), end) != kRecordEnd) {
      report(start, "Content-Length " + std::to_string(length) +
                        " does not end at the record's end (CRLF CRLF)");
      return resync(start + 1);
    }
    const std::string_view content = view(block, block + length);
    if (!digest_matches(headers, content)) {
      report(start, "WARC-Block-Digest does not match the record's content");
    } else {
      handle(start, headers, content);
    }
    pos_ = end;
    return true;
  }

  bool skip_huge(uint64_t start, uint64_t end, uint64_t length) {
    while (base_ + buf_.size() < end) {
      pos_ = base_ + buf_.size();
      compact();
      buf_.clear();
      base_ = pos_;
      if (!bytes_.more(&buf_)) {
        report(start, "file cut off inside this record");
        return false;
      }
    }
    report(start, "record larger than " + std::to_string(options_.max_record_bytes >> 20) +
                      " MiB (" + std::to_string(length) + " bytes), skipped");
    pos_ = end;
    return true;
  }

  void not_article(const std::string& reason) {
    if (options_.on_not_article) options_.on_not_article(reason);
  }

  void handle(uint64_t start, const std::map<std::string, std::string>& headers,
              std::string_view content) {
    const auto type = headers.find("warc-type");
    const std::string t = type == headers.end() ? "" : lower(type->second);
    if (t != "response") {
      not_article((t.empty() ? "untyped" : t) + " record");
      return;
    }
    HttpResponse http;
    try {
      http = parse_http_response(content, options_.max_record_bytes);
    } catch (const std::runtime_error& e) {
      report(start, std::string("bad HTTP response: ") + e.what());
      return;
    }
    if (http.status != 200) {
      not_article("HTTP " + std::to_string(http.status));
      return;
    }
    const auto ct = http.headers.find("content-type");
    const std::string content_type = ct == http.headers.end() ? "" : ct->second;
    if (!is_html_type(content_type, http.body)) {
      not_article("not HTML");
      return;
    }
    Record r;
    r.file = path_;
    r.line = 1;
    r.kind = RecordKind::kHtml;
    r.text = std::move(http.body);
    r.offset = bytes_.offset_of(start);
    std::string uri = headers.count("warc-target-uri") ? headers.at("warc-target-uri") : "";
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>')
      uri = uri.substr(1, uri.size() - 2);
    r.url = uri;
    r.fetched = headers.count("warc-date") ? headers.at("warc-date") : "";
    r.content_type = content_type;
    sink_(std::move(r));
  }

  std::string path_;
  const ReadOptions& options_;
  const std::function<void(Record&&)>& sink_;
  const std::function<void(const InputError&)>& on_skip_;
  WarcBytes bytes_;
  std::string buf_;
  uint64_t base_ = 0;  // absolute position of buf_[0]
  uint64_t pos_ = 0;   // absolute parse position
};

}  // namespace

std::string decode_chunked(std::string_view body) {
  std::string out;
  size_t i = 0;
  for (;;) {
    const size_t nl = body.find('\n', i);
    if (nl == std::string_view::npos) throw std::runtime_error("chunked body cut off");
    std::string_view size_line = trim(body.substr(i, nl - i));
    size_line = size_line.substr(0, size_line.find(';'));
    if (size_line.empty() || size_line.size() > 15 ||
        !std::all_of(size_line.begin(), size_line.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
      throw std::runtime_error("bad chunk size line");
    }
    const uint64_t n = std::stoull(std::string(size_line), nullptr, 16);
    i = nl + 1;
    if (n == 0) return out;
    if (n > body.size() - i) throw std::runtime_error("chunk longer than the body");
    out.append(body.substr(i, n));
    i += n;
    if (body.substr(i, 2) == "\r\n") {
      i += 2;
    } else if (body.substr(i, 1) == "\n") {
      i += 1;
    } else {
      throw std::runtime_error("chunk not followed by CRLF");
    }
  }
}

HttpResponse parse_http_response(std::string_view block, size_t max_body) {
  HttpResponse out;
  size_t head_end = block.find("\r\n\r\n");
  size_t body_start = head_end + 4;
  if (head_end == std::string_view::npos) {
    head_end = block.find("\n\n");
    body_start = head_end + 2;
  }
  if (head_end == std::string_view::npos) throw std::runtime_error("no end of HTTP headers");
  const std::string_view head = block.substr(0, head_end);
  const size_t first_nl = head.find('\n');
  const std::string_view status_line = trim(head.substr(0, first_nl));
  if (status_line.substr(0, 5) != "HTTP/") throw std::runtime_error("no HTTP status line");
  const size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos) throw std::runtime_error("no HTTP status code");
  const std::string_view code = status_line.substr(sp + 1, 3);
  if (code.size() != 3 || !std::all_of(code.begin(), code.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      })) {
    throw std::runtime_error("bad HTTP status code");
  }
  out.status = std::stoi(std::string(code));
  size_t i = first_nl == std::string_view::npos ? head.size() : first_nl + 1;
  while (i < head.size()) {
    size_t nl = head.find('\n', i);
    if (nl == std::string_view::npos) nl = head.size();
    const std::string_view l = trim(head.substr(i, nl - i));
    const size_t colon = l.find(':');
    if (colon != std::string_view::npos) {
      out.headers[lower(trim(l.substr(0, colon)))] = std::string(trim(l.substr(colon + 1)));
    }
    i = nl + 1;
  }
  std::string body(block.substr(std::min(body_start, block.size())));
  const auto te = out.headers.find("transfer-encoding");
  if (te != out.headers.end() && lower(te->second).find("chunked") != std::string::npos) {
    body = decode_chunked(body);
  }
  const auto ce = out.headers.find("content-encoding");
  if (ce != out.headers.end()) body = decode_content(std::move(body), ce->second, max_body);
  out.body = std::move(body);
  return out;
}

void read_warc(const std::string& path, const ReadOptions& options,
               const std::function<void(Record&&)>& sink,
               const std::function<void(const InputError&)>& on_skip) {
  WarcReader(path, options, sink, on_skip).run();
}

}  // namespace news
