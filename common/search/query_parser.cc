#include "search/query_parser.h"

#include <algorithm>
#include <map>
#include <memory>

#include "news/search.h"
#include "schema.h"
#include "search/query_rewrite.h"
#include "text/analysis.h"
#include "text/stemmer.h"
#include "text/text.h"

namespace news {
namespace {

constexpr Xapian::termcount kMaxWildcardExpansion = 200;

// The normalised value without its trailing '*', or "" when `value` is not
// a prefix wildcard (`tag:tariff*`).
std::string wildcard_stem(const std::string& normalised) {
  if (normalised.size() < 2 || normalised.back() != '*') return "";
  return normalised.substr(0, normalised.size() - 1);
}

Xapian::Query wildcard_query(const std::string& term_prefix) {
  return Xapian::Query(Xapian::Query::OP_WILDCARD, term_prefix, kMaxWildcardExpansion,
                       Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
}

// field:value for an exact field: normalised like the indexed value;
// field:value* matches every value starting with `value`.
class ExactFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit ExactFieldProcessor(const schema::ExactField& field) : field_(field) {}
  Xapian::Query operator()(const std::string& value) override {
    const std::string stem = wildcard_stem(normalise_value(value));
    if (!stem.empty()) return wildcard_query(field_.prefix + stem);
    return Xapian::Query(schema::exact_term(field_, value));
  }

 private:
  const schema::ExactField& field_;
};

// The words of `text` as the TermGenerator indexes them (lower case,
// unstemmed), in order.
std::vector<std::string> index_words(const std::string& text) {
  Xapian::TermGenerator tg;
  tg.set_document(Xapian::Document());
  tg.index_text(text);
  const Xapian::Document doc = tg.get_document();
  std::vector<std::pair<Xapian::termpos, std::string>> positioned;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
      positioned.emplace_back(*p, *t);
    }
  }
  std::sort(positioned.begin(), positioned.end());
  std::vector<std::string> words;
  for (auto& [pos, word] : positioned) words.push_back(std::move(word));
  return words;
}

// A field of names indexed word by word too (schema word_prefix): for
// author:, author:lucey (a word of a name: surname, first name),
// author:luc*, and author:"Catherine Lucey" (several words: the exact
// name). A boolean prefix, because Xapian 1.4 does not hand a quoted value
// to the FieldProcessor of a free-text prefix.
class NameFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit NameFieldProcessor(const schema::ExactField& field) : field_(field) {}

  Xapian::Query operator()(const std::string& value) override {
    const std::string name = normalise_value(value);
    const Xapian::Query exact(schema::exact_term(field_, value));
    if (name.find(' ') != std::string::npos) return exact;
    const std::string stem = wildcard_stem(name);
    if (!stem.empty()) return wildcard_query(field_.word_prefix + stem);
    std::vector<Xapian::Query> words;
    for (const std::string& w : index_words(name)) words.emplace_back(field_.word_prefix + w);
    if (words.empty()) return exact;
    // "min-jun" is two indexed words: match them as a phrase.
    const Xapian::Query word_query =
        words.size() == 1 ? words[0]
                          : Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end());
    return Xapian::Query(Xapian::Query::OP_OR, exact, word_query);
  }

 private:
  const schema::ExactField& field_;
};

class IdFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override {
    return Xapian::Query(schema::id_term(value));
  }
};

// date:2025, date:2025-04, date:2025-03..2025-04, date:7d.., date:..2025-01-31
// The day range of a date: value. Throws QueryError.
Xapian::Query date_query(const std::string& value, const CivilDay& today) {
  try {
    const DayRange range = parse_day_range(value, today);
    return day_range_query(range.from, range.to);
  } catch (const DateError& e) {
    throw QueryError(std::string("date: ") + e.what());
  }
}

// date:2025, date:2025-04, date:2025-03..2025-04, date:7d.., date:..2025-01-31
// An invalid date is noted in `error` (the parser throws it afterwards):
// an exception thrown through Xapian 1.4's QueryParser leaks its parse
// state.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  DateFieldProcessor(const CivilDay& today, std::shared_ptr<std::string> error)
      : today_(today), error_(std::move(error)) {}
  Xapian::Query operator()(const std::string& value) override {
    try {
      return date_query(value, today_);
    } catch (const QueryError& e) {
      if (error_->empty()) *error_ = e.what();
      return Xapian::Query::MatchNothing;
    }
  }

 private:
  CivilDay today_;
  std::shared_ptr<std::string> error_;
};

