#include "news/search_output.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>

#include "output/format.h"

namespace news {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kBold[] = "\033[1m";
constexpr char kDim[] = "\033[2m";
constexpr char kReset[] = "\033[0m";
constexpr size_t kBarWidth = 40;

// The text with every control character made harmless on a terminal: tab
// and line breaks as spaces, the others (ESC, BEL, DEL, the C1 controls) as
// U+FFFD, so that a stored story cannot retitle, recolour or clear the
// user's terminal. The highlight markers stay when `keep_markers`.
std::string printable(std::string_view s, bool keep_markers = false) {
  static const std::string kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool marker = keep_markers && (s[i] == kHighlightOn || s[i] == kHighlightOff);
    if (c == '\t' || c == '\n' || c == '\r') {
      out += ' ';
    } else if ((c < 0x20 || c == 0x7f) && !marker) {
      out += kReplacement;
    } else if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
      out += kReplacement;
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

// JSON text with DEL and the C1 controls escaped too (nlohmann escapes only
// those below U+0020): a terminal showing the JSON obeys none of them.
std::string with_controls_escaped(std::string json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(json[i]);
    const unsigned char next = i + 1 < json.size() ? static_cast<unsigned char>(json[i + 1]) : 0;
    char escaped[8];
    if (c == 0x7f) {
      out += "\\u007f";
    } else if (c == 0xc2 && next >= 0x80 && next <= 0x9f) {
      std::snprintf(escaped, sizeof escaped, "\\u%04x", next);
      out += escaped;
      ++i;
    } else {
      out += json[i];
    }
  }
  return out;
}

std::string replace_markers(const std::string& s, const std::string& on, const std::string& off) {
  std::string out;
  out.reserve(s.size() + 16);
  for (const char c : s) {
    if (c == kHighlightOn)
      out += on;
    else if (c == kHighlightOff)
      out += off;
    else
      out += c;
  }
  return out;
}

double round3(double x) { return std::round(x * 1000) / 1000; }

Json explanation_to_json(const Explanation& e) {
  Json parts = Json::array();
  for (const ScorePart& p : e.parts) {
    Json part = {{"what", p.what}, {"weight", round3(p.weight)}};
    if (!p.detail.empty()) part["detail"] = p.detail;
    parts.push_back(part);
  }
  return {{"matched_terms", e.matched_terms}, {"parts", parts}};
}

void render_explanation(const Hit& hit, std::ostream& out) {
  const Explanation& e = *hit.explanation;
  out << "   why: score " << round3(hit.score) << "; matched:";
  for (const std::string& t : e.matched_terms) out << " " << printable(t);
  out << "\n";
  for (const ScorePart& p : e.parts) {
    out << "     " << p.what << " +" << round3(p.weight);
    if (!p.detail.empty()) out << " (" << p.detail << ")";
    out << "\n";
  }
}

// `collapsed`: the results of SearchRequest::collapse.
Json hit_to_json(const Hit& hit, bool collapsed) {
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
  if (!hit.cluster.empty()) j["cluster"] = hit.cluster;
  if (collapsed) {
    j["copies"] = hit.copies;
    j["copy_sources"] = hit.copy_sources;
  }
  if (hit.explanation) j["explain"] = explanation_to_json(*hit.explanation);
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
  out << paint(style, kBold, std::to_string(hit.rank) + ". " + printable(a.title)) << "\n";
  if (!meta.empty()) out << "   " << paint(style, kDim, printable(meta)) << "\n";
  if (!a.authors.empty()) {
    std::string byline = "   By ";
    for (size_t i = 0; i < a.authors.size(); ++i) byline += (i ? ", " : "") + a.authors[i];
    out << printable(byline) << "\n";
  }
  if (!hit.snippet.empty()) {
    out << "   "
        << replace_markers(printable(hit.snippet, /*keep_markers=*/true), style.color ? kBold : "",
                           style.color ? kReset : "")
        << "\n";
  }
  if (hit.copies > 0) {
    std::string copies =
        "   + " + std::to_string(hit.copies) + (hit.copies == 1 ? " copy" : " copies");
    for (size_t i = 0; i < hit.copy_sources.size(); ++i) {
      copies += (i ? ", " : " from ") + hit.copy_sources[i];
    }
    out << paint(style, kDim, copies + " (--copies " + hit.article.id + ")") << "\n";
  }
  if (hit.explanation) render_explanation(hit, out);
  out << "   " << paint(style, kDim, printable(a.url.empty() ? a.id : a.id + "  " + a.url))
      << "\n\n";
}

// "YYYY-MM" or "YYYY" as a month number (year * 12 + month - 1, or year *
// 12 for a year); -1 for anything else.
long period_index(const std::string& v) {
  const auto digits = [&](size_t from, size_t n) {
    long x = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (i >= v.size() || v[i] < '0' || v[i] > '9') return -1L;
      x = x * 10 + (v[i] - '0');
    }
    return x;
  };
  if (v.size() == 4) return digits(0, 4) < 0 ? -1 : digits(0, 4) * 12;
  if (v.size() == 7 && v[4] == '-' && digits(0, 4) >= 0 && digits(5, 2) >= 1 &&
      digits(5, 2) <= 12) {
    return digits(0, 4) * 12 + digits(5, 2) - 1;
  }
  return -1;
}

