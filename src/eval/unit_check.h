// Check mode of the unit search: the incremental evaluator's plain score and
// per-rule amounts against a from-scratch evaluate() of the same roster, the
// independent reference (the evaluator's own recount() shares its scope code
// and so shares its mistakes).
#pragma once

#include <string>

#include "eval/evaluation.h"
#include "eval/unit_evaluator.h"
#include "model/problem.h"
#include "model/roster.h"

namespace vigil {

// Empty when `plain` and every enabled unit rule's amount agree with
// evaluate(problem, roster); else the disagreement in words: both scores and
// the first rule that differs ("team: 3 here, 2 in a full evaluation").
// Amounts are compared in the full evaluator's terms: units, except the rules
// that price themselves (personal requests: cost; changes: amount x weight).
std::string unit_disagreement(const Problem& problem, const Roster& roster, const RuleAmounts& amounts, Score plain);

inline std::string unit_disagreement(const UnitEvaluator& ev) {
  return unit_disagreement(ev.problem(), ev.roster(), ev.rule_amounts(), ev.plain_score());
}

}  // namespace vigil
