// Shared pieces of the unit outputs (src/report): the output options, calendar
// dates for roster days, weekday names, watch words, escaping for HTML/XML and
// CSV, and file-name slugs.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/calendar_date.h"
#include "base/text.h"
#include "io/unit_roster_json.h"
#include "model/problem.h"
#include "model/roster.h"
#include "model/unit.h"
#include "model/unit_day.h"

namespace vigil {

class Catalog;

struct OutputOptions {
  // Calendar date of roster day 0, "YYYY-MM-DD". Empty: the problem's
  // start_date; with neither, no date is known, the sheets name
  // roster days and weekdays only and no calendar (.ics) is written. A date
  // given here must fall on the scenario's first weekday.
  std::string start_date;
  // DTSTAMP of the calendar events, UTC "YYYYMMDDTHHMMSSZ". Empty: now.
  std::string calendar_stamp;
  // SEQUENCE of the calendar events: the plan's version less one (stamp.version
  // - 1), 0 for a first plan, raised by each repair (person_schedule.h). A
  // change report needs 1 or more: its cancellations must outrank the old
  // plan's events.
  int calendar_sequence = 0;
  // The plan's version, when it was made and the version it replaces,
  // printed on every sheet and stored in roster.json (version 0: none).
  PlanStamp stamp;
  // The language of every person's sheet and calendar, a code with a catalog
  // (report/catalogs.h). Empty: each person's own native language when
  // there is a catalog for it, else English.
  std::string sheet_language;
};

// The calendar date on which unit minute `unit_minute` falls, for day 0 on
// `day0`: a night turn after midnight belongs to the next date, not to the
// date of its roster day.
CalendarDate date_at(const Problem& problem, const CalendarDate& day0, int unit_minute);

// "Sun 2026-12-13 12:00-14:00 (day 6)": the calendar date unit minute
// `start_minute` falls on (a night watch after midnight: the next date, not
// its roster day's), its clock and its roster day; with an end (> start), the
// end's clock too. Without a start date (`day0` empty) the same without the
// date: "Mon 02:00-04:00 (day 6)", the weekday still the one the time falls
// on. Every report line that names a time for action uses it.
std::string calendar_when(const Problem& problem, const std::optional<CalendarDate>& day0, int start_minute,
                          int end_minute = -1);

// Date of roster day 0 for these options (see OutputOptions::start_date);
// nullopt with `error` left empty when none is known, or with `error` set
// when the date given is not a date or not on the first weekday.
std::optional<CalendarDate> start_date_of(const Problem& problem, const OutputOptions& options, std::string* error);

// " 2026-01-05" (after `separator`) for roster day `day`, "" without a start date.
std::string date_suffix(const std::optional<CalendarDate>& day0, int day, const char* separator);

// "Plan version 3, made 2026-12-14 09:30 UTC, replacing version 2." or
// "Plan version 1, made 2026-12-14 09:30 UTC (the first plan)."; "" for a
// stamp without a version. A reason follows after "; " when the stamp has
// one: "..., replacing version 2; hand edit: Ana Lima to post-2 from day 6 10:00."
std::string plan_stamp_text(const PlanStamp& stamp);
// The same in the words of `language` (stamp.* of its catalog), the date of
// making in its date format; the reason as it was given.
std::string plan_stamp_text(const PlanStamp& stamp, const Catalog& language);

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
