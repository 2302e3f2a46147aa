#ifndef NEWS_COMMON_HTML_STRINGS_H_
#define NEWS_COMMON_HTML_STRINGS_H_

// String helpers of common/html/: the ASCII ones are the page cleaner's
// (one copy, clean/text_util.h).

#include <string_view>

#include "clean/text_util.h"

namespace news {
namespace html {

using clean::count_words;
using clean::icontains;
using clean::lower_ascii;
using clean::starts_with;
using clean::trim;

// Bytes of `s` that are letters (ASCII or any multi-byte UTF-8 character).
size_t letter_bytes(std::string_view s);

}  // namespace html
}  // namespace news

#endif  // NEWS_COMMON_HTML_STRINGS_H_
