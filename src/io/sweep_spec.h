// A sweep (issue 16): one base unit (a scenario file, or a unit made by the
// generator), the parameters to vary and their values, the seeds and the work
// budget of each search. Every combination of values, times every seed, is a
// case: one plan searched with `work` moves. The file, YAML:
//   scenario: unit-64.yaml         # relative to the sweep file; or
//   generate: {people: 64, posts: 4, rest_centers: 1, days: 28, seed: 1}
//   vary:
//     people: [56, 64, 72]         # generated units only (and posts, days)
//     beds: [16, 20]               # every rest center's beds
//     need.medic: [1, 2]           # each post team's count of a need (skill, language code, veteran)
//     weight.requests: [1, 10]     # a soft rule's weight, by its name
//   seeds: [1, 2, 3]
//   work: 200000
// The reader checks the form and says where a mistake is (file:line:col);
// whether a need or rule name exists is for solve/sweep.h, against the unit.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/input_error.h"

namespace vigil {

struct SweepAxis {
  std::string name;  // "people", "beds", "need.medic", "weight.requests"
  std::vector<std::int64_t> values;
  int line = 0, column = 0;  // of its name in the sweep file, for later errors
};

struct SweepSpec {
  std::string file;      // the sweep file, as named
  std::string scenario;  // resolved against the sweep file's folder; "" for a generated unit
  // A generated unit (when scenario is ""): GeneratorOptions of solve/unit_generator.h.
  int people = 64, posts = 4, rest_centers = 1, days = 28;
  std::uint64_t unit_seed = 1;
  std::vector<SweepAxis> axes;
  std::vector<std::uint64_t> seeds;
  std::int64_t work = 0;

  // Everything that decides the cases and their answers (not the paths):
  // the sweep files' shard header parameters.
  nlohmann::json parameters() const;
};

inline constexpr std::size_t kMaxSweepCases = 10'000'000;

Result<SweepSpec> parse_sweep_spec(const std::string& text, const std::string& file);
Result<SweepSpec> read_sweep_spec(const std::string& path);

}  // namespace vigil
