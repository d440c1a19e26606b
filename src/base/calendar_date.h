// Calendar dates and the wall clock, below every layer that needs them: the
// scenario's start date (model), calendar times in events and --now (io),
// and the dates printed on sheets and calendars (report).
#pragma once

#include <optional>
#include <string>

namespace vigil {

// A calendar date (proleptic Gregorian).
struct CalendarDate {
  int year = 2026, month = 1, day = 5;

  CalendarDate plus_days(int days) const;
  int weekday() const;  // 0 = Monday
  std::string iso() const;  // "2026-01-05"
  // Days from `other` to this date (negative when this one is earlier).
  long long days_since(const CalendarDate& other) const;
  friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
};

// "YYYY-MM-DD" of a real date from 1900-01-01 to 2999-12-31 (a plan of up
// to ten years must end within four-digit years), or nullopt.
inline constexpr int kFirstDateYear = 1900, kLastDateYear = 2999;
std::optional<CalendarDate> parse_date(const std::string& text);

// Seconds since 1970-01-01 UTC now: SOURCE_DATE_EPOCH when that environment
// variable holds a whole number (so tests and reproducible runs get a fixed
// stamp), else the system clock.
long long wall_clock_seconds();

// "2026-12-14T09:30:00Z" for seconds since 1970-01-01 UTC.
std::string utc_iso_time(long long seconds);

// The local date and minute of the day (per TZ) of seconds since 1970-01-01 UTC.
struct LocalMoment {
  CalendarDate date;
  int minute_of_day = 0;
};
LocalMoment local_moment(long long seconds);

}  // namespace vigil
