// The unit evaluator's incremental amounts against a recount from scratch and
// against the full evaluator, over random moves on a small but complete unit.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include <fmt/format.h>

#include "eval/evaluation.h"
#include "eval/unit_evaluator.h"
#include "solve/unit_search.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

using L = LanguageLevel;

// Two posts, two rest centers, 18 people with every kind of trait, absences
// and requests, 9 days (an odd length, so the last block is short).
Problem mixed_unit() {
  test::UnitBuilder b;
  b.days = 9;
  b.places = {{"post-1", PlaceKind::kPost, 6, 2, 0},
              {"post-2", PlaceKind::kPost, 6, 2, 0},
              {"rest-1", PlaceKind::kRestCenter, 8, 1, 2},
              {"rest-2", PlaceKind::kRestCenter, 8, 1, 1}};
  b.setup.parameters.team_needs = {{TeamNeed::Kind::kExperience, 2, 1, "a veteran"},
                                   {TeamNeed::Kind::kSkill, 0, 2, "two medics"},
                                   {TeamNeed::Kind::kLanguage, 0, 1, "a uk speaker"}};
  const char* names[] = {"Olena", "Taras", "Jan", "Ewa", "Mike", "Ana", "Diego", "Yuki", "Giorgi",
                         "Hans", "Marie", "Erik", "Oksana", "Piotr", "Sam", "Lucas", "Camila", "Kenji"};
  const std::vector<std::vector<std::pair<std::string, L>>> langs = {
      {{"uk", L::kNative}, {"en", L::kBasic}}, {{"uk", L::kNative}}, {{"pl", L::kNative}, {"en", L::kFluent}},
      {{"pl", L::kNative}, {"uk", L::kBasic}}, {{"en", L::kNative}}, {{"pt", L::kNative}, {"es", L::kBasic}},
      {{"es", L::kNative}}, {{"ja", L::kNative}, {"en", L::kBasic}}};
  for (int i = 0; i < 18; ++i) {
    auto spec = test::person(names[i], langs[i % langs.size()], static_cast<Experience>(i % 3));
    if (i % 4 == 0) spec.skills = {"medic"};
    if (i % 5 == 1) spec.skills.push_back("radio");
    if (i == 3) spec.absences = {Absence{2 * 1440 + 300, 5 * 1440, "leave"}};
    if (i == 7) spec.absences = {Absence{0, 3 * 1440, "training"}};
    if (i == 11) spec.absences = {Absence{6 * 1440 + 600, Absence::kForever, "wounded"}};
    b.people.push_back(spec);
  }
  Problem p = b.build();
  auto& req = p.unit->requests;
  req.push_back({PersonalRequest::Kind::kDayOff, PersonId(1), 3, {}, 0, INT_MAX, {}, 5});
  req.push_back({PersonalRequest::Kind::kPost, PersonId(2), 0, PlaceId(1), 2, 7, {}, 3});
  req.push_back({PersonalRequest::Kind::kPartner, PersonId(4), 0, {}, 0, INT_MAX, PersonId(5), 2});
  req.push_back({PersonalRequest::Kind::kPartner, PersonId(6), 0, {}, 0, INT_MAX, PersonId(5), 4});
  for (RuleKind k : {RuleKind::kNightSpread, RuleKind::kHoursSpread, RuleKind::kNativePairs}) p.rule(k).weight = 3;
  // Off by default (model/rules.cc); on here so the walks price it too.
  p.rule(RuleKind::kTeamContinuity) = RuleSetting{true, false, 2};
  // Likewise travel, at 90 minutes so showers (half-hour slots) fall either side of it.
  p.rule(RuleKind::kTravel) = RuleSetting{true, true, 1};
  p.unit->parameters.travel_minutes = 90;
  return p;
}

// Random cell changes in every lane, and multi-cell swaps of whole days.
std::vector<CellChange> random_move(const Problem& p, const UnitLayout& lay, const Roster& r, std::mt19937_64& rng) {
  auto below = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
  std::vector<CellChange> out;
  const int kind = below(5);
  const int person = below(p.person_count()), day = below(p.days());
  if (kind == 0) {
    const int place = below(lay.places + 1) - 1;
    out.push_back({person, day, 0, place < 0 ? kOff : lay.stay_shift[place]});
  } else if (kind == 1 || kind == 2) {
    const int s = below(lay.watch_slots);
    const int place = below(lay.places + 1) - 1;
    out.push_back({person, day, lay.watch_lane(s),
                   place < 0 ? kOff : lay.watch_shift[static_cast<std::size_t>(place) * lay.watch_slots + s]});
  } else if (kind == 3) {
    const int place = below(lay.places + 1) - 1;
    const ShiftCode v =
        place < 0 ? kOff : lay.shower_shift[static_cast<std::size_t>(place) * lay.shower_slots + below(lay.shower_slots)];
    out.push_back({person, day, lay.shower_lane, v});
  } else {
    const int other = below(p.person_count());
    if (other == person) return out;
    const int last = std::min(p.days() - 1, day + below(3));
    for (int d = day; d <= last; ++d)
      for (int lane = 0; lane < lay.lanes; ++lane) {
        const ShiftCode a = r.at(person, d, lane), b = r.at(other, d, lane);
        if (a == b) continue;
        out.push_back({person, d, lane, b});
        out.push_back({other, d, lane, a});
      }
  }
  // The watch shift of a place without watchers is kOff: skip such changes.
  return out;
}

