#include "clean/cleaner.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "clean/byline.h"
#include "clean/dates.h"
#include "clean/page.h"
#include "clean/page_id.h"
#include "clean/tables.h"
#include "clean/text_util.h"
#include "text/text.h"

namespace news {
namespace {

using clean::Line;
using clean::LineKind;

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
// Non-prose lines tolerated between two paragraphs of one story (in-body
// sub-headings and related links); a longer run is a list, not the story.
constexpr std::size_t kMaxGap = 3;
constexpr std::size_t kHeaderLookBack = 60;
constexpr std::size_t kHeaderProseLines = 4;
constexpr std::size_t kTitleSteps = 12;
constexpr std::size_t kMaxHeaderLine = 200;
constexpr std::size_t kMaxEyebrows = 3;
constexpr std::size_t kMaxLabelBytes = 50;
constexpr std::size_t kListLookAhead = 80;

enum class HeaderKind { kNone, kByline, kDesk, kDate };

// The run of paragraphs that holds the story: line indices, inclusive.
struct Span {
  std::size_t begin = kNone;
  std::size_t end = kNone;
  std::size_t chars = 0;
};

struct Header {
  std::size_t anchor = kNone;      // first byline/date line
  std::size_t body_start = kNone;  // first paragraph after the header
};

struct Page {
  Page() = default;
  Page(const Page&) = delete;  // `lines` refers into `classified`
  Page& operator=(const Page&) = delete;

