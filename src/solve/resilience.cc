// Single-loss repairs over every person and changeover (see resilience.h).
#include "solve/resilience.h"

#include <chrono>

#include "solve/repair.h"

namespace vigil {

LossCase repair_one_loss(const Problem& problem, const Roster& plan, const LossKey& key,
                         const ResilienceOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  const int now = key.day * kMinutesPerDay;
  RepairOptions repair_options;
  repair_options.work_limit = options.work_per_case;
  repair_options.time_limit_seconds = 1e9;
  repair_options.seed = case_seed(options.seed, {key.day, key.person, key.second});
  repair_options.first_feasible = true;
  repair_options.explain_kept_plans = false;
  repair_options.cancel = options.cancel;
  LossCase c;
  c.person = key.person;
  c.second = key.second;
  c.day = key.day;
  std::vector<int> gone = {key.person};
  if (key.second >= 0) gone.push_back(key.second);
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

std::size_t visit_loss_cases(const Problem& problem, const ResilienceOptions& options,
                             const std::function<void(std::size_t, const LossKey&)>& visit) {
  const int step = options.every > 0 ? options.every : std::max(1, problem.unit->rotation.post_days);
  const int last = options.last_day < 0 ? problem.days() - 1 : std::min(options.last_day, problem.days() - 1);
  const int first = std::max(0, options.first_day);
  std::vector<int> people = options.people;
  if (people.empty())
    for (int p = 0; p < problem.person_count(); ++p) people.push_back(p);
  // Who is with the unit at each changeover tested, once: a battalion's pairs
  // are 7 million cases, and a task walks the whole list to find its own.
  const int days = std::max(0, last - first + 1);
  std::vector<char> present(people.size() * static_cast<std::size_t>(days), 0);
  for (std::size_t i = 0; i < people.size(); ++i)
    for (int day = first; day <= last; ++day)
      present[i * static_cast<std::size_t>(days) + static_cast<std::size_t>(day - first)] =
          day % step == 0 && present_on_day(problem.people[people[i]], day);
  const auto at = [&](std::size_t i, int day) { return present[i * static_cast<std::size_t>(days) + static_cast<std::size_t>(day - first)] != 0; };
  std::size_t k = 0;
  // Only people with the unit at that changeover can be lost then.
  for (std::size_t i = 0; i < people.size(); ++i)
    for (int day = first; day <= last; ++day) {
      if (!at(i, day)) continue;
      if (!options.pairs) {
        visit(k++, LossKey{day, people[i], -1});
        continue;
      }
      for (std::size_t j = i + 1; j < people.size(); ++j)
        if (at(j, day)) visit(k++, LossKey{day, people[i], people[j]});
    }
  return k;
}

std::vector<LossKey> loss_cases(const Problem& problem, const ResilienceOptions& options) {
  std::vector<LossKey> keys;
  visit_loss_cases(problem, options, [&](std::size_t, const LossKey& key) { keys.push_back(key); });
  return keys;
}

ResilienceReport check_resilience(const Problem& problem, const Roster& plan, const ResilienceOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  ResilienceReport report;
  const auto cancelled = [&] { return options.cancel && options.cancel->load(); };
  report.total = visit_loss_cases(problem, options, [&](std::size_t k, const LossKey& key) {
    if (!options.shard.contains(k) || cancelled()) return;
    LossCase c = repair_one_loss(problem, plan, key, options);
    c.index = k;
    if (cancelled()) return;  // a case cut short by the cancel says nothing
    report.repaired += c.repaired ? 1 : 0;
    report.cases.push_back(std::move(c));
    if (options.on_case) options.on_case(report);
  });
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace vigil
