#ifndef NEWS_COMMON_SEARCH_COPIES_H_
#define NEWS_COMMON_SEARCH_COPIES_H_

// Near-duplicate clusters at search time (index/clusters.h makes them: the
// cluster id in schema::kClusterSlot on every story of a cluster of two or
// more). Each of these works on one local database, several, and remote
// shards alike: only stock spies and value-range queries.

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace news {

// The matching stories of each cluster over a whole match (run with
// check_at_least >= the document count): Xapian's ValueCountMatchSpy on the
// cluster slot, which sees every match before collapsing and which
// xapian-tcpsrv knows. before_match(), the match, after_match().
class ClusterCounter {
 public:
  // `remote`: the spy runs in a hit-less match of its own (see
  // SpyFacetCounter in search/facets.h).
  explicit ClusterCounter(bool remote);
  ~ClusterCounter();

  void before_match(Xapian::Enquire& enquire);
  // Remotely: clears `enquire`'s spies and runs its own hit-less match.
  void after_match(Xapian::Enquire& enquire, Xapian::doccount check_at_least);

  // Matching stories.
  Xapian::doccount stories() const;
  // Distinct clusters among them, a story without copies counting as its own.
  size_t distinct() const;

 private:
  bool remote_;
  std::unique_ptr<Xapian::ValueCountMatchSpy> spy_;
};

// A matching story of a cluster.
struct ClusterMember {
  Xapian::docid did;
  std::string source;  // its source's display form, "" when none
};

// The stories matching `query` in each of `clusters` (cluster ids), by
// cluster; exact whatever their number.
std::map<std::string, std::vector<ClusterMember>> matching_members(
    const Xapian::Database& db, const Xapian::Query& query,
    const std::vector<std::string>& clusters);

// The stories of the cluster of the story `id`, the head (earliest
// published, ties by id, undated last) first: the story alone when it has
// no cluster. Throws QueryError for an unknown id.
std::vector<Xapian::Document> cluster_of(const Xapian::Database& db, const std::string& id);

}  // namespace news

#endif  // NEWS_COMMON_SEARCH_COPIES_H_
