// Column generation with CLP for the master LP, then a dive (fix the most
// decided person's line, re-generate) to an integer roster.
// Rows: one convexity row per person (= 1), one cover row per (day, shift)
// (= requirement). Columns: two cover slacks per cover row (under, over),
// one artificial "no line" column per person (huge cost, keeps the master
// feasible before real lines exist), and the lines.
#include "solve/column_generation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <coin/ClpSimplex.hpp>
#include <coin/CoinMessageHandler.hpp>
#include <coin/CoinPackedMatrix.hpp>

#include "eval/incremental_evaluator.h"
#include "solve/line_optimizer.h"
#include "solve/master_ip.h"

namespace vigil {
namespace {

constexpr double kArtificialCost = 1e7;

struct LineColumn {
  int person;
  std::vector<ShiftCode> line;
};

double line_request_cost(const ProblemIndex& ix, const IncrementalEvaluator& eval, int p, const std::vector<ShiftCode>& line) {
  double c = 0;
  for (int d = 0; d < ix.days; ++d) c += eval.request_cost(p, d, line[static_cast<std::size_t>(d)]);
  return c;
}

// Transitions of one pricing round (every person once) that let hundreds of
// rounds fit a typical budget.
constexpr double kRoundBudget = 4e8;
// Above kRoundBudget, each LP solve prices only a share of the people (a
// round's worth of kRoundBudget) while that finds lines; up to this much, and
// only on horizons under half a year: measured at 30 and 60 s (docs/
// benchmark.md, h-cg section) it paid on Instance15 (4.9e8), was mixed on 19
// (5.9e8), and did not on 13 (8.9e8) nor 20 and 21 (182 days, where the dive
// alone outlasts the budget).
constexpr double kPartialRoundLimit = 5.5e8;
constexpr int kPartialMaxDays = 182;

// The dive's roster as a start for the integer programme over the whole
// pool (solve/master_ip.h); where it finds a cheaper roster, its lines
// replace the dive's in `chosen`. Skipped where the dive's roster already
// meets the proven bound.
void choose_by_master_ip(const ClpSimplex& lp, int first_line_column, const std::vector<LineColumn>& columns,
                         const std::vector<int>& members, std::vector<int>& chosen,
                         const ColumnGenerationOptions& options, ColumnGenerationResult& result) {
  if (options.ip.max_nodes <= 0) return;
  const int M = static_cast<int>(members.size());
  const int cover_rows = lp.getNumRows() - M;
  const int first_artificial = 2 * cover_rows;  // the slacks come first, under and over per cover row
  std::vector<double> x(static_cast<std::size_t>(lp.getNumCols()), 0.0);
  std::vector<double> covered(static_cast<std::size_t>(cover_rows), 0.0);
  const CoinPackedMatrix& matrix = *lp.matrix();
  for (int p : members) {
    const int c = first_line_column + chosen[static_cast<std::size_t>(p)];
    x[static_cast<std::size_t>(c)] = 1;
    const CoinShallowPackedVector column = matrix.getVector(c);
    for (int k = 0; k < column.getNumElements(); ++k)
      if (column.getIndices()[k] >= M) covered[static_cast<std::size_t>(column.getIndices()[k] - M)] += 1;
  }
  for (int i = 0; i < cover_rows; ++i) {
    const double gap = lp.getRowLower()[M + i] - covered[static_cast<std::size_t>(i)];
    x[2 * static_cast<std::size_t>(i)] = std::max(0.0, gap);
    x[2 * static_cast<std::size_t>(i) + 1] = std::max(0.0, -gap);
  }
  double objective = 0;
  for (std::size_t c = 0; c < x.size(); ++c) objective += x[c] * lp.getObjCoefficients()[c];
  if (result.bound_valid && objective <= std::ceil(result.lower_bound - 1e-6) + 1e-6) return;
  const MasterIpResult ip = solve_master_ip(lp, first_artificial, first_line_column, x, objective, options.ip);
  result.ip_nodes = ip.nodes;
  if (!ip.solution) return;
  result.ip_improved = true;
  for (std::size_t c = 0; c < columns.size(); ++c)
    if ((*ip.solution)[static_cast<std::size_t>(first_line_column) + c] > 0.5)
      chosen[static_cast<std::size_t>(columns[c].person)] = static_cast<int>(c);
}

}  // namespace

PricingPlan pricing_plan(const ProblemIndex& index) {
  PricingPlan plan;
  LineOptimizer lines(index);
  double plain = 0, merged = 0;
  for (int p = 0; p < index.people; ++p) plain += lines.exact_work(p, false);
  lines.set_shift_classes(true);
  for (int p = 0; p < index.people; ++p) merged += lines.exact_work(p);
  // Merged classes price alike but break ties otherwise; the plain
  // programme keeps its lines (and the dives built on them) where it is fast.
  plan.merge_classes = plain > kRoundBudget && merged < plain;
  plan.round_work = plan.merge_classes ? merged : plain;
  plan.fits = plain <= kRoundBudget || (index.days < kPartialMaxDays && plan.round_work <= kPartialRoundLimit);
  plan.batch = plan.round_work <= kRoundBudget
                   ? index.people
                   : std::max(1, static_cast<int>(std::ceil(index.people * kRoundBudget / plan.round_work)));
  return plan;
}

bool column_generation_applicable(const Problem& problem, const ProblemIndex& index) {
  // The line DP builds the benchmark's lines keeping every per-person limit;
  // that is the problem's own definition only while all of them are enabled
  // and hard. Other kinds of problem have rules the DP does not know.
  if (problem.kind() != ProblemKind::kBenchmark) return false;
  for (RuleKind kind : rules_with_role(RuleRole::kPersonLimit))
    if (!problem.rule(kind).enabled || !problem.rule(kind).hard) return false;
  // Worth it only when pricing is cheap enough for hundreds of LP solves
  // within a typical budget (partial rounds where a full one is dearer).
  return pricing_plan(index).fits;
}

ColumnGenerationResult column_generation(const Problem& problem, const ProblemIndex& ix,
                                         const ColumnGenerationOptions& options) {
  ColumnGenerationResult result;
  const int P = ix.people, D = ix.days, S = ix.shifts;
  const int cover_rows = D * S;
  const double cover_weight = problem.rule(RuleKind::kCover).enabled ? problem.rule(RuleKind::kCover).weight : 0;
  // Request prices come from the evaluator so rule weights apply the same way.
  const IncrementalEvaluator eval(problem, ix, Roster(problem));
  // The people who get lines (everyone, or a window's), by their row.
  const bool window = !options.people.empty() && options.seed;
  std::vector<int> members = window ? options.people : std::vector<int>(static_cast<std::size_t>(P));
  if (!window) std::iota(members.begin(), members.end(), 0);
  const int M = static_cast<int>(members.size());
  std::vector<int> row_of(static_cast<std::size_t>(P), -1);
  for (int i = 0; i < M; ++i) row_of[static_cast<std::size_t>(members[static_cast<std::size_t>(i)])] = i;
  const int first_day = window ? options.first_day : 0, last_day = window ? options.last_day : D;

  ClpSimplex lp;
  lp.setLogLevel(0);
  lp.messageHandler()->setLogLevel(0);
  lp.setOptimizationDirection(1);
  {
    std::vector<double> row_lo(static_cast<std::size_t>(M + cover_rows)), row_hi(row_lo.size());
    for (int i = 0; i < M; ++i) row_lo[static_cast<std::size_t>(i)] = row_hi[static_cast<std::size_t>(i)] = 1.0;
    for (int i = 0; i < cover_rows; ++i)
      row_lo[static_cast<std::size_t>(M + i)] = row_hi[static_cast<std::size_t>(M + i)] = ix.cover_required[static_cast<std::size_t>(i)];
    // In a window, the people kept fixed cover their part as constants.
    for (int p = 0; window && p < P; ++p) {
      if (row_of[static_cast<std::size_t>(p)] >= 0) continue;
      for (int d = 0; d < D; ++d)
        if (const ShiftCode v = options.seed->at(p, d); v >= 0) {
          const auto r = static_cast<std::size_t>(M + d * S + v);
          row_lo[r] -= 1.0;
          row_hi[r] -= 1.0;
        }
    }
    lp.addRows(M + cover_rows, row_lo.data(), row_hi.data(), nullptr, nullptr, nullptr);
  }
  // Slack columns: under (+1, under-weight) and over (-1, over-weight).
  for (int i = 0; i < cover_rows; ++i) {
    const int row = M + i;
    const double one = 1.0, minus = -1.0;
    lp.addColumn(1, &row, &one, 0.0, COIN_DBL_MAX, cover_weight * ix.cover_under[static_cast<std::size_t>(i)]);
    lp.addColumn(1, &row, &minus, 0.0, COIN_DBL_MAX, cover_weight * ix.cover_over[static_cast<std::size_t>(i)]);
  }
  for (int i = 0; i < M; ++i) {
    const double one = 1.0;
    lp.addColumn(1, &i, &one, 0.0, COIN_DBL_MAX, kArtificialCost);
  }
  const int first_line_column = lp.numberColumns();
  std::vector<LineColumn> columns;
  std::vector<int> rows;
  std::vector<double> ones;
  auto add_line = [&](int p, const std::vector<ShiftCode>& line) {
    rows.clear();
    rows.push_back(row_of[static_cast<std::size_t>(p)]);
    for (int d = 0; d < D; ++d)
      if (line[static_cast<std::size_t>(d)] >= 0) rows.push_back(M + d * S + line[static_cast<std::size_t>(d)]);
    ones.assign(rows.size(), 1.0);
    lp.addColumn(static_cast<int>(rows.size()), rows.data(), ones.data(), 0.0, 1.0, line_request_cost(ix, eval, p, line));
    columns.push_back({p, line});
  };
  std::vector<int> seed_column(static_cast<std::size_t>(P), -1);  // the seed's line of each person, when it keeps their rules
  if (options.seed) {
    // Only lines that keep every per-person hard rule may enter.
    const Evaluation ev = evaluate(problem, ix, *options.seed, true);
    std::vector<char> broken(static_cast<std::size_t>(P), 0);
    for (const Violation& v : ev.violations)
      if (v.person >= 0 && problem.rule(v.rule).hard) broken[static_cast<std::size_t>(v.person)] = 1;
    for (int p : members)
      if (!broken[static_cast<std::size_t>(p)]) {
        seed_column[static_cast<std::size_t>(p)] = static_cast<int>(columns.size());
        add_line(p, std::vector<ShiftCode>(options.seed->line(p), options.seed->line(p) + D));
      }
  }
  if (options.pool && !window)
    for (int p = 0; p < P; ++p)
      for (const auto& pooled : (*options.pool)[static_cast<std::size_t>(p)]) add_line(p, pooled);

  LineOptimizer lines(ix);
  PricingPlan plan = pricing_plan(ix);
  if (options.pricing_batch > 0) plan.batch = options.pricing_batch;
  lines.set_shift_classes(plan.merge_classes);
  result.pricing = plan;
  int cursor = 0;  // partial pricing: the member whose pricing the next LP solve starts with
  std::vector<double> prices(static_cast<std::size_t>(D) * (S + 1));
  std::vector<ShiftCode> line(static_cast<std::size_t>(D));
  // Fixed: the dive settled the person's line (or, in a window, not freed).
  std::vector<char> fixed(static_cast<std::size_t>(P), window ? 1 : 0);
  for (int p : members) fixed[static_cast<std::size_t>(p)] = 0;
  auto now = [] { return std::chrono::steady_clock::now(); };
  constexpr double kPinned = std::numeric_limits<double>::infinity();
  // A window's pricing visits few states on its pinned days; its work is
  // counted as the window's share of a full pass (at least an eighth).
  const double work_share = window ? std::max(0.125, static_cast<double>(last_day - first_day) / D) : 1.0;

  // Prices person p against cover duals `cover` (cover_rows of them) into
  // `line`; `relaxed` gets a lower bound on the cost of every feasible line.
  auto price = [&](int p, const double* cover, bool& exact, double& relaxed) {
    for (int d = 0; d < D; ++d) {
      double* row = &prices[static_cast<std::size_t>(d) * (S + 1)];
      row[0] = eval.request_cost(p, d, kOff);
      for (int s = 0; s < S; ++s) row[s + 1] = eval.request_cost(p, d, static_cast<ShiftCode>(s)) - cover[d * S + s];
      if (d >= first_day && d < last_day) continue;
      // Outside the window the line keeps its seed's value.
      const ShiftCode keep = options.seed->at(p, d);
      for (int v = -1; v < S; ++v)
        if (v != keep) row[v + 1] = kPinned;
    }
    result.pricing_work += lines.exact_work(p) * work_share;
    return lines.cheapest_feasible_line(p, prices, line, exact, &relaxed);
  };
  std::vector<double> sep(static_cast<std::size_t>(cover_rows));  // the clamped duals
  // The Lagrangian bound at cover duals `dual` (clamped into the box the
  // cover slacks' costs set, where every such bound holds): pi .
  // requirement + the sum over people of min(the lower bound pricing proves
  // on their cheapest line, the artificial column). -infinity when some
  // person's pricing proves none. Adds no line.
  auto lagrangian_bound = [&](const double* dual) {
    double bound = 0;
    for (int r = 0; r < cover_rows; ++r) {
      const auto ur = static_cast<std::size_t>(r);
      sep[ur] = std::clamp(dual[M + r], -cover_weight * ix.cover_over[ur], cover_weight * ix.cover_under[ur]);
      bound += sep[ur] * ix.cover_required[ur];
    }
    for (int i = 0; i < M; ++i) {
      bool exact = false;
      double relaxed = 0;
      price(members[static_cast<std::size_t>(i)], sep.data(), exact, relaxed);
      if (!std::isfinite(relaxed)) return -std::numeric_limits<double>::infinity();
      bound += std::min(relaxed, kArtificialCost);
    }
    return bound;
  };

  // Re-optimises the master and prices new lines for the people not fixed,
  // until no line has a negative reduced cost (true) or time runs out. Each
  // LP solve prices people from `cursor` on and stops after plan.batch of
  // them once it has found a line; it converges only when everyone was
  // priced against the same duals and none had a line to add.
  auto generate = [&](std::chrono::steady_clock::time_point until, bool& all_exact) {
    all_exact = true;
    while (now() < until && result.iterations < options.max_iterations) {
      lp.primal(1);
      ++result.iterations;
      if (lp.status() != 0) return false;
      const double* dual = lp.dualRowSolution();
      int added = 0, priced = 0;
      all_exact = true;
      const int start = cursor;
      for (int k = 0; k < M; ++k) {
        if (added > 0 && priced >= plan.batch) break;
        const int i = (start + k) % M, p = members[static_cast<std::size_t>(i)];
        cursor = (i + 1) % M;
        if (fixed[static_cast<std::size_t>(p)]) continue;
        ++priced;
        bool exact = false;
        double relaxed = 0;
        const auto cost = price(p, dual + M, exact, relaxed);
        all_exact &= exact;
        if (cost && *cost - dual[i] < -1e-6) {
          add_line(p, line);
          ++added;
        }
      }
      if (added == 0) return true;
    }
    return false;
  };

  bool all_exact = false;
  result.lp_converged = generate(options.lp_deadline, all_exact);
  result.lp_value = lp.objectiveValue();
  if (result.lp_converged && all_exact && !window) {
    result.bound_valid = true;
    result.lower_bound = result.lp_value;
  } else if (!window) {
    // Not proven optimal (time ran out, or some pricing used multipliers):
    // one more round of pricing at the last LP solve's duals bounds the
    // problem anyway (weaker the further the LP is from its optimum). The
    // LP is not re-solved, so the dive starts where it did without this.
    const double bound = lagrangian_bound(lp.dualRowSolution());
    if (bound > 0) {
      result.bound_valid = true;
      result.lower_bound = bound;
    }
  }

  // Dive: fix the people whose line the LP already chose whole, else the
  // ones closest to whole, and re-generate, until everyone is fixed.
  std::vector<int> chosen(static_cast<std::size_t>(P), -1);
  std::vector<std::pair<double, int>> open;  // (-LP value of the leading line, person) of the people not fixed
  while (options.dive && now() < options.deadline && result.iterations < options.max_iterations) {
    const double* x = lp.primalColumnSolution();
    std::vector<double> best_x(static_cast<std::size_t>(P), -1.0);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto p = static_cast<std::size_t>(columns[c].person);
      if (fixed[p]) continue;
      const double v = x[first_line_column + static_cast<int>(c)];
      if (v > best_x[p]) {
        best_x[p] = v;
        chosen[p] = static_cast<int>(c);
      }
    }
    int fixed_now = 0;
    open.clear();
    for (int p = 0; p < P; ++p) {
      if (fixed[static_cast<std::size_t>(p)] || chosen[static_cast<std::size_t>(p)] < 0) continue;
      if (best_x[static_cast<std::size_t>(p)] > 0.999) {
        fixed[static_cast<std::size_t>(p)] = 1;
        lp.setColumnLower(first_line_column + chosen[static_cast<std::size_t>(p)], 1.0);
        ++fixed_now;
      } else {
        open.emplace_back(-best_x[static_cast<std::size_t>(p)], p);
      }
    }
    if (fixed_now == 0) {
      if (open.empty()) break;
      // Nobody whole: fix the most decided eighth of the open people (at
      // least one) before re-generating. One at a time, a dive over many
      // people re-prices everyone once per person and was cut by its
      // deadline on Instance8 at 60 s; an eighth keeps the steps few.
      const std::size_t k = std::max<std::size_t>(1, open.size() / 8);
      std::partial_sort(open.begin(), open.begin() + static_cast<std::ptrdiff_t>(k), open.end());
      for (std::size_t j = 0; j < k; ++j) {
        const auto p = static_cast<std::size_t>(open[j].second);
        fixed[p] = 1;
        lp.setColumnLower(first_line_column + chosen[p], 1.0);
      }
    }
    bool exact = false;
    generate(options.deadline, exact);
  }
  // Everyone not fixed when time ran out takes the line the LP leans to most.
  const double* x = lp.primalColumnSolution();
  std::vector<double> best_x(static_cast<std::size_t>(P), -1.0);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto p = static_cast<std::size_t>(columns[c].person);
    const double v = fixed[p] ? (lp.getColLower()[first_line_column + static_cast<int>(c)] > 0.5 ? 2.0 : -1.0)
                              : x[first_line_column + static_cast<int>(c)];
    if (v > best_x[p]) {
      best_x[p] = v;
      chosen[p] = static_cast<int>(c);
    }
  }
  // Without a dive, the seed's roster is the integer programme's start.
  if (!options.dive)
    for (int p : members) {
      chosen[static_cast<std::size_t>(p)] = seed_column[static_cast<std::size_t>(p)];
      best_x[static_cast<std::size_t>(p)] = 1.0;
    }
  bool complete = true;
  for (int p : members)
    if (chosen[static_cast<std::size_t>(p)] < 0 || best_x[static_cast<std::size_t>(p)] < 0) complete = false;
  if (complete) choose_by_master_ip(lp, first_line_column, columns, members, chosen, options, result);
  Roster roster = window ? *options.seed : Roster(problem);
  for (int p : members) {
    if (!complete) break;
    const auto& l = columns[static_cast<std::size_t>(chosen[static_cast<std::size_t>(p)])].line;
    std::copy(l.begin(), l.end(), roster.line(p));
  }
  if (complete) result.roster = roster;
  result.columns = static_cast<int>(columns.size());
  result.lines_by_person.resize(static_cast<std::size_t>(P));
  for (auto& c : columns) result.lines_by_person[static_cast<std::size_t>(c.person)].push_back(std::move(c.line));
  return result;
}

}  // namespace vigil
