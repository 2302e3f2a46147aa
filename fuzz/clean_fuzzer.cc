// libFuzzer target: the page cleaner must return an Article or throw
// ArticleError for any bytes, and its strings must be valid UTF-8.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "clean/cleaner.h"
#include "clean/text_util.h"

namespace {

void require_utf8(const std::string& s) {
  if (news::clean::sanitize_utf8(s) != s) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const news::Article a = news::clean_page(text);
    require_utf8(a.title);
    require_utf8(a.body);
    require_utf8(a.caption);
    for (const auto& s : a.authors) require_utf8(s);
    if (a.title.empty() || a.body.empty() || a.id.empty()) std::abort();
  } catch (const news::ArticleError&) {
  }
  return 0;
}
