// The incremental evaluator of a unit problem. Every unit rule is counted over
// small scopes: a person's day, a watch slot of a place, a place's day, a
// post team (post x stint block), a person's whole line, a shower slot. The
// total is the sum over all scopes. A move is a list of cell changes; its
// delta is the cost of the scopes it touches after the change minus before,
// so every rule is priced exactly as the full evaluator counts it
// (docs/unit-rules.md) while a move looks only at what it touches.
//
// Nothing is allocated per move: scope lists and undo buffers are reused.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "eval/evaluation.h"
#include "eval/rules/day_limits.h"
#include "eval/rules/team_needs.h"
#include "eval/rules/travel_duties.h"
#include "eval/rules/watch_partners.h"
#include "model/problem.h"
#include "model/roster.h"
#include "model/unit.h"

namespace vigil {

struct CellChange {
  int person = 0, day = 0, lane = 0;
  ShiftCode value = kOff;
};

using RuleAmounts = std::array<std::int64_t, kRuleCount>;

class UnitEvaluator {
 public:
  UnitEvaluator(const Problem& problem, Roster roster);

  const Problem& problem() const { return problem_; }
  const UnitLayout& layout() const { return L_; }
  const Roster& roster() const { return roster_; }
  Score score() const { return score_; }
  const RuleAmounts& rule_amounts() const { return totals_; }

  // The weight a hard unit carries in score(): 1 by default. Search raises it
  // while the walk is infeasible; deltas and score() use it.
  void set_hard_weight(std::int64_t w);
  std::int64_t hard_weight() const { return hard_weight_; }
  // The share (in percent) of the repair's change costs that score() counts:
  // 100 by default. A repair looking for a plan that keeps every hard rule
  // lowers it so the walk may move freely, then restores it to undo what was
  // not needed.
  void set_change_percent(int percent);
  // Score with hard units counted once and changes in full (for reporting).
  Score plain_score() const;

  // Applies the changes and returns the score change. undo() reverts the
  // last apply (once).
  Score apply(const CellChange* changes, int n);
  void undo();
  // Delta without keeping the change.
  Score try_changes(const CellChange* changes, int n) {
    const Score d = apply(changes, n);
    undo();
    return d;
  }
  // The same without the line rules (rotation, showers per rest stint),
  // which are priced over a person's whole line: for choosing between
  // changes that leave every line's stints and shower counts alike (one
  // shower on any day of the same rest stint), where that part of the delta
  // is the same for all and would cost O(days) per try (issue 15).
  Score try_changes_beside_lines(const CellChange* changes, int n) {
    lines_priced_ = false;
    const Score d = try_changes(changes, n);
    lines_priced_ = true;
    return d;
  }

  void reset(const Roster& roster);

