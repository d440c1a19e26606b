// Exact re-plan of one place's watches on one day (see day_rebuild.h).
#include "solve/day_rebuild.h"

#include <algorithm>
#include <bit>

namespace vigil {

int longest_free_run(std::uint64_t mask, int slots) {
  int longest = 0, run = 0;
  for (int s = 0; s < slots; ++s) {
    run = (mask >> s) & 1 ? 0 : run + 1;
    longest = std::max(longest, run);
  }
  return longest;
}

namespace {

struct DaySearch {
  const UnitEvaluator& ev;
  int slots = 0, need = 0, first_free = 0;
  int max_watches = 0, max_in_row = 0, rest_slots = 0;
  std::vector<int> people;                 // placed at the place that day
  std::vector<std::uint64_t> busy;         // per person: free slots they are away for
  std::vector<std::uint64_t> mask;         // per person: watches so far (those elsewhere and in begun slots included)
  std::vector<std::uint64_t> was;          // per person: their current watches at this place in free slots
  bool prefer_was = true;                  // try who stood a slot before first
  std::vector<int> base;                   // people in a random order
  std::vector<int> partners;               // per person: how many others may watch with them
  std::vector<std::vector<int>> order;     // per free slot: people to try, set on entering the slot
  std::vector<int> chosen;                 // per (slot, k): index into people
  std::vector<int> best;
  int best_changes = 1 << 30;
  int nodes = 0, budget = 0;

  explicit DaySearch(const UnitEvaluator& e) : ev(e) {}

  bool fits(int i, int s) const {
    const std::uint64_t m = mask[i] | (std::uint64_t{1} << s);
    if (std::popcount(m) > max_watches) return false;
    int run = 0;
    for (int t = s; t >= 0 && ((m >> t) & 1); --t) ++run;
    for (int t = s + 1; t < slots && ((m >> t) & 1); ++t) ++run;
    if (run > max_in_row) return false;
    // Later slots are still free: this is the longest rest still possible.
    return longest_free_run(m, slots) >= rest_slots;
  }

  // Whether the watches people can still stand cover the slots left: all of
  // them, and the non-novices among them one less than the watchers per slot
  // (two novices never watch together).
  bool capacity_left(int s) const {
    int all = 0, seasoned = 0;
    for (std::size_t i = 0; i < people.size(); ++i) {
      const int left = std::max(0, max_watches - std::popcount(mask[i]));
      all += left;
      if (!ev.is_novice(people[i])) seasoned += left;
    }
    const int slots_left = slots - s;
    return all >= need * slots_left && seasoned >= (need - 1) * slots_left;
  }

  bool pairs_with(int i, int s, int k) const {
    for (int j = 0; j < k; ++j) {
      const int a = people[i], b = people[chosen[s * need + j]];
      if (!ev.shares_language(a, b) || (ev.is_novice(a) && ev.is_novice(b))) return false;
    }
    return true;
  }

