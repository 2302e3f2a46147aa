#ifndef NEWS_COMMON_CLEAN_LABELS_H_
#define NEWS_COMMON_CLEAN_LABELS_H_

// Section, tags and places: eyebrow labels above the headline ("Politics",
// breadcrumbs), topic lists after the story ("Related Topics", tag links
// above a share bar), "Follow CNN Politics".

#include "clean/analysis.h"
#include "news/article.h"

namespace news {
namespace clean {

// Fills a->section, a->tags and a->places from the labels around `story`
// (whose title and body_end must be set). A label in kPlaces or shaped
// "City, ST" is a place; the first other eyebrow label is the section.
void fill_labels(const PageAnalysis& page, const StoryLayout& story, Article* a);

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_LABELS_H_
