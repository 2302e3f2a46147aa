// feedback_phases: where the default ranking's time goes, query by query,
// in batch mode (lengths and date keys in memory, as news_bench_search).
//
//   feedback_phases INDEXDIR QUERIES PASSES
//
// For each query of the harness's query file (top 10, no facets), after a
// warm-up pass, times: the feedback's first pass alone (the query's top
// stories), Ranker::prepare (that first pass, then Bo1 over the stories'
// termlists, then the final query), the final match, and the same query
// with plain BM25 (expand=0) for comparison. Also prints the median number
// of stories the query matches and of postings of the feedback stems: the
// final match weighs the stems for every story the query matches.

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "bench_queries.h"
#include "columns/date_keys.h"
#include "columns/memory_bm25.h"
#include "search/query_parser.h"
#include "search/ranking.h"
#include "text/dates.h"

namespace {

using Clock = std::chrono::steady_clock;

double micros(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double, std::micro>(to - from).count();
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return v.empty() ? 0 : sum / v.size();
}

struct Index {
  Xapian::Database db;
  std::unique_ptr<news::DateKeys> dates;
  std::unique_ptr<news::MemoryBm25> lengths;
  news::CivilDay today;
};

// The final match of `request`, prepared by a Ranker, as Searcher::run
// runs it; returns the prepare and match times.
std::pair<double, double> ranked(const Index& index, const news::SearchRequest& request,
                                 const news::ParsedQuery& words, const Xapian::Query& filter,
                                 const news::Ranker& ranker, std::set<std::string>* feedback) {
  Xapian::Enquire enquire(index.db);
  const auto start = Clock::now();
  const news::PreparedRanking ranking = ranker.prepare({words.query, filter, &words, false});
  enquire.set_weighting_scheme(ranker.weight());
  enquire.set_query(ranking.run);
  enquire.set_sort_by_relevance_then_key(index.dates.get(), true);
  const auto prepared = Clock::now();
  enquire.get_mset(0, request.limit);
  const double match = micros(prepared, Clock::now());
  if (feedback) *feedback = ranking.feedback_terms;
  return {micros(start, prepared), match};
}

// The first pass of feedback alone: the query's top stories on BM25,
// weighed as Ranker weighs them (Xapian's default min_normlen, 0.5).
double first_pass(const Index& index, const news::RankingParams& params,
                  const Xapian::Query& query) {
  const auto start = Clock::now();
  Xapian::Enquire enquire(index.db);
  enquire.set_weighting_scheme(Xapian::BM25Weight(params.k1, 0, 1, params.b, 0.5));
  enquire.set_query(index.lengths->weigh(query, {params.k1, params.b, 0.5}));
  enquire.get_mset(0, params.expand_docs);
  return micros(start, Clock::now());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: feedback_phases INDEXDIR QUERIES PASSES\n";
    return 2;
  }
  try {
    Index index{Xapian::Database(argv[1]), nullptr, nullptr, news::today_utc()};
    index.dates = news::DateKeys::load(index.db);
    index.lengths = news::MemoryBm25::load(index.db);
    const auto queries = news_bench::read_queries(argv[2]);
    const int passes = std::stoi(argv[3]);
    news::NewsQueryParser parser(index.db, index.today);
    std::map<std::string, std::vector<double>> phases;
    std::vector<double> matches, stem_postings;
    for (int pass = 0; pass <= passes; ++pass) {
      for (const auto& q : queries) {
        const news::SearchRequest request = news_bench::make_request(q);
        const news::RankingParams params = news::parse_ranking_params(request.ranking);
        const Xapian::Query filter = parser.filters(request.filters);
        const news::ParsedQuery words = parser.parse(request.query, false);
        const Xapian::Query& text = words.query;
        const Xapian::Query query =
            filter.empty() ? text : Xapian::Query(Xapian::Query::OP_FILTER, text, filter);
        news::Ranker ranker(index.db, request, index.today, index.lengths.get());
        const double first = first_pass(index, params, query);
        std::set<std::string> feedback;
        const auto [prepare, final_match] =
            ranked(index, request, words, filter, ranker, &feedback);
        news::SearchRequest plain_request = request;
        plain_request.ranking += ",expand=0";
        news::Ranker plain(index.db, plain_request, index.today, index.lengths.get());
        const auto [plain_prepare, plain_match] =
            ranked(index, plain_request, words, filter, plain, nullptr);
        if (pass == 0) {
          if (feedback.empty()) continue;
          Xapian::Enquire all(index.db);
          all.set_query(query);
          matches.push_back(all.get_mset(0, 0, index.db.get_doccount()).get_matches_estimated());
          double postings = 0;
          for (const std::string& stem : feedback) {
            postings += index.db.get_termfreq(stem);
          }
          stem_postings.push_back(postings);
          continue;
        }
        phases["1 first pass (top " + std::to_string(params.expand_docs) + ")"].push_back(first);
        phases["2 feedback stems (prepare - first pass)"].push_back(prepare - first);
        phases["3 final match"].push_back(final_match);
        phases["4 default ranking, all"].push_back(prepare + final_match);
        phases["5 plain BM25 (expand=0), all"].push_back(plain_prepare + plain_match);
      }
    }
    std::printf(
        "%zu queries x %d passes; with feedback stems: %zu queries, median %.0f matches, "
        "median %.0f postings of the stems\n",
        queries.size(), passes, matches.size(), median(matches), median(stem_postings));
    for (const auto& [name, times] : phases) {
      std::printf("%-42s p50 %8.1f us  mean %8.1f us\n", name.c_str(), median(times), mean(times));
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "feedback_phases: " << e.what() << "\n";
    return 2;
  } catch (const Xapian::Error& e) {
    std::cerr << "feedback_phases: " << e.get_description() << "\n";
    return 2;
  }
}
