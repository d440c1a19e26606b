// Rule: each person's worked minutes over the horizon lie within their
// minimum and maximum. Unit: each started hour outside the range.
#pragma once

#include "eval/rules/rule_support.h"

namespace vigil::rules {

struct TotalMinutes {
  static constexpr RuleKind kKind = RuleKind::kTotalMinutes;

  static std::int64_t units(std::int64_t minutes, std::int64_t min_minutes, std::int64_t max_minutes) {
    if (minutes < min_minutes) return (min_minutes - minutes + 59) / 60;
    if (minutes > max_minutes) return (minutes - max_minutes + 59) / 60;
    return 0;
  }

  static void evaluate(const RuleInput& in, RuleTally& tally) {
    const ProblemIndex& ix = in.index;
    for (int p = 0; p < ix.people; ++p) {
      std::int64_t minutes = 0;
      const ShiftCode* line = in.roster.line(p);
      for (int d = 0; d < ix.days; ++d)
        if (line[d] >= 0) minutes += ix.length[static_cast<std::size_t>(line[d])];
      const std::int64_t lo = ix.min_minutes[p], hi = ix.max_minutes[p];
      const std::int64_t u = units(minutes, lo, hi);
      record(in, kKind, tally, p, 0, ix.days - 1, -1, u, u, [&] {
        return minutes < lo ? fmt::format("{} works {} minutes, {} short of the minimum {}",
                                          person_name(in.problem, p), minutes, lo - minutes, lo)
                            : fmt::format("{} works {} minutes, {} over the maximum {}", person_name(in.problem, p),
                                          minutes, minutes - hi, hi);
      });
    }
  }
};

}  // namespace vigil::rules
