#include "index/document_builder.h"

#include <cstdint>
#include <unordered_map>

#include "schema.h"
#include "text/analysis.h"
#include "text/dates.h"
#include "text/text.h"

namespace news {
namespace {

void add_exact_values(Xapian::Document& doc, const schema::ExactField& field,
                      const std::vector<std::string>& values) {
  if (values.size() > schema::kMaxValuesPerField) {
    throw ArticleError("field '" + std::string(field.name) + "s': more than " +
                       std::to_string(schema::kMaxValuesPerField) + " values");
  }
  for (size_t i = 0; i < values.size(); ++i) {
    doc.add_boolean_term(schema::exact_term(field, values[i]));
    doc.add_value(field.slot + static_cast<Xapian::valueno>(i), values[i]);
  }
}

void add_exact_value(Xapian::Document& doc, const schema::ExactField& field,
                     const std::string& value) {
  if (value.empty()) return;
  doc.add_boolean_term(schema::exact_term(field, value));
  doc.add_value(field.slot, value);
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

// Snowball's English stemmer behind a cache (a news story repeats its
// words, a collection its vocabulary). It also counts, for the spelling
// data, the documents holding each word: the spelling data is made of
// words, the index of stems. Counting on the cache entries costs an
// increment per word and document; the counts leave in bulk (take).
class DocumentBuilder::CachingStemmer : public Xapian::StemImplementation {
 public:
  // Counts the words stemmed from now on as those of a new document
  // (`on`), or stops counting.
  void count_words(bool on) {
    counting_ = on;
    if (on) ++document_;
  }

  std::string operator()(const std::string& word) override {
    auto it = cache_.find(word);
    if (it == cache_.end()) {
      if (cache_.size() >= kMaxCached) {
        move_pending(&spilled_);  // they point into the cache
        cache_.clear();
      }
      it = cache_.emplace(word, Entry{english_(word), is_spelling_word(word), 0, 0}).first;
    }
    Entry& e = it->second;
    if (counting_ && e.spelling && e.document != document_) {
      e.document = document_;
      if (e.pending++ == 0) pending_.push_back(&*it);
    }
    return e.stem;
  }
  std::string get_description() const override { return "english, cached"; }

  // Adds the counts since the last take to `counts`.
  void take(SpellingCounts* counts) {
    move_pending(counts);
    for (const auto& [word, n] : spilled_) (*counts)[word] += n;
    spilled_.clear();
  }

 private:
  void move_pending(SpellingCounts* counts) {
    for (auto* word : pending_) {
      (*counts)[word->first] += word->second.pending;
      word->second.pending = 0;
    }
    pending_.clear();
  }

  struct Entry {
    std::string stem;
    bool spelling;              // is_spelling_word
    uint64_t document;          // the last document that counted the word
    Xapian::termcount pending;  // documents counted since the last take
  };
  static constexpr size_t kMaxCached = 200000;  // about 25 MB per thread
  Xapian::Stem english_{"english"};
  std::unordered_map<std::string, Entry> cache_;
  std::vector<std::pair<const std::string, Entry>*> pending_;  // words with pending > 0
  SpellingCounts spilled_;                                     // pending counts of a cleared cache
  bool counting_ = false;
  uint64_t document_ = 0;
};

DocumentBuilder::DocumentBuilder() : stemmer_(new CachingStemmer) {
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
  stemmer_->count_words(false);
  // Names are matched as written: "author:williams" is not "william".
  tg_.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
  for (const std::string& author : a.authors) {
    tg_.increase_termpos();
    tg_.index_text(fold_accents(author), 1, schema::kAuthorWordPrefix);
  }
  tg_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
  doc = tg_.get_document();
  for (const std::string& token : implied) doc.add_term(schema::kTextPrefix + token);
}

Xapian::Document DocumentBuilder::build(const Article& a) const {
  Xapian::Document doc;
  doc.add_boolean_term(schema::id_term(a.id));
  add_exact_values(doc, schema::kAuthorField, a.authors);
  add_exact_value(doc, schema::kSourceField, a.source);
  add_exact_value(doc, schema::kSectionField, a.section);
  add_exact_values(doc, schema::kTagField, a.tags);
  add_exact_values(doc, schema::kPlaceField, a.places);
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
