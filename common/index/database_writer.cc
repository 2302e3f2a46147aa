#include "index/database_writer.h"

#include "schema.h"
#include "store/layout.h"
#include "text/analysis.h"

namespace news {
namespace {

Xapian::WritableDatabase open_writable(const std::string& path, bool fresh) {
  int flags = Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS;
  if (fresh) flags |= Xapian::DB_NO_SYNC;
  try {
    return Xapian::WritableDatabase(path, flags);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError("database " + path + " is locked by another writer");
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open " + path + " for writing: " + e.get_description());
  }
}

template <typename F>
auto guarded(const std::string& path, const char* what, F&& f) {
  try {
    return f();
  } catch (const Xapian::Error& e) {
    throw IndexError(std::string(what) + " " + path + ": " + e.get_description());
  }
}

}  // namespace

DatabaseWriter::DatabaseWriter(const std::string& path, bool fresh)
    : path_(path), fresh_(fresh), db_(open_writable(path, fresh)) {}

UpsertResult DatabaseWriter::upsert(const std::string& id_term, Xapian::Document&& doc,
                                    bool may_exist, std::string* replaced_cluster) {
  return guarded(path_, "cannot write to", [&] {
    if (may_exist) {
      Xapian::PostingIterator it = db_.postlist_begin(id_term);
      if (it != db_.postlist_end(id_term)) {
        const Xapian::Document old = db_.get_document(*it, Xapian::DOC_ASSUME_VALID);
        if (old.get_value(schema::kHashSlot) == doc.get_value(schema::kHashSlot)) {
          return UpsertResult::kUnchanged;
        }
        if (replaced_cluster != nullptr) *replaced_cluster = old.get_value(schema::kClusterSlot);
        begin_batch();
        db_.replace_document(id_term, doc);
        return UpsertResult::kUpdated;
      }
    }
    begin_batch();
    db_.add_document(doc);
    return UpsertResult::kAdded;
  });
}

// Inside a transaction Xapian flushes its buffers (every
// XAPIAN_FLUSH_THRESHOLD documents) without committing them, so that a
// batch is committed whole, with its spelling counts. A fresh generation
// needs none: nobody reads it before it is finished.
void DatabaseWriter::begin_batch() {
  if (fresh_ || in_batch_) return;
  db_.begin_transaction();
  in_batch_ = true;
}

void DatabaseWriter::set_metadata(const std::string& key, const std::string& value) {
  guarded(path_, "cannot write to", [&] {
    begin_batch();
    db_.set_metadata(key, value);
  });
}

void DatabaseWriter::add_spelling(const SpellingCounts& counts) {
  for (const auto& [word, n] : counts) spelling_[word] += n;
}

bool DatabaseWriter::remove(const std::string& id_term, std::string* removed_cluster) {
  return guarded(path_, "cannot delete from", [&] {
    Xapian::PostingIterator it = db_.postlist_begin(id_term);
    if (it == db_.postlist_end(id_term)) return false;
    if (removed_cluster != nullptr) {
      *removed_cluster =
          db_.get_document(*it, Xapian::DOC_ASSUME_VALID).get_value(schema::kClusterSlot);
    }
    begin_batch();
    db_.delete_document(id_term);
    return true;
  });
}

bool DatabaseWriter::set_value(const std::string& id_term, Xapian::valueno slot,
                               const std::string& value) {
  return guarded(path_, "cannot write to", [&] {
    Xapian::PostingIterator it = db_.postlist_begin(id_term);
    if (it == db_.postlist_end(id_term)) return false;
    Xapian::Document doc = db_.get_document(*it);
    if (doc.get_value(slot) == value) return true;
    if (value.empty()) {
      doc.remove_value(slot);
    } else {
      doc.add_value(slot, value);
    }
    begin_batch();
    db_.replace_document(*it, doc);
    return true;
  });
}

void DatabaseWriter::commit() {
  guarded(path_, "cannot commit", [&] {
    for (const auto& [word, count] : spelling_) db_.add_spelling(word, count);
    spelling_.clear();
    if (in_batch_) {
      db_.commit_transaction();
      in_batch_ = false;
    } else {
      db_.commit();
    }
  });
}

void DatabaseWriter::finish() {
  commit();
  if (fresh_) sync_directory_files(path_);
}

Xapian::doccount DatabaseWriter::doccount() const {
  return guarded(path_, "cannot read", [&] { return db_.get_doccount(); });
}

}  // namespace news
