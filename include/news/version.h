#ifndef NEWS_INCLUDE_NEWS_VERSION_H_
#define NEWS_INCLUDE_NEWS_VERSION_H_

#include <string>

namespace news {

// The version of news-search and of the Xapian library it runs on, as
// --version prints it: "0.2.0 (Xapian 1.4.22)".
std::string version_text();

}  // namespace news

#endif  // NEWS_INCLUDE_NEWS_VERSION_H_
