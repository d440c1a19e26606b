// The unit search's insides, shared by its parts and by nothing else: the
// random source, the first plan's construction (solve/unit_construct.cc), and
// the annealing walk, UnitSearch, whose moves live in solve/unit_moves.cc
// (solve/unit_place_moves.cc, solve/unit_team_moves.cc) and
// whose run loop, repair phases and bests live in solve/unit_search.cc.
// solve/unit_search.h is the public face.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "eval/rules/team_needs.h"
#include "eval/unit_evaluator.h"
#include "solve/day_rebuild.h"
#include "solve/solve_options.h"
#include "solve/workers.h"

namespace vigil::unit_search_detail {

// Node budget of each place-day (or stint) a move re-plans whole
// (DayRebuilder): a day re-plan, a stint re-plan, a transfer's, a
// relocation's and the team moves' re-plans.
inline constexpr int kRebuildNodes = 1000;

struct Rng {
  std::mt19937_64 engine;
  explicit Rng(std::uint64_t seed) : engine(seed) {}
  int below(int n) { return n <= 1 ? 0 : static_cast<int>(engine() % static_cast<std::uint64_t>(n)); }
  double unit() { return static_cast<double>(engine() >> 11) * 0x1.0p-53; }
};

// ---- construction (solve/unit_construct.cc) ---------------------------------

// True once the construction must stop where it is (the clock of a --time
// budget is spent); the search then starts from what exists, so --time holds
// for the whole command. Empty: never (a --work budget, tests).
using OutOfTime = std::function<bool()>;

// Everyone on a post or at a rest center every day they are present, by
// rotation groups balanced for team needs, size, languages and novices.
void place_people(const Problem& problem, const UnitLayout& L, Roster& roster, Rng& rng,
                  const OutOfTime& out_of_time = {});
// Fills each watched place's slots greedily from the people there.
void assign_watches(const Problem& problem, UnitEvaluator& ev, Rng& rng, const OutOfTime& out_of_time = {});
// One shower per rest stint, at the best of a few random tries.
void assign_showers(const Problem& problem, UnitEvaluator& ev, Rng& rng, const OutOfTime& out_of_time = {});

// ---- annealing ----------------------------------------------------------------

class UnitSearch {
 public:
  UnitSearch(const Problem& problem, const SolveOptions& options, std::uint64_t seed, int thread, SearchControl& control,
             std::function<void(const Progress&)> on_best)
      : problem_(problem), options_(options), rng_(seed), thread_(thread), control_(control),
        on_best_(std::move(on_best)), ev_(problem, options.start ? *options.start : Roster(problem)),
        need_holders_(problem) {}

  void run();

  bool found_feasible() const { return feasible_; }
  const Roster& best() const { return best_roster_; }
  Score best_score() const { return best_score_; }
  double time_to_best() const { return time_to_best_; }
  double time_to_feasible() const { return time_to_feasible_; }
  std::int64_t moves_to_feasible() const { return moves_to_feasible_; }
  std::int64_t moves() const { return moves_; }
  StopReason reason() const { return reason_; }
  const std::string& check_failure() const { return check_failure_; }

 private:
  // ---- the run (solve/unit_search.cc) ----
  // The first plan (unless the options bring one), the event's forced
  // clearing in a repair, and the first best; false when there is nothing to
  // walk (or check mode already failed).
  bool prepare();
  // The walk's first temperature, weights and aim.
  void start_walk();
  // Every 1024 moves: whether to stop, the temperature, a repair's restarts
  // and phase change, and the weights' adaptation. False to stop.
  bool checkpoint();
  // Why the walk stops now, if it does (and sets reason_).
  bool should_stop();
  bool restart_from_plan();
  bool settle_from_best();
  void adapt_weights();
  // Applies the picked move and keeps or undoes it (Metropolis at temp_);
  // false when check mode found a disagreement.
  bool try_move();

  // ---- moves (solve/unit_moves.cc) ----
  bool pick_move();  // fills changes_; false when no move was found this time
  bool move_reassign_watch();
  bool move_swap_watches();
  bool move_fix_cover();
  bool move_swap_days();
  bool move_shower();
  bool move_relieve();
  bool move_stint_rebuild();
  bool move_restore();
  bool restore_block(int p, int d, ShiftCode want);
  // ---- moves of people between posts within a block (solve/unit_place_moves.cc) ----
  bool move_transfer();
  bool move_relocate();
  // With changes_ applied: places `to` and `from` re-plan from now on `day`,
  // and days day+1..last the same slots each day; the re-plan joins changes_.
  void replan_after_transfer(int to, int from, int day, int last);
  // ---- moves across the rotation (solve/unit_team_moves.cc) ----
  bool move_team_swap();
  bool move_line_swap();
  bool pick_short_team(int& post, int& day, int& need);
  // A team need the post's team misses on that day, at random; -1 when none.
  int missing_need(int post, int day);
  // What a move across the rotation brings to a post on a day: a holder of
  // team need `need`, or (lonely >= 0) a partner `lonely` may watch with.
  struct Gap {
    int post = 0, day = 0, need = -1, lonely = -1;
  };
  bool pick_gap(Gap& gap);
  bool pick_lonely(int& post, int& day, int& lonely);
  bool brings(const Gap& gap, int p) const;
  int pick_without(const Gap& gap);
  void push_exchange(std::vector<CellChange>& out, int a, int b, int first, int last);
  bool pairs_broken(int place, int day) const;
  void rebuild_touched(const std::vector<int>& who, int first, int last, bool all);
  void balance_teams();
  void balance_need(int x, int k, int first, int last);
  bool restore_watch(int p, int d, int lane, ShiftCode want, ShiftCode is);
  // A (watched place, day) to work on: while hard rules are broken, half the
  // time (nine times in ten in a repair) one where something is broken
  // (focus_), else any.
  void pick_spot(int& place, int& day);

