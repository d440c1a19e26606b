// Rule: a shift may not be followed on the next day by one of its forbidden
// successors. Only pairs of days inside the horizon are checked.
#pragma once

#include "eval/rules/rule_support.h"
#include "model/wording.h"

namespace vigil::rules {

struct Succession {
  static constexpr RuleKind kKind = RuleKind::kSuccession;

  static int pair_units(const ProblemIndex& ix, ShiftCode today, ShiftCode tomorrow) {
    return today >= 0 && tomorrow >= 0 && ix.forbidden[static_cast<std::size_t>(today) * ix.shifts + tomorrow];
  }

  static void evaluate(const RuleInput& in, RuleTally& tally) {
    for (int p = 0; p < in.roster.people(); ++p) {
      const ShiftCode* line = in.roster.line(p);
      for (int d = 0; d + 1 < in.roster.days(); ++d) {
        const int u = pair_units(in.index, line[d], line[d + 1]);
        record(in, kKind, tally, p, d, d + 1, line[d + 1], u, u, [&] {
          return fmt::format("{} works {} on {} and {} on {}: {} may not follow {}", person_name(in.problem, p),
                             shift_name(in.problem, line[d]), day_label(in.problem, d),
                             shift_name(in.problem, line[d + 1]), day_label(in.problem, d + 1),
                             shift_name(in.problem, line[d + 1]), shift_name(in.problem, line[d]));
        });
      }
    }
  }
};

}  // namespace vigil::rules
