#ifndef NEWS_COMMON_CLEAN_BODY_H_
#define NEWS_COMMON_CLEAN_BODY_H_

// The story's paragraphs, in three steps:
//  1. every non-blank line is scored by the body model (features.h
//     BodyFeature);
//  2. the run of lines with the highest total score, each line's
//     probability less 1/2 weighed by its length (an end marker or credit
//     line ends a run), gives the story's rough extent (score_lines);
//  3. with the headline chosen above the run, the start and end models
//     (StartFeature, EndFeature) choose the first and last paragraph among
//     the lines around the run's ends (choose_body).
// The paragraphs are those two and the prose lines between them scoring
// above kMemberScore (other lines: above kMemberOtherScore).

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

// Lines between the first and last paragraph scoring above this (log-odds)
// are paragraphs too; lines that are not sentence-shaped (sub-headings, list
// items, in-body related links) need kMemberOtherScore.
constexpr double kMemberScore = -1.0;
constexpr double kMemberOtherScore = 0.0;

// Steps 1 and 2: the body model's score of every non-blank line and the
// best run.
struct ScoredLines {
  std::vector<double> scores;                         // per non-blank line
  std::vector<Features<kBodyFeatureCount>> features;  // when explaining
  std::size_t first = kNoLine, last = kNoLine;        // the run: positions in nonblank
  bool fallback = false;  // no run scores above 0: the longest run of prose
  BodyChoice rough;       // the run's paragraphs, before steps 3
};

// Scores the lines and finds the best run; `rough.paragraphs` is empty when
// there is no prose at all. Keeps the features when `explain` is set.
ScoredLines score_lines(const PageAnalysis& page, const Weights& weights, bool explain);

// Step 3: the story's paragraphs, given the headline (kNoLine when none).
// Adds the fields "body", "body start" and "body end" to *explain when it
// is not null.
BodyChoice choose_body(const PageAnalysis& page, const ScoredLines& lines, std::size_t title,
                       const Weights& weights, Explanation* explain);

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_BODY_H_
