#ifndef NEWS_COMMON_COLUMNS_DATE_KEYS_H_
#define NEWS_COMMON_COLUMNS_DATE_KEYS_H_

#include <xapian.h>

#include <memory>
#include <string>

namespace news {

// Every story's publication time (the schema's time slot), held in memory
// and handed to the matcher as a sort key. Ordering by date otherwise reads
// the slot's value stream for each candidate, a B-tree look-up that costs
// about a fifth of a plain top-10 query. Loading is one pass over the slot
// (10 bytes a story; 40-90 ms for 1M stories), so it pays for a process
// that runs many queries, not for one. One local database only: over several,
// Xapian 1.4 hands a KeyMaker each shard's own docids, and xapian-tcpsrv
// knows no KeyMaker of ours.
class DateKeys : public Xapian::KeyMaker {
 public:
  // Null when a value is longer than a sortable_serialise()d number (never
  // written by news-index): then the value stream has to be read.
  static std::unique_ptr<DateKeys> load(const Xapian::Database& db);

  // The document's time slot value, byte for byte.
  std::string operator()(const Xapian::Document& doc) const override;

 private:
  // Per docid: a length byte, then the value.
  static constexpr size_t kMaxValue = 9;
  static constexpr size_t kStride = 1 + kMaxValue;

  std::string keys_;
};

}  // namespace news

#endif  // NEWS_COMMON_COLUMNS_DATE_KEYS_H_
