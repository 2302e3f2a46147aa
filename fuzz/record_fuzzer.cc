// libFuzzer target: the JSON record reader. For any bytes,
// article_from_json returns an Article or throws ArticleError (nothing
// else, no crash however deep the nesting or large the numbers); an
// accepted article has its required fields, survives article_to_json and
// reads back the same; rejected_record_id never throws.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "article_json.h"
#include "news/article.h"
#include "text/text.h"

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

void check_round_trip(const news::Article& a) {
  require(!a.id.empty() && !a.title.empty());
  require(news::is_valid_utf8(a.title) && news::is_valid_utf8(a.body));
  const news::Article again = news::article_from_json(news::article_to_json(a));
  require(again.id == a.id && again.title == a.title && again.body == a.body);
  require(again.authors == a.authors && again.tags == a.tags && again.extra == a.extra);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  news::rejected_record_id(text);
  try {
    check_round_trip(news::article_from_json(text));
  } catch (const news::ArticleError&) {
  }
  return 0;
}
