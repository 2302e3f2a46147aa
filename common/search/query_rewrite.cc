#include "search/query_rewrite.h"

#include <algorithm>
#include <map>

#include "schema.h"
#include "text/analysis.h"

namespace news {
namespace {

constexpr size_t kMaxWildcardWords = 50;    // stems a wildcard gains from words
constexpr size_t kMaxWildcardScan = 20000;  // spelling words read for one wildcard

bool is_operator(std::string_view word) {
  for (const char* op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"}) {
    if (word == op) return true;
  }
  return false;
}

bool is_blank_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Is the word at [begin, end) part of a web address or an e-mail address
// ("http://example.com", "example.com", "news@example.org")? Their parts
// are not misspelt words.
bool in_address(std::string_view text, size_t begin, size_t end) {
  while (begin > 0 && !is_blank_byte(text[begin - 1])) --begin;
  while (end < text.size() && !is_blank_byte(text[end])) ++end;
  const std::string_view token = text.substr(begin, end - begin);
  if (token.find("://") != std::string_view::npos || token.find('@') != std::string_view::npos) {
    return true;
  }
  for (size_t i = 1; i + 1 < token.size(); ++i) {
    if (token[i] == '.' && is_word_character(token[i - 1]) && is_word_character(token[i + 1]) &&
        !(token[i + 1] >= '0' && token[i + 1] <= '9')) {
      return true;
    }
  }
  return false;
}

// The spelling suggestion for one word of a query, or "" to keep it: words
// that match (their stem is indexed), operators, field names, wildcards,
// numbers and the parts of an address stay.
std::string respelled_word(std::string_view text, size_t begin, size_t end,
                           const Xapian::Database& db, const Xapian::Stem& stem) {
  const std::string_view word = text.substr(begin, end - begin);
  if (is_operator(word) || (end < text.size() && (text[end] == ':' || text[end] == '*')) ||
      in_address(text, begin, end)) {
    return "";
  }
  const std::string lower = Xapian::Unicode::tolower(std::string(word));
  if (!is_spelling_word(lower) || db.term_exists(schema::kTextPrefix + stem(lower))) return "";
  return db.get_spelling_suggestion(lower);
}

bool all_word_bytes(std::string_view word) {
  return std::all_of(word.begin(), word.end(), is_word_character);
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Words of the spelling data that start with `pattern` and whose stems do
// not (the wildcard matches those itself): one word for each stem, the
// stems held by most documents first.
std::vector<std::string> words_beyond_stems(const Xapian::Database& db, const std::string& pattern,
                                            const Xapian::Stem& stem) {
  struct Stem {
    std::string word;  // its most frequent word
    Xapian::doccount word_freq = 0;
    Xapian::doccount freq = 0;  // of all its words
  };
  std::map<std::string, Stem> stems;
  Xapian::TermIterator it = db.spellings_begin();
  it.skip_to(pattern);
  for (size_t n = 0; it != db.spellings_end() && n < kMaxWildcardScan; ++it, ++n) {
    const std::string word = *it;
    if (!starts_with(word, pattern)) break;
    const std::string word_stem = stem(word);
    if (starts_with(word_stem, pattern) || !all_word_bytes(word)) continue;
    Stem& s = stems[word_stem];
    const Xapian::doccount freq = it.get_termfreq();
    s.freq += freq;
    if (freq > s.word_freq) {
      s.word = word;
      s.word_freq = freq;
    }
  }
  std::vector<const Stem*> order;
  for (const auto& entry : stems) order.push_back(&entry.second);
  std::stable_sort(order.begin(), order.end(),
                   [](const Stem* a, const Stem* b) { return a->freq > b->freq; });
  if (order.size() > kMaxWildcardWords) order.resize(kMaxWildcardWords);
  std::vector<std::string> words;
  for (const Stem* s : order) words.push_back(s->word);
  return words;
}

// `word*` at the start of a term as `(word* OR president OR ...)`, or "" to
// keep it.
std::string widened_wildcard(std::string_view text, size_t begin, size_t* end, bool in_quotes,
                             const Xapian::Database& db, const Xapian::Stem& stem) {
  if (!is_free_wildcard(text, begin, *end, in_quotes)) return "";
  const std::string pattern = wildcard_pattern(text, begin, *end);
  const std::vector<std::string> words = words_beyond_stems(db, pattern, stem);
  if (words.empty()) return "";
  ++*end;  // the '*'
  std::string group = "(" + pattern + "*";
  for (const std::string& w : words) group += " OR " + w;
  return group + ")";
}

}  // namespace

std::string respell_query(std::string_view query, const std::vector<std::string>& verbatim_fields,
                          const Xapian::Database& db, const Xapian::Stem& stem) {
  return rewrite_words(query, verbatim_fields,
                       [&](std::string_view text, size_t begin, size_t* end, bool) {
                         return respelled_word(text, begin, *end, db, stem);
                       });
}

std::string widen_wildcards(std::string_view query, const std::vector<std::string>& verbatim_fields,
                            const Xapian::Database& db, const Xapian::Stem& stem) {
  if (query.find('*') == std::string_view::npos) return std::string(query);  // most queries
  return rewrite_words(query, verbatim_fields,
                       [&](std::string_view text, size_t begin, size_t* end, bool in_quotes) {
                         return widened_wildcard(text, begin, end, in_quotes, db, stem);
                       });
}

}  // namespace news
