// Names, the unit shift kinds and the roster layout of a unit problem.
#include "model/unit.h"

#include <algorithm>

#include <fmt/format.h>

#include "model/problem.h"

namespace vigil {

const char* place_kind_name(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kWard: return "ward";
    case PlaceKind::kPost: return "post";
    case PlaceKind::kRestCenter: return "rest-center";
  }
  return "?";
}

const char* language_level_name(LanguageLevel level) {
  switch (level) {
    case LanguageLevel::kBasic: return "basic";
    case LanguageLevel::kFluent: return "fluent";
    case LanguageLevel::kNative: return "native";
  }
  return "?";
}

const char* experience_name(Experience e) {
  switch (e) {
    case Experience::kNone: return "none";
    case Experience::kTrained: return "trained";
    case Experience::kVeteran: return "veteran";
  }
  return "?";
}

int UnitSetup::language_index(const std::string& code) const {
  for (std::size_t i = 0; i < languages.size(); ++i)
    if (languages[i] == code) return static_cast<int>(i);
  return -1;
}

int UnitSetup::skill_index(const std::string& name) const {
  for (std::size_t i = 0; i < skills.size(); ++i)
    if (skills[i] == name) return static_cast<int>(i);
  return -1;
}

int UnitPersonInfo::level(int language) const {
  for (const SpokenLanguage& l : languages)
    if (l.language == language) return static_cast<int>(l.level);
  return 0;
}

bool UnitPersonInfo::meets(const TeamNeed& need) const {
  switch (need.kind) {
    case TeamNeed::Kind::kExperience: return static_cast<int>(experience) >= need.value;
    case TeamNeed::Kind::kSkill: return has_skill(need.value);
    case TeamNeed::Kind::kLanguage: return level(need.value) > 0;
  }
  return false;
}

std::string clock_label(int clock_minute) {
  const int m = ((clock_minute % 1440) + 1440) % 1440;
  return fmt::format("{:02}:{:02}", m / 60, m % 60);
}

void add_unit_shifts(Problem& problem) {
  const UnitSetup& unit = *problem.unit;
  const int changeover = problem.horizon.day_start_minute;
  const int slots = unit.watch_slots_per_day();
  const int showers = unit.shower_slots_per_day();
  for (std::size_t pl = 0; pl < problem.places.size(); ++pl) {
    const Place& place = problem.places[pl];
    if (place.kind == PlaceKind::kWard) continue;
    const PlaceId id(static_cast<int>(pl));
    problem.shifts.push_back(ShiftKind{place.name, 0, kMinutesPerDay, UnitLayout::kPlacementLane, id, {}});
    if (place.watchers > 0)
      for (int s = 0; s < slots; ++s) {
        const int start = s * unit.watch_minutes;
        problem.shifts.push_back(ShiftKind{fmt::format("{} watch {}", place.name, clock_label(changeover + start)),
                                           start, unit.watch_minutes, UnitLayout::kFirstWatchLane + s, id, {}});
      }
    if (place.showers > 0)
      for (int k = 0; k < showers; ++k) {
        const int clock = unit.shower_from_clock + k * unit.shower_minutes;
        const int start = ((clock - changeover) % kMinutesPerDay + kMinutesPerDay) % kMinutesPerDay;
        problem.shifts.push_back(ShiftKind{fmt::format("{} shower {}", place.name, clock_label(clock)), start,
                                           unit.shower_minutes, UnitLayout::kFirstWatchLane + slots, id, {}});
      }
  }
}

int cell_start_minute(const UnitLayout& layout, int day, int lane, ShiftCode before, ShiftCode after) {
  const int day_start = day * kMinutesPerDay;
  if (lane == UnitLayout::kPlacementLane) return day_start;
  if (lane < layout.shower_lane) return day_start + layout.slot_start[static_cast<std::size_t>(lane - UnitLayout::kFirstWatchLane)];
  int start = kMinutesPerDay;
  for (ShiftCode c : {before, after})
    if (c >= 0) start = std::min(start, layout.shower_start[static_cast<std::size_t>(layout.slot_of[c])]);
  return day_start + (start == kMinutesPerDay ? 0 : start);
}

int change_minute(const UnitLayout& layout, const RepairBase& repair, int person, int day, int lane,
                  ShiftCode before, ShiftCode after) {
  if (lane == UnitLayout::kPlacementLane && day == repair.transfer_day() && !repair.plan.transfer(person, day))
    return repair.now_minute;
  return cell_start_minute(layout, day, lane, before, after);
}

