// Facet counts: multi-valued fields counted once per document and value,
// values grouped by normalised form, order, limits, histograms, filtered
// matches and several databases searched together.

#include "search/facets.h"

#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "index/document_builder.h"
#include "news/article.h"
#include "news/search.h"

namespace news {

BOOST_AUTO_TEST_SUITE(facets_test)

// Glass databases in a temporary directory, removed at the end.
class TempIndexes {
 public:
  TempIndexes()
      : dir_(std::filesystem::temp_directory_path() /
             ("news_facets_test_" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(dir_);
  }
  ~TempIndexes() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  // Indexes the articles (JSON) into a new database; returns its path.
  std::string add(const std::vector<std::string>& articles) {
    const std::string path = (dir_ / std::to_string(count_++)).string();
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    DocumentBuilder builder;
    for (const std::string& json : articles)
      db.add_document(builder.build(article_from_json(json)));
    db.commit();
    return path;
  }

 private:
  std::filesystem::path dir_;
  int count_ = 0;
};

std::string article(const std::string& id, const std::string& tags, const std::string& places,
                    const std::string& published) {
  return R"({"id":")" + id + R"(","title":"Story )" + id + R"(","body":"trade news",)" +
         R"("tags":[)" + tags + R"(],"places":[)" + places + R"(],"published":")" + published +
         R"("})";
}

const std::vector<std::string> kFirst = {
    article("1", R"("Crude","Nat Gas")", R"("Zürich")", "2025-04-25"),
    article("2", R"("Nat Gas","Grain")", R"("Zurich","USA")", "2025-02-01"),
    article("3", R"("nat gas")", R"("Zürich")", "2024-12-31"),
};
const std::vector<std::string> kSecond = {
    article("4", R"("Crude")", R"("USA")", "2025-04-02"),
    article("5", R"("Grain","Crude","Cocoa")", "", "2025-02-20"),
};

// The ways of counting; kLayout: the one for the database's layout.
enum class Way { kLayout, kColumns, kStreams, kSlots, kSpies };

std::unique_ptr<FacetCounter> counter(Way way, const Xapian::Database& db,
                                      const std::vector<std::string>& names,
                                      FacetColumns* columns) {
  std::vector<const schema::FacetField*> fields = facet_fields(names);
  if (way == Way::kLayout) way = db.size() == 1 ? Way::kStreams : Way::kSlots;
  switch (way) {
    case Way::kColumns:
      return std::make_unique<ColumnFacetCounter>(*columns, std::move(fields));
    case Way::kSlots:
      return std::make_unique<SlotsFacetCounter>(db, std::move(fields));
    case Way::kSpies:
      return std::make_unique<SpyFacetCounter>(db, std::move(fields));
    default:
      return std::make_unique<StreamFacetCounter>(db, std::move(fields));
  }
}

// The facets of the matches of `query`, counted as a search counts them.
std::vector<Facet> count(const Xapian::Database& db, const Xapian::Query& query,
                         const std::vector<std::string>& names, size_t limit,
                         Way way = Way::kLayout, FacetColumns* columns = nullptr) {
  const std::unique_ptr<FacetCounter> facets = counter(way, db, names, columns);
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  facets->before_match(enquire);
  enquire.get_mset(0, 0, db.get_doccount());
  facets->after_match(enquire, db.get_doccount());
  return facets->results(limit);
}

using Values = std::vector<std::pair<std::string, size_t>>;

Values values(const Facet& f) {
  Values out;
  for (const FacetValue& v : f.values) out.emplace_back(v.value, v.count);
  return out;
}

BOOST_AUTO_TEST_CASE(multi_valued_fields_grouped_by_normalised_value) {
  TempIndexes dirs;
  const Xapian::Database db(dirs.add(kFirst));
  const std::vector<Facet> facets =
      count(db, Xapian::Query::MatchAll, {"tag", "place", "month", "year"}, 10);
  BOOST_TEST_REQUIRE(facets.size() == 4u);
  BOOST_TEST(facets[0].field == "tag");
  // "nat gas" and "Nat Gas" are one value, shown in its most frequent form.
  BOOST_TEST(values(facets[0]) == (Values{{"Nat Gas", 3}, {"Crude", 1}, {"Grain", 1}}));
  BOOST_TEST(facets[0].distinct == 3u);
  BOOST_TEST(values(facets[1]) == (Values{{"Zürich", 3}, {"USA", 1}}));
  // Histograms in date order, whatever the counts.
  BOOST_TEST(facets[2].chronological);
  BOOST_TEST(values(facets[2]) == (Values{{"2024-12", 1}, {"2025-02", 1}, {"2025-04", 1}}));
  BOOST_TEST(values(facets[3]) == (Values{{"2024", 1}, {"2025", 2}}));
}

BOOST_AUTO_TEST_CASE(limit_cuts_values_but_not_histograms) {
  TempIndexes dirs;
  const Xapian::Database db(dirs.add(kFirst));
  const std::vector<Facet> facets = count(db, Xapian::Query::MatchAll, {"topic", "month"}, 1);
  BOOST_TEST(facets[0].field == "tag");  // an alias names the field
  BOOST_TEST(values(facets[0]) == (Values{{"Nat Gas", 3}}));
  BOOST_TEST(facets[0].distinct == 3u);
  BOOST_TEST(facets[1].values.size() == 3u);
  // 0: no limit.
  BOOST_TEST(count(db, Xapian::Query::MatchAll, {"tag"}, 0)[0].values.size() == 3u);
}

