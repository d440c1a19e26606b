// Solving unit scenarios end to end: the plan the solver returns, written as
// the unit roster JSON and read back, scores the same under the independent
// full evaluation (what `vigil check` runs); runs are reproducible with a
// work limit.
#include <gtest/gtest.h>

#include <cstdint>

#include "eval/evaluation.h"
#include "io/scenario_reader.h"
#include "model/unit_day.h"
#include "solve/unit_generator.h"
#include "io/unit_roster_json.h"
#include "solve/repair.h"
#include "solve/resilience.h"
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

// The guard over seeds: one seed of five once missed a hard rule on unit-64
// within 10 s on a loaded machine and could not be told from noise. With a
// move budget the outcome is the machine's no longer: at af021e0 every seed of
// 1-16 kept every hard rule with budgets of 150,000, 250,000 and 2,000,000
// moves (at 100,000 one seed of 16 did), so 8 seeds at 600,000 moves each must
// all get there; a weaker search fails here.
TEST(UnitSolve, ReferenceUnitKeepsEveryHardRuleOnEightSeedsWithinAFixedWork) {
  const Problem unit = reference_unit();
  SolveOptions options;
  options.work_limit = 600'000;
  options.time_limit_seconds = 1e6;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    options.seed = seed;
    const SolveResult r = solve(unit, options);
    EXPECT_EQ(r.score.hard, 0) << "seed " << seed;
  }
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

namespace vigil {
namespace {

// Scenarios the reader accepts that lack a piece of the reference unit: each
// is planned (or its broken rules listed), never a crash, and every plan has
// the unit layout's shape, so it can be checked and written.
Problem scenario_from(const std::string& text) {
  auto p = parse_scenario(text, "test.yaml");
  if (!p) throw std::runtime_error(p.error().format());
  return std::move(p.value());
}

void expect_planned_in_shape(const Problem& problem, std::int64_t work) {
  SolveOptions options;
  options.work_limit = work;
  options.time_limit_seconds = 1e6;
  const SolveResult r = solve(problem, options);
  EXPECT_EQ(r.roster.lanes(), make_unit_layout(problem).lanes);
  EXPECT_EQ(check_unit_roster_shape(problem, r.roster), "");
  EXPECT_EQ(evaluate(problem, r.roster).score, r.score);
  const std::string json = unit_roster_to_json(problem, r.roster);
  auto back = parse_unit_roster_json(problem, json, "plan.json");
  ASSERT_TRUE(back.ok()) << back.error().format();
  EXPECT_EQ(*back, r.roster);
}

TEST(UnitSolveEdges, TheSmallestScenarioOfTheDocsIsPlannedWithoutARestCenter) {
  // docs/scenario.md: one post, one person, no rest center (so no showers).
  const Problem p = scenario_from(
      "horizon: {days: 28}\nplaces:\n  posts: [{name: Alpha}]\npeople:\n  - {name: Olena, languages: {uk: native}}\n");
  expect_planned_in_shape(p, 20'000);
}

TEST(UnitSolveEdges, ARestCenterWithoutShowersIsPlannedAndItsShowersListedAsBroken) {
  std::string text =
      "horizon: {days: 8}\nplaces:\n  posts: [{name: Alpha}]\n  rest-centers: [{name: Home, beds: 20, showers: 0}]\n"
      "people:\n";
  for (int i = 1; i <= 12; ++i)
    text += "  - {name: P" + std::to_string(i) + ", languages: {uk: native}, experience: veteran, skills: [medic]}\n";
  const Problem p = scenario_from(text);
  expect_planned_in_shape(p, 100'000);
  SolveOptions options;
  options.work_limit = 100'000;
  options.time_limit_seconds = 1e6;
  const Evaluation ev = evaluate(p, solve(p, options).roster, true);
  EXPECT_GT(ev.rules[static_cast<std::size_t>(RuleKind::kShowers)].units, 0);
  EXPECT_EQ(ev.rules[static_cast<std::size_t>(RuleKind::kWatchCover)].units, 0);
}

// The emergency path on the same edge cases: a loss repaired mid-horizon
// (or, on a one-day unit, mid-day) and every single loss at every changeover
// checked, never a crash; the lost person holds nothing from the loss on.
void expect_repairable_without_crash(const Problem& problem, std::int64_t work) {
  SolveOptions options;
  options.work_limit = work;
  options.time_limit_seconds = 1e6;
  const SolveResult planned = solve(problem, options);
  const int now = problem.days() > 1 ? (problem.days() / 2) * kMinutesPerDay + 240 : 240;
  RepairOptions repair;
  repair.work_limit = work;
  repair.time_limit_seconds = 1e6;
  auto repaired = repair_plan(problem, planned.roster, loss_events(problem, {0}, now), now, repair);
  ASSERT_TRUE(repaired.ok()) << repaired.error().format();
  EXPECT_EQ(check_unit_roster_shape(repaired->problem, repaired->roster()), "");
  for (int d = now / kMinutesPerDay + 1; d < problem.days(); ++d)
    EXPECT_EQ(repaired->roster().at(0, d, UnitLayout::kPlacementLane), kOff) << "day " << d;
  EXPECT_EQ(repaired->evaluation.rules[static_cast<std::size_t>(RuleKind::kUnavailable)].units, 0);
  ResilienceOptions resilience;
  resilience.work_per_case = work / 10;
  const ResilienceReport report = check_resilience(problem, planned.roster, resilience);
  EXPECT_EQ(report.cases.empty(), problem.days() == 1);  // changeovers from day 1 on
}

TEST(UnitRepairEdges, NoRestCenterNoShowersOnePersonOneDayRepairAndResilience) {
  expect_repairable_without_crash(
      scenario_from("horizon: {days: 28}\nplaces:\n  posts: [{name: Alpha}]\npeople:\n"
                    "  - {name: Olena, languages: {uk: native}}\n"),
      20'000);
  std::string no_showers =
      "horizon: {days: 8}\nplaces:\n  posts: [{name: Alpha}]\n  rest-centers: [{name: Home, beds: 20, showers: 0}]\n"
      "people:\n";
  for (int i = 1; i <= 12; ++i)
    no_showers += "  - {name: P" + std::to_string(i) + ", languages: {uk: native}, experience: veteran, skills: [medic]}\n";
  expect_repairable_without_crash(scenario_from(no_showers), 50'000);
  std::string one_day = "horizon: {days: 1}\nplaces:\n  posts: [{name: Alpha}]\n  rest-centers: [{name: Home, beds: 8}]\npeople:\n";
  for (int i = 1; i <= 6; ++i) one_day += "  - {name: P" + std::to_string(i) + ", languages: {en: native}}\n";
  expect_repairable_without_crash(scenario_from(one_day), 20'000);
}

}  // namespace
}  // namespace vigil
