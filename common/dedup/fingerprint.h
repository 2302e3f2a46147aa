#ifndef NEWS_COMMON_DEDUP_FINGERPRINT_H_
#define NEWS_COMMON_DEDUP_FINGERPRINT_H_

// Near-duplicate fingerprints of story bodies: the set of word 5-shingles
// (their 64-bit hashes), its exact Jaccard resemblance with another, and
// locality-sensitive band keys from a MinHash signature, so that stories
// resembling each other are found by sharing a key.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace news {

// Bodies with fewer words have no fingerprint: a ten-word brief resembles
// many others.
inline constexpr size_t kMinFingerprintWords = 40;
inline constexpr size_t kShingleWords = 5;
// The signature: kBands bands of kBandRows one-permutation MinHash values.
// A pair shares a band with probability 1 - (1 - J^3)^6: 0.987 at a
// Jaccard resemblance J of 0.8, 0.9996 at 0.9, 0.00006 at 0.1.
inline constexpr size_t kBands = 6;
inline constexpr size_t kBandRows = 3;

// The sorted distinct hashes of the word 5-shingles of `body`: words are
// runs of letters and digits, lower case, accents folded, so that case,
// punctuation, line wrapping and spacing do not count. Empty when `body`
// has fewer than kMinFingerprintWords words. `body` must be valid UTF-8.
std::vector<uint64_t> shingle_hashes(std::string_view body);

// |a & b| / |a | b| of two results of shingle_hashes; 0 when both are empty.
double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// The kBands band keys of a shingle set (one per band, 32 bits each), or
// none for an empty set. Equal sets give equal keys; the more two sets
// resemble each other, the likelier a key in common.
std::vector<uint32_t> band_keys(const std::vector<uint64_t>& shingles);

}  // namespace news

#endif  // NEWS_COMMON_DEDUP_FINGERPRINT_H_
