#include "server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

#include "assets.h"
#include "news/index.h"
#include "news/index_output.h"
#include "news/search.h"
#include "news/search_options.h"
#include "news/search_output.h"

namespace news_server {
namespace {

// Limits of the API (docs/API.md).
constexpr size_t kMaxPage = 100;         // n
constexpr size_t kMaxDepth = 10000;      // offset + n
constexpr size_t kMaxFacetLimit = 1000;  // facet_limit, /api/facet limit
constexpr double kTimeLimitMs = 2000;    // each search's match
constexpr size_t kThreads = 32;          // connections served at once (keep-alive holds one)
constexpr size_t kMaxBody = 64 * 1024;   // a GET has no business sending more

const char kSecurityPolicy[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// A request the client got wrong: its status and message.
struct HttpError : std::runtime_error {
  HttpError(int status, const std::string& message) : std::runtime_error(message), status(status) {}
  int status;
};

// One Searcher per thread serving a request: Xapian databases are not
// thread-safe. Made when first needed, lent for one request at a time.
class SearcherPool {
 public:
  SearcherPool(std::vector<std::string> databases, bool allow_partial)
      : databases_(std::move(databases)), allow_partial_(allow_partial) {}

  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<news::Searcher> s) : pool_(pool), s_(std::move(s)) {}
    ~Lease() { pool_.give_back(std::move(s_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    news::Searcher& operator*() { return *s_; }
    news::Searcher* operator->() { return s_.get(); }

   private:
    SearcherPool& pool_;
    std::unique_ptr<news::Searcher> s_;
  };

  // A searcher reading the index as it is now (Searcher::refresh). Throws
  // SearchError when the index cannot be opened.
  Lease lend() {
    std::unique_ptr<news::Searcher> s;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!idle_.empty()) {
        s = std::move(idle_.back());
        idle_.pop_back();
      }
    }
    if (!s) {
      s = std::make_unique<news::Searcher>(databases_, allow_partial_);
      // Many searches follow: dates, lengths and facet values in memory
      // (same results), loaded again after each refresh that reopens.
      s->keep_values_in_memory();
    } else {
      s->refresh();
    }
    return Lease(*this, std::move(s));
  }

  const std::vector<std::string>& databases() const { return databases_; }

 private:
  void give_back(std::unique_ptr<news::Searcher> s) {
    if (!s) return;
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(s));
  }

  const std::vector<std::string> databases_;
  const bool allow_partial_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<news::Searcher>> idle_;
};

std::string error_json(const std::string& message) {
  return nlohmann::json{{"error", message}}.dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace) +
         "\n";
}

void send_json(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json; charset=utf-8");
}

// The one parameter `name` may hold, or `fallback`. Throws HttpError when
// it is given twice.
std::string single(const httplib::Request& req, const std::string& name,
                   const std::string& fallback = "") {
  if (req.get_param_value_count(name.c_str()) > 1) {
    throw HttpError(400, "parameter '" + name + "' given more than once");
  }
  return req.has_param(name.c_str()) ? req.get_param_value(name.c_str()) : fallback;
}