std::string period_label(long index, bool months) {
  char buf[48];
  if (months) {
    std::snprintf(buf, sizeof buf, "%04ld-%02ld", index / 12, index % 12 + 1);
  } else {
    std::snprintf(buf, sizeof buf, "%04ld", index / 12);
  }
  return buf;
}

// A histogram with the empty months (or years) between its first and last
// value shown as zero, so that the bars read as a timeline.
std::vector<FacetValue> with_empty_periods(const std::vector<FacetValue>& values) {
  constexpr long kMaxLines = 600;
  if (values.empty()) return values;
  const bool months = values.front().value.size() == 7;
  const long step = months ? 1 : 12;
  std::vector<FacetValue> out;
  long expected = period_index(values.front().value);
  for (const FacetValue& v : values) {
    const long index = period_index(v.value);
    if (index < expected || (v.value.size() == 7) != months ||
        (index - expected) / step + static_cast<long>(out.size()) > kMaxLines) {
      return values;  // not a clean timeline: show it as counted
    }
    for (; expected < index; expected += step) out.push_back({period_label(expected, months), 0});
    out.push_back(v);
    expected = index + step;
  }
  return out;
}

void render_histogram(const Facet& f, std::ostream& out) {
  size_t max = 1;
  for (const FacetValue& v : f.values) max = std::max(max, v.count);
  for (const FacetValue& v : with_empty_periods(f.values)) {
    const size_t bar = (v.count * kBarWidth + max - 1) / max;
    char count[32];
    std::snprintf(count, sizeof count, "%7zu", v.count);
    out << "  " << v.value << " " << count << (bar > 0 ? " " + std::string(bar, '#') : "") << "\n";
  }
}

// `clusters`: the counts are of distinct clusters.
void render_facet(const Facet& f, bool exact, bool clusters, std::ostream& out) {
  out << f.field;
  if (!f.chronological && f.values.size() < f.distinct) {
    out << " (top " << f.values.size() << " of " << f.distinct << ")";
  }
  if (clusters) out << " (distinct stories)";
  out << (exact ? ":" : " (approximate counts):") << "\n";
  if (f.values.empty()) out << "  (none)\n";
  if (f.chronological) {
    render_histogram(f, out);
    return;
  }
  for (const FacetValue& v : f.values) {
    char count[32];
    std::snprintf(count, sizeof count, "%7zu  ", v.count);
    out << count << printable(v.value) << "\n";
  }
}

}  // namespace

