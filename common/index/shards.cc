#include "index/shards.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "index/layout.h"
#include "index/maintenance.h"
#include "index/write_lock.h"
#include "search/results.h"
#include "text/text.h"

namespace news {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxStubDepth = 8;

bool is_database_dir(const fs::path& dir) {
  for (const char* marker : {"iamglass", "iamchert", "iamhoney"}) {
    if (fs::exists(dir / marker)) return true;
  }
  return false;
}

ShardSpec remote_spec(const std::string& arg, const std::string& stub) {
  const size_t colon = arg.rfind(':');
  if (arg.empty() || arg[0] == ':' || colon == std::string::npos || colon + 1 == arg.size() ||
      arg.find_first_not_of("0123456789", colon + 1) != std::string::npos) {
    throw SearchError(stub + ": unsupported remote shard '" + arg +
                      "' (use 'remote HOST:PORT' for xapian-tcpsrv)");
  }
  ShardSpec spec;
  spec.name = arg;
  spec.host = arg.substr(0, colon);
  spec.port = static_cast<unsigned>(std::stoul(arg.substr(colon + 1)));
  spec.stub = stub;
  return spec;
}

void expand_one(const std::string& path, const std::string& stub, int depth,
                std::vector<ShardSpec>* out);

void expand_stub_file(const fs::path& file, int depth, std::vector<ShardSpec>* out) {
  std::ifstream in(file);
  if (!in) throw SearchError("cannot open index " + file.string() + ": cannot read stub file");
  const size_t before = out->size();
  const fs::path base = file.parent_path();
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string type, arg;
    if (!(fields >> type) || type[0] == '#') continue;
    std::getline(fields >> std::ws, arg);
    while (!arg.empty() && (arg.back() == ' ' || arg.back() == '\r')) arg.pop_back();
    if (type == "remote") {
      out->push_back(remote_spec(arg, file.string()));
    } else if (type == "auto" || type == "glass" || type == "chert" || type == "honey") {
      const fs::path p = fs::path(arg).is_absolute() ? fs::path(arg) : base / arg;
      expand_one(p.string(), file.string(), depth + 1, out);
    } else {
      throw SearchError(file.string() + ": unsupported stub line '" + line + "'");
    }
  }
  if (out->size() == before)
    throw SearchError("cannot open index " + file.string() + ": the stub names no database");
}

void expand_one(const std::string& path, const std::string& stub, int depth,
                std::vector<ShardSpec>* out) {
  if (depth > kMaxStubDepth) throw SearchError(stub + ": stub files nested too deeply");
  const fs::path p(path);
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    if (fs::is_regular_file(p / "XAPIANDB", ec))
      return expand_stub_file(p / "XAPIANDB", depth, out);
    if (!is_database_dir(p)) throw SearchError("cannot open index " + path + ": not an index");
    out->push_back(ShardSpec{path, path, "", 0, stub});
  } else if (fs::is_regular_file(p, ec)) {
    expand_stub_file(p, depth, out);
  } else {
    throw SearchError("cannot open index " + path + ": no such file or directory" +
                      (stub.empty() ? "" : " (named by " + stub + ")"));
  }
}

Xapian::Database open_spec(const ShardSpec& spec, unsigned timeout_ms) {
  if (spec.host.empty()) return Xapian::Database(spec.path);
  return Xapian::Remote::open(spec.host, spec.port, timeout_ms, timeout_ms);
}

std::string describe(const ShardSpec& spec) {
  std::string s = spec.host.empty() ? "shard " + spec.name : "remote shard " + spec.name;
  if (!spec.stub.empty()) s += " (named by " + spec.stub + ")";
  return s;
}

// What tells two shard specs apart: the real path, or HOST:PORT.
std::string shard_identity(const ShardSpec& spec) {
  if (!spec.host.empty()) return "remote " + spec.host + ":" + std::to_string(spec.port);
  std::error_code ec;
  const fs::path real = fs::weakly_canonical(spec.path, ec);
  return ec ? spec.path : real.string();
}

}  // namespace

std::vector<ShardSpec> expand_shards(const std::vector<std::string>& databases) {
  std::vector<ShardSpec> all;
  for (const std::string& db : databases) expand_one(db, "", 0, &all);
  std::vector<ShardSpec> out;
  std::set<std::string> seen;
  for (ShardSpec& spec : all) {
    if (seen.insert(shard_identity(spec)).second) out.push_back(std::move(spec));
  }
  return out;
}

std::vector<Xapian::rev> local_revisions(const std::vector<std::string>& paths) {
  std::vector<Xapian::rev> out;
  for (const std::string& path : paths) {
    try {
      out.push_back(Xapian::Database(path).get_revision());
    } catch (const Xapian::Error&) {
      out.push_back(0);
    }
  }
  return out;
}

std::string modified_error_reason(const std::vector<std::string>& paths,
                                  const std::vector<Xapian::rev>& before) {
  if (paths.empty() || local_revisions(paths) != before) {
    return "the index changed too often while it was read (a writer committing very fast)";
  }
  std::string list;
  for (const std::string& p : paths) list += " " + p;
  return "the index is damaged: a block is newer than its database though nothing wrote to it "
         "(Xapian reports DatabaseModifiedError); run xapian-check on" +
         list + ", and rebuild the index if it fails";
}

