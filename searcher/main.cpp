// news-search: ranked and faceted search over a news index. Argument
// parsing and output selection only; the work is done by newscore.

#include <sys/ioctl.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "../server/server.h"
#include "news/search.h"
#include "news/search_options.h"
#include "news/search_output.h"
#include "news/version.h"

namespace po = boost::program_options;

namespace {

constexpr int kExitHits = 0;
constexpr int kExitNoHits = 1;
constexpr int kExitError = 2;
constexpr const char* kExitStatusHelp =
    "\nexit status: 0 hits found, 1 no hits, 2 a malformed query or option, or an\n"
    "index that cannot be read (one line on stderr says which). See news-search(1).\n";

enum class Format { kText, kJson, kIds };

struct Args {
  std::vector<std::string> dbs;
  news::SearchRequest request;
  Format format = Format::kText;
  std::string color = "auto";
  std::string queries_file;    // batch mode: one query per line
  bool allow_partial = false;  // search the shards that answer, with a warning
  std::string serve;           // [HOST:]PORT: run the HTTP server
  bool show = false;           // the words are ids: print those stories whole
  std::vector<std::string> show_ids;
};

Format parse_format(const std::string& s, bool json) {
  if (json || s == "json") return Format::kJson;
  if (s == "text") return Format::kText;
  if (s == "ids") return Format::kIds;
  throw po::error("--format must be text, json or ids");
}

Args parse_args(int argc, char** argv) {
  Args args;
  news::SearchOptions r;
  std::vector<std::string> words;
  std::string format = "text";
  bool json = false, no_snippets = false;
  po::options_description opts(
      "usage: news-search [options] [QUERY...]\n\n"
      "QUERY: words, \"phrases\", AND/OR/NOT, +/-, wildcards (tarif*), fields\n"
      "title: author:/by: source: section: tag:/topic: place: id: date:FROM..TO\n"
      "(author:lucey, author:\"Catherine Lucey\", tag:\"tariffs and trade\",\n"
      "date:2025-04, date:7d..); operators in capitals. See docs/QUERY.md.\n\n"
      "options");
  opts.add_options()("help,h", "show this help")("version", "print the version")(
      "db", po::value(&args.dbs),
      "index (repeatable: searched together); default $NEWS_DB or news.db")(
      "json", po::bool_switch(&json), "one JSON object (same as --format json)")(
      "format", po::value(&format), "text, json or ids")(
      "limit,n", po::value(&r.limit)->default_value(10), "hits to show (0: count only)")(
      "offset", po::value(&r.offset)->default_value(0), "hits to skip")(
      "sort", po::value(&r.sort), "relevance (default), newest or oldest")(
      "all", po::bool_switch(&r.all_terms), "require every word (default: any, best first)")(
      "filter", po::value(&r.filters), "FIELD=VALUE exact filter (repeatable)")(
      "since", po::value(&r.since),
      "published on or after (YYYY[-MM[-DD]], 7d, 2w, 3m, 1y, today, yesterday)")(
      "until", po::value(&r.until), "published on or before (same forms)")(
      "facet", po::value(&r.facets),
      "count values of section, tag, author, place, source, year, month")(
      "facet-limit", po::value(&r.facet_limit)->default_value(10),
      "values per facet (0: all; year and month: all)")("color", po::value(&args.color),
                                                        "auto, always or never")(
      "similar", po::value(&r.similar), "stories most like the story with this id (it excluded)")(
      "recent", po::value(&r.recent),
      "mix relevance with freshness, half-life e.g. 30d, 2w, 6m, 1y")(
      "as-of", po::value(&r.as_of), "reference day for --recent (default: today)")(
      "explain", po::bool_switch(&r.explain), "show why each hit ranked where it did")(
      "expand", po::bool_switch(&r.expand), "pseudo-relevance feedback: better recall, slower")(
      "ranking", po::value(&r.ranking), "expert: ranking overrides, e.g. k1=1.2,b=0.75,expand=10")(
      "queries", po::value(&args.queries_file),
      "batch: one query per line in FILE, one JSON object per line")(
      "no-snippets", po::bool_switch(&no_snippets), "leave snippets out (faster)")(
      "collapse", po::bool_switch(&r.collapse),
      "one hit per near-duplicate cluster, with its number of copies and their sources")(
      "copies", po::value(&r.copies),
      "the stories of this story's near-duplicate cluster, oldest first")(
      "facet-count", po::value(&r.facet_count),
      "what facets count: stories (default) or clusters (copies once)")(
      "allow-partial", po::bool_switch(&args.allow_partial),
      "search the shards that can be reached (warn about the others)")(
      "show", po::bool_switch(&args.show),
      "print the whole stories with these ids (the words are ids: --show ID...)")(
      "serve", po::value(&args.serve),
      "[HOST:]PORT: serve the JSON API and the web page over HTTP (HOST default 127.0.0.1)");
  po::options_description hidden;
  hidden.add_options()("query", po::value(&words));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("query", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << opts << kExitStatusHelp;
    std::exit(kExitHits);
  }
  if (vm.count("version")) {
    std::cout << "news-search " << news::version_text() << "\n";
    std::exit(kExitHits);
  }
  if (args.show) {
    if (words.empty()) throw po::error("--show needs the ids of the stories to print");
    args.show_ids = words;
    words.clear();
  }
  for (const std::string& w : words) r.query += (r.query.empty() ? "" : " ") + w;
  if (args.color != "auto" && args.color != "always" && args.color != "never") {
    throw po::error("--color must be auto, always or never");
  }
  args.format = parse_format(format, json);
  r.snippets = args.format != Format::kIds && !no_snippets;
  args.request = news::make_search_request(r);
  if (args.dbs.empty()) args.dbs.push_back(news::default_index_dir());
  return args;
}

news::TextStyle text_style(const std::string& color) {
  news::TextStyle style;
  // NO_COLOR (no-color.org): no colour unless asked for by --color always.
  const char* no_color = std::getenv("NO_COLOR");
  const bool colour_unwanted = no_color != nullptr && *no_color != '\0';
  style.color = color == "always" || (color == "auto" && !colour_unwanted && isatty(STDOUT_FILENO));
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    style.width = ws.ws_col;
  } else if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
    const long n = std::strtol(columns, nullptr, 10);
    if (n >= 20 && n <= 1000) style.width = static_cast<size_t>(n);
  }
  return style;
}

