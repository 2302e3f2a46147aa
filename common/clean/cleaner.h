#ifndef NEWS_COMMON_CLEAN_CLEANER_H_
#define NEWS_COMMON_CLEAN_CLEANER_H_

#include <string>
#include <string_view>

#include "news/article.h"

namespace news {

namespace clean {
class Weights;
struct Explanation;
}  // namespace clean

struct CleanOptions {
  // The scorers' weights; nullptr: the fitted ones (clean::Weights::fitted()).
  const clean::Weights* weights = nullptr;
  // When set, filled with the candidates scored for each field and the
  // decisions taken (clean/explain.h), also for a page that is rejected.
  clean::Explanation* explain = nullptr;
};

// Cleans one raw page dump (the innerText of a scraped article page) into an
// Article: headline, deck, authors, source, published (UTC), section, tags,
// places, caption (credit in extra["caption_credit"]) and body paragraphs
// joined by "\n\n", with navigation, teaser lists, captions and footers left
// out. Any bytes are accepted: invalid UTF-8 becomes U+FFFD. Time is linear
// in the size of `text`.
// The id is page_id() of the result (clean/page_id.h).
// Throws ArticleError("not an article: <reason>") when no headline or body
// is found, e.g. "not an article: no byline or date found".
Article clean_page(std::string_view text);

// The same with other weights, or explaining its choices.
Article clean_page(std::string_view text, const CleanOptions& options);

}  // namespace news

#endif  // NEWS_COMMON_CLEAN_CLEANER_H_
