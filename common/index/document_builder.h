#ifndef NEWS_COMMON_INDEX_DOCUMENT_BUILDER_H_
#define NEWS_COMMON_INDEX_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include <string>

#include "news/article.h"
#include "text/analysis.h"

namespace news {

// How much a title word counts against a body word (wdf increment). 2, not
// 3: on latimes-dev a heavier headline lowers MAP under BM25 and changes
// nothing under DPH (docs/RANKING.md); 2 keeps some headline emphasis for
// collections whose headlines say more.
inline constexpr Xapian::termcount kTitleWeight = 2;

// Turns Articles into Xapian documents following schema.h. Holds a
// TermGenerator, so use one builder per thread.
class DocumentBuilder {
 public:
  DocumentBuilder();

  // The document for `article` (terms, values, data). Its data is
  // stored_data(article), its body is in schema::kBodySlot and its hash slot
  // holds content_hash(article).
  // Throws ArticleError when the article has more values in a multi-valued
  // field than the schema has slots for.
  Xapian::Document build(const Article& article) const;

  // Adds to `counts`, for each word worth keeping as spelling data ("did you
  // mean"), the number of documents built since the last call that hold it.
  void take_spelling(SpellingCounts* counts) const;

 private:
  class CachingStemmer;
  void index_free_text(Xapian::Document& doc, const Article& a) const;
  CachingStemmer* stemmer_;  // owned by the Xapian::Stem inside tg_
  mutable Xapian::TermGenerator tg_;
};

// The document data: the article as JSON without its body. The body is
// kept in schema::kBodySlot and read only for snippets, so that showing a
// hit decodes a few hundred bytes instead of the whole story.
std::string stored_data(const Article& article);

// What stored_article reads besides the model's short fields: a search hit
// shows neither the body (unless for a snippet) nor the fields outside the
// model (Article::extra).
struct StoredParts {
  bool body = true;
  bool extra = true;
};

// The article stored in `doc` by DocumentBuilder::build, with the `parts`
// asked for. Throws ArticleError for data it did not write.
Article stored_article(const Xapian::Document& doc, StoredParts parts = {});

// A stable digest of everything stored for the article (32 hex digits):
// equal digests mean an unchanged article.
std::string content_hash(const Article& article);

}  // namespace news

#endif  // NEWS_COMMON_INDEX_DOCUMENT_BUILDER_H_
