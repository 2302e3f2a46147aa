#ifndef NEWS_COMMON_COLUMNS_MEMORY_BM25_H_
#define NEWS_COMMON_COLUMNS_MEMORY_BM25_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

namespace news {

// BM25 with every story's length held in memory. Xapian's own term leaves
// read a candidate's length from the index for each weighed term, walking
// the length list's chunk up to it; on Reuters that walk was most of a
// plain top-10 match (157 us a query against 55 us with the lengths in
// memory, 558 against 177 us at 100k stories). Here each free-text term
// that carries weight is read by a PostingSource that weighs exactly as
// Xapian::BM25Weight does (same formula, same order of operations, same
// maximum weight), so that the matcher prunes the same way and returns
// the same stories with the same scores and estimates. Loading is one pass
// over the length list (4 bytes a story; 3 ms for 100k stories), so it
// pays for a process that runs many queries. One local database only, as
// DateKeys.
class MemoryBm25 {
 public:
  // The parameters of Xapian::BM25Weight(k1, 0, 1, b, min_normlen).
  struct Params {
    double k1, b, min_normlen;
  };

  static std::unique_ptr<MemoryBm25> load(const Xapian::Database& db);

  // `query` with each term leaf whose weight counts (not inside a phrase,
  // NEAR, synonym or scaled subquery, nor on the right of FILTER or
  // AND_NOT) read by such a source. The result has no terms of its own:
  // snippets and explanations need the original.
  Xapian::Query weigh(const Xapian::Query& query, const Params& params) const;

  // What weigh() makes of `Query(OP_SCALE_WEIGHT, Query(term), factor)`
  // (Xapian applies the factor inside the term's weight; so does this).
  Xapian::Query term(const std::string& term, double factor, const Params& params) const;

  Xapian::termcount length(Xapian::docid did) const { return lengths_[did]; }

 private:
  std::vector<Xapian::termcount> lengths_;  // by docid
};

}  // namespace news

#endif  // NEWS_COMMON_COLUMNS_MEMORY_BM25_H_
