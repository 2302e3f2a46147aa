#include "search/index_view.h"

namespace news {
namespace {

IndexView::Layout layout_of(const std::vector<ShardSpec>& shards, const Xapian::Database& db) {
  if (any_remote(shards)) return IndexView::Layout::kRemote;
  return db.size() == 1 ? IndexView::Layout::kOneLocal : IndexView::Layout::kSeveralLocal;
}

}  // namespace

IndexView::IndexView(const std::vector<std::string>& databases, bool allow_partial) {
  // Each shard (stub entries expanded) opened on its own, so that a failure
  // names the shard, and allow_partial can leave it out.
  const std::vector<ShardSpec> shards = expand_shards(databases);
  db_ = open_shards(shards, allow_partial, &warnings_);
  layout_ = layout_of(shards, db_);
  local_paths_ = news::local_paths(shards);
}

void IndexView::keep_values_in_memory() {
  if (layout_ != Layout::kOneLocal || columns_) return;
  dates_ = DateKeys::load(db_);  // null for values not ours: read them
  columns_ = std::make_unique<FacetColumns>(db_);
  lengths_ = MemoryBm25::load(db_);
}

}  // namespace news
