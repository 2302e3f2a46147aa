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
#include "search/query_parser.h"
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

// The freshness factor 2^(-age/half_life), 1 for stories not older than
// the reference time.
double recency_decay(double age_seconds, double half_life_days);

// One query for Ranker::prepare.
struct RankingInput {
  Xapian::Query text;    // what the words (or --similar) match
  Xapian::Query filter;  // filters and dates, never scored (empty: none)
  // The words as parsed, for proximity; null for --similar, which gets
  // neither feedback nor proximity.
  const ParsedQuery* words = nullptr;
  bool count_only = false;  // limit 0: the order does not matter
};

// A query ranked as its request asks (Ranker::prepare): what the match runs
// and what snippets and explanations read.
struct PreparedRanking {
  // One part of the score, weighed on its own for --explain.
  struct Part {
    std::string what;  // a query term, "expansion", "proximity", "recency"
    Xapian::Query query;
    bool is_term;
  };
  Xapian::Query run;       // what the match runs
  Xapian::Query written;   // the same as written: terms where `run` may hold sources
  bool in_memory = false;  // `run` weighs on lengths in memory (its terms are not `written`'s)
  std::set<std::string> feedback_terms;  // the stems feedback added, not the query's own
  std::vector<Part> parts;
};

// A request's ranking: the weighting scheme, the scored query (expansion,
// proximity, recency) and the explanation of hits. One per search.
class Ranker {
 public:
  // Reads the request's ranking options (ranking, as_of, recent_half_life_days,
  // explain); `today` is the reference day for recency unless as_of is set.
  // With `lengths` (of `db`), BM25 passes run on them (columns/memory_bm25.h).
  // Throws QueryError for bad ranking parameters or --as-of.
  Ranker(const Xapian::Database& db, const SearchRequest& request, const CivilDay& today,
         const MemoryBm25* lengths = nullptr);
  ~Ranker();

  // The weighting scheme every pass of this ranking uses.
  const Xapian::Weight& weight() const { return *weight_; }
  const RankingParams& params() const { return params_; }

  // The query of a --similar search: the story's most distinctive terms,
  // the story itself excluded. Throws QueryError for an unknown id.
  Xapian::Query similar_query(const std::string& id) const;

  // The query to match: `in.text` with the ranking evidence asked for on
  // top of it, filtered by `in.filter`. Runs a first pass for feedback or
  // recency when they are on, except for a count alone.
  PreparedRanking prepare(const RankingInput& in) const;

  // Feedback's first pass alone: the top stories of `text` filtered by
  // `filter`, which feedback reads its stems from.
  Xapian::MSet feedback_stories(const Xapian::Query& text, const Xapian::Query& filter) const;

  // What snippets are made from for the hits of `mset` (the match of
  // `ranking.run`): `mset` itself or, when the match ran on lengths in
  // memory (its query holds no terms to mark), the term statistics of
  // `ranking.written` without hits.
  Xapian::MSet snippet_mset(const PreparedRanking& ranking, const Xapian::MSet& mset) const;

  // Why the hit ranked there: matched terms (of `enquire`, which ran
  // `ranking`) and the weight of each part of the query (terms with their
  // field occurrences, expansion, proximity, recency).
  Explanation explain(const PreparedRanking& ranking, const Xapian::Enquire& enquire,
                      const Xapian::MSetIterator& hit) const;

 private:
  // Feedback's new stems, as written and as the match runs them.
  struct Expansion {
    Xapian::Query terms;
    Xapian::Query run;
  };
  Expansion expansion(const Xapian::Query& text, const Xapian::Query& filter) const;
  Xapian::Query proximity(const ParsedQuery& words) const;
  Xapian::Query recency(const Xapian::Query& scored, const Xapian::Query& filter) const;
  double part_weight(const Xapian::Query& part, Xapian::docid did) const;
  // An Enquire of `query` on this ranking's weighting scheme.
  Xapian::Enquire enquire_of(const Xapian::Query& query) const;
  Xapian::Query runnable(const Xapian::Query& query) const;
  MemoryBm25::Params bm25_params() const;

  Xapian::Database db_;
  RankingParams params_;
  std::unique_ptr<Xapian::Weight> weight_;
  const MemoryBm25* lengths_;
  // Matches run on `lengths_`: BM25 with lengths at hand, except for
  // --explain, which reads the matching terms of the Enquire.
  bool weighs_in_memory_;
  double now_seconds_;  // recency's reference time
  double half_life_days_;
};

}  // namespace news

#endif  // NEWS_COMMON_SEARCH_RANKING_H_