std::vector<std::string> repeated(const httplib::Request& req, const std::string& name) {
  std::vector<std::string> out;
  const auto range = req.params.equal_range(name);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

// A yes/no parameter: absent, 0 or false is no; 1 or true is yes.
bool flag(const httplib::Request& req, const std::string& name) {
  const std::string value = single(req, name, "0");
  if (value == "1" || value == "true") return true;
  if (value == "0" || value == "false") return false;
  throw HttpError(400, "parameter '" + name + "' must be 1, 0, true or false, got '" + value + "'");
}

void allow_only(const httplib::Request& req, const std::set<std::string>& names) {
  for (const auto& [name, value] : req.params) {
    if (names.count(name) == 0) throw HttpError(400, "unknown parameter '" + name + "'");
  }
}

// /api/search's parameters, named after news-search's long options.
news::SearchRequest search_request(const httplib::Request& req) {
  allow_only(req, {"q", "filter", "facet", "facet_limit", "sort", "since", "until", "n", "offset",
                   "recent", "as_of", "similar", "collapse", "copies", "facet_count"});
  news::SearchOptions o;
  o.query = single(req, "q");
  o.filters = repeated(req, "filter");
  o.facets = repeated(req, "facet");
  o.facet_limit =
      news::parse_count("facet_limit", single(req, "facet_limit", "10"), kMaxFacetLimit);
  o.sort = single(req, "sort", "relevance");
  o.since = single(req, "since");
  o.until = single(req, "until");
  o.limit = news::parse_count("n", single(req, "n", "10"), kMaxPage);
  o.offset = news::parse_count("offset", single(req, "offset", "0"), kMaxDepth);
  if (o.offset + o.limit > kMaxDepth) {
    throw HttpError(400, "offset + n must be at most " + std::to_string(kMaxDepth));
  }
  o.recent = single(req, "recent");
  o.as_of = single(req, "as_of");
  o.similar = single(req, "similar");
  o.collapse = flag(req, "collapse");
  o.copies = single(req, "copies");
  o.facet_count = single(req, "facet_count", "stories");
  news::SearchRequest request = news::make_search_request(o);
  request.time_limit_ms = kTimeLimitMs;
  return request;
}

std::string facet_json(const news::Facet& facet) {
  nlohmann::ordered_json values = nlohmann::ordered_json::array();
  for (const news::FacetValue& v : facet.values) {
    values.push_back({{"value", v.value}, {"count", v.count}});
  }
  const nlohmann::ordered_json j = {
      {"field", facet.field}, {"distinct", facet.distinct}, {"values", values}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// The API's routes; each answers JSON, errors included.
class Api {
 public:
  explicit Api(SearcherPool& pool) : pool_(pool) {}

  void search(const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] {
      const news::SearchRequest request = search_request(req);
      return news::results_to_json(pool_.lend()->search(request)) + "\n";
    });
  }

  void article(const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] {
      allow_only(req, {});
      const std::string id = req.matches[1];
      const std::optional<news::Article> a = pool_.lend()->article(id);
      if (!a) throw HttpError(404, "no article with id '" + id + "'");
      return news::article_to_json(*a) + "\n";
    });
  }

  void facet(const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] {
      allow_only(req, {"prefix", "limit"});
      const size_t limit = news::parse_count("limit", single(req, "limit", "20"), kMaxFacetLimit);
      const std::string field = req.matches[1];
      return facet_json(pool_.lend()->facet_values(field, single(req, "prefix"), limit));
    });
  }

  void stats(const httplib::Request& req, httplib::Response& res) {
    answer(res, [&] {
      allow_only(req, {});
      if (pool_.databases().size() != 1) {
        throw HttpError(404, "/api/stats serves one --db; this server searches several");
      }
      return news::stats_to_json(news::read_stats(pool_.databases().front())) + "\n";
    });
  }

  void health(const httplib::Request&, httplib::Response& res) {
    answer(res, [&] {
      pool_.lend();
      return std::string("{\"status\": \"ok\"}\n");
    });
  }

 private:
  // Sends what `make` returns, or the JSON error it threw: 400 for a
  // request the index cannot answer as asked, 503 when the index fails.
  template <typename Make>
  void answer(httplib::Response& res, Make make) {
    try {
      send_json(res, 200, make());
    } catch (const HttpError& e) {
      send_json(res, e.status, error_json(e.what()));
    } catch (const news::QueryError& e) {
      send_json(res, 400, error_json(e.what()));
    } catch (const news::SearchError& e) {  // SearchTimeout too
      send_json(res, 503, error_json(e.what()));
    } catch (const news::IndexError& e) {
      send_json(res, 503, error_json(e.what()));
    } catch (const std::exception& e) {
      send_json(res, 500, error_json(e.what()));
    }
  }

  SearcherPool& pool_;
};

const char* reason(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 404:
      return "not found";
    case 405:
      return "method not allowed: the API answers GET only";
    case 413:
      return "request too large";
    case 414:
      return "request URI too long";
    default:
      return "request failed";
  }
}

// "[HOST:]PORT" as (host, port). Throws HttpError(0) for a bad one.
std::pair<std::string, int> parse_address(const std::string& address) {
  const size_t colon = address.rfind(':');
  std::string host = colon == std::string::npos ? "127.0.0.1" : address.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  const std::string port = colon == std::string::npos ? address : address.substr(colon + 1);
  try {
    return {host, static_cast<int>(news::parse_count("--serve PORT", port, 65535))};
  } catch (const news::QueryError& e) {
    throw std::invalid_argument(e.what());
  }
}

