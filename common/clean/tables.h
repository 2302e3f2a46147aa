#ifndef NEWS_COMMON_CLEAN_TABLES_H_
#define NEWS_COMMON_CLEAN_TABLES_H_

// Site knowledge as data: publishers, agencies, places and boilerplate
// phrases. Extending the cleaner to a new site should mostly mean adding rows
// here (see docs/CLEANING.md).

#include <cstddef>
#include <functional>
#include <string_view>

#include "clean/dates.h"

namespace news {
namespace clean {

struct Publisher {
  std::string_view name;     // canonical display name ("The Washington Post")
  std::string_view aliases;  // '|'-separated forms found on pages
  Zone::Kind home_zone;      // for times printed without a zone
  bool agency;               // wire service (credited in bylines)
};

// All known publishers, most specific first ("CNNMoney" before "CNN").
const Publisher* publishers_begin();
const Publisher* publishers_end();

// The publisher one of whose aliases equals `text` (case-insensitive).
const Publisher* find_publisher_exact(std::string_view text);
// The first publisher (in table order) with an alias occurring as a whole
// word in `text`.
const Publisher* find_publisher_mention(std::string_view text);

// Calls f(publisher) for each alias occurring as a whole word in `text`,
// in text order (a publisher may come more than once).
void for_each_mention_impl(std::string_view text, const std::function<void(const Publisher*)>& f);
template <typename F>
void for_each_mention(std::string_view text, F f) {
  for_each_mention_impl(text, std::function<void(const Publisher*)>(f));
}
// Calls f(alias) for each alias of p.
template <typename F>
void for_each_alias(const Publisher& p, F f) {
  std::string_view rest = p.aliases;
  while (!rest.empty()) {
    const std::size_t bar = rest.find('|');
    f(rest.substr(0, bar));
    if (bar == std::string_view::npos) break;
    rest.remove_prefix(bar + 1);
  }
}

// Countries, continents, regions, US states and large cities; also
// "City, ST" with a US state code.
bool is_place(std::string_view label);

// All arguments below are lower-case lines (trimmed).
bool is_boilerplate_line(std::string_view lower);     // whole-line UI text
bool has_boilerplate_phrase(std::string_view lower);  // never article text
bool is_end_marker(std::string_view lower);           // heading after the story
bool is_comments_heading(std::string_view lower);     // "View comments (27)"
bool is_credit_line(std::string_view lower);          // "Reporting by ...", etc.
bool is_promo(std::string_view lower);                // trailing promo paragraph
bool has_caption_phrase(std::string_view lower);      // ", left,", "pictured"
bool is_topic_heading(std::string_view lower);        // "Related Topics", "Tags"
bool is_share_word(std::string_view lower);           // "facebook", "email"
bool is_date_label(std::string_view lower);           // "updated", "published"
bool is_desk_word(std::string_view lower_word);       // "staff", "reporters"
bool is_org_word(std::string_view word);              // "Times", "Press"
bool is_name_stop_word(std::string_view lower_word);  // "email", "bio"
bool is_photo_credit_word(std::string_view word);     // "Getty", "AP"
bool is_camel_brand(std::string_view word);           // "YouTube"
bool is_job_word(std::string_view lower_word);        // "editor", "reporter"
bool is_given_name(std::string_view lower_word);      // "jane", "mohammed"
// Byline lead words: "by", "von", "par", "por".
bool is_byline_lead(std::string_view lower_word);

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_TABLES_H_
