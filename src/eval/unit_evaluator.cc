// Derived state, the recount and the apply/undo cycle of UnitEvaluator
// (the scope costs themselves are in unit_scope_costs.cc).
#include "eval/unit_evaluator.h"

#include <algorithm>
#include <bit>

#include "eval/rules/place_dates.h"
#include "eval/rules/unit_team_continuity.h"

namespace vigil {

namespace {
constexpr int idx(RuleKind k) { return static_cast<int>(k); }

// round(total * share / all), half up, in integers.
int share_of(std::int64_t total, std::int64_t share, std::int64_t all) {
  if (all <= 0) return 0;
  return static_cast<int>((2 * total * share + all) / (2 * all));
}
}  // namespace

UnitEvaluator::UnitEvaluator(const Problem& problem, Roster roster)
    : problem_(problem), L_(make_unit_layout(problem)), roster_(std::move(roster)) {
  people_ = problem.person_count();
  days_ = problem.days();
  W_ = L_.watch_slots;
  places_ = L_.places;
  post_days_ = std::max(1, problem.unit->rotation.post_days);
  blocks_ = (days_ + post_days_ - 1) / post_days_;
  const UnitSetup& unit = *problem.unit;
  limits_ = rules::day_limits(unit.parameters, L_.watch_minutes, W_);
  // A plan of another shape cannot be compared cell by cell (the full
  // evaluator skips it the same way).
  if (unit.repair && unit.repair->plan.people() == people_ && unit.repair->plan.days() == days_ &&
      unit.repair->plan.lanes() == L_.lanes)
    repair_ = &*unit.repair;
  if (repair_ && repair_->transfer_day() < days_) {
    transfer_day_ = repair_->transfer_day();
    if (transfer_day_ >= 0)
      for (int p = 0; p < people_; ++p) {
        const ShiftCode was = repair_->plan.at(p, transfer_day_, UnitLayout::kPlacementLane);
        plan_place_.push_back(was < 0 ? -1 : L_.place_of[was]);
        plan_transferred_.push_back(repair_->plan.transfer(p, transfer_day_) ? 1 : 0);
      }
  }

  traits_ = rules::watch_traits(problem);
  present_.assign(static_cast<std::size_t>(people_) * days_, 0);
  absent_mask_.assign(static_cast<std::size_t>(people_) * days_, 0);
  partly_absent_.assign(static_cast<std::size_t>(people_) * days_, 0);
  need_holders_ = rules::NeedHolders(problem);
  team_have_.assign(static_cast<std::size_t>(need_holders_.needs), 0);
  std::vector<int> present_days(people_, 0);
  std::int64_t all_present = 0;
  for (int p = 0; p < people_; ++p) {
    const Person& person = problem.people[p];
    for (int d = 0; d < days_; ++d) {
      const std::size_t i = static_cast<std::size_t>(p) * days_ + d;
      present_[i] = present_on_day(person, d) ? 1 : 0;
      present_days[p] += present_[i];
      partly_absent_[i] = absent_during(person, d * kMinutesPerDay, kMinutesPerDay) ? 1 : 0;
      if (partly_absent_[i])
        for (int s = 0; s < W_; ++s)
          if (absent_during(person, d * kMinutesPerDay + L_.slot_start[s], L_.watch_minutes))
            absent_mask_[i] |= std::uint64_t{1} << s;
    }
    all_present += present_days[p];
  }
  std::int64_t night_demand = 0, watch_demand = 0;
  int night_slots = 0;
  for (int s = 0; s < W_; ++s) night_slots += L_.night_slot[s];
  for (const Place& pl : problem.places) {
    night_demand += rules::watcher_days(pl, days_) * night_slots;
    watch_demand += rules::watcher_days(pl, days_) * W_;
  }
  night_target_.resize(people_);
  watch_target_.resize(people_);
  for (int p = 0; p < people_; ++p) {
    night_target_[p] = share_of(night_demand, present_days[p], all_present);
    watch_target_[p] = share_of(watch_demand, present_days[p], all_present);
  }
  requests_of_.assign(people_, {});
  partner_of_.assign(people_, {});
  for (std::size_t r = 0; r < unit.requests.size(); ++r) {
    const PersonalRequest& req = unit.requests[r];
    requests_of_[req.person.index()].push_back(static_cast<int>(r));
    if (req.kind == PersonalRequest::Kind::kPartner) partner_of_[req.partner.index()].push_back(req.person.value);
  }
  for (auto& v : partner_of_) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }

