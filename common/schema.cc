#include "schema.h"

#include <cstdio>

#include "text/text.h"

namespace news::schema {
namespace {

// Glass rejects terms over 245 bytes; keep a margin for the hash suffix.
constexpr size_t kMaxTermBytes = 240;
constexpr size_t kHashSuffixBytes = 17;  // '#' + 16 hex digits

// Bytes `s` takes against the limit: glass counts each zero byte twice.
size_t term_cost(std::string_view s) {
  size_t cost = s.size();
  for (const char c : s) cost += c == '\0';
  return cost;
}

// The longest prefix of `s` costing at most `budget`, cut on a UTF-8
// character boundary.
std::string_view fit_utf8(std::string_view s, size_t budget) {
  size_t end = 0;
  for (size_t cost = 0; end < s.size(); ++end) {
    cost += s[end] == '\0' ? 2 : 1;
    if (cost > budget) break;
  }
  while (end > 0 && end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
    --end;
  }
  return s.substr(0, end);
}

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
  if (term_cost(prefix) + term_cost(value) <= kMaxTermBytes) {
    term += value;
    return term;
  }
  term += fit_utf8(value, kMaxTermBytes - kHashSuffixBytes - term_cost(prefix));
  term += '#';
  term += hex64(fnv1a64(value));
  return term;
}

std::string band_term(size_t band, uint32_t key) {
  char term[16];
  std::snprintf(term, sizeof term, "%s%c%08x", kBandPrefix, static_cast<char>('a' + band),
                static_cast<unsigned>(key));
  return term;
}

std::string id_term(std::string_view id) { return make_term(kIdPrefix, id); }

std::string exact_term(const ExactField& field, std::string_view display_value) {
  return make_term(field.prefix, normalise_value(display_value));
}

}  // namespace news::schema
