// Every unit rule and wish of docs/unit-rules.md on small hand-made units
// whose answers were worked out by hand (the working is in the comments).
// Most tests switch off every unit rule but the ones under test, so the
// totals are those rules' units alone.
//
// Defaults of test::UnitBuilder: day 0 is a Monday, changeover 06:00, 2-hour
// watches (slot s starts at 06:00 + 2s h: slot 8 is 22:00, slot 9 00:00,
// slot 11 04:00), 30-minute shower slots from 06:00 (shower slot k starts at
// 06:00 + 30k min), rotation 2/2/2, rest at least 6 h, at most 8 h of watch,
// at most 2 watches in a row, 1 shower per rest stint.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "eval/evaluation.h"
#include "eval/problem_index.h"
#include "eval/rules/unit_beds.h"
#include "eval/rules/unit_daily_limits.h"
#include "eval/rules/unit_one_place.h"
#include "eval/rules/unit_requests.h"
#include "eval/rules/unit_rotation.h"
#include "eval/rules/unit_showers.h"
#include "eval/rules/unit_spread.h"
#include "eval/rules/unit_team.h"
#include "eval/rules/unit_unavailable.h"
#include "eval/rules/unit_watch_cover.h"
#include "eval/rules/unit_watch_pairs.h"
#include "eval/unit_context.h"
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
using test::UnitPlaceSpec;
using test::UnitRosterWriter;

constexpr auto kNative = LanguageLevel::kNative;
constexpr auto kFluent = LanguageLevel::kFluent;
constexpr auto kBasic = LanguageLevel::kBasic;


// The units a rule matched for one person.
std::int64_t units_of(const Evaluation& ev, RuleKind k, int person) {
  std::int64_t u = 0;
  for (const Violation& v : ev.violations)
    if (v.rule == k && v.person == person) u += v.units;
  return u;
}

// The i-th explanation of a rule, or "<none>" (so a wrong count fails instead of crashing).
std::string text_at(const Evaluation& ev, RuleKind k, std::size_t i) {
  const auto t = texts(ev, k);
  return i < t.size() ? t[i] : std::string("<none>");
}

// Places a person day by day from a string: one character per day, looked up
// in `legend` (character -> place index); '.' is placed nowhere.
void line(UnitRosterWriter& w, int p, const std::string& codes, const std::map<char, int>& legend) {
  for (int d = 0; d < static_cast<int>(codes.size()); ++d)
    if (codes[static_cast<std::size_t>(d)] != '.') w.place(p, d, legend.at(codes[static_cast<std::size_t>(d)]));
}

Absence away(int from, int until, std::string reason) { return Absence{from, until, std::move(reason)}; }

constexpr int kDay = 1440;

// ---- watch-cover -------------------------------------------------------------

TEST(UnitRulesWatchCover, CountsMissingAndSurplusWatchersPerSlotAtPostsAndRestCenters) {
  UnitBuilder b;
  b.days = 1;
  b.people = {person("Ana Lima"), person("Jan Nowak"), person("Olena Kovalenko")};
  Problem p = b.build();
  only(p, {RuleKind::kWatchCover});
  UnitRosterWriter w(p);
  for (int s = 0; s < 12; ++s) w.watch(0, 0, s, 0);  // Ana: every slot at post-1
  w.watches(1, 0, {0, 1, 2, 3, 4, 5}, 0);             // Jan: slots 0-5 at post-1
  w.watch(2, 0, 0, 0);                                // Olena: slot 0 at post-1
  w.watch(2, 0, 1, 1);                                //        and the guard of slot 1 at rest
  const Evaluation ev = evaluate(p, w.roster, true);
  // post-1 (2 needed): slot 0 has 3 (1 over), slots 1-5 have 2, slots 6-11
  // have 1 (6 x 1 short) = 7. rest (1 guard): slot 1 has 1, the other 11
  // slots none = 11. Total 18 in 1 + 6 + 11 = 18 matches.
  EXPECT_EQ(tally(ev, RuleKind::kWatchCover).units, 18);
  EXPECT_EQ(tally(ev, RuleKind::kWatchCover).matches, 18);
  EXPECT_EQ(tally(ev, RuleKind::kWatchCover).cost, 18);
  EXPECT_EQ(ev.score.hard, 18);
  const auto t = texts(ev, RuleKind::kWatchCover);
  ASSERT_EQ(t.size(), 18u);
  EXPECT_EQ(t[0], "post-1, day 0 (Mon) 06:00-08:00: 3 on watch (Ana Lima, Jan Nowak, Olena Kovalenko), 2 needed");
  EXPECT_EQ(t[1], "post-1, day 0 (Mon) 18:00-20:00: 1 on watch, 2 needed");
  EXPECT_EQ(t[4], "post-1, day 0 (Mon) 00:00-02:00: 1 on watch, 2 needed");  // slot 9, past midnight
  EXPECT_EQ(t[7], "rest, day 0 (Mon) 06:00-08:00: nobody on guard, 1 needed");
  EXPECT_EQ(ev.violations[0].person, -1);
  EXPECT_EQ(ev.violations[0].shift, p.find_shift("post-1 watch 06:00")->value);
  EXPECT_EQ(ev.violations[0].units, 1);
}

TEST(UnitRulesWatchCover, CountsEveryDay) {
  UnitBuilder b;
  b.days = 3;
  b.people = {person("Ana Lima")};
  Problem p = b.build();
  only(p, {RuleKind::kWatchCover});
  const Evaluation ev = evaluate(p, Roster(p), true);
  // Nobody anywhere: post-1 misses 2 in each of its 36 slots (72), rest 1
  // in each of its 36 (36): 108 units in 72 matches.
  EXPECT_EQ(tally(ev, RuleKind::kWatchCover).units, 108);
  EXPECT_EQ(tally(ev, RuleKind::kWatchCover).matches, 72);
  EXPECT_EQ(text_at(ev, RuleKind::kWatchCover, 12), "post-1, day 1 (Tue) 06:00-08:00: nobody on watch, 2 needed");
}

// ---- one-place ---------------------------------------------------------------

TEST(UnitRulesOnePlace, CountsWatchesAndShowersAwayFromWherePersonIs) {
  UnitBuilder b;
  b.days = 2;
  b.people = {person("Ana Lima"), person("Jan Nowak"), person("Olena Kovalenko")};
  Problem p = b.build();
  only(p, {RuleKind::kOnePlace});
  UnitRosterWriter w(p);
  w.place(0, 0, 0);
  w.watch(0, 0, 0, 0);  // at post-1, watches there: fine
  w.watch(0, 0, 1, 1);  // guard at rest while at post-1: 1
  w.watch(0, 1, 2, 0);  // day 1 placed nowhere, watches at post-1: 1
  w.place(1, 0, 1);
  w.shower(1, 0, 2, 1);  // at rest, showers there: fine
  w.place(1, 1, 0);
  w.shower(1, 1, 4, 1);  // at post-1, showers at rest: 1
  w.place(2, 0, 1);
  w.watch(2, 0, 3, 1);  // at rest, guard there: fine
  const Evaluation ev = evaluate(p, w.roster, true);
  EXPECT_EQ(tally(ev, RuleKind::kOnePlace).units, 3);
  EXPECT_EQ(ev.score.hard, 3);
  const auto t = texts(ev, RuleKind::kOnePlace);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0], "Ana Lima, day 0 (Mon) 08:00-10:00: on guard at rest but placed at post-1 that day");
  EXPECT_EQ(t[1], "Ana Lima, day 1 (Tue) 10:00-12:00: on watch at post-1 but placed nowhere that day");
  EXPECT_EQ(t[2], "Jan Nowak, day 1 (Tue) 08:00-08:30: shower at rest but placed at post-1 that day");
  EXPECT_EQ(ev.violations[2].person, 1);
  EXPECT_EQ(ev.violations[2].shift, p.find_shift("rest shower 08:00")->value);
}

// ---- rotation ----------------------------------------------------------------

struct RotationCase {
  std::string line;
  std::vector<Absence> absences;
  int units;
};

