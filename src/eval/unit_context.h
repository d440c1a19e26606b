// What every unit rule reads, worked out once per full evaluation: the unit
// layout, where each person is on each day, who is present, who watches at
// each (place, day, slot) and who is placed at each (place, day). Building it
// is one pass over the roster, so each rule runs in time linear in what it
// counts instead of rescanning the roster per place.
//
// Also the wording shared by the unit rules' explanations: days, watch times,
// hours and lists of names.
#pragma once

#include <climits>
#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "eval/evaluation.h"
#include "model/problem.h"
#include "model/roster.h"
#include "model/unit.h"
#include "model/wording.h"

namespace vigil {

struct UnitContext {
  const Problem& problem;
  const Roster& roster;
  const UnitSetup& unit;
  UnitLayout layout;
  int people = 0, days = 0, slots = 0, places = 0;
  int changeover = 0;   // clock minute of the changeover
  int watch_lanes = 0;  // watch lanes the roster holds (W, or 0 when no place has watchers)
  bool has_shower_lane = false;

  std::vector<int> place;               // [p * days + d]: place index, -1 when placed nowhere
  std::vector<std::uint8_t> present;    // [p * days + d]: 1 when present at the changeover
  std::vector<int> present_days;        // [p]
  std::int64_t present_total = 0;       // sum of present_days
  // Watchers of (place, day, slot), person order: watch_people[watch_begin[i] .. watch_begin[i + 1]).
  std::vector<int> watch_begin, watch_people;
  // People placed at (place, day), person order: stay_people[stay_begin[i] .. stay_begin[i + 1]).
  std::vector<int> stay_begin, stay_people;
  // [p * days + d]: the transfer splitting that day, if any (model/unit.h).
  std::vector<DayTransfer> transfer;
  // A repair's now (cells starting before it are history), else INT_MIN.
  int repair_now = INT_MIN;

  UnitContext(const Problem& p, const Roster& r)
      : problem(p), roster(r), unit(*p.unit), layout(make_unit_layout(p)) {
    people = p.person_count();
    days = p.days();
    slots = layout.watch_slots;
    places = layout.places;
    changeover = p.horizon.day_start_minute;
    watch_lanes = r.lanes() > slots ? slots : 0;
    has_shower_lane = r.lanes() > layout.shower_lane;

    const std::size_t cells = static_cast<std::size_t>(people) * days;
    place.assign(cells, -1);
    present.assign(cells, 0);
    present_days.assign(static_cast<std::size_t>(people), 0);
    for (int q = 0; q < people; ++q) {
      const Person& person = p.people[q];
      for (int d = 0; d < days; ++d) {
        const std::size_t i = pd(q, d);
        const ShiftCode s = day_cells(q, d)[UnitLayout::kPlacementLane];
        if (s >= 0) place[i] = layout.place_of[s];
        if (present_on_day(person, d)) {
          present[i] = 1;
          ++present_days[q];
        }
      }
      present_total += present_days[q];
    }

    if (const auto& rep = p.unit->repair;
        rep && rep->plan.people() == people && rep->plan.days() == days && rep->plan.lanes() == r.lanes())
      repair_now = rep->now_minute;
    transfer.assign(cells, DayTransfer{});
    for (const Transfer& t : r.transfers())
      if (t.person < people && t.day < days) transfer[pd(t.person, t.day)] = transfer_on(p, layout, r, t.person, t.day);
    if (p.unit->repair)
      if (const int td = p.unit->repair->transfer_day(); td >= 0 && td < days)
        for (int q = 0; q < people; ++q) transfer[pd(q, td)] = transfer_on(p, layout, r, q, td);

    // Counting sort of watch cells by (place, day, slot) and of placements
    // by (place, day); scanning people in order keeps each list sorted.
    watch_begin.assign(static_cast<std::size_t>(places) * days * slots + 1, 0);
    stay_begin.assign(static_cast<std::size_t>(places) * days + 1, 0);
    for (int q = 0; q < people; ++q)
      for (int d = 0; d < days; ++d) {
        const ShiftCode* c = day_cells(q, d);
        if (const int pl = place[pd(q, d)]; pl >= 0) ++stay_begin[place_day(pl, d) + 1];
        for (int s = 0; s < watch_lanes; ++s)
          if (const ShiftCode w = c[UnitLayout::kFirstWatchLane + s]; w >= 0)
            ++watch_begin[slot_index(layout.place_of[w], d, s) + 1];
      }
    for (std::size_t i = 1; i < watch_begin.size(); ++i) watch_begin[i] += watch_begin[i - 1];
    for (std::size_t i = 1; i < stay_begin.size(); ++i) stay_begin[i] += stay_begin[i - 1];
    watch_people.resize(static_cast<std::size_t>(watch_begin.back()));
    stay_people.resize(static_cast<std::size_t>(stay_begin.back()));
    std::vector<int> watch_next(watch_begin.begin(), watch_begin.end() - 1);
    std::vector<int> stay_next(stay_begin.begin(), stay_begin.end() - 1);
    for (int q = 0; q < people; ++q)
      for (int d = 0; d < days; ++d) {
        const ShiftCode* c = day_cells(q, d);
        if (const int pl = place[pd(q, d)]; pl >= 0) stay_people[static_cast<std::size_t>(stay_next[place_day(pl, d)]++)] = q;
        for (int s = 0; s < watch_lanes; ++s)
          if (const ShiftCode w = c[UnitLayout::kFirstWatchLane + s]; w >= 0)
            watch_people[static_cast<std::size_t>(watch_next[slot_index(layout.place_of[w], d, s)]++)] = q;
      }
  }