std::vector<std::string> local_paths(const std::vector<ShardSpec>& shards) {
  std::vector<std::string> out;
  for (const ShardSpec& s : shards) {
    if (s.host.empty()) out.push_back(s.path);
  }
  return out;
}

Xapian::Database open_shards(const std::vector<ShardSpec>& shards, bool allow_partial,
                             std::vector<std::string>* warnings, unsigned remote_timeout_ms) {
  Xapian::Database db;
  size_t opened = 0;
  for (const ShardSpec& spec : shards) {
    try {
      // Opening while a writer commits can meet a discarded revision: retry.
      for (int attempt = 1;; ++attempt) {
        try {
          db.add_database(open_spec(spec, remote_timeout_ms));
          break;
        } catch (const Xapian::DatabaseModifiedError&) {
          if (attempt == 10) throw;
        }
      }
      ++opened;
    } catch (const Xapian::Error& e) {
      const std::string msg = "cannot open " + describe(spec) + ": " + e.get_description();
      if (!allow_partial) throw SearchError(msg);
      if (warnings != nullptr) warnings->push_back(msg + "; results are partial");
    }
  }
  if (opened == 0 && !shards.empty()) throw SearchError("no shard of the index could be opened");
  return db;
}

bool any_remote(const std::vector<ShardSpec>& shards) {
  for (const ShardSpec& s : shards) {
    if (!s.host.empty()) return true;
  }
  return false;
}

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

namespace {

// The live databases of the index at `db`, checked for compaction.
std::vector<std::string> live_for_compaction(const IndexLayout& layout) {
  if (!layout.exists()) throw IndexError("no index at " + layout.root());
  layout.require_generations("compact");
  return layout.live_databases();
}

}  // namespace

CompactReport compact_shards(const std::string& db, double wait_seconds) {
  const auto start = std::chrono::steady_clock::now();
  if (live_for_compaction(IndexLayout(db)).size() <= 1) return compact_index(db, wait_seconds);
  WriteLock lock(db, wait_seconds);
  const IndexLayout layout(db);
  const std::vector<std::string> live = live_for_compaction(layout);
  CompactReport report;
  const std::vector<std::string> targets = new_shard_paths(layout, live.size());
  try {
    for (size_t i = 0; i < live.size(); ++i) {
      report.bytes_before += directory_bytes(live[i]);
      compact_databases({live[i]}, targets[i], "cannot compact " + db);
      report.bytes_after += directory_bytes(targets[i]);
    }
  } catch (const IndexError&) {
    std::error_code ec;
    for (const std::string& t : targets) fs::remove_all(t, ec);
    throw;
  }
  layout.publish(targets);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

// One shard: a DatabaseWriter fed by its own thread through a bounded queue.
class ShardedWriter::Shard {
 public:
  using Task = std::function<void(DatabaseWriter&)>;

  Shard(const std::string& path, bool fresh, size_t capacity)
      : writer_(path, fresh), capacity_(capacity), thread_([this] { loop(); }) {}

  ~Shard() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
      queue_.clear();
    }
    not_empty_.notify_all();
    thread_.join();
  }

  void post(Task task) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return queue_.size() < capacity_ || error_; });
    if (error_) std::rethrow_exception(error_);
    queue_.push_back(std::move(task));
    lock.unlock();
    not_empty_.notify_one();
  }

  // Waits until everything posted is written; the writer is then idle.
  DatabaseWriter& drained() {
    std::unique_lock<std::mutex> lock(mu_);
    idle_.wait(lock, [&] { return (queue_.empty() && !busy_) || error_; });
    if (error_) std::rethrow_exception(error_);
    return writer_;
  }

 private:
  void loop() {
    for (;;) {
      Task task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        not_empty_.wait(lock, [&] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) return;
        task = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
      }
      not_full_.notify_one();
      std::exception_ptr error;
      try {
        task(writer_);
      } catch (...) {
        error = std::current_exception();
      }
      {
        std::lock_guard<std::mutex> lock(mu_);
        busy_ = false;
        if (error && !error_) error_ = error;
        if (error_) queue_.clear();
      }
      idle_.notify_all();
      not_full_.notify_all();
    }
  }

  DatabaseWriter writer_;
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_, idle_;
  std::deque<Task> queue_;
  bool busy_ = false;
  bool stop_ = false;
  std::exception_ptr error_;
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
                                   bool may_exist) {
  Shard& shard = *shards_[shard_for(id_term, shards_.size())];
  if (may_exist) return shard.drained().upsert(id_term, std::move(doc), true);
  shard.post([id_term, doc = std::move(doc)](DatabaseWriter& w) mutable {
    w.upsert(id_term, std::move(doc), false);
  });
  return UpsertResult::kAdded;
}

void ShardedWriter::add_spelling(const SpellingCounts& counts) {
  std::vector<SpellingCounts> parts(shards_.size());
  for (const auto& [word, n] : counts) parts[fnv1a64(word) % parts.size()].emplace(word, n);
  for (size_t i = 0; i < shards_.size(); ++i) {
    if (parts[i].empty()) continue;
    shards_[i]->post([part = std::move(parts[i])](DatabaseWriter& w) { w.add_spelling(part); });
  }
}

bool ShardedWriter::remove(const std::string& id_term) {
  return shards_[shard_for(id_term, shards_.size())]->drained().remove(id_term);
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
