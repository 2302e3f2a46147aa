#include "columns/date_keys.h"

#include "schema.h"

namespace news {

std::unique_ptr<DateKeys> DateKeys::load(const Xapian::Database& db) {
  auto keys = std::unique_ptr<DateKeys>(new DateKeys);
  keys->keys_.assign((static_cast<size_t>(db.get_lastdocid()) + 1) * kStride, '\0');
  const Xapian::ValueIterator end = db.valuestream_end(schema::kTimeSlot);
  for (Xapian::ValueIterator it = db.valuestream_begin(schema::kTimeSlot); it != end; ++it) {
    const std::string value = *it;
    if (value.size() > kMaxValue) return nullptr;
    char* entry = &keys->keys_[it.get_docid() * kStride];
    entry[0] = static_cast<char>(value.size());
    value.copy(entry + 1, value.size());
  }
  return keys;
}

std::string DateKeys::operator()(const Xapian::Document& doc) const {
  const size_t at = static_cast<size_t>(doc.get_docid()) * kStride;
  if (at >= keys_.size()) return std::string();
  return std::string(&keys_[at + 1], static_cast<unsigned char>(keys_[at]));
}

}  // namespace news
