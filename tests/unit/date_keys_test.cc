// DateKeys: the time slot of every document in memory, byte for byte.

#include "columns/date_keys.h"

#include <boost/test/unit_test.hpp>
#include <string>

#include "index/document_builder.h"
#include "schema.h"
#include "temp_dir.h"

namespace news {

BOOST_AUTO_TEST_SUITE(date_keys_test)

BOOST_AUTO_TEST_CASE(keys_are_the_time_values_of_each_document) {
  const testing::TempDir dir;
  {
    Xapian::WritableDatabase db(dir.db(), Xapian::DB_CREATE_OR_OVERWRITE);
    DocumentBuilder builder;
    for (const char* date :
         {"2021-05-01T10:00:00Z", "", "1987-02-26", "2024-02-03", "2019-07-08"}) {
      Article a;
      a.id = std::string("story ") + date;
      a.title = "Glacier";
      a.published = date;
      db.add_document(builder.build(a));
    }
    db.delete_document(4);  // a gap in the docids
    db.commit();
  }
  const Xapian::Database db(dir.db());
  const auto keys = DateKeys::load(db);
  BOOST_TEST_REQUIRE(keys.get() != nullptr);
  for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) {
    BOOST_TEST_CONTEXT("docid " << did) {
      Xapian::Document doc;
      std::string value;
      try {
        doc = db.get_document(did);
        value = doc.get_value(schema::kTimeSlot);
      } catch (const Xapian::DocNotFoundError&) {
        continue;
      }
      BOOST_TEST((*keys)(doc) == value);
      BOOST_TEST(value.empty() == (did == 2));  // the story without a date
    }
  }
}

BOOST_AUTO_TEST_CASE(values_not_written_by_news_index_are_not_loaded) {
  const testing::TempDir dir;
  {
    Xapian::WritableDatabase db(dir.db(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::Document doc;
    doc.add_value(schema::kTimeSlot, "a value longer than any sortable number");
    db.add_document(doc);
    db.commit();
  }
  BOOST_TEST(DateKeys::load(Xapian::Database(dir.db())).get() == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
