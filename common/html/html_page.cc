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

using html::count_words;
using html::icontains;
using html::PageMetadata;
using html::starts_with;
using html::trim;

constexpr size_t kSniffBytes = 4096;
constexpr size_t kMaxNameBytes = 80;
constexpr uint32_t kMaxBylineLines = 6;

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
        if (count_words(v) < 2 && pass == 0) continue;
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
    return v.size() > 1 && count_words(v[1]) >= 3 ? v[1] : v[0];
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
  // One word ("mikecason", "Staff") is a handle or a desk, not a byline.
  s = clean::undouble(s);
  if (count_words(s) > 5 || count_words(s) < 2) return "";
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

// Class/id words of the element printing the byline, and words of its
// parts that are not it (a table users can extend).
constexpr const char* kBylineWords[] = {"byline", "author", "writer", "contributor"};
constexpr const char* kNotBylineWords[] = {"bio",    "avatar", "photo",   "image", "img",
                                           "social", "follow", "title",   "desc",  "about",
                                           "more",   "other",  "related", "box",   "info"};
// Paths of author pages, for links inside a byline.
constexpr const char* kAuthorPaths[] = {"/author/",     "/authors/", "/people/",  "/staff/",
                                        "/by/",         "/profile/", "/writers/", "/contributors/",
                                        "/journalist/", "/reporter/"};

template <size_t N>
bool names_any(std::string_view s, const char* const (&words)[N]) {
  return std::any_of(words, words + N, [&](const char* w) { return icontains(s, w); });
}

// "Illustration by X", "Photograph by X": an image credit, not a byline.
constexpr const char* kCreditLeads[] = {"illustration", "photo",   "image",
                                        "video",        "graphic", "animation",
                                        "art by",       "styling", "produced by"};

bool is_credit_text(std::string_view text) {
  const std::string l = html::lower_ascii(text.substr(0, 40));
  return std::any_of(std::begin(kCreditLeads), std::end(kCreditLeads),
                     [&](const char* w) { return starts_with(l, w); });
}

bool is_byline_element(xmlNode* n) {
  if (html::lower_ascii(html::attribute(n, "rel")) == "author") return true;
  if (icontains(html::attribute(n, "itemprop"), "author")) return true;
  const std::string names = html::attribute(n, "class") + " " + html::attribute(n, "id");
  return names.size() > 1 && names_any(names, kBylineWords) && !names_any(names, kNotBylineWords);
}

// The text of `n` with a space between text nodes (spans glued in the
// source stay apart).
std::string spaced_text(xmlNode* n) {
  std::string out;
  html::walk(n, [&](xmlNode* c, int) {
    if (c->type == XML_TEXT_NODE && c->content != nullptr) {
      out += ' ';
      out += reinterpret_cast<const char*>(c->content);
    }
    return !html::is_element(c, "script") && !html::is_element(c, "style");
  });
  return collapse_whitespace(out);
}

// Where the names of a byline line start: after a leading "By" (also
// glued, "ByJane Doe") or after " by " among the first words ("Written by",
// "Posted on March 10, 2015 by"); npos when there is no "by".
size_t by_position(std::string_view text) {
  if (text.size() >= 3 && (text[0] == 'B' || text[0] == 'b') &&
      (text[1] == 'y' || text[1] == 'Y')) {
    const unsigned char c = static_cast<unsigned char>(text[2]);
    if (c == ' ' || c == ':' || (c >= 'A' && c <= 'Z') || c >= 0x80) return 2;
  }
  const std::string l = html::lower_ascii(text.substr(0, 80));
  const size_t at = l.find(" by ");
  return at == std::string::npos ? std::string::npos : at + 4;
}

// Name particles and separators that may be lower case inside a byline.
constexpr const char* kBylineLowerWords[] = {"and", "with", "de",    "van", "von",
                                             "da",  "del",  "della", "la",  "le",
                                             "du",  "bin",  "al",    "der", "dos"};

// The byline up to its first other lower-case word ("Jane Doe in
// Science on 1 June" -> "Jane Doe").
std::string_view names_part(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    const std::string_view word = text.substr(i, j - i);
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z' &&
        std::none_of(std::begin(kBylineLowerWords), std::end(kBylineLowerWords),
                     [&](const char* w) { return word == w; })) {
      return trim(text.substr(0, i));
    }
    i = j;
  }
  return text;
}

