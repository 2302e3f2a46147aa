#ifndef NEWS_COMMON_CLEAN_BODY_H_
#define NEWS_COMMON_CLEAN_BODY_H_

// The story's paragraphs, in three steps:
//  1. every non-blank line is scored by the body model (features.h
//     BodyFeature);
//  2. the run of lines with the highest total score, each line's score
//     weighed by its length (an end marker or credit line ends a run), gives
//     the story's rough extent;
//  3. the start and end models (StartFeature, EndFeature) choose the first
//     and last paragraph among the lines around the run's ends.
// The paragraphs are those two and the lines between them scoring above 0.

#include <vector>

#include "clean/analysis.h"
#include "clean/explain.h"
#include "clean/model.h"

namespace news {
namespace clean {

struct BodyChoice {
  std::size_t begin = kNoLine;  // line index of the first paragraph
  std::size_t end = kNoLine;    // ... of the last one
  std::vector<std::size_t> paragraphs;
  std::size_t bytes = 0;  // text in the paragraphs
};

// Chooses the story's paragraphs; `paragraphs` is empty when no run scores
// above 0. Adds the fields "body", "body start" and "body end" to *explain
// when it is not null.
BodyChoice choose_body(const PageAnalysis& page, const Weights& weights, Explanation* explain);

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_BODY_H_
