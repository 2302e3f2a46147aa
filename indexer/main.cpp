// news-index: builds and maintains a news index. Argument parsing only;
// the work is done by the newscore library.

#include <unistd.h>

#include <boost/program_options.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "news/index.h"
#include "news/index_output.h"

namespace po = boost::program_options;

namespace {

constexpr char kUsage[] =
    "usage: news-index COMMAND [options] [ARGS...]\n"
    "\n"
    "commands:\n"
    "  add     [--db DIR] SOURCE...   add or replace articles (unchanged ones skipped)\n"
    "  sync    [--db DIR] SOURCE...   add, then delete what the sources no longer have\n"
    "  rebuild [--db DIR] SOURCE...   build a new generation, switch atomically\n"
    "          [--shards N]           ... as N shard databases written in parallel\n"
    "          [--merge]              ... then merged into one compacted database\n"
    "  delete  [--db DIR] ID...       delete articles by id\n"
    "  compact [--db DIR] [--merge]   compact the index in place (atomically);\n"
    "                                 --merge: the shards into one database\n"
    "  stats   [--db DIR] [--json]    document count, size, distinct values\n"
    "  clean   FILE...                print cleaned pages (dumps, HTML, WARC) as JSON Lines\n"
    "          [--explain]            ... a page dump followed by the candidates scored\n"
    "          [--explain-json]       ... every candidate and its features, as JSON\n"
    "          [--weights FILE]       ... scored with these weights (fitting)\n"
    "\n"
    "SOURCE: .jsonl/.json/.txt/.html/.htm/.warc files (optionally .gz), directories,\n"
    "        - for stdin\n"
    "\n"
    "exit: 0 all indexed; 1 some inputs rejected or not read completely (a sync\n"
    "then deletes nothing); 2 fatal (usage, I/O, lock, no records, --max-delete)\n";

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;
constexpr int kExitFatal = 2;

// Bounds of the numeric options: beyond them a value is a mistake.
constexpr size_t kMaxThreads = 256;
constexpr size_t kMaxShards = 64;
constexpr size_t kMaxBatchSize = 10000000;
constexpr double kMaxWaitSeconds = 86400;

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
  bool allow_empty = false;
  bool merge = false;
  bool json = false;
  bool quiet = false;
  bool explain = false;
  bool explain_json = false;
  std::string weights_file;
};

// The numeric options as typed, checked by check_numbers.
struct NumberTexts {
  std::string wait, batch_size, threads, shards, max_delete;
};

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

double seconds(const char* name, const std::string& text, double max) {
  size_t used = 0;
  double value = -1;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || !(value >= 0 && value <= max)) {
    throw po::error(std::string("--") + name + " " + text + ": expected seconds from 0 to " +
                    std::to_string(static_cast<long>(max)));
  }
  return value;
}

