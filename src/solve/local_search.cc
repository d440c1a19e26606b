// The annealing walk. Temperatures run in cycles measured in moves, not
// seconds, so the trajectory for a seed does not depend on machine speed; a
// time limit only decides where the walk is cut.
#include "solve/local_search.h"

#include "solve/column_generation.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>

#include <fmt/format.h>

namespace vigil {

LocalSearch::LocalSearch(const Problem& problem, const ProblemIndex& index, const SolveOptions& options,
                         std::uint64_t seed, int thread, SearchControl& control,
                         std::function<void(const Progress&)> on_best)
    : problem_(problem), ix_(index), options_(options), thread_(thread), control_(control),
      on_best_(std::move(on_best)), rng_(seed), eval_(problem, index, options.start ? *options.start : Roster(problem)),
      lines_(index) {
  allowed_.resize(static_cast<std::size_t>(ix_.people));
  for (int p = 0; p < ix_.people; ++p)
    for (int s = 0; s < ix_.shifts; ++s)
      if (ix_.max_per_shift[static_cast<std::size_t>(p) * ix_.shifts + s] > 0)
        allowed_[static_cast<std::size_t>(p)].push_back(static_cast<ShiftCode>(s));
  line_buffer_.resize(static_cast<std::size_t>(ix_.days));
  off_line_.assign(static_cast<std::size_t>(ix_.days), kOff);
}

bool LocalSearch::should_stop() {
  if (control_.stop.load(std::memory_order_relaxed)) return true;
  if (options_.work_limit > 0 && moves_ >= options_.work_limit) {
    reason_ = StopReason::kWorkLimit;
    return true;
  }
  if (options_.work_limit == 0 && control_.elapsed() >= control_.time_limit) {
    reason_ = StopReason::kTimeLimit;
    return true;
  }
  return false;
}

void LocalSearch::note_best() {
  const Score s = eval_.score();
  if (s.hard != 0) {
    // Until a feasible roster exists, keep the least infeasible one to report.
    if (!best_found_ && (least_infeasible_.people() == 0 || s < least_infeasible_score_)) {
      least_infeasible_ = eval_.roster();
      least_infeasible_score_ = s;
    }
    return;
  }
  if (best_found_ && s.soft >= best_score_.soft) return;
  best_found_ = true;
  best_score_ = s;
  best_roster_ = eval_.roster();
  time_to_best_ = control_.elapsed();
  if (on_best_) on_best_(Progress{s, time_to_best_, moves_, thread_});
  if ((options_.lower_bound && s.soft <= *options_.lower_bound) || (proven_bound_ && s.soft <= *proven_bound_)) {
    reason_ = StopReason::kProvenOptimal;
    control_.stop = true;
  } else if (options_.target && s.soft <= *options_.target) {
    reason_ = StopReason::kTarget;
    control_.stop = true;
  }
}

bool LocalSearch::verify(const char* what) {
  const Evaluation full = evaluate(problem_, ix_, eval_.roster());
  if (full.score == eval_.score()) return true;
  check_failure_ = fmt::format("check mode: after {} (move {}), incremental score hard={} soft={} but a full "
                               "evaluation gives hard={} soft={}",
                               what, moves_, eval_.score().hard, eval_.score().soft, full.score.hard, full.score.soft);
  control_.stop = true;
  reason_ = StopReason::kInterrupted;
  return false;
}

bool LocalSearch::rebuild_line(int person, double temperature) {
  const LineCandidate c = lines_.optimize(eval_, person, hard_weight_, line_buffer_);
  ++rebuilds_;
  ++moves_;
  if (!c.found) return false;
  const std::int64_t v = value(c.delta);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  if (v <= 0 || (temperature > 0 && unit(rng_) < std::exp(-static_cast<double>(v) / temperature))) {
    eval_.apply_line(person, 0, ix_.days, line_buffer_.data());
    if (options_.check_mode && !verify("a line rebuild")) return false;
    return true;
  }
  return false;
}

bool LocalSearch::ruin_and_recreate(int count, double temperature) {
  const int P = ix_.people, D = ix_.days;
  count = std::min(count, P);
  // Distinct people, in the order they will be rebuilt.
  chosen_.clear();
  while (static_cast<int>(chosen_.size()) < count) {
    const int p = static_cast<int>(rng_() % static_cast<std::uint64_t>(P));
    if (std::find(chosen_.begin(), chosen_.end(), p) == chosen_.end()) chosen_.push_back(p);
  }
  const std::int64_t before = value(eval_.score());
  saved_lines_.resize(static_cast<std::size_t>(count) * D);
  for (int i = 0; i < count; ++i) {
    const ShiftCode* line = eval_.roster().line(chosen_[static_cast<std::size_t>(i)]);
    std::copy(line, line + D, saved_lines_.begin() + static_cast<long>(i) * D);
    eval_.apply_line(chosen_[static_cast<std::size_t>(i)], 0, D, off_line_.data());
  }
  for (int p : chosen_) {
    const LineCandidate c = lines_.optimize(eval_, p, hard_weight_, line_buffer_);
    ++rebuilds_;
    ++moves_;
    if (c.found && value(c.delta) < 0) eval_.apply_line(p, 0, D, line_buffer_.data());
  }
  const std::int64_t after = value(eval_.score());
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const std::int64_t worse = after - before;
  if (worse <= 0 || (temperature > 0 && unit(rng_) < std::exp(-static_cast<double>(worse) / temperature))) {
    if (options_.check_mode && !verify("a ruin and recreate")) return false;
    return true;
  }
  for (int i = 0; i < count; ++i)
    eval_.apply_line(chosen_[static_cast<std::size_t>(i)], 0, D, saved_lines_.data() + static_cast<long>(i) * D);
  return false;
}

void LocalSearch::construct() {
  std::vector<int> order(static_cast<std::size_t>(ix_.people));
  std::iota(order.begin(), order.end(), 0);
  for (int pass = 0; pass < 3 && !should_stop(); ++pass) {
    std::shuffle(order.begin(), order.end(), rng_);
    const std::int64_t before = value(eval_.score());
    for (int p : order) {
      rebuild_line(p, 0);
      if (should_stop()) break;
    }
    note_best();
    if (value(eval_.score()) >= before) break;
  }
}

void LocalSearch::run_column_generation() {
  ColumnGenerationOptions cg;
  const auto now = std::chrono::steady_clock::now();
  if (options_.work_limit > 0) {
    // Reproducible runs: no clock, a fixed number of LP solves instead.
    cg.lp_deadline = cg.deadline = now + std::chrono::hours(24 * 365);
    cg.max_iterations = 3000;
  } else {
    const double remaining = std::max(0.0, control_.time_limit - control_.elapsed());
    auto at = [&](double share) {
      return now + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                       std::chrono::duration<double>(share * remaining));
    };
    cg.lp_deadline = at(0.35);
    cg.deadline = at(0.6);
  }
  cg.seed = best_found_ ? &best_roster_ : &eval_.roster();
  const ColumnGenerationResult r = column_generation(problem_, ix_, cg);
  cg_iterations_ = r.iterations;
  if (r.bound_valid) {
    const auto bound = static_cast<std::int64_t>(std::ceil(r.lp_value - 1e-6));
    proven_bound_ = options_.lower_bound ? std::max(bound, *options_.lower_bound) : bound;
  }
  if (r.roster) {
    const Evaluation ev = evaluate(problem_, ix_, *r.roster);
    if (ev.score.hard == 0 && (!best_found_ || ev.score.soft < best_score_.soft)) {
      eval_.reset(*r.roster);
      note_best();
    }
  }
  if (best_found_) eval_.reset(best_roster_);
  if (best_found_ && proven_bound_ && best_score_.soft <= *proven_bound_) {
    reason_ = StopReason::kProvenOptimal;
    control_.stop = true;
  }
}

