#include "search/ranking.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "schema.h"
#include "store/stored_document.h"
#include "text/analysis.h"
#include "text/text.h"

namespace news {
namespace {

constexpr double kSecondsPerDay = 86400;

double parse_number(const std::string& name, const std::string& value) {
  char* end = nullptr;
  const double d = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0' || !std::isfinite(d) || d < 0) {
    throw QueryError("ranking: " + name + " must be a non-negative number, got '" + value + "'");
  }
  return d;
}

void set_param(RankingParams& p, const std::string& name, const std::string& value) {
  const std::map<std::string, std::function<void(double)>> numeric = {
      {"k1", [&](double d) { p.k1 = d; }},
      {"b", [&](double d) { p.b = std::min(d, 1.0); }},
      {"expand", [&](double d) { p.expand_docs = static_cast<unsigned>(d); }},
      {"expand_terms", [&](double d) { p.expand_terms = static_cast<unsigned>(d); }},
      {"expand_min_docs", [&](double d) { p.expand_min_docs = static_cast<unsigned>(d); }},
      {"expand_max_df", [&](double d) { p.expand_max_df = std::min(d, 1.0); }},
      {"expand_weight", [&](double d) { p.expand_weight = d; }},
      {"expand_rerank", [&](double d) { p.expand_rerank = d != 0; }},
      {"proximity", [&](double d) { p.proximity_weight = d; }},
      {"window", [&](double d) { p.proximity_window = std::max(2u, static_cast<unsigned>(d)); }},
      {"recency_share", [&](double d) { p.recency_share = d; }},
      {"similar_terms",
       [&](double d) { p.similar_terms = std::max(1u, static_cast<unsigned>(d)); }},
  };
  if (name == "feedback") {
    if (value != "bo1" && value != "eset")
      throw QueryError("ranking: unknown feedback '" + value + "'");
    p.feedback = value;
    return;
  }
  if (name == "scheme") {
    static const std::set<std::string> kSchemes = {"bm25", "bm25+", "dph", "dlh", "pl2", "lm"};
    if (kSchemes.count(value) == 0) throw QueryError("ranking: unknown scheme '" + value + "'");
    p.scheme = value;
    return;
  }
  const auto it = numeric.find(name);
  if (it == numeric.end()) throw QueryError("ranking: unknown parameter '" + name + "'");
  it->second(parse_number(name, value));
}

constexpr double kBm25MinNormlen = 0.5;  // Xapian's default

std::unique_ptr<Xapian::Weight> make_weight(const RankingParams& p) {
  // BM25 with k2 = 0 (no query length term), k3 = 1 (repeated query words
  // count, saturating) and Xapian's default min_normlen.
  if (p.scheme == "bm25+") return std::make_unique<Xapian::BM25PlusWeight>(p.k1, 0, 1, p.b, 0.5, 1);
  if (p.scheme == "dph") return std::make_unique<Xapian::DPHWeight>();
  if (p.scheme == "dlh") return std::make_unique<Xapian::DLHWeight>();
  if (p.scheme == "pl2") return std::make_unique<Xapian::PL2Weight>();
  if (p.scheme == "lm") return std::make_unique<Xapian::LMWeight>();
  return std::make_unique<Xapian::BM25Weight>(p.k1, 0, 1, p.b, kBm25MinNormlen);
}

Xapian::Query filtered(const Xapian::Query& q, const Xapian::Query& filter) {
  return filter.empty() ? q : Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
}

// Terms that carry free text: stems (Z, title ZS) and author words (A).
// Boolean filter terms have other prefixes.
bool is_text_term(const std::string& t) {
  return !t.empty() && (t[0] == schema::kTextPrefix[0] || t[0] == schema::kAuthorWordPrefix[0]);
}

// The indexed terms of the stopwords: indexed for phrases, but no topic.
bool is_stopword_term(const std::string& term) {
  static const std::unordered_set<std::string> kTerms = [] {
    const Xapian::Stem stem("english");
    std::unordered_set<std::string> terms;
    for (const std::string& w : english_stopwords()) terms.insert(schema::kTextPrefix + stem(w));
    return terms;
  }();
  return kTerms.count(term) != 0;
}

// "Z" + a stem of at least 3 characters, not a title-only (ZS) stem, nor a
// stopword's.
bool is_word_stem(const std::string& term) {
  return term.size() > 3 && term[0] == schema::kTextPrefix[0] &&
         !(term[1] >= 'A' && term[1] <= 'Z') && !is_stopword_term(term);
}

// Accepts body/title stems for query expansion, except `excluded` ones.
class StemDecider : public Xapian::ExpandDecider {
 public:
  explicit StemDecider(std::set<std::string> excluded) : excluded_(std::move(excluded)) {}
  bool operator()(const std::string& term) const override {
    return is_word_stem(term) && excluded_.count(term) == 0;
  }