  stamp_pd_.assign(static_cast<std::size_t>(people_) * days_, 0);
  stamp_run_.assign(static_cast<std::size_t>(people_) * days_, 0);
  stamp_sl_.assign(static_cast<std::size_t>(places_) * days_ * W_, 0);
  stamp_place_day_.assign(static_cast<std::size_t>(places_) * days_, 0);
  stamp_team_.assign(static_cast<std::size_t>(places_) * blocks_, 0);
  stamp_line_.assign(people_, 0);
  stamp_spread_.assign(people_, 0);
  stamp_shower_.assign(static_cast<std::size_t>(places_) * days_ * std::max(1, L_.shower_slots), 0);
  member_stamp_.assign(people_, 0);
  continuity_on_ = problem.rule(RuleKind::kTeamContinuity).enabled;
  travel_on_ = problem.rule(RuleKind::kTravel).enabled;
  continuity_reach_ = rules::continuity_reach(problem.unit->rotation);
  team_going_.assign(static_cast<std::size_t>(places_), 0);
  team_members_.reserve(static_cast<std::size_t>(people_));  // no allocation per move
  line_place_.assign(days_, -1);
  line_kind_.assign(days_, 0);
  for (const Place& pl : problem.places) {
    place_kind_.push_back(pl.kind == PlaceKind::kPost ? 1 : pl.kind == PlaceKind::kRestCenter ? 2 : 0);
    if (!pl.open_throughout(days_)) dated_places_ = true;
  }
  build_derived();
}

void UnitEvaluator::build_derived() {
  at_place_.assign(static_cast<std::size_t>(places_) * days_, {});
  at_place_pos_.assign(static_cast<std::size_t>(people_) * days_, -1);
  slot_count_.assign(static_cast<std::size_t>(places_) * days_ * W_, 0);
  slot_people_.assign(slot_count_.size() * kSlotCap, -1);
  watch_mask_.assign(static_cast<std::size_t>(people_) * days_, 0);
  watch_total_.assign(people_, 0);
  night_total_.assign(people_, 0);
  shower_count_.assign(static_cast<std::size_t>(places_) * days_ * std::max(1, L_.shower_slots), 0);
  const Roster filled = roster_;
  roster_ = Roster(people_, days_, L_.lanes);
  for (int p = 0; p < people_; ++p)
    for (int d = 0; d < days_; ++d)
      for (int lane = 0; lane < L_.lanes; ++lane)
        if (const ShiftCode v = filled.at(p, d, lane); v != kOff) set_cell(p, d, lane, v);
  // The roster's own transfers never change in a search; keep them at hand.
  transfer_minute_.assign(static_cast<std::size_t>(people_) * days_, -1);
  transfer_earlier_.assign(static_cast<std::size_t>(people_) * days_, -1);
  for (const Transfer& t : filled.transfers()) {
    if (t.person >= people_ || t.day >= days_) continue;
    roster_.set_transfer(t);
    const std::size_t i = static_cast<std::size_t>(t.person) * days_ + t.day;
    transfer_minute_[i] = t.minute;
    transfer_earlier_[i] = t.earlier < 0 ? -1 : L_.place_of[t.earlier];
  }
  totals_ = recount();
  score_ = to_score(totals_);
}

void UnitEvaluator::reset(const Roster& roster) {
  roster_ = roster;
  build_derived();
}

void UnitEvaluator::set_hard_weight(std::int64_t w) {
  hard_weight_ = w;
  score_ = to_score(totals_);
}

void UnitEvaluator::set_change_percent(int percent) {
  change_percent_ = percent;
  score_ = to_score(totals_);
}

Score UnitEvaluator::to_score(const RuleAmounts& a, std::int64_t hard_weight, int change_percent) const {
  Score s;
  for (int k = 0; k < kRuleCount; ++k) {
    const RuleSetting& r = problem_.rules[k];
    if (!r.enabled || a[k] == 0) continue;
    if (r.hard)
      s.hard += a[k] * hard_weight;
    else if (k == idx(RuleKind::kChanges))  // kept in change units here, so the search can price them down
      s.soft += a[k] * r.weight * change_percent / 100;
    else if (rule_info(static_cast<RuleKind>(k)).prices_itself)
      s.soft += a[k];
    else
      s.soft += a[k] * r.weight;
  }
  return s;
}