void check_numbers(const po::variables_map& vm, const NumberTexts& t, Args& args) {
  if (vm.count("wait")) args.wait_seconds = seconds("wait", t.wait, kMaxWaitSeconds);
  if (vm.count("batch-size")) {
    args.batch_size = whole_number("batch-size", t.batch_size, 1, kMaxBatchSize);
  }
  if (vm.count("threads")) args.threads = whole_number("threads", t.threads, 0, kMaxThreads);
  if (vm.count("shards")) args.shards = whole_number("shards", t.shards, 1, kMaxShards);
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

Args parse_args(int argc, char** argv) {
  Args args;
  NumberTexts numbers;
  po::options_description opts("options");
  opts.add_options()("help,h", "show this help")(
      "db", po::value(&args.db)->default_value(news::default_index_dir()),
      "index directory ($NEWS_DB)")("report", po::value(&args.report_file),
                                    "write the run's summary as JSON to FILE")(
      "wait", po::value(&numbers.wait), "wait up to SECONDS for another writer")(
      "batch-size", po::value(&numbers.batch_size), "articles per commit (default 10000)")(
      "threads", po::value(&numbers.threads), "threads building documents (default: cores)")(
      "shards", po::value(&numbers.shards),
      "rebuild (or new index): shard databases, 1-64, default: as now")(
      "merge", po::bool_switch(&args.merge),
      "compact, rebuild: merge the shards into one database")(
      "max-delete", po::value(&numbers.max_delete),
      "sync, rebuild: delete at most N stories or P% of the index (default 10%)")(
      "allow-empty", po::bool_switch(&args.allow_empty),
      "sync, rebuild: accept sources without any record")(
      "json", po::bool_switch(&args.json), "stats as JSON")("quiet,q", po::bool_switch(&args.quiet),
                                                            "no progress or summary on stderr")(
      "explain", po::bool_switch(&args.explain),
      "clean: show the candidates scored for each field")(
      "explain-json", po::bool_switch(&args.explain_json),
      "clean: every candidate and its features, as JSON")("weights", po::value(&args.weights_file),
                                                          "clean: score with the weights in FILE");
  po::options_description hidden;
  hidden.add_options()("command", po::value(&args.command))("operand", po::value(&args.operands));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("command", 1).add("operand", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
  po::notify(vm);
  if (vm.count("help") || args.command.empty()) {
    std::cout << kUsage << "\n" << opts;
    std::exit(args.command.empty() && !vm.count("help") ? kExitFatal : kExitOk);
  }
  check_numbers(vm, numbers, args);
  check_report_path(args.report_file);
  return args;
}

void print_progress(const news::IndexProgress& p) {
  const double rate = p.seconds > 0 ? p.articles_done / p.seconds : 0;
  std::fprintf(stderr, "\r\033[K%zu articles, %.0f/s", p.articles_done, rate);
  if (p.bytes_total > 0 && p.bytes_done > 0 && p.bytes_done < p.bytes_total) {
    const double eta = p.seconds * (p.bytes_total - p.bytes_done) / p.bytes_done;
    std::fprintf(stderr, ", %.0f%%, ETA %d:%02d", 100.0 * p.bytes_done / p.bytes_total,
                 static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
  }
}

void print_rejection(const news::Rejection& r) {
  std::cerr << r.location << ": " << r.reason << "\n";
}

void write_report(const std::string& file, const std::string& json) {
  if (file.empty()) return;
  std::ofstream out(file);
  out << json << "\n";
  if (!out) throw news::IndexError("cannot write report " + file);
}

int finish_run(const Args& args, const news::IndexReport& report) {
  if (isatty(STDERR_FILENO) && !args.quiet) std::fputs("\r\033[K", stderr);
  if (!args.quiet) std::cerr << "news-index: " << news::report_summary(report) << "\n";
  write_report(args.report_file, news::report_to_json(report));
  return report.rejections.empty() && report.incomplete.empty() ? kExitOk : kExitRejected;
}

int run_index(const Args& args, news::IndexMode mode) {
  if (args.operands.empty()) throw po::error("no SOURCE given");
  if (args.merge && mode != news::IndexMode::kRebuild) {
    throw po::error("--merge works with rebuild and compact only");
  }
  news::IndexOptions options;
  options.db = args.db;
  options.sources = args.operands;
  options.mode = mode;
  options.batch_size = args.batch_size;
  options.wait_seconds = args.wait_seconds;
  options.threads = args.threads;
  options.shards = args.shards;
  options.merge = args.merge;
  options.allow_empty = args.allow_empty;
  options.max_delete = args.max_delete;
  options.on_reject = print_rejection;
  options.on_warning = [](const std::string& w) { std::cerr << "warning: " << w << "\n"; };
  if (isatty(STDERR_FILENO) && !args.quiet) options.on_progress = print_progress;
  return finish_run(args, news::run_index(options));
}

int run_clean(const Args& args) {
  news::CleanRequest request;
  request.files = args.operands;
  request.explain = args.explain;
  request.explain_json = args.explain_json;
  request.weights_file = args.weights_file;
  const news::CleanReport report = news::clean_files(request, std::cout, print_rejection);
  if (report.not_articles > 0 && !args.quiet) {
    std::cerr << "news-index: " << report.not_articles
              << " WARC records skipped (not HTML responses)\n";
  }
  return report.rejections.empty() ? kExitOk : kExitRejected;
}

int run_command(const Args& args) {
  if (args.command == "add") return run_index(args, news::IndexMode::kAdd);
  if (args.command == "sync") return run_index(args, news::IndexMode::kSync);
  if (args.command == "rebuild") return run_index(args, news::IndexMode::kRebuild);
  if (args.command == "delete") {
    if (args.operands.empty()) throw po::error("no ID given");
    const news::IndexReport report =
        news::delete_articles(args.db, args.operands, args.wait_seconds);
    for (const news::Rejection& r : report.rejections) print_rejection(r);
    return finish_run(args, report);
  }
  if (args.command == "compact") {
    const news::CompactReport r = news::compact(args.db, args.wait_seconds, args.merge);
    std::cerr << "news-index: " << news::compact_summary(args.db, r) << "\n";
    write_report(args.report_file, news::compact_report_to_json(r));
    return kExitOk;
  }
  if (args.command == "stats") {
    const news::IndexStats stats = news::read_stats(args.db);
    if (args.json)
      std::cout << news::stats_to_json(stats) << "\n";
    else
      news::render_stats_text(stats, std::cout);
    return kExitOk;
  }
  if (args.command == "clean") return run_clean(args);
  throw po::error("unknown command '" + args.command + "'");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Args args = parse_args(argc, argv);
    news::exit_on_escaped_write_error("news-index", args.db);
    return run_command(args);
  } catch (const po::error& e) {
    std::cerr << "news-index: " << e.what() << "\n" << kUsage;
    return kExitFatal;
  } catch (const news::IndexError& e) {
    std::cerr << "news-index: " << e.what() << "\n";
    return kExitFatal;
  } catch (const std::exception& e) {
    std::cerr << "news-index: " << e.what() << "\n";
    return kExitFatal;
  }
}
