#ifndef NEWS_INCLUDE_NEWS_INDEX_OUTPUT_H_
#define NEWS_INCLUDE_NEWS_INDEX_OUTPUT_H_

// The indexing reports and figures as JSON and text.

#include <ostream>
#include <string>

#include "news/index.h"

namespace news {

// The indexing report as JSON (for --report), and as the one summary line.
std::string report_to_json(const IndexReport& report);
std::string report_summary(const IndexReport& report);

std::string stats_to_json(const IndexStats& stats);
void render_stats_text(const IndexStats& stats, std::ostream& out);

// The compaction report as JSON (--report), and as the one summary line.
std::string compact_report_to_json(const CompactReport& report);
std::string compact_summary(const std::string& db, const CompactReport& report);

}  // namespace news

#endif  // NEWS_INCLUDE_NEWS_INDEX_OUTPUT_H_
