#include "text/analysis.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <set>

#include "text/text.h"

namespace news {
namespace {

struct Acronym {
  const char* canonical;       // indexed token, e.g. "USA"
  const char* forms[4];        // written forms, matched case-sensitively
  const char* spelled_out[3];  // matched case-insensitively
};

// The curated table. Only upper-case written forms are matched, so the
// pronoun "us" never becomes the country.
constexpr Acronym kAcronyms[] = {
    {"USA",
     {"U.S.A.", "U.S.", "USA", "US"},
     {"United States of America", "United States", nullptr}},
    {"UK", {"U.K.", "UK", nullptr, nullptr}, {"United Kingdom", nullptr, nullptr}},
    {"UN", {"U.N.", "UN", nullptr, nullptr}, {"United Nations", nullptr, nullptr}},
    {"EU", {"E.U.", "EU", nullptr, nullptr}, {"European Union", nullptr, nullptr}},
};

bool is_word_byte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80) != 0;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

bool starts_with_at(std::string_view text, size_t pos, std::string_view form, bool ignore_case) {
  if (pos + form.size() > text.size()) return false;
  for (size_t i = 0; i < form.size(); ++i) {
    const char a = text[pos + i];
    const char b = form[i];
    if (ignore_case ? std::tolower(static_cast<unsigned char>(a)) !=
                          std::tolower(static_cast<unsigned char>(b))
                    : a != b) {
      return false;
    }
  }
  const size_t end = pos + form.size();
  // A form ending in '.' may be followed by anything but another letter.
  return end == text.size() || !is_word_byte(text[end]) ||
         (form.back() == '.' && !std::isalpha(static_cast<unsigned char>(text[end])));
}

struct Match {
  const Acronym* acronym = nullptr;
  size_t length = 0;
  bool spelled_out = false;
};

Match match_at(std::string_view text, size_t pos) {
  for (const Acronym& a : kAcronyms) {
    for (const char* form : a.spelled_out) {
      if (form != nullptr && starts_with_at(text, pos, form, true)) {
        return Match{&a, std::strlen(form), true};
      }
    }
    for (const char* form : a.forms) {
      if (form != nullptr && starts_with_at(text, pos, form, false)) {
        return Match{&a, std::strlen(form), false};
      }
    }
  }
  return Match{};
}

bool could_start_acronym(char c) { return c == 'U' || c == 'u' || c == 'E' || c == 'e'; }

// Rewrites acronyms; spelled-out forms are replaced only when `replace_spelled`
// (and never inside double quotes), else reported through `implied`.
std::string rewrite_acronyms(std::string_view text, bool replace_spelled,
                             std::vector<std::string>* implied) {
  std::string out;
  out.reserve(text.size() + 16);
  bool in_quotes = false;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '"') in_quotes = !in_quotes;
    const bool at_word_start = i == 0 || !is_word_byte(text[i - 1]);
    const Match m = at_word_start && could_start_acronym(c) ? match_at(text, i) : Match{};
    if (m.acronym == nullptr || (m.spelled_out && replace_spelled && in_quotes)) {
      out += c;
      ++i;
      continue;
    }
    if (m.spelled_out && !replace_spelled) {
      out.append(text.substr(i, m.length));
      if (implied != nullptr) implied->push_back(normalise_value(m.acronym->canonical));
    } else {
      out += m.acronym->canonical;
    }
    i += m.length;
  }
  return out;
}

// Where Xapian's QueryParser looks for a field prefix: at the start of the
// query or after a space, '(' or a +/- operator.
bool at_term_start(std::string_view text, size_t pos) {
  if (pos == 0) return true;
  const char c = text[pos - 1];
  return std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == '+' || c == '-';
}

// The length of `name:value` at `pos` when `name` is one of `fields`, else 0.
// A value is either "quoted" ("" inside stands for one quote) or runs to the
// next space or ')', as the QueryParser of Xapian 1.4 reads boolean values.
size_t verbatim_span(std::string_view text, size_t pos, const std::vector<std::string>& fields) {
  if (!at_term_start(text, pos)) return 0;
  for (const std::string& name : fields) {
    const size_t colon = pos + name.size();
    if (colon + 1 >= text.size() || text.compare(pos, name.size(), name) != 0 ||
        text[colon] != ':' || std::isspace(static_cast<unsigned char>(text[colon + 1]))) {
      continue;
    }
    size_t end = colon + 1;
    if (text[end] == '"') {
      for (++end; end < text.size(); ++end) {
        if (text[end] != '"') continue;
        if (end + 1 < text.size() && text[end + 1] == '"') {
          ++end;
        } else {
          ++end;
          break;
        }
      }
    } else {
      while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
             text[end] != ')') {
        ++end;
      }
    }
    return end - pos;
  }
  return 0;
}

std::string prepare_free_text(std::string_view text) {
  return rewrite_acronyms(fold_accents(text), true, nullptr);
}

}  // namespace

