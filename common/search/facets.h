#ifndef NEWS_COMMON_SEARCH_FACETS_H_
#define NEWS_COMMON_SEARCH_FACETS_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "columns/facet_columns.h"
#include "news/search.h"
#include "schema.h"

namespace news {

// Exact facet counts of every matching document. A multi-valued field
// stores its i-th value in slot base + i; a document holds each value once,
// so summing over the slots gives the number of matching documents with the
// value. Counts are exact when the match runs with check_at_least >= the
// document count.
//
// Three ways of counting, same results:
// - the fields' columns in memory (columns/facet_columns.h; batch mode, one
//   local database): a spy per field adding up value numbers;
// - one local database: a spy per field reading the fields' value streams
//   in docid order (the order in which the matcher hands documents over);
//   about 40 times faster than Document::get_value per slot and document;
// - several databases, or remote shards: Xapian's own ValueCountMatchSpy,
//   one per slot, which xapian-tcpsrv knows (a spy of ours would not be),
//   and which is right with several databases, where a spy sees each
//   database's own docids.
class FacetCounter {
 public:
  // `remote`: a database is served by xapian-tcpsrv. `columns`: the
  // columns of `db` (one local database), or null to read value streams.
  // Throws QueryError for an unknown facet name.
  FacetCounter(const Xapian::Database& db, const std::vector<std::string>& names,
               bool remote = false, FacetColumns* columns = nullptr);
  ~FacetCounter();

  // Adds the spies to `enquire`; they count during its next get_mset().
  void attach(Xapian::Enquire& enquire) const;
  bool empty() const { return fields_.empty(); }

  // The counted values, grouped by normalised value (display form: the most
  // frequent one), by count then value, at most `limit` per field (0: all);
  // histograms (year, month) in date order, never cut.
  std::vector<Facet> results(size_t limit) const;

  class ColumnSpy;
  class StreamSpy;
  class SlotsSpy;

 private:
  struct Field {
    const schema::FacetField* spec;
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    std::unique_ptr<StreamSpy> stream;
    std::unique_ptr<ColumnSpy> column;
  };
  std::vector<Field> fields_;
  std::unique_ptr<SlotsSpy> slots_;  // several local databases
};

}  // namespace news

#endif  // NEWS_COMMON_SEARCH_FACETS_H_
