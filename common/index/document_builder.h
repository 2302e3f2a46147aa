#ifndef NEWS_COMMON_INDEX_DOCUMENT_BUILDER_H_
#define NEWS_COMMON_INDEX_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include <string>

#include "news/article.h"
#include "store/stored_document.h"
#include "text/analysis.h"
#include "text/stemmer.h"

namespace news {

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
  void index_free_text(Xapian::Document& doc, const Article& a) const;
  CachingStemmer* stemmer_;  // owned by the Xapian::Stem inside tg_
  mutable Xapian::TermGenerator tg_;
};

}  // namespace news

#endif  // NEWS_COMMON_INDEX_DOCUMENT_BUILDER_H_
