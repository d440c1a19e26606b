// The watch bill: who stands each watch at each post, and each guard turn at
// each rest center, day by day.
//
// HTML: one self-contained printable page set (A4, a page per day; landscape
// when more than six places hold watches, at most eight place columns per
// table). Rows are the watch slots ("06:00–08:00"), columns the places with
// watchers in scenario order, cells the watchers' names (scenario order).
// Night slots are shaded; a cell with fewer watchers than the place needs is
// red. From the plan's `now` on (the whole plan for a fresh solve), a short
// cell holds one red "UNCOVERED" per missing watcher, and a watcher away
// during the slot is marked "(away)" (report/uncovered_watches.h).
//
// CSV: `day,weekday,start,end,<place>,...`, one row per day and watch slot,
// names in a cell joined with " / ", "UNCOVERED" for each missing watcher.
#pragma once

#include <string>

#include "model/problem.h"
#include "model/roster.h"
#include "report/report_support.h"

namespace vigil {

// Without a start date (`day0` empty) days are named by roster day and weekday
// only. `stamp` is printed under the title when it has a version.
std::string watch_bill_html(const Problem& problem, const Roster& roster, const std::optional<CalendarDate>& day0,
                            const PlanStamp& stamp = {});
std::string watch_bill_csv(const Problem& problem, const Roster& roster);

}  // namespace vigil
