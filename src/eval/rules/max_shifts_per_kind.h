// Rule: each person works each shift kind on at most their limit of days
// (a limit of 0 bars the kind). Unit: one shift over the limit.
#pragma once

#include <algorithm>

#include "eval/rules/rule_support.h"

namespace vigil::rules {

struct MaxShiftsPerKind {
  static constexpr RuleKind kKind = RuleKind::kMaxShiftsPerKind;

  static int units(int count, int limit) { return std::max(0, count - limit); }

  static void evaluate(const RuleInput& in, RuleTally& tally) {
    const ProblemIndex& ix = in.index;
    std::vector<int> count(static_cast<std::size_t>(ix.shifts));
    for (int p = 0; p < ix.people; ++p) {
      std::fill(count.begin(), count.end(), 0);
      const ShiftCode* line = in.roster.line(p);
      for (int d = 0; d < ix.days; ++d)
        if (line[d] >= 0) ++count[static_cast<std::size_t>(line[d])];
      for (int s = 0; s < ix.shifts; ++s) {
        const int limit = ix.max_per_shift[static_cast<std::size_t>(p) * ix.shifts + s];
        const int u = units(count[static_cast<std::size_t>(s)], limit);
        record(in, kKind, tally, p, 0, ix.days - 1, s, u, u, [&] {
          return fmt::format("{} works {} shifts of kind {}; the limit is {}", person_name(in.problem, p),
                             count[static_cast<std::size_t>(s)], shift_name(in.problem, s), limit);
        });
      }
    }
  }
};

}  // namespace vigil::rules
