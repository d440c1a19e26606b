// Fuzz target: the unit plan reader (io/unit_roster_json.h
// parse_unit_roster_json) against examples/unit-64.yaml. A read plan is
// evaluated (fully and by the unit evaluator, which must agree) and, written
// back with its stamp, must read again to the same plan and stamp.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vigil;
  const Problem& problem = fuzz::unit64();
  PlanFileInfo info;
  auto plan = parse_unit_roster_json(problem, fuzz::text_of(data, size), "fuzz.json", &info);
  if (!plan) {
    fuzz::check_error(plan.error());
    return 0;
  }
  fuzz::check_roster(problem, *plan);
  PlanFileInfo info_again;
  auto again = parse_unit_roster_json(problem, unit_roster_to_json(problem, *plan, info.stamp), "written.json",
                                      &info_again);
  if (!again)
    fuzz::broken("unit_roster_to_json wrote a plan parse_unit_roster_json refuses: " + again.error().format());
  if (!(*again == *plan)) fuzz::broken("a plan read back differs");
  if (info.stamp.version != 0 &&
      (info_again.stamp.version != info.stamp.version || info_again.stamp.replaces != info.stamp.replaces ||
       info_again.stamp.made != info.stamp.made || info_again.stamp.reason != info.stamp.reason))
    fuzz::broken("a plan's stamp read back differs");
  return 0;
}
