// WARC reader: records, HTTP decoding, damage and resynchronisation.

#include "input/warc.h"

#include <zlib.h>

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "temp_dir.h"

namespace news {

BOOST_AUTO_TEST_SUITE(warc_test)

using testing::TempDir;

// One WARC record with a correct Content-Length (unless `length` is given).
std::string record(const std::string& type, const std::string& block, const std::string& uri,
                   long length = -1, const std::string& version = "WARC/1.0") {
  return version + "\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2025-03-14T10:00:00Z\r\nContent-Type: application/http; "
         "msgtype=response\r\nContent-Length: " +
         std::to_string(length < 0 ? static_cast<long>(block.size()) : length) + "\r\n\r\n" +
         block + "\r\n\r\n";
}

std::string http(const std::string& body, const std::string& extra_headers = "",
                 const std::string& status = "200 OK",
                 const std::string& type = "text/html; charset=utf-8") {
  return "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\n" + extra_headers + "\r\n" +
         body;
}

std::string page(int n) {
  return "<html><body><p>Page number " + std::to_string(n) + " of the crawl.</p></body></html>";
}

std::string gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

struct Read {
  std::vector<Record> records;
  std::vector<std::string> damaged;  // "LOCATION: reason"
  std::vector<std::string> not_articles;
};

Read read(const std::string& path) {
  Read out;
  ReadOptions options;
  options.on_not_article = [&](const std::string& why) { out.not_articles.push_back(why); };
  read_warc(
      path, options, [&](Record&& r) { out.records.push_back(std::move(r)); },
      [&](const InputError& e) { out.damaged.push_back(e.location() + ": " + e.what()); });
  return out;
}

std::vector<std::string> urls(const Read& r) {
  std::vector<std::string> out;
  for (const Record& rec : r.records) out.push_back(rec.url);
  return out;
}

using Strings = std::vector<std::string>;

BOOST_AUTO_TEST_CASE(responses_become_html_records_and_others_are_counted) {
  TempDir dir;
  const std::string warc =
      record("warcinfo", "software: test\r\n", "") +
      record("request", "GET / HTTP/1.1\r\nHost: a\r\n\r\n", "http://a/1") +
      record("response", http(page(1)), "http://a/1") +
      record("response", http("nope", "", "404 Not Found"), "http://a/2") +
      record("response", http("PNG", "", "200 OK", "image/png"), "http://a/3") +
      record("revisit", "HTTP/1.1 200 OK\r\n\r\n", "http://a/1") +
      record("metadata", "via: x\r\n", "http://a/1") +
      record("response", http(page(4)), "<http://a/4>", -1, "WARC/1.1");
  const Read r = read(dir.write("a.warc", warc));
  BOOST_TEST(urls(r) == (Strings{"http://a/1", "http://a/4"}), boost::test_tools::per_element());
  BOOST_TEST(r.damaged.empty());
  BOOST_TEST(r.not_articles == (Strings{"warcinfo record", "request record", "HTTP 404", "not HTML",
                                        "revisit record", "metadata record"}),
             boost::test_tools::per_element());
  BOOST_REQUIRE(r.records.size() == 2u);
  const Record& first = r.records[0];
  BOOST_TEST((first.kind == RecordKind::kHtml));
  BOOST_TEST(first.text == page(1));
  BOOST_TEST(first.fetched == "2025-03-14T10:00:00Z");
  BOOST_TEST(first.content_type == "text/html; charset=utf-8");
  const size_t offset = warc.find("WARC/1.0\r\nWARC-Type: response");
  BOOST_TEST(first.offset == offset);
  BOOST_TEST(first.location() == dir.path() + "/a.warc@" + std::to_string(offset));
}

BOOST_AUTO_TEST_CASE(chunked_and_gzip_bodies_are_decoded) {
  const std::string body = page(7);
  const std::string chunked = "10\r\n" + body.substr(0, 16) + "\r\n" +
                              [&] {
                                char hex[16];
                                std::snprintf(hex, sizeof hex, "%zx", body.size() - 16);
                                return std::string(hex);
                              }() +
                              ";ext=1\r\n" + body.substr(16) + "\r\n0\r\n\r\n";
  BOOST_TEST(decode_chunked(chunked) == body);
  HttpResponse r = parse_http_response(http(chunked, "Transfer-Encoding: chunked\r\n"), 1 << 20);
  BOOST_TEST(r.body == body);
  r = parse_http_response(http(gzip(body), "Content-Encoding: gzip\r\n"), 1 << 20);
  BOOST_TEST(r.body == body);
  const std::string both = gzip(body);
  const std::string chunks = "5\r\n" + both.substr(0, 5) + "\r\n" +
                             [&] {
                               char hex[16];
                               std::snprintf(hex, sizeof hex, "%zx", both.size() - 5);
                               return std::string(hex);
                             }() +
                             "\r\n" + both.substr(5) + "\r\n0\r\n\r\n";
  r = parse_http_response(http(chunks, "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"),
                          1 << 20);
  BOOST_TEST(r.body == body);
  BOOST_CHECK_THROW(decode_chunked("zz\r\nabc"), std::runtime_error);
  BOOST_CHECK_THROW(decode_chunked("10\r\nshort\r\n0\r\n\r\n"), std::runtime_error);
  BOOST_CHECK_THROW(parse_http_response(http("x", "Content-Encoding: br\r\n"), 1 << 20),
                    std::runtime_error);
  BOOST_CHECK_THROW(parse_http_response("not http at all\r\n\r\n", 1 << 20), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(a_lying_content_length_loses_only_its_record) {
  TempDir dir;
  const std::string good1 = record("response", http(page(1)), "http://a/1");
  const std::string shorter = record("response", http(page(2)), "http://a/2", 40);
  const std::string longer = record("response", http(page(3)), "http://a/3", 400);
  const std::string good4 = record("response", http(page(4)), "http://a/4");
  const std::string good5 = record("response", http(page(5)), "http://a/5");
  const Read r = read(dir.write("lie.warc", good1 + shorter + good4 + longer + good5));
  // The too-long record swallows the next one's start; the reader goes back
  // and finds it.
  BOOST_TEST(urls(r) == (Strings{"http://a/1", "http://a/4", "http://a/5"}),
             boost::test_tools::per_element());
  BOOST_REQUIRE(r.damaged.size() == 2u);
  const std::string at2 = "@" + std::to_string(good1.size()) + ": ";
  const std::string at3 = "@" + std::to_string(good1.size() + shorter.size() + good4.size()) + ": ";
  BOOST_TEST(r.damaged[0].find(at2 + "Content-Length 40 does not end") != std::string::npos,
             r.damaged[0]);
  BOOST_TEST(r.damaged[1].find(at3 + "Content-Length 400") != std::string::npos, r.damaged[1]);
}

BOOST_AUTO_TEST_CASE(a_content_length_past_the_end_of_the_file) {
  TempDir dir;
  const std::string lie = record("response", http(page(1)), "http://a/1", 100000);
  const Read r =
      read(dir.write("past.warc", lie + record("response", http(page(2)), "http://a/2")));
  BOOST_TEST(urls(r) == (Strings{"http://a/2"}), boost::test_tools::per_element());
  BOOST_REQUIRE(r.damaged.size() == 1u);
  BOOST_TEST(r.damaged[0].find("@0: Content-Length 100000 runs past the end") != std::string::npos,
             r.damaged[0]);
}

BOOST_AUTO_TEST_CASE(a_cut_off_file_keeps_the_records_before) {
  TempDir dir;
  const std::string all = record("response", http(page(1)), "http://a/1") +
                          record("response", http(page(2)), "http://a/2");
  const Read r = read(dir.write("cut.warc", all.substr(0, all.size() - 30)));
  BOOST_TEST(urls(r) == (Strings{"http://a/1"}), boost::test_tools::per_element());
  BOOST_REQUIRE(r.damaged.size() == 1u);
  BOOST_TEST(r.damaged[0].find("cut off") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(garbage_and_bad_headers_are_skipped_to_the_next_record) {
  TempDir dir;
  const std::string good1 = record("response", http(page(1)), "http://a/1");
  const std::string bad =
      "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nxx\r\n\r\n";
  const std::string garbage = "\x01\x02 random bytes WARC/1.0 in the middle\r\n";
  const std::string good2 = record("response", http(page(2)), "http://a/2");
  const Read r = read(dir.write("g.warc", garbage + good1 + bad + good2));
  BOOST_TEST(urls(r) == (Strings{"http://a/1", "http://a/2"}), boost::test_tools::per_element());
  BOOST_REQUIRE(r.damaged.size() == 2u);
  BOOST_TEST(r.damaged[0].find("@0: not a WARC record") != std::string::npos, r.damaged[0]);
  BOOST_TEST(r.damaged[1].find("invalid Content-Length") != std::string::npos, r.damaged[1]);
}

BOOST_AUTO_TEST_CASE(gzip_members_give_offsets_and_a_corrupt_member_is_skipped) {
  TempDir dir;
  std::vector<std::string> members;
  for (int i = 1; i <= 4; ++i) {
    members.push_back(gzip(record("response", http(page(i)), "http://a/" + std::to_string(i))));
  }
  std::string whole;
  for (const std::string& m : members) whole += m;
  Read r = read(dir.write("ok.warc.gz", whole));
  BOOST_TEST(urls(r).size() == 4u);
  BOOST_REQUIRE(r.records.size() == 4u);
  BOOST_TEST(r.records[2].offset == members[0].size() + members[1].size());
  // A flipped byte in the third member's compressed data.
  std::string flipped = whole;
  flipped[members[0].size() + members[1].size() + members[2].size() / 2] ^= 0x55;
  r = read(dir.write("flip.warc.gz", flipped));
  BOOST_TEST(urls(r) == (Strings{"http://a/1", "http://a/2", "http://a/4"}),
             boost::test_tools::per_element());
  BOOST_REQUIRE(r.damaged.size() == 1u);
  BOOST_TEST(r.damaged[0].find("@" + std::to_string(members[0].size() + members[1].size()) +
                               ": ") != std::string::npos,
             r.damaged[0]);
  // Cut inside the last member.
  r = read(dir.write("cut.warc.gz", whole.substr(0, whole.size() - members[3].size() / 2)));
  BOOST_TEST(urls(r) == (Strings{"http://a/1", "http://a/2", "http://a/3"}),
             boost::test_tools::per_element());
  BOOST_TEST(r.damaged.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_block_digest_that_does_not_match_is_damage) {
  TempDir dir;
  // A digest of 32 base32 characters that is not the block's.
  const std::string block = http(page(1));
  std::string rec = record("response", block, "http://a/1");
  rec.insert(rec.find("Content-Length"),
             "WARC-Block-Digest: sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\n");
  const Read r = read(dir.write("d.warc", rec + record("response", http(page(2)), "http://a/2")));
  BOOST_TEST(urls(r) == (Strings{"http://a/2"}), boost::test_tools::per_element());
  BOOST_REQUIRE(r.damaged.size() == 1u);
  BOOST_TEST(r.damaged[0].find("WARC-Block-Digest") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_missing_file_throws) {
  BOOST_CHECK_THROW(read("/nonexistent/x.warc"), InputError);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
