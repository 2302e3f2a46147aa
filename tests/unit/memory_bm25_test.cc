// MemoryBm25: queries weighed with the stories' lengths in memory give what
// Xapian's BM25Weight gives, hit for hit, score for score.

#include "columns/memory_bm25.h"

#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>
#include <vector>

#include "index/document_builder.h"
#include "news/search.h"
#include "temp_dir.h"

namespace news {

BOOST_AUTO_TEST_SUITE(memory_bm25_test)

namespace {

// Stories of many lengths over a small vocabulary, a gap in the docids.
void build_index(const std::string& path) {
  static const char* const kWords[] = {"glacier", "budget", "council", "avalanche", "guide",
                                       "road",    "tariff", "trade",   "korea",     "chip"};
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  DocumentBuilder builder;
  unsigned seed = 7;
  const auto next = [&seed] { return seed = seed * 1103515245 + 12345, (seed >> 16) & 0x7fff; };
  for (int i = 0; i < 80; ++i) {
    Article a;
    a.id = "s" + std::to_string(i);
    a.title = std::string(kWords[next() % 10]) + " " + kWords[next() % 10];
    const unsigned words = 3 + next() % 60;
    for (unsigned w = 0; w < words; ++w) a.body += std::string(kWords[next() % 10]) + " ";
    a.tags = {i % 3 == 0 ? "trade" : "weather"};
    db.add_document(builder.build(a));
  }
  db.delete_document(5);
  db.commit();
}

Xapian::MSet run(const Xapian::Database& db, const Xapian::Query& q, double k1, double b,
                 Xapian::doccount check_at_least) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight(k1, 0, 1, b, 0.5));
  enquire.set_query(q);
  return enquire.get_mset(0, 10, check_at_least);
}

Xapian::Database built(const std::string& path) {
  build_index(path);
  return Xapian::Database(path);
}

// build_index's index, open, and its lengths in memory.
struct Indexed {
  testing::TempDir dir;
  Xapian::Database db = built(dir.db());
  std::unique_ptr<MemoryBm25> memory = MemoryBm25::load(db);
};

// The same hits with exactly the same scores, and the same estimates.
void check_same(const Xapian::MSet& got, const Xapian::MSet& want) {
  BOOST_TEST(got.get_matches_estimated() == want.get_matches_estimated());
  BOOST_TEST(got.get_matches_lower_bound() == want.get_matches_lower_bound());
  BOOST_TEST_REQUIRE(got.size() == want.size());
  for (auto g = got.begin(), w = want.begin(); w != want.end(); ++g, ++w) {
    BOOST_TEST(*g == *w);
    BOOST_TEST(g.get_weight() == w.get_weight());
  }
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(weighs_as_xapian_bm25, Indexed) {
  using Q = Xapian::Query;
  const Q glacier("Zglacier"), road("Zroad"), trade("Ztrade"), chip("Zchip");
  const Q twice[] = {glacier, Q("Zglacier", 1, 2), trade, chip};  // a word twice
  const std::vector<Q> kQueries = {
      glacier,
      Q(Q::OP_OR, glacier, road),
      Q(Q::OP_OR, std::begin(twice), std::end(twice)),
      Q(Q::OP_AND, glacier, road),
      Q(Q::OP_AND_MAYBE, glacier, Q(Q::OP_OR, trade, chip)),
      Q(Q::OP_FILTER, Q(Q::OP_OR, glacier, road), Q("Ktrade")),
      Q(Q::OP_AND_NOT, Q(Q::OP_OR, glacier, chip), road),
      Q(Q::OP_AND_MAYBE, Q(Q::OP_OR, glacier, road), Q(Q::OP_SCALE_WEIGHT, trade, 0.25)),
      Q(Q::OP_OR, Q(Q::OP_PHRASE, glacier, road), chip),
      Q("Znowhere"),
  };
  for (const Q& q : kQueries) {
    for (const auto& [k1, b] : {std::pair{1.0, 0.5}, {1.2, 0.75}, {1.0, 0.0}}) {
      for (const Xapian::doccount check : {0u, db.get_doccount()}) {
        BOOST_TEST_CONTEXT(q.get_description()
                           << " k1=" << k1 << " b=" << b << " check " << check) {
          check_same(run(db, memory->weigh(q, {k1, b, 0.5}), k1, b, check),
                     run(db, q, k1, b, check));
        }
      }
    }
  }
}

BOOST_FIXTURE_TEST_CASE(scaled_terms_weigh_as_xapian_scales_them, Indexed) {
  using Q = Xapian::Query;
  const MemoryBm25::Params bm25{1, 0.5, 0.5};
  // Feedback's shape: the words re-ranked by scaled new stems.
  const Q text(Q::OP_OR, Q("Zglacier"), Q("Zroad"));
  const Q scaled[] = {Q(Q::OP_SCALE_WEIGHT, Q("Ztrade"), 1.0),
                      Q(Q::OP_SCALE_WEIGHT, Q("Zchip"), 0.37)};
  const Q want_query(Q::OP_AND_MAYBE, text,
                     Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, std::begin(scaled), std::end(scaled)), 0.5));
  const Q sources[] = {memory->term("Ztrade", 0.5 * 1.0, bm25),
                       memory->term("Zchip", 0.5 * 0.37, bm25)};
  const Q got_query(Q::OP_AND_MAYBE, memory->weigh(text, bm25),
                    Q(Q::OP_OR, std::begin(sources), std::end(sources)));
  for (const Xapian::doccount check : {0u, db.get_doccount()}) {
    check_same(run(db, got_query, 1, 0.5, check), run(db, want_query, 1, 0.5, check));
  }
}

