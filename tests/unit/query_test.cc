// Query parsing: which terms and filters a query, --filter and --since /
// --until produce (compared on Xapian::Query::get_description()), errors,
// and "did you mean" from the index's spelling data.

#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "index/database_writer.h"
#include "index/document_builder.h"
#include "news/article.h"
#include "news/search.h"
#include "schema.h"
#include "search/query_parser.h"
#include "text/analysis.h"

namespace news {

BOOST_AUTO_TEST_SUITE(query_test)

const CivilDay kToday{2025, 6, 15};

// A small glass database (removed at the end): two articles, with spelling
// data as news-index writes it.
class SmallIndex {
 public:
  SmallIndex()
      : path_(std::filesystem::temp_directory_path() /
              ("news_query_test_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    DatabaseWriter writer(path_.string(), true);
    DocumentBuilder builder;
    for (const char* json :
         {R"({"id":"a1","title":"Tariffs hit Korean exporters","body":"Tariffs and trade.",)"
          R"("authors":["Catherine Lucey"],"tags":["Tariffs and trade"],"places":["South Korea"],)"
          R"("published":"2025-04-25T04:30:00Z"})",
          R"({"id":"a2","title":"Tariff talks in Zürich","body":"Trade talks.",)"
          R"("authors":["Min-jun Park"],"tags":["Trade"],"published":"2025-05-02"})"}) {
      const Article article = article_from_json(json);
      writer.upsert(schema::id_term(article.id), builder.build(article), false);
    }
    SpellingCounts spelling;
    builder.take_spelling(&spelling);
    writer.add_spelling(spelling);
    writer.finish();
    db_ = Xapian::Database(path_.string());
  }
  ~SmallIndex() {
    db_.close();
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const Xapian::Database& db() const { return db_; }

 private:
  std::filesystem::path path_;
  Xapian::Database db_;
};

struct Case {
  std::string query;
  std::string description;
};

BOOST_AUTO_TEST_CASE(query_text_to_terms_and_filters) {
  const Case kCases[] = {
      {"tariffs korea", "Query((Ztariff@1 OR Zkorea@2))"},
      {"\"trade talks\"", "Query((Ztrade@1 PHRASE 2 Ztalk@2))"},  // phrases on stems
      {"title:korea", "Query(ZSkorea@1)"},
      {"tariffs AND NOT korea", "Query((Ztariff@1 AND_NOT Zkorea@2))"},
      {"war and peace", "Query((Zwar@1 OR Zpeac@3))"},  // small "and" is a word
      {"NOT tariffs", "Query((<alldocuments> AND_NOT Ztariff@1))"},
      {"tariff*", "Query(WILDCARD SYNONYM Ztariff)"},
      {"", "Query(<alldocuments>)"},
      {"   ", "Query(<alldocuments>)"},
      // Acronyms and accents, as at index time.
      {"U.S.", "Query(Zusa@1)"},
      {"US", "Query(Zusa@1)"},
      {"United States", "Query(Zusa@1)"},
      {"us", "Query(Zus@1)"},  // the pronoun: a stopword, never "usa"
      {"\"United States\"", "Query((Zunit@1 PHRASE 2 Zstate@2))"},
      {"U.K. E.U. U.N.", "Query((Zuk@1 OR Zeu@2 OR Zun@3))"},
      {"Zürich", "Query(Zzurich@1)"},
      // Exact fields: normalised values, boolean (weight 0).
      {"tag:\"Tariffs AND Trade\"", "Query(0 * Ktariffs and trade)"},
      {"tag:\"U.S. trade\"", "Query(0 * Ku.s. trade)"},
      {"topic:crude tag:\"nat gas\"", "Query(0 * (Kcrude OR Knat gas))"},
      {"tag:crude place:usa", "Query(0 * (XPusa AND Kcrude))"},
      {"place:ZÜRICH", "Query(0 * XPzurich)"},
      {"section:Business korea", "Query((Zkorea@1 FILTER XSbusiness))"},
      {"source:\"The  Associated Press\"", "Query(0 * XOthe associated press)"},
      {"tag:tariff*", "Query(0 * WILDCARD SYNONYM Ktariff)"},
      {"korea -tag:trade", "Query((Zkorea@1 AND_NOT Ktrade))"},
      // Authors: a word of the name, or the exact name.
      {"author:lucey", "Query(0 * (XAlucey OR Alucey))"},
      {"by:LUCEY", "Query(0 * (XAlucey OR Alucey))"},
      {"author:\"Catherine Lucey\"", "Query(0 * XAcatherine lucey)"},
      {"author:\"jürgen  weiß\"", "Query(0 * XAjurgen weiss)"},
      {"author:min-jun", "Query(0 * (XAmin-jun OR (Amin PHRASE 2 Ajun)))"},
      {"author:luc*", "Query(0 * WILDCARD SYNONYM Aluc)"},
      // Ids verbatim; dates as day ranges.
      {"id:reuters-1", "Query(0 * Qreuters-1)"},
      {"date:2025", "Query(VALUE_RANGE 0 20250101 20251231)"},
      {"date:2025-04", "Query(VALUE_RANGE 0 20250401 20250430)"},
      {"date:2025-03..2025-04", "Query(VALUE_RANGE 0 20250301 20250430)"},
      {"date:2025-04-25", "Query(VALUE_RANGE 0 20250425 20250425)"},
      {"date:7d..", "Query(VALUE_GE 0 20250608)"},
      {"date:..2024", "Query(VALUE_LE 0 20241231)"},
      {"date:yesterday", "Query(VALUE_RANGE 0 20250614 20250614)"},
  };
  SmallIndex index;
  NewsQueryParser parser(index.db(), kToday);
  for (const Case& c : kCases) {
    BOOST_TEST_CONTEXT("query: " << c.query) {
      BOOST_TEST(parser.parse(c.query, false).query.get_description() == c.description);
    }
  }
}

BOOST_AUTO_TEST_CASE(all_terms_makes_words_required) {
  SmallIndex index;
  NewsQueryParser parser(index.db(), kToday);
  BOOST_TEST(parser.parse("tariffs korea", true).query.get_description() ==
             "Query((Ztariff@1 AND Zkorea@2))");
}

BOOST_AUTO_TEST_CASE(malformed_queries_throw_query_error) {
  SmallIndex index;
  NewsQueryParser parser(index.db(), kToday);
  for (const std::string q : {"a AND", "AND", "NOT", "a OR OR b", "date:2025-13", "date:foo",
                              "date:2025-02-30", "date:2025-05..2025-04"}) {
    BOOST_TEST_CONTEXT("query: " << q) { BOOST_CHECK_THROW(parser.parse(q, false), QueryError); }
  }
}

BOOST_AUTO_TEST_CASE(filters_or_within_and_across_fields) {
  SmallIndex index;
  const NewsQueryParser parser(index.db(), kToday);
  using Filters = std::vector<std::pair<std::string, std::string>>;
  BOOST_TEST(parser.filters({}).empty());
  BOOST_TEST(parser.filters(Filters{{"tag", "crude"}, {"tag", "nat-gas"}, {"place", "usa"}})
                 .get_description() == "Query((XPusa AND (Kcrude OR Knat-gas)))");
  BOOST_TEST(parser.filters(Filters{{"topic", "Tariffs and  Trade"}}).get_description() ==
             "Query(Ktariffs and trade)");
  BOOST_TEST(parser.filters(Filters{{"author", "Catherine Lucey"}, {"by", "Min-jun Park"}})
                 .get_description() == "Query((XAcatherine lucey OR XAmin-jun park))");
  BOOST_TEST(parser.filters(Filters{{"date", "2025-04"}}).get_description() ==
             "Query(VALUE_RANGE 0 20250401 20250430)");
  BOOST_CHECK_THROW(parser.filters(Filters{{"colour", "red"}}), QueryError);
  BOOST_CHECK_THROW(parser.filters(Filters{{"date", "April"}}), QueryError);
}

BOOST_AUTO_TEST_CASE(since_and_until) {
  SmallIndex index;
  const NewsQueryParser parser(index.db(), kToday);
  BOOST_TEST(parser.date_range("", "").empty());
  BOOST_TEST(parser.date_range("2025-04", "").get_description() == "Query(VALUE_GE 0 20250401)");
  BOOST_TEST(parser.date_range("", "2025").get_description() == "Query(VALUE_LE 0 20251231)");
  BOOST_TEST(parser.date_range("2w", "yesterday").get_description() ==
             "Query(VALUE_RANGE 0 20250601 20250614)");
  BOOST_CHECK_THROW(parser.date_range("2025-05", "2025-04"), QueryError);
  BOOST_CHECK_THROW(parser.date_range("soon", ""), QueryError);
}

// The index holds stems: "exporters" is "Zexport", which `exporter*`
// (stems starting "exporter") would miss without the words it starts.
BOOST_AUTO_TEST_CASE(wildcards_match_the_words_they_start) {
  SmallIndex index;
  NewsQueryParser parser(index.db(), kToday);
  const Case kCases[] = {
      {"exporter*", "Query((WILDCARD SYNONYM Zexporter OR Zexport@2))"},
      {"title:exporter*", "Query((WILDCARD SYNONYM ZSexporter OR ZSexport@2))"},
      {"korea -exporter*", "Query((Zkorea@1 AND_NOT (WILDCARD SYNONYM Zexporter OR Zexport@3)))"},
      {"korea*", "Query(WILDCARD SYNONYM Zkorea)"},            // "korean": its stem starts so
      {"tag:export*", "Query(0 * WILDCARD SYNONYM Kexport)"},  // exact fields: values
  };
  for (const Case& c : kCases) {
    BOOST_TEST_CONTEXT("query: " << c.query) {
      BOOST_TEST(parser.parse(c.query, false).query.get_description() == c.description);
    }
  }
  Xapian::Enquire enquire(index.db());
  enquire.set_query(parser.parse("exporter*", false).query);
  BOOST_TEST(enquire.get_mset(0, 10).size() == 1u);
  // Over remote shards (spelling data out of reach) only the stems.
  NewsQueryParser remote(index.db(), kToday, false);
  BOOST_TEST(remote.parse("exporter*", false).query.get_description() ==
             "Query(WILDCARD SYNONYM Zexporter)");
}

BOOST_AUTO_TEST_CASE(did_you_mean_from_spelling_data) {
  SmallIndex index;
  NewsQueryParser parser(index.db(), kToday);
  const auto suggest = [&parser](const std::string& text) {
    return parser.suggest(parser.parse(text, false));
  };
  BOOST_TEST(suggest("exportrs koreen").value_or("-") == "exporters korean");
  BOOST_TEST(suggest("Zürihc AND tarifs*").value_or("-") == "zurich AND tarifs*");
  BOOST_TEST(suggest("tag:tarifs exportrs").value_or("-") == "tag:tarifs exporters");
  BOOST_TEST(suggest("\"korean exportrs\"").value_or("-") == "\"korean exporters\"");
  BOOST_TEST(!suggest("tariffs tariff korean").has_value());  // every word known
  BOOST_TEST(!suggest("xqzvwk").has_value());                 // nothing close
  BOOST_TEST(!suggest("").has_value());
}

// The text is prepared once; what suggestions and snippet marks read of it
// travels with the parsed query.
BOOST_AUTO_TEST_CASE(parsed_query_carries_its_prepared_text) {
  SmallIndex index;
  NewsQueryParser parser(index.db(), kToday);
  const ParsedQuery q = parser.parse("Zürich U.S. exporter* tag:tarif*", false);
  BOOST_TEST(q.text == "Zürich U.S. exporter* tag:tarif*");
  BOOST_TEST(q.prepared == "Zurich USA exporter* tag:tarif*");
  BOOST_TEST(q.wildcards == std::vector<std::string>{"exporter"}, boost::test_tools::per_element());
  BOOST_TEST(q.stemmer("exporters") == "export");
  BOOST_TEST(parser.parse("tariffs", false).wildcards.empty());
  const ParsedQuery unparsed = parser.prepare("presiden* U.S.");
  BOOST_TEST(unparsed.query.empty());
  BOOST_TEST(unparsed.wildcards == std::vector<std::string>{"presiden"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
