// The annealing walk. Temperatures run in cycles measured in moves, not
// seconds, so the trajectory for a seed does not depend on machine speed; a
// time limit only decides where the walk is cut.
#include "solve/local_search.h"

#include "eval/rules/max_weekends.h"
#include "solve/column_generation.h"
#include "solve/window_search.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

namespace vigil {

// Shares of the budget left that the window search takes: after column
// generation (of what is left then; less when it is stuck sooner), and at
// the end, after the walk (of what is left after the first).
constexpr double kWindowShare = 0.4;
constexpr double kPolishShare = 0.25;
// The integer programme over the column pool after the dive: its share of
// the budget left when column generation starts. After the walk, the pool's
// master and programme: each one's share of what is left. Both run on the
// clock only: a node's cost varies a hundredfold between instances (its LP
// is the whole master), so under a work budget they would not be bounded by
// it (Instance9 at --work 5000000 took 61 s with 500 nodes each, 4 s
// without); work runs stay as they were.
constexpr double kMasterIpShare = 0.1;
constexpr double kPoolShare = 0.3;

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
  window_.assign(8, kOff);
}

bool LocalSearch::may_receive(int person, int day, ShiftCode v) const {
  // Required days off, barred kinds and a weekend limit of 0 hold by
  // construction: no move hands a person a shift on such a day or of such
  // a kind.
  if (v < 0) return true;
  return !ix_.required_off[ix_.cell(person, day)] &&
         ix_.max_per_shift[static_cast<std::size_t>(person) * ix_.shifts + v] != 0 &&
         (ix_.max_weekends[person] > 0 || ix_.weekend_of_day[static_cast<std::size_t>(day)] < 0);
}

bool LocalSearch::may_take(int person, int first, int n, const ShiftCode* other) const {
  for (int t = first; t < first + n; ++t)
    if (!may_receive(person, t, other[t])) return false;
  return true;
}

