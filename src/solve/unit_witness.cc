// The witness planner (see unit_witness.h): a constructive plan, block by
// block of the rotation, that keeps every hard rule for the generator's setup.
#include "solve/unit_witness.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <functional>
#include <queue>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "eval/rules/day_limits.h"
#include "solve/unit_witness_pairs.h"

namespace vigil {
namespace {

// ---- the witness plan --------------------------------------------------------
//
// The generator keeps the unit's defaults (2-hour watches, 2 watchers per
// post, at most 8 watch hours and 2 watches in a row, a 6-hour rest), for
// which three disjoint pairs hold a post's 12 watches a day: the pairs take
// slots {0,5,6,11}, {1,2,7,8} and {3,4,9,10}, so everyone stands 4 watches, at
// most 2 in a row also over the changeover (only the first pattern holds the
// day's last and first slots: 11 then 0 is 2), with 4 free slots (8 h) in a
// row, and a pair keeps its pattern through its post stint, so any 24 hours
// of it hold 4 watches and a 6-hour rest.
constexpr std::array<std::array<int, 4>, 3> kWatchPatterns = {{{0, 5, 6, 11}, {1, 2, 7, 8}, {3, 4, 9, 10}}};
constexpr int kPairsPerPost = 3;
// A rest center's guard in six turns of two slots. Daily-rest and
// daily-watch-hours hold over any 24 hours, so a turn goes to someone whose
// watches the day before and after leave room for it: the early turns
// ({0,2}, {1,3}) fit before any post pattern, the late ones ({7,11}, {9,10})
// after any, {4,5} and {6,8} either side, and every late turn before every
// early one (checked with rules::keeps_limits_between as they are given).
constexpr std::array<std::array<int, 2>, 6> kGuardTurns = {{{0, 2}, {1, 3}, {4, 5}, {6, 8}, {7, 11}, {9, 10}}};
constexpr int kGuardsPerRestCenter = 3;  // the fewest people a rest center's guard needs

using witness::pair_people;
using witness::Unit;
using witness::WitnessPerson;

class Witness {
 public:
  Witness(const Problem& problem, int classes) : pb_(problem), classes_(classes) {}

  // Showers each rest center needs for the plan (at least those it has).
  int showers_needed() const { return showers_needed_; }

  // True when the plan keeps every hard rule; `why` says what failed.
  bool build(std::string* why) {
    if (!setup(why)) return false;
    const int P = rot().post_days;
    for (int b = 0; b * P < days_; ++b)
      if (!plan_block(b, why)) return false;
    return check_rest_centers(why) && check_rotation(why);
  }

 private:
  const Rotation& rot() const { return pb_.unit->rotation; }
  bool present(int i, int d) const { return present_[static_cast<std::size_t>(i) * days_ + d] != 0; }
  int& place(int i, int d) { return place_[static_cast<std::size_t>(i) * days_ + d]; }
  int place(int i, int d) const { return place_[static_cast<std::size_t>(i) * days_ + d]; }

