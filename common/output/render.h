#ifndef NEWS_COMMON_OUTPUT_RENDER_H_
#define NEWS_COMMON_OUTPUT_RENDER_H_

#include <ostream>
#include <string>

#include "index/indexer.h"
#include "search/results.h"
#include "store/stats.h"

namespace news {

struct TextStyle {
  bool color = false;  // ANSI bold/dim (only on a terminal)
  size_t width = 80;
};

// The search results as the one JSON object of DESIGN.md (no newline).
std::string results_to_json(const SearchResults& results);

// {"query": query, "error": message} (no newline): a failed batch query.
std::string error_to_json(const std::string& query, const std::string& message);

// Human-readable results: one block per hit, then the facets (histograms as
// bars).
void render_results_text(const SearchResults& results, const TextStyle& style, std::ostream& out);

// One id per line.
void render_results_ids(const SearchResults& results, std::ostream& out);

// The indexing report as JSON (for --report), and as the one summary line.
std::string report_to_json(const IndexReport& report);
std::string report_summary(const IndexReport& report);

std::string stats_to_json(const IndexStats& stats);
void render_stats_text(const IndexStats& stats, std::ostream& out);

}  // namespace news

#endif  // NEWS_COMMON_OUTPUT_RENDER_H_
