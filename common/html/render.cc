#include "html/render.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string_view>

#include "html/dom.h"
#include "html/strings.h"

namespace news {
namespace html {
namespace {

// Never rendered (nor their content).
constexpr const char* kSkipTags[] = {"head",   "script",   "style",    "template", "svg",
                                     "math",   "iframe",   "object",   "embed",    "canvas",
                                     "select", "textarea", "input",    "video",    "audio",
                                     "map",    "option",   "datalist", "dialog",   "frameset"};

// Block-level: each starts a new line.
constexpr const char* kBlockTags[] = {
    "address", "article", "aside", "blockquote", "body",     "center",     "dd",      "details",
    "dir",     "div",     "dl",    "dt",         "fieldset", "figcaption", "figure",  "footer",
    "form",    "h1",      "h2",    "h3",         "h4",       "h5",         "h6",      "header",
    "hgroup",  "hr",      "html",  "legend",     "li",       "listing",    "main",    "menu",
    "nav",     "ol",      "p",     "plaintext",  "pre",      "section",    "summary", "table",
    "tbody",   "thead",   "tfoot", "tr",         "ul",       "xmp",        "caption", "noscript"};

// Class or id words of parts that are not the article (readability's
// "unlikely candidates", and share bars, newsletters, promos). A user can
// extend this table.
constexpr const char* kUnlikelyWords[] = {
    "banner",        "breadcrumb",   "combx",        "comment",      "community",
    "cover-wrap",    "disqus",       "extra",        "gdpr",         "legends",
    "menu",          "related",      "remark",       "replies",      "rss",
    "shoutbox",      "sidebar",      "skyscraper",   "social",       "sponsor",
    "supplemental",  "ad-break",     "agegate",      "pagination",   "pager",
    "popup",         "yom-remote",   "share",        "sharing",      "newsletter",
    "promo",         "recirc",       "subscribe",    "signup",       "sign-up",
    "outbrain",      "taboola",      "trending",     "most-popular", "mostpopular",
    "recommend",     "toolbar",      "tags",         "author-bio",   "byline",
    "dateline",      "timestamp",    "credit",       "advert",       "ad-container",
    "ad-slot",       "adslot",       "cookie",       "modal",        "overlay",
    "masthead",      "more-stories", "keep-reading", "print-only",   "visually-hidden",
    "screen-reader", "sr-only",
};

// Class or id words that keep an element despite an unlikely word.
constexpr const char* kMaybeWords[] = {"article", "body",  "column", "content",  "main",
                                       "shadow",  "story", "entry",  "post-text"};

constexpr const char* kCaptionWords[] = {"caption", "credit", "wp-caption-text", "photo-credit"};

bool in_table(const char* const* begin, const char* const* end, std::string_view tag) {
  return std::any_of(begin, end, [&](const char* t) { return tag == t; });
}

template <size_t N>
bool in_table(const char* const (&table)[N], std::string_view tag) {
  return in_table(table, table + N, tag);
}

template <size_t N>
bool names_any(std::string_view class_and_id, const char* const (&words)[N]) {
  return std::any_of(words, words + N, [&](const char* w) { return icontains(class_and_id, w); });
}

bool is_hidden(const xmlNode* node) {
  if (xmlHasProp(const_cast<xmlNode*>(node), reinterpret_cast<const xmlChar*>("hidden"))) {
    return true;
  }
  const std::string style = lower_ascii(attribute(node, "style"));
  if (style.empty()) return false;
  std::string compact;
  for (char c : style) {
    if (c != ' ' && c != '\t' && c != '\n') compact += c;
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

// BlockFlag bits an element adds for its content.
uint32_t element_flags(const xmlNode* node, std::string_view tag) {
  uint32_t f = 0;
  if (tag == "nav" || tag == "menu") f |= kInNav;
  if (tag == "aside") f |= kInAside;
  if (tag == "footer") f |= kInFooter;
  if (tag == "header") f |= kInHeader;
  if (tag == "figure") f |= kInFigure;
  if (tag == "figcaption" || tag == "caption") f |= kInCaption;
  if (tag == "form" || tag == "button" || tag == "label") f |= kInForm;
  if (tag == "noscript") f |= kInNoscript;
  if (tag == "li") f |= kInList;
  if (tag == "blockquote") f |= kInQuote;
  if (tag == "table") f |= kInTable;
  const std::string role = lower_ascii(attribute(node, "role"));
  if (role == "navigation" || role == "menu" || role == "menubar") f |= kInNav;
  if (role == "complementary") f |= kInAside;
  if (role == "contentinfo") f |= kInFooter;
  if (role == "banner") f |= kInHeader;
  if (role == "dialog" || role == "alertdialog") f |= kInDialog;
  const std::string names = attribute(node, "class") + " " + attribute(node, "id");
  if (names.size() > 1 && tag != "body" && tag != "html" && tag != "article" && tag != "main") {
    if (names_any(names, kUnlikelyWords) && !names_any(names, kMaybeWords)) f |= kUnlikely;
    if (names_any(names, kCaptionWords)) f |= kInCaption;
  }
  return f;
}

int heading_level(std::string_view tag) {
  if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') return tag[1] - '0';
  return 0;
}

class Renderer {
 public:
  explicit Renderer(RenderedPage* out) : out_(out) {}

  bool enter(xmlNode* node) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      add_text(node->content == nullptr ? "" : reinterpret_cast<const char*>(node->content));
      return false;
    }
    if (node->type != XML_ELEMENT_NODE) return false;
    const std::string_view tag = tag_name(node);
    out_->ranges.emplace_back();
    node->_private = reinterpret_cast<void*>(out_->ranges.size());
    const bool skip = in_table(kSkipTags, tag) || is_hidden(node);
    const bool block = !skip && in_table(kBlockTags, tag);
    if (block || tag == "br") flush();
    if (tag == "td" || tag == "th") add_text(" ");
    out_->ranges.back().begin = static_cast<uint32_t>(out_->blocks.size());
    const Frame& top = frames_.empty() ? Frame{} : frames_.back();
    Frame f;
    const uint32_t own = element_flags(node, tag);
    f.flags = top.flags | own;
    f.depth = top.depth + 1;
    f.unlikely_depth = (own & kUnlikely) != 0 ? f.depth : top.unlikely_depth;
    f.owner = block ? node : top.owner;
    f.heading = heading_level(tag) != 0 ? heading_level(tag) : top.heading;
    f.link = top.link || (tag == "a" && !attribute(node, "href").empty());
    f.block = block;
    out_->ranges.back().flags = f.flags;
    out_->ranges.back().depth = f.depth;
    frames_.push_back(f);
    return !skip;
  }

  void leave(xmlNode* node) {
    if (node->type != XML_ELEMENT_NODE) return;
    if (frames_.back().block) flush();
    frames_.pop_back();
    const size_t index = reinterpret_cast<size_t>(node->_private);
    if (index > 0) out_->ranges[index - 1].end = static_cast<uint32_t>(out_->blocks.size());
  }

  void finish() { flush(); }

 private:
  struct Frame {
    uint32_t flags = 0;
    uint32_t depth = 0;
    uint32_t unlikely_depth = 0;
    xmlNode* owner = nullptr;
    int heading = 0;
    bool link = false;
    bool block = false;
  };

  void add_text(const char* s) {
    const bool link = !frames_.empty() && frames_.back().link;
    for (; *s != '\0'; ++s) {
      const unsigned char c = static_cast<unsigned char>(*s);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        pending_space_ = !text_.empty();
        continue;
      }
      if (pending_space_) {
        text_ += ' ';
        pending_space_ = false;
      }
      text_ += static_cast<char>(c);
      if (link) ++link_bytes_;
      if (std::isalnum(c) || c >= 0x80) last_in_link_ = link;
    }
  }

