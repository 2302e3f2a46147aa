#include "html/metadata.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>

#include "html/dom.h"
#include "html/strings.h"
#include "text/text.h"

namespace news {
namespace html {
namespace {

using Json = nlohmann::json;

// Deep enough for @graph > WebPage > mainEntity > Article; bounds the walk.
constexpr int kMaxJsonDepth = 12;

constexpr const char* kArticleTypes[] = {
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "BlogPosting",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "AskPublicNewsArticle",
    "SatiricalArticle",
    "LiveBlogPosting",
    "Report",
    "TechArticle",
    "SocialMediaPosting",
    "Blog",
};

// "http://schema.org/NewsArticle", "schema:NewsArticle" -> "NewsArticle".
std::string bare_type(std::string t) {
  const size_t cut = t.find_last_of("/:");
  return cut == std::string::npos ? t : t.substr(cut + 1);
}

std::vector<std::string> types_of(const Json& obj) {
  std::vector<std::string> out;
  const auto it = obj.find("@type");
  if (it == obj.end()) return out;
  if (it->is_string()) out.push_back(bare_type(it->get<std::string>()));
  if (it->is_array()) {
    for (const Json& t : *it) {
      if (t.is_string()) out.push_back(bare_type(t.get<std::string>()));
    }
  }
  return out;
}

std::string article_type(const Json& obj) {
  for (const std::string& t : types_of(obj)) {
    if (is_article_type(t)) return t;
  }
  return "";
}

std::string clean(const std::string& s) { return collapse_whitespace(make_valid_utf8(s)); }

// The objects of the page's JSON-LD by "@id", for resolving references.
using IdMap = std::unordered_map<std::string, const Json*>;

const Json& resolve(const Json& v, const IdMap& ids) {
  if (v.is_object() && v.size() <= 2 && v.contains("@id") && !v.contains("name")) {
    const Json& id = v["@id"];
    if (id.is_string()) {
      const auto it = ids.find(id.get<std::string>());
      if (it != ids.end()) return *it->second;
    }
  }
  return v;
}

std::string string_of(const Json& v, const IdMap& ids) {
  const Json& r = resolve(v, ids);
  if (r.is_string()) return clean(r.get<std::string>());
  if (r.is_object()) {
    for (const char* key : {"name", "@value", "alternateName"}) {
      const auto it = r.find(key);
      if (it != r.end() && it->is_string()) return clean(it->get<std::string>());
    }
  }
  if (r.is_array() && !r.empty()) return string_of(r.front(), ids);
  return "";
}

// Person names of an "author" value: a string, a Person, or an array of
// them; Organizations are publishers, not authors.
std::vector<std::string> names_of(const Json& v, const IdMap& ids) {
  std::vector<std::string> out;
  const Json& r = resolve(v, ids);
  const Json* items = &r;
  Json one = Json::array();
  if (!r.is_array()) {
    one.push_back(r);
    items = &one;
  }
  for (const Json& raw : *items) {
    const Json& a = resolve(raw, ids);
    if (a.is_object()) {
      const std::vector<std::string> t = types_of(a);
      if (std::find(t.begin(), t.end(), "Organization") != t.end() ||
          std::find(t.begin(), t.end(), "NewsMediaOrganization") != t.end()) {
        continue;
      }
    }
    const std::string name = string_of(a, ids);
    if (!name.empty()) out.push_back(name);
  }
  return out;
}

std::vector<std::string> list_of(const Json& v, const IdMap& ids) {
  std::vector<std::string> out;
  if (v.is_array()) {
    for (const Json& x : v) {
      const std::string s = string_of(x, ids);
      if (!s.empty()) out.push_back(s);
    }
  } else if (v.is_string()) {
    std::string_view s = v.get_ref<const std::string&>();
    size_t start = 0;
    while (start <= s.size()) {
      size_t end = s.find(',', start);
      if (end == std::string_view::npos) end = s.size();
      const std::string k = clean(std::string(s.substr(start, end - start)));
      if (!k.empty()) out.push_back(k);
      start = end + 1;
    }
  }
  return out;
}

JsonLdArticle read_article(const Json& obj, const std::string& type, const IdMap& ids) {
  JsonLdArticle a;
  a.type = type;
  auto get = [&](const char* key) -> const Json* {
    const auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
  };
  if (const Json* v = get("headline")) a.headline = string_of(*v, ids);
  if (a.headline.empty()) {
    if (const Json* v = get("name")) a.headline = string_of(*v, ids);
  }
  if (const Json* v = get("author")) a.authors = names_of(*v, ids);
  if (a.authors.empty()) {
    if (const Json* v = get("creator")) a.authors = names_of(*v, ids);
  }
  if (const Json* v = get("datePublished")) a.date_published = string_of(*v, ids);
  if (a.date_published.empty()) {
    if (const Json* v = get("dateCreated")) a.date_published = string_of(*v, ids);
  }
  if (const Json* v = get("articleSection")) a.section = string_of(*v, ids);
  if (const Json* v = get("keywords")) a.keywords = list_of(*v, ids);
  if (const Json* v = get("publisher")) a.publisher = string_of(*v, ids);
  if (const Json* v = get("inLanguage")) a.language = string_of(*v, ids);
  if (const Json* v = get("url")) a.url = string_of(*v, ids);
  if (const Json* v = get("description")) a.description = string_of(*v, ids);
  return a;
}

// Every object of a JSON-LD value, depth-first in document order, with an
// explicit stack bounded by kMaxJsonDepth.
template <typename F>
void for_each_object(const Json& top, F f) {
  std::vector<std::pair<const Json*, int>> stack{{&top, 0}};
  while (!stack.empty()) {
    const auto [v, depth] = stack.back();
    stack.pop_back();
    if (depth > kMaxJsonDepth) continue;
    if (v->is_object()) f(*v);
    if (!v->is_object() && !v->is_array()) continue;
    std::vector<const Json*> children;
    for (const Json& c : *v) {
      if (c.is_object() || c.is_array()) children.push_back(&c);
    }
    for (auto it = children.rbegin(); it != children.rend(); ++it) {
      stack.push_back({*it, depth + 1});
    }
  }
}

// The script text without the wrappers pages put around JSON.
std::string_view json_text(std::string_view s) {
  auto strip = [&](std::string_view p, bool front) {
    const std::string_view t = trim(s);
    s = t;
    if (front && s.substr(0, p.size()) == p) s.remove_prefix(p.size());
    if (!front && s.size() >= p.size() && s.substr(s.size() - p.size()) == p) {
      s.remove_suffix(p.size());
    }
  };
  strip("<!--", true);
  strip("//<![CDATA[", true);
  strip("<![CDATA[", true);
  strip("-->", false);
  strip("//]]>", false);
  strip("]]>", false);
  strip(";", false);
  return trim(s);
}

void read_json_ld(xmlNode* script, PageMetadata* out, std::vector<Json>* docs) {
  const std::string text = text_content(script);
  Json doc = Json::parse(json_text(text), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    out->warnings.push_back("line " + std::to_string(xmlGetLineNo(script)) +
                            ": invalid JSON-LD ignored");
    return;
  }
  docs->push_back(std::move(doc));
}

void pick_article(const std::vector<Json>& docs, PageMetadata* out) {
  IdMap ids;
  for (const Json& d : docs) {
    for_each_object(d, [&](const Json& o) {
      const auto it = o.find("@id");
      if (it != o.end() && it->is_string() && o.size() > 2) ids.emplace(it->get<std::string>(), &o);
    });
  }
  for (const Json& d : docs) {
    for_each_object(d, [&](const Json& o) {
      if (!out->ld.type.empty()) return;
      const std::string type = article_type(o);
      if (type.empty()) return;
      JsonLdArticle a = read_article(o, type, ids);
      if (!a.headline.empty() || !a.date_published.empty()) out->ld = std::move(a);
    });
  }
}

void read_meta(xmlNode* node, PageMetadata* out) {
  std::string content = attribute(node, "content");
  if (content.empty()) content = attribute(node, "value");
  if (content.empty()) return;
  content = clean(content);
  for (const char* key_attr : {"property", "name", "itemprop"}) {
    const std::string key = lower_ascii(collapse_whitespace(attribute(node, key_attr)));
    if (!key.empty()) out->meta[key].push_back(content);
  }
}

bool is_canonical_link(xmlNode* node) {
  const std::string rel = lower_ascii(attribute(node, "rel"));
  return rel == "canonical";
}

}  // namespace

const std::string& PageMetadata::first(const std::string& key) const {
  static const std::string kEmpty;
  const auto it = meta.find(key);
  return it == meta.end() || it->second.empty() ? kEmpty : it->second.front();
}

bool is_article_type(const std::string& type) {
  return std::find(std::begin(kArticleTypes), std::end(kArticleTypes), type) !=
         std::end(kArticleTypes);
}

PageMetadata read_metadata(xmlNode* root) {
  PageMetadata out;
  std::vector<Json> docs;
  if (root == nullptr) return out;
  out.html_lang = clean(attribute(root, "lang"));
  if (out.html_lang.empty()) out.html_lang = clean(attribute(root, "xml:lang"));
  walk(root, [&](xmlNode* node, int) {
    if (node->type != XML_ELEMENT_NODE) return false;
    const std::string_view tag = tag_name(node);
    if (tag == "meta") {
      read_meta(node, &out);
    } else if (tag == "link" && out.canonical.empty() && is_canonical_link(node)) {
      out.canonical = clean(attribute(node, "href"));
    } else if (tag == "title" && out.title_tag.empty()) {
      out.title_tag = clean(text_content(node));
    } else if (tag == "script") {
      if (lower_ascii(trim(attribute(node, "type"))) == "application/ld+json") {
        read_json_ld(node, &out, &docs);
      }
      return false;
    } else if (tag == "time" && out.time_published.empty()) {
      const std::string prop = lower_ascii(attribute(node, "itemprop"));
      if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("pubdate")) != nullptr ||
          prop == "datepublished") {
        out.time_published = clean(attribute(node, "datetime"));
      }
    } else if (tag == "style" || tag == "svg") {
      return false;
    } else if (const std::string prop = attribute(node, "itemprop"); !prop.empty()) {
      // Microdata printed in the page (<span itemprop=author>...).
      const std::string key = lower_ascii(prop);
      if (key == "author" || key == "datepublished" || key == "headline") {
        std::string v = clean(attribute(node, "content"));
        if (v.empty() && key == "datepublished") v = clean(attribute(node, "datetime"));
        if (v.empty()) v = clean(text_content(node));
        if (!v.empty() && v.size() < 300) out.meta["itemprop:" + key].push_back(v);
      }
    }
    return true;
  });
  pick_article(docs, &out);
  return out;
}

}  // namespace html
}  // namespace news
