// Watch pairs for the witness plan (see unit_witness_pairs.h).
#include "solve/unit_witness_pairs.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <limits>
#include <utility>

namespace vigil::witness {

// Pairs up people for watches (a shared language, never two novices) and
// appends the pairs, then those left single, to `units`. Greedy over groups
// of people who speak the same languages: novices first, the novice groups
// with the fewest possible partners first, each taking partners from the
// group that could serve the fewest novices; then the experienced among
// themselves.
void pair_people(const std::vector<WitnessPerson>& persons, const std::vector<int>& people, std::vector<Unit>& units) {
  // Buckets by (languages, novice).
  std::vector<std::pair<std::uint64_t, int>> keyed;
  for (int i : people)
    keyed.emplace_back((static_cast<std::uint64_t>(persons[i].languages) << 1) | (persons[i].novice ? 1u : 0u), i);
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  struct Bucket {
    std::uint32_t languages;
    bool novice;
    std::vector<int> people;  // fewest needs first
    std::size_t head = 0, tail = 0;  // the unpaired are people[head, tail)
    std::size_t left() const { return tail - head; }
    int pop_rich() { return people[--tail]; }
    int pop_poor() { return people[head++]; }
  };
  std::vector<Bucket> buckets;
  for (const auto& [k, i] : keyed) {
    if (buckets.empty() || ((static_cast<std::uint64_t>(buckets.back().languages) << 1) |
                            (buckets.back().novice ? 1u : 0u)) != k)
      buckets.push_back(Bucket{static_cast<std::uint32_t>(k >> 1), (k & 1u) != 0, {}, 0, 0});
    buckets.back().people.push_back(i);
  }
  auto need_count = [&](int i) { return std::popcount(persons[i].needs); };
  for (Bucket& bk : buckets) {
    std::stable_sort(bk.people.begin(), bk.people.end(), [&](int x, int y) { return need_count(x) < need_count(y); });
    bk.tail = bk.people.size();
  }
  auto pair_up = [&](int x, int y) { units.push_back(Unit{x, y, persons[x].needs | persons[y].needs}); };
  // Novices first, each with an experienced partner who shares a language;
  // the novice groups with the fewest possible partners go first, and each
  // takes partners from the group that could serve the fewest novices.
  std::vector<std::size_t> novice_buckets, other_buckets;
  for (std::size_t k = 0; k < buckets.size(); ++k) (buckets[k].novice ? novice_buckets : other_buckets).push_back(k);
  auto partners = [&](std::size_t nk) {
    std::size_t total = 0;
    for (std::size_t ok : other_buckets)
      if (buckets[ok].languages & buckets[nk].languages) total += buckets[ok].left();
    return total;
  };
  std::stable_sort(novice_buckets.begin(), novice_buckets.end(),
                   [&](std::size_t x, std::size_t y) { return partners(x) < partners(y); });
  for (std::size_t nk : novice_buckets) {
    Bucket& nb = buckets[nk];
    while (nb.left() > 0) {
      std::size_t best = buckets.size();
      std::size_t best_reach = std::numeric_limits<std::size_t>::max();
      for (std::size_t ok : other_buckets) {
        const Bucket& ob = buckets[ok];
        if (ob.left() == 0 || !(ob.languages & nb.languages)) continue;
        std::size_t reach = 0;
        for (std::size_t mk : novice_buckets)
          if (buckets[mk].languages & ob.languages) reach += buckets[mk].left();
        if (reach < best_reach) {
          best_reach = reach;
          best = ok;
        }
      }
      if (best == buckets.size()) break;
      Bucket& ob = buckets[best];
      while (nb.left() > 0 && ob.left() > 0) {
        const int x = nb.pop_rich();
        pair_up(x, ob.pop_poor());
      }
    }
    while (nb.left() > 0) {
      const int i = nb.pop_rich();
      units.push_back(Unit{i, -1, persons[i].needs});
    }
  }
  // The experienced among themselves: within a group first (rich with poor),
  // then the leftovers across groups that share a language.
  std::vector<int> left;
  for (std::size_t ok : other_buckets) {
    Bucket& ob = buckets[ok];
    while (ob.left() >= 2) {
      const int x = ob.pop_rich();
      pair_up(x, ob.pop_poor());
    }
    if (ob.left() > 0) left.push_back(ob.pop_rich());
  }
  std::vector<char> used(left.size(), 0);
  for (std::size_t x = 0; x < left.size(); ++x) {
    if (used[x]) continue;
    used[x] = 1;
    std::size_t y = x + 1;
    while (y < left.size() && (used[y] || !(persons[left[x]].languages & persons[left[y]].languages))) ++y;
    if (y < left.size()) {
      used[y] = 1;
      pair_up(left[x], left[y]);
    } else {
      units.push_back(Unit{left[x], -1, persons[left[x]].needs});
    }
  }
}

}  // namespace vigil::witness
