// The line programme with worked minutes (and weekends and up to two kinds,
// where they fit) in the state: the exact one, its shift classes, the
// restricted one for people whose exact programme does not fit, and the
// pricing column generation asks of them (cheapest_feasible_line). The
// multiplier programme and the walk's line rebuild are in line_optimizer.cc.
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
  if ((lean_ || !plan.fits) && plan.weekend_levels > 1) {
    // Minutes alone in the state; weekends are then priced by a multiplier.
    plan.weekend_levels = 1;
    plan.weekends_priced = true;
    plan.fits = fits(1.0);
  }
  if (!plan.fits || lean_) return plan;
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
                                                            std::vector<ShiftCode>& out, bool& exact,
                                                            double* relaxed) {
  const int D = ix_.days, S = ix_.shifts;
  exact = false;
  if (relaxed) *relaxed = -kInf;
  const ExactPlan plan = plan_pricing(p);
  if (!plan.fits) return std::nullopt;
  day_cost_ = day_costs;
  std::fill(kind_price_.begin(), kind_price_.end(), 0.0);
  weekend_price_ = 0;
  double scale = 1.0;
  // Infinite prices pin a day to one value (a window's border); they set no scale.
  for (double c : day_cost_)
    if (std::isfinite(c)) scale = std::max(scale, std::abs(c));
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
    // Every pass is a Lagrangian relaxation of the rules left out of the
    // state (multipliers >= 0, zero in the first): its optimum less each
    // multiplier times its limit bounds every feasible line's cost from
    // below (the restricted programme is no relaxation).
    if (relaxed && !plan.restricted && !warm) {
      double bound = cost;
      for (int s = 0; s < S; ++s)
        bound += kind_price_[static_cast<std::size_t>(s)] *
                 (kinds[static_cast<std::size_t>(s)] - ix_.max_per_shift[static_cast<std::size_t>(p) * S + s]);
      if (plan.weekends_priced) bound += weekend_price_ * (weekends - ix_.max_weekends[p]);
      *relaxed = std::max(*relaxed, bound);
    }
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
      // The first pass prices weekends and kinds left out of the state at
      // zero, a relaxation of the person's rules: a line it finds that keeps
      // them all is the cheapest of all (the restricted programme, a
      // restriction, and a warm weekend price prove nothing).
      exact = pass == 0 && !plan.restricted && !warm;
      return cost;
    }
    kind_step *= 1.5;
  }
  return std::nullopt;
}