  bool setup(std::string* why) {
    n_ = pb_.person_count();
    days_ = pb_.days();
    for (int pl = 0; pl < static_cast<int>(pb_.places.size()); ++pl)
      (pb_.places[pl].kind == PlaceKind::kPost ? posts_ : rests_).push_back(pl);
    if (posts_.empty() || rests_.empty()) return fail(why, "no posts or no rest centers");
    for (int pl : posts_) post_capacity_ += pb_.places[pl].capacity;
    const auto& needs = pb_.unit->parameters.team_needs;
    people_.resize(static_cast<std::size_t>(n_));
    present_.assign(static_cast<std::size_t>(n_) * days_, 0);
    place_.assign(static_cast<std::size_t>(n_) * days_, -1);
    std::vector<int> holders(needs.size(), 0);
    for (int i = 0; i < n_; ++i) {
      const Person& p = pb_.people[i];
      WitnessPerson& w = people_[i];
      for (const SpokenLanguage& l : p.unit.languages) w.languages |= 1u << l.language;
      w.novice = p.unit.experience == Experience::kNone;
      for (std::size_t k = 0; k < needs.size(); ++k)
        if (p.unit.meets(needs[k])) {
          w.needs |= 1u << k;
          ++holders[k];
        }
      for (int d = 0; d < days_; ++d) present_[static_cast<std::size_t>(i) * days_ + d] = present_on_day(p, d) ? 1 : 0;
    }
    // Rotation classes (who is at a post in which block): pair everyone up for
    // watches, then deal the pairs and singles to the classes, those with the
    // scarcest needs first, each to the class with the fewest people so far.
    std::vector<int> everyone(static_cast<std::size_t>(n_));
    for (int i = 0; i < n_; ++i) everyone[i] = i;
    std::vector<Unit> units;
    pair_people(people_, everyone, units);
    partner_.assign(static_cast<std::size_t>(n_), -1);
    mark_.assign(static_cast<std::size_t>(n_), 0);
    for (const Unit& u : units)
      if (u.c >= 0) {
        partner_[u.a] = u.c;
        partner_[u.c] = u.a;
      }
    std::vector<int> scarce(needs.size());
    for (std::size_t k = 0; k < needs.size(); ++k) scarce[k] = static_cast<int>(k);
    std::stable_sort(scarce.begin(), scarce.end(), [&](int a, int b) { return holders[a] < holders[b]; });
    auto key = [&](const Unit& u) {
      std::uint32_t k = 0;
      for (int s : scarce) k = (k << 1) | ((u.needs >> s) & 1u);
      return k;
    };
    std::stable_sort(units.begin(), units.end(), [&](const Unit& x, const Unit& y) { return key(x) > key(y); });
    class_of_.assign(static_cast<std::size_t>(n_), 0);
    std::vector<int> class_size(static_cast<std::size_t>(classes_), 0);
    for (const Unit& u : units) {
      const int c = static_cast<int>(std::min_element(class_size.begin(), class_size.end()) - class_size.begin());
      class_size[c] += u.size();
      class_of_[u.a] = c;
      if (u.c >= 0) class_of_[u.c] = c;
    }
    at_post_.assign(static_cast<std::size_t>(n_), 0);
    rest_run_.assign(static_cast<std::size_t>(n_), 0);
    rest_after_post_.assign(static_cast<std::size_t>(n_), 0);
    center_.assign(static_cast<std::size_t>(n_), -1);
    return true;
  }

  static bool fail(std::string* why, std::string text) {
    if (why) *why = std::move(text);
    return false;
  }

