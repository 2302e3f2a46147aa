#include "html/strings.h"

#include <cctype>

namespace news {
namespace html {

size_t letter_bytes(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (std::isalpha(c) || c >= 0x80) ? 1 : 0;
  return n;
}

}  // namespace html
}  // namespace news