void LineOptimizer::minute_band(int p, const ExactPlan& plan, std::vector<int>& lo, std::vector<int>& hi) const {
  const int D = ix_.days, S = ix_.shifts;
  const RunShape shape = run_shape(p);
  const int min_off = shape.min_off, max_run = shape.max_run, R = min_off + max_run;
  const int top = ix_.max_minutes[p] / plan.unit;
  const int floor_level = (ix_.min_minutes[p] + plan.unit - 1) / plan.unit;
  // most_units[n]: the most minute levels n worked days can add, the
  // longest of the person's shifts first, each up to its limit.
  const int shift_floor = plan.restricted ? D : 1;
  std::vector<std::pair<int, int>> lengths;  // (units, limit)
  for (int t = 0; t < S; ++t) {
    const int limit = ix_.max_per_shift[static_cast<std::size_t>(p) * S + t];
    if (limit >= shift_floor) lengths.emplace_back(ix_.length[static_cast<std::size_t>(t)] / plan.unit, limit);
  }
  std::sort(lengths.rbegin(), lengths.rend());
  std::vector<int> most_units(static_cast<std::size_t>(D) + 1, 0);
  for (int n = 1, k = 0, used = 0; n <= D; ++n) {
    while (k < static_cast<int>(lengths.size()) && used >= lengths[static_cast<std::size_t>(k)].second) ++k, used = 0;
    most_units[static_cast<std::size_t>(n)] = most_units[static_cast<std::size_t>(n) - 1] +
                                              (k < static_cast<int>(lengths.size()) ? lengths[static_cast<std::size_t>(k)].first : 0);
    ++used;
  }
  // The most worked days in days [0, d) and in [d, D), by the run rules
  // alone (runs of at most max_run, min_off days off between, required days
  // off and barred weekends kept; successions, kinds and minimum runs
  // ignored, so both are upper bounds). State a < min_off: off for a + 1
  // days (capped); else working for a - min_off + 1 days.
  auto can_work = [&](int d) {
    return !ix_.required_off[ix_.cell(p, d)] && (ix_.max_weekends[p] > 0 || ix_.weekend_of_day[static_cast<std::size_t>(d)] < 0);
  };
  constexpr int kNone = -1;
  const int fresh = min_off - 1;  // off long enough to start a run
  auto off_to = [&](int a) { return a < min_off ? std::min(a + 1, min_off - 1) : 0; };
  auto work_to = [&](int a) { return a < min_off ? (a == fresh ? min_off : kNone) : (a - min_off + 1 < max_run ? a + 1 : kNone); };
  std::vector<int> days(static_cast<std::size_t>(R), kNone), next(static_cast<std::size_t>(R));
  lo.assign(static_cast<std::size_t>(D) + 1, 0);
  hi.assign(static_cast<std::size_t>(D) + 1, 0);
  days[static_cast<std::size_t>(fresh)] = 0;  // days[a]: most worked so far, ending in state a
  for (int d = 0;; ++d) {
    hi[static_cast<std::size_t>(d)] = std::min(top, most_units[static_cast<std::size_t>(*std::max_element(days.begin(), days.end()))]);
    if (d == D) break;
    std::fill(next.begin(), next.end(), kNone);
    for (int a = 0; a < R; ++a) {
      const int c = days[static_cast<std::size_t>(a)];
      if (c == kNone) continue;
      int& o = next[static_cast<std::size_t>(off_to(a))];
      o = std::max(o, c);
      if (const int w = work_to(a); w != kNone && can_work(d)) next[static_cast<std::size_t>(w)] = std::max(next[static_cast<std::size_t>(w)], c + 1);
    }
    std::swap(days, next);
  }
  // Backward: days[a] = most worked in [d, D) from state a before day d.
  std::fill(days.begin(), days.end(), 0);
  for (int d = D;; --d) {
    lo[static_cast<std::size_t>(d)] = std::max(0, floor_level - most_units[static_cast<std::size_t>(days[static_cast<std::size_t>(fresh)])]);
    if (d == 0) break;
    for (int a = 0; a < R; ++a) {
      int v = days[static_cast<std::size_t>(off_to(a))];
      if (const int w = work_to(a); w != kNone && can_work(d - 1)) v = std::max(v, 1 + days[static_cast<std::size_t>(w)]);
      next[static_cast<std::size_t>(a)] = v;
    }
    std::swap(days, next);
  }
}