  // Who goes to a post in block b, which post, and which rest center for the
  // others; then the day-by-day state of everyone's runs.
  bool plan_block(int b, std::string* why) {
    const int P = rot().post_days;
    const int d0 = b * P, d1 = std::min(days_, d0 + P) - 1;
    const int block_days = d1 - d0 + 1;
    struct Candidate {
      int person, rest, due;
      bool full;
    };
    std::vector<Candidate> optional;
    std::vector<int> posted;
    std::vector<char> full(static_cast<std::size_t>(n_), 0);
    std::vector<char> in_block(static_cast<std::size_t>(n_), 0);
    int present_people = 0;
    for (int i = 0; i < n_; ++i) {
      int first = -1, count = 0;
      for (int d = d0; d <= d1; ++d)
        if (present(i, d)) {
          if (first < 0) first = d;
          ++count;
        }
      if (count == 0) continue;
      in_block[i] = 1;
      ++present_people;
      full[i] = count == block_days ? 1 : 0;
      const bool continuing = first == d0 && d0 > 0 && present(i, d0 - 1);
      const bool after_post = continuing && at_post_[i];
      const int rest_before = continuing && !at_post_[i] ? rest_run_[i] : 0;
      const bool can_post = !after_post && !(rest_before > 0 && rest_after_post_[i] && rest_before < rot().rest_days);
      const bool must_post = rest_before + count > rot().max_rest_days;
      if (must_post) {
        if (!can_post) return fail(why, fmt::format("block {}: {} can neither post nor rest", b, pb_.people[i].name));
        posted.push_back(i);
      } else if (can_post) {
        const int due = ((class_of_[i] - b) % classes_ + classes_) % classes_;
        optional.push_back(Candidate{i, rest_before, due, full[i] != 0});
      }
    }
    const int least = kPairsPerPost * kWitnessWatchersPerPost * static_cast<int>(posts_.size());
    // Half of those present (two classes), or every bed once more than
    // twice the beds are present: those not posted now are enough next time.
    const int target =
        std::max(static_cast<int>(posted.size()), std::min(post_capacity_, std::max(least, (present_people + 1) / 2)));
    if (static_cast<int>(posted.size()) > post_capacity_)
      return fail(why, fmt::format("block {}: {} people must go to the posts, which hold {}", b, posted.size(),
                                   post_capacity_));
    std::stable_sort(optional.begin(), optional.end(), [](const Candidate& a, const Candidate& c) {
      if (a.rest != c.rest) return a.rest > c.rest;
      if (a.full != c.full) return a.full;
      return a.due < c.due;
    });
    for (std::size_t k = 0; k < optional.size() && static_cast<int>(posted.size()) < target; ++k)
      posted.push_back(optional[k].person);

    std::vector<int> post_of(static_cast<std::size_t>(n_), -1);
    if (!form_teams(posted, full, post_of, b, why)) return false;

    // Rest centers: a rest run goes on where it is; a new one goes to the
    // center with the fewest people this block.
    std::vector<int> load(rests_.size(), 0);
    std::vector<int> fresh;
    for (int i = 0; i < n_; ++i) {
      if (!in_block[i] || post_of[i] >= 0) continue;
      const bool continuing = present(i, d0) && d0 > 0 && present(i, d0 - 1) && !at_post_[i] && rest_run_[i] > 0;
      if (continuing) {
        ++load[static_cast<std::size_t>(center_[i])];
      } else {
        fresh.push_back(i);
      }
    }
    for (int i : fresh) {
      const auto it = std::min_element(load.begin(), load.end());
      center_[i] = static_cast<int>(it - load.begin());
      ++*it;
    }
    for (int i = 0; i < n_; ++i) {
      if (!in_block[i]) continue;
      const int where = post_of[i] >= 0 ? posts_[static_cast<std::size_t>(post_of[i])]
                                         : rests_[static_cast<std::size_t>(center_[i])];
      for (int d = d0; d <= d1; ++d) {
        if (!present(i, d)) {
          at_post_[i] = 0;
          rest_run_[i] = 0;
          rest_after_post_[i] = 0;
          continue;
        }
        place(i, d) = where;
        if (post_of[i] >= 0) {
          at_post_[i] = 1;
          rest_run_[i] = 0;
        } else {
          // The state still describes day d - 1 (reset on an absent day).
          if (at_post_[i]) {
            rest_after_post_[i] = 1;
            rest_run_[i] = 1;
          } else if (rest_run_[i] > 0) {
            ++rest_run_[i];
          } else {
            rest_after_post_[i] = 0;
            rest_run_[i] = 1;
          }
          at_post_[i] = 0;
        }
      }
    }
    for (int i = 0; i < n_; ++i)
      if (!in_block[i]) {
        at_post_[i] = 0;
        rest_run_[i] = 0;
        rest_after_post_[i] = 0;
      }
    return true;
  }

