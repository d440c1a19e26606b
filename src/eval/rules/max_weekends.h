// Rule: each person works at most their limit of weekends; a weekend counts
// as worked when the Saturday, the Sunday or both are worked.
#pragma once

#include <algorithm>

#include "eval/rules/rule_support.h"

namespace vigil::rules {

struct MaxWeekends {
  static constexpr RuleKind kKind = RuleKind::kMaxWeekends;

  static int units(int worked, int limit) { return std::max(0, worked - limit); }

  static bool weekend_worked(const ProblemIndex& ix, int k, const ShiftCode* line) {
    const int sat = ix.weekend_days[2 * static_cast<std::size_t>(k)];
    const int sun = ix.weekend_days[2 * static_cast<std::size_t>(k) + 1];
    return (sat >= 0 && line[sat] >= 0) || (sun >= 0 && line[sun] >= 0);
  }

  static void evaluate(const RuleInput& in, RuleTally& tally) {
    const ProblemIndex& ix = in.index;
    for (int p = 0; p < ix.people; ++p) {
      int worked = 0;
      for (int k = 0; k < ix.weekends; ++k) worked += weekend_worked(ix, k, in.roster.line(p));
      const int u = units(worked, ix.max_weekends[p]);
      record(in, kKind, tally, p, 0, ix.days - 1, -1, u, u, [&] {
        return fmt::format("{} works {} weekends; the limit is {}", person_name(in.problem, p), worked,
                           ix.max_weekends[p]);
      });
    }
  }
};

}  // namespace vigil::rules