TEST(UnitRulesRotation, RunsBoundariesSwitchesRestLengthsEdgesAndAbsences) {
  UnitBuilder b;
  b.days = 8;  // Mon..Mon; blocks 0-1, 2-3, 4-5, 6-7
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0},
              {"post-2", PlaceKind::kPost, 8, 2, 0},
              {"rest", PlaceKind::kRestCenter, 70, 1, 2},
              {"rest-2", PlaceKind::kRestCenter, 70, 1, 2}};
  const std::map<char, int> legend = {{'P', 0}, {'Q', 1}, {'R', 2}, {'S', 3}};
  const std::vector<RotationCase> cases = {
      // 0: the rotation itself.
      {"PPRRPPRR", {}, 0},
      // 1: stints off the blocks: 1-2 crosses day 2, 5-6 crosses day 6. The
      // 1-day rests at the edges are short but not between post runs.
      {"RPPRRPPR", {}, 2},
      // 2: post-1 then post-2 inside one stint: 1.
      {"PQRRPPRR", {}, 1},
      // 3: a 1-day rest between post runs (2 - 1 = 1), the next post run 3-4
      // crosses day 4 (1), the last rest lasts 3 days (3 - 2 = 1).
      {"PPRPPRRR", {}, 3},
      // 4: day 4 placed nowhere while present (1); the post run on day 5 is
      // 1 day short (1) and not excused: day 4 is a present day.
      {"PPRR.PRR", {}, 2},
      // 5: a 4-day rest run between post runs: rest to rest-2 on day 5 (1),
      // 2 days too long (2).
      {"PPRRRSPP", {}, 3},
      // 6: 1-day post runs on day 0 and day 7 touch the horizon: excused;
      // 3-4 crosses day 4 (1).
      {"PRRPPRRP", {}, 1},
      // 7: absent days 4-5 (not present, placed nowhere: 0); the 1-day post
      // runs on days 3 and 6 touch an absent day: excused. Rest 0-2 is 3 days
      // (1).
      {"RRRP..PR", {away(4 * kDay, 6 * kDay, "leave")}, 1},
      // 8: absent from day 3 14:00 to the day-5 changeover: present on day 3,
      // not on day 4. Post on day 3 is excused (day 4 absent); the rest on
      // day 2 lies between post runs (1); rest 5-7 is 3 days (1).
      {"PPRP.RRR", {away(3 * kDay + 480, 5 * kDay, "training")}, 2},
      // 9: absent at every changeover: nothing counts.
      {"........", {away(0, Absence::kForever, "gone")}, 0},
      // 10: a post run of 1 day inside the horizon, next to present days on
      // both sides placed nowhere: 1 day short, plus 2 present days nowhere.
      {"RR.P.RRP", {}, 3},
  };
  for (std::size_t i = 0; i < cases.size(); ++i)
    b.people.push_back(person(fmt::format("P{}", i), {{"en", kFluent}}, Experience::kTrained, {}, cases[i].absences));
  Problem p = b.build();
  only(p, {RuleKind::kRotation});
  UnitRosterWriter w(p);
  for (std::size_t i = 0; i < cases.size(); ++i) line(w, static_cast<int>(i), cases[i].line, legend);
  const Evaluation ev = evaluate(p, w.roster, true);
  int total = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(units_of(ev, RuleKind::kRotation, static_cast<int>(i)), cases[i].units) << "case " << i << " " << cases[i].line;
    total += cases[i].units;
  }
  EXPECT_EQ(total, 18);
  EXPECT_EQ(tally(ev, RuleKind::kRotation).units, 18);
  EXPECT_EQ(ev.score.hard, 18);

  const auto t = texts(ev, RuleKind::kRotation);
  auto has = [&](const std::string& s) { return std::find(t.begin(), t.end(), s) != t.end(); };
  EXPECT_TRUE(has("P1, days 1-2: post stint at post-1 crosses the block boundary at day 2 (Wed) (stints are blocks of 2 days from day 0)"));
  EXPECT_TRUE(has("P2, day 1 (Tue): moves from post-1 to post-2 in the middle of a post stint"));
  EXPECT_TRUE(has("P3, day 2 (Wed): rest of 1 day at rest between post stints, at least 2 days needed"));
  EXPECT_TRUE(has("P3, days 5-7: rest of 3 days at rest, at most 2 days"));
  EXPECT_TRUE(has("P4, day 4 (Fri): with the unit but placed nowhere"));
  EXPECT_TRUE(has("P4, day 5 (Sat): post stint of 1 day at post-1, 2 days needed"));
  EXPECT_TRUE(has("P5, day 5 (Sat): moves from rest to rest-2 in the middle of a rest stint"));
  EXPECT_TRUE(has("P5, days 2-5: rest of 4 days at rest, at most 2 days"));
  // The short-run violation spans the run; a switch names the two days.
  for (const Violation& v : ev.violations)
    if (v.person == 4 && v.units == 1 && v.first_day == 5) {
      EXPECT_EQ(v.last_day, 5);
    }
}

TEST(UnitRulesRotation, LongerStintsAndBlockBoundaries) {
  UnitBuilder b;
  b.days = 9;
  b.setup.rotation = Rotation{3, 3, 4};  // 3-day post stints on blocks 0-2, 3-5, 6-8; rest 3..4 days
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0}, {"rest", PlaceKind::kRestCenter, 70, 1, 2}};
  const std::map<char, int> legend = {{'P', 0}, {'R', 1}};
  b.people = {person("Ana"), person("Ben"), person("Cy")};
  Problem p = b.build();
  only(p, {RuleKind::kRotation});
  UnitRosterWriter w(p);
  line(w, 0, "PPPRRRPPP", legend);  // 0
  line(w, 1, "PPPPPPRRR", legend);  // 6-day post run crosses day 3: 1 (no length limit above P)
  line(w, 2, "RPPRRPPPR", legend);  // 1-2 (1 short, 0 crossings); rest 3-4 between (3 - 2 = 1); 5-7 crosses day 6 (1); rest at the edges 1 day: 0
  const Evaluation ev = evaluate(p, w.roster, true);
  EXPECT_EQ(units_of(ev, RuleKind::kRotation, 0), 0);
  EXPECT_EQ(units_of(ev, RuleKind::kRotation, 1), 1);
  EXPECT_EQ(units_of(ev, RuleKind::kRotation, 2), 3);
  EXPECT_EQ(tally(ev, RuleKind::kRotation).units, 4);
  const auto t = texts(ev, RuleKind::kRotation);
  ASSERT_EQ(t.size(), 4u);  // Ben 1, Cy 3
  EXPECT_EQ(t[0], "Ben, days 0-5: post stint at post-1 crosses the block boundary at day 3 (Thu) (stints are blocks of 3 days from day 0)");
  EXPECT_EQ(t[1], "Cy, days 1-2: post stint of 2 days at post-1, 3 days needed");
  EXPECT_EQ(t[2], "Cy, days 3-4: rest of 2 days at rest between post stints, at least 3 days needed");
  EXPECT_EQ(t[3], "Cy, days 5-7: post stint at post-1 crosses the block boundary at day 6 (Sun) (stints are blocks of 3 days from day 0)");
}

// ---- beds --------------------------------------------------------------------

TEST(UnitRulesBeds, CountsPeopleBeyondTheBedsAndIgnoresUnlimitedPlaces) {
  UnitBuilder b;
  b.days = 2;
  b.places = {{"post-1", PlaceKind::kPost, 2, 2, 0},
              {"post-2", PlaceKind::kPost, 0, 2, 0},  // 0 beds: unlimited
              {"rest", PlaceKind::kRestCenter, 70, 1, 2}};
  for (const char* n : {"Ana", "Ben", "Cy", "Dora", "Eli", "Fay", "Gus", "Hal", "Ida"}) b.people.push_back(person(n));
  Problem p = b.build();
  only(p, {RuleKind::kBeds});
  UnitRosterWriter w(p);
  for (int q = 0; q < 4; ++q) w.place(q, 0, 0);  // day 0: 4 at post-1 (2 beds): 2 over
  for (int q = 4; q < 9; ++q) w.place(q, 0, 1);  //        5 at post-2 (unlimited): 0
  for (int q = 0; q < 3; ++q) w.place(q, 1, 0);  // day 1: 3 at post-1: 1 over
  const Evaluation ev = evaluate(p, w.roster, true);
  EXPECT_EQ(tally(ev, RuleKind::kBeds).units, 3);
  EXPECT_EQ(tally(ev, RuleKind::kBeds).matches, 2);
  EXPECT_EQ(ev.score.hard, 3);
  const auto t = texts(ev, RuleKind::kBeds);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], "post-1, day 0 (Mon): 4 people placed (Ana, Ben, Cy, Dora), 2 beds");
  EXPECT_EQ(t[1], "post-1, day 1 (Tue): 3 people placed (Ana, Ben, Cy), 2 beds");
}

// ---- shared-language, novice-pair, native-pairs ------------------------------