  // Lookups for move generation.
  int place_at(int person, int day) const {
    const ShiftCode s = roster_.at(person, day, UnitLayout::kPlacementLane);
    return s < 0 ? -1 : L_.place_of[s];
  }
  int watch_place(int person, int day, int slot) const {
    const ShiftCode s = roster_.at(person, day, L_.watch_lane(slot));
    return s < 0 ? -1 : L_.place_of[s];
  }
  const std::vector<int>& people_at(int place, int day) const { return at_place_[pd(place, day)]; }
  int watcher_count(int place, int day, int slot) const { return slot_count_[sl(place, day, slot)]; }
  const int* watchers(int place, int day, int slot) const { return &slot_people_[sl(place, day, slot) * kSlotCap]; }
  bool present(int person, int day) const { return present_[static_cast<std::size_t>(person) * days_ + day] != 0; }
  // Bit s set when watch slot s of that day overlaps an absence.
  std::uint64_t absent_slots(int person, int day) const { return absent_mask_[static_cast<std::size_t>(person) * days_ + day]; }
  std::uint64_t watch_mask(int person, int day) const { return watch_mask_[static_cast<std::size_t>(person) * days_ + day]; }
  // The daily limits in watch slots (rules/day_limits.h).
  const rules::DayLimits& day_limits() const { return limits_; }
  // Whether the rules over the person's timeline (watches-in-a-row,
  // daily-rest, daily-watch-hours, travel; those switched on) hold in what
  // is counted on day d and d + 1: the search's check that a day needs no fix.
  bool timeline_kept(int p, int d) const;
  // Whether a watch in slot s of day d at place pl leaves time to travel from
  // and to the person's duties before and after it that day and the days
  // either side (true when travel is off).
  bool travel_fits(int p, int d, int s, int pl) const;
  int watch_total(int person) const { return watch_total_[person]; }
  int night_total(int person) const { return night_total_[person]; }
  int watch_target(int person) const { return watch_target_[person]; }
  int night_target(int person) const { return night_target_[person]; }
  // Whether the two may watch together (rules/watch_partners.h).
  bool may_watch_together(int a, int b) const { return rules::may_watch_together(traits_[a], traits_[b]); }
  bool is_novice(int person) const { return traits_[person].novice; }
  const rules::WatchTraits& watch_traits(int person) const { return traits_[person]; }
  // Whether the team of `post` in the stint block holding `day` misses a need.
  bool team_short(int post, int day) const {
    RuleAmounts a{};
    team_cost(post, day / post_days_, a);
    return a[static_cast<int>(RuleKind::kTeam)] > 0;
  }
  // Repairs: whether a cell starting at this unit minute is in the past.
  bool frozen(int start_minute) const { return repair_ && start_minute < repair_->now_minute; }
  // Repairs: whether changing that cell from its value to `value` touches the
  // past (model/unit.h change_minute: a placement on the transfer day
  // changes as of now).
  bool frozen_cell(int person, int day, int lane, ShiftCode value) const {
    return repair_ && change_minute(L_, *repair_, person, day, lane, roster_.at(person, day, lane), value) <
                          repair_->now_minute;
  }
  // Whether holding `value` (not kOff) in that cell would have the person on
  // duty or placed while away (rule unavailable): a day they are absent at
  // its changeover, a watch or shower overlapping an absence, or, on a
  // repair's transfer day, a placement when they are away from now to the
  // day's end.
  bool absent_for(int person, int day, int lane, ShiftCode value) const;
  // The transfer splitting a person's day, as transfer_on() in model/unit.h.
  DayTransfer day_transfer(int person, int day) const;
  // The repair's transfer day (RepairBase::transfer_day), -1 when none.
  int transfer_day() const { return transfer_day_; }

  // Amounts of every rule from scratch over all scopes (for tests and resets).
  RuleAmounts recount() const;

  // Watchers per (place, day, slot) kept in the flat array; a slot with more
  // (a broken plan) is priced by scanning the roster.
  static constexpr int kSlotCap = 8;

 private:
  std::size_t pd(int place, int day) const { return static_cast<std::size_t>(place) * days_ + day; }
  std::size_t sl(int place, int day, int slot) const {
    return (static_cast<std::size_t>(place) * days_ + day) * W_ + slot;
  }

  // Scope costs, added into `out`.
  void person_day_cost(int p, int d, RuleAmounts& out) const;
  // The rules over a person's timeline counted on day d: watches-in-a-row
  // (runs starting on d), daily-rest and daily-watch-hours (the 24 hours
  // starting on d) and travel (duties starting on d).
  void timeline_cost(int p, int d, RuleAmounts& out) const;
  void slot_cost(int place, int d, int s, RuleAmounts& out) const;
  void beds_cost(int place, int d, RuleAmounts& out) const;
  void team_cost(int post, int block, RuleAmounts& out) const;
  void line_cost(int p, RuleAmounts& out) const;    // rotation and showers per rest stint
  bool line_transferred(int p, int d) const;         // a transfer splits p's day d (false off the horizon)
  std::uint64_t history_slots(int d) const;          // a repair's watch slots of day d that began before now
  void spread_cost(int p, RuleAmounts& out) const;  // night and hours spread
  void shower_slot_cost(int place, int d, int k, RuleAmounts& out) const;

  // Scope collection for a change list (deduplicated with stamps).
  void collect_scopes(const CellChange* changes, int n);
  void scopes_cost(RuleAmounts& out) const;
  void set_cell(int p, int d, int lane, ShiftCode v);  // updates derived state
  void refill_slot(int place, int d, int s);           // rebuild a slot's stored watchers from the roster
  Score to_score(const RuleAmounts& a, std::int64_t hard_weight, int change_percent) const;
  Score to_score(const RuleAmounts& a) const { return to_score(a, hard_weight_, change_percent_); }
  void build_derived();