bool LineOptimizer::run_exact_dp(int p, std::vector<ShiftCode>& out, const ExactPlan& plan) {
  const int D = ix_.days, S = ix_.shifts;
  // Named copies, not a structured binding: a lambda below captures them,
  // which clang before 16 refuses (the fuzz build uses clang 14).
  const RunShape shape = run_shape(p);
  const int min_off = shape.min_off, min_on = shape.min_on, max_run = shape.max_run;
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
  // Back pointers are read only along the cheapest line, whose every state
  // was written when it was reached: no need to clear them.
  back_.resize(states * D);
  chosen_.resize(states * D);
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
  minute_band(p, plan, band_lo_, band_hi_);
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
    // A group priced out (a window's pinned day) is not tried at all.
    for (int& b : group_best_)
      if (b >= 0 && price(d, b) == kInf) b = -1;
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
    // Tomorrow reads only its band's levels (minute_band): clear just those.
    const std::size_t level = static_cast<std::size_t>(Wn) * R;
    std::fill(next_cost_.begin() + static_cast<std::ptrdiff_t>(band_lo_[static_cast<std::size_t>(d) + 1] * level),
              next_cost_.begin() + static_cast<std::ptrdiff_t>(std::max(band_lo_[static_cast<std::size_t>(d) + 1], band_hi_[static_cast<std::size_t>(d) + 1] + 1) * level), kInf);
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
      // Only minute levels that can hold a state and still reach the floor
      // (minute_band); the others are unreached or dead (exact).
      const int m_hi = band_hi_[static_cast<std::size_t>(d)];
      const int m_lo = band_lo_[static_cast<std::size_t>(d)];
      if (m_lo > m_hi) return false;
      // Today's moves from each extra index, per group, looked up rather
      // than unpacked per transition: [(x * 2 + worked before) * G + g].
      step_table_.resize(static_cast<std::size_t>(Wn) * 2 * G);
      // Price and weekend charge kept apart and added in the order the
      // programme always added them, so its sums (and ties) are unchanged.
      step_price_.resize(3 * static_cast<std::size_t>(G));
      for (int g = 0; g < G; ++g) {
        const int t = group_best_[static_cast<std::size_t>(g)];
        if (t < 0) continue;
        step_price_[static_cast<std::size_t>(g)] = price(d, t);
        for (int before = 0; before < 2; ++before) {
          step_price_[static_cast<std::size_t>((before + 1) * G + g)] = weekend_charge(d, before != 0);
          for (int x = 0; x < Wn; ++x)
            step_table_[static_cast<std::size_t>((x * 2 + before) * G + g)] = step_extra(x, t, weekend_step(d, before != 0, true));
        }
      }
      for (int m = m_lo; m <= m_hi; ++m)
        for (int w = 0; w < Wn; ++w) {
          const std::size_t base = (static_cast<std::size_t>(m) * Wn + w) * R;
          const int* from_off = &step_table_[static_cast<std::size_t>(w * 2) * G];
          const int* from_work = from_off + G;
          for (int r = 0; r < R; ++r) {
            const double c = cost_[base + r];
            if (c == kInf) continue;
            const auto from = static_cast<std::int32_t>(base + r);
            if (r < min_off) {  // off for r + 1 days
              const int len = r + 1;
              relax(back, chosen, std::min(len + 1, min_off) - 1, m, w, c + off_price, from, kOff);
              if (len < min_off && len != d) continue;
              for (int g = 0; g < G; ++g)
                if (const int t = group_best_[static_cast<std::size_t>(g)]; t >= 0)
                  relax(back, chosen, work_state(t), m + units(t), from_off[g], c + step_price_[static_cast<std::size_t>(g)] + step_price_[static_cast<std::size_t>(G + g)], from, t);
            } else {  // working a shift of class cls for len days
              const int cls = (r - min_off) / max_run, len = (r - min_off) % max_run + 1;
              const int s = class_rep_[static_cast<std::size_t>(cls)];
              if (len >= min_on || len == d) relax(back, chosen, 0, m, w, c + off_price, from, kOff);
              if (len >= max_run) continue;
              const auto* barred = &ix_.forbidden[static_cast<std::size_t>(s) * S];
              for (int g = 0; g < G; ++g) {
                const int t = group_best_[static_cast<std::size_t>(g)];
                if (t < 0 || barred[t]) continue;
                relax(back, chosen, work_state(t) + len, m + units(t), from_work[g],
                      c + step_price_[static_cast<std::size_t>(g)] + step_price_[static_cast<std::size_t>(2 * G + g)], from, t);
              }
            }
          }
        }
    }
    std::swap(cost_, next_cost_);
  }
  std::size_t best_state = states;
  double best = kInf;
  const std::size_t last_lo = static_cast<std::size_t>(std::max(floor_level, band_lo_[static_cast<std::size_t>(D)])) * Wn * R;
  const std::size_t last_hi = static_cast<std::size_t>(band_hi_[static_cast<std::size_t>(D)] + 1) * Wn * R;
  for (std::size_t st = last_lo; st < last_hi; ++st)
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

}  // namespace vigil
