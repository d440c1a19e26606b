// The problem frozen into flat arrays for the hot loop: everything the
// evaluator looks up per move is one multiply-add away. Built once per solve.
#pragma once

#include <cstdint>
#include <vector>

#include "model/problem.h"

namespace vigil {

struct ProblemIndex {
  explicit ProblemIndex(const Problem& problem);

  int days = 0;
  int shifts = 0;
  int people = 0;
  int weekends = 0;

  std::vector<int> length;                 // [s] minutes
  // Benchmark only (empty for a unit): successions, limits per kind.
  std::vector<std::uint8_t> forbidden;     // [s * shifts + t]: t may not follow s
  std::vector<int> max_per_shift;          // [p * shifts + s]
  std::vector<int> max_minutes, min_minutes, max_consecutive, min_consecutive, min_days_off, max_weekends;  // [p]
  std::vector<std::uint8_t> required_off;  // [p * days + d]
  // Request cost of giving person p the value v on day d, v = shift + 1 and
  // 0 for a day off: on-requests unmet plus off-requests hit.
  std::vector<std::int32_t> request_cost;  // [(p * days + d) * (shifts + 1) + v]
  std::vector<std::int32_t> on_request_cost, off_request_cost;  // same layout, split by rule
  std::vector<int> cover_required, cover_under, cover_over;  // [d * shifts + s]
  std::vector<int> weekend_of_day;         // [d]: weekend number, or -1
  std::vector<int> weekend_days;           // [2 * k], [2 * k + 1]: Saturday, Sunday (-1 if outside)
  std::int64_t min_shift_length = 0;

  std::size_t cell(int p, int d) const { return static_cast<std::size_t>(p) * days + d; }
  std::size_t request_slot(int p, int d, int value) const {
    return (static_cast<std::size_t>(p) * days + d) * (shifts + 1) + value;
  }

  // Price of `n` people on (d, s) against the demand.
  std::int64_t cover_cost(int d, int s, int n) const {
    const std::size_t i = static_cast<std::size_t>(d) * shifts + s;
    const int r = cover_required[i];
    return n < r ? static_cast<std::int64_t>(cover_under[i]) * (r - n)
                 : static_cast<std::int64_t>(cover_over[i]) * (n - r);
  }
};

}  // namespace vigil
