#include "html/html_page.h"

#include <algorithm>
#include <optional>

#include "clean/byline.h"
#include "clean/cleaner.h"
#include "clean/dates.h"
#include "clean/page_id.h"
#include "clean/tables.h"
#include "html/charset.h"
#include "html/dom.h"
#include "html/extract.h"
#include "html/metadata.h"
#include "html/render.h"
#include "html/strings.h"
#include "text/text.h"

namespace news {
namespace {

using html::icontains;
using html::PageMetadata;
using html::starts_with;
using html::trim_view;
using html::word_count;

constexpr size_t kSniffBytes = 4096;
constexpr size_t kMaxNameBytes = 80;

// Meta keys in order of trust, for each field (a table users can extend).
constexpr const char* kTitleKeys[] = {"og:title",       "twitter:title", "itemprop:headline",
                                      "sailthru.title", "parsely-title", "dc.title"};
constexpr const char* kAuthorKeys[] = {"author",
                                       "article:author",
                                       "parsely-author",
                                       "sailthru.author",
                                       "dc.creator",
                                       "dcterms.creator",
                                       "byl",
                                       "itemprop:author",
                                       "twitter:creator"};
constexpr const char* kDateKeys[] = {"article:published_time",
                                     "og:article:published_time",
                                     "datepublished",
                                     "itemprop:datepublished",
                                     "parsely-pub-date",
                                     "sailthru.date",
                                     "dc.date.issued",
                                     "dc.date",
                                     "dcterms.created",
                                     "dcterms.date",
                                     "pubdate",
                                     "publishdate",
                                     "publish-date",
                                     "date",
                                     "article.published",
                                     "og:published_time",
                                     "article_date_original",
                                     "originalpublicationdate"};
constexpr const char* kSectionKeys[] = {"article:section", "parsely-section", "section",
                                        "og:article:section"};
constexpr const char* kTagKeys[] = {"article:tag", "news_keywords", "parsely-tags", "keywords"};
constexpr const char* kSourceKeys[] = {"og:site_name", "application-name", "publisher"};

bool looks_binary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kSniffBytes);
  if (head.size() >= 2 &&
      ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF'))) {
    return false;  // UTF-16 with a BOM
  }
  size_t control = 0;
  for (unsigned char c : head) {
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) ++control;
  }
  return control * 20 > head.size() || head.find('<') == std::string_view::npos;
}

// Lower case, curly quotes straight, spaces collapsed: for comparing a
// metadata string with printed text.
std::string comparable(std::string_view s) {
  std::string t = collapse_whitespace(s);
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t.compare(i, 3, "\xE2\x80\x98") == 0 || t.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else if (t.compare(i, 3, "\xE2\x80\x9C") == 0 || t.compare(i, 3, "\xE2\x80\x9D") == 0) {
      out += '"';
      i += 2;
    } else if (t.compare(i, 2, "\xC2\xA0") == 0) {
      out += ' ';
      i += 1;
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(t[i])));
    }
  }
  return out;
}

template <size_t N>
std::string first_meta(const PageMetadata& meta, const char* const (&keys)[N]) {
  for (const char* k : keys) {
    const std::string& v = meta.first(k);
    if (!v.empty()) return v;
  }
  return "";
}

// "Headline | Site", "Site - Headline"... -> the variants without a segment.
std::vector<std::string> title_variants(const std::string& title) {
  std::vector<std::string> out{title};
  for (const char* sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ",
                          " \xC2\xBB ", ": "}) {
    const size_t last = title.rfind(sep);
    if (last != std::string::npos && last > 0) {
      out.push_back(collapse_whitespace(title.substr(0, last)));
    }
    const size_t first = title.find(sep);
    if (first != std::string::npos && first > 0) {
      out.push_back(collapse_whitespace(title.substr(0, first)));
      out.push_back(collapse_whitespace(title.substr(first + std::string(sep).size())));
    }
  }
  return out;
}

