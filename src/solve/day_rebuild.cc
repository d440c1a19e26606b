// Exact re-plan of one place's watches on one day (see day_rebuild.h).
#include "solve/day_rebuild.h"

#include <algorithm>
#include <bit>

namespace vigil {

bool DayRebuilder::fits(int i, int s) const {
  const std::uint64_t m = mask_[i] | (std::uint64_t{1} << s);
  if (rules::watches_over(std::popcount(m), limits_) > 0) return false;
  // Repeated days follow each other: the day after is this day again. When
  // no plan fits the day before a repeated stint (a rest day), it is let go:
  // its guard turns the walk can hand to others (a rest center has people to
  // spare).
  const std::uint64_t after = repeat_ > 1 ? m : after_[i];
  const std::uint64_t before = lenient_before_ ? 0 : before_[i];
  if (rules::run_over(rules::run_through_days(before, m, after, s, slots_), limits_) > 0) return false;
  // Any 24 hours (rules/day_limits.h): the windows starting the day before
  // and this day. Later slots are still free: this is the longest rest still
  // possible.
  if (rules::window_watches_over(before, m, limits_) > 0 || rules::window_watches_over(m, after, limits_) > 0)
    return false;
  if (rules::window_rest_too_short(before, m, limits_) || rules::window_rest_too_short(m, after, limits_))
    return false;
  return ev_->travel_fits(people_[i], day_, s, place_);
}

// Whether the watches people can still stand cover the slots left: all of
// them, and the non-novices among them one less than the watchers per slot
// (two novices never watch together).
bool DayRebuilder::capacity_left(int s) const {
  int all = 0, seasoned = 0;
  for (std::size_t i = 0; i < people_.size(); ++i) {
    const int left = std::max(0, limits_.max_watches - std::popcount(mask_[i]));
    all += left;
    if (!ev_->is_novice(people_[i])) seasoned += left;
  }
  const int slots_left = slots_ - s;
  return all >= need_ * slots_left && seasoned >= (need_ - 1) * slots_left;
}

bool DayRebuilder::pairs_with(int i, int s, int k) const {
  for (int j = 0; j < k; ++j) {
    if (!ev_->may_watch_together(people_[i], people_[chosen_[s * need_ + j]])) return false;
  }
  return true;
}

// Who stood slot s before first (in the first dive), then whoever has the
// most watches left (so nobody is used up early), then the hardest to pair,
// ties in the dive's random order. An insertion sort: a handful of people,
// and no allocation.
void DayRebuilder::order_slot(int s) {
  auto& o = order_[s];
  o.assign(base_.begin(), base_.end());
  auto before = [&](int a, int b) {
    const int wa = (was_[a] >> s) & 1, wb = (was_[b] >> s) & 1;
    if (prefer_was_ && wa != wb) return wa > wb;
    const int ua = std::popcount(mask_[a]), ub = std::popcount(mask_[b]);
    if (ua != ub) return ua < ub;
    return partners_[a] < partners_[b];
  };
  for (std::size_t i = 1; i < o.size(); ++i)
    for (std::size_t j = i; j > 0 && before(o[j], o[j - 1]); --j) std::swap(o[j], o[j - 1]);
}

// Slot s, watcher k of it; candidates from position `from` of the slot's
// order (so each set is tried once), `changes` so far.
void DayRebuilder::search(int s, int k, int from, int changes) {
  if (++nodes_ > budget_ || changes >= best_changes_) return;
  if (s == slots_) {
    best_changes_ = changes;
    best_.assign(chosen_.begin(), chosen_.end());
    return;
  }
  if (k == 0) {
    if (!capacity_left(s)) return;
    order_slot(s);
  }
  if (k == need_) {
    // Cells of this slot that were watches and are no longer.
    int dropped = 0;
    for (std::size_t i = 0; i < people_.size(); ++i)
      if (((was_[i] >> s) & 1) && !((mask_[i] >> s) & 1)) ++dropped;
    search(s + 1, 0, 0, changes + dropped);
    return;
  }
  const auto& candidates = order_[s];
  for (int c = from; c < static_cast<int>(candidates.size()); ++c) {
    const int i = candidates[c];
    if (((busy_[i] | mask_[i]) >> s) & 1 || !fits(i, s) || !pairs_with(i, s, k)) continue;
    mask_[i] |= std::uint64_t{1} << s;
    chosen_[s * need_ + k] = i;
    search(s, k + 1, c + 1, changes + (((was_[i] >> s) & 1) ? 0 : 1));
    mask_[i] &= ~(std::uint64_t{1} << s);
    if (nodes_ > budget_) return;
  }
}


// How many days from `day` (at most repeat_days) hold the same people at the
// place, each present, none on watch elsewhere or in a begun slot.
int DayRebuilder::days_repeated(const UnitEvaluator& ev, int place, int day, int repeat_days) const {
  const UnitLayout& L = ev.layout();
  int n = 0;
  for (int e = day; e < std::min(L.days, day + repeat_days); ++e, ++n) {
    const auto& here = ev.people_at(place, e);
    if (here.size() != people_.size() || ev.frozen(e * kMinutesPerDay)) break;
    for (int p : people_) {
      if (std::find(here.begin(), here.end(), p) == here.end() || !ev.present(p, e) || ev.absent_slots(p, e))
        return std::max(1, n);
      for (std::uint64_t m = ev.watch_mask(p, e); m; m &= m - 1)
        if (ev.watch_place(p, e, std::countr_zero(m)) != place) return std::max(1, n);
    }
  }
  return std::max(1, n);
}

bool DayRebuilder::rebuild(const UnitEvaluator& ev, int place, int day, std::mt19937_64& rng,
                           std::vector<CellChange>& changes, int node_budget, int repeat_days) {
  changes.clear();
  ev_ = &ev;
  const Problem& problem = ev.problem();
  const UnitLayout& L = ev.layout();
  first_free_ = 0;
  best_changes_ = 1 << 30;
  prefer_was_ = true;
  best_.clear();
  people_.clear();
  slots_ = L.watch_slots;
  place_ = place;
  day_ = day;
  need_ = problem.places[place].watchers_on(day);
  if (need_ <= 0 || need_ > UnitEvaluator::kSlotCap || slots_ > 64) return false;
  limits_ = ev.day_limits();
  // Slots already begun keep their watchers: the search starts after them.
  while (first_free_ < slots_ &&
         ev.frozen(day * kMinutesPerDay + L.slot_start[static_cast<std::size_t>(first_free_)]))
    ++first_free_;
  if (first_free_ == slots_) return false;

  for (int p : ev.people_at(place, day))
    if (ev.present(p, day)) people_.push_back(p);
  const int n = static_cast<int>(people_.size());
  if (n < need_) return false;
  repeat_ = repeat_days > 1 && first_free_ == 0 ? days_repeated(ev, place, day, repeat_days) : 1;
  busy_.assign(n, 0);
  mask_.assign(n, 0);
  was_.assign(n, 0);
  before_.assign(n, 0);
  after_.assign(n, 0);
  const std::uint64_t free_slots = (slots_ == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << slots_) - 1) &
                                   ~((std::uint64_t{1} << first_free_) - 1);
  for (int i = 0; i < n; ++i) {
    const int p = people_[i];
    const std::uint64_t watches = ev.watch_mask(p, day);
    std::uint64_t here = 0;
    for (std::uint64_t m = watches & free_slots; m; m &= m - 1) {
      const int s = std::countr_zero(m);
      if (ev.watch_place(p, day, s) == place) here |= std::uint64_t{1} << s;
    }
    was_[i] = here;
    mask_[i] = watches & ~here;  // watches elsewhere and in begun slots stay
    busy_[i] = ev.absent_slots(p, day) & free_slots;
    if (day > 0) before_[i] = ev.watch_mask(p, day - 1);
    if (day + 1 < ev.layout().days) after_[i] = ev.watch_mask(p, day + 1);
  }
  // Begun slots are not searched; their entries stay -1.
  chosen_.assign(static_cast<std::size_t>(slots_) * need_, -1);
  if (static_cast<int>(order_.size()) < slots_) order_.resize(static_cast<std::size_t>(slots_));
  partners_.assign(n, 0);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      if (i != j && ev.may_watch_together(people_[i], people_[j])) ++partners_[i];
  base_.resize(n);
  for (int i = 0; i < n; ++i) base_[i] = i;
  std::shuffle(base_.begin(), base_.end(), rng);
  lenient_before_ = false;
  dives(rng, node_budget);
  if (best_.empty() && repeat_ > 1) {
    lenient_before_ = true;
    prefer_was_ = true;
    dives(rng, node_budget);
  }
  if (best_.empty()) return false;

