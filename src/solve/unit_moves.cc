// The unit walk's moves: which neighbourhood to try (pick_move) and where
// (pick_spot), and each move as a short list of cell changes: hand a watch to
// someone else at the place, swap two watches, fix a slot's cover, swap two
// people's days, move a shower, relieve a day over its limits, and in a
// settling repair put a changed cell back as the plan in force had it. The
// moves that change who is at which post mid-stint (a repair's transfer, a
// relocation) live in solve/unit_place_moves.cc.
#include <algorithm>
#include <bit>

#include "eval/rules/day_limits.h"
#include "solve/unit_search_impl.h"

namespace vigil::unit_search_detail {

namespace {

// Share (percent) of a repair's moves, while looking for a plan, that send
// someone to a place broken on the day of now (a transfer, model/unit.h).
constexpr int kTransferPercent = 3;

// Share (percent) of a repair's moves, while looking for a plan, that re-plan
// a broken place-day whole (solve/day_rebuild.h), with kRebuildNodes.
// (One in a hundred, with a budget of 1000 nodes: on unit-64 single losses
// more often or deeper slows the repairs more than it rescues.)
constexpr int kRebuildPercent = 1;
// Per thousand moves while some place-day is broken: a post's stint
// re-planned whole, the same slots every day (move_stint_rebuild).
constexpr int kStintRebuildPermille = 10;

// Share (percent) of the moves, while some place is broken, that move someone
// from one post to another for a stint block (only when a post opens or
// closes, or beds change, within the horizon). On unit-64 with a post opened
// mid-month, repairs of 600 000 moves over 2 plans x 5 seeds: 5 % with the
// re-planned watches below keep every hard rule in 8 of 10 (1 000 000
// moves: 10 of 10); 2 %, or 300 nodes, do no better.
constexpr int kRelocatePercent = 5;
// In a repair looking for a plan, where posts keep their dates: a post a
// member short in a later stint block takes one from a fuller post.
constexpr int kRepairRelocatePercent = 2;

// Shares (percent) of the moves, while some post team misses a need or some
// watch pairs people who may not stand together, that swap someone who
// brings what is missing into the post for a stint block, or swap whole
// lines with someone of the other half of the rotation, watches re-planned
// (solve/unit_team_moves.cc). On the tight units (tests/data/tight/) these
// take every one to a plan keeping every hard rule within 2 000 000 moves.
// They join after the first kAcrossFrom moves (when the focus is first
// refreshed), when unit-64 is about to keep every hard rule. Drawn from the
// start, they planned unit-64 as well, but the repairs of its plans (vigil
// bench --unit --cases repair) kept every hard rule in 52 of 60 losses for
// good instead of 57, and 56 of 60 wounds instead of 60; joining later,
// 59 and 59. Drawing them
// only once the walk is stuck, no fewer hard units for 4 096 or 20 000
// moves, left 3 to 5 of 10 runs of the people-48 units without a plan in
// 2 000 000 moves; refreshing the focus every 8 192 moves for them found
// plans in fewer moves but more slowly, and left one run without.
constexpr int kTeamSwapPercent = 3;
constexpr int kLineSwapPercent = 1;
constexpr std::int64_t kAcrossFrom = 65'536;
// Past this horizon a whole-line move (a line swap across the rotation, or a
// swap of two people's whole lines) re-prices and re-plans every day of both
// people: on a 3650-day unit one such move took longer than the time between
// two clock checks (1024 moves), and `--time 20` ran 81.7 s. Such units keep
// the moves that touch one stint block.
constexpr int kWholeLineMaxDays = 168;

}  // namespace

bool UnitSearch::pick_move() {
  changes_.clear();
  across_rotation_ = false;
  if (settling_ && !changed_.empty() && rng_.below(100) < 30) return move_restore();
  // A repair looking for a plan re-plans a broken place-day whole now and then.
  if (problem_.unit->repair && !settling_ && !focus_.empty() && rng_.below(100) < kRebuildPercent) {
    const auto& [place, day] = focus_[rng_.below(static_cast<int>(focus_.size()))];
    move_kind_ = "day-rebuild";
    return day_rebuilder_.rebuild(ev_, place, day, rng_.engine, changes_, kRebuildNodes);
  }
  if (!settling_ && !focus_.empty() && rng_.below(1000) < kStintRebuildPermille) return move_stint_rebuild();
  if (ev_.transfer_day() >= 0 && !settling_ && !focus_.empty() && rng_.below(100) < kTransferPercent)
    return move_transfer();
  // Only a unit with a post opened or closed within the horizon needs moves
  // that change who is at which post (and only its walk draws for them).
  // So does a repair: a post left a member short by a loss takes one from
  // a fuller post of its half for a stint block after now.
  if ((dated_places_ || repairing_) && !settling_ && !focus_.empty() &&
      rng_.below(100) < (dated_places_ ? kRelocatePercent : kRepairRelocatePercent))
    return move_relocate();
  // A post team short of a need, or someone with no partner they may watch
  // with: bring someone who has it, from another post in the block or from
  // the other half of the rotation, watches re-planned
  // (solve/unit_team_moves.cc).
  // A repair looking for a plan swaps within a stint block only (a line
  // swap changes the past), and from its first move: a team that lost its
  // medic takes one from a post of the same block that has two.
  const auto& broken = ev_.rule_amounts();
  const bool pairs_or_team = broken[static_cast<int>(RuleKind::kTeam)] > 0 ||
                             broken[static_cast<int>(RuleKind::kSharedLanguage)] > 0 ||
                             broken[static_cast<int>(RuleKind::kNovicePair)] > 0;
  if (repairing_ && !settling_ && !focus_.empty() && pairs_or_team && rng_.below(100) < kTeamSwapPercent) {
    across_rotation_ = true;
    return move_team_swap();
  }
  if (!repairing_ && moves_ > kAcrossFrom && !focus_.empty() && pairs_or_team) {
    const int t = rng_.below(100);
    across_rotation_ = t < kTeamSwapPercent + kLineSwapPercent;
    if (t < kTeamSwapPercent) return move_team_swap();
    if (t < kTeamSwapPercent + kLineSwapPercent)
      return problem_.days() <= kWholeLineMaxDays ? move_line_swap() : move_team_swap();
  }
  const int r = rng_.below(100);
  const bool cover_broken = ev_.rule_amounts()[static_cast<int>(RuleKind::kWatchCover)] > 0 ||
                            ev_.rule_amounts()[static_cast<int>(RuleKind::kOnePlace)] > 0 ||
                            ev_.rule_amounts()[static_cast<int>(RuleKind::kUnavailable)] > 0;
  if (cover_broken && r < 10) return move_fix_cover();
  if (ev_.plain_score().hard > 0 && r >= 10 && r < 20) {
    for (int tries = 0; tries < 8; ++tries)
      if (move_relieve()) return true;
    return false;
  }
  if (r < 45) return move_reassign_watch();
  if (r < 75) return move_swap_watches();
  if (r < 92) return move_swap_days();
  return move_shower();
}

void UnitSearch::pick_spot(int& place, int& day) {
  // A repair's breakage is local to the event: the walk should not wander
  // over the whole plan.
  const bool finding_repair = problem_.unit->repair && !settling_;
  if (!focus_.empty() && (finding_repair ? rng_.below(10) < 9 : rng_.below(2) == 0)) {
    const auto& f = focus_[rng_.below(static_cast<int>(focus_.size()))];
    place = f.first;
    day = f.second;
    return;
  }
  place = watched_places_[rng_.below(static_cast<int>(watched_places_.size()))];
  day = rng_.below(ev_.layout().days);
}

bool UnitSearch::move_reassign_watch() {
  move_kind_ = "reassign-watch";
  const UnitLayout& L = ev_.layout();
  int pl = 0, d = 0;
  pick_spot(pl, d);
  const int s = rng_.below(L.watch_slots);
  const int count = std::min(ev_.watcher_count(pl, d, s), UnitEvaluator::kSlotCap);
  const auto& here = ev_.people_at(pl, d);
  if (count == 0 || here.empty()) return false;
  const int a = ev_.watchers(pl, d, s)[rng_.below(count)];
  const int b = here[rng_.below(static_cast<int>(here.size()))];
  if (a == b || ((ev_.watch_mask(b, d) >> s) & 1)) return false;
  const ShiftCode code = L.watch_shift[static_cast<std::size_t>(pl) * L.watch_slots + s];
  changes_.push_back({a, d, L.watch_lane(s), kOff});
  changes_.push_back({b, d, L.watch_lane(s), code});
  return true;
}

bool UnitSearch::move_swap_watches() {
  move_kind_ = "swap-watches";
  const UnitLayout& L = ev_.layout();
  int pl = 0, d = 0;
  pick_spot(pl, d);
  const int s = rng_.below(L.watch_slots);
  const int count = std::min(ev_.watcher_count(pl, d, s), UnitEvaluator::kSlotCap);
  const auto& here = ev_.people_at(pl, d);
  if (count == 0 || here.size() < 2) return false;
  const int a = ev_.watchers(pl, d, s)[rng_.below(count)];
  const int b = here[rng_.below(static_cast<int>(here.size()))];
  if (a == b) return false;
  const std::uint64_t mb = ev_.watch_mask(b, d) & ~ev_.watch_mask(a, d);
  if (mb == 0 || ((ev_.watch_mask(b, d) >> s) & 1)) return false;
  int pick = rng_.below(std::popcount(mb));
  std::uint64_t m = mb;
  while (pick-- > 0) m &= m - 1;
  const int t = std::countr_zero(m);
  if (ev_.watch_place(b, d, t) != pl) return false;
  const ShiftCode cs = L.watch_shift[static_cast<std::size_t>(pl) * L.watch_slots + s];
  const ShiftCode ct = L.watch_shift[static_cast<std::size_t>(pl) * L.watch_slots + t];
  changes_.push_back({a, d, L.watch_lane(s), kOff});
  changes_.push_back({a, d, L.watch_lane(t), ct});
  changes_.push_back({b, d, L.watch_lane(t), kOff});
  changes_.push_back({b, d, L.watch_lane(s), cs});
  return true;
}

bool UnitSearch::move_fix_cover() {
  move_kind_ = "fix-cover";
  const UnitLayout& L = ev_.layout();
  int pl = 0, d = 0;
  pick_spot(pl, d);
  const int s = rng_.below(L.watch_slots);
  const int count = ev_.watcher_count(pl, d, s);
  const int need = problem_.places[pl].watchers_on(d);
  if (count < need) {
    const auto& here = ev_.people_at(pl, d);
    if (here.empty()) return false;
    const int b = here[rng_.below(static_cast<int>(here.size()))];
    if ((ev_.watch_mask(b, d) >> s) & 1) return false;
    changes_.push_back({b, d, L.watch_lane(s), L.watch_shift[static_cast<std::size_t>(pl) * L.watch_slots + s]});
    return true;
  }
  if (count > need && count <= UnitEvaluator::kSlotCap) {
    const int a = ev_.watchers(pl, d, s)[rng_.below(count)];
    changes_.push_back({a, d, L.watch_lane(s), kOff});
    return true;
  }
  // A watch where the person is not: drop it.
  const int p = rng_.below(problem_.person_count());
  const std::uint64_t mask = ev_.watch_mask(p, d);
  if (mask == 0) return false;
  for (std::uint64_t m = mask; m; m &= m - 1) {
    const int t = std::countr_zero(m);
    if (ev_.watch_place(p, d, t) != ev_.place_at(p, d) || ((ev_.absent_slots(p, d) >> t) & 1)) {
      changes_.push_back({p, d, L.watch_lane(t), kOff});
      return true;
    }
  }
  return false;
}

// Two people exchange everything (place, watches, shower) over a range of
// days: every watch stays covered, teams and rotations change.
bool UnitSearch::move_swap_days() {
  move_kind_ = "swap-days";
  const UnitLayout& L = ev_.layout();
  const int n = problem_.person_count();
  const int P = std::max(1, problem_.unit->rotation.post_days);
  const int blocks = (L.days + P - 1) / P;
  int a = rng_.below(n);
  int focus_day = -1;
  if (!focus_.empty() && rng_.below(2) == 0) {
    int pl = 0;
    pick_spot(pl, focus_day);
    const auto& here = ev_.people_at(pl, focus_day);
    if (!here.empty()) a = here[rng_.below(static_cast<int>(here.size()))];
    else focus_day = -1;
  }
  const int b = rng_.below(n);
  if (a == b) return false;
  int first = 0, last = L.days - 1;
  // Mostly one stint block; rarely whole lines (a change of rotation phase),
  // which touch every day of both people and so cost far more to price.
  if (L.days > kWholeLineMaxDays || rng_.below(50) != 0) {
    const int blk = focus_day >= 0 ? focus_day / P : rng_.below(blocks);
    first = blk * P;
    last = std::min(L.days, first + P) - 1;
  }
  // Mostly keep rotations whole: both people should be in the same kind of
  // place (post, rest, nowhere) just outside the range.
  auto kind_of = [&](int p, int d) {
    const int pl = ev_.place_at(p, d);
    return pl < 0 ? 0 : problem_.places[pl].kind == PlaceKind::kPost ? 1 : 2;
  };
  // A single block is swapped only between people in the same kind of place
  // on every day of it, so both rotations stay whole.
  if (last - first + 1 < L.days)
    for (int d = first; d <= last; ++d)
      if (kind_of(a, d) != kind_of(b, d)) return false;
  for (int d = first; d <= last; ++d) {
    const int pa = ev_.place_at(a, d), pb = ev_.place_at(b, d);
    if (pa == pb) continue;
    for (int lane = 0; lane < L.lanes; ++lane) {
      const ShiftCode va = ev_.roster().at(a, d, lane), vb = ev_.roster().at(b, d, lane);
      if (va == vb) continue;
      changes_.push_back({a, d, lane, vb});
      changes_.push_back({b, d, lane, va});
    }
  }
  return !changes_.empty();
}

bool UnitSearch::move_shower() {
  move_kind_ = "shower";
  const UnitLayout& L = ev_.layout();
  if (L.shower_slots <= 0) return false;
  const int p = rng_.below(problem_.person_count());
  const int d = rng_.below(L.days);
  const int here = ev_.place_at(p, d);
  const ShiftCode now = ev_.roster().at(p, d, L.shower_lane);
  if (here < 0 || problem_.places[here].showers <= 0) {
    if (now == kOff) return false;
    changes_.push_back({p, d, L.shower_lane, kOff});
    return true;
  }
  const int choice = rng_.below(4);
  if (choice == 0 && now != kOff) {
    changes_.push_back({p, d, L.shower_lane, kOff});
    return true;
  }
  const ShiftCode code = L.shower_shift[static_cast<std::size_t>(here) * L.shower_slots + rng_.below(L.shower_slots)];
  if (code == now) return false;
  changes_.push_back({p, d, L.shower_lane, code});
  // Move rather than add when the stint has a shower on another day.
  if (choice >= 2) {
    for (int e = d - 1; e >= 0 && ev_.place_at(p, e) >= 0 && problem_.places[ev_.place_at(p, e)].kind == PlaceKind::kRestCenter; --e)
      if (ev_.roster().at(p, e, L.shower_lane) != kOff) {
        changes_.push_back({p, e, L.shower_lane, kOff});
        return true;
      }
    for (int e = d + 1; e < L.days && ev_.place_at(p, e) >= 0 && problem_.places[ev_.place_at(p, e)].kind == PlaceKind::kRestCenter; ++e)
      if (ev_.roster().at(p, e, L.shower_lane) != kOff) {
        changes_.push_back({p, e, L.shower_lane, kOff});
        return true;
      }
  }
  return true;
}

// Daily-rest and daily-watch-hours hold over any 24 hours, so when a post
// needs every watch its team can stand, each member stands the same slots
// through the stint (any change between two days puts 5 watches into some 24
// hours): one watch at a time cannot get there. Re-plan a post's stint block
// whole, every day alike (DayRebuilder's repeat), at a broken spot.
bool UnitSearch::move_stint_rebuild() {
  move_kind_ = "stint-rebuild";
  const UnitLayout& L = ev_.layout();
  const int P = problem_.unit->rotation.post_days;
  const auto& [pl, d] = focus_[static_cast<std::size_t>(rng_.below(static_cast<int>(focus_.size())))];
  if (problem_.places[pl].kind != PlaceKind::kPost || P < 1 || d >= L.days) return false;
  return day_rebuilder_.rebuild(ev_, pl, d / P * P, rng_.engine, changes_, kRebuildNodes, P);
}

// A person whose day breaks a daily limit (rest, hours, watches in a row)
// hands one of that day's watches to someone else at the same place.
bool UnitSearch::move_relieve() {
  move_kind_ = "relieve";
  const UnitLayout& L = ev_.layout();
  int p = rng_.below(problem_.person_count()), d = rng_.below(L.days);
  if (!focus_.empty() && rng_.below(2) == 0) {
    int pl = 0;
    pick_spot(pl, d);
    const auto& at = ev_.people_at(pl, d);
    if (at.empty()) return false;
    p = at[rng_.below(static_cast<int>(at.size()))];
  }
  const std::uint64_t mask = ev_.watch_mask(p, d);
  if (mask == 0) return false;
  if (ev_.timeline_kept(p, d)) return false;
  int pick = rng_.below(std::popcount(mask));
  std::uint64_t m = mask;
  while (pick-- > 0) m &= m - 1;
  const int s = std::countr_zero(m);
  const int pl = ev_.watch_place(p, d, s);
  const auto& here = ev_.people_at(pl, d);
  if (here.empty()) return false;
  const int b = here[rng_.below(static_cast<int>(here.size()))];
  if (b == p || ((ev_.watch_mask(b, d) >> s) & 1)) return false;
  changes_.push_back({p, d, L.watch_lane(s), kOff});
  changes_.push_back({b, d, L.watch_lane(s), L.watch_shift[static_cast<std::size_t>(pl) * L.watch_slots + s]});
  return true;
}

// Puts one changed cell back as it was in the plan in force. A watch handed
// back is taken from whoever holds it now in place of its owner, and a watch
// given up goes back to someone who had it in the plan, so cover holds.
bool UnitSearch::move_restore() {
  move_kind_ = "restore";
  const UnitLayout& L = ev_.layout();
  const CellChange pick = changed_[rng_.below(static_cast<int>(changed_.size()))];
  const int p = pick.person, d = pick.day, lane = pick.lane;
  const ShiftCode want = pick.value, is = ev_.roster().at(p, d, lane);
  if (want == is) return false;
  const bool watch_lane = lane >= UnitLayout::kFirstWatchLane && lane < L.shower_lane;
  if (watch_lane) return restore_watch(p, d, lane, want, is);
  if (lane == UnitLayout::kPlacementLane) return restore_block(p, d, want);
  changes_.push_back({p, d, lane, want});
  return true;
}

// A stint block back as it was, every lane of it; and when someone now
// stands where p stood and p where they stood (a swap), theirs too.
bool UnitSearch::restore_block(int p, int d, ShiftCode want) {
  const UnitLayout& L = ev_.layout();
  const Roster& plan = problem_.unit->repair->plan;
  const int P = std::max(1, problem_.unit->rotation.post_days);
  const int first = d / P * P, last = std::min(L.days, first + P) - 1;
  const int was_at = want < 0 ? -1 : L.place_of[want], is_at = ev_.place_at(p, d);
  int partner = -1;
  if (was_at >= 0 && is_at >= 0) {
    const auto& there = ev_.people_at(was_at, d);
    for (int i = 0, n = static_cast<int>(there.size()), start = rng_.below(std::max(1, n)); i < n; ++i) {
      const int q = there[(start + i) % n];
      const ShiftCode q_was = plan.at(q, d, UnitLayout::kPlacementLane);
      if (q != p && q_was >= 0 && L.place_of[q_was] == is_at) {
        partner = q;
        break;
      }
    }
  }
  for (int person : {p, partner}) {
    if (person < 0) continue;
    for (int day = first; day <= last; ++day)
      for (int k = 0; k < L.lanes; ++k) {
        const ShiftCode is_now = ev_.roster().at(person, day, k), was = plan.at(person, day, k);
        if (is_now != was && !ev_.frozen_cell(person, day, k, was))
          changes_.push_back({person, day, k, was});
      }
  }
  return !changes_.empty();
}

// p's watch lane back to `want` (from `is`), with whoever stands in for p, or
// p for them, put back too.
bool UnitSearch::restore_watch(int p, int d, int lane, ShiftCode want, ShiftCode is) {
  const UnitLayout& L = ev_.layout();
  const Roster& plan = problem_.unit->repair->plan;
  const int s = lane - UnitLayout::kFirstWatchLane;
  changes_.push_back({p, d, lane, want});
  int stepped_down = -1;  // who gave p's watch back, so they are not also handed p's other one
  if (want >= 0) {
    // p takes back a watch: the one who holds it instead of its owner gives it up.
    const int pl = L.place_of[want];
    const int count = std::min(ev_.watcher_count(pl, d, s), UnitEvaluator::kSlotCap);
    const int* on = ev_.watchers(pl, d, s);
    for (int i = 0, start = rng_.below(std::max(1, count)); i < count; ++i) {
      const int q = on[(start + i) % count];
      if (q != p && plan.at(q, d, lane) != want) {
        changes_.push_back({q, d, lane, kOff});
        stepped_down = q;
        break;
      }
    }
  }
  if (is >= 0) {
    // p gives up a watch it did not have: someone here who had it takes it back.
    const int pl = L.place_of[is];
    const auto& here = ev_.people_at(pl, d);
    for (int i = 0, n = static_cast<int>(here.size()), start = rng_.below(std::max(1, n)); i < n; ++i) {
      const int q = here[(start + i) % n];
      if (q != p && q != stepped_down && plan.at(q, d, lane) == is && ev_.roster().at(q, d, lane) != is) {
        changes_.push_back({q, d, lane, is});
        break;
      }
    }
  }
  return true;
}

}  // namespace vigil::unit_search_detail
