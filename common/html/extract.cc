#include "html/extract.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "clean/byline.h"
#include "clean/dates.h"
#include "clean/page.h"
#include "clean/tables.h"
#include "html/dom.h"
#include "html/strings.h"

namespace news {
namespace html {
namespace {

constexpr size_t kMinParagraphBytes = 25;
constexpr int kScoredLevels = 5;
constexpr uint32_t kNotBody = kInNav | kInAside | kInFooter | kInForm | kInNoscript | kUnlikely |
                              kInDialog | kInCaption | kInFigure;
// Readability's retry: when the page's article sits inside an element
// with an "unlikely" class (a layout class such as "l-sidebar-fixed"),
// the first pass finds too little and a second one ignores those classes.
constexpr size_t kRetryBelowBytes = 500;

// Class/id words of readability's weights (+25 / -25).
constexpr const char* kPositiveWords[] = {"article", "body",  "content", "entry", "hentry",
                                          "h-entry", "main",  "page",    "post",  "text",
                                          "blog",    "story", "prose"};
constexpr const char* kNegativeWords[] = {
    "-ad-",    "hidden",   "banner", "combx",    "comment", "com-",       "contact",  "foot",
    "footer",  "footnote", "gdpr",   "masthead", "media",   "meta",       "outbrain", "promo",
    "related", "scroll",   "share",  "shoutbox", "sidebar", "skyscraper", "sponsor",  "shopping",
    "tags",    "tool",     "widget", "byline",   "author",  "caption",    "nav",      "menu"};

template <size_t N>
bool names_any(std::string_view s, const char* const (&words)[N]) {
  return std::any_of(words, words + N, [&](const char* w) { return icontains(s, w); });
}

double class_weight(const xmlNode* node) {
  double w = 0;
  for (const char* attr : {"class", "id"}) {
    const std::string v = attribute(node, attr);
    if (v.empty()) continue;
    if (names_any(v, kNegativeWords)) w -= 25;
    if (names_any(v, kPositiveWords)) w += 25;
  }
  return w;
}

double tag_weight(std::string_view tag) {
  if (tag == "div" || tag == "article" || tag == "main" || tag == "section") return 5;
  if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
  if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" ||
      tag == "li" || tag == "form") {
    return -3;
  }
  if (tag.size() == 2 && tag[0] == 'h') return -5;
  if (tag == "th") return -5;
  return 0;
}

// Candidates stop below <html>: <body> itself may hold the paragraphs.
bool is_container_limit(const xmlNode* n) {
  return n == nullptr || n->type != XML_ELEMENT_NODE || is_element(n, "html");
}

double paragraph_score(const std::string& text) {
  double s = 1;
  for (char c : text) s += c == ',' ? 1 : 0;
  s += std::min<double>(text.size() / 100, 3);
  return s;
}

bool is_prose(const std::string& t);

class Scorer {
 public:
  Scorer(const RenderedPage& page, uint32_t not_body) : page_(page), not_body_(not_body) {}

  void score_paragraphs() {
    for (const Block& b : page_.blocks) {
      if ((b.flags & not_body_) != 0 || b.heading != 0 || b.text.size() < kMinParagraphBytes) {
        continue;
      }
      if (b.owner == nullptr) continue;
      // A list item counts when it reads as a sentence with few links (an
      // article written as a list), not as a menu or a list of links.
      const bool item = is_element(b.owner, "li");
      if (item && (!is_prose(b.text) || b.link_bytes * 2 > b.text.size())) continue;
      const double s = paragraph_score(b.text);
      xmlNode* a = b.owner->parent;
      for (int level = 0; level < kScoredLevels && !is_container_limit(a); ++level, a = a->parent) {
        const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        score_of(a) += s / divider;
      }
    }
  }

  double link_density(const xmlNode* n) const {
    const RenderedPage::Range r = page_.range_of(n);
    const uint64_t text = page_.text_bytes(r);
    return text == 0 ? 0 : static_cast<double>(page_.link_bytes(r)) / text;
  }

  double final_score(const xmlNode* n) const {
    const auto it = scores_.find(n);
    return it == scores_.end() ? 0 : it->second * (1 - link_density(n));
  }

