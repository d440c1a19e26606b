// Hand changes to a unit plan (model/plan_edit.h): swapping a day, swapping
// watches, assigning someone to a place from a moment (a transfer), and the
// edits that cannot be made, word for word.
#include <gtest/gtest.h>

#include "eval/evaluation.h"
#include "model/plan_edit.h"
#include "unit_test_support.h"

namespace vigil {
namespace {

using test::person;
using L = LanguageLevel;
constexpr int kPost = 0, kRest = 1;

// Ana and Bo at post-1 on days 0-1 with 2-hour watches; Cy at rest on days 0-1.
Problem edit_unit() {
  test::UnitBuilder b;
  b.days = 4;
  b.people = {person("Ana", {{"en", L::kNative}}), person("Bo", {{"en", L::kNative}}),
              person("Cy", {{"en", L::kNative}})};
  return b.build();
}

Roster edit_plan(const Problem& p) {
  test::UnitRosterWriter w(p);
  for (int d = 0; d < 2; ++d) {
    w.place(0, d, kPost);
    w.place(1, d, kPost);
    w.place(2, d, kRest);
  }
  w.watches(0, 0, {0, 2}, kPost);  // Ana: 06:00 and 10:00 on day 0
  w.watches(1, 0, {1}, kPost);     // Bo: 08:00
  w.shower(2, 0, 10, kRest);       // Cy: shower 11:00 on day 0
  return w.roster;
}

TEST(PlanEdit, SwapDayExchangesEverythingOfThatDay) {
  const Problem p = edit_unit();
  const Roster plan = edit_plan(p);
  auto r = apply_plan_edit(p, plan, {PlanEdit::Kind::kSwapDay, 0, 2, 0, {}, 0}, "swap");
  ASSERT_TRUE(r.ok()) << r.error().format();
  const UnitLayout lay = make_unit_layout(p);
  EXPECT_EQ(r->at(0, 0, 0), lay.stay_shift[kRest]);
  EXPECT_EQ(r->at(2, 0, 0), lay.stay_shift[kPost]);
  EXPECT_EQ(r->at(2, 0, lay.watch_lane(0)), plan.at(0, 0, lay.watch_lane(0)));
  EXPECT_EQ(r->at(0, 0, lay.shower_lane), plan.at(2, 0, lay.shower_lane));
  EXPECT_EQ(r->at(0, 1, 0), plan.at(0, 1, 0));  // day 1 untouched
  EXPECT_EQ(plan_edit_minute(p, {PlanEdit::Kind::kSwapDay, 0, 2, 1, {}, 0}), kMinutesPerDay);
}

TEST(PlanEdit, SwapWatchesHandsAWatchOverOrExchangesTwo) {
  const Problem p = edit_unit();
  const Roster plan = edit_plan(p);
  const UnitLayout lay = make_unit_layout(p);
  // Ana's 10:00 watch goes to Bo.
  auto one = apply_plan_edit(p, plan, {PlanEdit::Kind::kSwapWatches, 0, 1, 0, {240}, 0}, "swap");
  ASSERT_TRUE(one.ok()) << one.error().format();
  EXPECT_EQ(one->at(0, 0, lay.watch_lane(2)), kOff);
  EXPECT_EQ(one->at(1, 0, lay.watch_lane(2)), plan.at(0, 0, lay.watch_lane(2)));
  // Ana's 06:00 for Bo's 08:00.
  auto two = apply_plan_edit(p, plan, {PlanEdit::Kind::kSwapWatches, 0, 1, 0, {0, 120}, 0}, "swap");
  ASSERT_TRUE(two.ok()) << two.error().format();
  EXPECT_EQ(two->at(0, 0, lay.watch_lane(1)), plan.at(1, 0, lay.watch_lane(1)));
  EXPECT_EQ(two->at(1, 0, lay.watch_lane(0)), plan.at(0, 0, lay.watch_lane(0)));
  EXPECT_EQ(plan_edit_minute(p, {PlanEdit::Kind::kSwapWatches, 0, 1, 0, {240, 120}, 0}), 120);
}

TEST(PlanEdit, AssignInsideADayIsATransferTheRulesAccept) {
  const Problem p = edit_unit();
  const Roster plan = edit_plan(p);
  const UnitLayout lay = make_unit_layout(p);
  // Ana to the rest center from day 0 12:00 (360 minutes in): her 10:00 watch
  // stays, nothing else of hers at post-1 from then on; day 1 at rest too.
  const int from = 360;
  auto r = apply_plan_edit(p, plan, {PlanEdit::Kind::kAssign, 0, 0, 0, {from}, kRest}, "assign");
  ASSERT_TRUE(r.ok()) << r.error().format();
  ASSERT_NE(r->transfer(0, 0), nullptr);
  EXPECT_EQ(*r->transfer(0, 0), (Transfer{0, 0, from, lay.stay_shift[kPost]}));
  EXPECT_EQ(r->at(0, 0, 0), lay.stay_shift[kRest]);
  EXPECT_EQ(r->at(0, 1, 0), lay.stay_shift[kRest]);
  EXPECT_EQ(r->at(0, 0, lay.watch_lane(2)), plan.at(0, 0, lay.watch_lane(2)));
  // Her watches before 12:00 at post-1 keep one-place: she was there then.
  Problem repair = p;
  repair.unit->repair = RepairBase{plan, from};
  const Evaluation ev = evaluate(repair, *r);
  EXPECT_EQ(ev.rules[static_cast<int>(RuleKind::kOnePlace)].units, 0);
  EXPECT_EQ(ev.rules[static_cast<int>(RuleKind::kFrozenPast)].units, 0);
  const Evaluation alone = evaluate(p, *r);  // the plan alone (its transfer written in it)
  EXPECT_EQ(alone.rules[static_cast<int>(RuleKind::kOnePlace)].units, 0);
}

TEST(PlanEdit, ImpossibleEditsWordForWord) {
  const Problem p = edit_unit();
  const Roster plan = edit_plan(p);
  auto error = [&](const PlanEdit& e) {
    auto r = apply_plan_edit(p, plan, e, "edit");
    return r.ok() ? std::string("OK") : r.error().headline();
  };
  EXPECT_EQ(error({PlanEdit::Kind::kSwapDay, 0, 0, 0, {}, 0}), "edit: expected two different people to swap");
  EXPECT_EQ(error({PlanEdit::Kind::kSwapDay, 0, 1, 0, {}, 0}), "OK");  // their watches differ
  EXPECT_EQ(error({PlanEdit::Kind::kSwapDay, 0, 1, 1, {}, 0}), "edit: Ana and Bo have the same day 1 (Tue): nothing to swap");
  EXPECT_EQ(error({PlanEdit::Kind::kSwapWatches, 0, 1, 0, {60}, 0}),
            "edit: expected the start of a watch (2 h watches from the changeover), got day 0 07:00");
  EXPECT_EQ(error({PlanEdit::Kind::kSwapWatches, 0, 2, 0, {480}, 0}),
            "edit: Ana stands no watch at day 0 14:00 and neither does Cy");
  EXPECT_EQ(error({PlanEdit::Kind::kAssign, 2, 2, 0, {60}, kRest}), "edit: Cy is at rest from day 0 07:00 already");
}

}  // namespace
}  // namespace vigil
