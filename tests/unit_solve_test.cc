// Solving unit scenarios end to end: the plan the solver returns, written as
// the unit roster JSON and read back, scores the same under the independent
// full evaluation (what `vigil check` runs); runs are reproducible with a
// work limit.
#include <gtest/gtest.h>

#include "eval/evaluation.h"
#include "io/scenario_reader.h"
#include "solve/unit_generator.h"
#include "io/unit_roster_json.h"
#include "solve/solver.h"

namespace vigil {
namespace {

Problem generated(int people, int posts, int rest_centers, int days) {
  GeneratorOptions g;
  g.people = people;
  g.posts = posts;
  g.rest_centers = rest_centers;
  g.days = days;
  g.seed = 1;
  auto p = generate_unit(g);
  if (!p) throw std::runtime_error(p.error().message);
  return std::move(p.value());
}

// The reference unit as shipped (examples/unit-64.yaml).
Problem reference_unit() {
  auto p = read_scenario(std::string(VIGIL_TEST_DATA) + "/../../examples/unit-64.yaml");
  if (!p) throw std::runtime_error(p.error().format());
  return std::move(p.value());
}

// Solve, write, read back, re-evaluate from the files' content alone.
void expect_solve_and_check_agree(const Problem& problem, std::int64_t work) {
  SolveOptions options;
  options.work_limit = work;
  options.time_limit_seconds = 1e6;
  options.seed = 3;
  const SolveResult r = solve(problem, options);
  const std::string json = unit_roster_to_json(problem, r.roster);
  auto back = parse_unit_roster_json(problem, json, "plan.json");
  ASSERT_TRUE(back.ok()) << back.error().format();
  EXPECT_EQ(*back, r.roster);
  const Evaluation check = evaluate(problem, *back, true);
  EXPECT_EQ(check.score, r.score);
  EXPECT_EQ(check.score.feasible(), r.found_feasible);
}

TEST(UnitSolve, ReferenceUnitIsPlannedWithEveryHardRuleKeptAndCheckAgrees) {
  const Problem unit = reference_unit();
  EXPECT_EQ(unit.person_count(), 64);
  SolveOptions options;
  options.work_limit = 3'000'000;
  options.time_limit_seconds = 1e6;
  const SolveResult r = solve(unit, options);
  EXPECT_TRUE(r.found_feasible);
  EXPECT_EQ(r.score.hard, 0);
  expect_solve_and_check_agree(unit, 500'000);
}

TEST(UnitSolve, BattalionSolveAndCheckAgree) {
  const Problem battalion = generated(600, 30, 3, 84);
  expect_solve_and_check_agree(battalion, 1'000'000);
}

TEST(UnitSolve, SameSeedAndWorkGiveTheSamePlan) {
  const Problem unit = generated(64, 4, 1, 28);
  SolveOptions options;
  options.work_limit = 200'000;
  options.time_limit_seconds = 1e6;
  options.seed = 11;
  const SolveResult a = solve(unit, options), b = solve(unit, options);
  EXPECT_EQ(a.roster, b.roster);
  EXPECT_EQ(a.score, b.score);
  options.seed = 12;
  const SolveResult c = solve(unit, options);
  EXPECT_NE(a.roster, c.roster);
}

TEST(UnitSolve, CheckModeFindsNoDisagreement) {
  const Problem unit = generated(64, 4, 1, 14);
  SolveOptions options;
  options.work_limit = 20'000;
  options.time_limit_seconds = 1e6;
  options.check_mode = true;
  const SolveResult r = solve(unit, options);
  EXPECT_EQ(r.check_failure, "");
}

}  // namespace
}  // namespace vigil