 private:
  std::set<std::string> excluded_;
};

// Accepts only the stems found in at least `min_docs` of the feedback
// stories (a word in one story only is more often noise than topic), and
// so saves the ESet the term statistics of every other word.
class FeedbackDecider : public Xapian::ExpandDecider {
 public:
  FeedbackDecider(const Xapian::Database& db, const Xapian::MSet& top, unsigned min_docs,
                  const std::set<std::string>& excluded) {
    std::map<std::string, unsigned> docs_with;
    for (auto it = top.begin(); it != top.end(); ++it) {
      for (auto t = db.termlist_begin(*it); t != db.termlist_end(*it); ++t) {
        if (is_word_stem(*t)) ++docs_with[*t];
      }
    }
    for (const auto& [term, n] : docs_with) {
      if (n >= min_docs && excluded.count(term) == 0) accepted_.insert(term);
    }
  }
  bool operator()(const std::string& term) const override { return accepted_.count(term) != 0; }

 private:
  std::set<std::string> accepted_;
};

// The query's stems, so that expansion adds new words only.
std::set<std::string> query_stems(const Xapian::Query& q) {
  return {q.get_unique_terms_begin(), q.get_unique_terms_end()};
}

// One OR of the ESet's terms, each scaled by its expand weight relative to
// the best one.
Xapian::Query weighted_terms(const Xapian::ESet& eset) {
  std::vector<Xapian::Query> terms;
  if (eset.empty()) return Xapian::Query();
  const double best = eset.begin().get_weight();
  for (auto t = eset.begin(); t != eset.end(); ++t) {
    const double w = best > 0 ? t.get_weight() / best : 1.0;
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*t), w);
  }
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Bo1 feedback (Amati 2003, divergence from randomness, Bose-Einstein):
// each stem t of the feedback stories scores
//   w(t) = tf_x * log2((1 + Pn) / Pn) + log2(1 + Pn),   Pn = F / N
// where tf_x is t's frequency in the feedback stories, F its frequency in
// the collection and N the number of stories. Only stems found in at least
// `expand_min_docs` of the stories, and in at most `expand_max_df` of the
// collection's, are candidates. The query's own stems take part in the
// normalisation (as in Terrier) but are not added again; the
// `expand_terms` best new stems are returned, best first, each with
// w(t) / max w (the scale of its weight in the query). One pass over each
// story's stems (the termlist from "Z" on), two frequency look-ups per
// candidate: much cheaper than the ESet.
std::vector<std::pair<std::string, double>> bo1_terms(const Xapian::Database& db,
                                                      const Xapian::MSet& top,
                                                      const RankingParams& params,
                                                      const std::set<std::string>& query) {
  const unsigned terms = params.expand_terms;
  // The termlists are sorted: merge them, keeping each stem's total wdf
  // and the number of stories holding it.
  struct Cursor {
    Xapian::TermIterator it, end;
    std::string term;
    bool next() {
      for (; it != end; ++it) {
        term = *it;
        if (term[0] != schema::kTextPrefix[0]) break;
        if (is_word_stem(term)) return true;
      }
      it = end;
      return false;
    }
  };
  std::vector<Cursor> cursors;
  for (auto d = top.begin(); d != top.end(); ++d) {
    Cursor c{db.termlist_begin(*d), db.termlist_end(*d), {}};
    c.it.skip_to(schema::kTextPrefix);
    if (c.next()) cursors.push_back(std::move(c));
  }
  std::vector<std::pair<std::string, Xapian::termcount>> candidates;
  while (!cursors.empty()) {
    std::string least = cursors[0].term;
    for (const Cursor& c : cursors) least = std::min(least, c.term);
    Xapian::termcount tf = 0;
    unsigned docs = 0;
    for (size_t i = 0; i < cursors.size();) {
      Cursor& c = cursors[i];
      if (c.term == least) {
        tf += c.it.get_wdf();
        ++docs;
        ++c.it;
        if (!c.next()) {
          cursors.erase(cursors.begin() + static_cast<std::ptrdiff_t>(i));
          continue;
        }
      }
      ++i;
    }
    if (docs >= params.expand_min_docs) candidates.emplace_back(std::move(least), tf);
  }
  // Exact pruning: F >= tf_x, so w(t) <= bound(tf_x), the weight with
  // Pn = tf_x / N, which grows with tf_x (w falls with Pn up to Pn = tf_x,
  // and Pn = F / N, at most the mean story length, never gets back up to
  // the bound). Candidates are visited by
  // decreasing bound, and the look-ups stop once the bound falls below the
  // `terms`-th best new stem's weight (no later one could enter, nor be
  // the maximum): most of the collection-frequency look-ups are skipped.
  const double n = db.get_doccount();
  const double max_df = params.expand_max_df * n;
  const auto bo1 = [](double tf, double pn) {
    return tf * std::log2((1 + pn) / pn) + std::log2(1 + pn);
  };
  std::sort(candidates.begin(), candidates.end(),
            [](const auto& x, const auto& y) { return x.second > y.second; });
  std::vector<std::pair<double, std::string>> scored;  // a min-heap of the best new stems
  const auto heap_less = [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  };
  double best = 0;
  for (auto& [term, tf] : candidates) {
    if (!scored.empty() && scored.size() == terms &&
        bo1(tf, std::min(1.0, tf / n)) < scored.front().first)
      break;
    if (db.get_termfreq(term) > max_df) continue;
    const double f = static_cast<double>(db.get_collection_freq(term));
    if (f <= 0) continue;
    const double w = bo1(tf, f / n);
    best = std::max(best, w);
    if (terms == 0 || query.count(term) != 0) continue;
    if (scored.size() < terms) {
      scored.emplace_back(w, std::move(term));
      std::push_heap(scored.begin(), scored.end(), heap_less);
    } else if (heap_less(std::make_pair(w, term), scored.front())) {
      std::pop_heap(scored.begin(), scored.end(), heap_less);
      scored.back() = {w, std::move(term)};
      std::push_heap(scored.begin(), scored.end(), heap_less);
    }
  }
  if (scored.empty() || best <= 0) return {};
  std::sort_heap(scored.begin(), scored.end(), heap_less);  // best first
  std::vector<std::pair<std::string, double>> out;
  for (auto& [w, term] : scored) out.emplace_back(std::move(term), w / best);
  return out;
}

