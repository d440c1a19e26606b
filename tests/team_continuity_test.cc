// The team-continuity wish (docs/unit-rules.md, rules/unit_team_continuity.h)
// on hand-made units whose answers are worked out in the comments, in both
// evaluators, and the plan measures beside it (eval/unit_measures.h): teams
// going on whole, the longest watch run across days, the shortest rest in
// any 24 hours. The random-move oracle walks (unit_incremental_test.cc)
// cover the wish too, since it is on by default.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "eval/evaluation.h"
#include "eval/unit_evaluator.h"
#include "eval/unit_measures.h"
#include "io/scenario_reader.h"
#include "base/files.h"
#include "test_support.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

using test::person;
using test::tally;
using test::texts;
using test::UnitBuilder;
using test::UnitRosterWriter;

constexpr auto kNative = LanguageLevel::kNative;

// Places a person day by day: 'P', 'Q', 'S' the posts, 'R' the rest center.
void line(UnitRosterWriter& w, int p, const std::string& codes) {
  static const std::map<char, int> legend = {{'P', 0}, {'Q', 1}, {'S', 2}, {'R', 3}};
  for (int d = 0; d < static_cast<int>(codes.size()); ++d) w.place(p, d, legend.at(codes[static_cast<std::size_t>(d)]));
}

// Eight days (Mon-Mon), three posts and a rest center, rotation 2/2/2: a
// member's next post stint is looked for on the 3 days after a block.
Problem squads() {
  UnitBuilder b;
  b.days = 8;
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0},
              {"post-2", PlaceKind::kPost, 8, 2, 0},
              {"post-3", PlaceKind::kPost, 8, 2, 0},
              {"rest", PlaceKind::kRestCenter, 70, 1, 2}};
  b.people = {person("Ana Lima", {{"pt", kNative}}),    person("Jan Nowak", {{"pl", kNative}}),
              person("Olena Bondar", {{"uk", kNative}}), person("Diego Ruiz", {{"es", kNative}}),
              person("Eva Berg", {{"pl", kNative}}),     person("Femi Ade", {{"uk", kNative}})};
  Problem p = b.build();
  test::only(p, {RuleKind::kTeamContinuity});
  return p;
}

Roster squads_plan(const Problem& p, const std::string& olena) {
  UnitRosterWriter w(p);
  line(w, 0, "PPRRQQRR");  // Ana:   post-1 days 0-1, post-2 days 4-5
  line(w, 1, "PPRRQQRR");  // Jan:   the same
  line(w, 2, olena);       // Olena: post-1 days 0-1, then as the test says
  line(w, 3, "PPRRRRRP");  // Diego: rests 5 days, back on day 7: beyond reach, not counted
  line(w, 4, "RRPPRRPP");  // Eva:   post-1 days 2-3 and 6-7
  line(w, 5, "RRPPRRQQ");  // Femi:  post-1 days 2-3, post-2 days 6-7
  return w.roster;
}

TEST(TeamContinuity, MembersApartFromTheLargestGroupGoingOnCountOneEach) {
  const Problem p = squads();
  const Roster r = squads_plan(p, "PPRRSSRR");
  const Evaluation ev = evaluate(p, r, true);
  // post-1 days 0-1 {Ana, Jan, Olena, Diego}: Ana and Jan go on to post-2,
  // Olena to post-3, Diego nowhere within reach: 3 go on, 2 together: 1.
  // post-1 days 2-3 {Eva, Femi}: Eva to post-1, Femi to post-2: 2 go on,
  // the largest group 1: 1. post-2 days 4-5 {Ana, Jan} and post-3 days 4-5
  // {Olena}: nobody has a next stint within the horizon. Blocks of days
  // 6-7: the horizon ends. Total 2 in 2 matches.
  EXPECT_EQ(tally(ev, RuleKind::kTeamContinuity).units, 2);
  EXPECT_EQ(tally(ev, RuleKind::kTeamContinuity).matches, 2);
  EXPECT_EQ(ev.score.soft, 2);
  const auto t = texts(ev, RuleKind::kTeamContinuity);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0],
            "post-1, days 0-1: its team splits at the next stint: 2 go on together to post-2 (from day 4 (Fri)); "
            "apart from them: Olena Bondar (post-3)");
  EXPECT_EQ(t[1], "post-1, days 2-3: its team scatters at the next stint: Eva Berg (post-1); Femi Ade (post-2)");

  // The incremental evaluator counts the same, from scratch and after moves.
  UnitEvaluator inc(p, r);
  EXPECT_EQ(inc.rule_amounts()[static_cast<int>(RuleKind::kTeamContinuity)], 2);
  EXPECT_EQ(inc.recount()[static_cast<int>(RuleKind::kTeamContinuity)], 2);
}

TEST(TeamContinuity, ATeamGoingOnWholeToAnyOnePostCostsNothing) {
  const Problem p = squads();
  // Olena goes on with Ana and Jan to post-2: post-1's days 0-1 team goes on
  // whole (to another post, which is fine); only Eva and Femi split.
  const Evaluation ev = evaluate(p, squads_plan(p, "PPRRQQRR"), false);
  EXPECT_EQ(tally(ev, RuleKind::kTeamContinuity).units, 1);
  const UnitMeasures m = unit_measures(p, squads_plan(p, "PPRRQQRR"));
  EXPECT_EQ(m.teams, 2);  // the two teams with two or more going on
  EXPECT_EQ(m.teams_whole, 1);
  EXPECT_EQ(unit_measures(p, squads_plan(p, "PPRRSSRR")).teams_whole, 0);
}

