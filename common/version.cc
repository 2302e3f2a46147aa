#include "news/version.h"

#include <xapian.h>

namespace news {

std::string version_text() {
  return std::string(NEWS_VERSION) + " (Xapian " + Xapian::version_string() + ")";
}

}  // namespace news
