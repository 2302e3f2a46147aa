#ifndef NEWS_COMMON_HTML_STRINGS_H_
#define NEWS_COMMON_HTML_STRINGS_H_

// Small string helpers shared by common/html/.

#include <string>
#include <string_view>

namespace news {
namespace html {

// ASCII lower case.
std::string lower(std::string_view s);

// Without ASCII whitespace at both ends.
std::string_view trim_view(std::string_view s);

bool starts_with(std::string_view s, std::string_view prefix);

// True when `s` contains `lower_needle` ignoring ASCII case.
bool icontains(std::string_view s, std::string_view lower_needle);

// Bytes of `s` that are letters (ASCII or any multi-byte UTF-8 character).
size_t letter_bytes(std::string_view s);

// Words (runs between spaces) in `s`.
size_t word_count(std::string_view s);

}  // namespace html
}  // namespace news

#endif  // NEWS_COMMON_HTML_STRINGS_H_
