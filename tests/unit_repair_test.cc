// Repairs: the past never changes, no event means no change, the repair
// rules count the same in both evaluators, and changes within the next
// 12 hours are only those a loss forces.
#include <gtest/gtest.h>

#include <random>

#include "eval/evaluation.h"
#include "eval/unit_evaluator.h"
#include "io/scenario_reader.h"
#include "solve/solver.h"
#include "solve/resilience.h"
#include "solve/unit_search.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

Problem reference_unit() {
  auto p = read_scenario(std::string(VIGIL_TEST_DATA) + "/../../examples/unit-64.yaml");
  if (!p) throw std::runtime_error(p.error().format());
  return std::move(p.value());
}

Roster planned(const Problem& unit) {
  SolveOptions o;
  o.work_limit = 1'500'000;
  o.time_limit_seconds = 1e6;
  const SolveResult r = solve(unit, o);
  if (!r.found_feasible) throw std::runtime_error("the reference unit was not planned");
  return r.roster;
}

SolveResult repair(const Problem& unit, const Roster& plan, std::int64_t work = 200'000) {
  SolveOptions o;
  o.work_limit = work;
  o.time_limit_seconds = 1e6;
  o.start = plan;
  o.seed = 5;
  return solve(unit, o);
}

struct Fixture {
  Problem unit = reference_unit();
  Roster plan = planned(unit);
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

TEST(UnitRepair, NoEventsGiveTheSamePlan) {
  Problem unit = fixture().unit;
  unit.unit->repair = RepairBase{fixture().plan, 5 * kMinutesPerDay + 240};
  const SolveResult r = repair(unit, fixture().plan);
  EXPECT_TRUE(r.found_feasible);
  EXPECT_EQ(r.roster, fixture().plan);
}

TEST(UnitRepair, ThePastNeverChangesWhateverTheLoss) {
  const UnitLayout L = make_unit_layout(fixture().unit);
  for (int lost : {0, 17, 40}) {
    Problem unit = fixture().unit;
    const int now = 6 * kMinutesPerDay + 5 * 60;  // day 6, 11:00
    unit.people[lost].unit.absences.push_back(Absence{now, Absence::kForever, "wounded"});
    unit.unit->repair = RepairBase{fixture().plan, now};
    const SolveResult r = repair(unit, fixture().plan);
    for (int p = 0; p < unit.person_count(); ++p)
      for (int d = 0; d < unit.days(); ++d)
        for (int lane = 0; lane < L.lanes; ++lane) {
          const ShiftCode was = fixture().plan.at(p, d, lane), is = r.roster.at(p, d, lane);
          if (cell_start_minute(L, d, lane, was, is) < now) {
            ASSERT_EQ(is, was) << p << " day " << d << " lane " << lane;
          }
        }
    const Evaluation ev = evaluate(unit, r.roster);
    EXPECT_EQ(ev.rules[static_cast<int>(RuleKind::kFrozenPast)].units, 0);
    // The lost person has nothing left after now.
    for (int d = 7; d < unit.days(); ++d) EXPECT_EQ(r.roster.at(lost, d, 0), kOff);
  }
}

TEST(UnitRepair, ChangesWithinTwelveHoursOnlyWhereTheLossForcesThem) {
  const Problem& base = fixture().unit;
  const Roster& plan = fixture().plan;
  const UnitLayout L = make_unit_layout(base);
  // Someone at the rest center on days 6 and 7, lost at 07:00 on day 6.
  int lost = -1;
  for (int p = 0; p < base.person_count() && lost < 0; ++p) {
    const ShiftCode a = plan.at(p, 6, 0), b = plan.at(p, 7, 0);
    if (a >= 0 && b >= 0 && base.places[L.place_of[a]].kind == PlaceKind::kRestCenter &&
        base.places[L.place_of[b]].kind == PlaceKind::kRestCenter)
      lost = p;
  }
  ASSERT_GE(lost, 0);
  const int now = 6 * kMinutesPerDay + 60;
  Problem unit = base;
  unit.people[lost].unit.absences.push_back(Absence{now, Absence::kForever, "wounded"});
  unit.unit->repair = RepairBase{plan, now};
  const SolveResult r = repair(unit, plan, 400'000);
  EXPECT_NE(r.roster, plan);  // the loss does force changes (later on)
  // Within the next 12 hours, a changed watch cell is the lost person's own
  // or the one who takes over their slot.
  for (int p = 0; p < unit.person_count(); ++p)
    for (int d = 6; d <= 7; ++d)
      for (int s = 0; s < L.watch_slots; ++s) {
        const int lane = L.watch_lane(s);
        const ShiftCode was = plan.at(p, d, lane), is = r.roster.at(p, d, lane);
        const int start = cell_start_minute(L, d, lane, was, is);
        if (was == is || start < now || start >= now + 12 * 60) continue;
        const bool lost_had_it = plan.at(lost, d, lane) != kOff;
        EXPECT_TRUE(p == lost || (lost_had_it && is == plan.at(lost, d, lane)))
            << unit.people[p].name << " changed on day " << d << " slot " << s;
      }
}

TEST(UnitRepair, BothEvaluatorsCountTheRepairRulesAlike) {
  Problem unit = fixture().unit;
  const Roster& plan = fixture().plan;
  unit.unit->repair = RepairBase{plan, 9 * kMinutesPerDay + 300};
  unit.rule(RuleKind::kChanges).weight = 3;
  UnitEvaluator ev(unit, plan);
  std::mt19937_64 rng(4);
  const UnitLayout& L = ev.layout();
  for (int step = 0; step < 3000; ++step) {
    const int p = static_cast<int>(rng() % 64), d = static_cast<int>(rng() % unit.days());
    const int lane = static_cast<int>(rng() % static_cast<std::uint64_t>(L.lanes));
    const ShiftCode v = rng() % 3 == 0 ? kOff : plan.at(static_cast<int>(rng() % 64), d, lane);
    const CellChange c{p, d, lane, v};
    ev.apply(&c, 1);
    if (step % 100 == 0) {
      const Evaluation full = evaluate(unit, ev.roster());
      ASSERT_EQ(ev.rule_amounts()[static_cast<int>(RuleKind::kFrozenPast)],
                full.rules[static_cast<int>(RuleKind::kFrozenPast)].units);
      ASSERT_EQ(ev.rule_amounts()[static_cast<int>(RuleKind::kChanges)] * 3,
                full.rules[static_cast<int>(RuleKind::kChanges)].cost);
      ASSERT_EQ(ev.plain_score(), full.score) << "step " << step;
    }
  }
  EXPECT_GT(ev.rule_amounts()[static_cast<int>(RuleKind::kFrozenPast)], 0);
  EXPECT_GT(ev.rule_amounts()[static_cast<int>(RuleKind::kChanges)], 0);
}

}  // namespace
}  // namespace vigil

namespace vigil {
namespace {

TEST(UnitResilience, OneCasePerPresentChangeoverAndEveryFailureExplained) {
  ResilienceOptions o;
  o.people = {0, 1, 2};
  o.first_day = 20;
  o.last_day = 27;
  o.work_per_case = 5'000;
  const ResilienceReport report = check_resilience(fixture().unit, fixture().plan, o);
  std::size_t expected = 0;
  for (int p : o.people)
    for (int d = 20; d <= 27; ++d) expected += present_on_day(fixture().unit.people[p], d) ? 1 : 0;
  EXPECT_EQ(report.cases.size(), expected);
  int repaired = 0;
  for (const LossCase& c : report.cases) {
    repaired += c.repaired ? 1 : 0;
    EXPECT_EQ(c.repaired, c.hard_left == 0);
    EXPECT_EQ(c.first_problem.empty(), c.repaired) << c.person << " day " << c.day;
  }
  EXPECT_EQ(report.repaired, repaired);
  // Late losses leave little to re-plan: some of them are absorbed.
  EXPECT_GT(repaired, 0);
}

}  // namespace
}  // namespace vigil
