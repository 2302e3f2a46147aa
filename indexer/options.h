#ifndef NEWS_INDEXER_OPTIONS_H_
#define NEWS_INDEXER_OPTIONS_H_

// news-index's command line: the commands, their options and help.

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "news/index.h"

namespace news_index {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRejected = 1;
inline constexpr int kExitFatal = 2;

// What the command line asked for.
struct Args {
  std::string command;
  std::string db;
  std::vector<std::string> operands;
  std::string report_file;
  double wait_seconds = 0;
  size_t batch_size = 10000;
  size_t threads = 0;
  size_t shards = 0;
  news::DeletionLimit max_delete;
  double cluster_threshold = 0;
  bool allow_empty = false;
  bool merge = false;
  bool json = false;
  bool quiet = false;
  bool explain = false;
  bool explain_json = false;
  std::string weights_file;
};

// Parses the command line. Prints the help asked for (news-index --help,
// news-index COMMAND --help) or the version, and exits. Throws
// boost::program_options::error for a usage error, with the message only.
Args parse_args(int argc, char** argv);

// The one-line hint printed after a usage error.
std::string usage_hint(const std::string& command);

}  // namespace news_index

#endif  // NEWS_INDEXER_OPTIONS_H_
