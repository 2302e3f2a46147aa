#include "index/sharded_writer.h"

#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "store/layout.h"
#include "text/text.h"
#include "util/work_queue.h"

namespace news {
namespace fs = std::filesystem;

size_t shard_for(const std::string& id_term, size_t shards) {
  return shards <= 1 ? 0 : static_cast<size_t>(fnv1a64(id_term) % shards);
}

std::vector<std::string> new_shard_paths(const IndexLayout& layout, size_t count) {
  std::vector<std::string> paths;
  for (size_t i = 0; i < count; ++i) {
    paths.push_back(layout.next_generation());
    std::error_code ec;
    fs::create_directories(paths.back(), ec);
    if (ec) throw IndexError("cannot create " + paths.back() + ": " + ec.message());
  }
  return paths;
}

size_t target_shard_count(const IndexLayout& layout, size_t requested) {
  if (requested > 0) return requested;
  if (!layout.exists()) return 1;
  return std::max<size_t>(layout.live_databases().size(), 1);
}

std::vector<std::string> live_shards_for_update(const IndexLayout& layout, size_t requested) {
  std::vector<std::string> live = layout.live_databases();
  if (live.empty()) throw IndexError(layout.root() + ": the stub names no database");
  if (requested > 0 && requested != live.size()) {
    throw IndexError(layout.root() + " has " + std::to_string(live.size()) +
                     " shard(s); only rebuild --shards " + std::to_string(requested) +
                     " can change that");
  }
  return live;
}

// One shard: a DatabaseWriter fed by its own thread through a WorkQueue.
// The first failure stops the shard; the next call rethrows it.
class ShardedWriter::Shard {
 public:
  using Task = std::function<void(DatabaseWriter&)>;

  Shard(const std::string& path, bool fresh, size_t capacity)
      : writer_(path, fresh), tasks_(capacity), thread_([this] { loop(); }) {}

  ~Shard() {
    tasks_.cancel();
    thread_.join();
  }

  void post(Task task) {
    if (!tasks_.put(std::move(task))) rethrow_failure();
  }

  // Waits until everything posted is written; the writer is then idle.
  DatabaseWriter& drained() {
    tasks_.wait_until_handled();
    rethrow_failure();
    return writer_;
  }

 private:
  void loop() {
    while (std::optional<Task> task = tasks_.take()) {
      try {
        (*task)(writer_);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu_);
        failure_ = std::current_exception();
        tasks_.cancel();
      }
      tasks_.handled();
    }
  }

  void rethrow_failure() {
    std::lock_guard<std::mutex> lock(mu_);
    if (failure_) std::rethrow_exception(failure_);
  }

  DatabaseWriter writer_;
  WorkQueue<Task> tasks_;
  std::mutex mu_;
  std::exception_ptr failure_;
  std::thread thread_;  // last: starts after the members it uses exist
};

ShardedWriter::ShardedWriter(const std::vector<std::string>& paths, bool fresh, size_t queue_size) {
  if (paths.empty()) throw IndexError("no shard to write to");
  for (const std::string& path : paths) {
    shards_.push_back(std::make_unique<Shard>(path, fresh, std::max<size_t>(queue_size, 1)));
  }
}

ShardedWriter::~ShardedWriter() = default;

UpsertResult ShardedWriter::upsert(const std::string& id_term, Xapian::Document&& doc,
                                   bool may_exist, std::string* replaced_cluster) {
  Shard& shard = *shards_[shard_for(id_term, shards_.size())];
  if (may_exist) return shard.drained().upsert(id_term, std::move(doc), true, replaced_cluster);
  shard.post([id_term, doc = std::move(doc)](DatabaseWriter& w) mutable {
    w.upsert(id_term, std::move(doc), false);
  });
  return UpsertResult::kAdded;
}

void ShardedWriter::set_metadata(const std::string& key, const std::string& value) {
  for (auto& shard : shards_) shard->drained().set_metadata(key, value);
}

void ShardedWriter::add_spelling(const SpellingCounts& counts) {
  std::vector<SpellingCounts> parts(shards_.size());
  for (const auto& [word, n] : counts) parts[fnv1a64(word) % parts.size()].emplace(word, n);
  for (size_t i = 0; i < shards_.size(); ++i) {
    if (parts[i].empty()) continue;
    shards_[i]->post([part = std::move(parts[i])](DatabaseWriter& w) { w.add_spelling(part); });
  }
}

bool ShardedWriter::remove(const std::string& id_term, std::string* removed_cluster) {
  return shards_[shard_for(id_term, shards_.size())]->drained().remove(id_term, removed_cluster);
}

bool ShardedWriter::set_value(const std::string& id_term, Xapian::valueno slot,
                              const std::string& value) {
  return shards_[shard_for(id_term, shards_.size())]->drained().set_value(id_term, slot, value);
}

void ShardedWriter::drain_all() {
  for (auto& shard : shards_) shard->drained();
}

void ShardedWriter::commit() {
  for (auto& shard : shards_) shard->post([](DatabaseWriter& w) { w.commit(); });
  drain_all();
}

void ShardedWriter::finish() {
  for (auto& shard : shards_) shard->post([](DatabaseWriter& w) { w.finish(); });
  drain_all();
}

Xapian::doccount ShardedWriter::doccount() {
  Xapian::doccount total = 0;
  for (auto& shard : shards_) total += shard->drained().doccount();
  return total;
}

Xapian::Database ShardedWriter::database() {
  Xapian::Database db;
  for (auto& shard : shards_) db.add_database(shard->drained().database());
  return db;
}

}  // namespace news
