#ifndef NEWS_SERVER_SERVER_H_
#define NEWS_SERVER_SERVER_H_

// news-search --serve: the JSON API and the web page over HTTP (docs/API.md),
// a third front end on the public API.

#include <string>
#include <vector>

namespace news_server {

// Serves the index at `databases` on `address` ("[HOST:]PORT", HOST
// 127.0.0.1 unless named; PORT 0 picks a free one) in the foreground until
// SIGINT or SIGTERM, letting requests in flight finish. Prints the URL on
// stderr, then one access-log line per request. Returns the exit code: 0
// after a signal, 2 when the address cannot be used or the index cannot be
// opened (with one line on stderr).
int serve(const std::vector<std::string>& databases, bool allow_partial,
          const std::string& address);

}  // namespace news_server

#endif  // NEWS_SERVER_SERVER_H_
