#include "text/stemmer.h"

namespace news {

Xapian::Stem cached_english_stemmer(size_t max_words) {
  return Xapian::Stem(new CachingStemmer(max_words));
}

}  // namespace news
