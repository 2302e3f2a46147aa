// news-index: builds and maintains a news index. Argument parsing
// (options.cpp) and output only; the work is done by the newscore library.

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "news/index.h"
#include "news/index_output.h"
#include "options.h"

namespace {

using news_index::Args;
using news_index::kExitFatal;
using news_index::kExitOk;
using news_index::kExitRejected;

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
  options.cluster_threshold = args.cluster_threshold;
  options.on_reject = print_rejection;
  options.on_warning = [](const std::string& w) { std::cerr << "warning: " << w << "\n"; };
  if (isatty(STDERR_FILENO) && !args.quiet) options.on_progress = print_progress;
  return finish_run(args, news::run_index(options));
}

int run_delete(const Args& args) {
  const news::IndexReport report = news::delete_articles(args.db, args.operands, args.wait_seconds);
  for (const news::Rejection& r : report.rejections) print_rejection(r);
  return finish_run(args, report);
}

int run_compact(const Args& args) {
  const news::CompactReport r = news::compact(args.db, args.wait_seconds, args.merge);
  if (!args.quiet) std::cerr << "news-index: " << news::compact_summary(args.db, r) << "\n";
  write_report(args.report_file, news::compact_report_to_json(r));
  return kExitOk;
}

int run_stats(const Args& args) {
  const news::IndexStats stats = news::read_stats(args.db);
  if (args.json) {
    std::cout << news::stats_to_json(stats) << "\n";
  } else {
    news::render_stats_text(stats, std::cout);
  }
  return kExitOk;
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

// Missing operands are usage errors, found before any work.
void require_operands(const Args& args) {
  if (!args.operands.empty() || args.command == "compact" || args.command == "stats") return;
  throw boost::program_options::error(args.command == "delete"  ? "no ID given"
                                      : args.command == "clean" ? "no FILE given"
                                                                : "no SOURCE given");
}

int run_command(const Args& args) {
  require_operands(args);
  if (args.command == "add") return run_index(args, news::IndexMode::kAdd);
  if (args.command == "sync") return run_index(args, news::IndexMode::kSync);
  if (args.command == "rebuild") return run_index(args, news::IndexMode::kRebuild);
  if (args.command == "delete") return run_delete(args);
  if (args.command == "compact") return run_compact(args);
  if (args.command == "stats") return run_stats(args);
  return run_clean(args);
}

}  // namespace

int main(int argc, char** argv) {
  std::string command = argc > 1 ? argv[1] : "";
  try {
    const Args args = news_index::parse_args(argc, argv);
    command = args.command;
    news::exit_on_escaped_write_error("news-index", args.db);
    return run_command(args);
  } catch (const boost::program_options::error& e) {
    std::cerr << "news-index: " << e.what() << " " << news_index::usage_hint(command) << "\n";
  } catch (const std::exception& e) {
    std::cerr << "news-index: " << e.what() << "\n";
  }
  return kExitFatal;
}