// Freshness as a weight: scale * 2^(-age / half_life), read from the
// sortable publication time slot. Stories without a date get nothing.
class RecencySource : public Xapian::ValuePostingSource {
 public:
  RecencySource(double scale, double now_seconds, double half_life_days)
      : Xapian::ValuePostingSource(schema::kTimeSlot),
        scale_(scale),
        now_(now_seconds),
        half_life_days_(half_life_days) {}

  void init(const Xapian::Database& db) override {
    Xapian::ValuePostingSource::init(db);
    set_maxweight(scale_);
  }
  double get_weight() const override {
    const double age = now_ - Xapian::sortable_unserialise(get_value());
    return scale_ * recency_decay(age, half_life_days_);
  }
  Xapian::PostingSource* clone() const override {
    return new RecencySource(scale_, now_, half_life_days_);
  }
  std::string name() const override { return "news::RecencySource"; }

 private:
  double scale_;
  double now_;
  double half_life_days_;
};

bool has_query_syntax(const std::string& q) {
  if (q.find_first_of(":\"()+-*") != std::string::npos) return true;
  for (const char* op : {" and ", " or ", " not ", " xor ", " near ", " adj "}) {
    std::string lower = " " + q + " ";
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    if (lower.find(op) != std::string::npos) return true;
  }
  return false;
}

