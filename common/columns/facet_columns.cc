#include "columns/facet_columns.h"

#include <unordered_map>
#include <utility>

#include "text/text.h"

namespace news {

Xapian::valueno slots_in_use(const Xapian::Database& db, const schema::FacetField& field) {
  if (!field.multi) return 1;
  Xapian::valueno n = 0;
  while (n < schema::kMaxValuesPerField && db.get_value_freq(field.slot + n) > 0) ++n;
  return n;
}

FacetColumn::FacetColumn(const Xapian::Database& db, Xapian::valueno first, Xapian::valueno slots) {
  std::unordered_map<std::string, uint32_t> numbers;
  std::vector<std::pair<Xapian::docid, uint32_t>> entries;  // slot by slot
  starts_.assign(static_cast<size_t>(db.get_lastdocid()) + 2, 0);
  for (Xapian::valueno slot = first; slot < first + slots; ++slot) {
    const Xapian::ValueIterator end = db.valuestream_end(slot);
    for (Xapian::ValueIterator it = db.valuestream_begin(slot); it != end; ++it) {
      const auto [entry, added] = numbers.try_emplace(*it, static_cast<uint32_t>(values_.size()));
      if (added) {
        values_.push_back(entry->first);
        keys_.push_back(normalise_value(entry->first));
      }
      entries.emplace_back(it.get_docid(), entry->second);
      ++starts_[it.get_docid() + 1];
    }
  }
  for (size_t did = 1; did < starts_.size(); ++did) starts_[did] += starts_[did - 1];
  std::vector<uint32_t> next(starts_.begin(), starts_.end() - 1);
  numbers_.resize(entries.size());
  for (const auto& [did, number] : entries) numbers_[next[did]++] = number;
}

const FacetColumn& FacetColumns::get(const schema::FacetField& field) {
  std::unique_ptr<FacetColumn>& column = columns_[field.name];
  if (!column) column = std::make_unique<FacetColumn>(db_, field.slot, slots_in_use(db_, field));
  return *column;
}

}  // namespace news
