#include "text/analysis.h"

#include <cctype>
#include <cstring>

#include "text/text.h"

namespace news {
namespace {

struct Acronym {
  const char* canonical;        // indexed token, e.g. "USA"
  const char* forms[4];         // written forms, matched case-sensitively
  const char* spelled_out[3];   // matched case-insensitively
};

// The curated table. Only upper-case written forms are matched, so the
// pronoun "us" never becomes the country.
constexpr Acronym kAcronyms[] = {
    {"USA", {"U.S.A.", "U.S.", "USA", "US"}, {"United States of America", "United States", nullptr}},
    {"UK", {"U.K.", "UK", nullptr, nullptr}, {"United Kingdom", nullptr, nullptr}},
    {"UN", {"U.N.", "UN", nullptr, nullptr}, {"United Nations", nullptr, nullptr}},
    {"EU", {"E.U.", "EU", nullptr, nullptr}, {"European Union", nullptr, nullptr}},
};

bool is_word_byte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         (static_cast<unsigned char>(c) & 0x80) != 0;
}

bool starts_with_at(std::string_view text, size_t pos, std::string_view form,
                    bool ignore_case) {
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

}  // namespace

std::string prepare_index_text(std::string_view text,
                               std::vector<std::string>* implied) {
  return rewrite_acronyms(fold_accents(text), false, implied);
}

std::string prepare_query_text(std::string_view query) {
  return rewrite_acronyms(fold_accents(query), true, nullptr);
}

const std::vector<std::string>& english_stopwords() {
  static const std::vector<std::string> kWords = {
      "a", "about", "an", "and", "are", "as", "at", "be", "been", "but", "by",
      "can", "did", "do", "does", "for", "from", "had", "has", "have", "he",
      "her", "his", "i", "if", "in", "into", "is", "it", "its", "me", "my",
      "no", "not", "of", "on", "or", "our", "she", "so", "than", "that",
      "the", "their", "them", "then", "there", "these", "they", "this",
      "those", "to", "us", "was", "we", "were", "what", "when", "which",
      "who", "will", "with", "would", "you", "your"};
  return kWords;
}

}  // namespace news
