#include "schema.h"

#include "text/text.h"

namespace news::schema {
namespace {

// Glass rejects terms over 245 bytes; keep a margin for the hash suffix.
constexpr size_t kMaxTermBytes = 240;
constexpr size_t kHashSuffixBytes = 17;  // '#' + 16 hex digits

}  // namespace

const ExactField* find_exact_field(std::string_view name) {
  for (const ExactField& f : kExactFields) {
    if (name == f.name || (f.alias != nullptr && name == f.alias)) return &f;
  }
  return nullptr;
}

const FacetField* find_facet_field(std::string_view name) {
  for (const FacetField& f : kFacetFields) {
    if (name == f.name) return &f;
  }
  if (const ExactField* exact = find_exact_field(name)) {
    return find_facet_field(exact->name);
  }
  return nullptr;
}

std::string make_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (prefix.size() + value.size() <= kMaxTermBytes) {
    term += value;
    return term;
  }
  term += truncate_utf8(value, kMaxTermBytes - kHashSuffixBytes - prefix.size());
  term += '#';
  term += hex64(fnv1a64(value));
  return term;
}

std::string id_term(std::string_view id) { return make_term(kIdPrefix, id); }

std::string exact_term(const ExactField& field, std::string_view display_value) {
  return make_term(field.prefix, normalise_value(display_value));
}

}  // namespace news::schema