  std::size_t pd(int person, int day) const { return static_cast<std::size_t>(person) * days + day; }
  std::size_t place_day(int pl, int day) const { return static_cast<std::size_t>(pl) * days + day; }
  std::size_t slot_index(int pl, int day, int slot) const {
    return (static_cast<std::size_t>(pl) * days + day) * slots + slot;
  }

  // The roster cells of one person's day: placement, watch lanes, shower.
  const ShiftCode* day_cells(int person, int day) const {
    return roster.cells().data() + (static_cast<std::size_t>(person) * days + day) * roster.lanes();
  }
  ShiftCode watch_cell(int person, int day, int slot) const {
    return day_cells(person, day)[UnitLayout::kFirstWatchLane + slot];
  }
  ShiftCode shower_cell(int person, int day) const {
    return has_shower_lane ? day_cells(person, day)[layout.shower_lane] : kOff;
  }

  int place_at(int person, int day) const { return place[pd(person, day)]; }
  const DayTransfer& transfer_at(int person, int day) const { return transfer[pd(person, day)]; }
  // Where the person is at `offset` minutes after the day's changeover: the
  // earlier place before a transfer, else the day's placement.
  int place_at_offset(int person, int day, int offset) const {
    const DayTransfer& t = transfer_at(person, day);
    return t.any() && day * kMinutesPerDay + offset < t.minute ? t.earlier_place : place_at(person, day);
  }
  // Whether a transfer splits that day (false outside the horizon).
  bool transferred(int person, int day) const { return day >= 0 && day < days && transfer_at(person, day).any(); }
  bool is_present(int person, int day) const { return present[pd(person, day)] != 0; }
  PlaceKind kind_at(int person, int day) const {
    const int pl = place_at(person, day);
    return pl < 0 ? PlaceKind::kWard : problem.places[pl].kind;
  }

  int watcher_count(int pl, int day, int slot) const {
    const std::size_t i = slot_index(pl, day, slot);
    return watch_begin[i + 1] - watch_begin[i];
  }
  const int* watchers_begin(int pl, int day, int slot) const { return watch_people.data() + watch_begin[slot_index(pl, day, slot)]; }
  const int* watchers_end(int pl, int day, int slot) const { return watch_people.data() + watch_begin[slot_index(pl, day, slot) + 1]; }
  int stay_count(int pl, int day) const {
    const std::size_t i = place_day(pl, day);
    return stay_begin[i + 1] - stay_begin[i];
  }
  const int* stay_begin_ptr(int pl, int day) const { return stay_people.data() + stay_begin[place_day(pl, day)]; }
  const int* stay_end_ptr(int pl, int day) const { return stay_people.data() + stay_begin[place_day(pl, day) + 1]; }

