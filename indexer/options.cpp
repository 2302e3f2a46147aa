#include "options.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "news/version.h"

namespace news_index {
namespace {

namespace po = boost::program_options;

// Bounds of the numeric options: beyond them a value is a mistake.
constexpr size_t kMaxThreads = 256;
constexpr size_t kMaxShards = 64;
constexpr size_t kMaxBatchSize = 10000000;
constexpr double kMaxWaitSeconds = 86400;

constexpr char kExitCodes[] =
    "exit status: 0 all read and indexed; 1 some inputs rejected or not read\n"
    "completely (each listed as LOCATION: reason; a sync then deletes nothing);\n"
    "2 fatal: usage, I/O or a full disk, the index locked by another writer, no\n"
    "records (sync, rebuild), more deletions than --max-delete.\n";

constexpr char kSources[] =
    "SOURCE: .jsonl/.json/.txt/.html/.htm/.warc files (optionally .gz),\n"
    "directories (walked, symlinks followed), - for JSON Lines on stdin.\n";

struct Command {
  const char* name;
  const char* synopsis;
  const char* summary;
  std::vector<const char*> options;  // long names, as in all_options()
  const char* examples;
};

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
      {"add",
       "add [--db DIR] [options] SOURCE...",
       "Adds new articles and replaces changed ones (by id); unchanged ones are\n"
       "skipped without being rebuilt. Commits every --batch-size articles.",
       {"db", "threads", "batch-size", "shards", "wait", "report", "quiet"},
       "  news-index add --db news.db feeds/2025-05-01.jsonl\n"
       "  zcat archive.jsonl.gz | news-index add --db news.db -\n"
       "  news-index add --db news.db saved-pages/   # .txt, .html, .warc\n"},
      {"sync",
       "sync [--db DIR] [options] SOURCE...",
       "Makes the index mirror the sources: add, then delete the stories no source\n"
       "holds any more. Deletes nothing when a source was not read completely, and\n"
       "refuses to delete more than --max-delete (default 10% of the index).",
       {"db", "threads", "batch-size", "max-delete", "allow-empty", "wait", "report", "quiet"},
       "  news-index sync --db /var/lib/news/index /srv/feeds/\n"
       "  news-index sync --db news.db --max-delete 100% archive/   # a deliberate purge\n"},
      {"rebuild",
       "rebuild [--db DIR] [options] SOURCE...",
       "Builds a new generation from the sources and switches to it atomically when\n"
       "it is complete; searches go on meanwhile. Same deletion guards as sync.",
       {"db", "threads", "shards", "merge", "cluster-threshold", "max-delete", "allow-empty",
        "wait", "report", "quiet"},
       "  news-index rebuild --db news.db corpus/sample.jsonl\n"
       "  news-index rebuild --db news.db --shards 2 --merge archive/\n"},
      {"delete",
       "delete [--db DIR] ID...",
       "Deletes stories by id; each id not found is reported.",
       {"db", "wait", "report", "quiet"},
       "  news-index delete --db news.db reuters-1234 reuters-1235\n"},
      {"compact",
       "compact [--db DIR] [--merge]",
       "Compacts the live generation into a new one and switches to it; each shard\n"
       "stays a shard unless --merge.",
       {"db", "merge", "wait", "report", "quiet"},
       "  news-index compact --db news.db\n"
       "  news-index compact --db news.db --merge\n"},
      {"stats",
       "stats [--db DIR] [--json]",
       "Figures of the index: stories, size, last update, dates, distinct values.",
       {"db", "json", "quiet"},
       "  news-index stats --db news.db\n"
       "  news-index stats --db news.db --json\n"},
      {"clean",
       "clean [options] FILE...",
       "Prints the articles of page dumps, HTML pages and WARC files as JSON Lines,\n"
       "as they would be indexed, without indexing them.",
       {"explain", "explain-json", "weights", "quiet"},
       "  news-index clean saved/page.txt\n"
       "  news-index clean --explain saved/page.txt   # why each field came out so\n"},
  };
  return kCommands;
}

