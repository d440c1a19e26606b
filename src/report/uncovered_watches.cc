// Short watch slots and who could cover them (see uncovered_watches.h).
#include "report/uncovered_watches.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "eval/rules/day_limits.h"
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

  WatchView(const Problem& p, const Roster& r)
      : problem(p), roster(r), layout(make_unit_layout(p)),
        limits(rules::day_limits(p.unit->parameters, layout.watch_minutes, layout.watch_slots)),
        traits(rules::watch_traits(p)) {}

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
  // Whether the person's day keeps the three daily limits with `slot` added.
  bool keeps_limits_with(int person, int day, int slot) const {
    bool long_run = false;
    const rules::DayWatches scan = rules::scan_day(
        layout.watch_slots, limits.max_in_row, [&](int s) { return s == slot || on_watch(person, day, s); },
        [&](int, int) { long_run = true; });
    return !long_run && rules::watches_over(scan.watches, limits) == 0 && !rules::rest_too_short(scan.longest_free, limits);
  }
};

std::vector<CoverCandidate> candidates_for(const WatchView& view, const UncoveredWatch& w) {
  const Problem& problem = view.problem;
  struct Ranked {
    bool elsewhere;
    int watches, person, place;
  };
  std::vector<Ranked> ranked;
  for (int q = 0; q < problem.person_count(); ++q) {
    const int at = view.place_of(q, w.day);
    if (at < 0) continue;
    const bool same_place = at == w.place;
    if (!same_place && problem.places[static_cast<std::size_t>(at)].kind != PlaceKind::kRestCenter) continue;
    if (view.on_watch(q, w.day, w.slot)) continue;
    if (absent_during(problem.people[static_cast<std::size_t>(q)], w.start_minute, w.end_minute - w.start_minute)) continue;
    if (!view.keeps_limits_with(q, w.day, w.slot)) continue;
    const auto& mine = view.traits[static_cast<std::size_t>(q)];
    if (!std::all_of(w.remaining.begin(), w.remaining.end(), [&](int r) {
          return rules::may_watch_together(mine, view.traits[static_cast<std::size_t>(r)]);
        }))
      continue;
    ranked.push_back(Ranked{!same_place, view.watches_on(q, w.day), q, at});
  }
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    return std::tie(a.elsewhere, a.watches, a.person) < std::tie(b.elsewhere, b.watches, b.person);
  });
  std::vector<CoverCandidate> out;
  for (std::size_t i = 0; i < ranked.size() && i < kMostCandidates; ++i) out.push_back({ranked[i].person, ranked[i].place});
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
  for (int d = 0; d < roster.days(); ++d)
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
        w.candidates = candidates_for(view, w);
        out.push_back(std::move(w));
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
