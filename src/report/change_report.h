// The change report of a repair: given the plan before and the plan after
// (same unit problem, same layout) and `now`, who is affected and what
// changes for each of them, with times.
//
// Items, one per change, for each person and roster day:
//   place    the place of the day differs:   "at post-1"          -> "at rest-1"
//            (nowhere reads "away (<reason>)" when the person is absent at
//            the changeover, else "no place")
//   watch    the cell of one watch slot differs: "watch at post-2" -> "free"
//            (a guard turn at a rest center reads "guard at rest-1"). A watch
//            moved to another slot of the same day is two items: the old
//            slot freed, the new slot taken.
//   shower   the shower of the day differs:  "shower 14:30"       -> "shower 16:00"
//            ("no shower" when there is none; " at <place>" when the shower
//            is at another place than the one the person is at that day in
//            that plan, as in the person's schedule).
// Unit minutes count from the changeover of day 0 (docs/unit-rules.md).
// start_minute/end_minute: the whole roster day for a place item, the slot
// for a watch item, from the earlier to the later of the two shower starts
// (plus the shower length) for a shower item. within_12h: one of the item's
// times (the day's changeover, the watch slot's start, either shower start)
// lies in [now, now + 720).
//
// Counts: changed_cells — roster cells (person, day, lane) that differ;
// changed_watches — watch-slot cells that differ (one per person, day and
// slot); changed_within_12h — items flagged within_12h.
#pragma once

#include <string>
#include <vector>

#include "model/problem.h"
#include "model/roster.h"
#include "report/report_support.h"

namespace vigil {

struct ChangeItem {
  enum class Kind { kPlace, kWatch, kShower };
  Kind kind = Kind::kPlace;
  int day = 0;
  int start_minute = 0;  // unit minutes of what changed
  int end_minute = 0;    // unit minutes, exclusive
  std::string before, after;
  bool within_12h = false;
};

struct PersonChange {
  int person = 0;
  std::vector<ChangeItem> items;  // by day, then time (place, then watches and shower by start)
};

struct ChangeReport {
  int now_minute = 0;
  std::vector<PersonChange> people;  // problem order; only people with a change
  int changed_cells = 0;
  int changed_watches = 0;
  int changed_within_12h = 0;
};

// Throws std::invalid_argument when either roster does not have the unit
// layout of the problem (check_unit_roster_shape).
ChangeReport compare_plans(const Problem& problem, const Roster& before, const Roster& after, int now_minute);

// "day 3 14:00": roster day and clock of a unit minute (the clock may be past
// midnight: 02:00 on day 3 is the night after day 3).
std::string unit_time_label(const Problem& problem, int unit_minute);

// Plain text: a header (people affected, watches changed, changes within the
// next 12 hours, the time of `now`), then one line per item, by person and
// time:  "Ana Lima: day 3 (Thu) 14:00-16:00: watch at post-2 -> free"
// (items within 12 hours end in "  [within 12 h]").
std::string change_report_text(const Problem& problem, const ChangeReport& report, const CalendarDate& day0);
// A self-contained printable HTML page, one table per person.
std::string change_report_html(const Problem& problem, const ChangeReport& report, const CalendarDate& day0);
// JSON (format "vigil-change-report", version 1): counts, now, and people
// with their items; times as "day N HH:MM" and clock strings "HH:MM".
std::string change_report_json(const Problem& problem, const ChangeReport& report, const CalendarDate& day0);

// Writes changes.txt, changes.html, changes.json into `folder` (created with
// parents) and people/<slug>.ics (person_schedule_ics of the plan after) for
// each person whose schedule changed, and for nobody else (other files in the
// folder are left alone). Returns an error message, or empty on success.
std::string write_change_report(const Problem& problem, const Roster& before, const Roster& after, int now_minute,
                                const std::string& folder, const OutputOptions& options = {});

}  // namespace vigil
