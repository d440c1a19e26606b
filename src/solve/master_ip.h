// The restricted master as an integer programme ("price and branch"): once
// column generation has its pool of lines, CBC's branch and bound picks one
// line per person from every line generated, cover gaps priced as in the LP.
// The dive fixes lines greedily and keeps the first roster it reaches; the
// programme searches the whole pool from that roster, so it never returns a
// worse one, and where the pool holds an optimum's lines it finds it.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

class ClpSimplex;

namespace vigil {

struct MasterIpOptions {
  double seconds = 0;     // 0: no clock (the node limit alone: the same every run)
  int max_nodes = 0;      // branch-and-bound nodes; 0: the programme is not run
};

struct MasterIpResult {
  std::optional<std::vector<double>> solution;  // column values, when better than the start
  double objective = 0;                         // of the solution, when there is one
  int nodes = 0;                                // branch-and-bound nodes explored
};

// `master`: the master LP (convexity rows, cover rows; slacks, artificial
// columns, then the line columns from first_line_column on), any bounds the
// dive set still there. The line columns become binary with lower bound 0;
// artificial columns are closed. `start`: a value per column of a roster
// (one line per person, its slacks), `start_objective` its cost.
MasterIpResult solve_master_ip(const ClpSimplex& master, int first_artificial_column, int first_line_column,
                               const std::vector<double>& start, double start_objective,
                               const MasterIpOptions& options);

}  // namespace vigil