TEST(UnitRulesWatchPairs, LanguagesExperienceAndNativeLanguagesPerPairOfWatchers) {
  UnitBuilder b;
  b.days = 1;
  b.places = {{"post-1", PlaceKind::kPost, 8, 3, 0}, {"rest", PlaceKind::kRestCenter, 70, 1, 2}};
  b.people = {person("Olena Kovalenko", {{"uk", kNative}}, Experience::kNone),
              person("Diego Ruiz", {{"es", kNative}, {"pt", kFluent}}, Experience::kNone),
              person("Ana Lima", {{"pt", kNative}, {"en", kBasic}}, Experience::kTrained),
              person("Jan Nowak", {{"pl", kNative}, {"en", kFluent}, {"uk", kBasic}}, Experience::kVeteran)};
  Problem p = b.build();
  only(p, {RuleKind::kSharedLanguage, RuleKind::kNovicePair, RuleKind::kNativePairs});
  p.rule(RuleKind::kNativePairs).weight = 3;
  UnitRosterWriter w(p);
  for (int q : {0, 1, 2}) w.watch(q, 0, 0, 0);  // slot 0: Olena, Diego, Ana
  for (int q : {0, 3}) w.watch(q, 0, 1, 0);     // slot 1: Olena, Jan
  for (int q : {2, 3}) w.watch(q, 0, 2, 0);     // slot 2: Ana, Jan
  w.watch(1, 0, 3, 0);                          // slot 3: Diego alone
  for (int q : {0, 1}) w.watch(q, 0, 4, 1);     // slot 4: Olena and Diego both guard the rest center
  const Evaluation ev = evaluate(p, w.roster, true);
  // shared-language: slot 0 (Olena, Diego) and (Olena, Ana); slot 1 shares
  // uk (Jan's basic counts); slot 2 en (basic); (Diego, Ana) share pt; slot 4
  // (Olena, Diego). = 3.
  EXPECT_EQ(tally(ev, RuleKind::kSharedLanguage).units, 3);
  // novice-pair: (Olena, Diego) at slot 0 and at slot 4 = 2.
  EXPECT_EQ(tally(ev, RuleKind::kNovicePair).units, 2);
  // native-pairs: all three pairs of slot 0, slot 1, slot 2, slot 4 = 6, at weight 3 = 18.
  EXPECT_EQ(tally(ev, RuleKind::kNativePairs).units, 6);
  EXPECT_EQ(tally(ev, RuleKind::kNativePairs).cost, 18);
  EXPECT_EQ(ev.score.hard, 5);
  EXPECT_EQ(ev.score.soft, 18);

  const auto shared = texts(ev, RuleKind::kSharedLanguage);
  ASSERT_EQ(shared.size(), 3u);
  EXPECT_EQ(shared[0], "post-1, day 0 (Mon) 06:00-08:00: Olena Kovalenko (uk) and Diego Ruiz (es, pt) share no language");
  EXPECT_EQ(shared[1], "post-1, day 0 (Mon) 06:00-08:00: Olena Kovalenko (uk) and Ana Lima (pt, en) share no language");
  EXPECT_EQ(shared[2], "rest, day 0 (Mon) 14:00-16:00: Olena Kovalenko (uk) and Diego Ruiz (es, pt) share no language");
  const auto novice = texts(ev, RuleKind::kNovicePair);
  ASSERT_EQ(novice.size(), 2u);
  EXPECT_EQ(novice[0], "post-1, day 0 (Mon) 06:00-08:00: Olena Kovalenko and Diego Ruiz both have no experience");
  const auto native = texts(ev, RuleKind::kNativePairs);
  ASSERT_EQ(native.size(), 6u);
  EXPECT_EQ(native[2], "post-1, day 0 (Mon) 06:00-08:00: Diego Ruiz (native es) and Ana Lima (native pt) share no native language");
  EXPECT_EQ(native[3], "post-1, day 0 (Mon) 08:00-10:00: Olena Kovalenko (native uk) and Jan Nowak (native pl) share no native language");
  for (const Violation& v : ev.violations)
    if (v.rule == RuleKind::kNativePairs) {
      EXPECT_EQ(v.cost, 3);
    }
}

TEST(UnitRulesWatchPairs, SharedNativeLanguageIsNoWishViolation) {
  UnitBuilder b;
  b.days = 1;
  b.people = {person("Olena", {{"uk", kNative}, {"en", kBasic}}), person("Taras", {{"uk", kNative}}),
              person("Mia", {{"uk", kFluent}})};
  Problem p = b.build();
  only(p, {RuleKind::kNativePairs, RuleKind::kSharedLanguage});
  UnitRosterWriter w(p);
  w.watches(0, 0, {0}, 0);
  w.watches(1, 0, {0, 1}, 0);
  w.watches(2, 0, {1}, 0);  // Taras (native uk) with Mia (fluent uk): they talk, but no native pair
  const Evaluation ev = evaluate(p, w.roster, true);
  EXPECT_EQ(tally(ev, RuleKind::kSharedLanguage).units, 0);
  EXPECT_EQ(tally(ev, RuleKind::kNativePairs).units, 1);
  EXPECT_EQ(text_at(ev, RuleKind::kNativePairs, 0),
            "post-1, day 0 (Mon) 08:00-10:00: Taras (native uk) and Mia (no native language) share no native language");
}

// ---- daily-rest, daily-watch-hours, watches-in-a-row -------------------------

TEST(UnitRulesDailyLimits, RestWatchHoursAndRunsOnHandMadeDays) {
  UnitBuilder b;
  b.days = 2;
  b.people = {person("Ana"), person("Ben"), person("Cy"), person("Dora"), person("Eli")};
  Problem p = b.build();
  only(p, {RuleKind::kDailyRest, RuleKind::kDailyWatchHours, RuleKind::kWatchesInRow});
  UnitRosterWriter w(p);
  // Ana, day 0 at post-1: slots 0,1 5,6 10,11: free 2-4 and 7-9 (3 slots =
  // exactly 6 h: rest ok); 6 watches, at most 4 (2 over); runs of 2: ok.
  w.place(0, 0, 0);
  w.watches(0, 0, {0, 1, 5, 6, 10, 11}, 0);
  // Ben, day 0 at post-1: slots 0, 3, 6, 9: longest free stretch 2 slots = 4 h (1).
  w.place(1, 0, 0);
  w.watches(1, 0, {0, 3, 6, 9}, 0);
  // Cy at post-1 both days: day 0 slot 11 (04:00-06:00) and day 1 slot 0
  // (right after it, over the changeover: 2 in a row, ok) and 8, 9, 10
  // (22:00-04:00 over midnight: 3 in a row, 1 over). The 24 hours from day
  // 0's 04:00 hold 5 watches (1 over, on day 0); day 1's own hold 4.
  w.place_days(2, 0, 1, 0);
  w.watch(2, 0, 11, 0);
  w.watches(2, 1, {0, 8, 9, 10}, 0);
  // Dora, day 0 placed nowhere: 8 watches with 2-hour breaks. No daily rest
  // is owed when placed nowhere; 4 watches over.
  w.watches(3, 0, {0, 1, 3, 4, 6, 7, 9, 10}, 0);
  // Eli, day 0 at rest: guard slots 2-6 (10:00-20:00): 5 in a row (3 over),
  // 5 watches (1 over); free 0-1 (4 h) and 7-11 (10 h): rest ok.
  w.place(4, 0, 1);
  w.watches(4, 0, {2, 3, 4, 5, 6}, 1);
  const Evaluation ev = evaluate(p, w.roster, true);

  EXPECT_EQ(tally(ev, RuleKind::kDailyRest).units, 1);
  EXPECT_EQ(units_of(ev, RuleKind::kDailyRest, 1), 1);
  EXPECT_EQ(tally(ev, RuleKind::kDailyWatchHours).units, 2 + 1 + 4 + 1);
  EXPECT_EQ(units_of(ev, RuleKind::kDailyWatchHours, 0), 2);
  EXPECT_EQ(units_of(ev, RuleKind::kDailyWatchHours, 2), 1);
  EXPECT_EQ(units_of(ev, RuleKind::kDailyWatchHours, 3), 4);
  EXPECT_EQ(tally(ev, RuleKind::kWatchesInRow).units, 1 + 3);
  EXPECT_EQ(tally(ev, RuleKind::kWatchesInRow).matches, 2);
  EXPECT_EQ(units_of(ev, RuleKind::kWatchesInRow, 2), 1);
  EXPECT_EQ(ev.score.hard, 13);

  EXPECT_EQ(text_at(ev, RuleKind::kDailyRest, 0),
            "Ben, day 0 (Mon): longest rest 4 h in the 24 h from 06:00, at least 6 h needed");
  EXPECT_EQ(text_at(ev, RuleKind::kDailyWatchHours, 0),
            "Ana, day 0 (Mon): 6 watches (12 h) in the 24 h from 06:00, at most 4 (8 h)");
  EXPECT_EQ(text_at(ev, RuleKind::kDailyWatchHours, 1),
            "Cy, day 0 (Mon): 5 watches (10 h) in the 24 h from 04:00, at most 4 (8 h)");
  const auto rows = texts(ev, RuleKind::kWatchesInRow);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], "Cy, day 1 (Tue) 22:00-04:00: 3 watches in a row, at most 2");
  EXPECT_EQ(rows[1], "Eli, day 0 (Mon) 10:00-20:00: 5 watches in a row, at most 2");
}

