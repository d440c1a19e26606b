// The tight units (tests/data/tight/): units with just enough people, Polish
// speakers, veterans or experienced watchers for the two halves of the
// rotation. Each is as tight as its file says (counted here), has a plan
// keeping every hard rule (kept beside it, checked by the full evaluator
// and the incremental one), and the search plans it, every hard rule kept,
// within a fixed move budget well under what 2 s give (issue 14, item 2).
#include <gtest/gtest.h>

#include <string>

#include "eval/evaluation.h"
#include "eval/unit_evaluator.h"
#include "io/scenario_reader.h"
#include "io/unit_roster_json.h"
#include "model/unit_day.h"
#include "solve/solver.h"
#include "solve/unit_search.h"

namespace vigil {
namespace {

const char* const kTightUnits[] = {"polish-64", "veterans-64", "experienced-64", "people-48-seed-2",
                                   "people-48-seed-3"};

std::string tight_path(const std::string& name, const char* ext) {
  return std::string(VIGIL_TEST_DATA) + "/tight/" + name + ext;
}

Problem tight_unit(const std::string& name) {
  auto p = read_scenario(tight_path(name, ".yaml"));
  if (!p) throw std::runtime_error(p.error().format());
  return std::move(p.value());
}

int posts_of(const Problem& problem) {
  int posts = 0;
  for (const Place& place : problem.places) posts += place.kind == PlaceKind::kPost ? 1 : 0;
  return posts;
}

// People present on every day of the horizon for whom `has` holds.
template <typename Has>
int present_throughout(const Problem& problem, Has has) {
  int n = 0;
  for (const Person& person : problem.people) {
    bool always = true;
    for (int d = 0; d < problem.days() && always; ++d) always = present_on_day(person, d);
    n += always && has(person) ? 1 : 0;
  }
  return n;
}

// Nobody is at a post two stints running (2 days at a post, at most 2 at
// rest), so each of the two halves of the rotation must hold what every
// post team needs: twice the posts' share.
TEST(UnitTight, EachUnitHoldsJustEnoughForBothHalvesOfTheRotation) {
  for (const char* name : kTightUnits) {
    const Problem unit = tight_unit(name);
    const Rotation& rot = unit.unit->rotation;
    EXPECT_EQ(rot.post_days, 2) << name;
    EXPECT_EQ(rot.max_rest_days, 2) << name;
    EXPECT_EQ(posts_of(unit), 4) << name;
  }
  const Problem polish = tight_unit("polish-64");
  ASSERT_EQ(polish.unit->languages[3], "pl");
  EXPECT_EQ(present_throughout(polish, [](const Person& p) { return p.unit.level(3) > 0; }), 8);
  int polish_all = 0;
  for (const Person& p : polish.people) polish_all += p.unit.level(3) > 0 ? 1 : 0;
  EXPECT_EQ(polish_all, 8);
  EXPECT_EQ(present_throughout(polish, [](const Person&) { return true; }), 64 - 7);  // 7 are away for a while
  const Problem veterans = tight_unit("veterans-64");
  EXPECT_EQ(present_throughout(veterans, [](const Person& p) { return p.unit.experience == Experience::kVeteran; }), 8);
  int veterans_all = 0;
  for (const Person& p : veterans.people) veterans_all += p.unit.experience == Experience::kVeteran ? 1 : 0;
  EXPECT_EQ(veterans_all, 8);
  // Each post's 12 watches a day need someone experienced, who stands at
  // most 4 (8 h): 3 per post, 12 per half, 24.
  const Problem experienced = tight_unit("experienced-64");
  int experienced_all = 0;
  for (const Person& p : experienced.people) experienced_all += p.unit.experience != Experience::kNone ? 1 : 0;
  EXPECT_EQ(experienced_all, 24);
  EXPECT_EQ(present_throughout(experienced, [](const Person& p) { return p.unit.experience != Experience::kNone; }), 24);
  // 2 watchers x 12 watches a day at each post, at most 4 watches a person:
  // 6 per post, 24 per half, 48.
  for (const char* name : {"people-48-seed-2", "people-48-seed-3"}) {
    const Problem people = tight_unit(name);
    EXPECT_EQ(people.person_count(), 48) << name;
    EXPECT_EQ(present_throughout(people, [](const Person&) { return true; }), 48) << name;
  }
}

TEST(UnitTight, EachUnitHasAPlanKeepingEveryHardRule) {
  for (const char* name : kTightUnits) {
    const Problem unit = tight_unit(name);
    auto plan = read_unit_roster(unit, tight_path(name, ".plan.json"));
    ASSERT_TRUE(plan.ok()) << plan.error().format();
    const Evaluation full = evaluate(unit, *plan, true);
    EXPECT_EQ(full.score.hard, 0) << name;
    const UnitEvaluator incremental(unit, *plan);
    EXPECT_EQ(incremental.plain_score(), full.score) << name;
  }
}

// The run's budget (1 000 000 moves, which sets the walk's cooling) is
// under what 2 s give on the development machine (about 550 000 moves a
// second on unit-64), and the first plan keeping every hard rule must come
// within 400 000 moves, well under; the runs stop there. (With seed 1 each
// got there within 212 000 moves.)
TEST(UnitTight, EachUnitIsPlannedWithEveryHardRuleKeptWithinAFixedBudget) {
  for (const char* name : kTightUnits) {
    const Problem unit = tight_unit(name);
    SolveOptions options;
    options.work_limit = 1'000'000;
    options.time_limit_seconds = 1e6;
    options.seed = 1;
    options.first_feasible = true;
    const SolveResult r = solve(unit, options);
    EXPECT_TRUE(r.found_feasible) << name;
    EXPECT_EQ(evaluate(unit, r.roster).score.hard, 0) << name;
    EXPECT_GE(r.moves_to_feasible, 0) << name;
    EXPECT_LE(r.moves_to_feasible, 400'000) << name;
  }
}

// people-48-seed-2 has 6 people per post team, each standing 4 watches every
// post day, the same slots on both days of a stint: the first plan gets
// there by itself when its teams give everyone a partner they may watch with
// and each post's stint is planned whole (solve/unit_construct.cc). Before,
// its first plans broke 900-odd hard units, most of them pairs and rest.
TEST(UnitTight, TheFirstPlanOfAUnitWithJustEnoughPeopleKeepsEveryHardRule) {
  const Problem unit = tight_unit("people-48-seed-2");
  for (std::uint64_t seed : {1, 2, 3}) {
    const UnitEvaluator ev(unit, construct_unit_plan(unit, seed));
    EXPECT_EQ(ev.plain_score().hard, 0) << seed;
    EXPECT_EQ(evaluate(unit, ev.roster()).score.hard, 0) << seed;
  }
}

// The moves across the rotation keep the incremental evaluator exact (check
// mode re-scores from scratch after every move) and the run reproducible.
TEST(UnitTight, MovesAcrossTheRotationAgreeWithTheFullEvaluatorAndRepeat) {
  const Problem unit = tight_unit("polish-64");
  SolveOptions options;
  options.work_limit = 6'000;
  options.time_limit_seconds = 1e6;
  options.seed = 2;
  options.check_mode = true;
  const SolveResult checked = solve(unit, options);
  EXPECT_EQ(checked.check_failure, "");
  options.check_mode = false;
  options.work_limit = 150'000;
  const SolveResult a = solve(unit, options), b = solve(unit, options);
  EXPECT_EQ(a.roster, b.roster);
  EXPECT_EQ(a.score, b.score);
  EXPECT_EQ(a.moves_to_feasible, b.moves_to_feasible);
}

}  // namespace
}  // namespace vigil
