// The unit walk's moves that change who is at which post within a stint
// block, each re-planning the watches of the posts it touches
// (solve/day_rebuild.h): a repair's transfer (someone sent to a short post
// from now) and a relocation (someone moved to another post for a block,
// when a post opens or closes, beds change, or a repair leaves a later
// block's post a member short). pick_move (solve/unit_moves.cc) draws them.
#include <algorithm>
#include <bit>

#include "eval/rules/day_limits.h"
#include "solve/unit_search_impl.h"

namespace vigil::unit_search_detail {

// A repair whose now falls inside a day sends someone to a watched place
// that is broken that day, from now (a transfer): they give up their later
// watches and shower of the day where they were, and take one short watch
// at the new place when there is one they can stand; both places then
// re-plan their watches from now (replan_after_transfer).
bool UnitSearch::move_transfer() {
  move_kind_ = "transfer";
  const UnitLayout& L = ev_.layout();
  const int td = ev_.transfer_day();
  // Named copies, not a structured binding: a lambda below captures `d`,
  // which clang before 16 refuses (the fuzz build uses clang 14).
  const std::pair<int, int> focus = focus_[rng_.below(static_cast<int>(focus_.size()))];
  const int pl = focus.first, d = focus.second;
  if (d != td) return false;
  // Someone of another post who brings what the team misses, or half the
  // time someone of the fullest other post that day (the same half of the
  // rotation, so they may stay to the end of the stint), else anyone.
  int p = rng_.below(problem_.person_count());
  int need = -1;
  if (ev_.team_short(pl, d) && rng_.below(2) == 0 && (need = missing_need(pl, d)) >= 0) {
    // A team short of a need (its medic lost): someone of another post who
    // brings it.
    p = -1;
    for (int q = 0, seen = 0; q < L.places; ++q) {
      if (q == pl || problem_.places[q].kind != PlaceKind::kPost) continue;
      for (int r : ev_.people_at(q, d))
        if (need_holders_.meets(r, need) && rng_.below(++seen) == 0) p = r;
    }
    if (p < 0) return false;
  } else if (rng_.below(2) == 0) {
    int fullest = -1;
    for (int q = 0, most = 0, seen = 0; q < L.places; ++q) {
      if (q == pl || problem_.places[q].kind != PlaceKind::kPost) continue;
      const int n = static_cast<int>(ev_.people_at(q, d).size());
      if (n > most) most = n, seen = 0;
      if (n == most && n > 0 && rng_.below(++seen) == 0) fullest = q;
    }
    if (fullest < 0) return false;
    const auto& there = ev_.people_at(fullest, d);
    p = there[static_cast<std::size_t>(rng_.below(static_cast<int>(there.size())))];
  }
  const ShiftCode stay = L.stay_shift[static_cast<std::size_t>(pl)];
  if (stay < 0 || ev_.place_at(p, d) == pl || ev_.frozen_cell(p, d, UnitLayout::kPlacementLane, stay)) return false;
  const int was = ev_.place_at(p, d);
  changes_.push_back({p, d, UnitLayout::kPlacementLane, stay});
  const int now = problem_.unit->repair->now_minute - d * kMinutesPerDay;  // minutes into the day
  for (std::uint64_t m = ev_.watch_mask(p, d); m; m &= m - 1) {
    const int s = std::countr_zero(m);
    if (L.slot_start[s] >= now) changes_.push_back({p, d, L.watch_lane(s), kOff});
  }
  if (const ShiftCode sh = ev_.roster().at(p, d, L.shower_lane); sh >= 0 && L.shower_start[L.slot_of[sh]] >= now)
    changes_.push_back({p, d, L.shower_lane, kOff});
  // Someone from another post stays there to the end of the stint block
  // (going back the next day would be a change of post). Someone from a
  // rest center goes back: staying would run their post days into their
  // own next stint, and the day's transfer excuses the short runs.
  const int P = std::max(1, problem_.unit->rotation.post_days);
  const bool stays = was >= 0 && problem_.places[was].kind == PlaceKind::kPost;
  if (stays)
    for (int e = d + 1; e < std::min(L.days, (d / P + 1) * P); ++e) {
      if (ev_.place_at(p, e) < 0 || ev_.place_at(p, e) == pl) continue;
      changes_.push_back({p, e, UnitLayout::kPlacementLane, stay});
      for (std::uint64_t m = ev_.watch_mask(p, e); m; m &= m - 1)
        changes_.push_back({p, e, L.watch_lane(std::countr_zero(m)), kOff});
      if (ev_.roster().at(p, e, L.shower_lane) >= 0) changes_.push_back({p, e, L.shower_lane, kOff});
    }
  // One short watch at the new place, at random among those after now.
  const int first = rng_.below(L.watch_slots);
  for (int i = 0; i < L.watch_slots; ++i) {
    const int s = (first + i) % L.watch_slots;
    if (L.slot_start[s] < now || ev_.watcher_count(pl, d, s) >= problem_.places[pl].watchers_on(d)) continue;
    const ShiftCode code = L.watch_shift[static_cast<std::size_t>(pl) * L.watch_slots + s];
    // (Its own watch at this slot, if any, was given up above.)
    auto same = std::find_if(changes_.begin(), changes_.end(),
                             [&](const CellChange& c) { return c.day == d && c.lane == L.watch_lane(s); });
    if (same != changes_.end()) same->value = code;
    else changes_.push_back({p, d, L.watch_lane(s), code});
    break;
  }
  replan_after_transfer(pl, was, d, stays ? std::min(L.days, (d / P + 1) * P) - 1 : d);
  return true;
}

// With the transfer's cells (changes_) applied, the place they went to and
// the one they left re-plan their watches from now (begun slots stay), and
// the later days they stay, the same slots each day: a post team at its
// limits over any 24 hours takes a newcomer only by a whole new pattern.
void UnitSearch::replan_after_transfer(int to, int from, int day, int last) {
  ev_.apply(changes_.data(), static_cast<int>(changes_.size()));
  rebuilt_.clear();
  for (int place : {to, from}) {
    if (place < 0 || problem_.places[place].watchers_on(day) <= 0) continue;
    if (day_rebuilder_.rebuild(ev_, place, day, rng_.engine, rebuild_scratch_, kRebuildNodes))
      rebuilt_.insert(rebuilt_.end(), rebuild_scratch_.begin(), rebuild_scratch_.end());
    if (last > day &&
        day_rebuilder_.rebuild(ev_, place, day + 1, rng_.engine, rebuild_scratch_, kRebuildNodes, last - day))
      rebuilt_.insert(rebuilt_.end(), rebuild_scratch_.begin(), rebuild_scratch_.end());
  }
  ev_.undo();
  // A re-planned cell the transfer set too takes the re-plan's value.
  for (const CellChange& r : rebuilt_) {
    auto same = std::find_if(changes_.begin(), changes_.end(), [&](const CellChange& c) {
      return c.person == r.person && c.day == r.day && c.lane == r.lane;
    });
    if (same != changes_.end()) same->value = r.value;
    else changes_.push_back(r);
  }
}

// Someone moves from one post to another for the days of a stint block,
// their watches with them (the same slots, at the new post), so cover stays
// as it was in sum: onto a post picked from the focus, from the fullest
// other post; or off a post that is closed that day or over its beds, to
// another post open then. This is how a post opened within the horizon gets
// its people, how those left at a closed one leave it, and how a repair
// fills a later block's post left a member short; both posts then re-plan
// the block's watches whole.
bool UnitSearch::move_relocate() {
  move_kind_ = "relocate";
  const UnitLayout& L = ev_.layout();
  int pl = 0, d = 0;
  pick_spot(pl, d);
  if (problem_.places[pl].kind != PlaceKind::kPost) return false;
  const bool leaving = over_beds(pl, d);
  int other = -1;  // leaving: any other post open that day; else the fullest, ties at random
  for (int q = 0, seen = 0, most = -1; q < L.places; ++q) {
    if (q == pl || problem_.places[q].kind != PlaceKind::kPost || !problem_.places[q].open_on(d)) continue;
    const int n = leaving ? 0 : static_cast<int>(ev_.people_at(q, d).size());
    if (n > most) most = n, seen = 0;
    if (n == most && rng_.below(++seen) == 0) other = q;
  }
  if (other < 0) return false;
  const int from = leaving ? pl : other, to = leaving ? other : pl;
  const auto& there = ev_.people_at(from, d);
  if (there.empty()) return false;
  int p = there[rng_.below(static_cast<int>(there.size()))];
  // Onto a post whose team lacks a need: half the time someone who brings it.
  if (!leaving && ev_.team_short(to, d) && rng_.below(2) == 0) {
    const auto& needs = problem_.unit->parameters.team_needs;
    const int N = static_cast<int>(needs.size());
    relocate_have_.assign(static_cast<std::size_t>(N), 0);
    for (int q : ev_.people_at(to, d))
      for (int k = 0; k < N; ++k) relocate_have_[static_cast<std::size_t>(k)] += need_holders_.meets(q, k) ? 1 : 0;
    for (int i = 0, seen = 0; i < static_cast<int>(there.size()); ++i) {
      const int q = there[static_cast<std::size_t>(i)];
      bool brings = false;
      for (int k = 0; k < N && !brings; ++k)
        brings = relocate_have_[static_cast<std::size_t>(k)] < needs[static_cast<std::size_t>(k)].count && need_holders_.meets(q, k);
      if (brings && rng_.below(++seen) == 0) p = q;
    }
  }
  const int P = std::max(1, problem_.unit->rotation.post_days);
  // A repair moves people for blocks wholly after now only: in the block
  // of now the day's place is history (a transfer moves them then).
  if (repairing_ && ev_.frozen_cell(p, d / P * P, UnitLayout::kPlacementLane, L.stay_shift[static_cast<std::size_t>(to)]))
    return false;
  for (int e = d / P * P; e < std::min(L.days, (d / P + 1) * P); ++e) {
    if (ev_.place_at(p, e) != from || !problem_.places[to].open_on(e)) continue;
    changes_.push_back({p, e, UnitLayout::kPlacementLane, L.stay_shift[static_cast<std::size_t>(to)]});
    // As many watches at the new post as they stood at the old one: their
    // own slots where it is short, then other short slots within the daily
    // limits.
    std::uint64_t old = 0, shorts = 0;
    for (std::uint64_t m = ev_.watch_mask(p, e); m; m &= m - 1)
      if (const int s = std::countr_zero(m); ev_.watch_place(p, e, s) == from) old |= std::uint64_t{1} << s;
    const std::uint64_t elsewhere = ev_.watch_mask(p, e) & ~old;
    for (int s = 0; s < L.watch_slots; ++s)
      if (ev_.watcher_count(to, e, s) < problem_.places[to].watchers_on(e)) shorts |= std::uint64_t{1} << s;
    shorts &= ~elsewhere;
    std::uint64_t kept = old & shorts;
    for (int i = 0, first = rng_.below(L.watch_slots); i < L.watch_slots; ++i) {
      if (std::popcount(kept) >= std::popcount(old)) break;
      const std::uint64_t bit = std::uint64_t{1} << ((first + i) % L.watch_slots);
      if ((shorts & bit) && !(kept & bit) &&
          rules::keeps_limits_between(e > 0 ? ev_.watch_mask(p, e - 1) : 0, kept | bit | elsewhere,
                                      e + 1 < L.days ? ev_.watch_mask(p, e + 1) : 0, ev_.day_limits()))
        kept |= bit;
    }
    for (int s = 0; s < L.watch_slots; ++s) {
      const std::uint64_t bit = std::uint64_t{1} << s;
      if (kept & bit)
        changes_.push_back({p, e, L.watch_lane(s), L.watch_shift[static_cast<std::size_t>(to) * L.watch_slots + s]});
      else if (old & bit)
        changes_.push_back({p, e, L.watch_lane(s), kOff});
    }
  }
  if (changes_.empty()) return false;
  // Both posts re-plan those days' watches with their new people where they
  // can (solve/day_rebuild.h): a post left with just enough people needs
  // every one of them on an exact pattern, the same slots every day of the
  // stint (the limits hold over any 24 hours), which single watch moves
  // rarely reach. (Planned on the moved roster, then added to the move.)
  ev_.apply(changes_.data(), static_cast<int>(changes_.size()));
  rebuilt_.clear();
  const int first_day = changes_.front().day, last_day = changes_.back().day;
  for (int place : {from, to})
    if (day_rebuilder_.rebuild(ev_, place, first_day, rng_.engine, rebuild_scratch_, kRebuildNodes,
                               last_day - first_day + 1))
      rebuilt_.insert(rebuilt_.end(), rebuild_scratch_.begin(), rebuild_scratch_.end());
  ev_.undo();
  changes_.insert(changes_.end(), rebuilt_.begin(), rebuilt_.end());
  return true;
}

}  // namespace vigil::unit_search_detail
