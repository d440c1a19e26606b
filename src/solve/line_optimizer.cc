// The line DP. States at the end of a day: "off for r days" (r capped at the
// minimum days off) or "working kind s for r days" (r up to the maximum run).
// The run that starts on day 0 is recognised by r == d + 1, which lets the
// benchmark's boundary exemptions hold without an extra flag.
#include "solve/line_optimizer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "eval/rules/max_weekends.h"

namespace vigil {
namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kMaxBackPointers = std::size_t{1} << 24;
}

LineOptimizer::LineOptimizer(const ProblemIndex& index) : ix_(index) {
  kind_price_.assign(static_cast<std::size_t>(ix_.shifts), 0.0);
  day_cost_.assign(static_cast<std::size_t>(ix_.days) * (ix_.shifts + 1), 0.0);
  candidate_.assign(static_cast<std::size_t>(ix_.days), kOff);
  minute_unit_ = 0;
  for (int s = 0; s < ix_.shifts; ++s) minute_unit_ = std::gcd(minute_unit_, ix_.length[static_cast<std::size_t>(s)]);
  minute_unit_ = std::max(minute_unit_, 1);
  for (int s = 0; s < ix_.shifts; ++s) length_units_.push_back(ix_.length[static_cast<std::size_t>(s)] / minute_unit_);
  build_shift_classes(false);
}

LineOptimizer::RunShape LineOptimizer::run_shape(int p) const {
  return RunShape{std::max(1, ix_.min_days_off[p]), std::max(1, ix_.min_consecutive[p]),
                  std::max(1, std::min(ix_.max_consecutive[p], ix_.days))};
}

