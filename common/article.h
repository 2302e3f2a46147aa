#ifndef NEWS_COMMON_ARTICLE_H_
#define NEWS_COMMON_ARTICLE_H_

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace news {

// Thrown when a record cannot become an Article (missing id, wrong type...).
// The message is the reason only; callers add "FILE:LINE: ".
class ArticleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One news story: what the indexer stores and the searcher shows.
// All strings are valid UTF-8 (readers replace invalid sequences or reject).
struct Article {
  std::string id;  // required, unique within an index
  std::string url;
  std::string title;  // required
  std::string dek;    // standfirst / subtitle
  std::vector<std::string> authors;
  std::string source;     // agency or publisher
  std::string published;  // "YYYY-MM-DDTHH:MM:SSZ", "YYYY-MM-DD" or empty
  std::string section;
  std::vector<std::string> tags;
  std::vector<std::string> places;
  std::string caption;
  std::string body;  // paragraphs separated by "\n\n"
  // Fields not in the model, kept verbatim as serialised JSON values.
  std::map<std::string, std::string> extra;
};

// Parses one JSON object text into an Article.
// Throws ArticleError on malformed JSON, a missing/empty id or title, or a
// field of the wrong type.
Article article_from_json(std::string_view json_text);

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

// Serialises an Article as one compact JSON object (corpus format); empty
// fields are omitted, extra fields are written back.
std::string article_to_json(const Article& article);

}  // namespace news

#endif  // NEWS_COMMON_ARTICLE_H_
