// Large-neighbourhood search on a feasible roster: free a window of days
// for a subset of people, re-solve it with column generation (the rest of
// the roster fixed, see ColumnGenerationOptions::people) and keep the
// result when the full evaluator scores it no worse. Windows start small
// (8 people x 2 weeks, 6 x 4 weeks, 4 x the whole horizon) and grow (up to
// 24 x 2 weeks, then more people over the whole horizon) while they stop
// improving.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>

#include "eval/evaluation.h"
#include "eval/problem_index.h"
#include "model/roster.h"

namespace vigil {

struct WindowSearchOptions {
  // Work budget, in moves (pricing transitions and LP solves converted, see
  // window_search.cc); > 0 makes the search deterministic and the clock is
  // never read. 0: run until `deadline`.
  std::int64_t work_limit = 0;
  std::chrono::steady_clock::time_point deadline;
  std::optional<std::int64_t> target;      // stop once the roster costs at most this (a bound)
  const std::atomic<bool>* stop = nullptr;  // another worker's stop or a caller's cancel
  // Return once every window shape in turn failed to improve (a whole
  // cycle without an improvement), handing the rest of the budget back.
  bool until_stuck = false;
};

struct WindowSearchStats {
  int windows = 0;        // windows re-solved
  int improved = 0;       // windows whose roster cost less than before
  std::int64_t work = 0;  // moves charged
};

// Improves `roster` (feasible, scoring `score`) in place; `on_improve` sees
// every strictly better roster as it is accepted.
WindowSearchStats window_search(const Problem& problem, const ProblemIndex& index, Roster& roster, Score& score,
                                std::mt19937_64& rng, const WindowSearchOptions& options,
                                const std::function<void(const Roster&, const Score&)>& on_improve);

}  // namespace vigil
