// Wish: each (day, shift) has its preferred number of people; every person
// missing costs the under-weight, every person over the over-weight.
#pragma once

#include "eval/rules/rule_support.h"
#include "model/wording.h"

namespace vigil::rules {

struct Cover {
  static constexpr RuleKind kKind = RuleKind::kCover;

  static void evaluate(const RuleInput& in, RuleTally& tally, std::int64_t weight) {
    const ProblemIndex& ix = in.index;
    std::vector<int> count(static_cast<std::size_t>(ix.days) * ix.shifts, 0);
    for (int p = 0; p < ix.people; ++p)
      for (int d = 0; d < ix.days; ++d)
        if (const ShiftCode s = in.roster.at(p, d); s >= 0) ++count[static_cast<std::size_t>(d) * ix.shifts + s];
    for (int d = 0; d < ix.days; ++d)
      for (int s = 0; s < ix.shifts; ++s) {
        const std::size_t i = static_cast<std::size_t>(d) * ix.shifts + s;
        const int n = count[i], r = ix.cover_required[i];
        record(in, kKind, tally, -1, d, d, s, n > r ? n - r : r - n, weight * ix.cover_cost(d, s, n), [&] {
          return fmt::format("{} {}: {} on duty, {} wanted ({} {})", day_label(in.problem, d), shift_name(in.problem, s),
                             n, r, n < r ? r - n : n - r, n < r ? "missing" : "too many");
        });
      }
  }
};

}  // namespace vigil::rules
