#include "clean/runs.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "clean/shape.h"
#include "clean/text_util.h"

namespace news {
namespace clean {
namespace {

// The strongest runs the run model chooses among.
constexpr std::size_t kRunCandidates = 6;
// Runs found on a page at most, and the least total of one.
constexpr std::size_t kMaxRuns = 48;
constexpr double kMinRunSum = 0.0;
// Runs weaker than this are not asked about: they lie in the gap to the next.
constexpr double kMinJoinSum = 0.5;
// Non-blank lines above a run searched for a byline or date line.
constexpr std::size_t kHeaderWindow = 8;
// A join crosses at most this many non-blank lines.
constexpr std::size_t kJoinReach = 40;
// Bytes of a run read for its key words.
constexpr std::size_t kMainWordBytes = 6000;
constexpr std::size_t kNeighbourWordBytes = 2000;

// How much a line's score counts in a run: long lines weigh more, so that
// a few short lines of furniture between paragraphs do not split a story.
double run_weight(const Line& line) {
  return (static_cast<double>(std::min<std::size_t>(line.text.size(), 1000)) + 20.0) / 50.0;
}

const Line& line_at(const PageAnalysis& page, std::size_t k) {
  return page.lines[page.nonblank[k]];
}

bool is_header(const PageAnalysis& page, std::size_t k) {
  return page.header[page.nonblank[k]] != HeaderKind::kNone;
}

// What a stretch of non-blank lines [a, b] holds.
struct Stretch {
  std::size_t lines = 0, prose = 0, stamps = 0, repeated = 0, closers = 0, credits = 0, headers = 0,
              bylines = 0;
};

Stretch stretch(const PageAnalysis& page, std::size_t a, std::size_t b) {
  Stretch s;
  for (std::size_t k = a; k <= b && k < page.nonblank.size(); ++k) {
    const std::size_t i = page.nonblank[k];
    ++s.lines;
    s.prose += page.lines[i].kind == LineKind::kProse;
    s.stamps += page.stamp[i];
    s.repeated += page.repeats[i] > 0;
    s.closers += page.closes[i] && !page.credit[i];
    s.credits += page.credit[i];
    s.headers += page.header[i] != HeaderKind::kNone;
    s.bylines += page.header[i] == HeaderKind::kByline;
  }
  return s;
}

float share(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0f : static_cast<float>(part) / static_cast<float>(whole);
}

// Non-blank lines from the nearest byline or date line above position k
// (kNoLine when there is none).
std::size_t header_distance(const PageAnalysis& page, std::size_t k) {
  for (std::size_t j = k; j-- > 0;) {
    if (is_header(page, j)) return k - j;
  }
  return kNoLine;
}

Features<kRunFeatureCount> run_features(const PageAnalysis& page, const Run& r, double best) {
  const Stretch s = stretch(page, r.first, r.last);
  Features<kRunFeatureCount> x{};
  x[kRunBias] = 1;
  x[kRunScoreLog] = log_feature(r.sum);
  x[kRunBest] = r.sum >= best;
  x[kRunShare] = static_cast<float>(best > 0 ? r.sum / best : 0);
  x[kRunLinesLog] = log_feature(static_cast<double>(s.lines));
  x[kRunProse] = share(s.prose, s.lines);
  x[kRunStamps] = share(s.stamps, s.lines);
  x[kRunRepeated] = share(s.repeated, s.lines);
  x[kRunClosersAbove] = log_feature(page.closers_above[page.nonblank[r.first]]);
  const std::size_t d = header_distance(page, r.first);
  x[kRunHeaderAbove] = d != kNoLine && d <= kHeaderWindow;
  x[kRunNoHeader] = d == kNoLine;
  x[kRunHeaderDistLog] = d == kNoLine ? 0.0f : log_feature(static_cast<double>(d));
  x[kRunPosition] = share(r.first, page.nonblank.size());
  return x;
}

WordSet run_words(const PageAnalysis& page, const Run& r, std::size_t max_bytes) {
  WordSet words;
  std::size_t bytes = 0;
  for (std::size_t k = r.first; k <= r.last && bytes < max_bytes; ++k) {
    const Line& line = line_at(page, k);
    if (line.kind != LineKind::kProse) continue;
    const std::string_view text = line.lower.substr(0, max_bytes - bytes);
    add_key_words(text, &words);
    bytes += text.size();
  }
  return words;
}

// Share of the key words of the prose of `r` found in `words`.
float run_overlap(const PageAnalysis& page, const Run& r, const WordSet& words) {
  std::size_t total = 0, found = 0, bytes = 0;
  for (std::size_t k = r.first; k <= r.last && bytes < kNeighbourWordBytes; ++k) {
    const Line& line = line_at(page, k);
    if (line.kind != LineKind::kProse && line.words < 8) continue;
    for (std::string_view w : split_words(line.lower)) {
      const std::string_view key = key_word(w);
      if (key.empty()) continue;
      ++total;
      found += words.count(key);
    }
    bytes += line.text.size();
  }
  return share(found, total);
}

// The features of joining `n` to `story` (n above it, or below when
// `below`).
Features<kJoinFeatureCount> join_features(const PageAnalysis& page, const Run& story, const Run& n,
                                          bool below, const WordSet& words) {
  const std::size_t gap_a = below ? story.last + 1 : n.last + 1;
  const std::size_t gap_b = below ? n.first : story.first;
  const Stretch gap = gap_b > gap_a ? stretch(page, gap_a, gap_b - 1) : Stretch{};
  const Stretch s = stretch(page, n.first, n.last);
  Features<kJoinFeatureCount> x{};
  x[kJoinBias] = 1;
  x[kJoinBelow] = below;
  x[kJoinScoreLog] = log_feature(n.sum);
  x[kJoinShare] = static_cast<float>(story.sum > 0 ? std::min(1.0, n.sum / story.sum) : 0);
  x[kJoinLinesLog] = log_feature(static_cast<double>(s.lines));
  x[kJoinProse] = share(s.prose, s.lines);
  x[kJoinStamps] = share(s.stamps, s.lines);
  x[kJoinRepeated] = share(s.repeated, s.lines);
  x[kJoinOverlap] = run_overlap(page, n, words);
  x[kJoinGapLog] = log_feature(static_cast<double>(gap.lines));
  x[kJoinGapProse] = log_feature(static_cast<double>(gap.prose));
  x[kJoinGapCloser] = gap.closers > 0;
  x[kJoinGapCredit] = gap.credits > 0;
  x[kJoinGapHeader] = gap.headers > gap.bylines;
  x[kJoinGapByline] = gap.bylines > 0;
  return x;
}

std::string lines_value(const PageAnalysis& page, const Run& r, const char* where) {
  return "lines " + std::to_string(line_at(page, r.first).number) + "-" +
         std::to_string(line_at(page, r.last).number) + where;
}

// Step 2: the position in `runs` of the main run.
std::size_t choose_main(const PageAnalysis& page, const std::vector<Run>& runs,
                        const Weights& weights, ExplainedField* field) {
  std::vector<std::size_t> order(runs.size());
  for (std::size_t n = 0; n < order.size(); ++n) order[n] = n;
  const std::size_t k = std::min(kRunCandidates, order.size());
  std::partial_sort(order.begin(), order.begin() + k, order.end(),
                    [&](std::size_t a, std::size_t b) { return runs[a].sum > runs[b].sum; });
  order.resize(k);
  const double best = runs[order.front()].sum;
  std::size_t main = order.front(), chosen = 0;
  double main_score = 0;
  for (std::size_t n = 0; n < order.size(); ++n) {
    const Run& r = runs[order[n]];
    const Features<kRunFeatureCount> x = run_features(page, r, best);
    const double s = weights.score(ModelId::kRun, x);
    ExplainedCandidate* c = add_candidate(field, line_at(page, r.first).number,
                                          std::string(line_at(page, r.first).text), x, s);
    if (c) c->value = lines_value(page, r, "");
    if (n == 0 || s > main_score) {
      main = order[n];
      main_score = s;
      chosen = n;
    }
  }
  if (field) {
    field->candidates[chosen].chosen = true;
    field->decision = lines_value(page, runs[main], "") + ", the highest score among the " +
                      std::to_string(k) + " strongest runs";
  }
  return main;
}

// Step 3, one side: joins the runs next to `story` (step -1: above, +1:
// below) while the join model scores them above 0.
void join_side(const PageAnalysis& page, const std::vector<Run>& runs, std::size_t main, int step,
               const Weights& weights, const WordSet& words, Run* story, ExplainedField* field) {
  const bool below = step > 0;
  for (std::size_t n = main + step; n < runs.size(); n += step) {
    const Run& r = runs[n];
    const std::size_t gap = below ? r.first - story->last - 1 : story->first - r.last - 1;
    if (gap > kJoinReach) return;
    if (r.sum < kMinJoinSum) continue;  // a line or two: part of the gap
    const Features<kJoinFeatureCount> x = join_features(page, *story, r, below, words);
    const double s = weights.score(ModelId::kJoin, x);
    ExplainedCandidate* c = add_candidate(field, line_at(page, r.first).number,
                                          std::string(line_at(page, r.first).text), x, s);
    if (c) c->value = lines_value(page, r, below ? " (below)" : " (above)");
    if (s <= 0) return;
    if (c) c->chosen = true;
    if (below) {
      story->last = r.last;
    } else {
      story->first = r.first;
    }
    story->sum += r.sum;
  }
}

// The run of positions [lo, hi] with the largest total gain (Kadane's); a
// line that closes a story ends every run.
Run best_run_in(const PageAnalysis& page, const std::vector<double>& gain, std::size_t lo,
                std::size_t hi) {
  Run best, cur;
  double total = 0;
  for (std::size_t k = lo; k <= hi; ++k) {
    if (page.closes[page.nonblank[k]] || total < 0) {
      total = 0;
      cur.first = kNoLine;
      if (page.closes[page.nonblank[k]]) continue;
    }
    if (cur.first == kNoLine) cur.first = k;
    total += gain[k];
    if (total > best.sum) {
      best.sum = total;
      best.first = cur.first;
      best.last = k;
    }
  }
  return best;
}

}  // namespace

std::vector<Run> find_runs(const PageAnalysis& page, const std::vector<double>& scores) {
  std::vector<double> gain(scores.size());
  for (std::size_t k = 0; k < scores.size(); ++k) {
    gain[k] = (1.0 / (1.0 + std::exp(-scores[k])) - kRunThreshold) * run_weight(line_at(page, k));
  }
  // The strongest run first, then the strongest in each stretch it leaves
  // on either side, and so on (at most kMaxRuns runs, so that the time stays
  // linear in the page's size).
  using Range = std::pair<Run, std::pair<std::size_t, std::size_t>>;  // best run, stretch
  auto less = [](const Range& a, const Range& b) { return a.first.sum < b.first.sum; };
  std::vector<Range> heap;
  auto push = [&](std::size_t lo, std::size_t hi) {
    if (lo > hi || hi == kNoLine) return;
    const Run r = best_run_in(page, gain, lo, hi);
    if (r.sum <= kMinRunSum) return;
    heap.push_back({r, {lo, hi}});
    std::push_heap(heap.begin(), heap.end(), less);
  };
  std::vector<Run> runs;
  if (!gain.empty()) push(0, gain.size() - 1);
  while (!heap.empty() && runs.size() < kMaxRuns) {
    std::pop_heap(heap.begin(), heap.end(), less);
    const Range top = heap.back();
    heap.pop_back();
    runs.push_back(top.first);
    if (top.first.first > 0) push(top.second.first, top.first.first - 1);
    push(top.first.last + 1, top.second.second);
  }
  std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.first < b.first; });
  return runs;
}

Run choose_story_run(const PageAnalysis& page, const std::vector<Run>& runs, const Weights& weights,
                     Explanation* explain) {
  ExplainedField* run_field = add_field(explain, ModelId::kRun, "story run");
  if (runs.empty()) {
    if (run_field) run_field->decision = "no run of lines scores above 0";
    return Run{};
  }
  const std::size_t main = choose_main(page, runs, weights, run_field);
  Run story = runs[main];
  const WordSet words = run_words(page, story, kMainWordBytes);
  ExplainedField* join_field = add_field(explain, ModelId::kJoin, "story joins");
  join_side(page, runs, main, -1, weights, words, &story, join_field);
  join_side(page, runs, main, +1, weights, words, &story, join_field);
  if (join_field) {
    join_field->decision = lines_value(page, story, ": the main run and the runs joined to it");
  }
  return story;
}

}  // namespace clean
}  // namespace news
