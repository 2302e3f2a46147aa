// Article JSON model: parsing, validation, normalisation and the way back.

#include "news/article.h"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "article_json.h"

namespace news {

BOOST_AUTO_TEST_SUITE(article_test)

using Json = nlohmann::json;
using Strings = std::vector<std::string>;

BOOST_AUTO_TEST_CASE(reads_every_model_field) {
  const Article a = article_from_json(
      R"({"id":"x1","url":"https://e.com/x1","title":"T","dek":"D","authors":["Ann Lee"],)"
      R"("source":"Reuters","published":"2025-04-25T04:30:00Z","section":"World",)"
      R"("tags":["Trade"],"places":["Seoul"],"caption":"C","body":"P1\n\nP2"})");
  BOOST_TEST(a.id == "x1");
  BOOST_TEST(a.url == "https://e.com/x1");
  BOOST_TEST(a.title == "T");
  BOOST_TEST(a.dek == "D");
  BOOST_TEST(a.authors == Strings{"Ann Lee"}, boost::test_tools::per_element());
  BOOST_TEST(a.source == "Reuters");
  BOOST_TEST(a.published == "2025-04-25T04:30:00Z");
  BOOST_TEST(a.section == "World");
  BOOST_TEST(a.tags == Strings{"Trade"}, boost::test_tools::per_element());
  BOOST_TEST(a.places == Strings{"Seoul"}, boost::test_tools::per_element());
  BOOST_TEST(a.caption == "C");
  BOOST_TEST(a.body == "P1\n\nP2");
  BOOST_TEST(a.extra.empty());
}

// Inputs that must be rejected, and a word the reason must contain.
struct BadCase {
  const char* json;
  const char* reason;
};

// Deeper nesting is rejected before any parser recurses into it; up to the
// limit, nested values are kept as extra fields.
BOOST_AUTO_TEST_CASE(nesting_has_a_limit) {
  const auto nested = [](int depth) {
    return R"({"id":"a","title":"t","x":)" + std::string(depth, '[') + std::string(depth, ']') +
           "}";
  };
  BOOST_TEST(article_from_json(nested(63)).extra.count("x") == 1u);
  BOOST_CHECK_EXCEPTION(article_from_json(nested(100000)), ArticleError, [](const ArticleError& e) {
    return std::string(e.what()) == "JSON nested deeper than 64 levels";
  });
  BOOST_TEST(rejected_record_id(nested(100000)) == "a");
  // Brackets inside strings do not count.
  BOOST_TEST(
      article_from_json(R"({"id":"a","title":")" + std::string(200, '[') + R"("})").title.size() ==
      200u);
}

// A field given twice: the last value wins, as in nlohmann::json, for an
// extra field too (the fast reader once glued both values together).
BOOST_AUTO_TEST_CASE(a_key_given_twice) {
  const Article a = article_from_json(R"({"id":"a","title":"t","k":"one","k":"two","k":"3"})");
  BOOST_TEST(a.extra.at("k") == "\"3\"");
  BOOST_TEST(article_from_json(article_to_json(a)).extra.at("k") == "\"3\"");
}

BOOST_AUTO_TEST_CASE(rejects_bad_records_with_a_reason) {
  static const BadCase kCases[] = {
      {R"({"title":"no id"})", "'id'"},
      {R"({"id":"a"})", "'title'"},
      {R"({"id":"","title":"t"})", "'id'"},
      {R"({"id":"   ","title":"t"})", "'id'"},
      {R"({"id":"a","title":" \t "})", "'title'"},
      {R"({"id":null,"title":"t"})", "'id'"},
      {R"({"id":"a","title":null})", "'title'"},
      {R"({"id":42,"title":"t"})", "field 'id': expected a string"},
      {R"({"id":"a","title":["t"]})", "field 'title': expected a string"},
      {R"({"id":"a","title":"t","body":{"p":1}})", "field 'body'"},
      {R"({"id":"a","title":"t","source":true})", "field 'source'"},
      {R"({"id":"a","title":"t","tags":{"a":1}})", "field 'tags'"},
      {R"({"id":"a","title":"t","tags":["ok",3]})", "field 'tags'"},
      {R"({"id":"a","title":"t","authors":[null]})", "field 'authors'"},
      {R"({"id":"a","title":"t","places":7})", "field 'places'"},
      {R"({"id":"a","title":"t","published":"yesterday-ish"})", "field 'published'"},
      {R"({"id":"a","title":"t","published":"2025-02-30"})", "field 'published'"},
      {R"({"id":"a","title":"t","published":20250425})", "field 'published'"},
      {R"({"id":"a","title":"t")", "malformed JSON"},
      {R"({"id":"a",,"title":"t"})", "malformed JSON"},
      {R"(not json at all)", "malformed JSON"},
      {R"({"id":"a","title":"t"} trailing)", "malformed JSON"},
      {R"(["id","title"])", "expected a JSON object"},
      {R"("just a string")", "expected a JSON object"},
      {"{\"id\":\"a\",\"title\":\"caf\xE9\"}", "invalid UTF-8"},
      {"", "malformed JSON"},
      {R"({"id":"a","title":"t","x":1e309})", "malformed JSON: number overflow"},
      {R"({"id":"a","title":"\ud65d\ude00"})", "malformed JSON"},
      {R"({"id":"a","title":"t","x":{"y":[-1e400]}})", "malformed JSON: number overflow"},
  };
  for (const BadCase& c : kCases) {
    BOOST_TEST_CONTEXT("input: " << c.json) {
      try {
        article_from_json(c.json);
        BOOST_ERROR("accepted");
      } catch (const ArticleError& e) {
        BOOST_TEST(std::string(e.what()).find(c.reason) != std::string::npos,
                   "reason '" << e.what() << "' lacks '" << c.reason << "'");
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(null_optional_fields_are_empty) {
  const Article a = article_from_json(
      R"({"id":"a","title":"t","body":null,"tags":null,"published":null,"source":null})");
  BOOST_TEST(a.body.empty());
  BOOST_TEST(a.tags.empty());
  BOOST_TEST(a.published.empty());
  BOOST_TEST(a.source.empty());
  BOOST_TEST(a.extra.empty());
}

BOOST_AUTO_TEST_CASE(id_and_title_whitespace_is_collapsed) {
  const Article a = article_from_json(R"({"id":"  a1 ","title":"  Big\n\tnews  "})");
  BOOST_TEST(a.id == "a1");
  BOOST_TEST(a.title == "Big news");
}

struct ListCase {
  const char* json;  // the value of "tags"
  Strings expected;
};

BOOST_AUTO_TEST_CASE(list_fields_are_tidied_and_deduplicated) {
  static const ListCase kCases[] = {
      {R"("Trade")", {"Trade"}},
      {R"([])", {}},
      {R"(["Trade","trade"," TRADE "])", {"Trade"}},
      {R"(["Zürich","Zurich","zurich"])", {"Zürich"}},
      {R"(["", "  ", "Climate  change"])", {"Climate change"}},
      {R"(["b","a","b","c","a"])", {"b", "a", "c"}},
  };
  for (const ListCase& c : kCases) {
    BOOST_TEST_CONTEXT("tags: " << c.json) {
      const Article a =
          article_from_json(std::string(R"({"id":"a","title":"t","tags":)") + c.json + "}");
      BOOST_TEST(a.tags == c.expected, boost::test_tools::per_element());
    }
  }
}

struct DateCase {
  const char* in;
  const char* out;
};

BOOST_AUTO_TEST_CASE(published_is_normalised_to_utc) {
  static const DateCase kCases[] = {
      {"2025-04-25", "2025-04-25"},
      {"2025-04-25T04:30:00Z", "2025-04-25T04:30:00Z"},
      {"2025-04-25T04:30Z", "2025-04-25T04:30:00Z"},
      {"2025-04-25T04:30:00", "2025-04-25T04:30:00Z"},
      {"2025-04-25T04:30:00.123Z", "2025-04-25T04:30:00Z"},
      {"2025-04-25T06:30:00+02:00", "2025-04-25T04:30:00Z"},
      {"2025-04-25T01:00:00+0200", "2025-04-24T23:00:00Z"},
      {"2025-04-24T22:30:00-05:00", "2025-04-25T03:30:00Z"},
      {"2024-12-31T23:30:00-01:00", "2025-01-01T00:30:00Z"},
      {"2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z"},
      {"2024-03-01T00:30:00+01:00", "2024-02-29T23:30:00Z"},
  };
  for (const DateCase& c : kCases) {
    BOOST_TEST_CONTEXT("published: " << c.in) {
      const Article a =
          article_from_json(std::string(R"({"id":"a","title":"t","published":")") + c.in + "\"}");
      BOOST_TEST(a.published == c.out);
    }
  }
}

BOOST_AUTO_TEST_CASE(unknown_fields_are_kept_and_written_back) {
  const Article a = article_from_json(
      R"({"id":"a","title":"t","lang":"en","score":1.5,"meta":{"k":[1,2]},"flag":null})");
  BOOST_TEST(a.extra.size() == 4u);
  BOOST_TEST(a.extra.at("lang") == R"("en")");
  BOOST_TEST(a.extra.at("meta") == R"({"k":[1,2]})");
  const Json back = Json::parse(article_to_json(a));
  BOOST_TEST(back.at("lang") == "en");
  BOOST_TEST(back.at("score") == 1.5);
  BOOST_TEST(back.at("meta").dump() == R"({"k":[1,2]})");
  BOOST_TEST(back.at("flag").is_null());
}

BOOST_AUTO_TEST_CASE(to_json_round_trips_and_omits_empty_fields) {
  const char* kInput =
      R"({"id":"a","title":"Café","authors":["Jürgen Weiß","Ann"],"published":)"
      R"("2025-01-02T03:04:05+01:00","tags":["x"],"body":"b\n\nc","extra_key":[true]})";
  const Article a = article_from_json(kInput);
  const std::string text = article_to_json(a);
  const Json j = Json::parse(text);
  BOOST_TEST(j.at("id") == "a");
  BOOST_TEST(j.at("published") == "2025-01-02T02:04:05Z");
  BOOST_TEST(!j.contains("url"));
  BOOST_TEST(!j.contains("places"));
  BOOST_TEST(!j.contains("section"));
  BOOST_TEST(text.find('\n') == std::string::npos, "one line: " << text);

  const Article b = article_from_json(text);
  BOOST_TEST(b.title == a.title);
  BOOST_TEST(b.authors == a.authors, boost::test_tools::per_element());
  BOOST_TEST(b.published == a.published);
  BOOST_TEST(b.body == a.body);
  BOOST_TEST((b.extra == a.extra));
  BOOST_TEST(article_to_json(b) == text);
}

bool same_article(const Article& a, const Article& b) {
  return a.id == b.id && a.url == b.url && a.title == b.title && a.dek == b.dek &&
         a.authors == b.authors && a.source == b.source && a.published == b.published &&
         a.section == b.section && a.tags == b.tags && a.places == b.places &&
         a.caption == b.caption && a.body == b.body && a.extra == b.extra;
}

BOOST_AUTO_TEST_CASE(stored_json_reader_agrees_with_the_full_parser) {
  for (const char* json : {
           R"({"id":"a","title":"T"})",
           R"({"id":"x1","url":"https://e.com/x1","title":"Quote \" and \\ slash \/","dek":"D",)"
           R"("authors":["Ann Lee","Jürgen Weiß"],"source":"Reuters",)"
           R"("published":"2025-04-25T04:30:00Z","section":"World","tags":["Trade"],)"
           R"("places":[],"caption":"C\tc","body":"P1\n\nP2 \u0001 \ud83d\ude00 €"})",
           R"({ "id" : "s" , "title" : "spaced" , "tags" : [ "a" , "b" ] })",
           R"({"id":"x","title":"T","date_raw":"26-FEB-1987 15:10","n":"1"})",
           R"({"id":"y","title":"T","orgs":[],"people":[ "Ann" , "Bo" ],"b":true,"c":false,)"
           R"("d":null})",
       }) {
    BOOST_TEST_CONTEXT(json) {
      const Article full = article_from_json(json);
      Article fast;
      BOOST_REQUIRE(read_stored_article_json(article_to_json(full), &fast));
      BOOST_TEST(same_article(fast, full));
      BOOST_REQUIRE(read_stored_article_json(json, &fast));
      BOOST_TEST(same_article(fast, full));
      Article model_only = full;
      model_only.extra.clear();
      BOOST_REQUIRE(read_stored_article_json(json, &fast, false));
      BOOST_TEST(same_article(fast, model_only));
    }
  }
  BOOST_TEST(article_from_json(R"({"id":"e","title":"😀"})").title == "\xF0\x9F\x98\x80");
}

BOOST_AUTO_TEST_CASE(stored_json_reader_declines_what_it_does_not_know) {
  Article a;
  for (const char* json :
       {"", "{", "[]", R"({"id":"a","title":"T","extra":1})", R"({"id":1})", R"({"id":"a",})",
        R"({"id":"a"} x)", R"({"id":"a\q"})", R"({"id":"\ud83d"})", R"({"id":"\u12"})",
        R"({"id":"open)", R"({"tags":["a",2]})", R"({"tags":"a"})",
        R"({"id":"a","n":"escaped \" quote"})", R"({"id":"a","n":["x\"y"]})", R"({"id":"a","n":1})",
        R"({"id":"a","n":{}})", R"({"id":"a","n":tru})", "{\"id\":\"tab\there\"}"}) {
    BOOST_TEST_CONTEXT(json) {
      BOOST_TEST(!read_stored_article_json(json, &a));
      BOOST_TEST(!read_stored_article_json(json, &a, false));
    }
  }
}

BOOST_AUTO_TEST_CASE(rejected_records_still_name_their_id) {
  const std::pair<std::string, std::string> kCases[] = {
      {R"({"id": " a-1 ", "title": ""})", "a-1"},                 // rejected: no title
      {R"({"id": "a-2", "published": 5, "title": "t"})", "a-2"},  // a field of the wrong type
      {R"({"body": "x", "id" : "a-3", "title": "unterminated)", "a-3"},  // broken JSON
      {R"({"title": "broken)", ""},
      {R"({"id": 7, "title": "t"})", ""},
      {R"(["a-4"])", ""},
      {"", ""},
  };
  for (const auto& [json, id] : kCases) {
    BOOST_TEST_CONTEXT("record: " << json) {
      BOOST_CHECK_THROW(article_from_json(json), ArticleError);
      BOOST_TEST(rejected_record_id(json) == id);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
