#include "news/article.h"

#include <xapian.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "article_fields.h"
#include "article_json.h"
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
  const ArticleField* field = find_article_field(key);
  if (field == nullptr) {
    a.extra[key] = value.dump();
  } else if (field->text != nullptr) {
    a.*field->text = string_field(value, field->name);
  } else {
    a.*field->list = list_field(value, field->name);
  }
}

// Tidies what was read and checks the required fields.
void tidy_and_validate(Article& a) {
  for (const ArticleField& f : kArticleFields) {
    if (f.list != nullptr) {
      a.*f.list = clean_list(std::move(a.*f.list));
    } else if (f.collapse) {
      a.*f.text = collapse_whitespace(a.*f.text);
    }
  }
  if (a.id.empty()) throw ArticleError("missing required field 'id'");
  if (a.title.empty()) throw ArticleError("missing required field 'title'");
  if (!a.published.empty()) {
    try {
      a.published = parse_published(a.published).iso();
    } catch (const DateError& e) {
      throw ArticleError(std::string("field 'published': ") + e.what());
    }
  }
}

// A reader of the JSON subset article_to_json writes for most articles: one
// object of string and list-of-strings fields, and other fields holding
// strings or lists of strings without escapes, true, false or null.
class StoredJsonReader {
 public:
  // `keep_extra` false: fields outside the model are checked, not kept.
  StoredJsonReader(std::string_view text, bool keep_extra) : s_(text), keep_extra_(keep_extra) {}

  bool read(Article* a) {
    if (!eat('{')) return false;
    if (eat('}')) return at_end();
    std::string key;
    do {
      if (!string(&key) || !eat(':') || !field(key, a)) return false;
    } while (eat(','));
    return eat('}') && at_end();
  }

 private:
  bool field(const std::string& key, Article* a) {
    if (const ArticleField* f = find_article_field(key)) {
      return f->text != nullptr ? string(&(a->*f->text)) : strings(&(a->*f->list));
    }
    // Another field: kept as the JSON text Json::dump writes, which this
    // reader can tell for true, false, null, and strings (or lists of
    // strings) without escapes.
    std::string skipped;
    std::string& json = keep_extra_ ? a->extra[key] : skipped;
    json.clear();  // a key given twice: the last value wins, as in nlohmann::json
    for (const char* literal : {"true", "false", "null"}) {
      if (eat_word(literal)) {
        json = literal;
        return true;
      }
    }
    if (!eat('[')) return plain_string(&json);
    json = "[";
    if (eat(']')) return json += ']', true;
    do {
      if (json.size() > 1) json += ',';
      if (!plain_string(&json)) return false;
    } while (eat(','));
    json += ']';
    return eat(']');
  }

  // Appends a string without escapes as it reads: "text".
  bool plain_string(std::string* json) {
    skip_space();
    const size_t start = p_;
    std::string value;
    if (!string(&value)) return false;
    const std::string_view text = s_.substr(start, p_ - start);
    if (text.size() != value.size() + 2) return false;  // had escapes
    json->append(text);
    return true;
  }