// watches-in-a-row goes on over the changeover and is counted once, on the
// day the run starts; a free slot at the changeover ends it.
TEST(UnitRulesDailyLimits, RunsGoOnOverTheChangeover) {
  UnitBuilder b;
  b.days = 4;
  b.people = {person("Ana"), person("Ben"), person("Cy")};
  Problem p = b.build();
  only(p, {RuleKind::kWatchesInRow});
  UnitRosterWriter w(p);
  // Ana 02:00-10:00: day 0 slots 10, 11 and day 1 slots 0, 1: 4 in a row,
  // at most 2: 2 units, on day 0 (per roster day, 2 and 2: none).
  w.watches(0, 0, {10, 11}, 0);
  w.watches(0, 1, {0, 1}, 0);
  // Ben: day 0 slots 10, 11 (up to the changeover: 2, ok), day 1 slot 0
  // free, slots 1-3 (08:00-14:00: 3, 1 unit on day 1): two runs.
  w.watches(1, 0, {10, 11}, 0);
  w.watches(1, 1, {1, 2, 3}, 0);
  // Cy: day 1 slot 11, all of day 2, day 3 slots 0, 1: one run of 15
  // (04:00 day 1 to 10:00 day 3), 13 units, on day 1.
  w.watch(2, 1, 11, 0);
  w.watches(2, 2, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 0);
  w.watches(2, 3, {0, 1}, 0);
  const Evaluation ev = evaluate(p, w.roster, true);
  EXPECT_EQ(tally(ev, RuleKind::kWatchesInRow).units, 2 + 1 + 13);
  EXPECT_EQ(tally(ev, RuleKind::kWatchesInRow).matches, 3);
  EXPECT_EQ(units_of(ev, RuleKind::kWatchesInRow, 0), 2);
  EXPECT_EQ(units_of(ev, RuleKind::kWatchesInRow, 1), 1);
  EXPECT_EQ(units_of(ev, RuleKind::kWatchesInRow, 2), 13);
  const auto rows = texts(ev, RuleKind::kWatchesInRow);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], "Ana, day 0 (Mon) 02:00-10:00: 4 watches in a row, at most 2");
  EXPECT_EQ(rows[1], "Ben, day 1 (Tue) 08:00-14:00: 3 watches in a row, at most 2");
  EXPECT_EQ(rows[2], "Cy, day 1 (Tue) 04:00-10:00: 15 watches in a row, at most 2");
  std::vector<std::pair<int, int>> spans;  // each run's first and last day
  for (const Violation& v : ev.violations)
    if (v.rule == RuleKind::kWatchesInRow) spans.emplace_back(v.first_day, v.last_day);
  EXPECT_EQ(spans, (std::vector<std::pair<int, int>>{{0, 1}, {1, 1}, {1, 3}}));
  // The incremental evaluator counts the same.
  UnitEvaluator inc(p, w.roster);
  EXPECT_EQ(inc.rule_amounts()[static_cast<int>(RuleKind::kWatchesInRow)], 16);
}

TEST(UnitRulesDailyLimits, LimitsFollowTheParameters) {
  UnitBuilder b;
  b.days = 1;
  b.setup.parameters.min_rest_minutes = 12 * 60;
  b.setup.parameters.max_watch_minutes = 300;     // floor(300 / 120) = 2 watches
  b.setup.parameters.max_watches_in_row = 1;
  b.people = {person("Ana")};
  Problem p = b.build();
  only(p, {RuleKind::kDailyRest, RuleKind::kDailyWatchHours, RuleKind::kWatchesInRow});
  UnitRosterWriter w(p);
  w.place(0, 0, 0);
  // Free 2-5 (8 h) and 7-11 (10 h < 12 h): 1; 3 watches, at most
  // floor(300 / 120) = 2: 1; a run of 2, at most 1: 1.
  w.watches(0, 0, {0, 1, 6}, 0);
  const Evaluation ev = evaluate(p, w.roster, true);
  EXPECT_EQ(tally(ev, RuleKind::kDailyRest).units, 1);
  EXPECT_EQ(tally(ev, RuleKind::kDailyWatchHours).units, 1);
  EXPECT_EQ(tally(ev, RuleKind::kWatchesInRow).units, 1);
  EXPECT_EQ(text_at(ev, RuleKind::kDailyRest, 0),
            "Ana, day 0 (Mon): longest rest 10 h in the 24 h from 06:00, at least 12 h needed");
  EXPECT_EQ(text_at(ev, RuleKind::kDailyWatchHours, 0),
            "Ana, day 0 (Mon): 3 watches (6 h) in the 24 h from 06:00, at most 2 (4 h)");
  EXPECT_EQ(text_at(ev, RuleKind::kWatchesInRow, 0), "Ana, day 0 (Mon) 06:00-10:00: 2 watches in a row, at most 1");
}

// ---- team --------------------------------------------------------------------

TEST(UnitRulesTeam, NeedsPerPostAndBlockWithCountsAndWhoIsFree) {
  UnitBuilder b;
  b.days = 5;  // blocks 0-1, 2-3 and the cut block 4
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0},
              {"post-2", PlaceKind::kPost, 8, 2, 0},
              {"rest", PlaceKind::kRestCenter, 70, 1, 2},
              {"rest-2", PlaceKind::kRestCenter, 70, 1, 2}};
  b.setup.parameters.team_needs = {
      TeamNeed{TeamNeed::Kind::kExperience, static_cast<int>(Experience::kVeteran), 1, "a veteran"},
      TeamNeed{TeamNeed::Kind::kSkill, 0, 2, "a medic"},
      TeamNeed{TeamNeed::Kind::kLanguage, 0, 1, "a Ukrainian speaker"}};
  b.people = {person("Ana Lima", {{"pt", kNative}}, Experience::kVeteran, {"medic"}),
              person("Jan Nowak", {{"pl", kNative}}, Experience::kTrained, {"medic"}),
              person("Olena Kovalenko", {{"uk", kNative}}),
              person("Diego Ruiz", {{"es", kNative}}, Experience::kNone),
              person("Maria Souza", {{"pt", kNative}}, Experience::kTrained, {"medic"}),
              person("Taro Sato", {{"ja", kNative}}, Experience::kVeteran)};
  Problem p = b.build();
  only(p, {RuleKind::kTeam});
  UnitRosterWriter w(p);
  const std::map<char, int> legend = {{'P', 0}, {'Q', 1}, {'R', 2}, {'S', 3}};
  line(w, 0, "PPRRP", legend);  // Ana
  line(w, 1, "RQRRP", legend);  // Jan joins post-2 on day 1: a member of its block-0 team
  line(w, 2, "PPRRP", legend);  // Olena
  line(w, 3, "QQRRR", legend);  // Diego
  line(w, 4, "RRPPR", legend);  // Maria
  line(w, 5, "QQSSP", legend);  // Taro
  const Evaluation ev = evaluate(p, w.roster, true);
  // post-1 block 0 {Ana, Olena}: veteran ok, medics 1 of 2 (Ana counted
  // once over two days): 1; uk ok.
  // post-1 block 1 {Maria}: veteran 1, medics 1 of 2: 1, uk 1 = 3.
  // post-1 block 2 {Ana, Jan, Olena, Taro}: all met.
  // post-2 block 0 {Jan, Diego, Taro}: veteran ok, medics 1 of 2: 1, uk 1 = 2.
  // post-2 blocks 1 and 2: empty, 1 + 2 + 1 = 4 each.
  // Total 1 + 3 + 2 + 4 + 4 = 14 in 1 + 3 + 2 + 3 + 3 = 12 matches.
  EXPECT_EQ(tally(ev, RuleKind::kTeam).units, 14);
  EXPECT_EQ(tally(ev, RuleKind::kTeam).matches, 12);
  EXPECT_EQ(ev.score.hard, 14);
  const auto t = texts(ev, RuleKind::kTeam);
  ASSERT_EQ(t.size(), 12u);
  EXPECT_EQ(t[0], "post-1, days 0-1: only 1 of its 2 people is a medic (Ana Lima), 2 needed; 1 medic is at rest (Maria Souza)");
  EXPECT_EQ(t[1], "post-1, days 2-3: its only member (Maria Souza) is not a veteran; 1 veteran is at rest (Ana Lima), 1 at rest-2 (Taro Sato)");
  EXPECT_EQ(t[2], "post-1, days 2-3: only 1 medic (Maria Souza), 2 needed; 2 medics are at rest (Ana Lima, Jan Nowak)");
  EXPECT_EQ(t[3], "post-1, days 2-3: its only member (Maria Souza) is not a Ukrainian speaker; 1 Ukrainian speaker is at rest (Olena Kovalenko)");
  EXPECT_EQ(t[4], "post-2, days 0-1: only 1 of its 3 people is a medic (Jan Nowak), 2 needed; 1 medic is at rest (Maria Souza)");
  EXPECT_EQ(t[5], "post-2, days 0-1: none of its 3 people is a Ukrainian speaker; no Ukrainian speaker is free at a rest center");
  EXPECT_EQ(t[7], "post-2, days 2-3: nobody is placed there, 2 medics needed; 2 medics are at rest (Ana Lima, Jan Nowak)");
  EXPECT_EQ(t[9], "post-2, day 4 (Fri): nobody is placed there, 1 veteran needed; no veteran is free at a rest center");
  const Violation& v = ev.violations[2];
  EXPECT_EQ(v.person, -1);
  EXPECT_EQ(v.first_day, 2);
  EXPECT_EQ(v.last_day, 3);
  EXPECT_EQ(v.units, 1);
  EXPECT_EQ(v.shift, p.find_shift("post-1")->value);
}

