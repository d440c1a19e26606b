// Column generation on the set-partitioning view of the roster: each column
// is one person's whole line (priced exactly by the line DP against the
// cover duals), the master LP picks a convex mix of lines per person and
// pays for cover gaps. The LP gives a lower bound on the objective (valid
// when every pricing was exact); a dive that fixes people's lines a few at a time
// and re-generates gives a roster.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "eval/problem_index.h"
#include "model/roster.h"
#include "solve/master_ip.h"

namespace vigil {

struct ColumnGenerationOptions {
  std::chrono::steady_clock::time_point deadline;     // for the whole call
  std::chrono::steady_clock::time_point lp_deadline;  // for the LP part
  const Roster* seed = nullptr;                       // lines to start the master with
  int max_iterations = 1 << 30;                       // LP solves in all (a deterministic cap)
  int pricing_batch = 0;  // people priced per LP solve while lines are found; 0: the pricing plan's
  // A window to re-solve (the large-neighbourhood search): when `people` is
  // not empty (and `seed` is set), only they get lines; everyone else keeps
  // the seed's line, whose cover enters the cover rows as constants, and the
  // freed people keep their seed's values outside days [first_day,
  // last_day), so every rule straddling the window's border is priced whole.
  std::vector<int> people;
  int first_day = 0, last_day = 0;
  // After the dive: the integer programme over the whole pool, started from
  // the dive's roster (solve/master_ip.h); max_nodes 0 leaves it out.
  MasterIpOptions ip;
  // Lines by person to start the master with besides the seed's (a pool
  // kept from an earlier call; not in a window).
  const std::vector<std::vector<std::vector<ShiftCode>>>* pool = nullptr;
  // false: no dive; the seed's roster (every line keeping its person's
  // rules) is the integer programme's start, and the roster returned is the
  // programme's when cheaper, else the seed's.
  bool dive = true;
};

// How pricing is done on a problem: the line programme with its shift
// classes merged or plain (the plain one where it is fast enough), and how
// many people each LP solve prices (everyone, or a share when a full round
// is dear).
struct PricingPlan {
  bool merge_classes = false;
  double round_work = 0;  // transitions of one full round
  int batch = 0;          // people priced per LP solve while lines are found
  bool fits = false;      // cheap enough for column generation to run
};
PricingPlan pricing_plan(const ProblemIndex& index);

struct ColumnGenerationResult {
  bool lp_converged = false;   // no column with negative reduced cost is left
  // lower_bound holds: the LP value when it converged with every pricing
  // exact, else a Lagrangian bound from one pricing round at its last duals.
  bool bound_valid = false;
  double lower_bound = 0;      // on the problem's objective, when bound_valid (round it up)
  double lp_value = 0;         // the master's LP value at the end of its first part
  std::optional<Roster> roster;  // the dive's roster, or the integer programme's (every line keeps the per-person rules)
  bool ip_improved = false;      // the integer programme found a cheaper roster than the dive
  int ip_nodes = 0;              // its branch-and-bound nodes
  int iterations = 0;
  int columns = 0;
  double pricing_work = 0;  // transitions the line programme made (one pass per pricing), a work count
  PricingPlan pricing;
  // Every generated line, by person (each keeps that person's hard rules).
  std::vector<std::vector<std::vector<ShiftCode>>> lines_by_person;
};

ColumnGenerationResult column_generation(const Problem& problem, const ProblemIndex& index,
                                         const ColumnGenerationOptions& options);

// Whether column generation fits: every per-person rule hard (so the line
// DP's lines are exactly the feasible ones) and one round of exact pricing
// over everyone cheap enough to converge within a typical budget.
bool column_generation_applicable(const Problem& problem, const ProblemIndex& index);

}  // namespace vigil