Score UnitEvaluator::plain_score() const { return to_score(totals_, 1, 100); }

// ---- derived state -------------------------------------------------------

void UnitEvaluator::set_cell(int p, int d, int lane, ShiftCode v) {
  const ShiftCode old = roster_.at(p, d, lane);
  if (old == v) return;
  const std::size_t pdi = static_cast<std::size_t>(p) * days_ + d;
  if (lane == UnitLayout::kPlacementLane) {
    if (old >= 0) {
      auto& list = at_place_[pd(L_.place_of[old], d)];
      const int pos = at_place_pos_[pdi];
      const int moved = list.back();
      list[pos] = moved;
      at_place_pos_[static_cast<std::size_t>(moved) * days_ + d] = pos;
      list.pop_back();
      at_place_pos_[pdi] = -1;
    }
    if (v >= 0) {
      auto& list = at_place_[pd(L_.place_of[v], d)];
      at_place_pos_[pdi] = static_cast<int>(list.size());
      list.push_back(p);
    }
  } else if (lane < L_.shower_lane) {
    const int s = lane - UnitLayout::kFirstWatchLane;
    const int night = L_.night_slot[s];
    if (old >= 0) {
      const std::size_t i = sl(L_.place_of[old], d, s);
      int* who = &slot_people_[i * kSlotCap];
      const int n = slot_count_[i];
      for (int k = 0; k < std::min(n, kSlotCap); ++k)
        if (who[k] == p) {
          who[k] = who[std::min(n, kSlotCap) - 1];
          who[std::min(n, kSlotCap) - 1] = -1;
          break;
        }
      --slot_count_[i];
      // Back within what the slot holds: someone past the cap may be missing.
      if (n > kSlotCap) {
        roster_.set(p, d, v, lane);
        refill_slot(L_.place_of[old], d, s);
      }
      watch_mask_[pdi] &= ~(std::uint64_t{1} << s);
      --watch_total_[p];
      night_total_[p] -= night;
    }
    if (v >= 0) {
      const std::size_t i = sl(L_.place_of[v], d, s);
      if (slot_count_[i] < kSlotCap) slot_people_[i * kSlotCap + slot_count_[i]] = p;
      ++slot_count_[i];
      watch_mask_[pdi] |= std::uint64_t{1} << s;
      ++watch_total_[p];
      night_total_[p] += night;
    }
  } else {
    if (old >= 0) --shower_count_[pd(L_.place_of[old], d) * L_.shower_slots + L_.slot_of[old]];
    if (v >= 0) ++shower_count_[pd(L_.place_of[v], d) * L_.shower_slots + L_.slot_of[v]];
  }
  roster_.set(p, d, v, lane);
}

void UnitEvaluator::refill_slot(int place, int d, int s) {
  const std::size_t i = sl(place, d, s);
  int* who = &slot_people_[i * kSlotCap];
  const ShiftCode code = L_.watch_shift[static_cast<std::size_t>(place) * W_ + s];
  int k = 0;
  for (int p = 0; p < people_ && k < kSlotCap; ++p)
    if (roster_.at(p, d, L_.watch_lane(s)) == code) who[k++] = p;
  for (int j = k; j < kSlotCap; ++j) who[j] = -1;
}

// ---- transfers -------------------------------------------------------------

DayTransfer UnitEvaluator::day_transfer(int p, int d) const {
  const std::size_t i = static_cast<std::size_t>(p) * days_ + d;
  if (transfer_minute_[i] >= 0) return {transfer_minute_[i], transfer_earlier_[i]};
  if (d == transfer_day_ && !plan_transferred_[p] && place_at(p, d) != plan_place_[p])
    return {repair_->now_minute, plan_place_[p]};
  return {};
}

bool UnitEvaluator::absent_for(int p, int d, int lane, ShiftCode v) const {
  if (v < 0) return false;
  const std::size_t pdi = static_cast<std::size_t>(p) * days_ + d;
  if (lane == UnitLayout::kPlacementLane) {
    if (!present_[pdi]) return true;
    if (d != transfer_day_ || !partly_absent_[pdi]) return false;
    const Person& person = problem_.people[p];
    return !available_at(person, repair_->now_minute) && !available_at(person, (d + 1) * kMinutesPerDay - 1);
  }
  if (lane < L_.shower_lane) return (absent_mask_[pdi] >> (lane - UnitLayout::kFirstWatchLane)) & 1;
  return partly_absent_[pdi] &&
         absent_during(problem_.people[p], d * kMinutesPerDay + L_.shower_start[L_.slot_of[v]], L_.shower_minutes);
}

