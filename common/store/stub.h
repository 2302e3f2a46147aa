#ifndef NEWS_COMMON_STORE_STUB_H_
#define NEWS_COMMON_STORE_STUB_H_

#include <string>
#include <vector>

namespace news {

// One database a Xapian stub file names.
struct StubEntry {
  bool remote = false;  // "remote HOST:PORT" (xapian-tcpsrv), else a database path
  // A path resolved against the stub's folder (unless absolute), or
  // "HOST:PORT" as written.
  std::string target;
  std::string line;  // the line as written, for messages
};

// A stub file as this project reads and writes them: "auto|glass|chert|honey
// PATH" and "remote HOST:PORT" lines, and comments; "# previous NAME" is a
// comment of ours naming a generation the last switch replaced.
struct Stub {
  std::vector<StubEntry> databases;   // in the order written
  std::vector<std::string> previous;  // NAMEs of "# previous NAME", resolved
};

// Reads the stub file at `path`. Throws IndexError when it cannot be read
// or holds a line of another kind ("remote :PROG" included).
Stub read_stub(const std::string& path);

// The text of a stub naming `databases` (one "glass NAME" line each) and,
// as comments, the `previous` generations.
std::string stub_text(const std::vector<std::string>& databases,
                      const std::vector<std::string>& previous);

// True when `dir` is a Xapian database folder (glass, chert or honey).
bool is_database_dir(const std::string& dir);

}  // namespace news

#endif  // NEWS_COMMON_STORE_STUB_H_