// Batch mode: each line of the file is a query with the same options; a
// line that cannot be parsed gets {"query": ..., "error": ...}.
int run_batch(const Args& args) {
  std::ifstream in(args.queries_file);
  if (!in) throw news::SearchError("cannot read " + args.queries_file);
  news::Searcher searcher(args.dbs, args.allow_partial);
  searcher.keep_values_in_memory();
  news::SearchRequest request = args.request;
  bool any_hits = false;
  for (std::string line; std::getline(in, line);) {
    request.query = line;
    try {
      const news::SearchResults results = searcher.search(request);
      any_hits = any_hits || results.total > 0;
      std::cout << news::results_to_json(results) << "\n";
    } catch (const news::QueryError& e) {
      std::cout << news::error_to_json(line, e.what()) << "\n";
    }
  }
  return any_hits ? kExitHits : kExitNoHits;
}

// news-search --show ID...: each story whole (JSON: one article object a
// line); exit 1 when an id is unknown, after printing the others.
int run_show(const Args& args) {
  news::Searcher searcher(args.dbs, args.allow_partial);
  const news::TextStyle style = text_style(args.color);
  int status = kExitHits;
  bool first = true;
  for (const std::string& id : args.show_ids) {
    const std::optional<news::Article> article = searcher.article(id);
    if (!article) {
      std::cerr << "news-search: no story with id '" << id << "'\n";
      status = kExitNoHits;
      continue;
    }
    if (args.format == Format::kJson) {
      std::cout << news::article_to_json(*article) << "\n";
    } else if (args.format == Format::kIds) {
      std::cout << article->id << "\n";
    } else {
      std::cout << (first ? "" : "\n");
      news::render_article_text(*article, style, std::cout);
    }
    first = false;
  }
  return status;
}

int run(const Args& args) {
  if (args.show) return run_show(args);
  if (!args.queries_file.empty()) return run_batch(args);
  if (!args.serve.empty()) return news_server::serve(args.dbs, args.allow_partial, args.serve);
  news::Searcher searcher(args.dbs, args.allow_partial);
  const news::SearchResults results = searcher.search(args.request);
  for (const std::string& w : results.warnings) std::cerr << "news-search: warning: " << w << "\n";
  switch (args.format) {
    case Format::kJson:
      std::cout << news::results_to_json(results) << "\n";
      break;
    case Format::kIds:
      news::render_results_ids(results, std::cout);
      break;
    case Format::kText:
      news::render_results_text(results, text_style(args.color), std::cout);
      break;
  }
  return results.total > 0 ? kExitHits : kExitNoHits;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse_args(argc, argv));
  } catch (const po::error& e) {
    std::cerr << "news-search: " << e.what() << " (see --help)\n";
  } catch (const news::QueryError& e) {
    std::cerr << "news-search: " << e.what() << "\n";
  } catch (const news::SearchError& e) {
    std::cerr << "news-search: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "news-search: " << e.what() << "\n";
  }
  return kExitError;
}
