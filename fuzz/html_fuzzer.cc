// libFuzzer target: the HTML page cleaner must return an Article or throw
// ArticleError for any bytes, with valid UTF-8 strings, and never crash
// or recurse without bound (libxml2 tree, our walks, JSON-LD).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "clean/text_util.h"
#include "html/html_page.h"

namespace {

void require_utf8(const std::string& s) {
  if (news::clean::sanitize_utf8(s) != s) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const news::Article a = news::clean_html(bytes);
    require_utf8(a.title);
    require_utf8(a.body);
    require_utf8(a.caption);
    require_utf8(a.url);
    for (const auto& s : a.authors) require_utf8(s);
    for (const auto& s : a.tags) require_utf8(s);
    if (a.title.empty() || a.body.empty() || a.id.empty()) std::abort();
  } catch (const news::ArticleError&) {
  }
  return 0;
}