TEST(UnitRulesTeam, TheBriefsWordingAndASkillNeededTwice) {
  UnitBuilder b;
  b.days = 6;
  b.places = {{"post-3", PlaceKind::kPost, 8, 2, 0}, {"rest-center", PlaceKind::kRestCenter, 70, 1, 2}};
  b.setup.parameters.team_needs = {TeamNeed{TeamNeed::Kind::kSkill, 0, 1, "a medic"},
                                   TeamNeed{TeamNeed::Kind::kSkill, 1, 2, "a radio operator"}};
  for (const char* n : {"A1", "A2", "A3", "A4", "A5", "A6", "A7"}) b.people.push_back(person(n));
  b.people.push_back(person("Ana Lima", {{"pt", kNative}}, Experience::kTrained, {"medic", "radio"}));
  b.people.push_back(person("Jan Nowak", {{"pl", kNative}}, Experience::kTrained, {"medic"}));
  Problem p = b.build();
  only(p, {RuleKind::kTeam});
  UnitRosterWriter w(p);
  for (int q = 0; q < 7; ++q) w.place_days(q, 0, 5, 0);  // seven without skills hold post-3 throughout
  w.place_days(7, 0, 3, 0);                              // Ana at post-3 days 0-3 (blocks 0, 1)
  w.place_days(7, 4, 5, 1);                              //   and at the rest center days 4-5
  w.place_days(8, 0, 5, 1);                              // Jan at the rest center throughout
  const Evaluation ev = evaluate(p, w.roster, true);
  // Blocks 0, 1: medic ok (Ana); radio 1 of 2: 1 each. Block 2: medic 1,
  // radio 2. Total 1 + 1 + 1 + 2 = 5.
  EXPECT_EQ(tally(ev, RuleKind::kTeam).units, 5);
  const auto t = texts(ev, RuleKind::kTeam);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0], "post-3, days 0-1: only 1 of its 8 people is a radio operator (Ana Lima), 2 needed; no radio operator is free at a rest center");
  EXPECT_EQ(t[2], "post-3, days 4-5: none of its 7 people is a medic; 2 medics are at rest-center (Ana Lima, Jan Nowak)");
  EXPECT_EQ(t[3], "post-3, days 4-5: none of its 7 people is a radio operator, 2 needed; 1 radio operator is at rest-center (Ana Lima)");
}

// ---- unavailable -------------------------------------------------------------

TEST(UnitRulesUnavailable, PlacedWhileAbsentAndWatchesOrShowersOverlappingAnAbsence) {
  UnitBuilder b;
  b.days = 4;
  b.people = {
      // absent from day 1 14:00 to the day-3 changeover: not present on day 2
      person("Ana Lima", {{"en", kFluent}}, Experience::kTrained, {}, {away(kDay + 480, 3 * kDay, "leave")}),
      // absent from day 2 10:00 for good: present on day 2, not on day 3
      person("Ben Carter", {{"en", kFluent}}, Experience::kTrained, {}, {away(2 * kDay + 240, Absence::kForever, "wounded")}),
      // absent on day 0 from 07:00 to 07:30 only
      person("Cara Silva", {{"en", kFluent}}, Experience::kTrained, {}, {away(60, 90, "medical")}),
      person("Dan Moss")};
  Problem p = b.build();
  only(p, {RuleKind::kUnavailable});
  UnitRosterWriter w(p);
  // Ana: day 1 at post-1, watch 12:00-14:00 ends as the absence starts (0),
  // watch 14:00-16:00 (1); day 2 at rest (1), guard 06:00 (1), shower 06:00 (1);
  // day 3 back at post-1 with a watch (0).
  w.place(0, 1, 0);
  w.watches(0, 1, {3, 4}, 0);
  w.place(0, 2, 1);
  w.watch(0, 2, 0, 1);
  w.shower(0, 2, 0, 1);
  w.place(0, 3, 0);
  w.watch(0, 3, 0, 0);
  // Ben: day 2 at post-1, watch 08:00-10:00 (0), 10:00-12:00 (1); day 3 at post-1 (1).
  w.place_days(1, 2, 3, 0);
  w.watches(1, 2, {1, 2}, 0);
  // Cara: day 0 at rest, guard 06:00-08:00 overlaps 07:00-07:30 (1), shower
  // 07:00 (1); day 1 shower 07:00 (0: the absence was on day 0).
  w.place(2, 0, 1);
  w.watch(2, 0, 0, 1);
  w.shower(2, 0, 2, 1);
  w.shower(2, 1, 2, 1);
  // Dan: no absences, anything goes.
  w.place(3, 0, 0);
  w.watch(3, 0, 0, 0);
  const Evaluation ev = evaluate(p, w.roster, true);
  EXPECT_EQ(units_of(ev, RuleKind::kUnavailable, 0), 4);
  EXPECT_EQ(units_of(ev, RuleKind::kUnavailable, 1), 2);
  EXPECT_EQ(units_of(ev, RuleKind::kUnavailable, 2), 2);
  EXPECT_EQ(tally(ev, RuleKind::kUnavailable).units, 8);
  EXPECT_EQ(ev.score.hard, 8);
  const auto t = texts(ev, RuleKind::kUnavailable);
  ASSERT_EQ(t.size(), 8u);
  EXPECT_EQ(t[0], "Ana Lima, day 1 (Tue) 14:00-16:00: on watch at post-1 while away (leave, day 1 (Tue) 14:00 to day 3 (Thu) 06:00)");
  EXPECT_EQ(t[1], "Ana Lima, day 2 (Wed): placed at rest while away (leave, day 1 (Tue) 14:00 to day 3 (Thu) 06:00)");
  EXPECT_EQ(t[3], "Ana Lima, day 2 (Wed) 06:00-06:30: shower at rest while away (leave, day 1 (Tue) 14:00 to day 3 (Thu) 06:00)");
  EXPECT_EQ(t[5], "Ben Carter, day 3 (Thu): placed at post-1 while away (wounded, from day 2 (Wed) 10:00)");
  EXPECT_EQ(t[2], "Ana Lima, day 2 (Wed) 06:00-08:00: on guard at rest while away (leave, day 1 (Tue) 14:00 to day 3 (Thu) 06:00)");
  EXPECT_EQ(t[6], "Cara Silva, day 0 (Mon) 06:00-08:00: on guard at rest while away (medical, day 0 (Mon) 07:00 to day 0 (Mon) 07:30)");
  EXPECT_EQ(t[7], "Cara Silva, day 0 (Mon) 07:00-07:30: shower at rest while away (medical, day 0 (Mon) 07:00 to day 0 (Mon) 07:30)");
}

TEST(UnitRulesUnavailable, PresenceIsDecidedAtTheChangeoverMinute) {
  UnitBuilder b;
  b.days = 3;
  b.people = {
      // back one minute after the day-1 changeover: not present on day 1
      person("Ana", {{"en", kFluent}}, Experience::kTrained, {}, {away(0, kDay + 1, "leave")}),
      // leaves one minute after the day-2 changeover: present on day 2
      person("Ben", {{"en", kFluent}}, Experience::kTrained, {}, {away(2 * kDay + 1, Absence::kForever, "gone")})};
  Problem p = b.build();
  only(p, {RuleKind::kUnavailable});
  UnitRosterWriter w(p);
  w.place(0, 1, 0);      // 1: placed while not present
  w.watch(0, 1, 1, 0);   // 0: 08:00 is after the return
  w.place(1, 2, 0);      // 0: present at the changeover
  w.watch(1, 2, 0, 0);   // 1: the 06:00 watch overlaps 06:01
  const Evaluation ev = evaluate(p, w.roster, true);
  EXPECT_EQ(units_of(ev, RuleKind::kUnavailable, 0), 1);
  EXPECT_EQ(units_of(ev, RuleKind::kUnavailable, 1), 1);
  EXPECT_EQ(text_at(ev, RuleKind::kUnavailable, 0), "Ana, day 1 (Tue): placed at post-1 while away (leave, until day 1 (Tue) 06:01)");
  EXPECT_EQ(text_at(ev, RuleKind::kUnavailable, 1), "Ben, day 2 (Wed) 06:00-08:00: on watch at post-1 while away (gone, from day 2 (Wed) 06:01)");
}