  // ---- aim, repair phases and bests (solve/unit_search.cc) ----
  void refresh_focus();
  void clear_absent();
  void clear_closed();
  int roomiest_post(int day) const;
  void refresh_changed();
  void start_settling(double progress);
  void consider_best();
  void save_best();
  // Check mode: the evaluator against a from-scratch evaluate() of its
  // roster; at the first disagreement, records it (`when`, and the kind of
  // the last move picked when `names_move`) and stops the search.
  bool verify(const char* when, bool names_move = true);
  double temperature(double progress) const {
    if (settling_) progress = settle_from_ >= 1 ? 1 : (progress - settle_from_) / (1 - settle_from_);
    return temp_start_ * std::pow(0.05 / temp_start_, std::clamp(progress, 0.0, 1.0));
  }
  bool touches_past() const {
    for (const CellChange& c : changes_)
      if (ev_.frozen_cell(c.person, c.day, c.lane, c.value)) return true;
    return false;
  }
  // A move that would put someone on duty (or place them) while away: never
  // taken while the rule unavailable is hard, so a lost person holds nothing
  // from the moment of the loss and a watch nobody else can take stays
  // visibly short instead.
  bool puts_absent_on_duty() const {
    for (const CellChange& c : changes_)
      if (ev_.absent_for(c.person, c.day, c.lane, c.value)) return true;
    return false;
  }
  // A move that would place someone, or have them on watch, at a place on a
  // day it is closed (a post opened or closed by a repair's events): never
  // taken. Someone left there by the plan in force is moved off it.
  // More people placed at `place` on `day` than it has beds then (none when closed).
  bool over_beds(int place, int day) const {
    const Place& where = problem_.places[place];
    const int n = static_cast<int>(ev_.people_at(place, day).size());
    return where.open_on(day) ? where.beds_on(day) > 0 && n > where.beds_on(day) : n > 0;
  }
  bool puts_at_closed_place() const {
    const UnitLayout& L = ev_.layout();
    for (const CellChange& c : changes_)
      if (c.value >= 0 && c.lane != L.shower_lane && !problem_.places[L.place_of[c.value]].open_on(c.day)) return true;
    return false;
  }

  const Problem& problem_;
  const SolveOptions& options_;
  Rng rng_;
  int thread_;
  SearchControl& control_;
  std::function<void(const Progress&)> on_best_;
  UnitEvaluator ev_;
  std::vector<CellChange> changes_;
  bool across_rotation_ = false;  // the last move picked swaps people across the rotation (unit_team_moves.cc)
  const char* move_kind_ = "";  // the kind of the last move picked, for check mode's report
  std::vector<int> watched_places_;
  double temp_start_ = 3.0;
  std::vector<std::pair<int, int>> focus_;  // (place, day) where a hard rule is broken, refreshed now and then
  // The walk's state between checkpoints.
  bool repairing_ = false;        // the problem is a repair of a plan in force
  bool absences_bind_ = false;    // the rule unavailable is on and hard: moves never break it
  bool dated_places_ = false;     // some post opens or closes, or some place's beds change, within the horizon
  double progress_ = 0;           // share of the budget used, as of the last checkpoint
  double temp_ = 0;               // the temperature until the next checkpoint
  std::int64_t hard_weight_ = 30;  // what a hard unit costs the walk
  std::int64_t since_adapt_ = 0;  // checkpoints since the weights last adapted
  // Repairs run in two phases: finding a plan that keeps every hard rule
  // (changes nearly free, so the walk can reshuffle), then settling (hard
  // rules locked, changes at full price, moves that restore the plan in force).
  bool settling_ = false;
  int change_percent_ = 100;                // share of change costs the walk counts while finding
  double settle_from_ = 0;                  // progress at which settling began
  std::int64_t find_started_ = 0;           // move count at which the current search for a plan began
  std::vector<CellChange> changed_;         // cells differing from the plan in force, refreshed now and then
  DayRebuilder day_rebuilder_;              // re-plans a broken place-day (its buffers reused)
  std::vector<CellChange> rebuilt_, rebuild_scratch_;  // move_relocate's re-planned watches
  rules::NeedHolders need_holders_;                    // who brings which team need (move_relocate)
  std::vector<int> relocate_have_;                     // move_relocate: holders per need at the post
  // Moves across the rotation (solve/unit_team_moves.cc): their buffers.
  std::vector<CellChange> team_fix_;                   // balance_teams' exchanges
  std::vector<int> block_have_;                        // balance_teams: holders per (post, need) in a block
  std::vector<int> block_used_, swapped_;              // people exchanged in a block / by the whole move
  std::vector<std::pair<int, int>> touched_;           // place-days re-planned by rebuild_touched

  bool feasible_ = false;
  Roster best_roster_;
  Score best_score_{};
  bool have_best_ = false;
  bool best_pending_ = false;  // the current roster is the best and not yet copied
  std::int64_t reported_hard_ = -1;
  double reported_at_ = -1;
  double time_to_best_ = 0, time_to_feasible_ = -1;
  std::int64_t moves_to_feasible_ = -1;
  std::int64_t moves_ = 0;
  StopReason reason_ = StopReason::kTimeLimit;
  std::string check_failure_;
};

}  // namespace vigil::unit_search_detail
