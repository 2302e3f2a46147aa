// Text analysis shared by indexing and querying: accent folding, value
// normalisation, the acronym table and the query pre-pass.

#include "text/analysis.h"

#include <boost/test/unit_test.hpp>
#include <set>
#include <string>
#include <vector>

#include "text/stemmer.h"
#include "text/text.h"

namespace news {

BOOST_AUTO_TEST_SUITE(analysis_test)

struct Case {
  std::string in;
  std::string out;
};

BOOST_AUTO_TEST_CASE(normalised_values_ignore_case_accents_and_spacing) {
  const Case kCases[] = {
      {"Tariffs and trade", "tariffs and trade"},
      {"  TARIFFS   and\ttrade \n", "tariffs and trade"},
      {"Zürich", "zurich"},
      {"ZÜRICH", "zurich"},
      {"Zu\xCC\x88rich", "zurich"},  // decomposed ü
      {"Jürgen Weiß", "jurgen weiss"},
      {"Amélie\xC2\xA0"
       "Durand",
       "amelie durand"},  // no-break space
      {"São Paulo", "sao paulo"},
      {"", ""},
      {"   ", ""},
  };
  for (const Case& c : kCases) {
    BOOST_TEST_CONTEXT("input: '" << c.in << "'") { BOOST_TEST(normalise_value(c.in) == c.out); }
  }
}

BOOST_AUTO_TEST_CASE(index_text_gets_canonical_acronyms) {
  const Case kCases[] = {
      {"U.S. tariffs", "USA tariffs"},
      {"the US and the U.K.", "the USA and the UK"},
      {"U.S.A. today", "USA today"},
      {"U.N. and E.U. envoys", "UN and EU envoys"},
      {"let us go", "let us go"},                                // the pronoun stays
      {"Us and them", "Us and them"},                            // only upper-case forms
      {"USB drives and BUS lines", "USB drives and BUS lines"},  // not inside words
      {"UNESCO", "UNESCO"},
      {"in the U.S.", "in the USA"},  // sentence end
      {"Zürich", "Zurich"},
      {"United States trade", "United States trade"},  // kept, but implied
  };
  for (const Case& c : kCases) {
    BOOST_TEST_CONTEXT("input: " << c.in) {
      std::vector<std::string> implied;
      BOOST_TEST(prepare_index_text(c.in, &implied) == c.out);
    }
  }
}

BOOST_AUTO_TEST_CASE(spelled_out_forms_imply_the_canonical_term) {
  std::vector<std::string> implied;
  prepare_index_text(
      "The United States and the united kingdom met at the United Nations "
      "and the European Union.",
      &implied);
  BOOST_TEST(implied == (std::vector<std::string>{"usa", "uk", "un", "eu"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(query_text_rewrites_free_text_only) {
  const std::vector<std::string> kFields = {"tag", "author", "id", "date"};
  const Case kCases[] = {
      {"U.S. tariffs", "USA tariffs"},
      {"United States tariffs", "USA tariffs"},
      {"united states of america", "USA"},
      {"\"United States\" trade", "\"United States\" trade"},  // a phrase stays
      {"\"U.S. trade\"", "\"USA trade\""},                     // as indexed
      {"us", "us"},
      {"Zürich", "Zurich"},
      {"tag:\"U.S. trade\" U.S.", "tag:\"U.S. trade\" USA"},  // values verbatim
      {"tag:U.S. US", "tag:U.S. USA"},
      {"(tag:U.S.) US", "(tag:U.S.) USA"},
      {"-tag:US +US", "-tag:US +USA"},
      {"author:\"Jürgen Weiß\" Zürich", "author:\"Jürgen Weiß\" Zurich"},
      {"id:Zürich-1", "id:Zürich-1"},
      {"tag:\"a \"\"US\"\" b\" US", "tag:\"a \"\"US\"\" b\" USA"},  // "" inside a value
      {"xtag:US", "xtag:USA"},                                      // not a field
      {"\"phrase tag:US\"", "\"phrase tag:USA\""},                  // no field in a phrase
      {"title:U.S.", "title:USA"},                                  // a free-text field
      {"tag: US", "tag: USA"},
  };
  for (const Case& c : kCases) {
    BOOST_TEST_CONTEXT("input: " << c.in) {
      BOOST_TEST(prepare_query_text(c.in, kFields) == c.out);
    }
  }
}

BOOST_AUTO_TEST_CASE(spelling_words) {
  for (const std::string w : {"tariffs", "korea", "zurich", "weiß"}) {
    BOOST_TEST_CONTEXT("word: " << w) { BOOST_TEST(is_spelling_word(w)); }
  }
  for (const std::string w : {"", "an", "Ztariff", "XAlucey", "Stitle", "1987", "g20", "Kcrude"}) {
    BOOST_TEST_CONTEXT("word: " << w) { BOOST_TEST(!is_spelling_word(w)); }
  }
}

BOOST_AUTO_TEST_CASE(snippets_mark_the_written_forms_of_acronyms) {
  const std::set<std::string> usa = {"usa", "tariff"};
  const auto mark = [](std::string_view text, const std::set<std::string>& terms) {
    return mark_acronyms(text, terms, '[', ']');
  };
  BOOST_TEST(mark("U.S. and United States tariffs", usa) == "[U.S.] and [United States] tariffs");
  BOOST_TEST(mark("[USA] and US, not us", usa) == "[USA] and [US], not us");  // marked once
  BOOST_TEST(mark("The U.K. and the EU", usa) == "The U.K. and the EU");      // not searched for
  BOOST_TEST(mark("The U.K. and the EU", {"uk", "eu"}) == "The [U.K.] and the [EU]");
  BOOST_TEST(mark("USAir and BUS", usa) == "USAir and BUS");  // whole words only
}

BOOST_AUTO_TEST_CASE(snippets_mark_the_words_a_wildcard_matches) {
  const std::vector<std::string> kFields = {"tag"};
  const std::vector<std::string> patterns =
      wildcard_patterns("Presiden* elect* \"tarif* x\" tag:trade* a*b zur*", kFields);
  BOOST_TEST(patterns == (std::vector<std::string>{"presiden", "elect", "zur"}),
             boost::test_tools::per_element());
  BOOST_TEST(mark_wildcard_words("The Presidential [election] in Zürich, reelected", patterns, '[',
                                 ']') == "The [Presidential] [election] in [Zürich], reelected");
  BOOST_TEST(mark_wildcard_words("no change", {}, '[', ']') == "no change");
}

BOOST_AUTO_TEST_CASE(cached_stemmer_stems_as_snowball) {
  const Xapian::Stem snowball("english");
  Xapian::Stem cached = cached_english_stemmer(3);  // starts afresh every few words
  const char* const kWords[] = {"running",      "runs",    "presidential", "tariffs",
                                "running",      "ran",     "Stories",      "",
                                "généralement", "tariffs", "presiden",     "running"};
  for (int pass = 0; pass < 2; ++pass) {
    for (const char* word : kWords) BOOST_TEST(cached(word) == snowball(word), word);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
