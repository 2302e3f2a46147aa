#ifndef NEWS_COMMON_ARTICLE_JSON_H_
#define NEWS_COMMON_ARTICLE_JSON_H_

// The parts of the article JSON reader that only the library uses.

#include <string>
#include <string_view>

#include "news/article.h"

namespace news {

// The id a JSON record names even when article_from_json rejects it (no
// title, a field of the wrong type, JSON broken after a readable
// `"id": "..."`), tidied as article_from_json tidies it; "" when none can be
// read. A sync keeps the indexed version of a rejected record's id.
std::string rejected_record_id(std::string_view json_text);

// Reads the compact JSON that article_to_json writes, without the checks
// and tidying of article_from_json (for data this program stored): several
// times faster, which matters when every hit of a search decodes one.
// Returns false, `out` unspecified, on anything else (numbers, objects,
// escapes in an unknown field, bad syntax); use article_from_json then.
// `keep_extra` false leaves out the fields not in the model (`extra`),
// which a search hit does not show.
bool read_stored_article_json(std::string_view json_text, Article* out, bool keep_extra = true);

}  // namespace news

#endif  // NEWS_COMMON_ARTICLE_JSON_H_
