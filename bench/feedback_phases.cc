// feedback_phases: where the default ranking's time goes, query by query,
// in batch mode (lengths and date keys in memory, as news_bench_search).
//
//   feedback_phases INDEXDIR QUERIES PASSES
//
// For each query of the harness's query file (top 10, no facets), after a
// warm-up pass, times the library's own phases of a search
// (search/searcher.h, SearchRun): feedback's first pass alone
// (Ranker::feedback_stories), SearchRun::rank (that first pass, then Bo1
// over the stories' termlists), SearchRun::match (the final match), and
// rank and match of the same query with plain BM25 (expand=0) for
// comparison. Also prints the median number of stories the query matches
// and of postings of the feedback stems: the final match weighs the stems
// for every story the query matches.

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bench_queries.h"
#include "search/index_view.h"
#include "search/query_parser.h"
#include "search/searcher.h"
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

// The times of one search's ranking and match phases.
struct Times {
  double rank = 0;
  double match = 0;
};

Times rank_and_match(const news::SearchRun& run, const news::SearchRun::Query& query,
                     news::PreparedRanking* ranking) {
  const auto start = Clock::now();
  *ranking = run.rank(query);
  const auto ranked = Clock::now();
  run.match(*ranking);
  return {micros(start, ranked), micros(ranked, Clock::now())};
}

// What the query (with its filter) matches, and the postings of the
// feedback stems, for the summary line.
void count_work(const news::IndexView& view, const news::SearchRun& run,
                const news::SearchRun::Query& query, const std::set<std::string>& stems,
                std::vector<double>* matches, std::vector<double>* stem_postings) {
  const Xapian::Query& filter = run.filter();
  Xapian::Enquire all(view.db());
  all.set_query(filter.empty() ? query.text
                               : Xapian::Query(Xapian::Query::OP_FILTER, query.text, filter));
  matches->push_back(all.get_mset(0, 0, view.db().get_doccount()).get_matches_estimated());
  double postings = 0;
  for (const std::string& stem : stems) postings += view.db().get_termfreq(stem);
  stem_postings->push_back(postings);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: feedback_phases INDEXDIR QUERIES PASSES\n";
    return 2;
  }
  try {
    news::IndexView view({argv[1]}, false);
    view.keep_values_in_memory();  // as news-search --queries
    const news::CivilDay today = news::today_utc();
    news::NewsQueryParser parser(view.db(), today, !view.remote());
    const auto queries = news_bench::read_queries(argv[2]);
    const int passes = std::stoi(argv[3]);
    std::map<std::string, std::vector<double>> phases;
    std::vector<double> matches, stem_postings;
    for (int pass = 0; pass <= passes; ++pass) {
      for (const auto& q : queries) {
        const news::SearchRequest request = news_bench::make_request(q);
        const news::SearchRun run(view, parser, request, today);
        const news::SearchRun::Query query = run.parse();
        const auto start = Clock::now();
        run.ranker().feedback_stories(query.text, run.filter());
        const double first = micros(start, Clock::now());
        news::PreparedRanking ranking;
        const Times times = rank_and_match(run, query, &ranking);
        news::SearchRequest plain_request = request;
        plain_request.ranking += ",expand=0";
        const news::SearchRun plain(view, parser, plain_request, today);
        news::PreparedRanking plain_ranking;
        const Times plain_times = rank_and_match(plain, query, &plain_ranking);
        if (pass == 0) {
          if (!ranking.feedback_terms.empty()) {
            count_work(view, run, query, ranking.feedback_terms, &matches, &stem_postings);
          }
          continue;
        }
        const unsigned docs = run.ranker().params().expand_docs;
        phases["1 first pass (top " + std::to_string(docs) + ")"].push_back(first);
        phases["2 feedback stems (rank - first pass)"].push_back(times.rank - first);
        phases["3 final match"].push_back(times.match);
        phases["4 default ranking, all"].push_back(times.rank + times.match);
        phases["5 plain BM25 (expand=0), all"].push_back(plain_times.rank + plain_times.match);
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
