// Places open for part of the horizon (model/problem.h Place; docs/unit-rules.md,
// "Places open for part of the horizon"): every rule that counts per place
// and day, on hand-made 6-day units whose answers are worked out in the
// comments, in the full evaluator and the incremental one alike; the
// precheck's counts per day; and a search that never places anyone at a
// closed post.
//
// The units are test::UnitBuilder's: day 0 a Monday, 06:00 changeover,
// 2-hour watches (12 slots a day, night slots 8-11 from 22:00), rotation
// 2/2/2 (stint blocks [0,1], [2,3], [4,5]), at most 4 watches a day.
#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <string>
#include <vector>

#include "eval/evaluation.h"
#include "eval/unit_evaluator.h"
#include "eval/unit_precheck.h"
#include "solve/solver.h"
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

constexpr int kPost1 = 0, kPost2 = 1, kRest = 2;

// post-1 from day 0, post-2 opening on day 3 (inside the block [2,3]), a
// rest center; `people` people with English.
UnitBuilder dated_builder(int people) {
  UnitBuilder b;
  b.days = 6;
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0},
              {"post-2", PlaceKind::kPost, 8, 2, 0},
              {"rest", PlaceKind::kRestCenter, 70, 1, 2}};
  for (int i = 0; i < people; ++i) b.people.push_back(person("P" + std::to_string(i)));
  return b;
}

Problem dated_unit(int people, int post2_opens = 3) {
  Problem p = dated_builder(people).build();
  p.places[kPost2].open_day = post2_opens;
  if (auto err = p.validate()) ADD_FAILURE() << *err;
  return p;
}


// The units of `rule` in the full evaluation, checked against the
// incremental evaluator's amount for the same roster.
std::int64_t units(const Problem& p, const Roster& r, RuleKind rule) {
  const Evaluation full = evaluate(p, r);
  const UnitEvaluator inc(p, r);
  EXPECT_EQ(inc.rule_amounts()[static_cast<int>(rule)], full.rules[static_cast<int>(rule)].units) << rule_name(rule);
  return full.rules[static_cast<int>(rule)].units;
}

// ---- watch-cover ----------------------------------------------------------------

TEST(PlaceDates, WatchCoverCountsAPostOnlyFromTheDayItOpens) {
  Problem p = dated_unit(1);
  only(p, {RuleKind::kWatchCover});
  // Nobody on watch: post-1 misses 2 in each slot of 6 days (144), post-2
  // only on days 3-5 (3 x 12 x 2 = 72, not 144), the rest center 1 in each
  // slot (72): 288.
  EXPECT_EQ(units(p, Roster(p), RuleKind::kWatchCover), 288);
  // Open from day 0 it would miss 144 at post-2: 360.
  Problem open = dated_unit(1, 0);
  only(open, {RuleKind::kWatchCover});
  EXPECT_EQ(units(open, Roster(open), RuleKind::kWatchCover), 360);
  // A watch at post-2 on day 1 is a unit more, and says the post is closed;
  // one on day 3 is a unit less.
  UnitRosterWriter w(p);
  w.place(0, 1, kPost2);
  w.watch(0, 1, 0, kPost2);
  w.place(0, 3, kPost2);
  w.watch(0, 3, 0, kPost2);
  EXPECT_EQ(units(p, w.roster, RuleKind::kWatchCover), 288);
  const Evaluation ev = evaluate(p, w.roster, true);
  const auto t = texts(ev, RuleKind::kWatchCover);
  EXPECT_NE(std::find(t.begin(), t.end(), "post-2, day 1 (Tue) 06:00-08:00: 1 on watch (P0) while it is closed"), t.end());
  EXPECT_NE(std::find(t.begin(), t.end(), "post-2, day 3 (Thu) 06:00-08:00: 1 on watch, 2 needed"), t.end());
}

TEST(PlaceDates, WatchCoverNeedsNothingOfAPostAfterItCloses) {
  Problem p = dated_unit(1, 0);
  p.places[kPost1].close_day = 4;
  only(p, {RuleKind::kWatchCover});
  // post-1 days 0-3 (96), post-2 all days (144), rest (72): 312.
  EXPECT_EQ(units(p, Roster(p), RuleKind::kWatchCover), 312);
}

// ---- beds ---------------------------------------------------------------------------