// The printed form of a metadata title: a heading (else any short line) of
// the page equal to one of its variants; "" when none is printed.
std::string printed_title(const std::vector<std::string>& candidates,
                          const html::RenderedPage& page) {
  for (int pass = 0; pass < 2; ++pass) {
    for (const std::string& c : candidates) {
      for (const std::string& v : title_variants(c)) {
        if (word_count(v) < 2 && pass == 0) continue;
        const std::string want = comparable(v);
        if (want.empty()) continue;
        for (const html::Block& b : page.blocks) {
          if (b.text.size() > 400) continue;
          if ((pass == 0 && b.heading == 0) || (b.flags & (html::kInNav | html::kInFooter))) {
            continue;
          }
          if (comparable(b.text) == want) return b.text;
        }
      }
    }
  }
  return "";
}

std::string choose_title(const PageMetadata& meta, const html::RenderedPage& page,
                         const std::string& h1, const std::optional<Article>& printed) {
  std::vector<std::string> candidates;
  if (!meta.ld.headline.empty()) candidates.push_back(meta.ld.headline);
  for (const char* k : kTitleKeys) {
    if (!meta.first(k).empty()) candidates.push_back(meta.first(k));
  }
  if (!meta.title_tag.empty()) candidates.push_back(meta.title_tag);
  const std::string shown = printed_title(candidates, page);
  if (!shown.empty()) return shown;
  if (!h1.empty()) return h1;
  if (!candidates.empty()) {
    const std::vector<std::string> v = title_variants(candidates.front());
    return v.size() > 1 && word_count(v[1]) >= 3 ? v[1] : v[0];
  }
  return printed ? printed->title : "";
}

