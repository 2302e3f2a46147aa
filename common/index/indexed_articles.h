#ifndef NEWS_COMMON_INDEX_INDEXED_ARTICLES_H_
#define NEWS_COMMON_INDEX_INDEXED_ARTICLES_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "news/errors.h"
#include "schema.h"
#include "store/retry.h"

namespace news {

// The articles indexed when a run started (a read-only snapshot of the live
// databases): their content hashes, so that unchanged articles are skipped
// before being built, their documents, for the stories a run keeps as they
// were, and their ids, for what a sync or rebuild deletes. An id the run
// has not written yet still has its starting state, whatever the writer
// committed since. One per thread (a Xapian::Database is not thread-safe).
class IndexedArticles {
 public:
  explicit IndexedArticles(const std::vector<std::string>& paths) : paths_(paths) {
    try {
      for (const std::string& path : paths) db_.add_database(Xapian::Database(path));
    } catch (const Xapian::Error& e) {
      throw IndexError("cannot read " + paths.front() + ": " + e.get_description());
    }
  }

  // A copy of the document with `id_term` that holds everything itself,
  // nullopt when it is not indexed. A document as Xapian returns it reads
  // its contents lazily, and counts references to its database without
  // atomics: it must not reach a shard writer's thread.
  std::optional<Xapian::Document> find(const std::string& id_term) {
    return with_retries([&]() -> std::optional<Xapian::Document> {
      const std::optional<Xapian::Document> doc = document(id_term);
      if (!doc) return std::nullopt;
      return detached_copy(*doc);
    });
  }

  // The content hash stored with `id_term`, nullopt when it is not indexed.
  std::optional<std::string> find_hash(const std::string& id_term) {
    return with_retries([&]() -> std::optional<std::string> {
      const std::optional<Xapian::Document> doc = document(id_term);
      if (!doc) return std::nullopt;
      return doc->get_value(schema::kHashSlot);
    });
  }

  size_t doccount() {
    return with_retries([&] { return static_cast<size_t>(db_.get_doccount()); });
  }

  // The id terms for which `keep` is false.
  template <typename Keep>
  std::vector<std::string> ids_except(Keep keep) {
    return with_retries([&] {
      std::vector<std::string> out;
      const std::string& prefix = schema::kIdPrefix;
      for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
        if (!keep(*it)) out.push_back(*it);
      }
      return out;
    });
  }

 private:
  static Xapian::Document detached_copy(const Xapian::Document& doc) {
    Xapian::Document copy;
    copy.set_data(doc.get_data());
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
      copy.add_value(v.get_valueno(), *v);
    }
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      copy.add_term(*t, t.get_wdf());
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
        copy.add_posting(*t, *p, 0);
      }
    }
    return copy;
  }

  std::optional<Xapian::Document> document(const std::string& id_term) {
    Xapian::PostingIterator it = db_.postlist_begin(id_term);
    if (it == db_.postlist_end(id_term)) return std::nullopt;
    return db_.get_document(*it, Xapian::DOC_ASSUME_VALID);
  }

  // The writer may commit under the snapshot: reopen and read again.
  template <typename Read>
  std::invoke_result_t<Read> with_retries(Read read) {
    try {
      return read_with_retries(paths_, "cannot read the index", read, [&] { db_.reopen(); });
    } catch (const Xapian::Error& e) {
      throw IndexError("cannot read the index: " + e.get_description());
    }
  }

  std::vector<std::string> paths_;
  Xapian::Database db_;
};

}  // namespace news

#endif  // NEWS_COMMON_INDEX_INDEXED_ARTICLES_H_
