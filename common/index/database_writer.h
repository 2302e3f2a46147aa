#ifndef NEWS_COMMON_INDEX_DATABASE_WRITER_H_
#define NEWS_COMMON_INDEX_DATABASE_WRITER_H_

#include <xapian.h>

#include <string>

#include "text/analysis.h"

namespace news {

enum class UpsertResult { kAdded, kUpdated, kUnchanged };

// One writable glass database. Translates Xapian errors into IndexError.
class DatabaseWriter {
 public:
  // Opens (creating when needed) the database at `path`. `fresh` means a new
  // generation nobody reads yet: written without fsync until finish(); a
  // crash leaves a generation that is never published and is removed. Not
  // DB_DANGEROUS, though in-place writes made such a generation a third
  // smaller (Reuters 120 -> 91 MB) at the same speed: under it Xapian 1.4
  // answers a full disk with "cancel() not supported under
  // Xapian::DB_DANGEROUS", hiding the cause; `compact` and `rebuild --merge`
  // give the compact size.
  DatabaseWriter(const std::string& path, bool fresh);

  // Adds the document under its unique `id_term`, or replaces the indexed
  // one when its content hash differs. `may_exist` false skips the lookup
  // (a fresh database and an id not seen before).
  // `replaced_cluster`, when given, receives the cluster value
  // (schema::kClusterSlot) of the document replaced, "" for none.
  UpsertResult upsert(const std::string& id_term, Xapian::Document&& doc, bool may_exist,
                      std::string* replaced_cluster = nullptr);

  // Sets the user metadata `key` (with the next commit).
  void set_metadata(const std::string& key, const std::string& value);

  // Adds word counts to the spelling data with the next commit.
  void add_spelling(const SpellingCounts& counts);

  // Deletes the document with `id_term`; false when there is none.
  // `removed_cluster`, when given, receives its cluster value.
  bool remove(const std::string& id_term, std::string* removed_cluster = nullptr);

  // Sets value `slot` of the document with `id_term` ("" removes it),
  // rewriting the document only when the value changes; false when there
  // is no such document.
  bool set_value(const std::string& id_term, Xapian::valueno slot, const std::string& value);

  // Makes everything written so far durable and visible to readers.
  void commit();

  // Commits and, for a fresh database, fsyncs its files.
  void finish();

  Xapian::doccount doccount() const;
  const Xapian::WritableDatabase& database() const { return db_; }

 private:
  void begin_batch();

  std::string path_;
  bool fresh_;
  bool in_batch_ = false;  // a transaction is open
  Xapian::WritableDatabase db_;
  SpellingCounts spelling_;  // added with the next commit
};

}  // namespace news

#endif  // NEWS_COMMON_INDEX_DATABASE_WRITER_H_
