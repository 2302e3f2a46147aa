#ifndef NEWS_COMMON_OUTPUT_FORMAT_H_
#define NEWS_COMMON_OUTPUT_FORMAT_H_

#include <cstdio>
#include <string>

namespace news {

// `x` with two decimals ("0.83"), as times are printed.
inline std::string two_decimals(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

}  // namespace news

#endif  // NEWS_COMMON_OUTPUT_FORMAT_H_
