// UNCOVERED watches: who remains, how many are missing and who could cover,
// nearest first, with the people left out for sharing no language or for
// being over a daily limit; and the red cell of the watch bill.
#include <gtest/gtest.h>

#include <string>

#include "report/report_support.h"
#include "report/uncovered_watches.h"
#include "report/watch_bill.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

using test::person;

constexpr int kPost1 = 0, kRest = 1;
constexpr int kLastSlot = 11;  // 04:00-06:00, after midnight

// One day, post-1 (2 watchers) and a rest center without a guard. Ana stands
// the 04:00 watch alone.
Problem cover_unit() {
  test::UnitBuilder b;
  b.days = 1;
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0}, {"rest", PlaceKind::kRestCenter, 70, 0, 2}};
  b.people = {person("Ana", {{"en", LanguageLevel::kFluent}, {"uk", LanguageLevel::kNative}}),
              person("Bo", {{"pl", LanguageLevel::kNative}}),  // free at post-1, shares no language with Ana
              person("Cy"),                                     // at post-1, already 4 watches (8 h, the most)
              person("Dee", {{"uk", LanguageLevel::kBasic}}),   // at the rest center, free
              person("Eve")};                                   // at post-1, free
  return b.build();
}

Roster cover_roster(const Problem& p) {
  test::UnitRosterWriter w(p);
  w.place(0, 0, kPost1);
  w.watch(0, 0, kLastSlot, kPost1);
  w.place(1, 0, kPost1);
  w.place(2, 0, kPost1);
  w.watches(2, 0, {0, 2, 4, 6}, kPost1);
  w.place(3, 0, kRest);
  w.place(4, 0, kPost1);
  return w.roster;
}

TEST(UncoveredWatches, ListsWhoRemainsAndWhoCouldCoverNearestFirst) {
  const Problem p = cover_unit();
  const Roster r = cover_roster(p);
  const int from = 22 * 60;  // day 0 04:00: only the last slot is ahead
  const auto uncovered = uncovered_watches(p, r, from);
  ASSERT_EQ(uncovered.size(), 1u);
  const UncoveredWatch& w = uncovered[0];
  EXPECT_EQ(w.place, kPost1);
  EXPECT_EQ(w.day, 0);
  EXPECT_EQ(w.slot, kLastSlot);
  EXPECT_EQ(w.remaining, std::vector<int>{0});
  EXPECT_EQ(w.missing, 1);
  // Eve at the post first, then Dee at the rest center; Bo shares no language
  // with Ana, Cy would pass 8 h of watches.
  ASSERT_EQ(w.candidates.size(), 2u);
  EXPECT_EQ(w.candidates[0].person, 4);
  EXPECT_EQ(w.candidates[1].person, 3);
  EXPECT_EQ(uncovered_text(p, w, CalendarDate{2026, 1, 5}),
            "post-1, Tue 2026-01-06 04:00-06:00 (day 0): Ana alone, 1 missing; could cover: Eve (at post-1), Dee (at rest)");
  // The whole day: every other slot has nobody on it.
  EXPECT_EQ(uncovered_watches(p, r, 0).size(), 12u);
}

// With rule travel on (1 h), someone whose guard turn at the rest center
// ends when the watch begins could not be at the post in time: Dee's turn is
// 02:00-04:00, Fay's 00:00-02:00. With the rule off, both could cover.
TEST(UncoveredWatches, WithTravelOnlyWhoCanGetThereInTimeCouldCover) {
  test::UnitBuilder b;
  b.days = 1;
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0}, {"rest", PlaceKind::kRestCenter, 70, 1, 2}};
  b.people = {person("Ana"), person("Dee"), person("Fay")};
  Problem p = b.build();
  test::UnitRosterWriter w(p);
  w.place(0, 0, kPost1);
  w.watch(0, 0, kLastSlot, kPost1);
  w.place(1, 0, kRest);
  w.watch(1, 0, kLastSlot - 1, kRest);
  w.place(2, 0, kRest);
  w.watch(2, 0, kLastSlot - 2, kRest);
  const int from = 22 * 60;  // day 0 04:00
  auto text = [&] {
    std::string out;  // the post's short watch (the rest center's guard slots are short too)
    for (const UncoveredWatch& u : uncovered_watches(p, w.roster, from))
      if (u.place == kPost1) out += uncovered_text(p, u, std::nullopt);
    return out;
  };
  p.rule(RuleKind::kTravel).enabled = false;
  EXPECT_EQ(text(), "post-1, Tue 04:00-06:00 (day 0): Ana alone, 1 missing; could cover: Dee (at rest), Fay (at rest)");
  p.rule(RuleKind::kTravel).enabled = true;
  EXPECT_EQ(text(), "post-1, Tue 04:00-06:00 (day 0): Ana alone, 1 missing; could cover: Fay (at rest)");
  p.unit->parameters.travel_minutes = 150;  // 2 h 30: Fay's turn ends 2 h before
  EXPECT_EQ(text(), "post-1, Tue 04:00-06:00 (day 0): Ana alone, 1 missing; nobody can cover it within the rules");
}

TEST(UncoveredWatches, AWatcherAwayDoesNotStandIt) {
  test::UnitBuilder b;
  b.days = 1;
  b.places = {{"post-1", PlaceKind::kPost, 8, 2, 0}, {"rest", PlaceKind::kRestCenter, 70, 0, 2}};
  b.people = {person("Ana"), person("Bo", {{"en", LanguageLevel::kFluent}}, Experience::kTrained, {},
                                    {Absence{20 * 60, Absence::kForever, "wounded"}})};
  const Problem p = b.build();
  test::UnitRosterWriter w(p);
  w.place(0, 0, kPost1);
  w.place(1, 0, kPost1);
  w.watch(0, 0, kLastSlot, kPost1);
  w.watch(1, 0, kLastSlot, kPost1);
  const auto uncovered = uncovered_watches(p, w.roster, 22 * 60);
  ASSERT_EQ(uncovered.size(), 1u);
  EXPECT_EQ(uncovered_text(p, uncovered[0], CalendarDate{2026, 1, 5}),
            "post-1, Tue 2026-01-06 04:00-06:00 (day 0): Ana alone (Bo away), 1 missing; nobody can cover it within the rules");
  const std::string csv = watch_bill_csv(p, w.roster);
  EXPECT_NE(csv.find("0,Mon,04:00,06:00,Ana / Bo (away) / UNCOVERED\n"), std::string::npos) << csv;
}

TEST(UncoveredWatches, WatchBillCellIsRed) {
  const Problem p = cover_unit();
  const std::string html = watch_bill_html(p, cover_roster(p), CalendarDate{2026, 1, 5});
  EXPECT_NE(html.find("<tr class=\"night\"><th class=\"time\">04:00&ndash;06:00</th><td class=\"short\">Ana<br>"
                      "<span class=\"uncovered\">UNCOVERED</span></td></tr>"),
            std::string::npos)
      << html;
}

}  // namespace
}  // namespace vigil