// ---- showers -----------------------------------------------------------------

TEST(UnitRulesShowers, PerRestStintCapacityAndOwnWatch) {
  UnitBuilder b;
  b.days = 6;
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0},
              {"rest", PlaceKind::kRestCenter, 70, 1, 2},
              {"rest-2", PlaceKind::kRestCenter, 70, 1, 1}};
  for (const char* n : {"Ana", "Ben", "Cara", "Dan", "Eve", "Fay", "Gus"}) b.people.push_back(person(n));
  Problem p = b.build();
  only(p, {RuleKind::kShowers});
  UnitRosterWriter w(p);
  const std::map<char, int> legend = {{'P', 0}, {'R', 1}, {'S', 2}};
  // Ana: one shower in her stint (0).
  line(w, 0, "PPRRPP", legend);
  w.shower(0, 2, 2, 1);
  // Ben: two showers in one stint (1).
  line(w, 1, "PPRRPP", legend);
  w.shower(1, 2, 2, 1);
  w.shower(1, 3, 2, 1);
  // Cara: no shower in either stint, at the horizon's edges too (1 + 1).
  line(w, 2, "RRPPRR", legend);
  // Dan: rest then rest-2 is one stint with two showers (1); a shower on a
  // post day belongs to no stint; stint 4-5 has one (0).
  line(w, 3, "RSPPRR", legend);
  w.shower(3, 0, 10, 1);
  w.shower(3, 1, 5, 2);
  w.shower(3, 2, 10, 1);
  w.shower(3, 4, 10, 1);
  // Eve: one shower, but the third at rest 07:00 on day 2 with Ana and Ben
  // (rest has 2 showers: 1 over).
  line(w, 4, "PPRRPP", legend);
  w.shower(4, 2, 2, 1);
  // Fay: at rest-2 (1 shower) 08:30 on day 1 with Dan: 1 over.
  line(w, 5, "SSPPSS", legend);
  w.shower(5, 1, 5, 2);
  w.shower(5, 4, 0, 2);
  // Gus: day 0 shower 08:00 during his own guard 08:00-10:00 (1); day 4
  // shower 07:30 ends as his guard at 08:00 begins (0).
  line(w, 6, "RRPPRR", legend);
  w.shower(6, 0, 4, 1);
  w.watch(6, 0, 1, 1);
  w.shower(6, 4, 3, 1);
  w.watch(6, 4, 1, 1);
  const Evaluation ev = evaluate(p, w.roster, true);
  EXPECT_EQ(units_of(ev, RuleKind::kShowers, 0), 0);
  EXPECT_EQ(units_of(ev, RuleKind::kShowers, 1), 1);
  EXPECT_EQ(units_of(ev, RuleKind::kShowers, 2), 2);
  EXPECT_EQ(units_of(ev, RuleKind::kShowers, 3), 1);
  EXPECT_EQ(units_of(ev, RuleKind::kShowers, 6), 1);
  EXPECT_EQ(units_of(ev, RuleKind::kShowers, -1), 2);  // capacity
  EXPECT_EQ(tally(ev, RuleKind::kShowers).units, 7);
  EXPECT_EQ(tally(ev, RuleKind::kShowers).matches, 7);
  EXPECT_EQ(ev.score.hard, 7);
  const auto t = texts(ev, RuleKind::kShowers);
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t[0], "Ben, days 2-3 at rest: 2 showers in the rest stint (day 2 (Wed) 07:00, day 3 (Thu) 07:00), 1 needed");
  EXPECT_EQ(t[1], "Cara, days 0-1 at rest: no shower in the rest stint, 1 needed");
  EXPECT_EQ(t[3], "Dan, days 0-1 at rest: 2 showers in the rest stint (day 0 (Mon) 11:00, day 1 (Tue) 08:30), 1 needed");
  EXPECT_EQ(t[4], "rest, day 2 (Wed) 07:00-07:30: 3 showers booked (Ana, Ben, Eve), 2 showers there");
  EXPECT_EQ(t[5], "rest-2, day 1 (Tue) 08:30-09:00: 2 showers booked (Dan, Fay), 1 shower there");
  EXPECT_EQ(t[6], "Gus, day 0 (Mon) 08:00-08:30: shower at rest during own watch 08:00-10:00 at rest");
}

// A rest stint the person leaves the unit from (absent the next day) may lack
// its shower: nobody lost, wounded or sent on leave goes back to a post. Too
// many showers still count, and a stint that ends at the horizon or before a
// present day still needs one.
TEST(UnitRulesShowers, AStintLeftForAnAbsenceNeedsNoShower) {
  UnitBuilder b;
  b.days = 6;
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0}, {"rest", PlaceKind::kRestCenter, 70, 1, 2}};
  // Ana: lost for good at day 4's changeover, no shower in stint 2-3 (0).
  b.people.push_back(person("Ana", {{"en", kFluent}}, Experience::kTrained, {}, {away(4 * kDay, Absence::kForever, "lost")}));
  // Ben: the same, with two showers in it (1 over).
  b.people.push_back(person("Ben", {{"en", kFluent}}, Experience::kTrained, {}, {away(4 * kDay, Absence::kForever, "lost")}));
  // Cara: away from day 4 06:00 (day 4 not present), back on day 5; stint
  // 2-3 needs none (0); stint 5 at the horizon's end without one (1).
  b.people.push_back(person("Cara", {{"en", kFluent}}, Experience::kTrained, {}, {away(4 * kDay, 5 * kDay, "leave")}));
  // Dan: away only from day 4 12:00, so present on day 4: stint 2-3 then
  // post days 4-5; no shower (1).
  b.people.push_back(person("Dan", {{"en", kFluent}}, Experience::kTrained, {}, {away(4 * kDay + 360, Absence::kForever, "lost")}));
  Problem p = b.build();
  only(p, {RuleKind::kShowers});
  UnitRosterWriter w(p);
  const std::map<char, int> legend = {{'P', 0}, {'R', 1}};
  line(w, 0, "PPRR..", legend);
  line(w, 1, "PPRR..", legend);
  w.shower(1, 2, 2, 1);
  w.shower(1, 3, 2, 1);
  line(w, 2, "PPRR.R", legend);
  line(w, 3, "PPRRPP", legend);
  const Evaluation ev = evaluate(p, w.roster, true);
  EXPECT_EQ(units_of(ev, RuleKind::kShowers, 0), 0);
  EXPECT_EQ(units_of(ev, RuleKind::kShowers, 1), 1);
  EXPECT_EQ(units_of(ev, RuleKind::kShowers, 2), 1);
  EXPECT_EQ(units_of(ev, RuleKind::kShowers, 3), 1);
  EXPECT_EQ(tally(ev, RuleKind::kShowers).units, 3);
  EXPECT_EQ(ev.score.hard, 3);
  const auto t = texts(ev, RuleKind::kShowers);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0], "Ben, days 2-3 at rest: 2 showers in the rest stint (day 2 (Wed) 07:00, day 3 (Thu) 07:00), 1 needed");
  EXPECT_EQ(t[1], "Cara, day 5 (Sat) at rest: no shower in the rest stint, 1 needed");
  EXPECT_EQ(t[2], "Dan, days 2-3 at rest: no shower in the rest stint, 1 needed");
  // The incremental evaluator counts the same.
  UnitEvaluator inc(p, w.roster);
  EXPECT_EQ(inc.rule_amounts()[static_cast<int>(RuleKind::kShowers)], 3);
}

TEST(UnitRulesShowers, TwoShowersPerStint) {
  UnitBuilder b;
  b.days = 4;
  b.setup.parameters.showers_per_rest_stint = 2;
  b.people = {person("Ana"), person("Ben")};
  Problem p = b.build();
  only(p, {RuleKind::kShowers});
  UnitRosterWriter w(p);
  line(w, 0, "PPRR", {{'P', 0}, {'R', 1}});
  w.shower(0, 2, 0, 1);
  w.shower(0, 3, 0, 1);  // 2 of 2: 0
  line(w, 1, "RRPP", {{'P', 0}, {'R', 1}});
  w.shower(1, 1, 0, 1);  // 1 of 2: 1
  const Evaluation ev = evaluate(p, w.roster, true);
  EXPECT_EQ(tally(ev, RuleKind::kShowers).units, 1);
  EXPECT_EQ(text_at(ev, RuleKind::kShowers, 0), "Ben, days 0-1 at rest: 1 shower in the rest stint (day 1 (Tue) 06:00), 2 needed");
}