void LineOptimizer::run_dp(int p, std::vector<ShiftCode>& out) {
  const int D = ix_.days, S = ix_.shifts;
  // Named copies, not a structured binding: the lambdas below capture them,
  // which clang before 16 refuses (the fuzz build uses clang 14).
  const RunShape shape = run_shape(p);
  const int min_off = shape.min_off, min_on = shape.min_on, max_run = shape.max_run;
  const int states = min_off + S * max_run;
  cost_.assign(static_cast<std::size_t>(states), kInf);
  next_cost_.assign(static_cast<std::size_t>(states), kInf);
  back_.assign(static_cast<std::size_t>(D) * states, -1);
  auto work_state = [&](int s, int r) { return min_off + s * max_run + (r - 1); };
  auto value_cost = [&](int d, int v) {  // v = shift or kOff
    double c = day_cost_[static_cast<std::size_t>(d) * (S + 1) + (v + 1)];
    if (v >= 0) c += minute_price_ * ix_.length[static_cast<std::size_t>(v)] + kind_price_[static_cast<std::size_t>(v)];
    return c;
  };
  auto usable = [&](int d, int s) {
    return ix_.max_per_shift[static_cast<std::size_t>(p) * S + s] > 0 && !ix_.required_off[ix_.cell(p, d)] &&
           (ix_.max_weekends[p] > 0 || ix_.weekend_of_day[static_cast<std::size_t>(d)] < 0);
  };

  for (int d = 0; d < D; ++d) {
    std::fill(next_cost_.begin(), next_cost_.end(), kInf);
    std::int32_t* back = &back_[static_cast<std::size_t>(d) * states];
    const bool saturday = ix_.weekend_of_day[static_cast<std::size_t>(d)] >= 0 &&
                          ix_.weekend_days[2 * static_cast<std::size_t>(ix_.weekend_of_day[static_cast<std::size_t>(d)])] == d;
    const bool sunday = ix_.weekend_of_day[static_cast<std::size_t>(d)] >= 0 && !saturday;
    if (d == 0) {
      next_cost_[0] = value_cost(0, kOff);
      for (int s = 0; s < S; ++s)
        if (usable(0, s)) next_cost_[static_cast<std::size_t>(work_state(s, 1))] = value_cost(0, s) + (saturday || sunday ? weekend_price_ : 0);
    } else {
      // Off today.
      const double off_cost = value_cost(d, kOff);
      for (int r = 1; r <= min_off; ++r) {
        const double c = cost_[static_cast<std::size_t>(r - 1)];
        if (c == kInf) continue;
        const int to = std::min(r + 1, min_off) - 1;
        if (c + off_cost < next_cost_[static_cast<std::size_t>(to)]) {
          next_cost_[static_cast<std::size_t>(to)] = c + off_cost;
          back[to] = r - 1;
        }
      }
      for (int s = 0; s < S; ++s)
        for (int r = 1; r <= max_run; ++r) {
          const int from = work_state(s, r);
          const double c = cost_[static_cast<std::size_t>(from)];
          if (c == kInf || (r < min_on && r != d)) continue;
          if (c + off_cost < next_cost_[0]) {
            next_cost_[0] = c + off_cost;
            back[0] = from;
          }
        }
      // Cheapest and second cheapest kind for each run length of yesterday.
      top_kind_.assign(static_cast<std::size_t>(2 * (max_run + 1)), -1);
      for (int r = 1; r < max_run; ++r) {
        int& a = top_kind_[static_cast<std::size_t>(2 * r)];
        int& b = top_kind_[static_cast<std::size_t>(2 * r + 1)];
        for (int s = 0; s < S; ++s) {
          const double c = cost_[static_cast<std::size_t>(work_state(s, r))];
          if (c == kInf) continue;
          if (a < 0 || c < cost_[static_cast<std::size_t>(work_state(a, r))]) {
            b = a;
            a = s;
          } else if (b < 0 || c < cost_[static_cast<std::size_t>(work_state(b, r))]) {
            b = s;
          }
        }
      }
      // Working kind t today.
      for (int t = 0; t < S; ++t) {
        if (!usable(d, t)) continue;
        const double base = value_cost(d, t) + (saturday ? weekend_price_ : 0);
        // From a day off: the weekend is charged on Sunday only if Saturday was off.
        double best = kInf;
        int best_from = -1;
        for (int r = 1; r <= min_off; ++r) {
          const double c = cost_[static_cast<std::size_t>(r - 1)];
          if (c == kInf || (r < min_off && r != d)) continue;
          if (c < best) {
            best = c;
            best_from = r - 1;
          }
        }
        if (best_from >= 0) {
          const double total = best + base + (sunday ? weekend_price_ : 0);
          const int to = work_state(t, 1);
          if (total < next_cost_[static_cast<std::size_t>(to)]) {
            next_cost_[static_cast<std::size_t>(to)] = total;
            back[to] = best_from;
          }
        }
        // From a worked day: extend the run if the succession allows it. The
        // two cheapest kinds per run length usually answer without a scan.
        for (int r = 1; r < max_run; ++r) {
          double run_best = kInf;
          int run_from = -1;
          const int s1 = top_kind_[static_cast<std::size_t>(2 * r)], s2 = top_kind_[static_cast<std::size_t>(2 * r + 1)];
          if (s1 >= 0 && !ix_.forbidden[static_cast<std::size_t>(s1) * S + t]) {
            run_from = work_state(s1, r);
          } else if (s2 >= 0 && !ix_.forbidden[static_cast<std::size_t>(s2) * S + t]) {
            run_from = work_state(s2, r);
          } else if (s1 >= 0) {
            for (int s = 0; s < S; ++s) {
              if (ix_.forbidden[static_cast<std::size_t>(s) * S + t]) continue;
              const double c = cost_[static_cast<std::size_t>(work_state(s, r))];
              if (c < run_best) {
                run_best = c;
                run_from = work_state(s, r);
              }
            }
          }
          if (run_from >= 0) run_best = cost_[static_cast<std::size_t>(run_from)];
          if (run_best == kInf) run_from = -1;
          if (run_from < 0) continue;
          const int to = work_state(t, r + 1);
          const double total = run_best + base;
          if (total < next_cost_[static_cast<std::size_t>(to)]) {
            next_cost_[static_cast<std::size_t>(to)] = total;
            back[to] = run_from;
          }
        }
      }
    }
    std::swap(cost_, next_cost_);
  }

  int state = -1;
  double best = kInf;
  for (int i = 0; i < states; ++i)
    if (cost_[static_cast<std::size_t>(i)] < best) {
      best = cost_[static_cast<std::size_t>(i)];
      state = i;
    }
  out.assign(static_cast<std::size_t>(D), kOff);
  if (state < 0) return;  // no line keeps the run rules: leave all off
  for (int d = D - 1; d >= 0; --d) {
    out[static_cast<std::size_t>(d)] = state < min_off ? kOff : static_cast<ShiftCode>((state - min_off) / max_run);
    state = back_[static_cast<std::size_t>(d) * states + state];
  }
}

void LineOptimizer::fill_day_costs(const IncrementalEvaluator& eval, int p) {
  const int D = ix_.days, S = ix_.shifts;
  const ShiftCode* current = eval.roster().line(p);
  // Price of each value on each day with the others fixed: requests, plus the
  // cover change of adding this person to (d, s) on top of the others.
  for (int d = 0; d < D; ++d) {
    double* row = &day_cost_[static_cast<std::size_t>(d) * (S + 1)];
    const ShiftCode c = current[d];
    row[0] = static_cast<double>(eval.request_cost(p, d, kOff));
    for (int s = 0; s < S; ++s) {
      const double cover = s == c ? -static_cast<double>(eval.cover_step(d, c, -1))
                                  : static_cast<double>(eval.cover_step(d, s, +1));
      row[s + 1] = static_cast<double>(eval.request_cost(p, d, static_cast<ShiftCode>(s))) + cover;
    }
  }
}

LineCandidate LineOptimizer::feasible_line(const IncrementalEvaluator& eval, int p, std::vector<ShiftCode>& out) {
  fill_day_costs(eval, p);
  const std::vector<double> prices = day_cost_;
  bool exact = false;
  if (!cheapest_feasible_line(p, prices, out, exact)) return {};
  return LineCandidate{true, eval.line_delta(p, 0, ix_.days, out.data())};
}