bool is_url_like(std::string_view s) {
  return starts_with(s, "http://") || starts_with(s, "https://") || starts_with(s, "www.") ||
         s.find('/') != std::string_view::npos || s.find('@') == 0;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A name from metadata, or "" when it is not a person's: a URL, a handle,
// a desk, an organisation or the publisher.
std::string person_name(std::string_view raw, const std::vector<std::string>& publishers) {
  std::string s = collapse_whitespace(raw);
  if (const auto rest = clean::strip_byline_lead(s)) s = collapse_whitespace(*rest);
  if (s.empty() || s.size() > kMaxNameBytes || is_url_like(s) || has_digit(s)) return "";
  if (clean::is_desk(s) || clean::is_org_name(s)) return "";
  const std::string c = comparable(s);
  for (const std::string& p : publishers) {
    if (!p.empty() && (comparable(p) == c || icontains(p, c))) return "";
  }
  if (word_count(s) > 5) return "";
  return clean::name_case(s);
}

// Splits "A and B", "A, B", "A & B", "A; B" into names.
std::vector<std::string> split_names(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  const std::string t = " " + s + " ";
  for (size_t i = 0; i < t.size();) {
    size_t skip = 0;
    for (const char* sep : {" and ", " & ", ",", ";", " | ", " with "}) {
      if (t.compare(i, std::string(sep).size(), sep) == 0) skip = std::string(sep).size();
    }
    if (skip > 0) {
      out.push_back(cur);
      cur.clear();
      i += skip;
      continue;
    }
    cur += t[i++];
  }
  out.push_back(cur);
  return out;
}

std::vector<std::string> clean_names(const std::vector<std::string>& raw,
                                     const std::vector<std::string>& publishers) {
  std::vector<std::string> out;
  for (const std::string& r : raw) {
    for (const std::string& part : split_names(r)) {
      const std::string name = person_name(part, publishers);
      if (name.empty()) continue;
      const bool dup = std::any_of(out.begin(), out.end(), [&](const std::string& o) {
        return comparable(o) == comparable(name);
      });
      if (!dup) out.push_back(name);
    }
  }
  return out;
}

std::vector<std::string> choose_authors(const PageMetadata& meta,
                                        const std::optional<Article>& printed,
                                        const std::vector<std::string>& publishers) {
  std::vector<std::string> names = clean_names(meta.ld.authors, publishers);
  if (!names.empty()) return names;
  for (const char* k : kAuthorKeys) {
    const auto it = meta.meta.find(k);
    if (it == meta.meta.end()) continue;
    names = clean_names(it->second, publishers);
    if (!names.empty()) return names;
  }
  return printed ? printed->authors : std::vector<std::string>{};
}

int digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return -1;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// ISO 8601 as metadata writes it ("2016-12-09T09:13:00.000Z",
// "2016-12-09T04:13:00-05:00", "2016-12-09") -> "YYYY-MM-DDTHH:MM:SSZ" in
// UTC when it has a time and a zone, else "YYYY-MM-DD"; other forms go
// through clean::find_date. "" when no date is found.
std::string metadata_date(std::string_view raw) {
  const std::string_view s = trim_view(raw);
  clean::PageDate d;
  d.year = digits(s, 0, 4);
  d.month = digits(s, 5, 2);
  d.day = digits(s, 8, 2);
  const bool iso = d.year > 1900 && s.size() >= 10 && s[4] == '-' && s[7] == '-' && d.month >= 1 &&
                   d.month <= 12 && d.day >= 1 && d.day <= 31;
  if (!iso) {
    const std::optional<clean::PageDate> found = clean::find_date(s);
    if (!found) return "";
    clean::PageDate f = *found;
    if (f.zone.kind == clean::Zone::Kind::kNone) f.has_time = false;
    return clean::to_iso8601(f, clean::Zone{});
  }
  if (s.size() >= 16 && (s[10] == 'T' || s[10] == ' ') && digits(s, 11, 2) >= 0 && s[13] == ':') {
    d.hour = digits(s, 11, 2);
    d.minute = digits(s, 14, 2);
    size_t i = 16;
    if (i < s.size() && s[i] == ':' && digits(s, i + 1, 2) >= 0) {
      d.second = digits(s, i + 1, 2);
      i += 3;
    }
    while (i < s.size() && (s[i] == '.' || (s[i] >= '0' && s[i] <= '9'))) ++i;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
      d.has_time = true;
      d.zone = {clean::Zone::Kind::kFixed, 0};
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      const int hh = digits(s, i + 1, 2);
      const int mm = digits(s, i + (s.size() > i + 3 && s[i + 3] == ':' ? 4 : 3), 2);
      if (hh >= 0) {
        d.has_time = true;
        const int off = hh * 60 + std::max(mm, 0);
        d.zone = {clean::Zone::Kind::kFixed, s[i] == '-' ? -off : off};
      }
    }
  }
  return clean::to_iso8601(d, clean::Zone{});
}

std::string choose_date(const PageMetadata& meta, const std::optional<Article>& printed) {
  for (const std::string& raw : {meta.ld.date_published}) {
    const std::string d = metadata_date(raw);
    if (!d.empty()) return d;
  }
  for (const char* k : kDateKeys) {
    const std::string d = metadata_date(meta.first(k));
    if (!d.empty()) return d;
  }
  if (const std::string d = metadata_date(meta.time_published); !d.empty()) return d;
  return printed ? printed->published : "";
}

// Tags from metadata; those that are places go to `places`.
void choose_labels(const PageMetadata& meta, const std::optional<Article>& printed, Article* a) {
  a->section = meta.ld.section;
  if (a->section.empty()) a->section = first_meta(meta, kSectionKeys);
  if (a->section.empty() && printed) a->section = printed->section;
  std::vector<std::string> tags = meta.ld.keywords;
  for (const char* k : kTagKeys) {
    if (!tags.empty()) break;
    const auto it = meta.meta.find(k);
    if (it == meta.meta.end()) continue;
    for (const std::string& v : it->second) {
      for (const std::string& part : split_names(v)) {
        const std::string t = collapse_whitespace(part);
        if (!t.empty()) tags.push_back(t);
      }
    }
  }
  if (tags.empty() && printed) {
    tags = printed->tags;
    a->places = printed->places;
  }
  for (const std::string& t : tags) {
    if (t.size() > 100 || comparable(t) == comparable(a->section)) continue;
    std::vector<std::string>& list = clean::is_place(t) ? a->places : a->tags;
    if (std::find(list.begin(), list.end(), t) == list.end()) list.push_back(t);
  }
}

