#ifndef NEWS_COMMON_TEXT_ANALYSIS_H_
#define NEWS_COMMON_TEXT_ANALYSIS_H_

// Text preparation shared by indexing and query parsing, so both sides see
// the same words: accents folded, and the curated news acronyms (data table
// in analysis.cc) rewritten to one canonical token. "U.S." and "US" become
// "USA" (Xapian would otherwise index "U.S." as the pronoun "us"); a spelled
// out form ("United States") keeps its words and also implies the canonical
// term.

#include <xapian.h>

#include <functional>
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

// `text` with the written forms of each curated acronym whose canonical
// token (lower case, as indexed: "usa") is in `tokens` put between `on` and
// `off`, outside spans already marked: a snippet for a search on "US" also
// marks "U.S." and "United States".
std::string mark_acronyms(std::string_view text, const std::set<std::string>& tokens, char on,
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

// True for a byte of a word as the query rewrites read them: ASCII letters
// and digits, and every byte of a multibyte UTF-8 character.
bool is_word_character(char c);

// What replaces query[begin, *end) (the run of word characters there, and
// what the function takes in by moving *end on), or "" to keep it.
using WordRewrite =
    std::function<std::string(std::string_view query, size_t begin, size_t* end, bool in_quotes)>;

// Rewrites the free text of a prepared query word by word: `rewrite` is
// called for each run of word characters outside field values.
std::string rewrite_words(std::string_view query, const std::vector<std::string>& verbatim_fields,
                          const WordRewrite& rewrite);

// True when query[begin, end) is a free-text wildcard as the QueryParser
// reads one: a '*' after it not followed by a word character, at the start
// of a term (or of a field value), outside quotes.
bool is_free_wildcard(std::string_view query, size_t begin, size_t end, bool in_quotes);

// The pattern of the wildcard query[begin, end) + '*': lower case.
std::string wildcard_pattern(std::string_view query, size_t begin, size_t end);

// English stopwords (lower case), for the TermGenerator and QueryParser.
const std::vector<std::string>& english_stopwords();

}  // namespace news

#endif  // NEWS_COMMON_TEXT_ANALYSIS_H_
