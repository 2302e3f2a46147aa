// libFuzzer target: the page cleaner must return an Article or throw
// ArticleError for any bytes, and its strings must be valid UTF-8; with an
// explanation asked for, the same, and the explanation renders as text and
// JSON whether the page was accepted or rejected.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "clean/cleaner.h"
#include "clean/explain.h"
#include "clean/model.h"
#include "text/text.h"

namespace {

void require_utf8(const std::string& s) {
  if (news::make_valid_text(s) != s) std::abort();
}

void check_article(const news::Article& a) {
  require_utf8(a.title);
  require_utf8(a.body);
  require_utf8(a.caption);
  for (const auto& s : a.authors) require_utf8(s);
  if (a.title.empty() || a.body.empty() || a.id.empty()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  bool accepted = false;
  try {
    check_article(news::clean_page(text));
    accepted = true;
  } catch (const news::ArticleError&) {
  }
  news::clean::Explanation explanation;
  news::CleanOptions options;
  options.explain = &explanation;
  try {
    check_article(news::clean_page(text, options));
    if (!accepted) std::abort();  // explaining must not change the outcome
  } catch (const news::ArticleError&) {
    if (accepted) std::abort();
  }
  require_utf8(news::clean::explanation_to_text(explanation, news::clean::Weights::fitted()));
  require_utf8(news::clean::explanation_to_json(explanation));
  return 0;
}
