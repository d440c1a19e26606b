// Lookups and border validation for Problem.
#include "model/problem.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace vigil {

int Problem::lanes_per_day() const {
  // A unit roster always has its placement lane, a lane per watch slot and the
  // shower lane (make_unit_layout), even where no place has watches or
  // showers: every plan of a unit has the one shape its layout reads.
  if (unit) return UnitLayout::kFirstWatchLane + unit->watch_slots_per_day() + 1;
  int lanes = 1;
  for (const auto& s : shifts) lanes = std::max(lanes, s.lane + 1);
  return lanes;
}

std::optional<ShiftId> Problem::find_shift(const std::string& shift_name) const {
  for (std::size_t i = 0; i < shifts.size(); ++i)
    if (shifts[i].name == shift_name) return ShiftId(static_cast<int>(i));
  return std::nullopt;
}

std::optional<PersonId> Problem::find_person(const std::string& person_name) const {
  for (std::size_t i = 0; i < people.size(); ++i)
    if (people[i].name == person_name) return PersonId(static_cast<int>(i));
  return std::nullopt;
}

namespace {

// A place's opening, closing and bed changes (Place): days within the
// horizon, in order, and no change to fewer beds than watchers.
std::optional<std::string> check_place_dates(const Place& pl, int days) {
  if (pl.open_day != 0 || pl.close_day != Place::kNeverCloses) {
    if (pl.kind != PlaceKind::kPost)
      return fmt::format("place '{}': only a post opens or closes within the horizon", pl.name);
    if (pl.open_day < 0 || pl.open_day >= days)
      return fmt::format("place '{}': expected an opening day from 0 to {}, got {}", pl.name, days - 1, pl.open_day);
    if (pl.close_day != Place::kNeverCloses && (pl.close_day <= pl.open_day || pl.close_day > days))
      return fmt::format("place '{}': expected a closing day from {} to {}, got {}", pl.name, pl.open_day + 1, days,
                         pl.close_day);
  }
  int after = 0;
  for (const BedsChange& c : pl.beds_changes) {
    if (c.day <= after || c.day >= days)
      return fmt::format("place '{}': expected bed changes on days from {} to {}, in order, got day {}", pl.name,
                         after + 1, days - 1, c.day);
    after = c.day;
  }
  for (const BedsChange& c : pl.beds_changes)
    if (c.beds < 0 || (c.beds > 0 && pl.watchers > c.beds))
      return fmt::format("place '{}': expected at least as many beds as watchers ({}) from day {}, got {}", pl.name,
                         pl.watchers, c.day, c.beds);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> Problem::validate() const {
  if (horizon.days <= 0) return fmt::format("horizon: expected at least 1 day, got {}", horizon.days);
  for (int k = 0; k < kRuleCount; ++k) {
    const RuleInfo& info = rule_info(static_cast<RuleKind>(k));
    if (!rules[static_cast<std::size_t>(k)].enabled) continue;
    if (info.owner != kind())
      return fmt::format("rule '{}' belongs to {} problems, not to this one", info.name,
                         info.owner == ProblemKind::kUnit ? "unit" : "benchmark");
    if (info.prices_itself && rules[static_cast<std::size_t>(k)].hard)
      return fmt::format("rule '{}' can only be soft (it is priced by its own weights)", info.name);
  }
  if (unit && unit->languages.size() > static_cast<std::size_t>(kMaxLanguages))
    return fmt::format("languages: expected at most {} language codes, got {}", kMaxLanguages, unit->languages.size());
  if (unit && (unit->watch_minutes < kMinWatchMinutes || unit->watch_minutes > kMinutesPerDay ||
               kMinutesPerDay % unit->watch_minutes != 0))
    return fmt::format("watch-length: expected from {} min to 24 h, dividing 24 h evenly, got {} min", kMinWatchMinutes,
                       unit->watch_minutes);
  for (const Place& pl : places)
    if (auto err = check_place_dates(pl, horizon.days)) return err;
  if (unit && std::any_of(places.begin(), places.end(), [](const Place& pl) { return pl.kind == PlaceKind::kPost; }))
    for (int d = 0; d < horizon.days; ++d)
      if (std::none_of(places.begin(), places.end(),
                       [&](const Place& pl) { return pl.kind == PlaceKind::kPost && pl.open_on(d); }))
        return fmt::format("places: expected a post open on every day (a unit keeps at least one post), got none on day {}", d);
  if (shifts.empty()) return std::string("shifts: expected at least one shift kind");
  if (shifts.size() > 32000) return fmt::format("shifts: at most 32000 shift kinds, got {}", shifts.size());
  std::set<std::string> names;
  for (const auto& s : shifts) {
    if (!names.insert(s.name).second) return fmt::format("shift '{}': defined twice", s.name);
    if (s.length_minutes <= 0) return fmt::format("shift '{}': expected a positive length, got {}", s.name, s.length_minutes);
    for (ShiftId n : s.forbidden_next)
      if (!n.valid() || n.index() >= shifts.size()) return fmt::format("shift '{}': forbidden successor out of range", s.name);
    if (s.place.valid() && !places.empty() && s.place.index() >= places.size())
      return fmt::format("shift '{}': place out of range", s.name);
  }
  names.clear();
  for (const auto& p : people) {
    if (!names.insert(p.name).second) return fmt::format("person '{}': defined twice", p.name);
    if (!is_unit() && p.limits.max_per_shift.size() != shifts.size())
      return fmt::format("person '{}': expected a limit for each of the {} shift kinds, got {}", p.name,
                         shifts.size(), p.limits.max_per_shift.size());
    if (p.limits.min_total_minutes > p.limits.max_total_minutes)
      return fmt::format("person '{}': minimum total minutes {} exceeds the maximum {}", p.name,
                         p.limits.min_total_minutes, p.limits.max_total_minutes);
    for (int d : p.required_days_off)
      if (d < 0 || d >= horizon.days) return fmt::format("person '{}': day off {} outside the horizon 0..{}", p.name, d, horizon.days - 1);
  }
  for (const auto& r : requests) {
    if (!r.person.valid() || r.person.index() >= people.size()) return std::string("request: person out of range");
    if (!r.shift.valid() || r.shift.index() >= shifts.size()) return std::string("request: shift out of range");
    if (r.day < 0 || r.day >= horizon.days) return fmt::format("request: day {} outside the horizon", r.day);
    if (r.weight < 0) return fmt::format("request: expected a non-negative weight, got {}", r.weight);
  }
  std::vector<char> seen(static_cast<std::size_t>(horizon.days) * shifts.size(), 0);
  for (const auto& c : cover) {
    if (c.day < 0 || c.day >= horizon.days) return fmt::format("cover: day {} outside the horizon", c.day);
    if (!c.shift.valid() || c.shift.index() >= shifts.size()) return std::string("cover: shift out of range");
    if (c.required < 0 || c.weight_under < 0 || c.weight_over < 0)
      return fmt::format("cover day {} shift '{}': expected non-negative numbers", c.day, shifts[c.shift.index()].name);
    auto& mark = seen[static_cast<std::size_t>(c.day) * shifts.size() + c.shift.index()];
    if (mark) return fmt::format("cover day {} shift '{}': given twice", c.day, shifts[c.shift.index()].name);
    mark = 1;
  }
  return std::nullopt;
}

void use_default_rules(Problem& problem, ProblemKind kind) {
  for (RuleSetting& s : problem.rules) s = RuleSetting{false, true, 1};
  for (RuleKind k : rules_of(kind)) problem.rule(k) = RuleSetting{rule_info(k).enabled_by_default, rule_info(k).hard_by_default, 1};
}

bool available_at(const Person& person, int minute) {
  for (const Absence& a : person.unit.absences)
    if (minute >= a.from_minute && minute < a.until_minute) return false;
  return true;
}

bool absent_during(const Person& person, int from, int length) {
  for (const Absence& a : person.unit.absences)
    if (from < a.until_minute && a.from_minute < from + length) return true;
  return false;
}

}  // namespace vigil
