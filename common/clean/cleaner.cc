#include "clean/cleaner.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "clean/analysis.h"
#include "clean/authors.h"
#include "clean/body.h"
#include "clean/explain.h"
#include "clean/headline.h"
#include "clean/labels.h"
#include "clean/model.h"
#include "clean/page_id.h"
#include "clean/published.h"
#include "clean/shape.h"
#include "clean/source.h"
#include "clean/tables.h"
#include "clean/text_util.h"

namespace news {
namespace {

using clean::kNoLine;
using clean::Line;
using clean::LineKind;

constexpr std::size_t kHeaderLookBack = 60;
constexpr std::size_t kMaxDekBytes = 400;
constexpr std::size_t kMinPlainBodyBytes = 200;
constexpr std::size_t kMaxUrlBytes = 500;

// What was chosen for each part of the story.
struct Story {
  clean::BodyChoice body;
  std::size_t title = kNoLine;
  std::size_t dek = kNoLine;
  clean::BylineChoice byline;
  std::optional<clean::PageDate> published;

  clean::StoryLayout layout() const { return {title, body.begin, body.end}; }
};

[[noreturn]] void reject(const std::string& reason, clean::Explanation* explain) {
  const std::string message = "not an article: " + reason;
  if (explain) explain->outcome = message;
  throw ArticleError(message);
}

// A new field of the explanation, or nullptr when not explaining. The
// pointer is valid until the next call.
clean::ExplainedField* next_field(clean::Explanation* explain) {
  if (explain == nullptr) return nullptr;
  explain->fields.emplace_back();
  return &explain->fields.back();
}

// A byline, desk or date line in the lines above the story.
bool header_above(const clean::PageAnalysis& page, std::size_t body_begin) {
  const std::size_t top = page.rank[body_begin];
  for (std::size_t k = top; k-- > 0 && top - k <= kHeaderLookBack;) {
    if (page.header[page.nonblank[k]] != clean::HeaderKind::kNone) return true;
  }
  return false;
}

// The first sentence-shaped line between the headline and the body.
std::size_t find_dek(const clean::PageAnalysis& page, const Story& story) {
  for (std::size_t i = story.title + 1; i < story.body.begin; ++i) {
    const Line& line = page.lines[i];
    if (line.kind == LineKind::kProse && line.text.size() <= kMaxDekBytes &&
        page.header[i] == clean::HeaderKind::kNone && i != story.byline.first) {
      return i;
    }
  }
  return kNoLine;
}

// Scores the page's lines and chooses the story's parts, or rejects it.
Story read_story(const clean::PageAnalysis& page, const clean::Weights& weights,
                 clean::Explanation* explain) {
  const bool empty = std::all_of(page.lines.begin(), page.lines.end(),
                                 [](const Line& l) { return l.text.empty(); });
  if (empty) reject("empty page", explain);
  Story story;
  const clean::ScoredLines lines = clean::score_lines(page, weights, explain);
  if (lines.rough.paragraphs.empty()) {
    clean::choose_body(page, lines, kNoLine, weights, explain);  // for the explanation
    reject("no body text found", explain);
  }
  story.title = clean::choose_title(page, lines.rough, weights, next_field(explain));
  story.body = clean::choose_body(page, lines, story.title, weights, explain);
  if (story.body.paragraphs.empty()) reject("no body text found", explain);
  story.byline = clean::choose_byline(page, story.body, story.title, weights, next_field(explain));
  story.published =
      clean::choose_published(page, story.body, story.title, weights, next_field(explain));
  const bool header = story.byline.first != kNoLine || story.published.has_value() ||
                      header_above(page, story.body.begin);
  if (header && story.title == kNoLine) reject("no headline found", explain);
  if (!header && (story.title == kNoLine || story.body.bytes < kMinPlainBodyBytes)) {
    reject("no byline or date found", explain);
  }
  story.dek = find_dek(page, story);
  return story;
}

// A paragraph that only closes a story when it is the last: a promotion
// ("Sign up for ..."), an author's note ("Jane Doe covers ...").
bool is_trailer(const clean::PageAnalysis& page, std::size_t i) {
  return page.promo[i] || clean::looks_like_bio(page.lines[i].text);
}

// The body's paragraphs, without promotions and author's notes at its end.
std::string body_text(const clean::PageAnalysis& page, Story* story) {
  std::vector<std::size_t>& paras = story->body.paragraphs;
  while (paras.size() > 1 && is_trailer(page, paras.back())) paras.pop_back();
  story->body.end = paras.back();
  std::string body;
  for (std::size_t i : paras) {
    if (!body.empty()) body += "\n\n";
    body += page.lines[i].text;
  }
  return body;
}

std::string find_url(const clean::PageAnalysis& page) {
  for (const Line& line : page.lines) {
    std::string_view t = line.text;
    if (clean::istarts_with(t, "url:")) t = clean::trim(t.substr(4));
    if ((clean::starts_with(t, "https://") || clean::starts_with(t, "http://")) &&
        t.size() < kMaxUrlBytes && t.find(' ') == std::string_view::npos) {
      return std::string(t);
    }
  }
  return {};
}

void fill_caption(const clean::PageAnalysis& page, const Story& story, Article& a) {
  for (std::size_t i = story.title; i < story.body.begin; ++i) {
    const Line& line = page.lines[i];
    if (line.kind != LineKind::kCaption) continue;
    a.caption = std::string(line.caption);
    std::string credit = clean::collapse_spaces(line.credit);
    for (std::size_t k = i + 1; credit.empty() && k < story.body.begin; ++k) {
      const Line& next = page.lines[k];
      if (next.kind == LineKind::kCaption && next.caption == line.caption) {
        credit = clean::collapse_spaces(next.credit);
      }
    }
    if (!credit.empty()) a.extra["caption_credit"] = nlohmann::json(credit).dump();
    return;
  }
}

void fill_meta(const clean::PageAnalysis& page, const Story& story, Article& a) {
  a.authors = story.byline.parts.authors;
  const clean::Publisher* site = clean::site_publisher(page, story.layout());
  const std::string first = a.body.substr(0, a.body.find("\n\n"));
  a.source = clean::choose_source(page, story.layout(), story.byline.parts, first, site);
  if (story.published) {
    const clean::Zone home{site ? site->home_zone : clean::Zone::Kind::kUsEastern, 0};
    a.published = clean::to_iso8601(*story.published, home);
  }
}

}  // namespace

Article clean_page(std::string_view text) { return clean_page(text, CleanOptions{}); }

Article clean_page(std::string_view text, const CleanOptions& options) {
  const clean::Weights& weights = options.weights ? *options.weights : clean::Weights::fitted();
  const std::string clean_text = make_valid_text(text);
  clean::PageAnalysis page;
  clean::analyse_page(clean_text, &page);
  Story story = read_story(page, weights, options.explain);
  Article a;
  a.body = body_text(page, &story);
  a.title = clean::collapse_spaces(page.lines[story.title].text);
  if (story.dek != kNoLine) a.dek = clean::collapse_spaces(page.lines[story.dek].text);
  fill_meta(page, story, a);
  clean::fill_labels(page, story.layout(), &a);
  fill_caption(page, story, a);
  a.url = find_url(page);
  a.id = page_id(a);
  if (options.explain) options.explain->outcome = "article";
  return a;
}

}  // namespace news
