// The large-neighbourhood search over windows of the roster (see
// window_search.h). Each window is a small column generation: its people's
// whole lines are priced with the days outside the window pinned to their
// current values, so consecutive-shift, rest, run and per-person limits that
// straddle the window's border hold exactly; the result is judged by the
// full evaluator before it is kept.
#include "solve/window_search.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "solve/column_generation.h"

namespace vigil {
namespace {

// Work is charged in moves so the walk's and this search's budgets add up:
// one annealing move costs about as much time as this many transitions of the
// line programme, or one LP solve of a window's master as this many moves
// (both measured on Instances 5-12, order of magnitude only).
constexpr double kTransitionsPerMove = 800;
constexpr double kMovesPerLpSolve = 500;

struct Shape {
  int people, days;
};

// Window shapes, smallest first: many people over a fortnight, fewer over a
// month, a few over the whole horizon, then more and more people over it.
std::vector<Shape> shapes(int P, int D) {
  std::vector<Shape> out;
  auto add = [&](int n, int d) {
    const Shape s{std::min(P, n), std::min(D, d)};
    for (const Shape& o : out)
      if (o.people == s.people && o.days == s.days) return;
    out.push_back(s);
  };
  // A window's dive prices every freed person once per person it fixes, so
  // its cost grows with the square of its people: small ones come first.
  add(8, 14);
  add(6, 28);
  add(4, D);
  add(16, 14);
  add(12, 28);
  add(6, D);
  add(24, 14);
  for (int n = 12; n < 2 * P; n *= 2) add(n, D);
  return out;
}

// Windows tried at one shape without improvement before the next: about as
// many as cover the roster once.
int patience(const Shape& s, int P, int D) {
  const int cover = ((P + s.people - 1) / s.people) * ((D + s.days - 1) / s.days);
  return std::clamp(cover, 3, 20);
}

}  // namespace

WindowSearchStats window_search(const Problem& problem, const ProblemIndex& ix, Roster& roster, Score& score,
                                std::mt19937_64& rng, const WindowSearchOptions& options,
                                const std::function<void(const Roster&, const Score&)>& on_improve) {
  WindowSearchStats stats;
  const int P = ix.people, D = ix.days;
  const std::vector<Shape> levels = shapes(P, D);
  std::vector<int> order(static_cast<std::size_t>(P));
  std::iota(order.begin(), order.end(), 0);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
  const auto far = std::chrono::steady_clock::time_point::max();
  std::size_t level = 0;
  int failures = 0;
  bool cycle_improved = false;  // since the shapes last started over
  for (;;) {
    if (options.stop && options.stop->load(std::memory_order_relaxed)) break;
    if (options.target && score.soft <= *options.target) break;
    if (options.work_limit > 0 ? stats.work >= options.work_limit
                               : std::chrono::steady_clock::now() >= options.deadline)
      break;
    const Shape shape = levels[level];
    // A random subset of people (partial shuffle) and a random run of days.
    for (int k = 0; k < shape.people; ++k) std::swap(order[static_cast<std::size_t>(k)], order[static_cast<std::size_t>(k + pick(P - k))]);
    ColumnGenerationOptions cg;
    cg.seed = &roster;
    cg.people.assign(order.begin(), order.begin() + shape.people);
    std::sort(cg.people.begin(), cg.people.end());
    cg.first_day = pick(D - shape.days + 1);
    cg.last_day = cg.first_day + shape.days;
    cg.max_iterations = 200 + 10 * shape.people;
    cg.deadline = cg.lp_deadline = options.work_limit > 0 ? far : options.deadline;
    const ColumnGenerationResult r = column_generation(problem, ix, cg);
    ++stats.windows;
    stats.work += static_cast<std::int64_t>(r.pricing_work / kTransitionsPerMove + r.iterations * kMovesPerLpSolve) + 1;
    bool better = false;
    if (r.roster) {
      const Evaluation ev = evaluate(problem, ix, *r.roster);
      if (ev.score.hard == 0 && ev.score.soft <= score.soft) {
        better = ev.score.soft < score.soft;
        roster = *r.roster;
        score = ev.score;
        if (better) {
          ++stats.improved;
          on_improve(roster, score);
        }
      }
    }
    cycle_improved |= better;
    if (better) {
      failures = 0;
    } else if (++failures >= patience(shape, P, D)) {
      failures = 0;
      level = (level + 1) % levels.size();
      if (level == 0) {
        if (options.until_stuck && !cycle_improved) break;
        cycle_improved = false;
      }
    }
  }
  return stats;
}

}  // namespace vigil
