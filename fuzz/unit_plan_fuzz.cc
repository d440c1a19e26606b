// Fuzz target: the unit plan reader (io/unit_roster_json.h
// parse_unit_roster_json) against examples/unit-64.yaml. A read plan is
// evaluated (fully and by the unit evaluator, which must agree) and, written
// back with its stamp, must read again to the same plan and stamp.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vigil::fuzz::check_unit_plan_input(vigil::fuzz::unit64(), data, size);
  return 0;
}
