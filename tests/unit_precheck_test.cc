// The pre-solve impossibility check on small hand-made units whose counts are
// worked out in the comments, and on generated units that must pass clean.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string>
#include <vector>

#include "eval/rules/day_limits.h"
#include "eval/unit_precheck.h"
#include "solve/unit_generator.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

using test::person;
using test::UnitBuilder;
using test::UnitPlaceSpec;

constexpr int kDay = 24 * 60;

std::vector<std::string> texts(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.text);
  return out;
}

std::vector<Finding> of_rule(const std::vector<Finding>& findings, RuleKind rule) {
  std::vector<Finding> out;
  for (const Finding& f : findings)
    if (f.rule == rule) out.push_back(f);
  return out;
}

// The per-day counts (which prove a shortfall of people, not of units).
std::vector<Finding> day_counts(const std::vector<Finding>& findings) {
  std::vector<Finding> out;
  for (const Finding& f : findings)
    if (f.bound == 0) out.push_back(f);
  return out;
}

// n people speaking uk and en, trained unless said otherwise.
void add_people(UnitBuilder& b, int n, const std::string& prefix, Experience e = Experience::kTrained,
                std::vector<std::string> skills = {}) {
  for (int i = 0; i < n; ++i)
    b.people.push_back(person(prefix + std::to_string(i + 1), {{"uk", LanguageLevel::kNative}, {"en", LanguageLevel::kBasic}},
                              e, skills));
}

// The reference layout: 4 posts of 8 beds with 2 watchers, a rest center of
// 70 beds with a guard and 2 showers; the team needs of the brief.
UnitBuilder reference_layout(int days) {
  UnitBuilder b;
  b.days = days;
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0},
              {"post-2", PlaceKind::kPost, 8, 2, 0},
              {"post-3", PlaceKind::kPost, 8, 2, 0},
              {"post-4", PlaceKind::kPost, 8, 2, 0},
              {"rest", PlaceKind::kRestCenter, 70, 1, 2}};
  b.setup.parameters.team_needs = {
      TeamNeed{TeamNeed::Kind::kExperience, static_cast<int>(Experience::kVeteran), 1, "a veteran"},
      TeamNeed{TeamNeed::Kind::kSkill, 0, 1, "a medic"},
      TeamNeed{TeamNeed::Kind::kLanguage, 0, 1, "a Ukrainian speaker"},
  };
  return b;
}

TEST(UnitPrecheck, TooFewVeteransForEveryOtherStint) {
  UnitBuilder b = reference_layout(14);
  // 64 people: 4 veterans, one of them wounded on days 10-11; 8 medics.
  add_people(b, 52, "Trained");
  add_people(b, 8, "Medic", Experience::kTrained, {"medic"});
  add_people(b, 3, "Veteran", Experience::kVeteran);
  b.people.push_back(person("Wounded", {{"uk", LanguageLevel::kNative}}, Experience::kVeteran, {},
                            {Absence{10 * kDay, 12 * kDay, "wounded"}}));
  const std::vector<Finding> findings = precheck_unit(b.build());
  // 4 posts need 8 veterans over two stints; each veteran is on one team in
  // two stints (a second one breaks the rotation). The 8 medics are enough.
  ASSERT_EQ(findings.size(), 1u) << testing::PrintToString(texts(findings));
  EXPECT_EQ(findings[0].rule, RuleKind::kTeam);
  EXPECT_EQ(findings[0].text,
            "days 2-13: post teams need 8 veterans over any two consecutive stints; 4 are present: every plan breaks "
            "at least 12 hard units there (team members missing, or stints broken to fill them), 4 in each pair of "
            "stints");
  EXPECT_EQ(findings[0].bound, 12);
  EXPECT_EQ(findings[0].first_day, 2);
  EXPECT_EQ(findings[0].last_day, 13);
}

