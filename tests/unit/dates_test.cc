// Date parsing: publication timestamps, filter bounds (absolute, relative,
// open ranges) and invalid input.

#include "text/dates.h"

#include <boost/test/unit_test.hpp>
#include <string>

namespace news {

BOOST_AUTO_TEST_SUITE(dates_test)

const CivilDay kToday{2025, 3, 31};

struct BoundCase {
  std::string in;
  std::string start;  // YYYYMMDD as a start bound
  std::string end;    // YYYYMMDD as an end bound
};

BOOST_AUTO_TEST_CASE(bounds_of_every_form) {
  const BoundCase kCases[] = {
      {"2025", "20250101", "20251231"},
      {"2024-02", "20240201", "20240229"},  // leap year
      {"2023-02", "20230201", "20230228"},
      {"1900-02", "19000201", "19000228"},  // not a leap year
      {"2000-02", "20000201", "20000229"},
      {"2025-04-25", "20250425", "20250425"},
      {"20250425", "20250425", "20250425"},
      {"today", "20250331", "20250331"},
      {"yesterday", "20250330", "20250330"},
      {"7d", "20250324", "20250324"},
      {"0d", "20250331", "20250331"},
      {"2w", "20250317", "20250317"},
      {"1m", "20250228", "20250228"},  // 31 March - 1 month: end of February
      {"3m", "20241231", "20241231"},
      {"1y", "20240331", "20240331"},
      {"31D", "20250228", "20250228"},  // unit letters in either case
  };
  for (const BoundCase& c : kCases) {
    BOOST_TEST_CONTEXT("input: " << c.in) {
      BOOST_TEST(parse_date_bound(c.in, kToday, false).yyyymmdd() == c.start);
      BOOST_TEST(parse_date_bound(c.in, kToday, true).yyyymmdd() == c.end);
    }
  }
}

struct RangeCase {
  std::string in;
  std::string from;
  std::string to;
};

BOOST_AUTO_TEST_CASE(ranges_open_and_closed) {
  const RangeCase kCases[] = {
      {"2025", "20250101", "20251231"},
      {"2025-04", "20250401", "20250430"},
      {"2025-03..2025-04", "20250301", "20250430"},
      {"2025-03-15..2025-04", "20250315", "20250430"},
      {"2024..2025-01-31", "20240101", "20250131"},
      {"2025-04..", "20250401", ""},
      {"..2025-01-31", "", "20250131"},
      {"7d..", "20250324", ""},
      {"2w..yesterday", "20250317", "20250330"},
      {"..", "", ""},
      {"2025..2025", "20250101", "20251231"},
  };
  for (const RangeCase& c : kCases) {
    BOOST_TEST_CONTEXT("input: " << c.in) {
      const DayRange r = parse_day_range(c.in, kToday);
      BOOST_TEST(r.from == c.from);
      BOOST_TEST(r.to == c.to);
    }
  }
}

BOOST_AUTO_TEST_CASE(invalid_dates_throw) {
  const std::string kCases[] = {
      "",
      "2025-13",
      "2025-00",
      "2025-02-30",
      "2023-02-29",
      "2025-04-31",
      "2025-4",
      "2025-04-5",
      "25",
      "abcd",
      "2025/04/01",
      "7x",
      "d",
      "-7d",
      "2025-04-01T",
      "yesterdays",
      "2025-05..2025-04",  // ends before it
                           // starts
      "0000",
      "42025m",  // before year 1 (found by the query fuzzer)
      "9999y",
  };
  for (const std::string& in : kCases) {
    BOOST_TEST_CONTEXT("input: '" << in << "'") {
      BOOST_CHECK_THROW(parse_day_range(in, kToday), DateError);
    }
  }
}

struct PublishedCase {
  std::string in;
  std::string iso;
  std::string day;
};

BOOST_AUTO_TEST_CASE(published_timestamps_in_utc) {
  const PublishedCase kCases[] = {
      {"2025-04-25", "2025-04-25", "20250425"},
      {"2025-04-25T04:30:00Z", "2025-04-25T04:30:00Z", "20250425"},
      {"2025-04-25T04:30Z", "2025-04-25T04:30:00Z", "20250425"},
      {"2025-04-25T04:30:00.123Z", "2025-04-25T04:30:00Z", "20250425"},
      {"2025-04-25T01:30:00+02:00", "2025-04-24T23:30:00Z", "20250424"},
      {"2025-04-25T23:30:00-0100", "2025-04-26T00:30:00Z", "20250426"},
      {"2025-04-25 04:30:00", "2025-04-25T04:30:00Z", "20250425"},
      {"1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z", "19691231"},
  };
  for (const PublishedCase& c : kCases) {
    BOOST_TEST_CONTEXT("input: " << c.in) {
      const Published p = parse_published(c.in);
      BOOST_TEST(p.iso() == c.iso);
      BOOST_TEST(p.day.yyyymmdd() == c.day);
    }
  }
  for (const std::string in : {"2025-04-25T25:00:00Z", "2025-04-25T04:30:00+25:00", "25-04-2025",
                               "2025-02-29", "2025-04-25X"}) {
    BOOST_TEST_CONTEXT("input: " << in) { BOOST_CHECK_THROW(parse_published(in), DateError); }
  }
}

BOOST_AUTO_TEST_CASE(civil_day_round_trip) {
  for (int64_t days : {-719468L, -1L, 0L, 1L, 11016L, 20203L, 2932896L}) {
    BOOST_TEST_CONTEXT("days: " << days) {
      BOOST_TEST(CivilDay::from_days(days).days_since_epoch() == days);
    }
  }
  BOOST_TEST(CivilDay::from_days(0).iso() == "1970-01-01");
  BOOST_TEST((CivilDay{2025, 4, 25}.days_since_epoch()) == 20203);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
