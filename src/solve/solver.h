// The solver's entry point: solve() hands a problem to the search for its
// kind (solve/local_search.h for the benchmark, solve/unit_search.h for a
// unit), running one independent worker per thread (seed + thread index) and
// keeping the best feasible roster any of them finds. Options, progress and
// result types are in solve/solve_options.h.
#pragma once

#include <functional>

#include "model/problem.h"
#include "solve/solve_options.h"

namespace vigil {

SolveResult solve(const Problem& problem, const SolveOptions& options,
                  const std::function<void(const Progress&)>& on_progress = {});

}  // namespace vigil
