#ifndef NEWS_COMMON_CLEAN_CLEANER_H_
#define NEWS_COMMON_CLEAN_CLEANER_H_

#include <string>
#include <string_view>

#include "news/article.h"

namespace news {

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

}  // namespace news

#endif  // NEWS_COMMON_CLEAN_CLEANER_H_