// Operators only in capitals (AND, OR, NOT, XOR, NEAR): in "war and peace"
// or "to be or not to be" the small words are words.
unsigned parser_flags() {
  return Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
         Xapian::QueryParser::FLAG_PURE_NOT;
}

}  // namespace

Xapian::Query day_range_query(const std::string& from, const std::string& to) {
  // Not Xapian::Query::MatchAll: copying that one shared object from
  // several threads races on its reference count (a server's searchers).
  if (from.empty() && to.empty()) return Xapian::Query(std::string());
  if (from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDaySlot, to);
  if (to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDaySlot, from);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDaySlot, from, to);
}

NewsQueryParser::NewsQueryParser(const Xapian::Database& db, const CivilDay& today, bool all_local)
    : db_(db),
      stemmer_(cached_english_stemmer()),
      stopper_(english_stopwords().begin(), english_stopwords().end()),
      today_(today),
      all_local_(all_local) {
  qp_.set_database(db);
  qp_.set_stemmer(stemmer_);
  // As indexed (schema.h): every free word and phrase word stemmed, under
  // kTextPrefix; a wildcard matches the stems that start with it (and
  // parse() adds those of the words it starts).
  qp_.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  qp_.add_prefix("", schema::kTextPrefix);
  qp_.set_stopper(&stopper_);
  qp_.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                        Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PARTIAL);
  for (const schema::TextField& f : schema::kTextFields) qp_.add_prefix(f.name, f.prefix);
  for (const schema::ExactField& f : schema::kExactFields) {
    const std::string grouping = f.name;  // so that tag: and topic: are ORed
    for (const char* name : {f.name, f.alias}) {
      if (name == nullptr) continue;
      Xapian::FieldProcessor* proc =
          f.word_prefix != nullptr ? static_cast<Xapian::FieldProcessor*>(new NameFieldProcessor(f))
                                   : new ExactFieldProcessor(f);
      qp_.add_boolean_prefix(name, proc->release(), &grouping);
      verbatim_fields_.emplace_back(name);
    }
  }
  qp_.add_boolean_prefix(schema::kIdFieldName, (new IdFieldProcessor)->release());
  qp_.add_boolean_prefix(schema::kDateFieldName,
                         (new DateFieldProcessor(today, field_error_))->release());
  verbatim_fields_.emplace_back(schema::kIdFieldName);
  verbatim_fields_.emplace_back(schema::kDateFieldName);
}

ParsedQuery NewsQueryParser::prepare(const std::string& text) const {
  ParsedQuery parsed;
  parsed.text = text;
  parsed.prepared = prepare_query_text(make_valid_utf8(text), verbatim_fields_);
  // Most queries have no '*', and then no wildcard.
  if (parsed.prepared.find('*') != std::string::npos) {
    parsed.wildcards = wildcard_patterns(parsed.prepared, verbatim_fields_);
  }
  parsed.stemmer = stemmer_;
  return parsed;
}