std::uint64_t UnitEvaluator::history_slots(int d) const {
  if (!repair_) return 0;
  const int into = repair_->now_minute - d * kMinutesPerDay;  // minutes of day d before now
  if (into <= 0) return 0;
  std::uint64_t m = 0;
  for (int s = 0; s < W_ && L_.slot_start[s] < into; ++s) m |= std::uint64_t{1} << s;
  return m;
}

bool UnitEvaluator::line_transferred(int p, int d) const {
  if (d < 0 || d >= days_) return false;
  if (transfer_minute_[static_cast<std::size_t>(p) * days_ + d] >= 0) return true;
  return d == transfer_day_ && !plan_transferred_[p] && line_place_[d] != plan_place_[p];
}

RuleAmounts UnitEvaluator::recount() const {
  RuleAmounts a{};
  for (int p = 0; p < people_; ++p) {
    for (int d = 0; d < days_; ++d) {
      person_day_cost(p, d, a);
      timeline_cost(p, d, a);
    }
    line_cost(p, a);
    spread_cost(p, a);
  }
  for (int pl = 0; pl < places_; ++pl) {
    const Place& place = problem_.places[pl];
    for (int d = 0; d < days_; ++d) {
      beds_cost(pl, d, a);
      if (place.watchers > 0)
        for (int s = 0; s < W_; ++s) slot_cost(pl, d, s, a);
      if (place.showers > 0)
        for (int k = 0; k < L_.shower_slots; ++k) shower_slot_cost(pl, d, k, a);
    }
    if (place.kind == PlaceKind::kPost)
      for (int b = 0; b < blocks_; ++b) team_cost(pl, b, a);
  }
  return a;
}

// ---- moves -----------------------------------------------------------------

