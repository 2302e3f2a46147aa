#ifndef NEWS_COMMON_HTML_DOM_H_
#define NEWS_COMMON_HTML_DOM_H_

// A thin layer over libxml2's HTML parser, for common/html/ only: the tree
// of a page, attribute and text access, and a walk that never recurses (so
// 100,000 nested elements cannot overflow the stack).

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace news {
namespace html {

// A parsed page; frees the libxml2 document (iteratively, in libxml2).
class Tree {
 public:
  explicit Tree(xmlDoc* doc) : doc_(doc) {}
  // The <html> element, or nullptr for an empty document.
  xmlNode* root() const;

 private:
  struct Free {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
  };
  std::unique_ptr<xmlDoc, Free> doc_;
};

// Parses `text` (bytes in `encoding`, an iconv/libxml2 name) with libxml2's
// HTML parser: error recovery on, no network, no depth or size limits
// (XML_PARSE_HUGE: the parser itself is not recursive, and without it a page
// deeper than 256 elements loses everything after that depth). Never throws;
// an empty or unparsable input gives a Tree whose root() is nullptr.
Tree parse_html(std::string_view text, const char* encoding = "UTF-8");

// True for an element node named `name` (lower case: the HTML parser
// lower-cases tag names).
bool is_element(const xmlNode* node, const char* name);

// The element's tag name, "" for other nodes.
std::string_view tag_name(const xmlNode* node);

// The value of attribute `name` (lower case), "" when absent.
std::string attribute(const xmlNode* node, const char* name);

// The concatenated text of the node and its descendants, unnormalised.
std::string text_content(const xmlNode* node);

// Visits `root` and its descendants in document order, calling
// visit(node, depth) on entry; descends into a node's children only when
// visit returns true. Iterative (parent/next pointers): no recursion, no
// stack growing with depth.
template <typename Visit>
void walk(xmlNode* root, Visit visit) {
  if (root == nullptr) return;
  xmlNode* node = root;
  int depth = 0;
  for (;;) {
    if (visit(node, depth) && node->children != nullptr) {
      node = node->children;
      ++depth;
      continue;
    }
    while (node != root && node->next == nullptr) {
      node = node->parent;
      --depth;
    }
    if (node == root) return;
    node = node->next;
  }
}

// As walk(), with leave(node) also called after a node's subtree (or right
// after the node when it was not descended into).
template <typename Enter, typename Leave>
void walk_enter_leave(xmlNode* root, Enter enter, Leave leave) {
  if (root == nullptr) return;
  xmlNode* node = root;
  for (;;) {
    if (enter(node) && node->children != nullptr) {
      node = node->children;
      continue;
    }
    leave(node);
    while (node != root && node->next == nullptr) {
      node = node->parent;
      leave(node);
    }
    if (node == root) return;
    node = node->next;
  }
}

}  // namespace html
}  // namespace news

#endif  // NEWS_COMMON_HTML_DOM_H_
