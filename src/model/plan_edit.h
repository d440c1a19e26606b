// Hand changes to a unit plan (`vigil swap`, `vigil assign`, later the
// server's edit): two people exchange a day or watches, or one person goes
// to a place from a moment on (a transfer, model/unit.h). An edit only moves
// cells; scoring it against the rules, and refusing it, is the caller's
// (eval/evaluation.h with the plan in force as a repair base at the edit's
// moment, so the past stays and every change is counted).
#pragma once

#include <string>
#include <vector>

#include "base/input_error.h"
#include "model/problem.h"
#include "model/roster.h"

namespace vigil {

struct PlanEdit {
  enum class Kind {
    kSwapDay,      // a and b exchange everything of `day` (place, watches, shower)
    kSwapWatches,  // a and b exchange their cells of the watch slots starting at each of `minutes`
    kAssign,       // a is at `place` from `minutes[0]` to the end of that stint block
  };
  Kind kind = Kind::kSwapDay;
  int a = 0, b = 0;          // people (indices)
  int day = 0;               // kSwapDay
  std::vector<int> minutes;  // unit minutes: watch starts (kSwapWatches), the moment (kAssign)
  int place = 0;             // kAssign: a post or rest center
};

// The moment from which the edit changes the plan: the earliest cell it
// touches (the changeover of a swapped day, a watch's start, an assignment's
// moment).
int plan_edit_minute(const Problem& problem, const PlanEdit& edit);

// The plan after the edit, or what makes it impossible ("Ana Lima stands no
// watch at day 6 (Sun) 14:00 and neither does Bo"), as an error of `source`.
// An assignment inside a day is a transfer: the person's watches and shower
// at other places from that moment are given up; on the later days of the
// stint block they are placed there with nothing else.
// The edit in words, for stamps, logs and messages: "Ana Lima and Bo Chen
// swap day 6 (Sun)", "Ana Lima and Bo Chen swap the watches of day 6 (Sun)
// 14:00 and day 6 (Sun) 18:00", "Ana Lima to post-2 from day 6 10:00".
std::string plan_edit_text(const Problem& problem, const PlanEdit& edit);

Result<Roster> apply_plan_edit(const Problem& problem, const Roster& plan, const PlanEdit& edit,
                               const std::string& source);

}  // namespace vigil