TEST(UnitPrecheck, TeamNeedsCountPerBlockAndGroupEqualBlocks) {
  UnitBuilder b = reference_layout(6);
  // One medic and no Ukrainian speakers at all: every block is short.
  for (int i = 0; i < 30; ++i)
    b.people.push_back(person("En" + std::to_string(i + 1), {{"en", LanguageLevel::kNative}}, Experience::kVeteran));
  b.people.push_back(person("Medic", {{"en", LanguageLevel::kNative}}, Experience::kVeteran, {"medic"}));
  const auto team = of_rule(precheck_unit(b.build()), RuleKind::kTeam);
  ASSERT_EQ(team.size(), 2u);
  // 12 teams in 3 stints; the medic is on 2 of them for nothing broken.
  EXPECT_EQ(team[0].text,
            "days 0-5: post teams need 12 medics in all; 1 is present: every plan breaks at least 10 hard units there "
            "(team members missing, or stints broken to fill them)");
  EXPECT_EQ(team[0].bound, 10);
  EXPECT_EQ(team[1].text,
            "days 0-5: post teams need 4 Ukrainian speakers in each stint; 0 are present: every plan breaks at least "
            "12 hard units there (team members missing, or stints broken to fill them), 4 in each stint");
  EXPECT_EQ(team[1].bound, 12);
}

TEST(UnitPrecheck, TooFewBeds) {
  UnitBuilder b;
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0}, {"rest", PlaceKind::kRestCenter, 10, 1, 2}};
  add_people(b, 20, "P");
  const std::vector<Finding> findings = precheck_unit(b.build());
  // 20 people, 8 + 10 beds, every day of the 4.
  ASSERT_EQ(findings.size(), 1u) << testing::PrintToString(texts(findings));
  EXPECT_EQ(findings[0].rule, RuleKind::kBeds);
  EXPECT_EQ(findings[0].text, "days 0-3: 20 people are present but there are only 18 beds (2 short)");
  EXPECT_EQ(findings[0].shortfall, 2);
  EXPECT_EQ(findings[0].first_day, 0);
  EXPECT_EQ(findings[0].last_day, 3);
}

TEST(UnitPrecheck, TooFewPeopleForTheWatches) {
  UnitBuilder b;  // post-1 (2 watchers) and a rest center (1 guard)
  add_people(b, 7, "P");
  b.people.push_back(person("Away", {{"uk", LanguageLevel::kNative}}, Experience::kTrained, {},
                            {Absence{2 * kDay, 3 * kDay, "leave"}}));
  const std::vector<Finding> findings = precheck_unit(b.build());
  // A person stands at most 4 watches a day (8 h): the post's 24 watches need
  // 6 people, the guard's 12 need 3, so 9 people a day.
  EXPECT_EQ(texts(findings), (std::vector<std::string>{
                                 "days 0-1: 8 people are present but the watches need at least 9 (1 short)",
                                 "day 2: 7 people are present but the watches need at least 9 (2 short)",
                                 "day 3: 8 people are present but the watches need at least 9 (1 short)",
                             }));
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[1].rule, RuleKind::kWatchCover);
  EXPECT_EQ(findings[1].shortfall, 2);
  EXPECT_EQ(findings[1].first_day, 2);
  EXPECT_EQ(findings[1].last_day, 2);
}

TEST(UnitPrecheck, DaysWithNoOneThere) {
  UnitBuilder b;
  b.days = 3;
  b.people.push_back(person("Late", {{"en", LanguageLevel::kNative}}, Experience::kTrained, {},
                            {Absence{0, 2 * kDay, "training"}}));
  const auto watch = day_counts(of_rule(precheck_unit(b.build()), RuleKind::kWatchCover));
  ASSERT_EQ(watch.size(), 2u);
  EXPECT_EQ(watch[0].text, "days 0-1: no one is present but the watches need at least 9 (9 short)");
  EXPECT_EQ(watch[1].text, "day 2: 1 person is present but the watches need at least 9 (8 short)");
}

TEST(UnitPrecheck, TooFewExperiencedPeopleToPairTheNovices) {
  UnitBuilder b;
  add_people(b, 10, "Novice", Experience::kNone);
  add_people(b, 2, "Trained");
  const auto novice = day_counts(of_rule(precheck_unit(b.build()), RuleKind::kNovicePair));
  // Every post slot needs one experienced watcher: 12 a day, at most 4 each.
  ASSERT_EQ(novice.size(), 1u);
  EXPECT_EQ(novice[0].text,
            "days 0-3: 2 experienced people are present but the watches need at least 3 so that no two novices "
            "watch together (1 short)");
  EXPECT_EQ(novice[0].shortfall, 1);
}

