// Repairs: the past never changes, no event means no change, the repair
// rules count the same in both evaluators, and changes within the next
// 12 hours are only those a loss forces.
#include <gtest/gtest.h>

#include <random>

#include "eval/evaluation.h"
#include "eval/unkept_rules.h"
#include "eval/unit_evaluator.h"
#include "io/scenario_reader.h"
#include "model/wording.h"
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
          // (A placement on the day of now may change from now: a transfer.)
          if (change_minute(L, *unit.unit->repair, p, d, lane, was, is) < now) {
            ASSERT_EQ(is, was) << p << " day " << d << " lane " << lane;
          }
        }
    const Evaluation ev = evaluate(unit, r.roster);
    EXPECT_EQ(ev.rules[static_cast<int>(RuleKind::kFrozenPast)].units, 0);
    EXPECT_EQ(ev.rules[static_cast<int>(RuleKind::kUnavailable)].units, 0);
    // The lost person holds nothing from now: not the rest of day 6's place,
    // no watch or shower starting after now, nothing on later days.
    for (int d = 6; d < unit.days(); ++d)
      for (int lane = 0; lane < L.lanes; ++lane)
        if (d > 6 || lane == 0 || cell_start_minute(L, d, lane, kOff, r.roster.at(lost, d, lane)) >= now) {
          EXPECT_EQ(r.roster.at(lost, d, lane), kOff) << lost << " day " << d << " lane " << lane;
        }
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