TEST(PlaceDates, BedsAreNoneWhileClosedAndChangeFromTheirDay) {
  Problem p = dated_unit(3);
  p.places[kPost2].capacity = 3;
  p.places[kPost2].beds_changes = {{5, 2}};
  p.places[kRest].beds_changes = {{4, 1}};
  only(p, {RuleKind::kBeds});
  UnitRosterWriter w(p);
  for (int q = 0; q < 3; ++q) w.place_days(q, 2, 5, kPost2);
  for (int q = 0; q < 2; ++q) w.place_days(q, 0, 1, kRest);
  // post-2: day 2 closed, 3 placed (3); days 3-4 3 of 3 beds; day 5 3 of 2
  // (1). rest: 2 of 70 on days 0-1 (its change to 1 bed acts from day 4). 4 in all.
  EXPECT_EQ(units(p, w.roster, RuleKind::kBeds), 4);
  const Evaluation ev = evaluate(p, w.roster, true);
  EXPECT_EQ(texts(ev, RuleKind::kBeds),
            (std::vector<std::string>{"post-2, day 2 (Wed): 3 people placed (P0, P1, P2) while it is closed",
                                      "post-2, day 5 (Sat): 3 people placed (P0, P1, P2), 2 beds"}));
  // Two at the rest center on day 4 are one beyond its bed from then.
  for (int q = 0; q < 2; ++q) w.place(q, 4, kRest);
  // (post-2 on day 4 now holds P2 alone.) 3 + 1 + the rest center's 1 over: 5.
  EXPECT_EQ(units(p, w.roster, RuleKind::kBeds), 5);
}

// ---- team -------------------------------------------------------------------------

TEST(PlaceDates, TeamsOnlyForTheBlocksAndDaysAPostIsOpen) {
  UnitBuilder b = dated_builder(2);
  b.people[0].experience = Experience::kVeteran;
  b.setup.parameters.team_needs = {{TeamNeed::Kind::kExperience, 2, 1, "a veteran"}};
  Problem p = b.build();
  p.places[kPost2].open_day = 3;
  p.places[kPost1].close_day = 4;
  ASSERT_FALSE(p.validate());
  only(p, {RuleKind::kTeam});
  // Nobody placed: post-1 has teams in blocks [0,1] and [2,3] (closed in
  // [4,5]), post-2 in [2,3] (day 3 only) and [4,5]: 4 units.
  EXPECT_EQ(units(p, Roster(p), RuleKind::kTeam), 4);
  UnitRosterWriter w(p);
  // The veteran at post-2 on day 2, before it opens: no member of its team.
  w.place(0, 2, kPost2);
  EXPECT_EQ(units(p, w.roster, RuleKind::kTeam), 4);
  const Evaluation ev = evaluate(p, w.roster, true);
  EXPECT_EQ(texts(ev, RuleKind::kTeam)[2],
            "post-2, day 3 (Thu): nobody is placed there, 1 veteran needed; no veteran is free at a rest center");
  // On day 3 the veteran is its team.
  w.place(0, 3, kPost2);
  EXPECT_EQ(units(p, w.roster, RuleKind::kTeam), 3);
  // At post-1 on days 4-5, after it closed: still no team there to meet.
  w.place_days(1, 4, 5, kPost1);
  EXPECT_EQ(units(p, w.roster, RuleKind::kTeam), 3);
}

// ---- rotation ----------------------------------------------------------------------

// Lines of places day by day: '1' post-1, '2' post-2, 'R' the rest center.
Roster lines(const Problem& p, const std::vector<std::string>& codes) {
  UnitRosterWriter w(p);
  for (std::size_t q = 0; q < codes.size(); ++q)
    for (int d = 0; d < static_cast<int>(codes[q].size()); ++d) {
      const char c = codes[q][static_cast<std::size_t>(d)];
      w.place(static_cast<int>(q), d, c == '1' ? kPost1 : c == '2' ? kPost2 : kRest);
    }
  return w.roster;
}

TEST(PlaceDates, TheRotationExcusesWhatAPostOpeningOrClosingBreaks) {
  Problem p = dated_unit(3);
  p.places[kPost1].close_day = 5;  // inside the block [4,5]
  ASSERT_FALSE(p.validate());
  only(p, {RuleKind::kRotation});
  // P0 11R222: the 1-day rest before post-2's first day is excused (it lies
  //   next to the day it opens); the post run 3-5 crosses the boundary at
  //   day 4: 1 unit.
  // P1 RR1 2RR: moving from post-1 to post-2 on the day it opens is excused: 0.
  // P2 RRRR1R: 4 days of rest (2 over), then a 1-day stint at post-1 the
  //   day before it closes, excused: 2 units.
  const Roster r = lines(p, {"11R222", "RR12RR", "RRRR1R"});
  EXPECT_EQ(units(p, r, RuleKind::kRotation), 3);
  // The same lines with both posts open throughout: P0 1 more (the short
  // rest), P1 1 more (a change of post within a stint), P2 1 more (the short
  // stint): 6.
  Problem open = dated_unit(3, 0);
  only(open, {RuleKind::kRotation});
  EXPECT_EQ(units(open, lines(open, {"11R222", "RR12RR", "RRRR1R"}), RuleKind::kRotation), 6);
}

// ---- personal requests and spreads --------------------------------------------------

