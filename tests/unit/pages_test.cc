// Runs the page cleaner over the hand-checked pages in the shared corpus
// (NEWS_SHARED_DIR/corpus/pages/*.txt and the seed page) and scores every
// expected field; fails when any field (title, authors, ..., paragraphs,
// must_not_contain) passes fewer than 95% of its checks.

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "clean/cleaner.h"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr double kPassShare = 0.95;

struct Score {
  int passed = 0;
  int total = 0;
};

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> split_paragraphs(const std::string& body) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= body.size() && !body.empty()) {
    std::size_t end = body.find("\n\n", start);
    if (end == std::string::npos) end = body.size();
    out.push_back(body.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

std::string or_empty(const Json& v) { return v.is_string() ? v.get<std::string>() : std::string(); }

std::vector<std::string> list_of(const Json& v) {
  std::vector<std::string> out;
  if (v.is_array()) {
    for (const Json& s : v) out.push_back(s.get<std::string>());
  }
  return out;
}

std::vector<std::pair<fs::path, fs::path>> find_pages(const fs::path& corpus) {
  std::vector<std::pair<fs::path, fs::path>> pages;
  auto add = [&](const fs::path& txt) {
    fs::path expected = txt;
    expected.replace_extension(".expected.json");
    if (fs::exists(expected)) pages.emplace_back(txt, expected);
  };
  for (const auto& e : fs::directory_iterator(corpus)) {
    if (e.path().extension() == ".txt") add(e.path());
  }
  if (fs::is_directory(corpus / "pages")) {
    for (const auto& e : fs::directory_iterator(corpus / "pages")) {
      if (e.path().extension() == ".txt") add(e.path());
    }
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

class Checker {
 public:
  explicit Checker(std::map<std::string, Score>* scores) : scores_(scores) {}

  void check(const std::string& page, const std::string& field, bool ok, const std::string& got,
             const std::string& want) {
    Score& s = (*scores_)[field];
    ++s.total;
    s.passed += ok;
    if (!ok) {
      std::cout << "  MISS " << page << " " << field << "\n    got:  " << got.substr(0, 200)
                << "\n    want: " << want.substr(0, 200) << "\n";
    }
  }

 private:
  std::map<std::string, Score>* scores_;
};

std::string joined(const std::vector<std::string>& v) {
  std::string out = "[";
  for (const auto& s : v) out += (out.size() > 1 ? ", " : "") + s;
  return out + "]";
}

void score_page(const std::string& name, const news::Article& a, const Json& want, Checker& c) {
  auto field = [&](const char* key, const std::string& got) {
    c.check(name, key, got == or_empty(want[key]), got, or_empty(want[key]));
  };
  auto list = [&](const char* key, const std::vector<std::string>& got) {
    const auto w = list_of(want[key]);
    c.check(name, key, got == w, joined(got), joined(w));
  };
  field("title", a.title);
  list("authors", a.authors);
  field("source", a.source);
  field("published", a.published);
  field("section", a.section);
  list("tags", a.tags);
  list("places", a.places);
  const auto paras = split_paragraphs(a.body);
  const std::string first = paras.empty() ? "" : paras.front();
  const std::string last = paras.empty() ? "" : paras.back();
  field("body_first", first);
  field("body_last", last);
  const int n = static_cast<int>(paras.size());
  const int want_n = want.value("paragraphs", 0);
  c.check(name, "paragraphs", std::abs(n - want_n) <= 1, std::to_string(n), std::to_string(want_n));
  for (const std::string& bad : list_of(want["must_not_contain"])) {
    c.check(name, "must_not_contain", a.body.find(bad) == std::string::npos, "found", bad);
  }
}

void print_table(const std::map<std::string, Score>& scores, Score* all) {
  std::cout << "\nfield              passed/total\n";
  for (const auto& [field, s] : scores) {
    std::cout << "  " << std::left << std::setw(18) << field << s.passed << "/" << s.total << "\n";
    all->passed += s.passed;
    all->total += s.total;
  }
  std::cout << "  " << std::left << std::setw(18) << "ALL" << all->passed << "/" << all->total
            << "\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pages)

// Skipped, and reported as skipped, without the shared corpus.
boost::test_tools::assertion_result has_expected_pages(boost::unit_test::test_unit_id) {
  const fs::path corpus = fs::path(NEWS_SHARED_DIR) / "corpus";
  boost::test_tools::assertion_result ok = fs::is_directory(corpus) && !find_pages(corpus).empty();
  ok.message() << "no *.expected.json pages in " << corpus;
  return ok;
}

BOOST_AUTO_TEST_CASE(expected_fields_of_real_pages,
                     *boost::unit_test::precondition(has_expected_pages)) {
  const fs::path corpus = fs::path(NEWS_SHARED_DIR) / "corpus";
  const auto pages = find_pages(corpus);
  std::map<std::string, Score> scores;
  Checker checker(&scores);
  for (const auto& [txt, expected] : pages) {
    const std::string name = txt.filename().string();
    const Json want = Json::parse(read_file(expected));
    news::Article a;
    try {
      a = news::clean_page(read_file(txt));
    } catch (const news::ArticleError& e) {
      std::cout << "  REJECTED " << name << ": " << e.what() << "\n";
    }
    score_page(name, a, want, checker);
  }
  Score all;
  print_table(scores, &all);
  BOOST_TEST(all.total > 0);
  for (const auto& [field, s] : scores) {
    BOOST_TEST_CONTEXT("field: " << field) {
      BOOST_TEST(s.passed >= kPassShare * s.total,
                 field << " passed " << s.passed << "/" << s.total);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
