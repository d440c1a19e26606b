// Short watch slots and who could cover them (see uncovered_watches.h).
#include "report/uncovered_watches.h"

#include <algorithm>
#include <optional>
#include <tuple>

#include <fmt/format.h>

#include "eval/rules/day_limits.h"
#include "eval/rules/travel_duties.h"
#include "eval/rules/watch_partners.h"
#include "model/unit_day.h"
#include "model/wording.h"

namespace vigil {

namespace {

// Who is where and on watch when, read once from the roster.
struct WatchView {
  const Problem& problem;
  const Roster& roster;
  UnitLayout layout;
  rules::DayLimits limits;
  std::vector<rules::WatchTraits> traits;
  int travel_minutes;  // rule travel's time between places, 0 when the rule is off
  int watch_lanes;     // as the roster holds them (0 when no place has watchers)
  bool has_shower_lane;

  WatchView(const Problem& p, const Roster& r)
      : problem(p), roster(r), layout(make_unit_layout(p)),
        limits(rules::day_limits(p.unit->parameters, layout.watch_minutes, layout.watch_slots)),
        traits(rules::watch_traits(p)),
        travel_minutes(p.rule(RuleKind::kTravel).enabled ? p.unit->parameters.travel_minutes : 0),
        watch_lanes(r.lanes() > layout.watch_slots ? layout.watch_slots : 0),
        has_shower_lane(r.lanes() > layout.shower_lane) {}

  bool on_watch(int person, int day, int slot) const { return roster.at(person, day, layout.watch_lane(slot)) >= 0; }
  int watch_place(int person, int day, int slot) const {
    const ShiftCode code = roster.at(person, day, layout.watch_lane(slot));
    return code >= 0 ? layout.place_of[static_cast<std::size_t>(code)] : -1;
  }
  int place_of(int person, int day) const {
    const ShiftCode code = roster.at(person, day, UnitLayout::kPlacementLane);
    return code >= 0 && layout.role[static_cast<std::size_t>(code)] == UnitShiftRole::kStay
               ? layout.place_of[static_cast<std::size_t>(code)]
               : -1;
  }
  int watches_on(int person, int day) const {
    int n = 0;
    for (int s = 0; s < layout.watch_slots; ++s) n += on_watch(person, day, s) ? 1 : 0;
    return n;
  }
  std::uint64_t mask(int person, int day) const {
    std::uint64_t m = 0;
    if (day < 0 || day >= problem.days()) return m;
    for (int s = 0; s < layout.watch_slots; ++s)
      if (on_watch(person, day, s)) m |= std::uint64_t{1} << s;
    return m;
  }
  // Whether the person keeps the three limits with `slot` of `day` added:
  // any 24 hours over the changeover either side, and the run through it on
  // the person's whole timeline.
  bool keeps_limits_with(int person, int day, int slot) const {
    const std::uint64_t with = mask(person, day) | (std::uint64_t{1} << slot);
    if (!rules::keeps_limits_between(mask(person, day - 1), with, mask(person, day + 1), limits)) return false;
    const int W = layout.watch_slots, at = day * W + slot;
    auto busy = [&](int t) { return t >= 0 && t < problem.days() * W && on_watch(person, t / W, t % W); };
    int run = 1;
    for (int t = at - 1; busy(t); --t) ++run;
    for (int t = at + 1; busy(t); ++t) ++run;
    return rules::run_over(run, limits) == 0;
  }
  // Whether the person could get to `place` for `slot` of `day` and away
  // again: with rule travel on, none of their duties elsewhere (watches,
  // guard turns, showers, on that day or the days either side) ends less
  // than the travel time before the watch or starts less than it after.
  bool can_travel_to(int person, int day, int slot, int place) const {
    if (travel_minutes <= 0) return true;
    const int start = day * kMinutesPerDay + layout.slot_start[static_cast<std::size_t>(slot)];
    const rules::Duty watch{start, start + layout.watch_minutes, place, slot};
    rules::DayDuties duties;
    for (int d = std::max(0, day - 1); d <= std::min(problem.days() - 1, day + 1); ++d) {
      rules::day_duties(layout, d, watch_lanes, has_shower_lane, [&](int lane) { return roster.at(person, d, lane); },
                        duties);
      for (int i = 0; i < duties.count; ++i) {
        const rules::Duty& other = duties.duty[static_cast<std::size_t>(i)];
        const bool before = other.start < watch.start;
        if (before ? rules::too_close(other, watch, travel_minutes) : rules::too_close(watch, other, travel_minutes))
          return false;
      }
    }
    return true;
  }
};

// Who is where on one day, read once for all of the day's short watches: the
// people at each place, and everyone at a rest center, each list in the
// candidates' order (fewest watches that day first, then by index).
struct DayPlaces {
  std::vector<std::vector<int>> at_place;  // [place]
  std::vector<int> resting;                // at any rest center

