// news-index: builds and maintains a news index. Argument parsing only;
// the work is done by the newscore library.

#include <unistd.h>
#include <xapian.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "article.h"
#include "clean/cleaner.h"
#include "clean/explain.h"
#include "clean/model.h"
#include "index/indexer.h"
#include "index/layout.h"
#include "index/maintenance.h"
#include "index/shards.h"
#include "index/stats.h"
#include "input/reader.h"
#include "output/render.h"

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
    "  clean   FILE...                print cleaned page dumps as JSON Lines\n"
    "          [--explain]            ... each followed by the candidates scored\n"
    "          [--explain-json]       ... every candidate and its features, as JSON\n"
    "          [--weights FILE]       ... scored with these weights (fitting)\n"
    "\n"
    "SOURCE: .jsonl/.json/.txt files (optionally .gz), directories, - for stdin\n";

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;
constexpr int kExitFatal = 2;

struct Args {
  std::string command;
  std::string db;
  std::vector<std::string> operands;
  std::string report_file;
  double wait_seconds = 0;
  size_t batch_size = 10000;
  size_t threads = 0;
  size_t shards = 0;
  bool merge = false;
  bool json = false;
  bool quiet = false;
  bool explain = false;
  bool explain_json = false;
  std::string weights_file;
};

std::string default_db() {
  const char* env = std::getenv("NEWS_DB");
  return env != nullptr && *env != '\0' ? env : "news.db";
}

Args parse_args(int argc, char** argv) {
  Args args;
  po::options_description opts("options");
  opts.add_options()("help,h", "show this help")(
      "db", po::value(&args.db)->default_value(default_db()), "index directory ($NEWS_DB)")(
      "report", po::value(&args.report_file), "write the run's summary as JSON to FILE")(
      "wait", po::value(&args.wait_seconds), "wait up to SECONDS for another writer")(
      "batch-size", po::value(&args.batch_size), "articles per commit (default 10000)")(
      "threads", po::value(&args.threads), "threads building documents (default: cores)")(
      "shards", po::value(&args.shards),
      "rebuild (or new index): shard databases, default: as now")(
      "merge", po::bool_switch(&args.merge),
      "compact, rebuild: merge the shards into one database")(
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
  if (args.batch_size == 0) throw po::error("--batch-size must be at least 1");
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

int finish_run(const Args& args, const news::IndexReport& report) {
  if (isatty(STDERR_FILENO) && !args.quiet) std::fputs("\r\033[K", stderr);
  if (!args.quiet) std::cerr << "news-index: " << news::report_summary(report) << "\n";
  if (!args.report_file.empty()) {
    std::ofstream out(args.report_file);
    out << news::report_to_json(report) << "\n";
    if (!out) throw news::IndexError("cannot write report " + args.report_file);
  }
  return report.rejections.empty() ? kExitOk : kExitRejected;
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
  options.on_reject = [](const news::Rejection& r) {
    std::cerr << r.location << ": " << r.reason << "\n";
  };
  options.on_warning = [](const std::string& w) { std::cerr << "warning: " << w << "\n"; };
  if (isatty(STDERR_FILENO) && !args.quiet) options.on_progress = print_progress;
  return finish_run(args, news::run_index(options));
}

news::clean::Weights read_weights(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) throw po::error("cannot read weights " + file);
  return news::clean::Weights::parse(text);
}

// Prints the article (if any) and, with --explain, what was considered.
void clean_one(const Args& args, const std::string& text, const news::CleanOptions& options) {
  news::clean::Explanation explanation;
  news::CleanOptions opts = options;
  if (args.explain || args.explain_json) opts.explain = &explanation;
  auto print_explanation = [&] {
    if (args.explain_json) {
      std::cout << news::clean::explanation_to_json(explanation) << "\n";
    } else if (args.explain) {
      const auto& w = opts.weights ? *opts.weights : news::clean::Weights::fitted();
      std::cout << news::clean::explanation_to_text(explanation, w);
    }
  };
  try {
    const news::Article a = news::clean_page(text, opts);
    std::cout << news::article_to_json(a) << "\n";
    print_explanation();
  } catch (const news::ArticleError&) {
    print_explanation();
    throw;
  }
}

int run_clean(const Args& args) {
  news::clean::Weights weights;
  news::CleanOptions options;
  if (!args.weights_file.empty()) {
    weights = read_weights(args.weights_file);
    options.weights = &weights;
  }
  int status = kExitOk;
  for (const std::string& file : args.operands) {
    try {
      news::read_file(
          file, news::ReadOptions{}, [&](news::Record&& r) { clean_one(args, r.text, options); },
          [](const news::InputError&) {});
    } catch (const news::ArticleError& e) {
      std::cerr << file << ": " << e.what() << "\n";
      status = kExitRejected;
    } catch (const news::InputError& e) {
      std::cerr << e.location() << ": " << e.what() << "\n";
      status = kExitRejected;
    }
  }
  return status;
}

int run_command(const Args& args) {
  if (args.command == "add") return run_index(args, news::IndexMode::kAdd);
  if (args.command == "sync") return run_index(args, news::IndexMode::kSync);
  if (args.command == "rebuild") return run_index(args, news::IndexMode::kRebuild);
  if (args.command == "delete") {
    if (args.operands.empty()) throw po::error("no ID given");
    const news::IndexReport report =
        news::delete_articles(args.db, args.operands, args.wait_seconds);
    for (const news::Rejection& r : report.rejections) {
      std::cerr << r.location << ": " << r.reason << "\n";
    }
    return finish_run(args, report);
  }
  if (args.command == "compact") {
    const news::CompactReport r = args.merge ? news::compact_index(args.db, args.wait_seconds)
                                             : news::compact_shards(args.db, args.wait_seconds);
    std::cerr << "news-index: compacted " << args.db << " from " << r.bytes_before / 1000
              << " kB to " << r.bytes_after / 1000 << " kB in " << r.seconds << " s\n";
    if (!args.report_file.empty()) {
      std::ofstream out(args.report_file);
      out << "{\"bytes_before\": " << r.bytes_before << ", \"bytes_after\": " << r.bytes_after
          << ", \"seconds\": " << r.seconds << "}\n";
      if (!out) throw news::IndexError("cannot write report " + args.report_file);
    }
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

// Xapian's writer keeps the documents not yet flushed in a std::map per
// term; at its default of 10000 walking those maps was a third of indexing
// time. 1000 made a Reuters rebuild 20% faster and its peak RSS 307 -> 87 MB
// (docs/SCALING.md). Read when a database is opened; the user's setting wins.
constexpr const char* kXapianFlushThreshold = "1000";

int main(int argc, char** argv) {
  setenv("XAPIAN_FLUSH_THRESHOLD", kXapianFlushThreshold, /*overwrite=*/0);
  try {
    return run_command(parse_args(argc, argv));
  } catch (const po::error& e) {
    std::cerr << "news-index: " << e.what() << "\n" << kUsage;
    return kExitFatal;
  } catch (const news::IndexError& e) {
    std::cerr << "news-index: " << e.what() << "\n";
    return kExitFatal;
  } catch (const std::exception& e) {
    std::cerr << "news-index: " << e.what() << "\n";
    return kExitFatal;
  } catch (const Xapian::Error& e) {  // one the library let through
    std::cerr << "news-index: " << e.get_description() << "\n";
    return kExitFatal;
  }
}