std::string resolve_url(const std::string& href, const std::string& base) {
  if (href.empty() || starts_with(href, "http://") || starts_with(href, "https://")) return href;
  const size_t scheme = base.find("://");
  if (scheme == std::string::npos) return href;
  if (starts_with(href, "//")) return base.substr(0, scheme + 1) + href;
  if (href[0] != '/') return href;
  const size_t host_end = base.find('/', scheme + 3);
  return base.substr(0, host_end) + href;
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::optional<Article> read_printed(const html::RenderedPage& page) {
  try {
    return clean_page(html::page_text(page));
  } catch (const ArticleError&) {
    return std::nullopt;
  }
}

std::string choose_dek(const PageMetadata& meta, const html::RenderedPage& page,
                       const std::vector<std::string>& body) {
  std::string d = meta.ld.description;
  if (d.empty()) d = meta.first("og:description");
  if (d.empty()) d = meta.first("description");
  const std::string want = comparable(d);
  if (want.empty() || (!body.empty() && comparable(body.front()) == want)) return "";
  for (const html::Block& b : page.blocks) {
    if (comparable(b.text) == want) return b.text;
  }
  return "";
}

}  // namespace

Article clean_html(std::string_view bytes, const HtmlSource& source) {
  if (looks_binary(bytes)) throw ArticleError("not an article: not HTML (binary data)");
  const html::DecodedPage decoded = html::decode_page(bytes, source.content_type);
  const html::Tree tree = html::parse_html(decoded.text);
  if (tree.root() == nullptr) throw ArticleError("not an article: empty page");
  const PageMetadata meta = html::read_metadata(tree.root());
  const html::RenderedPage page = html::render_page(tree.root());
  if (page.blocks.empty()) throw ArticleError("not an article: empty page");
  const std::optional<Article> printed = read_printed(page);

  Article a;
  a.source = meta.ld.publisher;
  if (a.source.empty()) a.source = first_meta(meta, kSourceKeys);
  if (a.source.empty() && printed) a.source = printed->source;
  const std::vector<std::string> publishers{a.source, meta.ld.publisher,
                                            meta.first("og:site_name")};
  a.authors = choose_authors(meta, printed, publishers);
  html::Body body = html::extract_body(page, html::BodyHints{"", a.authors});
  a.title = choose_title(meta, page, body.headline, printed);
  body = html::extract_body(page, html::BodyHints{a.title, a.authors});
  if (body.paragraphs.empty()) throw ArticleError("not an article: " + body.reason);
  if (a.title.empty()) throw ArticleError("not an article: no headline found");
  for (const std::string& p : body.paragraphs) {
    if (!a.body.empty()) a.body += "\n\n";
    a.body += p;
  }
  a.caption = body.caption;
  a.dek = choose_dek(meta, page, body.paragraphs);
  a.published = choose_date(meta, printed);
  choose_labels(meta, printed, &a);
  a.url = resolve_url(meta.canonical, source.url);
  if (a.url.empty()) a.url = meta.first("og:url");
  if (a.url.empty()) a.url = source.url;
  std::string language = meta.ld.language.empty() ? meta.html_lang : meta.ld.language;
  if (!language.empty()) a.extra["language"] = json_string(language);
  if (!source.fetched.empty()) a.extra["fetched"] = json_string(source.fetched);
  a.id = page_id(a);
  return a;
}

}  // namespace news
