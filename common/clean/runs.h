#ifndef NEWS_COMMON_CLEAN_RUNS_H_
#define NEWS_COMMON_CLEAN_RUNS_H_

// The story's rough extent, from the body model's line scores:
//  1. runs: each non-blank line adds (p - kRunThreshold) x its length
//     weight, p its probability of being a paragraph; a run is a stretch
//     whose running total stays positive, cut where it peaks; a line that
//     closes a story (an end marker, a credit line) ends every run;
//  2. the run model (features.h RunFeature) chooses the story's main run
//     among the strongest: the story, not a longer comment thread or list
//     of other stories;
//  3. the join model (JoinFeature) adds the neighbouring runs above and
//     below, one after the other, while it says they continue the story
//     (a story split by a gallery, a video, a box of related links, a
//     table or code).

#include <cstddef>
#include <vector>

#include "clean/analysis.h"
#include "clean/explain.h"
#include "clean/model.h"

namespace news {
namespace clean {

// A line adds (p - kRunThreshold) times its length weight to a run.
constexpr double kRunThreshold = 0.45;

struct Run {
  std::size_t first = kNoLine, last = kNoLine;  // positions in page.nonblank
  double sum = 0;                               // the weighed total
};

// Every run of the page, in page order; `scores` are the body model's
// log-odds per non-blank line.
std::vector<Run> find_runs(const PageAnalysis& page, const std::vector<double>& scores);

// Steps 2 and 3: the story's main run with the runs joined to it; a Run of
// kNoLine when `runs` is empty. Adds the fields "story run" and "story
// joins" to *explain when it is not null.
Run choose_story_run(const PageAnalysis& page, const std::vector<Run>& runs, const Weights& weights,
                     Explanation* explain);

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_RUNS_H_
