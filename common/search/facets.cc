#include "search/facets.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "text/text.h"

namespace news {
namespace {

struct Tally {
  size_t count = 0;
  std::map<std::string, size_t> display_forms;

  std::string display() const {
    return std::max_element(display_forms.begin(), display_forms.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
  }
};

// Values by count (descending) then normalised value; a histogram by its
// normalised key (YYYY-MM, YYYY: date order) and never cut. `limit` 0: all.
std::vector<FacetValue> sorted_values(const std::map<std::string, Tally>& tallies,
                                      bool chronological, size_t limit) {
  std::vector<const std::pair<const std::string, Tally>*> order;
  for (const auto& entry : tallies) order.push_back(&entry);
  if (!chronological) {
    // Stable on the map's key order, so equal counts stay by value.
    std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
      return a->second.count > b->second.count;
    });
    if (limit > 0 && order.size() > limit) order.resize(limit);
  }
  std::vector<FacetValue> values;
  for (const auto* entry : order) values.push_back({entry->second.display(), entry->second.count});
  return values;
}

// add(normalise_value(value), value, count) for each of `counts`.
template <class Counts, class Add>
void add_normalised(const Counts& counts, const Add& add) {
  for (const auto& [value, count] : counts) add(normalise_value(value), value, count);
}

}  // namespace

class ColumnFacetCounter::Spy : public Xapian::MatchSpy {
 public:
  explicit Spy(const FacetColumn& column) : column_(column), counts_(column.values().size(), 0) {}

  void operator()(const Xapian::Document& doc, double) override {
    column_.count(doc.get_docid(), &counts_);
  }

  // add(normalised value, value, count) for each value counted.
  template <class Add>
  void for_each_count(Add add) const {
    for (size_t i = 0; i < counts_.size(); ++i) {
      if (counts_[i] > 0) add(column_.keys()[i], column_.values()[i], counts_[i]);
    }
  }

 private:
  const FacetColumn& column_;
  std::vector<Xapian::doccount> counts_;  // by value number
};

// Counts the values of slots first..first+n-1 of the documents it is shown,
// which must come in increasing docid order from one database, by walking
// the slots' value streams alongside.
class StreamFacetCounter::Spy : public Xapian::MatchSpy {
 public:
  Spy(const Xapian::Database& db, Xapian::valueno first, Xapian::valueno n)
      : db_(db), first_(first), n_(n) {
    restart();
  }

  void operator()(const Xapian::Document& doc, double) override {
    const Xapian::docid did = doc.get_docid();
    if (did <= last_) restart();  // a second match: streams from the start
    last_ = did;
    for (Stream& s : streams_) {
      if (s.at > did) continue;  // also at the end
      if (s.at < did) s.skip_to(did);
      if (s.at == did) s.count(*s.it, &counts_);
    }
  }

  // Value -> matching documents; node-based, so counters stay put.
  using Counts = std::unordered_map<std::string, Xapian::doccount>;
  const Counts& counts() const { return counts_; }

 private:
  struct Stream {
    Xapian::ValueIterator it;
    Xapian::ValueIterator end;
    Xapian::docid at = 0;  // it's docid; kAtEnd past the last value

    // Neighbouring documents often share a value (a month, "usa"): the
    // last one's counter is kept at hand.
    std::string last_value;
    Xapian::doccount* last_count = nullptr;

    void settle() { at = it == end ? kAtEnd : it.get_docid(); }
    void skip_to(Xapian::docid did) {
      it.skip_to(did);
      settle();
    }
    void count(const std::string& value, Counts* counts) {
      if (last_count == nullptr || value != last_value) {
        last_value = value;
        last_count = &(*counts)[value];
      }
      ++*last_count;
    }
  };
  static constexpr Xapian::docid kAtEnd = std::numeric_limits<Xapian::docid>::max();

  void restart() {
    streams_.clear();
    for (Xapian::valueno slot = first_; slot < first_ + n_; ++slot) {
      Stream& s = streams_.emplace_back();
      s.it = db_.valuestream_begin(slot);
      s.end = db_.valuestream_end(slot);
      s.settle();
    }
    last_ = 0;
  }

