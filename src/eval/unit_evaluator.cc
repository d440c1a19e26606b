// Scope costs, derived state and the apply/undo cycle of UnitEvaluator.
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
  stamp_sl_.assign(static_cast<std::size_t>(places_) * days_ * W_, 0);
  stamp_place_day_.assign(static_cast<std::size_t>(places_) * days_, 0);
  stamp_team_.assign(static_cast<std::size_t>(places_) * blocks_, 0);
  stamp_line_.assign(people_, 0);
  stamp_spread_.assign(people_, 0);
  stamp_shower_.assign(static_cast<std::size_t>(places_) * days_ * std::max(1, L_.shower_slots), 0);
  member_stamp_.assign(people_, 0);
  continuity_on_ = problem.rule(RuleKind::kTeamContinuity).enabled;
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

// ---- scope costs -----------------------------------------------------------

void UnitEvaluator::person_day_cost(int p, int d, RuleAmounts& out) const {
  const UnitSetup& unit = *problem_.unit;
  const std::size_t pdi = static_cast<std::size_t>(p) * days_ + d;
  const int here = place_at(p, d);
  const std::uint64_t mask = watch_mask_[pdi];

  // Before a transfer that day, the person was at its earlier place.
  const DayTransfer moved = day_transfer(p, d);
  const int split = moved.any() ? moved.minute - d * kMinutesPerDay : 0;
  for (std::uint64_t m = mask; m; m &= m - 1) {
    const int s = std::countr_zero(m);
    if (watch_place(p, d, s) != (L_.slot_start[s] < split ? moved.earlier_place : here))
      ++out[idx(RuleKind::kOnePlace)];
  }
  const ShiftCode shower = roster_.at(p, d, L_.shower_lane);
  if (shower >= 0 &&
      L_.place_of[shower] != (L_.shower_start[L_.slot_of[shower]] < split ? moved.earlier_place : here))
    ++out[idx(RuleKind::kOnePlace)];

  if (here >= 0 && rules::rest_too_short(rules::longest_free_run(mask, W_), limits_)) ++out[idx(RuleKind::kDailyRest)];
  out[idx(RuleKind::kDailyWatchHours)] += rules::watches_over(std::popcount(mask), limits_);
  out[idx(RuleKind::kWatchesInRow)] += rules::runs_over(mask, limits_);
  if (here >= 0 && !present_[pdi]) ++out[idx(RuleKind::kUnavailable)];
  // (In a repair, a watch or shower begun before now is history: rules/unit_unavailable.h.)
  out[idx(RuleKind::kUnavailable)] += std::popcount(mask & absent_mask_[pdi] & ~history_slots(d));
  if (shower >= 0) {
    const int start = L_.shower_start[L_.slot_of[shower]];
    if (partly_absent_[pdi] && !(repair_ && d * kMinutesPerDay + start < repair_->now_minute) &&
        absent_during(problem_.people[p], d * kMinutesPerDay + start, L_.shower_minutes))
      ++out[idx(RuleKind::kUnavailable)];
    for (std::uint64_t m = mask; m; m &= m - 1) {
      const int s = std::countr_zero(m);
      if (L_.slot_start[s] < start + L_.shower_minutes && start < L_.slot_start[s] + L_.watch_minutes) {
        ++out[idx(RuleKind::kShowers)];
        break;
      }
    }
  }
  if (repair_) {
    const ShiftCode* now = &roster_.cells()[pdi * L_.lanes];
    const ShiftCode* was = &repair_->plan.cells()[pdi * L_.lanes];
    for (int lane = 0; lane < L_.lanes; ++lane) {
      if (now[lane] == was[lane]) continue;
      const int start = change_minute(L_, *repair_, p, d, lane, was[lane], now[lane]);
      if (start < repair_->now_minute)
        ++out[idx(RuleKind::kFrozenPast)];
      else
        out[idx(RuleKind::kChanges)] += start < repair_->now_minute + repair_->soon_minutes
                                            ? repair_->soon_change_weight
                                            : repair_->change_weight;
    }
  }
  for (int r : requests_of_[p]) {
    const PersonalRequest& req = unit.requests[r];
    switch (req.kind) {
      case PersonalRequest::Kind::kDayOff:
        if (req.day == d && ((here >= 0 && problem_.places[here].kind == PlaceKind::kPost) || mask != 0))
          out[idx(RuleKind::kPersonalRequests)] += req.weight;
        break;
      case PersonalRequest::Kind::kPost:
        if (d >= req.first_day && d <= req.last_day && here >= 0 && problem_.places[here].kind == PlaceKind::kPost &&
            here != req.place.value && (!req.place.valid() || problem_.places[req.place.index()].open_on(d)))
          out[idx(RuleKind::kPersonalRequests)] += req.weight;
        break;
      case PersonalRequest::Kind::kPartner: {
        const int there = place_at(req.partner.value, d);
        if (here >= 0 && there >= 0 && here != there) out[idx(RuleKind::kPersonalRequests)] += req.weight;
        break;
      }
    }
  }
}

