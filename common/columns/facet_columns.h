#ifndef NEWS_COMMON_COLUMNS_FACET_COLUMNS_H_
#define NEWS_COMMON_COLUMNS_FACET_COLUMNS_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "schema.h"

namespace news {

// How many slots of `field` hold values somewhere in `db` (a multi-valued
// field fills its slots from the first on).
Xapian::valueno slots_in_use(const Xapian::Database& db, const schema::FacetField& field);

// Every story's values of one facet field, in memory: per docid, the
// numbers of its values in a table of the field's distinct values (as
// Lucene counts facets by ordinals). Counting a match then reads no value
// streams, which are most of the cost of a facet query (about 40% on
// Reuters, 45% on 100k stories). Loading walks the field's slots once, so
// it pays for a process that runs many queries, not for one. One local
// database only, as DateKeys.
class FacetColumn {
 public:
  // Reads `slots` slots from `first` on (a multi-valued field's slots in
  // use).
  FacetColumn(const Xapian::Database& db, Xapian::valueno first, Xapian::valueno slots);

  // The distinct values as stored (display forms), by number.
  const std::vector<std::string>& values() const { return values_; }
  // Their normalised forms (normalise_value), by number: what counts group.
  const std::vector<std::string>& keys() const { return keys_; }

  // Adds one to `counts` (one entry per value) for each value of `did`.
  void count(Xapian::docid did, std::vector<Xapian::doccount>* counts) const {
    if (did + 1 >= starts_.size()) return;
    for (uint32_t i = starts_[did]; i < starts_[did + 1]; ++i) ++(*counts)[numbers_[i]];
  }

 private:
  std::vector<std::string> values_;
  std::vector<std::string> keys_;
  std::vector<uint32_t> starts_;   // per docid, its first entry in numbers_
  std::vector<uint32_t> numbers_;  // value numbers, a document's in slot order
};

// The columns of one database, each loaded when first asked for.
class FacetColumns {
 public:
  explicit FacetColumns(const Xapian::Database& db) : db_(db) {}
  // The column of `field`, loaded at the first call.
  const FacetColumn& get(const schema::FacetField& field);

 private:
  Xapian::Database db_;
  std::map<std::string, std::unique_ptr<FacetColumn>> columns_;
};

}  // namespace news

#endif  // NEWS_COMMON_COLUMNS_FACET_COLUMNS_H_
