// Single-loss repairs over every person and changeover (see resilience.h).
#include "solve/resilience.h"

#include <chrono>

#include "eval/evaluation.h"
#include "eval/unkept_rules.h"
#include "solve/solver.h"

namespace vigil {

namespace {

// One repair: the people in `gone` lost for good at the changeover of `day`.
LossCase repair_loss(Problem& lost, const Problem& problem, const Roster& plan, std::vector<int> gone, int day,
                     const ResilienceOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  const int now = day * kMinutesPerDay;
  for (int p : gone) lost.people[p].unit.absences.push_back(Absence{now, Absence::kForever, "lost"});
  lost.unit->repair = RepairBase{plan, now};
  SolveOptions solve_options;
  solve_options.work_limit = options.work_per_case;
  solve_options.time_limit_seconds = 1e9;
  solve_options.seed = options.seed;
  solve_options.start = plan;
  solve_options.first_feasible = true;
  const SolveResult r = solve(lost, solve_options);
  LossCase c;
  c.person = gone[0];
  c.second = gone.size() > 1 ? gone[1] : -1;
  c.day = day;
  c.repaired = r.found_feasible;
  c.hard_left = r.score.hard;
  if (!c.repaired) {
    const Evaluation ev = evaluate(lost, r.roster, true);
    for (const Violation& v : ev.violations)
      if (lost.rule(v.rule).hard) {
        c.first_problem = v.text;
        break;
      }
    for (const UnkeptRule& u : unkept_rules(lost, ev)) c.consequences.push_back(unkept_consequence(lost, u));
  }
  for (int p : gone) lost.people[p].unit.absences = problem.people[p].unit.absences;
  c.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return c;
}

}  // namespace

ResilienceReport check_resilience(const Problem& problem, const Roster& plan, const ResilienceOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  ResilienceReport report;
  const int step = options.every > 0 ? options.every : std::max(1, problem.unit->rotation.post_days);
  const int last = options.last_day < 0 ? problem.days() - 1 : std::min(options.last_day, problem.days() - 1);
  std::vector<int> people = options.people;
  if (people.empty())
    for (int p = 0; p < problem.person_count(); ++p) people.push_back(p);
  Problem lost = problem;
  auto add = [&](LossCase c) {
    report.repaired += c.repaired ? 1 : 0;
    report.cases.push_back(std::move(c));
  };
  // Only people with the unit at that changeover can be lost then.
  for (std::size_t i = 0; i < people.size(); ++i)
    for (int day = std::max(0, options.first_day); day <= last; ++day) {
      if (day % step != 0 || !present_on_day(problem.people[people[i]], day)) continue;
      if (!options.pairs) {
        add(repair_loss(lost, problem, plan, {people[i]}, day, options));
        continue;
      }
      for (std::size_t j = i + 1; j < people.size(); ++j)
        if (present_on_day(problem.people[people[j]], day))
          add(repair_loss(lost, problem, plan, {people[i], people[j]}, day, options));
    }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace vigil