bool LocalSearch::should_stop() {
  // Another worker's stop (it proved optimality or met the target) keeps
  // this worker's own reason.
  if (control_.stop.load(std::memory_order_relaxed)) return true;
  if (const auto spent = budget_spent(control_, options_, moves_)) {
    reason_ = *spent;
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
  } else if ((options_.target && s.soft <= *options_.target) || options_.first_feasible) {
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

LineOptimizer& LocalSearch::feasible_lines() {
  if (!feasible_lines_) {
    feasible_lines_ = std::make_unique<LineOptimizer>(ix_);
    feasible_lines_->set_shift_classes(true);
  }
  return *feasible_lines_;
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

void LocalSearch::repair_weekends() {
  // For everyone over their weekend limit: hand one worked weekend to the
  // person for whom taking it costs least, if that lowers the score.
  for (int a = 0; a < ix_.people; ++a) {
    if (eval_.weekends(a) <= ix_.max_weekends[a]) continue;
    std::int64_t best = 0;
    int best_b = -1, best_first = 0, best_n = 0;
    for (int k = 0; k < ix_.weekends; ++k) {
      const int sat = ix_.weekend_days[2 * static_cast<std::size_t>(k)];
      const int sun = ix_.weekend_days[2 * static_cast<std::size_t>(k) + 1];
      const int first = sat >= 0 ? sat : sun, n = sat >= 0 && sun >= 0 ? 2 : 1;
      if (!rules::MaxWeekends::weekend_worked(ix_, k, eval_.roster().line(a))) continue;
      for (int b = 0; b < ix_.people; ++b) {
        if (b == a || !may_take(a, first, n, eval_.roster().line(b)) || !may_take(b, first, n, eval_.roster().line(a)))
          continue;
        ++moves_;
        const std::int64_t v = value(eval_.swap_delta(a, b, first, n));
        if (v < best) {
          best = v;
          best_b = b;
          best_first = first;
          best_n = n;
        }
      }
    }
    if (best_b >= 0) {
      eval_.apply_swap(a, best_b, best_first, best_n);
      if (options_.check_mode && !verify("a weekend repair")) return;
    }
  }
  note_best();
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
    // Reproducible runs: no clock, a fixed number of LP solves instead
    // (fewer where pricing is partial: each of those solves is dear).
    cg.lp_deadline = cg.deadline = now + std::chrono::hours(24 * 365);
    cg.max_iterations = pricing_plan(ix_).batch < ix_.people ? 40 : 3000;
  } else {
    const double remaining = std::max(0.0, control_.time_limit - control_.elapsed());
    auto at = [&](double share) {
      return now + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                       std::chrono::duration<double>(share * remaining));
    };
    cg.lp_deadline = at(0.35);
    cg.deadline = at(0.6);
    cg.ip.seconds = kMasterIpShare * remaining;
  }
  cg.ip.max_nodes = options_.master_ip && options_.work_limit == 0 ? 1 << 30 : 0;
  cg.seed = best_found_ ? &best_roster_ : &eval_.roster();
  const ColumnGenerationResult r = column_generation(problem_, ix_, cg);
  cg_iterations_ = r.iterations;
  if (r.bound_valid) {
    const auto bound = static_cast<std::int64_t>(std::ceil(r.lower_bound - 1e-6));
    own_bound_ = bound;
    bound_note_.clear();
    proven_bound_ = options_.lower_bound ? std::max(bound, *options_.lower_bound) : bound;
  } else {
    bound_note_ = !r.lp_converged ? fmt::format("column generation did not converge ({} LP solves)", r.iterations)
                                  : std::string("column generation converged, but not every pricing was exact");
  }
  line_pool_ = r.lines_by_person;
  pool_people_.clear();
  for (int p = 0; p < ix_.people; ++p)
    if (line_pool_[static_cast<std::size_t>(p)].size() > 1) pool_people_.push_back(p);
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

// Restarting with the column pool: the walk's best roster and every line
// column generation made, as one master (re-generated to convergence) and
// one integer programme started from that roster, so the walk's lines and
// the LP's are recombined.
void LocalSearch::run_pool_programme() {
  ColumnGenerationOptions cg;
  cg.seed = &best_roster_;
  cg.pool = &line_pool_;
  cg.dive = false;
  const double remaining = std::max(0.0, control_.time_limit - control_.elapsed());
  cg.lp_deadline = cg.deadline = std::chrono::steady_clock::now() +
                                 std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                     std::chrono::duration<double>(kPoolShare * remaining));
  cg.ip.seconds = std::max(1e-3, kPoolShare * remaining);
  cg.ip.max_nodes = 1 << 30;
  const ColumnGenerationResult r = column_generation(problem_, ix_, cg);
  if (r.roster && r.ip_improved) {
    eval_.reset(*r.roster);
    note_best();
    if (options_.check_mode) verify("the pool's integer programme");
  }
  eval_.reset(best_roster_);
}

void LocalSearch::run_window_search(double share, bool until_stuck) {
  WindowSearchOptions w;
  w.until_stuck = until_stuck;
  if (options_.work_limit > 0) {
    w.work_limit = std::max<std::int64_t>(1, static_cast<std::int64_t>(share * static_cast<double>(options_.work_limit - moves_)));
  } else {
    const double remaining = std::max(0.0, control_.time_limit - control_.elapsed());
    w.deadline = std::chrono::steady_clock::now() +
                 std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(share * remaining));
  }
  if (options_.lower_bound || proven_bound_)
    w.target = std::max(options_.lower_bound.value_or(proven_bound_.value_or(0)), proven_bound_.value_or(0));
  w.stop = &control_.stop;
  Roster roster = best_roster_;
  Score score = best_score_;
  const WindowSearchStats stats = window_search(problem_, ix_, roster, score, rng_, w, [&](const Roster& r, const Score&) {
    eval_.reset(r);
    note_best();
  });
  moves_ += stats.work;
  lns_windows_ = stats.windows;
  lns_improved_ = stats.improved;
  eval_.reset(best_roster_);
}

