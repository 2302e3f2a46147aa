#ifndef NEWS_COMMON_INPUT_WARC_H_
#define NEWS_COMMON_INPUT_WARC_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "input/reader.h"

namespace news {

// An HTTP response as a WARC `response` record holds it.
struct HttpResponse {
  int status = 0;  // 200...
  // Header names lower-cased; a repeated header keeps its last value.
  std::map<std::string, std::string> headers;
  std::string body;  // transfer and content encodings decoded
};

// Parses the block of a response record: status line, headers, body;
// decodes `Transfer-Encoding: chunked` and `Content-Encoding: gzip`,
// `x-gzip` or `deflate` (zlib or raw). Throws std::runtime_error with the
// reason for a malformed message or an encoding it cannot decode (br...).
// A body longer than `max_body` bytes after decoding is an error too.
HttpResponse parse_http_response(std::string_view block, size_t max_body);

// Decodes a chunked transfer-encoded body. Throws std::runtime_error when
// malformed.
std::string decode_chunked(std::string_view body);

// Reads a WARC file (WARC/1.0 or 1.1; `.warc`, or `.warc.gz` as a series of
// gzip members, read with zlib's inflate, never the whole file in
// memory: one record at a time) and passes each `response` record with
// HTTP status 200 and an HTML Content-Type (text/html,
// application/xhtml+xml) to `sink` as a RecordKind::kHtml Record whose
// offset is the record's (of its gzip member in a .warc.gz), with the
// target URI, WARC-Date and Content-Type. Other records (warcinfo,
// request, metadata, revisit, resource, non-200, non-HTML) go to
// options.on_not_article with the reason. A damaged record (a bad header,
// a Content-Length that does not end at the record separator, a
// WARC-Block-Digest that does not match, a corrupt gzip member, an
// undecodable HTTP message) goes to `on_skip` as "FILE@OFFSET: reason", and
// reading resynchronises at the next "WARC/1.x" line (the next gzip member).
// A file cut off inside a record reports that record and keeps all
// before it. Throws InputError only when the file cannot be opened or read.
void read_warc(const std::string& path, const ReadOptions& options,
               const std::function<void(Record&&)>& sink,
               const std::function<void(const InputError&)>& on_skip);

}  // namespace news

#endif  // NEWS_COMMON_INPUT_WARC_H_