  const xmlNode* top() const {
    const xmlNode* best = nullptr;
    double best_score = 0;
    for (const auto& [n, raw] : scores_) {
      const double s = final_score(n);
      if (s > best_score || (s == best_score && best != nullptr && n < best)) {
        best = n;
        best_score = s;
      }
    }
    return best;
  }

  bool scored(const xmlNode* n) const { return scores_.count(n) > 0; }

  // Every scored element, for a walk over the candidates.
  template <typename F>
  void for_each(F f) const {
    for (const auto& [n, raw] : scores_) f(n);
  }

 private:
  double& score_of(const xmlNode* n) {
    auto [it, fresh] = scores_.emplace(n, 0.0);
    if (fresh) it->second = tag_weight(tag_name(n)) + class_weight(n);
    return it->second;
  }

  const RenderedPage& page_;
  uint32_t not_body_;
  std::unordered_map<const xmlNode*, double> scores_;
};

// Readability: a parent scoring at least as well holds more of the article.
const xmlNode* climb(const Scorer& scorer, const xmlNode* top) {
  double last = scorer.final_score(top);
  const double threshold = last / 3;
  for (const xmlNode* p = top->parent; !is_container_limit(p); p = p->parent) {
    if (!scorer.scored(p)) continue;
    const double s = scorer.final_score(p);
    if (s < threshold) break;
    if (s > last) return p;
    last = s;
  }
  return top;
}

bool sentence_end(std::string_view t) {
  while (!t.empty() && (t.back() == '"' || t.back() == '\'' || t.back() == ')' ||
                        starts_with(t.substr(t.size() >= 3 ? t.size() - 3 : 0), "\xE2\x80\x9D") ||
                        starts_with(t.substr(t.size() >= 3 ? t.size() - 3 : 0), "\xE2\x80\x99"))) {
    if (t.back() == '"' || t.back() == '\'' || t.back() == ')') {
      t.remove_suffix(1);
    } else {
      t.remove_suffix(3);
    }
  }
  if (t.empty()) return false;
  const char c = t.back();
  return c == '.' || c == '!' || c == '?' || c == ':' ||
         starts_with(t.substr(t.size() >= 3 ? t.size() - 3 : 0), "\xE2\x80\xA6");
}

bool is_prose(const std::string& t) {
  const size_t words = count_words(t);
  return (words >= 4 && sentence_end(t)) || words >= 20;
}

// A sibling of the top container printing only sentences with few links
// (a lead paragraph set apart, even in an <h2>).
bool is_prose_sibling(const RenderedPage& page, const xmlNode* s) {
  const RenderedPage::Range r = page.range_of(s);
  if (r.end <= r.begin || r.end - r.begin > 3) return false;
  if ((r.flags & kNotBody) != 0) return false;
  for (uint32_t i = r.begin; i < r.end; ++i) {
    const Block& b = page.blocks[i];
    if (!is_prose(b.text) || b.link_bytes * 2 > b.text.size() || count_words(b.text) < 8) {
      return false;
    }
  }
  return true;
}

// The containers holding the article: the top candidate and the siblings
// that score like it (readability's sibling rule).
std::vector<const xmlNode*> article_containers(const RenderedPage& page, const Scorer& scorer,
                                               const xmlNode* top) {
  std::vector<const xmlNode*> out;
  const double top_score = scorer.final_score(top);
  const double threshold = std::max(10.0, top_score * 0.2);
  const std::string top_class = attribute(top, "class");
  const xmlNode* parent = top->parent;
  if (is_container_limit(parent)) return {top};
  for (const xmlNode* s = parent->children; s != nullptr; s = s->next) {
    if (s->type != XML_ELEMENT_NODE) continue;
    if (s == top) {
      out.push_back(s);
      continue;
    }
    const double bonus =
        !top_class.empty() && attribute(s, "class") == top_class ? top_score * 0.2 : 0;
    if (scorer.scored(s) && scorer.final_score(s) + bonus >= threshold) {
      out.push_back(s);
    } else if (is_prose_sibling(page, s)) {
      out.push_back(s);
    } else if (is_element(s, "p")) {
      const RenderedPage::Range r = page.range_of(s);
      const uint64_t len = page.text_bytes(r);
      const double density = scorer.link_density(s);
      if ((len > 80 && density < 0.25) ||
          (len > 0 && len <= 80 && density == 0 && r.end > r.begin &&
           sentence_end(page.blocks[r.begin].text))) {
        out.push_back(s);
      }
    }
  }
  return out;
}

// A story split into parts that repeat the top container's class (one
// block per section, with figures between): the other parts scoring well
// are the article too. Keeps document order; nested parts are dropped.
void add_split_parts(const RenderedPage& page, const Scorer& scorer, const xmlNode* top,
                     std::vector<const xmlNode*>* containers) {
  const std::string cls = attribute(top, "class");
  if (cls.empty()) return;
  const double threshold = std::max(10.0, scorer.final_score(top) * 0.1);
  std::vector<const xmlNode*> found = *containers;
  scorer.for_each([&](const xmlNode* n) {
    if (scorer.final_score(n) >= threshold && attribute(n, "class") == cls) found.push_back(n);
  });
  std::sort(found.begin(), found.end(), [&](const xmlNode* a, const xmlNode* b) {
    const RenderedPage::Range ra = page.range_of(a), rb = page.range_of(b);
    return ra.begin != rb.begin ? ra.begin < rb.begin : ra.end > rb.end;
  });
  containers->clear();
  uint32_t covered = 0;
  for (const xmlNode* n : found) {
    const RenderedPage::Range r = page.range_of(n);
    if (!containers->empty() && r.begin < covered) continue;  // inside the previous one
    containers->push_back(n);
    covered = r.end;
  }
}

bool is_boilerplate(const std::string& text) {
  const std::string l = lower_ascii(text);
  return clean::is_boilerplate_line(l) || clean::has_boilerplate_phrase(l);
}

bool is_byline(const std::string& text, const BodyHints& hints) {
  if (text.size() > 200) return false;
  if (clean::strip_byline_lead(text)) return true;
  for (const std::string& a : hints.authors) {
    if (!a.empty() && starts_with(text, a) && text.size() < a.size() + 60) return true;
  }
  return false;
}

bool is_date_line(const std::string& text) {
  if (text.size() > 120) return false;
  const std::optional<clean::PageDate> d = clean::find_date(text);
  return d && d->other_words <= 4;
}

bool is_link_text(const Block& b) { return b.link_bytes * 2 > b.text.size(); }

// How lines after a story begin: disclosures, notes, calls to action
// (a table users can extend; matched on the lower-cased line).
constexpr const char* kTrailerLeads[] = {"ftc:",
                                         "disclosure:",
                                         "disclaimer:",
                                         "note:",
                                         "editor's note:",
                                         "this article was",
                                         "this story was",
                                         "this post was",
                                         "this document is subject to copyright",
                                         "support ",
                                         "want ",
                                         "click here",
                                         "read more",
                                         "related:",
                                         "see also",
                                         "more:",
                                         "follow ",
                                         "subscribe",
                                         "sign up",
                                         "don't miss",
                                         "do you have",
                                         "have a tip",
                                         "got a tip",
                                         "share this",
                                         "the contents of this site",
                                         "(c)",
                                         "we use ",
                                         "originally published",
                                         "updated at",
                                         "updated:",
                                         "last updated",
                                         "read the full",
                                         "\xF0\x9F"};  // an emoji
// What a bio says after the name: "Jane Doe is a reporter...", "Jane Doe covers..."
constexpr const char* kBioVerbs[] = {" is a ",   " is an ",    " is the ", " covers ",
                                     " writes ", " has been ", " joined ", " reports "};

template <size_t N>
bool starts_any(std::string_view lower_text, const char* const (&leads)[N]) {
  return std::any_of(leads, leads + N, [&](const char* w) { return starts_with(lower_text, w); });
}

// "Jane Doe covers the White House.": a bio, when the line starts with a
// name (2-3 capitalised words) followed by a bio verb.
bool is_bio(const std::string& text) {
  for (const char* verb : kBioVerbs) {
    const size_t at = text.find(verb);
    if (at == std::string::npos || at > 40) continue;
    if (clean::is_name_shaped(text.substr(0, at))) return true;
  }
  return false;
}

// "© 2019 Example Corp.", "Copyright 2019 ...", "... All rights reserved.":
// not a "©" used as a joke inside a sentence.
bool is_copyright_line(const std::string& lower_text) {
  const std::string& l = lower_text;
  if (starts_with(l, "\xC2\xA9") || starts_with(l, "copyright") ||
      l.find("all rights reserved") != std::string::npos) {
    return true;
  }
  for (const char* mark : {"\xC2\xA9 1", "\xC2\xA9 2",
                           "\xC2\xA9"
                           "1",
                           "\xC2\xA9"
                           "2",
                           "copyright 1", "copyright 2", "copyright \xC2\xA9"}) {
    if (l.find(mark) != std::string::npos) return true;
  }
  return false;
}

// "You can view our June thread here.", "Check it out here.": a short line
// ending in a link on "here" sends the reader elsewhere (cnet.com's series
// promos, givewell.org's pointer to the last thread).
bool is_pointer(const Block& b) {
  constexpr size_t kMaxPointerWords = 25;
  if (!b.ends_in_link || count_words(b.text) > kMaxPointerWords) return false;
  std::string_view t = b.text;
  while (!t.empty() && !std::isalnum(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
  const std::string_view last = t.substr(t.size() >= 4 ? t.size() - 4 : 0);
  return lower_ascii(last) == "here" && (t.size() == 4 || t[t.size() - 5] == ' ');
}

// Lines after the story: credits, promos, "Follow us", bios, copyright
// lines, related-link questions.
bool is_trailer(const std::string& text, const BodyHints& hints) {
  std::string l = lower_ascii(text);
  if (!l.empty() && l[0] == '(') l.erase(0, 1);
  if (clean::is_credit_line(l) || clean::is_promo(l) || clean::is_end_marker(l)) return true;
  if (starts_any(l, kTrailerLeads) || is_bio(text)) return true;
  if (is_copyright_line(l)) return true;
  if (!l.empty() && l.back() == '?' && count_words(l) <= 12) return true;
  for (const std::string& a : hints.authors) {
    if (!a.empty() && starts_with(text, a + " is ")) return true;
  }
  return false;
}

// A photo caption or credit line ("... (Photo: X)", "... Credit: X",
// "In this photo ..."), as the text cleaner reads them.
bool is_caption_line(const std::string& text) {
  if (clean::split_caption_credit(text) || clean::is_credit_only(text)) return true;
  const std::string l = lower_ascii(text.substr(0, 40));
  return starts_with(l, "in this photo") || starts_with(l, "this photo") ||
         starts_with(l, "in this image") || starts_with(l, "file photo") ||
         icontains(text, "(credit:") || icontains(text, "(photo:");
}

// Class/id words of a standfirst, kicker or summary printed above the story
// (a table users can extend).
constexpr const char* kDekWords[] = {"dek",     "deck",    "standfirst", "subtitle",    "sub-title",
                                     "subhead", "summary", "excerpt",    "teaser",      "strapline",
                                     "tagline", "kicker",  "eyebrow",    "description", "headline"};
constexpr int kDekLevels = 4;

// True for a block inside a <header> or an element whose class names a
// dek, up to kDekLevels above it and below its container.
bool is_dek_block(const Block& b, const xmlNode* container, uint32_t inherited) {
  if (((b.flags & ~inherited) & kInHeader) != 0) return true;
  int level = 0;
  for (const xmlNode* n = b.owner;
       n != nullptr && n != container && n->type == XML_ELEMENT_NODE && level < kDekLevels;
       n = n->parent, ++level) {
    const std::string names = attribute(n, "class") + " " + attribute(n, "id");
    if (names.size() > 1 && names_any(names, kDekWords)) return true;
  }
  return false;
}

// True when an element with an "unlikely" class inside the container
// holds the block: a share flyout, a comments section. Also in the retry,
// which is for the misfires only: such a class above the container (a
// page-wide "overlay" wrapper) or on the paragraph or heading itself (a
// generated class such as "tagStyle_1x" on every paragraph).
bool unlikely_inside(const RenderedPage& page, const Block& b, RenderedPage::Range container,
                     bool retry) {
  if (b.unlikely_depth <= container.depth) return false;
  if (!retry || b.unlikely_depth != page.range_of(b.owner).depth) return true;
  return !is_element(b.owner, "p") && b.heading == 0;
}

std::vector<size_t> body_blocks(const RenderedPage& page,
                                const std::vector<const xmlNode*>& containers,
                                const BodyHints& hints, uint32_t not_body, std::vector<bool>* dek) {
  std::vector<size_t> out;
  const std::string title = lower_ascii(hints.title);
  for (const xmlNode* c : containers) {
    const RenderedPage::Range r = page.range_of(c);
    const uint32_t inherited = r.flags & ~kInList & ~kInTable & ~kInQuote;
    for (uint32_t i = r.begin; i < r.end; ++i) {
      const Block& b = page.blocks[i];
      if (((b.flags & ~inherited) & not_body & ~kUnlikely) != 0) continue;
      if (unlikely_inside(page, b, r, (not_body & kUnlikely) == 0)) continue;
      if (b.heading == 1 || lower_ascii(b.text) == title) continue;
      if (is_link_text(b) || is_boilerplate(b.text)) continue;
      if (clean::is_end_marker(lower_ascii(b.text))) continue;
      out.push_back(i);
      dek->push_back(is_dek_block(b, c, r.flags));
    }
  }
  return out;
}

// Equal ignoring case, spaces and the kind of quotes.
bool same_text(std::string_view a, std::string_view b) {
  auto squash = [](std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
        i += 2;  // curly quotes and dashes: left out on both sides
        continue;
      }
      if (std::isalnum(c) || c >= 0x80) out += static_cast<char>(std::tolower(c));
    }
    return out;
  };
  // A description cut short with an ellipsis matches the start of the text.
  for (std::string_view ellipsis : {std::string_view("\xE2\x80\xA6"), std::string_view("...")}) {
    if (b.size() > ellipsis.size() && b.substr(b.size() - ellipsis.size()) == ellipsis) {
      const std::string prefix = squash(b.substr(0, b.size() - ellipsis.size()));
      return prefix.size() >= 20 && squash(a).compare(0, prefix.size(), prefix) == 0;
    }
  }
  return squash(a) == squash(b);
}

// A byline or date line at most kHeaderLines below the first story line
// ends the page's header when the lines above it have at most
// kMaxHeaderWords words each (a deck or a claim, not a lede). Both chosen
// leave-site-out on pages-auto (docs/CLEANING.md, eval/leave_site_out.py).
constexpr size_t kHeaderLines = 2;
constexpr size_t kMaxHeaderWords = 60;

// Whether a leading line is the page's header (kicker, deck, byline, date,
// caption) rather than the story.
class HeaderLines {
 public:
  HeaderLines(const RenderedPage& page, const BodyHints& hints, const std::vector<bool>& dek,
              const std::vector<size_t>& blocks)
      : page_(page), hints_(hints), dek_(dek), blocks_(blocks) {
    // A deck is a line or two: a longer run of "dek" blocks is the story
    // in a wrapper with such a class.
    constexpr size_t kMaxDekBlocks = 2;
    decks_ = static_cast<size_t>(std::count(dek.begin(), dek.end(), true)) <= kMaxDekBlocks;
  }

