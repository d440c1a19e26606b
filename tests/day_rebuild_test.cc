// The exact re-plan of one place-day (solve/day_rebuild.h) on hand-made days:
// it finds the one kind of plan two language groups allow, keeps begun slots,
// and changes nothing when the day already keeps every rule.
#include <gtest/gtest.h>

#include <random>

#include "eval/evaluation.h"
#include "eval/unit_evaluator.h"
#include "solve/day_rebuild.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

using test::person;

// Seven people at post-1 (2 watchers, 12 two-hour slots) on day 0, in two
// groups with no language in common: Kyiv (uk: two veterans and a novice)
// and Lisbon (pt: three veterans and a novice). A watch pairs two people of
// one group, and nobody stands more than 4 watches (8 h) or 2 in a row, or
// goes without 6 h of rest: the Kyiv group can stand at most 6 slots, so the
// plan has to split the day between the groups. Only the rules of a day's
// watches are on.
Problem two_groups(int days = 1) {
  test::UnitBuilder b;
  b.days = days;
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0}, {"rest", PlaceKind::kRestCenter, 70, 0, 2}};
  const std::vector<std::pair<std::string, LanguageLevel>> uk = {{"uk", LanguageLevel::kNative}},
                                                           pt = {{"pt", LanguageLevel::kNative}};
  b.people = {person("Kateryna", uk, Experience::kVeteran), person("Petro", uk, Experience::kNone),
              person("Dorota", uk, Experience::kVeteran),   person("Camilo", pt, Experience::kNone),
              person("Thiago", pt, Experience::kVeteran),   person("Lucas", pt, Experience::kVeteran),
              person("Rafael", pt, Experience::kVeteran)};
  Problem p = b.build();
  for (int k = static_cast<int>(RuleKind::kWatchCover); k < kRuleCount; ++k)
    p.rules[static_cast<std::size_t>(k)].enabled = false;
  for (RuleKind r : {RuleKind::kWatchCover, RuleKind::kSharedLanguage, RuleKind::kNovicePair, RuleKind::kDailyRest,
                     RuleKind::kDailyWatchHours, RuleKind::kWatchesInRow})
    p.rules[static_cast<std::size_t>(r)].enabled = true;
  return p;
}

test::UnitRosterWriter placed(const Problem& p) {
  test::UnitRosterWriter w(p);
  for (int i = 0; i < p.person_count(); ++i) w.place(i, 0, 0);
  return w;
}

// Kyiv stands slots 0-5 (each pair twice), Lisbon 6-11 (each pair once);
// nobody over 4 watches or 2 in a row, everyone free for 12 h.
void stand_a_good_day(test::UnitRosterWriter& w) {
  w.watches(0, 0, {0, 1, 3, 4}, 0);
  w.watches(1, 0, {0, 2, 3, 5}, 0);
  w.watches(2, 0, {1, 2, 4, 5}, 0);
  w.watches(3, 0, {6, 8, 10}, 0);
  w.watches(4, 0, {6, 9, 11}, 0);
  w.watches(5, 0, {7, 8, 11}, 0);
  w.watches(6, 0, {7, 9, 10}, 0);
}

TEST(DayRebuild, FillsAnEmptyDayKeepingPairsAndDailyLimits) {
  const Problem p = two_groups();
  auto w = placed(p);
  UnitEvaluator ev(p, w.roster);
  ASSERT_EQ(ev.plain_score().hard, 24);  // 12 slots, 2 short each
  std::mt19937_64 rng(3);
  std::vector<CellChange> changes;
  ASSERT_TRUE(rebuild_day_watches(ev, 0, 0, rng, changes));
  EXPECT_EQ(changes.size(), 24u);  // 24 watches stood, none before
  ev.apply(changes.data(), static_cast<int>(changes.size()));
  EXPECT_EQ(ev.plain_score().hard, 0);
  EXPECT_EQ(evaluate(p, ev.roster()).score.hard, 0);
}

TEST(DayRebuild, ADayKeepingEveryRuleIsLeftAsItIs) {
  const Problem p = two_groups();
  auto w = placed(p);
  stand_a_good_day(w);
  ASSERT_EQ(evaluate(p, w.roster).score.hard, 0);
  UnitEvaluator ev(p, w.roster);
  std::mt19937_64 rng(3);
  std::vector<CellChange> changes;
  EXPECT_FALSE(rebuild_day_watches(ev, 0, 0, rng, changes));
  EXPECT_TRUE(changes.empty());
}

