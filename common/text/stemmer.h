#ifndef NEWS_COMMON_TEXT_STEMMER_H_
#define NEWS_COMMON_TEXT_STEMMER_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/analysis.h"

namespace news {

// Snowball's English stemmer behind a cache of the words it has stemmed
// (`max_words` at most, then it starts afresh): a news story repeats its
// words, a collection its vocabulary, and a snippet stems every word of
// the story it shows (the cache saves a quarter of Xapian's snippet time
// on Reuters). The one stemmer of the library. While counting is on
// (indexing), it also counts, for the spelling data, the documents holding
// each word: the spelling data is made of words, the index of stems.
// Counting on the cache entries costs an increment per word and document;
// the counts leave in bulk (take). Not thread-safe: one per thread.
class CachingStemmer : public Xapian::StemImplementation {
 public:
  explicit CachingStemmer(size_t max_words) : max_words_(max_words) {}

  // Counts the words stemmed from now on as those of a new document
  // (`on`), or stops counting.
  void count_words(bool on) {
    counting_ = on;
    if (on) ++document_;
  }

  std::string operator()(const std::string& word) override {
    auto it = cache_.find(word);
    if (it == cache_.end()) {
      if (cache_.size() >= max_words_) {
        move_pending(&spilled_);  // they point into the cache
        cache_.clear();
      }
      it = cache_.emplace(word, Entry{english_(word), is_spelling_word(word), 0, 0}).first;
    }
    Entry& e = it->second;
    if (counting_ && e.spelling && e.document != document_) {
      e.document = document_;
      if (e.pending++ == 0) pending_.push_back(&*it);
    }
    return e.stem;
  }
  std::string get_description() const override { return "english, cached"; }

  // Adds the counts since the last take to `counts`.
  void take(SpellingCounts* counts) {
    move_pending(counts);
    for (const auto& [word, n] : spilled_) (*counts)[word] += n;
    spilled_.clear();
  }

 private:
  size_t max_words_;
  void move_pending(SpellingCounts* counts) {
    for (auto* word : pending_) {
      (*counts)[word->first] += word->second.pending;
      word->second.pending = 0;
    }
    pending_.clear();
  }

  struct Entry {
    std::string stem;
    bool spelling;              // is_spelling_word
    uint64_t document;          // the last document that counted the word
    Xapian::termcount pending;  // documents counted since the last take
  };
  Xapian::Stem english_{"english"};
  std::unordered_map<std::string, Entry> cache_;
  std::vector<std::pair<const std::string, Entry>*> pending_;  // words with pending > 0
  SpellingCounts spilled_;                                     // pending counts of a cleared cache
  bool counting_ = false;
  uint64_t document_ = 0;
};

// A Xapian::Stem made of a new CachingStemmer (which it owns), not
// counting.
Xapian::Stem cached_english_stemmer(size_t max_words = 100000);

}  // namespace news

#endif  // NEWS_COMMON_TEXT_STEMMER_H_
