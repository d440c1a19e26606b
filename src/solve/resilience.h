// The resilience check of a unit plan: for the loss of each single person
// (or, optionally, each pair) for good at each changeover of the rotation (or
// of every day), can a repair keep every hard rule? Each case is a short
// repair (repair_plan() of solve/repair.h: the loss as events, `now` at that
// changeover) that stops at the first plan keeping every hard rule.
//
// The cases are a fixed list (loss_cases()); each repair's seed comes from the
// case itself (case_seed of base/shard.h), so a shard of the list (task I of
// N of a job array, issue 16) gives each of its cases the answer the whole
// run gives it.
#pragma once

#include <cstdint>
#include <string>
#include <atomic>
#include <functional>
#include <vector>

#include "base/shard.h"
#include "model/problem.h"
#include "model/roster.h"

namespace vigil {

struct ResilienceReport;

struct ResilienceOptions {
  std::int64_t work_per_case = 40'000;  // move evaluations per repair (at most; it stops at the first good plan)
  std::uint64_t seed = 1;
  int first_day = 1;                     // changeovers checked: first_day .. last_day
  int last_day = -1;                     // -1: the last day of the horizon
  // Days between the changeovers checked: 0 for the rotation's own (every
  // post-days days, when people move between posts and rest), 1 for every day.
  int every = 0;
  std::vector<int> people;               // empty: everyone
  bool pairs = false;                    // lose two people at once (every pair of them) instead of one
  Shard shard;                           // only the cases of this shard (by index in loss_cases())
  // Cancellation from another thread (a server's job): once true, no further
  // case starts and the running repair stops; the report holds the cases done.
  const std::atomic<bool>* cancel = nullptr;
  // Called after each case with the cases done so far.
  std::function<void(const ResilienceReport&)> on_case;
};

// One case of the check: who is lost (one person, or two) at which changeover.
struct LossKey {
  int day = 0, person = 0;
  int second = -1;  // the other person lost, in a check of pairs
};

struct LossCase {
  std::size_t index = 0;        // its place in loss_cases()
  int person = 0, day = 0;
  int second = -1;              // the other person lost, in a check of pairs
  bool repaired = false;
  std::int64_t hard_left = 0;   // hard units the best repair still breaks
  std::string first_problem;    // the first broken rule, in plain words, when not repaired
  // When not repaired: what the loss leaves broken, one phrase per rule and
  // place ("leaves post-2 without a medic on days 4-5"), from unkept_rules().
  std::vector<std::string> consequences;
  double seconds = 0;
};

struct ResilienceReport {
  std::vector<LossCase> cases;
  std::size_t total = 0;  // cases of the whole run (every shard): loss_cases().size()
  int repaired = 0;
  double seconds = 0;
  // Share of single losses the plan survives, 0-100.
  double score() const { return cases.empty() ? 100.0 : 100.0 * repaired / static_cast<double>(cases.size()); }
};

// Every case the options ask for, in the order of the report: by person (the
// first of a pair), then changeover, then the second person. Ignores
// options.shard.
std::vector<LossKey> loss_cases(const Problem& problem, const ResilienceOptions& options);
// The same list without holding it: visit(k, key) for each case k in order;
// returns how many there are.
std::size_t visit_loss_cases(const Problem& problem, const ResilienceOptions& options,
                             const std::function<void(std::size_t, const LossKey&)>& visit);

// The repair of one case, seeded from options.seed and the case.
LossCase repair_one_loss(const Problem& problem, const Roster& plan, const LossKey& key, const ResilienceOptions& options);

// The cases of options.shard (all of them by default), repaired in order.
ResilienceReport check_resilience(const Problem& problem, const Roster& plan, const ResilienceOptions& options);

}  // namespace vigil