// The query's stems in order (stopwords dropped), as indexed with
// positions.
std::vector<std::string> positional_words(const ParsedQuery& query) {
  Xapian::SimpleStopper stopper(english_stopwords().begin(), english_stopwords().end());
  Xapian::TermGenerator tg;
  tg.set_stemmer(query.stemmer);
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
  tg.set_stopper(&stopper);
  tg.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
  Xapian::Document doc;
  tg.set_document(doc);
  tg.index_text(query.prepared, 1, schema::kTextPrefix);
  std::map<Xapian::termpos, std::string> by_pos;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) by_pos[*p] = *t;
  }
  std::vector<std::string> words;
  for (const auto& entry : by_pos) words.push_back(entry.second);
  return words;
}

// The wdf of `term` in document `did` (0 when absent).
Xapian::termcount wdf_of(const Xapian::Database& db, Xapian::docid did, const std::string& term) {
  Xapian::TermIterator t = db.termlist_begin(did);
  t.skip_to(term);
  return t != db.termlist_end(did) && *t == term ? t.get_wdf() : 0;
}

// "title N, body M" for a stem term (Z...) of document `did`.
std::string field_detail(const Xapian::Database& db, Xapian::docid did, const std::string& term) {
  if (term[0] != schema::kTextPrefix[0] || term.rfind(schema::kTitlePrefix, 0) == 0) return "";
  const std::string title_term = schema::kTitlePrefix + term.substr(1);
  const Xapian::termcount all = wdf_of(db, did, term);
  const Xapian::termcount title = wdf_of(db, did, title_term);
  const Xapian::termcount body =
      all > title * schema::kTitleWeight ? all - title * schema::kTitleWeight : 0;
  return "title " + std::to_string(title) + ", body " + std::to_string(body);
}

std::string id_term_of(const Xapian::Document& doc) {
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to(schema::kIdPrefix);
  if (t == doc.termlist_end() || (*t).rfind(schema::kIdPrefix, 0) != 0) return "";
  return *t;
}

}  // namespace

RankingParams parse_ranking_params(const std::string& spec) {
  RankingParams p;
  size_t start = 0;
  while (start < spec.size()) {
    size_t end = spec.find(',', start);
    if (end == std::string::npos) end = spec.size();
    const std::string item = spec.substr(start, end - start);
    start = end + 1;
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    if (eq == std::string::npos)
      throw QueryError("ranking: expected name=value, got '" + item + "'");
    set_param(p, item.substr(0, eq), item.substr(eq + 1));
  }
  return p;
}

double parse_half_life_days(const std::string& text) {
  static const std::map<char, double> kUnits = {
      {'h', 1.0 / 24}, {'d', 1}, {'w', 7}, {'m', 30}, {'y', 365}};
  std::string number = text;
  double unit = 1;
  if (!text.empty() && kUnits.count(text.back()) != 0) {
    unit = kUnits.at(text.back());
    number.pop_back();
  }
  char* end = nullptr;
  const double d = std::strtod(number.c_str(), &end);
  if (number.empty() || *end != '\0' || !std::isfinite(d) || d <= 0) {
    throw QueryError("--recent: expected a half-life such as 30d, 2w, 6m, 1y or 12h, got '" + text +
                     "'");
  }
  return d * unit;
}

double recency_decay(double age_seconds, double half_life_days) {
  if (age_seconds <= 0) return 1;
  return std::exp2(-age_seconds / (half_life_days * kSecondsPerDay));
}

Ranker::Ranker(const Xapian::Database& db, const SearchRequest& request, const CivilDay& today,
               const MemoryBm25* lengths)
    : db_(db),
      params_(parse_ranking_params(request.ranking)),
      weight_(make_weight(params_)),
      lengths_(lengths),
      weighs_in_memory_(lengths != nullptr && params_.scheme == "bm25" && !request.explain),
      half_life_days_(request.recent_half_life_days) {
  CivilDay day = today;
  if (!request.as_of.empty()) {
    try {
      day = parse_date_bound(request.as_of, today, true);
    } catch (const DateError& e) {
      throw QueryError(std::string("--as-of: ") + e.what());
    }
  }
  // The end of the reference day: every story of that day is "fresh".
  now_seconds_ = static_cast<double>(day.days_since_epoch() + 1) * kSecondsPerDay - 1;
}