  clean::PageLines classified;
  std::vector<Line>& lines = classified.lines;
  Span story;
  Header header;
  std::size_t title = kNone;
  std::size_t dek = kNone;
  std::size_t body_end = kNone;  // last line index of the body
};

bool is_skippable(const Line& line) {
  return line.kind == LineKind::kBlank || line.kind == LineKind::kBoilerplate ||
         line.kind == LineKind::kCaption || line.kind == LineKind::kCredit;
}

bool closes_story(const Line& line) {
  return line.kind != LineKind::kBlank &&
         (clean::is_end_marker(line.lower) || clean::is_credit_line(line.lower));
}

std::vector<Span> find_spans(const std::vector<Line>& lines) {
  std::vector<Span> spans;
  Span cur;
  std::size_t gap = 0;
  auto close = [&] {
    if (cur.begin != kNone) spans.push_back(cur);
    cur = Span{};
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (closes_story(line)) {
      close();
    } else if (line.kind == LineKind::kProse) {
      if (cur.begin != kNone && gap > kMaxGap) close();
      if (cur.begin == kNone) cur.begin = i;
      cur.end = i;
      cur.chars += line.text.size();
      gap = 0;
    } else if (line.kind == LineKind::kText) {
      ++gap;
    }
  }
  close();
  return spans;
}

Span find_story(const std::vector<Line>& lines) {
  Span best;
  for (const Span& s : find_spans(lines)) {
    if (best.begin == kNone || s.chars > best.chars) best = s;
  }
  return best;
}

HeaderKind header_kind(const Line& line) {
  if (line.kind != LineKind::kText || line.text.size() > kMaxHeaderLine) {
    return HeaderKind::kNone;
  }
  if (auto rest = clean::strip_byline_lead(line.text)) {
    if (rest->empty()) return HeaderKind::kByline;
    clean::BylineParts parts;
    clean::add_byline_text(*rest, &parts);
    if (!parts.authors.empty() || !parts.org.empty()) return HeaderKind::kByline;
  }
  if (line.words <= 5 && clean::is_desk(line.text)) return HeaderKind::kDesk;
  if (auto d = clean::find_date(line.text)) {
    if (d->other_words <= 3) return HeaderKind::kDate;
  }
  return HeaderKind::kNone;
}

bool is_separator(std::string_view lower) {
  return lower == "," || lower == "and" || lower == "&" || lower == ";";
}

bool is_byline_continuation(const Line& line) {
  if (is_separator(line.lower)) return true;
  if (line.kind != LineKind::kText || line.text.size() > 80) return false;
  return clean::is_name_shaped(clean::undouble(line.text)) ||
         clean::find_publisher_exact(line.text) != nullptr || clean::is_desk(line.text);
}

bool header_above(const std::vector<Line>& lines, std::size_t j, std::size_t lo,
                  std::size_t reach) {
  for (std::size_t k = j; k-- > lo && j - k <= reach;) {
    const HeaderKind kind = header_kind(lines[k]);
    if (kind != HeaderKind::kNone) return true;
  }
  return false;
}

// Walks up from the last header line over the byline block.
std::size_t find_anchor(const std::vector<Line>& lines, std::size_t last, std::size_t lo) {
  std::size_t anchor = last;
  for (std::size_t j = last; j-- > lo;) {
    const Line& line = lines[j];
    if (is_skippable(line)) continue;
    if (header_kind(line) != HeaderKind::kNone || is_byline_continuation(line)) {
      anchor = j;
      continue;
    }
    if (line.kind == LineKind::kProse || !header_above(lines, j, lo, 4)) break;
  }
  while (anchor < last && header_kind(lines[anchor]) == HeaderKind::kNone) {
    ++anchor;
  }
  return anchor;
}

std::size_t nth_prose(const std::vector<Line>& lines, const Span& story, std::size_t n) {
  std::size_t seen = 0;
  for (std::size_t i = story.begin; i <= story.end; ++i) {
    if (lines[i].kind == LineKind::kProse && ++seen == n) return i;
  }
  return story.end;
}

Header find_header(const std::vector<Line>& lines, const Span& story) {
  Header h;
  const std::size_t lo = story.begin > kHeaderLookBack ? story.begin - kHeaderLookBack : 0;
  const std::size_t hi = nth_prose(lines, story, kHeaderProseLines);
  std::size_t last = kNone;
  for (std::size_t i = lo; i < hi; ++i) {
    if (header_kind(lines[i]) != HeaderKind::kNone) last = i;
  }
  if (last == kNone) return h;
  for (std::size_t i = last + 1; i <= story.end; ++i) {
    if (lines[i].kind == LineKind::kProse) {
      h.body_start = i;
      break;
    }
  }
  if (h.body_start == kNone) return h;
  h.anchor = find_anchor(lines, last, lo);
  return h;
}

// The headline above `from`; a sentence-shaped line on the way is the dek.
void find_title(Page& page, std::size_t from) {
  std::size_t steps = 0;
  for (std::size_t j = from; j-- > 0 && steps < kTitleSteps;) {
    const Line& line = page.lines[j];
    if (line.kind == LineKind::kBlank) continue;
    ++steps;
    if (is_skippable(line) || clean::is_date_label(line.lower)) continue;
    if (line.kind == LineKind::kProse) {
      if (page.dek == kNone && line.text.size() <= 400) page.dek = j;
      continue;
    }
    if (line.words >= 2 && line.text.size() <= 300 && header_kind(line) == HeaderKind::kNone) {
      page.title = j;
      return;
    }
  }
  if (page.dek != kNone) {
    page.title = page.dek;
    page.dek = kNone;
  }
}

std::string join_paragraphs(const std::vector<std::string_view>& paras) {
  std::string body;
  for (std::string_view p : paras) {
    if (!body.empty()) body += "\n\n";
    body.append(p.data(), p.size());
  }
  return body;
}

std::vector<std::string_view> collect_body(Page& page) {
  std::vector<std::string_view> paras;
  std::vector<std::size_t> where;
  for (std::size_t i = page.header.body_start; i <= page.story.end; ++i) {
    const Line& line = page.lines[i];
    if (closes_story(line)) break;
    if (line.kind != LineKind::kProse) continue;
    paras.push_back(line.text);
    where.push_back(i);
  }
  while (paras.size() > 1 && clean::is_promo(page.lines[where.back()].lower)) {
    paras.pop_back();
    where.pop_back();
  }
  page.body_end = where.empty() ? page.story.end : where.back();
  return paras;
}

// ---- byline, dates and publisher -------------------------------------

clean::BylineParts parse_byline(const Page& page) {
  clean::BylineParts parts;
  bool in_byline = false;
  for (std::size_t i = page.header.anchor; i < page.header.body_start; ++i) {
    const Line& line = page.lines[i];
    if (line.kind == LineKind::kBlank) continue;
    const HeaderKind kind = header_kind(line);
    if (kind == HeaderKind::kByline) {
      clean::add_byline_text(*clean::strip_byline_lead(line.text), &parts);
    } else if (kind == HeaderKind::kDesk) {
      if (parts.org.empty()) parts.org = clean::collapse_spaces(line.text);
    } else if (kind == HeaderKind::kNone && !(in_byline && is_byline_continuation(line))) {
      in_byline = false;
      continue;
    } else if (kind == HeaderKind::kNone) {
      clean::add_byline_text(line.text, &parts);
    }
    in_byline = true;
  }
  return parts;
}

struct DateChoice {
  std::optional<clean::PageDate> first_published, published, plain, updated;
};

void consider_date(const Line& line, DateChoice* c) {
  auto d = clean::find_date(line.text);
  if (!d) return;
  auto& slot = line.lower.find("first published") != std::string::npos ? c->first_published
               : line.lower.find("published") != std::string::npos ||
                       line.lower.find("posted") != std::string::npos
                   ? c->published
               : line.lower.find("updated") != std::string::npos ||
                       line.lower.find("modified") != std::string::npos
                   ? c->updated
                   : c->plain;
  if (!slot) slot = d;
}

std::optional<clean::PageDate> choose_date(const Page& page) {
  DateChoice c;
  if (page.header.anchor != kNone) {
    for (std::size_t i = page.header.anchor; i < page.header.body_start; ++i) {
      const HeaderKind kind = header_kind(page.lines[i]);
      if (kind == HeaderKind::kDate || kind == HeaderKind::kByline) {
        consider_date(page.lines[i], &c);
      }
    }
  }
  DateChoice elsewhere;
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    if (i >= page.story.begin && i <= page.story.end) continue;
    const Line& line = page.lines[i];
    if (line.text.size() <= kMaxHeaderLine &&
        line.lower.find("first published") != std::string::npos) {
      consider_date(line, &elsewhere);
    }
  }
  for (auto* d :
       {&elsewhere.first_published, &c.first_published, &c.published, &c.plain, &c.updated}) {
    if (*d) return *d;
  }
  return std::nullopt;
}

bool outside_body(const Page& page, std::size_t i) {
  return i < page.header.body_start || i > page.body_end;
}

// "CNNMoney (New York) First published ...": the outlet signing off.
const clean::Publisher* sign_off_publisher(const Page& page) {
  for (std::size_t i = page.body_end + 1; i < page.lines.size(); ++i) {
    const Line& line = page.lines[i];
    if (line.text.size() > kMaxHeaderLine || line.lower.find("published") == std::string::npos) {
      continue;
    }
    const std::size_t paren = line.text.find(" (");
    if (paren == std::string_view::npos) continue;
    if (auto* p = clean::find_publisher_exact(line.text.substr(0, paren))) {
      return p;
    }
  }
  return nullptr;
}

bool is_copyright(const Line& line) {
  return line.text.size() <= 400 && (line.text.find("\xC2\xA9") != std::string_view::npos ||
                                     line.lower.find("copyright") != std::string::npos);
}

const clean::Publisher* most_mentioned(const Page& page) {
  const clean::Publisher* best = nullptr;
  std::size_t best_count = 0;
  for (auto* p = clean::publishers_begin(); p != clean::publishers_end(); ++p) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < page.lines.size(); ++i) {
      const Line& line = page.lines[i];
      if (!outside_body(page, i) || line.text.size() > 300 || line.kind == LineKind::kCaption ||
          line.kind == LineKind::kCredit) {
        continue;
      }
      bool hit = false;
      clean::for_each_alias(
          *p, [&](std::string_view alias) { hit = hit || clean::contains_word(line.text, alias); });
      count += hit;
    }
    if (count > best_count) best = p, best_count = count;
  }
  return best;
}