TEST(DayRebuild, BegunSlotsKeepTheirWatchersAndFewCellsChange) {
  Problem p = two_groups();
  auto w = placed(p);
  stand_a_good_day(w);
  const Roster plan = w.roster;
  // Rafael is lost at 10:00 (slot 2 starts): his watches 20:00, 00:00 and
  // 02:00 must go.
  p.people[6].unit.absences.push_back(Absence{240, Absence::kForever, "lost"});
  p.unit->repair = RepairBase{plan, 240};
  for (int s : {7, 9, 10}) w.no_watch(6, 0, s);
  UnitEvaluator ev(p, w.roster);
  ASSERT_EQ(ev.plain_score().hard, 3);
  std::mt19937_64 rng(5);
  std::vector<CellChange> changes;
  ASSERT_TRUE(rebuild_day_watches(ev, 0, 0, rng, changes));
  for (const CellChange& c : changes) EXPECT_GE(c.lane, ev.layout().watch_lane(2)) << "slot begun before now";
  ev.apply(changes.data(), static_cast<int>(changes.size()));
  EXPECT_EQ(ev.plain_score().hard, 0);
  EXPECT_EQ(ev.rule_amounts()[static_cast<int>(RuleKind::kFrozenPast)], 0);
  // Camilo, Thiago and Lucas must end with 4 watches each (12 for slots 6-11),
  // so at least 3 cells change, and more by twos (a watch moved is two
  // cells). Three will not do: Camilo (6, 8, 10) can only add 11, leaving
  // 7 and 9 to both others, and no way of giving them two more watches each
  // then avoids three in a row. So 5 is the fewest, and the search finds it.
  EXPECT_EQ(changes.size(), 5u);
}

// A tight day seen in a unit-64 repair: four seasoned watchers (Thiago pt/es/en,
// Joao pt only, Dorota pl/uk, Agnieszka pl/en/uk) and three novices (Taras
// uk/en, Alfie en, Zofia pl/uk). Every slot needs a seasoned watcher, so the
// seasoned stand 16 watches, 4 each, the most they may: Joao and Thiago
// together on 4 slots (nobody else speaks pt with Joao), Dorota and Agnieszka
// each with a novice on the 8 others. The search finds such a day within the
// budget the repair gives it.
TEST(DayRebuild, FindsATightDayWhereEverySeasonedWatcherStandsFour) {
  test::UnitBuilder b;
  b.days = 1;
  b.places = {{"post-3", PlaceKind::kPost, 8, 2, 0}, {"rest", PlaceKind::kRestCenter, 70, 0, 2}};
  b.setup.languages = {"uk", "en", "pl", "es", "pt"};
  using L = std::vector<std::pair<std::string, LanguageLevel>>;
  const auto N = LanguageLevel::kNative, F = LanguageLevel::kFluent, B = LanguageLevel::kBasic;
  b.people = {person("Taras", L{{"uk", N}, {"en", B}}, Experience::kNone),
              person("Alfie", L{{"en", N}}, Experience::kNone),
              person("Thiago", L{{"pt", N}, {"es", B}, {"en", B}}, Experience::kVeteran),
              person("Dorota", L{{"pl", N}, {"uk", F}}, Experience::kVeteran),
              person("Zofia", L{{"pl", N}, {"uk", B}}, Experience::kNone),
              person("Joao", L{{"pt", N}}, Experience::kTrained),
              person("Agnieszka", L{{"pl", N}, {"en", B}, {"uk", F}}, Experience::kTrained)};
  Problem p = b.build();
  test::UnitRosterWriter w(p);
  for (int i = 0; i < p.person_count(); ++i) w.place(i, 0, 0);
  UnitEvaluator ev(p, w.roster);
  int found = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    std::mt19937_64 rng(seed);
    std::vector<CellChange> changes;
    if (!rebuild_day_watches(ev, 0, 0, rng, changes, 4000)) continue;
    ++found;
    UnitEvaluator after(p, w.roster);
    after.apply(changes.data(), static_cast<int>(changes.size()));
    for (RuleKind r : {RuleKind::kWatchCover, RuleKind::kSharedLanguage, RuleKind::kNovicePair, RuleKind::kDailyRest,
                       RuleKind::kDailyWatchHours, RuleKind::kWatchesInRow})
      EXPECT_EQ(after.rule_amounts()[static_cast<int>(r)], 0) << rule_name(r) << " seed " << seed;
  }
  EXPECT_EQ(found, 10);
}

}  // namespace
}  // namespace vigil
