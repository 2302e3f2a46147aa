#include "news/index_output.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "output/format.h"

namespace news {
namespace {

using Json = nlohmann::json;

}  // namespace

std::string report_to_json(const IndexReport& report) {
  Json j;
  j["added"] = report.added;
  j["updated"] = report.updated;
  j["unchanged"] = report.unchanged;
  j["deleted"] = report.deleted;
  j["rejected"] = report.rejections.size();
  j["seconds"] = std::round(report.seconds * 1000) / 1000;
  j["docs_per_second"] =
      report.seconds > 0 ? std::round(report.processed() / report.seconds * 10) / 10 : 0.0;
  const auto list = [](const std::vector<Rejection>& rejections) {
    Json out = Json::array();
    for (const Rejection& r : rejections) {
      out.push_back({{"location", r.location}, {"reason", r.reason}});
    }
    return out;
  };
  j["rejections"] = list(report.rejections);
  j["incomplete"] = list(report.incomplete);
  j["deletions_skipped"] =
      report.deletions_held_back.empty() ? Json() : Json(report.deletions_held_back);
  j["kept"] = report.kept;
  if (!report.not_articles.empty()) j["not_articles"] = report.not_articles;
  return j.dump(2, ' ', false, Json::error_handler_t::replace);
}

std::string report_summary(const IndexReport& report) {
  std::ostringstream s;
  s << "added " << report.added << ", replaced " << report.updated << ", unchanged "
    << report.unchanged << ", deleted " << report.deleted << ", rejected "
    << report.rejections.size();
  if (report.kept > 0) s << ", kept " << report.kept;
  if (!report.deletions_held_back.empty()) s << " (deletions skipped)";
  s << " in " << two_decimals(report.seconds) << " s";
  if (report.seconds > 0 && report.processed() > 0) {
    s << " (" << static_cast<uint64_t>(report.processed() / report.seconds) << " articles/s)";
  }
  s << "; " << report.documents << " documents in the index";
  if (!report.not_articles.empty()) {
    size_t n = 0;
    for (const auto& [why, count] : report.not_articles) n += count;
    s << "; " << n << " WARC records not articles, skipped";
  }
  return s.str();
}

std::string stats_to_json(const IndexStats& st) {
  Json j;
  j["path"] = st.path;
  j["documents"] = st.documents;
  j["last_update"] = st.last_update;
  j["size_bytes"] = st.size_bytes;
  j["databases"] = st.databases;
  Json distinct = Json::object();
  for (const auto& [field, count] : st.distinct) distinct[field] = count;
  j["distinct"] = distinct;
  j["published"] = {{"oldest", st.oldest.empty() ? Json() : Json(st.oldest)},
                    {"newest", st.newest.empty() ? Json() : Json(st.newest)}};
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void render_stats_text(const IndexStats& st, std::ostream& out) {
  char size[32];
  std::snprintf(size, sizeof size, "%.1f MB", st.size_bytes / 1e6);
  out << "index:        " << st.path << "\n"
      << "documents:    " << st.documents << "\n"
      << "last update:  " << st.last_update << "\n"
      << "size on disk: " << size << "\n"
      << "published:    " << (st.oldest.empty() ? "-" : st.oldest + " .. " + st.newest) << "\n"
      << "distinct:     ";
  for (size_t i = 0; i < st.distinct.size(); ++i) {
    out << (i > 0 ? ", " : "") << st.distinct[i].second << " " << st.distinct[i].first;
  }
  out << "\n";
}

std::string compact_report_to_json(const CompactReport& r) {
  Json j;
  j["bytes_before"] = r.bytes_before;
  j["bytes_after"] = r.bytes_after;
  j["seconds"] = r.seconds;
  return j.dump();
}

std::string compact_summary(const std::string& db, const CompactReport& r) {
  std::ostringstream s;
  s << "compacted " << db << " from " << r.bytes_before / 1000 << " kB to " << r.bytes_after / 1000
    << " kB in " << r.seconds << " s";
  return s.str();
}

}  // namespace news