const Command* find_command(const std::string& name) {
  for (const Command& c : commands()) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

// The numeric options as typed, checked by check_numbers.
struct NumberTexts {
  std::string wait, batch_size, threads, shards, max_delete, cluster_threshold;
};

po::options_description all_options(Args& args, NumberTexts& numbers) {
  po::options_description opts("options");
  opts.add_options()("help,h", "show this help")("version", "print the version")(
      "db", po::value(&args.db)->value_name("DIR")->default_value(news::default_index_dir()),
      "index directory ($NEWS_DB, else news.db)")("report",
                                                  po::value(&args.report_file)->value_name("FILE"),
                                                  "write the run's summary as JSON to FILE")(
      "wait", po::value(&numbers.wait)->value_name("SECONDS"),
      "wait up to SECONDS for another writer (default 0)")(
      "batch-size", po::value(&numbers.batch_size)->value_name("N"),
      "articles per commit (default 10000)")("threads",
                                             po::value(&numbers.threads)->value_name("N"),
                                             "threads building documents (default: cores)")(
      "shards", po::value(&numbers.shards)->value_name("N"),
      "shard databases, 1-64 (a rebuild or a new index; default: as now)")(
      "merge", po::bool_switch(&args.merge), "merge the shards into one database")(
      "cluster-threshold", po::value(&numbers.cluster_threshold)->value_name("J"),
      "resemblance (0-1] at which stories are copies (default 0.8)")(
      "max-delete", po::value(&numbers.max_delete)->value_name("N|P%"),
      "delete at most N stories or P% of the index (default 10%)")(
      "allow-empty", po::bool_switch(&args.allow_empty), "accept sources without any record")(
      "json", po::bool_switch(&args.json), "as JSON")("quiet,q", po::bool_switch(&args.quiet),
                                                      "no progress or summary on stderr")(
      "explain", po::bool_switch(&args.explain), "show the candidates scored for each field")(
      "explain-json", po::bool_switch(&args.explain_json),
      "every candidate and its features, as JSON")(
      "weights", po::value(&args.weights_file)->value_name("FILE"),
      "score with the weights in FILE (fitting)");
  return opts;
}

void print_overview(std::ostream& out) {
  out << "usage: news-index COMMAND [options] [ARGS...]\n\ncommands:\n";
  for (const Command& c : commands()) {
    out << "  " << c.synopsis << "\n";
  }
  out << "\n"
      << kSources << "\nnews-index COMMAND --help shows a command's options and examples.\n"
      << "\n"
      << kExitCodes;
}

void print_command_help(const Command& c, const po::options_description& all, std::ostream& out) {
  po::options_description mine("options");
  for (const char* name : c.options) {
    for (const auto& option : all.options()) {
      if (option->long_name() == name) mine.add(option);
    }
  }
  out << "usage: news-index " << c.synopsis << "\n\n" << c.summary << "\n\n" << mine << "\n";
  if (std::strcmp(c.name, "clean") != 0 && c.options.size() > 4) out << kSources << "\n";
  out << "examples:\n" << c.examples << "\n" << kExitCodes;
}

// The whole number `text` of option --`name` in [min, max].
size_t whole_number(const char* name, const std::string& text, size_t min, size_t max) {
  size_t used = 0;
  unsigned long long value = 0;
  try {
    value = std::stoull(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || text[0] == '-' || value < min || value > max) {
    throw po::error(std::string("--") + name + " " + text + ": expected a whole number from " +
                    std::to_string(min) + " to " + std::to_string(max));
  }
  return static_cast<size_t>(value);
}

// The number `text` of option --`name` in [min, max] (min excluded when
// `open_min`).
double number(const char* name, const std::string& text, double min, double max, bool open_min,
              const char* what) {
  size_t used = 0;
  double value = -1;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  const bool above_min = open_min ? value > min : value >= min;
  if (used == 0 || used != text.size() || !(above_min && value <= max)) {
    throw po::error(std::string("--") + name + " " + text + ": expected " + what);
  }
  return value;
}

void check_numbers(const po::variables_map& vm, const NumberTexts& t, Args& args) {
  if (vm.count("wait")) {
    args.wait_seconds =
        number("wait", t.wait, 0, kMaxWaitSeconds, false, "seconds from 0 to 86400");
  }
  if (vm.count("batch-size")) {
    args.batch_size = whole_number("batch-size", t.batch_size, 1, kMaxBatchSize);
  }
  if (vm.count("threads")) args.threads = whole_number("threads", t.threads, 0, kMaxThreads);
  if (vm.count("shards")) args.shards = whole_number("shards", t.shards, 1, kMaxShards);
  if (vm.count("cluster-threshold")) {
    args.cluster_threshold = number("cluster-threshold", t.cluster_threshold, 0, 1, true,
                                    "a resemblance above 0 and at most 1");
  }
  if (vm.count("max-delete")) {
    try {
      args.max_delete = news::parse_deletion_limit(t.max_delete);
    } catch (const std::invalid_argument& e) {
      throw po::error(std::string("--max-delete: ") + e.what());
    }
  }
}

// A --report file must be writable before the run changes anything.
void check_report_path(const std::string& file) {
  if (file.empty()) return;
  std::string dir = std::filesystem::path(file).parent_path().string();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw po::error("--report " + file + ": no such directory " + dir);
  }
  if (access(dir.c_str(), W_OK) != 0) {
    throw po::error("--report " + file + ": cannot write to " + dir + ": " + std::strerror(errno));
  }
}

// An option given to a command that does not take it is a usage error.
void check_options_belong(const po::variables_map& vm, const Command& c) {
  for (const auto& [name, value] : vm) {
    if (value.defaulted() || name == "command" || name == "operand" || name == "help") continue;
    const bool known =
        std::any_of(c.options.begin(), c.options.end(), [&](const char* o) { return name == o; });
    if (!known) throw po::error("--" + name + " is not an option of " + c.name);
  }
}

}  // namespace

Args parse_args(int argc, char** argv) {
  Args args;
  NumberTexts numbers;
  const po::options_description opts = all_options(args, numbers);
  po::options_description hidden;
  hidden.add_options()("command", po::value(&args.command))("operand", po::value(&args.operands));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("command", 1).add("operand", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
  po::notify(vm);
  if (vm.count("version")) {
    std::cout << "news-index " << news::version_text() << "\n";
    std::exit(kExitOk);
  }
  const Command* command = find_command(args.command);
  if (vm.count("help")) {
    if (command != nullptr) {
      print_command_help(*command, opts, std::cout);
    } else {
      print_overview(std::cout);
    }
    std::exit(kExitOk);
  }
  if (args.command.empty()) {
    print_overview(std::cerr);
    std::exit(kExitFatal);
  }
  if (command == nullptr) throw po::error("unknown command '" + args.command + "'");
  check_options_belong(vm, *command);
  check_numbers(vm, numbers, args);
  check_report_path(args.report_file);
  return args;
}

std::string usage_hint(const std::string& command) {
  return find_command(command) != nullptr ? "(news-index " + command + " --help shows its options)"
                                          : "(news-index --help shows the commands)";
}

}  // namespace news_index