void LocalSearch::run() {
  if (!options_.start) construct();
  note_best();
  if (!check_failure_.empty()) return;
  bool windows = false;  // the window search follows the walk
  if (thread_ == 0 && !options_.column_generation) {
    bound_note_ = "column generation off (--no-lp)";
  } else if (thread_ == 0 && !control_.stop) {
    if (column_generation_applicable(problem_, ix_)) {
      run_column_generation();
      // Windows first bring the dive's roster near the LP's value, the walk
      // then moves it, and windows polish the walk's best at the end.
      windows = options_.window_search;
      if (windows && best_found_ && !control_.stop) run_window_search(kWindowShare, true);
    } else {
      bound_note_ = "column generation does not run on this instance (pricing too expensive)";
    }
  }
  walk_start_ = control_.elapsed();
  const std::int64_t walk_first_move = moves_;

  // One anneal over the whole remaining budget (time or work), from warm
  // enough to cross a few cover units to cold.
  const double t_hot = 5.0, t_cold = 0.3;
  // A line rebuild costs about D * S * S * run-length steps per pass, an
  // annealing move a few hundred; space rebuilds so they take a modest share.
  const double dp_steps = static_cast<double>(ix_.days) * ix_.shifts * ix_.shifts * 5 * 4;
  const auto rebuild_every = static_cast<std::int64_t>(std::max(2000.0, dp_steps / 50));
  hard_weight_ = 1000;
  const std::int64_t base_hard_weight = hard_weight_;
  double temperature = t_hot;
  const double walk_share = windows ? 1.0 - kPolishShare : 1.0;

  for (std::int64_t step = 0;; ++step) {
    if ((step & 255) == 0) {
      if (should_stop()) break;
      oscillate(step, base_hard_weight);
      // With the window search to follow, the walk cools over its share.
      const double f = budget_used(control_, options_, moves_, walk_first_move, walk_start_) / walk_share;
      if (windows && f >= 1.0) break;
      temperature = t_hot * std::pow(t_cold / t_hot, std::min(1.0, f));
      // Still nothing feasible with 60 % of the walk left: repair the
      // people who break their rules, so the run never ends infeasible.
      if (!best_found_ && !repaired_ && f >= 0.4) {
        repaired_ = true;
        repair_people();
      }
    }
    ++moves_;
    if (step % rebuild_every == 0) {
      rebuild_someone(temperature);
      continue;
    }
    if (!try_move(temperature)) break;
  }
  if (windows && best_found_ && check_failure_.empty() && !should_stop()) {
    if (options_.master_ip && options_.work_limit == 0) run_pool_programme();
    if (!control_.stop) run_window_search(1.0, false);
    should_stop();  // the reason the budget ended, unless the bound was met
  }
}

void LocalSearch::repair_people() {
  // Cover is the only soft rule that links people, so a roster whose every
  // line keeps that person's rules is feasible: give each person who breaks
  // one a line that keeps them all, priced against everyone else.
  const Evaluation ev = evaluate(problem_, ix_, eval_.roster(), true);
  std::vector<char> broken(static_cast<std::size_t>(ix_.people), 0);
  for (const Violation& v : ev.violations)
    if (v.person >= 0 && problem_.rule(v.rule).hard) broken[static_cast<std::size_t>(v.person)] = 1;
  for (int p = 0; p < ix_.people; ++p) {
    if (!broken[static_cast<std::size_t>(p)]) continue;
    ++rebuilds_;
    ++moves_;
    if (feasible_lines().feasible_line(eval_, p, line_buffer_).found) {
      eval_.apply_line(p, 0, ix_.days, line_buffer_.data());
      if (options_.check_mode && !verify("a repair line")) return;
    }
  }
  note_best();
}

void LocalSearch::oscillate(std::int64_t step, std::int64_t base_hard_weight) {
  // Strategic oscillation: a walk that stays infeasible prices hard
  // units up; a feasible one lets the price drift back down.
  if ((step & 0xFFFF) == 0 && step > 0) {
    hard_weight_ = eval_.score().hard > 0 ? std::min<std::int64_t>(hard_weight_ * 3 / 2, 1'000'000)
                                          : std::max<std::int64_t>(base_hard_weight, hard_weight_ * 9 / 10);
  }
  if ((step & 0x3FFFF) == 0 && step > 0 && eval_.score().hard > 0) repair_weekends();
}

void LocalSearch::rebuild_someone(double temperature) {
  const int P = ix_.people;
  int person = pick(P);
  if (eval_.score().hard > 0) {
    for (int tries = 0; tries < 4 * P; ++tries) {
      const int q = pick(P);
      if (eval_.weekends(q) > ix_.max_weekends[q] || eval_.minutes(q) < ix_.min_minutes[q] ||
          eval_.minutes(q) > ix_.max_minutes[q]) {
        person = q;
        break;
      }
    }
  }
  rebuild_line(person, temperature);
  note_best();
}

bool LocalSearch::accept(std::int64_t dv, double temperature) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  return dv <= 0 || unit(rng_) < std::exp(-static_cast<double>(dv) / temperature);
}

