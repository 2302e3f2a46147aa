#include "clean/headline.h"

#include <string>

#include "clean/byline.h"
#include "clean/shape.h"
#include "clean/tables.h"
#include "clean/text_util.h"

namespace news {
namespace clean {
namespace {

constexpr std::size_t kTitleWindow = 50;
constexpr std::size_t kMaxTitleBytes = 300;
constexpr std::size_t kLongTitleBytes = 150;
constexpr std::size_t kOverlapParagraphs = 5;
constexpr std::size_t kOverlapBytes = 4000;
constexpr std::size_t kHeaderReach = 3;
constexpr std::size_t kMaxDeckWords = 60;

// The words of the first paragraph, and of the first few.
struct BodyWords {
  WordSet first, lead;
};

BodyWords body_words(const PageAnalysis& page, const BodyChoice& body) {
  BodyWords out;
  std::size_t bytes = 0;
  for (std::size_t n = 0; n < body.paragraphs.size() && n < kOverlapParagraphs; ++n) {
    std::string_view text = page.lines[body.paragraphs[n]].lower;
    text = text.substr(0, kOverlapBytes - bytes);
    if (n == 0) add_key_words(text, &out.first);
    add_key_words(text, &out.lead);
    bytes += text.size();
    if (bytes >= kOverlapBytes) break;
  }
  return out;
}

// A header line (of `kind`, or any kind when kind is kNone) among the
// kHeaderReach non-blank lines after (step +1) or before (step -1) the k-th.
bool header_near(const PageAnalysis& page, std::size_t k, int step,
                 HeaderKind kind = HeaderKind::kNone) {
  for (std::size_t d = 1; d <= kHeaderReach; ++d) {
    if (step < 0 && d > k) break;
    const std::size_t j = step < 0 ? k - d : k + d;
    if (j >= page.nonblank.size()) break;
    const HeaderKind h = page.header[page.nonblank[j]];
    if (h != HeaderKind::kNone && (kind == HeaderKind::kNone || h == kind)) return true;
  }
  return false;
}

void shape_features(const Line& line, bool title_case, Features<kTitleFeatureCount>* x) {
  const std::size_t w = line.words;
  (*x)[kTitleWords1] = w == 1;
  (*x)[kTitleWords2To3] = w >= 2 && w <= 3;
  (*x)[kTitleWords4To7] = w >= 4 && w <= 7;
  (*x)[kTitleWords16Plus] = w >= 16;
  (*x)[kTitleLong] = line.text.size() > kLongTitleBytes;
  const LineEnd end = line_end(line.text);
  (*x)[kTitleEndsPeriod] = end == LineEnd::kPeriod;
  (*x)[kTitleEndsMark] = end == LineEnd::kQuestion || end == LineEnd::kExclamation;
  (*x)[kTitleEndsColon] = end == LineEnd::kColon;
  (*x)[kTitleTitleCase] = title_case;
  (*x)[kTitleAllCaps] = is_all_caps(line.text);
  (*x)[kTitleStartsLower] = starts_lower(line.text);
}

void kind_features(const Line& line, Features<kTitleFeatureCount>* x) {
  (*x)[kTitleProse] = line.kind == LineKind::kProse;
  (*x)[kTitleBoilerplate] = line.kind == LineKind::kBoilerplate;
  (*x)[kTitleCaption] = line.kind == LineKind::kCaption || line.kind == LineKind::kCredit;
  (*x)[kTitleName] = is_name_shaped(undouble(line.text));
  (*x)[kTitleJobTitle] = is_job_title(line.text);
  (*x)[kTitleSeparator] = has_title_separator(line.text);
  (*x)[kTitlePublisher] = find_publisher_mention(line.text) != nullptr;
}

Features<kTitleFeatureCount> title_features(const PageAnalysis& page, std::size_t i,
                                            const BodyChoice& body, const BodyWords& words) {
  const Line& line = page.lines[i];
  Features<kTitleFeatureCount> x{};
  x[kTitleBias] = 1;
  const std::size_t d = page.distance(i, body.begin);
  x[kTitleDistLog] = log_feature(static_cast<double>(d));
  x[kTitleDist1] = d == 1;
  x[kTitleDist2To3] = d >= 2 && d <= 3;
  x[kTitleDist4To8] = d >= 4 && d <= 8;
  x[kTitleHeaderBelow] = header_near(page, page.rank[i], +1);
  x[kTitleHeaderAbove] = header_near(page, page.rank[i], -1);
  x[kTitleBylineBelow] = header_near(page, page.rank[i], +1, HeaderKind::kByline);
  x[kTitleBylineAbove] = header_near(page, page.rank[i], -1, HeaderKind::kByline);
  shape_features(line, page.title_case[i], &x);
  kind_features(line, &x);
  x[kTitleRepeated] = page.repeats[i] > 0;
  x[kTitleOverlapFirst] = key_word_overlap(line.lower, words.first);
  x[kTitleOverlapBody] = key_word_overlap(line.lower, words.lead);
  x[kTitlePosition] = static_cast<float>(page.rank[i]) / page.nonblank.size();
  const std::size_t k = page.rank[i];
  if (k + 1 < page.nonblank.size()) {
    const Line& next = page.lines[page.nonblank[k + 1]];
    x[kTitleBeforeSentence] = next.kind == LineKind::kProse && next.words <= kMaxDeckWords;
  }
  if (k > 0) {
    const Line& prev = page.lines[page.nonblank[k - 1]];
    x[kTitleAfterHeadline] = prev.kind == LineKind::kText && prev.words >= 4 && prev.words <= 20 &&
                             line_end(prev.text) != LineEnd::kPeriod &&
                             page.header[page.nonblank[k - 1]] == HeaderKind::kNone;
  }
  return x;
}

bool is_candidate(const PageAnalysis& page, std::size_t i) {
  const Line& line = page.lines[i];
  return line.kind != LineKind::kBlank && line.text.size() <= kMaxTitleBytes &&
         page.header[i] == HeaderKind::kNone;
}

std::string describe(const PageAnalysis& page, std::size_t best, double best_score,
                     std::size_t second, double second_score) {
  if (best == kNoLine) return "no line above the first paragraph can be a headline";
  std::string out = "line " + std::to_string(page.lines[best].number) + ", the highest score";
  if (second != kNoLine) {
    char buf[64];
    std::snprintf(buf, sizeof buf, " (%.2f ahead of line %zu)", best_score - second_score,
                  page.lines[second].number);
    out += buf;
  }
  return out;
}

}  // namespace

std::size_t choose_title(const PageAnalysis& page, const BodyChoice& body, const Weights& weights,
                         ExplainedField* explain) {
  if (explain) {
    explain->model = ModelId::kTitle;
    explain->field = "title";
  }
  const BodyWords words = body_words(page, body);
  const std::size_t top = page.rank[body.begin];
  std::size_t best = kNoLine, second = kNoLine;
  double best_score = 0, second_score = 0;
  for (std::size_t k = top; k-- > 0 && top - k <= kTitleWindow;) {
    const std::size_t i = page.nonblank[k];
    if (!is_candidate(page, i)) continue;
    const Features<kTitleFeatureCount> x = title_features(page, i, body, words);
    const double s = weights.score(ModelId::kTitle, x);
    add_candidate(explain, page.lines[i].number, std::string(page.lines[i].text), x, s);
    if (best == kNoLine || s > best_score) {
      second = best, second_score = best_score;
      best = i, best_score = s;
    } else if (second == kNoLine || s > second_score) {
      second = i, second_score = s;
    }
  }
  if (explain) {
    for (ExplainedCandidate& c : explain->candidates) {
      c.chosen = best != kNoLine && c.line == page.lines[best].number;
    }
    explain->decision = describe(page, best, best_score, second, second_score);
  }
  return best;
}

}  // namespace clean
}  // namespace news
