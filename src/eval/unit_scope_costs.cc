// The scope costs of UnitEvaluator: what each rule costs on one scope (a
// person's day, a watch slot, a place's day, a post team, a person's line,
// a person's spread, a shower slot), added into a RuleAmounts. A move is
// priced as these costs over the scopes it touches, after minus before
// (unit_evaluator.cc).
#include <algorithm>
#include <bit>

#include "eval/rules/place_dates.h"
#include "eval/rules/unit_team_continuity.h"
#include "eval/unit_evaluator.h"

namespace vigil {

namespace {
constexpr int idx(RuleKind k) { return static_cast<int>(k); }
}  // namespace

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

// watches-in-a-row counts runs across the changeover, each on the day it
// starts (rules/day_limits.h runs_over_from); daily-rest and
// daily-watch-hours the 24 hours starting on d; travel the duties starting
// on d after the one before (rules/unit_travel.h).
void UnitEvaluator::timeline_cost(int p, int d, RuleAmounts& out) const {
  const std::uint64_t* masks = &watch_mask_[static_cast<std::size_t>(p) * days_];
  out[idx(RuleKind::kWatchesInRow)] += rules::runs_over_from(d, days_, [&](int e) { return masks[e]; }, limits_);
  const std::uint64_t next = d + 1 < days_ ? masks[d + 1] : 0;
  if (place_at(p, d) >= 0 && rules::window_rest_too_short(masks[d], next, limits_)) ++out[idx(RuleKind::kDailyRest)];
  out[idx(RuleKind::kDailyWatchHours)] += rules::window_watches_over(masks[d], next, limits_);
  if (!travel_on_) return;
  const int travel = problem_.unit->parameters.travel_minutes;
  auto code_in = [&](int day) {
    const ShiftCode* cells = &roster_.cells()[(static_cast<std::size_t>(p) * days_ + day) * L_.lanes];
    return [cells](int lane) { return cells[lane]; };
  };
  rules::day_duties(L_, d, W_, true, code_in(d), duties_day_);
  duties_before_.count = 0;
  if (d > 0) rules::day_duties(L_, d - 1, W_, true, code_in(d - 1), duties_before_);
  out[idx(RuleKind::kTravel)] += rules::travel_units(duties_before_, duties_day_, travel, [](const auto&, const auto&) {});
}

bool UnitEvaluator::timeline_kept(int p, int d) const {
  RuleAmounts a{};
  timeline_cost(p, d, a);
  if (d + 1 < days_) timeline_cost(p, d + 1, a);
  for (RuleKind k : {RuleKind::kWatchesInRow, RuleKind::kDailyRest, RuleKind::kDailyWatchHours, RuleKind::kTravel})
    if (a[idx(k)] > 0 && problem_.rule(k).enabled) return false;
  return true;
}

bool UnitEvaluator::travel_fits(int p, int d, int s, int pl) const {
  if (!travel_on_) return true;
  auto fill = [&](int day, rules::DayDuties& out) {
    out.count = 0;
    if (day < 0 || day >= days_) return;
    const ShiftCode* cells = &roster_.cells()[(static_cast<std::size_t>(p) * days_ + day) * L_.lanes];
    rules::day_duties(L_, day, W_, true, [cells](int lane) { return cells[lane]; }, out);
  };
  fill(d - 1, duties_before_);
  fill(d, duties_day_);
  fill(d + 1, duties_after_);
  const int start = d * kMinutesPerDay + L_.slot_start[s];
  const rules::Duty mine{start, start + L_.watch_minutes, pl, s};
  const rules::Duty* prev = nullptr;
  const rules::Duty* next = nullptr;
  for (const rules::DayDuties* list : {&duties_before_, &duties_day_, &duties_after_})
    for (int i = 0; i < list->count; ++i) {
      const rules::Duty& x = list->duty[static_cast<std::size_t>(i)];
      if (x.start == mine.start && x.slot == s) continue;  // this very watch
      if (x.start <= mine.start) prev = &x;
      else if (!next) next = &x;
    }
  const int travel = problem_.unit->parameters.travel_minutes;
  return !(prev && rules::too_close(*prev, mine, travel)) && !(next && rules::too_close(mine, *next, travel));
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

}  // namespace vigil
