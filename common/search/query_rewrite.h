#ifndef NEWS_COMMON_SEARCH_QUERY_REWRITE_H_
#define NEWS_COMMON_SEARCH_QUERY_REWRITE_H_

// Rewrites of a prepared query text (text/analysis.h prepare_query_text)
// against the index: "did you mean" and wildcards widened by words.

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace news {

// `query` (prepared by prepare_query_text) with each word that is not in
// `db` (stemmed by `stem`, the query's stemmer) but has a spelling
// suggestion there replaced by it; field values, operators, wildcards and
// numbers are kept. Returns `query` unchanged when there is nothing to
// correct or `db` has no spelling data.
std::string respell_query(std::string_view query, const std::vector<std::string>& verbatim_fields,
                          const Xapian::Database& db, const Xapian::Stem& stem);

// `query` (prepared by prepare_query_text) with each free-text wildcard
// (`presiden*`, outside quotes and exact-field values) widened by the
// indexed words it starts whose stems it does not: `(presiden* OR
// president)`. The index holds stems, so `presiden*` alone matches the
// stems starting "presiden" ("presidenti", of "presidential") but not
// "presid", of "president". The words come from the spelling data: at most
// 50 stems, those in most documents first. Unchanged where there are none.
std::string widen_wildcards(std::string_view query, const std::vector<std::string>& verbatim_fields,
                            const Xapian::Database& db, const Xapian::Stem& stem);

}  // namespace news

#endif  // NEWS_COMMON_SEARCH_QUERY_REWRITE_H_