void route(httplib::Server& http, Api& api) {
  using httplib::Request;
  using httplib::Response;
  http.Get("/api/search", [&](const Request& q, Response& r) { api.search(q, r); });
  http.Get(R"(/api/article/(.+))", [&](const Request& q, Response& r) { api.article(q, r); });
  http.Get(R"(/api/facet/([^/]+))", [&](const Request& q, Response& r) { api.facet(q, r); });
  http.Get("/api/stats", [&](const Request& q, Response& r) { api.stats(q, r); });
  http.Get("/healthz", [&](const Request& q, Response& r) { api.health(q, r); });
  http.Get(R"(/[^/]*)", [](const Request& q, Response& r) {
    const Asset* asset = find_asset(q.path);
    if (asset == nullptr) {
      r.status = 404;  // the error handler says so in JSON
      return;
    }
    r.set_content(asset->body.data(), asset->body.size(), std::string(asset->content_type).c_str());
  });
}

// When the request being served on this thread started (access log).
std::chrono::steady_clock::time_point& request_start() {
  thread_local std::chrono::steady_clock::time_point start;
  return start;
}

void configure(httplib::Server& http) {
  http.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  http.set_payload_max_length(kMaxBody);
  // Without it a response written in two segments waits for the client's
  // delayed ACK: 40 ms a request.
  http.set_tcp_nodelay(true);
  http.set_keep_alive_max_count(1000);
  http.set_default_headers({{"Content-Security-Policy", kSecurityPolicy},
                            {"X-Content-Type-Options", "nosniff"},
                            {"Referrer-Policy", "no-referrer"},
                            {"Cache-Control", "no-store"}});
  // Before routing, so that a body sent with another method is not read.
  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    request_start() = std::chrono::steady_clock::now();
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      send_json(res, 405, error_json(reason(405)));
      return httplib::Server::HandlerResponse::Handled;
    }
    // httplib reads no body for a GET: refuse one that is too large (and
    // close the connection, whose stream still holds it).
    if (req.get_header_value<uint64_t>("Content-Length") > kMaxBody) {
      res.set_header("Connection", "close");
      send_json(res, 413, error_json(reason(413)));
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) send_json(res, res.status, error_json(reason(res.status)));
  });
  http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    // A request refused before routing (414) has no start, method nor path.
    std::chrono::steady_clock::time_point& start = request_start();
    const std::chrono::duration<double, std::milli> ms =
        start == std::chrono::steady_clock::time_point{} ? std::chrono::steady_clock::duration{}
                                                         : std::chrono::steady_clock::now() - start;
    start = {};
    const std::string& target = req.target.empty() ? req.path : req.target;
    // One write per line, so that lines of concurrent requests do not mix.
    std::fprintf(stderr, "%s %s %d %.3fms\n", req.method.empty() ? "-" : req.method.c_str(),
                 target.empty() ? "-" : target.c_str(), res.status, ms.count());
  });
}

// Waits for SIGINT or SIGTERM (blocked in every thread), then stops the
// server; returns when the server stopped on its own too.
void stop_on_signal(httplib::Server& http, const std::atomic<bool>& done) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  const timespec tick{0, 200 * 1000 * 1000};
  while (!done) {
    const int sig = sigtimedwait(&set, nullptr, &tick);
    if (sig == SIGINT || sig == SIGTERM) {
      std::fprintf(stderr, "news-search: stopping (signal %d)\n", sig);
      http.stop();
      return;
    }
  }
}

}  // namespace

int serve(const std::vector<std::string>& databases, bool allow_partial,
          const std::string& address) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);  // before any thread starts
  std::pair<std::string, int> where;
  try {
    where = parse_address(address);
  } catch (const std::invalid_argument& e) {
    std::cerr << "news-search: " << e.what() << "\n";
    return 2;
  }
  SearcherPool pool(databases, allow_partial);
  { pool.lend(); }  // fails now, with one line, if the index cannot be opened
  Api api(pool);
  httplib::Server http;
  configure(http);
  route(http, api);
  const int port = where.second == 0
                       ? http.bind_to_any_port(where.first)
                       : (http.bind_to_port(where.first, where.second) ? where.second : -1);
  if (port <= 0) {
    std::cerr << "news-search: cannot listen on " << address << "\n";
    return 2;
  }
  const bool v6 = where.first.find(':') != std::string::npos;
  std::cerr << "news-search: serving http://" << (v6 ? "[" + where.first + "]" : where.first) << ":"
            << port << "/\n";
  std::atomic<bool> done{false};
  std::thread stopper(stop_on_signal, std::ref(http), std::cref(done));
  const bool ok = http.listen_after_bind();
  done = true;
  stopper.join();
  return ok ? 0 : 2;
}

}  // namespace news_server
