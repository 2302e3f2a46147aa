#ifndef NEWS_COMMON_TEXT_ANALYSIS_H_
#define NEWS_COMMON_TEXT_ANALYSIS_H_

// Text preparation shared by indexing and query parsing, so both sides see
// the same words: accents folded, and the curated news acronyms (data table
// in analysis.cc) rewritten to one canonical token. "U.S." and "US" become
// "USA" (Xapian would otherwise index "U.S." as the pronoun "us"); a spelled
// out form ("United States") keeps its words and also implies the canonical
// term.

#include <string>
#include <string_view>
#include <vector>

namespace news {

// Prepares free text for the TermGenerator. Appends to `implied` the
// lower-case canonical tokens of spelled-out forms found (one per
// occurrence), to be indexed without positions.
std::string prepare_index_text(std::string_view text,
                               std::vector<std::string>* implied);

// Prepares a query string: accents folded, acronyms canonical, and spelled
// out forms outside double quotes replaced by their canonical token.
std::string prepare_query_text(std::string_view query);

// English stopwords (lower case), for the TermGenerator and QueryParser.
const std::vector<std::string>& english_stopwords();

}  // namespace news

#endif  // NEWS_COMMON_TEXT_ANALYSIS_H_
