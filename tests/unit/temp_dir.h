#ifndef NEWS_TESTS_UNIT_TEMP_DIR_H_
#define NEWS_TESTS_UNIT_TEMP_DIR_H_

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace news::testing {

// A temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "news_test.XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string db() const { return path_ + "/db"; }

  // Writes `content` to the relative path `name` (parents created) and
  // returns the full path.
  std::string write(const std::string& name, const std::string& content) const {
    const std::filesystem::path p = std::filesystem::path(path_) / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  // The same with one line per element.
  std::string write(const std::string& name, const std::vector<std::string>& lines) const {
    std::string content;
    for (const std::string& l : lines) content += l + "\n";
    return write(name, content);
  }

 private:
  std::string path_;
};

}  // namespace news::testing

#endif  // NEWS_TESTS_UNIT_TEMP_DIR_H_