  // The first story line at or after `from` (blocks.size() when none).
  size_t story_from(size_t from) const {
    while (from < blocks_.size() && is_header(from)) ++from;
    return from;
  }

  // The story's first line: after the leading header lines, and after a
  // byline or date line printed just below what looked like the story
  // (a deck, a fact-check's claim, a kicker of whole sentences).
  size_t story_start() const {
    size_t start = story_from(0);
    if (start == blocks_.size()) return 0;
    for (size_t i = start + 1; i < blocks_.size() && i <= start + kHeaderLines; ++i) {
      if (count_words(text(i - 1)) > kMaxHeaderWords) break;
      const std::string& t = text(i);
      if (!is_byline(t, hints_) && !is_date_line(t)) continue;
      const size_t after = story_from(i + 1);
      return after < blocks_.size() ? after : start;
    }
    return start;
  }

 private:
  const std::string& text(size_t i) const { return page_.blocks[blocks_[i]].text; }

  bool is_header(size_t i) const {
    const std::string& t = text(i);
    return !is_prose(t) || is_byline(t, hints_) || is_date_line(t) || is_caption_line(t) ||
           (decks_ && dek_[i]);
  }

  const RenderedPage& page_;
  const BodyHints& hints_;
  const std::vector<bool>& dek_;
  const std::vector<size_t>& blocks_;
  bool decks_ = false;
};

// Leading header lines (kicker, deck, byline, date) and trailing non-story lines.
void trim_edges(const RenderedPage& page, const BodyHints& hints, const std::vector<bool>& dek,
                std::vector<size_t>* blocks) {
  // A lede can be the description too; a deck is a sentence or two.
  constexpr size_t kMaxDeckWords = 35;
  size_t start = HeaderLines(page, hints, dek, *blocks).story_start();
  // The declared description printed apart above the story (in another
  // container than the paragraph after it, or as a heading) is its deck.
  if (start + 1 < blocks->size() && !hints.description.empty()) {
    const Block& b = page.blocks[(*blocks)[start]];
    const Block& next = page.blocks[(*blocks)[start + 1]];
    const bool apart = b.heading != 0 || b.owner == nullptr || next.owner == nullptr ||
                       b.owner->parent != next.owner->parent;
    if (apart && count_words(b.text) <= kMaxDeckWords && same_text(b.text, hints.description)) {
      ++start;
    }
  }
  size_t end = blocks->size();
  while (end > start) {
    const Block& b = page.blocks[(*blocks)[end - 1]];
    if (is_prose(b.text) && !is_trailer(b.text, hints) && !is_pointer(b) && b.heading == 0) {
      break;
    }
    --end;
  }
  if (end == start) end = blocks->size();
  *blocks = std::vector<size_t>(blocks->begin() + start, blocks->begin() + end);
}

std::string find_caption(const RenderedPage& page, const std::vector<const xmlNode*>& containers,
                         size_t first_body) {
  for (const xmlNode* c : containers) {
    const RenderedPage::Range r = page.range_of(c);
    for (uint32_t i = r.begin; i < r.end; ++i) {
      const Block& b = page.blocks[i];
      if ((b.flags & kInCaption) != 0 && count_words(b.text) >= 3 && !is_link_text(b))
        return b.text;
    }
  }
  for (size_t i = 0; i < first_body && i < page.blocks.size(); ++i) {
    const Block& b = page.blocks[i];
    if ((b.flags & kInCaption) != 0 && (b.flags & (kInNav | kInAside | kInFooter)) == 0 &&
        count_words(b.text) >= 3) {
      return b.text;
    }
  }
  return "";
}

std::string find_headline(const RenderedPage& page, size_t first_body) {
  std::string out;
  for (size_t i = 0; i < first_body && i < page.blocks.size(); ++i) {
    const Block& b = page.blocks[i];
    if (b.heading == 1 && (b.flags & (kInNav | kInFooter | kInAside)) == 0) out = b.text;
  }
  return out;
}

// One pass of extract_body, leaving out blocks flagged `not_body`.
Body extract_with(const RenderedPage& page, const BodyHints& hints, uint32_t not_body,
                  size_t* prose_bytes) {
  Body out;
  Scorer scorer(page, not_body);
  scorer.score_paragraphs();
  const xmlNode* top = scorer.top();
  *prose_bytes = 0;
  if (top == nullptr) {
    out.reason = "no article text found";
    return out;
  }
  top = climb(scorer, top);
  std::vector<const xmlNode*> containers = article_containers(page, scorer, top);
  add_split_parts(page, scorer, top, &containers);
  std::vector<bool> dek;
  std::vector<size_t> blocks = body_blocks(page, containers, hints, not_body, &dek);
  trim_edges(page, hints, dek, &blocks);
  for (size_t i : blocks) {
    out.paragraphs.push_back(page.blocks[i].text);
    if (is_prose(page.blocks[i].text)) *prose_bytes += page.blocks[i].text.size();
  }
  const size_t first = blocks.empty() ? page.blocks.size() : blocks.front();
  out.first_block = first;
  out.caption = find_caption(page, containers, first);
  out.headline = find_headline(page, first);
  return out;
}

}  // namespace

Body extract_body(const RenderedPage& page, const BodyHints& hints) {
  size_t prose = 0;
  Body out = extract_with(page, hints, kNotBody, &prose);
  if (prose < kRetryBelowBytes) {
    size_t retry_prose = 0;
    Body retry = extract_with(page, hints, kNotBody & ~kUnlikely, &retry_prose);
    if (retry_prose > prose) {
      out = std::move(retry);
      prose = retry_prose;
    }
  }
  if (prose < 200 && out.paragraphs.size() < 2) {
    out.paragraphs.clear();
    out.reason = "no article text found (less than 200 bytes of prose)";
  }
  return out;
}

}  // namespace html
}  // namespace news
