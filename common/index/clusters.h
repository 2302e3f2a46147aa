#ifndef NEWS_COMMON_INDEX_CLUSTERS_H_
#define NEWS_COMMON_INDEX_CLUSTERS_H_

// Near-duplicate clusters, kept true on every write. Two stories are copies
// when the Jaccard resemblance of their word 5-shingles (dedup/fingerprint.h)
// is at least the threshold; a cluster is a connected group of copies, and
// its id is its earliest-published story's id (ties: the smaller id;
// undated stories count as the latest), kept in schema::kClusterSlot on
// every story of a cluster of two or more. Candidates are the stories that
// share a band term (schema::kBandPrefix); each candidate pair is checked on
// the exact shingles of the stored bodies, so clusters hold only true
// copies, whatever the order in which stories were written.

#include <limits>
#include <set>
#include <string>
#include <vector>

#include "index/sharded_writer.h"

namespace news {

// The resemblance at or above which two stories are copies, unless the
// rebuild that made the index chose another (kept in the index).
inline constexpr double kDefaultClusterThreshold = 0.8;

// The threshold stored in the databases at `paths`, or the default.
double stored_cluster_threshold(const std::vector<std::string>& paths);

// Where a story stands in its cluster: the head first, that is the
// earliest published (undated stories last), then the smaller id.
struct ClusterRank {
  double time = std::numeric_limits<double>::infinity();  // publication, Unix s; undated: infinity
  std::string id;
  bool operator<(const ClusterRank& o) const { return time != o.time ? time < o.time : id < o.id; }
};

// The rank of the story stored in `doc` (DocumentBuilder::build).
ClusterRank cluster_rank(const Xapian::Document& doc);

class Clusters {
 public:
  // `writer`: the databases written (all shards: clusters span them).
  Clusters(ShardedWriter& writer, double threshold);

  // The story with `id_term` was added or replaced; `old_cluster`: the
  // cluster value of the version it replaced ("" for none).
  void written(const std::string& id_term, const std::string& old_cluster);
  // A story of cluster `old_cluster` ("" for none) was deleted.
  void deleted(const std::string& old_cluster);

  // Recomputes the clusters the stories noted since the last call are or
  // were in, and writes their values (before the writer commits, so that
  // stories and clusters change together).
  void update();

  // Computes every cluster of the index from scratch (a rebuild), and
  // stores the threshold.
  void cluster_all();

 private:
  struct Story;
  class Graph;
  void recompute(Graph& graph, const std::vector<std::string>& seeds);

  ShardedWriter& writer_;
  double threshold_;
  std::set<std::string> written_;       // id terms
  std::set<std::string> old_clusters_;  // cluster values of stories replaced or deleted
};

}  // namespace news

#endif  // NEWS_COMMON_INDEX_CLUSTERS_H_