// The site's own publisher: sign-off, copyright line, then most mentioned.
const clean::Publisher* site_publisher(const Page& page) {
  if (auto* p = sign_off_publisher(page)) return p;
  for (std::size_t i = page.lines.size(); i-- > 0;) {
    if (!outside_body(page, i) || !is_copyright(page.lines[i])) continue;
    if (auto* p = clean::find_publisher_mention(page.lines[i].text)) return p;
  }
  return most_mentioned(page);
}

// "© 2017 Foo Media Group Limited. All rights reserved." -> "Foo Media Group
// Limited", for sites not in the table.
std::string copyright_owner(const Page& page) {
  for (std::size_t i = page.lines.size(); i-- > 0;) {
    const Line& line = page.lines[i];
    if (!outside_body(page, i) || !is_copyright(line)) continue;
    std::string owner;
    for (std::string_view w : clean::split_words(line.text)) {
      if (w == "\xC2\xA9" || clean::iequals(w, "copyright") || clean::is_ascii_digit(w[0]) ||
          (owner.empty() && w == "-")) {
        if (!owner.empty()) break;
        continue;
      }
      const bool stop = w.back() == '.' || w.back() == ',' || w.back() == '|';
      if (!owner.empty()) owner += ' ';
      owner.append(w.data(), stop ? w.size() - 1 : w.size());
      if (stop) break;
    }
    if (!owner.empty() && clean::count_words(owner) <= 6) return owner;
  }
  return {};
}