TEST(UnitPrecheck, PostWithFewerBedsThanItsWatchesNeed) {
  UnitBuilder b;
  b.places = {{"post-1", PlaceKind::kPost, 5, 2, 0},
              {"post-2", PlaceKind::kPost, 2, 3, 0},
              {"rest", PlaceKind::kRestCenter, 70, 1, 2}};
  add_people(b, 30, "P");
  const auto watch = of_rule(precheck_unit(b.build()), RuleKind::kWatchCover);
  ASSERT_EQ(watch.size(), 2u);
  EXPECT_EQ(watch[0].text, "post-1: its watches need at least 6 people a day but it has only 5 beds (1 short)");
  EXPECT_EQ(watch[0].place, 0);
  EXPECT_EQ(watch[0].first_day, -1);
  // 3 watchers x 12 slots / 4 watches = 9 people.
  EXPECT_EQ(watch[1].text, "post-2: its watches need at least 9 people a day but it has only 2 beds (7 short)");
  EXPECT_EQ(watch[1].shortfall, 7);
}

TEST(UnitPrecheck, WatchLimitsThatLeaveNoWatch) {
  UnitBuilder b;
  add_people(b, 12, "P");
  b.setup.parameters.max_watch_minutes = 60;
  const auto findings = precheck_unit(b.build());
  // 2 x 12 post watches and 12 guard turns a day go uncovered.
  ASSERT_EQ(findings.size(), 1u) << testing::PrintToString(texts(findings));
  EXPECT_EQ(findings[0].text,
            "no one can stand a watch: a watch lasts 2 h but a person may watch at most 1 h a day (36 watches a day "
            "short)");
  EXPECT_EQ(findings[0].shortfall, 36);

  b.setup.parameters.max_watch_minutes = 480;
  b.setup.parameters.min_rest_minutes = 23 * 60;
  EXPECT_EQ(texts(precheck_unit(b.build())),
            std::vector<std::string>{
                "no one can stand a watch: a 2 h watch does not fit beside an unbroken rest of 23 h in a day (36 "
                "watches a day short)"});

  b.setup.parameters.min_rest_minutes = 25 * 60;
  const auto rest = precheck_unit(b.build());
  ASSERT_EQ(rest.size(), 1u) << testing::PrintToString(texts(rest));
  EXPECT_EQ(rest[0].rule, RuleKind::kDailyRest);
  EXPECT_EQ(rest[0].text, "the daily rest of 25 h is longer than a day (1 h over): no one present can be placed");
  EXPECT_EQ(rest[0].shortfall, 60);
}

TEST(UnitPrecheck, MaxWatchesPerDayFollowsTheHardLimits) {
  UnitBuilder b;
  b.people = {person("Ana")};
  EXPECT_EQ(max_watches_per_day(b.build()), 4);  // 8 h of 2-hour watches
  b.setup.parameters.max_watch_minutes = 24 * 60;
  // At most 2 in a row and 3 free slots in a row somewhere: WW.WW...WW.W
  EXPECT_EQ(max_watches_per_day(b.build()), 7);
  b.setup.parameters.min_rest_minutes = 0;
  EXPECT_EQ(max_watches_per_day(b.build()), 8);  // WW.WW.WW.WW.
  Problem p = b.build();
  p.rule(RuleKind::kWatchesInRow).hard = false;
  EXPECT_EQ(max_watches_per_day(p), 12);
}

// The precheck's search over a day's slots against the limits' one
// definition, on every day of watches there is (12, 16, 8 and 6 slots).
TEST(UnitPrecheck, MaxWatchesPerDayIsTheMostAnyDayKeepingTheLimitsHolds) {
  for (const int watch_minutes : {120, 90, 180, 240})
    for (const int in_row : {1, 2, 3})
      for (const int rest_minutes : {0, 180, 360, 600})
        for (const int watch_hours : {4, 8, 12, 24}) {
          UnitBuilder b;
          b.people = {person("Ana")};
          b.setup.watch_minutes = watch_minutes;
          b.setup.parameters.max_watches_in_row = in_row;
          b.setup.parameters.min_rest_minutes = rest_minutes;
          b.setup.parameters.max_watch_minutes = watch_hours * 60;
          const Problem p = b.build();
          const int slots = kDay / watch_minutes;
          const rules::DayLimits lim = rules::day_limits(p.unit->parameters, watch_minutes, slots);
          int most = 0;
          for (std::uint64_t mask = 0; mask < (std::uint64_t{1} << slots); ++mask)
            if (rules::keeps_day_limits(mask, lim)) most = std::max(most, std::popcount(mask));
          EXPECT_EQ(max_watches_per_day(p), most)
              << watch_minutes << " min watches, " << in_row << " in a row, rest " << rest_minutes << " min, "
              << watch_hours << " h";
        }
}

