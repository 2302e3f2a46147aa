#include "clean/body.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "clean/runs.h"
#include "clean/shape.h"
#include "clean/tables.h"
#include "clean/text_util.h"

namespace news {
namespace clean {
namespace {

// Non-prose text lines tolerated between two paragraphs of one run of the
// main span (in-body sub-headings and related links).
constexpr std::size_t kMaxGap = 3;
constexpr std::size_t kNeighbours = 4;
constexpr std::size_t kHeaderReach = 3;
constexpr std::size_t kStampReach = 3;

struct Span {
  std::size_t begin = kNoLine, end = kNoLine, bytes = 0;
};

// The run of prose lines with the most text, where at most kMaxGap other
// text lines sit between two paragraphs and an end marker closes a run.
Span main_span(const PageAnalysis& page) {
  Span best, cur;
  std::size_t gap = 0;
  auto close = [&] {
    if (cur.begin != kNoLine && (best.begin == kNoLine || cur.bytes > best.bytes)) best = cur;
    cur = Span{};
  };
  for (std::size_t i : page.nonblank) {
    const Line& line = page.lines[i];
    if (page.closes[i]) {
      close();
    } else if (line.kind == LineKind::kProse) {
      if (cur.begin != kNoLine && gap > kMaxGap) close();
      if (cur.begin == kNoLine) cur.begin = i;
      cur.end = i;
      cur.bytes += line.text.size();
      gap = 0;
    } else if (line.kind == LineKind::kText) {
      ++gap;
    }
  }
  close();
  return best;
}

bool is_prose_at(const PageAnalysis& page, std::size_t k) {
  return page.lines[page.nonblank[k]].kind == LineKind::kProse;
}

// Share of prose among the up to kNeighbours non-blank lines before (step
// -1) or after (step +1) the k-th non-blank line.
float prose_share(const PageAnalysis& page, std::size_t k, int step) {
  std::size_t seen = 0, prose = 0;
  for (std::size_t d = 1; d <= kNeighbours; ++d) {
    if (step < 0 && d > k) break;
    const std::size_t j = step < 0 ? k - d : k + d;
    if (j >= page.nonblank.size()) break;
    ++seen;
    prose += is_prose_at(page, j);
  }
  return seen == 0 ? 0.0f : static_cast<float>(prose) / seen;
}

// Share of time-stamped lines among the kStampReach non-blank lines on each
// side of the k-th (comment threads stamp every comment).
float stamps_near(const PageAnalysis& page, std::size_t k) {
  std::size_t seen = 0, stamped = 0;
  for (std::size_t d = 1; d <= kStampReach; ++d) {
    if (d <= k) {
      ++seen;
      stamped += page.stamp[page.nonblank[k - d]];
    }
    if (k + d < page.nonblank.size()) {
      ++seen;
      stamped += page.stamp[page.nonblank[k + d]];
    }
  }
  return seen == 0 ? 0.0f : static_cast<float>(stamped) / seen;
}

bool header_above(const PageAnalysis& page, std::size_t k) {
  for (std::size_t d = 1; d <= kHeaderReach && d <= k; ++d) {
    if (page.header[page.nonblank[k - d]] != HeaderKind::kNone) return true;
  }
  return false;
}

void word_bins(std::size_t words, Features<kBodyFeatureCount>* x) {
  (*x)[kBodyWordsLog] = log_feature(static_cast<double>(words));
  (*x)[kBodyWords1To3] = words <= 3;
  (*x)[kBodyWords4To9] = words >= 4 && words <= 9;
  (*x)[kBodyWords10To19] = words >= 10 && words <= 19;
}

void shape_features(const Line& line, bool title_case, Features<kBodyFeatureCount>* x) {
  const LineEnd end = line_end(line.text);
  (*x)[kBodyEndsSentence] =
      end == LineEnd::kPeriod || end == LineEnd::kQuestion || end == LineEnd::kExclamation;
  (*x)[kBodyEndsColon] = end == LineEnd::kColon;
  (*x)[kBodyEndsEllipsis] = end == LineEnd::kEllipsis;
  (*x)[kBodyQuestion] = end == LineEnd::kQuestion;
  (*x)[kBodyStartsLower] = starts_lower(line.text);
  (*x)[kBodyStartsQuote] = starts_quote(line.text);
  (*x)[kBodyStartsBullet] = starts_bullet(line.text);
  (*x)[kBodyTitleCase] = line.words >= 3 && title_case;
  (*x)[kBodyAllCaps] = is_all_caps(line.text);
}

void content_features(const PageAnalysis& page, std::size_t i, Features<kBodyFeatureCount>* x) {
  const Line& line = page.lines[i];
  (*x)[kBodyDateline] = starts_with_dateline(line.text);
  (*x)[kBodyCreditLine] = page.credit[i];
  (*x)[kBodyPromo] = page.promo[i];
  (*x)[kBodyBio] = looks_like_bio(line.text);
  (*x)[kBodyLinkish] = is_linkish(line.text);
  (*x)[kBodySeparators] = has_item_separators(line.text);
  (*x)[kBodyCaptionPhrase] = page.caption_phrase[i];
}

// "Related: ...", "READ MORE: ...": one or two words and a colon, then more.
bool has_label_prefix(std::string_view text) {
  const std::size_t colon = text.find(": ");
  if (colon == std::string_view::npos || colon == 0 || colon > 24) return false;
  const std::string_view head = text.substr(0, colon);
  return count_words(head) <= 2 && !is_ascii_digit(head.back());
}

// The k-th non-blank line's features, given the main span.
Features<kBodyFeatureCount> features_at(const PageAnalysis& page, std::size_t k, const Span& span) {
  const std::size_t i = page.nonblank[k];
  const Line& line = page.lines[i];
  Features<kBodyFeatureCount> x{};
  x[kBodyBias] = 1;
  x[kBodyProse] = line.kind == LineKind::kProse;
  x[kBodyText] = line.kind == LineKind::kText;
  x[kBodyBoilerplate] = line.kind == LineKind::kBoilerplate;
  x[kBodyCaption] = line.kind == LineKind::kCaption || line.kind == LineKind::kCredit;
  word_bins(line.words, &x);
  shape_features(line, page.title_case[i], &x);
  content_features(page, i, &x);
  x[kBodyHeader] = page.header[i] != HeaderKind::kNone;
  x[kBodyHasDate] = page.has_date(i);
  x[kBodyRepeated] = page.repeats[i] > 0;
  x[kBodyProseBefore] = prose_share(page, k, -1);
  x[kBodyProseAfter] = prose_share(page, k, +1);
  x[kBodyHeaderAbove] = header_above(page, k);
  x[kBodyProseAfterHeader] = x[kBodyProse] * x[kBodyHeaderAbove];
  x[kBodyProseInRun] = x[kBodyProse] * (x[kBodyProseBefore] + x[kBodyProseAfter] > 0);
  x[kBodySpanStart] = i == span.begin;
  x[kBodyShortQuestion] = x[kBodyQuestion] && line.words <= 6 && !x[kBodyStartsQuote];
  x[kBodyLabelPrefix] = has_label_prefix(line.text);
  x[kBodyUnended] = line_end(line.text) == LineEnd::kNone;
  static const bool nostamps = getenv("NOSTAMPS") != nullptr;  // EXPERIMENT
  if (!nostamps) {
    x[kBodyStamp] = page.stamp[i];
    x[kBodyStampsNear] = stamps_near(page, k);
    x[kBodyAfterCloser] = page.closers_above[i] > 0;
  }
  return x;
}

// Lines scored and the run found, shared by the boundary models.
struct Scored {
  const PageAnalysis& page;
  const std::vector<double>& scores;  // per non-blank line
  std::size_t first, last;            // the run
  bool fallback;
  std::size_t title;  // position of the headline in nonblank, kNoLine when none