BOOST_AUTO_TEST_CASE(counts_cover_only_matching_documents) {
  TempIndexes dirs;
  const Xapian::Database db(dirs.add(kFirst));
  const std::vector<Facet> facets = count(db, Xapian::Query("XPusa"), {"tag", "place"}, 10);
  BOOST_TEST(values(facets[0]) == (Values{{"Grain", 1}, {"Nat Gas", 1}}));
  BOOST_TEST(values(facets[1]) == (Values{{"USA", 1}, {"Zurich", 1}}));
  const std::vector<Facet> none = count(db, Xapian::Query("Knothing"), {"tag"}, 10);
  BOOST_TEST(none[0].values.empty());
}

BOOST_AUTO_TEST_CASE(several_databases_sum) {
  TempIndexes dirs;
  Xapian::Database both(dirs.add(kFirst));
  both.add_database(Xapian::Database(dirs.add(kSecond)));
  const std::vector<Facet> facets = count(both, Xapian::Query::MatchAll, {"tag", "place"}, 10);
  BOOST_TEST(values(facets[0]) ==
             (Values{{"Crude", 3}, {"Nat Gas", 3}, {"Grain", 2}, {"Cocoa", 1}}));
  BOOST_TEST(values(facets[1]) == (Values{{"Zürich", 3}, {"USA", 2}}));
}

// One local database is counted from value streams, or from columns in
// memory; several by reading each document's slots; remote shards with
// Xapian's ValueCountMatchSpy: all give the same counts.
BOOST_AUTO_TEST_CASE(every_way_of_counting_gives_the_same_counts) {
  TempIndexes dirs;
  std::vector<std::string> articles = kFirst;
  articles.insert(articles.end(), kSecond.begin(), kSecond.end());
  const std::string path = dirs.add(articles);
  Xapian::WritableDatabase(path).delete_document(2);  // a gap in the docids
  const Xapian::Database db(path);
  FacetColumns columns(db);
  const std::vector<std::string> names = {"tag", "place", "month", "year", "section"};
  for (const Xapian::Query& q :
       {Xapian::Query::MatchAll, Xapian::Query("XPusa"), Xapian::Query("Kcocoa"),
        Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("Kcrude"), Xapian::Query("XPzurich"))}) {
    BOOST_TEST_CONTEXT("query: " << q.get_description()) {
      const std::vector<Facet> spies = count(db, q, names, 0, Way::kSpies);
      const std::vector<Facet> streams = count(db, q, names, 0, Way::kStreams);
      const std::vector<Facet> slots = count(db, q, names, 0, Way::kSlots);
      const std::vector<Facet> in_memory = count(db, q, names, 0, Way::kColumns, &columns);
      BOOST_TEST_REQUIRE(streams.size() == spies.size());
      BOOST_TEST_REQUIRE(slots.size() == spies.size());
      BOOST_TEST_REQUIRE(in_memory.size() == spies.size());
      for (size_t i = 0; i < spies.size(); ++i) {
        BOOST_TEST_CONTEXT("facet: " << spies[i].field) {
          BOOST_TEST(values(streams[i]) == values(spies[i]));
          BOOST_TEST(values(slots[i]) == values(spies[i]));
          BOOST_TEST(values(in_memory[i]) == values(spies[i]));
          BOOST_TEST(in_memory[i].distinct == spies[i].distinct);
        }
      }
    }
  }
  const std::vector<Facet> all =
      count(db, Xapian::Query::MatchAll, {"tag"}, 0, Way::kColumns, &columns);
  BOOST_TEST(values(all[0]) == (Values{{"Crude", 3}, {"Nat Gas", 2}, {"Cocoa", 1}, {"Grain", 1}}));
}

BOOST_AUTO_TEST_CASE(counts_after_a_second_match) {
  // The spies may see the same documents again (a second get_mset): the
  // streams start over and the counts add up, as Xapian's spies do.
  TempIndexes dirs;
  const Xapian::Database db(dirs.add(kFirst));
  StreamFacetCounter counter(db, facet_fields({"tag"}));
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  counter.before_match(enquire);
  enquire.get_mset(0, 0, db.get_doccount());
  enquire.get_mset(0, 0, db.get_doccount());
  BOOST_TEST(values(counter.results(1)[0]) == (Values{{"Nat Gas", 6}}));
}

// The index view's layout chooses the way of counting.
BOOST_AUTO_TEST_CASE(the_view_chooses_the_way_of_counting) {
  TempIndexes dirs;
  const std::string first = dirs.add(kFirst), second = dirs.add(kSecond);
  IndexView one({first}, false);
  BOOST_TEST((one.layout() == IndexView::Layout::kOneLocal));
  BOOST_TEST(dynamic_cast<StreamFacetCounter*>(make_facet_counter(one, {"tag"}).get()));
  one.keep_values_in_memory();
  BOOST_TEST(dynamic_cast<ColumnFacetCounter*>(make_facet_counter(one, {"tag"}).get()));
  IndexView both({first, second}, false);
  BOOST_TEST((both.layout() == IndexView::Layout::kSeveralLocal));
  both.keep_values_in_memory();  // not on several databases
  BOOST_TEST(both.columns() == nullptr);
  BOOST_TEST(dynamic_cast<SlotsFacetCounter*>(make_facet_counter(both, {"tag"}).get()));
}

BOOST_AUTO_TEST_CASE(unknown_facet_is_a_query_error) {
  BOOST_CHECK_THROW(facet_fields({"tag", "colour"}), QueryError);
  BOOST_TEST(facet_fields({"topic", "month"}).front()->name == std::string("tag"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