// "WASHINGTON (Reuters) - ...": the agency named in the dateline.
std::string dateline_agency(std::string_view first_paragraph) {
  const std::string_view head = first_paragraph.substr(0, 80);
  const std::size_t open = head.find('(');
  const std::size_t close = head.find(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    return {};
  }
  const std::string_view inside = head.substr(open + 1, close - open - 1);
  const clean::Publisher* p = clean::find_publisher_exact(inside);
  return p && p->agency ? std::string(clean::trim(inside)) : std::string();
}

// ---- section, tags and places -----------------------------------------

bool is_label(const Line& line) {
  return line.kind == LineKind::kText && line.text.size() <= kMaxLabelBytes && line.words <= 6 &&
         !clean::find_date(line.text);
}

bool is_bullet(std::string_view text) {
  return clean::starts_with(text, "\xE2\x80\xA2") || clean::starts_with(text, "- ") ||
         clean::starts_with(text, "* ");
}

// Short labels right above the headline ("Politics", "Asia"); a longer run
// is a navigation list and gives nothing.
std::vector<std::string> eyebrow_labels(const Page& page) {
  std::vector<std::string> labels;
  for (std::size_t j = page.title; j-- > 0;) {
    const Line& line = page.lines[j];
    if (line.kind == LineKind::kBlank || clean::is_date_label(line.lower)) {
      continue;
    }
    if (!is_label(line) || is_bullet(line.text) || header_kind(line) != HeaderKind::kNone ||
        clean::find_publisher_exact(line.text)) {
      break;
    }
    if (labels.size() == kMaxEyebrows) return {};
    labels.insert(labels.begin(), clean::collapse_spaces(line.text));
  }
  return labels;
}

// "PoliticsTariffs and trade" -> "Politics", "Tariffs and trade".
std::vector<std::string> split_run_together(const std::string& label) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 1; i < label.size(); ++i) {
    if (!clean::is_ascii_lower(label[i - 1]) || !clean::is_ascii_upper(label[i]) || i - start < 3) {
      continue;
    }
    std::size_t word_start = label.rfind(' ', i);
    word_start = word_start == std::string::npos ? 0 : word_start + 1;
    std::size_t word_end = label.find(' ', i);
    if (word_end == std::string::npos) word_end = label.size();
    if (clean::is_camel_brand(label.substr(word_start, word_end - word_start)) ||
        word_end - i < 3) {
      continue;
    }
    parts.push_back(label.substr(start, i - start));
    start = i;
  }
  parts.push_back(label.substr(start));
  return parts;
}

