#include "article.h"

#include <nlohmann/json.hpp>
#include <unordered_set>

#include "text/dates.h"
#include "text/text.h"

namespace news {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

std::string string_field(const Json& value, const char* name) {
  if (value.is_null()) return {};
  if (!value.is_string()) {
    throw ArticleError(std::string("field '") + name + "': expected a string, got " +
                       value.type_name());
  }
  return value.get<std::string>();
}

// A list field; a single string is accepted as a one-element list.
std::vector<std::string> list_field(const Json& value, const char* name) {
  std::vector<std::string> out;
  if (value.is_null()) return out;
  if (value.is_string()) {
    out.push_back(value.get<std::string>());
  } else if (value.is_array()) {
    for (const Json& item : value) {
      if (!item.is_string()) {
        throw ArticleError(std::string("field '") + name +
                           "': expected an array of strings, found " + item.type_name());
      }
      out.push_back(item.get<std::string>());
    }
  } else {
    throw ArticleError(std::string("field '") + name + "': expected an array of strings, got " +
                       value.type_name());
  }
  return out;
}

// Drops empty and whitespace-only values and repeats (first one kept).
std::vector<std::string> clean_list(std::vector<std::string> values) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (auto& v : values) {
    std::string tidy = collapse_whitespace(v);
    if (!tidy.empty() && seen.insert(normalise_value(tidy)).second) {
      out.push_back(std::move(tidy));
    }
  }
  return out;
}

void read_field(Article& a, const std::string& key, const Json& value) {
  if (key == "id")
    a.id = string_field(value, "id");
  else if (key == "url")
    a.url = string_field(value, "url");
  else if (key == "title")
    a.title = string_field(value, "title");
  else if (key == "dek")
    a.dek = string_field(value, "dek");
  else if (key == "authors")
    a.authors = clean_list(list_field(value, "authors"));
  else if (key == "source")
    a.source = collapse_whitespace(string_field(value, "source"));
  else if (key == "published")
    a.published = string_field(value, "published");
  else if (key == "section")
    a.section = collapse_whitespace(string_field(value, "section"));
  else if (key == "tags")
    a.tags = clean_list(list_field(value, "tags"));
  else if (key == "places")
    a.places = clean_list(list_field(value, "places"));
  else if (key == "caption")
    a.caption = string_field(value, "caption");
  else if (key == "body")
    a.body = string_field(value, "body");
  else
    a.extra[key] = value.dump();
}

void validate(Article& a) {
  a.id = collapse_whitespace(a.id);
  if (a.id.empty()) throw ArticleError("missing required field 'id'");
  a.title = collapse_whitespace(a.title);
  if (a.title.empty()) throw ArticleError("missing required field 'title'");
  if (!a.published.empty()) {
    try {
      a.published = parse_published(a.published).iso();
    } catch (const DateError& e) {
      throw ArticleError(std::string("field 'published': ") + e.what());
    }
  }
}

void put_string(OrderedJson& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}

void put_list(OrderedJson& j, const char* key, const std::vector<std::string>& v) {
  if (!v.empty()) j[key] = v;
}

}  // namespace

Article article_from_json(std::string_view json_text) {
  if (!is_valid_utf8(json_text)) throw ArticleError("invalid UTF-8");
  Json doc;
  try {
    doc = Json::parse(json_text.begin(), json_text.end());
  } catch (const Json::parse_error& e) {
    std::string what = e.what();
    const size_t colon = what.find("parse error");
    throw ArticleError("malformed JSON: " +
                       (colon == std::string::npos ? what : what.substr(colon)));
  }
  if (!doc.is_object()) {
    throw ArticleError(std::string("expected a JSON object, got ") + doc.type_name());
  }
  Article a;
  for (auto it = doc.begin(); it != doc.end(); ++it) read_field(a, it.key(), it.value());
  validate(a);
  return a;
}

std::string article_to_json(const Article& a) {
  OrderedJson j;
  put_string(j, "id", a.id);
  put_string(j, "url", a.url);
  put_string(j, "title", a.title);
  put_string(j, "dek", a.dek);
  put_list(j, "authors", a.authors);
  put_string(j, "source", a.source);
  put_string(j, "published", a.published);
  put_string(j, "section", a.section);
  put_list(j, "tags", a.tags);
  put_list(j, "places", a.places);
  put_string(j, "caption", a.caption);
  put_string(j, "body", a.body);
  for (const auto& [key, value] : a.extra) j[key] = OrderedJson::parse(value);
  return j.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

}  // namespace news