Ranker::~Ranker() = default;

Xapian::Query Ranker::similar_query(const std::string& id) const {
  const std::string id_term = schema::id_term(id);
  Xapian::PostingIterator p = db_.postlist_begin(id_term);
  if (p == db_.postlist_end(id_term)) {
    throw QueryError("--similar: no story with id '" + id + "'");
  }
  Xapian::RSet rset;
  rset.add_document(*p);
  const StemDecider decider({});
  const Xapian::ESet eset =
      enquire_of(Xapian::Query(id_term)).get_eset(params_.similar_terms, rset, &decider);
  if (eset.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, weighted_terms(eset), Xapian::Query(id_term));
}

PreparedRanking Ranker::prepare(const RankingInput& in) const {
  PreparedRanking out;
  const Xapian::Query& text = in.text;
  for (auto t = text.get_unique_terms_begin(); t != text.get_unique_terms_end(); ++t) {
    if (is_text_term(*t)) out.parts.push_back({*t, Xapian::Query(*t), true});
  }
  Xapian::Query scored = text;
  Xapian::Query run = runnable(text);            // `scored` as the match runs it
  const bool browse = text.get_length() == 0 ||  // MatchAll: no words
                      text.get_type() == Xapian::Query::LEAF_MATCH_ALL;
  const bool words = !browse && !in.count_only && in.words != nullptr;
  // Adds `part` on top of the query, with `part_run` as the match runs it.
  const auto add = [&](Xapian::Query::op op, const std::string& what, const Xapian::Query& part,
                       const Xapian::Query& part_run) {
    scored = Xapian::Query(op, scored, part);
    run = Xapian::Query(op, run, part_run);
    out.parts.push_back({what, part, false});
  };
  if (params_.expand_docs > 0 && words) {
    const Expansion exp = expansion(text, in.filter);
    if (!exp.terms.empty()) {
      add(params_.expand_rerank ? Xapian::Query::OP_AND_MAYBE : Xapian::Query::OP_OR, "expansion",
          exp.terms, exp.run);
      out.feedback_terms.insert(exp.terms.get_unique_terms_begin(),
                                exp.terms.get_unique_terms_end());
    }
  }
  if (params_.proximity_weight > 0 && words) {
    const Xapian::Query near = proximity(*in.words);
    if (!near.empty()) add(Xapian::Query::OP_AND_MAYBE, "proximity", near, near);
  }
  if (half_life_days_ > 0 && !in.count_only) {
    const Xapian::Query fresh = recency(scored, in.filter);
    add(Xapian::Query::OP_AND_MAYBE, "recency", fresh, fresh);
  }
  out.written = filtered(scored, in.filter);
  out.run = filtered(run, in.filter);
  out.in_memory = weighs_in_memory_;
  return out;
}

Xapian::Enquire Ranker::enquire_of(const Xapian::Query& query) const {
  Xapian::Enquire e(db_);
  e.set_weighting_scheme(*weight_);
  e.set_query(query);
  return e;
}

// `query` as the match runs it.
Xapian::Query Ranker::runnable(const Xapian::Query& query) const {
  if (!weighs_in_memory_) return query;
  return lengths_->weigh(query, bm25_params());
}

MemoryBm25::Params Ranker::bm25_params() const { return {params_.k1, params_.b, kBm25MinNormlen}; }

Xapian::MSet Ranker::snippet_mset(const PreparedRanking& ranking, const Xapian::MSet& mset) const {
  if (!ranking.in_memory) return mset;
  return enquire_of(ranking.written).get_mset(0, 0);
}

Xapian::MSet Ranker::feedback_stories(const Xapian::Query& text,
                                      const Xapian::Query& filter) const {
  return enquire_of(runnable(filtered(text, filter))).get_mset(0, params_.expand_docs);
}