  // Splits the people posted in a block into post teams: disjoint watch pairs
  // among those present all block (partners of the class kept together where
  // both are posted), kPairsPerPost per post, every team need met, beds not
  // exceeded.
  bool form_teams(const std::vector<int>& posted, const std::vector<char>& full, std::vector<int>& post_of, int b,
                  std::string* why) {
    std::vector<Unit> units;
    std::vector<int> loose;
    for (int i : posted) mark_[i] = full[i] ? 1 : 0;
    for (int i : posted) {
      if (!full[i]) {
        units.push_back(Unit{i, -1, people_[i].needs});
      } else if (const int j = partner_[i]; j >= 0 && mark_[j]) {
        if (i < j) units.push_back(Unit{i, j, people_[i].needs | people_[j].needs});
      } else {
        loose.push_back(i);
      }
    }
    for (int i : posted) mark_[i] = 0;
    pair_people(people_, loose, units);

    // Teams. Needs first (scarcest first, pairs before singles), then the
    // pairs each post must have, then everyone else where beds are free.
    const auto& needs = pb_.unit->parameters.team_needs;
    const int posts = static_cast<int>(posts_.size());
    std::vector<int> size(static_cast<std::size_t>(posts), 0), pairs(static_cast<std::size_t>(posts), 0);
    std::vector<std::vector<int>> have(static_cast<std::size_t>(posts), std::vector<int>(needs.size(), 0));
    std::vector<int> team_of(units.size(), -1);
    auto room = [&](int t) { return pb_.places[posts_[static_cast<std::size_t>(t)]].capacity - size[t]; };
    auto assign = [&](std::size_t u, int t) {
      team_of[u] = t;
      size[t] += units[u].size();
      if (units[u].c >= 0) ++pairs[t];
      for (std::size_t k = 0; k < needs.size(); ++k)
        if ((units[u].needs >> k) & 1u) ++have[t][k];
    };
    std::vector<std::size_t> need_order(needs.size());
    for (std::size_t k = 0; k < needs.size(); ++k) need_order[k] = k;
    std::vector<int> providers(needs.size(), 0);
    for (const Unit& u : units)
      for (std::size_t k = 0; k < needs.size(); ++k) providers[k] += (u.needs >> k) & 1u;
    std::stable_sort(need_order.begin(), need_order.end(),
                     [&](std::size_t x, std::size_t y) { return providers[x] < providers[y]; });
    for (std::size_t k : need_order) {
      std::vector<std::size_t> offer;
      for (std::size_t u = 0; u < units.size(); ++u)
        if ((units[u].needs >> k) & 1u) offer.push_back(u);
      // Pairs first, then the units that bring the fewest other needs.
      std::stable_sort(offer.begin(), offer.end(), [&](std::size_t x, std::size_t y) {
        if (units[x].size() != units[y].size()) return units[x].size() > units[y].size();
        return std::popcount(units[x].needs) < std::popcount(units[y].needs);
      });
      std::size_t next = 0;  // offer[0, next) are all assigned
      for (int t = 0; t < posts; ++t)
        while (have[t][k] < needs[k].count) {
          while (next < offer.size() && team_of[offer[next]] >= 0) ++next;
          std::size_t j = next;
          while (j < offer.size() && (team_of[offer[j]] >= 0 || units[offer[j]].size() > room(t))) ++j;
          if (j == offer.size())
            return fail(why, fmt::format("block {}: too few posted people are {}", b, needs[k].label));
          assign(offer[j], t);
        }
    }
    std::size_t next = 0;
    for (int t = 0; t < posts; ++t)
      while (pairs[t] < kPairsPerPost) {
        while (next < units.size() && (team_of[next] >= 0 || units[next].c < 0 || room(t) < 2)) ++next;
        if (next == units.size()) return fail(why, fmt::format("block {}: too few watch pairs", b));
        assign(next++, t);
      }
    int cursor = 0;
    for (std::size_t u = 0; u < units.size(); ++u) {
      if (team_of[u] >= 0) continue;
      if (units[u].c >= 0) {
        int t = cursor, tries = 0;
        while (tries < posts && room(t) < 2) t = (t + 1) % posts, ++tries;
        if (tries < posts) {
          assign(u, t);
          cursor = (t + 1) % posts;
          continue;
        }
        // No post has two free beds: split the pair into two singles.
        const int c = units[u].c;
        units[u].c = -1;
        units[u].needs = people_[units[u].a].needs;
        units.push_back(Unit{c, -1, people_[c].needs});
        team_of.push_back(-1);
      }
      int t = cursor, tries = 0;
      while (tries < posts && room(t) < 1) t = (t + 1) % posts, ++tries;
      if (tries == posts) return fail(why, fmt::format("block {}: more people at the posts than beds", b));
      assign(u, t);
      cursor = (t + 1) % posts;
    }
    std::vector<int> watching(static_cast<std::size_t>(posts), 0);
    for (std::size_t u = 0; u < units.size(); ++u) {
      post_of[units[u].a] = team_of[u];
      if (units[u].c < 0) continue;
      post_of[units[u].c] = team_of[u];
      if (int& k = watching[team_of[u]]; k < kPairsPerPost)
        watch_pairs_.push_back(WatchPair{b, posts_[static_cast<std::size_t>(team_of[u])], units[u].a, units[u].c, k++});
    }
    return true;
  }

