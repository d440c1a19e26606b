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
  using namespace vigil;
  const Problem& problem = small_unit();
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
