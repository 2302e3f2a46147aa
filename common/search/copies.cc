#include "search/copies.h"

#include <algorithm>

#include "index/clusters.h"
#include "news/errors.h"
#include "schema.h"

namespace news {
namespace {

// The stories whose cluster is one of `clusters`.
Xapian::Query in_clusters(const std::vector<std::string>& clusters) {
  std::vector<Xapian::Query> ranges;
  for (const std::string& c : clusters) {
    ranges.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kClusterSlot, c, c);
  }
  return Xapian::Query(Xapian::Query::OP_OR, ranges.begin(), ranges.end());
}

// Every document matching `query`, in docid order, unweighted.
Xapian::MSet all_matches(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::doccount all = db.get_doccount();
  constexpr Xapian::doccount kFirstTry = 1000;  // clusters are small; reserve little
  Xapian::MSet mset = enquire.get_mset(0, std::min(all, kFirstTry), all);
  if (mset.get_matches_lower_bound() > mset.size()) {
    mset = enquire.get_mset(0, mset.get_matches_lower_bound(), all);
  }
  mset.fetch();  // one round trip for remote shards
  return mset;
}

}  // namespace

ClusterCounter::ClusterCounter(bool remote)
    : remote_(remote), spy_(std::make_unique<Xapian::ValueCountMatchSpy>(schema::kClusterSlot)) {}

ClusterCounter::~ClusterCounter() = default;

void ClusterCounter::before_match(Xapian::Enquire& enquire) {
  if (!remote_) enquire.add_matchspy(spy_.get());
}

void ClusterCounter::after_match(Xapian::Enquire& enquire, Xapian::doccount check_at_least) {
  if (!remote_) return;
  enquire.clear_matchspies();  // the facets' ran already
  enquire.add_matchspy(spy_.get());
  enquire.get_mset(0, 0, check_at_least);
}

Xapian::doccount ClusterCounter::stories() const { return spy_->get_total(); }

size_t ClusterCounter::distinct() const {
  size_t clusters = 0;
  Xapian::doccount in_clusters = 0;
  for (auto it = spy_->values_begin(); it != spy_->values_end(); ++it) {
    ++clusters;
    in_clusters += it.get_termfreq();
  }
  return clusters + (stories() - in_clusters);
}

std::map<std::string, std::vector<ClusterMember>> matching_members(
    const Xapian::Database& db, const Xapian::Query& query,
    const std::vector<std::string>& clusters) {
  std::map<std::string, std::vector<ClusterMember>> out;
  if (clusters.empty()) return out;
  // Scaled to 0: which stories match, not their weights (an optional part
  // of the query, feedback's stems, is then not evaluated).
  const Xapian::Query unweighted(Xapian::Query::OP_SCALE_WEIGHT, query, 0);
  const Xapian::MSet mset =
      all_matches(db, Xapian::Query(Xapian::Query::OP_FILTER, unweighted, in_clusters(clusters)));
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    out[doc.get_value(schema::kClusterSlot)].push_back(
        {*it, doc.get_value(schema::kSourceField.slot)});
  }
  return out;
}

std::vector<Xapian::Document> cluster_of(const Xapian::Database& db, const std::string& id) {
  const std::string id_term = schema::id_term(id);
  Xapian::PostingIterator p = db.postlist_begin(id_term);
  if (p == db.postlist_end(id_term)) throw QueryError("--copies: no story with id '" + id + "'");
  const Xapian::Document story = db.get_document(*p);
  const std::string cluster = story.get_value(schema::kClusterSlot);
  if (cluster.empty()) return {story};
  const Xapian::MSet mset = all_matches(db, in_clusters({cluster}));
  std::vector<std::pair<ClusterRank, Xapian::Document>> members;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    members.emplace_back(cluster_rank(doc), doc);
  }
  std::sort(members.begin(), members.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Xapian::Document> out;
  for (auto& m : members) out.push_back(std::move(m.second));
  return out;
}

}  // namespace news
