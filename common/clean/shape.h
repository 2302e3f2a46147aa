#ifndef NEWS_COMMON_CLEAN_SHAPE_H_
#define NEWS_COMMON_CLEAN_SHAPE_H_

// What a line looks like, letter by letter: how it ends and starts, its
// case, and a few shapes the scorers read (datelines, author bios, links).

#include <string>
#include <string_view>
#include <unordered_set>

namespace news {
namespace clean {

// Strips closing quotes, brackets, '*' and spaces from the end.
std::string_view strip_closers(std::string_view s);

enum class LineEnd { kNone, kPeriod, kQuestion, kExclamation, kColon, kEllipsis };

// How `text` ends once closing quotes and brackets are stripped: "..." and
// U+2026 are kEllipsis; the CJK full stop counts as a period.
LineEnd line_end(std::string_view text);

// True when it ends like a sentence: period, '?', '!' or an ellipsis.
bool ends_sentence(std::string_view text);

bool starts_lower(std::string_view text);   // first letter is lower-case ASCII
bool starts_quote(std::string_view text);   // '"', '\'' or a curly quote
bool starts_bullet(std::string_view text);  // "•", "- ", "* ", "·", "›", "»"

// Most words of 4+ bytes start with a capital (at least 2 of them).
bool is_title_case(std::string_view text);

// 4+ ASCII letters, none of them lower case.
bool is_all_caps(std::string_view text);

// A news dateline opens the line: "WASHINGTON (AP) —", "Washington (CNN) --",
// "SAN FRANCISCO —", "(Reuters) -".
bool starts_with_dateline(std::string_view text);

// An author's note: "Jane Doe is a reporter ...", "Jane Doe covers ...",
// "Jane Doe (jane@example.com) is the editor ...", "Jane Doe currently works
// for ...".
bool looks_like_bio(std::string_view text);

// Holds a URL, "www.", an @handle or an e-mail address.
bool is_linkish(std::string_view text);

// Items run together with " | ", " · " or " • ".
bool has_item_separators(std::string_view text);

// A site-title separator inside the line: " | ", " - ", " – ", " — ", " · ".
bool has_title_separator(std::string_view text);

// A short line naming a job: "Staff Writer", "SYSTEMS EDITOR", "BuzzFeed
// News Reporter" (at most 6 words, one of them in tables.cc kJobWords), or
// a line of up to 10 words whose first or second word is one ("Opinion
// writer reporting from a center-right perspective").
bool is_job_title(std::string_view text);

// Key words: words of a lower-cased text without surrounding punctuation or
// a possessive "'s", 3 bytes or more, common function words ("the", "says")
// left out. The sets hold views into the text (a page's lower-cased copy).
using WordSet = std::unordered_set<std::string_view>;

// The key word of `lower_word` (a view into it), empty when it is none.
std::string_view key_word(std::string_view lower_word);

// Adds the key words of `lower_text` to *set.
void add_key_words(std::string_view lower_text, WordSet* set);

// Share of the key words of `lower_text` found in `set` (0 without key
// words).
float key_word_overlap(std::string_view lower_text, const WordSet& set);

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_SHAPE_H_