void UnitEvaluator::slot_cost(int place, int d, int s, RuleAmounts& out) const {
  const std::size_t i = sl(place, d, s);
  const int n = slot_count_[i];
  const int need = problem_.places[place].watchers_on(d);
  out[idx(RuleKind::kWatchCover)] += n > need ? n - need : need - n;
  const int* who = &slot_people_[i * kSlotCap];
  int k = n;
  if (n > kSlotCap) {
    // More watchers than the slot holds (only from a hand-made or broken
    // plan): find them all.
    overflow_.clear();
    const ShiftCode code = L_.watch_shift[static_cast<std::size_t>(place) * W_ + s];
    for (int p = 0; p < people_; ++p)
      if (roster_.at(p, d, L_.watch_lane(s)) == code) overflow_.push_back(p);
    who = overflow_.data();
    k = static_cast<int>(overflow_.size());
  }
  for (int a = 0; a < k; ++a)
    for (int b = a + 1; b < k; ++b) {
      const rules::WatchTraits &x = traits_[who[a]], &y = traits_[who[b]];
      if (!rules::share_language(x, y)) ++out[idx(RuleKind::kSharedLanguage)];
      if (rules::novice_pair(x, y)) ++out[idx(RuleKind::kNovicePair)];
      if (!rules::share_native(x, y)) ++out[idx(RuleKind::kNativePairs)];
    }
}

void UnitEvaluator::beds_cost(int place, int d, RuleAmounts& out) const {
  const Place& where = problem_.places[place];
  const int n = static_cast<int>(at_place_[pd(place, d)].size());
  const int cap = where.beds_on(d);
  // (A closed place has no beds: everyone there is beyond them.)
  out[idx(RuleKind::kBeds)] += !where.open_on(d) ? n : cap > 0 && n > cap ? n - cap : 0;
}

void UnitEvaluator::team_cost(int post, int block, RuleAmounts& out) const {
  const auto& needs = problem_.unit->parameters.team_needs;
  if (needs.empty() && !continuity_on_) return;
  // Only the days of the block on which the post is open have a team.
  const int last = std::min(days_, (block + 1) * post_days_) - 1;
  const rules::OpenDays open = rules::open_days(problem_.places[post], block * post_days_, last);
  if (!open.any()) return;
  const std::uint32_t round = ++member_round_;
  team_members_.clear();
  for (int d = open.first; d <= open.last; ++d)
    for (int p : at_place_[pd(post, d)])
      if (member_stamp_[p] != round) member_stamp_[p] = round, team_members_.push_back(p);
  if (!needs.empty()) {
    const int N = need_holders_.needs;
    int* have = team_have_.data();
    std::fill_n(have, N, 0);
    for (int p : team_members_) {
      const std::uint8_t* has = need_holders_.row(p);
      for (int i = 0; i < N; ++i) have[i] += has[i];
    }
    for (int i = 0; i < N; ++i) out[idx(RuleKind::kTeam)] += rules::members_missing(needs[i], have[i]);
  }
  if (continuity_on_) {
    auto post_at = [this](int p, int d) {
      const int pl = place_at(p, d);
      return pl >= 0 && place_kind_[pl] == 1 ? pl : -1;
    };
    const rules::TeamSplit split =
        rules::team_split(post_at, team_members_.data(), static_cast<int>(team_members_.size()), last,
                          continuity_reach_, days_, team_going_.data());
    out[idx(RuleKind::kTeamContinuity)] += split.units();
  }
}

