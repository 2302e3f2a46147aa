#ifndef NEWS_COMMON_CLEAN_PUBLISHED_H_
#define NEWS_COMMON_CLEAN_PUBLISHED_H_

// The publication date: every full date printed on the page is a
// candidate, scored by the date model (features.h DateFeature) on its label
// ("Published", "Updated"), its place relative to the headline and the
// story, and the other dates around it.

#include <optional>

#include "clean/analysis.h"
#include "clean/body.h"
#include "clean/dates.h"
#include "clean/explain.h"
#include "clean/model.h"

namespace news {
namespace clean {

// Chooses the publication date: the best candidate when it scores above
// kMinDateScore. `title` may be kNoLine. Lists the candidates in *explain
// when it is not null.
std::optional<PageDate> choose_published(const PageAnalysis& page, const BodyChoice& body,
                                         std::size_t title, const Weights& weights,
                                         ExplainedField* explain);

// Candidates scoring at most this (log-odds) are not taken.
constexpr double kMinDateScore = -2.0;

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_PUBLISHED_H_