void LocalSearch::run() {
  if (!options_.start) construct();
  note_best();
  if (!check_failure_.empty()) return;
  if (thread_ == 0 && options_.column_generation && !control_.stop && column_generation_applicable(ix_))
    run_column_generation();
  walk_start_ = control_.elapsed();
  const std::int64_t walk_first_move = moves_;
  const int P = ix_.people, D = ix_.days;
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto pick = [&](int n) { return static_cast<int>(rng_() % static_cast<std::uint64_t>(n)); };

  // One cycle cools from hot to cold; its length grows with the roster size.
  const std::int64_t cycle = static_cast<std::int64_t>(std::getenv("VIGIL_CYCLE") ? std::atof(std::getenv("VIGIL_CYCLE")) : std::max<double>(2'000'000, 2000.0 * P * D / 7));
  auto knob = [](const char* name, double fallback) {
    const char* v = std::getenv(name);
    return v ? std::atof(v) : fallback;
  };
  const double t_hot = knob("VIGIL_THOT", 40.0), t_cold = knob("VIGIL_TCOLD", 0.3);
  // A line rebuild costs about D * S * S * run-length steps per pass, an
  // annealing move a few hundred; space rebuilds so they take a modest share.
  const double dp_steps = static_cast<double>(D) * ix_.shifts * ix_.shifts * 5 * 4;
  const std::int64_t rebuild_every =
      static_cast<std::int64_t>(knob("VIGIL_REBUILD", std::max(2000.0, dp_steps / 50)));
  hard_weight_ = static_cast<std::int64_t>(knob("VIGIL_HW", 1000));
  const std::int64_t base_hard_weight = hard_weight_;
  std::int64_t in_cycle = 0;
  double temperature = t_hot;
  const double cooling = std::pow(t_cold / t_hot, 1.0 / static_cast<double>(cycle));

  const bool whole = knob("VIGIL_WHOLE", 0) > 0;
  const int ruin = static_cast<int>(knob("VIGIL_RUIN", 1));
  for (std::int64_t step = 0;; ++step) {
    if ((step & 255) == 0) {
      if (should_stop()) break;
      // Strategic oscillation: a walk that stays infeasible prices hard
      // units up; a feasible one lets the price drift back down.
      if ((step & 0xFFFF) == 0 && step > 0) {
        hard_weight_ = eval_.score().hard > 0 ? std::min<std::int64_t>(hard_weight_ * 3 / 2, 1'000'000)
                                              : std::max<std::int64_t>(base_hard_weight, hard_weight_ * 9 / 10);
      }
      if (whole) {
        const double f =
            options_.work_limit > 0
                ? static_cast<double>(moves_ - walk_first_move) / static_cast<double>(std::max<std::int64_t>(1, options_.work_limit - walk_first_move))
                : (control_.elapsed() - walk_start_) / std::max(1e-9, control_.time_limit - walk_start_);
        temperature = t_hot * std::pow(t_cold / t_hot, std::min(1.0, f));
      }
    }
    ++moves_;
    if (!whole && ++in_cycle >= cycle) {
      in_cycle = 0;
      temperature = t_hot;
      // Start the next cycle from the best roster found so far.
      if (best_found_) eval_.reset(best_roster_);
    }
    if (!whole) temperature *= cooling;
    if (step % rebuild_every == 0) {
      const int count = ruin;
      if (count <= 1) rebuild_line(pick(P), temperature);
      else ruin_and_recreate(2 + pick(count - 1), temperature);
      note_best();
      continue;
    }

    const int kind = pick(10);
    Score delta;
    int a = pick(P), first = 0, n = 1, b = -1;
    ShiftCode v = kOff;
    if (kind < 4) {  // change one cell
      first = pick(D);
      const auto& allowed = allowed_[static_cast<std::size_t>(a)];
      const int choice = pick(static_cast<int>(allowed.size()) + 1);
      v = choice == static_cast<int>(allowed.size()) ? kOff : allowed[static_cast<std::size_t>(choice)];
      if (v == eval_.roster().at(a, first)) continue;
      delta = eval_.change_delta(a, first, v);
    } else {  // swap a day (kind 4-6) or a block of days (kind 7-9) with another person
      b = pick(P);
      if (b == a) continue;
      n = kind < 7 || D < 2 ? 1 : std::min(D, 2 + pick(std::min(6, D - 1)));
      first = pick(D - n + 1);
      if (std::equal(eval_.roster().line(a) + first, eval_.roster().line(a) + first + n, eval_.roster().line(b) + first))
        continue;
      delta = eval_.swap_delta(a, b, first, n);
    }
    const std::int64_t dv = value(delta);
    if (dv > 0 && unit(rng_) >= std::exp(-static_cast<double>(dv) / temperature)) continue;
    if (b < 0) {
      eval_.apply_change(a, first, v);
    } else {
      eval_.apply_swap(a, b, first, n);
    }
    if (options_.check_mode && !verify(b < 0 ? "a change" : "a swap")) break;
    if (dv < 0 && (eval_.score().hard == 0 || !best_found_)) note_best();
  }
}

}  // namespace vigil
