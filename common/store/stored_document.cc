#include "store/stored_document.h"

#include "article_json.h"
#include "schema.h"
#include "text/text.h"

namespace news {

std::string stored_digest(const std::string& data, const std::string& body) {
  return hex64(fnv1a64(data)) + hex64(fnv1a64(body));
}

std::string stored_data(const Article& article) {
  Article without_body = article;
  without_body.body.clear();
  return article_to_json(without_body);
}

Article stored_article(const Xapian::Document& doc, StoredParts parts) {
  const std::string data = doc.get_data();
  Article article;
  if (!read_stored_article_json(data, &article, parts.extra)) {
    article = article_from_json(data);
    if (!parts.extra) article.extra.clear();
  }
  if (parts.body) article.body = doc.get_value(schema::kBodySlot);
  return article;
}

std::string content_hash(const Article& article) {
  return stored_digest(stored_data(article), article.body);
}

}  // namespace news
