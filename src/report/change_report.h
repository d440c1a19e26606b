// The change report of a repair, built for the duty officer who must act on
// it: given the plan before and the plan after (same unit problem, same
// layout) and `now`, whether the new plan keeps every rule, what must be done
// in the next 12 hours, and who is affected and how, soonest first.
//
// Sections, in every format (text, HTML, JSON):
//   banner     "ALL RULES KEPT: N people affected, M changes within 12 h", or
//              "NOT EVERY RULE CAN BE KEPT: k watches UNCOVERED" and each
//              other broken hard rule on a line (eval/unkept_rules.h);
//   uncovered  the watches nobody stands from now on, with who could cover
//              them (report/uncovered_watches.h);
//   act now    every change starting in [now, now + 12 h), in time order,
//              one line each: when, who, what (before -> after, with where);
//              a lost person's removed duties in the window are one line;
//   people     everyone affected, soonest first (by their earliest change),
//              each person's items in time order; the duties a person loses
//              to an absence (lost for good or for a stretch) are one line.
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
// lies in [now, now + 720); when_minute is that time (the earlier one when
// both shower starts are), else start_minute.
//
// Times for action are written with their calendar date (calendar_when in
// report_support.h): a watch at 02:00 of roster day 6 is on the date after
// day 6's changeover date. Without a start date they name the weekday, clock
// and roster day only, and no calendar is written.
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
#include "report/uncovered_watches.h"

namespace vigil {

inline constexpr int kActNowMinutes = 12 * 60;

struct ChangeItem {
  enum class Kind { kPlace, kWatch, kShower };
  Kind kind = Kind::kPlace;
  int day = 0;
  int start_minute = 0;  // unit minutes of what changed
  int end_minute = 0;    // unit minutes, exclusive
  int when_minute = 0;   // the time to act on: see above
  std::string before, after;
  bool within_12h = false;
  bool guard = false;    // a watch item at a rest center
};

// Duties a person loses to one absence: the items that overlap it and leave
// the person with nothing (free, no shower, away or no place).
struct LostStretch {
  int from_minute = 0;
  int until_minute = 0;  // Absence::kForever: for good
  std::string reason;
  std::vector<ChangeItem> removed;  // time order
};

struct PersonChange {
  int person = 0;
  int first_minute = 0;           // start of the earliest change
  std::vector<ChangeItem> items;  // the changes not in `lost`, in time order
  std::vector<LostStretch> lost;  // by start
};

// One line of the act-now block: a change (or a lost person's removed
// duties) starting in [now, now + 12 h).
struct ActNowLine {
  int minute = 0;      // when it starts
  int end_minute = 0;  // the end of a watch, else equal to minute
  int person = 0;
  int day = 0;         // roster day
  std::string what;    // "watch at post-1 -> free", or for a lost person "2 watches and 1 shower"
  bool lost = false;   // the person's removed duties in the window, one line
  int lost_until = 0;  // the absence's end (Absence::kForever: for good)
  std::string lost_reason;
};

struct ChangeReport {
  int now_minute = 0;
  std::vector<PersonChange> people;  // soonest first (earliest change, then scenario order)
  int changed_cells = 0;
  int changed_watches = 0;
  int changed_within_12h = 0;
  // The plan after, against every rule.
  bool all_rules_kept = true;                // no hard rule broken and nothing uncovered
  std::vector<UncoveredWatch> uncovered;     // from now on
  std::vector<std::string> broken;           // other broken hard rules, one line each
  std::vector<ActNowLine> act_now;           // time order
};

// Throws std::invalid_argument when either roster does not have the unit
// layout of the problem (check_unit_roster_shape). Evaluates the plan after
// against the problem's rules for the banner.
ChangeReport compare_plans(const Problem& problem, const Roster& before, const Roster& after, int now_minute);

// "day 3 14:00": roster day and clock of a unit minute (the clock may be past
// midnight: 02:00 on day 3 is the night after day 3).
std::string unit_time_label(const Problem& problem, int unit_minute);
// "02:00": the clock of a unit minute.
std::string unit_clock_label(const Problem& problem, int unit_minute);

// The banner line: "ALL RULES KEPT: ..." or "NOT EVERY RULE CAN BE KEPT: ...".
std::string change_report_banner(const ChangeReport& report);
// The lines below name their times with calendar_when (report_support.h):
// without a start date (`day0` empty) by weekday, clock and roster day only.
// "away (wounded) from Sun 2026-12-13 10:00 (day 6) for good: 14 watches, 3
// showers and 11 days at places removed" (or "until <when>" for a stretch).
std::string lost_stretch_text(const Problem& problem, const LostStretch& lost, const std::optional<CalendarDate>& day0);
// "Sun 2026-12-13 14:00-16:00 (day 6)": when an item is acted on, with its
// calendar date (a watch with its end, a place from the changeover, a shower
// at its first start ahead of now).
std::string change_item_when(const Problem& problem, const ChangeItem& item, const std::optional<CalendarDate>& day0);
// "Sun 2026-12-13 14:00-16:00 (day 6): Ana Lima: free -> watch at post-4", or
// for a lost person "Sun 2026-12-13 10:00 (day 6): Taras Kozak: away for
// good: 2 watches in the next 12 h removed".
std::string act_now_text(const Problem& problem, const ActNowLine& line, const std::optional<CalendarDate>& day0);

// Plain text: title, the plan's stamp (when `stamp` has a version) and now,
// the banner, UNCOVERED, ACT NOW, everyone affected, and a last line on the
// calendars (or, without a start date, that none were written). Word for word
// in tests/change_report_test.cc.
std::string change_report_text(const Problem& problem, const ChangeReport& report,
                               const std::optional<CalendarDate>& day0, const PlanStamp& stamp = {});
// A self-contained printable HTML page: the stamp, the banner (red when a
// rule is broken), the uncovered watches, the act-now table, one table per
// person.
std::string change_report_html(const Problem& problem, const ChangeReport& report,
                               const std::optional<CalendarDate>& day0, const PlanStamp& stamp = {});
// JSON (format "vigil-change-report", version 2): counts, now, banner,
// uncovered, act_now and people with their items and lost stretches; times
// as "day N HH:MM", dates "YYYY-MM-DD", clocks "HH:MM". Without a start date
// "day0" and every "date", "now_date" and "roster_day_date" are null.
// "plan_version", "made" and "replaces" (null for a first plan) come from
// `stamp` when it has a version.
std::string change_report_json(const Problem& problem, const ChangeReport& report,
                               const std::optional<CalendarDate>& day0, const PlanStamp& stamp = {});

// Writes changes.txt, changes.html, changes.json into `folder` (created with
// parents, stamped with options.stamp) and, when the start date is known,
// people/<slug>.ics (person_schedule_update_ics: the schedule of the plan
// after, with the duties gone from the plan before cancelled; SEQUENCE
// options.calendar_sequence, which must be 1 or more) for each person whose
// schedule changed, in their language as write_unit_outputs writes it
// (options.sheet_language), and for nobody else (other files in the folder
// are left alone). Returns an error message, or empty on success.
std::string write_change_report(const Problem& problem, const Roster& before, const Roster& after, int now_minute,
                                const std::string& folder, const OutputOptions& options = {});

}  // namespace vigil
