// The resilience check's report, in words (the weakest points, worst first,
// and the score), and each case as a line of a shard file. The command prints
// it from the cases it ran; `vigil merge` prints the same from the shards'
// lines, which carry the names and days already worded, so the merge needs
// neither the scenario nor the plan, and its report is byte for byte the one
// a single machine prints.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/input_error.h"

namespace vigil {

// A case of the check (solve/resilience.h's LossCase) with who was lost and
// when, in words.
struct LossRow {
  int day = 0, person = 0, second = -1;
  std::string who;   // "Ivan Petrenko and Ana Lopez"
  std::string when;  // the changeover's day label
  bool repaired = false;
  std::int64_t hard_left = 0;
  std::string first_problem;
  std::vector<std::string> consequences;
};

struct ResilienceSummary {
  std::string scenario;  // as named on the command line
  bool pairs = false;
  std::int64_t work_per_case = 0;
  std::uint64_t seed = 1;
  std::vector<LossRow> rows;  // in case order
};

// A case as a shard line's result, and back (an error names the field).
nlohmann::json loss_row_json(const LossRow& row);
Result<LossRow> loss_row_from_json(const nlohmann::json& j, const std::string& where);

// The report: header, weakest points (at most `listed`), score line.
std::string resilience_report_text(const ResilienceSummary& summary, int listed);

// How many rows were repaired.
int repaired_count(const ResilienceSummary& summary);

}  // namespace vigil