  // Slot s, watcher k of it; candidates from position `from` of the slot's
  // order (so each set is tried once), `changes` so far.
  void search(int s, int k, int from, int changes) {
    if (++nodes > budget || changes >= best_changes) return;
    if (s == slots) {
      best_changes = changes;
      best = chosen;
      return;
    }
    if (k == 0) {
      if (!capacity_left(s)) return;
      // Who stood this slot before first, then whoever has the most watches
      // left (so nobody is used up early), then the hardest to pair, ties in
      // a random order.
      auto& o = order[s];
      o = base;
      std::stable_sort(o.begin(), o.end(), [&](int a, int b) {
        const int wa = (was[a] >> s) & 1, wb = (was[b] >> s) & 1;
        if (prefer_was && wa != wb) return wa > wb;
        const int ua = std::popcount(mask[a]), ub = std::popcount(mask[b]);
        if (ua != ub) return ua < ub;
        return partners[a] < partners[b];  // the hardest to pair first
      });
    }
    if (k == need) {
      // Cells of this slot that were watches and are no longer.
      int dropped = 0;
      for (std::size_t i = 0; i < people.size(); ++i)
        if (((was[i] >> s) & 1) && !((mask[i] >> s) & 1)) ++dropped;
      search(s + 1, 0, 0, changes + dropped);
      return;
    }
    const auto& candidates = order[s];
    for (int c = from; c < static_cast<int>(candidates.size()); ++c) {
      const int i = candidates[c];
      if (((busy[i] | mask[i]) >> s) & 1 || !fits(i, s) || !pairs_with(i, s, k)) continue;
      mask[i] |= std::uint64_t{1} << s;
      chosen[s * need + k] = i;
      search(s, k + 1, c + 1, changes + (((was[i] >> s) & 1) ? 0 : 1));
      mask[i] &= ~(std::uint64_t{1} << s);
      if (nodes > budget) return;
    }
  }
};

}  // namespace

bool rebuild_day_watches(const UnitEvaluator& ev, int place, int day, std::mt19937_64& rng,
                         std::vector<CellChange>& changes, int node_budget) {
  changes.clear();
  const Problem& problem = ev.problem();
  const UnitLayout& L = ev.layout();
  const auto& par = problem.unit->parameters;
  DaySearch search(ev);
  search.slots = L.watch_slots;
  search.need = problem.places[place].watchers;
  if (search.need <= 0 || search.need > UnitEvaluator::kSlotCap || search.slots > 64) return false;
  search.max_watches = par.max_watch_minutes / L.watch_minutes;
  search.max_in_row = par.max_watches_in_row;
  search.rest_slots = (par.min_rest_minutes + L.watch_minutes - 1) / L.watch_minutes;
  // Slots already begun keep their watchers: the search starts after them.
  while (search.first_free < search.slots &&
         ev.frozen(day * kMinutesPerDay + L.slot_start[static_cast<std::size_t>(search.first_free)]))
    ++search.first_free;
  if (search.first_free == search.slots) return false;

  for (int p : ev.people_at(place, day))
    if (ev.present(p, day)) search.people.push_back(p);
  const int n = static_cast<int>(search.people.size());
  if (n < search.need) return false;
  search.busy.assign(n, 0);
  search.mask.assign(n, 0);
  search.was.assign(n, 0);
  const std::uint64_t free_slots = (search.slots == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << search.slots) - 1) &
                                   ~((std::uint64_t{1} << search.first_free) - 1);
  for (int i = 0; i < n; ++i) {
    const int p = search.people[i];
    const std::uint64_t watches = ev.watch_mask(p, day);
    std::uint64_t here = 0;
    for (std::uint64_t m = watches & free_slots; m; m &= m - 1) {
      const int s = std::countr_zero(m);
      if (ev.watch_place(p, day, s) == place) here |= std::uint64_t{1} << s;
    }
    search.was[i] = here;
    search.mask[i] = watches & ~here;  // watches elsewhere and in begun slots stay
    search.busy[i] = ev.absent_slots(p, day) & free_slots;
  }
  // Begun slots are not searched; their entries stay -1.
  search.chosen.assign(static_cast<std::size_t>(search.slots) * search.need, -1);
  search.order.assign(search.slots, {});
  search.partners.assign(n, 0);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      const int a = search.people[i], b = search.people[j];
      if (i != j && ev.shares_language(a, b) && !(ev.is_novice(a) && ev.is_novice(b))) ++search.partners[i];
    }
  // A first dive keeps what it can of the day as it stands; when that finds
  // nothing, shorter dives in fresh random orders ignore it (a dive that went
  // wrong early rarely recovers: the search's tail is long).
  search.base.resize(n);
  for (int i = 0; i < n; ++i) search.base[i] = i;
  std::shuffle(search.base.begin(), search.base.end(), rng);
  search.budget = node_budget / 2;
  search.search(search.first_free, 0, 0, 0);
  search.prefer_was = false;
  for (int spent = node_budget / 2; search.best.empty() && spent < node_budget; spent += node_budget / 8) {
    std::shuffle(search.base.begin(), search.base.end(), rng);
    search.nodes = 0;
    search.budget = node_budget / 8;
    search.search(search.first_free, 0, 0, 0);
  }
  if (search.best.empty()) return false;

  for (int i = 0; i < n; ++i) {
    std::uint64_t now_here = 0;
    for (int s = search.first_free; s < search.slots; ++s)
      for (int k = 0; k < search.need; ++k)
        if (search.best[static_cast<std::size_t>(s) * search.need + k] == i) now_here |= std::uint64_t{1} << s;
    const int p = search.people[i];
    for (std::uint64_t m = (search.was[i] ^ now_here); m; m &= m - 1) {
      const int s = std::countr_zero(m);
      const ShiftCode code = (now_here >> s) & 1 ? L.watch_shift[static_cast<std::size_t>(place) * L.watch_slots + s] : kOff;
      changes.push_back({p, day, L.watch_lane(s), code});
    }
  }
  // Anyone else on watch here in a free slot (placed elsewhere, or away) steps down.
  for (int s = search.first_free; s < search.slots; ++s) {
    const int count = std::min(ev.watcher_count(place, day, s), UnitEvaluator::kSlotCap);
    const int* on = ev.watchers(place, day, s);
    for (int j = 0; j < count; ++j)
      if (std::find(search.people.begin(), search.people.end(), on[j]) == search.people.end())
        changes.push_back({on[j], day, L.watch_lane(s), kOff});
  }
  return !changes.empty();
}

}  // namespace vigil