TEST(UnitPrecheck, MorePeopleThanThePostsCanRotate) {
  UnitBuilder b;  // one post of 8 beds, rest at most 2 days in a row
  b.days = 10;
  add_people(b, 20, "P");
  const auto findings = precheck_unit(b.build());
  // Days 2-5 and 4-7 (with the day before and after inside the horizon): each
  // of the 20 present throughout needs a 2-day stint at the post, which holds 8
  // a stint, 16 in two stints.
  ASSERT_EQ(findings.size(), 1u) << testing::PrintToString(texts(findings));
  EXPECT_EQ(findings[0].rule, RuleKind::kRotation);
  EXPECT_EQ(findings[0].text,
            "days 2-7: in every 4 days, 20 people are present throughout, each needs a 2-day post stint in those days "
            "(at most 2 rest days in a row), but the posts hold 8 a stint, 16 in all (4 short)");
  EXPECT_EQ(findings[0].shortfall, 4);
  EXPECT_EQ(findings[0].first_day, 2);
  EXPECT_EQ(findings[0].last_day, 7);

  // Resting up to 4 days makes room: 3 stints in 6 days hold 24.
  b.setup.rotation.max_rest_days = 4;
  EXPECT_TRUE(of_rule(precheck_unit(b.build()), RuleKind::kRotation).empty());
}

TEST(UnitPrecheck, TooFewShowerSlotsForTheRestStints) {
  UnitBuilder b;
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0}, {"rest", PlaceKind::kRestCenter, 70, 1, 1}};
  b.setup.shower_until_clock = 8 * 60;  // one shower, 4 slots a day
  add_people(b, 30, "P");
  const auto findings = precheck_unit(b.build());
  // 22 people rest each day; a rest stint lasts at most 2 days, so its
  // shower falls within a day of it: 3 days (2 at the edges) of 4 slots.
  EXPECT_EQ(texts(findings),
            (std::vector<std::string>{
                "day 0: at least 22 people must be at a rest center, each with a shower in a rest of at most 2 days, "
                "but days 0-1 offer only 8 shower slots (14 short)",
                "days 1-2: each day at least 22 people must be at a rest center, each with a shower in a rest of at "
                "most 2 days, but the 3 days around offer only 12 shower slots (10 short)",
                "day 3: at least 22 people must be at a rest center, each with a shower in a rest of at most 2 days, "
                "but days 2-3 offer only 8 shower slots (14 short)",
            }));
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].rule, RuleKind::kShowers);
  EXPECT_EQ(findings[1].shortfall, 10);
}

TEST(UnitPrecheck, SoftOrDisabledRulesProveNothing) {
  UnitBuilder b;
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0}, {"rest", PlaceKind::kRestCenter, 10, 1, 2}};
  add_people(b, 20, "P");
  Problem p = b.build();
  ASSERT_EQ(precheck_unit(p).size(), 1u);
  p.rule(RuleKind::kBeds).hard = false;
  EXPECT_TRUE(precheck_unit(p).empty());
}

TEST(UnitPrecheckGenerated, ReferenceUnitsHaveNoFindings) {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    GeneratorOptions o;
    o.seed = seed;
    const auto unit = generate_unit(o);
    ASSERT_TRUE(unit.ok()) << unit.error().format();
    EXPECT_EQ(texts(precheck_unit(unit.value())), std::vector<std::string>{}) << "seed " << seed;
  }
}

TEST(UnitPrecheckGenerated, LargeAndSmallUnitsHaveNoFindings) {
  for (const GeneratorOptions& o : {GeneratorOptions{600, 30, 3, 84, 1, true}, GeneratorOptions{16, 1, 1, 28, 3, true},
                                    GeneratorOptions{100, 4, 2, 42, 5, true}}) {
    const auto unit = generate_unit(o);
    ASSERT_TRUE(unit.ok()) << unit.error().format();
    EXPECT_EQ(texts(precheck_unit(unit.value())), std::vector<std::string>{}) << o.people << " people";
  }
}

TEST(UnitPrecheck, NotAUnitProblemHasNoFindings) {
  Problem p;
  p.horizon.days = 3;
  EXPECT_TRUE(precheck_unit(p).empty());
}

}  // namespace
}  // namespace vigil