Ranker::Expansion Ranker::expansion(const Xapian::Query& text, const Xapian::Query& filter) const {
  const Xapian::MSet top = feedback_stories(text, filter);
  // Without weighted words (a pure filter) the top stories are arbitrary.
  if (top.empty() || top.begin().get_weight() <= 0) return {};
  if (params_.feedback == "bo1") {
    const auto stems = bo1_terms(db_, top, params_, query_stems(text));
    if (stems.empty()) return {};
    std::vector<Xapian::Query> terms, run;
    for (const auto& [stem, scale] : stems) {
      terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(stem), scale);
      // Xapian multiplies the scales down to the term: expand_weight * scale.
      if (weighs_in_memory_) {
        run.push_back(lengths_->term(stem, params_.expand_weight * scale, bm25_params()));
      }
    }
    Expansion e;
    e.terms = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                            Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                            params_.expand_weight);
    e.run = run.empty() ? e.terms : Xapian::Query(Xapian::Query::OP_OR, run.begin(), run.end());
    return e;
  }
  Xapian::RSet rset;
  for (auto it = top.begin(); it != top.end(); ++it) rset.add_document(*it);
  const FeedbackDecider decider(db_, top, params_.expand_min_docs, query_stems(text));
  const Xapian::ESet eset =
      enquire_of(runnable(filtered(text, filter))).get_eset(params_.expand_terms, rset, &decider);
  if (eset.empty()) return {};
  const Xapian::Query terms(Xapian::Query::OP_SCALE_WEIGHT, weighted_terms(eset),
                            params_.expand_weight);
  return {terms, terms};
}

Xapian::Query Ranker::proximity(const ParsedQuery& parsed) const {
  if (has_query_syntax(parsed.text)) return Xapian::Query();
  const std::vector<std::string> words = positional_words(parsed);
  std::vector<Xapian::Query> pairs;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const Xapian::Query pair[] = {Xapian::Query(words[i]), Xapian::Query(words[i + 1])};
    pairs.emplace_back(Xapian::Query::OP_NEAR, std::begin(pair), std::end(pair),
                       params_.proximity_window);
  }
  if (pairs.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()),
                       params_.proximity_weight);
}

Xapian::Query Ranker::recency(const Xapian::Query& scored, const Xapian::Query& filter) const {
  // The boost is a share of the best relevance score of this query, so
  // that it means the same for short and long queries; browse mode (no
  // words, every score 0) orders by freshness alone.
  double best = 1;
  if (scored.get_length() > 0) {
    const Xapian::MSet top = enquire_of(filtered(scored, filter)).get_mset(0, 1);
    if (!top.empty() && top.get_max_attained() > 0) best = top.get_max_attained();
  }
  auto* source = new RecencySource(params_.recency_share * best, now_seconds_, half_life_days_);
  return Xapian::Query(source->release());
}

double Ranker::part_weight(const Xapian::Query& part, Xapian::docid did) const {
  const std::string id_term = id_term_of(db_.get_document(did));
  if (id_term.empty()) return 0;
  const Xapian::MSet m =
      enquire_of(Xapian::Query(Xapian::Query::OP_FILTER, part, Xapian::Query(id_term)))
          .get_mset(0, 1);
  return m.empty() ? 0 : m.begin().get_weight();
}

Explanation Ranker::explain(const PreparedRanking& ranking, const Xapian::Enquire& enquire,
                            const Xapian::MSetIterator& hit) const {
  Explanation e;
  const Xapian::docid did = *hit;
  for (auto t = enquire.get_matching_terms_begin(hit); t != enquire.get_matching_terms_end(hit);
       ++t) {
    e.matched_terms.push_back(*t);
  }
  for (const PreparedRanking::Part& part : ranking.parts) {
    if (part.is_term && std::find(e.matched_terms.begin(), e.matched_terms.end(), part.what) ==
                            e.matched_terms.end()) {
      continue;
    }
    const double w = part_weight(part.query, did);
    if (!part.is_term && w == 0) continue;
    e.parts.push_back({part.what, w, part.is_term ? field_detail(db_, did, part.what) : ""});
  }
  return e;
}

}  // namespace news
