// One person's own schedule: plain text in simple words, and an iCalendar
// file for phones and calendar programs, in the words of a language catalog
// (report/catalogs.h; below, English).
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
// iCalendar (RFC 5545, built with libical), a feed a phone can keep in step
// with the plan by importing each new file over the last one:
//   VCALENDAR: PRODID "-//vigil//unit roster//EN", VERSION 2.0, METHOD:PUBLISH,
//     NAME and X-WR-CALNAME "<person> (<scenario>)" (RFC 7986 and the older
//     name phones still read).
//   VEVENT per duty: one per watch or guard turn and per shower (floating
//     local DTSTART/DTEND, OPAQUE), one all-day per stay (consecutive days at
//     one place; DATE values, TRANSPARENT). Each has UID, DTSTAMP, SEQUENCE
//     and STATUS:CONFIRMED. Dates count from `day0`, the date of roster day 0;
//     a slot after midnight falls on the next date. DTSTAMP is `stamp_utc`
//     ("YYYYMMDDTHHMMSSZ"), or now when empty or not a UTC date-time.
// UIDs: "<duty>.<person>@<scenario>.vigil", from what makes the duty itself
// and nothing else (not its partners, not the plan version), so the same duty
// has the same UID in every version of the plan:
//   watch-day<D>-slot<S>-<place>   a watch at a post (slot S of roster day D)
//   guard-day<D>-slot<S>-<place>   a guard turn at a rest center
//   shower-day<D>                  the day's shower (one a day: moved to another
//                                  time it is the same duty, updated)
//   stay-day<D>-<place>            a stay beginning on day D (lengthened or
//                                  shortened it is the same duty, updated)
// <person>, <scenario> and <place> are slugs (person_slugs, slugify: a-z, 0-9
// and '-' only; "unit" and "place" when a name gives none), so the '.', '@'
// and the fixed words keep the parts apart, and within a plan no two duties
// share a UID (a person has one place a day, one watch a slot, one shower a
// day). A watch moved to another place or slot is a different duty: the old
// one is cancelled, the new one added (between two places whose names give
// the same slug it is an update instead, which a phone applies as well).
// SEQUENCE is `sequence`, the plan's version less one (PlanStamp: 0 for the
// first plan, 1 for its first repair, raised by each repair) on every event: a newer plan outranks every event of an older
// one, and a changed or cancelled duty always carries a higher SEQUENCE than
// the phone holds. Unchanged duties are re-sent with the same content.
// Cancellations (person_schedule_update_ics) go in the same file, as VEVENTs
// with STATUS:CANCELLED under METHOD:PUBLISH, not as a separate METHOD:CANCEL
// file: a person imports one file and is up to date, while RFC 5546 CANCEL is
// an iTIP message from an ORGANIZER to ATTENDEEs (a unit roster has neither)
// that calendar programs apply from mail, not from an imported file, and one
// iCalendar object holds one METHOD only. For the same reason no ORGANIZER is
// given (RFC 5546 lists it for PUBLISH): there is no address to name, and
// phones show an event with an organizer as an invitation to answer.
#pragma once

#include <string>

#include "model/problem.h"
#include "model/roster.h"
#include "report/catalogs.h"
#include "report/report_support.h"
#include "report/uncovered_watches.h"

namespace vigil {

// Every word of the text and of the calendar's summaries and descriptions
// comes from `words`, the catalog of one language (report/catalogs.h; the
// person's own is sheet_catalog()), dates in its date format, times 24-hour;
// names of people and places stay as they are. The examples above are English.
//
// Without a start date (`day0` empty) the header names day 0's weekday only.
// `stamp` is printed under the header when it has a version.
std::string person_schedule_text(const Problem& problem, const Roster& roster, int person,
                                 const std::optional<CalendarDate>& day0, const PlanStamp& stamp = {},
                                 const Catalog& words = english_catalog());
// The same with the plan's uncovered watches worked out once for everyone
// (uncovered_watches(problem, roster, plan_from_minute(problem))).
std::string person_schedule_text(const Problem& problem, const Roster& roster, int person,
                                 const std::optional<CalendarDate>& day0, const std::vector<UncoveredWatch>& uncovered,
                                 const PlanStamp& stamp = {}, const Catalog& words = english_catalog());
std::string person_schedule_ics(const Problem& problem, const Roster& roster, int person, const CalendarDate& day0,
                                const std::string& stamp_utc = "", int sequence = 0,
                                const Catalog& words = english_catalog());
// The calendar to send a person after a repair: the whole schedule of the
// plan `after` (as person_schedule_ics, SEQUENCE `sequence`, which must be
// above the old plan's), then every duty of `before` whose UID is not in it
// again, with its old times, STATUS:CANCELLED and SEQUENCE `sequence`.
// Imported over the calendar of `before`, it leaves exactly the schedule of
// `after`; imported alone, the schedule of `after` (the cancellations name
// nothing the phone holds).
std::string person_schedule_update_ics(const Problem& problem, const Roster& before, const Roster& after, int person,
                                       const CalendarDate& day0, const std::string& stamp_utc, int sequence,
                                       const Catalog& words = english_catalog());

// Whether `stamp` is a UTC date-time "YYYYMMDDTHHMMSSZ" libical accepts.
bool valid_calendar_stamp(const std::string& stamp);

// A plan's `made` ("2026-12-13T22:13:20Z") as a calendar stamp
// ("20261213T221320Z"), or "" when it is not one: a plan's calendars are
// stamped with the moment the plan was made, so every calendar of one plan
// carries the same DTSTAMP, the same on every write and read of it.
std::string calendar_stamp_of_made(const std::string& made);

}  // namespace vigil
