#ifndef NEWS_COMMON_CLEAN_AUTHORS_H_
#define NEWS_COMMON_CLEAN_AUTHORS_H_

// The byline: candidate lines near the headline and the first paragraph
// (and just after the story) that name people ("By Jane Doe", "Posted by
// Jane Doe", "Jane Doe" alone or in a block of name lines, "Jane Doe -
// Aug 10, 2016"), scored by the byline model (features.h BylineFeature).

#include <cstddef>

#include "clean/analysis.h"
#include "clean/body.h"
#include "clean/byline.h"
#include "clean/explain.h"
#include "clean/model.h"

namespace news {
namespace clean {

struct BylineChoice {
  BylineParts parts;
  std::size_t first = kNoLine;  // the byline's lines, when one was chosen
  std::size_t last = kNoLine;
};

// Chooses the byline: the best candidate when it scores above 0. `title`
// may be kNoLine. Lists the candidates in *explain when it is not null.
BylineChoice choose_byline(const PageAnalysis& page, const BodyChoice& body, std::size_t title,
                           const Weights& weights, ExplainedField* explain);

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_AUTHORS_H_