// The people of a byline text, as clean::add_byline_text splits it.
std::vector<std::string> byline_names(const std::string& text,
                                      const std::vector<std::string>& publishers) {
  const size_t at = by_position(text);
  std::string_view rest = text;
  if (at != std::string::npos) rest = trim(rest.substr(at));
  while (!rest.empty() && rest.front() == ':') rest = trim(rest.substr(1));
  clean::BylineParts parts;
  clean::add_byline_text(names_part(rest), &parts);
  return clean_names(parts.authors, publishers);
}

// Names printed in the page's first byline element before block `limit`:
// its author-page links, else its text read as a byline.
std::vector<std::string> printed_byline(xmlNode* root, const html::RenderedPage& page, size_t limit,
                                        const std::vector<std::string>& publishers) {
  xmlNode* found = nullptr;
  html::walk(root, [&](xmlNode* n, int) {
    if (found != nullptr || n->type != XML_ELEMENT_NODE) return false;
    const html::RenderedPage::Range r = page.range_of(n);
    if (r.begin > limit) return false;
    if ((r.flags & (html::kInNav | html::kInFooter | html::kInAside)) != 0) return false;
    if (r.end > r.begin && is_byline_element(n) && spaced_text(n).size() < 300) found = n;
    return found == nullptr;
  });
  if (found == nullptr) return {};
  std::vector<std::string> links;
  html::walk(found, [&](xmlNode* n, int) {
    if (!html::is_element(n, "a")) return true;
    const std::string href = html::attribute(n, "href");
    const bool credit = n->parent != nullptr && is_credit_text(spaced_text(n->parent));
    if (!credit && (html::lower_ascii(html::attribute(n, "rel")) == "author" ||
                    names_any(href, kAuthorPaths))) {
      links.push_back(spaced_text(n));
    }
    return false;
  });
  std::vector<std::string> names = clean_names(links, publishers);
  if (!names.empty()) return names;
  // Line by line: a byline box prints the name, then a job title or date.
  const html::RenderedPage::Range r = page.range_of(found);
  for (uint32_t i = r.begin; i < r.end && i < r.begin + kMaxBylineLines; ++i) {
    names = byline_names(page.blocks[i].text, publishers);
    if (!names.empty()) return names;
  }
  return byline_names(spaced_text(found), publishers);
}

// Names printed on a line of the page header ("By Jane Doe", "Written by
// Jane Doe in Science on 1 June 2019", "on March 10, 2015 by Jane Doe")
// between the headline and the first paragraph.
std::vector<std::string> header_byline(const html::RenderedPage& page, size_t body_begin,
                                       const std::vector<std::string>& publishers) {
  size_t from = 0;
  for (size_t i = 0; i < body_begin && i < page.blocks.size(); ++i) {
    if (page.blocks[i].heading == 1) from = i;
  }
  for (size_t i = from; i < body_begin && i < page.blocks.size(); ++i) {
    const html::Block& b = page.blocks[i];
    if (b.text.size() > 200 || (b.flags & (html::kInNav | html::kInFooter | html::kInAside))) {
      continue;
    }
    if (by_position(b.text) == std::string::npos) continue;
    std::vector<std::string> names = byline_names(b.text, publishers);
    if (!names.empty()) return names;
  }
  return {};
}

