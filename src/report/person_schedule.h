// One person's own schedule: plain text in simple words, and an iCalendar
// file for phones and calendar programs.
//
// Text, one line per roster day:
//   Day 3 (Thu): at post-2. Watch 14:00-16:00 and 02:00-04:00.
//   Day 5 (Sat): at rest-1. Shower 14:30. Guard 18:00-20:00.
//   Day 7 (Mon): away (leave).
// Times are in the order of the roster day, which runs from the changeover
// (06:00) to the next changeover: 02:00 on day 3 is the night after day 3.
// A watch or shower at another place than the day's says "at <place>".
// A watch the person stands short-handed from the plan's `now` on says so:
//   Day 6 (Sun): at post-4. Watch 12:00-14:00. Alone on watch 12:00-14:00: partner UNCOVERED.
// ("Short on watch 12:00-14:00: 1 more UNCOVERED." when others stand it too).
//
// iCalendar (RFC 5545, built with libical): a VCALENDAR with PRODID
// "-//vigil//unit roster//EN" and X-WR-CALNAME; one VEVENT per watch or guard
// turn and per shower (floating local DTSTART/DTEND, OPAQUE), and one all-day
// VEVENT per stint (consecutive days at one place; DATE values, TRANSPARENT).
// Dates count from `day0`, the date of roster day 0; a slot after midnight
// falls on the next date. UIDs name the scenario, person, day and slot (or
// the stint's first day), so they are unique and stay the same when the plan
// is re-exported. DTSTAMP is `stamp_utc` ("YYYYMMDDTHHMMSSZ"), or now when
// empty or not a UTC date-time.
#pragma once

#include <string>

#include "model/problem.h"
#include "model/roster.h"
#include "report/report_support.h"
#include "report/uncovered_watches.h"

namespace vigil {

std::string person_schedule_text(const Problem& problem, const Roster& roster, int person, const CalendarDate& day0);
// The same with the plan's uncovered watches worked out once for everyone
// (uncovered_watches(problem, roster, plan_from_minute(problem))).
std::string person_schedule_text(const Problem& problem, const Roster& roster, int person, const CalendarDate& day0,
                                 const std::vector<UncoveredWatch>& uncovered);
std::string person_schedule_ics(const Problem& problem, const Roster& roster, int person, const CalendarDate& day0,
                                const std::string& stamp_utc = "");

// Whether `stamp` is a UTC date-time "YYYYMMDDTHHMMSSZ" libical accepts.
bool valid_calendar_stamp(const std::string& stamp);

}  // namespace vigil