  const Problem& problem_;
  UnitLayout L_;
  Roster roster_;
  int people_ = 0, days_ = 0, W_ = 0, places_ = 0, blocks_ = 0, post_days_ = 2;
  std::int64_t hard_weight_ = 1;
  int change_percent_ = 100;
  const RepairBase* repair_ = nullptr;  // the plan before a repair, when this is one
  // Transfers: the roster's own, [p * days + d] (minute -1: none), and what a
  // repair's transfer day implies (the plan in force's place that day per
  // person, and whether the plan already transferred them then).
  std::vector<int> transfer_minute_, transfer_earlier_;
  int transfer_day_ = -1;
  std::vector<int> plan_place_;
  std::vector<char> plan_transferred_;
  rules::DayLimits limits_;

  // Person facts.
  std::vector<rules::WatchTraits> traits_;
  std::vector<char> present_;             // [p * days + d]
  std::vector<std::uint64_t> absent_mask_;  // [p * days + d]: watch slots overlapping an absence
  std::vector<char> partly_absent_;       // [p * days + d]: some absence touches the day
  std::vector<int> night_target_, watch_target_;
  std::vector<std::vector<int>> requests_of_;    // person -> request indices (day-off, post, partner by requester)
  std::vector<std::vector<int>> partner_of_;     // person -> requesters naming them as partner
  rules::NeedHolders need_holders_;
  mutable std::vector<int> team_have_;           // scratch for team_cost: holders per need
  mutable std::vector<std::uint32_t> member_stamp_;  // scratch for team_cost's member dedup
  mutable std::uint32_t member_round_ = 0;
  mutable std::vector<int> team_members_;        // scratch for team_cost: the team's members
  mutable std::vector<int> team_going_;          // scratch for team_cost: members going on, per post
  bool lines_priced_ = true;                     // false only inside try_changes_beside_lines
  bool continuity_on_ = false;                   // wish team-continuity is counted
  bool travel_on_ = false;                       // rule travel is counted
  mutable rules::DayDuties duties_before_, duties_day_, duties_after_;  // scratch (no allocation per move)
  int continuity_reach_ = 3;                     // days after a block to look for the next post stint
  mutable std::vector<int> overflow_;            // scratch: watchers of a slot past kSlotCap
  mutable std::vector<int> line_place_;          // scratch for line_cost, one per day
  mutable std::vector<std::uint8_t> line_kind_;  // 0 nowhere, 1 post, 2 rest center
  std::vector<std::uint8_t> place_kind_;         // [place]: 1 post, 2 rest center, 0 other
  bool dated_places_ = false;                    // some place opens or closes within the horizon

  // Derived state.
  std::vector<std::vector<int>> at_place_;  // [place * days + d]: people placed there
  std::vector<int> at_place_pos_;            // [p * days + d]: index in its at_place_ list
  std::vector<int> slot_count_;              // [sl]
  std::vector<int> slot_people_;             // [sl * kSlotCap + i]
  std::vector<std::uint64_t> watch_mask_;    // [p * days + d]
  std::vector<int> watch_total_, night_total_;
  std::vector<int> shower_count_;            // [(place * days + d) * shower_slots + k]

  RuleAmounts totals_{};
  Score score_;

  // Scope lists and stamps.
  struct Scopes {
    std::vector<std::pair<int, int>> person_days;
    std::vector<std::pair<int, int>> run_days;  // (person, day): timeline_cost
    std::vector<std::array<int, 3>> slots;
    std::vector<std::pair<int, int>> place_days;
    std::vector<std::pair<int, int>> teams;
    std::vector<int> lines;
    std::vector<int> spreads;
    std::vector<std::array<int, 3>> shower_slots;
  } scopes_;
  std::vector<std::uint32_t> stamp_pd_, stamp_run_, stamp_sl_, stamp_place_day_, stamp_team_, stamp_line_, stamp_spread_, stamp_shower_;
  std::uint32_t stamp_ = 0;
  std::vector<CellChange> undo_;
  RuleAmounts last_delta_{};
};

}  // namespace vigil
