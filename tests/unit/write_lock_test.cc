// The one-writer lock: a second writer fails at once naming the holder's
// pid, or waits (--wait) until the holder is gone.

#include "store/write_lock.h"

#include <stdlib.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "store/layout.h"
#include "temp_dir.h"

namespace news {

BOOST_AUTO_TEST_SUITE(write_lock_test)

namespace fs = std::filesystem;

using testing::TempDir;

BOOST_AUTO_TEST_CASE(second_writer_fails_at_once_naming_the_holder) {
  TempDir dir;
  const std::string db = dir.path() + "/index";
  WriteLock first(db, 0);
  BOOST_TEST(fs::is_directory(db));
  try {
    WriteLock second(db, 0);
    BOOST_FAIL("a second lock was granted");
  } catch (const IndexError& e) {
    const std::string message = e.what();
    BOOST_TEST_CONTEXT("message: " << message) {
      BOOST_TEST(message.find("being written by another process") != std::string::npos);
      BOOST_TEST(message.find("(pid " + std::to_string(::getpid()) + ")") != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(lock_is_free_again_after_release) {
  TempDir dir;
  { WriteLock first(dir.path(), 0); }
  WriteLock again(dir.path(), 0);
}

BOOST_AUTO_TEST_CASE(waiting_writer_gets_the_lock_when_the_holder_leaves) {
  TempDir dir;
  auto holder = std::make_unique<WriteLock>(dir.path(), 0);
  std::thread release([&holder] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    holder.reset();
  });
  bool granted = false;
  try {
    WriteLock waiting(dir.path(), 60);
    granted = true;
  } catch (const IndexError&) {
  }
  release.join();
  BOOST_TEST(granted);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
