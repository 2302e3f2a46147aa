#include "columns/memory_bm25.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace news {
namespace {

// One term's postings weighed as Xapian::BM25Weight(k1, 0, 1, b,
// min_normlen) weighs them (xapian-core/weight/bm25weight.cc, 1.4), the
// story length taken from memory.
class Bm25TermSource : public Xapian::PostingSource {
 public:
  Bm25TermSource(std::string term, Xapian::termcount wqf, double factor, const MemoryBm25& lengths,
                 const MemoryBm25::Params& params)
      : term_(std::move(term)),
        wqf_(wqf),
        factor_(factor),
        lengths_(lengths),
        k1_(params.k1),
        b_(params.b),
        min_normlen_(params.min_normlen) {}

  void init(const Xapian::Database& db) override {
    it_ = db.postlist_begin(term_);
    end_ = db.postlist_end(term_);
    started_ = false;
    termfreq_ = db.get_termfreq(term_);
    set_termweight(db.get_doccount());
    len_factor_ = b_ == 0 || k1_ == 0 ? 0 : db.get_avlength();
    if (len_factor_ != 0) len_factor_ = 1 / len_factor_;
    set_maxweight(max_part(db.get_wdf_upper_bound(term_), db.get_doclength_lower_bound()));
  }

  Xapian::doccount get_termfreq_min() const override { return termfreq_; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_; }

  void next(double) override {
    if (started_) {
      ++it_;
    } else {
      started_ = true;
    }
  }
  void skip_to(Xapian::docid did, double) override {
    started_ = true;
    it_.skip_to(did);
  }
  bool at_end() const override { return it_ == end_; }
  Xapian::docid get_docid() const override { return *it_; }

  double get_weight() const override {
    const double normlen = std::max(lengths_.length(*it_) * len_factor_, min_normlen_);
    const double wdf = it_.get_wdf();
    const double denom = k1_ * (normlen * b_ + (1 - b_)) + wdf;
    return termweight_ * (wdf / denom);
  }

  std::string get_description() const override { return "Bm25TermSource(" + term_ + ")"; }

 private:
  // BM25Weight::init with no relevance set and k3 = 1.
  void set_termweight(Xapian::doccount collection_size) {
    double tw = (collection_size - termfreq_ + 0.5) / (termfreq_ + 0.5);
    if (tw < 2) tw = tw * 0.5 + 1;
    termweight_ = std::log(tw) * factor_;
    const double k3 = 1;
    const double wqf = wqf_;
    termweight_ *= (k3 + 1) * wqf / (k3 + wqf);
    termweight_ *= (k1_ + 1);
  }

  // BM25Weight::get_maxpart.
  double max_part(Xapian::termcount wdf_upper_bound, Xapian::termcount length_lower_bound) const {
    double denom = k1_;
    if (k1_ != 0 && b_ != 0) {
      const double normlen_lb =
          std::max(std::max(wdf_upper_bound, length_lower_bound) * len_factor_, min_normlen_);
      denom *= (normlen_lb * b_ + (1 - b_));
    }
    const double wdf_max = wdf_upper_bound;
    denom += wdf_max;
    return termweight_ * (wdf_max / denom);
  }

  std::string term_;
  Xapian::termcount wqf_;
  double factor_;  // of the scaled subqueries it stands in
  const MemoryBm25& lengths_;
  double k1_, b_, min_normlen_;
  Xapian::PostingIterator it_, end_;
  bool started_ = false;
  Xapian::doccount termfreq_ = 0;
  double termweight_ = 0;
  double len_factor_ = 0;
};

}  // namespace

std::unique_ptr<MemoryBm25> MemoryBm25::load(const Xapian::Database& db) {
  auto memory = std::unique_ptr<MemoryBm25>(new MemoryBm25);
  memory->lengths_.assign(static_cast<size_t>(db.get_lastdocid()) + 1, 0);
  // The empty term's postings are every story, with its length.
  const Xapian::PostingIterator end = db.postlist_end("");
  for (Xapian::PostingIterator it = db.postlist_begin(""); it != end; ++it) {
    memory->lengths_[*it] = it.get_doclength();
  }
  return memory;
}

Xapian::Query MemoryBm25::term(const std::string& term, double factor, const Params& params) const {
  return Xapian::Query((new Bm25TermSource(term, 1, factor, *this, params))->release());
}

Xapian::Query MemoryBm25::weigh(const Xapian::Query& query, const Params& params) const {
  const auto op = query.get_type();
  if (op == Xapian::Query::LEAF_TERM) {
    return Xapian::Query(
        (new Bm25TermSource(*query.get_terms_begin(), query.get_length(), 1.0, *this, params))
            ->release());
  }
  size_t weighed = 0;  // the subqueries whose weight counts come first
  switch (op) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_MAYBE:
      weighed = query.get_num_subqueries();
      break;
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_AND_NOT:
      weighed = 1;
      break;
    default:
      return query;
  }
  std::vector<Xapian::Query> subqueries;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    const Xapian::Query sub = query.get_subquery(i);
    subqueries.push_back(i < weighed ? weigh(sub, params) : sub);
  }
  return Xapian::Query(op, subqueries.begin(), subqueries.end());
}

}  // namespace news
