#include "search/facets.h"

#include <algorithm>
#include <map>

#include "text/text.h"

namespace news {
namespace {

// How many slots of a field hold values somewhere in the database.
Xapian::valueno used_slots(const Xapian::Database& db, const schema::FacetField& f) {
  if (!f.multi) return 1;
  Xapian::valueno n = 0;
  while (n < schema::kMaxValuesPerField && db.get_value_freq(f.slot + n) > 0) ++n;
  return n;
}

struct Tally {
  size_t count = 0;
  std::map<std::string, size_t> display_forms;

  std::string display() const {
    return std::max_element(display_forms.begin(), display_forms.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
  }
};

std::vector<FacetValue> sorted_values(const std::map<std::string, Tally>& tallies,
                                      bool chronological, size_t limit) {
  std::vector<FacetValue> values;
  for (const auto& [key, tally] : tallies) values.push_back({tally.display(), tally.count});
  if (chronological) return values;  // map order = date order for YYYY-MM
  std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (values.size() > limit) values.resize(limit);
  return values;
}

}  // namespace

FacetCounter::FacetCounter(const Xapian::Database& db, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    const schema::FacetField* spec = schema::find_facet_field(name);
    if (spec == nullptr) {
      throw QueryError("unknown facet '" + name +
                       "' (use section, tag, author, place, source, year or month)");
    }
    Field field{spec, {}};
    const Xapian::valueno slots = used_slots(db, *spec);
    for (Xapian::valueno i = 0; i < slots; ++i) {
      field.spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(spec->slot + i));
    }
    fields_.push_back(std::move(field));
  }
}

void FacetCounter::attach(Xapian::Enquire& enquire) const {
  for (const Field& field : fields_) {
    for (const auto& spy : field.spies) enquire.add_matchspy(spy.get());
  }
}

std::vector<Facet> FacetCounter::results(size_t limit) const {
  std::vector<Facet> out;
  for (const Field& field : fields_) {
    std::map<std::string, Tally> tallies;
    for (const auto& spy : field.spies) {
      for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
        Tally& t = tallies[normalise_value(*it)];
        t.count += it.get_termfreq();
        t.display_forms[*it] += it.get_termfreq();
      }
    }
    out.push_back(Facet{field.spec->name, field.spec->chronological,
                        sorted_values(tallies, field.spec->chronological, limit)});
  }
  return out;
}

}  // namespace news
