// Everything vigil writes for a unit plan, into one folder:
//
//   roster.json          the plan (unit_roster_json.h), readable back
//   watch-bill.html      printable watch bill, a page per day (watch_bill.h)
//   watch-bill.csv       the same as a table
//   rotation.svg         who is where each day (rotation_chart.h)
//   summary.txt          rules kept, wishes, fairness, violations (unit_summary.h)
//   people/<slug>.txt    each person's schedule in words (person_schedule.h)
//   people/<slug>.ics    the same as an iCalendar file
//
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

}  // namespace vigil
