#ifndef NEWS_COMMON_CLEAN_PAGE_ID_H_
#define NEWS_COMMON_CLEAN_PAGE_ID_H_

#include <string>
#include <string_view>

#include "news/article.h"

namespace news {

// The URL as a page identity: scheme and host lower-cased, a default port,
// the fragment, "utm_*" tracking parameters and a trailing "/" dropped.
// Anything that does not look like an http(s) URL is returned trimmed.
std::string normalise_url(std::string_view url);

// The id of a cleaned page (a text dump or an HTML page), which names none
// of its own: "page-" + 16 hex digits of FNV-1a 64 over its normalised URL
// when it states one, else over its headline, publication date and first
// body paragraph (normalised as field values). It does not depend on the
// file's name or path, so that the same page read as `x.txt`, `./x.txt` or
// from another mount point is one story, and a re-scrape of the same story
// (other menus, ads or comment counts around it) replaces itself.
std::string page_id(const Article& article);

}  // namespace news

#endif  // NEWS_COMMON_CLEAN_PAGE_ID_H_
