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

void LineOptimizer::set_shift_classes(bool on) {
  build_shift_classes(on);
  exact_work_.clear();
}

void LineOptimizer::build_shift_classes(bool merge) {
  const int S = ix_.shifts;
  const auto* f = ix_.forbidden.data();
  auto same_row = [&](int a, int b) { return std::equal(f + a * S, f + a * S + S, f + b * S); };
  auto same_column = [&](int a, int b) {
    for (int s = 0; s < S; ++s)
      if (f[s * S + a] != f[s * S + b]) return false;
    return true;
  };
  row_class_.assign(static_cast<std::size_t>(S), -1);
  col_class_.assign(static_cast<std::size_t>(S), -1);
  class_rep_.clear();
  int columns = 0;
  for (int t = 0; t < S; ++t) {
    for (int u = 0; merge && u < t && row_class_[static_cast<std::size_t>(t)] < 0; ++u)
      if (same_row(t, u)) row_class_[static_cast<std::size_t>(t)] = row_class_[static_cast<std::size_t>(u)];
    if (row_class_[static_cast<std::size_t>(t)] < 0) {
      row_class_[static_cast<std::size_t>(t)] = static_cast<int>(class_rep_.size());
      class_rep_.push_back(t);
    }
    for (int u = 0; merge && u < t && col_class_[static_cast<std::size_t>(t)] < 0; ++u)
      if (same_column(t, u)) col_class_[static_cast<std::size_t>(t)] = col_class_[static_cast<std::size_t>(u)];
    if (col_class_[static_cast<std::size_t>(t)] < 0) col_class_[static_cast<std::size_t>(t)] = columns++;
  }
  classes_ = static_cast<int>(class_rep_.size());
}

LineOptimizer::RunShape LineOptimizer::run_shape(int p) const {
  return RunShape{std::max(1, ix_.min_days_off[p]), std::max(1, ix_.min_consecutive[p]),
                  std::max(1, std::min(ix_.max_consecutive[p], ix_.days))};
}

int LineOptimizer::transitions_per_state(int p) const {
  // Groups of the person's shifts alike for the future (see run_exact_dp),
  // plus up to two counted kinds alone, plus the day off.
  const int S = ix_.shifts;
  std::vector<int> reps;
  for (int t = 0; t < S; ++t) {
    if (ix_.max_per_shift[static_cast<std::size_t>(p) * S + t] <= 0) continue;
    bool alike = false;
    for (int u : reps)
      alike |= row_class_[static_cast<std::size_t>(u)] == row_class_[static_cast<std::size_t>(t)] &&
               col_class_[static_cast<std::size_t>(u)] == col_class_[static_cast<std::size_t>(t)] &&
               length_units_[static_cast<std::size_t>(u)] == length_units_[static_cast<std::size_t>(t)];
    if (!alike) reps.push_back(t);
  }
  return std::min(S, static_cast<int>(reps.size()) + 2) + 1;
}