std::string mark_acronyms(std::string_view text, const std::set<std::string>& tokens, char on,
                          char off) {
  std::string out;
  out.reserve(text.size() + 8);
  bool marked = false;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == on || c == off) marked = c == on;
    const bool at_word_start = i == 0 || !is_word_byte(text[i - 1]);
    const Match m =
        !marked && at_word_start && could_start_acronym(c) ? match_at(text, i) : Match{};
    if (m.acronym == nullptr || tokens.count(normalise_value(m.acronym->canonical)) == 0) {
      out += c;
      ++i;
      continue;
    }
    out += on;
    out.append(text.substr(i, m.length));
    out += off;
    i += m.length;
  }
  return out;
}

std::string mark_wildcard_words(std::string_view text, const std::vector<std::string>& patterns,
                                char on, char off) {
  if (patterns.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  bool marked = false;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (marked || !is_word_byte(c)) {
      if (c == on || c == off) marked = c == on;
      out += c;
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && is_word_byte(text[end])) ++end;
    const std::string_view word = text.substr(i, end - i);
    const std::string folded = Xapian::Unicode::tolower(fold_accents(word));
    const bool match = std::any_of(patterns.begin(), patterns.end(),
                                   [&](const std::string& p) { return starts_with(folded, p); });
    if (match) out += on;
    out.append(word);
    if (match) out += off;
    i = end;
  }
  return out;
}

std::string prepare_index_text(std::string_view text, std::vector<std::string>* implied) {
  return rewrite_acronyms(fold_accents(text), false, implied);
}

std::string prepare_query_text(std::string_view query,
                               const std::vector<std::string>& verbatim_fields) {
  std::string out;
  out.reserve(query.size() + 16);
  bool in_quotes = false;
  size_t free_start = 0;
  for (size_t i = 0; i < query.size();) {
    if (query[i] == '"') in_quotes = !in_quotes;
    const size_t span = in_quotes ? 0 : verbatim_span(query, i, verbatim_fields);
    if (span == 0) {
      ++i;
      continue;
    }
    out += prepare_free_text(query.substr(free_start, i - free_start));
    out.append(query.substr(i, span));
    i += span;
    free_start = i;
  }
  out += prepare_free_text(query.substr(free_start));
  return out;
}

bool is_spelling_word(std::string_view term) {
  if (term.size() < 3 || term.size() > 32) return false;
  const auto first = static_cast<unsigned char>(term[0]);
  // Prefixed terms (fields, stems) start with an upper-case letter; numbers
  // make poor suggestions.
  if (!(std::islower(first) || first >= 0x80)) return false;
  for (const char c : term) {
    if (std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string rewrite_words(std::string_view query, const std::vector<std::string>& verbatim_fields,
                          const WordRewrite& rewrite) {
  std::string out;
  bool in_quotes = false;
  for (size_t i = 0; i < query.size();) {
    const size_t span = in_quotes ? 0 : verbatim_span(query, i, verbatim_fields);
    if (span > 0) {
      out.append(query.substr(i, span));
      i += span;
    } else if (is_word_byte(query[i])) {
      size_t end = i;
      while (end < query.size() && is_word_byte(query[end])) ++end;
      const std::string replacement = rewrite(query, i, &end, in_quotes);
      out.append(replacement.empty() ? query.substr(i, end - i) : std::string_view(replacement));
      i = end;
    } else {
      if (query[i] == '"') in_quotes = !in_quotes;
      out += query[i++];
    }
  }
  return out;
}

bool is_free_wildcard(std::string_view text, size_t begin, size_t end, bool in_quotes) {
  const bool wildcard = end < text.size() && text[end] == '*' &&
                        (end + 1 == text.size() || !is_word_byte(text[end + 1]));
  return wildcard && !in_quotes && (at_term_start(text, begin) || text[begin - 1] == ':');
}

std::string wildcard_pattern(std::string_view text, size_t begin, size_t end) {
  return Xapian::Unicode::tolower(std::string(text.substr(begin, end - begin)));
}

std::vector<std::string> wildcard_patterns(std::string_view query,
                                           const std::vector<std::string>& verbatim_fields) {
  std::vector<std::string> patterns;
  rewrite_words(query, verbatim_fields,
                [&](std::string_view text, size_t begin, size_t* end, bool in_quotes) {
                  if (is_free_wildcard(text, begin, *end, in_quotes)) {
                    patterns.push_back(wildcard_pattern(text, begin, *end));
                  }
                  return std::string();
                });
  return patterns;
}

bool is_word_character(char c) { return is_word_byte(c); }

const std::vector<std::string>& english_stopwords() {
  static const std::vector<std::string> kWords = {
      "a",    "about", "an",    "and",   "are",  "as",   "at",    "be",    "been", "but", "by",
      "can",  "did",   "do",    "does",  "for",  "from", "had",   "has",   "have", "he",  "her",
      "his",  "i",     "if",    "in",    "into", "is",   "it",    "its",   "me",   "my",  "no",
      "not",  "of",    "on",    "or",    "our",  "she",  "so",    "than",  "that", "the", "their",
      "them", "then",  "there", "these", "they", "this", "those", "to",    "us",   "was", "we",
      "were", "what",  "when",  "which", "who",  "will", "with",  "would", "you",  "your"};
  return kWords;
}

}  // namespace news