TEST(TeamContinuity, TheIncrementalDeltaOfAMoveIsTheFullEvaluationsDifference) {
  const Problem p = squads();
  const Roster before = squads_plan(p, "PPRRSSRR");
  UnitEvaluator inc(p, before);
  const UnitLayout& L = inc.layout();
  // Olena moves from post-3 to post-2 on days 4-5 (a change after the team's
  // block, priced through the team of days 0-1), then Femi from post-2 to
  // post-1 on days 6-7, then Diego comes back on day 4 instead of day 7
  // (within reach: now counted).
  const std::vector<std::vector<CellChange>> moves = {
      {{2, 4, UnitLayout::kPlacementLane, L.stay_shift[1]}, {2, 5, UnitLayout::kPlacementLane, L.stay_shift[1]}},
      {{5, 6, UnitLayout::kPlacementLane, L.stay_shift[0]}, {5, 7, UnitLayout::kPlacementLane, L.stay_shift[0]}},
      {{3, 4, UnitLayout::kPlacementLane, L.stay_shift[2]}, {3, 5, UnitLayout::kPlacementLane, L.stay_shift[2]}}};
  const std::vector<int> expected = {1, 0, 1};  // Diego alone at post-3: 1 apart from the 3 at post-2
  for (std::size_t i = 0; i < moves.size(); ++i) {
    inc.apply(moves[i].data(), static_cast<int>(moves[i].size()));
    const Evaluation full = evaluate(p, inc.roster(), false);
    EXPECT_EQ(tally(full, RuleKind::kTeamContinuity).units, expected[i]) << "move " << i;
    EXPECT_EQ(inc.rule_amounts()[static_cast<int>(RuleKind::kTeamContinuity)], expected[i]) << "move " << i;
    EXPECT_EQ(inc.score(), full.score) << "move " << i;
  }
}

TEST(TeamContinuity, TheWeightPricesEachUnit) {
  Problem p = squads();
  p.rule(RuleKind::kTeamContinuity).weight = 7;
  const Evaluation ev = evaluate(p, squads_plan(p, "PPRRSSRR"), false);
  EXPECT_EQ(tally(ev, RuleKind::kTeamContinuity).cost, 14);
  EXPECT_EQ(ev.score.soft, 14);
}

// Off until a scenario names it; naming it (with a weight, or enabled: true)
// switches it on, and enabled: false keeps it off.
TEST(TeamContinuity, OffUntilAScenarioNamesIt) {
  const auto text = read_text_file(std::string(VIGIL_SOURCE_DIR) + "/examples/unit-64.yaml");
  ASSERT_TRUE(text.has_value());
  // The scenario with `line` added at the end of its rules (before requests).
  auto with = [&](const std::string& line) {
    const std::size_t at = text->find("\nrequests:\n") + 1;
    return parse_scenario(text->substr(0, at) + line + text->substr(at), "unit.yaml");
  };
  auto plain = parse_scenario(*text, "unit.yaml");
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->rule(RuleKind::kTeamContinuity).enabled);
  auto weighted = with("  team-continuity: {weight: 4}\n");
  ASSERT_TRUE(weighted) << weighted.error().headline();
  EXPECT_TRUE(weighted->rule(RuleKind::kTeamContinuity).enabled);
  EXPECT_FALSE(weighted->rule(RuleKind::kTeamContinuity).hard);
  EXPECT_EQ(weighted->rule(RuleKind::kTeamContinuity).weight, 4);
  auto off = with("  team-continuity: {enabled: false, weight: 4}\n");
  ASSERT_TRUE(off);
  EXPECT_FALSE(off->rule(RuleKind::kTeamContinuity).enabled);
}

// The measures that do not stop at the changeover: a person on watch on
// day 0 from 02:00 to 06:00 (slots 10, 11) and on day 1 from 06:00 to 10:00
// (slots 0, 1) stands 8 h in a row; their longest rest in the 24 h from day
// 0 16:00 (slot 5) is 10 h (16:00-02:00), and in no window shorter.
TEST(UnitMeasures, ALongestRunAcrossTheChangeoverAndTheShortestRestInAny24Hours) {
  UnitBuilder b;
  b.days = 2;
  b.people = {person("Ana Lima", {{"pt", kNative}})};
  const Problem p = b.build();
  UnitRosterWriter w(p);
  w.place(0, 0, 0);
  w.place(0, 1, 0);
  w.watches(0, 0, {10, 11}, 0);
  w.watches(0, 1, {0, 1}, 0);
  const UnitMeasures m = unit_measures(p, w.roster);
  EXPECT_EQ(m.longest_watch_run_minutes, 8 * 60);
  // Windows start at each slot of day 0 (the 24 h from day 1's slots run past
  // the horizon). From 06:00 on day 0 the rest is 06:00-02:00 = 20 h; the
  // window from 16:00 (slot 5) holds 16:00-02:00 (10 h), 02:00-10:00 on
  // watch, 10:00-16:00 (6 h): 10 h. From 18:00 (slot 6): 8 h before, 8 h
  // after (10:00-18:00): 8 h, the least.
  EXPECT_EQ(m.shortest_daily_rest_minutes, 8 * 60);
}

}  // namespace
}  // namespace vigil
