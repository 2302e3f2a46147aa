#include "search/searcher.h"

#include <sys/stat.h>

#include <chrono>
#include <set>

#include "schema.h"
#include "store/retry.h"
#include "store/stored_document.h"
#include "text/analysis.h"
#include "text/text.h"

namespace news {
namespace {

constexpr size_t kSnippetLength = 240;

// `dates`: the time slot's values in memory, or null to read them.
void set_order(Xapian::Enquire& enquire, SortOrder sort, DateKeys* dates) {
  switch (sort) {
    case SortOrder::kNewest:
    case SortOrder::kOldest: {
      const bool newest = sort == SortOrder::kNewest;
      if (dates) {
        enquire.set_sort_by_key_then_relevance(dates, newest);
      } else {
        enquire.set_sort_by_value_then_relevance(schema::kTimeSlot, newest);
      }
      break;
    }
    case SortOrder::kRelevance:
      // Equal scores: newer first.
      if (dates) {
        enquire.set_sort_by_relevance_then_key(dates, true);
      } else {
        enquire.set_sort_by_relevance_then_value(schema::kTimeSlot, true);
      }
      break;
  }
}

std::string unescape_html(const std::string& s) {
  static constexpr std::pair<const char*, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    bool replaced = false;
    if (s[i] == '&') {
      for (const auto& [entity, c] : kEntities) {
        if (s.compare(i, std::char_traits<char>::length(entity), entity) == 0) {
          out += c;
          i += std::char_traits<char>::length(entity) - 1;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += s[i];
  }
  return out;
}

// What a snippet marks: the words of the query the user typed. Xapian
// marks every term of the query it ran, feedback stems too; those choose
// the passage but lose their marks (the user did not search for them). The
// written forms of acronyms ("U.S." for a search on "US") and the words a
// wildcard matches (Xapian 1.4 does not mark those) gain marks.
struct Highlights {
  const Xapian::Stem& stem;
  const std::set<std::string>& feedback_terms;
  std::set<std::string> query_tokens;  // the query's free-text terms without their prefix
  std::vector<std::string> wildcards;

  std::string apply(const std::string& marked) const {
    const std::string acronyms =
        mark_acronyms(unmark_feedback(marked), query_tokens, kHighlightOn, kHighlightOff);
    return mark_wildcard_words(acronyms, wildcards, kHighlightOn, kHighlightOff);
  }

 private:
  std::string unmark_feedback(const std::string& snippet) const {
    if (feedback_terms.empty()) return snippet;
    std::string out;
    size_t i = 0;
    for (size_t on; (on = snippet.find(kHighlightOn, i)) != std::string::npos;) {
      const size_t off = snippet.find(kHighlightOff, on);
      if (off == std::string::npos) break;
      out.append(snippet, i, on - i);
      const std::string word = snippet.substr(on + 1, off - on - 1);
      if (feedback_terms.count(schema::kTextPrefix + stem(Xapian::Unicode::tolower(word))) != 0) {
        out += word;
      } else {
        out.append(snippet, on, off - on + 1);
      }
      i = off + 1;
    }
    return out.append(snippet, i);
  }
};

// The words of the query's free-text terms (kTextPrefix stripped).
std::set<std::string> free_text_tokens(const Xapian::Query& query) {
  std::set<std::string> tokens;
  const std::string_view prefix = schema::kTextPrefix;
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    const std::string& term = *it;
    if (term.compare(0, prefix.size(), prefix) == 0) tokens.insert(term.substr(prefix.size()));
  }
  return tokens;
}

std::string make_snippet(const Xapian::MSet& mset, const Article& a, const Highlights& marks) {
  const std::string& text = a.body.empty() ? (a.dek.empty() ? a.title : a.dek) : a.body;
  const unsigned flags = 0;
  const std::string marked =
      mset.snippet(text, kSnippetLength, marks.stem, flags, std::string(1, kHighlightOn),
                   std::string(1, kHighlightOff), "...");
  return collapse_whitespace(unescape_html(marks.apply(marked)));
}

// `snippets_from`: Ranker::snippet_mset of the hit's MSet.
Hit make_hit(const Xapian::MSet& snippets_from, const Xapian::MSetIterator& it,
             const SearchRequest& request, const Highlights& marks) {
  Hit hit;
  hit.rank = it.get_rank() + 1;
  hit.score = it.get_weight();
  const Xapian::Document doc = it.get_document();
  hit.article = stored_article(doc, {request.snippets, false});
  hit.cluster = doc.get_value(schema::kClusterSlot);
  if (request.snippets) hit.snippet = make_snippet(snippets_from, hit.article, marks);
  hit.article.body.clear();  // not part of results; the snippet stands for it
  return hit;
}

// Each hit's copies (`hits` made from `mset`, in order): the other stories
// of its cluster matching `run`, and their sources.
void add_copies(const Xapian::Database& db, const Xapian::Query& run, const Xapian::MSet& mset,
                std::vector<Hit>& hits) {
  std::vector<std::string> clusters;
  for (const Hit& hit : hits) {
    if (!hit.cluster.empty()) clusters.push_back(hit.cluster);
  }
  const auto members = matching_members(db, run, clusters);
  auto it = mset.begin();
  for (Hit& hit : hits) {
    const auto found = members.find(hit.cluster);
    if (found != members.end()) {
      std::set<std::string> sources;
      for (const ClusterMember& m : found->second) {
        if (m.did == *it) continue;
        ++hit.copies;
        if (!m.source.empty()) sources.insert(m.source);
      }
      hit.copy_sources.assign(sources.begin(), sources.end());
    }
    ++it;
  }
}

// --copies: the stories of a story's cluster, oldest first, from offset to
// limit.
SearchResults copies_results(const Xapian::Database& db, const SearchRequest& request) {
  const std::vector<Xapian::Document> docs = cluster_of(db, request.copies_id);
  SearchResults results;
  results.query = request.query;
  results.offset = request.offset;
  results.limit = request.limit;
  results.total = docs.size();
  results.total_exact = true;
  results.clusters = 1;
  for (size_t i = request.offset; i < docs.size() && i - request.offset < request.limit; ++i) {
    Hit& hit = results.hits.emplace_back();
    hit.rank = i + 1;
    hit.article = stored_article(docs[i], {false, false});
    hit.cluster = docs[i].get_value(schema::kClusterSlot);
  }
  return results;
}

// The request's filters and date bounds (an empty Query: none). Throws
// QueryError for a bad one, and for --recent over remote shards (checked
// here to keep the order of messages: filters, then ranking options).
Xapian::Query request_filter(const NewsQueryParser& parser, const SearchRequest& request,
                             bool remote) {
  Xapian::Query filter = parser.filters(request.filters);
  const Xapian::Query dates = parser.date_range(request.since, request.until);
  if (!dates.empty()) {
    filter = filter.empty() ? dates : Xapian::Query(Xapian::Query::OP_AND, filter, dates);
  }
  if (remote && request.recent_half_life_days > 0) {
    // The recency weight is a posting source of ours, which a stock
    // xapian-tcpsrv does not know (Xapian's UnimplementedError otherwise).
    throw QueryError(
        "--recent cannot be used with remote shards: xapian-tcpsrv does not know the recency "
        "weight; search the shards locally or a replica, or sort with --sort newest");
  }
  return filter;
}

}  // namespace

Searcher::Searcher(const std::vector<std::string>& databases, bool allow_partial)
    : impl_(std::make_unique<Impl>(databases, allow_partial)) {}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResults Searcher::search(const SearchRequest& request) { return impl_->search(request); }

void Searcher::keep_values_in_memory() { impl_->keep_values_in_memory(); }

void Searcher::refresh() { impl_->refresh(); }

std::optional<Article> Searcher::article(const std::string& id) { return impl_->article(id); }

Facet Searcher::facet_values(const std::string& field, const std::string& prefix, size_t limit) {
  return impl_->facet_values(field, prefix, limit);
}

Searcher::Impl::Impl(const std::vector<std::string>& databases, bool allow_partial)
    : paths_(databases), allow_partial_(allow_partial), today_(today_utc()) {
  reopen();
}

void Searcher::Impl::reopen() {
  std::vector<Stamp> stamps_before = stamps();
  try {
    view_ = std::make_unique<IndexView>(paths_, allow_partial_);
  } catch (const IndexError& e) {
    throw SearchError(e.what());
  } catch (const Xapian::Error& e) {
    throw SearchError(e.get_description());
  }
  stamps_ = std::move(stamps_before);
  parser_.reset();
}

// A stub is replaced by rename(2) at each switch (a new inode); a path
// that is not a directory holding one is stamped itself.
std::vector<Searcher::Impl::Stamp> Searcher::Impl::stamps() const {
  std::vector<Stamp> out;
  for (const std::string& path : paths_) {
    struct stat st {};
    Stamp stamp;
    if (::stat((path + "/XAPIANDB").c_str(), &st) == 0 || ::stat(path.c_str(), &st) == 0) {
      stamp.inode = st.st_ino;
      stamp.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
      stamp.size = st.st_size;
    }
    out.push_back(stamp);
  }
  return out;
}

void Searcher::Impl::refresh() {
  const CivilDay today = today_utc();
  if (!(today == today_)) {
    today_ = today;
    parser_.reset();
  }
  if (stamps() != stamps_) return reopen();
  bool changed = false;
  try {
    Xapian::Database db = view_->db();  // shares the view's databases
    changed = db.reopen();
  } catch (const Xapian::Error&) {
    changed = true;  // a database gone or damaged: open the index afresh
  }
  if (changed) reopen();
}

template <typename Read>
auto Searcher::Impl::guarded(Read read) {
  for (int attempt = 1;; ++attempt) {
    try {
      const std::vector<std::string> paths = view_->local_paths();  // reopen() replaces the view
      // A new Database on each retry, not reopen(): the stub may now name
      // a new generation.
      return read_with_retries(paths, "cannot search", read, [&] { reopen(); });
    } catch (const Xapian::NetworkError& e) {
      if (attempt == kReadAttempts) {
        throw SearchError("remote shard failed: " + e.get_description());
      }
      // Reopening names the shard that went away, or leaves it out with
      // allow_partial.
      reopen();
    } catch (const IndexError& e) {
      throw SearchError(e.what());
    } catch (const Xapian::Error& e) {
      throw SearchError(e.get_description());
    }
  }
}

SearchResults Searcher::Impl::search(const SearchRequest& request) {
  return guarded([&] { return run(request); });
}

std::optional<Article> Searcher::Impl::article(const std::string& id) {
  return guarded([&]() -> std::optional<Article> {
    const Xapian::Database& db = view_->db();
    const std::string term = schema::id_term(id);
    const Xapian::PostingIterator p = db.postlist_begin(term);
    if (id.empty() || p == db.postlist_end(term)) return std::nullopt;
    return stored_article(db.get_document(*p));
  });
}

Facet Searcher::Impl::facet_values(const std::string& field, const std::string& prefix,
                                   size_t limit) {
  SearchRequest request;
  request.limit = 0;
  request.facets = {field};
  request.facet_limit = 0;
  request.snippets = false;
  SearchResults results = search(request);
  Facet facet = std::move(results.facets.at(0));
  const std::string start = normalise_value(prefix);
  std::vector<FacetValue> kept;
  for (FacetValue& v : facet.values) {
    if (normalise_value(v.value).compare(0, start.size(), start) == 0) kept.push_back(std::move(v));
  }
  facet.distinct = kept.size();
  if (limit > 0 && kept.size() > limit) kept.resize(limit);
  facet.values = std::move(kept);
  return facet;
}

SearchResults Searcher::Impl::run(const SearchRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  if (keep_values_) view_->keep_values_in_memory();
  if (!parser_) parser_ = std::make_unique<NewsQueryParser>(view_->db(), today_, !view_->remote());
  SearchResults results;
  if (!request.copies_id.empty()) {
    results = copies_results(view_->db(), request);
  } else {
    const SearchRun run(*view_, *parser_, request, today_);
    const SearchRun::Query query = run.parse();
    const PreparedRanking ranking = run.rank(query);
    const SearchRun::Match match = run.match(ranking);
    results = run.results(query, ranking, match);
  }
  results.warnings = view_->warnings();
  if (!results.warnings.empty()) {  // shards left out: their stories are not counted
    results.total_exact = false;
    results.total_min = results.total;
    results.total_max = 0;
  }
  results.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return results;
}

SearchRun::SearchRun(const IndexView& view, NewsQueryParser& parser, const SearchRequest& request,
                     const CivilDay& today)
    : view_(view),
      parser_(parser),
      request_(request),
      filter_(request_filter(parser, request, view.remote())),
      ranker_(view.db(), request, today, view.lengths()) {}

SearchRun::Query SearchRun::parse() const {
  // A --similar search matches the story's terms, not the text's (which
  // still marks snippets).
  if (similar())
    return {parser_.prepare(request_.query), ranker_.similar_query(request_.similar_id)};
  ParsedQuery words = parser_.parse(request_.query, request_.all_terms);
  Xapian::Query text = words.query;
  return {std::move(words), std::move(text)};
}

PreparedRanking SearchRun::rank(const Query& query) const {
  return ranker_.prepare(
      {query.text, filter_, similar() ? nullptr : &query.words, request_.limit == 0});
}

SearchRun::Match SearchRun::match(const PreparedRanking& ranking) const {
  const Xapian::Database& db = view_.db();
  Match m{Xapian::Enquire(db),
          {},
          make_facet_counter(view_, request_.facets, request_.facet_count_clusters),
          false,
          {}};
  m.enquire.set_weighting_scheme(ranker_.weight());
  m.enquire.set_query(ranking.run);
  set_order(m.enquire, request_.sort, view_.dates());
  // A story without a cluster has an empty key, which Xapian never collapses.
  if (request_.collapse) m.enquire.set_collapse_key(schema::kClusterSlot);
  m.facets->before_match(m.enquire);
  m.exact = request_.limit == 0 || !m.facets->empty();
  if (m.exact) {
    m.clusters = std::make_unique<ClusterCounter>(view_.remote());
    m.clusters->before_match(m.enquire);
  }
  // Totals up to kExactTotalsUpTo are counted, not estimated.
  const Xapian::doccount check = m.exact ? db.get_doccount()
                                         : static_cast<Xapian::doccount>(std::max(
                                               kExactTotalsUpTo, request_.offset + request_.limit));
  if (request_.time_limit_ms > 0) m.enquire.set_time_limit(request_.time_limit_ms / 1000);
  const auto start = std::chrono::steady_clock::now();
  m.mset = m.enquire.get_mset(static_cast<Xapian::doccount>(request_.offset),
                              static_cast<Xapian::doccount>(request_.limit), check);
  // The counts' hit-less matches need no collapsing, which would make each
  // remote shard send every match.
  if (request_.collapse) m.enquire.set_collapse_key(Xapian::BAD_VALUENO);
  const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
  // Xapian stops the match at the limit and returns what it has: incomplete.
  if (request_.time_limit_ms > 0 && took.count() >= request_.time_limit_ms) {
    throw SearchTimeout("the search took longer than its time limit of " +
                        std::to_string(static_cast<long>(request_.time_limit_ms)) + " ms");
  }
  m.facets->after_match(m.enquire, check);
  if (m.clusters) m.clusters->after_match(m.enquire, check);
  return m;
}

SearchResults SearchRun::results(const Query& query, const PreparedRanking& ranking,
                                 const Match& match) const {
  const Xapian::MSet& mset = match.mset;
  SearchResults results;
  results.query = request_.query;
  results.offset = request_.offset;
  results.limit = request_.limit;
  results.collapsed = request_.collapse;
  Highlights marks{query.words.stemmer, ranking.feedback_terms, {}, {}};
  if (request_.snippets) {
    marks.query_tokens = free_text_tokens(query.text);
    marks.wildcards = query.words.wildcards;
  }
  const Xapian::MSet snippets_from =
      request_.snippets && !mset.empty() ? ranker_.snippet_mset(ranking, mset) : mset;
  results.hits.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    results.hits.push_back(make_hit(snippets_from, it, request_, marks));
    if (request_.explain) {
      results.hits.back().explanation = ranker_.explain(ranking, match.enquire, it);
    }
  }
  if (request_.collapse) add_copies(view_.db(), ranking.run, mset, results.hits);
  set_totals(match, results);
  results.facets = match.facets->results(request_.facet_limit);
  results.facets_exact = match.exact && !match.facets->empty();
  results.facets_count_clusters = request_.facet_count_clusters && !match.facets->empty();
  if (results.total == 0 && !similar()) results.suggestion = parser_.suggest(query.words);
  return results;
}

void SearchRun::set_totals(const Match& match, SearchResults& results) const {
  set_story_totals(match, results);
  if (!results.total_exact) {
    const Xapian::MSet& mset = match.mset;
    results.total_min = request_.collapse ? mset.get_uncollapsed_matches_lower_bound()
                                          : mset.get_matches_lower_bound();
    results.total_max = request_.collapse ? mset.get_uncollapsed_matches_upper_bound()
                                          : mset.get_matches_upper_bound();
  }
}

void SearchRun::set_story_totals(const Match& match, SearchResults& results) const {
  const Xapian::MSet& mset = match.mset;
  if (match.clusters) results.clusters = match.clusters->distinct();
  if (!request_.collapse) {
    results.total = mset.get_matches_estimated();
    results.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  } else if (match.clusters) {
    // Xapian's uncollapsed counts are estimates even when every match was seen.
    results.total = match.clusters->stories();
    results.total_exact = true;
  } else if (request_.offset == 0 && mset.get_matches_upper_bound() == mset.size()) {
    // Every cluster matching is a hit here, with its exact copies.
    results.total = 0;
    for (const Hit& hit : results.hits) results.total += 1 + hit.copies;
    results.total_exact = true;
    results.clusters = results.hits.size();
  } else {
    results.total = mset.get_uncollapsed_matches_estimated();
    results.total_exact =
        mset.get_uncollapsed_matches_lower_bound() == mset.get_uncollapsed_matches_upper_bound();
  }
}

}  // namespace news