// ---- night-spread, hours-spread ----------------------------------------------

TEST(UnitRulesSpread, SquaredDistanceFromAFairShareByPresentDays) {
  UnitBuilder b;
  b.days = 4;
  // Demand: post-1 2 watchers + rest 1 guard = 3 per slot. Night slots
  // (22:00, 00:00, 02:00, 04:00): 4. N_night = 3 x 4 x 4 = 48; N_all =
  // 3 x 12 x 4 = 144. Present days: seven people 4 each, Hana 1, Ivan 3: 32.
  // Fair shares: night 48 x 4 / 32 = 6, 48 / 32 = 1.5 -> 2 (half up),
  // 48 x 3 / 32 = 4.5 -> 5; all 144 x 4 / 32 = 18, 4.5 -> 5, 13.5 -> 14.
  for (const char* n : {"Ana", "Ben", "Cy", "Dora", "Eli", "Fay", "Gus"}) b.people.push_back(person(n));
  b.people.push_back(person("Hana", {{"en", kFluent}}, Experience::kTrained, {}, {away(kDay, Absence::kForever, "gone")}));
  b.people.push_back(person("Ivan", {{"en", kFluent}}, Experience::kTrained, {}, {away(0, kDay, "travel")}));
  Problem p = b.build();
  only(p, {RuleKind::kNightSpread, RuleKind::kHoursSpread});
  p.rule(RuleKind::kNightSpread).weight = 2;
  UnitRosterWriter w(p);
  // Ana: 6 night guard turns at rest + 12 day watches = 18 (both exact: 0).
  for (int d = 0; d < 3; ++d) {
    w.watches(0, d, {8, 9}, 1);
    w.watches(0, d, {0, 1, 2, 3}, 0);
  }
  // Hana: 3 night watches on day 0: night (3 - 2)^2 = 1, all (3 - 5)^2 = 4.
  w.watches(7, 0, {8, 9, 10}, 0);
  // Ivan: 5 night + 9 day = 14 (both exact: 0).
  w.watches(8, 1, {8, 9, 10, 11, 0, 1, 2, 3, 4}, 0);
  w.watches(8, 2, {8, 0, 1, 2, 3}, 0);
  const Evaluation ev = evaluate(p, w.roster, true);
  // Ben..Gus (6 people) have nothing: night 36 each, all 324 each.
  EXPECT_EQ(tally(ev, RuleKind::kNightSpread).units, 6 * 36 + 1);
  EXPECT_EQ(tally(ev, RuleKind::kNightSpread).matches, 7);
  EXPECT_EQ(tally(ev, RuleKind::kNightSpread).cost, 2 * (6 * 36 + 1));
  EXPECT_EQ(tally(ev, RuleKind::kHoursSpread).units, 6 * 324 + 4);
  EXPECT_EQ(tally(ev, RuleKind::kHoursSpread).cost, 6 * 324 + 4);
  EXPECT_EQ(ev.score.hard, 0);
  EXPECT_EQ(ev.score.soft, 2 * 217 + 1948);
  EXPECT_EQ(units_of(ev, RuleKind::kNightSpread, 0), 0);
  EXPECT_EQ(units_of(ev, RuleKind::kNightSpread, 8), 0);
  EXPECT_EQ(units_of(ev, RuleKind::kHoursSpread, 8), 0);
  const auto night = texts(ev, RuleKind::kNightSpread);
  ASSERT_EQ(night.size(), 7u);
  EXPECT_EQ(night[0], "Ben: 0 night watches, fair share 6 (present 4 of 4 days)");
  EXPECT_EQ(night[6], "Hana: 3 night watches, fair share 2 (present 1 of 4 days)");
  const auto hours = texts(ev, RuleKind::kHoursSpread);
  ASSERT_EQ(hours.size(), 7u);
  EXPECT_EQ(hours[6], "Hana: 3 watches (6 h), fair share 5 (10 h) (present 1 of 4 days)");
  for (const Violation& v : ev.violations)
    if (v.rule == RuleKind::kNightSpread && v.person == 7) {
      EXPECT_EQ(v.cost, 2);
    }
}

TEST(UnitRulesSpread, FairShareRoundsHalfUp) {
  EXPECT_EQ(rules::Spread::fair_share(48, 1, 32), 2);   // 1.5
  EXPECT_EQ(rules::Spread::fair_share(48, 3, 32), 5);   // 4.5
  EXPECT_EQ(rules::Spread::fair_share(10, 1, 3), 3);    // 3.33
  EXPECT_EQ(rules::Spread::fair_share(10, 2, 3), 7);    // 6.67
  EXPECT_EQ(rules::Spread::fair_share(10, 2, 0), 0);    // nobody present
}

// ---- personal-requests -------------------------------------------------------

TEST(UnitRulesRequests, DayOffPostAndPartnerPricedByTheirOwnWeights) {
  UnitBuilder b;
  b.days = 4;
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0},
              {"post-2", PlaceKind::kPost, 8, 2, 0},
              {"rest", PlaceKind::kRestCenter, 70, 1, 2}};
  b.people = {person("Ana Lima"), person("Ben"), person("Cara"), person("Dan"), person("Eve")};
  using K = PersonalRequest::Kind;
  auto day_off = [](int who, int day, int weight) {
    PersonalRequest r;
    r.kind = K::kDayOff;
    r.person = PersonId(who);
    r.day = day;
    r.weight = weight;
    return r;
  };
  PersonalRequest post;
  post.kind = K::kPost;
  post.person = PersonId(2);
  post.place = PlaceId(1);
  post.first_day = 1;
  post.last_day = 3;
  post.weight = 2;
  PersonalRequest partner;
  partner.kind = K::kPartner;
  partner.person = PersonId(3);
  partner.partner = PersonId(4);
  partner.weight = 1;
  b.setup.requests = {day_off(0, 1, 3), day_off(0, 2, 4), day_off(1, 2, 2), day_off(1, 3, 1), post, partner};
  Problem p = b.build();
  only(p, {RuleKind::kPersonalRequests});
  p.rule(RuleKind::kPersonalRequests).weight = 5;  // not used: each request has its own weight
  UnitRosterWriter w(p);
  const std::map<char, int> legend = {{'P', 0}, {'Q', 1}, {'R', 2}};
  // Ana: day 1 at post-1 with 2 watches: day off unmet (3). Day 2 at rest, no watch: met.
  line(w, 0, "PPRR", legend);
  w.watches(0, 1, {0, 1}, 0);
  // Ben: day 2 at rest with a guard turn at 00:00: unmet (2); day 3 nowhere: met.
  line(w, 1, "RRR.", legend);
  w.watch(1, 2, 9, 2);
  // Cara asks for post-2 on days 1-3: post-1 on days 1 and 3 (2 x 2); day 0 is outside the range.
  line(w, 2, "PPRP", legend);
  // Dan with Eve: day 0 both post-1 (met), day 1 post-1 / post-2 (1), day 2 Eve nowhere (met), day 3 both rest.
  line(w, 3, "PPRR", legend);
  line(w, 4, "PQ.R", legend);
  const Evaluation ev = evaluate(p, w.roster, true);
  EXPECT_EQ(tally(ev, RuleKind::kPersonalRequests).units, 5);
  EXPECT_EQ(tally(ev, RuleKind::kPersonalRequests).matches, 5);
  EXPECT_EQ(tally(ev, RuleKind::kPersonalRequests).cost, 3 + 2 + 2 * 2 + 1);
  EXPECT_EQ(ev.score.soft, 10);
  EXPECT_EQ(ev.score.hard, 0);
  const auto t = texts(ev, RuleKind::kPersonalRequests);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0], "Ana Lima, day 1 (Tue): asked for the day off but is at post-1 and stands 2 watches (first 06:00-08:00)");
  EXPECT_EQ(t[1], "Ben, day 2 (Wed): asked for the day off but stands 1 watch at rest (first 00:00-02:00)");
  EXPECT_EQ(t[2], "Cara, day 1 (Tue): asked for post-2 but is at post-1");
  EXPECT_EQ(t[3], "Cara, day 3 (Thu): asked for post-2 but is at post-1");
  EXPECT_EQ(t[4], "Dan, day 1 (Tue): asked to be with Eve but is at post-1 while Eve is at post-2");
  ASSERT_FALSE(ev.violations.empty());
  EXPECT_EQ(ev.violations[0].cost, 3);
  EXPECT_EQ(ev.violations[0].units, 1);
  EXPECT_EQ(ev.violations[0].person, 0);
}

// ---- a whole plan ------------------------------------------------------------

