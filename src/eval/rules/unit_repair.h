// The repair rules: frozen-past (hard) and changes (wish). Both compare the
// roster with the plan in force before the repair (UnitSetup::repair), cell
// by cell: a cell that starts before now must not differ; any later cell
// that differs is a change, priced higher when it starts within the next
// hours (soon_minutes). Nothing is counted when the problem is no repair.
#pragma once

#include "eval/rules/rule_support.h"
#include "eval/unit_context.h"
#include "model/wording.h"

namespace vigil::rules {

struct Repair {
  // What a cell holds, in words: "at post-2", "on watch at post-2", "shower at rest-1", or "free".
  static std::string cell_text(const UnitContext& cx, int lane, ShiftCode c) {
    if (c < 0) return lane == UnitLayout::kPlacementLane ? "nowhere" : "free";
    const int pl = cx.layout.place_of[static_cast<std::size_t>(c)];
    if (lane == UnitLayout::kPlacementLane) return "at " + cx.place_name(pl);
    if (lane < cx.layout.shower_lane) return fmt::format("{} at {}", cx.duty(pl), cx.place_name(pl));
    return fmt::format("shower {} at {}", cx.shower_text(cx.layout.slot_of[static_cast<std::size_t>(c)]), cx.place_name(pl));
  }
  static std::string when_text(const UnitContext& cx, int day, int lane) {
    if (lane == UnitLayout::kPlacementLane) return day_label(cx.problem, day);
    if (lane < cx.layout.shower_lane) return cx.when(day, lane - UnitLayout::kFirstWatchLane);
    return day_label(cx.problem, day) + " shower";
  }

  static void evaluate(const RuleInput& in, const UnitContext& cx, RuleTally* frozen, RuleTally* changes,
                       std::int64_t change_rule_weight) {
    const auto& repair = in.problem.unit->repair;
    if (!repair || (!frozen && !changes)) return;
    const Roster& before = repair->plan;
    if (before.people() != in.roster.people() || before.days() != in.roster.days() ||
        before.lanes() != in.roster.lanes())
      return;
    for (int p = 0; p < cx.people; ++p)
      for (int d = 0; d < cx.days; ++d)
        for (int lane = 0; lane < in.roster.lanes(); ++lane) {
          const ShiftCode was = before.at(p, d, lane), now = in.roster.at(p, d, lane);
          if (was == now) continue;
          const int start = change_minute(cx.layout, *repair, p, d, lane, was, now);
          if (start < repair->now_minute) {
            if (frozen)
              record(in, RuleKind::kFrozenPast, *frozen, p, d, d, now, 1, 1, [&] {
                return fmt::format("{}, {}: changed before now ({}): was {}, now {}", cx.name(p), when_text(cx, d, lane),
                                   cx.moment(repair->now_minute), cell_text(cx, lane, was), cell_text(cx, lane, now));
              });
            continue;
          }
          if (!changes) continue;
          const bool soon = start < repair->now_minute + repair->soon_minutes;
          const std::int64_t cost = change_rule_weight * (soon ? repair->soon_change_weight : repair->change_weight);
          record(in, RuleKind::kChanges, *changes, p, d, d, now, 1, cost, [&] {
            return fmt::format("{}, {}: {} -> {}{}", cx.name(p), when_text(cx, d, lane), cell_text(cx, lane, was),
                               cell_text(cx, lane, now), soon ? " (within the next hours)" : "");
          });
        }
  }
};

}  // namespace vigil::rules
