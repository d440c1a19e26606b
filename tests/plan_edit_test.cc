// Hand changes to a unit plan (model/plan_edit.h): swapping a day, swapping
// watches, assigning someone to a place from a moment (a transfer), and the
// edits that cannot be made, word for word.
#include <gtest/gtest.h>

#include "eval/edit_scoring.h"
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

TEST(PlanEdit, EditsInWords) {
  const Problem p = edit_unit();
  EXPECT_EQ(plan_edit_text(p, {PlanEdit::Kind::kSwapDay, 0, 1, 1, {}, 0}), "Ana and Bo swap day 1 (Tue)");
  EXPECT_EQ(plan_edit_text(p, {PlanEdit::Kind::kSwapWatches, 0, 1, 0, {0}, 0}),
            "Ana and Bo swap the watch of day 0 (Mon) 06:00");
  EXPECT_EQ(plan_edit_text(p, {PlanEdit::Kind::kSwapWatches, 0, 1, 0, {240, 1320}, 0}),
            "Ana and Bo swap the watches of day 0 (Mon) 10:00 and day 0 (Mon) 04:00");
  EXPECT_EQ(plan_edit_text(p, {PlanEdit::Kind::kAssign, 2, 2, 0, {1800}, kPost}), "Cy to post-1 from day 1 12:00");
}

// Only what the edit breaks is held against it: the plan in force already
// leaves post-1 short, and a watch handed from Ana to Cy, who is at the rest
// center, breaks one-place for Cy and his shower at 11:00 (during the watch),
// nothing else.
TEST(EditScoring, NamesOnlyWhatTheEditBreaks) {
  const Problem p = edit_unit();
  const Roster plan = edit_plan(p);
  auto scored = score_plan_edit(p, plan, {PlanEdit::Kind::kSwapWatches, 0, 2, 0, {240}, 0}, "swap");
  ASSERT_TRUE(scored.ok()) << scored.error().format();
  EXPECT_GT(scored->before.score.hard, 0);  // post-1 is short in the plan in force
  EXPECT_EQ(scored->minute, 240);
  ASSERT_EQ(scored->newly_broken.size(), 2u) << unkept_rules_text(scored->problem, scored->newly_broken);
  EXPECT_EQ(scored->newly_broken[0].rule, RuleKind::kOnePlace);
  EXPECT_EQ(scored->newly_broken[0].where, "Cy");
  EXPECT_EQ(scored->newly_broken[1].rule, RuleKind::kShowers);
  EXPECT_EQ(scored->newly_broken[1].details[0], "Cy, day 0 (Mon) 11:00-11:30: shower at rest during own watch 10:00-12:00 at post-1");
  EXPECT_EQ(scored->after.rules[static_cast<int>(RuleKind::kFrozenPast)].units, 0);
  // Handing it back to Ana from Bo breaks nothing new: Bo is at post-1 too.
  auto fine = score_plan_edit(p, plan, {PlanEdit::Kind::kSwapWatches, 0, 1, 0, {240}, 0}, "swap");
  ASSERT_TRUE(fine.ok());
  EXPECT_TRUE(fine->breaks_no_hard_rule()) << unkept_rules_text(fine->problem, fine->newly_broken);
  EXPECT_EQ(fine->after.rules[static_cast<int>(RuleKind::kChanges)].matches, 2);  // two cells changed
  // The edit's own errors come back as they are.
  auto wrong = score_plan_edit(p, plan, {PlanEdit::Kind::kSwapWatches, 0, 1, 0, {60}, 0}, "swap");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().headline(), "swap: expected the start of a watch (2 h watches from the changeover), got day 0 07:00");
}

}  // namespace
}  // namespace vigil
