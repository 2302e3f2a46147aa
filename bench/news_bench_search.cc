// news_bench_search: the searcher side of the peer benchmark
// (../shared/bench, README "Adding an engine") on top of newscore.
//
//   news_bench_search INDEXDIR QUERIES MODE PASSES OUTPREFIX
//
// Reads the query file (qid kind text filter_field filter_value source_doc,
// header first), runs one untimed warm-up pass and PASSES timed passes in
// this process, timing only news::Searcher::search (parse, match, top-10 ids, and
// in MODE=facets exact tag counts over all matches), and writes
// OUTPREFIX.lat, OUTPREFIX.top and OUTPREFIX.facets as the harness expects.
// NEWS_RANKING (environment) is passed as news-search --ranking, to measure
// other rankings than the default (e.g. expand=0: plain BM25); with
// NEWS_COLLAPSE set, every search is --collapse (bench/collapse_bench.sh).

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "bench_queries.h"
#include "news/search.h"

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: news_bench_search INDEXDIR QUERIES top10|facets PASSES OUTPREFIX\n";
    return 2;
  }
  try {
    const std::vector<news_bench::BenchQuery> queries = news_bench::read_queries(argv[2]);
    const bool facets = std::string(argv[3]) == "facets";
    const int passes = std::stoi(argv[4]);
    const std::string prefix = argv[5];
    news::Searcher searcher({argv[1]});
    searcher.keep_values_in_memory();  // as news-search --queries
    std::vector<news::SearchRequest> requests;
    for (const news_bench::BenchQuery& q : queries) {
      requests.push_back(news_bench::make_request(q));
      if (facets) requests.back().facets = {"tag"};
    }
    std::vector<news::SearchResults> results(queries.size());
    for (size_t i = 0; i < queries.size(); ++i) results[i] = searcher.search(requests[i]);
    std::ofstream lat(prefix + ".lat");
    for (int p = 1; p <= passes; ++p) {
      for (size_t i = 0; i < queries.size(); ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        results[i] = searcher.search(requests[i]);
        const double us =
            std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0)
                .count();
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.1f", us);
        lat << queries[i].qid << '\t' << p << '\t' << buf << '\t' << results[i].total << '\n';
      }
    }
    std::ofstream top(prefix + ".top"), fac(prefix + ".facets");
    for (size_t i = 0; i < queries.size(); ++i) {
      for (const news::Hit& h : results[i].hits) {
        top << queries[i].qid << '\t' << h.rank << '\t' << h.article.id << '\n';
      }
      for (const news::Facet& f : results[i].facets) {
        for (const news::FacetValue& v : f.values) {
          fac << queries[i].qid << '\t' << v.value << '\t' << v.count << '\n';
        }
      }
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "news_bench_search: " << e.what() << "\n";
    return 2;
  }
}
