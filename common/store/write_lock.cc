#include "store/write_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include "store/layout.h"

namespace news {
namespace {

std::string read_holder_pid(int fd) {
  char buf[32] = {};
  const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  std::string pid(buf, n > 0 ? static_cast<size_t>(n) : 0);
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid;
}

bool try_lock_until(int fd, double wait_seconds) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(wait_seconds);
  for (;;) {
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return true;
    if (errno != EWOULDBLOCK && errno != EINTR) return false;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace

WriteLock::WriteLock(const std::string& index_dir, double wait_seconds) {
  std::error_code ec;
  std::filesystem::create_directories(index_dir, ec);
  const IndexLayout layout(index_dir);
  const std::string path = layout.lock_path();
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw IndexError("cannot open " + path + ": " + std::strerror(errno));
  }
  if (!try_lock_until(fd_, wait_seconds)) {
    const std::string pid = read_holder_pid(fd_);
    ::close(fd_);
    fd_ = -1;
    throw IndexError("index " + index_dir + " is being written by another process" +
                     (pid.empty() ? "" : " (pid " + pid + ")") +
                     "; try again later or use --wait SECONDS");
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
    // The pid is only informative; the lock itself is held.
  }
}

WriteLock::~WriteLock() {
  if (fd_ >= 0) {
    if (::ftruncate(fd_, 0) != 0) {
      // Informative content only.
    }
    ::close(fd_);
  }
}

}  // namespace news