  for (int e = day; e < day + repeat_; ++e) emit_changes(ev, place, e, changes);
  return !changes.empty();
}


// A first dive keeps what it can of the day as it stands; when that finds
// nothing, shorter dives in fresh random orders ignore it (a dive that went
// wrong early rarely recovers: the search's tail is long).
void DayRebuilder::dives(std::mt19937_64& rng, int node_budget) {
  nodes_ = 0;
  budget_ = node_budget / 2;
  search(first_free_, 0, 0, 0);
  prefer_was_ = false;
  for (int spent = node_budget / 2; best_.empty() && spent < node_budget; spent += node_budget / 8) {
    std::shuffle(base_.begin(), base_.end(), rng);
    nodes_ = 0;
    budget_ = node_budget / 8;
    search(first_free_, 0, 0, 0);
  }
}

// The cells that turn day e's watches at the place into the plan found (on
// every repeated day the same slots for the same people).
void DayRebuilder::emit_changes(const UnitEvaluator& ev, int place, int e, std::vector<CellChange>& changes) const {
  const UnitLayout& L = ev.layout();
  const int n = static_cast<int>(people_.size());
  for (int i = 0; i < n; ++i) {
    std::uint64_t now_here = 0;
    for (int s = first_free_; s < slots_; ++s)
      for (int k = 0; k < need_; ++k)
        if (best_[static_cast<std::size_t>(s) * need_ + k] == i) now_here |= std::uint64_t{1} << s;
    const int p = people_[i];
    std::uint64_t was = 0;
    for (std::uint64_t m = ev.watch_mask(p, e); m; m &= m - 1)
      if (const int s = std::countr_zero(m); s >= first_free_ && ev.watch_place(p, e, s) == place)
        was |= std::uint64_t{1} << s;
    for (std::uint64_t m = (was ^ now_here); m; m &= m - 1) {
      const int s = std::countr_zero(m);
      const ShiftCode code = (now_here >> s) & 1 ? L.watch_shift[static_cast<std::size_t>(place) * L.watch_slots + s] : kOff;
      changes.push_back({p, e, L.watch_lane(s), code});
    }
  }
  // Anyone else on watch here in a free slot (placed elsewhere, or away) steps down.
  for (int s = first_free_; s < slots_; ++s) {
    const int count = std::min(ev.watcher_count(place, e, s), UnitEvaluator::kSlotCap);
    const int* on = ev.watchers(place, e, s);
    for (int j = 0; j < count; ++j)
      if (std::find(people_.begin(), people_.end(), on[j]) == people_.end())
        changes.push_back({on[j], e, L.watch_lane(s), kOff});
  }
}

bool rebuild_day_watches(const UnitEvaluator& ev, int place, int day, std::mt19937_64& rng,
                         std::vector<CellChange>& changes, int node_budget) {
  DayRebuilder rebuilder;
  return rebuilder.rebuild(ev, place, day, rng, changes, node_budget);
}

}  // namespace vigil