LineOptimizer::ExactPlan LineOptimizer::plan_exact(int p) const {
  const int D = ix_.days, S = ix_.shifts;
  ExactPlan plan;
  plan.unit = minute_unit_;
  const auto [min_off, min_on, max_run] = run_shape(p);
  (void)min_on;
  const double levels = ix_.max_minutes[p] / minute_unit_ + 1;
  plan.weekend_levels = ix_.max_weekends[p] < ix_.weekends ? ix_.max_weekends[p] + 1 : 1;
  // Which resources join the state is decided as for the plain programme (one
  // class per shift, every shift tried), so merging classes changes the
  // speed, never the lines' exactness.
  const double R_plain = min_off + S * max_run, transitions = S + 1;
  auto fits = [&](double extra) {
    const double states = R_plain * levels * plan.weekend_levels * extra;
    return states * D * transitions <= exact_budget_ && states * D <= static_cast<double>(1 << 24);
  };
  plan.fits = fits(1.0);
  if (!plan.fits && plan.weekend_levels > 1) {
    // Minutes alone in the state; weekends are then priced by a multiplier.
    plan.weekend_levels = 1;
    plan.weekends_priced = true;
    plan.fits = fits(1.0);
  }
  if (!plan.fits) return plan;
  // Kinds whose limit can bind (0 < limit < horizon), tightest first; up to
  // two of them are counted in the state while the budget allows.
  std::vector<std::pair<int, int>> binding;
  for (int s = 0; s < S; ++s) {
    const int limit = ix_.max_per_shift[static_cast<std::size_t>(p) * S + s];
    if (limit > 0 && limit < D) binding.emplace_back(limit, s);
  }
  std::sort(binding.begin(), binding.end());
  double extra = 1.0;
  for (const auto& [limit, s] : binding) {
    if (plan.kind_count == 2 || !fits(extra * (limit + 1))) break;
    extra *= limit + 1;
    plan.kinds[plan.kind_count] = s;
    plan.kind_levels[plan.kind_count] = limit + 1;
    ++plan.kind_count;
  }
  return plan;
}

bool LineOptimizer::exact_fits(int p) const { return plan_exact(p).fits; }

LineOptimizer::ExactPlan LineOptimizer::plan_restricted(int p) const {
  const int D = ix_.days, S = ix_.shifts;
  ExactPlan plan;
  plan.restricted = true;
  int unit = 0;
  for (int t = 0; t < S; ++t)
    if (ix_.max_per_shift[static_cast<std::size_t>(p) * S + t] >= D) unit = std::gcd(unit, ix_.length[static_cast<std::size_t>(t)]);
  if (unit == 0) return plan;  // every shift has a binding limit
  plan.unit = unit;
  const RunShape shape = run_shape(p);
  const double states = (shape.min_off + classes_ * shape.max_run) * (ix_.max_minutes[p] / unit + 1.0);
  const double transitions = transitions_per_state(p);
  auto fits = [&](double extra) {
    return states * extra * D * transitions <= restricted_budget_ && states * extra * D <= static_cast<double>(1 << 24);
  };
  plan.weekend_levels = ix_.max_weekends[p] < ix_.weekends ? ix_.max_weekends[p] + 1 : 1;
  if (!fits(plan.weekend_levels)) {
    plan.weekend_levels = 1;
    plan.weekends_priced = ix_.max_weekends[p] < ix_.weekends;
  }
  plan.fits = fits(plan.weekend_levels);
  return plan;
}

LineOptimizer::ExactPlan LineOptimizer::plan_pricing(int p) const {
  const ExactPlan exact = plan_exact(p);
  return exact.fits ? exact : plan_restricted(p);
}

double LineOptimizer::exact_work(int p, bool merged) const {
  // Plain: the exact programme as if every shift were its own class (what the
  // walk judges by); else whatever cheapest_feasible_line would run.
  const ExactPlan plan = merged ? plan_pricing(p) : plan_exact(p);
  if (!plan.fits) return std::numeric_limits<double>::infinity();
  const int D = ix_.days;
  const RunShape shape = run_shape(p);
  const double R = shape.min_off + (merged ? classes_ : ix_.shifts) * shape.max_run;
  double states = R * (ix_.max_minutes[p] / plan.unit + 1) * plan.weekend_levels;
  for (int k = 0; k < plan.kind_count; ++k) states *= plan.kind_levels[k];
  return states * D * (merged ? transitions_per_state(p) : ix_.shifts + 1);
}

