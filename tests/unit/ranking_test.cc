// Ranking: parameters, half-lives, the recency decay, query stemming, and
// --similar / --recent / --explain through the library on a tiny index.

#include "search/ranking.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "index/document_builder.h"
#include "news/search.h"
#include "temp_dir.h"

namespace news {

BOOST_AUTO_TEST_SUITE(ranking_test)

BOOST_AUTO_TEST_CASE(half_life_forms) {
  struct Case {
    const char* in;
    double days;
  };
  static const Case kCases[] = {{"30d", 30},  {"2w", 14}, {"6m", 180},  {"1y", 365},
                                {"12h", 0.5}, {"7", 7},   {"1.5d", 1.5}};
  for (const Case& c : kCases) {
    BOOST_TEST_CONTEXT("input: " << c.in) {
      BOOST_TEST(parse_half_life_days(c.in) == c.days, boost::test_tools::tolerance(1e-9));
    }
  }
  for (const char* bad : {"", "d", "0d", "-3d", "30x", "abc", "nan"}) {
    BOOST_TEST_CONTEXT("input: " << bad) {
      BOOST_CHECK_THROW(parse_half_life_days(bad), QueryError);
    }
  }
}

BOOST_AUTO_TEST_CASE(decay_halves_every_half_life) {
  const double day = 86400;
  BOOST_TEST(recency_decay(0, 30) == 1.0);
  BOOST_TEST(recency_decay(-5 * day, 30) == 1.0);  // newer than the reference
  BOOST_TEST(recency_decay(30 * day, 30) == 0.5, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(recency_decay(90 * day, 30) == 0.125, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(ranking_params) {
  const RankingParams d = parse_ranking_params("");
  BOOST_TEST(d.scheme == "bm25");
  BOOST_TEST(d.expand_docs == 3u);  // Bo1 feedback on by default
  BOOST_TEST(d.expand_terms == 10u);
  BOOST_TEST(d.feedback == "bo1");
  BOOST_TEST(d.expand_rerank);  // re-ranks only: totals are the typed words'
  BOOST_TEST(!parse_ranking_params("expand_rerank=0").expand_rerank);
  BOOST_TEST(parse_ranking_params("feedback=eset,expand=0").expand_docs == 0u);
  const RankingParams p = parse_ranking_params("scheme=bm25,k1=1.2,b=0.75,expand=10");
  BOOST_TEST(p.scheme == "bm25");
  BOOST_TEST(p.k1 == 1.2);
  BOOST_TEST(p.b == 0.75);
  BOOST_TEST(p.expand_docs == 10u);
  for (const char* bad : {"k1", "k1=", "k1=x", "b=-1", "nope=1", "scheme=magic", "feedback=rm9"}) {
    BOOST_TEST_CONTEXT("input: " << bad) {
      BOOST_CHECK_THROW(parse_ranking_params(bad), QueryError);
    }
  }
}

// A three-story index in a temporary directory.
struct TinyIndex {
  std::string dir;
  TinyIndex() {
    char tmpl[] = "/tmp/ranking_test.XXXXXX";
    dir = mkdtemp(tmpl);
    Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE);
    DocumentBuilder builder;
    const struct {
      const char* id;
      const char* date;
      const char* title;
      const char* body;
    } kStories[] = {
        {"old", "2020-01-10", "Glacier melt", "The glacier melt raised the lake. Glacier melt."},
        {"new", "2025-06-20", "Glacier melt", "The glacier melt raised the lake. Glacier melt."},
        {"other", "2025-06-25", "Football final", "A late goal won the football final."},
    };
    for (const auto& s : kStories) {
      Article a;
      a.id = s.id;
      a.published = s.date;
      a.title = s.title;
      a.body = s.body;
      db.add_document(builder.build(a));
    }
    db.commit();
  }
  ~TinyIndex() { std::system(("rm -rf '" + dir + "'").c_str()); }
};

std::vector<std::string> ids(const SearchResults& r) {
  std::vector<std::string> out;
  for (const Hit& h : r.hits) out.push_back(h.article.id);
  return out;
}

// Feedback adds the topical stems of the top stories, not stopwords nor
// stems in more than 10% of the stories ("said" in news); snippets do not
// highlight them.
BOOST_AUTO_TEST_CASE(feedback_skips_stopwords_and_common_stems) {
  const testing::TempDir dir;
  {
    Xapian::WritableDatabase db(dir.db(), Xapian::DB_CREATE_OR_OVERWRITE);
    DocumentBuilder builder;
    for (int i = 0; i < 40; ++i) {
      Article a;
      a.id = "s" + std::to_string(i);
      a.title = i < 3 ? "Glacier avalanche" : "Council budget";
      a.body = i < 3 ? "The glacier gave way, the guide said; the avalanche buried the road."
                     : "The council said the budget was late.";
      db.add_document(builder.build(a));
    }
    db.commit();
  }
  const Xapian::Database db(dir.db());
  const auto expanded_query = [&db](const std::string& ranking) {
    SearchRequest r;
    r.query = "glacier";
    r.ranking = ranking;
    const Ranker ranker(db, r, CivilDay{2025, 6, 30});
    ParsedQuery words;
    words.text = r.query;
    words.query = Xapian::Query("Zglacier");
    return ranker.prepare({words.query, Xapian::Query(), &words, false}).run.get_description();
  };
  const std::string avalanche = "Z" + Xapian::Stem("english")("avalanche");
  const std::string q = expanded_query("");
  BOOST_TEST(q.find(avalanche) != std::string::npos, q);
  BOOST_TEST(q.find("Zsaid") == std::string::npos, q);
  BOOST_TEST(q.find("Zthe") == std::string::npos, q);
  // Without the 10% rule "said" (in every story) comes in; "the" never.
  const std::string all = expanded_query("expand_max_df=1");
  BOOST_TEST(all.find("Zsaid") != std::string::npos, all);
  BOOST_TEST(all.find("Zthe") == std::string::npos, all);
  // Snippets highlight the word searched for, not the feedback stems.
  Searcher searcher({dir.db()});
  SearchRequest r;
  r.query = "glacier";
  const SearchResults res = searcher.search(r);
  BOOST_REQUIRE(!res.hits.empty());
  const std::string& snippet = res.hits[0].snippet;
  BOOST_TEST(snippet.find(std::string(1, kHighlightOn) + "glacier") != std::string::npos, snippet);
  BOOST_TEST(snippet.find("avalanche") != std::string::npos, snippet);
  BOOST_TEST(snippet.find(std::string(1, kHighlightOn) + "avalanche") == std::string::npos,
             snippet);
}

// prepare() hands back everything the search reads afterwards: the query
// to run, the query as written, feedback's stems and the parts --explain
// weighs.
BOOST_AUTO_TEST_CASE(prepared_ranking_is_a_value) {
  TinyIndex index;
  const Xapian::Database db(index.dir);
  SearchRequest r;
  r.query = "Glacier melts";
  r.ranking = "proximity=0.5,expand_min_docs=1,expand_max_df=1";
  const Ranker ranker(db, r, CivilDay{2025, 6, 30});
  ParsedQuery words;
  words.text = r.query;
  words.prepared = r.query;
  words.stemmer = Xapian::Stem("english");
  words.query =
      Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("Zglacier"), Xapian::Query("Zmelt"));
  const PreparedRanking p = ranker.prepare({words.query, Xapian::Query("Qold"), &words, false});
  BOOST_TEST(!p.in_memory);
  BOOST_TEST(p.run.get_description() == p.written.get_description());
  const std::string q = p.run.get_description();
  BOOST_TEST(q.find("Zglacier NEAR 8 Zmelt") != std::string::npos, q);
  BOOST_TEST(q.find("FILTER Qold") != std::string::npos, q);
  std::vector<std::string> parts;
  for (const PreparedRanking::Part& part : p.parts) parts.push_back(part.what);
  BOOST_TEST(parts == (std::vector<std::string>{"Zglacier", "Zmelt", "expansion", "proximity"}),
             boost::test_tools::per_element());
  BOOST_TEST(p.feedback_terms.count("Zlake") == 1u);
  BOOST_TEST(p.feedback_terms.count("Zglacier") == 0u);  // the query's own
  // A count alone: nothing on top of the words.
  const PreparedRanking count = ranker.prepare({words.query, Xapian::Query(), &words, true});
  BOOST_TEST(count.parts.size() == 2u);
  BOOST_TEST(count.feedback_terms.empty());
}

BOOST_AUTO_TEST_CASE(similar_excludes_the_story) {
  TinyIndex index;
  Searcher searcher({index.dir});
  SearchRequest r;
  r.similar_id = "old";
  const SearchResults res = searcher.search(r);
  BOOST_TEST(ids(res) == std::vector<std::string>{"new"}, boost::test_tools::per_element());
  r.similar_id = "missing";
  BOOST_CHECK_THROW(searcher.search(r), QueryError);
}

// What the HTTP server asks of a long-running Searcher.
BOOST_AUTO_TEST_CASE(article_by_id_with_its_body) {
  TinyIndex index;
  Searcher searcher({index.dir});
  const std::optional<Article> a = searcher.article("other");
  BOOST_REQUIRE(a.has_value());
  BOOST_TEST(a->body == "A late goal won the football final.");
  BOOST_TEST(!searcher.article("missing").has_value());
  BOOST_TEST(!searcher.article("").has_value());
}

BOOST_AUTO_TEST_CASE(refresh_sees_a_commit) {
  TinyIndex index;
  Searcher searcher({index.dir});
  SearchRequest all;
  BOOST_TEST(searcher.search(all).total == 3u);
  {
    Xapian::WritableDatabase db(index.dir);
    Article a;
    a.id = "fourth";
    a.title = "Fourth story";
    db.add_document(DocumentBuilder().build(a));
    db.commit();
  }
  searcher.refresh();
  BOOST_TEST(searcher.search(all).total == 4u);
  BOOST_TEST(searcher.article("fourth").has_value());
}

BOOST_AUTO_TEST_CASE(facet_values_fold_the_prefix) {
  TinyIndex index;
  Searcher searcher({index.dir});
  const Facet years = searcher.facet_values("year", "20", 0);
  BOOST_TEST(years.values.size() == 2u);
  BOOST_TEST(searcher.facet_values("year", "2025", 0).values.at(0).count == 2u);
  BOOST_TEST(searcher.facet_values("year", "19", 0).values.empty());
  BOOST_CHECK_THROW(searcher.facet_values("colour", "", 0), QueryError);
}

BOOST_AUTO_TEST_CASE(a_search_over_its_time_limit_throws) {
  TinyIndex index;
  Searcher searcher({index.dir});
  SearchRequest r;
  r.query = "glacier";
  r.time_limit_ms = 1e-6;  // reached before the match starts
  BOOST_CHECK_THROW(searcher.search(r), SearchTimeout);
  r.time_limit_ms = 60000;
  BOOST_TEST(searcher.search(r).total == 2u);
}

BOOST_AUTO_TEST_CASE(recent_keeps_every_match_and_explains) {
  TinyIndex index;
  Searcher searcher({index.dir});
  SearchRequest r;
  r.query = "glacier";
  r.recent_half_life_days = 30;
  r.as_of = "2025-06-30";
  r.explain = true;
  const SearchResults res = searcher.search(r);
  BOOST_TEST(ids(res) == (std::vector<std::string>{"new", "old"}),
             boost::test_tools::per_element());
  BOOST_REQUIRE(res.hits[0].explanation);
  const Explanation& e = *res.hits[0].explanation;
  // The query's stem, plus the stems feedback (on by default) added.
  BOOST_TEST(std::count(e.matched_terms.begin(), e.matched_terms.end(), "Zglacier") == 1);
  double sum = 0;
  bool has_recency = false;
  for (const ScorePart& p : e.parts) {
    sum += p.weight;
    has_recency = has_recency || p.what == "recency";
  }
  BOOST_TEST(has_recency);
  BOOST_TEST(sum == res.hits[0].score, boost::test_tools::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(equal_scores_put_newer_stories_first_on_every_page) {
  testing::TempDir dir;
  {
    Xapian::WritableDatabase db(dir.path(), Xapian::DB_CREATE_OR_OVERWRITE);
    DocumentBuilder builder;
    // Indexed out of date order, so that the index order would be wrong.
    for (const char* date :
         {"2021-05-01", "2024-02-03", "2019-07-08", "2023-09-10", "2020-01-01"}) {
      Article a;
      a.id = date;
      a.published = date;
      a.title = "Glacier melt";
      a.body = a.id == "2020-01-01"
                   ? "The glacier melt raised the lake, said the mayor of the town."
                   : "The glacier melt raised the lake.";
      db.add_document(builder.build(a));
    }
    db.commit();
  }
  const std::vector<std::string> expected = {"2024-02-03", "2023-09-10", "2021-05-01", "2019-07-08",
                                             "2020-01-01"};  // longer: lower
  // Dates read from the index, and kept in memory (batch mode).
  for (const bool in_memory : {false, true}) {
    Searcher searcher({dir.path()});
    if (in_memory) searcher.keep_values_in_memory();
    SearchRequest r;
    r.query = "glacier melt";
    BOOST_TEST(ids(searcher.search(r)) == expected, boost::test_tools::per_element());
    for (size_t offset = 0; offset < expected.size(); ++offset) {
      for (size_t limit : {1, 2, 3, 4, 5}) {
        BOOST_TEST_CONTEXT("in memory " << in_memory << ", offset " << offset << ", limit "
                                        << limit) {
          r.offset = offset;
          r.limit = limit;
          const auto end = expected.begin() +
                           static_cast<std::ptrdiff_t>(std::min(offset + limit, expected.size()));
          const std::vector<std::string> page(
              expected.begin() + static_cast<std::ptrdiff_t>(offset), end);
          const SearchResults res = searcher.search(r);
          BOOST_TEST(ids(res) == page, boost::test_tools::per_element());
          BOOST_TEST(res.hits.front().rank == offset + 1);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
