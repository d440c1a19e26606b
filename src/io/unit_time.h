// Moments of a unit's horizon as people write them, for events files,
// --event and --now: roster times ("day 6", the changeover that starts day
// 6; "day 6 14:00") and, once the calendar date of day 0 is known (the
// problem's start_date), calendar times ("2026-12-14 02:00";
// "2026-12-14" alone is that date's changeover). A clock time before the
// changeover belongs to the night at the end of the roster day before it:
// with a 06:00 changeover and day 0 on 2026-12-07, "2026-12-14 02:00" is
// "day 6 02:00", and "2026-12-14 06:00" is "day 7".
#pragma once

#include <optional>
#include <string>

#include "model/problem.h"

namespace vigil {

struct ParsedUnitTime {
  std::optional<long long> minute;  // unit minutes (may lie outside the horizon; days are capped against overflow)
  std::string error;                // when no minute: "expected ..., got '...'"
};

// `text` as a unit minute. Errors: "expected a time like 'day 3 14:00' or
// 'day 3', got '...'" (with "or '2026-12-10 14:00'" when the start date is
// known), and for a calendar time without a start date "expected a roster
// time like 'day 3 14:00' (the calendar date of day 0 is not known: give
// --start-date or start-date in the scenario's horizon), got '...'".
// `what` names the value ("the time of the event"); when empty, the errors
// read "expected a time like ..., got '...'".
ParsedUnitTime parse_unit_time(const Problem& problem, const std::string& text, const std::string& what);

// "a time like 'day 3 14:00' or 'day 3'", with the calendar form when the
// start date is known.
std::string unit_time_forms(const Problem& problem);

// --now: a unit time as above, or "now", the wall clock (SOURCE_DATE_EPOCH
// when set) in local time, which needs the start date. Errors are whole
// sentences beginning "--now '...': ".
ParsedUnitTime parse_now_option(const Problem& problem, const std::string& text);

// The wall clock (SOURCE_DATE_EPOCH when set) in local time as a unit
// minute, wherever it falls (before day 0 it is negative); nullopt without a
// start date.
std::optional<long long> wall_clock_minute(const Problem& problem);

// Settles the calendar date of day 0 before any search, into
// problem.start_date: --start-date (`given`, "" when not given), else
// the plan file's (`plan_date`, read from `plan_file`), else the scenario's.
// Errors (whole sentences): `given` not a date or not on the first weekday,
// `given` and the plan's disagreeing, the plan's not on the first weekday.
std::string settle_start_date(Problem& problem, const std::string& given, const std::optional<CalendarDate>& plan_date,
                              const std::string& plan_file);

}  // namespace vigil