LineCandidate LineOptimizer::optimize(const IncrementalEvaluator& eval, int p, std::int64_t hard_weight,
                                      std::vector<ShiftCode>& out) {
  const int D = ix_.days, S = ix_.shifts;
  // The programme keeps a back pointer per day and run state; the readers
  // allow long runs on long horizons, where that table would pass what a
  // move may spend (2^24 pointers, 64 MiB). Such a line is left to the
  // other moves.
  const RunShape shape = run_shape(p);
  const double back_pointers = static_cast<double>(D) * (shape.min_off + static_cast<double>(S) * shape.max_run);
  if (back_pointers > static_cast<double>(kMaxBackPointers)) return LineCandidate{};
  fill_day_costs(eval, p);
  // Prices are integers with many ties; a tiny fixed jitter lets the minute
  // multiplier add or drop shifts one at a time instead of many at once.
  std::uint64_t jitter = 0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(p + 1);
  for (double& c : day_cost_) {
    jitter ^= jitter << 13;
    jitter ^= jitter >> 7;
    jitter ^= jitter << 17;
    c += 1e-3 * static_cast<double>(jitter % 1000) / 1000.0;
  }
  std::fill(kind_price_.begin(), kind_price_.end(), 0.0);
  minute_price_ = 0;
  weekend_price_ = 0;
  // Multipliers must be able to outweigh any single day's price, so their
  // steps are scaled to the largest one.
  double scale = 1.0;
  for (double c : day_cost_) scale = std::max(scale, std::abs(c));
  const double min_length = static_cast<double>(ix_.min_shift_length);
  // Minutes: bisection on the price per minute inside [low, high].
  double low = -4.0 * scale / min_length, high = 4.0 * scale / min_length;
  double weekend_step = 0.25 * scale, kind_step = 0.25 * scale;

  LineCandidate best;
  std::int64_t best_value = 0;
  // The exact programme serves the walk only where it is cheap; elsewhere
  // the multiplier version answers in a fraction of the time.
  // (Judged by the plain programme's size, as before shift classes were
  // merged, so the walk's choice between the two is unchanged.)
  if (exact_work_.empty())
    for (int q = 0; q < ix_.people; ++q) exact_work_.push_back(exact_work(q, false));
  bool exact = exact_work_[static_cast<std::size_t>(p)] <= 3e6;
  int inner = 0;
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    if (exact) exact = run_exact_dp(p, candidate_, plan_exact(p));
    if (!exact) run_dp(p, candidate_);
    const Score delta = eval.line_delta(p, 0, D, candidate_.data());
    const std::int64_t value = delta.soft + hard_weight * delta.hard;
    if (!best.found || value < best_value) {
      best = LineCandidate{true, delta};
      best_value = value;
      out = candidate_;
    }
    // Resources of this line, to steer the multipliers.
    std::int64_t minutes = 0;
    std::vector<int>& kinds = scratch_kinds_;
    kinds.assign(static_cast<std::size_t>(S), 0);
    for (int d = 0; d < D; ++d)
      if (const ShiftCode v = candidate_[static_cast<std::size_t>(d)]; v >= 0) {
        minutes += ix_.length[static_cast<std::size_t>(v)];
        ++kinds[static_cast<std::size_t>(v)];
      }
    int weekends = 0;
    for (int k = 0; k < ix_.weekends; ++k) weekends += rules::MaxWeekends::weekend_worked(ix_, k, candidate_.data());
    const bool minutes_ok = minutes >= ix_.min_minutes[p] && minutes <= ix_.max_minutes[p];
    const bool weekends_ok = weekends <= ix_.max_weekends[p];
    bool kinds_ok = true;
    for (int s = 0; s < S; ++s)
      kinds_ok &= kinds[static_cast<std::size_t>(s)] <= ix_.max_per_shift[static_cast<std::size_t>(p) * S + s];
    if (minutes_ok && weekends_ok && kinds_ok) break;
    // Inner loop: bisection on the minute price. Once minutes fit (or the
    // bracket is spent), raise the weekend and kind prices and bisect again
    // from the full bracket, since those prices move the minutes.
    ++inner;
    if (!minutes_ok && inner < 10) {
      if (minutes < ix_.min_minutes[p]) high = minute_price_;
      else low = minute_price_;
      minute_price_ = 0.5 * (low + high);
      continue;
    }
    inner = 0;
    low = -4.0 * scale / min_length;
    high = 4.0 * scale / min_length;
    if (!weekends_ok) {
      weekend_price_ += weekend_step;
      weekend_step *= 1.5;
    }
    if (!kinds_ok) {
      for (int s = 0; s < S; ++s)
        if (kinds[static_cast<std::size_t>(s)] > ix_.max_per_shift[static_cast<std::size_t>(p) * S + s])
          kind_price_[static_cast<std::size_t>(s)] += kind_step;
      kind_step *= 1.5;
    }
    if (weekends_ok && kinds_ok) break;  // minutes alone could not be met
  }
  return best;
}

}  // namespace vigil