// Two teams of four share post-1 (one watcher: 12 watches a day, at most 4
// each): Ana, Ben, Cara and Dan on days 0-1 and 4-5, Eve, Fay, Gus and Hal on
// days 2-3. Ana and Eve are the medics, and Eve goes on leave from day 4. Ana
// lost for good at day 2's changeover: the others can share her watches, but
// nobody can make the team of days 4-5 whole, so the repair keeps everything
// else and says that the team rule fails at post-1 for those two days.
TEST(UnitRepair, ARuleThatCannotBeKeptIsNamedWithWhereAndHowLong) {
  test::UnitBuilder b;
  b.days = 6;
  b.places = {{"post-1", PlaceKind::kPost, 8, 1, 0}, {"rest", PlaceKind::kRestCenter, 70, 0, 2}};
  b.setup.parameters.team_needs = {TeamNeed{TeamNeed::Kind::kSkill, 0, 1, "a medic"}};
  const std::vector<std::pair<std::string, LanguageLevel>> en = {{"en", LanguageLevel::kFluent}};
  b.people = {test::person("Ana", en, Experience::kTrained, {"medic"}), test::person("Ben"), test::person("Cara"),
              test::person("Dan"),
              test::person("Eve", en, Experience::kTrained, {"medic"}, {Absence{4 * kMinutesPerDay, Absence::kForever, "leave"}}),
              test::person("Fay"), test::person("Gus"), test::person("Hal")};
  Problem unit = b.build();
  test::UnitRosterWriter w(unit);
  const std::vector<std::vector<int>> slots = {{0, 1, 6, 7}, {2, 3, 8, 9}, {4, 5, 10, 11}, {}};
  const std::vector<std::string> lines = {"PPRRPP", "PPRRPP", "PPRRPP", "PPRRPP",
                                          "RRPP..", "RRPPRR", "RRPPRR", "RRPPRR"};
  for (int p = 0; p < 8; ++p)
    for (int d = 0; d < 6; ++d) {
      const char at = lines[static_cast<std::size_t>(p)][static_cast<std::size_t>(d)];
      if (at == '.') continue;
      w.place(p, d, at == 'P' ? 0 : 1);
      if (at == 'P')
        for (int s : slots[static_cast<std::size_t>(p % 4)]) w.watch(p, d, s, 0);
    }
  // One shower per rest stint, two people per shower slot.
  for (int p = 0; p < 4; ++p) w.shower(p, 2 + p / 2, p % 2, 1);
  for (int p = 4; p < 8; ++p) w.shower(p, (p - 4) / 2, p % 2, 1);
  w.shower(5, 4, 0, 1);
  w.shower(6, 4, 1, 1);
  w.shower(7, 5, 0, 1);
  for (const Violation& v : evaluate(unit, w.roster, true).violations)
    if (unit.rule(v.rule).hard) ADD_FAILURE() << "the plan in force breaks a hard rule: " << v.text;

  unit.people[0].unit.absences.push_back(Absence{2 * kMinutesPerDay, Absence::kForever, "lost"});
  unit.unit->repair = RepairBase{w.roster, 2 * kMinutesPerDay};
  const SolveResult r = repair(unit, w.roster, 50'000);
  const Evaluation ev = evaluate(unit, r.roster, true);
  EXPECT_FALSE(r.found_feasible);
  EXPECT_EQ(ev.score.hard, 1);
  const std::vector<UnkeptRule> unkept = unkept_rules(unit, ev);
  ASSERT_EQ(unkept.size(), 1u);
  EXPECT_EQ(unkept[0].rule, RuleKind::kTeam);
  EXPECT_EQ(unkept[0].where, "post-1");
  EXPECT_EQ(unkept[0].gist, "without a medic");
  EXPECT_EQ(unkept[0].first_minute, 4 * kMinutesPerDay);
  EXPECT_EQ(unkept[0].end_minute, 6 * kMinutesPerDay);
  EXPECT_EQ(unkept[0].minutes, 2 * kMinutesPerDay);
  EXPECT_EQ(unkept_consequence(unit, unkept[0]), "leaves post-1 without a medic on days 4-5");
  const std::string text = unkept_rules_text(unit, unkept);
  EXPECT_EQ(text.substr(0, text.find('\n')),
            "  - team at post-1: 2 days in all, from day 4 (Fri) 06:00 until day 6 (Sun) 06:00 (1 unit)");
  // What Ana would have stood on days 4-5 went to the others, and the past stayed.
  for (int d = 0; d < 2; ++d)
    for (int lane = 0; lane < r.roster.lanes(); ++lane)
      EXPECT_EQ(r.roster.at(0, d, lane), w.roster.at(0, d, lane));
}

// Grouping by rule and place, lengths of watch slots and whole days, and the
// consequence phrases, on hand-made violations.
TEST(UnkeptRules, GroupsByRuleAndPlaceWithLengths) {
  test::UnitBuilder b;
  b.days = 6;
  b.people = {test::person("Ana")};
  const Problem unit = b.build();
  const UnitLayout L = make_unit_layout(unit);
  Evaluation ev;
  const ShiftCode watch_0800 = L.watch_shift[1], watch_1600 = L.watch_shift[5];  // post-1 slots 1 and 5
  ev.violations.push_back(Violation{RuleKind::kWatchCover, -1, 3, 3, watch_0800, 1, 1, "cover a", {}});
  ev.violations.push_back(Violation{RuleKind::kDailyRest, 0, 3, 3, -1, 1, 1, "rest a", {}});
  ev.violations.push_back(Violation{RuleKind::kWatchCover, -1, 3, 3, watch_1600, 2, 2, "cover b", {}});
  ev.violations.push_back(Violation{RuleKind::kNightSpread, 0, 0, 5, -1, 9, 9, "a wish", {}});
  const std::vector<UnkeptRule> unkept = unkept_rules(unit, ev);
  ASSERT_EQ(unkept.size(), 2u);
  EXPECT_EQ(unkept[0].rule, RuleKind::kWatchCover);
  EXPECT_EQ(unkept[0].where, "post-1");
  EXPECT_EQ(unkept[0].minutes, 240);
  EXPECT_EQ(unkept[0].units, 3);
  EXPECT_EQ(unkept[0].first_minute, 3 * kMinutesPerDay + 120);
  EXPECT_EQ(unkept[0].end_minute, 3 * kMinutesPerDay + 12 * 60);
  EXPECT_EQ(unkept[1].where, "Ana");
  EXPECT_EQ(unkept[1].minutes, kMinutesPerDay);
  EXPECT_EQ(unkept_consequence(unit, unkept[0]), "leaves post-1 short on watch for 4 h on day 3 (Thu)");
  EXPECT_EQ(unkept_consequence(unit, unkept[1]), "breaks daily-rest for Ana on day 3 (Thu)");
  EXPECT_EQ(unkept_rules_text(unit, unkept, 1),
            "  - watch-cover at post-1: 4 h in all, from day 3 (Thu) 08:00 until day 3 (Thu) 18:00 (3 units)\n"
            "      cover a\n"
            "      ... and 1 more\n"
            "  - daily-rest at Ana: 1 day in all, from day 3 (Thu) 06:00 until day 4 (Fri) 06:00 (1 unit)\n"
            "      rest a\n");
  EXPECT_EQ(duration_text(90), "1 h 30 min");
  EXPECT_EQ(duration_text(2 * kMinutesPerDay), "2 days");
  EXPECT_EQ(duration_text(30), "30 min");
}

// Days named as runs: "days 2-3, 6-7 and 10", at most three runs.
TEST(UnkeptRules, NamesTheDaysAsRuns) {
  test::UnitBuilder b;
  b.days = 20;
  b.people = {test::person("Ana")};
  const Problem unit = b.build();
  const ShiftCode stay = make_unit_layout(unit).stay_shift[0];
  auto team_gap = [&](int first, int last) {
    return Violation{RuleKind::kTeam, -1, first, last, stay, 1, 1, "gap", "without a medic"};
  };
  Evaluation ev;
  ev.violations = {team_gap(6, 7), team_gap(2, 3), team_gap(10, 10), team_gap(11, 11)};
  auto unkept = unkept_rules(unit, ev);
  ASSERT_EQ(unkept.size(), 1u);
  EXPECT_EQ(unkept_consequence(unit, unkept[0]), "leaves post-1 without a medic on days 2-3, 6-7 and 10-11");
  EXPECT_EQ(unkept[0].minutes, 6 * kMinutesPerDay);
  ev.violations.push_back(team_gap(16, 17));
  unkept = unkept_rules(unit, ev);
  EXPECT_EQ(unkept_consequence(unit, unkept[0]), "leaves post-1 without a medic on days 2-3, 6-7, 10-11 and 1 more");
  ev.violations = {team_gap(4, 4)};
  EXPECT_EQ(unkept_consequence(unit, unkept_rules(unit, ev)[0]), "leaves post-1 without a medic on day 4 (Fri)");
}

TEST(UnitResilience, OneCasePerPresentChangeoverAndEveryFailureExplained) {
  ResilienceOptions o;
  o.people = {0, 1, 2};
  o.first_day = 20;
  o.last_day = 27;
  o.work_per_case = 5'000;
  const ResilienceReport report = check_resilience(fixture().unit, fixture().plan, o);
  // By default the rotation's changeovers (every 2 days here); with every = 1, each day's.
  std::size_t expected = 0, expected_daily = 0;
  for (int p : o.people)
    for (int d = 20; d <= 27; ++d) {
      const bool present = present_on_day(fixture().unit.people[p], d);
      expected += present && d % 2 == 0 ? 1 : 0;
      expected_daily += present ? 1 : 0;
    }
  EXPECT_EQ(report.cases.size(), expected);
  for (const LossCase& c : report.cases) EXPECT_EQ(c.day % 2, 0);
  ResilienceOptions daily = o;
  daily.every = 1;
  daily.work_per_case = 500;
  EXPECT_EQ(check_resilience(fixture().unit, fixture().plan, daily).cases.size(), expected_daily);
  // Pairs: each two of them present at a changeover, lost together.
  ResilienceOptions pairs = o;
  pairs.pairs = true;
  pairs.work_per_case = 500;
  std::size_t expected_pairs = 0;
  for (int d = 20; d <= 27; d += 2)
    for (std::size_t i = 0; i < o.people.size(); ++i)
      for (std::size_t j = i + 1; j < o.people.size(); ++j)
        expected_pairs += present_on_day(fixture().unit.people[o.people[i]], d) &&
                                  present_on_day(fixture().unit.people[o.people[j]], d)
                              ? 1
                              : 0;
  const ResilienceReport pair_report = check_resilience(fixture().unit, fixture().plan, pairs);
  EXPECT_EQ(pair_report.cases.size(), expected_pairs);
  for (const LossCase& c : pair_report.cases) EXPECT_GT(c.second, c.person);
  int repaired = 0;
  for (const LossCase& c : report.cases) {
    repaired += c.repaired ? 1 : 0;
    EXPECT_EQ(c.repaired, c.hard_left == 0);
    EXPECT_EQ(c.first_problem.empty(), c.repaired) << c.person << " day " << c.day;
    EXPECT_EQ(c.consequences.empty(), c.repaired) << c.person << " day " << c.day;
    for (const std::string& what : c.consequences) EXPECT_TRUE(what.rfind("leaves ", 0) == 0 || what.rfind("breaks ", 0) == 0) << what;
  }
  EXPECT_EQ(report.repaired, repaired);
  // Late losses leave little to re-plan: some of them are absorbed.
  EXPECT_GT(repaired, 0);
}

}  // namespace
}  // namespace vigil
