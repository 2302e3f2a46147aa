#ifndef NEWS_COMMON_SEARCH_RANKING_H_
#define NEWS_COMMON_SEARCH_RANKING_H_

// Ranking: the weighting scheme, pseudo-relevance feedback, proximity
// evidence, recency and "more like this", and the per-hit explanation.
// The defaults and the measurements behind them are in docs/RANKING.md.

#include <xapian.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "columns/memory_bm25.h"
#include "news/search.h"
#include "text/dates.h"

namespace news {

// Ranking parameters; the defaults are the chosen ones (docs/RANKING.md).
struct RankingParams {
  // BM25 with Xapian's defaults, re-ranked by feedback (below); DPH scores
  // better without feedback and worse with it (docs/RANKING.md).
  std::string scheme = "bm25";  // dph, bm25, bm25+, dlh, pl2, lm
  double k1 = 1.0;              // BM25 (scheme=bm25) term frequency saturation
  double b = 0.5;               // BM25 document length normalisation
  // Pseudo-relevance feedback, on by default: the top `expand_docs`
  // stories of a first pass (0 = off) give `expand_terms` new stems, ORed
  // with the query at `expand_weight` times its weight. Defaults: Bo1 over
  // 3 stories (Terrier's default feedback depth), stems in >= 2 of them
  // (Terrier's expansion.mindocuments), 10 terms (Terrier's default), x0.5
  // (an even interpolation, as Anserini's RM3 originalQueryWeight=0.5).
  unsigned expand_docs = 3;
  unsigned expand_terms = 10;
  double expand_weight = 0.5;
  unsigned expand_min_docs = 2;  // an expansion word is in this many of them
  // ... and in at most this share of all stories (Bo1): Anserini's RM3 rule
  // (df / N > 0.1: no topic, "said", "company"), which also spares the
  // final match the longest posting lists. Stopwords never expand.
  double expand_max_df = 0.1;
  // How expansion words are chosen and weighted: "bo1" (Amati's
  // Bose-Einstein model, read straight from the stories' termlists) or
  // "eset" (Xapian's ESet, BM25-like expand weights; what --expand uses).
  std::string feedback = "bo1";
  // The expansion words only re-rank the stories the query matches
  // (OP_AND_MAYBE) instead of adding new ones (OP_OR). On by default, so
  // that totals, facet counts and exit codes are those of the words the
  // user typed.
  bool expand_rerank = true;
  // Proximity: adjacent query words within `proximity_window` positions
  // add `proximity_weight` times their BM25 weight (0 = off).
  double proximity_weight = 0;
  unsigned proximity_window = 8;
  // --recent: the freshest story gains up to this share of the best
  // relevance score of the query.
  double recency_share = 0.25;
  unsigned similar_terms = 40;  // --similar: terms taken from the story
};

// Reads "name=value,..." (names as in RankingParams) onto the defaults.
// Throws QueryError for an unknown name or a bad value.
RankingParams parse_ranking_params(const std::string& spec);

// Reads a half-life: "30d", "2w", "6m" (30 days), "1y" (365 days), "12h",
// or a plain number of days. Throws QueryError unless positive.
double parse_half_life_days(const std::string& text);

// The freshness factor 2^(-age/half_life), 1 for stories not older than
// the reference time.
double recency_decay(double age_seconds, double half_life_days);

// Applies a request's ranking to an Enquire: builds the scored query
// (expansion, proximity, recency) and explains hits. One per search.
class Ranker {
 public:
  // `today` is the reference day for recency unless request.as_of is set.
  // With `lengths` (of `db`), BM25 passes run on them (columns/memory_bm25.h).
  // Throws QueryError for bad ranking parameters or --as-of.
  Ranker(const Xapian::Database& db, const SearchRequest& request, const CivilDay& today,
         const MemoryBm25* lengths = nullptr);
  ~Ranker();

  // The query of a --similar request: the story's most distinctive terms,
  // the story itself excluded. Throws QueryError for an unknown id.
  Xapian::Query similar_query() const;

  // Sets the weighting scheme and the final query on `enquire`: `text`
  // (and the request's ranking evidence on top of it) filtered by
  // `filter` (an empty Query: none). Runs a first pass for feedback or
  // recency when they are on, except for a count alone (request.limit 0:
  // the order does not matter).
  void prepare(Xapian::Enquire& enquire, const Xapian::Query& text, const Xapian::Query& filter);

  // What snippets are made from for hits of `mset` (the prepared query's
  // match): `mset` itself, or, when that match ran on lengths in memory
  // (its query holds no terms to mark), the term statistics of the same
  // query without hits.
  Xapian::MSet snippet_mset(const Xapian::MSet& mset) const;

  // The stems feedback added to the query prepared last (not the query's
  // own): snippets leave them unhighlighted.
  const std::set<std::string>& feedback_terms() const { return feedback_terms_; }

  // Why the hit ranked there: matched terms and the weight of each part of
  // the query (terms with their field occurrences, expansion, proximity,
  // recency).
  Explanation explain(const Xapian::Enquire& enquire, const Xapian::MSetIterator& hit) const;

 private:
  struct Part {
    std::string what;
    Xapian::Query query;
    bool is_term;
  };
  // Feedback's new stems, as written and as the match runs them.
  struct Expansion {
    Xapian::Query terms;
    Xapian::Query run;
  };
  Expansion expansion(const Xapian::Query& text, const Xapian::Query& filter) const;
  Xapian::Query proximity() const;
  Xapian::Query recency(const Xapian::Query& scored, const Xapian::Query& filter) const;
  double part_weight(const Xapian::Query& part, Xapian::docid did) const;
  bool weighs_in_memory() const;
  Xapian::Query runnable(const Xapian::Query& query) const;
  MemoryBm25::Params bm25_params() const;

  Xapian::Database db_;
  const SearchRequest& request_;
  RankingParams params_;
  std::unique_ptr<Xapian::Weight> weight_;
  const MemoryBm25* lengths_;
  double now_seconds_;
  Xapian::Query prepared_;  // the prepared query as written: terms, not sources
  std::vector<Part> parts_;
  std::set<std::string> feedback_terms_;
};

}  // namespace news

#endif  // NEWS_COMMON_SEARCH_RANKING_H_
