#include "index/document_builder.h"

#include <cstdint>

#include "dedup/fingerprint.h"
#include "schema.h"
#include "text/analysis.h"
#include "text/dates.h"
#include "text/stemmer.h"
#include "text/text.h"

namespace news {
namespace {

// Words whose stems a builder keeps: about 25 MB per thread.
constexpr size_t kMaxStemsCached = 200000;

// The field's boolean terms and value slots. Throws ArticleError for more
// values than the schema has slots.
void add_exact_field(Xapian::Document& doc, const schema::ExactField& field, const Article& a) {
  if (!field.multi()) {
    const std::string& value = a.*field.value;
    if (value.empty()) return;
    doc.add_boolean_term(schema::exact_term(field, value));
    doc.add_value(field.slot, value);
    return;
  }
  const std::vector<std::string>& values = a.*field.values;
  if (values.size() > schema::kMaxValuesPerField) {
    throw ArticleError("field '" + std::string(field.plural) + "': more than " +
                       std::to_string(schema::kMaxValuesPerField) + " values");
  }
  for (size_t i = 0; i < values.size(); ++i) {
    doc.add_boolean_term(schema::exact_term(field, values[i]));
    doc.add_value(field.slot + static_cast<Xapian::valueno>(i), values[i]);
  }
}

// The near-duplicate band keys of the body, for index/clusters.h.
void add_band_terms(Xapian::Document& doc, const std::string& body) {
  const std::vector<uint32_t> keys = band_keys(shingle_hashes(body));
  for (size_t band = 0; band < keys.size(); ++band) {
    doc.add_boolean_term(schema::band_term(band, keys[band]));
  }
}

void add_date(Xapian::Document& doc, const std::string& published) {
  if (published.empty()) return;
  const Published p = parse_published(published);
  const std::string day = p.day.yyyymmdd();
  doc.add_boolean_term(schema::kDayPrefix + day);
  doc.add_boolean_term(schema::kMonthPrefix + day.substr(0, 6));
  doc.add_boolean_term(schema::kYearPrefix + day.substr(0, 4));
  doc.add_value(schema::kDaySlot, day);
  doc.add_value(schema::kTimeSlot, Xapian::sortable_serialise(static_cast<double>(p.unix_seconds)));
  doc.add_value(schema::kMonthSlot, p.day.iso().substr(0, 7));
  doc.add_value(schema::kYearSlot, day.substr(0, 4));
}

}  // namespace

DocumentBuilder::DocumentBuilder() : stemmer_(new CachingStemmer(kMaxStemsCached)) {
  // The TermGenerator holds a reference to the stemmer; stemmer_ stays
  // valid as long as tg_ does.
  tg_.set_stemmer(Xapian::Stem(stemmer_));
  tg_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
}

void DocumentBuilder::index_free_text(Xapian::Document& doc, const Article& a) const {
  std::vector<std::string> implied;
  tg_.set_document(doc);
  stemmer_->count_words(true);
  const std::string title = prepare_index_text(a.title, &implied);
  tg_.index_text(title, 1, schema::kTitlePrefix);
  tg_.increase_termpos();
  tg_.index_text(title, schema::kTitleWeight, schema::kTextPrefix);
  // Each field starts after a gap so that a phrase cannot span two fields.
  for (const std::string* text : {&a.dek, &a.caption, &a.body}) {
    if (text->empty()) continue;
    tg_.increase_termpos();
    tg_.index_text(prepare_index_text(*text, &implied), 1, schema::kTextPrefix);
  }
  // The exact fields' words as free text too, without positions (a phrase
  // never runs into them): "diplomacy" finds what is tagged Diplomacy,
  // "lucey" what Catherine Lucey wrote.
  for (const schema::ExactField& field : schema::kExactFields) {
    const auto index = [&](const std::string& value) {
      if (value.empty()) return;
      tg_.index_text_without_positions(prepare_index_text(value, &implied), 1, schema::kTextPrefix);
    };
    if (field.multi()) {
      for (const std::string& value : a.*field.values) index(value);
    } else {
      index(a.*field.value);
    }
  }
  stemmer_->count_words(false);
  // Names are matched as written: "author:williams" is not "william".
  tg_.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
  for (const schema::ExactField& field : schema::kExactFields) {
    if (field.word_prefix == nullptr) continue;
    for (const std::string& name : a.*field.values) {
      tg_.increase_termpos();
      tg_.index_text(fold_accents(name), 1, field.word_prefix);
    }
  }
  tg_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
  doc = tg_.get_document();
  // The document goes to the writer's thread, and Xapian's reference counts
  // are not atomic: the TermGenerator must hold no reference to it.
  tg_.set_document(Xapian::Document());
  for (const std::string& token : implied) doc.add_term(schema::kTextPrefix + token);
}

Xapian::Document DocumentBuilder::build(const Article& a) const {
  Xapian::Document doc;
  doc.add_boolean_term(schema::id_term(a.id));
  for (const schema::ExactField& field : schema::kExactFields) add_exact_field(doc, field, a);
  add_band_terms(doc, a.body);
  add_date(doc, a.published);
  // Words last: an article rejected above (too many values) adds none to
  // the spelling data.
  index_free_text(doc, a);
  std::string data = stored_data(a);
  doc.add_value(schema::kHashSlot, stored_digest(data, a.body));
  if (!a.body.empty()) doc.add_value(schema::kBodySlot, a.body);
  doc.set_data(std::move(data));
  return doc;
}

void DocumentBuilder::take_spelling(SpellingCounts* counts) const { stemmer_->take(counts); }

}  // namespace news
