#include "index/maintenance.h"

#include <xapian.h>

#include <chrono>
#include <filesystem>

#include "index/sharded_writer.h"
#include "store/layout.h"
#include "store/write_lock.h"

namespace news {

void compact_databases(const std::vector<std::string>& databases, const std::string& target,
                       const std::string& what) {
  const auto fail = [&](const std::string& cause) {
    std::error_code ec;
    std::filesystem::remove_all(target, ec);
    return IndexError(what + ": " + cause);
  };
  try {
    Xapian::Database source;
    for (const std::string& path : databases) source.add_database(Xapian::Database(path));
    source.compact(target);
    sync_directory_files(target);
  } catch (const Xapian::Error& e) {  // not a std::exception
    throw fail(e.get_description());
  } catch (const std::exception& e) {
    throw fail(e.what());
  }
}

namespace {

// The groups of live databases compacted together: all of them when merging
// (or when there is one), else each shard alone.
std::vector<std::vector<std::string>> compaction_groups(const std::vector<std::string>& live,
                                                        bool merge) {
  if (merge || live.size() <= 1) return {live};
  std::vector<std::vector<std::string>> groups;
  for (const std::string& path : live) groups.push_back({path});
  return groups;
}

CompactReport compact_unguarded(const std::string& db, double wait_seconds, bool merge) {
  const auto start = std::chrono::steady_clock::now();
  const IndexLayout layout(db);
  if (!layout.exists()) throw IndexError("no index at " + db);
  WriteLock lock(db, wait_seconds);
  layout.remove_stale_generations();
  layout.require_generations("compact");
  const std::vector<std::vector<std::string>> groups =
      compaction_groups(layout.live_databases(), merge);
  const std::vector<std::string> targets = new_shard_paths(layout, groups.size());
  CompactReport report;
  try {
    for (size_t i = 0; i < groups.size(); ++i) {
      for (const std::string& path : groups[i]) report.bytes_before += directory_bytes(path);
      compact_databases(groups[i], targets[i], "cannot compact " + db);
      report.bytes_after += directory_bytes(targets[i]);
    }
  } catch (const IndexError&) {
    std::error_code ec;
    for (const std::string& t : targets) std::filesystem::remove_all(t, ec);
    throw;
  }
  layout.publish(targets);  // if it fails, the next writer removes `targets`
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace

CompactReport compact(const std::string& db, double wait_seconds, bool merge) {
  try {
    return compact_unguarded(db, wait_seconds, merge);
  } catch (const Xapian::Error& e) {  // the last net: not a std::exception
    throw IndexError("cannot compact " + db + ": " + e.get_description());
  }
}

}  // namespace news
