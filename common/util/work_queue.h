#ifndef NEWS_COMMON_UTIL_WORK_QUEUE_H_
#define NEWS_COMMON_UTIL_WORK_QUEUE_H_

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace news {

// A bounded first-in first-out queue between producer and consumer
// threads, the one under the build pipeline's workers and each shard
// writer: put() waits while it is full, take() while it is empty. A
// consumer calls handled() for each item it took, so that a producer can
// wait_until_handled(). After close(), put() fails and take() returns what
// is left, then nothing; after cancel(), what is left is dropped and
// waiting stops at once.
template <typename T>
class WorkQueue {
 public:
  explicit WorkQueue(size_t capacity) : capacity_(std::max<size_t>(capacity, 1)) {}

  // Queues `item`, waiting for room; false (item dropped) once closed.
  bool put(T item) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    ++unhandled_;
    lock.unlock();
    not_empty_.notify_one();
    return true;
  }

  // The oldest item, waiting for one; nullopt once closed and empty.
  std::optional<T> take() {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    lock.unlock();
    not_full_.notify_one();
    return item;
  }

  // A consumer is done with an item it took.
  void handled() {
    std::lock_guard<std::mutex> lock(mu_);
    if (unhandled_ > 0 && --unhandled_ == 0) all_handled_.notify_all();
  }

  // Waits until every item put has been handled, or the queue cancelled.
  void wait_until_handled() {
    std::unique_lock<std::mutex> lock(mu_);
    all_handled_.wait(lock, [&] { return unhandled_ == 0 || cancelled_; });
  }

  // No more items: consumers take what is left, then stop.
  void close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

  // No more items, and those queued are dropped.
  void cancel() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = cancelled_ = true;
    items_.clear();
    not_empty_.notify_all();
    not_full_.notify_all();
    all_handled_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_, all_handled_;
  std::deque<T> items_;
  size_t unhandled_ = 0;  // put and not yet handled
  bool closed_ = false;
  bool cancelled_ = false;
};

}  // namespace news

#endif  // NEWS_COMMON_UTIL_WORK_QUEUE_H_
