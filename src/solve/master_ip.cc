// The restricted master as an integer programme, solved by CBC (see
// master_ip.h).
#include "solve/master_ip.h"

#include <coin/CbcHeuristic.hpp>
#include <coin/CbcModel.hpp>
#include <coin/ClpSimplex.hpp>
#include <coin/CoinMessageHandler.hpp>
#include <coin/OsiClpSolverInterface.hpp>

namespace vigil {

MasterIpResult solve_master_ip(const ClpSimplex& master, int first_artificial_column, int first_line_column,
                               const std::vector<double>& start, double start_objective,
                               const MasterIpOptions& options) {
  MasterIpResult result;
  if (options.max_nodes <= 0) return result;
  const int columns = master.getNumCols();
  // A copy keeps the master's basis: the programme's first LP is warm.
  ClpSimplex copy(master);
  // Every person has a line in the pool (the start roster's): the
  // artificial "no line" columns only kept the first LPs feasible.
  for (int c = first_artificial_column; c < first_line_column; ++c) copy.setColumnUpper(c, 0.0);
  // The dive's fixings are undone: the programme chooses among every line.
  for (int c = first_line_column; c < columns; ++c) copy.setColumnLower(c, 0.0);
  OsiClpSolverInterface solver(&copy, false);
  solver.messageHandler()->setLogLevel(0);
  solver.getModelPtr()->setLogLevel(0);
  for (int c = first_line_column; c < columns; ++c) solver.setInteger(c);

  CbcModel model(solver);
  model.setLogLevel(0);
  model.messageHandler()->setLogLevel(0);
  model.setMaximumNodes(options.max_nodes);
  // Strong branching re-solves the master per candidate: on Instance12's
  // 6400 lines, 24 probes took 11 s at the root alone.
  model.setNumberStrong(0);
  if (options.seconds > 0) model.setMaximumSeconds(options.seconds);
  // Costs are whole numbers: a roster must be at least 1 better than the
  // best so far, and a gap under 1 is closed.
  model.setCutoffIncrement(0.999);
  model.setAllowableGap(0.999);
  CbcRounding rounding(model);
  model.addHeuristic(&rounding);
  model.setBestSolution(start.data(), columns, start_objective, false);
  model.branchAndBound();
  result.nodes = model.getNodeCount();
  const double* best = model.bestSolution();
  if (best && model.getObjValue() < start_objective - 0.5) {
    result.solution.emplace(best, best + columns);
    result.objective = model.getObjValue();
  }
  return result;
}

}  // namespace vigil
