#ifndef NEWS_COMMON_INDEX_LAYOUT_H_
#define NEWS_COMMON_INDEX_LAYOUT_H_

#include <stdexcept>
#include <string>
#include <vector>

namespace news {

// A fatal index-level failure (I/O, lock, corrupt layout): the run stops.
class IndexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The on-disk layout of an index at `--db DIR`:
//
//   DIR/XAPIANDB        Xapian stub file naming the live generation's
//                       database(s), e.g. "glass gen-000003"; readers open DIR
//   DIR/gen-NNNNNN/     one generation (a glass database)
//   DIR/write.lock      held by the one writer (see WriteLock)
//
// A DIR that is itself a plain Xapian database (made by another tool) is
// used in place, without generations.
class IndexLayout {
 public:
  explicit IndexLayout(std::string root);

  const std::string& root() const { return root_; }

  // True when DIR holds a live index (stub or plain database).
  bool exists() const;

  // Paths of the live databases (one per shard), empty when none.
  std::vector<std::string> live_databases() const;

  // A new, empty generation directory path beside the live one (not created).
  std::string next_generation() const;

  // Atomically makes `databases` (inside root) the live index: writes the
  // stub to a temporary file, fsyncs it and renames it over DIR/XAPIANDB.
  // Then removes generations that are no longer live. Throws IndexError.
  void publish(const std::vector<std::string>& databases) const;

  // Removes generation directories that are not live (e.g. left by a
  // crashed rebuild). Errors are ignored: this is housekeeping.
  void remove_stale_generations() const;

  // Throws IndexError when DIR is a plain database, which `what` (a command
  // that switches generations) cannot handle.
  void require_generations(const std::string& what) const;

  std::string stub_path() const { return root_ + "/XAPIANDB"; }
  std::string lock_path() const { return root_ + "/write.lock"; }

 private:
  bool is_plain_database() const;
  std::string root_;
};

}  // namespace news

#endif  // NEWS_COMMON_INDEX_LAYOUT_H_