  // Beds and guards at every rest center every day; and the fewest showers
  // per rest center (at least its own) that give every rest stint its shower,
  // earliest-ending stint first.
  bool check_rest_centers(std::string* why) {
    const int shower_slots = pb_.unit->shower_slots_per_day();
    for (int pl : rests_) {
      const Place& place_info = pb_.places[pl];
      std::vector<int> count(static_cast<std::size_t>(days_), 0);
      std::vector<std::vector<int>> stint_ends(static_cast<std::size_t>(days_));  // by start day
      for (int i = 0; i < n_; ++i)
        for (int d = 0; d < days_; ++d) {
          if (place(i, d) != pl) continue;
          ++count[d];
          if (d == 0 || place(i, d - 1) != pl) {
            int e = d;
            while (e + 1 < days_ && place(i, e + 1) == pl) ++e;
            stint_ends[d].push_back(e);
          }
        }
      for (int d = 0; d < days_; ++d) {
        if (place_info.capacity > 0 && count[d] > place_info.capacity)
          return fail(why, fmt::format("{} day {}: {} people for {} beds", place_info.name, d, count[d], place_info.capacity));
        if (place_info.watchers > 0 && count[d] < kGuardsPerRestCenter * place_info.watchers)
          return fail(why, fmt::format("{} day {}: {} people cannot keep the guard", place_info.name, d, count[d]));
      }
      auto enough = [&](int showers) {
        std::priority_queue<int, std::vector<int>, std::greater<>> open;
        for (int d = 0; d < days_; ++d) {
          for (int e : stint_ends[d]) open.push(e);
          for (int k = 0; k < showers * shower_slots && !open.empty(); ++k) open.pop();
          if (!open.empty() && open.top() <= d) return false;
        }
        return true;
      };
      int showers = std::max(place_info.showers, 1);
      while (!enough(showers)) ++showers;
      showers_needed_ = std::max(showers_needed_, showers);
    }
    return true;
  }

