#ifndef NEWS_COMMON_CLEAN_ANALYSIS_H_
#define NEWS_COMMON_CLEAN_ANALYSIS_H_

// One page, classified line by line, with what every scorer reads about
// each line computed once: header kind, dates, repeats, ranks among the
// non-blank lines.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "clean/dates.h"
#include "clean/page.h"

namespace news {
namespace clean {

constexpr std::size_t kNoLine = static_cast<std::size_t>(-1);

enum class HeaderKind {
  kNone,
  kByline,  // "By Jane Doe", "By" alone
  kDesk,    // "Our Foreign Staff"
  kDate,    // a date with at most 3 other words
};

struct PageAnalysis {
  PageAnalysis() = default;
  PageAnalysis(const PageAnalysis&) = delete;  // `lines` refers into `classified`
  PageAnalysis& operator=(const PageAnalysis&) = delete;

  PageLines classified;
  std::vector<Line>& lines = classified.lines;
  std::vector<HeaderKind> header;            // per line
  std::vector<std::uint8_t> closes;          // per line: an end marker or a credit line
  std::vector<std::uint8_t> credit;          // per line: a credit line ("Reporting by")
  std::vector<std::uint8_t> promo;           // per line: a promotion phrase ("Sign up")
  std::vector<std::uint8_t> caption_phrase;  // per line: a caption phrase ("pictured")
  std::vector<std::uint8_t> title_case;      // per line: shape.h is_title_case
  std::vector<std::uint32_t> repeats;        // per line: other lines with the same text
  std::vector<std::uint8_t> stamp;           // per line: a short line with a date or a time
  std::vector<std::uint32_t> closers_above;  // per line: lines closing a story above it
  std::vector<std::uint32_t> rank;           // per line: non-blank lines before it
  std::vector<std::uint32_t> nonblank;       // the indices of the non-blank lines
  std::vector<PageDate> dates;               // every date of the page, line by line
  std::vector<std::uint32_t> date_begin;     // line i has dates[date_begin[i], date_begin[i + 1])

  const PageDate* dates_of(std::size_t i, const PageDate** end) const {
    *end = dates.data() + date_begin[i + 1];
    return dates.data() + date_begin[i];
  }
  bool has_date(std::size_t i) const { return date_begin[i + 1] > date_begin[i]; }
  // Non-blank lines from a to b (b - a when b > a, else a - b).
  std::size_t distance(std::size_t a, std::size_t b) const {
    return rank[a] > rank[b] ? rank[a] - rank[b] : rank[b] - rank[a];
  }
};

// Where the parts of the story are: line indices, kNoLine when absent.
struct StoryLayout {
  std::size_t title = kNoLine;
  std::size_t body_begin = kNoLine;  // the first paragraph
  std::size_t body_end = kNoLine;    // the last paragraph
};

// Classifies the sanitised page `text` (which must outlive *out) into *out.
void analyse_page(std::string_view text, PageAnalysis* out);

// The byline, desk or date line shape of one line (dates: its first date).
HeaderKind header_kind(const Line& line, const PageDate* first_date);

// A time stamp as comments and feeds print them: a clock time ("07:52 am",
// "4:47 pm", "15:04") or a relative time ("2 days ago", "3h ago").
bool has_time_stamp(std::string_view lower);

// An end marker ("Related Topics") or a credit line ("Reporting by"): the
// story does not run past it.
bool closes_story(const Line& line);

// A separator line of a byline block: ",", "and", "&", ";".
bool is_byline_separator(std::string_view lower);

// A line that may continue a byline: a name, a publisher, a desk.
bool is_byline_continuation(const Line& line);

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_ANALYSIS_H_