// Breadcrumbs "News > World" and run-together links become separate labels.
std::vector<std::string> split_labels(const std::vector<std::string>& raw) {
  std::vector<std::string> out;
  for (const std::string& label : raw) {
    std::string_view rest = label;
    while (!rest.empty()) {
      std::size_t cut = std::string_view::npos, len = 0;
      for (std::string_view sep : {" > ", " / ", " | ", " \xE2\x80\xBA ", " \xC2\xBB "}) {
        const std::size_t at = rest.find(sep);
        if (at < cut) cut = at, len = sep.size();
      }
      const std::string piece(clean::trim(rest.substr(0, cut)));
      if (!piece.empty() && !clean::iequals(piece, "home")) {
        for (std::string& p : split_run_together(piece)) out.push_back(p);
      }
      if (cut == std::string_view::npos) break;
      rest.remove_prefix(cut + len);
    }
  }
  return out;
}

void add_unique(std::vector<std::string>* list, const std::string& value) {
  for (const std::string& v : *list) {
    if (clean::lower_ascii(v) == clean::lower_ascii(value)) return;
  }
  list->push_back(value);
}

// Labels after a "Related Topics" / "Tags" heading.
std::vector<std::string> topic_list(const Page& page) {
  std::vector<std::string> out;
  const std::size_t end = std::min(page.lines.size(), page.body_end + kListLookAhead);
  for (std::size_t i = page.body_end + 1; i < end; ++i) {
    if (!clean::is_topic_heading(page.lines[i].lower)) continue;
    for (std::size_t k = i + 1; k < page.lines.size() && out.size() < 15; ++k) {
      const Line& line = page.lines[k];
      if (line.kind == LineKind::kBlank && out.empty()) continue;
      if (!is_label(line) || clean::is_end_marker(line.lower)) break;
      out.push_back(clean::collapse_spaces(line.text));
    }
    if (!out.empty()) break;
  }
  return out;
}

bool is_share_bar(const std::vector<Line>& lines, std::size_t i) {
  return i + 1 < lines.size() && clean::is_share_word(lines[i].lower) &&
         clean::is_share_word(lines[i + 1].lower);
}

// Tag links printed right above a share bar, after the story.
std::vector<std::string> labels_before_share_bar(const Page& page) {
  const std::size_t end = std::min(page.lines.size(), page.body_end + kListLookAhead);
  for (std::size_t i = page.body_end + 1; i < end; ++i) {
    if (!is_share_bar(page.lines, i)) continue;
    std::vector<std::string> out;
    std::size_t k = i;
    while (k-- > page.body_end + 1 && is_label(page.lines[k]) &&
           !clean::is_end_marker(page.lines[k].lower)) {
      if (out.size() == 6) return {};
      out.insert(out.begin(), clean::collapse_spaces(page.lines[k].text));
    }
    const bool fenced = k <= page.body_end || is_skippable(page.lines[k]);
    return fenced ? out : std::vector<std::string>();
  }
  return {};
}

// "Follow CNN Politics" names the section when no eyebrow does.
std::string section_from_follow(const Page& page) {
  for (const Line& line : page.lines) {
    if (line.text.size() > kMaxLabelBytes || !clean::starts_with(line.text, "Follow ")) {
      continue;
    }
    const std::string_view rest = line.text.substr(7);
    const std::size_t space = rest.find(' ');
    if (space == std::string_view::npos) continue;
    if (clean::find_publisher_exact(rest.substr(0, space))) {
      return std::string(clean::trim(rest.substr(space + 1)));
    }
  }
  return {};
}

void fill_labels(const Page& page, Article& a) {
  for (const std::string& label : split_labels(eyebrow_labels(page))) {
    if (clean::is_place(label)) {
      add_unique(&a.places, label);
    } else if (a.section.empty()) {
      a.section = label;
    } else {
      add_unique(&a.tags, label);
    }
  }
  if (a.section.empty()) a.section = section_from_follow(page);
  std::vector<std::string> topics = topic_list(page);
  if (topics.empty()) topics = labels_before_share_bar(page);
  for (const std::string& label : topics) {
    add_unique(clean::is_place(label) ? &a.places : &a.tags, label);
  }
}

