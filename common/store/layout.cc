#include "store/layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <set>

#include "news/index_dir.h"
#include "store/stub.h"

namespace news {
namespace {

namespace fs = std::filesystem;

constexpr char kGenerationPrefix[] = "gen-";

std::string errno_text(const std::string& what) { return what + ": " + std::strerror(errno); }

void write_file_durably(const std::string& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw IndexError(errno_text("cannot write " + path));
  const bool ok =
      ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
      ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  errno = saved;
  if (!ok) throw IndexError(errno_text("cannot write " + path));
}

void fsync_directory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// The generation number in "gen-000012", or -1.
long generation_number(const std::string& name) {
  if (name.rfind(kGenerationPrefix, 0) != 0) return -1;
  const std::string digits = name.substr(std::strlen(kGenerationPrefix));
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) {
    return -1;
  }
  return std::stol(digits);
}

}  // namespace

IndexLayout::IndexLayout(std::string root) : root_(std::move(root)) {
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
}

bool IndexLayout::is_plain_database() const { return is_database_dir(root_); }

bool IndexLayout::exists() const { return is_plain_database() || fs::exists(stub_path()); }

void IndexLayout::require_generations(const std::string& what) const {
  if (is_plain_database()) {
    throw IndexError(root_ + " is a plain Xapian database, not a news-index directory; " + what +
                     " needs one (news-index rebuild --db NEWDIR SOURCE...)");
  }
}

std::vector<std::string> IndexLayout::live_databases() const {
  if (is_plain_database()) return {root_};
  std::vector<std::string> out;
  for (const StubEntry& entry : read_stub(stub_path()).databases) {
    if (entry.remote) {
      throw IndexError(root_ + ": cannot write to remote shard '" + entry.target + "'");
    }
    out.push_back(entry.target);
  }
  return out;
}

std::vector<std::string> IndexLayout::previous_databases() const {
  if (is_plain_database()) return {};
  return read_stub(stub_path()).previous;
}

std::string IndexLayout::next_generation() const {
  long highest = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root_, ec)) {
    highest = std::max(highest, generation_number(entry.path().filename().string()));
  }
  char name[32];
  std::snprintf(name, sizeof name, "%s%06ld", kGenerationPrefix, highest + 1);
  return root_ + "/" + name;
}

void IndexLayout::publish(const std::vector<std::string>& databases) const {
  std::vector<std::string> names, previous;
  for (const std::string& db : databases) names.push_back(fs::path(db).filename().string());
  for (const std::string& db : exists() ? live_databases() : std::vector<std::string>{}) {
    const std::string name = fs::path(db).filename().string();
    if (generation_number(name) >= 0 &&
        std::find(names.begin(), names.end(), name) == names.end()) {
      previous.push_back(name);
    }
  }
  const std::string stub = stub_text(names, previous);
  if (databases.size() > 1) publish_shard_stubs(databases);
  replace_durably(stub_path(), stub);
  fsync_directory(root_);
  remove_shard_stubs_from(databases.size() > 1 ? databases.size() + 1 : 1);
  remove_stale_generations();
}

void IndexLayout::replace_durably(const std::string& path, const std::string& content) const {
  const std::string tmp = path + ".tmp";
  write_file_durably(tmp, content);
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    throw IndexError(errno_text("cannot replace " + path));
  }
}

void IndexLayout::publish_shard_stubs(const std::vector<std::string>& databases) const {
  for (size_t i = 0; i < databases.size(); ++i) {
    replace_durably(shard_stub_path(i + 1), stub_text({fs::path(databases[i]).filename()}, {}));
  }
}

void IndexLayout::remove_shard_stubs_from(size_t first) const {
  for (size_t i = first;; ++i) {
    std::error_code ec;
    if (!fs::remove(shard_stub_path(i), ec)) return;
  }
}

std::string IndexLayout::shard_stub_path(size_t n) const {
  return root_ + "/shard-" + std::to_string(n);
}

void IndexLayout::remove_stale_generations() const {
  if (is_plain_database()) return;
  std::set<std::string> keep;
  try {
    for (const std::string& db : live_databases()) keep.insert(fs::path(db).filename().string());
    for (const std::string& db : previous_databases()) {
      keep.insert(fs::path(db).filename().string());
    }
  } catch (const IndexError&) {
    return;
  }
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root_, ec)) {
    const std::string name = entry.path().filename().string();
    if (generation_number(name) >= 0 && keep.count(name) == 0) {
      fs::remove_all(entry.path(), ec);
    }
  }
}

void sync_directory_files(const std::string& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    const int fd = ::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw IndexError(errno_text("cannot open " + entry.path().string()));
    const bool ok = ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    errno = saved;
    if (!ok) throw IndexError(errno_text("cannot sync " + entry.path().string()));
  }
  fsync_directory(dir);
}

uint64_t directory_bytes(const std::string& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec)) total += entry.file_size(ec);
  }
  return total;
}

std::string default_index_dir() {
  const char* env = std::getenv("NEWS_DB");
  return env != nullptr && *env != '\0' ? env : "news.db";
}

}  // namespace news
