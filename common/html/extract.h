#ifndef NEWS_COMMON_HTML_EXTRACT_H_
#define NEWS_COMMON_HTML_EXTRACT_H_

#include <string>
#include <vector>

#include "html/render.h"

namespace news {
namespace html {

// The article text found in a rendered page.
struct Body {
  std::vector<std::string> paragraphs;  // in page order
  std::string caption;                  // the lead image's caption, "" if none
  std::string headline;                 // the <h1> nearest the article, "" if none
  size_t first_block = 0;               // index in RenderedPage::blocks of the first paragraph
  // Why no body was found ("" when paragraphs is not empty).
  std::string reason;
};

// What the page's metadata says, used to recognise printed copies of it.
struct BodyHints {
  std::string title;                 // the chosen headline
  std::vector<std::string> authors;  // names (byline lines are left out)
  std::string description;           // the page's declared summary (a deck when printed apart)
};

// Finds the article's paragraphs by text and link density, as
// readability-class extractors do: paragraphs of 25+ bytes score their
// parent and grandparent (1 + commas + length/100, at most 3) weighted by
// the tag and class/id of the ancestor, each score scaled by (1 - link
// density); the best container and its siblings of similar score are the
// article. Inside it, navigation, asides, footers, forms, figures and
// captions, share bars, related lists and link lists are left out; leading
// lines that are not prose (kicker, byline, date), and the lines above a
// byline or date line printed just below them (a deck, a claim), are
// trimmed, as are trailing ones (credits, promos, bios, "... here." pointer
// lines). Linear in the number of blocks.
Body extract_body(const RenderedPage& page, const BodyHints& hints);

}  // namespace html
}  // namespace news

#endif  // NEWS_COMMON_HTML_EXTRACT_H_