DayTransfer transfer_on(const Problem& problem, const UnitLayout& layout, const Roster& roster, int person, int day) {
  auto place_of = [&](ShiftCode c) { return c < 0 ? -1 : layout.place_of[static_cast<std::size_t>(c)]; };
  if (const Transfer* t = roster.transfer(person, day)) return {t->minute, place_of(t->earlier)};
  const auto& repair = problem.unit->repair;
  if (!repair || day != repair->transfer_day() || person >= repair->plan.people() || day >= repair->plan.days() ||
      repair->plan.transfer(person, day))
    return {};
  const ShiftCode was = repair->plan.at(person, day, UnitLayout::kPlacementLane);
  if (was == roster.at(person, day, UnitLayout::kPlacementLane)) return {};
  return {repair->now_minute, place_of(was)};
}

int place_at_minute(const UnitLayout& layout, const Roster& roster, const DayTransfer& transfer, int person, int day,
                    int minute) {
  if (transfer.any() && minute < transfer.minute) return transfer.earlier_place;
  const ShiftCode c = roster.at(person, day, UnitLayout::kPlacementLane);
  return c < 0 ? -1 : layout.place_of[static_cast<std::size_t>(c)];
}

void record_transfers(const Problem& problem, Roster& roster) {
  const auto& repair = problem.unit->repair;
  if (!repair) return;
  const int day = repair->transfer_day();
  if (day < 0 || day >= roster.days()) return;
  const UnitLayout layout = make_unit_layout(problem);
  for (int p = 0; p < roster.people(); ++p) {
    if (roster.transfer(p, day)) continue;
    const DayTransfer t = transfer_on(problem, layout, roster, p, day);
    if (t.any())
      roster.set_transfer({p, day, t.minute, repair->plan.at(p, day, UnitLayout::kPlacementLane)});
  }
}

UnitLayout make_unit_layout(const Problem& problem) {
  const UnitSetup& unit = *problem.unit;
  UnitLayout L;
  L.days = problem.days();
  L.watch_slots = unit.watch_slots_per_day();
  L.shower_slots = unit.shower_slots_per_day();
  L.watch_minutes = unit.watch_minutes;
  L.shower_minutes = unit.shower_minutes;
  L.shower_lane = UnitLayout::kFirstWatchLane + L.watch_slots;
  L.lanes = L.shower_lane + 1;
  L.places = static_cast<int>(problem.places.size());
  L.stay_shift.assign(problem.places.size(), kOff);
  L.watch_shift.assign(problem.places.size() * L.watch_slots, kOff);
  L.shower_shift.assign(problem.places.size() * L.shower_slots, kOff);
  const int n = problem.shift_count();
  L.role.resize(n);
  L.place_of.resize(n);
  L.slot_of.resize(n);
  for (int s = 0; s < n; ++s) {
    const ShiftKind& k = problem.shifts[s];
    const int pl = k.place.value;
    L.place_of[s] = pl;
    const auto code = static_cast<ShiftCode>(s);
    if (k.lane == UnitLayout::kPlacementLane) {
      L.role[s] = UnitShiftRole::kStay;
      L.slot_of[s] = 0;
      L.stay_shift[pl] = code;
    } else if (k.lane < L.shower_lane) {
      L.role[s] = UnitShiftRole::kWatch;
      L.slot_of[s] = k.lane - UnitLayout::kFirstWatchLane;
      L.watch_shift[static_cast<std::size_t>(pl) * L.watch_slots + L.slot_of[s]] = code;
    } else {
      L.role[s] = UnitShiftRole::kShower;
      const int clock = (problem.horizon.day_start_minute + k.start_minute) % kMinutesPerDay;
      L.slot_of[s] = ((clock - unit.shower_from_clock + kMinutesPerDay) % kMinutesPerDay) / unit.shower_minutes;
      L.shower_shift[static_cast<std::size_t>(pl) * L.shower_slots + L.slot_of[s]] = code;
    }
  }
  const int changeover = problem.horizon.day_start_minute;
  const auto& par = unit.parameters;
  for (int s = 0; s < L.watch_slots; ++s) {
    const int start = s * unit.watch_minutes;
    L.slot_start.push_back(start);
    const int clock = (changeover + start) % kMinutesPerDay;
    const bool night = par.night_from_clock <= par.night_until_clock
                           ? clock >= par.night_from_clock && clock < par.night_until_clock
                           : clock >= par.night_from_clock || clock < par.night_until_clock;
    L.night_slot.push_back(night ? 1 : 0);
  }
  for (int k = 0; k < L.shower_slots; ++k) {
    const int clock = unit.shower_from_clock + k * unit.shower_minutes;
    L.shower_start.push_back(((clock - changeover) % kMinutesPerDay + kMinutesPerDay) % kMinutesPerDay);
  }
  return L;
}

}  // namespace vigil
