#include "dedup/fingerprint.h"

#include <xapian.h>

#include <algorithm>
#include <array>
#include <limits>

#include "text/text.h"

namespace news {
namespace {

// splitmix64's finaliser: a fixed, well-mixed function of 64 bits.
uint64_t mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// The hash of each word of `text`, in order.
std::vector<uint64_t> word_hashes(std::string_view text) {
  const std::string folded = fold_accents(text);
  std::vector<uint64_t> words;
  std::string word;
  const auto end_word = [&] {
    if (!word.empty()) words.push_back(fnv1a64(word));
    word.clear();
  };
  for (Xapian::Utf8Iterator it(folded.data(), folded.size()); it != Xapian::Utf8Iterator(); ++it) {
    const unsigned cp = *it;
    if (Xapian::Unicode::is_wordchar(cp)) {
      Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(cp));
    } else {
      end_word();
    }
  }
  end_word();
  return words;
}

constexpr size_t kSignature = kBands * kBandRows;

// One-permutation MinHash: each shingle goes to one of kSignature bins by
// its mixed hash, each bin keeps its smallest; an empty bin borrows from
// the next bin that is not (rotation densification), so that equal sets
// still give equal signatures.
std::array<uint64_t, kSignature> signature(const std::vector<uint64_t>& shingles) {
  constexpr uint64_t kEmpty = std::numeric_limits<uint64_t>::max();
  std::array<uint64_t, kSignature> bins;
  bins.fill(kEmpty);
  for (const uint64_t s : shingles) {
    const uint64_t h = mix(s);
    uint64_t& bin = bins[h % kSignature];
    bin = std::min(bin, h / kSignature);
  }
  std::array<uint64_t, kSignature> dense = bins;
  for (size_t i = 0; i < kSignature; ++i) {
    for (size_t step = 1; dense[i] == kEmpty && step < kSignature; ++step) {
      const uint64_t borrowed = bins[(i + step) % kSignature];
      if (borrowed != kEmpty) dense[i] = mix(borrowed + step);
    }
  }
  return dense;
}

}  // namespace

std::vector<uint64_t> shingle_hashes(std::string_view body) {
  const std::vector<uint64_t> words = word_hashes(body);
  std::vector<uint64_t> shingles;
  if (words.size() < kMinFingerprintWords) return shingles;
  shingles.reserve(words.size() - kShingleWords + 1);
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t h = 0;
    for (size_t k = 0; k < kShingleWords; ++k) h = mix(h ^ words[i + k]);
    shingles.push_back(h);
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  const size_t all = a.size() + b.size() - shared;
  return all == 0 ? 0 : static_cast<double>(shared) / static_cast<double>(all);
}

std::vector<uint32_t> band_keys(const std::vector<uint64_t>& shingles) {
  std::vector<uint32_t> keys;
  if (shingles.empty()) return keys;
  const std::array<uint64_t, kSignature> sig = signature(shingles);
  for (size_t band = 0; band < kBands; ++band) {
    uint64_t h = band;
    for (size_t row = 0; row < kBandRows; ++row) h = mix(h ^ sig[band * kBandRows + row]);
    keys.push_back(static_cast<uint32_t>(h >> 32));
  }
  return keys;
}

}  // namespace news
