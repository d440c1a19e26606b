// The unit rules that do not stop at the changeover (docs/unit-rules.md):
// daily-rest and daily-watch-hours over any 24 hours, and travel between
// places, on small hand-made units whose answers were worked out by hand (the
// working is in the comments); the incremental evaluator must count the same.
//
// Defaults of test::UnitBuilder: day 0 is a Monday, changeover 06:00, 2-hour
// watches (slot s starts at 06:00 + 2s h: slot 9 is 00:00, slot 11 04:00),
// 30-minute shower slots from 06:00, rest at least 6 h (3 slots), at most
// 8 h (4 watches) of watch, at most 2 watches in a row. Places: post-1 (0)
// and rest (1).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eval/evaluation.h"
#include "eval/rules/day_limits.h"
#include "eval/unit_evaluator.h"
#include "test_support.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

using test::only;
using test::person;
using test::tally;
using test::texts;
using test::UnitBuilder;
using test::UnitRosterWriter;

std::vector<std::pair<int, int>> spans_of(const Evaluation& ev, RuleKind k) {
  std::vector<std::pair<int, int>> spans;
  for (const Violation& v : ev.violations)
    if (v.rule == k) spans.emplace_back(v.first_day, v.last_day);
  return spans;
}

std::int64_t incremental(const Problem& p, const Roster& r, RuleKind k) {
  return UnitEvaluator(p, r).rule_amounts()[static_cast<std::size_t>(k)];
}

// Each roster day keeps both limits on its own; the 24 hours across the
// changeover do not.
TEST(UnitTimelineRules, RestAndWatchHoursHoldInAnyTwentyFourHours) {
  UnitBuilder b;
  b.days = 2;
  b.people = {person("Ana"), person("Ben")};
  Problem p = b.build();
  only(p, {RuleKind::kDailyRest, RuleKind::kDailyWatchHours, RuleKind::kWatchesInRow});
  UnitRosterWriter w(p);
  // Ana at post-1 both days. Day 0: slots 3, 6, 9, 11; free 0-2 (6 h), 4 watches.
  // Day 1: slots 1, 3, 6, 8; free 9-11 (6 h), 4 watches. No two in a row.
  w.place_days(0, 0, 1, 0);
  w.watches(0, 0, {3, 6, 9, 11}, 0);
  w.watches(0, 1, {1, 3, 6, 8}, 0);
  // Ben: day 0 as Ana's but placed nowhere (no rest owed that day); day 1
  // at post-1, slots 2, 4, 6.
  w.place(1, 1, 0);
  w.watches(1, 0, {3, 6, 9, 11}, 0);
  w.watches(1, 1, {2, 4, 6}, 0);
  const Evaluation ev = evaluate(p, w.roster, true);

  // Ana, windows from day 0: from slot 1 (08:00) the free stretches are
  // day 0's 1-2, 4-5, 7-8, 10 and day 1's 0: longest rest 4 h, 1 unit. From
  // slot 9 (00:00): day 0's 9, 11 and day 1's 1, 3, 6, 8: 6 watches, 2 over
  // (slots 7 and 8 hold 5). Day 1's windows run into nothing planned: kept.
  // Ben, day 0: placed nowhere, so no rest is owed; from slot 3 (12:00): 3,
  // 6, 9, 11 and day 1's 2: 5 watches, 1 over (slot 2 holds 4). Day 1: 3
  // watches, free 7-11: kept.
  EXPECT_EQ(tally(ev, RuleKind::kDailyRest).units, 1);
  EXPECT_EQ(tally(ev, RuleKind::kDailyWatchHours).units, 2 + 1);
  EXPECT_EQ(tally(ev, RuleKind::kWatchesInRow).units, 0);
  const auto rest = texts(ev, RuleKind::kDailyRest);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0], "Ana, day 0 (Mon): longest rest 4 h in the 24 h from 08:00, at least 6 h needed");
  const auto hours = texts(ev, RuleKind::kDailyWatchHours);
  ASSERT_EQ(hours.size(), 2u);
  EXPECT_EQ(hours[0], "Ana, day 0 (Mon): 6 watches (12 h) in the 24 h from 00:00, at most 4 (8 h)");
  EXPECT_EQ(hours[1], "Ben, day 0 (Mon): 5 watches (10 h) in the 24 h from 12:00, at most 4 (8 h)");
  EXPECT_EQ(spans_of(ev, RuleKind::kDailyRest), (std::vector<std::pair<int, int>>{{0, 1}}));
  EXPECT_EQ(incremental(p, w.roster, RuleKind::kDailyRest), 1);
  EXPECT_EQ(incremental(p, w.roster, RuleKind::kDailyWatchHours), 3);
}