// ---- assembly -------------------------------------------------------------

[[noreturn]] void reject(const std::string& reason) {
  throw ArticleError("not an article: " + reason);
}

// Finds the story, its header and its headline, or rejects the page.
void read_page(std::string_view text, Page& page) {
  clean::classify_lines(text, &page.classified);
  const bool empty = std::all_of(page.lines.begin(), page.lines.end(),
                                 [](const Line& l) { return l.text.empty(); });
  if (empty) reject("empty page");
  page.story = find_story(page.lines);
  if (page.story.begin == kNone) reject("no body text found");
  page.header = find_header(page.lines, page.story);
  if (page.header.anchor != kNone) {
    find_title(page, page.header.anchor);
    if (page.title == kNone) reject("no headline found");
    return;
  }
  // No byline or date: accept a plain page (headline, then paragraphs).
  page.header.body_start = page.story.begin;
  find_title(page, page.story.begin);
  if (page.title == kNone || page.story.chars < 200) {
    reject("no byline or date found");
  }
}

std::string find_url(const Page& page) {
  for (const Line& line : page.lines) {
    std::string_view t = line.text;
    if (clean::istarts_with(t, "url:")) t = clean::trim(t.substr(4));
    if ((clean::starts_with(t, "https://") || clean::starts_with(t, "http://")) && t.size() < 500 &&
        t.find(' ') == std::string_view::npos) {
      return std::string(t);
    }
  }
  return {};
}

void fill_caption(const Page& page, Article& a) {
  const std::size_t from = page.title == kNone ? 0 : page.title;
  for (std::size_t i = from; i < page.header.body_start; ++i) {
    const Line& line = page.lines[i];
    if (line.kind != LineKind::kCaption) continue;
    a.caption = std::string(line.caption);
    std::string credit = clean::collapse_spaces(line.credit);
    for (std::size_t k = i + 1; credit.empty() && k < page.header.body_start; ++k) {
      const Line& next = page.lines[k];
      if (next.kind == LineKind::kCaption && next.caption == line.caption) {
        credit = clean::collapse_spaces(next.credit);
      }
    }
    if (!credit.empty()) a.extra["caption_credit"] = nlohmann::json(credit).dump();
    return;
  }
}

std::string choose_source(const Page& page, const clean::BylineParts& byline,
                          const std::string& first_paragraph, const clean::Publisher* site) {
  if (!byline.org.empty()) return byline.org;
  std::string agency = dateline_agency(first_paragraph);
  if (!agency.empty()) return agency;
  if (site) return std::string(site->name);
  return copyright_owner(page);
}

void fill_meta(const Page& page, Article& a) {
  clean::BylineParts byline;
  if (page.header.anchor != kNone) byline = parse_byline(page);
  a.authors = byline.authors;
  const clean::Publisher* site = site_publisher(page);
  const std::string first = a.body.substr(0, a.body.find("\n\n"));
  a.source = choose_source(page, byline, first, site);
  if (auto d = choose_date(page)) {
    clean::Zone home{site ? site->home_zone : clean::Zone::Kind::kUsEastern, 0};
    a.published = clean::to_iso8601(*d, home);
  }
}

}  // namespace

Article clean_page(std::string_view text) {
  const std::string clean_text = clean::sanitize_utf8(text);
  Page page;
  read_page(clean_text, page);
  Article a;
  const std::vector<std::string_view> paras = collect_body(page);
  if (paras.empty()) reject("no body text found");
  a.body = join_paragraphs(paras);
  a.title = clean::collapse_spaces(page.lines[page.title].text);
  if (page.dek != kNone) a.dek = clean::collapse_spaces(page.lines[page.dek].text);
  fill_meta(page, a);
  fill_labels(page, a);
  fill_caption(page, a);
  a.url = find_url(page);
  a.id = page_id(a);
  return a;
}

}  // namespace news
