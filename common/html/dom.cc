#include "html/dom.h"

#include <climits>
#include <mutex>

namespace news {
namespace html {
namespace {

constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_NONET | XML_PARSE_HUGE | HTML_PARSE_COMPACT;

void ignore_error(void*, const char*, ...) {}

// libxml2 must be initialised once before threads use it.
void init_libxml() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetGenericErrorFunc(nullptr, ignore_error);
  });
}

}  // namespace

xmlNode* Tree::root() const { return doc_ ? xmlDocGetRootElement(doc_.get()) : nullptr; }

Tree parse_html(std::string_view text, const char* encoding) {
  init_libxml();
  xmlSetGenericErrorFunc(nullptr, ignore_error);  // per thread in libxml2
  if (text.empty()) return Tree(nullptr);
  const int size = static_cast<int>(std::min<size_t>(text.size(), INT_MAX));
  return Tree(htmlReadMemory(text.data(), size, nullptr, encoding, kParseOptions));
}

bool is_element(const xmlNode* node, const char* name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && node->name != nullptr &&
         xmlStrcmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::string_view tag_name(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr) return {};
  return reinterpret_cast<const char*>(node->name);
}

std::string attribute(const xmlNode* node, const char* name) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return "";
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || xmlStrcmp(a->name, reinterpret_cast<const xmlChar*>(name)) != 0) {
      continue;
    }
    std::string out;
    for (const xmlNode* c = a->children; c != nullptr; c = c->next) {
      if (c->content != nullptr) out += reinterpret_cast<const char*>(c->content);
    }
    return out;
  }
  return "";
}

std::string text_content(const xmlNode* node) {
  std::string out;
  walk(const_cast<xmlNode*>(node), [&](xmlNode* n, int) {
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != nullptr) {
      out += reinterpret_cast<const char*>(n->content);
    }
    return true;
  });
  return out;
}

}  // namespace html
}  // namespace news
