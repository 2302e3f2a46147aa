#ifndef NEWS_COMMON_CLEAN_DATES_H_
#define NEWS_COMMON_CLEAN_DATES_H_

#include <optional>
#include <string>
#include <string_view>

namespace news {
namespace clean {

// A time zone as printed on news pages: either a fixed UTC offset or a
// region whose offset follows its daylight-saving rules.
struct Zone {
  enum class Kind {
    kNone,       // not stated
    kFixed,      // offset_minutes applies as is (EST, BST, GMT, +02:00...)
    kUsEastern,  // ET: EST/EDT by the date
    kUsCentral,
    kUsMountain,
    kUsPacific,
    kUk,        // GMT/BST by the date
    kCentralEu  // CET/CEST by the date
  };
  Kind kind = Kind::kNone;
  int offset_minutes = 0;
};

// A date, and maybe a time and zone, read from one line of text.
struct PageDate {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  Zone zone;
  std::size_t tokens = 0;       // date/time tokens recognised
  std::size_t other_words = 0;  // words that are not part of the date
};

// Finds a complete calendar date (with year) in `line`: "April 25, 2025",
// "16 November 2017", "Dec 13, 2016", "2025-04-25T04:30:00Z", with an
// optional time ("12:30 AM", "2:15pm", "15:04") and zone ("ET", "EST",
// "GMT", "+05:30"). Lines longer than 200 bytes are not searched.
std::optional<PageDate> find_date(std::string_view line);

// The UTC offset in minutes of `zone` at local wall time `d`.
int utc_offset_minutes(const Zone& zone, const PageDate& d);

// ISO 8601: "YYYY-MM-DDTHH:MM:SSZ" in UTC when `d` has a time (a missing
// zone is taken as `home`, and as UTC when `home` is kNone), else
// "YYYY-MM-DD".
std::string to_iso8601(const PageDate& d, const Zone& home);

// Zone for a token such as "ET", "EDT", "GMT", "UTC" (case-insensitive).
std::optional<Zone> zone_from_token(std::string_view token);

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_DATES_H_