  const Line& line(std::size_t k) const { return page.lines[page.nonblank[k]]; }
  bool is_prose(std::size_t k) const { return line(k).kind == LineKind::kProse; }
};

constexpr std::size_t kStartReachUp = 15;
constexpr std::size_t kStartReachDown = 3;
constexpr std::size_t kEndReachUp = 4;
constexpr std::size_t kEndReachDown = 15;
constexpr double kJunkScore = -3.0;
constexpr std::size_t kShareLines = 5;
constexpr std::size_t kMoreShareLines = 10;
// Lines that are not sentence-shaped need this many words to be paragraphs.
constexpr std::size_t kMinOtherWords = 15;
constexpr std::size_t kHeaderWindow = 8;
constexpr std::size_t kLoneReach = 8;

float clamped_score(double s) {
  const double v = s / 8.0;
  return static_cast<float>(v < -1 ? -1 : v > 1 ? 1 : v);
}

// Junk and prose lines strictly between positions a and b.
void gap_counts(const Scored& sc, std::size_t a, std::size_t b, float* junk, float* prose) {
  std::size_t j = 0, p = 0;
  for (std::size_t k = std::min(a, b) + 1; k < std::max(a, b); ++k) {
    j += sc.scores[k] < kJunkScore;
    p += sc.is_prose(k);
  }
  *junk = log_feature(static_cast<double>(j));
  *prose = log_feature(static_cast<double>(p));
}

// Share of prose among the kShareLines non-blank lines after (step +1) or
// before (step -1) position k.
float share_of_prose(const Scored& sc, std::size_t k, int step, std::size_t lines = kShareLines) {
  std::size_t seen = 0, prose = 0;
  for (std::size_t d = 1; d <= lines; ++d) {
    if (step < 0 && d > k) break;
    const std::size_t j = step < 0 ? k - d : k + d;
    if (j >= sc.scores.size()) break;
    ++seen;
    prose += sc.is_prose(j);
  }
  return seen == 0 ? 0.0f : static_cast<float>(prose) / seen;
}

bool header_within(const PageAnalysis& page, std::size_t k, int step) {
  for (std::size_t d = 1; d <= kHeaderReach; ++d) {
    if (step < 0 && d > k) break;
    const std::size_t j = step < 0 ? k - d : k + d;
    if (j >= page.nonblank.size()) break;
    if (page.header[page.nonblank[j]] != HeaderKind::kNone) return true;
  }
  return false;
}

bool closer_within(const PageAnalysis& page, std::size_t k) {
  for (std::size_t j = k + 1; j <= k + kHeaderReach && j < page.nonblank.size(); ++j) {
    if (page.closes[page.nonblank[j]]) return true;
  }
  return false;
}

bool is_caption_kind(const Line& line) {
  return line.kind == LineKind::kCaption || line.kind == LineKind::kCredit;
}

// Prose with no other prose among the kLoneReach non-blank lines after
// (step +1) or before (step -1) it.
bool prose_alone(const Scored& sc, std::size_t k, int step) {
  if (!sc.is_prose(k)) return false;
  for (std::size_t d = 1; d <= kLoneReach; ++d) {
    if (step < 0 && d > k) break;
    const std::size_t j = step < 0 ? k - d : k + d;
    if (j >= sc.scores.size()) break;
    if (sc.is_prose(j)) return false;
  }
  return true;
}

// Prose, and no prose line between it and the nearest byline/date line in
// the kHeaderWindow non-blank lines above it.
bool first_after_header(const Scored& sc, std::size_t k) {
  if (!sc.is_prose(k)) return false;
  for (std::size_t d = 1; d <= kHeaderWindow && d <= k; ++d) {
    if (sc.page.header[sc.page.nonblank[k - d]] != HeaderKind::kNone) return true;
    if (sc.is_prose(k - d)) return false;
  }
  return false;
}

Features<kStartFeatureCount> start_features(const Scored& sc, std::size_t k) {
  const Line& line = sc.line(k);
  Features<kStartFeatureCount> x{};
  x[kStartBias] = 1;
  x[kStartScore] = clamped_score(sc.scores[k]);
  x[kStartRunFirst] = k == sc.first;
  x[kStartBefore] = k < sc.first;
  x[kStartDistLog] = log_feature(static_cast<double>(k > sc.first ? k - sc.first : sc.first - k));
  gap_counts(sc, k, sc.first, &x[kStartGapJunk], &x[kStartGapProse]);
  x[kStartProse] = line.kind == LineKind::kProse;
  x[kStartCaption] = is_caption_kind(line);
  x[kStartDateline] = starts_with_dateline(line.text);
  x[kStartHeaderAbove] = header_within(sc.page, k, -1);
  x[kStartHeaderBelow] = header_within(sc.page, k, +1);
  x[kStartAfterCaption] = k > 0 && is_caption_kind(sc.line(k - 1));
  x[kStartProseAfter] = share_of_prose(sc, k, +1);
  x[kStartWordsLog] = log_feature(static_cast<double>(line.words));
  x[kStartPromo] = sc.page.promo[sc.page.nonblank[k]];
  x[kStartBio] = looks_like_bio(line.text);
  x[kStartQuote] = starts_quote(line.text);
  x[kStartFirstAfterHeader] = first_after_header(sc, k);
  x[kStartFirstProse] = prose_alone(sc, k, -1);
  x[kStartHasDate] = sc.page.has_date(sc.page.nonblank[k]);
  x[kStartCaptionPhrase] = sc.page.caption_phrase[sc.page.nonblank[k]];
  if (sc.title != kNoLine) {
    x[kStartBelowTitle] = sc.title < k && k - sc.title <= kHeaderReach;
    x[kStartTitleDistLog] =
        log_feature(static_cast<double>(k > sc.title ? k - sc.title : sc.title - k));
  }
  x[kStartProseAfterMore] = share_of_prose(sc, k, +1, kMoreShareLines);
  x[kStartUnended] = line_end(line.text) == LineEnd::kNone;
  x[kStartLabelPrefix] = has_label_prefix(line.text);
  return x;
}

bool is_copyright_line(const Line& line) {
  return line.text.size() <= 300 && (line.text.find("\xC2\xA9") != std::string_view::npos ||
                                     line.lower.find("copyright") != std::string_view::npos);
}

// The next non-blank line after position k that is not interface text or
// a caption closes the story or is a copyright line, or there is none.
bool page_ends_next(const Scored& sc, std::size_t k) {
  for (std::size_t j = k + 1; j < sc.scores.size(); ++j) {
    const Line& line = sc.line(j);
    if (line.kind == LineKind::kBoilerplate || is_caption_kind(line)) continue;
    return sc.page.closes[sc.page.nonblank[j]] || is_copyright_line(line);
  }
  return true;
}

Features<kEndFeatureCount> end_features(const Scored& sc, std::size_t k) {
  const Line& line = sc.line(k);
  Features<kEndFeatureCount> x{};
  x[kEndBias] = 1;
  x[kEndScore] = clamped_score(sc.scores[k]);
  x[kEndRunLast] = k == sc.last;
  x[kEndAfter] = k > sc.last;
  x[kEndDistLog] = log_feature(static_cast<double>(k > sc.last ? k - sc.last : sc.last - k));
  gap_counts(sc, k, sc.last, &x[kEndGapJunk], &x[kEndGapProse]);
  x[kEndProse] = line.kind == LineKind::kProse;
  x[kEndBio] = looks_like_bio(line.text);
  x[kEndPromo] = sc.page.promo[sc.page.nonblank[k]];
  x[kEndCredit] = sc.page.credit[sc.page.nonblank[k]];
  x[kEndLinkish] = is_linkish(line.text);
  x[kEndColon] = line_end(line.text) == LineEnd::kColon;
  x[kEndQuestion] = line_end(line.text) == LineEnd::kQuestion;
  x[kEndCloserNext] = closer_within(sc.page, k);
  x[kEndProseAfter] = share_of_prose(sc, k, +1);
  x[kEndProseBefore] = share_of_prose(sc, k, -1);
  x[kEndPublisher] = find_publisher_mention(line.text) != nullptr;
  x[kEndWordsLog] = log_feature(static_cast<double>(line.words));
  x[kEndLastProse] = prose_alone(sc, k, +1);
  x[kEndPageEndsNext] = page_ends_next(sc, k);
  x[kEndUnended] = line_end(line.text) == LineEnd::kNone;
  x[kEndLabelPrefix] = has_label_prefix(line.text);
  x[kEndCaptionPhrase] = sc.page.caption_phrase[sc.page.nonblank[k]];
  return x;
}

// A line that may open or close the story: not interface text, an end
// marker, a byline or date line, a promotion or an author's note.
bool can_bound(const Scored& sc, std::size_t k) {
  const std::size_t i = sc.page.nonblank[k];
  return sc.page.lines[i].kind != LineKind::kBoilerplate && !sc.page.closes[i] &&
         sc.page.header[i] == HeaderKind::kNone && !sc.page.promo[i] &&
         !looks_like_bio(sc.page.lines[i].text);
}

// The best-scoring candidate among positions [lo, hi] (the run's own line
// `own` wins ties) under `model`, listed in `field`.
template <std::size_t N, typename F>
std::size_t best_boundary(const Scored& sc, std::size_t lo, std::size_t hi, std::size_t own,
                          ModelId model, const Weights& weights, F features,
                          ExplainedField* field) {
  std::size_t best = own;
  double best_score = weights.score(model, features(sc, own));
  std::size_t best_index = kNoLine;
  for (std::size_t k = lo; k <= hi; ++k) {
    if (!can_bound(sc, k) && k != own) continue;
    const Features<N> x = features(sc, k);
    const double s = weights.score(model, x);
    add_candidate(field, sc.line(k).number, std::string(sc.line(k).text), x, s);
    if (field && k == own && best_index == kNoLine) best_index = field->candidates.size() - 1;
    if (s > best_score) {
      best = k;
      best_score = s;
      if (field) best_index = field->candidates.size() - 1;
    }
  }
  if (field && best_index != kNoLine) {
    field->candidates[best_index].chosen = true;
    field->decision =
        "line " + std::to_string(sc.line(best).number) +
        (best == own ? ", the run's own (no candidate scores higher)" : ", the highest score");
  }
  return best;
}

// Positions of the lines above the run reachable without crossing a line
// that closes a story.
std::size_t reach_up(const Scored& sc, std::size_t from, std::size_t steps) {
  std::size_t k = from;
  while (k > 0 && from - k < steps && !sc.page.closes[sc.page.nonblank[k - 1]]) --k;
  return k;
}

std::size_t reach_down(const Scored& sc, std::size_t from, std::size_t steps) {
  std::size_t k = from;
  while (k + 1 < sc.scores.size() && k - from < steps && !sc.page.closes[sc.page.nonblank[k + 1]]) {
    ++k;
  }
  return k;
}

// A line that is not sentence-shaped and looks like a link to another
// story or a heading: "Related: ...", a headline in title case or capitals,
// a short line (headlines of related stories run to 14 words), a
// promotion. (The labels of pages-auto count many
// sub-headings as paragraphs; the hand-labelled pages count neither.)
bool looks_like_link(const PageAnalysis& page, std::size_t i) {
  const Line& line = page.lines[i];
  if (page.promo[i] || has_label_prefix(line.text) || page.title_case[i] ||
      is_all_caps(line.text)) {
    return true;
  }
  return line.words < kMinOtherWords;
}

// A line between the first and the last paragraph that is a paragraph too.
bool is_member(const Scored& sc, std::size_t k) {
  const std::size_t i = sc.page.nonblank[k];
  if (sc.page.closes[i]) return false;
  if (sc.is_prose(k)) return sc.scores[k] > kMinProseMemberScore;
  return sc.scores[k] > kMinOtherMemberScore && !looks_like_link(sc.page, i);
}

// No blank line right above (step -1) or below (step +1) line i: inside a
// block of lines (list items, table rows), not a paragraph set apart.
bool attached(const PageAnalysis& page, std::size_t i, int step) {
  if (step < 0 && i == 0) return false;
  const std::size_t j = step < 0 ? i - 1 : i + 1;
  return j < page.lines.size() && page.lines[j].kind != LineKind::kBlank;
}

// "1. ", "2) ", "10. ": a numbered item.
bool starts_number(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && i < 3 && is_ascii_digit(text[i])) ++i;
  return i > 0 && i + 1 < text.size() && (text[i] == '.' || text[i] == ')') && text[i + 1] == ' ';
}

void member_shape(const Line& line, bool title_case, Features<kMemberFeatureCount>* x) {
  (*x)[kMemberWords1To3] = line.words <= 3;
  (*x)[kMemberWords4To9] = line.words >= 4 && line.words <= 9;
  (*x)[kMemberWords10To19] = line.words >= 10 && line.words <= 19;
  const LineEnd end = line_end(line.text);
  (*x)[kMemberEndsSentence] =
      end == LineEnd::kPeriod || end == LineEnd::kQuestion || end == LineEnd::kExclamation;
  (*x)[kMemberEndsColon] = end == LineEnd::kColon;
  (*x)[kMemberUnended] = end == LineEnd::kNone;
  (*x)[kMemberTitleCase] = line.words >= 3 && title_case;
  (*x)[kMemberAllCaps] = is_all_caps(line.text);
  (*x)[kMemberLabelPrefix] = has_label_prefix(line.text);
  (*x)[kMemberLinkish] = is_linkish(line.text);
  (*x)[kMemberListMark] = starts_bullet(line.text) || starts_number(line.text);
  (*x)[kMemberShortQuestion] =
      end == LineEnd::kQuestion && line.words <= 6 && !starts_quote(line.text);
}

Features<kMemberFeatureCount> member_features(const Scored& sc, std::size_t k) {
  const PageAnalysis& page = sc.page;
  const std::size_t i = page.nonblank[k];
  const Line& line = page.lines[i];
  Features<kMemberFeatureCount> x{};
  x[kMemberBias] = 1;
  x[kMemberScore] = clamped_score(sc.scores[k]);
  x[kMemberRule] = is_member(sc, k);
  x[kMemberProse] = line.kind == LineKind::kProse;
  x[kMemberBoilerplate] = line.kind == LineKind::kBoilerplate;
  x[kMemberCaption] = is_caption_kind(line);
  member_shape(line, page.title_case[i], &x);
  x[kMemberPromo] = page.promo[i];
  x[kMemberCaptionPhrase] = page.caption_phrase[i];
  const bool up = attached(page, i, -1), down = attached(page, i, +1);
  x[kMemberAttached] = up || down;
  x[kMemberListRun] =
      (up && page.lines[i - 1].kind == line.kind) || (down && page.lines[i + 1].kind == line.kind);
  x[kMemberRepeated] = page.repeats[i] > 0;
  x[kMemberStamp] = page.stamp[i];
  x[kMemberNextProse] = k + 1 < sc.scores.size() && sc.is_prose(k + 1);
  x[kMemberAfterColon] = k > 0 && line_end(sc.line(k - 1).text) == LineEnd::kColon;
  return x;
}

// Prose, or a line in a block of lines (a list item, a table row): the
// lines the member model decides. A short line set apart by blank lines
// is a sub-heading or a link to another story as often as a paragraph
// (the labels of pages-auto count many sub-headings, the hand-labelled
// pages none): is_member decides those.
bool decided_by_model(const PageAnalysis& page, std::size_t i) {
  return page.lines[i].kind == LineKind::kProse || attached(page, i, -1) || attached(page, i, +1);
}

// Is the k-th non-blank line, between the first and last paragraph, a
// paragraph too? With `weights`, the member model's answer (listed in
// `field`) for the lines it decides; otherwise is_member's.
bool takes_member(const Scored& sc, std::size_t k, const Weights* weights, ExplainedField* field) {
  if (weights == nullptr || !decided_by_model(sc.page, sc.page.nonblank[k])) {
    return is_member(sc, k);
  }
  const Features<kMemberFeatureCount> x = member_features(sc, k);
  const double s = weights->score(ModelId::kMember, x);
  ExplainedCandidate* c =
      add_candidate(field, sc.line(k).number, std::string(sc.line(k).text), x, s);
  if (c) c->chosen = s > 0;
  return s > 0;
}

// The first and last line and the member lines between them.
BodyChoice paragraphs_between(const Scored& sc, std::size_t first, std::size_t last,
                              const Weights* weights = nullptr, ExplainedField* field = nullptr) {
  BodyChoice body;
  for (std::size_t k = first; k <= last; ++k) {
    if (sc.page.closes[sc.page.nonblank[k]]) continue;
    if (k != first && k != last && !takes_member(sc, k, weights, field)) continue;
    body.paragraphs.push_back(sc.page.nonblank[k]);
    body.bytes += sc.line(k).text.size();
  }
  if (field) field->decision = "the lines between the first and last paragraph scoring above 0";
  if (!body.paragraphs.empty()) {
    body.begin = body.paragraphs.front();
    body.end = body.paragraphs.back();
  }
  return body;
}

void explain_lines(const Scored& sc, const std::vector<Features<kBodyFeatureCount>>& xs,
                   const BodyChoice& body, ExplainedField* f) {
  std::size_t next = 0;
  for (std::size_t k = 0; k < xs.size(); ++k) {
    const Line& line = sc.line(k);
    ExplainedCandidate* c =
        add_candidate(f, line.number, std::string(line.text), xs[k], sc.scores[k]);
    if (next < body.paragraphs.size() && body.paragraphs[next] == sc.page.nonblank[k]) {
      c->chosen = true;
      ++next;
    }
  }
  if (body.paragraphs.empty()) {
    f->decision = "no run of lines scores above 0";
    return;
  }
  f->decision = std::string(sc.fallback ? "no run scores above 0; the longest run of prose: lines "
                                        : "best run: lines ") +
                std::to_string(sc.line(sc.first).number) + "-" +
                std::to_string(sc.line(sc.last).number) + "; story: lines " +
                std::to_string(sc.page.lines[body.begin].number) + "-" +
                std::to_string(sc.page.lines[body.end].number) + ", " +
                std::to_string(body.paragraphs.size()) +
                " paragraphs (the lines between scoring 0 or less are left out)";
}

}  // namespace

ScoredLines score_lines(const PageAnalysis& page, const Weights& weights, Explanation* explain) {
  const Span span = main_span(page);
  ScoredLines out;
  out.scores.resize(page.nonblank.size());
  for (std::size_t k = 0; k < out.scores.size(); ++k) {
    const Features<kBodyFeatureCount> x = features_at(page, k, span);
    out.scores[k] = weights.score(ModelId::kBody, x);
    if (explain) out.features.push_back(x);
  }
  const Run run = choose_story_run(page, find_runs(page, out.scores), weights, explain);
  out.first = run.first;
  out.last = run.last;
  out.fallback = out.first == kNoLine && span.begin != kNoLine;
  if (out.fallback) {
    // A short page whose lines all score low (the model learnt from pages
    // full of furniture): its longest run of sentence-shaped lines.
    out.first = page.rank[span.begin];
    out.last = page.rank[span.end];
  }
  if (out.first != kNoLine) {
    const Scored sc{page, out.scores, out.first, out.last, out.fallback, kNoLine};
    out.rough = paragraphs_between(sc, out.first, out.last);
  }
  return out;
}

BodyChoice choose_body(const PageAnalysis& page, const ScoredLines& lines, std::size_t title,
                       const Weights& weights, Explanation* explain) {
  const Scored sc{page,       lines.scores,   lines.first,
                  lines.last, lines.fallback, title == kNoLine ? kNoLine : page.rank[title]};
  std::size_t first = sc.first, last = sc.last;
  const std::size_t lines_field = explain ? explain->fields.size() : 0;
  add_field(explain, ModelId::kBody, "body");
  if (first != kNoLine) {
    ExplainedField* f = add_field(explain, ModelId::kStart, "body start");
    std::size_t lo = reach_up(sc, sc.first, kStartReachUp);
    if (sc.title != kNoLine && sc.title < sc.first) lo = std::max(lo, sc.title + 1);
    first =
        best_boundary<kStartFeatureCount>(sc, lo, std::min(sc.last, sc.first + kStartReachDown),
                                          sc.first, ModelId::kStart, weights, start_features, f);
    f = add_field(explain, ModelId::kEnd, "body end");
    const std::size_t end_lo = std::max(first, sc.last > kEndReachUp ? sc.last - kEndReachUp : 0);
    last = best_boundary<kEndFeatureCount>(sc, end_lo, reach_down(sc, sc.last, kEndReachDown),
                                           std::max(sc.last, first), ModelId::kEnd, weights,
                                           end_features, f);
  }
  BodyChoice body;
  ExplainedField* members = add_field(explain, ModelId::kMember, "body members");
  if (first != kNoLine) body = paragraphs_between(sc, first, last, &weights, members);
  if (explain) explain_lines(sc, lines.features, body, &explain->fields[lines_field]);
  return body;
}

}  // namespace clean
}  // namespace news