 public:
  // The plan as a roster: places, the pairs' watches, the guard turns (three
  // people at each rest center each day) and one shower per rest stint.
  std::optional<Roster> roster() const {
    const UnitLayout L = make_unit_layout(pb_);
    Roster r(pb_);
    const int W = L.watch_slots;
    for (int i = 0; i < n_; ++i)
      for (int d = 0; d < days_; ++d)
        if (place(i, d) >= 0) r.set(i, d, L.stay_shift[place(i, d)], UnitLayout::kPlacementLane);
    auto watch = [&](int i, int d, int pl, int pattern) {
      for (int s : kWatchPatterns[static_cast<std::size_t>(pattern)])
        r.set(i, d, L.watch_shift[static_cast<std::size_t>(pl) * W + s], L.watch_lane(s));
    };
    const int P = rot().post_days;
    for (const WatchPair& wp : watch_pairs_)
      for (int d = wp.block * P; d < std::min(days_, (wp.block + 1) * P); ++d) {
        watch(wp.a, d, wp.place, wp.pattern);
        watch(wp.c, d, wp.place, wp.pattern);
      }
    // guard[i * days + d]: the guard slots person i stands on day d (bits).
    std::vector<std::uint32_t> guard(static_cast<std::size_t>(n_) * days_, 0);
    if (!give_guard_turns(r, L, guard)) return std::nullopt;
    // Showers: earliest-ending stint first, in a slot with a free shower
    // that does not overlap the person's own guard turn.
    for (int pl : rests_) {
      const int showers = pb_.places[pl].showers;
      std::vector<std::vector<std::pair<int, int>>> starting(static_cast<std::size_t>(days_));  // (end, person)
      for (int i = 0; i < n_; ++i)
        for (int d = 0; d < days_; ++d)
          if (place(i, d) == pl && (d == 0 || place(i, d - 1) != pl)) {
            int e = d;
            while (e + 1 < days_ && place(i, e + 1) == pl) ++e;
            starting[d].push_back({e, i});
          }
      std::priority_queue<std::pair<int, int>, std::vector<std::pair<int, int>>, std::greater<>> open;
      for (int d = 0; d < days_; ++d) {
        for (const auto& stint : starting[d]) open.push(stint);
        std::vector<int> used(static_cast<std::size_t>(L.shower_slots), 0);
        std::vector<std::pair<int, int>> later;
        while (!open.empty()) {
          const auto [end, i] = open.top();
          open.pop();
          int slot = -1;
          for (int k = 0; k < L.shower_slots && slot < 0; ++k) {
            if (used[k] >= showers) continue;
            const int from = L.shower_start[k], to = from + L.shower_minutes;
            bool clash = false;
            for (int s = 0; s < W; ++s)
              if (((guard[static_cast<std::size_t>(i) * days_ + d] >> s) & 1u) &&
                  from < (s + 1) * L.watch_minutes && s * L.watch_minutes < to)
                clash = true;
            if (!clash) slot = k;
          }
          if (slot < 0) {
            if (end <= d) return std::nullopt;
            later.push_back({end, i});
            continue;
          }
          ++used[slot];
          r.set(i, d, L.shower_shift[static_cast<std::size_t>(pl) * L.shower_slots + slot], L.shower_lane);
          if (std::all_of(used.begin(), used.end(), [&](int u) { return u >= showers; })) break;
        }
        for (const auto& stint : later) open.push(stint);
        if (!open.empty() && open.top().first <= d) return std::nullopt;
      }
    }
    return r;
  }

 private:
  // Each guard turn of each rest center and day to someone there who keeps
  // the limits over any 24 hours with it, fewest turns so far first (then in
  // a rotating order); false when a turn finds nobody.
  bool give_guard_turns(Roster& r, const UnitLayout& L, std::vector<std::uint32_t>& guard) const {
    const int W = L.watch_slots;
    const rules::DayLimits lim = rules::day_limits(pb_.unit->parameters, L.watch_minutes, W);
    auto mask = [&](int i, int d) {
      std::uint64_t m = 0;
      if (d < 0 || d >= days_) return m;
      for (int s = 0; s < W; ++s)
        if (r.at(i, d, L.watch_lane(s)) >= 0) m |= std::uint64_t{1} << s;
      return m;
    };
    std::vector<int> turns(static_cast<std::size_t>(n_), 0);
    for (int d = 0; d < days_; ++d)
      for (int pl : rests_) {
        if (pb_.places[pl].watchers <= 0) continue;
        std::vector<int> here;
        for (int i = 0; i < n_; ++i)
          if (place(i, d) == pl) here.push_back(i);
        if (here.empty()) return false;
        std::rotate(here.begin(), here.begin() + d % static_cast<int>(here.size()), here.end());
        // A turn nobody can stand whole is split into its single slots.
        auto give = [&](std::uint64_t bits) {
          int who = -1;
          for (int i : here)
            if ((who < 0 || turns[i] < turns[who]) && !(mask(i, d) & bits) &&
                rules::keeps_limits_between(mask(i, d - 1), mask(i, d) | bits, mask(i, d + 1), lim))
              who = i;
          if (who < 0) return false;
          for (std::uint64_t b = bits; b; b &= b - 1) {
            const int s = std::countr_zero(b);
            r.set(who, d, L.watch_shift[static_cast<std::size_t>(pl) * W + s], L.watch_lane(s));
            guard[static_cast<std::size_t>(who) * days_ + d] |= 1u << s;
          }
          ++turns[static_cast<std::size_t>(who)];
          return true;
        };
        for (const auto& turn : kGuardTurns) {
          std::uint64_t bits = 0;
          for (int s : turn) bits |= std::uint64_t{1} << s;
          if (give(bits)) continue;
          for (int s : turn)
            if (!give(std::uint64_t{1} << s)) return false;
        }
      }
    return true;
  }

