#include "store/stub.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "news/errors.h"

namespace news {
namespace {

namespace fs = std::filesystem;

constexpr char kHeader[] = "# news-search index: live generation (replaced atomically)\n";

bool is_database_type(const std::string& type) {
  return type == "auto" || type == "glass" || type == "chert" || type == "honey";
}

std::string resolved(const fs::path& base, const std::string& path) {
  return fs::path(path).is_absolute() ? path : (base / path).string();
}

}  // namespace

Stub read_stub(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw IndexError("cannot open index " + path + ": cannot read stub file");
  const fs::path base = fs::path(path).parent_path();
  Stub stub;
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string type, arg;
    if (!(fields >> type)) continue;
    std::getline(fields >> std::ws, arg);
    while (!arg.empty() && (arg.back() == ' ' || arg.back() == '\r')) arg.pop_back();
    if (type[0] == '#') {
      std::istringstream comment(arg);
      std::string word, name;
      if (type == "#" && comment >> word >> name && word == "previous") {
        stub.previous.push_back(resolved(base, name));
      }
    } else if (type == "remote") {
      stub.databases.push_back(StubEntry{true, arg, line});
    } else if (is_database_type(type) && !arg.empty()) {
      stub.databases.push_back(StubEntry{false, resolved(base, arg), line});
    } else {
      throw IndexError(path + ": unsupported stub line '" + line + "'");
    }
  }
  return stub;
}

std::string stub_text(const std::vector<std::string>& databases,
                      const std::vector<std::string>& previous) {
  std::string text = kHeader;
  for (const std::string& db : databases) text += "glass " + db + "\n";
  for (const std::string& db : previous) text += "# previous " + db + "\n";
  return text;
}

bool is_database_dir(const std::string& dir) {
  std::error_code ec;
  for (const char* marker : {"iamglass", "iamchert", "iamhoney"}) {
    if (fs::exists(fs::path(dir) / marker, ec)) return true;
  }
  return false;
}

}  // namespace news
