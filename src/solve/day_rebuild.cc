// Exact re-plan of one place's watches on one day (see day_rebuild.h).
#include "solve/day_rebuild.h"

#include <algorithm>
#include <bit>

namespace vigil {

bool DayRebuilder::fits(int i, int s) const {
  const std::uint64_t m = mask_[i] | (std::uint64_t{1} << s);
  if (rules::watches_over(std::popcount(m), limits_) > 0) return false;
  if (rules::run_over(rules::run_through_days(before_[i], m, after_[i], s, slots_), limits_) > 0) return false;
  // Later slots are still free: this is the longest rest still possible.
  return !rules::rest_too_short(rules::longest_free_run(m, slots_), limits_);
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


bool DayRebuilder::rebuild(const UnitEvaluator& ev, int place, int day, std::mt19937_64& rng,
                           std::vector<CellChange>& changes, int node_budget) {
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
  // A first dive keeps what it can of the day as it stands; when that finds
  // nothing, shorter dives in fresh random orders ignore it (a dive that went
  // wrong early rarely recovers: the search's tail is long).
  base_.resize(n);
  for (int i = 0; i < n; ++i) base_[i] = i;
  std::shuffle(base_.begin(), base_.end(), rng);
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
  if (best_.empty()) return false;

  for (int i = 0; i < n; ++i) {
    std::uint64_t now_here = 0;
    for (int s = first_free_; s < slots_; ++s)
      for (int k = 0; k < need_; ++k)
        if (best_[static_cast<std::size_t>(s) * need_ + k] == i) now_here |= std::uint64_t{1} << s;
    const int p = people_[i];
    for (std::uint64_t m = (was_[i] ^ now_here); m; m &= m - 1) {
      const int s = std::countr_zero(m);
      const ShiftCode code = (now_here >> s) & 1 ? L.watch_shift[static_cast<std::size_t>(place) * L.watch_slots + s] : kOff;
      changes.push_back({p, day, L.watch_lane(s), code});
    }
  }
  // Anyone else on watch here in a free slot (placed elsewhere, or away) steps down.
  for (int s = first_free_; s < slots_; ++s) {
    const int count = std::min(ev.watcher_count(place, day, s), UnitEvaluator::kSlotCap);
    const int* on = ev.watchers(place, day, s);
    for (int j = 0; j < count; ++j)
      if (std::find(people_.begin(), people_.end(), on[j]) == people_.end())
        changes.push_back({on[j], day, L.watch_lane(s), kOff});
  }
  return !changes.empty();
}


bool rebuild_day_watches(const UnitEvaluator& ev, int place, int day, std::mt19937_64& rng,
                         std::vector<CellChange>& changes, int node_budget) {
  DayRebuilder rebuilder;
  return rebuilder.rebuild(ev, place, day, rng, changes, node_budget);
}

}  // namespace vigil
