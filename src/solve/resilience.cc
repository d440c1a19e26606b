// Single-loss repairs over every person and changeover (see resilience.h).
#include "solve/resilience.h"

#include <chrono>

#include "solve/repair.h"

namespace vigil {

namespace {

// One repair: the people in `gone` lost for good at the changeover of `day`.
LossCase repair_loss(const Problem& problem, const Roster& plan, const std::vector<int>& gone, int day,
                     const ResilienceOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  const int now = day * kMinutesPerDay;
  RepairOptions repair_options;
  repair_options.work_limit = options.work_per_case;
  repair_options.time_limit_seconds = 1e9;
  repair_options.seed = options.seed;
  repair_options.first_feasible = true;
  repair_options.explain_kept_plans = false;
  repair_options.cancel = options.cancel;
  LossCase c;
  c.person = gone[0];
  c.second = gone.size() > 1 ? gone[1] : -1;
  c.day = day;
  auto outcome = repair_plan(problem, plan, loss_events(problem, gone, now), now, repair_options, "loss");
  if (!outcome) {
    // Only a person not of the unit could be refused; say so rather than guess.
    c.first_problem = outcome.error().headline();
  } else {
    c.repaired = outcome->all_hard_kept;
    c.hard_left = outcome->search.score.hard;
    if (!c.repaired) {
      for (const Violation& v : outcome->evaluation.violations)
        if (outcome->problem.rule(v.rule).hard) {
          c.first_problem = v.text;
          break;
        }
      for (const UnkeptRule& u : outcome->unkept) c.consequences.push_back(unkept_consequence(outcome->problem, u));
    }
  }
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
  auto add = [&](LossCase c) {
    if (options.cancel && options.cancel->load()) return;  // a case cut short by the cancel says nothing
    report.repaired += c.repaired ? 1 : 0;
    report.cases.push_back(std::move(c));
    if (options.on_case) options.on_case(report);
  };
  const auto cancelled = [&] { return options.cancel && options.cancel->load(); };
  // Only people with the unit at that changeover can be lost then.
  for (std::size_t i = 0; i < people.size() && !cancelled(); ++i)
    for (int day = std::max(0, options.first_day); day <= last && !cancelled(); ++day) {
      if (day % step != 0 || !present_on_day(problem.people[people[i]], day)) continue;
      if (!options.pairs) {
        add(repair_loss(problem, plan, {people[i]}, day, options));
        continue;
      }
      for (std::size_t j = i + 1; j < people.size(); ++j)
        if (present_on_day(problem.people[people[j]], day))
          add(repair_loss(problem, plan, {people[i], people[j]}, day, options));
    }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace vigil
