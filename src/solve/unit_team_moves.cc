// The unit walk's moves across the rotation, for tight units (just enough
// people, or speakers of a needed language, for the two halves of the
// rotation): a post team short of a need, or someone with no partner they
// may watch with, gets someone who brings what is missing, and the watches of
// the place-days they touch are re-planned at once (solve/day_rebuild.h), so
// the newcomer does not inherit watches whose pairs no longer share a
// language or pair two novices.
//  - team swap: within a stint block, someone at another post who brings it
//    changes places with someone here who does not (the same half of the
//    rotation, so both rotations stay whole);
//  - line swap: someone of the other half of the rotation (at a rest center
//    that day) who brings it exchanges whole lines, every day and lane, with
//    someone here who does not, each taking the other's phase; then each
//    stint block's post teams are rebalanced around the two (balance_teams).
// A plain swap of days keeps every watch covered but hands a Polish-only
// speaker the watches of an English speaker: the walk pays more in language
// units than the team unit it gains, and tight units stayed at the counting
// bound (one team unit in each block of the short half) for tens of seconds.
// These moves re-plan whole place-days, which costs wishes (the spreads) that
// the walk wins back later, so try_move takes them whenever they lower the
// hard units.
#include <algorithm>

#include "solve/unit_search_impl.h"

