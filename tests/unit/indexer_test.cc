// run_index / delete_articles on a temporary index directory.

#include <stdlib.h>
#include <xapian.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "index/document_builder.h"
#include "news/article.h"
#include "news/index.h"
#include "schema.h"
#include "store/layout.h"
#include "temp_dir.h"

namespace news {

BOOST_AUTO_TEST_SUITE(indexer_test)

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

using testing::TempDir;

std::string article(const std::string& id, const std::string& title,
                    const std::string& extra = "") {
  return R"({"id":")" + id + R"(","title":")" + title + R"(")" + extra + "}";
}

// Runs an index command, collecting warnings and rejections as reported.
struct Run {
  IndexReport report;
  Strings warnings;
  Strings rejected;  // "LOCATION: reason" in the order reported
};

Run index(const std::string& db, const Strings& sources, IndexMode mode = IndexMode::kAdd,
          size_t batch_size = 10000) {
  Run run;
  IndexOptions options;
  options.db = db;
  options.sources = sources;
  options.mode = mode;
  options.batch_size = batch_size;
  options.threads = 2;
  options.max_delete.share = 1;  // the deletion guard has a test of its own
  options.on_warning = [&](const std::string& w) { run.warnings.push_back(w); };
  options.on_reject = [&](const Rejection& r) {
    run.rejected.push_back(r.location + ": " + r.reason);
  };
  run.report = run_index(options);
  return run;
}

// The stored article with `id`, read back through Xapian.
Article stored(const std::string& db, const std::string& id) {
  Xapian::Database xdb(db);
  const std::string term = schema::id_term(id);
  Xapian::PostingIterator it = xdb.postlist_begin(term);
  BOOST_REQUIRE_MESSAGE(it != xdb.postlist_end(term), "no document " << id);
  const Article a = stored_article(xdb.get_document(*it));
  BOOST_TEST((++it == xdb.postlist_end(term)), "two documents for " << id);
  return a;
}

Strings all_ids(const std::string& db) {
  Xapian::Database xdb(db);
  Strings out;
  for (auto it = xdb.allterms_begin(schema::kIdPrefix); it != xdb.allterms_end(schema::kIdPrefix);
       ++it) {
    out.push_back((*it).substr(1));
  }
  return out;
}

BOOST_AUTO_TEST_CASE(added_updated_unchanged_counts) {
  TempDir dir;
  const std::string v1 = dir.write(
      "v1.jsonl", {article("a", "Alpha"), article("b", "Bravo"), article("c", "Charlie")});
  Run r = index(dir.db(), {v1});
  BOOST_TEST(r.report.added == 3u);
  BOOST_TEST(r.report.updated == 0u);
  BOOST_TEST(r.report.unchanged == 0u);
  BOOST_TEST(r.report.documents == 3u);
  BOOST_TEST(r.report.rejections.empty());
  BOOST_TEST(r.warnings.empty());

  r = index(dir.db(), {v1});
  BOOST_TEST(r.report.added == 0u);
  BOOST_TEST(r.report.updated == 0u);
  BOOST_TEST(r.report.unchanged == 3u);
  BOOST_TEST(r.report.documents == 3u);

  const std::string v2 = dir.write(
      "v2.jsonl", {article("a", "Alpha"), article("b", "Bravo, corrected"), article("d", "Delta")});
  r = index(dir.db(), {v2});
  BOOST_TEST(r.report.added == 1u);
  BOOST_TEST(r.report.updated == 1u);
  BOOST_TEST(r.report.unchanged == 1u);
  BOOST_TEST(r.report.documents == 4u);
  BOOST_TEST(stored(dir.db(), "b").title == "Bravo, corrected");
  BOOST_TEST(all_ids(dir.db()) == (Strings{"a", "b", "c", "d"}), boost::test_tools::per_element());

  // A change in an unknown field is a change too (it is stored).
  r = index(dir.db(), {dir.write("v3.jsonl", {article("a", "Alpha", R"(,"lang":"en")")})});
  BOOST_TEST(r.report.updated == 1u);
  BOOST_TEST(stored(dir.db(), "a").extra.at("lang") == R"("en")");
}

BOOST_AUTO_TEST_CASE(duplicate_ids_last_one_wins_and_are_reported) {
  TempDir dir;
  const std::string file = dir.write("dups.jsonl", {article("a", "First"), article("b", "Other"),
                                                    article("a", "Second"), article("a", "Third")});
  for (const IndexMode mode : {IndexMode::kAdd, IndexMode::kRebuild}) {
    BOOST_TEST_CONTEXT("mode " << static_cast<int>(mode)) {
      const Run r = index(dir.db(), {file}, mode);
      BOOST_TEST(r.report.duplicates == 2u);
      BOOST_TEST(r.report.documents == 2u);
      BOOST_TEST(r.report.rejections.empty());
      BOOST_TEST(stored(dir.db(), "a").title == "Third");
      BOOST_REQUIRE(r.warnings.size() == 2u);
      BOOST_TEST(r.warnings[0].find(file + ":3") != std::string::npos, r.warnings[0]);
      BOOST_TEST(r.warnings[0].find("duplicate id 'a'") != std::string::npos, r.warnings[0]);
      BOOST_TEST(r.warnings[0].find(file + ":1") != std::string::npos, r.warnings[0]);
      BOOST_TEST(r.warnings[1].find(file + ":4") != std::string::npos, r.warnings[1]);
      BOOST_TEST(r.warnings[1].find(file + ":3") != std::string::npos, r.warnings[1]);
    }
  }
  // Across files of one run, the later file wins.
  const std::string later = dir.write("later.jsonl", {article("a", "From the later file")});
  const Run r = index(dir.db(), {file, later});
  BOOST_TEST(stored(dir.db(), "a").title == "From the later file");
  BOOST_TEST(r.report.duplicates == 3u);
}

BOOST_AUTO_TEST_CASE(rejections_are_located_and_the_rest_indexed) {
  TempDir dir;
  const std::string file =
      dir.write("mixed.jsonl", {article("a", "Good"), R"({"id":"b"})", "{broken", "",
                                R"({"id":"c","title":"t","tags":[1]})", article("d", "Also good")});
  const std::string missing = dir.path() + "/missing.jsonl";
  const Run r = index(dir.db(), {file, missing});
  BOOST_TEST(r.report.added == 2u);
  BOOST_TEST(r.report.documents == 2u);
  BOOST_REQUIRE(r.report.rejections.size() == 4u);
  // Records of a file are reported in order; an unreadable source may be
  // reported before the records of an earlier one (they are parsed by the
  // pipeline's threads).
  std::map<std::string, std::string> got;
  for (const Rejection& rej : r.report.rejections) got[rej.location] = rej.reason;
  const std::map<std::string, std::string> expected = {
      {file + ":2", "missing required field 'title'"},
      {file + ":3", "malformed JSON"},
      {file + ":5", "field 'tags'"},
      {missing, "no such file"}};
  BOOST_REQUIRE(got.size() == expected.size());
  for (const auto& [location, reason] : expected) {
    BOOST_TEST_CONTEXT("rejection " << location) {
      BOOST_REQUIRE(got.count(location) == 1u);
      BOOST_TEST(got[location].find(reason) != std::string::npos, got[location]);
    }
  }
  Strings file_order;
  for (const Rejection& rej : r.report.rejections) {
    if (rej.location != missing) file_order.push_back(rej.location);
  }
  BOOST_TEST(file_order == (Strings{file + ":2", file + ":3", file + ":5"}),
             boost::test_tools::per_element());
  for (size_t i = 0; i < r.rejected.size(); ++i) {
    BOOST_TEST(r.rejected[i] ==
               r.report.rejections[i].location + ": " + r.report.rejections[i].reason);
  }
  BOOST_TEST(all_ids(dir.db()) == (Strings{"a", "d"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(small_batches_commit_everything) {
  TempDir dir;
  Strings lines;
  for (int i = 0; i < 250; ++i) lines.push_back(article("id" + std::to_string(i), "Story"));
  const Run r = index(dir.db(), {dir.write("many.jsonl", lines)}, IndexMode::kAdd, 7);
  BOOST_TEST(r.report.added == 250u);
  BOOST_TEST(Xapian::Database(dir.db()).get_doccount() == 250u);
}

// A source that cannot be read is reported and the rest indexed, but
// nothing is deleted: a rebuild keeps the live stories it did not read.
BOOST_AUTO_TEST_CASE(a_missing_source_deletes_nothing) {
  TempDir dir;
  const std::string v1 = dir.write("v1.jsonl", {article("a", "Alpha"), article("b", "Bravo")});
  index(dir.db(), {v1});
  const std::string v2 = dir.write("v2.jsonl", {article("z", "Zulu")});
  const std::string missing = dir.path() + "/gone.jsonl";
  const Run rebuilt = index(dir.db(), {v2, missing}, IndexMode::kRebuild);
  BOOST_REQUIRE(rebuilt.report.incomplete.size() == 1u);
  BOOST_TEST(rebuilt.report.incomplete[0].location == missing);
  BOOST_TEST(rebuilt.report.rejections.size() == 1u);
  BOOST_TEST(rebuilt.report.kept == 2u);
  BOOST_TEST(rebuilt.report.deleted == 0u);
  BOOST_TEST(rebuilt.report.deletions_held_back.find(missing) != std::string::npos);
  BOOST_TEST(all_ids(dir.db()) == (Strings{"a", "b", "z"}), boost::test_tools::per_element());

  const Run synced = index(dir.db(), {v2, missing}, IndexMode::kSync);
  BOOST_TEST(synced.report.deleted == 0u);
  BOOST_TEST(synced.report.unchanged == 1u);
  BOOST_TEST(all_ids(dir.db()) == (Strings{"a", "b", "z"}), boost::test_tools::per_element());

  // With every source read, the switch removes what they no longer hold.
  const Run r = index(dir.db(), {v2}, IndexMode::kRebuild);
  BOOST_TEST(r.report.added == 1u);
  BOOST_TEST(r.report.deleted == 2u);
  BOOST_TEST(all_ids(dir.db()) == Strings{"z"}, boost::test_tools::per_element());
}

// More deletions than --max-delete allows: none, and an error with the
// numbers; a rebuild does not switch.
BOOST_AUTO_TEST_CASE(the_deletion_guard) {
  TempDir dir;
  Strings lines;
  for (int i = 0; i < 20; ++i) lines.push_back(article("id" + std::to_string(i), "Story"));
  index(dir.db(), {dir.write("all.jsonl", lines)});
  const Strings half(lines.begin(), lines.begin() + 10);
  const std::string part = dir.write("half.jsonl", half);
  const Strings before = all_ids(dir.db());
  for (const IndexMode mode : {IndexMode::kSync, IndexMode::kRebuild}) {
    IndexOptions options;
    options.db = dir.db();
    options.sources = {part};
    options.mode = mode;
    try {
      run_index(options);
      BOOST_ERROR("no IndexError");
    } catch (const IndexError& e) {
      BOOST_TEST(
          std::string(e.what()).find("would delete 10 of 20 stories (50%)") != std::string::npos,
          e.what());
    }
    BOOST_TEST(all_ids(dir.db()) == before, boost::test_tools::per_element());
    options.max_delete = parse_deletion_limit("10");
    BOOST_TEST(run_index(options).deleted == 10u);
    index(dir.db(), {dir.write("all.jsonl", lines)});
  }
  BOOST_TEST(parse_deletion_limit("12.5%").allowed(100) == 12u);
  BOOST_TEST(parse_deletion_limit("7").allowed(100) == 7u);
  BOOST_TEST(DeletionLimit().allowed(100) == 10u);
  for (const char* bad : {"", "-1", "101%", "x", "1.5", "5%%", "%"}) {
    BOOST_CHECK_THROW(parse_deletion_limit(bad), std::invalid_argument);
  }
}

BOOST_AUTO_TEST_CASE(sync_deletes_what_the_sources_no_longer_have) {
  TempDir dir;
  index(dir.db(),
        {dir.write("v1.jsonl", {article("a", "A"), article("b", "B"), article("c", "C")})});
  const Run r = index(dir.db(), {dir.write("v2.jsonl", {article("b", "B"), article("d", "D")})},
                      IndexMode::kSync);
  BOOST_TEST(r.report.deleted == 2u);
  BOOST_TEST(r.report.added == 1u);
  BOOST_TEST(r.report.unchanged == 1u);
  BOOST_TEST(all_ids(dir.db()) == (Strings{"b", "d"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(delete_by_id) {
  TempDir dir;
  index(dir.db(), {dir.write("v1.jsonl", {article("a", "A"), article("b", "B")})});
  const IndexReport r = delete_articles(dir.db(), {"a", "nope"}, 0);
  BOOST_TEST(r.deleted == 1u);
  BOOST_TEST(r.documents == 1u);
  BOOST_TEST(r.rejections.size() == 1u);
  BOOST_TEST(all_ids(dir.db()) == Strings{"b"}, boost::test_tools::per_element());
  BOOST_CHECK_THROW(delete_articles(dir.path() + "/no-index", {"a"}, 0), IndexError);
}

BOOST_AUTO_TEST_CASE(long_and_zero_byte_ids_are_indexed) {
  TempDir dir;
  const std::string long_id(1000, 'q');
  std::string zero_id = R"({"id":"z)";
  for (int i = 0; i < 200; ++i) zero_id += "\\u0000";
  zero_id += R"(","title":"zeros","tags":[")";
  for (int i = 0; i < 300; ++i) zero_id += "\\u0000";
  zero_id += R"("]})";
  const Run r = index(
      dir.db(), {dir.write("long.jsonl",
                           {article(long_id, "Long"), article(long_id + "x", "Longer"), zero_id})});
  BOOST_TEST(r.report.added == 3u);
  BOOST_TEST(r.report.rejections.empty());
  BOOST_TEST(stored(dir.db(), long_id).title == "Long");
  BOOST_TEST(stored(dir.db(), long_id + "x").title == "Longer");
  BOOST_TEST(stored(dir.db(), "z" + std::string(200, '\0')).title == "zeros");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
