// A solve's peak memory, estimated from the problem's sizes before the search
// starts, so a run that cannot keep a memory bound says so at once instead of
// failing (or being killed) part way. The estimate is a straight line in the
// problem's cells, fitted to measured peaks (docs/limits.md gives the
// measurements and how far off it was).
#pragma once

#include <cstdint>

#include "model/problem.h"

namespace vigil {

struct MemoryEstimate {
  double mib = 0;            // the estimated peak, in MiB
  std::int64_t cells = 0;    // the cells it is counted from
  const char* basis = "";    // what a cell is: "employees x days x (shifts + 1)", ...
};

// The peak of `vigil solve` on `problem` with `threads` search threads,
// writing its outputs included.
MemoryEstimate estimate_solve_memory(const Problem& problem, int threads);

}  // namespace vigil
