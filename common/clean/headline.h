#ifndef NEWS_COMMON_CLEAN_HEADLINE_H_
#define NEWS_COMMON_CLEAN_HEADLINE_H_

// The headline: the line above the first paragraph that the title model
// (features.h TitleFeature) scores highest.

#include "clean/analysis.h"
#include "clean/body.h"
#include "clean/explain.h"
#include "clean/model.h"

namespace news {
namespace clean {

// Chooses the headline among the up to 50 non-blank lines above
// body.begin (byline, desk and date lines excepted); kNoLine when there is
// none. Lists the candidates in *explain when it is not null.
std::size_t choose_title(const PageAnalysis& page, const BodyChoice& body, const Weights& weights,
                         ExplainedField* explain);

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_HEADLINE_H_
