#include "search/query_parser.h"

#include <map>

#include "schema.h"
#include "search/results.h"
#include "text/analysis.h"
#include "text/text.h"

namespace news {
namespace {

constexpr Xapian::termcount kMaxWildcardExpansion = 200;

// field:value for an exact field: normalised like the indexed value.
class ExactFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit ExactFieldProcessor(const schema::ExactField& field) : field_(field) {}
  Xapian::Query operator()(const std::string& value) override {
    return Xapian::Query(schema::exact_term(field_, value));
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
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit DateFieldProcessor(const CivilDay& today) : today_(today) {}
  Xapian::Query operator()(const std::string& value) override {
    try {
      const DayRange range = parse_day_range(value, today_);
      return day_range_query(range.from, range.to);
    } catch (const DateError& e) {
      // QueryParser passes exceptions from a FieldProcessor through.
      throw QueryError(std::string("date: ") + e.what());
    }
  }

 private:
  CivilDay today_;
};

unsigned parser_flags() {
  return Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
         Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE;
}

}  // namespace

Xapian::Query day_range_query(const std::string& from, const std::string& to) {
  if (from.empty() && to.empty()) return Xapian::Query::MatchAll;
  if (from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDaySlot, to);
  if (to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDaySlot, from);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDaySlot, from, to);
}

NewsQueryParser::NewsQueryParser(const Xapian::Database& db, const CivilDay& today)
    : stemmer_("english"),
      stopper_(english_stopwords().begin(), english_stopwords().end()),
      today_(today) {
  qp_.set_database(db);
  qp_.set_stemmer(stemmer_);
  qp_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp_.set_stopper(&stopper_);
  qp_.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                        Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PARTIAL);
  for (const schema::TextField& f : schema::kTextFields) qp_.add_prefix(f.name, f.prefix);
  for (const schema::ExactField& f : schema::kExactFields) {
    // `author:` is free text (words of names); its exact form is a filter.
    if (std::string(f.name) == "author") continue;
    const std::string grouping = f.name;  // so that tag: and topic: are ORed
    qp_.add_boolean_prefix(f.name, (new ExactFieldProcessor(f))->release(), &grouping);
    if (f.alias != nullptr) {
      qp_.add_boolean_prefix(f.alias, (new ExactFieldProcessor(f))->release(), &grouping);
    }
  }
  qp_.add_boolean_prefix(schema::kIdFieldName, (new IdFieldProcessor)->release());
  qp_.add_boolean_prefix(schema::kDateFieldName, (new DateFieldProcessor(today))->release());
}

Xapian::Query NewsQueryParser::parse(const std::string& text, bool all_terms) {
  const std::string prepared = prepare_query_text(make_valid_utf8(text));
  if (collapse_whitespace(prepared).empty()) return Xapian::Query::MatchAll;
  qp_.set_default_op(all_terms ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
  try {
    return qp_.parse_query(prepared, parser_flags());
  } catch (const Xapian::QueryParserError& e) {
    throw QueryError("cannot parse query: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw QueryError("cannot parse query: " + e.get_description());
  }
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
      by_field[name].push_back(DateFieldProcessor(today_)(value));
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
