#include "clean/published.h"

#include <string>
#include <tuple>

#include "clean/byline.h"
#include "clean/text_util.h"

namespace news {
namespace clean {
namespace {

constexpr std::size_t kHeaderDateWords = 3;
constexpr std::size_t kIntoBody = 3;

std::tuple<int, int, int> ymd(const PageDate& d) { return {d.year, d.month, d.day}; }

// The latest date printed on the page.
std::tuple<int, int, int> latest_date(const PageAnalysis& page) {
  std::tuple<int, int, int> latest{0, 0, 0};
  for (const PageDate& d : page.dates) latest = std::max(latest, ymd(d));
  return latest;
}

// The first line at or below the headline (or the top) holding a date.
std::size_t first_date_line(const PageAnalysis& page, std::size_t title) {
  for (std::size_t i = title == kNoLine ? 0 : title; i < page.lines.size(); ++i) {
    if (page.has_date(i)) return i;
  }
  return kNoLine;
}

bool is_copyright(const Line& line) {
  return line.text.find("\xC2\xA9") != std::string_view::npos ||
         line.lower.find("copyright") != std::string_view::npos;
}

struct Context {
  std::size_t title, first_in_header;
  std::tuple<int, int, int> latest;
};

void place_features(const PageAnalysis& page, const BodyChoice& body, const Context& ctx,
                    std::size_t i, Features<kDateFeatureCount>* x) {
  if (ctx.title != kNoLine) {
    (*x)[kDateBeforeTitle] = i < ctx.title;
    (*x)[kDateInHeader] = i > ctx.title && i < body.begin;
    (*x)[kDateTitleDistLog] = log_feature(static_cast<double>(page.distance(i, ctx.title)));
  } else {
    (*x)[kDateInHeader] = i < body.begin && page.distance(i, body.begin) <= kIntoBody * 4;
  }
  (*x)[kDateBodyDistLog] = log_feature(static_cast<double>(page.distance(i, body.begin)));
  (*x)[kDateInBody] = i > body.begin && i < body.end;
  (*x)[kDateAfterBody] = i > body.end;
  (*x)[kDateFirstInHeader] = i == ctx.first_in_header && i <= body.begin;
}

Features<kDateFeatureCount> date_features(const PageAnalysis& page, const BodyChoice& body,
                                          const Context& ctx, std::size_t i, const PageDate& d,
                                          std::size_t on_line) {
  const Line& line = page.lines[i];
  Features<kDateFeatureCount> x{};
  x[kDateBias] = 1;
  x[kDateLabelPublished] = d.label == DateLabel::kPublished;
  x[kDateLabelUpdated] = d.label == DateLabel::kUpdated;
  x[kDateHasTime] = d.has_time;
  x[kDateOtherWordsLog] = log_feature(static_cast<double>(d.other_words));
  x[kDateHeaderLine] = d.other_words <= kHeaderDateWords;
  place_features(page, body, ctx, i, &x);
  const PageDate* end = nullptr;
  const PageDate* all = page.dates_of(i, &end);
  bool earliest = on_line > 1;
  for (const PageDate* o = all; o != end; ++o) earliest = earliest && ymd(*o) >= ymd(d);
  x[kDateEarliestOnLine] = earliest;
  x[kDateLaterOnLine] = on_line > 1 && !earliest;
  x[kDateByline] =
      strip_byline_lead(line.text).has_value() || line.lower.find(" by ") != std::string_view::npos;
  x[kDateCopyright] = is_copyright(line);
  x[kDateNumeric] = d.numeric;
  x[kDateLatest] = ymd(d) == ctx.latest;
  return x;
}

std::string iso_value(const PageDate& d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  std::string out = buf;
  if (d.has_time) {
    std::snprintf(buf, sizeof buf, " %02d:%02d", d.hour, d.minute);
    out += buf;
  }
  return out;
}

// A "First published ..." date outside the story names the original
// publication even when the header shows the last update (CNNMoney prints
// "CNNMoney (New York) First published November 29, 2016: 3:33 AM ET" under
// the story): it wins over the scored choice. True when one was found.
bool choose_first_published(const PageAnalysis& page, const BodyChoice& body,
                            std::optional<PageDate>* best, std::size_t* best_line) {
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    if (i >= body.begin && i <= body.end) continue;
    if (!page.has_date(i) ||
        page.lines[i].lower.find("first published") == std::string_view::npos) {
      continue;
    }
    const PageDate* end = nullptr;
    *best = *page.dates_of(i, &end);
    *best_line = i;
    return true;
  }
  return false;
}

}  // namespace

std::optional<PageDate> choose_published(const PageAnalysis& page, const BodyChoice& body,
                                         std::size_t title, const Weights& weights,
                                         ExplainedField* explain) {
  if (explain) {
    explain->model = ModelId::kDate;
    explain->field = "published";
  }
  const Context ctx{title, first_date_line(page, title), latest_date(page)};
  std::optional<PageDate> best;
  double best_score = kMinDateScore;
  std::size_t best_explained = kNoLine;
  std::size_t best_line = kNoLine;
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    const PageDate* end = nullptr;
    const PageDate* first = page.dates_of(i, &end);
    for (const PageDate* d = first; d != end; ++d) {
      const auto x = date_features(page, body, ctx, i, *d, static_cast<std::size_t>(end - first));
      const double s = weights.score(ModelId::kDate, x);
      ExplainedCandidate* e =
          add_candidate(explain, page.lines[i].number, std::string(page.lines[i].text), x, s);
      if (e) e->value = iso_value(*d);
      if (s > best_score) {
        best = *d;
        best_score = s;
        best_line = i;
        if (explain) best_explained = explain->candidates.size() - 1;
      }
    }
  }
  const bool first_published = choose_first_published(page, body, &best, &best_line);
  if (first_published && explain) {
    for (std::size_t n = 0; n < explain->candidates.size(); ++n) {
      if (explain->candidates[n].line == page.lines[best_line].number) best_explained = n;
    }
  }
  if (best_explained != kNoLine) explain->candidates[best_explained].chosen = true;
  if (explain) {
    explain->decision =
        !best ? "no date scores above the minimum"
              : "line " + std::to_string(page.lines[best_line].number) +
                    (first_published ? ", a \"First published\" date outside the story"
                                     : ", the highest score above the minimum");
  }
  return best;
}

}  // namespace clean
}  // namespace news