void UnitEvaluator::collect_scopes(const CellChange* changes, int n) {
  ++stamp_;
  scopes_.person_days.clear();
  scopes_.run_days.clear();
  scopes_.slots.clear();
  scopes_.place_days.clear();
  scopes_.teams.clear();
  scopes_.lines.clear();
  scopes_.spreads.clear();
  scopes_.shower_slots.clear();
  auto add_pd = [&](int p, int d) {
    auto& st = stamp_pd_[static_cast<std::size_t>(p) * days_ + d];
    if (st != stamp_) st = stamp_, scopes_.person_days.emplace_back(p, d);
  };
  // The timeline rules of a person's day e (timeline_cost).
  auto add_timeline = [&](int p, int e) {
    if (e < 0 || e >= days_) return;
    auto& st = stamp_run_[static_cast<std::size_t>(p) * days_ + e];
    if (st != stamp_) st = stamp_, scopes_.run_days.emplace_back(p, e);
  };
  // A watch changed on day d alters the runs starting on d, d+1 (whether its
  // first run goes on from d), d-1 and, back through days on watch
  // throughout, the day a run into d started on; the 24 hours starting on d
  // and d-1; the travel into d and d+1.
  auto add_runs = [&](int p, int d) {
    add_timeline(p, d + 1);
    add_timeline(p, d);
    const std::uint64_t all = rules::all_slots(W_);
    for (int e = d - 1; e >= 0; --e) {
      add_timeline(p, e);
      if ((watch_mask_[static_cast<std::size_t>(p) * days_ + e] & all) != all) break;
    }
  };
  auto add_line = [&](int p) {
    if (stamp_line_[p] != stamp_) stamp_line_[p] = stamp_, scopes_.lines.push_back(p);
  };
  auto add_spread = [&](int p) {
    if (stamp_spread_[p] != stamp_) stamp_spread_[p] = stamp_, scopes_.spreads.push_back(p);
  };
  auto add_place = [&](int pl, int d) {
    auto& st = stamp_place_day_[pd(pl, d)];
    if (st != stamp_) st = stamp_, scopes_.place_days.emplace_back(pl, d);
    if (problem_.places[pl].kind == PlaceKind::kPost) {
      const int b = d / post_days_;
      auto& tst = stamp_team_[static_cast<std::size_t>(pl) * blocks_ + b];
      if (tst != stamp_) tst = stamp_, scopes_.teams.emplace_back(pl, b);
    }
  };
  auto add_slot = [&](int pl, int d, int s) {
    auto& st = stamp_sl_[sl(pl, d, s)];
    if (st != stamp_) st = stamp_, scopes_.slots.push_back({pl, d, s});
  };
  auto add_shower = [&](int pl, int d, int k) {
    auto& st = stamp_shower_[pd(pl, d) * L_.shower_slots + k];
    if (st != stamp_) st = stamp_, scopes_.shower_slots.push_back({pl, d, k});
  };
  for (int i = 0; i < n; ++i) {
    const CellChange& c = changes[i];
    const ShiftCode old = roster_.at(c.person, c.day, c.lane);
    add_pd(c.person, c.day);
    if (c.lane == UnitLayout::kPlacementLane) {
      add_line(c.person);
      add_timeline(c.person, c.day);  // daily-rest counts where the person is placed
      // Team continuity: the teams whose blocks end within reach before this
      // day count where this person goes on next (rules/unit_team_continuity.h).
      if (continuity_on_)
        for (int d = std::max(0, c.day - continuity_reach_) / post_days_ * post_days_; d < c.day; ++d)
          if (const int pl = place_at(c.person, d); pl >= 0 && place_kind_[pl] == 1 &&
                                                    std::min(days_, (d / post_days_ + 1) * post_days_) - 1 < c.day)
            add_place(pl, d);
      for (int q : partner_of_[c.person]) add_pd(q, c.day);
      if (old >= 0) add_place(L_.place_of[old], c.day);
      if (c.value >= 0) add_place(L_.place_of[c.value], c.day);
    } else if (c.lane < L_.shower_lane) {
      const int s = c.lane - UnitLayout::kFirstWatchLane;
      add_spread(c.person);
      add_runs(c.person, c.day);
      if (old >= 0) add_slot(L_.place_of[old], c.day, s);
      if (c.value >= 0) add_slot(L_.place_of[c.value], c.day, s);
    } else {
      add_line(c.person);
      if (travel_on_) add_timeline(c.person, c.day), add_timeline(c.person, c.day + 1);
      if (old >= 0) add_shower(L_.place_of[old], c.day, L_.slot_of[old]);
      if (c.value >= 0) add_shower(L_.place_of[c.value], c.day, L_.slot_of[c.value]);
    }
  }
}

void UnitEvaluator::scopes_cost(RuleAmounts& out) const {
  for (const auto& [p, d] : scopes_.person_days) person_day_cost(p, d, out);
  for (const auto& [p, d] : scopes_.run_days) timeline_cost(p, d, out);
  for (const auto& s : scopes_.slots) slot_cost(s[0], s[1], s[2], out);
  for (const auto& [pl, d] : scopes_.place_days) beds_cost(pl, d, out);
  for (const auto& [pl, b] : scopes_.teams) team_cost(pl, b, out);
  if (lines_priced_)
    for (int p : scopes_.lines) line_cost(p, out);
  for (int p : scopes_.spreads) spread_cost(p, out);
  for (const auto& s : scopes_.shower_slots) shower_slot_cost(s[0], s[1], s[2], out);
}

Score UnitEvaluator::apply(const CellChange* changes, int n) {
  collect_scopes(changes, n);
  RuleAmounts before{}, after{};
  scopes_cost(before);
  undo_.clear();
  for (int i = 0; i < n; ++i) {
    const CellChange& c = changes[i];
    undo_.push_back(CellChange{c.person, c.day, c.lane, roster_.at(c.person, c.day, c.lane)});
    set_cell(c.person, c.day, c.lane, c.value);
  }
  scopes_cost(after);
  for (int k = 0; k < kRuleCount; ++k) {
    last_delta_[k] = after[k] - before[k];
    totals_[k] += last_delta_[k];
  }
  const Score old = score_;
  score_ = to_score(totals_);
  return Score{score_.hard - old.hard, score_.soft - old.soft};
}

void UnitEvaluator::undo() {
  for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) set_cell(it->person, it->day, it->lane, it->value);
  undo_.clear();
  for (int k = 0; k < kRuleCount; ++k) totals_[k] -= last_delta_[k];
  last_delta_ = {};
  score_ = to_score(totals_);
}

}  // namespace vigil