std::optional<double> LineOptimizer::cheapest_feasible_line(int p, const std::vector<double>& day_costs,
                                                            std::vector<ShiftCode>& out, bool& exact) {
  const int D = ix_.days, S = ix_.shifts;
  exact = false;
  const ExactPlan plan = plan_pricing(p);
  if (!plan.fits) return std::nullopt;
  day_cost_ = day_costs;
  std::fill(kind_price_.begin(), kind_price_.end(), 0.0);
  weekend_price_ = 0;
  double scale = 1.0;
  for (double c : day_cost_) scale = std::max(scale, std::abs(c));
  double kind_step = 0.25 * scale, weekend_step = 0.25 * scale;
  // The restricted programme (a heuristic anyway) starts its weekend price
  // near where the last person with the same weekend limit ended, which
  // saves most of its passes on the year-long instances.
  double* warm = nullptr;
  if (plan.restricted && plan.weekends_priced) {
    weekend_warm_.resize(static_cast<std::size_t>(ix_.weekends) + 1, 0.0);
    warm = &weekend_warm_[static_cast<std::size_t>(std::min(ix_.max_weekends[p], ix_.weekends))];
    weekend_price_ = 0.8 * *warm;
  }
  std::vector<int>& kinds = scratch_kinds_;
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    if (!run_exact_dp(p, out, plan)) return std::nullopt;
    kinds.assign(static_cast<std::size_t>(S), 0);
    double cost = 0;
    for (int d = 0; d < D; ++d) {
      const ShiftCode v = out[static_cast<std::size_t>(d)];
      cost += day_cost_[static_cast<std::size_t>(d) * (S + 1) + (v + 1)];
      if (v >= 0) ++kinds[static_cast<std::size_t>(v)];
    }
    bool ok = true;
    int weekends = 0;
    for (int k = 0; k < ix_.weekends; ++k) weekends += rules::MaxWeekends::weekend_worked(ix_, k, out.data());
    if (weekends > ix_.max_weekends[p]) {
      ok = false;
      weekend_price_ += weekend_step;
      weekend_step *= 1.5;
    }
    for (int s = 0; s < S; ++s)
      if (kinds[static_cast<std::size_t>(s)] > ix_.max_per_shift[static_cast<std::size_t>(p) * S + s]) {
        ok = false;
        kind_price_[static_cast<std::size_t>(s)] += kind_step;
      }
    if (ok) {
      if (warm) *warm = weekend_price_;
      exact = pass == 0 && !plan.weekends_priced && !plan.restricted;
      return cost;
    }
    kind_step *= 1.5;
  }
  return std::nullopt;
}

