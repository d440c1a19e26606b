// Hand changes to a unit plan (see plan_edit.h).
#include "model/plan_edit.h"

#include <algorithm>

#include <fmt/format.h>

#include "model/unit.h"
#include "model/wording.h"

namespace vigil {
namespace {

std::string moment_text(const Problem& problem, int minute) {
  return scenario_time_point(problem.horizon.day_start_minute, minute);
}

const std::string& name_of(const Problem& problem, int person) {
  return problem.people[static_cast<std::size_t>(person)].name;
}

// The watch slot starting at `minute` of its day, or -1.
int slot_at(const UnitLayout& L, int minute) {
  const int offset = minute % kMinutesPerDay;
  for (int s = 0; s < L.watch_slots; ++s)
    if (L.slot_start[static_cast<std::size_t>(s)] == offset) return s;
  return -1;
}

void swap_cells(Roster& r, int a, int b, int day, int lane) {
  const ShiftCode x = r.at(a, day, lane);
  r.set(a, day, r.at(b, day, lane), lane);
  r.set(b, day, x, lane);
}

// a's cells at other places than `place` from `from` (unit minutes) on `day`
// are given up; the placement lane is set to `stay`.
void move_day(const UnitLayout& L, Roster& r, int a, int day, int from, ShiftCode stay, int place) {
  r.set(a, day, stay, UnitLayout::kPlacementLane);
  for (int s = 0; s < L.watch_slots; ++s) {
    const ShiftCode w = r.at(a, day, L.watch_lane(s));
    if (w >= 0 && L.place_of[static_cast<std::size_t>(w)] != place &&
        day * kMinutesPerDay + L.slot_start[static_cast<std::size_t>(s)] >= from)
      r.set(a, day, kOff, L.watch_lane(s));
  }
  const ShiftCode sh = r.at(a, day, L.shower_lane);
  if (sh >= 0 && L.place_of[static_cast<std::size_t>(sh)] != place &&
      day * kMinutesPerDay + L.shower_start[static_cast<std::size_t>(L.slot_of[static_cast<std::size_t>(sh)])] >= from)
    r.set(a, day, kOff, L.shower_lane);
}

}  // namespace

int plan_edit_minute(const Problem& problem, const PlanEdit& edit) {
  if (edit.kind == PlanEdit::Kind::kSwapDay) return edit.day * kMinutesPerDay;
  (void)problem;
  return edit.minutes.empty() ? 0 : *std::min_element(edit.minutes.begin(), edit.minutes.end());
}

std::string plan_edit_text(const Problem& problem, const PlanEdit& edit) {
  const auto name = [&](int person) {
    return person >= 0 && person < problem.person_count() ? name_of(problem, person) : std::string("?");
  };
  switch (edit.kind) {
    case PlanEdit::Kind::kSwapDay:
      return fmt::format("{} and {} swap {}", name(edit.a), name(edit.b), day_label(problem, edit.day));
    case PlanEdit::Kind::kSwapWatches: {
      std::string times;
      for (std::size_t i = 0; i < edit.minutes.size(); ++i) {
        const int m = std::max(edit.minutes[i], 0);
        times += (i ? " and " : "") + day_label(problem, m / kMinutesPerDay) + " " +
                 clock_label(problem.horizon.day_start_minute + m % kMinutesPerDay);
      }
      return fmt::format("{} and {} swap the {} of {}", name(edit.a), name(edit.b),
                         edit.minutes.size() == 1 ? "watch" : "watches", times);
    }
    case PlanEdit::Kind::kAssign: {
      const bool known = edit.place >= 0 && edit.place < static_cast<int>(problem.places.size());
      return fmt::format("{} to {} from {}", name(edit.a),
                         known ? problem.places[static_cast<std::size_t>(edit.place)].name : std::string("?"),
                         moment_text(problem, edit.minutes.empty() ? 0 : std::max(edit.minutes[0], 0)));
    }
  }
  return {};
}

Result<Roster> apply_plan_edit(const Problem& problem, const Roster& plan, const PlanEdit& edit,
                               const std::string& source) {
  auto fail = [&](const std::string& message) { return InputError{source, 0, 0, message, ""}; };
  if (!problem.is_unit()) return fail("expected a unit problem (a scenario)");
  const UnitLayout L = make_unit_layout(problem);
  const int people = problem.person_count(), end = problem.days() * kMinutesPerDay;
  if (edit.a < 0 || edit.a >= people || edit.b < 0 || edit.b >= people) return fail("expected people of the unit");
  Roster out = plan;
  switch (edit.kind) {
    case PlanEdit::Kind::kSwapDay: {
      if (edit.a == edit.b) return fail("expected two different people to swap");
      if (edit.day < 0 || edit.day >= problem.days())
        return fail(fmt::format("expected a day from 0 to {}, got {}", problem.days() - 1, edit.day));
      if (plan.transfer(edit.a, edit.day) || plan.transfer(edit.b, edit.day))
        return fail(fmt::format("expected a day without a transfer, got {}, on which {} moved", day_label(problem, edit.day),
                                name_of(problem, plan.transfer(edit.a, edit.day) ? edit.a : edit.b)));
      for (int lane = 0; lane < L.lanes; ++lane) swap_cells(out, edit.a, edit.b, edit.day, lane);
      if (out == plan)
        return fail(fmt::format("{} and {} have the same {}: nothing to swap", name_of(problem, edit.a),
                                name_of(problem, edit.b), day_label(problem, edit.day)));
      return out;
    }
    case PlanEdit::Kind::kSwapWatches: {
      if (edit.a == edit.b) return fail("expected two different people to swap");
      if (edit.minutes.empty() || edit.minutes.size() > 2) return fail("expected one or two watch times");
      std::vector<std::pair<int, int>> cells;  // (day, lane)
      for (int minute : edit.minutes) {
        const int s = minute >= 0 && minute < end ? slot_at(L, minute) : -1;
        if (s < 0)
          return fail(fmt::format("expected the start of a watch ({} watches from the changeover), got {}",
                                  duration_text(L.watch_minutes), moment_text(problem, std::clamp(minute, 0, end - 1))));
        cells.emplace_back(minute / kMinutesPerDay, L.watch_lane(s));
      }
      for (const auto& [day, lane] : cells)
        if (plan.at(edit.a, day, lane) < 0 && plan.at(edit.b, day, lane) < 0)
          return fail(fmt::format("{} stands no watch at {} and neither does {}", name_of(problem, edit.a),
                                  moment_text(problem, day * kMinutesPerDay + L.slot_start[static_cast<std::size_t>(lane - UnitLayout::kFirstWatchLane)]),
                                  name_of(problem, edit.b)));
      for (const auto& [day, lane] : cells) swap_cells(out, edit.a, edit.b, day, lane);
      return out;
    }
    case PlanEdit::Kind::kAssign: {
      if (edit.minutes.size() != 1) return fail("expected one moment to assign from");
      const int from = edit.minutes[0];
      if (from < 0 || from >= end)
        return fail(fmt::format("expected a moment within the horizon, got {}", moment_text(problem, std::max(from, 0))));
      if (edit.place < 0 || edit.place >= static_cast<int>(problem.places.size()) ||
          L.stay_shift[static_cast<std::size_t>(edit.place)] < 0)
        return fail("expected a post or a rest center to assign to");
      const int day = from / kMinutesPerDay;
      const ShiftCode stay = L.stay_shift[static_cast<std::size_t>(edit.place)];
      if (from % kMinutesPerDay != 0) {
        if (plan.transfer(edit.a, day))
          return fail(fmt::format("{} already moved once on {}; assign from a changeover instead",
                                  name_of(problem, edit.a), day_label(problem, day)));
        if (plan.at(edit.a, day, UnitLayout::kPlacementLane) != stay)
          out.set_transfer({edit.a, day, from, plan.at(edit.a, day, UnitLayout::kPlacementLane)});
      }
      const int P = std::max(1, problem.unit->rotation.post_days);
      const int last = std::min(problem.days(), (day / P + 1) * P);
      for (int d = day; d < last; ++d) move_day(L, out, edit.a, d, from, stay, edit.place);
      if (out == plan)
        return fail(fmt::format("{} is at {} from {} already", name_of(problem, edit.a),
                                problem.places[static_cast<std::size_t>(edit.place)].name, moment_text(problem, from)));
      return out;
    }
  }
  return out;
}

}  // namespace vigil
