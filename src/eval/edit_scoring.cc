// Scoring a hand edit (see edit_scoring.h).
#include "eval/edit_scoring.h"

#include <tuple>
#include <utility>

namespace vigil {
namespace {

bool same_entry(const UnkeptRule& a, const UnkeptRule& b) {
  return std::tie(a.rule, a.where, a.gist) == std::tie(b.rule, b.where, b.gist);
}

}  // namespace

Result<ScoredEdit> score_plan_edit(const Problem& problem, const Roster& plan_in_force, const PlanEdit& edit,
                                   const std::string& source) {
  auto edited = apply_plan_edit(problem, plan_in_force, edit, source);
  if (!edited) return edited.error();
  ScoredEdit out;
  out.minute = plan_edit_minute(problem, edit);
  out.problem = problem;
  out.problem.unit->repair = RepairBase{plan_in_force, out.minute};
  out.edited = std::move(*edited);
  out.before = evaluate(out.problem, plan_in_force, true);
  out.after = evaluate(out.problem, out.edited, true);
  const std::vector<UnkeptRule> was = unkept_rules(out.problem, out.before);
  for (UnkeptRule& now : unkept_rules(out.problem, out.after)) {
    std::int64_t units_before = 0;
    for (const UnkeptRule& w : was)
      if (same_entry(w, now)) units_before = w.units;
    if (now.units > units_before) out.newly_broken.push_back(std::move(now));
  }
  return out;
}

}  // namespace vigil
