// Input readers: file kinds, gzip streaming, line handling, directory walks.

#include "input/reader.h"

#include <stdlib.h>
#include <zlib.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "temp_dir.h"

namespace news {

BOOST_AUTO_TEST_SUITE(reader_test)

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

using testing::TempDir;

std::string write_gz(const testing::TempDir& dir, const std::string& name,
                     const std::string& content) {
  const std::string p = (fs::path(dir.path()) / name).string();
  gzFile f = gzopen(p.c_str(), "wb");
  BOOST_REQUIRE(f != nullptr);
  BOOST_REQUIRE(gzwrite(f, content.data(), static_cast<unsigned>(content.size())) ==
                static_cast<int>(content.size()));
  gzclose(f);
  return p;
}

struct Collected {
  std::vector<Record> records;
  std::vector<std::string> skipped;  // "LOCATION: reason"
};

Collected read_all(const std::string& path, ReadOptions options = {}) {
  Collected c;
  read_file(
      path, options, [&](Record&& r) { c.records.push_back(std::move(r)); },
      [&](const InputError& e) { c.skipped.push_back(e.location() + ": " + e.what()); });
  return c;
}

Strings texts(const Collected& c) {
  Strings out;
  for (const Record& r : c.records) out.push_back(r.text);
  return out;
}

std::vector<size_t> lines(const Collected& c) {
  std::vector<size_t> out;
  for (const Record& r : c.records) out.push_back(r.line);
  return out;
}

struct LinesCase {
  const char* name;
  std::string content;
  Strings texts;
  std::vector<size_t> lines;
};

BOOST_AUTO_TEST_CASE(jsonl_lines_with_numbers) {
  const std::vector<LinesCase> kCases = {
      {"plain", "{\"a\":1}\n{\"b\":2}\n", {"{\"a\":1}", "{\"b\":2}"}, {1, 2}},
      {"no final newline", "{\"a\":1}\n{\"b\":2}", {"{\"a\":1}", "{\"b\":2}"}, {1, 2}},
      {"crlf", "{\"a\":1}\r\n{\"b\":2}\r\n", {"{\"a\":1}", "{\"b\":2}"}, {1, 2}},
      {"blank lines", "\n{\"a\":1}\n\n  \t\n\r\n{\"b\":2}\n\n", {"{\"a\":1}", "{\"b\":2}"}, {2, 6}},
      {"empty", "", {}, {}},
      {"only blank", "\n\n\n", {}, {}},
      {"cr inside line kept", "{\"a\":\"x\ry\"}\n", {"{\"a\":\"x\ry\"}"}, {1}},
  };
  TempDir dir;
  for (const LinesCase& c : kCases) {
    BOOST_TEST_CONTEXT("case: " << c.name) {
      for (const std::string& file :
           {dir.write("in.jsonl", c.content), write_gz(dir, "in.jsonl.gz", c.content)}) {
        BOOST_TEST_CONTEXT("file: " << file) {
          const Collected got = read_all(file);
          BOOST_TEST(texts(got) == c.texts, boost::test_tools::per_element());
          BOOST_TEST(lines(got) == c.lines, boost::test_tools::per_element());
          BOOST_TEST(got.skipped.empty());
          for (const Record& r : got.records) {
            BOOST_TEST(r.file == file);
            BOOST_TEST((r.kind == RecordKind::kJson));
          }
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(lines_longer_than_a_read_chunk) {
  TempDir dir;
  const std::string long_line(700 * 1024, 'x');  // spans several 256 KiB chunks
  const std::string content = "a\n" + long_line + "\r\nb\n";
  for (const std::string& file :
       {dir.write("long.jsonl", content), write_gz(dir, "long.jsonl.gz", content)}) {
    BOOST_TEST_CONTEXT("file: " << file) {
      const Collected got = read_all(file);
      BOOST_TEST(texts(got) == (Strings{"a", long_line, "b"}), boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(whole_json_and_txt_files_are_one_record) {
  TempDir dir;
  const std::string json = "{\n  \"id\": \"a\",\n  \"title\": \"t\"\n}\n";
  for (const std::string& file :
       {dir.write("one.json", json), write_gz(dir, "one.json.gz", json)}) {
    BOOST_TEST_CONTEXT("file: " << file) {
      const Collected got = read_all(file);
      BOOST_REQUIRE(got.records.size() == 1u);
      BOOST_TEST(got.records[0].text == json);
      BOOST_TEST(got.records[0].line == 1u);
      BOOST_TEST((got.records[0].kind == RecordKind::kJson));
    }
  }
  const Collected page = read_all(dir.write("page.txt", "Headline\n\nBody text\n"));
  BOOST_REQUIRE(page.records.size() == 1u);
  BOOST_TEST((page.records[0].kind == RecordKind::kPage));
}

BOOST_AUTO_TEST_CASE(gzip_is_streamed_and_decoded_exactly) {
  TempDir dir;
  std::string content;
  Strings expected;
  for (int i = 0; i < 20000; ++i) {
    expected.push_back("{\"id\":\"" + std::to_string(i) + "\",\"title\":\"line " +
                       std::to_string(i * 7919) + "\"}");
    content += expected.back() + "\n";
  }
  const Collected got = read_all(write_gz(dir, "many.jsonl.gz", content));
  BOOST_TEST(got.records.size() == expected.size());
  BOOST_TEST(texts(got) == expected);
  BOOST_TEST(got.records.back().line == 20000u);
}

BOOST_AUTO_TEST_CASE(truncated_gzip_fails_after_the_good_records) {
  TempDir dir;
  std::string content;
  for (int i = 0; i < 5000; ++i) {
    content +=
        "{\"id\":\"" + std::to_string(i) + "\",\"n\":\"" + std::to_string(i * 104729) + "\"}\n";
  }
  const std::string full = write_gz(dir, "full.jsonl.gz", content);
  std::string bytes;
  {
    std::ifstream in(full, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::string cut = dir.write("cut.jsonl.gz", bytes.substr(0, bytes.size() / 2));

  std::vector<Record> delivered;
  try {
    read_file(
        cut, ReadOptions{}, [&](Record&& r) { delivered.push_back(std::move(r)); },
        [](const InputError&) { BOOST_ERROR("nothing should be skipped"); });
    BOOST_ERROR("no InputError for a truncated gzip file");
  } catch (const InputError& e) {
    BOOST_TEST(std::string(e.what()).find("truncated") != std::string::npos, e.what());
    // The records before the damage were all passed on, in order, and the
    // error names the line that could not be completed.
    BOOST_TEST(delivered.size() > 1000u);
    BOOST_TEST(delivered.size() < 5000u);
    for (size_t i = 0; i < delivered.size(); ++i) {
      BOOST_TEST_CONTEXT("record " << i) {
        BOOST_TEST(delivered[i].line == i + 1);
        BOOST_TEST(delivered[i].text.rfind("{\"id\":\"" + std::to_string(i) + "\"", 0) == 0u);
      }
    }
    BOOST_TEST(e.location() == cut + ":" + std::to_string(delivered.size() + 1));
  }
}

BOOST_AUTO_TEST_CASE(corrupt_gzip_is_an_input_error) {
  TempDir dir;
  std::string bytes = "\x1f\x8b\x08";
  bytes += std::string(200, '\x55');
  const std::string file = dir.write("bad.jsonl.gz", bytes);
  BOOST_CHECK_THROW(read_all(file), InputError);
}

BOOST_AUTO_TEST_CASE(overlong_line_is_skipped_and_reported) {
  TempDir dir;
  ReadOptions options;
  options.max_record_bytes = 1 << 20;  // 1 MiB
  const std::string big(3 << 20, 'x');
  const std::string content = "first\n" + big + "\nthird\n" + big;  // last one unterminated
  for (const std::string& file :
       {dir.write("big.jsonl", content), write_gz(dir, "big.jsonl.gz", content)}) {
    BOOST_TEST_CONTEXT("file: " << file) {
      const Collected got = read_all(file, options);
      BOOST_TEST(texts(got) == (Strings{"first", "third"}), boost::test_tools::per_element());
      BOOST_TEST(lines(got) == (std::vector<size_t>{1, 3}), boost::test_tools::per_element());
      BOOST_REQUIRE(got.skipped.size() == 2u);
      BOOST_TEST(got.skipped[0].rfind(file + ":2: line longer than 1 MiB", 0) == 0u,
                 got.skipped[0]);
      BOOST_TEST(got.skipped[1].rfind(file + ":4: ", 0) == 0u, got.skipped[1]);
    }
  }
}

BOOST_AUTO_TEST_CASE(line_exactly_at_the_limit_is_read) {
  TempDir dir;
  ReadOptions options;
  options.max_record_bytes = 1000;
  const std::string exact(1000, 'y');
  const Collected got = read_all(dir.write("edge.jsonl", exact + "\r\n" + exact + "z\n"), options);
  BOOST_TEST(texts(got) == Strings{exact}, boost::test_tools::per_element());
  BOOST_TEST(got.skipped.size() == 1u);
}

BOOST_AUTO_TEST_CASE(oversized_whole_file_is_an_input_error) {
  TempDir dir;
  ReadOptions options;
  options.max_record_bytes = 1000;
  BOOST_CHECK_THROW(read_all(dir.write("big.json", std::string(5000, ' ')), options), InputError);
}

BOOST_AUTO_TEST_CASE(directories_are_walked_in_a_stable_order) {
  TempDir dir;
  for (const char* name : {"b/2.jsonl", "b/10.jsonl", "a.jsonl", "a/z.json.gz", "c.txt", "B.ndjson",
                           ".hidden.jsonl", ".git/x.jsonl", "d/.cache/y.jsonl", "notes.md",
                           "data.csv", "e/f/g/deep.jsonl.gz", "x.gz"}) {
    dir.write(name, "");
  }
  Strings got = expand_source(dir.path()).files;
  for (std::string& p : got) p = p.substr(dir.path().size() + 1);
  const Strings expected = {"B.ndjson",  "a.jsonl", "a/z.json.gz",        "b/10.jsonl",
                            "b/2.jsonl", "c.txt",   "e/f/g/deep.jsonl.gz"};
  BOOST_TEST(got == expected, boost::test_tools::per_element());
  // Same answer when asked again (no dependence on readdir order).
  Strings again = expand_source(dir.path() + "/").files;
  BOOST_TEST(again.size() == expected.size());
}

BOOST_AUTO_TEST_CASE(sources_as_given) {
  TempDir dir;
  const std::string odd = dir.write("export.data", "{}\n");
  BOOST_TEST(expand_source(odd).files == Strings{odd}, boost::test_tools::per_element());
  BOOST_TEST(expand_source("-").files == Strings{"-"}, boost::test_tools::per_element());
  BOOST_TEST(expand_source(dir.write("empty/.keep", "")).files.size() == 1u);
  BOOST_TEST(expand_source(dir.path() + "/empty").files.empty());
  BOOST_TEST(expand_source(dir.path() + "/empty").unreadable.empty());
}

BOOST_AUTO_TEST_CASE(missing_paths_are_input_errors) {
  TempDir dir;
  const std::string missing = dir.path() + "/nope.jsonl";
  try {
    expand_source(missing);
    BOOST_ERROR("no InputError");
  } catch (const InputError& e) {
    BOOST_TEST(e.location() == missing);
  }
  BOOST_CHECK_THROW(read_all(missing), InputError);
}

// Symlinks are followed; loops, dangling links and unreadable folders are
// named, and nothing is read twice.
BOOST_AUTO_TEST_CASE(symlinks_and_unreadable_entries) {
  TempDir dir;
  dir.write("feed/a.jsonl", "{}\n");
  dir.write("feed/real/b.jsonl", "{}\n");
  dir.write("other/c.jsonl", "{}\n");
  const std::string feed = dir.path() + "/feed";
  fs::create_symlink("loop.jsonl", feed + "/loop.jsonl");
  fs::create_symlink("gone.jsonl", feed + "/dangling.jsonl");
  fs::create_symlink("real", feed + "/linked");
  fs::create_symlink("..", feed + "/real/up");
  fs::create_symlink(dir.path() + "/other", feed + "/outside");
  fs::create_symlink("a.jsonl", feed + "/alias.jsonl");
  const SourceFiles got = expand_source(feed);
  Strings files;
  for (const std::string& p : got.files) files.push_back(p.substr(feed.size() + 1));
  BOOST_TEST(files == (Strings{"a.jsonl", "linked/b.jsonl", "outside/c.jsonl"}),
             boost::test_tools::per_element());
  Strings unreadable;
  for (const InputError& e : got.unreadable) {
    unreadable.push_back(e.location().substr(feed.size() + 1) + ": " + e.what());
  }
  std::sort(unreadable.begin(), unreadable.end());
  BOOST_TEST(unreadable == (Strings{"dangling.jsonl: No such file or directory",
                                    "loop.jsonl: Too many levels of symbolic links"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(deep_trees_are_walked_without_recursion) {
  TempDir dir;
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += "d/";
  dir.write(deep + "x.jsonl", "{}\n");
  BOOST_TEST(expand_source(dir.path()).files.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_gz_name_promises_gzip) {
  TempDir dir;
  const std::string fake = dir.write("fake.jsonl.gz", "{\"id\": \"x\"}\n");
  try {
    read_all(fake);
    BOOST_ERROR("no InputError");
  } catch (const InputError& e) {
    BOOST_TEST(e.location() == fake);
    BOOST_TEST(std::string(e.what()) == "not in gzip format");
  }
  BOOST_TEST(texts(read_all(write_gz(dir, "real.jsonl.gz", "{}\n"))) == Strings{"{}"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_last_line_without_newline_is_marked) {
  TempDir dir;
  const Collected cut = read_all(dir.write("cut.jsonl", "{\"a\":1}\n{\"b\":"));
  BOOST_REQUIRE(cut.records.size() == 2u);
  BOOST_TEST(!cut.records[0].unterminated);
  BOOST_TEST(cut.records[1].unterminated);
  const Collected whole = read_all(dir.write("whole.jsonl", "{\"a\":1}\n{\"b\":2}\n\n"));
  BOOST_REQUIRE(whole.records.size() == 2u);
  BOOST_TEST(!whole.records[1].unterminated);
}

BOOST_AUTO_TEST_CASE(record_location) {
  const Record r{"dir/f.jsonl", 17, RecordKind::kJson, "{}"};
  BOOST_TEST(r.location() == "dir/f.jsonl:17");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
