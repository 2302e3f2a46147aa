#ifndef NEWS_COMMON_INDEX_SEEN_IDS_H_
#define NEWS_COMMON_INDEX_SEEN_IDS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace news {

// The id terms a run has seen, each with the FILE:LINE it was last read
// from, in about 30 bytes per id whatever its length: a map of id strings
// to location strings took about 250 bytes per id, the only part of an
// indexing run's memory that grew with the corpus (613 MB peak RSS for a
// million stories). Ids are told apart by a 128-bit hash (two FNV-1a 64
// with different bases): for a billion ids the chance of one collision is
// below 1e-20.
class SeenIds {
 public:
  // Records that `id_term` was read at `file`:`line`; returns where it was
  // read before ("FILE:LINE"), or nullopt the first time.
  std::optional<std::string> insert(const std::string& id_term, const std::string& file,
                                    size_t line);

  bool contains(const std::string& id_term) const;
  size_t size() const { return used_; }

 private:
  struct Slot {
    uint64_t a = 0, b = 0;  // the hash; a == b == 0 marks a free slot
    uint32_t file = 0;
    uint32_t line = 0;  // saturates at 2^32 - 1
  };
  static std::pair<uint64_t, uint64_t> hash(const std::string& id_term);
  size_t find(uint64_t a, uint64_t b) const;  // the slot holding it, or a free one
  void grow();
  uint32_t file_index(const std::string& file);

  std::vector<Slot> slots_ = std::vector<Slot>(1024);
  size_t used_ = 0;
  std::vector<std::string> files_;
  std::map<std::string, uint32_t> file_indexes_;
};

}  // namespace news

#endif  // NEWS_COMMON_INDEX_SEEN_IDS_H_
