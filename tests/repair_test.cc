// The library's repair entry point (solve/repair.h): a loss repaired keeps
// every hard rule and the past, an event that cannot be applied comes back as
// its input error, the resilience check is repair_plan per case, and a caller
// can follow the search and cancel it.
#include <gtest/gtest.h>

#include <atomic>

#include "eval/evaluation.h"
#include "io/scenario_reader.h"
#include "solve/repair.h"
#include "solve/resilience.h"

namespace vigil {
namespace {

struct Planned {
  Problem unit;
  Roster plan;
};

// unit-64 planned with a fixed amount of work, once for every test here.
const Planned& planned() {
  static const Planned p = [] {
    auto unit = read_scenario(std::string(VIGIL_TEST_DATA) + "/../../examples/unit-64.yaml");
    if (!unit) throw std::runtime_error(unit.error().format());
    SolveOptions o;
    o.work_limit = 1'000'000;
    o.time_limit_seconds = 1e6;
    SolveResult r = solve(*unit, o);
    if (!r.found_feasible) throw std::runtime_error("the reference unit was not planned");
    return Planned{std::move(*unit), std::move(r.roster)};
  }();
  return p;
}

RepairOptions by_work(std::int64_t work) {
  RepairOptions o;
  o.work_limit = work;
  o.time_limit_seconds = 1e6;
  o.seed = 3;
  return o;
}

TEST(RepairPlan, ALossIsRepairedKeepingEveryHardRuleAndThePast) {
  const auto& [unit, plan] = planned();
  const int now = 6 * kMinutesPerDay + 5 * 60;
  const int lost = 17;
  auto outcome = repair_plan(unit, plan, loss_events(unit, {lost}, now), now, by_work(200'000));
  ASSERT_TRUE(outcome) << outcome.error().format();
  EXPECT_TRUE(outcome->all_hard_kept);
  EXPECT_TRUE(outcome->unkept.empty());
  EXPECT_EQ(outcome->evaluation.score, evaluate(outcome->problem, outcome->roster()).score);
  EXPECT_EQ(outcome->now_minute, now);
  EXPECT_EQ(outcome->plan_in_force, plan);  // the same people and places: the plan moves over unchanged
  ASSERT_TRUE(outcome->problem.unit->repair.has_value());
  EXPECT_EQ(outcome->problem.unit->repair->now_minute, now);
  // The loss is in the problem the repair planned for.
  const auto& absences = outcome->problem.people[lost].unit.absences;
  ASSERT_FALSE(absences.empty());
  EXPECT_EQ(absences.back().from_minute, now);
  EXPECT_EQ(absences.back().until_minute, Absence::kForever);
  const UnitLayout L = make_unit_layout(outcome->problem);
  int changed = 0;
  for (int p = 0; p < unit.person_count(); ++p)
    for (int d = 0; d < unit.days(); ++d)
      for (int lane = 0; lane < L.lanes; ++lane) {
        const ShiftCode was = plan.at(p, d, lane), is = outcome->roster().at(p, d, lane);
        changed += was != is ? 1 : 0;
        if (cell_start_minute(L, d, lane, was, is) < now) {
          ASSERT_EQ(is, was) << p << " day " << d << " lane " << lane;
        }
      }
  EXPECT_GT(changed, 0);  // the lost person's watches did move
  for (int d = 7; d < unit.days(); ++d) EXPECT_EQ(outcome->roster().at(lost, d, 0), kOff);
}

// A loss at a post in the middle of a stint: 20 000 moves of a repair still
// looking for a plan (hard units are left throughout), so its transfers
// that re-plan both posts from now, its relocations to a later block's short
// post and its team swaps are drawn, each move taken or undone checked
// against a from-scratch evaluation (check mode).
TEST(RepairPlan, TransfersAndReplansAgreeWithTheFullEvaluatorMoveByMove) {
  const auto& [unit, plan] = planned();
  const int day = 6;
  int lost = -1;
  for (int p = 0; p < unit.person_count() && lost < 0; ++p) {
    const ShiftCode at = plan.at(p, day, UnitLayout::kPlacementLane);
    if (at >= 0 && unit.places[make_unit_layout(unit).place_of[at]].kind == PlaceKind::kPost) lost = p;
  }
  ASSERT_GE(lost, 0);
  const int now = day * kMinutesPerDay + 9 * 60 + 10;  // 15:10, mid-stint
  RepairOptions o = by_work(20'000);
  o.check_mode = true;
  auto outcome = repair_plan(unit, plan, loss_events(unit, {lost}, now), now, o);
  ASSERT_TRUE(outcome) << outcome.error().format();
  EXPECT_EQ(outcome->search.check_failure, "");
  EXPECT_EQ(outcome->search.reason, StopReason::kWorkLimit);
  EXPECT_EQ(outcome->evaluation.score, evaluate(outcome->problem, outcome->roster()).score);
}

TEST(RepairPlan, AnEventThatCannotBeAppliedReturnsItsInputError) {
  const auto& [unit, plan] = planned();
  const int now = 6 * kMinutesPerDay;
  // Someone who is never away cannot come back.
  int never_away = 0;
  while (!unit.people[never_away].unit.absences.empty()) ++never_away;
  UnitEvent back;
  back.kind = UnitEvent::Kind::kAvailable;
  back.person = unit.people[never_away].name;
  back.from_minute = now + 60;
  auto refused = repair_plan(unit, plan, {back}, now, by_work(1000), "events.yaml");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().file, "events.yaml");
  EXPECT_NE(refused.error().message.find("events[0].from: expected a time when '" + back.person + "' is away"),
            std::string::npos)
      << refused.error().message;
  // Nothing that already happened changes: an event before now is refused too.
  auto past = repair_plan(unit, plan, loss_events(unit, {3}, now - 60), now, by_work(1000));
  ASSERT_FALSE(past);
  EXPECT_NE(past.error().message.find("is before now"), std::string::npos) << past.error().message;
}

TEST(RepairPlan, ResilienceIsRepairPlanPerCase) {
  const auto& [unit, plan] = planned();
  ResilienceOptions o;
  o.people = {2, 9, 30};
  o.first_day = 14;
  o.last_day = 18;
  o.work_per_case = 4'000;
  o.seed = 7;
  const ResilienceReport report = check_resilience(unit, plan, o);
  ASSERT_FALSE(report.cases.empty());
  RepairOptions each = by_work(o.work_per_case);
  each.first_feasible = true;
  int repaired = 0;
  for (const LossCase& c : report.cases) {
    // Each case's seed comes from the run's and the case (a shard of the run answers it alike).
    each.seed = case_seed(o.seed, {c.day, c.person, c.second});
    const int now = c.day * kMinutesPerDay;
    auto outcome = repair_plan(unit, plan, loss_events(unit, {c.person}, now), now, each);
    ASSERT_TRUE(outcome);
    EXPECT_EQ(c.repaired, outcome->all_hard_kept) << c.person << " day " << c.day;
    EXPECT_EQ(c.hard_left, outcome->search.score.hard) << c.person << " day " << c.day;
    std::vector<std::string> consequences;
    for (const UnkeptRule& u : outcome->unkept) consequences.push_back(unkept_consequence(outcome->problem, u));
    EXPECT_EQ(c.consequences, consequences) << c.person << " day " << c.day;
    repaired += outcome->all_hard_kept ? 1 : 0;
  }
  EXPECT_EQ(report.repaired, repaired);
}

TEST(RepairPlan, ReportsProgressAndStopsWhenCancelled) {
  const auto& [unit, plan] = planned();
  const int now = 10 * kMinutesPerDay;
  auto prepared = prepare_repair(unit, plan, loss_events(unit, {5, 6, 7}, now), now);
  ASSERT_TRUE(prepared);
  // Cancelled before it starts: the search stops at its first check, far
  // short of its budget, and says why.
  std::atomic<bool> cancel{true};
  int reports = 0;
  RepairOptions o = by_work(50'000'000);
  o.cancel = &cancel;
  o.on_progress = [&](const Progress&) { ++reports; };
  const RepairOutcome stopped = run_repair(*prepared, o);
  EXPECT_EQ(stopped.search.reason, StopReason::kInterrupted);
  EXPECT_LT(stopped.search.moves, 5'000);
  EXPECT_GT(reports, 0);  // the start is reported
  // The same repair left alone runs to its work limit.
  cancel = false;
  o.work_limit = 20'000;
  const RepairOutcome finished = run_repair(*prepared, o);
  EXPECT_EQ(finished.search.reason, StopReason::kWorkLimit);
  EXPECT_GE(finished.search.moves, 20'000);
}

}  // namespace
}  // namespace vigil