  Xapian::Database db_;
  Xapian::valueno first_;
  Xapian::valueno n_;
  std::vector<Stream> streams_;
  Xapian::docid last_ = 0;
  Counts counts_;
};

// Counts the values of the requested fields of the documents it is shown,
// from any number of local databases (Xapian 1.4 hands a spy each shard's
// documents with their shard's docids, so the value streams of the combined
// database cannot be walked). A multi-valued field fills its slots from the
// first one on, so reading stops at the first empty slot: about two look-ups
// per field and document instead of one per slot in use (what a
// ValueCountMatchSpy per slot costs).
class SlotsFacetCounter::Spy : public Xapian::MatchSpy {
 public:
  using Counts = std::unordered_map<std::string, Xapian::doccount>;

  explicit Spy(bool by_clusters) : by_clusters_(by_clusters) {}

  // Slots first..first+n-1 hold the values of the next field (in order).
  void add_field(Xapian::valueno first, Xapian::valueno n) {
    fields_.push_back({first, first + n});
    counts_.emplace_back();
  }
  const Counts& counts(size_t field) const { return counts_[field]; }

  void operator()(const Xapian::Document& doc, double) override {
    const std::string cluster = by_clusters_ ? doc.get_value(schema::kClusterSlot) : "";
    for (size_t f = 0; f < fields_.size(); ++f) {
      for (Xapian::valueno slot = fields_[f].first; slot < fields_[f].second; ++slot) {
        std::string value = doc.get_value(slot);
        if (value.empty()) break;
        // A story of a cluster counts when its cluster did not yet count for
        // the value (its normalised form, as results() groups them).
        if (!cluster.empty() && !counted_.insert({f, normalise_value(value), cluster}).second) {
          continue;
        }
        ++counts_[f][std::move(value)];
      }
    }
  }

 private:
  bool by_clusters_;
  std::vector<std::pair<Xapian::valueno, Xapian::valueno>> fields_;
  std::vector<Counts> counts_;
  std::set<std::tuple<size_t, std::string, std::string>> counted_;  // field, key, cluster
};

std::vector<const schema::FacetField*> facet_fields(const std::vector<std::string>& names) {
  std::vector<const schema::FacetField*> fields;
  for (const std::string& name : names) {
    const schema::FacetField* spec = schema::find_facet_field(name);
    if (spec == nullptr) {
      throw QueryError("unknown facet '" + name +
                       "' (use section, tag, author, place, source, year or month)");
    }
    fields.push_back(spec);
  }
  return fields;
}

FacetCounter::FacetCounter(std::vector<const schema::FacetField*> fields)
    : fields_(std::move(fields)) {}

FacetCounter::~FacetCounter() = default;

void FacetCounter::after_match(Xapian::Enquire&, Xapian::doccount) {}

std::vector<Facet> FacetCounter::results(size_t limit) const {
  std::vector<Facet> out;
  for (size_t f = 0; f < fields_.size(); ++f) {
    const schema::FacetField& spec = *fields_[f];
    std::map<std::string, Tally> tallies;
    for_each_count(
        f, [&tallies](const std::string& key, const std::string& value, Xapian::doccount count) {
          Tally& t = tallies[key];
          t.count += count;
          t.display_forms[value] += count;
        });
    out.push_back(Facet{spec.name, spec.chronological,
                        sorted_values(tallies, spec.chronological, limit), tallies.size()});
  }
  return out;
}