namespace vigil::unit_search_detail {

// A (post, day) from the focus whose post team misses a need in that day's
// stint block, and the need; false when none was found in a few draws.
bool UnitSearch::pick_short_team(int& post, int& day, int& need) {
  const auto& needs = problem_.unit->parameters.team_needs;
  const int N = static_cast<int>(needs.size());
  if (focus_.empty() || N == 0) return false;
  for (int tries = 0; tries < 4; ++tries) {
    const auto& f = focus_[rng_.below(static_cast<int>(focus_.size()))];
    if (problem_.places[f.first].kind != PlaceKind::kPost || !ev_.team_short(f.first, f.second)) continue;
    post = f.first;
    day = f.second;
    need = missing_need(post, day);
    if (need >= 0) return true;
  }
  return false;
}

int UnitSearch::missing_need(int post, int day) {
  const auto& needs = problem_.unit->parameters.team_needs;
  const int N = static_cast<int>(needs.size());
  relocate_have_.assign(static_cast<std::size_t>(N), 0);
  for (int q : ev_.people_at(post, day))
    for (int k = 0; k < N; ++k) relocate_have_[static_cast<std::size_t>(k)] += need_holders_.meets(q, k) ? 1 : 0;
  int need = -1;
  for (int k = 0, seen = 0; k < N; ++k)
    if (relocate_have_[static_cast<std::size_t>(k)] < needs[static_cast<std::size_t>(k)].count &&
        rng_.below(++seen) == 0)
      need = k;
  return need;
}

// A person at a post who stands a watch with someone they may not stand
// with (no shared language, two novices), from the focus: the gap is then a
// partner for them. False when none was found in a few draws.
bool UnitSearch::pick_lonely(int& post, int& day, int& lonely) {
  const UnitLayout& L = ev_.layout();
  for (int tries = 0; tries < 4; ++tries) {
    const auto& f = focus_[rng_.below(static_cast<int>(focus_.size()))];
    if (problem_.places[f.first].kind != PlaceKind::kPost) continue;
    const int s = rng_.below(L.watch_slots);
    const int n = std::min(ev_.watcher_count(f.first, f.second, s), UnitEvaluator::kSlotCap);
    const int* who = ev_.watchers(f.first, f.second, s);
    for (int i = 0; i < n; ++i)
      for (int j = i + 1; j < n; ++j)
        if (!ev_.may_watch_together(who[i], who[j])) {
          post = f.first;
          day = f.second;
          lonely = who[rng_.below(2) == 0 ? i : j];
          return true;
        }
  }
  return false;
}

// Where a move across the rotation aims: a post team short of a need, or
// someone without a partner they may watch with; half the time each when
// both are broken.
bool UnitSearch::pick_gap(Gap& gap) {
  gap = Gap{};
  if (focus_.empty()) return false;
  const auto& amounts = ev_.rule_amounts();
  const bool team = amounts[static_cast<int>(RuleKind::kTeam)] > 0;
  const bool pairs = amounts[static_cast<int>(RuleKind::kSharedLanguage)] > 0 ||
                     amounts[static_cast<int>(RuleKind::kNovicePair)] > 0;
  if (team && (!pairs || rng_.below(2) == 0)) return pick_short_team(gap.post, gap.day, gap.need);
  return pairs && pick_lonely(gap.post, gap.day, gap.lonely);
}

// Whether p brings what the gap misses.
bool UnitSearch::brings(const Gap& gap, int p) const {
  if (gap.lonely >= 0) return p != gap.lonely && ev_.may_watch_together(gap.lonely, p);
  return need_holders_.meets(p, gap.need);
}

// Someone at the gap's post that day who does not bring what it misses (nor
// is the one missing a partner), at random; -1 when none.
int UnitSearch::pick_without(const Gap& gap) {
  const auto& here = ev_.people_at(gap.post, gap.day);
  int pick = -1;
  for (int i = 0, seen = 0; i < static_cast<int>(here.size()); ++i) {
    const int p = here[static_cast<std::size_t>(i)];
    if (p != gap.lonely && !brings(gap, p) && rng_.below(++seen) == 0) pick = p;
  }
  return pick;
}

// Appends to `out` the cells that exchange everything a and b hold on days
// [first, last] (as the roster stands now).
void UnitSearch::push_exchange(std::vector<CellChange>& out, int a, int b, int first, int last) {
  const UnitLayout& L = ev_.layout();
  for (int d = first; d <= last; ++d)
    for (int lane = 0; lane < L.lanes; ++lane) {
      const ShiftCode va = ev_.roster().at(a, d, lane), vb = ev_.roster().at(b, d, lane);
      if (va == vb) continue;
      out.push_back({a, d, lane, vb});
      out.push_back({b, d, lane, va});
    }
}

// Whether someone watching at `place` on `day` now stands a watch with a
// partner they may not stand with (no shared language, two novices).
bool UnitSearch::pairs_broken(int place, int day) const {
  const UnitLayout& L = ev_.layout();
  for (int s = 0; s < L.watch_slots; ++s) {
    const int n = std::min(ev_.watcher_count(place, day, s), UnitEvaluator::kSlotCap);
    const int* who = ev_.watchers(place, day, s);
    for (int i = 0; i < n; ++i)
      for (int j = i + 1; j < n; ++j)
        if (!ev_.may_watch_together(who[i], who[j])) return true;
  }
  return false;
}

// With changes_ applied for a moment, re-plans the watches of each watched
// place-day where someone in `who` now stands on days [first, last] whose
// pairs broke (every one when `all`), and adds the re-planned cells to the
// move. A post is re-planned for its whole stint block, every day alike (the
// watch limits hold over any 24 hours: DayRebuilder's repeat).
void UnitSearch::rebuild_touched(const std::vector<int>& who, int first, int last, bool all) {
  ev_.apply(changes_.data(), static_cast<int>(changes_.size()));
  rebuilt_.clear();
  touched_.clear();
  const int P = std::max(1, problem_.unit->rotation.post_days);
  for (int d = first; d <= last; ++d)
    for (int p : who) {
      const int place = ev_.place_at(p, d);
      if (place < 0 || problem_.places[place].watchers_on(d) <= 0) continue;
      const bool post = problem_.places[place].kind == PlaceKind::kPost && P > 1;
      const int from = post ? d / P * P : d, to = post ? std::min(ev_.layout().days, from + P) : d + 1;
      if (std::find(touched_.begin(), touched_.end(), std::make_pair(place, from)) != touched_.end()) continue;
      bool broken = all;
      for (int e = from; e < to; ++e) {
        touched_.emplace_back(place, e);
        broken = broken || pairs_broken(place, e);
      }
      if (!broken) continue;
      if (day_rebuilder_.rebuild(ev_, place, from, rng_.engine, rebuild_scratch_, kRebuildNodes, to - from))
        rebuilt_.insert(rebuilt_.end(), rebuild_scratch_.begin(), rebuild_scratch_.end());
    }
  ev_.undo();
  changes_.insert(changes_.end(), rebuilt_.begin(), rebuilt_.end());
}

// With changes_ applied, each post team of each stint block that misses a
// need takes a holder from another post of the block that has one to spare,
// in exchange for someone who brings nothing the other post would then
// miss. The exchanges' cells go to team_fix_ and their people to swapped_.
void UnitSearch::balance_teams() {
  const UnitLayout& L = ev_.layout();
  const int N = static_cast<int>(problem_.unit->parameters.team_needs.size());
  const int P = std::max(1, problem_.unit->rotation.post_days);
  team_fix_.clear();
  for (int first = 0; first < L.days; first += P) {
    // Holders per (post, need) on the block's first day.
    block_have_.assign(static_cast<std::size_t>(L.places) * N, 0);
    for (int pl = 0; pl < L.places; ++pl)
      if (problem_.places[pl].kind == PlaceKind::kPost)
        for (int q : ev_.people_at(pl, first))
          for (int k = 0; k < N; ++k) block_have_[static_cast<std::size_t>(pl) * N + k] += need_holders_.meets(q, k);
    block_used_.clear();
    for (int x = 0; x < L.places; ++x)
      if (problem_.places[x].kind == PlaceKind::kPost)
        for (int k = 0; k < N; ++k) balance_need(x, k, first, std::min(L.days, first + P) - 1);
  }
}

// balance_teams for one post x and need k in the block [first, last].
void UnitSearch::balance_need(int x, int k, int first, int last) {
  const UnitLayout& L = ev_.layout();
  const auto& needs = problem_.unit->parameters.team_needs;
  const int N = static_cast<int>(needs.size());
  auto have = [&](int pl, int j) -> int& { return block_have_[static_cast<std::size_t>(pl) * N + j]; };
  auto count = [&](int j) { return needs[static_cast<std::size_t>(j)].count; };
  if (have(x, k) >= count(k)) return;
  // Whether `out` leaving `pl` and `in` joining it leaves no need short there that was kept.
  auto keeps = [&](int pl, int out, int in) {
    for (int j = 0; j < N; ++j)
      if (have(pl, j) >= count(j) && have(pl, j) - need_holders_.meets(out, j) + need_holders_.meets(in, j) < count(j))
        return false;
    return true;
  };
  auto used = [&](int p) { return std::find(block_used_.begin(), block_used_.end(), p) != block_used_.end(); };
  for (int y = 0; y < L.places; ++y) {
    if (y == x || problem_.places[y].kind != PlaceKind::kPost || have(y, k) <= count(k)) continue;
    for (int h : ev_.people_at(y, first)) {
      if (!need_holders_.meets(h, k) || used(h)) continue;
      for (int n : ev_.people_at(x, first)) {
        if (need_holders_.meets(n, k) || used(n) || !keeps(y, h, n) || !keeps(x, n, h)) continue;
        bool whole = true;  // both at these posts every day of the block
        for (int d = first; d <= last; ++d) whole = whole && ev_.place_at(h, d) == y && ev_.place_at(n, d) == x;
        if (!whole) continue;
        for (int j = 0; j < N; ++j) {
          const int hj = need_holders_.meets(h, j), nj = need_holders_.meets(n, j);
          have(x, j) += hj - nj;
          have(y, j) += nj - hj;
        }
        block_used_.push_back(h);
        block_used_.push_back(n);
        swapped_.push_back(h);
        swapped_.push_back(n);
        push_exchange(team_fix_, h, n, first, last);
        return;
      }
    }
  }
}

bool UnitSearch::move_team_swap() {
  move_kind_ = "team-swap";
  const UnitLayout& L = ev_.layout();
  Gap gap;
  if (!pick_gap(gap)) return false;
  const int day = gap.day;
  // Someone at another post that day who brings what the gap misses.
  int a = -1;
  for (int q = 0, seen = 0; q < L.places; ++q) {
    if (q == gap.post || problem_.places[q].kind != PlaceKind::kPost) continue;
    for (int p : ev_.people_at(q, day))
      if (brings(gap, p) && rng_.below(++seen) == 0) a = p;
  }
  const int b = pick_without(gap);
  if (a < 0 || b < 0) return false;
  const int P = std::max(1, problem_.unit->rotation.post_days);
  const int first = day / P * P, last = std::min(L.days, first + P) - 1;
  auto at_post = [&](int p, int d) {
    const int pl = ev_.place_at(p, d);
    return pl >= 0 && problem_.places[pl].kind == PlaceKind::kPost;
  };
  for (int d = first; d <= last; ++d)
    if (at_post(a, d) != at_post(b, d)) return false;
  push_exchange(changes_, a, b, first, last);
  if (changes_.empty()) return false;
  swapped_.assign({a, b});
  rebuild_touched(swapped_, first, last, true);
  return true;
}

bool UnitSearch::move_line_swap() {
  move_kind_ = "line-swap";
  const UnitLayout& L = ev_.layout();
  Gap gap;
  if (!pick_gap(gap)) return false;
  // Someone of the other half: at a rest center that day, bringing what the gap misses.
  int a = -1;
  for (int q = 0, seen = 0; q < L.places; ++q) {
    if (problem_.places[q].kind != PlaceKind::kRestCenter) continue;
    for (int p : ev_.people_at(q, gap.day))
      if (brings(gap, p) && rng_.below(++seen) == 0) a = p;
  }
  const int b = pick_without(gap);
  if (a < 0 || b < 0) return false;
  // Each must be present wherever the other's line places them.
  for (int d = 0; d < L.days; ++d)
    if ((ev_.place_at(a, d) >= 0 && !ev_.present(b, d)) || (ev_.place_at(b, d) >= 0 && !ev_.present(a, d)))
      return false;
  push_exchange(changes_, a, b, 0, L.days - 1);
  if (changes_.empty()) return false;
  // The line swap moves a holder into every block of one half and out of
  // every block of the other: rebalance each block's teams around it.
  swapped_.assign({a, b});
  ev_.apply(changes_.data(), static_cast<int>(changes_.size()));
  balance_teams();
  ev_.undo();
  changes_.insert(changes_.end(), team_fix_.begin(), team_fix_.end());
  rebuild_touched(swapped_, 0, L.days - 1, false);
  return true;
}

}  // namespace vigil::unit_search_detail