TEST(PlaceDates, APostRequestCountsOnlyWhileItsPostIsOpen) {
  Problem p = dated_unit(1);
  only(p, {RuleKind::kPersonalRequests});
  p.unit->requests.push_back({PersonalRequest::Kind::kPost, PersonId(0), 0, PlaceId(kPost2), 0, INT_MAX, {}, 3});
  UnitRosterWriter w(p);
  w.place_days(0, 0, 5, kPost1);
  // At post-1 every day, asked for post-2: days 3-5 only, 3 x weight 3.
  const Evaluation ev = evaluate(p, w.roster);
  EXPECT_EQ(tally(ev, RuleKind::kPersonalRequests).units, 3);
  EXPECT_EQ(tally(ev, RuleKind::kPersonalRequests).cost, 9);
  EXPECT_EQ(UnitEvaluator(p, w.roster).rule_amounts()[static_cast<int>(RuleKind::kPersonalRequests)], 9);
}

TEST(PlaceDates, SpreadDemandCountsEachPlaceOnItsOpenDays) {
  Problem p = dated_unit(1);
  only(p, {RuleKind::kNightSpread, RuleKind::kHoursSpread});
  // One person present all 6 days, no watches. Watches needed: post-1 6 x 12
  // x 2 = 144, post-2 3 x 12 x 2 = 72, rest 6 x 12 = 72: 288, so 288^2.
  // Night (4 slots a day): 48 + 24 + 24 = 96, so 96^2.
  EXPECT_EQ(units(p, Roster(p), RuleKind::kHoursSpread), 288 * 288);
  EXPECT_EQ(units(p, Roster(p), RuleKind::kNightSpread), 96 * 96);
}

// ---- the precheck ------------------------------------------------------------------

TEST(PlaceDates, ThePrecheckCountsTheWatchesOfTheDaysEachPostIsOpen) {
  // A post's 24 watches need 6 people a day (4 watches each at most), the
  // rest center's 12 need 3: 9 a day on days 0-2, 15 from day 3. With 12
  // people present, days 3-5 are 3 short; days 0-2 are not.
  const std::vector<Finding> f = precheck_unit(dated_unit(12));
  std::vector<std::string> cover;
  for (const Finding& x : f)
    if (x.rule == RuleKind::kWatchCover) cover.push_back(x.text);
  EXPECT_EQ(cover, (std::vector<std::string>{"days 3-5: 12 people are present but the watches need at least 15 (3 short)"}));
}

TEST(PlaceDates, ThePrecheckCountsTeamsOfThePostsOpenInEachBlock) {
  // One veteran among 20 people: block [0,1] has one post to lead, [2,3]
  // and [4,5] two (post-2 opens on day 3): 5 teams. The veteran leads at
  // most 3 of them for nothing broken (a day a post opens under someone
  // excuses a move or a short stint on it; the proof gives that excuse to
  // anyone at a post that day), so every plan breaks at least 2.
  UnitBuilder b = dated_builder(20);
  b.people[0].experience = Experience::kVeteran;
  b.setup.parameters.team_needs = {{TeamNeed::Kind::kExperience, 2, 1, "a veteran"}};
  Problem p = b.build();
  p.places[kPost2].open_day = 3;
  std::vector<std::string> team;
  for (const Finding& x : precheck_unit(p))
    if (x.rule == RuleKind::kTeam) team.push_back(x.text);
  EXPECT_EQ(team, (std::vector<std::string>{
                      "days 0-5: post teams need 5 veterans in all; 1 is present: every plan breaks at least 2 hard "
                      "units there (team members missing, or stints broken to fill them)"}));
}

// ---- the search ----------------------------------------------------------------------

TEST(PlaceDates, ASolveNeverPlacesAnyoneAtAClosedPostAndMansItWhileOpen) {
  Problem p = dated_unit(24);
  p.places[kPost1].close_day = 5;
  ASSERT_FALSE(p.validate());
  SolveOptions o;
  o.work_limit = 300'000;
  o.time_limit_seconds = 1e6;
  const SolveResult r = solve(p, o);
  const UnitLayout L = make_unit_layout(p);
  std::vector<int> at_post2(static_cast<std::size_t>(p.days()), 0);
  for (int q = 0; q < p.person_count(); ++q)
    for (int d = 0; d < p.days(); ++d) {
      const ShiftCode stay = r.roster.at(q, d, UnitLayout::kPlacementLane);
      if (stay >= 0) {
        EXPECT_TRUE(p.places[L.place_of[stay]].open_on(d)) << "person " << q << " day " << d;
        if (L.place_of[stay] == kPost2) ++at_post2[static_cast<std::size_t>(d)];
      }
      for (int s = 0; s < L.watch_slots; ++s) {
        const ShiftCode w = r.roster.at(q, d, L.watch_lane(s));
        if (w >= 0) {
          EXPECT_TRUE(p.places[L.place_of[w]].open_on(d)) << "person " << q << " day " << d;
        }
      }
    }
  // post-2 has a team on every day it is open (at least the 6 its watches need).
  EXPECT_EQ(at_post2[0] + at_post2[1] + at_post2[2], 0);
  for (int d = 3; d < p.days(); ++d) EXPECT_GE(at_post2[static_cast<std::size_t>(d)], 6) << "day " << d;
}

}  // namespace
}  // namespace vigil
