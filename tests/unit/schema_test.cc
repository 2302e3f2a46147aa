// The schema: term construction (length cap) and field lookup.

#include "schema.h"

#include <stdlib.h>
#include <xapian.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "text/text.h"

namespace news {

BOOST_AUTO_TEST_SUITE(schema_test)

namespace fs = std::filesystem;

// What a term costs against glass's 245-byte limit (a zero byte counts twice).
size_t glass_cost(const std::string& term) {
  size_t cost = term.size();
  for (const char c : term) cost += c == '\0';
  return cost;
}

constexpr size_t kGlassLimit = 245;

std::vector<std::string> awkward_values() {
  std::vector<std::string> v = {
      "",
      "short",
      std::string(200, 'a'),
      std::string(238, 'a'),
      std::string(239, 'a'),
      std::string(240, 'a'),
      std::string(245, 'a'),
      std::string(10000, 'a'),
      std::string(300, '\0'),
      std::string(120, '\0') + std::string(10, 'b'),
  };
  std::string accents;
  while (accents.size() < 600) accents += "é";  // 2-byte characters
  v.push_back(accents);
  v.push_back("x" + accents);  // shifts the character boundaries by one
  std::string cjk;
  while (cjk.size() < 600) cjk += "東";  // 3-byte characters
  v.push_back(cjk);
  std::string emoji;
  while (emoji.size() < 600) emoji += "\xF0\x9F\x93\xB0";
  v.push_back(emoji);
  return v;
}

BOOST_AUTO_TEST_CASE(make_term_never_exceeds_the_glass_limit) {
  for (const char* prefix : {"Q", "XA", "K", "XP", "XO", "XS"}) {
    for (const std::string& value : awkward_values()) {
      BOOST_TEST_CONTEXT("prefix " << prefix << ", value of " << value.size() << " bytes") {
        const std::string term = schema::make_term(prefix, value);
        BOOST_TEST(glass_cost(term) <= kGlassLimit);
        BOOST_TEST(term.rfind(prefix, 0) == 0u);
        BOOST_TEST(is_valid_utf8(term));
        if (glass_cost(std::string(prefix) + value) <= 240) {
          BOOST_TEST(term == std::string(prefix) + value);  // short values verbatim
        }
        BOOST_TEST(schema::make_term(prefix, value) == term);  // deterministic
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(distinct_long_values_give_distinct_terms) {
  std::set<std::string> terms;
  const std::string base(400, 'z');
  std::vector<std::string> values;
  for (int i = 0; i < 200; ++i) values.push_back(base + std::to_string(i));
  for (int i = 0; i < 50; ++i) values.push_back(std::to_string(i) + base);
  values.push_back(std::string(241, 'z'));
  values.push_back(std::string(242, 'z'));
  values.push_back(std::string(300, '\0'));
  values.push_back(std::string(301, '\0'));
  for (const std::string& v : values) {
    BOOST_TEST_CONTEXT("value of " << v.size() << " bytes") {
      BOOST_TEST(terms.insert(schema::make_term("Q", v)).second, "collision");
    }
  }
}

BOOST_AUTO_TEST_CASE(long_terms_are_accepted_by_a_glass_database) {
  std::string tmpl = (fs::temp_directory_path() / "schema_test.XXXXXX").string();
  const std::string dir = mkdtemp(tmpl.data());
  {
    Xapian::WritableDatabase db(dir + "/db", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    for (const std::string& value : awkward_values()) {
      Xapian::Document doc;
      doc.add_boolean_term(schema::id_term(value.empty() ? "empty" : value));
      doc.add_boolean_term(schema::exact_term(schema::kTagField, value));
      db.add_document(doc);
    }
    BOOST_CHECK_NO_THROW(db.commit());
    for (const std::string& value : awkward_values()) {
      BOOST_TEST_CONTEXT("value of " << value.size() << " bytes") {
        BOOST_TEST(db.term_exists(schema::id_term(value.empty() ? "empty" : value)));
      }
    }
  }
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(exact_terms_are_normalised_ids_verbatim) {
  BOOST_TEST(schema::exact_term(schema::kTagField, "  Climate   Change ") ==
             schema::exact_term(schema::kTagField, "climate change"));
  BOOST_TEST(schema::exact_term(schema::kPlaceField, "Zürich") ==
             schema::exact_term(schema::kPlaceField, "ZURICH"));
  BOOST_TEST(schema::exact_term(schema::kAuthorField, "Jürgen Weiß") == "XAjurgen weiss");
  BOOST_TEST(schema::id_term("Reuters-1") == "QReuters-1");
  BOOST_TEST(schema::id_term("Reuters-1") != schema::id_term("reuters-1"));
}

struct LookupCase {
  const char* name;
  const char* canonical;  // nullptr: unknown
};

BOOST_AUTO_TEST_CASE(find_exact_field_by_name_and_alias) {
  static const LookupCase kCases[] = {
      {"author", "author"}, {"by", "author"},  {"source", "source"}, {"section", "section"},
      {"tag", "tag"},       {"topic", "tag"},  {"place", "place"},   {"title", nullptr},
      {"id", nullptr},      {"date", nullptr}, {"Tag", nullptr},     {"", nullptr},
      {"tags", nullptr},
  };
  for (const LookupCase& c : kCases) {
    BOOST_TEST_CONTEXT("name: " << c.name) {
      const schema::ExactField* f = schema::find_exact_field(c.name);
      if (c.canonical == nullptr) {
        BOOST_TEST(f == nullptr);
      } else {
        BOOST_REQUIRE(f != nullptr);
        BOOST_TEST(f->name == std::string(c.canonical));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(find_facet_field_by_name_and_alias) {
  static const LookupCase kCases[] = {
      {"author", "author"}, {"by", "author"}, {"topic", "tag"},   {"tag", "tag"},
      {"month", "month"},   {"year", "year"}, {"title", nullptr}, {"body", nullptr},
  };
  for (const LookupCase& c : kCases) {
    BOOST_TEST_CONTEXT("name: " << c.name) {
      const schema::FacetField* f = schema::find_facet_field(c.name);
      if (c.canonical == nullptr) {
        BOOST_TEST(f == nullptr);
      } else {
        BOOST_REQUIRE(f != nullptr);
        BOOST_TEST(f->name == std::string(c.canonical));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(prefixes_and_slots_do_not_collide) {
  std::set<std::string> prefixes = {
      schema::kIdPrefix,    schema::kTitlePrefix, schema::kAuthorWordPrefix, schema::kDayPrefix,
      schema::kMonthPrefix, schema::kYearPrefix,  schema::kTextPrefix};
  std::set<Xapian::valueno> slots = {schema::kDaySlot,  schema::kTimeSlot, schema::kMonthSlot,
                                     schema::kYearSlot, schema::kHashSlot, schema::kBodySlot};
  const size_t base_slots = slots.size();
  size_t field_slots = 0;
  for (const schema::ExactField& f : schema::kExactFields) {
    BOOST_TEST_CONTEXT("field " << f.name) {
      BOOST_TEST(prefixes.insert(f.prefix).second);
      const unsigned n = f.multi() ? schema::kMaxValuesPerField : 1;
      for (unsigned i = 0; i < n; ++i) slots.insert(f.slot + i);
      field_slots += n;
    }
  }
  BOOST_TEST(slots.size() == base_slots + field_slots, "overlapping value slots");
  // No prefix may be a prefix of another one that starts with an upper-case
  // letter after it (Omega's rule keeps X-prefixes unambiguous).
  for (const std::string& a : prefixes) {
    for (const std::string& b : prefixes) {
      if (a != b && b.rfind(a, 0) == 0) {
        BOOST_TEST_CONTEXT(a << " is a prefix of " << b) {
          BOOST_TEST(a[0] != 'X', "X-prefixes must not nest");
        }
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
