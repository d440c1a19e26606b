// Fuzz target: the unit plan reader (io/unit_roster_json.h
// parse_unit_roster_json) against a small unit, tests/data/scenarios/
// example.yaml (12 people, 8 days, one post), with the checks of
// unit_plan_fuzz.cc. A plan of unit-64 is about 280 KB and each input read
// is evaluated whole, which keeps that target far from 10^6 executions; a
// plan of this unit is 20 KB (64 people x 28 days against 12 x 8).
#include "fuzz_support.h"

namespace {

const vigil::Problem& small_unit() {
  static const vigil::Problem p = vigil::fuzz::must_read(
      vigil::read_scenario(VIGIL_SOURCE_DIR "/tests/data/scenarios/example.yaml"), "example.yaml");
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vigil::fuzz::check_unit_plan_input(small_unit(), data, size);
  return 0;
}
