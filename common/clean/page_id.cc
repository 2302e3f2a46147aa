#include "clean/page_id.h"

#include <algorithm>
#include <cctype>

#include "text/text.h"

namespace news {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The query without "utm_*" parameters ("" when none is left).
std::string without_tracking(std::string_view query) {
  std::string out;
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view param = query.substr(start, end - start);
    if (!param.empty() && lower_ascii(param.substr(0, 4)) != "utm_") {
      if (!out.empty()) out += '&';
      out.append(param);
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string normalise_url(std::string_view url) {
  const std::string trimmed = collapse_whitespace(url);
  std::string_view u = trimmed;
  const size_t scheme_end = u.find("://");
  const std::string scheme = lower_ascii(u.substr(0, scheme_end));
  if (scheme_end == std::string_view::npos || (scheme != "http" && scheme != "https")) {
    return trimmed;
  }
  u.remove_prefix(scheme_end + 3);
  u = u.substr(0, u.find('#'));
  const size_t host_end = std::min(u.find('/'), u.find('?'));
  std::string host = lower_ascii(u.substr(0, host_end));
  const std::string default_port = scheme == "http" ? ":80" : ":443";
  if (host.size() > default_port.size() &&
      host.compare(host.size() - default_port.size(), default_port.size(), default_port) == 0) {
    host.resize(host.size() - default_port.size());
  }
  std::string_view rest = host_end == std::string_view::npos ? "" : u.substr(host_end);
  const size_t q = rest.find('?');
  std::string path(rest.substr(0, q));
  const std::string query = q == std::string_view::npos ? "" : without_tracking(rest.substr(q + 1));
  while (!path.empty() && path.back() == '/') path.pop_back();
  return scheme + "://" + host + path + (query.empty() ? "" : "?" + query);
}

std::string page_id(const Article& article) {
  uint64_t h = kFnvOffsetBasis;
  if (!article.url.empty()) {
    h = fnv1a64(normalise_url(article.url), h);
  } else {
    const std::string_view body = article.body;
    h = fnv1a64(normalise_value(article.title), h);
    h = fnv1a64("\n", h);
    h = fnv1a64(article.published, h);
    h = fnv1a64("\n", h);
    h = fnv1a64(normalise_value(body.substr(0, body.find("\n\n"))), h);
  }
  return "page-" + hex64(h);
}

}  // namespace news