// True when `name` is printed on the page outside a copyright line.
bool printed_as_person(const std::string& name, const html::RenderedPage& page) {
  const std::string want = comparable(name);
  for (const html::Block& b : page.blocks) {
    if ((b.flags & (html::kInNav | html::kInFooter | html::kInAside)) != 0) continue;
    const std::string t = comparable(b.text);
    if (t.find(want) == std::string::npos) continue;
    if (t.find("\xC2\xA9") == std::string::npos && t.find("copyright") == std::string::npos) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> declared_authors(const PageMetadata& meta,
                                          const std::vector<std::string>& publishers) {
  std::vector<std::string> names = clean_names(meta.ld.authors, publishers);
  for (const char* k : kAuthorKeys) {
    if (!names.empty()) break;
    const auto it = meta.meta.find(k);
    if (it != meta.meta.end()) names = clean_names(it->second, publishers);
  }
  return names;
}

// Declared authors (JSON-LD, then meta tags), unless the page prints a
// byline and none of them is printed as a person (a publisher put in the
// author field, a stale template): then the printed byline.
std::vector<std::string> choose_authors(const PageMetadata& meta, xmlNode* root,
                                        const html::RenderedPage& page, size_t body_begin,
                                        const std::optional<Article>& printed,
                                        const std::vector<std::string>& publishers) {
  const std::vector<std::string> declared = declared_authors(meta, publishers);
  const std::vector<std::string> shown = printed_byline(root, page, body_begin + 3, publishers);
  const bool declared_shown =
      std::any_of(declared.begin(), declared.end(),
                  [&](const std::string& n) { return printed_as_person(n, page); });
  if (!declared.empty() && (declared_shown || shown.empty())) return declared;
  if (!shown.empty()) return shown;
  if (printed && !printed->authors.empty()) return printed->authors;
  return header_byline(page, body_begin, publishers);
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
  const std::string_view s = trim(raw);
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

// The datetime of a <time> element among the first nodes under `owner`
// (it states the zone the printed text leaves out).
std::string time_in(xmlNode* owner) {
  std::string out;
  int budget = 64;
  html::walk(owner, [&](xmlNode* n, int) {
    if (!out.empty() || --budget < 0) return false;
    if (html::is_element(n, "time")) out = metadata_date(html::attribute(n, "datetime"));
    return true;
  });
  return out;
}

// A date printed in the page header: on a line between the headline and
// the first paragraph (or just above the headline), read by
// clean::find_date; a time without a zone gives the date only.
std::string header_date(const html::RenderedPage& page, size_t body_begin) {
  size_t headline = body_begin;
  for (size_t i = 0; i < body_begin && i < page.blocks.size(); ++i) {
    if (page.blocks[i].heading == 1) headline = i;
  }
  const size_t from = headline >= 3 ? headline - 3 : 0;
  for (size_t i = from; i <= body_begin + 1 && i < page.blocks.size(); ++i) {
    const html::Block& b = page.blocks[i];
    if (b.text.size() > 200 || (b.flags & (html::kInNav | html::kInFooter | html::kInAside))) {
      continue;
    }
    std::optional<clean::PageDate> d = clean::find_date(b.text);
    if (!d) continue;
    if (const std::string t = time_in(b.owner); !t.empty()) return t;
    if (d->zone.kind == clean::Zone::Kind::kNone) d->has_time = false;
    return clean::to_iso8601(*d, clean::Zone{});
  }
  return "";
}

std::string choose_date(const PageMetadata& meta, const html::RenderedPage& page, size_t body_begin,
                        const std::optional<Article>& printed) {
  for (const std::string& raw : {meta.ld.date_published}) {
    const std::string d = metadata_date(raw);
    if (!d.empty()) return d;
  }
  for (const char* k : kDateKeys) {
    const std::string d = metadata_date(meta.first(k));
    if (!d.empty()) return d;
  }
  if (const std::string d = metadata_date(meta.time_published); !d.empty()) return d;
  if (const std::string d = header_date(page, body_begin); !d.empty()) return d;
  return printed ? printed->published : "";
}

// Tags from metadata; those that are places go to `places`.
void choose_labels(const PageMetadata& meta, const std::optional<Article>& printed, Article* a) {
  a->section = meta.ld.section;
  if (a->section.empty()) a->section = first_meta(meta, kSectionKeys);
  if (a->section.empty() && printed && comparable(printed->section) != comparable(a->source)) {
    a->section = printed->section;
  }
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
  if (looks_binary(bytes) || bytes.substr(0, kSniffBytes).find('<') == std::string_view::npos) {
    throw ArticleError("not an article: not HTML (binary data)");
  }
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
  html::Body body = html::extract_body(page, html::BodyHints{"", {}, ""});
  a.authors = choose_authors(meta, tree.root(), page, body.first_block, printed, publishers);
  a.title = choose_title(meta, page, body.headline, printed);
  std::string description = meta.ld.description;
  if (description.empty()) description = meta.first("og:description");
  if (description.empty()) description = meta.first("description");
  body = html::extract_body(page, html::BodyHints{a.title, a.authors, description});
  if (body.paragraphs.empty()) throw ArticleError("not an article: " + body.reason);
  if (a.title.empty()) throw ArticleError("not an article: no headline found");
  for (const std::string& p : body.paragraphs) {
    if (!a.body.empty()) a.body += "\n\n";
    a.body += p;
  }
  a.caption = body.caption;
  a.dek = choose_dek(meta, page, body.paragraphs);
  a.published = choose_date(meta, page, body.first_block, printed);
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