std::string results_to_json(const SearchResults& r) {
  Json j;
  j["query"] = r.query;
  j["total"] = r.total;
  j["total_exact"] = r.total_exact;
  if (!r.total_exact) {
    j["total_min"] = r.total_min;
    j["total_max"] = r.total_max == 0 ? Json() : Json(r.total_max);
  }
  if (r.clusters) j["clusters"] = *r.clusters;
  if (r.collapsed) j["collapsed"] = true;
  j["offset"] = r.offset;
  j["limit"] = r.limit;
  j["took_ms"] = std::round(r.took_ms * 1000) / 1000;
  Json hits = Json::array();
  for (const Hit& h : r.hits) hits.push_back(hit_to_json(h, r.collapsed));
  j["hits"] = hits;
  j["facets"] = facets_to_json(r.facets);
  j["facets_exact"] = r.facets_exact;
  if (r.facets_count_clusters) j["facet_count"] = "clusters";
  j["suggestion"] = r.suggestion ? Json(*r.suggestion) : Json();
  if (!r.warnings.empty()) j["warnings"] = r.warnings;
  return with_controls_escaped(j.dump(-1, ' ', false, Json::error_handler_t::replace));
}

std::string error_to_json(const std::string& query, const std::string& message) {
  const Json j = {{"query", query}, {"error", message}};
  return with_controls_escaped(j.dump(-1, ' ', false, Json::error_handler_t::replace));
}

void render_results_text(const SearchResults& r, const TextStyle& style, std::ostream& out) {
  for (const Hit& hit : r.hits) render_hit(hit, style, out);
  const size_t shown_to = r.offset + r.hits.size();
  std::ostringstream summary;
  summary << (r.total_exact ? "" : "about ") << r.total << (r.total == 1 ? " story" : " stories");
  if (!r.total_exact) {
    summary << " (" << r.total_min
            << (r.total_max == 0 ? " or more" : " to " + std::to_string(r.total_max)) << ")";
  }
  if (r.clusters) summary << " (" << *r.clusters << " distinct)";
  if (!r.hits.empty()) {
    summary << ", showing " << r.offset + 1 << "-" << shown_to << (r.collapsed ? " collapsed" : "");
  }
  summary << " (" << two_decimals(r.took_ms) << " ms)";
  out << paint(style, kDim, summary.str()) << "\n";
  if (r.suggestion) out << "Did you mean: " << printable(*r.suggestion) << "\n";
  for (const Facet& f : r.facets) {
    out << "\n";
    render_facet(f, r.facets_exact, r.facets_count_clusters, out);
  }
}

namespace {

// `text` as lines of at most `width` columns (counting UTF-8 characters),
// broken at spaces; a word longer than a line stands alone.
void write_wrapped(const std::string& text, size_t width, const std::string& indent,
                   std::ostream& out) {
  const auto columns = [](const std::string& s) {
    return static_cast<size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  };
  std::istringstream words(text);
  std::string word, line;
  while (words >> word) {
    if (!line.empty() && indent.size() + columns(line) + 1 + columns(word) > width) {
      out << indent << line << "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out << indent << line << "\n";
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

}  // namespace

void render_article_text(const Article& a, const TextStyle& style, std::ostream& out) {
  const size_t width = std::max<size_t>(style.width, 20);
  out << paint(style, kBold, printable(a.title)) << "\n";
  if (!a.dek.empty()) write_wrapped(printable(a.dek), width, "", out);
  if (!a.authors.empty()) out << "By " << printable(joined(a.authors)) << "\n";
  std::string meta = a.published.substr(0, 10);
  for (const std::string* part : {&a.source, &a.section}) {
    if (!part->empty()) meta += (meta.empty() ? "" : " · ") + *part;
  }
  if (!meta.empty()) out << paint(style, kDim, printable(meta)) << "\n";
  if (!a.tags.empty()) out << paint(style, kDim, "Tags: " + printable(joined(a.tags))) << "\n";
  if (!a.places.empty()) {
    out << paint(style, kDim, "Places: " + printable(joined(a.places))) << "\n";
  }
  out << paint(style, kDim, printable(a.url.empty() ? a.id : a.id + "  " + a.url)) << "\n";
  size_t start = 0;
  while (start <= a.body.size() && !a.body.empty()) {
    const size_t end = std::min(a.body.find("\n\n", start), a.body.size());
    const std::string paragraph = printable(a.body.substr(start, end - start));
    if (paragraph.find_first_not_of(' ') != std::string::npos) {
      out << "\n";
      write_wrapped(paragraph, width, "", out);
    }
    start = end + 2;
  }
}

void render_results_ids(const SearchResults& r, std::ostream& out) {
  for (const Hit& hit : r.hits) out << hit.article.id << "\n";
}

}  // namespace news
