// The memory estimate of solve/memory_estimate.h. The coefficients come from
// peaks measured with /usr/bin/time (maximum resident set size) on Release
// builds; docs/limits.md lists the runs.
#include "solve/memory_estimate.h"

#include <algorithm>

namespace vigil {
namespace {

constexpr double kMiB = 1024.0 * 1024.0;
// The program with its libraries and a small problem loaded.
constexpr double kBaseMiB = 16;
// Benchmark: the problem index's three 32-bit arrays per (employee, day,
// value) and the evaluators' tables, about 20 bytes a cell in all; each
// further thread copies the roster and its evaluator, about 5 bytes a cell.
constexpr double kBenchmarkBytesPerCell = 20, kBenchmarkThreadBytesPerCell = 5;
// The line rebuild's table, per thread: 4 bytes a back pointer, at most 2^24
// (solve/line_optimizer.cc).
constexpr double kMaxLineTableBytes = 4.0 * (1 << 24);
// Unit: the roster, the evaluator's derived days and writing the plan's
// files (which is the larger part) come to about 100 bytes a cell; each
// further thread about 10.
constexpr double kUnitBytesPerCell = 100, kUnitThreadBytesPerCell = 10;

double line_table_bytes(const Problem& problem) {
  double worst = 0;
  const double days = problem.days(), shifts = problem.shift_count();
  for (const Person& p : problem.people) {
    const WorkLimits& w = p.limits;
    const double run = std::max(1, std::min(w.max_consecutive_shifts, problem.days()));
    const double bytes = 4.0 * days * (std::max(1, w.min_consecutive_days_off) + shifts * run);
    if (bytes <= kMaxLineTableBytes) worst = std::max(worst, bytes);  // larger ones are skipped
  }
  return worst;
}

}  // namespace

MemoryEstimate estimate_solve_memory(const Problem& problem, int threads) {
  MemoryEstimate e;
  const double extra_threads = std::max(0, threads - 1);
  if (problem.is_unit()) {
    e.basis = "people x days x lanes per day";
    e.cells = static_cast<std::int64_t>(problem.person_count()) * problem.days() * problem.lanes_per_day();
    const double cells = static_cast<double>(e.cells);
    e.mib = kBaseMiB + cells * (kUnitBytesPerCell + extra_threads * kUnitThreadBytesPerCell) / kMiB;
  } else {
    e.basis = "employees x days x (shifts + 1)";
    e.cells = static_cast<std::int64_t>(problem.person_count()) * problem.days() * (problem.shift_count() + 1);
    const double cells = static_cast<double>(e.cells);
    e.mib = kBaseMiB + (cells * (kBenchmarkBytesPerCell + extra_threads * kBenchmarkThreadBytesPerCell) +
                        std::max(1, threads) * line_table_bytes(problem)) / kMiB;
  }
  return e;
}

}  // namespace vigil