bool LineOptimizer::run_exact_dp(int p, std::vector<ShiftCode>& out, const ExactPlan& plan) {
  const int D = ix_.days, S = ix_.shifts;
  const auto [min_off, min_on, max_run] = run_shape(p);
  const int R = min_off + classes_ * max_run;
  if (!plan.fits) return false;
  const int unit = plan.unit;
  const int top = ix_.max_minutes[p] / unit;  // minute levels 0..top
  const int floor_level = (ix_.min_minutes[p] + unit - 1) / unit;
  if (floor_level > top) return false;
  // The restricted programme leaves out every shift with a binding limit.
  const int shift_floor = plan.restricted ? D : 1;
  auto units = [&](int t) { return ix_.length[static_cast<std::size_t>(t)] / unit; };
  const bool track_weekends = plan.weekend_levels > 1;
  const int Wl = plan.weekend_levels;
  const int K0 = plan.kind_count > 0 ? plan.kind_levels[0] : 1, K1 = plan.kind_count > 1 ? plan.kind_levels[1] : 1;
  const int kind0 = plan.kind_count > 0 ? plan.kinds[0] : -1, kind1 = plan.kind_count > 1 ? plan.kinds[1] : -1;
  // The "extra" resource index packs weekends and up to two kind counts.
  const int Wn = Wl * K0 * K1;
  const std::size_t states = static_cast<std::size_t>(R) * (top + 1) * Wn;
  cost_.assign(states, kInf);
  next_cost_.assign(states, kInf);
  back_.assign(states * D, -1);
  chosen_.assign(states * D, 0);
  // Groups of this person's shifts that are alike for the future: same class,
  // same predecessors barred, same length, and not a counted kind (a counted
  // kind is a group alone). Each day only the cheapest of a group can win.
  group_of_.assign(static_cast<std::size_t>(S), -1);
  std::vector<int> group_rep;
  for (int t = 0; t < S; ++t) {
    if (ix_.max_per_shift[static_cast<std::size_t>(p) * S + t] < shift_floor) continue;
    const bool counted = t == kind0 || t == kind1;
    for (std::size_t g = 0; g < group_rep.size() && !counted; ++g) {
      const int u = group_rep[g];
      if (u != kind0 && u != kind1 && row_class_[static_cast<std::size_t>(u)] == row_class_[static_cast<std::size_t>(t)] &&
          col_class_[static_cast<std::size_t>(u)] == col_class_[static_cast<std::size_t>(t)] &&
          units(u) == units(t)) {
        group_of_[static_cast<std::size_t>(t)] = static_cast<int>(g);
        break;
      }
    }
    if (group_of_[static_cast<std::size_t>(t)] < 0) {
      group_of_[static_cast<std::size_t>(t)] = static_cast<int>(group_rep.size());
      group_rep.push_back(t);
    }
  }
  const int G = static_cast<int>(group_rep.size());
  int max_units = 0;  // most minute levels one day can add
  for (int t : group_rep) max_units = std::max(max_units, units(t));
  auto price = [&](int d, int v) {
    double c = day_cost_[static_cast<std::size_t>(d) * (S + 1) + (v + 1)];
    if (v >= 0) c += kind_price_[static_cast<std::size_t>(v)];
    return c;
  };
  // Today's cheapest shift of each group (-1: none may be worked today).
  auto pick_group_best = [&](int d) {
    group_best_.assign(static_cast<std::size_t>(G), -1);
    if (ix_.required_off[ix_.cell(p, d)] || (ix_.max_weekends[p] == 0 && ix_.weekend_of_day[static_cast<std::size_t>(d)] >= 0))
      return;
    for (int t = 0; t < S; ++t) {
      const int g = group_of_[static_cast<std::size_t>(t)];
      if (g < 0) continue;
      int& b = group_best_[static_cast<std::size_t>(g)];
      if (b < 0 || price(d, t) < price(d, b)) b = t;
    }
  };
  // Weekends outside the state: Saturday worked, or Sunday worked after a
  // Saturday off, costs the weekend multiplier.
  auto weekend_charge = [&](int d, bool worked_before) {
    if (!plan.weekends_priced || weekend_price_ == 0) return 0.0;
    const int k = ix_.weekend_of_day[static_cast<std::size_t>(d)];
    if (k < 0) return 0.0;
    const bool saturday = ix_.weekend_days[2 * static_cast<std::size_t>(k)] == d;
    return saturday || d == 0 || !worked_before ? weekend_price_ : 0.0;
  };
  auto weekend_step = [&](int d, bool worked_before, bool works) {
    if (!works || !track_weekends) return 0;
    const int k = ix_.weekend_of_day[static_cast<std::size_t>(d)];
    if (k < 0) return 0;
    const bool saturday = ix_.weekend_days[2 * static_cast<std::size_t>(k)] == d;
    return saturday || d == 0 || !worked_before ? 1 : 0;
  };
  // Moves the packed extra index x by one more day of kind t (and a weekend
  // step); -1 when a limit would be passed.
  auto step_extra = [&](int x, int t, int weekend) {
    int w = x % Wl, k0 = (x / Wl) % K0, k1 = x / Wl / K0;
    w += weekend;
    if (t == kind0) ++k0;
    if (t == kind1) ++k1;
    if (w >= Wl || k0 >= K0 || k1 >= K1) return -1;
    return (k1 * K0 + k0) * Wl + w;
  };
  auto relax = [&](std::int32_t* back, std::uint8_t* chosen, int r, int m, int w, double c, std::int32_t from, int v) {
    if (m > top || w < 0 || w >= Wn) return;
    const std::size_t to = (static_cast<std::size_t>(m) * Wn + w) * R + r;
    if (c < next_cost_[to]) {
      next_cost_[to] = c;
      back[to] = from;
      chosen[to] = static_cast<std::uint8_t>(v + 1);
    }
  };
  auto work_state = [&](int t) { return min_off + row_class_[static_cast<std::size_t>(t)] * max_run; };
  for (int d = 0; d < D; ++d) {
    std::fill(next_cost_.begin(), next_cost_.end(), kInf);
    std::int32_t* back = &back_[static_cast<std::size_t>(d) * states];
    std::uint8_t* chosen = &chosen_[static_cast<std::size_t>(d) * states];
    pick_group_best(d);
    if (d == 0) {
      relax(back, chosen, 0, 0, 0, price(0, kOff), -1, kOff);
      for (int g = 0; g < G; ++g)
        if (const int t = group_best_[static_cast<std::size_t>(g)]; t >= 0)
          relax(back, chosen, work_state(t), units(t),
                step_extra(0, t, weekend_step(0, false, true)), price(0, t) + weekend_charge(0, false), -1, t);
    } else {
      const double off_price = price(d, kOff);
      // Only minute levels that can hold a state and still reach the floor:
      // at most max_units a day so far, and the days left (d .. D-1) add at
      // most max_units each. The others are unreached or dead (exact).
      const int m_hi = std::min(top, d * max_units);
      const int m_lo = std::max(0, floor_level - (D - d) * max_units);
      if (m_lo > m_hi) return false;
      const std::size_t level = static_cast<std::size_t>(Wn) * R;
      for (std::size_t st = m_lo * level, st_end = (m_hi + 1) * level; st < st_end; ++st) {
        const double c = cost_[st];
        if (c == kInf) continue;
        const int r = static_cast<int>(st % R);
        const int w = static_cast<int>((st / R) % Wn);
        const int m = static_cast<int>(st / R / Wn);
        const auto from = static_cast<std::int32_t>(st);
        if (r < min_off) {  // off for r + 1 days
          const int len = r + 1;
          relax(back, chosen, std::min(len + 1, min_off) - 1, m, w, c + off_price, from, kOff);
          if (len < min_off && len != d) continue;
          for (int g = 0; g < G; ++g)
            if (const int t = group_best_[static_cast<std::size_t>(g)]; t >= 0)
              relax(back, chosen, work_state(t), m + units(t),
                    step_extra(w, t, weekend_step(d, false, true)), c + price(d, t) + weekend_charge(d, false), from, t);
        } else {  // working a shift of class cls for len days
          const int cls = (r - min_off) / max_run, len = (r - min_off) % max_run + 1;
          const int s = class_rep_[static_cast<std::size_t>(cls)];
          if (len >= min_on || len == d) relax(back, chosen, 0, m, w, c + off_price, from, kOff);
          if (len >= max_run) continue;
          for (int g = 0; g < G; ++g) {
            const int t = group_best_[static_cast<std::size_t>(g)];
            if (t < 0 || ix_.forbidden[static_cast<std::size_t>(s) * S + t]) continue;
            relax(back, chosen, work_state(t) + len, m + units(t),
                  step_extra(w, t, weekend_step(d, true, true)), c + price(d, t) + weekend_charge(d, true), from, t);
          }
        }
      }
    }
    std::swap(cost_, next_cost_);
  }
  std::size_t best_state = states;
  double best = kInf;
  for (std::size_t st = static_cast<std::size_t>(floor_level) * Wn * R; st < states; ++st)
    if (cost_[st] < best) {
      best = cost_[st];
      best_state = st;
    }
  if (best_state == states) return false;
  out.assign(static_cast<std::size_t>(D), kOff);
  auto state = static_cast<std::int32_t>(best_state);
  for (int d = D - 1; d >= 0; --d) {
    const std::size_t slot = static_cast<std::size_t>(d) * states + static_cast<std::size_t>(state);
    out[static_cast<std::size_t>(d)] = static_cast<ShiftCode>(chosen_[slot] - 1);
    state = back_[slot];
  }
  return true;
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
