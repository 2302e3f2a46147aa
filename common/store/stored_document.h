#ifndef NEWS_COMMON_STORE_STORED_DOCUMENT_H_
#define NEWS_COMMON_STORE_STORED_DOCUMENT_H_

// How an article is stored in a Xapian document, for the builder that
// writes it and the searches that read it back.

#include <xapian.h>

#include <string>

#include "news/article.h"

namespace news {

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
// equal digests mean an unchanged article. Kept in schema::kHashSlot.
std::string content_hash(const Article& article);

// content_hash of an article whose stored_data is `data` and body `body`.
std::string stored_digest(const std::string& data, const std::string& body);

}  // namespace news

#endif  // NEWS_COMMON_STORE_STORED_DOCUMENT_H_
