#ifndef NEWS_COMMON_SEARCH_QUERY_PARSER_H_
#define NEWS_COMMON_SEARCH_QUERY_PARSER_H_

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "text/dates.h"

namespace news {

// A query text prepared once (accents folded, acronyms canonical) and what
// is read from it: the Xapian query, and for "did you mean" and the snippet
// marks the prepared text and its wildcard patterns. Made by
// NewsQueryParser::parse or prepare.
struct ParsedQuery {
  std::string text;      // as written
  std::string prepared;  // prepared, before wildcards are widened by words
  // The patterns of its free-text wildcards ("presiden" for `presiden*`).
  std::vector<std::string> wildcards;
  Xapian::Query query;   // what it matches; empty when only prepared
  Xapian::Stem stemmer;  // its words' stemmer: snippets and proximity must use the same
};

// Turns the user's query text, filters and date bounds into a Xapian query
// using the field names of schema.h. Free text is ranked by BM25; field
// values, ids and dates are boolean filters that do not change scores.
class NewsQueryParser {
 public:
  // `db` gives wildcard expansion and term statistics; `today` anchors
  // relative dates ("7d", "yesterday"). `all_local`: no shard of `db` is
  // remote, so its spelling data is whole and wildcards are widened by the
  // words they start (widen_wildcards in search/query_rewrite.h); over remote
  // shards a wildcard matches the stems it starts, the same on every layout.
  NewsQueryParser(const Xapian::Database& db, const CivilDay& today, bool all_local = true);

  // Parses the query text; empty text matches every document. `all_terms`
  // makes every word required (default: any word, best matches first).
  // Field values (tag:, author:, date:...) are boolean filters; one field
  // given twice is ORed, different fields ANDed. Throws QueryError for
  // syntax errors, invalid field values and more than 1024 words.
  ParsedQuery parse(const std::string& text, bool all_terms);

  // The query text prepared without being parsed (its query empty): the
  // snippet marks of a --similar search, whose query is not the text's.
  ParsedQuery prepare(const std::string& text) const;

  // A "did you mean" rewrite of the parsed query's text: each word missing
  // from the index replaced by its spelling suggestion (search/query_rewrite.h
  // respell_query). nullopt when nothing changes (every word known, no
  // spelling data, remote shards).
  std::optional<std::string> suggest(const ParsedQuery& query) const;

  // (field, value) filters: values of one field ORed, fields ANDed. An
  // empty Query when there are none. Throws QueryError for an unknown field.
  Xapian::Query filters(const std::vector<std::pair<std::string, std::string>>& filters) const;

  // The published-date range since..until (either may be empty); an empty
  // Query when both are. Throws QueryError.
  Xapian::Query date_range(const std::string& since, const std::string& until) const;

 private:
  // Xapian's QueryParser on a prepared (and widened) text.
  Xapian::Query parse_prepared(const std::string& prepared, bool all_terms);

  Xapian::Database db_;
  Xapian::QueryParser qp_;
  std::vector<std::string> verbatim_fields_;  // boolean field names
  // The first invalid field value met by a FieldProcessor during parse().
  std::shared_ptr<std::string> field_error_ = std::make_shared<std::string>();
  Xapian::Stem stemmer_;
  Xapian::SimpleStopper stopper_;
  CivilDay today_;
  bool all_local_;
};

// A query matching documents published on days in [from, to] (YYYYMMDD
// strings; empty = open end).
Xapian::Query day_range_query(const std::string& from, const std::string& to);

}  // namespace news

#endif  // NEWS_COMMON_SEARCH_QUERY_PARSER_H_
