// Near-duplicate fingerprints: shingles, Jaccard resemblance, band keys.

#include "dedup/fingerprint.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

namespace news {

BOOST_AUTO_TEST_SUITE(fingerprint_test)

// A story of five paragraphs of 24 distinct words and "end": 125 words,
// 121 shingles.
std::string story(int variant = 0) {
  std::string text;
  for (int p = 0; p < 5; ++p) {
    for (int w = 0; w < 24; ++w) {
      text += "word" + std::to_string(p * 100 + w + (p == 2 ? variant * 1000 : 0)) + " ";
    }
    text += "end.\n\n";
  }
  return text;
}

int shared_bands(const std::string& a, const std::string& b) {
  const std::vector<uint32_t> ka = band_keys(shingle_hashes(a));
  const std::vector<uint32_t> kb = band_keys(shingle_hashes(b));
  int shared = 0;
  for (size_t i = 0; i < ka.size() && i < kb.size(); ++i) shared += ka[i] == kb[i];
  return shared;
}

BOOST_AUTO_TEST_CASE(identical_texts_are_the_same) {
  const std::vector<uint64_t> a = shingle_hashes(story());
  BOOST_TEST(!a.empty());
  BOOST_TEST(jaccard(a, shingle_hashes(story())) == 1.0);
  BOOST_TEST(shared_bands(story(), story()) == static_cast<int>(kBands));
}

BOOST_AUTO_TEST_CASE(rewrapped_and_recased_texts_are_the_same) {
  std::string rewrapped = story();
  for (char& c : rewrapped) {
    if (c == ' ') c = '\n';
  }
  std::string loud = story();
  for (char& c : loud) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::string punctuated = "  \"" + story() + "\" -- ";
  for (const std::string& s : {rewrapped, loud, punctuated}) {
    BOOST_TEST(jaccard(shingle_hashes(story()), shingle_hashes(s)) == 1.0);
    BOOST_TEST(shared_bands(story(), s) == static_cast<int>(kBands));
  }
  BOOST_TEST(jaccard(shingle_hashes("Zürich " + story()), shingle_hashes("ZURICH " + story())) ==
             1.0);
}

BOOST_AUTO_TEST_CASE(one_paragraph_changed) {
  // 24 words of the third paragraph differ, and so do the 28 shingles
  // through them: 93 shared of 121 + 28.
  const double j = jaccard(shingle_hashes(story()), shingle_hashes(story(1)));
  BOOST_TEST(j == 93.0 / 149.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(j < 0.8);
}

BOOST_AUTO_TEST_CASE(unrelated_texts_share_nothing) {
  std::string other;
  for (int w = 0; w < 120; ++w) other += "other" + std::to_string(w) + " ";
  BOOST_TEST(jaccard(shingle_hashes(story()), shingle_hashes(other)) == 0.0);
  BOOST_TEST(shared_bands(story(), other) == 0);
}

BOOST_AUTO_TEST_CASE(short_bodies_have_no_fingerprint) {
  std::string brief;
  for (size_t w = 0; w + 1 < kMinFingerprintWords; ++w) brief += "w" + std::to_string(w) + " ";
  BOOST_TEST(shingle_hashes(brief).empty());
  BOOST_TEST(band_keys(shingle_hashes(brief)).empty());
  BOOST_TEST(jaccard({}, {}) == 0.0);
  BOOST_TEST(!shingle_hashes(brief + "one more").empty());
}

// Over many pairs at a known resemblance, the share that meets in a band
// follows 1 - (1 - J^3)^6 (the banding's promise), within sampling noise.
BOOST_AUTO_TEST_CASE(bands_find_resembling_pairs) {
  int found_high = 0, found_low = 0;
  const int kPairs = 200;
  for (int n = 0; n < kPairs; ++n) {
    std::string base, near, far;
    for (int w = 0; w < 200; ++w) {
      const std::string word = "t" + std::to_string(n) + "w" + std::to_string(w) + " ";
      base += word;
      near += w % 50 == 49 ? "x" + word : word;  // 4 words changed: J about 0.82
      far += w % 4 == 3 ? "x" + word : word;     // every 4th: J about 0.05
    }
    found_high += shared_bands(base, near) > 0;
    found_low += shared_bands(base, far) > 0;
  }
  BOOST_TEST(found_high >= 185, "pairs near J = 0.82 found: " << found_high);
  BOOST_TEST(found_low <= 5, "pairs near J = 0.05 found: " << found_low);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