bool LocalSearch::try_move(double temperature) {
  if (!pool_people_.empty() && pick(16) == 0) return try_pool_line(temperature);
  const int kind = pick(13);
  if (kind >= 10 && ix_.days >= 2) return try_within_line(temperature);
  return try_change_or_swap(kind, temperature);
}

// Switches a person to another line from the column pool.
bool LocalSearch::try_pool_line(double temperature) {
  const int p = pool_people_[static_cast<std::size_t>(pick(static_cast<int>(pool_people_.size())))];
  const auto& pool = line_pool_[static_cast<std::size_t>(p)];
  const auto& line = pool[static_cast<std::size_t>(pick(static_cast<int>(pool.size())))];
  const std::int64_t dv = value(eval_.line_delta(p, 0, ix_.days, line.data()));
  if (!accept(dv, temperature)) return true;
  eval_.apply_line(p, 0, ix_.days, line.data());
  if (options_.check_mode && !verify("a pool line")) return false;
  if (dv < 0 && eval_.score().hard == 0) note_best();
  return true;
}

// A move within one person's line: exchanges the values of two days up to a
// week apart (a shift moves to another day; minutes stay the same).
bool LocalSearch::try_within_line(double temperature) {
  const int D = ix_.days;
  const int p = pick(ix_.people);
  const int d1 = pick(D - 1);
  const int d2 = std::min(D - 1, d1 + 1 + pick(7));
  const ShiftCode* line = eval_.roster().line(p);
  if (line[d1] == line[d2]) return true;
  const int n = d2 - d1 + 1;
  std::copy(line + d1, line + d2 + 1, window_.begin());
  std::swap(window_[0], window_[static_cast<std::size_t>(n - 1)]);
  const std::int64_t dv = value(eval_.line_delta(p, d1, n, window_.data()));
  if (!accept(dv, temperature)) return true;
  eval_.apply_line(p, d1, n, window_.data());
  if (options_.check_mode && !verify("a move within a line")) return false;
  if (dv < 0 && (eval_.score().hard == 0 || !best_found_)) note_best();
  return true;
}

// Kind 0-3 changes one cell; kind 4-6 swaps a day, kind 7-9 a block of days
// (or, for kind 9, a whole weekend) with another person.
bool LocalSearch::try_change_or_swap(int kind, double temperature) {
  const int P = ix_.people, D = ix_.days;
  Score delta;
  int a = pick(P), first = 0, n = 1, b = -1;
  ShiftCode v = kOff;
  if (kind < 4) {  // change one cell
    first = pick(D);
    const auto& allowed = allowed_[static_cast<std::size_t>(a)];
    const int choice = pick(static_cast<int>(allowed.size()) + 1);
    v = choice == static_cast<int>(allowed.size()) ? kOff : allowed[static_cast<std::size_t>(choice)];
    if (v == eval_.roster().at(a, first) || !may_receive(a, first, v)) return true;
    delta = eval_.change_delta(a, first, v);
  } else {  // swap a day (kind 4-6) or a block of days (kind 7-9) with another person
    b = pick(P);
    if (b == a) return true;
    n = kind < 7 || D < 2 ? 1 : std::min(D, 2 + pick(std::min(6, D - 1)));
    first = pick(D - n + 1);
    if (kind == 9 && ix_.weekends > 0) {
      // Exchange a whole weekend: the move that moves weekend counts.
      const int k = pick(ix_.weekends);
      const int sat = ix_.weekend_days[2 * static_cast<std::size_t>(k)];
      const int sun = ix_.weekend_days[2 * static_cast<std::size_t>(k) + 1];
      first = sat >= 0 ? sat : sun;
      n = sat >= 0 && sun >= 0 ? 2 : 1;
    }
    if (std::equal(eval_.roster().line(a) + first, eval_.roster().line(a) + first + n, eval_.roster().line(b) + first))
      return true;
    if (!may_take(a, first, n, eval_.roster().line(b)) || !may_take(b, first, n, eval_.roster().line(a))) return true;
    delta = eval_.swap_delta(a, b, first, n);
  }
  const std::int64_t dv = value(delta);
  if (!accept(dv, temperature)) return true;
  if (b < 0) {
    eval_.apply_change(a, first, v);
  } else {
    eval_.apply_swap(a, b, first, n);
  }
  if (options_.check_mode && !verify(b < 0 ? "a change" : "a swap")) return false;
  if (dv < 0 && (eval_.score().hard == 0 || !best_found_)) note_best();
  return true;
}

}  // namespace vigil
