// proven_minimum() of eval/unit_precheck.h: the findings' bounds added up
// only where they count different rules' units. Two findings that name a
// common rule may both be paid by the same units (a rotation unit broken to
// fill a team and a post's watches at once), so of those only one counts.
// The set is chosen exactly (a search over the findings with a bound, few in
// practice) up to 24 of them, greedily by bound beyond.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "eval/unit_precheck.h"

namespace vigil {
namespace {

struct Proof {
  std::int64_t bound;
  std::uint64_t units;
};

std::int64_t best_disjoint(const std::vector<Proof>& proofs, std::size_t from, std::uint64_t used) {
  if (from == proofs.size()) return 0;
  std::int64_t best = best_disjoint(proofs, from + 1, used);
  if ((proofs[from].units & used) == 0)
    best = std::max(best, proofs[from].bound + best_disjoint(proofs, from + 1, used | proofs[from].units));
  return best;
}

}  // namespace

std::int64_t proven_minimum(const std::vector<Finding>& findings) {
  std::vector<Proof> proofs;
  for (const Finding& f : findings)
    if (f.bound > 0) proofs.push_back(Proof{f.bound, f.units});
  std::sort(proofs.begin(), proofs.end(), [](const Proof& a, const Proof& b) { return a.bound > b.bound; });
  if (proofs.size() <= 24) return best_disjoint(proofs, 0, 0);
  std::int64_t total = 0;
  std::uint64_t used = 0;
  for (const Proof& p : proofs)
    if ((p.units & used) == 0) {
      total += p.bound;
      used |= p.units;
    }
  return total;
}

}  // namespace vigil
