#include "output/render.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace news {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kBold[] = "\033[1m";
constexpr char kDim[] = "\033[2m";
constexpr char kReset[] = "\033[0m";
constexpr size_t kBarWidth = 40;

std::string replace_markers(const std::string& s, const std::string& on,
                            const std::string& off) {
  std::string out;
  out.reserve(s.size() + 16);
  for (const char c : s) {
    if (c == kHighlightOn) out += on;
    else if (c == kHighlightOff) out += off;
    else out += c;
  }
  return out;
}

Json hit_to_json(const Hit& hit) {
  const Article& a = hit.article;
  Json j;
  j["rank"] = hit.rank;
  j["id"] = a.id;
  j["score"] = std::round(hit.score * 1000) / 1000;
  j["title"] = a.title;
  j["published"] = a.published.empty() ? Json() : Json(a.published);
  j["authors"] = a.authors;
  j["source"] = a.source.empty() ? Json() : Json(a.source);
  j["section"] = a.section.empty() ? Json() : Json(a.section);
  j["tags"] = a.tags;
  j["places"] = a.places;
  j["url"] = a.url.empty() ? Json() : Json(a.url);
  j["snippet"] = replace_markers(hit.snippet, "<b>", "</b>");
  return j;
}

Json facets_to_json(const std::vector<Facet>& facets) {
  Json j = Json::object();
  for (const Facet& f : facets) {
    Json values = Json::array();
    for (const FacetValue& v : f.values) values.push_back({{"value", v.value}, {"count", v.count}});
    j[f.field] = values;
  }
  return j;
}

std::string paint(const TextStyle& style, const char* code, const std::string& s) {
  return style.color ? code + s + kReset : s;
}

void render_hit(const Hit& hit, const TextStyle& style, std::ostream& out) {
  const Article& a = hit.article;
  std::string meta = a.published.substr(0, 10);
  for (const std::string* part : {&a.section, &a.source}) {
    if (!part->empty()) meta += (meta.empty() ? "" : " · ") + *part;
  }
  out << paint(style, kBold, std::to_string(hit.rank) + ". " + a.title) << "\n";
  if (!meta.empty()) out << "   " << paint(style, kDim, meta) << "\n";
  if (!a.authors.empty()) {
    std::string byline = "   By ";
    for (size_t i = 0; i < a.authors.size(); ++i) byline += (i ? ", " : "") + a.authors[i];
    out << byline << "\n";
  }
  if (!hit.snippet.empty()) {
    out << "   "
        << replace_markers(hit.snippet, style.color ? kBold : "", style.color ? kReset : "")
        << "\n";
  }
  out << "   " << paint(style, kDim, a.url.empty() ? a.id : a.id + "  " + a.url) << "\n\n";
}

void render_histogram(const Facet& f, std::ostream& out) {
  size_t max = 1;
  for (const FacetValue& v : f.values) max = std::max(max, v.count);
  for (const FacetValue& v : f.values) {
    const size_t bar = (v.count * kBarWidth + max - 1) / max;
    char count[32];
    std::snprintf(count, sizeof count, "%7zu ", v.count);
    out << "  " << v.value << " " << count << std::string(bar, '#') << "\n";
  }
}

void render_facet(const Facet& f, std::ostream& out) {
  out << f.field << ":\n";
  if (f.values.empty()) out << "  (none)\n";
  if (f.chronological) {
    render_histogram(f, out);
    return;
  }
  for (const FacetValue& v : f.values) {
    char count[32];
    std::snprintf(count, sizeof count, "%7zu  ", v.count);
    out << count << v.value << "\n";
  }
}

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", s);
  return buf;
}

}  // namespace

std::string results_to_json(const SearchResults& r) {
  Json j;
  j["query"] = r.query;
  j["total"] = r.total;
  j["total_exact"] = r.total_exact;
  j["offset"] = r.offset;
  j["limit"] = r.limit;
  j["took_ms"] = std::round(r.took_ms * 1000) / 1000;
  Json hits = Json::array();
  for (const Hit& h : r.hits) hits.push_back(hit_to_json(h));
  j["hits"] = hits;
  j["facets"] = facets_to_json(r.facets);
  j["suggestion"] = r.suggestion ? Json(*r.suggestion) : Json();
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void render_results_text(const SearchResults& r, const TextStyle& style, std::ostream& out) {
  for (const Hit& hit : r.hits) render_hit(hit, style, out);
  const size_t shown_to = r.offset + r.hits.size();
  std::ostringstream summary;
  summary << (r.total_exact ? "" : "about ") << r.total << (r.total == 1 ? " story" : " stories");
  if (!r.hits.empty()) summary << ", showing " << r.offset + 1 << "-" << shown_to;
  summary << " (" << seconds_text(r.took_ms) << " ms)";
  out << paint(style, kDim, summary.str()) << "\n";
  if (r.suggestion) out << "Did you mean: " << *r.suggestion << "\n";
  for (const Facet& f : r.facets) {
    out << "\n";
    render_facet(f, out);
  }
}

void render_results_ids(const SearchResults& r, std::ostream& out) {
  for (const Hit& hit : r.hits) out << hit.article.id << "\n";
}

std::string report_to_json(const IndexReport& report) {
  Json j;
  j["added"] = report.added;
  j["updated"] = report.updated;
  j["unchanged"] = report.unchanged;
  j["deleted"] = report.deleted;
  j["duplicates"] = report.duplicates;
  j["rejected"] = report.rejections.size();
  j["documents"] = report.documents;
  j["seconds"] = std::round(report.seconds * 1000) / 1000;
  j["docs_per_second"] =
      report.seconds > 0 ? std::round(report.processed() / report.seconds * 10) / 10 : 0.0;
  Json rejections = Json::array();
  for (const Rejection& r : report.rejections) {
    rejections.push_back({{"location", r.location}, {"reason", r.reason}});
  }
  j["rejections"] = rejections;
  return j.dump(2, ' ', false, Json::error_handler_t::replace);
}

std::string report_summary(const IndexReport& report) {
  std::ostringstream s;
  s << "added " << report.added << ", replaced " << report.updated << ", unchanged "
    << report.unchanged << ", deleted " << report.deleted << ", rejected "
    << report.rejections.size() << " in " << seconds_text(report.seconds) << " s";
  if (report.seconds > 0 && report.processed() > 0) {
    s << " (" << static_cast<uint64_t>(report.processed() / report.seconds) << " articles/s)";
  }
  s << "; " << report.documents << " documents in the index";
  return s.str();
}

std::string stats_to_json(const IndexStats& st) {
  Json j;
  j["path"] = st.path;
  j["documents"] = st.documents;
  j["last_update"] = st.last_update;
  j["size_bytes"] = st.size_bytes;
  j["databases"] = st.databases;
  j["distinct"] = {{"tags", st.distinct_tags},       {"sections", st.distinct_sections},
                   {"authors", st.distinct_authors}, {"places", st.distinct_places},
                   {"sources", st.distinct_sources}};
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
      << "distinct:     " << st.distinct_tags << " tags, " << st.distinct_sections
      << " sections, " << st.distinct_authors << " authors, " << st.distinct_places
      << " places, " << st.distinct_sources << " sources\n";
}

}  // namespace news
