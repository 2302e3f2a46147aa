// Generations: the stub names the live one and the one it replaced; older
// generations go; a searcher that opened an old generation keeps working
// after it is deleted, and a new searcher sees the new one.

#include "store/layout.h"

#include <stdlib.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "news/index.h"
#include "search/searcher.h"
#include "temp_dir.h"

namespace news {

BOOST_AUTO_TEST_SUITE(layout_test)

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

using testing::TempDir;

Strings generation_dirs(const std::string& root) {
  Strings out;
  for (const auto& entry : fs::directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("gen-", 0) == 0) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Strings names(const Strings& paths) {
  Strings out;
  for (const std::string& p : paths) out.push_back(fs::path(p).filename().string());
  return out;
}

BOOST_AUTO_TEST_CASE(publish_keeps_exactly_one_previous_generation) {
  TempDir dir;
  const IndexLayout layout(dir.path());
  BOOST_TEST(!layout.exists());
  for (int i = 1; i <= 3; ++i) {
    const std::string gen = layout.next_generation();
    fs::create_directories(gen);
    layout.publish({gen});
  }
  BOOST_TEST(layout.exists());
  BOOST_TEST(names(layout.live_databases()) == Strings{"gen-000003"});
  BOOST_TEST(names(layout.previous_databases()) == Strings{"gen-000002"});
  BOOST_TEST(generation_dirs(dir.path()) == (Strings{"gen-000002", "gen-000003"}));
}

BOOST_AUTO_TEST_CASE(housekeeping_removes_only_unnamed_generations) {
  TempDir dir;
  const IndexLayout layout(dir.path());
  for (int i = 1; i <= 2; ++i) {
    const std::string gen = layout.next_generation();
    fs::create_directories(gen);
    layout.publish({gen});
  }
  fs::create_directories(layout.next_generation());  // a crashed rebuild's
  fs::create_directories(dir.path() + "/not-a-generation");
  layout.remove_stale_generations();
  BOOST_TEST(generation_dirs(dir.path()) == (Strings{"gen-000001", "gen-000002"}));
  BOOST_TEST(fs::exists(dir.path() + "/not-a-generation"));
  BOOST_TEST(layout.next_generation() == dir.path() + "/gen-000003");
}

void write_articles(const std::string& path, const std::string& word, int count) {
  std::ofstream out(path);
  for (int i = 0; i < count; ++i) {
    out << R"({"id":")" << word << "-" << i << R"(","title":"Story )" << i << R"(","body":"About )"
        << word << R"( and other things."})"
        << "\n";
  }
}

IndexReport rebuild(const std::string& db, const std::string& source) {
  IndexOptions options;
  options.db = db;
  options.sources = {source};
  options.mode = IndexMode::kRebuild;
  options.max_delete.share = 1;
  return run_index(options);
}

size_t hits(Searcher& searcher, const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.limit = 0;
  return searcher.search(request).total;
}

BOOST_AUTO_TEST_CASE(running_searcher_survives_removal_of_its_generation) {
  TempDir dir;
  const std::string db = dir.path() + "/index";
  write_articles(dir.path() + "/a.jsonl", "alpha", 20);
  write_articles(dir.path() + "/b.jsonl", "beta", 30);
  write_articles(dir.path() + "/c.jsonl", "gamma", 40);
  rebuild(db, dir.path() + "/a.jsonl");
  Searcher old_searcher({db});
  BOOST_TEST(hits(old_searcher, "alpha") == 20u);

  rebuild(db, dir.path() + "/b.jsonl");
  rebuild(db, dir.path() + "/c.jsonl");  // removes gen-000001, which old_searcher reads
  BOOST_TEST(!fs::exists(db + "/gen-000001"));
  BOOST_TEST(hits(old_searcher, "alpha") == 20u);
  BOOST_TEST(hits(old_searcher, "\"about alpha\"") == 20u);  // positions too

  Searcher new_searcher({db});
  BOOST_TEST(hits(new_searcher, "gamma") == 40u);
  BOOST_TEST(hits(new_searcher, "alpha") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
