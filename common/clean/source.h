#ifndef NEWS_COMMON_CLEAN_SOURCE_H_
#define NEWS_COMMON_CLEAN_SOURCE_H_

// Who published the story: the site (from the publishers table) and the
// source to credit.

#include <string>
#include <string_view>

#include "clean/analysis.h"
#include "clean/byline.h"
#include "clean/tables.h"

namespace news {
namespace clean {

// The site's own publisher: its sign-off line ("CNNMoney (New York) First
// published ..."), else its copyright line, else the publisher most often
// named outside the story; nullptr when none of the table is named.
const Publisher* site_publisher(const PageAnalysis& page, const StoryLayout& story);

// The source to credit: the organisation in the byline, else a wire agency
// in the dateline ("WASHINGTON (Reuters) -"), else the site's publisher,
// else the owner named on the copyright line ("" when none).
std::string choose_source(const PageAnalysis& page, const StoryLayout& story,
                          const BylineParts& byline, std::string_view first_paragraph,
                          const Publisher* site);

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_SOURCE_H_
