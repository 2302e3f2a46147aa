// Parallel document building (index/pipeline.h) and shard routing and stub
// expansion (index/sharded_writer.h, store/shards.h).

#include "index/pipeline.h"

#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "index/sharded_writer.h"
#include "news/search.h"
#include "schema.h"
#include "store/shards.h"

namespace news {

BOOST_AUTO_TEST_SUITE(pipeline_test)

namespace fs = std::filesystem;

Record json_record(size_t line, const std::string& text) {
  Record r;
  r.file = "in.jsonl";
  r.line = line;
  r.text = text;
  return r;
}

std::string article_json(size_t i) {
  return "{\"id\": \"a" + std::to_string(i) + "\", \"title\": \"Story number " + std::to_string(i) +
         "\", \"body\": \"Body text of story " + std::to_string(i) +
         " about tariffs and trade.\", \"published\": \"2025-04-01T10:00:00Z\"}";
}

// What the sink saw: "id|doc data" or "!location: error", in order.
std::vector<std::string> run_pipeline(size_t threads, size_t in_flight, size_t records) {
  std::vector<std::string> seen;
  BuildPipeline pipeline(PipelineOptions{threads, in_flight, {}}, [&](BuiltArticle&& b) {
    seen.push_back(b.rejected() ? "!" + b.reject_location() + ": " + b.error
                                : b.id + "|" + b.doc.get_data() + "|" +
                                      std::to_string(b.doc.termlist_count()));
  });
  for (size_t i = 1; i <= records; ++i) {
    pipeline.push(json_record(i, i % 7 == 0 ? "{\"id\": broken" : article_json(i)));
  }
  pipeline.finish();
  return seen;
}

BOOST_AUTO_TEST_CASE(same_output_in_input_order_whatever_the_threads) {
  const std::vector<std::string> inline_run = run_pipeline(1, 0, 200);
  BOOST_TEST(inline_run.size() == 200u);
  BOOST_TEST(inline_run[0].rfind("a1|", 0) == 0);
  BOOST_TEST(inline_run[6].rfind("!in.jsonl:7: ", 0) == 0);
  struct Case {
    size_t threads, in_flight;
  };
  for (const Case& c : {Case{2, 0}, Case{3, 1}, Case{4, 5}, Case{8, 2}}) {
    BOOST_TEST_CONTEXT("threads " << c.threads << ", in flight " << c.in_flight) {
      BOOST_TEST(run_pipeline(c.threads, c.in_flight, 200) == inline_run);
    }
  }
}

// Spelling counts (documents holding each word), sent in batches with the
// built articles and the rest by close(), whatever the threads.
BOOST_AUTO_TEST_CASE(spelling_counts_every_built_document_once) {
  const size_t records = 1300;  // more than two spelling batches
  const Xapian::termcount good = records - records / 7;
  for (size_t threads : {1, 2, 3}) {
    BOOST_TEST_CONTEXT("threads " << threads) {
      SpellingCounts counts;
      BuildPipeline pipeline(PipelineOptions{threads, 0, {}}, [&](BuiltArticle&& b) {
        for (const auto& [word, n] : b.spelling) counts[word] += n;
      });
      for (size_t i = 1; i <= records; ++i) {
        pipeline.push(json_record(i, i % 7 == 0 ? "{\"id\": broken" : article_json(i)));
      }
      for (const auto& [word, n] : pipeline.close()) counts[word] += n;
      BOOST_TEST(counts["tariffs"] == good);
      BOOST_TEST(counts["story"] == good);  // in title and body: once a document
      BOOST_TEST(counts["number"] == good);
      BOOST_TEST(counts.count("a1") == 0u);  // ids are not words of the text
      BOOST_TEST(counts.count("12") == 0u);  // nor numbers
    }
  }
}

BOOST_AUTO_TEST_CASE(sink_exception_propagates) {
  BuildPipeline pipeline(PipelineOptions{3, 4, {}}, [](BuiltArticle&& b) {
    if (b.id == "a5") throw std::runtime_error("sink failed");
  });
  BOOST_CHECK_THROW(
      {
        for (size_t i = 1; i <= 50; ++i) pipeline.push(json_record(i, article_json(i)));
        pipeline.finish();
      },
      std::runtime_error);
}

// Pinned: a change would send existing articles of a sharded index to other
// shards, where add, sync and delete would not find them.
struct RoutingCase {
  const char* id;
  size_t shards;
  size_t shard;
};

BOOST_AUTO_TEST_CASE(shard_routing_is_pinned) {
  static const RoutingCase kCases[] = {
      {"a1", 1, 0},
      {"a1", 2, 0},
      {"a1", 3, 0},
      {"a1", 4, 2},
      {"a1", 7, 5},
      {"reuters-1", 2, 0},
      {"reuters-1", 3, 1},
      {"reuters-1", 4, 2},
      {"reuters-1", 7, 5},
      {"x", 3, 1},
      {"x", 4, 0},
      {"x", 7, 0},
      {"sample-20250425-us-korea-aim-july-package", 2, 1},
      {"sample-20250425-us-korea-aim-july-package", 4, 3},
      {"page-0123456789abcdef", 7, 3},
  };
  for (const RoutingCase& c : kCases) {
    BOOST_TEST_CONTEXT("id " << c.id << ", " << c.shards << " shards") {
      BOOST_TEST(shard_for(schema::id_term(c.id), c.shards) == c.shard);
    }
  }
  std::vector<size_t> counts(4);
  for (int i = 0; i < 4000; ++i) ++counts[shard_for(schema::id_term("id" + std::to_string(i)), 4)];
  for (size_t c : counts) BOOST_TEST((c > 800 && c < 1200), "shard sizes " << c);
}

BOOST_AUTO_TEST_CASE(stub_files_expand_to_shards) {
  const fs::path dir = fs::temp_directory_path() / ("pipeline_test_" + std::to_string(::getpid()));
  fs::create_directories(dir / "s1");
  std::ofstream(dir / "s1" / "iamglass") << "";
  std::ofstream(dir / "inner.stub") << "glass s1\n";
  std::ofstream(dir / "outer.stub") << "# comment\nremote 10.0.0.1:3333\nauto inner.stub\n"
                                    << "remote host.example:44\n";
  const std::vector<ShardSpec> shards = expand_shards({(dir / "outer.stub").string()});
  BOOST_TEST_REQUIRE(shards.size() == 3u);
  BOOST_TEST(shards[0].host == "10.0.0.1");
  BOOST_TEST(shards[0].port == 3333u);
  BOOST_TEST(shards[1].path == (dir / "s1").string());
  BOOST_TEST(shards[2].name == "host.example:44");
  BOOST_TEST(any_remote(shards));

  std::ofstream(dir / "bad.stub") << "remote :ssh host xapian-progsrv /x\n";
  BOOST_CHECK_THROW(expand_shards({(dir / "bad.stub").string()}), IndexError);
  BOOST_CHECK_THROW(expand_shards({(dir / "missing").string()}), IndexError);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
