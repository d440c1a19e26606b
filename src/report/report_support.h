// Shared pieces of the unit outputs (src/report): the output options, calendar
// dates for roster days, weekday names, watch words, escaping for HTML/XML and
// CSV, and file-name slugs.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/text.h"
#include "model/problem.h"
#include "model/roster.h"
#include "model/unit.h"
#include "model/unit_day.h"

namespace vigil {

// The date day 0 falls on when none is given: Monday 5 January 2026.
inline constexpr const char* kDefaultStartDate = "2026-01-05";

struct OutputOptions {
  // Calendar date of roster day 0, "YYYY-MM-DD". Empty: kDefaultStartDate,
  // moved forward to the first day that falls on the scenario's first
  // weekday (so day 0 of a Monday scenario is 2026-01-05). A date given here
  // must fall on the scenario's first weekday.
  std::string start_date;
  // DTSTAMP of the calendar events, UTC "YYYYMMDDTHHMMSSZ". Empty: now.
  std::string calendar_stamp;
  // SEQUENCE of the calendar events: the plan's version number, 0 for a
  // first plan, raised by each repair (person_schedule.h). A change report
  // needs 1 or more: its cancellations must outrank the old plan's events.
  int calendar_sequence = 0;
};

// A calendar date (proleptic Gregorian).
struct CalendarDate {
  int year = 2026, month = 1, day = 5;

  CalendarDate plus_days(int days) const;
  int weekday() const;  // 0 = Monday
  std::string iso() const;  // "2026-01-05"
  friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
};

// The calendar date on which unit minute `unit_minute` falls, for day 0 on
// `day0`: a night turn after midnight belongs to the next date, not to the
// date of its roster day.
CalendarDate date_at(const Problem& problem, const CalendarDate& day0, int unit_minute);

// "Sun 2026-12-13 12:00-14:00 (day 6)": the calendar date unit minute
// `start_minute` falls on (a night watch after midnight: the next date, not
// its roster day's), its clock and its roster day; with an end (> start), the
// end's clock too. Every report line that names a time for action uses it.
std::string calendar_when(const Problem& problem, const CalendarDate& day0, int start_minute, int end_minute = -1);

// "YYYY-MM-DD" of a real date, or nullopt.
std::optional<CalendarDate> parse_date(const std::string& text);

// Date of roster day 0 for these options (see OutputOptions::start_date), or
// an error message.
std::optional<CalendarDate> start_date_of(const Problem& problem, const OutputOptions& options, std::string* error);

// The kind of watch a place holds, in words: "Watch" at a post, "Guard" at a
// rest center.
const char* watch_word(const Place& place);

std::string html_escape(const std::string& text);  // & < > " '

// A file-name slug: lower-case ASCII letters, digits and single '-', with
// common accented Latin and Cyrillic letters transliterated; empty when
// nothing is left.
std::string slugify(const std::string& name);
// One safe, unique slug per person (problem order): slugify(name), else
// "person-N"; a later clash gets "-2", "-3"...
std::vector<std::string> person_slugs(const Problem& problem);

}  // namespace vigil
