// The unit walk (see unit_search.h): its run loop, when it stops and how it
// adapts, a repair's two phases (finding a plan that keeps every hard rule,
// then settling near the plan in force), where it aims (the focus), its bests,
// and solve_unit, which runs one walk per thread. The first plan is built in
// solve/unit_construct.cc and the moves live in solve/unit_moves.cc.
#include "solve/unit_search.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <memory>

#include <fmt/format.h>

#include "eval/rules/day_limits.h"
#include "eval/unit_check.h"
#include "solve/unit_search_impl.h"

namespace vigil {
namespace unit_search_detail {

namespace {

// A repair looking for a plan that keeps every hard rule counts a share
// (percent) of each change's price: half at first, falling to a hundredth
// while no plan is found. (On unit-64 single losses, starting lower leaves
// twice as many needless changes; never going below a fifth finds a plan in
// a quarter of the cases only.)
constexpr int kFirstChangePercent = 50;
constexpr int kLeastChangePercent = 1;
// Share of a repair's time or work after which it settles even without a plan
// keeping every hard rule.
constexpr double kSettleAnywayAt = 0.6;
// Moves after which a repair that found no plan keeping every hard rule
// starts again from the plan in force.
constexpr std::int64_t kRestartMoves = 150'000;

}  // namespace

void UnitSearch::run() {
  if (!prepare()) return;
  start_walk();
  for (;;) {
    if ((moves_ & 1023) == 0 && !checkpoint()) break;
    ++moves_;
    if (!pick_move()) continue;
    if (repairing_ && touches_past()) continue;
    if (absences_bind_ && puts_absent_on_duty()) continue;
    if (dated_places_ && puts_at_closed_place()) continue;
    if (!try_move()) break;
  }
  save_best();
}

bool UnitSearch::prepare() {
  if (!options_.start) {
    // Under --time the construction stops where it is once the clock is
    // spent (a --work budget never reads the clock: runs stay the same).
    const OutOfTime out_of_time = [this] { return budget_spent(control_, options_, 0).has_value(); };
    Roster start(problem_);
    place_people(problem_, make_unit_layout(problem_), start, rng_, out_of_time);
    ev_.reset(start);
    assign_watches(problem_, ev_, rng_, out_of_time);
    assign_showers(problem_, ev_, rng_, out_of_time);
  }
  for (int pl = 0; pl < ev_.layout().places; ++pl) {
    if (problem_.places[pl].watchers > 0) watched_places_.push_back(pl);
    const Place& place = problem_.places[pl];
    if (!place.open_throughout(problem_.days()) || !place.beds_changes.empty()) dated_places_ = true;
  }
  if (problem_.unit->repair) clear_absent();
  if (problem_.unit->repair && dated_places_) clear_closed();
  consider_best();
  save_best();
  if (options_.check_mode && !verify("at the start", false)) return false;
  return !watched_places_.empty();
}

// A repair starts from the plan in force and may not touch what has already
// happened. While a hard rule is broken it searches as a fresh plan does,
// warm, aimed at the breakage, with changes priced down (from half their
// price to a hundredth), so a team can be reshuffled when someone is lost
// for good. Once every hard rule is kept, it settles: hard units outweigh
// any change, changes count in full and restore moves undo what was not
// needed.
void UnitSearch::start_walk() {
  repairing_ = problem_.unit->repair.has_value();
  const RuleSetting& unavailable = problem_.rules[static_cast<int>(RuleKind::kUnavailable)];
  absences_bind_ = unavailable.enabled && unavailable.hard;
  temp_start_ = 3.0;
  hard_weight_ = 30;
  ev_.set_hard_weight(hard_weight_);
  if (repairing_) {
    change_percent_ = options_.first_feasible ? kLeastChangePercent : kFirstChangePercent;
    ev_.set_change_percent(change_percent_);
    if (ev_.plain_score().hard == 0) start_settling(0);
  }
  progress_ = 0;
  temp_ = temperature(0);
  refresh_focus();
  since_adapt_ = 0;
}

bool UnitSearch::checkpoint() {
  progress_ = budget_used(control_, options_, moves_);
  if (should_stop()) return false;
  // A repair looking for a plan keeps its walk warm: the plan in force is
  // close, and a cooled walk stays stuck beside it.
  temp_ = repairing_ && !settling_ ? temp_start_ : temperature(std::min(1.0, progress_));
  // Re-aim at what is broken and raise the price of hard units while the
  // walk stays infeasible. A repair looks sooner: its breakage is a few
  // cells around the event. Settling keeps its list of changed cells fresh.
  if (repairing_ && !settling_ && feasible_) start_settling(progress_);
  // A walk that has found nothing for a while starts again from the plan
  // in force: the loss's neighbourhood holds many dead ends.
  if (repairing_ && !settling_ && moves_ - find_started_ >= kRestartMoves && progress_ < kSettleAnywayAt &&
      !restart_from_plan())
    return false;
  // No plan keeps every hard rule by then: settle from the one breaking
  // the fewest, so what cannot be kept comes with as few changes as
  // possible rather than with everything the search stirred up.
  if (repairing_ && !settling_ && !options_.first_feasible && progress_ >= kSettleAnywayAt && !settle_from_best())
    return false;
  if (++since_adapt_ >= (repairing_ ? 4 : 64)) {
    since_adapt_ = 0;
    if (settling_) {
      refresh_changed();
    } else {
      adapt_weights();
    }
  }
  return true;
}

bool UnitSearch::should_stop() {
  if (const auto spent = budget_spent(control_, options_, moves_)) {
    reason_ = *spent;
    return true;
  }
  if (control_.stop.load(std::memory_order_relaxed)) {  // another worker's check failed
    reason_ = StopReason::kInterrupted;
    return true;
  }
  if (feasible_ && (options_.first_feasible || (options_.target && best_score_.soft <= *options_.target))) {
    reason_ = StopReason::kTarget;
    return true;
  }
  return false;
}

bool UnitSearch::restart_from_plan() {
  save_best();
  ev_.reset(problem_.unit->repair->plan);
  clear_absent();
  if (dated_places_) clear_closed();
  change_percent_ = options_.first_feasible ? kLeastChangePercent : kFirstChangePercent;
  ev_.set_change_percent(change_percent_);
  hard_weight_ = 30;
  ev_.set_hard_weight(hard_weight_);
  find_started_ = moves_;
  refresh_focus();
  return !options_.check_mode || verify("after a restart from the plan in force", false);
}

bool UnitSearch::settle_from_best() {
  save_best();
  ev_.reset(best_roster_);
  start_settling(progress_);
  return !options_.check_mode || verify("after settling from the best plan", false);
}

void UnitSearch::adapt_weights() {
  refresh_focus();
  const std::int64_t hard = ev_.plain_score().hard;
  const std::int64_t most = repairing_ ? 3000 : 300;
  // A repair first looks near the plan in force, with changes dear,
  // and lets them get cheaper while no plan keeps every hard rule.
  if (repairing_ && hard > 0 && change_percent_ > kLeastChangePercent) {
    change_percent_ = std::max(kLeastChangePercent, change_percent_ * 3 / 4);
    ev_.set_change_percent(change_percent_);
  }
  if (hard > 0 && hard_weight_ < most) hard_weight_ = hard_weight_ * 5 / 4 + 1;
  else if (hard == 0 && hard_weight_ > 30) hard_weight_ = std::max<std::int64_t>(30, hard_weight_ * 9 / 10);
  ev_.set_hard_weight(hard_weight_);
}

bool UnitSearch::try_move() {
  const Score delta = ev_.apply(changes_.data(), static_cast<int>(changes_.size()));
  const double d = static_cast<double>(delta.hard + delta.soft);
  // A move across the rotation re-plans whole place-days, which costs wishes
  // (spreads) the walk wins back later: it is taken whenever it lowers the
  // hard units.
  if (d <= 0 || (across_rotation_ && delta.hard < 0) || rng_.unit() < std::exp(-d / temp_)) {
    // Leaving the best roster: keep a copy of it first. (While a repair
    // looks for a plan, changes are priced down, so the walk's own delta
    // does not tell; the plain score does.)
    if (best_pending_ && (delta.hard > 0 || (delta.hard == 0 && delta.soft > 0) ||
                          (repairing_ && !settling_ && best_score_ < ev_.plain_score()))) {
      ev_.undo();
      if (options_.check_mode && !verify("after undoing (to keep the best)")) return false;
      save_best();
      ev_.apply(changes_.data(), static_cast<int>(changes_.size()));
    }
    if (options_.check_mode && !verify("after")) return false;
    if (d < 0 || delta.hard < 0) {
      const Score plain = ev_.plain_score();
      if (!have_best_ || plain < best_score_) consider_best();
    }
  } else {
    ev_.undo();
    if (options_.check_mode && !verify("after undoing")) return false;
  }
  return true;
}

// What an event forces on a repair before any search: nobody stays placed on
// a day they are away (nor, on the day of now, once they are away from now
// to its end: a transfer to nowhere), and no watch or shower of theirs
// overlaps an absence. (Past cells are left alone: they happened.)
void UnitSearch::clear_absent() {
  const UnitLayout& L = ev_.layout();
  changes_.clear();
  for (int p = 0; p < problem_.person_count(); ++p)
    for (int d = 0; d < L.days; ++d) {
      const ShiftCode placed = ev_.roster().at(p, d, UnitLayout::kPlacementLane);
      const bool away = ev_.absent_for(p, d, UnitLayout::kPlacementLane, placed);
      for (int lane = 0; lane < L.lanes; ++lane) {
        const ShiftCode c = ev_.roster().at(p, d, lane);
        if (c < 0) continue;
        const bool clear = (away && !ev_.frozen_cell(p, d, UnitLayout::kPlacementLane, kOff)) ||
                           ev_.absent_for(p, d, lane, c);
        if (clear && !ev_.frozen_cell(p, d, lane, kOff)) changes_.push_back({p, d, lane, kOff});
      }
    }
  if (!changes_.empty()) ev_.apply(changes_.data(), static_cast<int>(changes_.size()));
  changes_.clear();
}

// What a post's closing forces on a repair before any search: nobody stays at
// a place on a day it is closed, nor watches there. Each person there goes,
// for each stint block, to the post open then with the most beds to spare
// (the walk then shares out the watches there); the plan in force may have
// had them there, but the search never puts anyone back.
void UnitSearch::clear_closed() {
  const UnitLayout& L = ev_.layout();
  const int P = std::max(1, problem_.unit->rotation.post_days);
  for (int p = 0; p < problem_.person_count(); ++p) {
    changes_.clear();
    int instead = -1;
    for (int d = 0; d < L.days; ++d) {
      for (int s = 0; s < L.watch_slots; ++s)
        if (const int w = ev_.watch_place(p, d, s);
            w >= 0 && !problem_.places[w].open_on(d) && !ev_.frozen_cell(p, d, L.watch_lane(s), kOff))
          changes_.push_back({p, d, L.watch_lane(s), kOff});
      const int pl = ev_.place_at(p, d);
      if (pl < 0 || problem_.places[pl].open_on(d)) continue;
      if (instead < 0 || d % P == 0 || !problem_.places[instead].open_on(d)) instead = roomiest_post(d);
      if (instead < 0) continue;
      const ShiftCode stay = L.stay_shift[static_cast<std::size_t>(instead)];
      if (!ev_.frozen_cell(p, d, UnitLayout::kPlacementLane, stay)) changes_.push_back({p, d, UnitLayout::kPlacementLane, stay});
    }
    if (!changes_.empty()) ev_.apply(changes_.data(), static_cast<int>(changes_.size()));
  }
  changes_.clear();
}

// The post open on `day` with the most beds to spare (no limit counts as
// the most), the first of them.
int UnitSearch::roomiest_post(int day) const {
  int best = -1, most = 0;
  for (int pl = 0; pl < ev_.layout().places; ++pl) {
    const Place& place = problem_.places[pl];
    if (place.kind != PlaceKind::kPost || !place.open_on(day)) continue;
    const int spare = place.beds_on(day) <= 0 ? INT_MAX
                                              : place.beds_on(day) - static_cast<int>(ev_.people_at(pl, day).size());
    if (best < 0 || spare > most) best = pl, most = spare;
  }
  return best;
}

// Settling a repair: the cells that differ from the plan in force (and are
// not in the past), so restore moves can pick one at random.
void UnitSearch::refresh_changed() {
  changed_.clear();
  const UnitLayout& L = ev_.layout();
  const Roster& plan = problem_.unit->repair->plan;
  const Roster& now = ev_.roster();
  for (int p = 0; p < problem_.person_count(); ++p)
    for (int d = 0; d < L.days; ++d)
      for (int lane = 0; lane < L.lanes; ++lane) {
        const ShiftCode was = plan.at(p, d, lane), is = now.at(p, d, lane);
        if (was != is && !ev_.frozen_cell(p, d, lane, was)) changed_.push_back({p, d, lane, was});
      }
}

void UnitSearch::start_settling(double progress) {
  settling_ = true;
  settle_from_ = progress;
  temp_start_ = 30.0;
  ev_.set_hard_weight(1'000'000);
  ev_.set_change_percent(100);
  refresh_changed();
}


// Where hard rules are broken: watch slots short, over or badly paired, and
// people's days over a daily limit. One pass over the plan; called every few
// ten thousand moves while the plan is infeasible, so large units can aim
// their moves at the few places left to fix.
void UnitSearch::refresh_focus() {
  focus_.clear();
  if (ev_.plain_score().hard == 0) return;
  const UnitLayout& L = ev_.layout();
  for (int pl : watched_places_)
    for (int d = 0; d < L.days; ++d) {
      bool broken = false;
      for (int s = 0; s < L.watch_slots && !broken; ++s) {
        const int n = ev_.watcher_count(pl, d, s);
        if (n != problem_.places[pl].watchers_on(d)) broken = true;
        const int* who = ev_.watchers(pl, d, s);
        for (int i = 0; i < std::min(n, UnitEvaluator::kSlotCap) && !broken; ++i)
          for (int j = i + 1; j < std::min(n, UnitEvaluator::kSlotCap) && !broken; ++j)
            broken = !ev_.may_watch_together(who[i], who[j]);
      }
      // With a post opened or closed within the horizon, people must move
      // between posts: someone left at a place on a day it is closed, or
      // more people than its beds.
      if (dated_places_ && !broken) broken = over_beds(pl, d);
      for (int p : ev_.people_at(pl, d)) {
        if (broken) break;
        broken = !ev_.timeline_kept(p, d);
      }
      if (!broken && problem_.places[pl].kind == PlaceKind::kPost) broken = ev_.team_short(pl, d);
      if (broken) focus_.emplace_back(pl, d);
    }
}

// Records a new best score. The roster itself is copied only when the walk
// is about to leave it (save_best), since bests come thousands of times a
// second early on and a battalion's roster is over a megabyte.
void UnitSearch::consider_best() {
  const Score plain = ev_.plain_score();
  if (have_best_ && !(plain < best_score_)) return;
  have_best_ = true;
  best_score_ = plain;
  best_pending_ = true;
  time_to_best_ = control_.elapsed();
  if (plain.feasible() && !feasible_) {
    feasible_ = true;
    time_to_feasible_ = time_to_best_;
    moves_to_feasible_ = moves_;
  }
  // Progress reports: the start, the first plan keeping every hard rule, and
  // otherwise at most twice a second.
  const bool first_feasible = plain.hard == 0 && reported_hard_ != 0;
  if (on_best_ && (reported_at_ < 0 || first_feasible || time_to_best_ - reported_at_ >= 0.5)) {
    reported_hard_ = plain.hard;
    reported_at_ = time_to_best_;
    on_best_(Progress{plain, time_to_best_, moves_, thread_});
  }
}

void UnitSearch::save_best() {
  if (!best_pending_) return;
  best_roster_ = ev_.roster();
  best_pending_ = false;
}

bool UnitSearch::verify(const char* when, bool names_move) {
  const std::string gap = unit_disagreement(ev_);
  if (gap.empty()) return true;
  const std::string what = names_move ? fmt::format("{} a {} move", when, move_kind_) : std::string(when);
  check_failure_ = fmt::format("check mode: {} (move {}): {}", what, moves_, gap);
  reason_ = StopReason::kInterrupted;
  control_.stop = true;
  return false;
}

}  // namespace unit_search_detail

SolveResult solve_unit(const Problem& problem, const SolveOptions& options,
                       const std::function<void(const Progress&)>& on_progress) {
  using unit_search_detail::UnitSearch;
  SearchControl control;
  control.start = std::chrono::steady_clock::now();
  control.time_limit = options.time_limit_seconds;
  control.cancel = options.cancel;
  BestReporter on_best(on_progress);
  const int threads = std::max(1, options.threads);
  std::vector<std::unique_ptr<UnitSearch>> workers;
  for (int t = 0; t < threads; ++t)
    workers.push_back(std::make_unique<UnitSearch>(problem, options, worker_seed(options.seed, t), t, control,
                                                   std::ref(on_best)));
  run_workers(workers);
  SolveResult result;
  result.seconds = control.elapsed();
  const UnitSearch* winner = nullptr;
  for (const auto& w : workers) {
    result.moves += w->moves();
    if (!w->check_failure().empty() && result.check_failure.empty()) result.check_failure = w->check_failure();
    if (!winner || w->best_score() < winner->best_score()) winner = w.get();
  }
  result.reason = winner->reason();
  result.found_feasible = winner->found_feasible();
  result.roster = winner->best();
  result.score = winner->best_score();
  result.time_to_best = winner->time_to_best();
  result.time_to_feasible = winner->time_to_feasible();
  result.moves_to_feasible = winner->moves_to_feasible();
  return result;
}

}  // namespace vigil
