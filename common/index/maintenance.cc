#include "index/maintenance.h"

#include <xapian.h>

#include <chrono>
#include <filesystem>

#include "index/layout.h"
#include "index/write_lock.h"

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

CompactReport compact_index(const std::string& db, double wait_seconds) {
  const auto start = std::chrono::steady_clock::now();
  const IndexLayout layout(db);
  if (!layout.exists()) throw IndexError("no index at " + db);
  WriteLock lock(db, wait_seconds);
  layout.remove_stale_generations();
  layout.require_generations("compact");
  CompactReport report;
  const std::vector<std::string> live = layout.live_databases();
  for (const std::string& path : live) report.bytes_before += directory_bytes(path);
  const std::string target = layout.next_generation();
  compact_databases(live, target, "cannot compact " + db);
  layout.publish({target});  // if it fails, the next writer removes `target`
  report.bytes_after = directory_bytes(target);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace news
