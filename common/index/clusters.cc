#include "index/clusters.h"

#include <xapian.h>

#include <algorithm>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "dedup/fingerprint.h"
#include "schema.h"
#include "store/stored_document.h"

namespace news {
namespace {

constexpr char kThresholdKey[] = "news.cluster_threshold";

// The terms of `doc` that start with `prefix`.
std::vector<std::string> terms_with_prefix(const Xapian::Document& doc, const std::string& prefix) {
  std::vector<std::string> out;
  Xapian::TermIterator it = doc.termlist_begin();
  for (it.skip_to(prefix); it != doc.termlist_end(); ++it) {
    const std::string term = *it;
    if (term.compare(0, prefix.size(), prefix) != 0) break;
    out.push_back(term);
  }
  return out;
}

}  // namespace

double stored_cluster_threshold(const std::vector<std::string>& paths) {
  if (paths.empty()) return kDefaultClusterThreshold;
  try {
    const std::string value = Xapian::Database(paths.front()).get_metadata(kThresholdKey);
    return value.empty() ? kDefaultClusterThreshold : std::stod(value);
  } catch (const Xapian::Error&) {
    return kDefaultClusterThreshold;
  }
}

ClusterRank cluster_rank(const Xapian::Document& doc) {
  const std::string time = doc.get_value(schema::kTimeSlot);
  return {
      time.empty() ? std::numeric_limits<double>::infinity() : Xapian::sortable_unserialise(time),
      stored_article(doc, {false, false}).id};
}

// What the graph knows of one story.
struct Clusters::Story {
  std::string id_term;
  ClusterRank rank;  // its id is a cluster's value
  std::vector<std::string> bands;
  std::string cluster;  // its cluster value now
  std::vector<uint64_t> shingles;
  bool shingled = false;

  // The order of heads: earliest published, then the smaller id.
  bool before(const Story& o) const { return rank < o.rank; }
};

// The stories of the index as a graph whose edges join copies, read from
// the writer's databases (their uncommitted writes included).
class Clusters::Graph {
 public:
  Graph(Xapian::Database db, double threshold) : db_(std::move(db)), threshold_(threshold) {}

  // The docid of the story with `id_term`, or 0.
  Xapian::docid find(const std::string& id_term) {
    Xapian::PostingIterator it = db_.postlist_begin(id_term);
    return it == db_.postlist_end(id_term) ? 0 : *it;
  }

  Story& story(Xapian::docid did) {
    std::unique_ptr<Story>& s = stories_[did];
    if (!s) s = load(did);
    return *s;
  }

  // The stories that are copies of `did`: sharing a band term, and
  // resembling it enough on their exact shingles.
  std::vector<Xapian::docid> copies(Xapian::docid did) {
    std::set<Xapian::docid> candidates;
    for (const std::string& band : story(did).bands) {
      for (auto it = db_.postlist_begin(band); it != db_.postlist_end(band); ++it) {
        if (*it != did) candidates.insert(*it);
      }
    }
    std::vector<Xapian::docid> out;
    for (const Xapian::docid c : candidates) {
      if (jaccard(shingles(did), shingles(c)) >= threshold_) out.push_back(c);
    }
    return out;
  }

  // The stories whose cluster value is `cluster`.
  const std::vector<Xapian::docid>& members(const std::string& cluster) {
    if (!members_) {
      members_.emplace();
      for (auto it = db_.valuestream_begin(schema::kClusterSlot);
           it != db_.valuestream_end(schema::kClusterSlot); ++it) {
        (*members_)[*it].push_back(it.get_docid());
      }
    }
    static const std::vector<Xapian::docid> kNone;
    const auto found = members_->find(cluster);
    return found == members_->end() ? kNone : found->second;
  }

  // Every story with a fingerprint (a band term).
  std::vector<Xapian::docid> fingerprinted() {
    std::set<Xapian::docid> out;
    const std::string prefix = schema::kBandPrefix;
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
      for (auto p = db_.postlist_begin(*t); p != db_.postlist_end(*t); ++p) out.insert(*p);
    }
    return {out.begin(), out.end()};
  }

 private:
  std::unique_ptr<Story> load(Xapian::docid did) {
    const Xapian::Document doc = db_.get_document(did);
    auto s = std::make_unique<Story>();
    const std::vector<std::string> ids = terms_with_prefix(doc, schema::kIdPrefix);
    if (!ids.empty()) s->id_term = ids.front();
    s->rank = cluster_rank(doc);
    s->bands = terms_with_prefix(doc, schema::kBandPrefix);
    s->cluster = doc.get_value(schema::kClusterSlot);
    return s;
  }

  const std::vector<uint64_t>& shingles(Xapian::docid did) {
    Story& s = story(did);
    if (!s.shingled) {
      s.shingles = shingle_hashes(db_.get_document(did).get_value(schema::kBodySlot));
      s.shingled = true;
    }
    return s.shingles;
  }

  Xapian::Database db_;
  double threshold_;
  std::unordered_map<Xapian::docid, std::unique_ptr<Story>> stories_;
  std::optional<std::map<std::string, std::vector<Xapian::docid>>> members_;
};

Clusters::Clusters(ShardedWriter& writer, double threshold)
    : writer_(writer), threshold_(threshold) {}

void Clusters::written(const std::string& id_term, const std::string& old_cluster) {
  written_.insert(id_term);
  if (!old_cluster.empty()) old_clusters_.insert(old_cluster);
}

void Clusters::deleted(const std::string& old_cluster) {
  if (!old_cluster.empty()) old_clusters_.insert(old_cluster);
}

void Clusters::update() {
  if (written_.empty() && old_clusters_.empty()) return;
  Graph graph(writer_.database(), threshold_);
  std::vector<std::string> seeds(written_.begin(), written_.end());
  for (const std::string& cluster : old_clusters_) {
    for (const Xapian::docid did : graph.members(cluster))
      seeds.push_back(graph.story(did).id_term);
  }
  recompute(graph, seeds);
  written_.clear();
  old_clusters_.clear();
}

void Clusters::cluster_all() {
  Graph graph(writer_.database(), threshold_);
  std::vector<std::string> seeds;
  for (const Xapian::docid did : graph.fingerprinted()) seeds.push_back(graph.story(did).id_term);
  recompute(graph, seeds);
  writer_.set_metadata(kThresholdKey, std::to_string(threshold_));
}

// The connected groups of copies that hold the seeds, each given its head's
// id (or none, alone), written where it changed.
void Clusters::recompute(Graph& graph, const std::vector<std::string>& seeds) {
  std::unordered_set<Xapian::docid> visited;
  std::vector<std::pair<std::string, std::string>> changes;  // id term, new value
  for (const std::string& seed : seeds) {
    const Xapian::docid start = graph.find(seed);
    if (start == 0 || !visited.insert(start).second) continue;
    std::vector<Xapian::docid> group = {start};
    for (size_t i = 0; i < group.size(); ++i) {
      for (const Xapian::docid c : graph.copies(group[i])) {
        if (visited.insert(c).second) group.push_back(c);
      }
    }
    const Xapian::docid head = *std::min_element(
        group.begin(), group.end(),
        [&](Xapian::docid a, Xapian::docid b) { return graph.story(a).before(graph.story(b)); });
    const std::string value = group.size() > 1 ? graph.story(head).rank.id : "";
    for (const Xapian::docid did : group) {
      const Story& s = graph.story(did);
      if (s.cluster != value) changes.emplace_back(s.id_term, value);
    }
  }
  for (const auto& [id_term, value] : changes) {
    writer_.set_value(id_term, schema::kClusterSlot, value);
  }
}

}  // namespace news
