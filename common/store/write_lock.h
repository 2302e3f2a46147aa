#ifndef NEWS_COMMON_STORE_WRITE_LOCK_H_
#define NEWS_COMMON_STORE_WRITE_LOCK_H_

#include <string>

namespace news {

// The one-writer lock of an index directory: an flock(2) on DIR/write.lock
// holding the owner's pid. The kernel drops it when the process dies, so a
// crash never leaves a stale lock.
class WriteLock {
 public:
  // Takes the lock, waiting up to `wait_seconds` (0 = fail at once). Creates
  // the directory when needed. Throws IndexError naming the holder's pid
  // when another process holds it.
  WriteLock(const std::string& index_dir, double wait_seconds);
  ~WriteLock();
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace news

#endif  // NEWS_COMMON_STORE_WRITE_LOCK_H_
