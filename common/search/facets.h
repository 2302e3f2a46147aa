#ifndef NEWS_COMMON_SEARCH_FACETS_H_
#define NEWS_COMMON_SEARCH_FACETS_H_

// Exact facet counts of every matching document. A multi-valued field
// stores its i-th value in slot base + i; a document holds each value once,
// so summing over the slots gives the number of matching documents with the
// value. Counts are exact when the match runs with check_at_least >= the
// document count.
//
// One FacetCounter per way of counting, all giving the same counts, chosen
// by the index view (make_facet_counter):
// - ColumnFacetCounter: the fields' columns in memory (columns/facet_columns.h;
//   batch mode, one local database), a spy per field adding up value numbers;
// - StreamFacetCounter: one local database, a spy per field reading the
//   fields' value streams in docid order (the order in which the matcher
//   hands documents over); about 40 times faster than Document::get_value
//   per slot and document;
// - SlotsFacetCounter: several local databases, one spy reading each
//   document's slots up to the first empty one (a spy sees each database's
//   own docids, so the streams of the combined database cannot be walked);
// - SlotsFacetCounter by clusters (--facet-count clusters, any local
//   layout): the same, counting a story of a near-duplicate cluster only
//   when no story of its cluster counted for the value yet;
// - SpyFacetCounter: remote shards, Xapian's own ValueCountMatchSpy per
//   slot, the only spy xapian-tcpsrv knows, in a hit-less match of its own
//   (see any_remote in store/shards.h).

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "columns/facet_columns.h"
#include "news/search.h"
#include "schema.h"
#include "search/index_view.h"

namespace news {

// The schema fields of facet names (aliases allowed), in order. Throws
// QueryError for an unknown name.
std::vector<const schema::FacetField*> facet_fields(const std::vector<std::string>& names);

// Counts the values of some facet fields over the documents a match hands
// it: before_match(), the match, after_match(), then results().
class FacetCounter {
 public:
  virtual ~FacetCounter();

  // Sets `enquire` up to count during its next get_mset().
  virtual void before_match(Xapian::Enquire& enquire) = 0;
  // Called after that get_mset() (run with `check_at_least`): counting that
  // could not be part of it happens here.
  virtual void after_match(Xapian::Enquire& enquire, Xapian::doccount check_at_least);

  bool empty() const { return fields_.empty(); }

  // The counted values, grouped by normalised value (display form: the most
  // frequent one), by count then value, at most `limit` per field (0: all);
  // histograms (year, month) in date order, never cut.
  std::vector<Facet> results(size_t limit) const;

 protected:
  explicit FacetCounter(std::vector<const schema::FacetField*> fields);
  const std::vector<const schema::FacetField*>& fields() const { return fields_; }

  // Called with (normalised value, value as stored, documents).
  using Add = std::function<void(const std::string&, const std::string&, Xapian::doccount)>;
  // Hands `add` every value counted for fields()[field].
  virtual void for_each_count(size_t field, const Add& add) const = 0;

 private:
  std::vector<const schema::FacetField*> fields_;
};

// The counter of `names` for `view`'s layout (and its columns in memory,
// when it keeps them); `by_clusters`: counting distinct clusters instead of
// stories. Throws QueryError for an unknown facet name, and for
// `by_clusters` over remote shards.
std::unique_ptr<FacetCounter> make_facet_counter(const IndexView& view,
                                                 const std::vector<std::string>& names,
                                                 bool by_clusters = false);

// Each of these counts `fields` of documents of `db` (or `columns`) only.
class ColumnFacetCounter : public FacetCounter {
 public:
  ColumnFacetCounter(FacetColumns& columns, std::vector<const schema::FacetField*> fields);
  ~ColumnFacetCounter() override;
  void before_match(Xapian::Enquire& enquire) override;

 private:
  void for_each_count(size_t field, const Add& add) const override;
  class Spy;
  std::vector<std::unique_ptr<Spy>> spies_;  // by field
};

class StreamFacetCounter : public FacetCounter {
 public:
  StreamFacetCounter(const Xapian::Database& db, std::vector<const schema::FacetField*> fields);
  ~StreamFacetCounter() override;
  void before_match(Xapian::Enquire& enquire) override;

 private:
  void for_each_count(size_t field, const Add& add) const override;
  class Spy;
  std::vector<std::unique_ptr<Spy>> spies_;  // by field
};

class SlotsFacetCounter : public FacetCounter {
 public:
  // `by_clusters`: a value counts each cluster once (a story without one
  // counts as its own).
  SlotsFacetCounter(const Xapian::Database& db, std::vector<const schema::FacetField*> fields,
                    bool by_clusters = false);
  ~SlotsFacetCounter() override;
  void before_match(Xapian::Enquire& enquire) override;

 private:
  void for_each_count(size_t field, const Add& add) const override;
  class Spy;
  std::unique_ptr<Spy> spy_;  // all fields
};

class SpyFacetCounter : public FacetCounter {
 public:
  SpyFacetCounter(const Xapian::Database& db, std::vector<const schema::FacetField*> fields);
  ~SpyFacetCounter() override;
  // Nothing: Xapian 1.4.22 over two or more remote shards inflates the
  // counts of a match whose MSet is sorted by a value and shorter than the
  // match; after_match() counts in a hit-less match of its own.
  void before_match(Xapian::Enquire&) override {}
  void after_match(Xapian::Enquire& enquire, Xapian::doccount check_at_least) override;

 private:
  void for_each_count(size_t field, const Add& add) const override;
  // By field, one per slot in use.
  std::vector<std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies_;
};

}  // namespace news

#endif  // NEWS_COMMON_SEARCH_FACETS_H_
