#ifndef NEWS_COMMON_CLEAN_PAGE_H_
#define NEWS_COMMON_CLEAN_PAGE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace news {
namespace clean {

// What one line of a page dump looks like on its own (and next to its
// neighbours, for captions).
enum class LineKind {
  kBlank,
  kProse,        // a sentence-shaped paragraph
  kText,         // any other short text: headings, links, labels, bylines
  kBoilerplate,  // interface text ("Advertisement", "Share", "0:49")
  kCaption,      // photo caption (caption/credit fields are filled)
  kCredit,       // a photo credit on its own line
};

struct Line {
  // Views into the page and its lower-cased copy (see PageLines).
  std::string_view text;   // trimmed
  std::string_view lower;  // ASCII lower case of text
  std::size_t number = 0;  // 1-based line number in the page
  std::size_t words = 0;
  LineKind kind = LineKind::kBlank;
  std::string_view caption;  // kCaption: the caption without its credit
  std::string_view credit;   // kCaption: the credit (spaces not collapsed)
};

// The classified lines of a page, with the lower-cased copy they view.
struct PageLines {
  PageLines() = default;
  PageLines(const PageLines&) = delete;
  PageLines& operator=(const PageLines&) = delete;

  std::string lower;
  std::vector<Line> lines;
};

struct CaptionSplit {
  std::string caption;
  std::string credit;
};

// Splits a caption line that carries its credit: "... hide caption",
// "... Credit: X", "... (Name/Agency)". nullopt when no credit is found.
std::optional<CaptionSplit> split_caption_credit(std::string_view line);

// A photo credit alone: "Evan Vucci/AP Photo", "Chuck Burton/AP",
// "Andrew Harnik—Getty Images".
bool is_credit_only(std::string_view line);

// Sentence-shaped: ends like a sentence and has a few words, or is long.
bool is_prose(std::string_view text, std::size_t words);

// Splits the sanitised page into classified lines in *out; runs of blank
// lines become one blank line. `page` must outlive *out, and *out must not
// be moved (its lines view its own lower-cased copy).
void classify_lines(std::string_view page, PageLines* out);

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_PAGE_H_
