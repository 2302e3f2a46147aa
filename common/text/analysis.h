#ifndef NEWS_COMMON_TEXT_ANALYSIS_H_
#define NEWS_COMMON_TEXT_ANALYSIS_H_

// Text preparation shared by indexing and query parsing, so both sides see
// the same words: accents folded, and the curated news acronyms (data table
// in analysis.cc) rewritten to one canonical token. "U.S." and "US" become
// "USA" (Xapian would otherwise index "U.S." as the pronoun "us"); a spelled
// out form ("United States") keeps its words and also implies the canonical
// term.

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace news {

// Prepares free text for the TermGenerator. Appends to `implied` the
// lower-case canonical tokens of spelled-out forms found (one per
// occurrence), to be indexed without positions.
std::string prepare_index_text(std::string_view text, std::vector<std::string>* implied);

// `text` with the written forms of each curated acronym whose indexed term
// (kTextPrefix + canonical, lower case) is in `terms` put between `on` and
// `off`, outside spans already marked: a snippet for a search on "US" also
// marks "U.S." and "United States".
std::string mark_acronyms(std::string_view text, const std::set<std::string>& terms, char on,
                          char off);

// `text` with each word that starts with one of `patterns` (lower case,
// accents folded: wildcard_patterns) put between `on` and `off`, outside
// spans already marked: the snippet of a search on `presiden*` marks
// "presidential".
std::string mark_wildcard_words(std::string_view text, const std::vector<std::string>& patterns,
                                char on, char off);

// Prepares a query string: accents folded, acronyms canonical, and spelled
// out forms outside double quotes replaced by their canonical token. The
// values of `verbatim_fields` (`name:value`, `name:"a value"`: the exact
// fields, ids and dates, whose processors normalise them their own way) are
// copied unchanged.
std::string prepare_query_text(std::string_view query,
                               const std::vector<std::string>& verbatim_fields = {});

// True for a word (lower case, as the TermGenerator reads it) worth keeping
// as spelling data ("did you mean"): 3 to 32 bytes, no digits.
bool is_spelling_word(std::string_view term);

// `query` (prepared by prepare_query_text) with each word that is not in
// `db` but has a spelling suggestion there replaced by it; field values,
// operators, wildcards and numbers are kept. Returns `query` unchanged when
// there is nothing to correct or `db` has no spelling data.
std::string respell_query(std::string_view query, const std::vector<std::string>& verbatim_fields,
                          const Xapian::Database& db);

// `query` (prepared by prepare_query_text) with each free-text wildcard
// (`presiden*`, outside quotes and exact-field values) widened by the
// indexed words it starts whose stems it does not: `(presiden* OR
// president)`. The index holds stems, so `presiden*` alone matches the
// stems starting "presiden" ("presidenti", of "presidential") but not
// "presid", of "president". The words come from the spelling data: at most
// 50 stems, those in most documents first. Unchanged where there are none.
std::string widen_wildcards(std::string_view query, const std::vector<std::string>& verbatim_fields,
                            const Xapian::Database& db);

// The patterns of the free-text wildcards of `query` (prepared by
// prepare_query_text): "presiden" for `presiden*`, lower case.
std::vector<std::string> wildcard_patterns(std::string_view query,
                                           const std::vector<std::string>& verbatim_fields);

// Spelling words and the number of documents holding each, added to the
// spelling data ("did you mean", respell_query) in one add_spelling call per
// word and batch: a call per word and document cost a quarter more indexing
// time on Reuters-21578. Counts of replaced or deleted documents are not
// taken back: they only rank suggestions.
using SpellingCounts = std::unordered_map<std::string, Xapian::termcount>;

// English stopwords (lower case), for the TermGenerator and QueryParser.
const std::vector<std::string>& english_stopwords();

// Snowball's English stemmer behind a cache of the words it has stemmed
// (`max_words` at most, then it starts afresh). A snippet stems every word
// of the story it shows, and stories share most of their words: the cache
// saves a quarter of Xapian's snippet time on Reuters.
Xapian::Stem cached_english_stemmer(size_t max_words = 100000);

}  // namespace news

#endif  // NEWS_COMMON_TEXT_ANALYSIS_H_
