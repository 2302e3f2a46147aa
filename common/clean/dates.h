#ifndef NEWS_COMMON_CLEAN_DATES_H_
#define NEWS_COMMON_CLEAN_DATES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// What the words just before a date say it is.
enum class DateLabel {
  kNone,
  kPublished,  // "Published", "Posted", "First published", "Publié", "Veröffentlicht"...
  kUpdated,    // "Updated", "Modified", "Last updated", "Mis à jour", "Aktualisiert"...
};

// A date, and maybe a time and zone, read from one line of text.
struct PageDate {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  Zone zone;
  DateLabel label = DateLabel::kNone;
  bool numeric = false;         // written in digits only ("12/14/2016", "14.12.16")
  std::size_t index = 0;        // 0 for the first date of the line, 1 for the next...
  std::size_t tokens = 0;       // date/time tokens recognised (on the whole line)
  std::size_t other_words = 0;  // words of the line that are not part of a date
};

// Finds the complete calendar dates (with a year) in `line`, in order:
// "April 25, 2025", "Dec. 13, 2016", "16 November 2017", "Tuesday, 14 de
// diciembre de 2016", "14. Dezember 2016", "1er décembre 2016" (English,
// French, German and Spanish month names, full or abbreviated), ISO
// "2025-04-25T04:30:00Z", numeric "12/14/2016", "14/12/2016", "10/13/16",
// "14.12.2016" (month first for '/' and '-' unless the first number is over
// 12, day first for '.' unless the second is; "2016/12/14" year first;
// two-digit years are 1970-2069). Each date takes the clock time after it
// (else the one before it: "Updated 11:22 PM EST, Tue November 29, 2016"):
// "12:30 AM", "2:15pm", "15:04", "10h30", and a zone after the time ("ET",
// "EST", "GMT", "+05:30"); its label comes from the words before it.
// Lines longer than 200 bytes give nothing.
std::vector<PageDate> find_dates(std::string_view line);

// The first of find_dates(line), if any.
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
