// A hand edit of the plan in force, scored before anything is saved: the
// edit applied (model/plan_edit.h), both plans evaluated with the plan in
// force as a repair base at the edit's moment (so the past stays and every
// changed cell is counted), and the hard rules the edit breaks that the plan
// in force kept, or breaks for longer. `vigil swap`, `vigil assign` and the
// server's edit refuse an edit that breaks any, unless forced.
#pragma once

#include <string>
#include <vector>

#include "base/input_error.h"
#include "eval/evaluation.h"
#include "eval/unkept_rules.h"
#include "model/plan_edit.h"
#include "model/problem.h"
#include "model/roster.h"

namespace vigil {

struct ScoredEdit {
  Problem problem;      // the scenario with its repair base: the plan in force at `minute`
  Roster edited;        // the plan after the edit
  int minute = 0;       // plan_edit_minute: nothing before it changes
  Evaluation before;    // the plan in force, explained
  Evaluation after;     // the edited plan, explained
  // Entries of unkept_rules(after) with more units than the same (rule,
  // where, gist) in the plan in force: what the edit breaks.
  std::vector<UnkeptRule> newly_broken;

  bool breaks_no_hard_rule() const { return newly_broken.empty(); }
};

// Applies and scores `edit`; the edit's own error (an unknown watch, nothing
// to swap) as an InputError of `source`.
Result<ScoredEdit> score_plan_edit(const Problem& problem, const Roster& plan_in_force, const PlanEdit& edit,
                                   const std::string& source);

}  // namespace vigil