void UnitEvaluator::line_cost(int p, RuleAmounts& out) const {
  const Rotation& rot = problem_.unit->rotation;
  const int P = post_days_;
  const std::size_t base = static_cast<std::size_t>(p) * days_;
  // One pass for the place and kind (0 nowhere, 1 post, 2 rest) of each day.
  int* place = line_place_.data();
  std::uint8_t* kind = line_kind_.data();
  std::int64_t rotation = 0, showers = 0;
  for (int d = 0; d < days_; ++d) {
    const ShiftCode c = roster_.at(p, d, UnitLayout::kPlacementLane);
    place[d] = c < 0 ? -1 : L_.place_of[c];
    kind[d] = c < 0 ? 0 : place_kind_[place[d]];
  }
  // (After the pass: line_transferred reads this day's place from it.)
  for (int d = 0; d < days_; ++d)
    if (place[d] < 0 && present_[base + d]) {
      // Leaving the unit by a transfer to nowhere is not "placed nowhere".
      const DayTransfer t = line_transferred(p, d) ? day_transfer(p, d) : DayTransfer{};
      if (!t.any() || available_at(problem_.people[p], t.minute)) ++rotation;
    }
  // A transfer, or a post opening or closing under the person, breaks the rhythm that day (rules/unit_rotation.h).
  auto moved_on = [&](int x) {
    return line_transferred(p, x) || (dated_places_ && x > 0 && x < days_ &&
                                      rules::moved_by_place_dates(problem_.places, place[x - 1], place[x], x));
  };
  auto transfer_near = [&](int a, int b) {
    for (int x = a - 1; x <= b + 1; ++x)
      if (moved_on(x)) return true;
    return false;
  };
  const int wanted_showers = problem_.unit->parameters.showers_per_rest_stint;
  int d = 0;
  while (d < days_) {
    const int k = kind[d];
    if (k == 0) {
      ++d;
      continue;
    }
    int e = d;
    while (e + 1 < days_ && kind[e + 1] == k) ++e;
    const int len = e - d + 1;
    for (int x = d + 1; x <= e; ++x) {
      const bool moved = moved_on(x);
      if (place[x] != place[x - 1] && !moved) ++rotation;
      if (k == 1 && x % P == 0 && !moved) ++rotation;
    }
    if (k == 1) {
      if (len < P) {
        bool excused = d == 0 || e == days_ - 1 || transfer_near(d, e);
        for (int x = d - 1; x <= e + 1 && !excused; ++x) excused = !present_[base + x];
        if (!excused) rotation += P - len;
      }
    } else {
      const bool between = d > 0 && kind[d - 1] == 1 && e + 1 < days_ && kind[e + 1] == 1;
      if (between && len < rot.rest_days && !transfer_near(d, e)) rotation += rot.rest_days - len;
      if (len > rot.max_rest_days) rotation += len - rot.max_rest_days;
      int n = 0;
      for (int x = d; x <= e; ++x) n += roster_.at(p, x, L_.shower_lane) >= 0 ? 1 : 0;
      const bool leaving = e + 1 < days_ && (!present_[base + e + 1] || line_transferred(p, e + 1));  // see rules/unit_showers.h
      showers += n > wanted_showers ? n - wanted_showers : leaving ? 0 : wanted_showers - n;
    }
    d = e + 1;
  }
  out[idx(RuleKind::kRotation)] += rotation;
  out[idx(RuleKind::kShowers)] += showers;
}

void UnitEvaluator::spread_cost(int p, RuleAmounts& out) const {
  const std::int64_t dn = night_total_[p] - night_target_[p], dw = watch_total_[p] - watch_target_[p];
  out[idx(RuleKind::kNightSpread)] += dn * dn;
  out[idx(RuleKind::kHoursSpread)] += dw * dw;
}

void UnitEvaluator::shower_slot_cost(int place, int d, int k, RuleAmounts& out) const {
  const int n = shower_count_[pd(place, d) * L_.shower_slots + k];
  const int cap = problem_.places[place].showers;
  if (n > cap) out[idx(RuleKind::kShowers)] += n - cap;
}

RuleAmounts UnitEvaluator::recount() const {
  RuleAmounts a{};
  for (int p = 0; p < people_; ++p) {
    for (int d = 0; d < days_; ++d) person_day_cost(p, d, a);
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
      if (old >= 0) add_slot(L_.place_of[old], c.day, s);
      if (c.value >= 0) add_slot(L_.place_of[c.value], c.day, s);
    } else {
      add_line(c.person);
      if (old >= 0) add_shower(L_.place_of[old], c.day, L_.slot_of[old]);
      if (c.value >= 0) add_shower(L_.place_of[c.value], c.day, L_.slot_of[c.value]);
    }
  }
}

void UnitEvaluator::scopes_cost(RuleAmounts& out) const {
  for (const auto& [p, d] : scopes_.person_days) person_day_cost(p, d, out);
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