// Twelve people, 4 days: group A (0-5) holds post-1 on days 0-1 and rests on
// days 2-3, group B (6-11) the other way round. At the post, member i of the
// group watches slots {2(i%3), 2(i%3)+1, 2(i%3)+6, 2(i%3)+7}: two per slot,
// 4 watches a day, at most 2 in a row, at least 8 h free. At the rest center,
// member j guards the two slots kTinyGuard[j] on both rest days, chosen so
// that any 24 hours across the changeover to and from the post still hold at
// most 4 watches and a 6-hour rest; each showers once per stint at 08:00 +
// 2j h on its first day, clear of the guard turns.
constexpr int kTinyGuard[6][2] = {{0, 2}, {3, 4}, {5, 6}, {1, 7}, {8, 9}, {10, 11}};
Problem tiny_unit() {
  UnitBuilder b;
  b.days = 4;
  b.setup.parameters.team_needs = {
      TeamNeed{TeamNeed::Kind::kExperience, static_cast<int>(Experience::kVeteran), 1, "a veteran"},
      TeamNeed{TeamNeed::Kind::kSkill, 0, 1, "a medic"},
      TeamNeed{TeamNeed::Kind::kLanguage, 0, 1, "a Ukrainian speaker"}};
  const Experience xp[6] = {Experience::kVeteran, Experience::kTrained, Experience::kTrained,
                            Experience::kNone,    Experience::kNone,    Experience::kTrained};
  for (int g = 0; g < 2; ++g)
    for (int i = 0; i < 6; ++i) {
      std::vector<std::pair<std::string, LanguageLevel>> langs = {{"en", kFluent}};
      if (i == 2) langs.push_back({"uk", kNative});
      std::vector<std::string> skills;
      if (i == 1) skills.push_back("medic");
      b.people.push_back(person(fmt::format("{}{}", g == 0 ? "A" : "B", i), langs, xp[i], skills));
    }
  return b.build();
}

Roster tiny_plan(const Problem& p) {
  UnitRosterWriter w(p);
  for (int g = 0; g < 2; ++g)
    for (int i = 0; i < 6; ++i) {
      const int q = g * 6 + i;
      const int post_from = g == 0 ? 0 : 2, rest_from = g == 0 ? 2 : 0;
      for (int d = post_from; d < post_from + 2; ++d) {
        w.place(q, d, 0);
        const int s = 2 * (i % 3);
        w.watches(q, d, {s, s + 1, s + 6, s + 7}, 0);
      }
      for (int d = rest_from; d < rest_from + 2; ++d) {
        w.place(q, d, 1);
        w.watches(q, d, {kTinyGuard[i][0], kTinyGuard[i][1]}, 1);
      }
      w.shower(q, rest_from, 4 * (i + 1), 1);
    }
  return w.roster;
}

TEST(UnitRulesPlan, AFeasibleHandBuiltPlanScoresNoHardUnits) {
  const Problem p = tiny_unit();
  const Roster r = tiny_plan(p);
  const Evaluation ev = evaluate(p, r, true);
  for (int k = static_cast<int>(RuleKind::kWatchCover); k < kRuleCount; ++k) {
    const auto kind = static_cast<RuleKind>(k);
    if (p.rule(kind).hard) {
      EXPECT_EQ(tally(ev, kind).units, 0) << rule_name(kind) << ": " << ::testing::PrintToString(texts(ev, kind));
    }
  }
  EXPECT_EQ(ev.score.hard, 0);
  EXPECT_TRUE(ev.score.feasible());
  // Wishes: all speak en (fluent) and only A2/B2 have a native language
  // (uk), so each post slot's pair is a native-pairs unit: 12 a day x 4 days.
  EXPECT_EQ(tally(ev, RuleKind::kNativePairs).units, 12 * 4);
  // Night watches (slots 8-11): N = 3 x 4 x 4 = 48 over 48 present days,
  // fair share 4 each. At the post, i%3 = 0 watches no night slot, i%3 = 1
  // and 2 watch two per day (4 over two days); at the rest center, j = 4
  // ({8, 9}) and 5 ({10, 11}) guard two night slots a day (4 over two days),
  // the others none.
  //   i = 0: 0 + 0 -> 16; 1: 4 + 0 -> 0; 2: 4 + 0 -> 0; 3: 0 + 0 -> 16;
  //   4: 4 + 4 -> 16; 5: 4 + 4 -> 16. Per group 64; both groups 128.
  EXPECT_EQ(tally(ev, RuleKind::kNightSpread).units, 128);
  // All watches: 8 at the post and 4 at the rest center = 12 each, fair
  // share 144 / 12 = 12: 0.
  EXPECT_EQ(tally(ev, RuleKind::kHoursSpread).units, 0);
}

TEST(UnitRulesPlan, BreakingThePlanCountsInTheRightRules) {
  const Problem p = tiny_unit();
  UnitRosterWriter w(p);
  w.roster = tiny_plan(p);
  // A1 (the group-A medic) leaves post-1 on day 1: placed nowhere, keeps her
  // watches there.
  w.unplace(1, 1);
  const Evaluation ev = evaluate(p, w.roster, true);
  // one-place: her 4 watches that day; rotation: present and placed nowhere
  // (1) and a 1-day post run on day 0 at the horizon's start (excused);
  // daily-rest: none (placed nowhere). Team: A1 was placed on day 0 of the
  // block, still a member: 0.
  EXPECT_EQ(tally(ev, RuleKind::kOnePlace).units, 4);
  EXPECT_EQ(tally(ev, RuleKind::kRotation).units, 1);
  EXPECT_EQ(tally(ev, RuleKind::kTeam).units, 0);
  EXPECT_EQ(ev.score.hard, 5);
}

// ---- speed -------------------------------------------------------------------

// A battalion: 600 people, 84 days, 30 posts and 3 rest centers, on the
// rotation with every post manned and every rest center guarded.
TEST(UnitRulesSpeed, ABattalionEvaluatesInWellUnderATenthOfASecond) {
  UnitBuilder b;
  b.days = 84;
  b.places.clear();
  for (int i = 0; i < 30; ++i) b.places.push_back(UnitPlaceSpec{fmt::format("post-{}", i + 1), PlaceKind::kPost, 12, 2, 0});
  for (int i = 0; i < 3; ++i) b.places.push_back(UnitPlaceSpec{fmt::format("rest-{}", i + 1), PlaceKind::kRestCenter, 220, 1, 2});
  b.setup.parameters.team_needs = {
      TeamNeed{TeamNeed::Kind::kExperience, static_cast<int>(Experience::kVeteran), 1, "a veteran"},
      TeamNeed{TeamNeed::Kind::kSkill, 0, 1, "a medic"},
      TeamNeed{TeamNeed::Kind::kLanguage, 0, 1, "a Ukrainian speaker"}};
  for (int q = 0; q < 600; ++q)
    b.people.push_back(person(fmt::format("p{}", q), {{"en", kFluent}, {q % 3 == 0 ? "uk" : "pl", kNative}},
                              q % 4 == 0 ? Experience::kVeteran : Experience::kTrained,
                              q % 5 == 0 ? std::vector<std::string>{"medic"} : std::vector<std::string>{}));
  Problem p = b.build();
  UnitRosterWriter w(p);
  // Half the people at posts (10 per post) and half resting, swapping every block.
  for (int q = 0; q < 600; ++q) {
    const int half = q / 300, k = q % 300;
    for (int d = 0; d < 84; ++d) {
      const bool at_post = (d / 2) % 2 == half;
      if (at_post) {
        const int post = k / 10, i = k % 10;
        w.place(q, d, post);
        if (i < 6) {
          const int s = 2 * (i % 3);
          w.watches(q, d, {s, s + 1, s + 6, s + 7}, post);
        }
      } else {
        const int rest = 30 + k / 100, j = k % 100;
        w.place(q, d, rest);
        if (j < 6) w.watches(q, d, {j, j + 6}, rest);
        if (d % 2 == j % 2) w.shower(q, d, (j / 2) % 32, rest);  // 50 a day over 32 slots x 2 showers
      }
    }
  }
  // Count only what the unit rules cost: the problem index of the benchmark
  // side is built once per solve, not per evaluation.
  const ProblemIndex index(p);
  double best = 1e9;
  Evaluation ev;
  for (int rep = 0; rep < 3; ++rep) {
    const auto t0 = std::chrono::steady_clock::now();
    ev = evaluate(p, index, w.roster, false);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    best = std::min(best, ms);
  }
  EXPECT_EQ(tally(ev, RuleKind::kWatchCover).units, 0);
  EXPECT_EQ(tally(ev, RuleKind::kRotation).units, 0);
  EXPECT_EQ(tally(ev, RuleKind::kTeam).units, 0);
  EXPECT_EQ(tally(ev, RuleKind::kOnePlace).units, 0);
#ifdef NDEBUG
  EXPECT_LT(best, 100.0) << "a from-scratch evaluation took " << best << " ms";
#endif
  RecordProperty("evaluate_ms", std::to_string(best));
}

}  // namespace
}  // namespace vigil
