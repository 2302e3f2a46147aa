#ifndef NEWS_COMMON_SEARCH_FACETS_H_
#define NEWS_COMMON_SEARCH_FACETS_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "schema.h"
#include "search/results.h"

namespace news {

// Exact facet counts with stock ValueCountMatchSpys, so that they also work
// over remote shards: one spy per value slot of each requested field (a
// multi-valued field stores its i-th value in slot base + i), summed. A
// document holds each value once, so the sum is the number of matching
// documents with that value. Counts are exact when the match is run with
// check_at_least >= the document count.
class FacetCounter {
 public:
  // Throws QueryError for an unknown facet name.
  FacetCounter(const Xapian::Database& db, const std::vector<std::string>& names);

  void attach(Xapian::Enquire& enquire) const;
  bool empty() const { return fields_.empty(); }

  // The counted values, grouped by normalised value (display form: the most
  // frequent one), by count then value; histograms by value, never cut.
  std::vector<Facet> results(size_t limit) const;

 private:
  struct Field {
    const schema::FacetField* spec;
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
  };
  std::vector<Field> fields_;
};

}  // namespace news

#endif  // NEWS_COMMON_SEARCH_FACETS_H_
