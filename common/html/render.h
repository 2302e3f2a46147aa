#ifndef NEWS_COMMON_HTML_RENDER_H_
#define NEWS_COMMON_HTML_RENDER_H_

#include <libxml/tree.h>

#include <cstdint>
#include <string>
#include <vector>

namespace news {
namespace html {

// Where a block of text sits, from its ancestors.
enum BlockFlag : uint32_t {
  kInNav = 1u << 0,       // <nav>, role=navigation, menus
  kInAside = 1u << 1,     // <aside>, role=complementary
  kInFooter = 1u << 2,    // <footer>, role=contentinfo
  kInHeader = 1u << 3,    // <header>, role=banner
  kInFigure = 1u << 4,    // <figure>
  kInCaption = 1u << 5,   // <figcaption>, <caption>, a class naming a caption or credit
  kInForm = 1u << 6,      // <form>, <button>, <label>
  kInNoscript = 1u << 7,  // <noscript> (printed: the dumps were made without JS)
  kUnlikely = 1u << 8,    // a class/id of share bars, related lists, comments, ads...
  kInList = 1u << 9,      // <li>
  kInQuote = 1u << 10,    // <blockquote>
  kInTable = 1u << 11,    // <table>
  kInDialog = 1u << 12,   // role=dialog, aria-modal, <dialog>
};

// One line of the page's text as a browser's innerText prints it: the
// inline content of one block element (or of one stretch between <br>s).
struct Block {
  std::string text;           // whitespace collapsed, trimmed, non-empty
  xmlNode* owner = nullptr;   // the block element holding it
  uint32_t flags = 0;         // BlockFlag bits of its ancestors
  uint32_t link_bytes = 0;    // bytes of `text` inside <a href>
  int heading = 0;            // 1-6 inside <hN>, else 0
  bool ends_in_link = false;  // its last letter or digit is inside <a href>
  // Depth (as in RenderedPage::Range) of the innermost element above
  // whose class/id is "unlikely" (kUnlikely), 0 when none.
  uint32_t unlikely_depth = 0;
};

// The page's blocks in document order, and for each element the range of
// blocks inside it (element->_private holds its index + 1 into `ranges`).
struct RenderedPage {
  std::vector<Block> blocks;
  struct Range {
    uint32_t begin = 0, end = 0;
    uint32_t flags = 0;  // BlockFlag bits of the element and its ancestors
    uint32_t depth = 0;  // 1 for the rendered root (<body>), +1 per level below
  };
  std::vector<Range> ranges;
  std::vector<uint64_t> text_prefix;  // bytes of blocks [0, i)
  std::vector<uint64_t> link_prefix;  // link bytes of blocks [0, i)

  // The block range of `element` (empty for an unknown node).
  Range range_of(const xmlNode* element) const;
  uint64_t text_bytes(Range r) const { return text_prefix[r.end] - text_prefix[r.begin]; }
  uint64_t link_bytes(Range r) const { return link_prefix[r.end] - link_prefix[r.begin]; }
};

// Renders the <body> under `root` into blocks: what Chromium's innerText
// shows with JavaScript off (script, style, template, forms' controls and
// hidden elements left out: the `hidden` attribute, inline display:none or
// visibility:hidden), one block per block element, <br> ending a block,
// table cells of a row on one line. Sets `_private` of the elements under
// `root`. Iterative: no recursion whatever the depth.
RenderedPage render_page(xmlNode* root);

// The rendered text, one block per line (what clean_page reads).
std::string page_text(const RenderedPage& page);

}  // namespace html
}  // namespace news

#endif  // NEWS_COMMON_HTML_RENDER_H_