// Random moves from a constructed plan: after each, the score moved by the
// delta and undo restores it; every 50 steps the amounts equal a recount and
// the full evaluator's.
void expect_walk_matches(const Problem& p, int steps, int least_applied, const Roster* from = nullptr) {
  const Roster start = from ? *from : construct_unit_plan(p, 7);
  UnitEvaluator ev(p, start);
  std::mt19937_64 rng(99);
  const UnitLayout& lay = ev.layout();
  int applied = 0;
  for (int step = 0; step < steps; ++step) {
    auto move = random_move(p, lay, ev.roster(), rng);
    if (move.empty()) continue;
    const Score before = ev.score();
    const Score delta = ev.apply(move.data(), static_cast<int>(move.size()));
    ASSERT_EQ(ev.score().hard, before.hard + delta.hard);
    ASSERT_EQ(ev.score().soft, before.soft + delta.soft);
    if (rng() % 3 == 0) {
      ev.undo();
      ASSERT_EQ(ev.score(), before) << "undo at step " << step;
    } else {
      ++applied;
    }
    if (step % 50 == 0) {
      ASSERT_EQ(ev.rule_amounts(), ev.recount()) << "step " << step;
      const Evaluation full = evaluate(p, ev.roster());
      for (int k = static_cast<int>(RuleKind::kWatchCover); k < kRuleCount; ++k) {
        const auto kind = static_cast<RuleKind>(k);
        // (Changes are kept in change units, weighted by how soon they are.)
        const std::int64_t want = kind == RuleKind::kPersonalRequests ? full.rules[k].cost
                                  : kind == RuleKind::kChanges      ? full.rules[k].cost / p.rules[k].weight
                                                                    : full.rules[k].units;
        ASSERT_EQ(ev.rule_amounts()[k], want) << rule_name(kind) << " at step " << step;
      }
      ASSERT_EQ(ev.plain_score(), full.score) << "step " << step;
    }
  }
  EXPECT_GT(applied, least_applied);
}

TEST(UnitIncremental, RandomMovesMatchARecountAndTheFullEvaluator) { expect_walk_matches(mixed_unit(), 20000, 10000); }

// watches-in-a-row goes on over the changeover, daily-rest and
// daily-watch-hours hold in any 24 hours: watch cells set far more
// often than cleared, so runs cross midnight and the changeover and whole
// days on watch occur (a run through a full day reaches back two days);
// cells and multi-day swaps, every step against a recount and the full
// evaluator.
TEST(UnitIncremental, RunsOverTheChangeoverMatchARecountAndTheFullEvaluator) {
  test::UnitBuilder b;
  b.days = 5;
  b.setup.parameters.max_watches_in_row = 2;
  for (const char* name : {"Ana", "Ben", "Cy"}) b.people.push_back(test::person(name));
  const Problem p = b.build();
  UnitEvaluator ev(p, construct_unit_plan(p, 3));
  const UnitLayout& lay = ev.layout();
  std::mt19937_64 rng(5);
  auto below = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
  int full_days = 0;
  for (int step = 0; step < 6000; ++step) {
    std::vector<CellChange> move;
    const int person = below(3), day = below(p.days());
    if (below(8) == 0) {
      const int other = below(3);
      for (int d = day; d < std::min(p.days(), day + 2) && other != person; ++d)
        for (int s = 0; s < lay.watch_slots; ++s) {
          const ShiftCode x = ev.roster().at(person, d, lay.watch_lane(s)), y = ev.roster().at(other, d, lay.watch_lane(s));
          if (x != y) move.push_back({person, d, lay.watch_lane(s), y}), move.push_back({other, d, lay.watch_lane(s), x});
        }
    } else {
      const int s = below(lay.watch_slots);
      move.push_back({person, day, lay.watch_lane(s), below(5) == 0 ? kOff : lay.watch_shift[s]});
    }
    if (move.empty()) continue;
    ev.apply(move.data(), static_cast<int>(move.size()));
    if (below(4) == 0) ev.undo();
    // (daily-rest and daily-watch-hours look at any 24 hours, over the changeover too.)
    const Evaluation full = evaluate(p, ev.roster());
    for (RuleKind kind : {RuleKind::kWatchesInRow, RuleKind::kDailyRest, RuleKind::kDailyWatchHours}) {
      const int k = static_cast<int>(kind);
      ASSERT_EQ(ev.rule_amounts()[k], ev.recount()[k]) << rule_name(kind) << " at step " << step;
      ASSERT_EQ(ev.rule_amounts()[k], full.rules[k].units) << rule_name(kind) << " at step " << step;
    }
    for (int q = 0; q < 3; ++q)
      for (int d = 0; d < p.days(); ++d) full_days += ev.watch_mask(q, d) == rules::all_slots(lay.watch_slots);
  }
  EXPECT_GT(full_days, 1000);  // the walk did reach whole days on watch
}

