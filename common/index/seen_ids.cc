#include "index/seen_ids.h"

#include <algorithm>
#include <limits>

#include "text/text.h"

namespace news {

std::pair<uint64_t, uint64_t> SeenIds::hash(const std::string& id_term) {
  constexpr uint64_t kSecondBasis = 0x9e3779b97f4a7c15ULL;
  std::pair<uint64_t, uint64_t> h{fnv1a64(id_term), fnv1a64(id_term, kSecondBasis)};
  if (h.first == 0 && h.second == 0) h.second = 1;  // 0/0 marks a free slot
  return h;
}

size_t SeenIds::find(uint64_t a, uint64_t b) const {
  const size_t mask = slots_.size() - 1;  // the size is a power of two
  for (size_t i = a & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if ((s.a == a && s.b == b) || (s.a == 0 && s.b == 0)) return i;
  }
}

void SeenIds::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  for (const Slot& s : old) {
    if (s.a != 0 || s.b != 0) slots_[find(s.a, s.b)] = s;
  }
}

uint32_t SeenIds::file_index(const std::string& file) {
  const auto [it, inserted] = file_indexes_.emplace(file, static_cast<uint32_t>(files_.size()));
  if (inserted) files_.push_back(file);
  return it->second;
}

std::optional<std::string> SeenIds::insert(const std::string& id_term, const std::string& file,
                                           size_t line) {
  const auto [a, b] = hash(id_term);
  Slot& slot = slots_[find(a, b)];
  std::optional<std::string> before;
  if (slot.a == a && slot.b == b) {
    before = files_[slot.file] + ":" + std::to_string(slot.line);
  } else {
    slot.a = a;
    slot.b = b;
    ++used_;
  }
  slot.file = file_index(file);
  slot.line = static_cast<uint32_t>(std::min<size_t>(line, std::numeric_limits<uint32_t>::max()));
  if (used_ * 4 > slots_.size() * 3) grow();  // keep the load under 3/4
  return before;
}

bool SeenIds::contains(const std::string& id_term) const {
  const auto [a, b] = hash(id_term);
  const Slot& slot = slots_[find(a, b)];
  return slot.a == a && slot.b == b;
}

}  // namespace news