// The windows on flat masks, against a count slot by slot.
TEST(UnitTimelineRules, WindowFunctionsMatchASlotBySlotCount) {
  const rules::DayLimits l{12, 4, 2, 3};
  std::uint64_t seed = 12345;
  for (int trial = 0; trial < 4000; ++trial) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::uint64_t day = (seed >> 20) & 0xFFF, next = (seed >> 40) & 0xFFF;
    for (int s = 0; s < 12; ++s) {
      int count = 0, run = 0, longest = 0;
      for (int t = s; t < s + 12; ++t) {
        const bool on = t < 12 ? (day >> t) & 1 : (next >> (t - 12)) & 1;
        count += on;
        run = on ? 0 : run + 1;
        longest = std::max(longest, run);
      }
      ASSERT_EQ(rules::window_longest_free(day, next, s, l), longest) << day << " " << next << " " << s;
      ASSERT_LE(count, rules::fullest_window(day, next, l).watches);
    }
    // The bit-parallel test of daily-rest against the windows one by one, for
    // every rest length.
    for (int rest = 0; rest <= 13; ++rest) {
      const rules::DayLimits r{12, 4, 2, rest};
      bool short_somewhere = false;
      for (int s = 0; s < 12; ++s) short_somewhere |= rules::window_longest_free(day, next, s, r) < rest;
      ASSERT_EQ(rules::window_rest_too_short(day, next, r), short_somewhere) << day << " " << next << " " << rest;
    }
  }
}

TEST(UnitTimelineRules, TravelLeavesTimeBetweenPlaces) {
  UnitBuilder b;
  b.days = 2;
  b.people = {person("Ana"), person("Ben"), person("Cy"), person("Dora")};
  Problem p = b.build();
  only(p, {RuleKind::kTravel});
  p.rule(RuleKind::kTravel).enabled = true;  // off unless a scenario names it
  UnitRosterWriter w(p);
  // Ana: on watch at post-1 04:00-06:00 (day 0 slot 11), on guard at rest
  // 06:00-08:00 (day 1 slot 0): no time between them, 1 unit on day 1.
  w.place(0, 0, 0);
  w.place(0, 1, 1);
  w.watch(0, 0, 11, 0);
  w.watch(0, 1, 0, 1);
  // Ben: the same, but on guard from 08:00 (2 h later): kept.
  w.place(1, 0, 0);
  w.place(1, 1, 1);
  w.watch(1, 0, 11, 0);
  w.watch(1, 1, 1, 1);
  // Cy: at rest with a shower there 07:00-07:30 and a guard turn there
  // 06:00-08:00: one place, nothing to travel.
  w.place(2, 0, 1);
  w.watch(2, 0, 0, 1);
  w.shower(2, 0, 2, 1);
  // Dora: on watch at post-1 06:00-08:00, a shower at rest 08:00-08:30 (0 h
  // between: 1 unit), back on watch at post-1 10:00 (1 h 30 after: kept).
  w.place(3, 0, 0);
  w.watch(3, 0, 0, 0);
  w.shower(3, 0, 4, 1);
  w.watch(3, 0, 2, 0);
  const Evaluation ev = evaluate(p, w.roster, true);
  EXPECT_EQ(tally(ev, RuleKind::kTravel).units, 2);
  const auto rows = texts(ev, RuleKind::kTravel);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0],
            "Ana, day 1 (Tue): 04:00-06:00 on watch at post-1, then 06:00-08:00 on guard at rest: 0 h to get there, at "
            "least 1 h needed");
  EXPECT_EQ(rows[1],
            "Dora, day 0 (Mon): 06:00-08:00 on watch at post-1, then 08:00-08:30 shower at rest: 0 h to get there, at "
            "least 1 h needed");
  EXPECT_EQ(spans_of(ev, RuleKind::kTravel), (std::vector<std::pair<int, int>>{{0, 1}, {0, 0}}));
  EXPECT_EQ(incremental(p, w.roster, RuleKind::kTravel), 2);

  // At 2 h 30, Ben's 2 h and Dora's return after 1 h 30 are too short as well.
  p.unit->parameters.travel_minutes = 150;
  const Evaluation longer = evaluate(p, w.roster, true);
  EXPECT_EQ(tally(longer, RuleKind::kTravel).units, 4);
  EXPECT_EQ(incremental(p, w.roster, RuleKind::kTravel), 4);
  // Off, nothing is counted.
  p.rule(RuleKind::kTravel).enabled = false;
  EXPECT_EQ(evaluate(p, w.roster).score.hard, 0);
}

}  // namespace
}  // namespace vigil
