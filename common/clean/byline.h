#ifndef NEWS_COMMON_CLEAN_BYLINE_H_
#define NEWS_COMMON_CLEAN_BYLINE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace news {
namespace clean {

// What a byline says: people, and the organisation credited (agency,
// syndicating publisher or desk), as printed.
struct BylineParts {
  std::vector<std::string> authors;
  std::string org;
};

// True for a person's name: 2-5 capitalised words (particles such as "de"
// or "van" allowed), letters, dots, hyphens and apostrophes only, none of
// them interface or organisation words.
bool is_name_shaped(std::string_view s);

// "JOSH HASKELL" -> "Josh Haskell"; mixed-case names are kept.
std::string name_case(std::string_view s);

// "Jane Doe Jane Doe" -> "Jane Doe" (names printed twice by the page).
std::string undouble(std::string_view s);

// A desk byline such as "Our Foreign Staff" or "Telegraph Reporters".
bool is_desk(std::string_view s);

// A known publisher, or a capitalised name with an organisation word.
bool is_org_name(std::string_view s);

// The text after a leading "By" / "by" / "Byby" (or "Von", "Par"...), when
// the line starts with one; nullopt otherwise. A bare "By" gives "".
std::optional<std::string_view> strip_byline_lead(std::string_view line);

// Adds one byline fragment: the rest of a "By ..." line, or a continuation
// line ("Jane Doe", "Bloomberg"). Handles ", ", " and ", "&", Twitter
// handles and trailing dates; de-duplicates authors.
void add_byline_text(std::string_view text, BylineParts* out);

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_BYLINE_H_
