// A sweep's report (issue 16): the table of its cases (the varied values, the
// seed, whether the plan keeps every hard rule, hard units left, soft cost),
// a summary per value of each varied parameter, and an SVG plot of the share
// of feasible cases and the median cost against each parameter. Built from
// the cases as a shard file holds them, so `vigil sweep` on one machine and
// `vigil merge` of its shards write the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/input_error.h"
#include "io/shard_file.h"

namespace vigil {

struct SweepRow {
  std::vector<std::int64_t> values;
  std::uint64_t seed = 1;
  bool feasible = false;
  std::int64_t hard = 0, cost = 0;
};

struct SweepTable {
  std::string file;                // the sweep file, as first named
  std::vector<std::string> axes;   // the varied parameters
  std::int64_t work = 0;
  std::vector<SweepRow> rows;      // in case order
};

// A case's result for its shard line, and the table of a whole run's shard
// file (an error names the case and the field).
nlohmann::json sweep_row_json(const SweepRow& row);
Result<SweepTable> sweep_table_from_shards(const ShardFile& whole);

std::string sweep_report_text(const SweepTable& table);
std::string sweep_plot_svg(const SweepTable& table);

}  // namespace vigil