namespace {

// Longer queries are refused: matching (Xapian's and ours) grows with the
// square of the number of words (a 20,000-word query took 32 s), and no
// one types that many; Lucene's limit on clauses is the same 1024.
constexpr size_t kMaxQueryWords = 1024;

size_t count_words(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace

namespace {

// The field names a query may use.
std::vector<std::string> query_field_names() {
  std::vector<std::string> names;
  for (const schema::TextField& f : schema::kTextFields) names.emplace_back(f.name);
  for (const schema::ExactField& f : schema::kExactFields) {
    names.emplace_back(f.name);
    if (f.alias != nullptr) names.emplace_back(f.alias);
  }
  names.emplace_back(schema::kIdFieldName);
  names.emplace_back(schema::kDateFieldName);
  return names;
}

bool is_field_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool starts_token(const std::string& text, size_t i) {
  return i == 0 || std::string(" \t\n\r(+-").find(text[i - 1]) != std::string::npos;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n + ":";
  return out;
}

std::string ascii_lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// The query text with its field names in lower case ("Author:lucey" is
// "author:lucey"). Throws QueryError for an unknown field given a value
// ("foo:bar", naming the known ones) and a known one without ("author:").
// A URL's scheme ("http://"), words inside quotes and a colon before a
// space ("Breaking: fire") are no fields.
std::string with_known_fields(const std::string& text) {
  static const std::vector<std::string> names = query_field_names();
  std::string out = text;
  bool in_quotes = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') in_quotes = !in_quotes;
    if (in_quotes || !is_field_name_char(text[i]) || !starts_token(text, i)) continue;
    size_t end = i;
    while (end < text.size() && is_field_name_char(text[end])) ++end;
    if (end == text.size() || text[end] != ':' || text.compare(end + 1, 2, "//") == 0) {
      i = end - 1;
      continue;
    }
    const std::string name = ascii_lower(text.substr(i, end - i));
    const bool known = std::find(names.begin(), names.end(), name) != names.end();
    const bool has_value = end + 1 < text.size() &&
                           std::string(" \t\n\r").find(text[end + 1]) == std::string::npos &&
                           text[end + 1] != ')';
    if (known && !has_value) throw QueryError("the field " + name + ": has no value");
    if (!known && has_value) {
      throw QueryError("unknown field '" + text.substr(i, end - i) +
                       ":' (fields: " + joined(names) + ")");
    }
    if (known) out.replace(i, end - i, name);
    i = end;
  }
  return out;
}

}  // namespace

ParsedQuery NewsQueryParser::parse(const std::string& text, bool all_terms) {
  if (const size_t words = count_words(text); words > kMaxQueryWords) {
    throw QueryError("query too long: " + std::to_string(words) + " words, at most " +
                     std::to_string(kMaxQueryWords));
  }
  ParsedQuery parsed = prepare(with_known_fields(text));
  parsed.text = text;
  parsed.query =
      parse_prepared(all_local_ ? widen_wildcards(parsed.prepared, verbatim_fields_, db_, stemmer_)
                                : parsed.prepared,
                     all_terms);
  return parsed;
}

Xapian::Query NewsQueryParser::parse_prepared(const std::string& prepared, bool all_terms) {
  if (collapse_whitespace(prepared).empty()) return Xapian::Query(std::string());  // match all
  qp_.set_default_op(all_terms ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
  field_error_->clear();
  try {
    Xapian::Query query = qp_.parse_query(prepared, parser_flags());
    if (!field_error_->empty()) throw QueryError(*field_error_);
    return query;
  } catch (const Xapian::QueryParserError& e) {
    throw QueryError("cannot parse query: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw QueryError("cannot parse query: " + e.get_description());
  }
}

std::optional<std::string> NewsQueryParser::suggest(const ParsedQuery& query) const {
  std::string corrected;
  try {
    corrected = respell_query(query.prepared, verbatim_fields_, db_, stemmer_);
  } catch (const Xapian::Error&) {
    return std::nullopt;  // e.g. a remote shard: no spelling data there
  }
  if (corrected == query.prepared) return std::nullopt;
  return corrected;
}

Xapian::Query NewsQueryParser::filters(
    const std::vector<std::pair<std::string, std::string>>& filters) const {
  std::map<std::string, std::vector<Xapian::Query>> by_field;
  for (const auto& [name, value] : filters) {
    if (name == schema::kIdFieldName) {
      by_field[name].emplace_back(schema::id_term(value));
      continue;
    }
    if (name == schema::kDateFieldName) {
      by_field[name].push_back(date_query(value, today_));
      continue;
    }
    const schema::ExactField* field = schema::find_exact_field(name);
    if (field == nullptr) {
      throw QueryError("unknown filter field '" + name +
                       "' (use author, source, section, tag, place, id or date)");
    }
    by_field[field->name].emplace_back(schema::exact_term(*field, value));
  }
  std::vector<Xapian::Query> groups;
  for (const auto& entry : by_field) {
    groups.emplace_back(Xapian::Query::OP_OR, entry.second.begin(), entry.second.end());
  }
  return Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end());
}

Xapian::Query NewsQueryParser::date_range(const std::string& since,
                                          const std::string& until) const {
  try {
    const std::string from = since.empty() ? "" : parse_date_bound(since, today_, false).yyyymmdd();
    const std::string to = until.empty() ? "" : parse_date_bound(until, today_, true).yyyymmdd();
    if (!from.empty() && !to.empty() && from > to) {
      throw QueryError("--since " + since + " is after --until " + until);
    }
    return from.empty() && to.empty() ? Xapian::Query() : day_range_query(from, to);
  } catch (const DateError& e) {
    throw QueryError(e.what());
  }
}

}  // namespace news
