// Rules on runs of days: at most / at least so many worked days in a row, and
// at least so many days off in a row. Runs are measured inside the horizon;
// the minimums do not apply to a run that touches day 0 or the last day
// (the benchmark assumes the run goes on outside the horizon).
#pragma once

#include <algorithm>

#include "eval/rules/rule_support.h"
#include "model/wording.h"

namespace vigil::rules {

// The three run rules priced together, because they share one walk over the
// maximal runs of a line. Units: days over or short.
struct RunUnits {
  std::int64_t max_consecutive = 0, min_consecutive = 0, min_days_off = 0;
};

inline void price_run(const ProblemIndex& ix, int person, bool worked, int first, int last, RunUnits& u) {
  const int length = last - first + 1;
  const bool inner = first > 0 && last < ix.days - 1;
  if (worked) {
    u.max_consecutive += std::max(0, length - ix.max_consecutive[person]);
    if (inner) u.min_consecutive += std::max(0, ix.min_consecutive[person] - length);
  } else if (inner) {
    u.min_days_off += std::max(0, ix.min_days_off[person] - length);
  }
}

// Prices every maximal run that meets days [lo, hi], `worked(d)` telling the
// status of day d. Walks at most the runs' length.
template <class WorkedFn>
RunUnits price_runs_around(const ProblemIndex& ix, int person, int lo, int hi, WorkedFn&& worked) {
  lo = std::max(lo, 0);
  hi = std::min(hi, ix.days - 1);
  RunUnits u;
  if (lo > hi) return u;
  const bool first_status = worked(lo);
  while (lo > 0 && worked(lo - 1) == first_status) --lo;
  const bool last_status = worked(hi);
  while (hi < ix.days - 1 && worked(hi + 1) == last_status) ++hi;
  int start = lo;
  bool status = first_status;
  for (int d = lo + 1; d <= hi; ++d) {
    const bool w = worked(d);
    if (w != status) {
      price_run(ix, person, status, start, d - 1, u);
      start = d;
      status = w;
    }
  }
  price_run(ix, person, status, start, hi, u);
  return u;
}

struct ConsecutiveRuns {
  static void evaluate(const RuleInput& in, RuleTally& max_tally, RuleTally& min_tally, RuleTally& off_tally,
                       bool max_on, bool min_on, bool off_on) {
    const ProblemIndex& ix = in.index;
    for (int p = 0; p < ix.people; ++p) {
      const ShiftCode* line = in.roster.line(p);
      int start = 0;
      for (int d = 1; d <= ix.days; ++d) {
        if (d < ix.days && (line[d] >= 0) == (line[start] >= 0)) continue;
        RunUnits u;
        const bool worked = line[start] >= 0;
        price_run(ix, p, worked, start, d - 1, u);
        const int a = start, b = d - 1, length = d - start;
        if (max_on)
          record(in, RuleKind::kMaxConsecutiveShifts, max_tally, p, a, b, -1, u.max_consecutive, u.max_consecutive, [&] {
            return fmt::format("{} works {} days in a row from {} to {}; the limit is {}", person_name(in.problem, p),
                               length, day_label(in.problem, a), day_label(in.problem, b), ix.max_consecutive[p]);
          });
        if (min_on)
          record(in, RuleKind::kMinConsecutiveShifts, min_tally, p, a, b, -1, u.min_consecutive, u.min_consecutive, [&] {
            return fmt::format("{} works only {} day(s) in a row from {} to {}; the minimum is {}",
                               person_name(in.problem, p), length, day_label(in.problem, a), day_label(in.problem, b),
                               ix.min_consecutive[p]);
          });
        if (off_on)
          record(in, RuleKind::kMinConsecutiveDaysOff, off_tally, p, a, b, -1, u.min_days_off, u.min_days_off, [&] {
            return fmt::format("{} has only {} day(s) off in a row from {} to {}; the minimum is {}",
                               person_name(in.problem, p), length, day_label(in.problem, a), day_label(in.problem, b),
                               ix.min_days_off[p]);
          });
        start = d;
      }
    }
  }
};

}  // namespace vigil::rules
