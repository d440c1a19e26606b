// Long horizons (issue 15): the reference unit stretched to ten years must
// get its first plan built and the search moving within a bounded time, and
// a --time budget must end the solve (construction included) near its limit.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

#include "io/scenario_reader.h"
#include "solve/solver.h"

namespace vigil {
namespace {

// examples/unit-64.yaml with `days: 28` replaced by `days: <days>`.
Problem reference_unit_over(int days) {
  std::ifstream in(std::string(VIGIL_SOURCE_DIR) + "/examples/unit-64.yaml");
  std::stringstream text;
  text << in.rdbuf();
  std::string yaml = text.str();
  const std::string was = "\n  days: 28\n";
  const auto at = yaml.find(was);
  if (at == std::string::npos) throw std::runtime_error("unit-64.yaml no longer has `days: 28`");
  yaml.replace(at, was.size(), "\n  days: " + std::to_string(days) + "\n");
  auto p = parse_scenario(yaml, "unit-64-long.yaml");
  if (!p) throw std::runtime_error(p.error().format());
  return std::move(p.value());
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Before the fix the first plan alone took over 60 s at 3650 days and the
// search never moved. A work budget reads no clock, so this run is the same
// anywhere; the bound on its wall time is loose (a loaded machine), the
// ctest timeout catches a quadratic construction.
TEST(UnitHorizon, TenYearUnitStartsMovingUnderAWorkBudget) {
  const Problem unit = reference_unit_over(3650);
  ASSERT_EQ(unit.days(), 3650);
  SolveOptions options;
  options.work_limit = 20'000;
  options.time_limit_seconds = 1e6;
  options.seed = 1;
  const auto t0 = std::chrono::steady_clock::now();
  const SolveResult r = solve(unit, options);
  EXPECT_GE(r.moves, 20'000);  // the budget is checked every 1024 moves
  EXPECT_LT(seconds_since(t0), 40.0);
}

// --time holds for the whole solve: a clock spent inside the construction
// stops it there, and the search starts from what exists.
TEST(UnitHorizon, TimeLimitEndsTheSolveEvenWhenConstructionWouldTakeLonger) {
  const Problem unit = reference_unit_over(3650);
  SolveOptions options;
  options.time_limit_seconds = 0.3;
  options.seed = 1;
  const auto t0 = std::chrono::steady_clock::now();
  const SolveResult r = solve(unit, options);
  EXPECT_LT(seconds_since(t0), 0.3 + 1.0);
  EXPECT_EQ(r.reason, StopReason::kTimeLimit);
}

}  // namespace
}  // namespace vigil