  // ---- wording -------------------------------------------------------------

  const std::string& name(int person) const { return problem.people[static_cast<std::size_t>(person)].name; }
  const std::string& place_name(int pl) const { return problem.places[static_cast<std::size_t>(pl)].name; }
  std::string place_or_nowhere(int pl) const { return pl < 0 ? std::string("nowhere") : place_name(pl); }
  // A watch at a rest center is a guard turn.
  const char* duty(int pl) const {
    return problem.places[static_cast<std::size_t>(pl)].kind == PlaceKind::kRestCenter ? "on guard" : "on watch";
  }

  // "day 3 (Thu)" for one day, "days 4-5" for a range.
  std::string days_text(int first, int last) const {
    return first == last ? day_label(problem, first) : fmt::format("days {}-{}", first, last);
  }
  // "02:00-04:00": the clock times of a span given in minutes after the changeover.
  std::string span_text(int start, int length) const {
    return clock_label(changeover + start) + "-" + clock_label(changeover + start + length);
  }
  std::string slot_text(int slot) const { return span_text(layout.slot_start[slot], layout.watch_minutes); }
  std::string shower_text(int shower_slot) const { return span_text(layout.shower_start[shower_slot], layout.shower_minutes); }
  // "day 3 (Thu) 02:00-04:00"
  std::string when(int day, int slot) const { return day_label(problem, day) + " " + slot_text(slot); }
  // The moment `minute` (unit minutes): "day 1 (Tue) 14:00".
  std::string moment(int minute) const {
    return day_label(problem, minute / kMinutesPerDay) + " " + clock_label(changeover + minute % kMinutesPerDay);
  }

  // "4 h", "4 h 30 min", "30 min".
  static std::string hours(int minutes) {
    if (minutes % 60 == 0) return fmt::format("{} h", minutes / 60);
    if (minutes < 60) return fmt::format("{} min", minutes);
    return fmt::format("{} h {} min", minutes / 60, minutes % 60);
  }
  // "Ana Lima, Jan Nowak", at most `cap` names then "and 3 more".
  std::string names(const int* first, const int* last, std::size_t cap = 8) const {
    std::string out;
    std::size_t n = 0;
    const auto total = static_cast<std::size_t>(last - first);
    for (const int* it = first; it != last && n < cap; ++it, ++n) {
      if (n) out += ", ";
      out += name(*it);
    }
    if (total > cap) out += fmt::format(" and {} more", total - cap);
    return out;
  }
  std::string names(const std::vector<int>& who, std::size_t cap = 8) const {
    return names(who.data(), who.data() + who.size(), cap);
  }
  // "uk, en": the codes of the languages a person speaks (all levels, or native only).
  std::string languages(int person, bool native_only = false) const {
    std::string out;
    for (const SpokenLanguage& l : problem.people[static_cast<std::size_t>(person)].unit.languages) {
      if (native_only && l.level != LanguageLevel::kNative) continue;
      if (!out.empty()) out += ", ";
      out += unit.languages[static_cast<std::size_t>(l.language)];
    }
    return out;
  }
  // What absence covers [from, from + length): "leave, day 1 (Tue) 14:00 to day 3 (Thu) 06:00".
  std::string absence_text(int person, int from, int length) const {
    for (const Absence& a : problem.people[static_cast<std::size_t>(person)].unit.absences) {
      if (!(from < a.until_minute && a.from_minute < from + length)) continue;
      std::string out = a.reason.empty() ? std::string("away") : a.reason;
      const bool has_from = a.from_minute > 0;
      const bool has_until = a.until_minute != Absence::kForever && a.until_minute < days * kMinutesPerDay;
      if (has_from && has_until) out += ", " + moment(a.from_minute) + " to " + moment(a.until_minute);
      else if (has_from) out += ", from " + moment(a.from_minute);
      else if (has_until) out += ", until " + moment(a.until_minute);
      return out;
    }
    return "away";
  }
};

}  // namespace vigil
