#include <xapian.h>

#include <ctime>
#include <filesystem>

#include "news/index.h"
#include "schema.h"
#include "store/layout.h"
#include "store/retry.h"

namespace news {
namespace {

namespace fs = std::filesystem;

uint64_t count_terms(const Xapian::Database& db, const std::string& prefix) {
  uint64_t n = 0;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) ++n;
  return n;
}

std::string iso_utc(std::time_t t) {
  char buf[32];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Size of the files of a database, and the newest modification time.
void scan_files(const std::string& dir, uint64_t* bytes, fs::file_time_type* newest) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    *bytes += entry.file_size(ec);
    *newest = std::max(*newest, entry.last_write_time(ec));
  }
}

std::string dashed(const std::string& yyyymmdd) {
  if (yyyymmdd.size() != 8) return {};
  return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

void read_counts(const std::vector<std::string>& databases, IndexStats* stats) {
  Xapian::Database db;
  for (const std::string& d : databases) db.add_database(Xapian::Database(d));
  stats->documents = db.get_doccount();
  stats->distinct.clear();
  for (const schema::ExactField& f : schema::kExactFields) {
    stats->distinct.emplace_back(f.plural, count_terms(db, f.prefix));
  }
  stats->oldest = dashed(db.get_value_lower_bound(schema::kDaySlot));
  stats->newest = dashed(db.get_value_upper_bound(schema::kDaySlot));
}

}  // namespace

IndexStats read_stats(const std::string& path) {
  const IndexLayout layout(path);
  if (!layout.exists()) throw IndexError("no index at " + path);
  IndexStats stats;
  stats.path = path;
  stats.databases = layout.live_databases();
  if (stats.databases.empty())
    throw IndexError("cannot read " + path + ": the stub names no database");
  try {
    read_with_retries(
        stats.databases, "cannot read " + path, [&] { read_counts(stats.databases, &stats); },
        [] {});
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot read " + path + ": " + e.get_description());
  }
  fs::file_time_type newest = fs::file_time_type::min();
  for (const std::string& d : stats.databases) scan_files(d, &stats.size_bytes, &newest);
  const auto system_time =
      std::chrono::system_clock::now() + (newest - fs::file_time_type::clock::now());
  stats.last_update = iso_utc(std::chrono::system_clock::to_time_t(system_time));
  return stats;
}

}  // namespace news