  bool eat_word(std::string_view word) {
    skip_space();
    if (s_.substr(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  bool strings(std::vector<std::string>* out) {
    out->clear();
    if (!eat('[')) return false;
    if (eat(']')) return true;
    do {
      if (!string(&out->emplace_back())) return false;
    } while (eat(','));
    return eat(']');
  }

  bool string(std::string* out) {
    if (!eat('"')) return false;
    out->clear();
    while (true) {
      size_t special = p_;  // the next quote or backslash
      for (; special < s_.size() && s_[special] != '"' && s_[special] != '\\'; ++special) {
        if (static_cast<unsigned char>(s_[special]) < 0x20) return false;  // not JSON
      }
      if (special == s_.size()) return false;
      out->append(s_.substr(p_, special - p_));
      p_ = special + 1;
      if (s_[special] == '"') return true;
      if (!escape(out)) return false;
    }
  }

  bool escape(std::string* out) {
    if (p_ >= s_.size()) return false;
    const char c = s_[p_++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        *out += c;
        return true;
      case 'b':
        *out += '\b';
        return true;
      case 'f':
        *out += '\f';
        return true;
      case 'n':
        *out += '\n';
        return true;
      case 'r':
        *out += '\r';
        return true;
      case 't':
        *out += '\t';
        return true;
      case 'u':
        return unicode_escape(out);
      default:
        return false;
    }
  }

  // \uXXXX, with a surrogate pair as two of them.
  bool unicode_escape(std::string* out) {
    unsigned code = 0;
    if (!hex4(&code)) return false;
    if (code >= 0xDC00 && code < 0xE000) return false;  // a low surrogate alone
    if (code >= 0xD800 && code < 0xDC00) {
      unsigned low = 0;
      if (s_.substr(p_, 2) != "\\u") return false;
      p_ += 2;
      if (!hex4(&low) || low < 0xDC00 || low >= 0xE000) return false;
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    Xapian::Unicode::append_utf8(*out, code);
    return true;
  }

  bool hex4(unsigned* code) {
    if (p_ + 4 > s_.size()) return false;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[p_++];
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
      if (digit < 0) return false;
      *code = *code * 16 + static_cast<unsigned>(digit);
    }
    return true;
  }

  void skip_space() {
    while (p_ < s_.size() &&
           (s_[p_] == ' ' || s_[p_] == '\n' || s_[p_] == '\t' || s_[p_] == '\r')) {
      ++p_;
    }
  }
  bool eat(char c) {
    skip_space();
    if (p_ >= s_.size() || s_[p_] != c) return false;
    ++p_;
    return true;
  }
  bool at_end() {
    skip_space();
    return p_ == s_.size();
  }

  std::string_view s_;
  size_t p_ = 0;
  bool keep_extra_;
};

// Arrays and objects nested deeper are rejected before parsing:
// nlohmann::json's serialiser recurses, and 100,000 levels overflowed the
// stack.
constexpr size_t kMaxJsonDepth = 64;

// True when arrays and objects in `json` (outside strings) nest deeper
// than `limit`.
bool nested_deeper_than(std::string_view json, size_t limit) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

// "malformed JSON: parse error at ...", without nlohmann's exception tag.
std::string malformed(const Json::exception& e) {
  const std::string what = e.what();
  const size_t tag_end = what.find("] ");
  return "malformed JSON: " + (tag_end == std::string::npos ? what : what.substr(tag_end + 2));
}

Article article_from_json_document(std::string_view json_text) {
  if (nested_deeper_than(json_text, kMaxJsonDepth)) {
    throw ArticleError("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  }
  Json doc;
  try {
    doc = Json::parse(json_text.begin(), json_text.end());
  } catch (const Json::exception& e) {  // syntax errors, numbers out of range
    throw ArticleError(malformed(e));
  }
  if (!doc.is_object()) {
    throw ArticleError(std::string("expected a JSON object, got ") + doc.type_name());
  }
  Article a;
  for (auto it = doc.begin(); it != doc.end(); ++it) read_field(a, it.key(), it.value());
  return a;
}

}  // namespace

Article article_from_json(std::string_view json_text) {
  if (!is_valid_utf8(json_text)) throw ArticleError("invalid UTF-8");
  // Most records hold only strings and lists of strings: read those without
  // building a JSON document; anything else, errors included, goes through
  // nlohmann::json.
  Article a;
  if (!StoredJsonReader(json_text, true).read(&a)) a = article_from_json_document(json_text);
  tidy_and_validate(a);
  return a;
}

std::string rejected_record_id(std::string_view json_text) {
  const Json doc = nested_deeper_than(json_text, kMaxJsonDepth)
                       ? Json()
                       : Json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (doc.is_object()) {
    const auto id = doc.find("id");
    return id != doc.end() && id->is_string() ? collapse_whitespace(id->get<std::string>()) : "";
  }
  // Broken JSON: the first "id" key with a plain string value.
  static constexpr std::string_view kKey = "\"id\"";
  for (size_t at = json_text.find(kKey); at != std::string_view::npos;
       at = json_text.find(kKey, at + 1)) {
    size_t i = at + kKey.size();
    const auto skip_spaces = [&] {
      while (i < json_text.size() && std::isspace(static_cast<unsigned char>(json_text[i]))) ++i;
    };
    skip_spaces();
    if (i >= json_text.size() || json_text[i] != ':') continue;
    ++i;
    skip_spaces();
    if (i >= json_text.size() || json_text[i] != '"') continue;
    const size_t end = json_text.find_first_of("\"\\", i + 1);
    if (end == std::string_view::npos || json_text[end] != '"') return "";
    return collapse_whitespace(std::string(json_text.substr(i + 1, end - i - 1)));
  }
  return "";
}

bool read_stored_article_json(std::string_view json_text, Article* out, bool keep_extra) {
  *out = Article();
  return StoredJsonReader(json_text, keep_extra).read(out);
}

std::string article_to_json(const Article& a) {
  OrderedJson j;
  for (const ArticleField& f : kArticleFields) {
    if (f.text != nullptr) {
      if (!(a.*f.text).empty()) j[f.name] = a.*f.text;
    } else if (!(a.*f.list).empty()) {
      j[f.name] = a.*f.list;
    }
  }
  for (const auto& [key, value] : a.extra) j[key] = OrderedJson::parse(value);
  return j.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

}  // namespace news
