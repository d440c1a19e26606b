// Watch pairs for the witness plan (solve/unit_witness.h): who stands their
// watches with whom. Two people may watch together when they share a language
// and are not both novices; the witness pairs everyone it can before it deals
// the pairs to the rotation and the post teams.
#pragma once

#include <cstdint>
#include <vector>

namespace vigil::witness {

// A person as the pairing sees them.
struct WitnessPerson {
  std::uint32_t languages = 0;  // bit per language
  bool novice = false;
  std::uint32_t needs = 0;  // bit per team need met
};

// A watch pair, or a single person who stands no watch.
struct Unit {
  int a = -1, c = -1;  // c < 0: a single
  std::uint32_t needs = 0;
  int size() const { return c < 0 ? 1 : 2; }
};

// Pairs up `people` (indices into `persons`) for watches and appends the
// pairs, then those left single, to `units`.
void pair_people(const std::vector<WitnessPerson>& persons, const std::vector<int>& people, std::vector<Unit>& units);

}  // namespace vigil::witness
