// Delta evaluation of line changes. Every rule's delta here prices exactly
// what its unit in rules/ prices in a full evaluation; the tests walk long
// random move sequences and compare both after every step.
#include "eval/incremental_evaluator.h"

#include <algorithm>

#include "eval/rules/consecutive_runs.h"
#include "eval/rules/max_shifts_per_kind.h"
#include "eval/rules/max_weekends.h"
#include "eval/rules/required_day_off.h"
#include "eval/rules/succession.h"
#include "eval/rules/total_minutes.h"

namespace vigil {
namespace {
constexpr int idx(RuleKind k) { return static_cast<int>(k); }
}  // namespace

IncrementalEvaluator::IncrementalEvaluator(const Problem& problem, const ProblemIndex& index, Roster roster)
    : problem_(problem), index_(index), roster_(std::move(roster)) {
  for (int k = 0; k < kRuleCount; ++k) {
    const RuleSetting& s = problem.rules[k];
    const auto kind = static_cast<RuleKind>(k);
    const bool self_priced = rule_info(kind).prices_itself;
    hard_mult_[k] = s.enabled && s.hard ? 1 : 0;
    soft_mult_[k] = s.enabled && !s.hard ? (self_priced ? 1 : s.weight) : 0;
  }
  cover_weight_ = problem.rule(RuleKind::kCover).enabled ? problem.rule(RuleKind::kCover).weight : 0;
  const auto& on = problem.rule(RuleKind::kShiftOnRequest);
  const auto& off = problem.rule(RuleKind::kShiftOffRequest);
  request_cost_.resize(index.request_cost.size());
  for (std::size_t i = 0; i < request_cost_.size(); ++i)
    request_cost_[i] = (on.enabled ? on.weight * index.on_request_cost[i] : 0) +
                       (off.enabled ? off.weight * index.off_request_cost[i] : 0);
  kind_delta_.assign(static_cast<std::size_t>(index.shifts), 0);
  touched_kinds_.reserve(static_cast<std::size_t>(index.shifts) * 2 + 2);
  rebuild();
}

void IncrementalEvaluator::reset(const Roster& roster) {
  roster_ = roster;
  rebuild();
}

void IncrementalEvaluator::rebuild() {
  const ProblemIndex& ix = index_;
  kind_count_.assign(static_cast<std::size_t>(ix.people) * ix.shifts, 0);
  minutes_.assign(static_cast<std::size_t>(ix.people), 0);
  weekends_.assign(static_cast<std::size_t>(ix.people), 0);
  cover_count_.assign(static_cast<std::size_t>(ix.days) * ix.shifts, 0);
  for (int p = 0; p < ix.people; ++p) {
    const ShiftCode* line = roster_.line(p);
    for (int d = 0; d < ix.days; ++d) {
      if (line[d] < 0) continue;
      ++kind_count_[static_cast<std::size_t>(p) * ix.shifts + line[d]];
      minutes_[p] += ix.length[static_cast<std::size_t>(line[d])];
      ++cover_count_[static_cast<std::size_t>(d) * ix.shifts + line[d]];
    }
    for (int k = 0; k < ix.weekends; ++k) weekends_[p] += rules::MaxWeekends::weekend_worked(ix, k, line);
  }
  // Totals come from the full evaluation so both share one definition.
  const Evaluation ev = evaluate(problem_, index_, roster_, false);
  for (int k = 0; k < kRuleCount; ++k) {
    const RuleTally& t = ev.rules[k];
    const auto kind = static_cast<RuleKind>(k);
    const bool self_priced = rule_info(kind).prices_itself;
    totals_[k] = self_priced ? t.cost : t.units;
  }
  recompute_score();
}

void IncrementalEvaluator::recompute_score() {
  score_ = Score{};
  for (int k = 0; k < kRuleCount; ++k) {
    score_.hard += totals_[k] * hard_mult_[k];
    score_.soft += totals_[k] * soft_mult_[k];
  }
}

RuleDeltas IncrementalEvaluator::line_rule_deltas(int p, int first, int n, const ShiftCode* values,
                                                  bool with_cover) const {
  const ProblemIndex& ix = index_;
  const ShiftCode* line = roster_.line(p);
  const int last = first + n - 1;
  RuleDeltas out;
  auto& a = out.amount;

  const auto& on = problem_.rule(RuleKind::kShiftOnRequest);
  const auto& off = problem_.rule(RuleKind::kShiftOffRequest);
  const std::int64_t on_w = on.enabled ? on.weight : 0, off_w = off.enabled ? off.weight : 0;

  bool status_changed = false, changed = false;
  std::int64_t minutes_delta = 0;
  touched_kinds_.clear();
  for (int t = first; t <= last; ++t) {
    const ShiftCode o = line[t], v = values[t - first];
    if (o == v) continue;
    changed = true;
    const std::size_t so = ix.request_slot(p, t, o + 1), sv = ix.request_slot(p, t, v + 1);
    a[idx(RuleKind::kShiftOnRequest)] += on_w * (ix.on_request_cost[sv] - ix.on_request_cost[so]);
    a[idx(RuleKind::kShiftOffRequest)] += off_w * (ix.off_request_cost[sv] - ix.off_request_cost[so]);
    a[idx(RuleKind::kRequiredDayOff)] +=
        rules::RequiredDayOff::units(ix, p, t, v) - rules::RequiredDayOff::units(ix, p, t, o);
    if (o >= 0) {
      minutes_delta -= ix.length[static_cast<std::size_t>(o)];
      if (kind_delta_[static_cast<std::size_t>(o)]-- == 0) touched_kinds_.push_back(o);
      if (with_cover) a[idx(RuleKind::kCover)] += cover_step(t, o, -1);
    }
    if (v >= 0) {
      minutes_delta += ix.length[static_cast<std::size_t>(v)];
      if (kind_delta_[static_cast<std::size_t>(v)]++ == 0) touched_kinds_.push_back(v);
      if (with_cover) a[idx(RuleKind::kCover)] += cover_step(t, v, +1);
    }
    status_changed |= (o >= 0) != (v >= 0);
  }
  if (!changed) return out;

  // Per-kind limits: every kind whose count moved.
  for (int s : touched_kinds_) {
    int& kd = kind_delta_[static_cast<std::size_t>(s)];
    if (kd != 0) {
      const std::size_t i = static_cast<std::size_t>(p) * ix.shifts + s;
      const int limit = ix.max_per_shift[i];
      a[idx(RuleKind::kMaxShiftsPerKind)] +=
          rules::MaxShiftsPerKind::units(kind_count_[i] + kd, limit) - rules::MaxShiftsPerKind::units(kind_count_[i], limit);
    }
    kd = 0;
  }
  if (minutes_delta != 0) {
    const std::int64_t m = minutes_[p], lo = ix.min_minutes[p], hi = ix.max_minutes[p];
    a[idx(RuleKind::kTotalMinutes)] +=
        rules::TotalMinutes::units(m + minutes_delta, lo, hi) - rules::TotalMinutes::units(m, lo, hi);
  }

  auto new_value = [&](int t) { return t >= first && t <= last ? values[t - first] : line[t]; };
  // Successions: the pairs (t, t+1) that touch the window.
  for (int t = std::max(first - 1, 0); t <= std::min(last, ix.days - 2); ++t)
    a[idx(RuleKind::kSuccession)] += rules::Succession::pair_units(ix, new_value(t), new_value(t + 1)) -
                                     rules::Succession::pair_units(ix, line[t], line[t + 1]);

  if (status_changed) {
    int weekend_delta = 0;
    int last_weekend = -1;
    for (int t = first; t <= last; ++t) {
      const int k = ix.weekend_of_day[static_cast<std::size_t>(t)];
      if (k < 0 || k == last_weekend) continue;
      last_weekend = k;
      const int sat = ix.weekend_days[2 * static_cast<std::size_t>(k)];
      const int sun = ix.weekend_days[2 * static_cast<std::size_t>(k) + 1];
      const bool before = (sat >= 0 && line[sat] >= 0) || (sun >= 0 && line[sun] >= 0);
      const bool after = (sat >= 0 && new_value(sat) >= 0) || (sun >= 0 && new_value(sun) >= 0);
      weekend_delta += static_cast<int>(after) - static_cast<int>(before);
    }
    if (weekend_delta != 0) {
      const int w = weekends_[p], limit = ix.max_weekends[p];
      a[idx(RuleKind::kMaxWeekends)] +=
          rules::MaxWeekends::units(w + weekend_delta, limit) - rules::MaxWeekends::units(w, limit);
    }
    const rules::RunUnits before =
        rules::price_runs_around(ix, p, first - 1, last + 1, [&](int t) { return line[t] >= 0; });
    const rules::RunUnits after =
        rules::price_runs_around(ix, p, first - 1, last + 1, [&](int t) { return new_value(t) >= 0; });
    a[idx(RuleKind::kMaxConsecutiveShifts)] += after.max_consecutive - before.max_consecutive;
    a[idx(RuleKind::kMinConsecutiveShifts)] += after.min_consecutive - before.min_consecutive;
    a[idx(RuleKind::kMinConsecutiveDaysOff)] += after.min_days_off - before.min_days_off;
  }
  // Rules switched off contribute nothing, whatever their units.
  for (int k = 0; k < kRuleCount; ++k)
    if (!problem_.rules[k].enabled) a[k] = 0;
  return out;
}

void IncrementalEvaluator::apply_line(int p, int first, int n, const ShiftCode* values, bool with_cover) {
  const RuleDeltas d = line_rule_deltas(p, first, n, values, with_cover);
  for (int k = 0; k < kRuleCount; ++k) totals_[k] += d.amount[k];
  const ProblemIndex& ix = index_;
  ShiftCode* line = roster_.line(p);
  int weekend_first = -1, weekend_last = -1;
  for (int t = first; t < first + n; ++t) {
    const ShiftCode o = line[t], v = values[t - first];
    if (o == v) continue;
    if (o >= 0) {
      --kind_count_[static_cast<std::size_t>(p) * ix.shifts + o];
      minutes_[p] -= ix.length[static_cast<std::size_t>(o)];
      if (with_cover) --cover_count_[static_cast<std::size_t>(t) * ix.shifts + o];
    }
    if (v >= 0) {
      ++kind_count_[static_cast<std::size_t>(p) * ix.shifts + v];
      minutes_[p] += ix.length[static_cast<std::size_t>(v)];
      if (with_cover) ++cover_count_[static_cast<std::size_t>(t) * ix.shifts + v];
    }
    const int k = ix.weekend_of_day[static_cast<std::size_t>(t)];
    if (k >= 0) {
      if (weekend_first < 0) weekend_first = k;
      weekend_last = k;
    }
  }
  if (weekend_first >= 0)
    for (int k = weekend_first; k <= weekend_last; ++k) weekends_[p] -= rules::MaxWeekends::weekend_worked(ix, k, line);
  std::copy(values, values + n, line + first);
  if (weekend_first >= 0)
    for (int k = weekend_first; k <= weekend_last; ++k) weekends_[p] += rules::MaxWeekends::weekend_worked(ix, k, line);
  recompute_score();
}

Score IncrementalEvaluator::swap_delta(int a, int b, int first, int n) const {
  const Score da = line_delta(a, first, n, roster_.line(b) + first, false);
  const Score db = line_delta(b, first, n, roster_.line(a) + first, false);
  return Score{da.hard + db.hard, da.soft + db.soft};
}

void IncrementalEvaluator::apply_swap(int a, int b, int first, int n) {
  // Copy b's values first: applying to a overwrites what b must receive.
  ShiftCode buffer[64];
  std::vector<ShiftCode> large;
  ShiftCode* saved = buffer;
  if (n > 64) {
    large.assign(roster_.line(a) + first, roster_.line(a) + first + n);
    saved = large.data();
  } else {
    std::copy(roster_.line(a) + first, roster_.line(a) + first + n, buffer);
  }
  apply_line(a, first, n, roster_.line(b) + first, false);
  apply_line(b, first, n, saved, false);
}

}  // namespace vigil
