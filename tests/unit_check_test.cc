// Check mode of the unit search: after every applied move and every undo the
// incremental score and rule amounts are compared with a from-scratch
// evaluate(); runs on a generated unit and on a repair (frozen past and
// changes counted) find no disagreement, and the comparison does report a
// wrong state, naming the rule.
#include <gtest/gtest.h>

#include "eval/evaluation.h"
#include "eval/unit_check.h"
#include "eval/unit_evaluator.h"
#include "solve/unit_generator.h"
#include "solve/repair.h"
#include "solve/solver.h"
#include "solve/unit_search.h"

namespace vigil {
namespace {

Problem small_unit() {
  GeneratorOptions g;
  g.people = 24;
  g.posts = 2;
  g.rest_centers = 1;
  g.days = 8;
  g.seed = 2;
  auto p = generate_unit(g);
  if (!p) throw std::runtime_error(p.error().message);
  return std::move(p.value());
}

TEST(UnitCheckMode, ASearchOnAGeneratedUnitAgreesWithTheFullEvaluator) {
  const Problem unit = small_unit();
  SolveOptions options;
  options.work_limit = 15'000;
  options.time_limit_seconds = 1e6;
  options.seed = 4;
  options.check_mode = true;
  const SolveResult r = solve(unit, options);
  EXPECT_EQ(r.check_failure, "");
  EXPECT_EQ(r.reason, StopReason::kWorkLimit);  // it ran its whole budget, checking each move
  EXPECT_EQ(r.score, evaluate(unit, r.roster).score);
}

TEST(UnitCheckMode, ARepairAgreesWithTheFullEvaluator) {
  const Problem unit = small_unit();
  SolveOptions plan_options;
  plan_options.work_limit = 200'000;
  plan_options.time_limit_seconds = 1e6;
  const Roster plan = solve(unit, plan_options).roster;
  // Two people lost on day 3 at 10:00: the past is frozen, changes are priced.
  const int now = 3 * kMinutesPerDay + 4 * 60;
  auto prepared = prepare_repair(unit, plan, loss_events(unit, {1, 5}, now), now);
  ASSERT_TRUE(prepared) << prepared.error().format();
  ASSERT_TRUE(prepared->problem.rule(RuleKind::kFrozenPast).enabled);
  ASSERT_TRUE(prepared->problem.rule(RuleKind::kChanges).enabled);
  RepairOptions options;
  options.work_limit = 15'000;
  options.time_limit_seconds = 1e6;
  options.seed = 2;
  options.check_mode = true;
  const RepairOutcome outcome = run_repair(*prepared, options);
  EXPECT_EQ(outcome.search.check_failure, "");
  EXPECT_EQ(outcome.search.reason, StopReason::kWorkLimit);
  EXPECT_NE(outcome.roster(), outcome.plan_in_force);  // the losses did force changes, which were checked
  EXPECT_GT(outcome.evaluation.rules[static_cast<int>(RuleKind::kChanges)].cost, 0);
}

TEST(UnitCheckMode, AWrongStateIsReportedWithTheRuleThatDiffers) {
  const Problem unit = small_unit();
  const UnitEvaluator ev(unit, construct_unit_plan(unit, 5));
  EXPECT_EQ(unit_disagreement(ev), "");
  const Score plain = ev.plain_score();
  // One team gap too many in the incremental state.
  RuleAmounts amounts = ev.rule_amounts();
  amounts[static_cast<int>(RuleKind::kTeam)] += 1;
  const std::string team = unit_disagreement(unit, ev.roster(), amounts, Score{plain.hard + 1, plain.soft});
  EXPECT_NE(team.find("team: "), std::string::npos) << team;
  EXPECT_NE(team.find(" in a full evaluation"), std::string::npos) << team;
  // A score off by a wish while every amount agrees is reported too.
  const std::string score = unit_disagreement(unit, ev.roster(), ev.rule_amounts(), Score{plain.hard, plain.soft + 1});
  EXPECT_NE(score.find("a full evaluation hard=" + std::to_string(plain.hard)), std::string::npos) << score;
  // The same amounts against another roster disagree as well.
  const Roster other = construct_unit_plan(unit, 6);
  ASSERT_NE(other, ev.roster());
  EXPECT_NE(unit_disagreement(unit, other, ev.rule_amounts(), plain), "");
}

}  // namespace
}  // namespace vigil
