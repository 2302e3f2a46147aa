#ifndef NEWS_BENCH_BENCH_QUERIES_H_
#define NEWS_BENCH_BENCH_QUERIES_H_

// The peer harness's query file (../shared/bench, README "Queries"):
// qid kind text filter_field filter_value source_doc, tab-separated,
// header first.

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "news/search.h"

namespace news_bench {

struct BenchQuery {
  std::string qid, kind, text, filter_field, filter_value;
};

inline std::vector<BenchQuery> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<BenchQuery> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, '\t');) f.push_back(cell);
    f.resize(6);
    out.push_back(BenchQuery{f[0], f[1], f[2], f[3], f[4]});
  }
  return out;
}

// The request news-search would make of it: top 10, no snippets, the
// filter as a field filter, the ranking from NEWS_RANKING when set,
// collapsed on near-duplicate clusters when NEWS_COLLAPSE is set.
inline news::SearchRequest make_request(const BenchQuery& q) {
  news::SearchRequest r;
  r.query = q.text;
  r.limit = 10;
  r.snippets = false;
  if (const char* ranking = std::getenv("NEWS_RANKING")) r.ranking = ranking;
  r.collapse = std::getenv("NEWS_COLLAPSE") != nullptr;
  if (!q.filter_field.empty()) r.filters.emplace_back(q.filter_field, q.filter_value);
  return r;
}

}  // namespace news_bench

#endif  // NEWS_BENCH_BENCH_QUERIES_H_
