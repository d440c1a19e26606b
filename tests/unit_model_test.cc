// The unit model: shift kinds and roster layout built from places and setup.
#include <gtest/gtest.h>

#include "unit_test_support.h"

namespace vigil {
namespace {

TEST(UnitModel, LayoutHasAStayTwelveWatchesAndShowerSlotsPerPlace) {
  test::UnitBuilder b;
  b.people = {test::person("Ana")};
  const Problem p = b.build();
  const UnitLayout L = make_unit_layout(p);
  EXPECT_EQ(L.watch_slots, 12);
  EXPECT_EQ(L.shower_slots, 32);
  EXPECT_EQ(L.lanes, 14);
  EXPECT_EQ(p.lanes_per_day(), 14);
  // post: stay + 12 watches; rest: stay + 12 guard turns + 32 showers.
  EXPECT_EQ(p.shift_count(), 13 + 13 + 32);
  EXPECT_EQ(p.shifts[L.watch_shift[1]].name, "post-1 watch 08:00");
  EXPECT_EQ(p.shifts[L.watch_shift[12 + 11]].name, "rest watch 04:00");
  EXPECT_EQ(p.shifts[L.shower_shift[1 * 32 + 31]].name, "rest shower 21:30");
  EXPECT_EQ(L.shower_start[0], 0);
  EXPECT_EQ(L.shower_start[31], 15 * 60 + 30);
  // 22:00, 00:00, 02:00, 04:00 are night watches: slots 8..11.
  for (int s = 0; s < 12; ++s) EXPECT_EQ(L.night_slot[s], s >= 8 ? 1 : 0) << s;
  EXPECT_EQ(L.role[L.stay_shift[0]], UnitShiftRole::kStay);
  EXPECT_EQ(L.slot_of[L.shower_shift[32 + 5]], 5);
  EXPECT_EQ(L.place_of[L.watch_shift[12 + 3]], 1);
}

TEST(UnitModel, PresenceFollowsAbsencesAtTheChangeover) {
  test::UnitBuilder b;
  b.people = {test::person("Ana", {{"en", LanguageLevel::kNative}}, Experience::kNone, {}, {Absence{1440 + 480, 3 * 1440, "leave"}})};
  const Problem p = b.build();
  const Person& ana = p.people[0];
  EXPECT_TRUE(present_on_day(ana, 1));   // absent only from 14:00 of day 1
  EXPECT_FALSE(present_on_day(ana, 2));
  EXPECT_TRUE(present_on_day(ana, 3));   // back at the day-3 changeover
  EXPECT_TRUE(absent_during(ana, 1440 + 420, 120));
  EXPECT_FALSE(absent_during(ana, 1440 + 360, 120));
}

}  // namespace
}  // namespace vigil