  // The rotation rule of docs/unit-rules.md on every line of the plan.
  bool check_rotation(std::string* why) const {
    const Rotation& r = rot();
    auto kind = [&](int i, int d) {
      const int pl = place(i, d);
      return pl < 0 ? -1 : static_cast<int>(pb_.places[pl].kind);
    };
    const int post = static_cast<int>(PlaceKind::kPost);
    for (int i = 0; i < n_; ++i) {
      int d = 0;
      while (d < days_) {
        if (present(i, d) && place(i, d) < 0) return fail(why, fmt::format("{} placed nowhere", pb_.people[i].name));
        const int k = kind(i, d);
        if (k < 0) {
          ++d;
          continue;
        }
        int e = d;
        while (e + 1 < days_ && kind(i, e + 1) == k) ++e;
        const int len = e - d + 1;
        for (int x = d + 1; x <= e; ++x)
          if (place(i, x) != place(i, x - 1) || (k == post && x % r.post_days == 0))
            return fail(why, fmt::format("{} day {}: broken stint", pb_.people[i].name, x));
        if (k == post) {
          bool excused = d == 0 || e == days_ - 1;
          for (int x = std::max(d - 1, 0); x <= std::min(e + 1, days_ - 1); ++x) excused = excused || !present(i, x);
          if (len < r.post_days && !excused)
            return fail(why, fmt::format("{} day {}: short post stint", pb_.people[i].name, d));
        } else {
          const bool between = d > 0 && e + 1 < days_ && kind(i, d - 1) == post && kind(i, e + 1) == post;
          if ((between && len < r.rest_days) || len > r.max_rest_days)
            return fail(why, fmt::format("{} day {}: rest of {} days", pb_.people[i].name, d, len));
        }
        d = e + 1;
      }
    }
    return true;
  }

  const Problem& pb_;
  int classes_ = 2;
  int n_ = 0, days_ = 0;
  std::vector<int> posts_, rests_;
  int post_capacity_ = 0;
  int showers_needed_ = 0;
  std::vector<WitnessPerson> people_;
  std::vector<std::uint8_t> present_;
  std::vector<int> place_;
  std::vector<int> class_of_;
  std::vector<int> partner_;          // watch partner of the class plan, -1 when single
  std::vector<std::uint8_t> mark_;    // scratch, all 0 between uses
  std::vector<int> at_post_, rest_run_, rest_after_post_, center_;
  struct WatchPair {
    int block, place, a, c, pattern;  // pattern: index into kWatchPatterns
  };
  std::vector<WatchPair> watch_pairs_;
};

}  // namespace

std::optional<int> witness_showers_needed(const Problem& drawn, int classes, std::string* why) {
  Witness witness(drawn, classes);
  if (!witness.build(why)) return std::nullopt;
  return witness.showers_needed();
}

std::optional<Roster> witness_roster(const Problem& generated) {
  if (!generated.is_unit()) return std::nullopt;
  // The watch patterns assume the generator's watch setup.
  const UnitSetup& u = *generated.unit;
  const UnitRuleParameters& par = u.parameters;
  if (u.watch_minutes != 120 || u.rotation.post_days <= 0 || par.max_watch_minutes < 480 ||
      par.max_watches_in_row < 2 || par.min_rest_minutes > 480)
    return std::nullopt;
  for (const Place& place : generated.places)
    if ((place.kind == PlaceKind::kPost && place.watchers != kWitnessWatchersPerPost) ||
        (place.kind == PlaceKind::kRestCenter && place.watchers > 1) || place.kind == PlaceKind::kWard ||
        !place.open_throughout(generated.days()) || !place.beds_changes.empty())
      return std::nullopt;
  const Rotation& r = u.rotation;
  Witness witness(generated, std::max(2, r.max_rest_days / r.post_days + 1));
  std::string why;
  if (!witness.build(&why)) return std::nullopt;
  return witness.roster();
}

}  // namespace vigil