  DayPlaces(const WatchView& view, int day) : at_place(view.problem.places.size()) {
    std::vector<int> watches(static_cast<std::size_t>(view.problem.person_count()), 0);
    for (int q = 0; q < view.problem.person_count(); ++q) {
      const int at = view.place_of(q, day);
      if (at < 0) continue;
      watches[static_cast<std::size_t>(q)] = view.watches_on(q, day);
      at_place[static_cast<std::size_t>(at)].push_back(q);
      if (view.problem.places[static_cast<std::size_t>(at)].kind == PlaceKind::kRestCenter) resting.push_back(q);
    }
    const auto fewer_watches = [&](int a, int b) {
      return std::tie(watches[static_cast<std::size_t>(a)], a) < std::tie(watches[static_cast<std::size_t>(b)], b);
    };
    for (auto& people : at_place) std::stable_sort(people.begin(), people.end(), fewer_watches);
    std::stable_sort(resting.begin(), resting.end(), fewer_watches);
  }
};

// The nearest who could stand the short watch `w`: first those at its place,
// then those at a rest center, each by fewest watches that day. Only the
// first kMostCandidates who qualify are looked for, so a unit of thousands is
// not scanned whole for each short watch.
std::vector<CoverCandidate> candidates_for(const WatchView& view, const DayPlaces& day, const UncoveredWatch& w) {
  const Problem& problem = view.problem;
  const auto qualifies = [&](int q) {
    if (view.on_watch(q, w.day, w.slot)) return false;
    if (absent_during(problem.people[static_cast<std::size_t>(q)], w.start_minute, w.end_minute - w.start_minute))
      return false;
    if (!view.keeps_limits_with(q, w.day, w.slot)) return false;
    if (!view.can_travel_to(q, w.day, w.slot, w.place)) return false;
    const auto& mine = view.traits[static_cast<std::size_t>(q)];
    return std::all_of(w.remaining.begin(), w.remaining.end(), [&](int r) {
      return rules::may_watch_together(mine, view.traits[static_cast<std::size_t>(r)]);
    });
  };
  std::vector<CoverCandidate> out;
  for (int q : day.at_place[static_cast<std::size_t>(w.place)]) {
    if (out.size() == kMostCandidates) return out;
    if (qualifies(q)) out.push_back({q, w.place});
  }
  for (int q : day.resting) {
    if (out.size() == kMostCandidates) return out;
    const int at = view.place_of(q, w.day);
    if (at != w.place && qualifies(q)) out.push_back({q, at});
  }
  return out;
}

std::string join_names(const Problem& problem, const std::vector<int>& people) {
  std::string out;
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (i > 0) out += i + 1 == people.size() ? " and " : ", ";
    out += problem.people[static_cast<std::size_t>(people[i])].name;
  }
  return out;
}

}  // namespace

int plan_from_minute(const Problem& problem) {
  return problem.unit && problem.unit->repair ? problem.unit->repair->now_minute : 0;
}

std::vector<UncoveredWatch> uncovered_watches(const Problem& problem, const Roster& roster, int from_minute) {
  std::vector<UncoveredWatch> out;
  if (!problem.unit) return out;
  const WatchView view(problem, roster);
  const UnitLayout& layout = view.layout;
  for (int d = 0; d < roster.days(); ++d) {
    std::optional<DayPlaces> day;  // read when the day has a short watch
    for (int s = 0; s < layout.watch_slots; ++s) {
      const int start = d * kMinutesPerDay + layout.slot_start[static_cast<std::size_t>(s)];
      if (start + layout.watch_minutes <= from_minute) continue;
      std::vector<std::vector<int>> on_slot(static_cast<std::size_t>(layout.places));
      for (int p = 0; p < roster.people(); ++p)
        if (const int pl = view.watch_place(p, d, s); pl >= 0) on_slot[static_cast<std::size_t>(pl)].push_back(p);
      for (int pl = 0; pl < layout.places; ++pl) {
        const int needed = problem.places[static_cast<std::size_t>(pl)].watchers_on(d);
        if (needed <= 0) continue;
        UncoveredWatch w{pl, d, s, start, start + layout.watch_minutes, {}, {}, 0, {}};
        for (int p : on_slot[static_cast<std::size_t>(pl)]) {
          const bool away = absent_during(problem.people[static_cast<std::size_t>(p)], start, layout.watch_minutes);
          (away ? w.away : w.remaining).push_back(p);
        }
        w.missing = needed - static_cast<int>(w.remaining.size());
        if (w.missing <= 0) continue;
        if (!day) day.emplace(view, d);
        w.candidates = candidates_for(view, *day, w);
        out.push_back(std::move(w));
      }
    }
  }
  return out;  // slots start in day-then-slot order, which is time order
}

std::string uncovered_text(const Problem& problem, const UncoveredWatch& w, const std::optional<CalendarDate>& day0) {
  const Place& place = problem.places[static_cast<std::size_t>(w.place)];
  const char* duty = place.kind == PlaceKind::kRestCenter ? "on guard" : "on watch";
  std::string out = fmt::format("{}, {}: ", place.name, calendar_when(problem, day0, w.start_minute, w.end_minute));
  if (w.remaining.empty()) out += fmt::format("nobody {}", duty);
  else if (w.remaining.size() == 1) out += join_names(problem, w.remaining) + " alone";
  else out += fmt::format("{} {}", join_names(problem, w.remaining), duty);
  if (!w.away.empty()) out += fmt::format(" ({} away)", join_names(problem, w.away));
  out += fmt::format(", {} missing; ", w.missing);
  if (w.candidates.empty()) return out + "nobody can cover it within the rules";
  out += "could cover: ";
  for (std::size_t i = 0; i < w.candidates.size(); ++i)
    out += fmt::format("{}{} (at {})", i ? ", " : "", problem.people[static_cast<std::size_t>(w.candidates[i].person)].name,
                       problem.places[static_cast<std::size_t>(w.candidates[i].place)].name);
  return out;
}

}  // namespace vigil