BOOST_FIXTURE_TEST_CASE(a_batch_finds_and_shows_what_single_searches_do, Indexed) {
  Searcher single({dir.db()});
  Searcher batch({dir.db()});
  batch.keep_values_in_memory();
  for (const char* ranking : {"", "expand=0", "expand=3,expand_min_docs=1"}) {
    for (const char* text : {"glacier road", "glacier glacier trade", "\"road chip\" OR korea",
                             "tariff -chip", "tag:trade guide"}) {
      BOOST_TEST_CONTEXT(text << " ranking " << ranking) {
        SearchRequest r;
        r.query = text;
        r.ranking = ranking;
        r.facets = {"tag"};
        const SearchResults want = single.search(r);
        const SearchResults got = batch.search(r);
        BOOST_TEST(got.total == want.total);
        BOOST_TEST_REQUIRE(got.hits.size() == want.hits.size());
        for (size_t i = 0; i < want.hits.size(); ++i) {
          BOOST_TEST(got.hits[i].article.id == want.hits[i].article.id);
          BOOST_TEST(got.hits[i].score == want.hits[i].score);
          BOOST_TEST(got.hits[i].snippet == want.hits[i].snippet);
        }
        BOOST_TEST_REQUIRE(got.facets.size() == 1u);
        BOOST_TEST(got.facets[0].values.size() == want.facets[0].values.size());
      }
    }
  }
}

BOOST_FIXTURE_TEST_CASE(only_weighed_terms_are_replaced, Indexed) {
  using Q = Xapian::Query;
  const Q q(Q::OP_FILTER, Q(Q::OP_OR, Q("Zglacier"), Q(Q::OP_PHRASE, Q("Zroad"), Q("Zchip"))),
            Q("Ktrade"));
  const std::string got = memory->weigh(q, {1, 0.5, 0.5}).get_description();
  BOOST_TEST(got.find("PostingSource(Bm25TermSource(Zglacier))") != std::string::npos, got);
  BOOST_TEST(got.find("Zroad PHRASE 2 Zchip") != std::string::npos, got);
  BOOST_TEST(got.find("Ktrade") != std::string::npos, got);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
