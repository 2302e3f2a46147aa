// SeenIds: the compact id set of an indexing run.

#include "index/seen_ids.h"

#include <boost/test/unit_test.hpp>
#include <string>

namespace news {

BOOST_AUTO_TEST_SUITE(seen_ids_test)

BOOST_AUTO_TEST_CASE(remembers_every_id_and_where_it_was_last_read) {
  SeenIds seen;
  const int n = 50000;  // grows the table several times
  for (int i = 0; i < n; ++i) {
    BOOST_REQUIRE(!seen.insert("Qstory-" + std::to_string(i), "a.jsonl", i + 1));
  }
  BOOST_TEST(seen.size() == static_cast<size_t>(n));
  int found = 0, false_hits = 0;
  for (int i = 0; i < n; ++i) {
    found += seen.contains("Qstory-" + std::to_string(i));
    false_hits += seen.contains("Qother-" + std::to_string(i));
  }
  BOOST_TEST(found == n);
  BOOST_TEST(false_hits == 0);
  BOOST_TEST(*seen.insert("Qstory-41", "b.jsonl.gz", 7) == "a.jsonl:42");
  BOOST_TEST(*seen.insert("Qstory-41", "c.jsonl", 1) == "b.jsonl.gz:7");
  BOOST_TEST(seen.size() == static_cast<size_t>(n));
  BOOST_TEST(!seen.contains(""));
  BOOST_TEST(!seen.insert("", "d.jsonl", 3));
  BOOST_TEST(seen.contains(""));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