std::unique_ptr<FacetCounter> make_facet_counter(const IndexView& view,
                                                 const std::vector<std::string>& names,
                                                 bool by_clusters) {
  std::vector<const schema::FacetField*> fields = facet_fields(names);
  if (by_clusters && !fields.empty()) {
    if (view.remote()) {
      throw QueryError(
          "--facet-count clusters cannot be used with remote shards: xapian-tcpsrv's spies count "
          "values, not clusters; search the shards locally or a replica");
    }
    return std::make_unique<SlotsFacetCounter>(view.db(), std::move(fields), true);
  }
  switch (view.layout()) {
    case IndexView::Layout::kOneLocal:
      if (view.columns() != nullptr) {
        return std::make_unique<ColumnFacetCounter>(*view.columns(), std::move(fields));
      }
      return std::make_unique<StreamFacetCounter>(view.db(), std::move(fields));
    case IndexView::Layout::kSeveralLocal:
      return std::make_unique<SlotsFacetCounter>(view.db(), std::move(fields));
    case IndexView::Layout::kRemote:
      break;
  }
  return std::make_unique<SpyFacetCounter>(view.db(), std::move(fields));
}

ColumnFacetCounter::ColumnFacetCounter(FacetColumns& columns,
                                       std::vector<const schema::FacetField*> fields)
    : FacetCounter(std::move(fields)) {
  for (const schema::FacetField* spec : this->fields()) {
    spies_.push_back(std::make_unique<Spy>(columns.get(*spec)));
  }
}

ColumnFacetCounter::~ColumnFacetCounter() = default;

void ColumnFacetCounter::before_match(Xapian::Enquire& enquire) {
  for (const auto& spy : spies_) enquire.add_matchspy(spy.get());
}

void ColumnFacetCounter::for_each_count(size_t field, const Add& add) const {
  spies_[field]->for_each_count(add);
}

StreamFacetCounter::StreamFacetCounter(const Xapian::Database& db,
                                       std::vector<const schema::FacetField*> fields)
    : FacetCounter(std::move(fields)) {
  for (const schema::FacetField* spec : this->fields()) {
    spies_.push_back(std::make_unique<Spy>(db, spec->slot, slots_in_use(db, *spec)));
  }
}

StreamFacetCounter::~StreamFacetCounter() = default;

void StreamFacetCounter::before_match(Xapian::Enquire& enquire) {
  for (const auto& spy : spies_) enquire.add_matchspy(spy.get());
}

void StreamFacetCounter::for_each_count(size_t field, const Add& add) const {
  add_normalised(spies_[field]->counts(), add);
}

SlotsFacetCounter::SlotsFacetCounter(const Xapian::Database& db,
                                     std::vector<const schema::FacetField*> fields,
                                     bool by_clusters)
    : FacetCounter(std::move(fields)), spy_(std::make_unique<Spy>(by_clusters)) {
  for (const schema::FacetField* spec : this->fields()) {
    spy_->add_field(spec->slot, slots_in_use(db, *spec));
  }
}

SlotsFacetCounter::~SlotsFacetCounter() = default;

void SlotsFacetCounter::before_match(Xapian::Enquire& enquire) {
  if (!empty()) enquire.add_matchspy(spy_.get());
}

void SlotsFacetCounter::for_each_count(size_t field, const Add& add) const {
  add_normalised(spy_->counts(field), add);
}

SpyFacetCounter::SpyFacetCounter(const Xapian::Database& db,
                                 std::vector<const schema::FacetField*> fields)
    : FacetCounter(std::move(fields)) {
  for (const schema::FacetField* spec : this->fields()) {
    auto& spies = spies_.emplace_back();
    const Xapian::valueno slots = slots_in_use(db, *spec);
    for (Xapian::valueno i = 0; i < slots; ++i) {
      spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(spec->slot + i));
    }
  }
}

SpyFacetCounter::~SpyFacetCounter() = default;

void SpyFacetCounter::after_match(Xapian::Enquire& enquire, Xapian::doccount check_at_least) {
  if (empty()) return;
  for (const auto& spies : spies_) {
    for (const auto& spy : spies) enquire.add_matchspy(spy.get());
  }
  enquire.get_mset(0, 0, check_at_least);
}

void SpyFacetCounter::for_each_count(size_t field, const Add& add) const {
  for (const auto& spy : spies_[field]) {
    for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
      add(normalise_value(*it), *it, it.get_termfreq());
    }
  }
}

}  // namespace news
