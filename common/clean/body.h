#ifndef NEWS_COMMON_CLEAN_BODY_H_
#define NEWS_COMMON_CLEAN_BODY_H_

// The story's paragraphs, in four steps:
//  1. every non-blank line is scored by the body model (features.h
//     BodyFeature);
//  2. the story's rough extent: its main run of paragraph-like lines and
//     the runs joined to it (runs.h: the run and join models);
//  3. with the headline chosen above it, the start and end models
//     (StartFeature, EndFeature) choose the first and last paragraph among
//     the lines around the extent's ends (choose_body);
//  4. the lines between those two that are paragraphs too: the member model
//     (MemberFeature) decides prose and lines in blocks (list items, table
//     rows); a short line set apart is taken only when it is long enough
//     and no heading or link (is_member: kMinOtherMemberScore).

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

// Without the member model (the rough extent, and the lines it does not
// decide): lines between the first and last paragraph scoring above this
// (log-odds) are paragraphs too; lines that are not sentence-shaped
// (sub-headings, list items, in-body related links) need
// kMinOtherMemberScore, 15 words and no heading or link shape.
constexpr double kMinProseMemberScore = -1.0;
constexpr double kMinOtherMemberScore = 0.0;

// Steps 1 and 2: the body model's score of every non-blank line and the
// story's rough extent.
struct ScoredLines {
  std::vector<double> scores;                         // per non-blank line
  std::vector<Features<kBodyFeatureCount>> features;  // when explaining
  std::size_t first = kNoLine, last = kNoLine;        // the extent: positions in nonblank
  bool fallback = false;  // no run scores above 0: the longest run of prose
  BodyChoice rough;       // the extent's paragraphs (is_member's), before step 3
};

// Scores the lines and finds the story's extent; `rough.paragraphs` is
// empty when there is no prose at all. When `explain` is not null, keeps
// the features and adds the fields of runs.h to it.
ScoredLines score_lines(const PageAnalysis& page, const Weights& weights, Explanation* explain);

// Steps 3 and 4: the story's paragraphs, given the headline (kNoLine when
// none). Adds the fields "body", "body start", "body end" and "body
// members" to *explain when it is not null.
BodyChoice choose_body(const PageAnalysis& page, const ScoredLines& lines, std::size_t title,
                       const Weights& weights, Explanation* explain);

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_BODY_H_
