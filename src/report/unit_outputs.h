// Everything vigil writes for a unit plan, into one folder:
//
//   roster.json          the plan (unit_roster_json.h), readable back
//   watch-bill.html      printable watch bill, a page per day (watch_bill.h)
//   watch-bill.csv       the same as a table
//   rotation.svg         who is where each day (rotation_chart.h)
//   summary.txt          rules kept, wishes, fairness, violations (unit_summary.h)
//   people/<slug>.txt    each person's schedule in words (person_schedule.h)
//   people/<slug>.ics    the same as an iCalendar file (only when the date of
//                        day 0 is known: OutputOptions::start_date or the
//                        problem's start_date)
//
// Each person's .txt and .ics are in their native language when vigil has a
// catalog for it (web/i18n, report/catalogs.h), else in English, or all in
// OutputOptions::sheet_language when one is given; the other files are English.
//
// The sheets (watch-bill.html, summary.txt, people/<slug>.txt) and roster.json
// carry OutputOptions::stamp: the plan's version, when it was made and the
// version it replaces.
// <slug> is person_slugs(): the name in lower-case ASCII, unique.
#pragma once

#include <string>

#include "eval/evaluation.h"
#include "model/problem.h"
#include "model/roster.h"
#include "report/report_support.h"

namespace vigil {

// Creates `folder` (and parents) and writes the files above, overwriting
// files of the same names. `evaluation` feeds summary.txt (use
// evaluate(problem, roster, true) to list the violations). Returns an error
// message, or empty on success.
std::string write_unit_outputs(const Problem& problem, const Roster& roster, const Evaluation& evaluation,
                               const std::string& folder, const OutputOptions& options = {});

// What a repair adds to its folder.
struct RepairRecord {
  const Roster* plan_before = nullptr;  // the plan in force, on the problem after the events
  int now_minute = 0;
  std::string event_log;  // events.yaml (io/events_reader.h append_event_log); empty: none written
};

// The whole folder written anew, as `vigil solve` and `vigil repair` write it:
// into a fresh sibling folder, which then takes the place of `folder`
// (base/files.h replace_folder), so no sheet or calendar of a former plan or
// of someone since removed stays, and a kill leaves the old folder or the new
// one whole. Holds the files above and, for a repair, changes/
// (write_change_report), scenario.yaml (the problem after the events, with
// its start date: the next repair starts from it) and events.yaml. Without
// OutputOptions::calendar_stamp, the calendars are stamped with the plan's
// `made` (calendar_stamp_of_made). A folder of other files (no roster.json)
// is refused before anything is written.
std::string write_plan_folder(const Problem& problem, const Roster& roster, const Evaluation& evaluation,
                              const std::string& folder, const OutputOptions& options,
                              const RepairRecord* repair = nullptr);

}  // namespace vigil