  // No-break and zero-width spaces at the ends of a line count as spaces.
  static void trim_odd_spaces(std::string* t) {
    for (const char* sp : {"\xC2\xA0", "\xE2\x80\x8B", "\xEF\xBB\xBF", " "}) {
      const size_t n = std::strlen(sp);
      while (t->size() >= n && t->compare(t->size() - n, n, sp) == 0) t->resize(t->size() - n);
      while (t->size() >= n && t->compare(0, n, sp) == 0) t->erase(0, n);
    }
  }

  void flush() {
    pending_space_ = false;
    trim_odd_spaces(&text_);
    if (!text_.empty()) {
      Block b;
      b.text = std::move(text_);
      const Frame& top = frames_.empty() ? Frame{} : frames_.back();
      b.owner = top.owner;
      b.flags = top.flags;
      b.heading = top.heading;
      b.ends_in_link = last_in_link_;
      b.unlikely_depth = top.unlikely_depth;
      b.link_bytes = std::min<uint32_t>(link_bytes_, static_cast<uint32_t>(b.text.size()));
      out_->blocks.push_back(std::move(b));
    }
    text_.clear();
    link_bytes_ = 0;
    last_in_link_ = false;
  }

  RenderedPage* out_;
  std::vector<Frame> frames_;
  std::string text_;
  uint32_t link_bytes_ = 0;
  bool last_in_link_ = false;
  bool pending_space_ = false;
};

}  // namespace

RenderedPage::Range RenderedPage::range_of(const xmlNode* element) const {
  const size_t index = element == nullptr ? 0 : reinterpret_cast<size_t>(element->_private);
  if (index == 0 || index > ranges.size()) return Range{};
  return ranges[index - 1];
}

RenderedPage render_page(xmlNode* root) {
  RenderedPage out;
  xmlNode* body = nullptr;
  walk(root, [&](xmlNode* n, int depth) {
    if (body == nullptr && is_element(n, "body")) body = n;
    return body == nullptr && depth < 2;
  });
  if (body == nullptr) body = root;
  Renderer r(&out);
  if (body != nullptr) {
    walk_enter_leave(
        body, [&](xmlNode* n) { return r.enter(n); }, [&](xmlNode* n) { r.leave(n); });
  }
  r.finish();
  out.text_prefix.assign(out.blocks.size() + 1, 0);
  out.link_prefix.assign(out.blocks.size() + 1, 0);
  for (size_t i = 0; i < out.blocks.size(); ++i) {
    out.text_prefix[i + 1] = out.text_prefix[i] + out.blocks[i].text.size();
    out.link_prefix[i + 1] = out.link_prefix[i] + out.blocks[i].link_bytes;
  }
  return out;
}

std::string page_text(const RenderedPage& page) {
  std::string out;
  for (const Block& b : page.blocks) {
    out += b.text;
    out += '\n';
  }
  return out;
}

}  // namespace html
}  // namespace news
