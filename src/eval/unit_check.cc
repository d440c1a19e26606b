// The unit evaluator against the full evaluator (see unit_check.h).
#include "eval/unit_check.h"

#include <fmt/format.h>

namespace vigil {

std::string unit_disagreement(const Problem& problem, const Roster& roster, const RuleAmounts& amounts, Score plain) {
  const Evaluation full = evaluate(problem, roster);
  std::string rule;
  for (RuleKind kind : rules_of(ProblemKind::kUnit)) {
    const int k = static_cast<int>(kind);
    if (!problem.rule(kind).enabled) continue;
    const RuleTally& t = full.rules[static_cast<std::size_t>(k)];
    std::int64_t here = amounts[static_cast<std::size_t>(k)], there = t.units;
    if (kind == RuleKind::kChanges) here *= problem.rule(kind).weight;  // kept in change units, priced here
    if (rule_info(kind).prices_itself) there = t.cost;
    if (here != there) {
      rule = fmt::format("{}: {} here, {} in a full evaluation", rule_name(kind), here, there);
      break;
    }
  }
  if (rule.empty() && plain == full.score) return "";
  return fmt::format("the unit evaluator gives hard={} soft={}, a full evaluation hard={} soft={}{}", plain.hard,
                     plain.soft, full.score.hard, full.score.soft, rule.empty() ? "" : "; " + rule);
}

}  // namespace vigil