// A repair at day 4 (Fri) 11:00 of a plan in force that already holds a
// transfer (day 2, from an earlier repair): placements on day 4 may change
// from now (transfers), which moves one-place, rotation and showers.
TEST(UnitIncremental, RepairsWithTransfersMatchARecountAndTheFullEvaluator) {
  Problem p = mixed_unit();
  Roster plan = construct_unit_plan(p, 7);
  const UnitLayout lay = make_unit_layout(p);
  // Person 5 at rest-2 until day 2 10:00 (earlier), wherever the plan has them after.
  plan.set_transfer({5, 2, 2 * kMinutesPerDay + 240, lay.stay_shift[3]});
  p.unit->repair = RepairBase{plan, 4 * kMinutesPerDay + 300};
  expect_walk_matches(p, 20000, 10000, &plan);
}

// As many languages as a unit may list (kMaxLanguages), people sharing only
// languages past the 32nd, and 40 team needs (more than 32), most of them
// languages few people speak: both evaluators count the same.
TEST(UnitIncremental, AtTheLanguageLimitAndWithManyTeamNeedsBothEvaluatorsAgree) {
  test::UnitBuilder b;
  b.days = 6;
  b.places = {{"post-1", PlaceKind::kPost, 6, 2, 0}, {"rest-1", PlaceKind::kRestCenter, 10, 1, 2}};
  b.setup.languages.clear();
  for (int i = 0; i < kMaxLanguages; ++i) b.setup.languages.push_back(fmt::format("l{}", i));
  for (int i = 0; i < 40; ++i)
    b.setup.parameters.team_needs.push_back({TeamNeed::Kind::kLanguage, kMaxLanguages - 40 + i, 1 + i % 2, ""});
  for (int i = 0; i < 12; ++i) {
    const std::string native = fmt::format("l{}", kMaxLanguages - 1 - i % 5);
    const std::string second = fmt::format("l{}", 32 + (i * 7) % 32);
    b.people.push_back(test::person(fmt::format("P{}", i), {{native, L::kNative}, {second, L::kBasic}},
                                    static_cast<Experience>(i % 3)));
  }
  const Problem p = b.build();
  ASSERT_EQ(p.unit->languages.size(), static_cast<std::size_t>(kMaxLanguages));
  const Evaluation first = evaluate(p, construct_unit_plan(p, 7));
  EXPECT_GT(first.rules[static_cast<int>(RuleKind::kTeam)].units, 0);
  expect_walk_matches(p, 6000, 3000);
}

// The mixed unit with dated places (model/problem.h Place): post-2 opens on
// day 3 and post-1 closes on day 7, both inside a stint block; post-1 has 4
// beds from day 2 and rest-1 10 from day 5. A random walk (which places and
// watches people at closed posts too) is priced alike by both evaluators.
Problem dated_unit() {
  Problem p = mixed_unit();
  p.places[1].open_day = 3;
  p.places[0].close_day = 7;
  p.places[0].beds_changes = {{2, 4}};
  p.places[2].beds_changes = {{5, 10}};
  if (auto err = p.validate()) ADD_FAILURE() << *err;
  return p;
}

TEST(UnitIncremental, DatedPlacesMatchARecountAndTheFullEvaluator) { expect_walk_matches(dated_unit(), 20000, 10000); }

TEST(UnitIncremental, RepairsWithDatedPlacesAndTransfersMatchARecountAndTheFullEvaluator) {
  Problem p = dated_unit();
  const Roster plan = construct_unit_plan(p, 7);
  p.unit->repair = RepairBase{plan, 2 * kMinutesPerDay + 300};
  expect_walk_matches(p, 20000, 10000, &plan);
}

TEST(UnitIncremental, ResetGivesTheSameAmountsAsTheWalk) {
  const Problem p = mixed_unit();
  UnitEvaluator ev(p, construct_unit_plan(p, 3));
  std::mt19937_64 rng(5);
  for (int step = 0; step < 500; ++step) {
    auto move = random_move(p, ev.layout(), ev.roster(), rng);
    if (!move.empty()) ev.apply(move.data(), static_cast<int>(move.size()));
  }
  UnitEvaluator fresh(p, ev.roster());
  EXPECT_EQ(fresh.rule_amounts(), ev.rule_amounts());
  EXPECT_EQ(fresh.score(), ev.score());
}

}  // namespace
}  // namespace vigil
