#ifndef NEWS_COMMON_SCHEMA_H_
#define NEWS_COMMON_SCHEMA_H_

// THE one place that names term prefixes, value slots and field names.
// Indexing (index/document_builder) and query parsing (search/) both read
// these tables; no prefix literal appears anywhere else. Prefixes follow
// Omega's conventions so that xapian-delve and quest make sense on our index.

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "news/article.h"

namespace news::schema {

// Term prefixes. Free text (title, dek, caption, body) is indexed as
// English stems with positions, all under Omega's stem prefix "Z" (a
// TermGenerator/QueryParser with STEM_ALL and these prefixes): one term per
// word instead of STEM_SOME's word + stem halves the postings to write, and
// phrases match on stems ("South Korea's" is a phrase of "south korea").
inline constexpr char kIdPrefix[] = "Q";          // unique id, verbatim
inline constexpr char kTextPrefix[] = "Z";        // stems of all free text
inline constexpr char kTitlePrefix[] = "ZS";      // stems of the title
inline constexpr char kAuthorWordPrefix[] = "A";  // author name words, unstemmed
inline constexpr char kDayPrefix[] = "D";         // Dyyyymmdd
inline constexpr char kMonthPrefix[] = "M";       // Myyyymm
inline constexpr char kYearPrefix[] = "Y";        // Yyyyy
// Near-duplicate band keys (dedup/fingerprint.h): "XD" + band letter
// ('a'...) + 8 hex digits, on stories with a fingerprint.
inline constexpr char kBandPrefix[] = "XD";

// How much a title word counts against a body word (wdf increment): the
// title is indexed under kTitlePrefix and again under kTextPrefix with
// this wdf. 2, not 3: on latimes-dev a heavier headline lowers MAP under
// BM25 and changes nothing under DPH (docs/RANKING.md); 2 keeps some
// headline emphasis for collections whose headlines say more.
inline constexpr Xapian::termcount kTitleWeight = 2;

// Value slots.
inline constexpr Xapian::valueno kDaySlot = 0;    // "YYYYMMDD" (date ranges)
inline constexpr Xapian::valueno kTimeSlot = 1;   // sortable_serialise(unix s)
inline constexpr Xapian::valueno kMonthSlot = 2;  // "YYYY-MM" (month facet)
inline constexpr Xapian::valueno kYearSlot = 3;   // "YYYY" (year facet)
inline constexpr Xapian::valueno kHashSlot = 4;   // content hash (32 hex)
inline constexpr Xapian::valueno kBodySlot = 7;   // body text (snippets)
// The id of the earliest story of the near-duplicate cluster a story is in,
// on the stories of clusters of two or more (index/clusters.h).
inline constexpr Xapian::valueno kClusterSlot = 8;

// A multi-valued field keeps its i-th value in slot `slot + i`, so that
// stock ValueCountMatchSpys (one per slot) give exact per-value counts.
inline constexpr unsigned kMaxValuesPerField = 64;

// Fields matched exactly on their normalised value (text/text.h
// normalise_value): boolean filter terms `prefix + normalised`, display form
// in value slot(s). The builder, the query parser, facets and stats loop
// over kExactFields.
struct ExactField {
  const char* name;    // query prefix, --filter and --facet name
  const char* alias;   // second query name, or nullptr
  const char* plural;  // in stats ("tags", "authors")
  const char* prefix;
  Xapian::valueno slot;
  // The Article member: one value, or several (the i-th in slot + i).
  std::string Article::*value;
  std::vector<std::string> Article::*values;
  // Also indexed word by word under this prefix, unstemmed (names: a query
  // on one word of them matches), or nullptr.
  const char* word_prefix;
  bool multi() const { return values != nullptr; }
};

inline constexpr ExactField kTagField{"tag", "topic", "tags",         "K",
                                      200,   nullptr, &Article::tags, nullptr};
inline constexpr ExactField kSectionField{"section", nullptr,           "sections", "XS",
                                          6,         &Article::section, nullptr,    nullptr};
inline constexpr ExactField kAuthorField{"author", "by",    "authors",         "XA",
                                         100,      nullptr, &Article::authors, kAuthorWordPrefix};
inline constexpr ExactField kPlaceField{"place", nullptr, "places",         "XP",
                                        300,     nullptr, &Article::places, nullptr};
inline constexpr ExactField kSourceField{"source", nullptr,          "sources", "XO",
                                         5,        &Article::source, nullptr,   nullptr};
inline constexpr ExactField kExactFields[] = {kTagField, kSectionField, kAuthorField, kPlaceField,
                                              kSourceField};

// Facets: the exact fields plus the date histograms.
struct FacetField {
  const char* name;
  Xapian::valueno slot;
  bool multi;
  bool chronological;  // ordered by value (a histogram), not by count
};

inline constexpr FacetField kFacetFields[] = {
    {kAuthorField.name, kAuthorField.slot, true, false},
    {kSourceField.name, kSourceField.slot, false, false},
    {kSectionField.name, kSectionField.slot, false, false},
    {kTagField.name, kTagField.slot, true, false},
    {kPlaceField.name, kPlaceField.slot, true, false},
    {"month", kMonthSlot, false, true},
    {"year", kYearSlot, false, true},
};

// Free-text query fields (probabilistic, weighted). An exact field with a
// word_prefix (author:) also matches one word of a name in queries, see
// search/query_parser.cc.
struct TextField {
  const char* name;
  const char* prefix;
};
inline constexpr TextField kTextFields[] = {
    {"title", kTitlePrefix},
};

inline constexpr char kIdFieldName[] = "id";
inline constexpr char kDateFieldName[] = "date";

// Looks up an exact field by name or alias; nullptr when unknown.
const ExactField* find_exact_field(std::string_view name);

// Looks up a facet field by name; nullptr when unknown.
const FacetField* find_facet_field(std::string_view name);

// The band term of band `band` with `key` (dedup/fingerprint.h band_keys).
std::string band_term(size_t band, uint32_t key);

// `prefix + value`, cut and suffixed with a hash when longer than Xapian's
// term length limit (245 bytes, a zero byte counting twice), so that an
// overlong value never fails a write and still matches exactly.
std::string make_term(std::string_view prefix, std::string_view value);

// The unique-id term of an article id.
std::string id_term(std::string_view id);

// The boolean term of an exact field's display value (normalised first).
std::string exact_term(const ExactField& field, std::string_view display_value);

}  // namespace news::schema

#endif  // NEWS_COMMON_SCHEMA_H_
